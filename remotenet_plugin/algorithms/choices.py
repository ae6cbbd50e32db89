"""Choice parameters chosen by name: ``DEVICE=cpu``, ``ENCODER=resnet18``.

QGIS's enum parameters take an index (``DEVICE=2``) unless they use static strings
(``usesStaticStrings``, QGIS 3.18 and later): then the value is the choice's name, which is what
qgis_process, batch files and saved models (.model3) store, so a model survives a reordering of
the choices. Our names are the engine's own (``"auto"``, ``"cuda"``, ``"cpu"``...), the same as on
the command line.

Two things QGIS does not do for static strings, checked on 3.22, 3.40 and 3.44:

- it refuses the old indexes (``checkValueIsAcceptable(2)`` is False), which every model, batch
  file and script written before held. :class:`ChoiceParameter` accepts them, and names in any case;
- ``parameterAsEnum`` answers 0 for a name, and ``parameterAsEnumString`` the first choice for an
  index. :func:`choice_value` reads either, and says what is wrong with anything else.

QGIS shows a static string as it is in the dialog's list, whatever the language: the names are
short technical words (auto, cpu, fp32, openvino, resnet18); the parameter's label and its help
are translated.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingParameterEnum, QgsProperty
from qgis.PyQt.QtCore import QCoreApplication

from .compat import FLAG_OPTIONAL


class UnknownChoice(ValueError):
    """The value names no choice."""


def _null_variant(value: Any) -> bool:
    """A null QVariant (PyQt5 hands some unset values over as one; Qt 6 has no QVariant in Python)."""
    is_null = getattr(value, "isNull", None)
    return type(value).__name__ == "QVariant" and callable(is_null) and bool(is_null())


def choice_name(value: Any, names: Sequence[str], aliases: dict[str, str] | None = None) -> str | None:
    """The choice ``value`` means: a name (any case, or an alias), an index (an int, or digits in a
    string: what qgis_process passes), or None when no value was given. Raises UnknownChoice."""
    if value is None or _null_variant(value):
        return None
    if isinstance(value, bool):
        raise UnknownChoice(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        folded = {name.lower(): name for name in names}
        folded.update({alias.lower(): name for alias, name in (aliases or {}).items()})
        if text.lower() in folded:
            return folded[text.lower()]
        if text.isdigit():
            value = int(text)
    if isinstance(value, int) and 0 <= value < len(names):
        return names[value]
    raise UnknownChoice(value)


class ChoiceParameter(QgsProcessingParameterEnum):
    """An enum parameter with static strings (the names) that also accepts the old indexes."""

    def __init__(self, name: str, description: str, names: Sequence[str], default: str,
                 aliases: dict[str, str] | None = None, optional: bool = False) -> None:
        super().__init__(name, description, options=list(names), allowMultiple=False, defaultValue=default,
                         optional=optional, usesStaticStrings=True)
        self.aliases = dict(aliases or {})

    def clone(self) -> ChoiceParameter:
        copy = ChoiceParameter(self.name(), self.description(), self.options(), self.defaultValue(), self.aliases,
                               optional=bool(self.flags() & FLAG_OPTIONAL))
        copy.setFlags(self.flags())
        copy.setHelp(self.help())
        copy.setMetadata(self.metadata())
        return copy

    def checkValueIsAcceptable(self, value: Any, context: QgsProcessingContext | None = None) -> bool:  # noqa: N802
        if isinstance(value, QgsProperty):
            return True
        try:
            name = choice_name(value, self.options(), self.aliases)
        except UnknownChoice:
            return False
        return name is not None or self.defaultValue() is not None or bool(self.flags() & FLAG_OPTIONAL)


def choice_value(algorithm: Any, parameters: dict, name: str, context: QgsProcessingContext) -> str:
    """The name chosen for the choice parameter ``name`` (its default when not given); raises a
    QgsProcessingException naming the parameter and the choices for anything else."""
    definition = algorithm.parameterDefinition(name)
    names = definition.options()
    aliases = getattr(definition, "aliases", None)
    value = parameters.get(name)
    if isinstance(value, QgsProperty):
        value = algorithm.parameterAsString(parameters, name, context)
    try:
        chosen = choice_name(value, names, aliases)
        if chosen is None:
            chosen = choice_name(definition.defaultValue(), names, aliases)
    except UnknownChoice:
        chosen = None
    if chosen is None:
        raise QgsProcessingException(QCoreApplication.translate(
            "RemoteNetAlgorithm", "{parameter}: {value} is not one of its choices; give one of {names} (or its "
            "number, 0 to {last})").format(parameter=name, value=repr(value), names=", ".join(names),
                                           last=len(names) - 1))
    return chosen


def choices_help(names: Sequence[str]) -> str:
    """The names a user can pass, for a parameter's help line."""
    return QCoreApplication.translate("RemoteNetAlgorithm", "Values: {names}.").format(names=", ".join(names))

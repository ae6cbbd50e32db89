"""User-facing messages that front ends can translate, for code that must not import Qt.

The engine and the model raise errors whose text reaches QGIS users. Their English text is written
at the raise site as::

    QT_TRANSLATE_NOOP("RemoteNet", "band {band} is not in the raster").format(band=3)

``pylupdate5`` extracts calls named ``QT_TRANSLATE_NOOP(context, source)`` (only with exactly these
two arguments, which is why the values come in ``.format`` afterwards) into the ``.ts`` files of
``i18n/``. The result is a :class:`Message`: a ``str`` holding the English text (so ``str(err)``,
logs and the command line read as before) that also keeps its context, template and values, so
that the QGIS layer can show ``translate(context, template).format(**params)`` instead
(``remotenet_plugin/translation.py``). No imports beyond the standard library: every layer uses it.
"""
from __future__ import annotations

from typing import Any


class Message(str):
    """English text that remembers how it was made: ``context``, ``template`` and ``params``."""

    context: str
    template: str
    params: dict[str, Any]

    def __new__(cls, text: str, context: str, template: str, params: dict[str, Any] | None = None) -> Message:
        obj = super().__new__(cls, text)
        obj.context = context
        obj.template = template
        obj.params = dict(params or {})
        return obj

    def format(self, *args: Any, **params: Any) -> Message:  # type: ignore[override]
        """The template filled with named values; still a Message (positional values are refused,
        so that translations may reorder them)."""
        if args:
            raise TypeError("Message.format takes named values only ({name} placeholders)")
        return Message(self.template.format(**params), self.context, self.template, params)

    def __reduce__(self):  # pickles (Dask workers' errors) as a Message, not a plain str
        return Message, (str(self), self.context, self.template, self.params)


def message_of(err: BaseException) -> str:
    """An exception's message, still a :class:`Message` where it was raised with one (for re-raising
    it as another error without losing its translation)."""
    if len(err.args) == 1 and isinstance(err.args[0], Message):
        return err.args[0]
    return str(err)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:  # noqa: N802 - the name pylupdate5 extracts
    """Mark ``source`` for translation in ``context``; the English text, translated later by a front end."""
    return Message(source, context, source)

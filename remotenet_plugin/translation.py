"""The plugin in the user's language: its Qt translator, and the engine's messages translated.

QGIS's own strings follow the locale QGIS was set to (Settings > Options > General, stored as
``locale/userLocale`` when ``locale/overrideFlag`` is on); ``QgsApplication.locale()`` says which.
The plugin loads ``i18n/remotenet_<locale>.qm`` for the same locale when its plugin object is made
(``classFactory``: QGIS desktop and ``qgis_process`` alike) and removes it on unload.

Strings of this layer go through ``QCoreApplication.translate`` (``tr``). The engine and the model
cannot import Qt: their messages are :class:`~remotenet.model.messages.Message` strings that keep
their English template and values, and :func:`translated` / :func:`error_text` turn them into the
user's language here. Anything that cannot be translated is shown in English, never lost.
"""
from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ..model.messages import Message

I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"
CONTEXT = "RemoteNet"  # strings shared by several classes of this layer

_translator: QTranslator | None = None


def tr(text: str, context: str = CONTEXT) -> str:
    """``text`` in the user's language (``QCoreApplication.translate``)."""
    return QCoreApplication.translate(context, text)


def qgis_locale() -> str:
    """The locale QGIS speaks, e.g. "de" or "fr_CA" ("en" when unknown)."""
    try:
        from qgis.core import QgsApplication

        name = QgsApplication.locale()
    except (ImportError, AttributeError, RuntimeError):
        name = ""
    if not name:
        from qgis.core import QgsSettings
        from qgis.PyQt.QtCore import QLocale

        settings = QgsSettings()
        override = str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1")
        name = str(settings.value("locale/userLocale", "")) if override else ""
        name = name or QLocale().name()
    return name or "en"


def install_translator(locale: str | None = None) -> str | None:
    """Load and install the plugin's translation for ``locale`` (default: QGIS's); the .qm file used, or None.

    ``QTranslator.load`` falls back from "de_AT" to "de"; English needs no file. Safe to call again.
    """
    global _translator
    remove_translator()
    app = QCoreApplication.instance()
    if app is None:
        return None
    locale = (locale or qgis_locale()).replace("-", "_")
    translator = QTranslator()
    if not translator.load(f"remotenet_{locale}", str(I18N_DIR)):
        return None
    app.installTranslator(translator)
    _translator = translator
    return translator.filePath() if hasattr(translator, "filePath") else str(I18N_DIR)


def remove_translator() -> None:
    global _translator
    app = QCoreApplication.instance()
    if _translator is not None and app is not None:
        app.removeTranslator(_translator)
    _translator = None


def translated(text: object) -> str:
    """A :class:`Message` in the user's language (its values too, when they are Messages); other
    values as ``str``. Falls back to the English text when a translation does not fit its values."""
    if not isinstance(text, Message):
        return str(text)
    try:
        template = QCoreApplication.translate(text.context, text.template)
        if not text.params:
            return template
        return template.format(**{key: _param(value) for key, value in text.params.items()})
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return str(text)


def _param(value: object) -> object:
    """A value for a translated template: Messages and errors raised with one are translated too."""
    if isinstance(value, Message):
        return translated(value)
    if isinstance(value, BaseException):
        return error_text(value)
    return value


def error_text(err: BaseException) -> str:
    """An exception's message in the user's language.

    Engine errors with a ``field`` keep it in front of their ``detail``, as their English ``str`` does.
    """
    detail = getattr(err, "detail", None)
    if isinstance(detail, Message):
        field = getattr(err, "field", None)
        return f"{field}: {translated(detail)}" if field else translated(detail)
    if len(err.args) == 1 and isinstance(err.args[0], Message):
        return translated(err.args[0])
    return str(err)

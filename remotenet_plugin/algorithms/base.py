"""What every RemoteNet Processing algorithm shares: the run skeleton, naming, icon, the
dependency checks, and the adapters between the engine's plain callbacks and QgsProcessingFeedback.

The skeleton follows the threads QGIS runs an algorithm on (docs/architecture.md):

- ``checkParameterValues`` and ``prepareAlgorithm`` run on the GUI thread (the dialog's Run):
  they call ``resolve`` to turn parameters into a plan (layers into file paths, enums into
  strings) and let the engine judge it. No torch here: importing it would freeze the window.
- ``processAlgorithm`` runs on a worker thread with a context of its own: it imports torch
  (safely, ``import_dependencies``), asks for the output paths *with that context*, which is
  how the outputs are registered for loading into the project, then calls ``execute_plan``. Known
  errors become one-line messages, and the files of a failed run are removed.
"""
from __future__ import annotations

import os
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable

from qgis.core import (
    QgsMessageLog,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ...model.messages import Message
from ..dependencies import dependency_error, import_dependencies
from ..translation import error_text, translated
from .choices import choice_value, choices_help

PLUGIN_ROOT = Path(__file__).resolve().parents[2]
ICON_PATH = PLUGIN_ROOT / "resources" / "icon.svg"
LOG_TAG = "RemoteNet"


class RemoteNetAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses define name(), displayName(), initAlgorithm(), resolve() and execute_plan()."""

    needs_torch = True  # False for algorithms that run on GDAL and numpy alone

    def __init__(self) -> None:
        super().__init__()
        self._plan: Any = None

    # ----- what subclasses define --------------------------------------------------------------

    def resolve(self, parameters: dict, context: QgsProcessingContext, checking: bool) -> Any:
        """GUI thread: the checked plan for these parameters; raise QgsProcessingException saying
        what to change. ``checking`` is True when only checking (make no temporary copies)."""
        raise NotImplementedError

    def output_files(self, parameters: dict, context: QgsProcessingContext) -> dict[str, str | None]:
        """Worker thread: the output paths, asked for with the run's own context."""
        return {}

    def execute_plan(self, plan: Any, outputs: dict[str, str | None], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        raise NotImplementedError

    def known_errors(self) -> tuple[tuple[type[BaseException], ...], tuple[type[BaseException], ...]]:
        """(cancellation errors, errors whose message is the user's answer), imported lazily."""
        return (), ()

    def error_message(self, err: BaseException) -> str:
        """The user's message for a known error, in the user's language."""
        return error_text(err)

    def release(self, plan: Any) -> None:
        """Remove the plan's temporary files, if any."""

    def choice(self, parameters: dict, name: str, context: QgsProcessingContext) -> str:
        """The name chosen for a choice parameter (``choices.ChoiceParameter``): a name or an old index."""
        return choice_value(self, parameters, name, context)

    # ----- the skeleton ------------------------------------------------------------------------

    def tr(self, text: str) -> str:
        """``text`` in the user's language. pylupdate5 files ``self.tr`` calls under the class whose
        body holds them, so the lookup goes from this algorithm's class up to this base class."""
        for klass in type(self).__mro__:
            translation = QCoreApplication.translate(klass.__name__, text)
            if translation != text or klass is RemoteNetAlgorithm:
                return translation
        return text

    def createInstance(self):  # noqa: N802 - QGIS API name
        return type(self)()

    def group(self) -> str:
        return ""  # algorithms sit directly under the provider

    def groupId(self) -> str:  # noqa: N802
        return ""

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def helpUrl(self) -> str:  # noqa: N802
        return "https://github.com/remotenet-qgis/remotenet-qgis/blob/main/docs/qgis_usage.md"

    def checkParameterValues(self, parameters, context):  # noqa: N802
        # Our checks first: they say what to change, where QGIS's say "incorrect value".
        try:
            if self.needs_torch:
                message = dependency_error()
                if message:
                    raise QgsProcessingException(translated(message))
            self.release(self.resolve(parameters, context, checking=True))
        except QgsProcessingException as err:
            return False, str(err)
        except Exception as err:  # noqa: BLE001 - the dialog must get a message, never a traceback
            what = self.tr("Checking the {name} parameters").format(name=self.displayName())
            return False, str(unexpected_failure(what, err))
        return super().checkParameterValues(parameters, context)

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802
        self._plan = self.resolve(parameters, context, checking=False)
        return True

    def processAlgorithm(self, parameters, context, feedback) -> dict[str, Any]:  # noqa: N802
        plan, self._plan = self._plan, None
        if plan is None:
            plan = self.resolve(parameters, context, checking=False)
        outputs: dict[str, str | None] = {}
        started: dict[str, tuple[int, int] | None] = {}
        try:
            if self.needs_torch:
                message = import_dependencies()
                if message:
                    raise QgsProcessingException(translated(message))
            outputs = self.output_files(parameters, context)
            started = file_states(list(outputs.values()))
            cancelled, known = self.known_errors()
            try:
                return self.execute_plan(plan, outputs, context, feedback)
            except cancelled as err:
                raise QgsProcessingException(self.tr("{name} was cancelled; no output files were written.").format(
                    name=self.displayName())) from err
            except known as err:
                raise QgsProcessingException(self.error_message(err)) from err
        except QgsProcessingException:
            remove_new_files(list(outputs.values()), started)
            raise
        except Exception as err:  # noqa: BLE001 - a Processing error with the traceback in the log
            remove_new_files(list(outputs.values()), started)
            raise unexpected_failure(self.displayName(), err) from err
        finally:
            self.release(plan)


def help_html(intro: Message, parameters: list[tuple[Message, str, Message]], outro: Message | None = None,
              *, choices: dict[str, Sequence[str]] | None = None, **fields: object) -> str:
    """shortHelpString text in the user's language: the intro, one line per (label, key, text)
    parameter, the outro (texts marked with QT_TRANSLATE_NOOP, translated here).

    ``{name}`` placeholders in the parameter texts are filled from ``fields`` after translation;
    a parameter in ``choices`` (key: names) gets the names a user can pass after its text.
    """
    def fill(text: Message) -> str:
        return translated(text.format(**fields)) if fields and "{" in text.template else translated(text)

    def names(key: str) -> str:
        return " " + choices_help(choices[key]) if choices and key in choices else ""

    rows = "".join(f"<b>{translated(label)}</b> ({key}): {fill(text)}{names(key)}<br>"
                   for label, key, text in parameters)
    return translated(intro) + "<br><br>" + rows + ("<br>" + translated(outro) if outro else "")


def engine_callbacks(feedback: QgsProcessingFeedback | None
                     ) -> tuple[Callable[[float, str], None], Callable[[], bool], Callable[[str], None]]:
    """(progress, is_cancelled, log) for the engine, writing to ``feedback``.

    The engine reports progress in percent (0..100) and a short text (e.g. "tiles 3/10"); its texts
    and log lines are shown in the user's language.
    """
    feedback = feedback or QgsProcessingFeedback()
    last_text = [""]

    def progress(percent: float, text: str = "") -> None:
        feedback.setProgress(max(0.0, min(100.0, float(percent))))
        if text and text != last_text[0]:
            last_text[0] = text
            feedback.setProgressText(translated(text))

    def log(message: str) -> None:
        feedback.pushInfo(translated(message))

    return progress, feedback.isCanceled, log


def unexpected_failure(what: str, err: BaseException) -> QgsProcessingException:
    """A one-line error for the user; the traceback goes to the QGIS message log only."""
    QgsMessageLog.logMessage(f"{what} failed:\n{traceback.format_exc()}", LOG_TAG)
    text = QCoreApplication.translate("RemoteNetAlgorithm", "{what} failed: {error}")
    return QgsProcessingException(text.format(what=what, error=f"{type(err).__name__}: {error_text(err)}"))


def _candidates(path: str) -> tuple[str, ...]:
    return path, os.path.splitext(path)[0] + ".qml", path + ".aux.xml"


def _state(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def file_states(paths: list[str | None]) -> dict[str, tuple[int, int] | None]:
    """(mtime, size) of each output and its sidecars before the run; None where there is no file."""
    return {c: _state(c) for path in paths if path for c in _candidates(path)}


def remove_new_files(paths: list[str | None], started: dict[str, tuple[int, int] | None]) -> None:
    """After a failure, remove the outputs this run created or rewrote; a file that was there before
    and is unchanged is the user's and stays."""
    for path in paths:
        if not path:
            continue
        for candidate in _candidates(path):
            now = _state(candidate)
            try:
                if now is not None and now != started.get(candidate):
                    os.remove(candidate)
            except OSError:
                pass

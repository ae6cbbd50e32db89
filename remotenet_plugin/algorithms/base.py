"""What every RemoteNet Processing algorithm shares: naming, icon, dependency check, and the
adapters between the engine's plain callbacks and QgsProcessingFeedback."""
from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Callable

from qgis.core import QgsMessageLog, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..dependencies import dependency_error

PLUGIN_ROOT = Path(__file__).resolve().parents[2]
ICON_PATH = PLUGIN_ROOT / "resources" / "icon.svg"
LOG_TAG = "RemoteNet"


class RemoteNetAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses define name(), displayName(), initAlgorithm(), processAlgorithm()."""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("RemoteNet", text)

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

    @staticmethod
    def require_dependencies() -> None:
        """Fail with install instructions when torch/timm/safetensors are missing or broken."""
        message = dependency_error()
        if message:
            raise QgsProcessingException(message)


def help_html(intro: str, parameters: list[tuple[str, str, str]], outro: str = "", **fields: object) -> str:
    """shortHelpString text: the intro, one line per (label, key, text) parameter, the outro.

    ``{name}`` placeholders in the parameter texts are filled from ``fields``.
    """
    rows = "".join(f"<b>{label}</b> ({key}): {text.format(**fields) if fields else text}<br>"
                   for label, key, text in parameters)
    return intro + "<br><br>" + rows + ("<br>" + outro if outro else "")


def engine_callbacks(feedback: QgsProcessingFeedback | None
                     ) -> tuple[Callable[[float, str], None], Callable[[], bool], Callable[[str], None]]:
    """(progress, is_cancelled, log) for the engine, writing to ``feedback``.

    The engine reports progress in percent (0..100) and a short text (e.g. "tiles 3/10").
    """
    feedback = feedback or QgsProcessingFeedback()
    last_text = [""]

    def progress(percent: float, text: str = "") -> None:
        feedback.setProgress(max(0.0, min(100.0, float(percent))))
        if text and text != last_text[0]:
            last_text[0] = text
            feedback.setProgressText(text)

    def log(message: str) -> None:
        feedback.pushInfo(str(message))

    return progress, feedback.isCanceled, log


def unexpected_failure(what: str, err: BaseException) -> QgsProcessingException:
    """A one-line error for the user; the traceback goes to the QGIS message log only."""
    QgsMessageLog.logMessage(f"{what} failed:\n{traceback.format_exc()}", LOG_TAG)
    return QgsProcessingException(f"{what} failed: {type(err).__name__}: {err}")


def remove_new_files(paths: list[str | None], started: float) -> None:
    """Remove outputs this run created or rewrote (modified since ``started``) after a failure."""
    for path in paths:
        if not path:
            continue
        for candidate in (path, os.path.splitext(path)[0] + ".qml", path + ".aux.xml"):
            try:
                if os.path.exists(candidate) and os.path.getmtime(candidate) >= started - 1:
                    os.remove(candidate)
            except OSError:
                pass

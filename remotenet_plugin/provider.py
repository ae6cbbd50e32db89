"""The ``remotenet`` Processing provider ("RemoteNet").

Each algorithm module is imported on its own inside ``loadAlgorithms``: if one fails to
import, it is logged and skipped, so the provider (and QGIS) always start cleanly.
"""
from __future__ import annotations

import importlib
import traceback

from qgis.core import QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .algorithms import ALGORITHMS
from .algorithms.base import ICON_PATH, LOG_TAG

PROVIDER_ID = "remotenet"


class RemoteNetProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("RemoteNetProvider", text)

    def name(self) -> str:
        return self.tr("RemoteNet")

    def longName(self) -> str:  # noqa: N802
        return self.tr("RemoteNet semantic segmentation")

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def svgIconPath(self) -> str:  # noqa: N802
        return str(ICON_PATH)

    def supportedOutputRasterLayerExtensions(self) -> list[str]:  # noqa: N802
        return ["tif"]

    def supportedOutputVectorLayerExtensions(self) -> list[str]:  # noqa: N802
        return ["gpkg"]

    def defaultVectorFileExtension(self, hasGeometry: bool = True) -> str:  # noqa: N802, N803
        return "gpkg"

    def defaultRasterFileExtension(self) -> str:  # noqa: N802
        return "tif"

    def supportsNonFileBasedOutput(self) -> bool:  # noqa: N802
        return False  # the engine writes files: temporary outputs become temporary .tif/.gpkg files

    def loadAlgorithms(self) -> None:  # noqa: N802
        for module_name, class_name in ALGORITHMS:
            try:
                module = importlib.import_module(f".algorithms.{module_name}", __package__)
                self.addAlgorithm(getattr(module, class_name)())
            except Exception:  # noqa: BLE001 - never break QGIS start-up over one algorithm
                message = self.tr("RemoteNet: algorithm {name} could not be loaded:\n{traceback}")
                QgsMessageLog.logMessage(message.format(name=class_name, traceback=traceback.format_exc()), LOG_TAG)

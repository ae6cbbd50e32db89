"""The plugin object QGIS creates through ``classFactory``.

Under ``qgis_process`` iface is None and only ``initProcessing`` is called: nothing here may
touch iface on that path.
"""
from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

from .dependencies import block_triton
from .provider import PROVIDER_ID, RemoteNetProvider
from .translation import install_translator, remove_translator

SEGMENT_ID = f"{PROVIDER_ID}:segment"
MENU = "&RemoteNet"


class RemoteNetPlugin:
    def __init__(self, iface) -> None:
        # Before anything in QGIS imports torch: triton aborts QGIS desktop (see block_triton).
        block_triton()
        # Before the provider exists: its names are read in QGIS's language from the start.
        install_translator()
        self.iface = iface
        self.provider: RemoteNetProvider | None = None
        self.actions: list = []

    def initProcessing(self) -> None:  # noqa: N802 - QGIS API name
        if self.provider is None:
            self.provider = RemoteNetProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        from .algorithms.base import ICON_PATH

        action = QAction(QIcon(str(ICON_PATH)), self.tr("RemoteNet Segment…"), self.iface.mainWindow())
        action.setObjectName("remotenetSegmentAction")
        action.setStatusTip(self.tr("Classify a raster with a RemoteNet model"))
        action.triggered.connect(self.open_segment_dialog)
        self.iface.addPluginToRasterMenu(MENU, action)
        self.actions.append(action)
        from .installer_gui import add_installer_action, offer_install_if_missing

        self.actions.append(add_installer_action(self.iface, MENU))
        offer_install_if_missing(self.iface)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("RemoteNetPlugin", text)

    def open_segment_dialog(self) -> None:
        import processing

        processing.execAlgorithmDialog(SEGMENT_ID, {})

    def unload(self) -> None:
        if self.iface is not None:
            for action in self.actions:
                self.iface.removePluginRasterMenu(MENU, action)
                action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()

"""The plugin object QGIS creates through ``classFactory``.

Under ``qgis_process`` iface is None and only ``initProcessing`` is called: nothing here may
touch iface on that path.

``unload`` takes away everything the plugin added (menu entries and their signal connections,
the message bar offer, the provider, the translator): QGIS's plugin reload (and the Plugin
Reloader, and an upgrade from the plugin manager) then loads the new code into a clean QGIS.
tests/test_plugin_reload.py loads, unloads and reloads it through ``qgis.utils``.
"""
from __future__ import annotations

import sys

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

from .dependencies import block_triton
from .provider import PROVIDER_ID, RemoteNetProvider
from .translation import install_translator, remove_translator

SEGMENT_ID = f"{PROVIDER_ID}:segment"
MENU = "&RemoteNet"
PACKAGE = __name__.split(".")[0]  # the plugin folder's name: "remotenet"


class RemoteNetPlugin:
    def __init__(self, iface) -> None:
        # Before anything in QGIS imports torch: triton aborts QGIS desktop (see block_triton).
        block_triton()
        # Before the provider exists: its names are read in QGIS's language from the start.
        install_translator()
        self.iface = iface
        self.provider: RemoteNetProvider | None = None
        self.segment_action = None  # QAction, when initGui made it
        self.installer_action = None

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

        self.segment_action = QAction(QIcon(str(ICON_PATH)), self.tr("RemoteNet Segment…"), self.iface.mainWindow())
        self.segment_action.setObjectName("remotenetSegmentAction")
        self.segment_action.setStatusTip(self.tr("Classify a raster with a RemoteNet model"))
        self.segment_action.triggered.connect(self.open_segment_dialog)
        self.iface.addPluginToRasterMenu(MENU, self.segment_action)
        from .installer_gui import add_installer_action, offer_install_if_missing

        self.installer_action = add_installer_action(self.iface, MENU)
        offer_install_if_missing(self.iface)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("RemoteNetPlugin", text)

    def open_segment_dialog(self) -> None:
        import processing

        processing.execAlgorithmDialog(SEGMENT_ID, {})

    def unload(self) -> None:
        if self.segment_action is not None:
            self.segment_action.triggered.disconnect(self.open_segment_dialog)
            self.iface.removePluginRasterMenu(MENU, self.segment_action)
            self.segment_action.deleteLater()
            self.segment_action = None
        if self.iface is not None:
            from .installer_gui import remove_installer_action, withdraw_install_offer

            if self.installer_action is not None:
                remove_installer_action(self.iface, MENU, self.installer_action)
                self.installer_action = None
            withdraw_install_offer(self.iface)
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
        # Networks Segment kept loaded between runs (engine/prepare/kept.py) go with the plugin; looked up, not
        # imported: an unload never loads the engine (or torch) only to find nothing kept.
        kept = sys.modules.get(f"{PACKAGE}.remotenet_plugin.engine.prepare.kept")
        if kept is not None:
            kept.release()
        _unload_every_module_with_the_plugin()


def _unload_every_module_with_the_plugin() -> None:
    """When QGIS unloads the plugin (``qgis.utils.unloadPlugin``: reload, upgrade), it removes from
    ``sys.modules`` only the modules it saw imported by name. Packages imported as parents and modules
    loaded with ``importlib`` (the algorithms, the lazy exports) would stay, and the next load would
    run their old code beside the new. Adding every module of the plugin to QGIS's list makes it
    remove them all. Outside QGIS's plugin loader (tests, qgis_process) there is no list: nothing
    changes."""
    try:
        import qgis.utils

        tracked = getattr(qgis.utils, "_plugin_modules", {}).get(PACKAGE)
    except ImportError:
        return
    if isinstance(tracked, set):
        tracked.update(name for name in sys.modules if name == PACKAGE or name.startswith(PACKAGE + "."))

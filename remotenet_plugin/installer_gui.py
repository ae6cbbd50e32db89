"""Where the desktop offers the dependency installer: a menu entry, and a message bar at start-up
when torch, timm or safetensors cannot be found (checked without importing them)."""
from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QAction, QPushButton

from . import installer

ACTION_NAME = "remotenetInstallDependencies"


def open_installer(iface) -> None:
    from .installer_dialog import InstallerDialog

    profile = installer.profile_from_qgis() or installer.default_profile()
    InstallerDialog(profile, iface.mainWindow()).exec()


def add_installer_action(iface, menu: str) -> QAction:
    action = QAction(QCoreApplication.translate("RemoteNetInstaller", "Install PyTorch and dependencies…"),
                     iface.mainWindow())
    action.setObjectName(ACTION_NAME)
    action.setStatusTip(QCoreApplication.translate(
        "RemoteNetInstaller", "Install torch, timm and safetensors for RemoteNet into your QGIS profile"))
    action.triggered.connect(lambda: open_installer(iface))
    iface.addPluginToRasterMenu(menu, action)
    return action


def offer_install_if_missing(iface) -> list[str]:
    missing = installer.missing_packages()
    if missing:
        bar = iface.messageBar()
        widget = bar.createMessage("RemoteNet", QCoreApplication.translate(
            "RemoteNetInstaller", "needs {packages} to run its algorithms.").format(packages=", ".join(missing)))
        button = QPushButton(QCoreApplication.translate("RemoteNetInstaller", "Install…"), widget)
        button.clicked.connect(lambda: open_installer(iface))
        widget.layout().addWidget(button)
        bar.pushWidget(widget, Qgis.MessageLevel.Warning)
    return missing

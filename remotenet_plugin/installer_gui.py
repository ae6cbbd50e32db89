"""Where the desktop offers the dependency installer: a menu entry, and a message bar at start-up
when torch, timm or safetensors cannot be found (checked without importing them).

Everything added here is taken away again by the plugin's ``unload`` (``remove_installer_action``,
``withdraw_install_offer``): QGIS's plugin reload and upgrade load a second copy of this code, and
a slot of the first left connected would run old code, or code of a deleted module.
"""
from __future__ import annotations

from contextlib import suppress

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QAction, QPushButton

from . import installer

ACTION_NAME = "remotenetInstallDependencies"
OFFER_NAME = "remotenetInstallOffer"  # the message bar item, found again by this name on unload


def open_installer(iface) -> None:
    from .installer_dialog import InstallerDialog

    profile = installer.profile_from_qgis() or installer.default_profile()
    dialog = InstallerDialog(profile, iface.mainWindow())
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()  # not left behind as a child of the main window, one per opening


def add_installer_action(iface, menu: str) -> QAction:
    action = QAction(QCoreApplication.translate("RemoteNetInstaller", "Install PyTorch and dependencies…"),
                     iface.mainWindow())
    action.setObjectName(ACTION_NAME)
    action.setStatusTip(QCoreApplication.translate(
        "RemoteNetInstaller", "Install torch, timm and safetensors for RemoteNet into your QGIS profile"))
    action.triggered.connect(lambda: open_installer(iface))
    iface.addPluginToRasterMenu(menu, action)
    return action


def remove_installer_action(iface, menu: str, action: QAction) -> None:
    """Undo ``add_installer_action``."""
    with suppress(TypeError):  # TypeError: nothing connected
        action.triggered.disconnect()  # every slot: the one connected above is a lambda
    iface.removePluginRasterMenu(menu, action)
    action.deleteLater()


def offer_install_if_missing(iface) -> list[str]:
    missing = installer.missing_packages()
    if missing:
        bar = iface.messageBar()
        widget = bar.createMessage("RemoteNet", QCoreApplication.translate(
            "RemoteNetInstaller", "needs {packages} to run its algorithms.").format(packages=", ".join(missing)))
        widget.setObjectName(OFFER_NAME)
        button = QPushButton(QCoreApplication.translate("RemoteNetInstaller", "Install…"), widget)
        button.clicked.connect(lambda: open_installer(iface))
        widget.layout().addWidget(button)
        bar.pushWidget(widget, Qgis.MessageLevel.Warning)
    return missing


def withdraw_install_offer(iface) -> None:
    """Take the start-up offer off the message bar, if the user has not closed it already."""
    bar = iface.messageBar()
    for item in list(bar.items()):
        if item.objectName() != OFFER_NAME:
            continue
        for button in item.findChildren(QPushButton):
            with suppress(TypeError):
                button.clicked.disconnect()
        bar.popWidget(item)

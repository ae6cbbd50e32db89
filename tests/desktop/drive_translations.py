"""Looks at the RemoteNet names in a QGIS desktop started in another language; QGIS runs this file
with ``--code`` (tests/test_translations.py starts it on Xvfb with a scratch profile whose settings
choose the language).

It searches the Processing toolbox for RemoteNet, opens RemoteNet Segment from the toolbox as a
double-click does, and records the algorithm names, the dialog's title and labels, and the Raster
menu entry in ``REMOTENET_TRANSLATIONS_RESULT`` (JSON); the test judges them.
"""
import json
import os
import traceback

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QLabel
from qgis.utils import iface

RESULT: dict = {"errors": []}
STATE: dict = {"waited": 0.0}


def save_and_quit() -> None:
    with open(os.environ["REMOTENET_TRANSLATIONS_RESULT"], "w", encoding="utf-8") as fh:
        json.dump(RESULT, fh, indent=1)
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget is not iface.mainWindow():
            widget.close()
    QTimer.singleShot(300, lambda: os._exit(0))


def guarded(fn):
    def call() -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - recorded for the test, which fails on it
            RESULT["errors"].append(traceback.format_exc())
            save_and_quit()

    return call


def segment_dialog():
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and hasattr(widget, "runButton") and "RemoteNet" in widget.windowTitle():
            return widget
    return None


@guarded
def wait_for_provider() -> None:
    if QgsApplication.processingRegistry().providerById("remotenet") is None and STATE["waited"] < 30:
        STATE["waited"] += 0.5
        QTimer.singleShot(500, wait_for_provider)
        return
    RESULT["locale"] = QgsApplication.locale()
    toolbox = qgis.utils.plugins["processing"].toolbox
    toolbox.setVisible(True)
    toolbox.searchBox.setText("RemoteNet")
    QTimer.singleShot(500, read_toolbox)


@guarded
def read_toolbox() -> None:
    toolbox = qgis.utils.plugins["processing"].toolbox
    tree = toolbox.algorithmTree
    model = tree.model()
    names, segment_index = [], None
    pending = [model.index(r, 0) for r in range(model.rowCount())]
    while pending:  # every node the search left, whatever the grouping
        index = pending.pop()
        names.append(index.data())
        tree.expand(index)
        pending += [model.index(r, 0, index) for r in range(model.rowCount(index))]
        tree.setCurrentIndex(index)
        algorithm = tree.selectedAlgorithm()
        if algorithm is not None and algorithm.id() == "remotenet:segment":
            segment_index = index
    RESULT["toolbox"] = names
    action = iface.mainWindow().findChild(QAction, "remotenetSegmentAction")
    RESULT["menu"] = action.text() if action is not None else None
    if segment_index is None:
        RESULT["errors"].append("RemoteNet Segment is not in the toolbox")
        save_and_quit()
        return
    tree.setCurrentIndex(segment_index)
    QTimer.singleShot(0, toolbox.executeAlgorithm)  # modal: it returns when the dialog closes
    QTimer.singleShot(3000, read_dialog)


@guarded
def read_dialog() -> None:
    dlg = segment_dialog()
    if dlg is None:
        RESULT["errors"].append("the algorithm dialog did not open; windows: "
                                + ", ".join(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()))
    else:
        RESULT["dialog_title"] = dlg.windowTitle()
        RESULT["dialog_labels"] = [label.text() for label in dlg.findChildren(QLabel) if label.text()]
    save_and_quit()


QTimer.singleShot(500, wait_for_provider)

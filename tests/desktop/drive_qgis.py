"""Drives the real QGIS desktop as a person would; QGIS runs this file with ``--code``.

tests/test_qgis_desktop.py starts ``qgis.bin`` on Xvfb with a scratch profile, the plugin
enabled, and ``REMOTENET_DESKTOP_CONFIG`` naming a JSON file of inputs. This script opens the
RemoteNet dialogs from the Processing toolbox, the Raster menu and the graphical modeler,
presses Run and Cancel, and writes what it saw to the config's ``result`` file after every
step (so a crash still leaves the steps before it). The assertions live in the test.

Steps are a generator driven by QTimer: the dialogs are modal (``exec_``), and timers keep
firing inside their nested event loops, so the script keeps going while a dialog is open.
"""
import json
import os
import time
import traceback

import qgis.utils
from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QProgressBar, QTextEdit, QToolBar
from qgis.utils import iface

CONFIG = json.loads(open(os.environ["REMOTENET_DESKTOP_CONFIG"], encoding="utf-8").read())
RESULT: dict = {"steps": {}, "errors": []}


def save() -> None:
    with open(CONFIG["result"] + ".partial", "w", encoding="utf-8") as fh:
        json.dump(RESULT, fh, indent=1, default=str)
    os.replace(CONFIG["result"] + ".partial", CONFIG["result"])


def later(seconds: float, fn) -> None:
    """Call ``fn`` from the event loop after ``seconds``; its exceptions are recorded."""

    def call() -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - reported to the test, which fails on it
            RESULT["errors"].append(traceback.format_exc())
            save()

    QTimer.singleShot(int(seconds * 1000), call)


def windows() -> list:
    return [f"{type(w).__name__}: {w.windowTitle()}" for w in QApplication.topLevelWidgets() if w.isVisible()]


class Driver:
    """Runs a generator of steps; each ``yield s`` waits ``s`` seconds of event loop."""

    def __init__(self, steps) -> None:
        self.steps = steps

    def start(self) -> None:
        later(0.5, self.advance)

    def advance(self) -> None:
        try:
            delay = next(self.steps)
        except StopIteration:
            finish()
            return
        except Exception:  # noqa: BLE001 - reported to the test, which fails on it
            RESULT["errors"].append(traceback.format_exc())
            finish()
            return
        later(delay, self.advance)


def finish() -> None:
    RESULT["finished"] = True
    save()
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget is not iface.mainWindow():
            widget.close()
    QgsProject.instance().setDirty(False)
    # Leave without QGIS's own teardown: the test judges what happened while QGIS ran.
    later(0.5, lambda: os._exit(0))


# ----- looking at QGIS ----------------------------------------------------------------------

def algorithm_dialog(title_part: str):
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and title_part in widget.windowTitle() and hasattr(widget, "runButton"):
            return widget
    return None


def wait_for(predicate, timeout: float, step: float = 0.2):
    """Yield steps until predicate() is truthy (then return its value) or the timeout passes."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        yield step
    return predicate()


def dialog_log(dlg) -> str:
    log = dlg.findChild(QTextEdit, "txtLog")
    return log.toPlainText() if log is not None else ""


def progress_value(dlg) -> int:
    bars = dlg.findChildren(QProgressBar)
    return max((b.value() for b in bars), default=-1)


def layers_summary() -> list:
    out = []
    for layer in QgsProject.instance().mapLayers().values():
        entry = {"name": layer.name(), "source": layer.source().split("|")[0], "type": type(layer).__name__}
        if isinstance(layer, QgsRasterLayer) and layer.renderer() is not None:
            renderer = layer.renderer()
            entry["renderer"] = renderer.type()
            if renderer.type() == "paletted":
                entry["classes"] = [[int(c.value), c.label, c.color.name()] for c in renderer.classes()]
        if isinstance(layer, QgsVectorLayer) and layer.renderer() is not None:
            renderer = layer.renderer()
            entry["renderer"] = renderer.type()
            entry["feature_count"] = layer.featureCount()
            if renderer.type() == "categorizedSymbol":
                entry["classField"] = renderer.classAttribute()
                entry["classes"] = [[int(c.value()), c.label(), c.symbol().color().name()]
                                    for c in renderer.categories()]
        out.append(entry)
    return out


def run_dialog(name: str, dlg, parameters: dict, timeout: float, cancel_at: float | None = None):
    """Fill the dialog, press Run, watch the background task; record it all under ``name``."""
    step = RESULT["steps"].setdefault(name, {})
    dlg.setParameters(parameters)
    yield 0.3
    tasks_before = QgsApplication.taskManager().countActiveTasks()
    started = time.monotonic()
    dlg.runButton().click()
    step["run_click_seconds"] = round(time.monotonic() - started, 3)
    step["tasks_active_after_click"] = QgsApplication.taskManager().countActiveTasks() - tasks_before
    progress_seen = []
    cancelled = False
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        yield 0.1
        value = progress_value(dlg)
        if value not in progress_seen:
            progress_seen.append(value)
        if cancel_at is not None and not cancelled and 0 < value and time.monotonic() - started > cancel_at:
            dlg.cancelButton().click()
            cancelled = True
            step["cancel_clicked_at_progress"] = value
        if QgsApplication.taskManager().countActiveTasks() == tasks_before and time.monotonic() - started > 0.5:
            break
    yield 1.0  # let the dialog load and style the results
    step["seconds"] = round(time.monotonic() - started, 1)
    step["progress_seen"] = progress_seen
    step["log"] = dialog_log(dlg)
    step["layers"] = layers_summary()
    save()


def open_dialog(opener, title: str, key: str):
    """Open a modal algorithm dialog from the event loop (as a click does), wait for it, record it."""
    later(0, opener)
    dlg = yield from wait_for(lambda: algorithm_dialog(title), 10)
    RESULT[key] = dlg is not None
    save()
    return dlg


def modeler_run_button(modeler):
    """The Run Model button on the model designer's toolbar, or None."""
    action = modeler.findChild(QAction, "mActionRun")
    if action is None:
        return None
    for toolbar in modeler.findChildren(QToolBar):
        button = toolbar.widgetForAction(action)
        if button is not None and button.isVisible() and button.isEnabled():
            return button
    return None


def close_dialog(dlg):
    dlg.close()
    yield 0.5


# ----- the session ------------------------------------------------------------------------------

def session():
    RESULT["qgis_version"] = QgsApplication.instance().applicationVersion() if hasattr(
        QgsApplication.instance(), "applicationVersion") else ""
    registry = QgsApplication.processingRegistry()
    provider = yield from wait_for(lambda: registry.providerById("remotenet"), 30)
    RESULT["provider_loaded"] = provider is not None
    RESULT["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
    RESULT["torch_imported_at_start"] = "torch" in __import__("sys").modules
    save()
    if provider is None:
        return

    # 0. QGIS's own reload of the plugin (Plugin Reloader, an upgrade from the plugin manager); the
    #    rest of the session runs on the reloaded copy, which must find one menu and one provider.
    RESULT["reloaded"] = qgis.utils.reloadPlugin("remotenet")
    yield 1.0
    provider = registry.providerById("remotenet")
    menus = [a.menu() for a in iface.rasterMenu().actions() if a.menu() and a.menu().title().replace("&", "")
             == "RemoteNet"]
    RESULT["after_reload"] = {"providers": sum(p.id() == "remotenet" for p in registry.providers()),
                              "menus": len(menus), "entries": [a.objectName() for m in menus for a in m.actions()]}
    save()
    if provider is None:
        return

    # Maximised is only a request to a window manager, and Xvfb has none: QGIS 3.40 keeps its
    # default size then. The screen's size, explicitly, is what a maximised window has.
    iface.mainWindow().showMaximized()
    iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
    sample = iface.addRasterLayer(CONFIG["scene"], "scene")
    RESULT["scene_layer_valid"] = bool(sample and sample.isValid())
    out = CONFIG["out"]

    # 1. Processing toolbox: search, select RemoteNet Segment, open it as a double-click does.
    toolbox = qgis.utils.plugins["processing"].toolbox
    toolbox.setVisible(True)
    toolbox.searchBox.setText("RemoteNet Segment")
    yield 0.5
    tree = toolbox.algorithmTree
    model = tree.model()
    provider_row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "RemoteNet")
    provider_index = model.index(provider_row, 0)
    tree.expand(provider_index)
    tree.setCurrentIndex(model.index(0, 0, provider_index))  # the search leaves RemoteNet Segment first
    RESULT["toolbox_selected"] = tree.selectedAlgorithm().id() if tree.selectedAlgorithm() else None
    dlg = yield from open_dialog(toolbox.executeAlgorithm, "RemoteNet Segment", "toolbox_dialog_opened")
    if dlg is None:
        return
    yield from run_dialog("segment_toolbox", dlg, {
        "INPUT": sample.id(), "MODEL": CONFIG["model"],
        "OUTPUT_RASTER": f"{out}/toolbox_classes.tif", "OUTPUT_VECTOR": f"{out}/toolbox_polygons.gpkg",
    }, timeout=90)
    yield from close_dialog(dlg)

    # 2. Raster menu > RemoteNet > RemoteNet Segment...
    action = iface.mainWindow().findChild(QAction, "remotenetSegmentAction")
    RESULT["raster_menu_action"] = action is not None and action in [
        a for m in iface.rasterMenu().actions() if m.menu() for a in m.menu().actions()]
    dlg = yield from open_dialog(action.trigger, "RemoteNet Segment", "menu_dialog_opened")
    if dlg is None:
        return
    yield from run_dialog("segment_menu", dlg, {
        "INPUT": CONFIG["scene"], "MODEL": CONFIG["model"],
        "OUTPUT_RASTER": f"{out}/menu_classes.tif", "OUTPUT_VECTOR": f"{out}/menu_polygons.gpkg",
    }, timeout=90)

    # 2b. The same dialog with a mask layer (selected features only, as the user ticks it) and a
    #     processing resolution typed in: only the selected square is classified.
    from qgis.core import QgsFeature, QgsGeometry, QgsProcessingFeatureSourceDefinition, QgsRectangle

    extent = sample.extent()
    mask = QgsVectorLayer(f"Polygon?crs={sample.crs().authid()}", "mask", "memory")
    squares = []
    for left, top in ((0.1, 0.1), (0.6, 0.6)):  # two squares of a fifth of the side; the first is selected
        x0 = extent.xMinimum() + left * extent.width()
        y1 = extent.yMaximum() - top * extent.height()
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y1 - 0.2 * extent.height(),
                                                              x0 + 0.2 * extent.width(), y1)))
        squares.append(feature)
    mask.dataProvider().addFeatures(squares)
    QgsProject.instance().addMapLayer(mask)
    mask.selectByIds([next(mask.getFeatures()).id()])
    RESULT["mask_selected"] = mask.selectedFeatureCount()
    yield from run_dialog("segment_mask", dlg, {
        "INPUT": sample.id(), "MODEL": CONFIG["model"], "OUTPUT_VECTOR": None,
        "MASK": QgsProcessingFeatureSourceDefinition(mask.id(), selectedFeaturesOnly=True), "RESOLUTION": "0.5",
        "OUTPUT_RASTER": f"{out}/mask_classes.tif",
    }, timeout=90)
    QgsProject.instance().removeMapLayer(mask.id())

    # 3. Cancel a long run in the same dialog.
    yield from run_dialog("segment_cancel", dlg, {
        "INPUT": CONFIG["big_scene"], "MODEL": CONFIG["model"], "MASK": None, "RESOLUTION": "model",
        "OUTPUT_RASTER": f"{out}/cancel_classes.tif", "OUTPUT_VECTOR": f"{out}/cancel_polygons.gpkg",
    }, timeout=90, cancel_at=2.0)
    yield from close_dialog(dlg)

    # 4. RemoteNet Train and RemoteNet Evaluate, from the toolbox's dialog factory.
    import processing

    dlg = yield from open_dialog(lambda: processing.execAlgorithmDialog("remotenet:train", {}), "RemoteNet Train",
                                 "train_dialog_opened")
    if dlg is not None:
        # A class raster as the labels: QGIS 3.22's field widget used to crash QGIS on that.
        dlg.setParameters({"LABELS": QgsProject.instance().mapLayersByName("Classified raster")[0].id()})
        yield 1.0
        RESULT["train_dialog_survived_raster_labels"] = True
        yield from run_dialog("train", dlg, {
            "INPUT": CONFIG["train_scene"], "LABELS": CONFIG["labels"], "TILE_SIZE": 64, "EPOCHS": 1,
            "BATCH_SIZE": 2, "SPECTRAL_HEAD": "on", "OUTPUT_MODEL": f"{out}/trained.safetensors",
        }, timeout=120)
        yield from close_dialog(dlg)

    dlg = yield from open_dialog(lambda: processing.execAlgorithmDialog("remotenet:evaluate", {}),
                                 "RemoteNet Evaluate", "evaluate_dialog_opened")
    if dlg is not None:
        yield from run_dialog("evaluate", dlg, {
            "INPUT": f"{out}/toolbox_classes.tif", "REFERENCE": CONFIG["labels"],
            "OUTPUT_TABLE": f"{out}/metrics.csv", "OUTPUT_HTML": f"{out}/report.html",
        }, timeout=60)
        yield from close_dialog(dlg)

    # 5. The example model, run from the graphical modeler's own Run dialog.
    from processing.modeler.ModelerDialog import ModelerDialog
    from qgis.core import QgsProcessingModelAlgorithm

    modeler = ModelerDialog.create()
    modeler.show()
    modeler.loadModel(CONFIG["model3"])  # what Model Designer > Open Model... does
    model = modeler.model()
    RESULT["model3_loaded"] = model is not None and model.childAlgorithm("segment").algorithm() is not None
    RESULT["model3_valid"] = model.validate()
    yield 1.0
    # Click the designer's Run Model toolbar button, as a person does. The button is found by its
    # action's object name (Qt's, from the designer's .ui, the same in 3.22 to 3.44): the Python
    # runModel of 3.22 is gone in 3.40, where the C++ designer runs the model itself.
    run_button = modeler_run_button(modeler)
    RESULT["modeler_run_button"] = run_button.toolTip() if run_button is not None else None
    dlg = None
    if run_button is not None:
        dlg = yield from open_dialog(run_button.click, model.displayName(), "modeler_dialog_opened")
    RESULT["windows_at_modeler_run"] = windows()
    if dlg is not None:
        yield from run_dialog("modeler", dlg, {
            "scene": CONFIG["scene"], "model": CONFIG["model"], "tile_size": 256,
            "segment:classes": f"{out}/model3_classes.tif", "dissolve:dissolved": f"{out}/model3_dissolved.gpkg",
        }, timeout=180)  # QGIS 3.40 on runs models in a task; on a busy CI machine that took 150 s
        yield from close_dialog(dlg)
    modeler.setModel(QgsProcessingModelAlgorithm())  # no "save changes?" question on close
    modeler.close()
    yield 0.5

    # 6. The main window with the styled results, as a person sees it.
    if CONFIG.get("screenshot"):
        project = QgsProject.instance()
        keep = {f"{out}/toolbox_classes.tif", f"{out}/toolbox_polygons.gpkg"}
        for layer in list(project.mapLayers().values()):
            if layer.source().split("|")[0] not in keep and layer is not sample:
                project.layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(False)
        for layer in project.mapLayers().values():
            if layer.source().startswith(f"{out}/toolbox_classes"):  # the polygons show the same classes
                project.layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(False)
            if layer.source().startswith(f"{out}/toolbox_polygons"):  # buildings over the image
                layer.setOpacity(0.55)
                layer.renderer().updateCategoryRenderState(0, False)
        iface.messageBar().clearWidgets()  # QGIS 3.44's notice that it could not download a font (offline)
        iface.mapCanvas().setExtent(sample.extent())
        iface.mapCanvas().refreshAllLayers()
        yield 4.0
        iface.mainWindow().grab().save(CONFIG["screenshot"])
        RESULT["screenshot"] = CONFIG["screenshot"]
    save()


RESULT["started"] = True
save()
_DRIVER = Driver(session())
_DRIVER.start()

"""The plugin unloads cleanly: loaded, unloaded, loaded again and reloaded through ``qgis.utils``'s
own functions (what QGIS's plugin manager, an upgrade and the Plugin Reloader do), then Segment
runs through Processing once, with no duplicate menu entries, providers or message bars and no
signal connection left on the unloaded copy.

It runs in a fresh Python with a fresh QGIS profile (German, so the translator shows), the plugin
folder on QGIS's plugin path, and an interface whose Raster menu and message bar are real widgets
that behave as QGIS's do. A fresh process, because ``unloadPlugin`` removes the plugin's modules
from ``sys.modules``, which the test session itself uses.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, TEST_CLASSES, crop_raster, make_model_file

pytest.importorskip("qgis.core")

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import json, sys
plugins_dir, model, raster, output = sys.argv[1:5]
from qgis.PyQt.QtCore import QCoreApplication, QEvent
QCoreApplication.setOrganizationName("QGIS"); QCoreApplication.setApplicationName("QGIS3")  # as QGIS itself
from qgis.core import QgsApplication
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], True)
app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")  # Debian's home of the processing plugin
from processing.core.Processing import Processing
Processing.initialize()
import processing
import qgis.utils
from qgis.gui import QgsMessageBar
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QAction, QMainWindow, QPushButton


class Iface:
    # The part of QgisInterface the plugin uses, with QGIS's behaviour: one sub-menu per name in
    # the Raster menu, removed when its last entry goes; a real message bar.
    def __init__(self):
        self.window = QMainWindow()
        self.raster = self.window.menuBar().addMenu("&Raster")
        self.bar = QgsMessageBar(self.window)
        # An entry of another plugin: what Qt's own menu connects to an action's triggered signal.
        self.other = QAction("Other plugin", self.window)
        self.addPluginToRasterMenu("&Other", self.other)

    def mainWindow(self):
        return self.window

    def rasterMenu(self):
        return self.raster

    def messageBar(self):
        return self.bar

    def submenus(self, name):
        return [a.menu() for a in self.raster.actions() if a.menu() is not None and a.menu().title() == name]

    def addPluginToRasterMenu(self, name, action):
        menus = self.submenus(name)
        (menus[0] if menus else self.raster.addMenu(name)).addAction(action)

    def removePluginRasterMenu(self, name, action):
        for menu in self.submenus(name):
            menu.removeAction(action)
            if not menu.actions():
                self.raster.removeAction(menu.menuAction())


iface = qgis.utils.iface = Iface()
sys.path.insert(0, plugins_dir)  # as QGIS puts its plugin folders on sys.path
qgis.utils.plugin_paths[:] = [plugins_dir]
qgis.utils.updateAvailablePlugins()
OUT = {"available": "remotenet" in qgis.utils.available_plugins, "states": {}}
# safetensors cannot be found for now, so the plugin offers its installer on the message bar.
sys.modules["safetensors"] = None


def flush():  # let deleteLater happen, as QGIS's event loop would
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    app.processEvents()


def state(name):
    flush()
    registry = QgsApplication.processingRegistry()
    menus = iface.submenus("&RemoteNet")
    plugin = qgis.utils.plugins.get("remotenet")
    provider = registry.providerById("remotenet")
    provider_module = sys.modules.get("remotenet.remotenet_plugin.provider")
    OUT["states"][name] = {
        "loaded": qgis.utils.isPluginLoaded("remotenet"),
        "menus": len(menus),
        "entries": [a.objectName() for m in menus for a in m.actions()],
        "providers": sum(p.id() == "remotenet" for p in registry.providers()),
        "segment": registry.algorithmById("remotenet:segment") is not None,
        "offers": sum(item.objectName() == "remotenetInstallOffer" for item in iface.bar.items()),
        "bar_items": len(iface.bar.items()),
        "segment_label": QCoreApplication.translate("RemoteNetPlugin", "RemoteNet Segment…"),
        # the provider registered is the one of the code loaded now, not of an unloaded copy
        "provider_is_current": provider is not None and provider_module is not None
        and type(provider) is provider_module.RemoteNetProvider,
        "plugin_file": getattr(sys.modules.get("remotenet"), "__file__", None),
        "modules": sorted(m for m in sys.modules if m == "remotenet" or m.startswith("remotenet.")),
    }
    if plugin is not None and plugin.segment_action is not None:  # one connection each, no more
        actions = [plugin.segment_action, plugin.installer_action]
        menu_own = iface.other.receivers(iface.other.triggered)
        OUT["states"][name]["receivers"] = {a.objectName(): a.receivers(a.triggered) - menu_own for a in actions}
        OUT["states"][name]["button_receivers"] = [b.receivers(b.clicked) for b in offer_buttons()]


def offer_buttons():
    return [b for item in iface.bar.items() if item.objectName() == "remotenetInstallOffer"
            for b in item.findChildren(QPushButton)]


OUT["load"] = qgis.utils.loadPlugin("remotenet")
OUT["start"] = qgis.utils.startPlugin("remotenet")
state("started")
first = qgis.utils.plugins["remotenet"]
first_actions = [first.segment_action, first.installer_action]
first_buttons = offer_buttons()

OUT["unload"] = qgis.utils.unloadPlugin("remotenet")
state("unloaded")
OUT["first_copy"] = {
    "actions_deleted": [sip.isdeleted(a) for a in first_actions],
    "buttons_gone": [sip.isdeleted(b) or b.receivers(b.clicked) == 0 for b in first_buttons],
    "attributes_cleared": first.segment_action is None and first.installer_action is None and first.provider is None,
}

OUT["load_again"] = qgis.utils.loadPlugin("remotenet")
OUT["start_again"] = qgis.utils.startPlugin("remotenet")
state("loaded_again")
second = qgis.utils.plugins["remotenet"]
second_actions = [second.segment_action, second.installer_action]

OUT["reload"] = qgis.utils.reloadPlugin("remotenet")
state("reloaded")
OUT["second_copy_actions_deleted"] = [sip.isdeleted(a) for a in second_actions]
plugin = qgis.utils.plugins["remotenet"]
OUT["new_plugin_object"] = plugin is not first and plugin is not second

# The Segment entry opens the dialog once (one connection, to the code loaded now).
opened = []
processing.execAlgorithmDialog = lambda alg_id, params: opened.append(alg_id)
plugin.segment_action.trigger()
OUT["dialogs_opened"] = opened

# safetensors is there again; Segment runs from Processing once.
del sys.modules["safetensors"]
result = processing.run("remotenet:segment", {"INPUT": raster, "MODEL": model, "OUTPUT_RASTER": output})
OUT["segment_output"] = result.get("OUTPUT_RASTER")
state("after_segment")
kept = sys.modules["remotenet.remotenet_plugin.engine.prepare.kept"]  # the network Segment keeps for the next run
OUT["kept_after_segment"] = kept.kept_count()

OUT["unload_at_end"] = qgis.utils.unloadPlugin("remotenet")
state("unloaded_at_end")
OUT["kept_after_unload"] = [kept.kept_count(), kept._timer is None]
print("RESULT" + json.dumps(OUT, default=str))
"""


@pytest.fixture
def plugin_folder(tmp_path: Path) -> Path:
    """A QGIS plugin folder holding this checkout as ``remotenet`` (as a plugin link does)."""
    folder = tmp_path / "python" / "plugins"
    folder.mkdir(parents=True)
    (folder / "remotenet").symlink_to(ROOT, target_is_directory=True)
    return folder


def german_profile(tmp_path: Path) -> Path:
    config = tmp_path / "profile"
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[locale]\nuserLocale=de\noverrideFlag=true\n", encoding="utf-8")
    return config


def test_load_unload_reload_then_segment_leaves_one_of_everything(plugin_folder, tmp_path):
    raster = crop_raster(DATA / "atlanta_pan_0p5m.tif", tmp_path / "pan.tif", 200, 200, 96)
    model = make_model_file(tmp_path / "pan.safetensors", 1, TEST_CLASSES)
    output = tmp_path / "classes.tif"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.update({"QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(german_profile(tmp_path)),
                "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path), "REMOTENET_RUNTIME": "torch"})
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(plugin_folder), str(model), str(raster), str(output)],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    line = next((x for x in run.stdout.splitlines() if x.startswith("RESULT")), None)
    assert line, run.stdout[-3000:] + run.stderr[-6000:]
    out = json.loads(line[len("RESULT"):])
    states = out["states"]

    assert out["available"] and out["load"] and out["start"]
    assert states["started"]["plugin_file"].startswith(str(plugin_folder))  # from the plugin path
    started = {"loaded": True, "menus": 1, "entries": ["remotenetSegmentAction", "remotenetInstallDependencies"],
               "providers": 1, "segment": True, "offers": 1, "segment_label": "RemoteNet Segmentieren…",
               "provider_is_current": True,
               "receivers": {"remotenetSegmentAction": 1, "remotenetInstallDependencies": 1},
               "button_receivers": [1]}
    for name in ("started", "loaded_again", "reloaded"):
        got = {key: states[name].get(key) for key in started}
        assert got == started, name
        assert states[name]["bar_items"] == 1, name  # no message bar of an error either

    # Unloaded: nothing of the plugin left in QGIS, the translator removed, the old copy disconnected.
    unloaded = states["unloaded"]
    assert out["unload"] and not unloaded["loaded"]
    assert (unloaded["menus"], unloaded["entries"], unloaded["providers"], unloaded["segment"], unloaded["offers"],
            unloaded["bar_items"]) == (0, [], 0, False, 0, 0)
    assert unloaded["segment_label"] == "RemoteNet Segment…"
    assert unloaded["modules"] == []  # none of its code stays to run beside the next load's
    assert out["first_copy"] == {"actions_deleted": [True, True], "buttons_gone": [True],
                                 "attributes_cleared": True}
    assert out["load_again"] and out["start_again"] and out["reload"]
    assert out["second_copy_actions_deleted"] == [True, True] and out["new_plugin_object"]

    assert out["dialogs_opened"] == ["remotenet:segment"]
    assert Path(out["segment_output"]) == output and output.is_file()
    after = states["after_segment"]
    assert (after["menus"], after["providers"], after["offers"], after["bar_items"]) == (1, 1, 1, 1)
    assert out["kept_after_segment"] == 1  # Segment keeps its prepared network for the next run...
    assert out["kept_after_unload"] == [0, True]  # ...and the unload releases it, its idle timer too

    end = states["unloaded_at_end"]
    assert out["unload_at_end"]
    assert (end["menus"], end["providers"], end["offers"], end["bar_items"]) == (0, 0, 0, 0)
    assert end["segment_label"] == "RemoteNet Segment…" and end["modules"] == []

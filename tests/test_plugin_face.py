"""The plugin's face: metadata, classFactory, the provider, the menu entry, missing torch, the zip."""
from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path
from unittest import mock

import pytest

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def test_metadata_has_every_repository_field():
    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "repository", "tracker", "homepage", "tags", "category", "icon", "hasProcessingProvider"):
        assert general.get(key, "").strip(), key
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert (ROOT / general["icon"]).is_file()


def test_plain_import_needs_neither_qgis_nor_torch():
    code = ("import sys; sys.modules['qgis'] = None; sys.modules['torch'] = None\n"
            "import remotenet, remotenet.remotenet_plugin\n"
            "assert callable(remotenet.classFactory)\n"
            "assert 'torch' not in [m for m in sys.modules if sys.modules[m] is not None]\n")
    subprocess.run([PY, "-c", code], check=True, cwd="/")


def test_class_factory_without_iface_registers_and_unloads(qgis_app):
    from qgis.core import QgsApplication

    import remotenet

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("remotenet")
    if existing is not None:
        registry.removeProvider(existing)
    plugin = remotenet.classFactory(None)
    plugin.initProcessing()
    provider = registry.providerById("remotenet")
    assert provider is not None and provider.name() == "RemoteNet"
    alg = registry.algorithmById("remotenet:segment")
    assert alg is not None and alg.displayName() == "RemoteNet Segment"
    plugin.unload()
    assert registry.providerById("remotenet") is None
    assert registry.algorithmById("remotenet:segment") is None


def test_init_gui_adds_raster_menu_entry_and_unload_removes_it(qgis_app):
    from qgis.core import QgsApplication

    import remotenet

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("remotenet")
    if existing is not None:
        registry.removeProvider(existing)
    iface = mock.MagicMock()
    iface.mainWindow.return_value = None
    plugin = remotenet.classFactory(iface)
    plugin.initGui()
    assert registry.providerById("remotenet") is not None
    (menu, action), (menu2, installer_action) = [c[0] for c in iface.addPluginToRasterMenu.call_args_list]
    assert "RemoteNet" in menu and "Segment" in action.text()
    assert menu2 == menu and installer_action.objectName() == "remotenetInstallDependencies"
    with mock.patch("processing.execAlgorithmDialog") as dialog:
        action.trigger()
    dialog.assert_called_once()
    assert dialog.call_args[0][0] == "remotenet:segment"
    plugin.unload()
    assert [c[0] for c in iface.removePluginRasterMenu.call_args_list] == [(menu, action), (menu, installer_action)]
    assert registry.providerById("remotenet") is None


def test_segment_parameters(remotenet_provider):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("remotenet:segment")
    names = {p.name() for p in alg.parameterDefinitions()}
    assert names >= {"INPUT", "MODEL", "BANDS", "EXTENT", "TILE_SIZE", "OVERLAP", "BATCH_SIZE", "DEVICE", "TTA",
                     "MIN_AREA", "SIMPLIFY", "OUTPUT_RASTER", "OUTPUT_VECTOR", "OUTPUT_CONFIDENCE"}
    from remotenet.remotenet_plugin.algorithms.compat import FLAG_ADVANCED

    advanced = {p.name() for p in alg.parameterDefinitions() if p.flags() & FLAG_ADVANCED}
    assert advanced == {"TILE_SIZE", "OVERLAP", "BATCH_SIZE", "DEVICE", "PRECISION", "RUNTIME", "TTA", "CHUNK_SIZE",
                        "DASK_SCHEDULER", "RESAMPLING"}
    assert {"MASK", "RESOLUTION"} <= names - advanced  # in the dialog's main part
    assert alg.parameterDefinition("CHUNK_SIZE").defaultValue() == 4096
    assert alg.parameterDefinition("DASK_SCHEDULER").defaultValue() in ("", None)
    assert alg.parameterDefinition("MIN_AREA").defaultValue() == 0
    assert alg.parameterDefinition("SIMPLIFY").defaultValue() == 0
    assert alg.parameterDefinition("DEVICE").options() == ["auto", "cuda", "cpu"]  # names (static strings)
    help_text = alg.shortHelpString()
    for name in names:
        assert f"({name})" in help_text, name


def test_missing_torch_provider_registers_and_algorithm_says_how_to_install(remotenet_provider, pan_raster,
                                                                            tmp_path, monkeypatch):
    import processing
    from qgis.core import QgsApplication, QgsProcessingException

    monkeypatch.setitem(sys.modules, "torch", None)  # "import torch" now raises ImportError
    from remotenet.remotenet_plugin.provider import RemoteNetProvider

    provider = RemoteNetProvider()
    provider.loadAlgorithms()
    assert sorted(a.name() for a in provider.algorithms()) == ["evaluate", "segment", "train"]
    alg = QgsApplication.processingRegistry().algorithmById("remotenet:segment")
    params = {"INPUT": str(pan_raster), "MODEL": str(tmp_path / "m.safetensors"),
              "OUTPUT_RASTER": str(tmp_path / "out.tif")}
    ok, message = alg.checkParameterValues(params, _context())
    assert not ok
    assert "torch" in message and "pip install" in message and "WinError 1114" in message
    with pytest.raises(QgsProcessingException):
        processing.run("remotenet:segment", params)
    assert not (tmp_path / "out.tif").exists()


def _context():
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return context


def test_package_zip_installs_as_remotenet(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(["bash", str(ROOT / "scripts" / "package"), str(dist)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    (zip_path,) = dist.glob("remotenet-*.zip")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        zf.extractall(tmp_path / "plugins")
    assert all(n.startswith("remotenet/") for n in names)
    for required in ("remotenet/__init__.py", "remotenet/metadata.txt", "remotenet/resources/icon.svg",
                     "remotenet/remotenet_plugin/provider.py", "remotenet/model/network.py"):
        assert required in names
    banned = ("remotenet/tests/", "remotenet/scripts/", "remotenet/.venv/", "remotenet/.git/", "__pycache__",
              "remotenet/.ci/", "remotenet/Makefile", "remotenet/pyproject.toml", "remotenet/build/")
    assert not [n for n in names if any(b in n for b in banned)]
    # Load the unpacked plugin the way QGIS does: `remotenet` from the plugin folder, classFactory(None);
    # with torch unimportable, the provider must still register (and the algorithm explain the fix).
    code = f"""
import sys
sys.modules['torch'] = None
sys.path.insert(0, {str(tmp_path / 'plugins')!r})
sys.path.append({'/usr/share/qgis/python/plugins'!r})
from qgis.core import QgsApplication
QgsApplication.setPrefixPath('/usr', True)
app = QgsApplication([], False); app.initQgis()
import remotenet
assert remotenet.__file__.startswith({str(tmp_path)!r}), remotenet.__file__
plugin = remotenet.classFactory(None); plugin.initProcessing()
alg = QgsApplication.processingRegistry().algorithmById('remotenet:segment')
assert alg is not None
from qgis.core import QgsProcessingContext
ok, msg = alg.checkParameterValues({{'INPUT': {str(ROOT / 'tests/data/atlanta_pan_0p5m.tif')!r},
                                     'OUTPUT_RASTER': 'x.tif'}}, QgsProcessingContext())
assert not ok and 'torch' in msg, msg
print('loaded')
"""
    env = {"QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile"),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([PY, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert "loaded" in out.stdout, out.stderr

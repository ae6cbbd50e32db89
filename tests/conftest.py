"""Shared fixtures. QGIS fixtures start one headless QgsApplication per test session, only
when a test asks for them (model and engine tests never pay for QGIS)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite runs PyTorch (the reference) where a test does not choose: exact answers, and no
# OpenVINO conversion per random test model. tests/test_engine_openvino.py runs OpenVINO explicitly.
os.environ.setdefault("REMOTENET_RUNTIME", "torch")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture(autouse=True)
def _release_kept_networks():
    """Networks segment() keeps between runs (engine/prepare/kept.py) do not cross from one test into the next."""
    yield
    kept = sys.modules.get("remotenet.remotenet_plugin.engine.prepare.kept")
    if kept is not None:
        kept.release()
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"  # Debian's home of the `processing` plugin

# Class names and colours the styling tests look for.
TEST_CLASSES = [
    {"value": 0, "name": "background", "color": [20, 30, 40]},
    {"value": 1, "name": "building", "color": [220, 10, 10]},
    {"value": 2, "name": "water", "color": [0, 90, 230]},
]


@pytest.fixture(scope="session")
def qgis_app(tmp_path_factory):
    """A headless QgsApplication with Processing initialised (a scratch profile, no GUI)."""
    os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", str(tmp_path_factory.mktemp("qgis_profile")))
    if not os.environ.get("XDG_RUNTIME_DIR"):
        runtime = tmp_path_factory.mktemp("xdg_runtime")
        runtime.chmod(0o700)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    from qgis.core import QgsApplication

    if QGIS_PYTHON_PLUGINS not in sys.path:
        sys.path.append(QGIS_PYTHON_PLUGINS)
    app = QgsApplication.instance()
    if app is None:
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False)
        app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    yield app
    # No exitQgis(): tearing QGIS down at the end of a session crashes some builds, and the
    # process is about to exit anyway.


def gdal_mode_modules() -> tuple:
    """The binding modules with an exception switch of their own (gdal_array's from GDAL 3.7 on)."""
    from osgeo import gdal, gdal_array, ogr, osr

    return tuple(m for m in (gdal, ogr, osr, gdal_array) if hasattr(m, "GetUseExceptions"))


def _set_gdal_mode(on: bool) -> None:
    # Switch on in module order and off in reverse: GDAL 3.6 keeps the modes as handlers on one
    # stack. Always explicitly: GDAL 3.9+ warns when a program never said which mode it wants.
    modules = gdal_mode_modules()
    for module in modules if on else reversed(modules):
        if bool(module.GetUseExceptions()) != on:
            (module.UseExceptions if on else module.DontUseExceptions)()
        elif not on and hasattr(module, "_UserHasSpecifiedIfUsingExceptions"):
            module.DontUseExceptions()  # GDAL 3.7+: only records the choice


def gdal_modes() -> list[int]:
    return [module.GetUseExceptions() for module in gdal_mode_modules()]


@pytest.fixture(params=[False, True], ids=["gdal-exceptions-off", "gdal-exceptions-on"])
def gdal_exception_mode(request):
    """The test runs with the process's GDAL exception mode off (QGIS 3.22, plain Python) and again
    on (QGIS 3.40+ Processing turns it on for the whole process); the code under test must give the
    same answers and messages in both, and leave the mode as it found it."""
    saved = gdal_modes()
    _set_gdal_mode(request.param)
    try:
        yield request.param
        expected = [int(request.param)] * len(gdal_mode_modules())
        assert gdal_modes() == expected, "the code under test changed GDAL's exception mode"
    finally:
        _set_gdal_mode(any(saved))  # the session's mode (all on after QGIS 3.40's Processing started)


# The suite's own GDAL calls run in the default mode, said explicitly (GDAL 3.9+ warns otherwise).
_set_gdal_mode(False)

_PROVIDERS: list = []  # the registry needs the Python provider objects alive


@pytest.fixture
def remotenet_provider(qgis_app):
    """The RemoteNet provider registered in the session's processing registry (again, when a test
    of the plugin's unload removed it)."""
    from qgis.core import QgsApplication

    from remotenet.remotenet_plugin.provider import RemoteNetProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("remotenet")
    if provider is None:
        provider = RemoteNetProvider()
        assert registry.addProvider(provider)
        _PROVIDERS.append(provider)
    return provider


def make_model_file(path: Path, in_channels: int, classes: list[dict], tile_size: int = 64,
                    bands: list | None = None) -> Path:
    """A RemoteNet model file with random (seeded) weights and the given header."""
    import torch

    from remotenet.model import RemoteNet, save_model

    torch.manual_seed(0)
    model = RemoteNet(num_classes=len(classes), in_channels=in_channels)
    meta = {"classes": classes, "tile_size": tile_size}
    if bands:
        meta["bands"] = bands
    save_model(model, path, meta)
    return path


@pytest.fixture(scope="session")
def model_1band(tmp_path_factory) -> Path:
    """Three classes, one input band (panchromatic)."""
    return make_model_file(tmp_path_factory.mktemp("models") / "pan_3class.safetensors", 1, TEST_CLASSES)


@pytest.fixture(scope="session")
def model_3band(tmp_path_factory) -> Path:
    """Three classes, three input bands (red, green, blue = bands 3, 2, 1 of the Sentinel-2 test scene)."""
    bands = [{"index": 3, "name": "red"}, {"index": 2, "name": "green"}, {"index": 1, "name": "blue"}]
    return make_model_file(tmp_path_factory.mktemp("models") / "rgb_3class.safetensors", 3, TEST_CLASSES,
                           bands=bands)


def rewrite_model_header(path: Path, change) -> None:
    """Edit a .safetensors model file's JSON header in place with ``change(meta)``; weights kept."""
    import json

    from safetensors import safe_open
    from safetensors.torch import save_file

    from remotenet.model.metadata import METADATA_KEY

    with safe_open(str(path), framework="pt") as fh:
        meta = json.loads(fh.metadata()[METADATA_KEY])
        tensors = {k: fh.get_tensor(k) for k in fh.keys()}
    change(meta)
    save_file(tensors, str(path), metadata={METADATA_KEY: json.dumps(meta)})


def check_message(alg_id: str, params: dict) -> str:
    """The message checkParameterValues gives (what the dialog, processing.run and qgis_process show)."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    ok, message = alg.checkParameterValues(params, context)
    assert not ok
    return message


def recording_feedback():
    """A QgsProcessingFeedback that keeps the info lines an algorithm pushes (made after QGIS starts)."""
    from qgis.core import QgsProcessingFeedback

    class RecordingFeedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines: list[str] = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

    return RecordingFeedback()


def crop_raster(src: Path, dst: Path, xoff: int, yoff: int, size: int) -> Path:
    from osgeo import gdal

    ds = gdal.Translate(str(dst), str(src), srcWin=[xoff, yoff, size, size])
    assert ds is not None, gdal.GetLastErrorMsg()
    ds = None
    return dst


@pytest.fixture(scope="session")
def pan_raster(tmp_path_factory) -> Path:
    """128 x 128 crop of the Atlanta panchromatic test scene (UInt16, EPSG:32616, 0.5 m, nodata 0)."""
    return crop_raster(DATA / "atlanta_pan_0p5m.tif", tmp_path_factory.mktemp("rasters") / "pan.tif", 300, 300, 128)


@pytest.fixture(scope="session")
def s2_raster(tmp_path_factory) -> Path:
    """96 x 96 crop of the Sentinel-2 test scene (4 bands UInt16, EPSG:32618, 10 m)."""
    return crop_raster(DATA / "virginia_s2_bgrn_10m.tif", tmp_path_factory.mktemp("rasters") / "s2.tif", 0, 0, 96)

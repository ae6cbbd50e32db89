"""OpenVINO as the optional CPU runtime: same answers as PyTorch fp32 on the trained demo model over
real imagery, converted once and then taken from the cache, TTA and confidence, and a clear error
where it is asked for but missing."""
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from engine_helpers import VIRGINIA, pixel_model, read
from osgeo import gdal

from remotenet.remotenet_plugin.engine import EngineError, SegmentOptions, segment
from remotenet.remotenet_plugin.engine.infer.runtimes import pick_runtime

ov = pytest.importorskip("openvino")

ROOT = Path(__file__).resolve().parent.parent
DEMO = str(ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors")
ATLANTA = str(ROOT / "tests" / "data" / "atlanta_pan_0p5m.tif")
CROP = (384, 128, 256, 256)  # about 10 % building pixels; one 256 px tile, so batch 2 is a padded batch
CPU = torch.device("cpu")


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("openvino_cache"))


def _run(tmp_path, name, cache, **kw):
    log = []
    options = SegmentOptions(window=CROP, device="cpu", batch_size=2, cache_dir=cache, **kw)
    result = segment(ATLANTA, DEMO, str(tmp_path / f"{name}.tif"), options, log=log.append)
    return result, read(tmp_path / f"{name}.tif"), "\n".join(log)


def test_openvino_agrees_with_torch_fp32_and_says_it_ran(tmp_path, cache):
    result, fast, log = _run(tmp_path, "ov", cache, runtime="openvino")
    _ref_result, ref, _ = _run(tmp_path, "ref", cache, runtime="torch", precision="fp32")
    assert result.runtime == "openvino"
    assert "converting the network" in log and "converted in" in log
    assert gdal.Open(str(tmp_path / "ov.tif")).GetMetadataItem("REMOTENET_RUNTIME").startswith("openvino ")
    assert 0.01 < (ref == 1).mean() < 0.5  # buildings present: agreement is not trivially background
    assert (fast == ref).mean() >= 0.995


def test_second_run_takes_the_converted_network_from_the_cache(tmp_path, cache, monkeypatch):
    monkeypatch.setenv("REMOTENET_KEEP_SECONDS", "0")  # no network kept in the process: the disk cache is tested
    _run(tmp_path, "first", cache, runtime="openvino")  # converts unless the test above already did

    def no_conversion(*_a, **_k):
        raise AssertionError("converted again although the cache holds this model and shape")

    monkeypatch.setattr(ov, "convert_model", no_conversion)
    result, _pixels, log = _run(tmp_path, "second", cache, runtime="openvino")
    assert result.runtime == "openvino" and "using the network converted earlier" in log
    assert "converting" not in log


def test_tta_and_confidence_with_openvino(tmp_path, cache):
    conf_ov, conf_ref = tmp_path / "conf_ov.tif", tmp_path / "conf_ref.tif"
    _r, fast, _ = _run(tmp_path, "tta_ov", cache, runtime="openvino", tta=True, output_confidence=str(conf_ov))
    _r, ref, _ = _run(tmp_path, "tta_ref", cache, runtime="torch", precision="fp32", tta=True,
                      output_confidence=str(conf_ref))
    assert (fast == ref).mean() >= 0.995
    a, b = read(conf_ov), read(conf_ref)
    assert a.min() >= 0.5 - 1e-6 and a.max() <= 1.0 + 1e-6  # two classes: the winner has at least half
    assert np.abs(a - b).mean() < 0.01


def test_openvino_pads_partial_batches_and_keys_in_memory_networks(tmp_path):
    """A 1x1 network: OpenVINO fp32 gives PyTorch's classes; 3 tiles per batch leave a partial last batch."""
    src = str(tmp_path / "vrt.vrt")
    from engine_helpers import make_repeat_vrt

    make_repeat_vrt(src, 200, VIRGINIA)
    model = pixel_model(4, 5, tile_size=64, scale=3000.0)
    opts = dict(device="cpu", batch_size=3, precision="fp32", cache_dir=str(tmp_path / "cache"))
    a = segment(src, model, str(tmp_path / "ov.tif"), SegmentOptions(runtime="openvino", **opts))
    segment(src, model, str(tmp_path / "pt.tif"), SegmentOptions(runtime="torch", **opts))
    assert a.runtime == "openvino" and a.tiles_total % 3 != 0
    assert (read(tmp_path / "ov.tif") == read(tmp_path / "pt.tif")).mean() >= 0.9999


def test_missing_openvino_is_a_clear_error_and_auto_falls_back(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openvino", None)  # as if not installed: import fails
    monkeypatch.delenv("REMOTENET_RUNTIME", raising=False)
    out = tmp_path / "out.tif"
    with pytest.raises(EngineError, match=r"pip install openvino"):
        segment(ATLANTA, DEMO, str(out), SegmentOptions(window=CROP, device="cpu", runtime="openvino"))
    assert not out.exists()
    big = torch.nn.Conv2d(64, 64, 5)  # above the size where auto would consider OpenVINO
    assert pick_runtime("auto", CPU, big) == "torch"


def test_auto_picks_openvino_on_the_cpu_only_for_networks_worth_converting(monkeypatch):
    monkeypatch.delenv("REMOTENET_RUNTIME", raising=False)
    big = torch.nn.Conv2d(64, 64, 5)
    assert pick_runtime("auto", CPU, big) == "openvino"
    assert pick_runtime("auto", CPU, pixel_model(1, 2)[0]) == "torch"  # tiny: conversion costs more
    assert pick_runtime("auto", torch.device("cuda"), big) == "torch"
    assert pick_runtime("torch", CPU, big) == "torch"
    with pytest.raises(EngineError, match="CPU only"):
        pick_runtime("openvino", torch.device("cuda"), big)
    with pytest.raises(EngineError, match="not one of"):
        pick_runtime("tensorrt", CPU, big)


def test_openvino_sends_no_usage_statistics():
    """The engine makes OpenVINO's converter fall back to its no-op telemetry stub."""
    import subprocess

    code = ("from remotenet.remotenet_plugin.engine.infer.openvino_runtime import load_openvino; load_openvino(); "
            "import openvino.tools.ovc.telemetry_utils as t; print(t.tm.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip().endswith("telemetry_stub")


def test_fingerprint_of_in_memory_network_with_batchnorm_counters():
    """A network straight from the training loop (BatchNorm's 0-dim step counters in its state)
    gets a cache key for OpenVINO: scripts/compare_encoders.py hands networks to segment() so."""
    import torch

    from remotenet.remotenet_plugin.engine.infer.openvino_runtime import module_fingerprint

    net = torch.nn.Sequential(torch.nn.Conv2d(1, 4, 3, padding=1), torch.nn.BatchNorm2d(4),
                              torch.nn.Conv2d(4, 2, 1)).eval()
    assert any(t.dim() == 0 for t in net.state_dict().values())
    first = module_fingerprint(net)
    assert first == module_fingerprint(net)
    with torch.no_grad():
        net[1].num_batches_tracked += 1
    assert module_fingerprint(net) != first

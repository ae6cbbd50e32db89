"""int8 on the CPU (OpenVINO + NNCF post-training quantisation) and prepared networks kept between runs.

int8: the trained demonstration model on a crop of the real Atlanta scene agrees with PyTorch fp32; the
quantised network is cached (a second run does not calibrate again); refused clearly on CUDA, with the
PyTorch runtime and without NNCF. Kept networks: a second segment() with the same model and settings
takes the prepared one, other settings or another model do not, and the plugin's unload empties them."""
import importlib.util
import sys
from pathlib import Path

import pytest
import torch
from engine_helpers import read

from remotenet.remotenet_plugin.engine import EngineError, SegmentOptions, segment
from remotenet.remotenet_plugin.engine.infer import runtimes
from remotenet.remotenet_plugin.engine.prepare import kept

ROOT = Path(__file__).resolve().parent.parent
DEMO = str(ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors")
ATLANTA = str(ROOT / "tests" / "data" / "atlanta_pan_0p5m.tif")
CROP = (256, 0, 512, 512)  # 9 tiles of 256 px with the default overlap; about 10 % building pixels
HAS_OPENVINO = importlib.util.find_spec("openvino") is not None
HAS_NNCF = HAS_OPENVINO and importlib.util.find_spec("nncf") is not None
needs_nncf = pytest.mark.skipif(not HAS_NNCF, reason="NNCF is not installed (pip install nncf): int8 cannot run")


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("int8_cache"))


def _run(tmp_path, name, cache, model=DEMO, **kw):
    log = []
    options = SegmentOptions(window=CROP, device="cpu", cache_dir=cache, **kw)
    result = segment(ATLANTA, model, str(tmp_path / f"{name}.tif"), options, log=log.append)
    return result, read(tmp_path / f"{name}.tif"), "\n".join(log)


@needs_nncf
@pytest.mark.slow
def test_int8_agrees_with_fp32_and_the_calibration_is_cached(tmp_path, cache, monkeypatch):
    monkeypatch.setenv(kept.KEEP_SECONDS_ENV, "0")  # every run prepares: the disk cache is what is tested
    result, int8, log = _run(tmp_path, "int8", cache, precision="int8")
    _r, ref, _ = _run(tmp_path, "ref", cache, precision="fp32", runtime="torch")
    assert result.runtime == "openvino" and result.precision == "int8"
    assert "quantising the network with NNCF" in log and "quantised in" in log
    assert 0.01 < (ref == 1).mean() < 0.5  # buildings present: agreement is not trivially background
    assert (int8 == ref).mean() >= 0.99

    import nncf

    def no_quantisation(*_a, **_k):
        raise AssertionError("quantised again although the cache holds this model and shape")

    monkeypatch.setattr(nncf, "quantize", no_quantisation)
    result2, again, log2 = _run(tmp_path, "int8_again", cache, precision="int8")
    assert result2.precision == "int8" and "using the network quantised earlier" in log2
    assert "quantising" not in log2
    assert (again == int8).mean() >= 0.999


@pytest.mark.skipif(not HAS_OPENVINO, reason="OpenVINO is not installed")
def test_int8_is_refused_on_cuda_with_pytorch_and_without_nncf(tmp_path, monkeypatch, cache):
    with pytest.raises(EngineError, match="CPU only") as err:
        segment(ATLANTA, DEMO, str(tmp_path / "a.tif"), SegmentOptions(window=CROP, device="cuda", precision="int8"))
    assert err.value.field in ("precision", "device")
    with pytest.raises(EngineError, match="not PyTorch") as err:
        segment(ATLANTA, DEMO, str(tmp_path / "b.tif"), SegmentOptions(window=CROP, precision="int8", runtime="torch"))
    assert err.value.field == "precision"
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "nncf" else
                        real_find_spec(name, *a))
    monkeypatch.setitem(sys.modules, "nncf", None)  # `import nncf` fails as if it were not installed
    with pytest.raises(EngineError, match="pip install nncf") as err:
        segment(ATLANTA, DEMO, str(tmp_path / "c.tif"), SegmentOptions(window=CROP, precision="int8", cache_dir=cache))
    assert err.value.field == "precision"
    assert not (tmp_path / "c.tif").exists()


def test_auto_picks_int8_only_without_native_bf16_with_avx_vnni_and_nncf(monkeypatch):
    from remotenet.remotenet_plugin.engine.infer import openvino_runtime

    net = torch.nn.Sequential(*[torch.nn.Conv2d(64, 64, 3) for _ in range(3)])  # above the size threshold
    cpu = torch.device("cpu")
    monkeypatch.setattr(openvino_runtime, "int8_measured_faster", lambda: True)
    monkeypatch.setattr(openvino_runtime, "nncf_importable", lambda: True)
    assert runtimes.pick_auto_precision("auto", "fp32", "openvino", cpu, net) == "int8"
    assert runtimes.pick_auto_precision("auto", "bf16", "openvino", cpu, net) == "bf16"  # native bf16 was faster
    assert runtimes.pick_auto_precision("fp32", "fp32", "openvino", cpu, net) == "fp32"  # asked: kept
    assert runtimes.pick_auto_precision("auto", "fp32", "torch", cpu, net) == "fp32"
    monkeypatch.setattr(openvino_runtime, "int8_measured_faster", lambda: False)  # plain AVX2: slower
    assert runtimes.pick_auto_precision("auto", "fp32", "openvino", cpu, net) == "fp32"
    monkeypatch.setattr(openvino_runtime, "int8_measured_faster", lambda: True)
    monkeypatch.setattr(openvino_runtime, "nncf_importable", lambda: False)
    assert runtimes.pick_auto_precision("auto", "fp32", "openvino", cpu, net) == "fp32"



@pytest.mark.parametrize("flags,cap,native,faster", [
    ({"avx512f", "avx512_vnni", "avx512_bf16", "amx_bf16"}, "", True, False),  # this VM: bf16 natively
    ({"avx512f", "avx512_vnni", "avx512_bf16", "amx_bf16"}, "AVX512_CORE_VNNI", False, True),  # capped
    ({"avx512f", "avx512_vnni", "avx512_bf16", "amx_bf16"}, "AVX2", False, False),  # capped below VNNI
    ({"avx512f", "avx512_vnni"}, "", False, True),  # Ice Lake: oneDNN calls bf16 supported, but emulates it
    ({"avx2", "avx_vnni"}, "", False, True),  # Alder Lake
    ({"avx2"}, "", False, False)])
def test_int8_float_layers_run_in_bf16_only_where_it_is_native(monkeypatch, flags, cap, native, faster):
    from remotenet.remotenet_plugin.engine.infer import openvino_runtime

    monkeypatch.setattr(openvino_runtime, "_cpu_flags", lambda: set(flags))
    monkeypatch.setenv("ONEDNN_MAX_CPU_ISA", cap)
    assert openvino_runtime.native_bf16() is native
    assert openvino_runtime.float_hint_for_int8() == ("bf16" if native else "f32")
    assert openvino_runtime.int8_measured_faster() is faster


def test_a_second_run_takes_the_kept_network_other_settings_do_not(tmp_path, cache, monkeypatch, model_1band):
    monkeypatch.setenv("REMOTENET_RUNTIME", "torch")
    kept.release()
    before = dict(kept.stats)
    _r, first, log1 = _run(tmp_path, "k1", cache, precision="fp32")
    assert "prepared by the previous run" not in log1 and kept.kept_count() == 1
    _r, second, log2 = _run(tmp_path, "k2", cache, precision="fp32")
    assert "using the network prepared by the previous run" in log2
    assert kept.stats["reused"] == before["reused"] + 1
    assert (first == second).all()
    _r, _p, log3 = _run(tmp_path, "k3", cache, precision="fp32", batch_size=2)  # other settings: prepared afresh
    assert "prepared by the previous run" not in log3
    _r, _p, log4 = _run(tmp_path, "k4", cache, model=str(model_1band), precision="fp32")  # another model
    assert "prepared by the previous run" not in log4
    assert kept.kept_count() == kept.MAX_KEPT  # the oldest went
    assert kept.stats["prepared"] == before["prepared"] + 3


def test_kept_networks_go_on_release_idle_and_failure(tmp_path, cache, monkeypatch):
    monkeypatch.setenv("REMOTENET_RUNTIME", "torch")
    kept.release()
    _run(tmp_path, "a", cache, precision="fp32")
    assert kept.kept_count() == 1
    assert kept.release() == 1 and kept.kept_count() == 0
    monkeypatch.setenv(kept.KEEP_SECONDS_ENV, "0.2")  # idle release
    _run(tmp_path, "b", cache, precision="fp32")
    assert kept.kept_count() == 1
    import time

    deadline = time.monotonic() + 10
    while kept.kept_count() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert kept.kept_count() == 0
    monkeypatch.setenv(kept.KEEP_SECONDS_ENV, "300")
    _run(tmp_path, "c", cache, precision="fp32")
    with pytest.raises(EngineError):  # a failing run (output next to itself) does not return what it took
        _run(tmp_path, "d", cache, precision="fp32", output_vector=str(tmp_path / "d.tif"))
    assert kept.kept_count() <= 1

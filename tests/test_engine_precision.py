"""CPU precision choice: "auto" takes bf16 only where the CPU runs it natively and the network is big
enough to gain, and its answers agree with fp32 on the trained demonstration model over real imagery."""
from pathlib import Path

import numpy as np
import pytest
import torch
from engine_helpers import pixel_model, read

from remotenet.remotenet_plugin.engine import SegmentOptions, segment
from remotenet.remotenet_plugin.engine.infer import torch_runtime as inference
from remotenet.remotenet_plugin.engine.infer.torch_runtime import cpu_has_native_bf16, pick_precision

ROOT = Path(__file__).resolve().parent.parent
DEMO = str(ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors")
ATLANTA = str(ROOT / "tests" / "data" / "atlanta_pan_0p5m.tif")
CROP = (384, 128, 256, 256)  # about 10 % building pixels in the reference mask
CPU = torch.device("cpu")


class Big(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(64, 64, 5)  # 102,464 parameters: above the bf16 threshold


@pytest.mark.parametrize("native, expected", [(True, "bf16"), (False, "fp32")])
def test_auto_on_cpu_follows_native_bf16(monkeypatch, native, expected):
    monkeypatch.setattr(inference, "cpu_has_native_bf16", lambda: native)
    assert pick_precision("auto", CPU, Big()) == expected
    assert pick_precision("fp32", CPU, Big()) == "fp32"  # exact answers stay one parameter away
    assert pick_precision("bf16", CPU, Big()) == "bf16"


def test_auto_keeps_fp32_for_tiny_networks_and_without_a_model(monkeypatch):
    monkeypatch.setattr(inference, "cpu_has_native_bf16", lambda: True)
    assert pick_precision("auto", CPU, pixel_model(1, 2)[0]) == "fp32"  # memory-bound: nothing to gain
    assert pick_precision("auto", CPU) == "fp32"


def test_default_cpu_precision_agrees_with_fp32_on_the_demo_model(tmp_path):
    a, b = str(tmp_path / "auto.tif"), str(tmp_path / "fp32.tif")
    auto = segment(ATLANTA, DEMO, a, SegmentOptions(window=CROP, device="cpu"))
    exact = segment(ATLANTA, DEMO, b, SegmentOptions(window=CROP, device="cpu", precision="fp32"))
    assert auto.precision == ("bf16" if cpu_has_native_bf16() else "fp32")
    assert exact.precision == "fp32"
    fast, ref = read(a), read(b)
    assert 0.01 < (ref == 1).mean() < 0.5  # buildings present: agreement is not trivially background
    assert (fast == ref).mean() >= 0.995


def test_bf16_call_restores_denormals(monkeypatch):
    """The CPU bf16 path flushes denormals only while it runs; the thread's FP state is restored."""
    from remotenet.remotenet_plugin.engine.infer.torch_runtime import Predictor

    net, _meta = pixel_model(1, 2)
    predictor = Predictor(net, CPU, "bf16", False, 2)
    probs = predictor(np.zeros((2, 1, 8, 8), dtype=np.float32))
    assert probs.shape == (2, 2, 8, 8)
    assert float(torch.tensor(1e-39) * torch.tensor(1.0)) != 0.0  # denormals work again


class ThreadSpy(torch.nn.Module):
    """A per-pixel network that records how many PyTorch threads each call ran with."""

    def __init__(self, channels: int):
        super().__init__()
        self.conv = torch.nn.Conv2d(channels, channels, 1)
        self.seen: list[int] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.seen.append(torch.get_num_threads())
        return self.conv(x)


@pytest.mark.parametrize("channels, one_thread", [(4, True), (128, False)])  # 20 and 16,512 parameters
def test_tiny_networks_run_on_one_thread_and_leave_the_setting_as_it_was(channels, one_thread):
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        net = ThreadSpy(channels)
        predictor = inference.Predictor(net, CPU, "fp32", False, 4)
        probs = predictor(np.random.default_rng(0).random((2, channels, 8, 8), dtype=np.float32))
        assert probs.shape == (2, channels, 8, 8)
        assert net.seen == [1 if one_thread else 2]
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)

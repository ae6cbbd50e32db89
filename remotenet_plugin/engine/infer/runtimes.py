"""Which runtime runs the network: PyTorch (the reference, CPU and CUDA) or OpenVINO (optional, CPU)."""
from __future__ import annotations

import importlib.util
import os
from typing import Optional

import torch

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.options import OPENVINO_MISSING, RUNTIMES, EngineError
from .torch_runtime import parameter_count

RUNTIME_ENV = "REMOTENET_RUNTIME"  # what "auto" means where set (tests pin "torch" for speed)
# Below this the network is memory-bound and tiny: converting it costs more than it could save.
OPENVINO_MIN_PARAMETERS = 100_000


def check_runtime(runtime: str, device: torch.device) -> str:
    """The runtime option validated without importing anything heavy; returns it lower-cased."""
    runtime = (runtime or "auto").lower()
    if runtime not in RUNTIMES:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{runtime!r} is not one of {runtimes}").format(
            runtime=runtime, runtimes=', '.join(RUNTIMES)), "runtime")
    if runtime == "openvino":
        if device.type != "cpu":
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "runtime 'openvino' runs on the CPU only, not {type}; choose device 'cpu' or runtime "
                "Auto").format(type=device.type))
        if importlib.util.find_spec("openvino") is None:
            raise EngineError(OPENVINO_MISSING, "runtime")
    return runtime


def pick_runtime(runtime: str, device: torch.device, model: Optional[torch.nn.Module] = None,
                 precision: str = "auto") -> str:
    """"torch" or "openvino". Auto: OpenVINO on the CPU when it imports and the network is big
    enough to gain; PyTorch otherwise and always on CUDA. Precision int8 runs with OpenVINO only."""
    runtime = check_runtime(runtime, device)
    if (precision or "").lower() == "int8":
        if runtime == "torch" or device.type != "cpu":
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "'int8' runs with OpenVINO on the CPU only; choose the runtime Auto or OpenVINO and the "
                "device CPU"), "precision")
        return check_runtime("openvino", device)
    if runtime == "auto" and os.environ.get(RUNTIME_ENV, "").lower() in ("torch", "openvino"):
        runtime = check_runtime(os.environ[RUNTIME_ENV], device) if device.type == "cpu" else "torch"
    if runtime != "auto":
        return runtime
    if device.type != "cpu":
        return "torch"
    if model is not None and parameter_count(model) < OPENVINO_MIN_PARAMETERS:
        return "torch"
    from .openvino_runtime import openvino_importable

    return "openvino" if openvino_importable() else "torch"


def pick_auto_precision(asked: str, precision: str, runtime: str, device: torch.device,
                        model: Optional[torch.nn.Module] = None) -> str:
    """Precision Auto with the runtime known: int8 where it was measured faster than the other
    choices and NNCF is installed, else ``precision`` (what pick_precision chose).

    Measured with OpenVINO on the demonstration model (docs/performance.md, "int8"): int8 ran at
    0.97-1.07x bf16 on this CPU with AMX (native bf16 keeps bf16: as fast, and it agrees better); with
    the ISA capped, 1.3-1.4x f32 at AVX2-VNNI and AVX-512 VNNI, 0.8-0.9x at plain AVX2 (keeps fp32)."""
    if (asked or "auto").lower() != "auto" or runtime != "openvino" or device.type != "cpu" or precision != "fp32":
        return precision
    if model is not None and parameter_count(model) < OPENVINO_MIN_PARAMETERS:
        return precision
    from .openvino_runtime import int8_measured_faster, nncf_importable

    return "int8" if int8_measured_faster() and nncf_importable() else precision

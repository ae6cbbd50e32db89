"""Which torch device runs the network, and whether this CPU runs bf16 natively (one owner for
the engine and the training loop)."""
from __future__ import annotations

import torch

from .messages import QT_TRANSLATE_NOOP


class DeviceError(ValueError):
    """The device asked for does not exist here; the message says what to use instead."""


def resolve_device(name: str | None = "auto") -> torch.device:
    """'auto' is the first CUDA GPU when torch sees one, else the CPU; 'cuda', 'cuda:N' and 'cpu'
    must exist."""
    name = (name or "auto").lower()
    if name == "auto":
        return torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    if name == "cpu":
        return torch.device("cpu")
    if name == "cuda" or name.startswith("cuda:"):
        if not torch.cuda.is_available():
            raise DeviceError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{name!r} was asked for but PyTorch sees no CUDA GPU here; use 'auto' or 'cpu'").format(
                name=name))
        device = torch.device(name if ":" in name else "cuda:0")
        if device.index is not None and device.index >= torch.cuda.device_count():
            raise DeviceError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{name!r}: only {device_count} CUDA device(s) exist").format(
                name=name, device_count=torch.cuda.device_count()))
        return device
    raise DeviceError(QT_TRANSLATE_NOOP(
        "RemoteNet", "{name!r} is not one of 'auto', 'cuda', 'cuda:N', 'cpu'").format(name=name))


def cpu_has_native_bf16() -> bool:
    """True when the CPU computes bf16 natively (AVX-512 BF16 or AMX): bf16 autocast then about
    halves inference and training time. Elsewhere bf16 is emulated and slower, so callers keep fp32.
    Not oneDNN's "bf16 supported", which is true on every AVX-512 CPU (Ice Lake, Cascade Lake),
    where bf16 is emulated."""
    for probe in ("_is_amx_tile_supported", "_is_avx512_bf16_supported"):
        check = getattr(torch.cpu, probe, None)
        try:
            if check is not None and check():
                return True
        except Exception:  # noqa: BLE001 - a private probe may change; fp32 is always safe
            continue
    return False

"""int8 weight storage for model files: per-output-channel symmetric scales.

Only storage is quantised: on load every weight is widened back to float32 and the network
runs as usual. A convolution or linear weight ``w`` (shape ``[out, ...]``) is stored as
``q = round(w / s)`` in int8 with ``s[o] = max|w[o]| / 127`` (one float32 scale per output
channel, under ``<name>:int8_scale``); loading computes ``q * s``. Biases, norms, tables and
other small or 1-D tensors stay float32: they are a fraction of a percent of the size.
"""
from __future__ import annotations

import torch

SCALE_SUFFIX = ":int8_scale"
STORAGES = ("float32", "float16", "int8")


class QuantisationError(ValueError):
    """int8 weights without their scales, or scales without weights."""


def quantisable(name: str, tensor: torch.Tensor) -> bool:
    """Conv and linear weights: floating, at least 2-D, named ``*.weight``."""
    return tensor.is_floating_point() and tensor.dim() >= 2 and name.endswith(".weight")


def quantise_int8(tensor: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """``(int8 values, float32 scale per output channel)`` for a weight of shape ``[out, ...]``."""
    w = tensor.detach().to("cpu", torch.float32)
    flat = w.reshape(w.shape[0], -1)
    scale = flat.abs().amax(dim=1) / 127.0
    # An all-zero channel gets scale 1: its values stay 0 and we never divide by zero.
    scale = torch.where(scale > 0, scale, torch.ones_like(scale))
    q = torch.round(flat / scale[:, None]).clamp_(-127, 127).to(torch.int8)
    return q.reshape(w.shape).contiguous(), scale.contiguous()


def dequantise_int8(values: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    """float32 weight from its int8 values and per-output-channel scale."""
    shape = (values.shape[0],) + (1,) * (values.dim() - 1)
    return values.to(torch.float32) * scale.to(torch.float32).reshape(shape)


def encode_state(state: dict[str, torch.Tensor], storage: str) -> dict[str, torch.Tensor]:
    """The tensors to write for ``storage`` ('float32', 'float16' or 'int8')."""
    if storage not in STORAGES:
        raise ValueError(f"weight storage {storage!r} is not one of {', '.join(STORAGES)}")
    out: dict[str, torch.Tensor] = {}
    for name, tensor in state.items():
        tensor = tensor.detach().to("cpu").contiguous()
        if storage == "int8" and quantisable(name, tensor):
            out[name], out[name + SCALE_SUFFIX] = quantise_int8(tensor)
        elif storage == "float16" and tensor.is_floating_point():
            out[name] = tensor.half()
        elif tensor.is_floating_point():
            out[name] = tensor.float()
        else:
            out[name] = tensor
    return out


def decode_state(stored: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """float32 weights from stored tensors of any storage; int8 ones are dequantised."""
    scales = {k[: -len(SCALE_SUFFIX)]: v for k, v in stored.items() if k.endswith(SCALE_SUFFIX)}
    state: dict[str, torch.Tensor] = {}
    for name, tensor in stored.items():
        if name.endswith(SCALE_SUFFIX):
            if name[: -len(SCALE_SUFFIX)] not in stored:
                raise QuantisationError(f"int8 scale {name} has no weight {name[: -len(SCALE_SUFFIX)]}")
            continue
        if tensor.dtype == torch.int8:
            if name not in scales:
                raise QuantisationError(f"int8 weight {name} has no scale ({name}{SCALE_SUFFIX})")
            if scales[name].shape != (tensor.shape[0],):
                raise QuantisationError(f"int8 scale of {name} has shape {tuple(scales[name].shape)}, "
                                        f"expected ({tensor.shape[0]},)")
            state[name] = dequantise_int8(tensor, scales[name])
        elif tensor.is_floating_point():
            state[name] = tensor.float()
        else:
            state[name] = tensor
    return state

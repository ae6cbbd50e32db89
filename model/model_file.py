"""Saving and loading RemoteNet model files.

``.safetensors`` (our format: weights plus a JSON header) and plain PyTorch checkpoints
(``.pth``/``.pt``: a state_dict, ``{"model": state_dict}``, or the public reproduction's
DataParallel keys). PyTorch files are read with ``weights_only=True``: a model file can
never run code.
"""
from __future__ import annotations

import json
import os
import pickle
import zipfile
from pathlib import Path
from typing import Any

import torch

from .encoder import ENCODERS
from .metadata import (
    ARCHITECTURE,
    METADATA_KEY,
    MetadataError,
    architecture_of,
    build_metadata,
    validate_metadata,
)
from .network import RemoteNet

PATCH_EMBED_KEY = "Encoder.Encoder.patch_embed.proj.weight"
HEAD_KEY = "Decoder.FRM.head.weight"
# Each encoder's first convolution: which one is present tells the encoder, its width the bands.
FIRST_CONV_KEYS = {f"Encoder.Encoder.{spec['first_conv']}": name for name, spec in ENCODERS.items()}


class ModelFileError(ValueError):
    """A file that cannot be loaded as a RemoteNet model; the message says why and what to do."""


def save_model(model: RemoteNet, path: str | os.PathLike, metadata: dict[str, Any] | None = None,
               half: bool = False) -> dict[str, Any]:
    """Write ``model`` and its header to a ``.safetensors`` file; returns the full header.

    Missing header fields get defaults. ``half=True`` stores float16 weights (half the size;
    they are widened to float32 on load). The file is written under a temporary name and
    moved into place, so a failure never leaves a partial model file.
    """
    from safetensors.torch import save_file

    path = Path(path)
    if path.suffix != ".safetensors":
        raise ModelFileError(f"{path}: model files are written as .safetensors; use that extension")
    meta = build_metadata(model.num_classes, model.in_channels, metadata, architecture=model.architecture)
    tensors = {}
    for name, tensor in model.state_dict().items():
        tensor = tensor.detach().to("cpu").contiguous()
        if half and tensor.is_floating_point():
            tensor = tensor.half()
        tensors[name] = tensor
    tmp = path.with_name(f".{path.name}.partial")
    try:
        save_file(tensors, str(tmp), metadata={METADATA_KEY: json.dumps(meta)})
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return meta


def read_metadata(path: str | os.PathLike) -> dict[str, Any]:
    """The header of a model file without building the network (cheap)."""
    path = Path(path)
    if _file_kind(path) == "safetensors":
        return _safetensors_header(path)
    state = _torch_state_dict(path)
    num_classes, in_channels, encoder = _shape_from_weights(state, path)
    return build_metadata(num_classes, in_channels, architecture=architecture_of(encoder))


def load_model(path: str | os.PathLike, device: str | torch.device = "cpu") -> tuple[RemoteNet, dict[str, Any]]:
    """Load a model file; returns the network in eval mode and its (completed) header."""
    path = Path(path)
    if _file_kind(path) == "safetensors":
        meta = _safetensors_header(path)
        state = _safetensors_weights(path)
    else:
        state = _torch_state_dict(path)
        meta = None
    num_classes, in_channels, encoder = _shape_from_weights(state, path)
    architecture = architecture_of(encoder)
    if meta is None:
        meta = build_metadata(num_classes, in_channels, architecture=architecture)
    else:
        try:
            validate_metadata(meta, num_classes=num_classes, in_channels=in_channels, architecture=architecture)
        except MetadataError as err:
            raise ModelFileError(f"{path}: {err}; the header contradicts the weights") from err
    model = RemoteNet(num_classes=num_classes, in_channels=in_channels, encoder=encoder)
    _load_state(model, state, path)
    model.eval()
    return model.to(device), meta


def _file_kind(path: Path) -> str:
    """'safetensors', 'torch-zip' or 'pickle', judged by content rather than extension."""
    if not path.is_file():
        raise ModelFileError(f"{path}: no such model file")
    with open(path, "rb") as fh:
        head = fh.read(9)
    if len(head) == 9 and head[8:9] == b"{":
        return "safetensors"
    if zipfile.is_zipfile(path):
        return "torch-zip"
    if head[:1] == b"\x80":  # pickle protocol 2+ (torch's legacy format)
        return "pickle"
    raise ModelFileError(f"{path}: not a model file (neither .safetensors nor a PyTorch checkpoint)")


def _safetensors_header(path: Path) -> dict[str, Any]:
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt") as fh:
            raw = (fh.metadata() or {}).get(METADATA_KEY)
    except Exception as err:  # noqa: BLE001 - safetensors raises its own error types
        raise ModelFileError(f"{path}: unreadable .safetensors file ({err}); is it truncated?") from err
    if raw is None:
        raise ModelFileError(f"{path}: this .safetensors file has no '{METADATA_KEY}' header; "
                             "it was not written by remotenet.model.save_model")
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as err:
        raise ModelFileError(f"{path}: the '{METADATA_KEY}' header is not valid JSON ({err})") from err
    if not isinstance(meta, dict):
        raise ModelFileError(f"{path}: the '{METADATA_KEY}' header is not a JSON object")
    meta.setdefault("architecture", ARCHITECTURE)  # files from before the encoder choice
    try:
        validate_metadata(meta)
    except MetadataError as err:
        raise ModelFileError(f"{path}: {err}") from err
    return meta


def _safetensors_weights(path: Path) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    try:
        state = load_file(str(path), device="cpu")
    except Exception as err:  # noqa: BLE001
        raise ModelFileError(f"{path}: the weights cannot be read ({err}); the file may be truncated") from err
    return {k: v.float() if v.is_floating_point() else v for k, v in state.items()}


def _torch_state_dict(path: Path) -> dict[str, torch.Tensor]:
    try:
        obj = torch.load(str(path), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as err:
        raise ModelFileError(
            f"{path}: refused to load: the checkpoint holds Python objects other than weights, which "
            "could run code. Re-save it as a plain state_dict, or convert it to .safetensors."
        ) from err
    except Exception as err:  # noqa: BLE001 - torch raises RuntimeError, EOFError, zip errors...
        raise ModelFileError(f"{path}: not a readable PyTorch checkpoint ({type(err).__name__}: {err}); "
                             "the file may be truncated or not a model") from err
    if isinstance(obj, dict) and isinstance(obj.get("model"), dict):
        obj = obj["model"]
    elif isinstance(obj, dict) and isinstance(obj.get("state_dict"), dict):
        obj = obj["state_dict"]
    if not isinstance(obj, dict) or not all(isinstance(v, torch.Tensor) for v in obj.values()):
        raise ModelFileError(f"{path}: the checkpoint is not a state_dict of tensors")
    # DataParallel checkpoints prefix every key with "module.".
    return {k.removeprefix("module."): v for k, v in obj.items()}


def _shape_from_weights(state: dict[str, torch.Tensor], path: Path) -> tuple[int, int, str]:
    """(num_classes, in_channels, encoder) read off the head and the encoder's first convolution."""
    head = state.get(HEAD_KEY)
    found = [(key, name) for key, name in FIRST_CONV_KEYS.items() if key in state]
    if head is None or head.dim() != 4 or len(found) != 1 or state[found[0][0]].dim() != 4:
        raise ModelFileError(f"{path}: these weights are not a RemoteNet ({HEAD_KEY} or an encoder's first "
                             f"convolution ({', '.join(FIRST_CONV_KEYS)}) missing); they belong to another "
                             "architecture")
    key, encoder = found[0]
    return int(head.shape[0]), int(state[key].shape[1]), encoder


def _load_state(model: RemoteNet, state: dict[str, torch.Tensor], path: Path) -> None:
    expected = model.state_dict()
    # Buffers we derive rather than store (the relative position index) may come with old files.
    state = {k: v for k, v in state.items() if not k.endswith("relative_position_index")}
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    wrong_shape = [k for k in expected.keys() & state.keys() if expected[k].shape != state[k].shape]
    if missing or unexpected or wrong_shape:
        details = []
        if missing:
            details.append(f"{len(missing)} missing (first: {missing[0]})")
        if unexpected:
            details.append(f"{len(unexpected)} unexpected (first: {unexpected[0]})")
        if wrong_shape:
            k = wrong_shape[0]
            details.append(f"{len(wrong_shape)} of another shape (first: {k} "
                           f"{tuple(state[k].shape)} vs {tuple(expected[k].shape)})")
        hint = ""
        if any(".attention_map.9" in k or ".attention_map.8.running_mean" in k for k in unexpected):
            hint = (" It looks like the later public RemoteNet code with a BatchNorm at the end of the "
                    "channel attention map (14,701,534 parameters), which this plugin does not build.")
        raise ModelFileError(f"{path}: the weights do not fit RemoteNet ({model.architecture}): "
                             f"{'; '.join(details)}.{hint}")
    model.load_state_dict(state, strict=True)

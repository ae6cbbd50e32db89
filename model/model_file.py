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
from pathlib import Path
from typing import Any

import torch

from .header import FIRST_CONV_KEYS, HEAD_KEY, SPECTRAL_KEY, ModelFileError, file_kind, safetensors_header
from .messages import QT_TRANSLATE_NOOP
from .metadata import (
    FLOAT_FORMAT_VERSION,
    INT8_FORMAT_VERSION,
    METADATA_KEY,
    SPECTRAL_FORMAT_VERSION,
    MetadataError,
    architecture_of,
    build_metadata,
    validate_metadata,
)
from .network import RemoteNet
from .quantise import SCALE_SUFFIX, STORAGES, QuantisationError, decode_state, encode_state

# What an int8 file's header says about its weights (docs/model_file.md).
INT8_DESCRIPTION = {
    "scheme": "symmetric, one scale per output channel: w = q * scale[out]",
    "quantised": "conv and linear weights (*.weight, 2-D and more); other tensors float32",
    "scale_suffix": SCALE_SUFFIX,
}


def save_model(model: RemoteNet, path: str | os.PathLike, metadata: dict[str, Any] | None = None,
               half: bool = False, storage: str | None = None) -> dict[str, Any]:
    """Write ``model`` and its header to a ``.safetensors`` file; returns the full header.

    Missing header fields get defaults. ``storage`` is how weights are stored: 'float32'
    (default), 'float16' (half the size; ``half=True`` says the same) or 'int8' (a quarter of
    the size; per-output-channel scales, see model/quantise.py). Weights are widened to
    float32 on load. The file is written under a temporary name and moved into place, so a
    failure never leaves a partial model file.
    """
    from safetensors.torch import save_file

    path = Path(path)
    if path.suffix != ".safetensors":
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: model files are written as .safetensors; use that extension").format(path=path))
    storage = storage or ("float16" if half else "float32")
    if storage not in STORAGES:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "weight storage {storage!r} is not one of {storages}").format(
            storage=storage, storages=', '.join(STORAGES)))
    meta = build_metadata(model.num_classes, model.in_channels, metadata, architecture=model.architecture,
                          spectral_head=model.has_spectral_head)
    # The lowest version that describes the file, so older readers still open float files.
    meta["format_version"] = max(INT8_FORMAT_VERSION if storage == "int8" else FLOAT_FORMAT_VERSION,
                                 SPECTRAL_FORMAT_VERSION if model.has_spectral_head else FLOAT_FORMAT_VERSION)
    meta["weights"] = {"storage": storage}
    if storage == "int8":
        meta["weights"].update(INT8_DESCRIPTION)
    tensors = encode_state(model.state_dict(), storage)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        save_file(tensors, str(tmp), metadata={METADATA_KEY: json.dumps(meta)})
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return meta


def weights_storage(path: str | os.PathLike) -> str:
    """'float32', 'float16' or 'int8': how a ``.safetensors`` model file stores its weights."""
    from safetensors import safe_open

    path = Path(path)
    if file_kind(path) != "safetensors":
        return "float32"
    try:
        with safe_open(str(path), framework="pt") as fh:
            dtypes = {fh.get_slice(k).get_dtype() for k in fh.keys()}
    except Exception as err:  # noqa: BLE001 - safetensors raises its own error types
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: unreadable .safetensors file ({err}); is it truncated?").format(
            path=path, err=err)) from err
    if "I8" in dtypes:
        return "int8"
    return "float16" if "F16" in dtypes else "float32"


def read_metadata(path: str | os.PathLike) -> dict[str, Any]:
    """The header of a model file without building the network (cheap)."""
    path = Path(path)
    if file_kind(path) == "safetensors":
        return safetensors_header(path)
    state = _torch_state_dict(path)
    num_classes, in_channels, encoder = _shape_from_weights(state, path)
    return build_metadata(num_classes, in_channels, architecture=architecture_of(encoder),
                          spectral_head=SPECTRAL_KEY in state)


def load_model(path: str | os.PathLike, device: str | torch.device = "cpu") -> tuple[RemoteNet, dict[str, Any]]:
    """Load a model file; returns the network in eval mode and its (completed) header."""
    path = Path(path)
    if file_kind(path) == "safetensors":
        meta = safetensors_header(path)
        state = _safetensors_weights(path)
    else:
        state = _torch_state_dict(path)
        meta = None
    num_classes, in_channels, encoder = _shape_from_weights(state, path)
    architecture = architecture_of(encoder)
    spectral = SPECTRAL_KEY in state
    if meta is None:
        meta = build_metadata(num_classes, in_channels, architecture=architecture, spectral_head=spectral)
    else:
        try:
            validate_metadata(meta, num_classes=num_classes, in_channels=in_channels, architecture=architecture,
                              spectral_head=spectral)
        except MetadataError as err:
            raise ModelFileError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: {err}; the header contradicts the weights").format(path=path, err=err)) from err
    _check_finite(state, path)
    model = RemoteNet(num_classes=num_classes, in_channels=in_channels, encoder=encoder, spectral_head=spectral)
    _load_state(model, state, path)
    model.eval()
    return model.to(device), meta


def _safetensors_weights(path: Path) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    try:
        state = load_file(str(path), device="cpu")
    except Exception as err:  # noqa: BLE001
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the weights cannot be read ({err}); the file may be truncated: copy or download "
            "it again").format(path=path, err=err)) from err
    try:
        return decode_state(state)
    except QuantisationError as err:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: {err}; the file is damaged or was not written by save_model").format(
            path=path, err=err)) from err


def _torch_state_dict(path: Path) -> dict[str, torch.Tensor]:
    try:
        obj = torch.load(str(path), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as err:
        raise ModelFileError(
            QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: refused to load: the checkpoint holds Python objects other than weights, which "
            "could run code. Re-save it as a plain state_dict, or convert it to .safetensors.").format(path=path)
        ) from err
    except Exception as err:  # noqa: BLE001 - torch raises RuntimeError, EOFError, zip errors...
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: not a readable PyTorch checkpoint ({name}: {err}); the file may be truncated or "
            "not a model").format(path=path, name=type(err).__name__, err=err)) from err
    if isinstance(obj, dict) and isinstance(obj.get("model"), dict):
        obj = obj["model"]
    elif isinstance(obj, dict) and isinstance(obj.get("state_dict"), dict):
        obj = obj["state_dict"]
    if not isinstance(obj, dict) or not all(isinstance(v, torch.Tensor) for v in obj.values()):
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the checkpoint is not a state_dict of tensors").format(path=path))
    # DataParallel checkpoints prefix every key with "module.".
    return {k.removeprefix("module."): v for k, v in obj.items()}


def _check_finite(state: dict[str, torch.Tensor], path: Path) -> None:
    """NaN or infinite weights (a diverged training) would classify every pixel as garbage."""
    for name, tensor in state.items():
        if tensor.is_floating_point() and not bool(torch.isfinite(tensor).all()):
            raise ModelFileError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: the weights hold NaN or infinite values (first in {name}); the model is "
                "damaged, for example by a training that diverged: use another model file").format(
                path=path, name=name))


def _shape_from_weights(state: dict[str, torch.Tensor], path: Path) -> tuple[int, int, str]:
    """(num_classes, in_channels, encoder) read off the head and the encoder's first convolution."""
    head = state.get(HEAD_KEY)
    found = [(key, name) for key, name in FIRST_CONV_KEYS.items() if key in state]
    if head is None or head.dim() != 4 or len(found) != 1 or state[found[0][0]].dim() != 4:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: these weights are not a RemoteNet ({head_key} or an encoder's first convolution "
            "({first_conv_keys}) missing); they belong to another architecture").format(
            path=path, head_key=HEAD_KEY, first_conv_keys=', '.join(FIRST_CONV_KEYS)))
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
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the weights do not fit RemoteNet ({architecture}): {details}.{hint} Choose a "
            "model saved by this plugin's RemoteNet (Train or remotenet.model.save_model).").format(
            path=path, architecture=model.architecture, details='; '.join(details), hint=hint))
    model.load_state_dict(state, strict=True)

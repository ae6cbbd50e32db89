"""Pretrained encoder weights from a local file, for machines that cannot download them.

The file is timm's own state_dict of the whole classification network (``.safetensors``, or
``.pth``/``.pt`` read with ``weights_only=True`` so that it can never run code). Its keys
and shapes are checked against the chosen encoder; the classifier is dropped; a 3-band first
convolution is adapted to the band count the way timm does for its downloads.

Imports point one way: ``encoder.py`` owns the registry of encoders and calls this module with
the timm name and the key of the first convolution; nothing here looks the registry up.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import torch
from torch import nn

from .messages import QT_TRANSLATE_NOOP


class EncoderWeightsError(ValueError):
    """A weights file that does not fit the chosen encoder; the message says why."""


def read_state_dict(path: str | os.PathLike) -> dict[str, torch.Tensor]:
    """Tensors of a .safetensors or PyTorch file (``{"state_dict"/"model": ...}`` unwrapped)."""
    path = Path(path)
    if not path.is_file():
        raise EncoderWeightsError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: no such encoder weights file").format(path=path))
    with open(path, "rb") as fh:
        head = fh.read(9)
    if len(head) == 9 and head[8:9] == b"{":
        from safetensors.torch import load_file

        try:
            return load_file(str(path), device="cpu")
        except Exception as err:  # noqa: BLE001 - safetensors raises its own error types
            raise EncoderWeightsError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: unreadable .safetensors file ({err}); is it truncated?").format(
                path=path, err=err)) from err
    try:
        obj = torch.load(str(path), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as err:
        raise EncoderWeightsError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: refused to load: the file holds Python objects other than weights, which could "
            "run code; save a plain state_dict or a .safetensors file").format(path=path)) from err
    except Exception as err:  # noqa: BLE001 - torch raises RuntimeError, EOFError, zip errors...
        raise EncoderWeightsError(QT_TRANSLATE_NOOP(
            "RemoteNet",
            "{path}: neither a .safetensors file nor a readable PyTorch checkpoint ({name}: {err})").format(
            path=path, name=type(err).__name__, err=err)) from err
    for wrapper in ("state_dict", "model"):
        if isinstance(obj, dict) and isinstance(obj.get(wrapper), dict):
            obj = obj[wrapper]
    if not isinstance(obj, dict) or not obj or not all(isinstance(v, torch.Tensor) for v in obj.values()):
        raise EncoderWeightsError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the file is not a state_dict of tensors").format(path=path))
    return {k.removeprefix("module."): v for k, v in obj.items()}


def _classification_reference(name: str) -> tuple[dict[str, torch.Tensor], str]:
    """The full timm network's state_dict (3 bands, classifier removed) and the classifier's
    key prefix."""
    import timm

    full = timm.create_model(name, pretrained=False, in_chans=3)
    prefix = (full.pretrained_cfg.get("classifier") or "\0") + "."
    return {k: v for k, v in full.state_dict().items() if not k.startswith(prefix)}, prefix


def encoder_state(path: str | os.PathLike, name: str, in_channels: int, first_conv: str
                  ) -> dict[str, torch.Tensor]:
    """The file's weights checked against timm's ``name`` network, keyed like the full model
    (classifier dropped, first convolution ``first_conv`` adapted to ``in_channels``)."""
    state = read_state_dict(path)
    reference, classifier = _classification_reference(name)
    # The classifier (any number of classes) is not part of an encoder.
    state = {k: v for k, v in state.items() if not k.startswith(classifier)}
    optional = {k for k in reference if k.endswith("num_batches_tracked")}
    missing = [k for k in reference if k not in state and k not in optional]
    unexpected = [k for k in state if k not in reference]
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(f"{len(missing)} weights missing (first: {missing[0]})")
        if unexpected:
            parts.append(f"{len(unexpected)} unexpected (first: {unexpected[0]})")
        raise EncoderWeightsError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: not timm {name} weights: {parts}. Give the state_dict of timm's {name}, or choose "
            "the encoder these weights belong to").format(path=path, name=name, parts='; '.join(parts)))
    for key, expected in reference.items():
        if key not in state:
            continue
        got = state[key]
        if key == first_conv and got.dim() == 4 and got.shape[0] == expected.shape[0] \
                and got.shape[2:] == expected.shape[2:]:
            continue  # any band count; adapted below
        if got.shape != expected.shape:
            raise EncoderWeightsError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: {key} has shape {shape} where timm {name} has {shape2}; these are weights of "
                "another variant").format(
                path=path, key=key, shape=tuple(got.shape), name=name, shape2=tuple(expected.shape)))
    state = {k: (v.float() if v.is_floating_point() else v) for k, v in state.items()}
    conv = state[first_conv]
    if conv.shape[1] != in_channels:
        if conv.shape[1] != 3:
            raise EncoderWeightsError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: the first convolution ({first_conv}) takes {shape} bands; only 3-band weights "
                "can be adapted to {in_channels} bands").format(
                path=path, first_conv=first_conv, shape=conv.shape[1], in_channels=in_channels))
        from timm.models import adapt_input_conv

        state[first_conv] = adapt_input_conv(in_channels, conv)
    return state


def _full_key(features_key: str, full_keys: set[str]) -> str:
    """timm's features_only flattens the first level of Sequentials: ``stages.0`` becomes
    ``stages_0``; map a features_only key back to the full model's key."""
    if features_key in full_keys:
        return features_key
    head, _, rest = features_key.partition(".")
    parent, sep, child = head.rpartition("_")
    candidate = f"{parent}.{child}.{rest}" if sep else features_key
    return candidate


def load_encoder_weights(features: nn.Module, name: str, path: str | os.PathLike, first_conv: str) -> None:
    """Load a local timm weights file into a ``features_only`` model of timm's ``name`` network,
    whose first convolution's key is ``first_conv`` (the registry in ``encoder.py`` says which)."""
    first = features.state_dict()[_features_first_conv(features, name, first_conv)]
    state = encoder_state(path, name, int(first.shape[1]), first_conv)
    target = features.state_dict()
    mapped = {}
    for key in target:
        full = _full_key(key, set(state))
        if full in state:
            mapped[key] = state[full]
        elif key.endswith("num_batches_tracked"):
            mapped[key] = target[key]
        else:  # a timm layout this mapping does not know: say so rather than half-load
            raise EncoderWeightsError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: cannot place encoder weight {key} (timm layout changed?)").format(
                path=path, key=key))
    features.load_state_dict(mapped, strict=True)


def _features_first_conv(features: nn.Module, name: str, key: str) -> str:
    keys = features.state_dict().keys()
    if key in keys:
        return key
    raise EncoderWeightsError(QT_TRANSLATE_NOOP(
        "RemoteNet", "the {name} encoder has no {key}; timm's layout changed").format(name=name, key=key))

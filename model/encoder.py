"""RemoteNet's encoders from timm, each returning features at strides 4, 8, 16 and 32.

``pvt_v2_b1`` is the reference's encoder (the default); ``resnet18`` is a CNN that learns
more from few labels and runs faster on a CPU. The decoder adapts to each one's widths.

This module owns the registry of encoders (``ENCODERS``); ``encoder_weights.py`` loads a local
weights file for one of them and never imports this module back.
"""
from __future__ import annotations

import os
from typing import Optional

import torch
from torch import nn

from .encoder_weights import load_encoder_weights
from .messages import QT_TRANSLATE_NOOP
from .metadata import DEFAULT_ENCODER, ENCODER_NAMES, FIRST_CONV

ENCODER_NAME = DEFAULT_ENCODER  # kept for callers of the single-encoder API

# timm model name -> the features_only stages at strides 4, 8, 16, 32 (None: timm's default)
# and the key of the first convolution (its input width is the band count).
ENCODERS: dict[str, dict] = {
    "pvt_v2_b1": {"out_indices": None, "first_conv": FIRST_CONV["pvt_v2_b1"]},
    "resnet18": {"out_indices": (1, 2, 3, 4), "first_conv": FIRST_CONV["resnet18"]},
}
EXPECTED_REDUCTIONS = [4, 8, 16, 32]
assert tuple(ENCODERS) == ENCODER_NAMES, "model/metadata.py lists the encoders headers may name"


class PretrainedWeightsUnavailable(RuntimeError):
    """ImageNet weights were asked for but could not be fetched."""


class UnknownEncoder(ValueError):
    """An encoder name this plugin does not build."""


def check_encoder_name(name: str) -> str:
    if name not in ENCODERS:
        raise UnknownEncoder(QT_TRANSLATE_NOOP(
            "RemoteNet", "encoder {name!r} is not supported; choose one of {encoders}").format(
            name=name, encoders=', '.join(ENCODERS)))
    return name


def create_features_model(name: str, in_channels: int, pretrained: bool = False,
                          drop_path_rate: float = 0.0) -> nn.Module:
    """The timm ``features_only`` network for ``name`` (its four stride-4..32 stages)."""
    import timm  # imported here so that `import remotenet.model` stays light

    spec = ENCODERS[check_encoder_name(name)]
    kwargs = {"out_indices": spec["out_indices"]} if spec["out_indices"] else {}
    # timm adapts the first convolution to `in_chans`, pretrained or not (for pretrained
    # weights it sums or repeats the RGB kernels). drop_path_rate: stochastic depth, active
    # only in training (no parameters).
    return timm.create_model(name, features_only=True, pretrained=pretrained, in_chans=in_channels,
                             drop_path_rate=drop_path_rate, **kwargs)


class Encoder(nn.Module):
    """Wraps a timm ``features_only`` model as ``self.Encoder`` (the reference's key layout).

    ``weights``: a local timm state_dict file (.safetensors or .pth) for this encoder, loaded
    after construction; see ``encoder_weights.load_encoder_weights``.
    """

    def __init__(self, in_channels: int = 3, pretrained: bool = False, name: str = DEFAULT_ENCODER,
                 drop_path_rate: float = 0.0, weights: Optional[str | os.PathLike] = None):
        super().__init__()
        check_encoder_name(name)
        self.name = name
        try:
            self.Encoder = create_features_model(name, in_channels, pretrained, drop_path_rate)
        except Exception as err:  # noqa: BLE001 - any download failure means the same to the user
            if not pretrained:
                raise
            raise PretrainedWeightsUnavailable(
                QT_TRANSLATE_NOOP(
                "RemoteNet", "Could not fetch ImageNet weights for the {name} encoder ({name2}: {err}). This needs "
                "network access to the Hugging Face hub, or the weights already in the local cache (HF_HOME). Build "
                "the model with pretrained_encoder=False to start from random weights instead, or give a local "
                "weights file (encoder_weights).").format(name=name, name2=type(err).__name__, err=err)
            ) from err
        self.channels: list[int] = list(self.Encoder.feature_info.channels())
        self.reductions: list[int] = list(self.Encoder.feature_info.reduction())
        # A guard for future entries of ENCODERS: the decoder needs exactly these strides.
        if self.reductions != EXPECTED_REDUCTIONS:
            raise UnknownEncoder(QT_TRANSLATE_NOOP(
                "RemoteNet", "encoder {name!r} gives strides {reductions}, not {expected_reductions}").format(
                name=name, reductions=self.reductions, expected_reductions=EXPECTED_REDUCTIONS))
        if weights is not None:
            load_encoder_weights(self.Encoder, name, weights, ENCODERS[name]["first_conv"])

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        return self.Encoder(x)

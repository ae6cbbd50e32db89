"""PVTv2-b1 encoder from timm, returning features at strides 4, 8, 16 and 32."""
from __future__ import annotations

import torch
from torch import nn

ENCODER_NAME = "pvt_v2_b1"


class PretrainedWeightsUnavailable(RuntimeError):
    """ImageNet weights were asked for but could not be fetched."""


class Encoder(nn.Module):
    """Wraps a timm ``features_only`` PVTv2 as ``self.Encoder`` (the reference's key layout)."""

    def __init__(self, in_channels: int = 3, pretrained: bool = False, name: str = ENCODER_NAME,
                 drop_path_rate: float = 0.0):
        super().__init__()
        import timm  # imported here so that `import remotenet.model` stays light

        try:
            # timm adapts the first patch-embed convolution to `in_chans`, pretrained or not
            # (for pretrained weights it sums or repeats the RGB kernels).
            # drop_path_rate: stochastic depth, active only in training (no parameters).
            self.Encoder = timm.create_model(name, features_only=True, pretrained=pretrained,
                                             in_chans=in_channels, drop_path_rate=drop_path_rate)
        except Exception as err:  # noqa: BLE001 - any download failure means the same to the user
            if not pretrained:
                raise
            raise PretrainedWeightsUnavailable(
                f"Could not fetch ImageNet weights for the {name} encoder ({type(err).__name__}: {err}). "
                "This needs network access to the Hugging Face hub, or the weights already in the "
                "local cache (HF_HOME). Build the model with pretrained_encoder=False to start "
                "from random weights instead."
            ) from err
        self.channels: list[int] = list(self.Encoder.feature_info.channels())
        self.reductions: list[int] = list(self.Encoder.feature_info.reduction())

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        return self.Encoder(x)

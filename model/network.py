"""RemoteNet: a timm encoder (PVTv2-b1 by default) + the global-local decoder (arXiv 2302.13084)."""
from __future__ import annotations

import os
from typing import Optional

import torch
import torch.nn.functional as F
from torch import nn

from .decoder import Decoder
from .encoder import DEFAULT_ENCODER, Encoder
from .layers import pad_to_multiple
from .spectral_head import SpectralHead

# The encoder's coarsest stride; inputs are padded to a multiple of it.
OUTPUT_STRIDE = 32
# Fusion's channel attention needs >= 6 pixels at stride 16 (max-pool, then an unpadded
# 3x3 conv); padding small inputs to 256 also keeps every 8x8 window whole.
MIN_INPUT_SIDE = 256


class RemoteNet(nn.Module):
    """Semantic segmentation network for remote sensing images.

    Takes (B, in_channels, H, W) normalised pixels of any H and W and returns
    (B, num_classes, H, W) logits: the input is padded inside and the logits cropped back.
    ``encoder`` names the timm encoder (see ``encoder.ENCODERS``); ``encoder_weights`` is an
    optional local timm weights file for it; ``spectral_head`` adds the full-resolution pixel path.
    """

    def __init__(self, num_classes: int = 6, in_channels: int = 3, pretrained_encoder: bool = False,
                 decoder_channels: int = 64, drop_path_rate: float = 0.0, encoder: str = DEFAULT_ENCODER,
                 encoder_weights: Optional[str | os.PathLike] = None, spectral_head: bool = False):
        super().__init__()
        if num_classes < 1:
            raise ValueError(f"num_classes must be at least 1, got {num_classes}")
        if in_channels < 1:
            raise ValueError(f"in_channels must be at least 1, got {in_channels}")
        self.num_classes = num_classes
        self.in_channels = in_channels
        self.encoder_name = encoder
        self.Encoder = Encoder(in_channels, pretrained=pretrained_encoder, name=encoder,
                               drop_path_rate=drop_path_rate, weights=encoder_weights)
        self.Decoder = Decoder(self.Encoder.channels, dim=decoder_channels, num_classes=num_classes)
        # The pixel path (spectral_head.py); files trained before it have none.
        self.Spectral = SpectralHead(in_channels, num_classes) if spectral_head else None

    @property
    def architecture(self) -> str:
        """The model header's name for this variant, e.g. ``remotenet-resnet18``."""
        return f"remotenet-{self.encoder_name}"

    @property
    def has_spectral_head(self) -> bool:
        return self.Spectral is not None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 4 or x.shape[1] != self.in_channels:
            raise ValueError(f"expected input of shape (B, {self.in_channels}, H, W), got {tuple(x.shape)}")
        height, width = x.shape[-2:]
        padded = pad_to_multiple(x, OUTPUT_STRIDE, MIN_INPUT_SIDE)
        logits = self.Decoder(self.Encoder(padded))
        logits = F.interpolate(logits, scale_factor=4, mode="bilinear", align_corners=False)
        logits = logits[:, :, :height, :width]
        if self.Spectral is not None:
            logits = logits + self.Spectral(x)
        return logits

"""RemoteNet: PVTv2-b1 encoder + global-local decoder (arXiv 2302.13084)."""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from .decoder import Decoder
from .encoder import Encoder
from .layers import pad_to_multiple

# The encoder's coarsest stride; inputs are padded to a multiple of it.
OUTPUT_STRIDE = 32
# Fusion's channel attention needs >= 6 pixels at stride 16 (max-pool, then an unpadded
# 3x3 conv); padding small inputs to 256 also keeps every 8x8 window whole.
MIN_INPUT_SIDE = 256


class RemoteNet(nn.Module):
    """Semantic segmentation network for remote sensing images.

    Takes (B, in_channels, H, W) normalised pixels of any H and W and returns
    (B, num_classes, H, W) logits: the input is padded inside and the logits cropped back.
    """

    def __init__(self, num_classes: int = 6, in_channels: int = 3, pretrained_encoder: bool = False,
                 decoder_channels: int = 64, drop_path_rate: float = 0.0):
        super().__init__()
        if num_classes < 1:
            raise ValueError(f"num_classes must be at least 1, got {num_classes}")
        if in_channels < 1:
            raise ValueError(f"in_channels must be at least 1, got {in_channels}")
        self.num_classes = num_classes
        self.in_channels = in_channels
        self.Encoder = Encoder(in_channels, pretrained=pretrained_encoder, drop_path_rate=drop_path_rate)
        self.Decoder = Decoder(self.Encoder.channels, dim=decoder_channels, num_classes=num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 4 or x.shape[1] != self.in_channels:
            raise ValueError(f"expected input of shape (B, {self.in_channels}, H, W), got {tuple(x.shape)}")
        height, width = x.shape[-2:]
        padded = pad_to_multiple(x, OUTPUT_STRIDE, MIN_INPUT_SIDE)
        logits = self.Decoder(self.Encoder(padded))
        logits = F.interpolate(logits, scale_factor=4, mode="bilinear", align_corners=False)
        return logits[:, :, :height, :width]

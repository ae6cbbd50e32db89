"""The pixel path: class evidence from each pixel's own band values, at full resolution.

RemoteNet's decoder classifies at stride 4 and its logits are upsampled, so a field or a
river narrower than four pixels of a 10-30 m image reaches the head only blurred into its
neighbours. A random forest, which QGIS users train on a few polygons, sees exactly the
band values of each pixel; this head gives the network the same view: a per-pixel MLP
(1x1 convolutions) over the normalised bands whose logits are added to the decoder's.
Context then corrects what the spectrum alone gets wrong (shadow, roofs like roads).
"""
from __future__ import annotations

import torch
from torch import nn


class SpectralHead(nn.Module):
    """1x1 conv, GELU, 1x1 conv, GELU, 1x1 class conv: one small MLP shared by every pixel."""

    def __init__(self, in_channels: int, num_classes: int, hidden: int = 32):
        super().__init__()
        self.fc1 = nn.Conv2d(in_channels, hidden, 1)
        self.fc2 = nn.Conv2d(hidden, hidden, 1)
        self.act = nn.GELU()
        self.classify = nn.Conv2d(hidden, num_classes, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classify(self.act(self.fc2(self.act(self.fc1(x)))))

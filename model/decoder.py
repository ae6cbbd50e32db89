"""RemoteNet decoder: global-local blocks, fusion modules and the feature refinement module.

Attribute names follow the public reproduction (``block4``, ``F1``, ``FRM``...) so that its
checkpoints load by name.
"""
from __future__ import annotations

from collections.abc import Sequence

import torch
import torch.nn.functional as F
from torch import nn

from .attention import GlobalLocalAttention
from .layers import ConvBN, ConvBNReLU, SeparableConvBN, SeparableConvBNReLU


class Mlp(nn.Module):
    """Pointwise feed-forward: 1x1 conv, ReLU6, 1x1 conv."""

    def __init__(self, dim: int, hidden: int):
        super().__init__()
        self.fc1 = nn.Conv2d(dim, hidden, 1)
        self.act = nn.ReLU6()
        self.fc2 = nn.Conv2d(hidden, dim, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(self.act(self.fc1(x)))


class DecoderBlock(nn.Module):
    """Global-local transformer block plus parallel 1x1/3x3/5x5 convolutions of its input."""

    def __init__(self, dim: int = 64, num_heads: int = 8, mlp_ratio: float = 4.0, window_size: int = 8):
        super().__init__()
        self.norm1 = nn.BatchNorm2d(dim)
        self.attn = GlobalLocalAttention(dim, num_heads=num_heads, qkv_bias=True, window_size=window_size)
        self.norm2 = nn.BatchNorm2d(dim)
        self.mlp = Mlp(dim, int(dim * mlp_ratio))
        self.cnn1 = ConvBN(dim, dim, 1)
        self.cnn2 = ConvBN(dim, dim, 3)
        self.cnn3 = ConvBN(dim, dim, 5)
        self.output = SeparableConvBN(dim, dim, 7)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        block_input = x
        x = x + self.attn(self.norm1(x))
        x = x + self.mlp(self.norm2(x))
        x = x + self.cnn1(block_input) + self.cnn2(block_input) + self.cnn3(block_input)
        return self.output(x)


def channel_attention_map(dim: int) -> nn.Sequential:
    """Per-channel gate in (0, 1): pooled context through a small conv stack, then sigmoid."""
    return nn.Sequential(
        nn.BatchNorm2d(dim),
        nn.LeakyReLU(),
        nn.MaxPool2d(kernel_size=2, stride=2),
        nn.Conv2d(dim, dim, kernel_size=3),
        nn.BatchNorm2d(dim),
        nn.LeakyReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Conv2d(dim, dim, kernel_size=1),
        nn.Sigmoid(),
    )


class Fusion(nn.Module):
    """Merge an encoder skip with the x2-upsampled decoder feature.

    One channel-attention map gates both inputs and one ConvBNReLU is applied twice, as in
    the reference (that sharing is what its parameter count shows).
    """

    def __init__(self, skip_channels: int, dim: int = 64):
        super().__init__()
        self.preconv = nn.Conv2d(skip_channels, dim, kernel_size=1)
        self.attention_map = channel_attention_map(dim)
        self.CNN = ConvBNReLU(dim, dim, 3)

    def forward(self, x: torch.Tensor, skip: torch.Tensor) -> torch.Tensor:
        skip = self.preconv(skip)
        skip = self.attention_map(skip) * skip
        x = F.interpolate(x, size=skip.shape[-2:], mode="bilinear", align_corners=False)
        x = self.attention_map(x) * x + skip
        return self.CNN(self.CNN(x)) + x


class FeatureRefinement(nn.Module):
    """Feature refinement module at stride 4, then the class head."""

    def __init__(self, dim: int = 64, num_classes: int = 6):
        super().__init__()
        self.cnn1 = SeparableConvBN(dim, dim, 3)
        self.cnn2 = SeparableConvBN(dim, dim, 5)
        self.cnn3 = SeparableConvBNReLU(dim, dim, 3)
        self.cnn4 = ConvBN(dim, dim, 1)
        self.cnn5 = ConvBNReLU(dim, dim, 3)
        self.cnn6 = ConvBNReLU(dim, dim, 1)
        self.head = nn.Conv2d(dim, num_classes, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        refined = self.cnn5(self.cnn4(self.cnn1(x) + self.cnn2(x))) + self.cnn3(x)
        refined = refined + self.cnn4(x)
        gated = refined * self.cnn6(refined)
        return self.head(self.cnn5(gated))


class Decoder(nn.Module):
    def __init__(self, encoder_channels: Sequence[int] = (64, 128, 320, 512), dim: int = 64,
                 num_classes: int = 6, num_heads: int = 8, window_size: int = 8):
        super().__init__()
        c1, c2, c3, c4 = encoder_channels
        self.preconv = nn.Conv2d(c4, dim, kernel_size=1)
        self.block4 = DecoderBlock(dim, num_heads, window_size=window_size)
        self.F1 = Fusion(c3, dim)
        self.block3 = DecoderBlock(dim, num_heads, window_size=window_size)
        self.F2 = Fusion(c2, dim)
        self.block2 = DecoderBlock(dim, num_heads, window_size=window_size)
        self.F3 = Fusion(c1, dim)
        self.FRM = FeatureRefinement(dim, num_classes)

    def forward(self, features: Sequence[torch.Tensor]) -> torch.Tensor:
        """Stride-4..32 features in, class logits at stride 4 out."""
        s4, s8, s16, s32 = features
        x = self.block4(self.preconv(s32))
        x = self.block3(self.F1(x, s16))
        x = self.block2(self.F2(x, s8))
        x = self.F3(x, s4)
        return self.FRM(x)

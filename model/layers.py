"""Convolution building blocks shared by the decoder.

Each block is an ``nn.Sequential`` so its parameters are named ``<name>.0.weight``,
``<name>.1.weight``... exactly as in the public RemoteNet reproduction and GeoSeg, which
lets their checkpoints load without renaming.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


def _same_padding(kernel_size: int, dilation: int = 1, stride: int = 1) -> int:
    return ((stride - 1) + dilation * (kernel_size - 1)) // 2


class Conv(nn.Sequential):
    """A bare convolution with 'same' padding."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 3, bias: bool = False):
        super().__init__(
            nn.Conv2d(in_channels, out_channels, kernel_size, padding=_same_padding(kernel_size), bias=bias)
        )


class ConvBN(nn.Sequential):
    """Convolution then batch norm."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 3):
        super().__init__(
            nn.Conv2d(in_channels, out_channels, kernel_size, padding=_same_padding(kernel_size), bias=False),
            nn.BatchNorm2d(out_channels),
        )


class ConvBNReLU(nn.Sequential):
    """Convolution, batch norm, ReLU6."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 3):
        super().__init__(
            nn.Conv2d(in_channels, out_channels, kernel_size, padding=_same_padding(kernel_size), bias=False),
            nn.BatchNorm2d(out_channels),
            nn.ReLU6(),
        )


class DepthwiseConv2d(nn.Conv2d):
    """A depthwise convolution that runs in float32 under CPU autocast.

    oneDNN's bf16 depthwise kernels larger than 3x3 are 3 to 6 times slower than float32 ones
    (channels-last, backward included: 76 against 12 ms for a 5x5 over 4 x 64 x 64 x 64 on one
    core of an AVX512-BF16 Xeon), and RemoteNet has 5x5, 7x7 and 8x8 ones. They are cheap in
    float32, so autocast is lifted for them alone; on CUDA they stay in autocast's dtype.
    Parameters are those of ``nn.Conv2d``, so checkpoints load unchanged.
    """

    def __init__(self, channels: int, kernel_size: int):
        super().__init__(channels, channels, kernel_size, padding=_same_padding(kernel_size), groups=channels,
                         bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.device.type == "cpu" and torch.is_autocast_enabled("cpu"):
            with torch.autocast("cpu", enabled=False):
                return super().forward(x.float())
        return super().forward(x)


class SeparableConvBN(nn.Sequential):
    """Depthwise convolution, batch norm, 1x1 pointwise convolution."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 3):
        super().__init__(
            DepthwiseConv2d(in_channels, kernel_size),
            nn.BatchNorm2d(out_channels),
            nn.Conv2d(in_channels, out_channels, 1, bias=False),
        )


class SeparableConvBNReLU(nn.Sequential):
    """Depthwise convolution, batch norm, a 5x5 'pointwise' stage, ReLU6.

    The 5x5 second stage (rather than 1x1) is what the reference summary's parameter
    count (103,104 for 64 channels) pins down.
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 3):
        super().__init__(
            DepthwiseConv2d(in_channels, kernel_size),
            nn.BatchNorm2d(out_channels),
            nn.Conv2d(in_channels, out_channels, 5, padding=2, bias=False),
            nn.ReLU6(),
        )


def pad_bottom_right(x: torch.Tensor, pad_h: int, pad_w: int) -> torch.Tensor:
    """Pad an NCHW tensor at the bottom and right by mirroring its edge.

    Reflection needs the pad to be smaller than the side; tiny inputs (a 1x1 raster, deep
    feature maps of a small tile) fall back to repeating the edge.
    """
    if pad_h == 0 and pad_w == 0:
        return x
    height, width = x.shape[-2:]
    mode = "reflect" if pad_h < height and pad_w < width else "replicate"
    return F.pad(x, (0, pad_w, 0, pad_h), mode=mode)


def pad_to_multiple(x: torch.Tensor, multiple: int, minimum: int = 0) -> torch.Tensor:
    """Pad height and width up to a multiple of ``multiple`` (and at least ``minimum``)."""
    height, width = x.shape[-2:]
    target_h = max(-(-height // multiple) * multiple, minimum)
    target_w = max(-(-width // multiple) * multiple, minimum)
    return pad_bottom_right(x, target_h - height, target_w - width)

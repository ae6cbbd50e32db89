"""Global-local attention (the decoder's transformer block core).

Global branch: multi-head self-attention inside non-overlapping ``window x window``
windows, with a learned relative position bias, followed by the pooled cross-window
terms along x and y. Local branch: a 3x3 and a 1x1 ConvBN of the same input. A separable
``window x window`` ConvBN projects their sum.

Unlike the public reproduction, windows are cut with a permute (a real spatial
partition), not a bare ``view`` on NCHW memory, which mixes channels with pixels.
"""
from __future__ import annotations

import torch
from torch import nn

from .layers import Conv, ConvBN, SeparableConvBN, pad_bottom_right


def window_partition(x: torch.Tensor, window: int, num_heads: int) -> torch.Tensor:
    """(B, heads*d, H, W) -> (B*nH*nW, heads, window*window, d); H and W multiples of window."""
    batch, channels, height, width = x.shape
    head_dim = channels // num_heads
    x = x.view(batch, num_heads, head_dim, height // window, window, width // window, window)
    # -> B, nH, nW, heads, wy, wx, d
    x = x.permute(0, 3, 5, 1, 4, 6, 2)
    return x.reshape(-1, num_heads, window * window, head_dim)


def window_reverse(windows: torch.Tensor, window: int, batch: int, height: int, width: int) -> torch.Tensor:
    """Inverse of :func:`window_partition`: back to (B, heads*d, H, W)."""
    num_heads, head_dim = windows.shape[1], windows.shape[3]
    x = windows.view(batch, height // window, width // window, num_heads, window, window, head_dim)
    # -> B, heads, d, nH, wy, nW, wx
    x = x.permute(0, 3, 6, 1, 4, 2, 5)
    return x.reshape(batch, num_heads * head_dim, height, width)


def relative_position_index(window: int) -> torch.Tensor:
    """For each pair of positions in a window, the row of the bias table holding their offset."""
    coords = torch.stack(torch.meshgrid(torch.arange(window), torch.arange(window), indexing="ij"))
    coords = coords.flatten(1)
    offsets = (coords[:, :, None] - coords[:, None, :]).permute(1, 2, 0) + (window - 1)
    return offsets[..., 0] * (2 * window - 1) + offsets[..., 1]


class GlobalLocalAttention(nn.Module):
    def __init__(self, dim: int = 64, num_heads: int = 8, qkv_bias: bool = True, window_size: int = 8):
        super().__init__()
        if dim % num_heads:
            raise ValueError(f"dim {dim} is not divisible by num_heads {num_heads}")
        self.num_heads = num_heads
        self.scale = (dim // num_heads) ** -0.5
        self.ws = window_size

        self.qkv = Conv(dim, 3 * dim, kernel_size=1, bias=qkv_bias)
        self.local1 = ConvBN(dim, dim, kernel_size=3)
        self.local2 = ConvBN(dim, dim, kernel_size=1)
        # Zero-padded average pools of length `window` mix neighbouring windows along y and x.
        half = window_size // 2 - 1
        self.attn_x = nn.AvgPool2d(kernel_size=(window_size, 1), stride=1, padding=(half, 0))
        self.attn_y = nn.AvgPool2d(kernel_size=(1, window_size), stride=1, padding=(0, half))
        self.proj = SeparableConvBN(dim, dim, kernel_size=window_size)

        self.relative_position_bias_table = nn.Parameter(
            torch.zeros((2 * window_size - 1) ** 2, num_heads))
        nn.init.trunc_normal_(self.relative_position_bias_table, std=0.02)
        self.register_buffer("relative_position_index", relative_position_index(window_size), persistent=False)

    def relative_position_bias(self) -> torch.Tensor:
        area = self.ws * self.ws
        bias = self.relative_position_bias_table[self.relative_position_index.view(-1)]
        return bias.view(area, area, -1).permute(2, 0, 1)  # heads, area, area

    def window_attention(self, x: torch.Tensor) -> torch.Tensor:
        """Self-attention within each window of x (B, C, H, W), H and W multiples of the window."""
        batch, channels, height, width = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=1)
        q, k, v = (window_partition(t, self.ws, self.num_heads) for t in (q, k, v))
        dots = (q @ k.transpose(-2, -1)) * self.scale + self.relative_position_bias().unsqueeze(0)
        out = dots.softmax(dim=-1) @ v
        return window_reverse(out, self.ws, batch, height, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        height, width = x.shape[-2:]
        local = self.local1(x) + self.local2(x)

        padded = pad_bottom_right(x, -height % self.ws, -width % self.ws)
        attn = self.window_attention(padded)[:, :, :height, :width]

        out = self.attn_x(pad_bottom_right(attn, 1, 0)) + self.attn_y(pad_bottom_right(attn, 0, 1))
        out = out + local
        out = self.proj(pad_bottom_right(out, 1, 1))
        return out[:, :, :height, :width]

"""Deep supervision while training: an auxiliary class head on the decoder's inner stages.

GeoSeg trains UNetFormer, whose decoder is RemoteNet's kind, with such a head: the sum of the
decoder blocks' outputs at stride 8 goes through a ConvBNReLU and a 1x1 class convolution, and
its loss is added with a small weight. The gradient then reaches the inner blocks directly
instead of only through the fusion modules and the refinement module, which is what a decoder
trained from random weights on few labels lacks. The head exists only during training: it is
not part of the model file.
"""
from __future__ import annotations

from typing import Optional

import torch
import torch.nn.functional as F
from torch import nn

from .layers import ConvBNReLU

# The decoder blocks whose outputs are summed (strides 32, 16 and 8).
TAPPED_BLOCKS = ("block4", "block3", "block2")


class AuxiliaryHead(nn.Module):
    """Sum the tapped decoder features at the finest one's size, then ConvBNReLU, dropout, 1x1 conv."""

    def __init__(self, dim: int, num_classes: int, dropout: float = 0.1):
        super().__init__()
        self.conv = ConvBNReLU(dim, dim, 3)
        self.drop = nn.Dropout(dropout)
        self.classify = nn.Conv2d(dim, num_classes, 1)

    def forward(self, features: list[torch.Tensor], size: tuple[int, int]) -> torch.Tensor:
        finest = features[-1]
        summed = finest
        for feature in features[:-1]:
            summed = summed + F.interpolate(feature, size=finest.shape[-2:], mode="bilinear", align_corners=False)
        logits = self.classify(self.drop(self.conv(summed)))
        return F.interpolate(logits, size=size, mode="bilinear", align_corners=False)


class DeepSupervision:
    """Forward hooks on a RemoteNet decoder's blocks plus the auxiliary head that reads them.

    ``attach`` returns None for a network without those blocks (a baseline in a comparison
    script), so callers can train any network and add the head where it applies.
    """

    def __init__(self, model: nn.Module, head: AuxiliaryHead):
        self.head = head
        self.features: list[Optional[torch.Tensor]] = [None] * len(TAPPED_BLOCKS)
        decoder = model.Decoder
        self._hooks = [getattr(decoder, name).register_forward_hook(self._keep(i))
                       for i, name in enumerate(TAPPED_BLOCKS)]

    @classmethod
    def attach(cls, model: nn.Module, num_classes: int) -> Optional[DeepSupervision]:
        decoder = getattr(model, "Decoder", None)
        if decoder is None or not all(hasattr(decoder, name) for name in TAPPED_BLOCKS):
            return None
        dim = decoder.block2.output[-1].out_channels
        return cls(model, AuxiliaryHead(dim, num_classes))

    def _keep(self, index: int):
        def hook(module: nn.Module, _inputs: tuple, output: torch.Tensor) -> None:
            if module.training:  # validation passes need no auxiliary logits
                self.features[index] = output
        return hook

    def logits(self, size: tuple[int, int]) -> torch.Tensor:
        """The auxiliary logits of the last forward pass, at ``size``."""
        features = [f for f in self.features if f is not None]
        if len(features) != len(TAPPED_BLOCKS):
            raise RuntimeError("the decoder has not run since the head was attached")
        self.features = [None] * len(TAPPED_BLOCKS)
        return self.head(features, size)

    def detach(self) -> None:
        """Remove the hooks; the model is as it was before ``attach``."""
        for hook in self._hooks:
            hook.remove()
        self._hooks = []
        self.features = [None] * len(TAPPED_BLOCKS)

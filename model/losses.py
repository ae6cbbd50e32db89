"""Segmentation losses: cross-entropy plus soft Dice, both ignoring unlabelled pixels (255)."""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from .metadata import NO_CLASS


def dice_loss(logits: torch.Tensor, target: torch.Tensor, ignore_index: int = NO_CLASS,
              smooth: float = 1.0) -> torch.Tensor:
    """1 - mean soft Dice over the classes present in the batch (prediction or reference).

    ``logits`` (B, K, H, W), ``target`` (B, H, W) integer class indices; pixels equal to
    ``ignore_index`` count for nothing. Classes absent from both the target and (softly)
    the prediction would score a perfect 1 by the smoothing alone; they are left out so
    that rare classes are not drowned by empty ones.
    """
    num_classes = logits.shape[1]
    valid = target != ignore_index
    probs = torch.softmax(logits.float(), dim=1) * valid.unsqueeze(1)
    safe_target = torch.where(valid, target, torch.zeros_like(target)).long()
    one_hot = F.one_hot(safe_target, num_classes).permute(0, 3, 1, 2).float() * valid.unsqueeze(1)
    dims = (0, 2, 3)
    intersection = (probs * one_hot).sum(dims)
    cardinality = probs.sum(dims) + one_hot.sum(dims)
    dice = (2.0 * intersection + smooth) / (cardinality + smooth)
    present = one_hot.sum(dims) > 0
    if not bool(present.any()):
        return logits.sum() * 0.0  # nothing labelled: a zero that keeps the graph
    return 1.0 - dice[present].mean()


class SegmentationLoss(nn.Module):
    """``ce_weight * cross-entropy + dice_weight * Dice``, both ignoring ``ignore_index``."""

    def __init__(self, ce_weight: float = 1.0, dice_weight: float = 1.0, ignore_index: int = NO_CLASS,
                 class_weights: torch.Tensor | None = None, label_smoothing: float = 0.0):
        super().__init__()
        self.ce_weight = ce_weight
        self.dice_weight = dice_weight
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing
        self.register_buffer("class_weights", class_weights if class_weights is not None else None)

    def forward(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        target = target.long()
        if not bool((target != self.ignore_index).any()):
            return logits.sum() * 0.0
        ce = F.cross_entropy(logits.float(), target, weight=self.class_weights, ignore_index=self.ignore_index,
                             label_smoothing=self.label_smoothing)
        if self.dice_weight == 0:
            return self.ce_weight * ce
        return self.ce_weight * ce + self.dice_weight * dice_loss(logits, target, self.ignore_index)

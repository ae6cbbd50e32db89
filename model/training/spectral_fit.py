"""Fit the spectral head alone on every labelled pixel before the network trains (Train's first stage).

On a few polygons the decoder can memorise each training polygon by its surroundings and then
guesses elsewhere, and a spectral head trained jointly with it learns only what the decoder
leaves over. Fitted first on the labelled pixels themselves (as a random forest is), without
augmentation, and then frozen, it is a per-pixel classifier as good as the forest; the decoder
(its class head starting at zero, so the network starts as that classifier) then learns only
what the spectrum gets wrong on the training pixels: a residual, small where the bands decide.
"""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
import torch
import torch.nn.functional as F

from ..metadata import NO_CLASS
from ..spectral_head import SpectralHead
from .augment import normalise_batch

MAX_PIXELS = 200_000  # a sample is plenty for a 1,500-parameter MLP


def labelled_pixels(images: np.ndarray, labels: np.ndarray, norm: Optional[dict[str, Any]],
                    rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """(N, bands) normalised band values and (N,) class indices of the labelled pixels of the chips
    (each once per chip; a sample of MAX_PIXELS where there are more)."""
    chip, row, col = np.nonzero(labels != NO_CLASS)
    if len(chip) > MAX_PIXELS:
        keep = np.sort(rng.choice(len(chip), MAX_PIXELS, replace=False))
        chip, row, col = chip[keep], row[keep], col[keep]
    values = torch.from_numpy(np.ascontiguousarray(images[chip, :, row, col], dtype=np.float32))
    x = normalise_batch(values[:, :, None, None], norm)[:, :, 0, 0]
    return x, torch.from_numpy(labels[chip, row, col].astype(np.int64))


def fit_spectral_head(head: SpectralHead, images: np.ndarray, labels: np.ndarray, norm: Optional[dict[str, Any]],
                      class_weights: Optional[torch.Tensor], seed: int, steps: int = 600, batch: int = 1024,
                      lr: float = 3e-3, weight_decay: float = 0.01) -> dict[str, Any]:
    """Train ``head`` (on the CPU, in place) as a per-pixel classifier; returns what it reached."""
    rng = np.random.default_rng(seed)
    x, y = labelled_pixels(images, labels, norm, rng)
    if len(y) == 0:
        return {"pixels": 0, "steps": 0}
    device = next(head.parameters()).device
    head.train()
    optimiser = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=weight_decay)
    generator = torch.Generator().manual_seed(seed)
    weights = class_weights.to(device) if class_weights is not None else None
    for step in range(steps):
        for group in optimiser.param_groups:  # cosine decay: a settled classifier at the end
            group["lr"] = lr * 0.5 * (1 + np.cos(np.pi * step / steps))
        pick = torch.randint(0, len(y), (min(batch, len(y)),), generator=generator)
        logits = head(x[pick, :, None, None].to(device))[:, :, 0, 0]
        loss = F.cross_entropy(logits, y[pick].to(device), weight=weights)
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        optimiser.step()
    with torch.no_grad():
        predicted = torch.cat([head(part[:, :, None, None].to(device))[:, :, 0, 0].argmax(1).cpu()
                               for part in x.split(65536)])
    return {"pixels": int(len(y)), "steps": steps, "train_accuracy": round(float((predicted == y).float().mean()), 4)}

"""The chip sampler: training batches ready for the network, drawn in a new random order each epoch."""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
import torch

from .augment import augment_batch, jitter_batch, normalise_batch


class ChipSampler:
    """Batches of ``batch`` chips: each epoch a new random order, the last partial batch dropped
    (BatchNorm dislikes tiny ones); each batch moved to ``device``, normalised with ``norm`` and,
    when ``augment``, flipped, rotated and jittered. All randomness comes from ``rng`` (and torch's
    seeded generator for the noise), so a seed gives the same run.

    ``balance``: each chip of a batch is drawn for a class picked uniformly among the classes
    present (then a chip with probability proportional to its pixels of that class), so rare
    classes are seen as often as common ones; an epoch is still ``len(images) // batch`` batches."""

    def __init__(self, images: np.ndarray, labels: np.ndarray, batch: int, rng: np.random.Generator,
                 device: torch.device, norm: Optional[dict[str, Any]], augment: bool = True,
                 scale_jitter: float = 1.25, photometric_jitter: float = 0.2, channels_last: bool = False,
                 balance: bool = False, num_classes: Optional[int] = None) -> None:
        self.images, self.labels = images, labels
        self.count, self.batch, self.rng = len(images), batch, rng
        self.device, self.norm, self.channels_last = device, norm, channels_last
        self.augment, self.scale_jitter, self.photometric_jitter = augment, scale_jitter, photometric_jitter
        self.order, self.position = rng.permutation(self.count), 0
        self.class_chips: list[np.ndarray] = []  # per class present: chip probabilities
        if balance:
            k = int(num_classes or int(labels[labels != 255].max(initial=0)) + 1)
            hist = np.stack([np.bincount(y[y != 255].ravel(), minlength=k)[:k] for y in labels]).astype(np.float64)
            self.class_chips = [hist[:, c] / hist[:, c].sum() for c in range(k) if hist[:, c].sum() > 0]

    @property
    def batches_per_epoch(self) -> int:
        return max(1, self.count // self.batch)

    def next_indices(self) -> np.ndarray:
        """The chips of the next batch, in ascending order (contiguous reads from the arrays)."""
        if self.class_chips:
            picks = self.rng.integers(0, len(self.class_chips), self.batch)
            return np.sort([int(self.rng.choice(self.count, p=self.class_chips[c])) for c in picks])
        if self.position + self.batch > self.count:
            self.order, self.position = self.rng.permutation(self.count), 0
        idx = np.sort(self.order[self.position:self.position + self.batch])
        self.position += self.batch
        return idx

    def next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        """(images, labels) of the next batch on the device, as the network is trained on them."""
        idx = self.next_indices()
        x = torch.from_numpy(np.ascontiguousarray(self.images[idx])).to(self.device, non_blocking=True)
        y = torch.from_numpy(np.ascontiguousarray(self.labels[idx])).to(self.device, non_blocking=True)
        x = normalise_batch(x, self.norm)
        if self.augment:
            x, y = augment_batch(x, y, self.rng)
            x, y = jitter_batch(x, y, self.rng, self.scale_jitter, self.photometric_jitter)
        if self.channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        return x, y

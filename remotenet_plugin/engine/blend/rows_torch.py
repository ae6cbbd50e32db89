"""The rolling blender on a torch device (the GPU): probabilities never leave it; only finished
rows of class values (and confidence) are copied back. Same contract as blend.RowBlender."""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np
import torch

from ....model.metadata import NO_CLASS
from ..read.tiling import Tile, TileGrid


class TorchRowBlender:
    def __init__(self, grid: TileGrid, num_classes: int, lut: np.ndarray, with_confidence: bool,
                 emit: Callable[[int, np.ndarray, Optional[np.ndarray]], None], device: torch.device):
        self.grid, self.with_confidence, self.emit, self.device = grid, with_confidence, emit, device
        self.cap = grid.th
        self.acc = torch.zeros((num_classes, self.cap, grid.width), dtype=torch.float32, device=device)
        self.valid = torch.zeros((self.cap, grid.width), dtype=torch.bool, device=device)
        self.lut = torch.as_tensor(lut.astype(np.uint8), device=device)
        self.sum_x = torch.from_numpy(grid.sum_x).to(device)
        self.sum_y = torch.from_numpy(grid.sum_y).to(device)
        self._weights: dict[int, torch.Tensor] = {}
        self.base = 0

    def _weight(self, tile: Tile) -> torch.Tensor:
        w = self.grid.weight(tile)  # cached per kind by the grid: id() is stable
        t = self._weights.get(id(w))
        if t is None:
            t = self._weights[id(w)] = torch.from_numpy(w).to(self.device)
        return t

    def add(self, tile: Tile, probs: torch.Tensor, valid: Optional[np.ndarray]) -> None:
        if tile.y > self.base:
            self.flush(tile.y)
        g = self.grid
        r0 = tile.y - self.base
        rows, cols = slice(r0, r0 + g.th), slice(tile.x, tile.x + g.tw)
        self.acc[:, rows, cols].addcmul_(probs, self._weight(tile))
        if valid is None:
            self.valid[rows, cols] = True
        else:
            self.valid[rows, cols] |= torch.from_numpy(valid).to(self.device, non_blocking=True)

    def add_batch(self, tiles: list[Tile], probs: torch.Tensor, valid: list[Optional[np.ndarray]]) -> None:
        for tile, p, v in zip(tiles, probs, valid):
            self.add(tile, p, v)

    def flush(self, upto: int) -> None:
        upto = min(upto, self.grid.height)
        if upto <= self.base:
            return
        n = min(upto - self.base, self.cap)
        width = self.grid.width
        acc, valid = self.acc[:, :n], self.valid[:n]
        best, index = acc.max(dim=0)  # ties: the first class, as np.argmax
        classes = self.lut[index]
        classes[~valid] = NO_CLASS
        conf = None
        if self.with_confidence:
            conf = best / (self.sum_y[self.base:self.base + n, None] * self.sum_x[None, :])
            conf[~valid] = float("nan")
            conf = conf.cpu().numpy()
        self.emit(self.base, classes.cpu().numpy(), conf)
        rest = upto - self.base - n
        for r0 in range(0, max(rest, 0), self.cap):
            rows = min(self.cap, rest - r0)
            self.emit(self.base + n + r0, np.full((rows, width), NO_CLASS, dtype=np.uint8),
                      np.full((rows, width), np.nan, dtype=np.float32) if self.with_confidence else None)
        keep = self.cap - n
        if keep > 0:
            self.acc[:, :keep] = self.acc[:, n:].clone()
            self.valid[:keep] = self.valid[n:].clone()
        self.acc[:, max(keep, 0):] = 0
        self.valid[max(keep, 0):] = False
        self.base = upto

    def finish(self) -> None:
        self.flush(self.grid.height)

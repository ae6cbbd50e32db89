"""Weighted accumulation of tile probabilities over a rolling band of open rows.

Only the rows that a later tile can still change are kept: one tile height x window width x
classes of float32. Rows are finalised (argmax, confidence) as soon as the first tile of a
later tile row arrives, and handed on in order.
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np

from ...model.metadata import NO_CLASS
from .options import EngineError
from .tiling import Tile, TileGrid

COLUMN_CHUNK = 2048
NON_FINITE = ("the network produced NaN or infinite values; check the model file, the input scaling in its "
              "header, or use precision 'fp32'")


def argmax_and_max(acc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.argmax(acc, axis=0) as uint8 (ties: the first class) and np.max(acc, axis=0) in one pass
    over the classes: contiguous per-class planes instead of a strided reduction, about twice as fast."""
    best = acc[0].copy()
    index = np.zeros(best.shape, dtype=np.uint8)
    better = np.empty(best.shape, dtype=bool)
    for c in range(1, acc.shape[0]):
        np.greater(acc[c], best, out=better)  # strictly: an equal later class does not win, as argmax
        np.copyto(index, c, where=better)
        np.maximum(best, acc[c], out=best)
    return index, best


class RowBlender:
    def __init__(self, grid: TileGrid, num_classes: int, lut: np.ndarray, with_confidence: bool,
                 emit: Callable[[int, np.ndarray, Optional[np.ndarray]], None]):
        self.grid, self.lut, self.with_confidence, self.emit = grid, lut, with_confidence, emit
        self.cap = grid.th
        self.acc = np.zeros((num_classes, self.cap, grid.width), dtype=np.float32)
        self.valid = np.zeros((self.cap, grid.width), dtype=bool)
        self.base = 0  # window row held in buffer row 0; rows above it are already emitted
        self.identity_lut = bool(np.array_equal(lut, np.arange(len(lut))))

    def add_batch(self, tiles: list[Tile], probs: np.ndarray, valid: list[Optional[np.ndarray]]) -> None:
        """``add`` for a batch: one weighting multiply when all tiles share a weight window."""
        weights = [self.grid.weight(t) for t in tiles]
        if all(w is weights[0] for w in weights):
            probs *= weights[0]
        else:
            for p, w in zip(probs, weights):
                p *= w
        for tile, p, v in zip(tiles, probs, valid):
            self._accumulate(tile, p, v)

    def add(self, tile: Tile, probs: np.ndarray, valid: Optional[np.ndarray]) -> None:
        """Accumulate one tile's probabilities (C, th, tw) times its weight window."""
        probs *= self.grid.weight(tile)
        self._accumulate(tile, probs, valid)

    def _accumulate(self, tile: Tile, probs: np.ndarray, valid: Optional[np.ndarray]) -> None:
        if tile.y > self.base:
            self.flush(tile.y)
        g = self.grid
        r0 = tile.y - self.base
        rows, cols = slice(r0, r0 + g.th), slice(tile.x, tile.x + g.tw)
        self.acc[:, rows, cols] += probs
        if valid is None:
            self.valid[rows, cols] = True
        else:
            self.valid[rows, cols] |= valid

    def flush(self, upto: int) -> None:
        """Finalise and emit window rows [base, upto)."""
        upto = min(upto, self.grid.height)
        if upto <= self.base:
            return
        n = min(upto - self.base, self.cap)
        width = self.grid.width
        classes = np.empty((n, width), dtype=np.uint8)
        conf = np.empty((n, width), dtype=np.float32) if self.with_confidence else None
        # Column chunks keep the temporaries small (and in cache) for very wide rasters.
        for c0 in range(0, width, COLUMN_CHUNK):
            cols = slice(c0, min(c0 + COLUMN_CHUNK, width))
            acc, valid = self.acc[:, :n, cols], self.valid[:n, cols]
            index, best = argmax_and_max(acc)
            if not np.isfinite(best).all():  # a NaN anywhere in a pixel's classes reaches its maximum
                raise EngineError(NON_FINITE)
            chunk = index if self.identity_lut else self.lut[index]
            all_valid = bool(valid.all())
            if not all_valid:
                chunk[~valid] = NO_CLASS
            classes[:, cols] = chunk
            if conf is not None:
                best /= self.grid.sum_y[self.base:self.base + n, None] * self.grid.sum_x[None, cols]
                if not all_valid:
                    best[~valid] = np.nan
                conf[:, cols] = best
        self.emit(self.base, classes, conf)
        rest = upto - self.base - n  # rows no processed tile touched (all-nodata tile rows)
        for r0 in range(0, max(rest, 0), self.cap):  # in pieces: such gaps can be most of the raster
            rows = min(self.cap, rest - r0)
            classes = np.full((rows, width), NO_CLASS, dtype=np.uint8)
            conf = np.full((rows, width), np.nan, dtype=np.float32) if self.with_confidence else None
            self.emit(self.base + n + r0, classes, conf)
        # Shift the still-open rows to the top of the buffer.
        keep = self.cap - n
        if keep > 0 and n < self.cap:
            self.acc[:, :keep] = self.acc[:, n:]
            self.valid[:keep] = self.valid[n:]
        self.acc[:, max(keep, 0):] = 0
        self.valid[max(keep, 0):] = False
        self.base = upto

    def finish(self) -> None:
        self.flush(self.grid.height)


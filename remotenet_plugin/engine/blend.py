"""Weighted accumulation of tile probabilities over a rolling band of open rows.

Only the rows that a later tile can still change are kept: one tile height x window width x
classes of float32. Rows are finalised (argmax, confidence) as soon as the first tile of a
later tile row arrives, and handed on in order.

Every step works on small row blocks, so its temporaries stay in the CPU's cache: the
accumulation and argmax are memory-bound, and passes over cached blocks cost a fraction of
passes over whole tiles or rows.
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np

from ...model.metadata import NO_CLASS
from .options import EngineError
from .tiling import Tile, TileGrid

# Rows per block: a block of all classes (6 x 64 x 512 float32 when accumulating a tile, 16 rows
# of a window row per class when finalising) stays within a core's L2 cache.
ADD_ROWS = 64
FLUSH_ROWS = 16
NON_FINITE = ("the network produced NaN or infinite values; check the model file, the input scaling in its "
              "header, or use precision 'fp32'")


def argmax_and_max(acc: np.ndarray, index: Optional[np.ndarray] = None, best: Optional[np.ndarray] = None,
                   scratch: Optional[tuple[np.ndarray, np.ndarray]] = None) -> tuple[np.ndarray, np.ndarray]:
    """np.argmax(acc, axis=0) as uint8 (ties: the first class) and np.max(acc, axis=0) for finite
    values (a NaN reaches the maximum; the caller refuses it).

    The maximum is a running np.maximum over contiguous class planes; the index is the number of
    leading classes whose running maximum is still below it, which is the first class equal to it.
    Only cheap elementwise passes, no masked copies: several times faster than np.argmax.
    """
    shape = acc.shape[1:]
    best = np.empty(shape, dtype=acc.dtype) if best is None else best
    index = np.empty(shape, dtype=np.uint8) if index is None else index
    np.copyto(best, acc[0])
    for c in range(1, acc.shape[0]):
        np.maximum(best, acc[c], out=best)
    running, below = scratch if scratch is not None else (np.empty(shape, acc.dtype), np.empty(shape, bool))
    np.less(acc[0], best, out=below)
    np.copyto(index, below)
    if acc.shape[0] > 2:
        np.copyto(running, acc[0])
        for c in range(1, acc.shape[0] - 1):
            np.maximum(running, acc[c], out=running)
            np.less(running, best, out=below)
            np.add(index, below, out=index)
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
        self._weighted = np.empty((num_classes, min(ADD_ROWS, grid.th), grid.tw), dtype=np.float32)
        rows = min(FLUSH_ROWS, self.cap)
        self._running = np.empty((rows, grid.width), dtype=np.float32)
        self._below = np.empty((rows, grid.width), dtype=bool)
        self._best = np.empty((rows, grid.width), dtype=np.float32)  # a block's maxima, without confidence

    def add_batch(self, tiles: list[Tile], probs: np.ndarray, valid: list[Optional[np.ndarray]]) -> None:
        """``add`` for each tile of a batch, in order."""
        for tile, p, v in zip(tiles, probs, valid):
            self.add(tile, p, v)

    def add(self, tile: Tile, probs: np.ndarray, valid: Optional[np.ndarray]) -> None:
        """Accumulate one tile's probabilities (C, th, tw) times its weight window; ``probs`` is
        left unchanged. Each block is rounded as product then sum, as ``probs * w`` then ``+=``."""
        if tile.y > self.base:
            self.flush(tile.y)
        g = self.grid
        weight = g.weight(tile)
        r0 = tile.y - self.base
        cols = slice(tile.x, tile.x + g.tw)
        for b0 in range(0, g.th, ADD_ROWS):
            b1 = min(b0 + ADD_ROWS, g.th)
            weighted = self._weighted[:, :b1 - b0]
            np.multiply(probs[:, b0:b1], weight[b0:b1], out=weighted)
            dst = self.acc[:, r0 + b0:r0 + b1, cols]
            np.add(dst, weighted, out=dst)
        rows = slice(r0, r0 + g.th)
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
        # The maxima are kept for the whole band only when they become the confidence.
        kept = np.empty((n, width), dtype=np.float32) if self.with_confidence else None
        for r0 in range(0, n, FLUSH_ROWS):
            r1 = min(r0 + FLUSH_ROWS, n)
            k = r1 - r0
            best = kept[r0:r1] if kept is not None else self._best[:k]
            argmax_and_max(self.acc[:, r0:r1], classes[r0:r1], best, (self._running[:k], self._below[:k]))
            if not np.isfinite(best).all():  # a NaN anywhere in a pixel's classes reaches its maximum
                raise EngineError(NON_FINITE)
        valid = self.valid[:n]
        all_valid = bool(valid.all())
        if not self.identity_lut:
            classes = self.lut[classes]
        if not all_valid:
            classes[~valid] = NO_CLASS
        conf = None
        if kept is not None:
            conf = kept
            conf /= self.grid.sum_y[self.base:self.base + n, None] * self.grid.sum_x[None, :]
            if not all_valid:
                conf[~valid] = np.nan
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

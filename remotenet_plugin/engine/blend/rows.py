"""Weighted accumulation of tile probabilities over a rolling band of open rows.

Only the rows that a later tile can still change are kept: one tile height x window width x
classes of float32. Rows are finalised (argmax, confidence) as soon as the first tile of a
later tile row arrives, and handed on in order.

Most pixels lie in one tile only (with the default overlap, about 80 %): there the tile's weight
is exactly one, so the blended value is the tile's probability itself. Those pixels take their
class straight from the tile, without weighting, accumulating or clearing anything; only the
overlaps go through the accumulator. The answers are bit-identical to accumulating everything.

Tiles arrive as probabilities, or (``logits``) as the network's raw scores: then a single-tile
pixel's class is the argmax of its scores (the softmax keeps their order) and only the overlaps
(and the confidence, when asked for) pay for the exponentials.

Every step works on small blocks, so its temporaries stay in the CPU's cache: the accumulation
and argmax are memory-bound, and passes over cached blocks cost a fraction of passes over whole
tiles or rows.
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np

from ....model.messages import QT_TRANSLATE_NOOP
from ....model.metadata import NO_CLASS
from ..base.options import EngineError
from ..read.tiling import Tile, TileGrid

# Pixels per block (per class plane): 6 classes x 16 Ki float32 stay within a core's L2 cache.
BLOCK_PIXELS = 16384
NON_FINITE = QT_TRANSLATE_NOOP("RemoteNet", "the network produced NaN or infinite values; check the model file, the "
                               "input scaling in its header, or use precision 'fp32'")


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
    if acc.shape[0] == 1:
        np.copyto(best, acc[0])
        index.fill(0)
        return index, best
    np.maximum(acc[0], acc[1], out=best)
    for c in range(2, acc.shape[0]):
        np.maximum(best, acc[c], out=best)
    running, below = scratch if scratch is not None else (np.empty(shape, acc.dtype), np.empty(shape, bool))
    np.less(acc[0], best, out=below)
    np.copyto(index, below)
    for c in range(1, acc.shape[0] - 1):
        np.maximum(running if c > 1 else acc[0], acc[c], out=running)
        np.less(running, best, out=below)
        np.add(index, below, out=index)
    return index, best


def inner_spans(starts: list[int], size: int, length: int, profiles: list[np.ndarray]) -> list[tuple[int, int]]:
    """Per tile along one axis, the run [a, b) of its own positions that no other tile covers and
    where its weight is exactly one (empty, (0, 0), where there is none)."""
    cover = np.zeros(length, dtype=np.int32)
    for s in starts:
        cover[s:s + size] += 1
    spans = []
    for s, w in zip(starts, profiles):
        alone = np.flatnonzero((cover[s:s + size] == 1) & (w == 1.0))
        contiguous = len(alone) and alone[-1] - alone[0] + 1 == len(alone)
        spans.append((int(alone[0]), int(alone[-1]) + 1) if contiguous else (0, 0))
    return spans


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """The [start, end) runs of True in a 1-D boolean array."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.view(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def blocks(rows: int, cols: int):
    """Blocks (r0, r1, c0, c1) of at most BLOCK_PIXELS pixels covering rows x cols, row by row."""
    width = min(cols, BLOCK_PIXELS)
    step = BLOCK_PIXELS // width if width else 1
    for r0 in range(0, rows, step):
        for c0 in range(0, cols, width):
            yield r0, min(r0 + step, rows), c0, min(c0 + width, cols)


def weighted_softmax(logits: np.ndarray, weight: np.ndarray, out: np.ndarray, scratch: np.ndarray) -> None:
    """out = softmax(logits over classes) * weight, as exp(l - max) * (weight / sum): one division
    per pixel instead of one per class. ``scratch`` is a (rows, cols) float32 buffer."""
    np.copyto(scratch, logits[0])
    for c in range(1, len(logits)):
        np.maximum(scratch, logits[c], out=scratch)
    np.subtract(logits, scratch, out=out)
    np.exp(out, out=out)
    np.copyto(scratch, out[0])
    for c in range(1, len(out)):
        np.add(scratch, out[c], out=scratch)
    np.divide(weight, scratch, out=scratch)
    np.multiply(out, scratch, out=out)


def max_probability(logits: np.ndarray, top: np.ndarray, scratch: np.ndarray) -> None:
    """top (the largest logit per pixel) becomes the largest softmax probability, 1 / sum exp(l - top);
    ``scratch`` is a (2, rows, cols) float32 buffer."""
    term, total = scratch
    total.fill(0.0)
    for c in range(len(logits)):
        np.subtract(logits[c], top, out=term)
        np.exp(term, out=term)
        np.add(total, term, out=total)
    np.divide(1.0, total, out=top)


class Scratch:
    """Per-thread work buffers of one block (BLOCK_PIXELS pixels)."""

    def __init__(self, num_classes: int):
        self.weighted = np.empty(num_classes * BLOCK_PIXELS, dtype=np.float32)
        self.running = np.empty(BLOCK_PIXELS, dtype=np.float32)
        self.below = np.empty(BLOCK_PIXELS, dtype=bool)
        self.terms = np.empty(2 * BLOCK_PIXELS, dtype=np.float32)
        self.index = np.empty(BLOCK_PIXELS, dtype=np.uint8)
        self.top = np.empty(BLOCK_PIXELS, dtype=np.float32)

    def plane(self, shape: tuple[int, int]) -> np.ndarray:
        return self.running[:shape[0] * shape[1]].reshape(shape)

    def planes(self, classes: int, shape: tuple[int, int]) -> np.ndarray:
        return self.weighted[:classes * shape[0] * shape[1]].reshape(classes, *shape)

    def argmax(self, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
        n = shape[0] * shape[1]
        return self.running[:n].reshape(shape), self.below[:n].reshape(shape)

    def pair(self, shape: tuple[int, int]) -> np.ndarray:
        return self.terms[:2 * shape[0] * shape[1]].reshape(2, *shape)

    def results(self, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
        n = shape[0] * shape[1]
        return self.index[:n].reshape(shape), self.top[:n].reshape(shape)


# Narrower blocks than this are gathered into contiguous buffers before the per-class passes: numpy
# loops over a strided block row by row, and on the 48 px strips of the overlaps the per-row
# overhead of some twenty passes costs more than one gather and one scatter.
NARROW = 256


def classify_pixels(values: np.ndarray, classes: np.ndarray, best: np.ndarray, logits: bool, confidence: bool,
                    scratch: Scratch) -> None:
    """Class and maximum of ``values`` (C, rows, cols) into ``classes`` and ``best`` block by block; for
    logits with ``confidence``, the maximum becomes the largest probability. Refuses non-finite values."""
    for b0, b1, c0, c1 in blocks(*values.shape[1:]):
        block, top, index = values[:, b0:b1, c0:c1], best[b0:b1, c0:c1], classes[b0:b1, c0:c1]
        narrow = c1 - c0 < NARROW
        if narrow:
            dense = scratch.planes(len(block), top.shape)
            np.copyto(dense, block)
            block, (index, top) = dense, scratch.results(top.shape)
        argmax_and_max(block, index, top, scratch.argmax(top.shape))
        if not np.isfinite(top).all():  # a NaN anywhere in a pixel's classes reaches its maximum
            raise EngineError(NON_FINITE)
        if logits and confidence:
            max_probability(block, top, scratch.pair(top.shape))
        if narrow:
            np.copyto(classes[b0:b1, c0:c1], index)
            np.copyto(best[b0:b1, c0:c1], top)


class RowBlender:
    def __init__(self, grid: TileGrid, num_classes: int, lut: np.ndarray, with_confidence: bool,
                 emit: Callable[[int, np.ndarray, Optional[np.ndarray]], None], logits: bool = False):
        """``logits``: tiles come as raw network scores (softmax not applied), else as probabilities."""
        self.grid, self.lut, self.with_confidence, self.emit = grid, lut, with_confidence, emit
        self.logits = logits
        self.cap = grid.th
        width = grid.width
        self.acc = np.zeros((num_classes, self.cap, width), dtype=np.float32)
        self.valid = np.zeros((self.cap, width), dtype=bool)
        # Class (and maximum) of every pixel of the band, written by tiles (inner pixels) and by flush (overlaps).
        self.classes = np.zeros((self.cap, width), dtype=np.uint8)
        self.best = np.zeros((self.cap, width), dtype=np.float32)
        self.base = 0  # window row held in buffer row 0; rows above it are already emitted
        self.identity_lut = bool(np.array_equal(lut, np.arange(len(lut))))
        self.inner_x = inner_spans(grid.xs, grid.tw, width, grid.wx)
        self.inner_y = inner_spans(grid.ys, grid.th, grid.height, grid.wy)
        inner_cols = np.zeros(width, dtype=bool)
        for x, (a, b) in zip(grid.xs, self.inner_x):
            inner_cols[x + a:x + b] = True
        self.inner_rows = np.zeros(grid.height, dtype=bool)
        for y, (a, b) in zip(grid.ys, self.inner_y):
            self.inner_rows[y + a:y + b] = True
        self.seam_cols = runs(~inner_cols)  # columns that more than one tile covers
        # The seams' columns of single-tile rows accumulate in compact arrays of their own, one per
        # seam: in the full-width band each of their rows would be a short piece far from the next.
        self.strips = [np.zeros((num_classes, self.cap, x1 - x0), dtype=np.float32) for x0, x1 in self.seam_cols]
        self.seam_of = np.full(width, -1, dtype=np.int64)
        for i, (x0, x1) in enumerate(self.seam_cols):
            self.seam_of[x0:x1] = i
        self.scratch = Scratch(num_classes)

    def new_scratch(self) -> Scratch:
        return Scratch(self.acc.shape[0])

    def add_batch(self, tiles: list[Tile], probs: np.ndarray, valid: list[Optional[np.ndarray]],
                  prepared: Optional[list] = None) -> None:
        """``add`` for each tile of a batch, in order; ``prepared``: their ``prepare`` results, if done."""
        for i, (tile, p, v) in enumerate(zip(tiles, probs, valid)):
            self.add(tile, p, v, None if prepared is None else prepared[i])

    def _argmax(self, values: np.ndarray, r0: int, x0: int) -> None:
        """Class and maximum of accumulated probabilities ``values`` (C, rows, cols) into the band at
        buffer row r0, column x0."""
        rows, cols = slice(r0, r0 + values.shape[1]), slice(x0, x0 + values.shape[2])
        classify_pixels(values, self.classes[rows, cols], self.best[rows, cols], False, False, self.scratch)

    def inner_of(self, tile: Tile, probs: np.ndarray, scratch: Scratch) -> Optional[tuple[np.ndarray, np.ndarray]]:
        """(classes, maxima) of the tile's single-tile pixels (None when it has none). Touches no state
        of the blender, so any thread may compute it (with a Scratch of its own) and hand it to ``add``."""
        ya, yb = self.inner_y[tile.row]
        xa, xb = self.inner_x[tile.col]
        if yb <= ya or xb <= xa:
            return None
        classes = np.empty((yb - ya, xb - xa), dtype=np.uint8)
        best = np.empty((yb - ya, xb - xa), dtype=np.float32)
        classify_pixels(probs[:, ya:yb, xa:xb], classes, best, self.logits, self.with_confidence, scratch)
        return classes, best

    def _weigh(self, probs: np.ndarray, weight: np.ndarray, scratch: Scratch) -> np.ndarray:
        """probs * weight for one block (with logits: weighted_softmax), in a contiguous scratch array."""
        out = scratch.planes(len(probs), weight.shape)
        if self.logits:
            np.copyto(out, probs)  # one strided gather; the passes of the softmax then run contiguous
            weighted_softmax(out, weight, out, scratch.plane(weight.shape))
        else:
            np.multiply(probs, weight, out=out)
        return out

    def _overlaps(self, tile: Tile) -> list[tuple[slice, slice]]:
        """The parts of a tile outside its single-tile rectangle (rows, cols in the tile): the rows
        above and below it whole, beside it the left and right strips."""
        g = self.grid
        ya, yb = self.inner_y[tile.row]
        xa, xb = self.inner_x[tile.col]
        if yb <= ya or xb <= xa:
            ya = yb = xa = xb = 0
        parts = (((0, ya), (0, g.tw)), ((yb, g.th), (0, g.tw)), ((ya, yb), (0, xa)), ((ya, yb), (xb, g.tw)))
        return [(slice(*rows), slice(*cols)) for rows, cols in parts if rows[1] > rows[0] and cols[1] > cols[0]]

    def _targets(self, tile: Tile, r0: int):
        """(rows, cols) of the tile's overlaps and where each accumulates: the band for rows more than
        one tile row covers, the seam's strip for single-tile rows (their overlap columns all lie
        in one seam). ``r0``: the tile's first row in the band."""
        for rows, cols in self._overlaps(tile):
            g0, g1 = tile.x + cols.start, tile.x + cols.stop
            inner_rows = self.inner_rows[tile.y + rows.start:tile.y + rows.stop]
            for inner, (a, b) in [(False, r) for r in runs(~inner_rows)] + [(True, r) for r in runs(inner_rows)]:
                part_rows = slice(rows.start + a, rows.start + b)
                band_rows = slice(r0 + rows.start + a, r0 + rows.start + b)
                if inner:
                    seam = int(self.seam_of[g0])
                    x0 = self.seam_cols[seam][0]
                    yield part_rows, cols, self.strips[seam][:, band_rows, g0 - x0:g1 - x0]
                else:
                    yield part_rows, cols, self.acc[:, band_rows, g0:g1]

    def prepare(self, tile: Tile, probs: np.ndarray, scratch: Scratch) -> tuple:
        """The share of ``add``'s work that touches no state of the blender, so that another thread
        (with a Scratch of its own) can do it beforehand: the single-tile pixels' classes, and the
        overlaps weighted in place in ``probs``. Hand the result to ``add`` with the same ``probs``."""
        weight = self.grid.weight(tile)
        for rows, cols in self._overlaps(tile):
            part, w = probs[:, rows, cols], weight[rows, cols]
            for b0, b1, c0, c1 in blocks(*part.shape[1:]):
                block = part[:, b0:b1, c0:c1]
                np.copyto(block, self._weigh(block, w[b0:b1, c0:c1], scratch))
        return self.inner_of(tile, probs, scratch), True

    def add(self, tile: Tile, probs: np.ndarray, valid: Optional[np.ndarray], prepared: Optional[tuple] = None) -> None:
        """Take one tile's probabilities (or logits) (C, th, tw): its single-tile pixels' classes
        directly, the rest accumulated times its weight window. ``probs`` is left unchanged, unless
        ``prepared`` (``prepare``'s result) says its overlaps are weighted already."""
        if tile.y > self.base:
            self.flush(tile.y)
        g = self.grid
        weight = g.weight(tile)
        r0 = tile.y - self.base
        inner, weighted = prepared if prepared is not None else (None, False)
        for rows, cols, dst in self._targets(tile, r0):  # each block rounded as probs * w, then +=
            part, w = probs[:, rows, cols], weight[rows, cols]
            for b0, b1, c0, c1 in blocks(*part.shape[1:]):
                block = part[:, b0:b1, c0:c1]
                if not weighted:
                    block = self._weigh(block, w[b0:b1, c0:c1], self.scratch)
                np.add(dst[:, b0:b1, c0:c1], block, out=dst[:, b0:b1, c0:c1])
        ya, yb = self.inner_y[tile.row]
        xa, xb = self.inner_x[tile.col]
        if yb > ya and xb > xa:
            inner = inner or self.inner_of(tile, probs, self.scratch)
            self.classes[r0 + ya:r0 + yb, tile.x + xa:tile.x + xb], self.best[r0 + ya:r0 + yb,
                                                                               tile.x + xa:tile.x + xb] = inner
        rows = slice(r0, r0 + g.th)
        cols = slice(tile.x, tile.x + g.tw)
        if valid is None:
            self.valid[rows, cols] = True
        else:
            self.valid[rows, cols] |= valid

    def _clear(self, start: int, end: int) -> None:
        """Zero the accumulator where tiles will add: buffer rows [start, end), overlaps only."""
        for a, b in runs(~self.inner_rows[self.base + start:self.base + end]):
            self.acc[:, start + a:start + b] = 0
        for a, b in runs(self.inner_rows[self.base + start:self.base + end]):
            for strip in self.strips:
                strip[:, start + a:start + b] = 0

    def flush(self, upto: int) -> None:
        """Finalise and emit window rows [base, upto)."""
        upto = min(upto, self.grid.height)
        if upto <= self.base:
            return
        n = min(upto - self.base, self.cap)
        width = self.grid.width
        # The overlaps' classes from the accumulator: whole rows, and the seam columns of inner rows.
        for a, b in runs(~self.inner_rows[self.base:self.base + n]):
            self._argmax(self.acc[:, a:b], a, 0)
        for a, b in runs(self.inner_rows[self.base:self.base + n]):
            for (x0, _x1), strip in zip(self.seam_cols, self.strips):
                self._argmax(strip[:, a:b], a, x0)
        valid = self.valid[:n]
        all_valid = bool(valid.all())
        classes = self.classes[:n].copy() if self.identity_lut else self.lut[self.classes[:n]]
        if not all_valid:
            classes[~valid] = NO_CLASS
        conf = None
        if self.with_confidence:
            conf = self.best[:n] / (self.grid.sum_y[self.base:self.base + n, None] * self.grid.sum_x[None, :])
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
        if keep > 0:
            for buffer in (self.acc[:], self.valid, self.classes, self.best, *self.strips):
                buffer[..., :keep, :] = buffer[..., n:, :]
        self.valid[keep:] = False
        self.base = upto
        self._clear(keep, self.cap)

    def finish(self) -> None:
        self.flush(self.grid.height)

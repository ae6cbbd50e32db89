"""The tile grid over the processed window and the blending weights of each tile."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np

CROP_MARGIN_WEIGHT = 1e-6  # "crop" blending: margins count only where no tile centre reaches
# A window up to this many tile sides runs as one tile: 3 x 3 overlapping tiles of 256 px over 512 px computed
# 2.25x its pixels (12 tile slots in batches of 4: 3x), one tile 1x (docs/performance.md, "Many rasters").
ONE_TILE_MAX_SIDES = 2
NETWORK_MULTIPLE = 32  # the networks' coarsest stride: their input sides are padded to a multiple of it


@dataclass(frozen=True)
class Tile:
    index: int
    row: int
    col: int
    x: int  # relative to the window
    y: int


def tiles_in_order(xs: list[int], ys: list[int]):
    """The tiles of a grid with these starts, row by row: the order every sum over tiles follows."""
    i = 0
    for r, y in enumerate(ys):
        for c, x in enumerate(xs):
            yield Tile(i, r, c, x, y)
            i += 1


def positions(length: int, tile: int, stride: int) -> list[int]:
    """Tile starts along one axis: every ``stride``, the last one flush with the end."""
    if length <= tile:
        return [0]
    starts = list(range(0, length - tile + 1, stride))
    if starts[-1] != length - tile:
        starts.append(length - tile)
    return starts


def one_tile_step(tile: int) -> int:
    """The step a one-tile run's sides are padded up to: a quarter tile in multiples of the network's stride
    (64 px for 256 px tiles), so OpenVINO converts and compiles a few static shapes, not one per raster size."""
    return max(NETWORK_MULTIPLE, tile // 4 // NETWORK_MULTIPLE * NETWORK_MULTIPLE)


def one_tile_shape(width: int, height: int, tile: int, batch: int) -> Optional[tuple[int, int]]:
    """(height, width) of the one tile a width x height window runs as, its sides padded up to
    :func:`one_tile_step`; None when the window is tiled as usual: it fits in one tile of ``tile`` already, a
    side is more than ONE_TILE_MAX_SIDES tiles, or the padded tile has more pixels than a batch of ``batch``
    tiles (the memory a run is sized for)."""
    if max(width, height) <= tile or max(width, height) > ONE_TILE_MAX_SIDES * tile:
        return None
    step = one_tile_step(tile)
    padded_h, padded_w = -(-height // step) * step, -(-width // step) * step
    if padded_h * padded_w > max(1, batch) * (-(-tile // step) * step) ** 2:
        return None
    return padded_h, padded_w


def profile(length: int, overlap: int, first: bool, last: bool, mode: str) -> np.ndarray:
    """1-D weight of a tile along one axis; sides at the window's edge keep full weight.

    "smooth": a sin^2 ramp across the overlap, so two neighbours' weights sum to one there
    (a partition of unity) and no seam can show. "crop": full weight in the centre, almost
    none in the margins (crop-and-paste, kept for comparison).
    """
    w = np.ones(length, dtype=np.float32)
    if overlap <= 0 or length <= 1:
        return w
    ramp_len = min(overlap, length // 2)
    if mode == "smooth":
        ramp = np.sin(0.5 * np.pi * (np.arange(ramp_len) + 0.5) / ramp_len) ** 2
    else:
        ramp = np.ones(ramp_len)
        ramp[: overlap // 2] = CROP_MARGIN_WEIGHT
        tail = np.ones(ramp_len)
        tail[ramp_len - (overlap - overlap // 2):] = CROP_MARGIN_WEIGHT
    if not first:
        w[:ramp_len] = ramp
    if not last:
        w[length - ramp_len:] = ramp[::-1] if mode == "smooth" else tail
    return w


class TileGrid:
    """Tiles of one size covering a width x height window with the given overlap."""

    def __init__(self, width: int, height: int, tile_size: int, overlap: int, mode: str = "smooth"):
        self.width, self.height = width, height
        self.tw, self.th = min(tile_size, width), min(tile_size, height)
        self.stride = stride = tile_size - overlap
        self.xs = positions(width, self.tw, stride)
        self.ys = positions(height, self.th, stride)
        n_cols, n_rows = len(self.xs), len(self.ys)
        self.wx = [profile(self.tw, overlap, c == 0, c == n_cols - 1, mode) for c in range(n_cols)]
        self.wy = [profile(self.th, overlap, r == 0, r == n_rows - 1, mode) for r in range(n_rows)]
        # The grid is a full product, so the summed weight is separable: sum_x(y) * sum_x(x).
        self.sum_x = np.zeros(width, dtype=np.float32)
        for x, w in zip(self.xs, self.wx):
            self.sum_x[x:x + self.tw] += w
        self._weights: dict[tuple[bool, ...], np.ndarray] = {}
        self.sum_y = np.zeros(height, dtype=np.float32)
        for y, w in zip(self.ys, self.wy):
            self.sum_y[y:y + self.th] += w

    def __len__(self) -> int:
        return len(self.xs) * len(self.ys)

    def __iter__(self):
        return tiles_in_order(self.xs, self.ys)

    def weight(self, tile: Tile) -> np.ndarray:
        # Profiles differ only at the window's edges, so at most nine distinct windows exist.
        key = (tile.row == 0, tile.row == len(self.ys) - 1, tile.col == 0, tile.col == len(self.xs) - 1)
        w = self._weights.get(key)
        if w is None:
            w = self._weights[key] = np.outer(self.wy[tile.row], self.wx[tile.col])
        return w

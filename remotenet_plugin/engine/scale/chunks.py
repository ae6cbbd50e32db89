"""Chunks: the output window cut into squares that are classified independently.

A chunk runs exactly the tiles of the one global tile grid that touch it, with their global
blending weights, in the global order; so every pixel of the chunk sums the same tile
probabilities in the same order as a one-chunk run does, and the assembled result does not
depend on the chunking. The tiles that straddle a chunk border run once for each side: the
price of chunks that need nothing from each other (about stride / chunk side more tiles per axis).
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np

from ..read.tiling import Tile, TileGrid, tiles_in_order


@dataclass(frozen=True)
class Chunk:
    index: int
    row: int
    col: int
    x: int  # the core: output pixels this chunk writes, relative to the window
    y: int
    width: int
    height: int

    @property
    def rect(self) -> tuple[int, int, int, int]:
        return self.x, self.y, self.width, self.height

    @property
    def name(self) -> str:
        return f"c{self.row:04d}_{self.col:04d}"


def _touching(starts: list[int], size: int, lo: int, hi: int) -> tuple[int, int]:
    """Index range [first, last) of tiles (start, start + size) that overlap [lo, hi)."""
    first = next(i for i, s in enumerate(starts) if s + size > lo)
    last = max(i for i, s in enumerate(starts) if s < hi) + 1
    return first, last


class ChunkPlan:
    """Square chunks over a tile grid, their side a multiple of the grid's stride."""

    def __init__(self, grid: TileGrid, chunk_size: int):
        self.grid = grid
        stride = max(1, grid.stride)
        # Borders on tile starts: a border then cuts through exactly one tile per tile row or column.
        self.side = max(stride, math.ceil(int(chunk_size) / stride) * stride)
        self.col_starts = list(range(0, grid.width, self.side))
        self.row_starts = list(range(0, grid.height, self.side))
        self.chunks = [
            Chunk(r * len(self.col_starts) + c, r, c, x, y, min(self.side, grid.width - x),
                  min(self.side, grid.height - y))
            for r, y in enumerate(self.row_starts) for c, x in enumerate(self.col_starts)]

    def __len__(self) -> int:
        return len(self.chunks)

    def __iter__(self) -> Iterator[Chunk]:
        return iter(self.chunks)

    def tiles(self) -> int:
        """Tiles run over all chunks (straddling tiles counted once per chunk)."""
        return sum(len(self.view(c)) for c in self.chunks)

    def view(self, chunk: Chunk) -> ChunkGrid:
        return ChunkGrid(self.grid, chunk)


class ChunkGrid:
    """The tiles of a global grid that touch one chunk, as a grid of their own over the region
    they cover (the chunk plus its halo). Same interface as TileGrid for the reader and blenders;
    weights and weight sums are the global grid's."""

    def __init__(self, grid: TileGrid, chunk: Chunk):
        self.parent, self.chunk = grid, chunk
        self.c0, c1 = _touching(grid.xs, grid.tw, chunk.x, chunk.x + chunk.width)
        self.r0, r1 = _touching(grid.ys, grid.th, chunk.y, chunk.y + chunk.height)
        self.tw, self.th, self.stride = grid.tw, grid.th, grid.stride
        self.region_x, self.region_y = grid.xs[self.c0], grid.ys[self.r0]
        self.width = grid.xs[c1 - 1] + grid.tw - self.region_x
        self.height = grid.ys[r1 - 1] + grid.th - self.region_y
        self.xs = [x - self.region_x for x in grid.xs[self.c0:c1]]
        self.ys = [y - self.region_y for y in grid.ys[self.r0:r1]]
        self.wx, self.wy = grid.wx[self.c0:c1], grid.wy[self.r0:r1]  # the tiles' weight profiles
        self.sum_x: np.ndarray = grid.sum_x[self.region_x:self.region_x + self.width]
        self.sum_y: np.ndarray = grid.sum_y[self.region_y:self.region_y + self.height]

    @property
    def region(self) -> tuple[int, int, int, int]:
        """(x, y, width, height) of the pixels read, relative to the window."""
        return self.region_x, self.region_y, self.width, self.height

    @property
    def core_offset(self) -> tuple[int, int]:
        """Where the chunk's core starts inside the region."""
        return self.chunk.x - self.region_x, self.chunk.y - self.region_y

    def __len__(self) -> int:
        return len(self.xs) * len(self.ys)

    def __iter__(self) -> Iterator[Tile]:
        return tiles_in_order(self.xs, self.ys)

    def weight(self, tile: Tile) -> np.ndarray:
        return self.parent.weight(replace(tile, row=tile.row + self.r0, col=tile.col + self.c0))

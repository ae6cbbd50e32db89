"""Tiles shared by neighbouring chunks, computed once.

A tile that straddles a chunk border is needed by every chunk it touches (two, or four at a
corner). Run in one process, chunk after chunk, the first of them saves the network's output for
the tile (exact float32 probabilities, or raw scores when the blender applies the softmax, with
its validity) in the work folder, and the others add those same numbers instead of running the
network again: the chunked run then costs what a one-piece
run costs, and every pixel still sums the same values in the same order. A file is deleted as
soon as every chunk that touches the tile has finished, so the disk holds about one row of
chunk-border tiles at a time.
"""
from __future__ import annotations

import os
import uuid
from typing import Callable, Optional

import numpy as np

from ..read.tiling import Tile
from .chunks import Chunk, ChunkGrid, ChunkPlan


def _span(starts: list[int], lo: int, hi: int) -> list[int]:
    """Indices of the chunks (by their starts) that [lo, hi) overlaps."""
    return [i for i, s in enumerate(starts) if s < hi and (i + 1 == len(starts) or starts[i + 1] > lo)]


class TileStore:
    def __init__(self, folder: str, plan: ChunkPlan, finished: Callable[[int], bool]):
        self.folder, self.plan, self.finished = folder, plan, finished
        os.makedirs(folder, exist_ok=True)
        grid = plan.grid
        self._cols = [_span(plan.col_starts, x, x + grid.tw) for x in grid.xs]
        self._rows = [_span(plan.row_starts, y, y + grid.th) for y in grid.ys]
        self.hits = 0

    def chunks_of(self, row: int, col: int) -> list[int]:
        """Indices of the chunks a tile (global grid row and column) touches."""
        n_cols = len(self.plan.col_starts)
        return [r * n_cols + c for r in self._rows[row] for c in self._cols[col]]

    def shared(self, row: int, col: int) -> bool:
        return len(self._rows[row]) * len(self._cols[col]) > 1

    def _path(self, row: int, col: int) -> str:
        return os.path.join(self.folder, f"t{row:05d}_{col:05d}.npz")

    def get(self, row: int, col: int) -> Optional[tuple[np.ndarray, Optional[np.ndarray]]]:
        if not self.shared(row, col):
            return None
        try:
            with np.load(self._path(row, col)) as stored:
                probs = stored["probs"]
                valid = stored["valid"] if "valid" in stored.files else None
        except (OSError, ValueError, KeyError):  # not there yet, or damaged: compute it again
            return None
        self.hits += 1
        return probs, valid

    def put(self, row: int, col: int, probs: np.ndarray, valid: Optional[np.ndarray]) -> None:
        """Save a computed tile that a chunk still to run will need."""
        if not self.shared(row, col) or all(self.finished(i) for i in self.chunks_of(row, col)):
            return
        path = self._path(row, col)
        tmp = f"{path}.partial-{uuid.uuid4().hex[:8]}.npz"
        arrays = {"probs": np.asarray(probs, dtype=np.float32)}
        if valid is not None:
            arrays["valid"] = valid
        np.savez(tmp, **arrays)
        os.replace(tmp, path)

    def for_grid(self, grid: ChunkGrid) -> ChunkTiles:
        """The store as one chunk's classification sees it (classify.SharedTiles)."""
        return ChunkTiles(self, grid)

    def release(self, chunk: Chunk) -> None:
        """Delete the files of tiles of ``chunk`` that no unfinished chunk needs any more."""
        view = self.plan.view(chunk)
        for r in range(view.r0, view.r0 + len(view.ys)):
            for c in range(view.c0, view.c0 + len(view.xs)):
                if self.shared(r, c) and all(self.finished(i) for i in self.chunks_of(r, c)):
                    try:
                        os.remove(self._path(r, c))
                    except FileNotFoundError:
                        pass


class ChunkTiles:
    """A chunk's tiles looked up and saved by their place in the global grid."""

    def __init__(self, store: TileStore, grid: ChunkGrid):
        self.store, self.grid = store, grid

    def look_up(self, tile: Tile) -> Optional[tuple[np.ndarray, Optional[np.ndarray]]]:
        return self.store.get(tile.row + self.grid.r0, tile.col + self.grid.c0)

    def save(self, tile: Tile, probs: np.ndarray, valid: Optional[np.ndarray]) -> None:
        self.store.put(tile.row + self.grid.r0, tile.col + self.grid.c0, probs, valid)

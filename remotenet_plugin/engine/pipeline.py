"""Background tile reading: batches of normalised tiles are prefetched while the network runs."""
from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from .source import TileReader
from .tiling import Tile, TileGrid


@dataclass
class Batch:
    tiles: list[Tile]
    pixels: np.ndarray  # (n, bands, th, tw) float32, normalised
    valid: list[Optional[np.ndarray]]  # per tile: (th, tw) bool, or None when all valid
    seen: int  # tiles enumerated so far, skipped ones included (for progress)


@dataclass
class Done:
    skipped: int


# Source bytes read before GDAL's block cache for the source is dropped (at the next tile row):
# without this the cache (by default 5 % of RAM) fills with blocks that are never read again, and
# memory grows with the raster up to that cap.
SOURCE_CACHE_BUDGET = 64 * 2**20


class BatchReader:
    def __init__(self, reader: TileReader, grid: TileGrid, batch_size: int, prefetch: int = 2,
                 allocate: Optional[Callable[[tuple[int, ...]], np.ndarray]] = None):
        self.reader, self.grid, self.batch_size = reader, grid, batch_size
        self.allocate = allocate or (lambda shape: np.empty(shape, dtype=np.float32))
        self.queue: queue.Queue = queue.Queue(maxsize=prefetch)
        self.stop = threading.Event()
        self.error: Optional[BaseException] = None
        self.seconds = 0.0
        self.skipped = 0
        self.thread = threading.Thread(target=self._work, name="remotenet-reader", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _put(self, item) -> bool:
        while not self.stop.is_set():
            try:
                self.queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _new_array(self) -> np.ndarray:
        g = self.grid
        return self.allocate((self.batch_size, len(self.reader.bands), g.th, g.tw))

    def _work(self) -> None:
        g = self.grid
        try:
            tiles, valid, pixels = [], [], self._new_array()
            start = time.perf_counter()
            bytes_per_tile = g.tw * g.th * self.reader.bytes_per_pixel
            read_since_flush, row = 0, 0
            for tile in g:
                if self.stop.is_set():
                    return
                if tile.row != row:
                    row = tile.row
                    if read_since_flush > SOURCE_CACHE_BUDGET:
                        self.reader.ds.FlushCache()
                        read_since_flush = 0
                read_since_flush += bytes_per_tile
                mask = self.reader.read_mask(tile.x, tile.y, g.tw, g.th)
                if mask is not None and not mask.any():
                    self.skipped += 1
                    continue
                mask = self.reader.read_into(tile.x, tile.y, g.tw, g.th, pixels[len(tiles)], mask)
                if mask is not None and not mask.any():
                    self.skipped += 1
                    continue
                tiles.append(tile)
                valid.append(None if mask is None or mask.all() else mask)
                if len(tiles) == self.batch_size:
                    self.seconds += time.perf_counter() - start
                    if not self._put(Batch(tiles, pixels, valid, tile.index + 1)):
                        return
                    start = time.perf_counter()
                    tiles, valid, pixels = [], [], self._new_array()
            if tiles:
                self.seconds += time.perf_counter() - start
                if not self._put(Batch(tiles, pixels[:len(tiles)], valid, len(g))):
                    return
            else:
                self.seconds += time.perf_counter() - start
            self._put(Done(self.skipped))
        except BaseException as err:  # noqa: BLE001 - handed to the main thread
            self.error = err
            self._put(Done(self.skipped))

    def get(self, timeout: float = 0.1):
        return self.queue.get(timeout=timeout)

    def close(self) -> None:
        self.stop.set()
        while self.thread.is_alive():
            try:
                self.queue.get_nowait()
            except queue.Empty:
                pass
            self.thread.join(timeout=0.05)

"""Background tile reading: batches of normalised tiles are prefetched while the network runs.

Tiles are read by a small pool of threads, each with its own GDAL dataset handle (a handle must not
be shared between threads; GDAL releases the GIL while it reads and decompresses), and assembled
into batches in grid order by one more thread.
"""
from __future__ import annotations

import queue
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np

from ..base.gdal_errors import engine_thread, in_engine_mode
from ..base.threads import spare_cores
from .source import TileReader
from .tiling import Tile, TileGrid


@dataclass
class Batch:
    tiles: list[Tile]
    pixels: np.ndarray  # (n, bands, th, tw) float32, normalised
    valid: list[Optional[np.ndarray]]  # per tile: (th, tw) bool, or None when all valid
    seen: int  # tiles enumerated so far, skipped ones included (for progress)
    # Tiles a neighbouring chunk computed (tile_store.TileStore), blended in grid order among the others:
    # (position among all of this batch's tiles, tile, probabilities (classes, th, tw), validity).
    stored: list[tuple[int, Tile, np.ndarray, Optional[np.ndarray]]] = field(default_factory=list)


@dataclass
class Done:
    skipped: int


_STORED = object()  # marks a tile taken from the store in the tile stream


# Source bytes read before GDAL's block cache for the source is dropped (at the next tile row):
# without this the cache (by default 5 % of RAM) fills with blocks that are never read again, and
# memory grows with the raster up to that cap.
SOURCE_CACHE_BUDGET = 64 * 2**20


def default_reader_threads() -> int:
    """One reader means the batch-assembling thread reads itself (no pool)."""
    return spare_cores()


class BatchReader:
    def __init__(self, reader: TileReader, grid: TileGrid, batch_size: int, prefetch: int = 2,
                 allocate: Optional[Callable[[tuple[int, ...]], np.ndarray]] = None,
                 open_reader: Optional[Callable[[], TileReader]] = None, threads: Optional[int] = None,
                 stored: Optional[Callable[[Tile], Optional[tuple]]] = None):
        """``open_reader`` makes a TileReader on a new dataset handle for each reading thread;
        without it one thread reads through ``reader``. ``stored(tile)`` returns a tile's saved
        (probabilities, validity) when a neighbouring chunk computed it: such a tile is not read,
        and rides in ``Batch.stored`` at its place in the grid order (batches stay full for the network)."""
        self.stored = stored
        self.reader, self.grid, self.batch_size = reader, grid, batch_size
        self.open_reader = open_reader
        self.threads = (threads or default_reader_threads()) if open_reader is not None else 1
        self._local = threading.local()
        self.allocate = allocate or (lambda shape: np.empty(shape, dtype=np.float32))
        self.queue: queue.Queue = queue.Queue(maxsize=prefetch)
        self.stop = threading.Event()
        self.error: Optional[BaseException] = None
        self.seconds = 0.0
        self.skipped = 0
        self.thread = engine_thread(self._work, "remotenet-reader")

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

    def _thread_reader(self) -> tuple[TileReader, list[int]]:
        local = self._local
        if not hasattr(local, "reader"):
            local.reader, local.read = self.open_reader(), [0]
        return local.reader, local.read

    def _read_tile(self, tile: Tile) -> tuple[Tile, Optional[np.ndarray], Optional[np.ndarray], bool]:
        """(tile, pixels as stored or None, validity, skipped) read in a pool thread; the assembling
        thread normalises them straight into the batch (no tile-sized float copy in between)."""
        g = self.grid
        reader, read = self._thread_reader()
        read[0] += g.tw * g.th * reader.bytes_per_pixel
        if read[0] > SOURCE_CACHE_BUDGET // self.threads:
            reader.ds.FlushCache()
            read[0] = 0
        mask = reader.read_mask(tile.x, tile.y, g.tw, g.th)
        if mask is not None and not mask.any():
            return tile, None, None, True
        return tile, reader.read_raw(tile.x, tile.y, g.tw, g.th), mask, False

    def _tiles(self):
        """(tile, pixels as stored or None, validity, skipped) in grid order; pixels None means "read
        into the batch array yourself" (single-threaded reading)."""
        if self.threads <= 1:
            for tile in self.grid:
                saved = self.stored(tile) if self.stored else None
                yield (tile, _STORED, saved, False) if saved is not None else (tile, None, None, False)
            return
        ahead = 2 * max(self.batch_size, self.threads)
        read_tile = in_engine_mode(self._read_tile)  # pool threads start in the process's GDAL mode
        with ThreadPoolExecutor(self.threads, thread_name_prefix="remotenet-read") as pool:
            pending: deque = deque()
            tiles = iter(self.grid)
            try:
                for tile in tiles:
                    saved = self.stored(tile) if self.stored else None
                    pending.append((tile, _STORED, saved, False) if saved is not None
                                   else pool.submit(read_tile, tile))
                    if len(pending) >= ahead:
                        yield _result(pending.popleft())
                while pending:
                    yield _result(pending.popleft())
            finally:
                for future in pending:
                    if not isinstance(future, tuple):
                        future.cancel()

    def _work(self) -> None:
        g = self.grid
        try:
            tiles, valid, stored, pixels = [], [], [], self._new_array()
            start = time.perf_counter()
            bytes_per_tile = g.tw * g.th * self.reader.bytes_per_pixel
            read_since_flush, row = 0, 0
            for tile, read_pixels, mask, skipped in self._tiles():
                if self.stop.is_set():
                    return
                if skipped:
                    self.skipped += 1
                    continue
                if read_pixels is _STORED:
                    probs, saved_valid = mask
                    stored.append((len(tiles) + len(stored), tile, probs, saved_valid))
                    # A row of stored tiles (a chunk's top border) goes on in batches of its own:
                    # memory stays at a batch's worth, as for computed tiles.
                    if len(stored) >= self.batch_size * (1 if not tiles else 2):
                        self.seconds += time.perf_counter() - start
                        if not self._put(Batch(tiles, pixels[:len(tiles)], valid, tile.index + 1, stored)):
                            return
                        start = time.perf_counter()
                        tiles, valid, stored, pixels = [], [], [], self._new_array()
                    continue
                if read_pixels is not None:
                    mask = self.reader.normalise_into(read_pixels, pixels[len(tiles)], mask)
                    if mask is not None and not mask.any():
                        self.skipped += 1
                        continue
                else:
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
                    if not self._put(Batch(tiles, pixels, valid, tile.index + 1, stored)):
                        return
                    start = time.perf_counter()
                    tiles, valid, stored, pixels = [], [], [], self._new_array()
            if tiles or stored:
                self.seconds += time.perf_counter() - start
                if not self._put(Batch(tiles, pixels[:len(tiles)], valid, len(g), stored)):
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


def _result(item):
    return item if isinstance(item, tuple) else item.result()

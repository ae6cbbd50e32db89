"""Blending in its own thread, so the thread that feeds the network never waits for it."""
from __future__ import annotations

import queue
import time
from typing import Optional

import numpy as np

from ..base.gdal_errors import engine_thread
from ..base.threads import send_stop
from ..read.tiling import Tile


class BlendThread:
    """Runs a RowBlender (weighting, accumulation, argmax, confidence) in its own thread, so the
    calling thread only feeds the network. Batches are blended in the order they are handed over."""

    def __init__(self, blender, depth: int = 2):
        self.blender = blender
        self.caller_scratch = None  # the calling thread's work buffers (add_batch)
        self.busy = False  # blending a batch right now
        self.queue: queue.Queue = queue.Queue(maxsize=depth)
        self.error: Optional[BaseException] = None
        self.seconds = 0.0
        self.thread = engine_thread(self._work, "remotenet-blend")
        self.thread.start()

    def _work(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                return
            if self.error is not None:
                continue  # drain after a failure; the caller sees the error
            start = time.perf_counter()
            self.busy = True
            try:
                if item == "finish":
                    self.blender.finish()
                else:
                    self.blender.add_batch(*item)
            except BaseException as err:  # noqa: BLE001 - handed to the calling thread
                self.error = err
            self.busy = False
            self.seconds += time.perf_counter() - start

    def _put(self, item) -> None:
        while True:
            if self.error is not None:
                raise self.error
            if not self.thread.is_alive():
                raise RuntimeError("the blending thread stopped")
            try:
                self.queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def add_batch(self, tiles: list[Tile], probs: np.ndarray, valid: list[Optional[np.ndarray]]) -> None:
        """``probs`` is handed over: the caller must not reuse it.

        When blending is still busy with earlier batches, the calling thread takes a share of the
        work first (RowBlender.prepare: the same computation, so the same answers). With a network
        cheaper than blending the two threads then share the load; with a slow one blending never
        falls behind and the calling thread goes straight back to the network.
        """
        prepared = None
        if (self.busy or self.queue.qsize() > 0) and hasattr(self.blender, "prepare"):
            if self.caller_scratch is None:
                self.caller_scratch = self.blender.new_scratch()
            prepared = [self.blender.prepare(tile, p, self.caller_scratch) for tile, p in zip(tiles, probs)]
        self._put((tiles, probs, valid, prepared))

    def finish(self) -> None:
        """Blend what is queued, finalise the last rows, stop; re-raise a blending error."""
        self._put("finish")
        self.close()
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        send_stop(self.queue, self.thread)
        self.thread.join()

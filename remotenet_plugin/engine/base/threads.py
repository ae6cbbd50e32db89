"""The engine's helper threads: how many the machine spares, and how one is told to stop."""
from __future__ import annotations

import os
import queue
import threading


def send_stop(work: queue.Queue, thread: threading.Thread) -> None:
    """Queue the stop marker (None) for a worker thread, waiting while its queue is full; the
    worker keeps draining, even after an error, so this ends."""
    while thread.is_alive():
        try:
            work.put(None, timeout=0.2)
            return
        except queue.Full:
            continue


def spare_cores() -> int:
    """Cores beside the calling thread's (it runs the network), at least one, at most four: the
    engine's helper threads (readers, GDAL's compression) take these. More threads than cores cost
    more in switching than they gain; measured on 2 cores: docs/performance.md, "Third pass"."""
    return max(1, min(4, (os.cpu_count() or 1) - 1))

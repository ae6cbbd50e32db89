"""A plain-text progress bar and log for command lines (stderr), without QGIS.

On a terminal one line is redrawn in place with a carriage return; into a file or a pipe
(cluster job logs, CI) a line is printed every 10 %, so logs stay short and readable.
Every write holds a lock: the engine may report from its worker threads. Never call these from a
signal handler (a write there can land inside one of these writes; segment_cli.Interrupts).
"""
from __future__ import annotations

import threading
import time
from typing import TextIO

BAR_WIDTH = 24
REDRAW_SECONDS = 0.1  # a terminal redraw at most this often (a progress call per batch can be frequent)


class TextProgress:
    """``progress(pct, msg)`` and ``log(msg)`` callbacks for the engine, writing to ``stream``."""

    def __init__(self, stream: TextIO, label: str = "segment", interactive: bool | None = None) -> None:
        self.stream = stream
        self.label = label
        self.interactive = stream.isatty() if interactive is None else interactive
        self._shown = 0  # characters of the bar now on the terminal line
        self._last_draw = 0.0
        self._last_decile = -1
        self._pct = 0.0
        self._msg = ""
        self._lock = threading.Lock()

    def progress(self, pct: float, msg: str = "") -> None:
        with self._lock:
            self._progress(pct, msg)

    def _progress(self, pct: float, msg: str) -> None:
        self._pct, self._msg = max(0.0, min(100.0, float(pct))), msg
        if self.interactive:
            now = time.monotonic()
            if now - self._last_draw >= REDRAW_SECONDS or self._pct >= 100.0:
                self._draw()
                self._last_draw = now
            return
        decile = int(self._pct // 10)
        if decile > self._last_decile:  # first call, then each 10 % crossed
            self._last_decile = decile
            self.stream.write(f"{self.label}: {self._pct:3.0f}% {msg}".rstrip() + "\n")
            self.stream.flush()

    def log(self, msg: str) -> None:
        with self._lock:
            self._clear()
            self.stream.write(f"{msg}\n")
            if self.interactive and self._last_draw:
                self._draw()
            self.stream.flush()

    def finish(self) -> None:
        """End the bar's line, so what follows starts on a line of its own."""
        with self._lock:
            if self.interactive and self._shown:
                self.stream.write("\n")
                self.stream.flush()
                self._shown = 0

    def _draw(self) -> None:
        filled = int(BAR_WIDTH * self._pct / 100.0)
        line = f"{self.label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self._pct:3.0f}% {self._msg}".rstrip()
        self.stream.write("\r" + line + " " * max(0, self._shown - len(line)))
        self.stream.flush()
        self._shown = len(line)

    def _clear(self) -> None:
        if self.interactive and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self._shown = 0

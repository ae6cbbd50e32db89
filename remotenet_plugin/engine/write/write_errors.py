"""GDAL write errors caught where they happen.

Without exceptions, GDAL reports a failed write (a full disk, a vanished folder) by printing to
stderr and going on; the run would fail much later, at some unrelated step, or not at all. Each
block of writes here runs under an error handler of its own (GDAL keeps handlers per thread, so
the writer thread's handler sees only its own writes) and raises EngineError at the first failure.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Optional

from osgeo import gdal

from ....model.messages import QT_TRANSLATE_NOOP, Message
from ..base.options import EngineError, SegmentCancelled

FULL_BELOW_BYTES = 1 << 20  # a folder with less free space than this after a failed write is full


def _disk_full(message: str, path: Optional[str]) -> bool:
    """GDAL's message says so, or the folder being written has (almost) no space left: libtiff 4.7
    prints "No space left" itself and GDAL reports only "Write error at scanline 0"."""
    if "No space left" in message or "disk full" in message.lower():
        return True
    try:
        return path is not None and shutil.disk_usage(os.path.dirname(os.path.abspath(path))).free < FULL_BELOW_BYTES
    except OSError:
        return False


def _advice(message: str, path: Optional[str]) -> Message:
    if _disk_full(message, path):
        return QT_TRANSLATE_NOOP("RemoteNet", "the disk is full: free some space or choose a folder on another disk")
    return QT_TRANSLATE_NOOP("RemoteNet", "check that the folder is still there, writable and has free space")


@contextmanager
def checked_writes(what: str, field: str, path: Optional[str] = None) -> Iterator[None]:
    """GDAL calls inside the block that fail raise EngineError naming ``what``, quietly; ``path``, the
    file being written, lets the advice tell a full disk from other failures."""
    failures: list[str] = []

    def handler(error_class: int, _number: int, message: str) -> None:
        if error_class >= gdal.CE_Failure:
            failures.append(message)

    def error() -> EngineError:
        first = failures[0].strip()
        return EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "writing {what} failed ({first}); {advice}").format(
            what=what, first=first, advice=_advice(" ".join(failures), path)), field)

    gdal.PushErrorHandler(handler)
    try:
        yield
    except SegmentCancelled:
        raise
    except EngineError as err:  # a later symptom ("cannot create the layer"): name the first cause
        if failures:
            raise error() from err
        raise
    finally:
        gdal.PopErrorHandler()
    if failures:
        raise error()

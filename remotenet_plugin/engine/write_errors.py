"""GDAL write errors caught where they happen.

Without exceptions, GDAL reports a failed write (a full disk, a vanished folder) by printing to
stderr and going on; the run would fail much later, at some unrelated step, or not at all. Each
block of writes here runs under an error handler of its own (GDAL keeps handlers per thread, so
the writer thread's handler sees only its own writes) and raises EngineError at the first failure.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from osgeo import gdal

from ...model.messages import QT_TRANSLATE_NOOP
from .options import EngineError, SegmentCancelled


def _advice(message: str) -> str:
    if "No space left" in message or "disk full" in message.lower():
        return "the disk is full: free some space or choose a folder on another disk"
    return "check that the folder is still there, writable and has free space"


@contextmanager
def checked_writes(what: str, field: str) -> Iterator[None]:
    """GDAL calls inside the block that fail raise EngineError naming ``what``, quietly."""
    failures: list[str] = []

    def handler(error_class: int, _number: int, message: str) -> None:
        if error_class >= gdal.CE_Failure:
            failures.append(message)

    def error() -> EngineError:
        first = failures[0].strip()
        return EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "writing {what} failed ({first}); {failures}").format(
            what=what, first=first, failures=_advice(' '.join(failures))), field)

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

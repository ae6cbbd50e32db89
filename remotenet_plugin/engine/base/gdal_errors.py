"""The engine's GDAL calls behave the same whatever exception mode the process is in.

The GDAL bindings either return ``None`` or an error code on failure (their historical default,
QGIS 3.22) or raise ``RuntimeError`` (after ``gdal.UseExceptions()``: QGIS's Processing turns
that on for the whole process from 3.40 on, and GDAL 4 makes it the default). A module cannot
switch that mode for the process: QGIS, Processing's GDAL algorithms and other plugins share it.

So every entry point of the engine declares the mode its code is written for and runs in it:
the segment path (reading, writing, polygons, chunks) checks return values and collects GDAL's
messages with error handlers (``write_errors.checked_writes``): exceptions off; labels, training
chips and evaluation catch ``RuntimeError``: exceptions on. The mode is set

- for the calling thread only where the bindings can (GDAL 3.7 and newer keep a per-thread
  override, the one ``gdal.ExceptionMgr`` uses): QGIS's own threads never see a change;
- process-wide on older bindings (GDAL 3.6, QGIS 3.22), counted so that concurrent runs in the
  same mode restore the caller's mode only when the last one ends. A run that asks for the
  other mode while one holds it goes on in the held mode: there only its error messages can be
  GDAL's own, never its results.

Threads the engine starts inherit nothing per-thread: they start through :func:`engine_thread`.
"""
from __future__ import annotations

import functools
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable, TypeVar

from osgeo import gdal, gdal_array, ogr, osr

F = TypeVar("F", bound=Callable[..., Any])
# Each binding module has a switch of its own (gdal_array's, for ReadAsArray, from GDAL 3.7 on).
_MODULES = tuple(m for m in (gdal, ogr, osr, gdal_array) if hasattr(m, "GetUseExceptions"))
PER_THREAD = all(hasattr(m, "_GetExceptionsLocal") and hasattr(m, "_SetExceptionsLocal") for m in _MODULES)

_mode = threading.local()  # the mode this thread's engine code asked for (inherited by engine_thread)
_process: dict[str, Any] = {"holders": 0, "saved": []}  # process-wide fallback (GDAL < 3.7)
_process_lock = threading.Lock()


def _set_process_mode(exceptions: bool) -> None:
    # GDAL 3.6 keeps each module's mode as a handler on one stack: switch on in module order and
    # off in the reverse order, or DontUseExceptions() refuses.
    for module in _MODULES if exceptions else reversed(_MODULES):
        if bool(module.GetUseExceptions()) != exceptions:
            if exceptions:
                module.UseExceptions()
            else:
                module.DontUseExceptions()


def _restore_process_mode(saved: list[int]) -> None:
    for module, was_on in reversed(list(zip(_MODULES, saved))):  # off first, in stack order
        if module.GetUseExceptions() and not was_on:
            module.DontUseExceptions()
    for module, was_on in zip(_MODULES, saved):
        if was_on and not module.GetUseExceptions():
            module.UseExceptions()


@contextmanager
def _thread_mode(exceptions: bool) -> Iterator[None]:
    saved = [module._GetExceptionsLocal() for module in _MODULES]
    for module in _MODULES:
        module._SetExceptionsLocal(int(exceptions))
    try:
        yield
    finally:
        for module, value in zip(_MODULES, saved):
            module._SetExceptionsLocal(value)  # -1: back to following the process's mode


@contextmanager
def _process_mode(exceptions: bool) -> Iterator[None]:
    with _process_lock:
        if _process["holders"] == 0:
            _process["saved"] = [module.GetUseExceptions() for module in _MODULES]
            _set_process_mode(exceptions)
        _process["holders"] += 1
    try:
        yield
    finally:
        with _process_lock:
            _process["holders"] -= 1
            if _process["holders"] == 0:
                _restore_process_mode(_process["saved"])


@contextmanager
def program_gdal_mode(exceptions: bool = True) -> Iterator[None]:
    """For a program that owns its process (the command line): the process's mode, said explicitly
    (GDAL 3.9+ warns at the first call of a process that never did), restored afterwards for
    callers in a process of their own (tests, a notebook). Not for code running inside QGIS."""
    saved = [module.GetUseExceptions() for module in _MODULES]
    _set_process_mode(exceptions)
    try:
        yield
    finally:
        _restore_process_mode(saved)


@contextmanager
def gdal_mode(exceptions: bool) -> Iterator[None]:
    """GDAL, OGR and OSR calls of this thread raise (``True``) or return error values (``False``)
    inside the block, whatever the process's mode; the caller's mode is back afterwards."""
    previous = getattr(_mode, "exceptions", None)
    _mode.exceptions = exceptions
    try:
        if PER_THREAD:
            with _thread_mode(exceptions):
                yield
        elif previous == exceptions:
            yield  # already held by this thread
        else:
            with _process_mode(exceptions):
                yield
    finally:
        _mode.exceptions = previous


def gdal_exceptions() -> Any:
    """GDAL errors raise RuntimeError inside the block (labels, training chips, evaluation)."""
    return gdal_mode(True)


def gdal_return_codes() -> Any:
    """GDAL errors return None / an error code inside the block (the segment path)."""
    return gdal_mode(False)


def release_failed_frames(error: BaseException) -> None:
    """Drop the locals of the frames a failure left behind (its cause and context too).

    A dataset still referenced by a traceback would be closed later, in the caller's mode: with
    exceptions on, an error while closing it (a full disk, a removed folder) then raises from a
    destructor, far from the run. Closing it here keeps that inside the engine's own handling."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        traceback.clear_frames(error.__traceback__)
        error = error.__cause__ or error.__context__


def _decorator(exceptions: bool) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with gdal_mode(exceptions):
                try:
                    return function(*args, **kwargs)
                except BaseException as err:
                    release_failed_frames(err)
                    raise

        return wrapper  # type: ignore[return-value]

    return decorate


with_gdal_exceptions = _decorator(True)
with_gdal_return_codes = _decorator(False)


def current_engine_mode() -> bool:
    """The mode the calling engine code runs in (exceptions off outside any entry point)."""
    return bool(getattr(_mode, "exceptions", False))


def in_engine_mode(target: Callable[..., Any]) -> Callable[..., Any]:
    """``target`` wrapped to run, on whichever thread calls it, in the mode of the engine code that
    wrapped it (for thread and thread-pool targets: a new thread follows the process's mode)."""
    exceptions = current_engine_mode()

    @functools.wraps(target)
    def run(*args: Any, **kwargs: Any) -> Any:
        with gdal_mode(exceptions):
            return target(*args, **kwargs)

    return run


def engine_thread(target: Callable[[], Any], name: str) -> threading.Thread:
    """A daemon thread whose GDAL calls run in the mode of the engine code that created it."""
    return threading.Thread(target=in_engine_mode(target), name=name, daemon=True)

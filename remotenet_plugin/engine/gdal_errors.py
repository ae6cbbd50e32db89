"""GDAL raising Python exceptions within a call, and only there.

``gdal.UseExceptions()`` switches a process-wide mode of the GDAL bindings: QGIS, Processing's
own GDAL algorithms and other plugins share it, so a module that switched it at import would
change their behaviour too. The label and evaluation code is written for exceptions; it turns
them on for the duration of a call and restores whatever mode was there before.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable, TypeVar

from osgeo import gdal, ogr, osr

F = TypeVar("F", bound=Callable[..., Any])
_MODULES = (gdal, ogr, osr)


@contextmanager
def gdal_exceptions() -> Iterator[None]:
    """GDAL, OGR and OSR errors raise RuntimeError inside the block; their modes are restored after."""
    saved = [module.GetUseExceptions() for module in _MODULES]
    for module in _MODULES:
        module.UseExceptions()
    try:
        yield
    finally:
        # GDAL 3.6 keeps the modes on a stack of error handlers: undo them in reverse order.
        for module, was_on in reversed(list(zip(_MODULES, saved))):
            if not was_on:
                module.DontUseExceptions()


def with_gdal_exceptions(function: F) -> F:
    """Decorator form of :func:`gdal_exceptions`."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with gdal_exceptions():
            return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]

"""Are torch and timm importable by the Python that runs QGIS? And torch's thread settings.

No qgis import here and no torch import at module import time: the provider imports this
module while QGIS starts, and a missing or broken torch must never show a traceback then.
"""
from __future__ import annotations

import importlib
import os
import sys
import threading

REQUIRED = ("torch", "timm", "safetensors")

_threads_lock = threading.Lock()
_threads_configured = False  # torch refuses set_num_interop_threads a second time in one process


def missing_dependencies() -> list[tuple[str, str]]:
    """``(package, reason)`` for each required package that cannot be imported."""
    problems = []
    for name in REQUIRED:
        try:
            importlib.import_module(name)
        except Exception as err:  # noqa: BLE001 - OSError (DLL load), ImportError, RuntimeError all mean "broken"
            problems.append((name, f"{type(err).__name__}: {err}"))
    return problems


def install_instructions(packages: list[str] | None = None) -> str:
    """How to install the packages for the Python QGIS runs, on each platform."""
    names = " ".join(packages or REQUIRED)
    python = sys.executable or "python3"
    return (
        "Install them from QGIS with Raster > RemoteNet > Install PyTorch and dependencies… (or, without the "
        "window, `python -m remotenet install` run from the QGIS profile's python/plugins folder), or by hand.\n"
        f"By hand, for the Python that QGIS uses ({python}, version {sys.version.split()[0]}), then restart QGIS:\n"
        f"  Linux:   python3 -m pip install --user {names}\n"
        f"  macOS:   /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --user {names}\n"
        f"  Windows: in the OSGeo4W Shell: python -m pip install {names}\n"
        "On Windows, torch 2.9 and newer fail to load after Qt (c10.dll, WinError 1114): "
        "install torch<2.9 there (for example: python -m pip install \"torch<2.9\" timm safetensors)."
    )


def dependency_error() -> str | None:
    """A user-facing message when torch/timm/safetensors are missing or broken, else None."""
    problems = missing_dependencies()
    if not problems:
        return None
    lines = [f"  {name}: {reason}" for name, reason in problems]
    return (
        "RemoteNet needs the Python packages " + ", ".join(REQUIRED) + "; these cannot be imported:\n"
        + "\n".join(lines) + "\n" + install_instructions([name for name, _ in problems])
    )


def configure_torch_threads(max_threads: int | None = None) -> bool:
    """Apply torch's thread settings once per process; True only on the call that applied them.

    ``max_threads`` <= 0 or None keeps torch's own default for intra-op threads.
    """
    global _threads_configured
    with _threads_lock:
        if _threads_configured:
            return False
        _threads_configured = True
        import torch

        if max_threads and max_threads > 0:
            torch.set_num_threads(max(1, min(max_threads, os.cpu_count() or 1)))
        try:
            # One inter-op thread: Processing already runs us in its own worker thread.
            torch.set_num_interop_threads(1)
        except RuntimeError:
            pass  # torch already started parallel work (e.g. the engine ran from plain Python first)
        return True

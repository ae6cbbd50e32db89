"""Are torch, timm and safetensors there for the Python that runs QGIS? Importing them safely,
and torch's thread settings.

No qgis import here and no torch import at module import time: the provider imports this
module while QGIS starts, and a missing or broken torch must never show a traceback then.
Two levels of checking, for the two threads an algorithm runs on:

- ``missing_dependencies`` only looks for the packages (importlib's finder, no import): cheap
  enough for QGIS's GUI thread, where the dialog checks parameters;
- ``import_dependencies`` imports them, on the worker thread that runs the algorithm, after
  ``block_triton`` has made that safe inside QGIS desktop.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading

from ..model.messages import QT_TRANSLATE_NOOP, Message

REQUIRED = ("torch", "timm", "safetensors")

_threads_lock = threading.Lock()
_threads_configured = False  # torch refuses set_num_interop_threads a second time in one process


def block_triton() -> bool:
    """Make ``import triton`` fail (ImportError) in this process; True when this call did it.

    pip's Linux build of torch ships triton, and timm imports torch._dynamo, which imports it.
    triton's bundled LLVM aborts the whole process in its static initialisers when Mesa's
    libLLVM is already loaded, which QGIS desktop does on software OpenGL (Xvfb, VMs, remote
    desktops) and on AMD's Mesa drivers. RemoteNet never compiles kernels (no torch.compile),
    and torch treats a failed triton import as "triton is not installed". A ``None`` entry in
    sys.modules is Python's documented way to make an import fail. Too late only when triton
    was imported already, and then it did not crash.
    """
    if "triton" in sys.modules:
        return False
    sys.modules["triton"] = None  # type: ignore[assignment]
    return True


def missing_dependencies() -> list[tuple[str, str]]:
    """``(package, reason)`` for each required package that is not installed; imports nothing."""
    problems = []
    for name in REQUIRED:
        try:  # find_spec says None for a blocked import (sys.modules[name] = None) too
            found = importlib.util.find_spec(name) is not None
        except ValueError:  # imported already, without a __spec__: it is there
            found = sys.modules.get(name) is not None
        if not found:
            problems.append((name, "not installed"))
    return problems


def import_dependencies() -> Message | None:
    """Import torch, timm and safetensors (triton blocked first); the user's message when that fails."""
    block_triton()
    problems = []
    for name in REQUIRED:
        try:
            importlib.import_module(name)
        except Exception as err:  # noqa: BLE001 - OSError (DLL load), ImportError, RuntimeError all mean "broken"
            problems.append((name, f"{type(err).__name__}: {err}"))
    return _problems_message(problems)


def install_instructions(packages: list[str] | None = None) -> Message:
    """How to install the packages for the Python QGIS runs, on each platform."""
    names = " ".join(packages or REQUIRED)
    python = sys.executable or "python3"
    return QT_TRANSLATE_NOOP(
        "RemoteNet",
        "Install them from QGIS with Raster > RemoteNet > Install PyTorch and dependencies… (or, without the "
        "window, `python -m remotenet install` run from the QGIS profile's python/plugins folder), or by hand.\n"
        "By hand, for the Python that QGIS uses ({python}, version {version}), then restart QGIS:\n"
        "  Linux:   python3 -m pip install --user --break-system-packages {names}\n"
        "           (Debian 12+ and Ubuntu 23.04+ refuse --user without that option; pip is python3-pip there)\n"
        "  macOS:   /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --user {names}\n"
        "  Windows: in the OSGeo4W Shell: python -m pip install {names}\n"
        "On Windows, torch 2.9 and newer fail to load after Qt (c10.dll, WinError 1114): "
        "install torch<2.9 there (for example: python -m pip install \"torch<2.9\" timm safetensors)."
    ).format(python=python, version=sys.version.split()[0], names=names)


def dependency_error() -> Message | None:
    """A user-facing message when torch/timm/safetensors are not installed, else None (no import)."""
    return _problems_message(missing_dependencies())


def _problems_message(problems: list[tuple[str, str]]) -> Message | None:
    if not problems:
        return None
    lines = [f"  {name}: {reason}" for name, reason in problems]
    return QT_TRANSLATE_NOOP(
        "RemoteNet", "RemoteNet needs the Python packages {packages}; these cannot be imported:\n{problems}\n"
        "{instructions}").format(packages=", ".join(REQUIRED), problems="\n".join(lines),
                                 instructions=install_instructions([name for name, _ in problems]))


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

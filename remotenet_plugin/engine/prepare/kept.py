"""Prepared networks kept in the process between segment runs.

Loading the model file, building the network and compiling OpenVINO's network from its disk cache
cost about 0.6 s a run on 2 cores: a batch of 200 small rasters paid it 200 times. A successful run
leaves its network and runner here; the next run with the same model file and the same asked device,
precision, runtime, batch size, TTA and cache folder takes them instead of preparing again. The file
is recognised by its content hash (which every run computes for its provenance tags anyway): a model
rewritten in place is never mistaken for the old one.

The policy:

- at most ``MAX_KEPT`` (2) prepared networks and at most ``REMOTENET_KEEP_MB`` (default 1,024) MB by
  their estimate (weights as loaded plus the compiled network); the least recently used goes first;
- released after ``REMOTENET_KEEP_SECONDS`` (default 300) without a run; 0 keeps nothing;
- released when the QGIS plugin unloads (``plugin.py``) and by :func:`release`;
- a run takes its entry out while it runs, so two runs at once never share a runner (the second
  prepares its own); a failed or cancelled run does not put its entry back;
- in-memory models (a ``(module, header)`` pair) are not kept: their caller holds them already;
- OpenVINO compiles one static input shape: an entry holds up to ``MAX_SHAPES`` (3) runners, one per
  shape (the model's tiles of a large raster, one tile of a small one), each counted in the estimate.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Optional

MAX_KEPT = 2
MAX_SHAPES = 3  # OpenVINO runners per kept network, one per static input shape (tiled runs, one-tile runs)
KEEP_SECONDS_ENV = "REMOTENET_KEEP_SECONDS"
KEEP_MB_ENV = "REMOTENET_KEEP_MB"
DEFAULT_KEEP_SECONDS = 300.0
DEFAULT_KEEP_MB = 1024.0
_RUNTIME_ENV = "REMOTENET_RUNTIME"  # infer/runtimes.py: what runtime Auto means where set


@dataclass
class Prepared:
    """A loaded network and its runner, as a finished run left them."""

    net: Any
    meta: dict
    model_ref: Any  # plan.ModelRef
    compute: Any  # plan.Compute the runner was made for (precision as chosen, before an int8 fallback)
    shape: tuple  # (batch, bands, tile height, tile width) the runner was made for (plan.network_input)
    predictor: Any
    runtime_name: str
    megabytes: float
    # OpenVINO compiles a static shape: runners for other shapes, {shape: (predictor, runtime_name)}, oldest
    # first, at most MAX_SHAPES - 1 (a batch of rasters of one size after a large one keeps both)
    spare: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


_lock = threading.Lock()
_entries: OrderedDict[tuple, Prepared] = OrderedDict()
_timer: Optional[threading.Timer] = None
# Counters for tests and the bench: networks prepared afresh, taken from here, released.
stats = {"prepared": 0, "reused": 0, "released": 0}


def keep_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(KEEP_SECONDS_ENV, DEFAULT_KEEP_SECONDS)))
    except ValueError:
        return DEFAULT_KEEP_SECONDS


def budget_mb() -> float:
    try:
        return max(0.0, float(os.environ.get(KEEP_MB_ENV, DEFAULT_KEEP_MB)))
    except ValueError:
        return DEFAULT_KEEP_MB


def key_for(model_path: Optional[str], digest: Optional[str], device: str, precision: str, runtime: str,
            batch_size: int, tta: bool, cache_dir: Optional[str]) -> Optional[tuple]:
    """What a kept network must match: the model file (its content hash, computed once by the run) and
    the options that shape the runner; None when nothing may be kept (an in-memory model, keeping
    switched off)."""
    if model_path is None or digest is None or keep_seconds() <= 0:
        return None
    return (os.path.realpath(model_path), digest, (device or "auto").lower(),
            (precision or "auto").lower(), (runtime or "auto").lower(), os.environ.get(_RUNTIME_ENV, ""),
            int(batch_size), bool(tta), cache_dir or "")


def take(key: Optional[tuple]) -> Optional[Prepared]:
    """The kept network for ``key``, taken out (the run puts it back when it succeeded), or None."""
    if key is None:
        return None
    with _lock:
        entry = _entries.pop(key, None)
        if entry is not None:
            stats["reused"] += 1
        return entry


def put(key: Optional[tuple], entry: Prepared) -> None:
    """Keep ``entry`` for the next run; the oldest go when over MAX_KEPT or the memory budget."""
    global _timer
    if key is None or keep_seconds() <= 0:
        return
    with _lock:
        _entries.pop(key, None)
        _entries[key] = entry
        while _entries and (len(_entries) > MAX_KEPT or sum(e.megabytes for e in _entries.values()) > budget_mb()):
            _entries.popitem(last=False)
            stats["released"] += 1
        if _timer is not None:
            _timer.cancel()
        _timer = threading.Timer(keep_seconds(), release)
        _timer.daemon = True  # never keeps a process alive
        _timer.start()


def release() -> int:
    """Drop every kept network (idle timeout, plugin unload); returns how many were kept."""
    global _timer
    with _lock:
        n = len(_entries)
        cuda = any(str(getattr(e.compute, "device", "")).startswith("cuda") for e in _entries.values())
        _entries.clear()
        stats["released"] += n
        if _timer is not None:
            _timer.cancel()
            _timer = None
    if cuda:
        import torch

        torch.cuda.empty_cache()
    return n


def kept_count() -> int:
    with _lock:
        return len(_entries)


def estimate_mb(net: Any, precision: str, runtime: str, runners: int = 1) -> float:
    """Weights as loaded (float32 in PyTorch) plus each compiled network (OpenVINO: its weights at the
    precision it runs) and about 100 MB of runtime buffers for each of the ``runners``."""
    try:
        from ..infer.torch_runtime import parameter_count  # remembered per module

        params = parameter_count(net)
    except (AttributeError, TypeError):
        params = 0
    compiled = {"int8": 1, "bf16": 2, "fp16": 2}.get(precision, 4) if runtime == "openvino" else 0
    return params * (4 + compiled * runners) / 1e6 + 100.0 * runners

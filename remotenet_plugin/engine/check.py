"""Cheap validation before any work or model loading."""
from __future__ import annotations

import os
from typing import Any

from .inference import pick_device, pick_precision
from .options import EngineError, SegmentOptions
from .runtimes import check_runtime
from .source import choose_bands, open_raster, resolve_window

MIN_TILE = 32
# Measured by scripts/overlap_study.py (docs/overlap_study.png): with the demo model, tile borders
# change classes up to about 48 px inward (more than twice as often as inside the tile); beyond
# that they differ no more than the tile's interior does. So the default overlap is 48 px, and a
# quarter of the tile for tiles under 192 px. Overlap costs network time: (tile / (tile - overlap))^2.
DEFAULT_OVERLAP_PX = 48


def effective_tiling(meta: dict[str, Any], options: SegmentOptions) -> tuple[int, int]:
    """(tile_size, overlap) after defaults, validated."""
    tile = options.tile_size if options.tile_size is not None else meta.get("tile_size", 512)
    try:
        tile = int(tile)
    except (TypeError, ValueError):
        raise EngineError(f"tile_size {options.tile_size!r} must be an integer of at least {MIN_TILE}") from None
    if tile < MIN_TILE:
        raise EngineError(f"tile_size {tile} is too small: it must be at least {MIN_TILE} pixels")
    overlap = options.overlap if options.overlap is not None else min(DEFAULT_OVERLAP_PX, tile // 4)
    overlap = int(overlap)
    if overlap < 0:
        raise EngineError(f"overlap {overlap} must not be negative")
    if overlap * 2 >= tile:
        raise EngineError(f"overlap {overlap} must be less than half the tile size ({tile} / 2)")
    return tile, overlap


def _writable_dir(path: str, what: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise EngineError(f"{what} {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise EngineError(f"{what} {path}: the folder {folder} is not writable; choose another place")


def check_inputs(source: str, meta: dict, options: SegmentOptions, output_raster: str | None = None) -> None:
    """Raise EngineError naming the first problem; opens the source but reads no pixels."""
    ds = open_raster(source)
    choose_bands(ds, meta, options.bands)
    effective_tiling(meta, options)
    if not isinstance(options.batch_size, int) or options.batch_size < 1:
        raise EngineError(f"batch_size {options.batch_size!r} must be an integer of at least 1")
    resolve_window(ds, options.window, options.extent)
    device = pick_device(options.device)
    pick_precision(options.precision, device)
    check_runtime(options.runtime, device)
    if options.blend not in ("smooth", "crop"):
        raise EngineError(f"blend {options.blend!r} is not one of 'smooth', 'crop'")
    if options.confidence_type not in ("float32", "uint8"):
        raise EngineError(f"confidence_type {options.confidence_type!r} is not one of 'float32', 'uint8'")
    if options.min_area < 0 or options.simplify < 0:
        raise EngineError("min_area and simplify must not be negative")
    outputs = [("output raster", output_raster), ("confidence output", options.output_confidence),
               ("vector output", options.output_vector)]
    given = [(what, p) for what, p in outputs if p]
    for what, path in given:
        _writable_dir(str(path), what)
    paths = [os.path.abspath(str(p)) for _w, p in given]
    if len(set(paths)) != len(paths):
        raise EngineError("the outputs must be different files")
    if os.path.abspath(source) in paths:
        raise EngineError("an output would overwrite the source raster; choose another output name")

"""The one judge of a segment run's inputs: cheap checks before any work or model loading.

GDAL only, no torch: QGIS runs this on its GUI thread when the user presses Run. Whether a
CUDA device exists is known only once torch is loaded, so segment() checks that when it picks
the device. Each error names the option at fault (EngineError.field); front ends translate
it to their own parameter names. docs/architecture.md says where every rule lives.
"""
from __future__ import annotations

import importlib.util
import os
from typing import Any, Optional

from .options import DEVICES, MIN_TILE, OPENVINO_MISSING, PRECISIONS, RUNTIMES, EngineError, SegmentOptions
from .source import choose_bands, open_raster, resolve_window

RASTER_EXTENSIONS = (".tif", ".tiff")
VECTOR_EXTENSIONS = (".gpkg",)
MAX_BATCH = 4096  # tiles per network call; more only exhausts memory
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
        raise EngineError(f"{options.tile_size!r} must be a whole number of at least {MIN_TILE} pixels",
                          "tile_size") from None
    if tile < MIN_TILE:
        raise EngineError(f"{tile} is too small; use at least {MIN_TILE} pixels", "tile_size")
    overlap = int(options.overlap) if options.overlap is not None else min(DEFAULT_OVERLAP_PX, tile // 4)
    if overlap < 0 or 2 * overlap >= tile:
        raise EngineError(f"{overlap} must be at least 0 and less than half the tile size ({tile} px): "
                          f"use at most {(tile - 1) // 2}", "overlap")
    return tile, overlap


def _check_choices(options: SegmentOptions) -> None:
    if not isinstance(options.batch_size, int) or not 1 <= options.batch_size <= MAX_BATCH:
        raise EngineError(f"{options.batch_size!r} must be a whole number from 1 to {MAX_BATCH} tiles",
                          "batch_size")
    device = (options.device or "auto").lower()
    if device not in DEVICES and not device.startswith("cuda:"):
        raise EngineError(f"{options.device!r} is not one of {', '.join(DEVICES)}", "device")
    precision = (options.precision or "auto").lower()
    if precision not in PRECISIONS:
        raise EngineError(f"{options.precision!r} is not one of {', '.join(PRECISIONS)}", "precision")
    if device == "cpu" and precision == "fp16":
        raise EngineError("'fp16' needs a CUDA GPU; on the CPU use 'bf16' or 'fp32'", "precision")
    runtime = (options.runtime or "auto").lower()
    if runtime not in RUNTIMES:
        raise EngineError(f"{options.runtime!r} is not one of {', '.join(RUNTIMES)}", "runtime")
    if runtime == "openvino":
        if device.startswith("cuda"):
            raise EngineError(f"'openvino' runs on the CPU only, not {device}; choose the device CPU or the "
                              "runtime Auto", "runtime")
        if importlib.util.find_spec("openvino") is None:
            raise EngineError(OPENVINO_MISSING, "runtime")
    if options.blend not in ("smooth", "crop"):
        raise EngineError(f"{options.blend!r} is not one of 'smooth', 'crop'", "blend")
    if options.confidence_type not in ("float32", "uint8"):
        raise EngineError(f"{options.confidence_type!r} is not one of 'float32', 'uint8'", "confidence_type")
    if options.min_area < 0:
        raise EngineError(f"{options.min_area} must be 0 or more square metres", "min_area")
    if options.simplify < 0:
        raise EngineError(f"{options.simplify} must be 0 or more map units", "simplify")


def _check_outputs(source: str, outputs: dict[str, Optional[str]]) -> None:
    """Each output: the right format, a writable folder, not the source, not another output."""
    kinds = {"output_raster": (RASTER_EXTENSIONS, "GeoTIFF"), "output_confidence": (RASTER_EXTENSIONS, "GeoTIFF"),
             "output_vector": (VECTOR_EXTENSIONS, "GeoPackage")}
    seen: dict[str, str] = {}
    for field, path in outputs.items():
        if not path:
            continue
        extensions, what = kinds[field]
        if not str(path).lower().endswith(extensions):
            raise EngineError(f"{path} is not a {what} file name; RemoteNet writes {what} "
                              f"({' or '.join(extensions)}): change the file name's extension", field)
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise EngineError(f"{path}: the folder {folder} does not exist; create it or choose another", field)
        if not os.access(folder, os.W_OK):
            raise EngineError(f"{path}: the folder {folder} is not writable; choose another place", field)
        full = os.path.abspath(path)
        if full == os.path.abspath(source):
            raise EngineError(f"{path} is the input raster; choose another file name so the input is kept",
                              field)
        if full in seen:
            raise EngineError(f"{path} is also the {seen[full]}; give each output its own file", field)
        seen[full] = field.replace("_", " ")


def check_inputs(source: str, meta: Optional[dict], options: SegmentOptions,
                 output_raster: Optional[str] = None) -> None:
    """Raise EngineError naming the first problem; opens the source but reads no pixels.

    ``meta`` None (a PyTorch checkpoint, whose header needs torch) skips the checks against the
    model; segment() repeats them once the model is loaded.
    """
    ds = open_raster(source)
    if meta is not None:
        choose_bands(ds, meta, options.bands)
        effective_tiling(meta, options)
    _check_choices(options)
    resolve_window(ds, options.window, options.extent)
    _check_outputs(source, {"output_raster": output_raster, "output_confidence": options.output_confidence,
                            "output_vector": options.output_vector})
    ds = None

"""The one judge of a segment run's inputs: cheap checks before any work or model loading.

GDAL only, no torch: QGIS runs this on its GUI thread when the user presses Run. Whether a
CUDA device exists is known only once torch is loaded, so segment() checks that when it picks
the device. Each error names the option at fault (EngineError.field); front ends translate
it to their own parameter names. docs/architecture.md says where every rule lives.
"""
from __future__ import annotations

import importlib.util
import math
import os
from typing import Any, Callable, Optional
from xml.etree import ElementTree

from osgeo import gdal

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.gdal_errors import with_gdal_return_codes
from ..base.options import (
    DEFAULT_CHUNK_PX,
    DEVICES,
    MIN_TILE,
    NNCF_MISSING,
    OPENVINO_MISSING,
    PRECISIONS,
    RUNTIMES,
    EngineError,
    SegmentOptions,
)
from ..read.mask import check_mask
from ..read.resample import parse_resolution, resolve_resolution
from ..read.source import choose_bands, open_raster, resolve_window

RASTER_EXTENSIONS = (".tif", ".tiff")
VECTOR_EXTENSIONS = (".gpkg",)
MAX_BATCH = 4096  # tiles per network call; more only exhausts memory
# Measured by scripts/overlap_study.py (docs/overlap_study.png): with the demo model, tile borders
# change classes up to about 48 px inward (more than twice as often as inside the tile); beyond
# that they differ no more than the tile's interior does. So the default overlap is 48 px, and a
# quarter of the tile for tiles under 192 px. Overlap costs network time: (tile / (tile - overlap))^2.
DEFAULT_OVERLAP_PX = 48

DASK_MISSING = QT_TRANSLATE_NOOP(
    "RemoteNet", "a Dask scheduler was given but dask.distributed is not installed in this Python; install it with "
    "`pip install \"dask[distributed]\"`, or leave the scheduler empty to run in this process")
SCHEMES = ("tcp://", "tls://")


def scheduler_address(address: str) -> str:
    """``host:port`` means tcp://host:port; other schemes are refused with the two that work."""
    address = address.strip()
    if "://" not in address:
        address = "tcp://" + address
    if not address.startswith(SCHEMES):
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{address} is not a Dask scheduler address; give tcp://host:port or tls://host:port").format(
            address=address),
                          "scheduler")
    host_port = address.split("://", 1)[1]
    if not host_port or ":" not in host_port or not host_port.rsplit(":", 1)[1].isdigit():
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{address} has no port; give tcp://host:port (a Dask scheduler listens on 8786 unless told "
            "otherwise)").format(address=address), "scheduler")
    return address


def effective_tiling(meta: dict[str, Any], tile_size: Optional[Any], overlap: Optional[Any]) -> tuple[int, int]:
    """(tile_size, overlap) after defaults (the header's tile size; the measured overlap), validated."""
    tile = tile_size if tile_size is not None else meta.get("tile_size", 512)
    try:
        tile = int(tile)
    except (TypeError, ValueError):
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{tile_size!r} must be a whole number of at least {min_tile} pixels").format(
            tile_size=tile_size, min_tile=MIN_TILE),
                          "tile_size") from None
    if tile < MIN_TILE:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{tile} is too small; use at least {min_tile} pixels").format(
            tile=tile, min_tile=MIN_TILE), "tile_size")
    overlap = int(overlap) if overlap is not None else min(DEFAULT_OVERLAP_PX, tile // 4)
    if overlap < 0 or 2 * overlap >= tile:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{overlap} must be at least 0 and less than half the tile size ({tile} px): use at most "
            "{value}").format(overlap=overlap, tile=tile, value=(tile - 1) // 2), "overlap")
    return tile, overlap


def _check_choices(options: SegmentOptions) -> None:
    if not isinstance(options.batch_size, int) or not 1 <= options.batch_size <= MAX_BATCH:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{batch_size!r} must be a whole number from 1 to {max_batch} tiles").format(
            batch_size=options.batch_size, max_batch=MAX_BATCH),
                          "batch_size")
    device = (options.device or "auto").lower()
    if device not in DEVICES and not device.startswith("cuda:"):
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{device!r} is not one of {devices}").format(
            device=options.device, devices=', '.join(DEVICES)), "device")
    precision = (options.precision or "auto").lower()
    if precision not in PRECISIONS:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{precision!r} is not one of {precisions}").format(
            precision=options.precision, precisions=', '.join(PRECISIONS)), "precision")
    if device == "cpu" and precision == "fp16":
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "'fp16' needs a CUDA GPU; on the CPU use 'bf16' or 'fp32'"), "precision")
    runtime = (options.runtime or "auto").lower()
    if runtime not in RUNTIMES:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{runtime!r} is not one of {runtimes}").format(
            runtime=options.runtime, runtimes=', '.join(RUNTIMES)), "runtime")
    if runtime == "openvino":
        if device.startswith("cuda"):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "'openvino' runs on the CPU only, not {device}; choose the device CPU or the runtime "
                "Auto").format(device=device), "runtime")
        if importlib.util.find_spec("openvino") is None:
            raise EngineError(OPENVINO_MISSING, "runtime")
    if precision == "int8":  # post-training quantisation with NNCF, run by OpenVINO: the CPU only
        if device.startswith("cuda"):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "'int8' runs with OpenVINO on the CPU only, not {device}; on a GPU use Auto, fp16 or "
                "bf16").format(device=device), "precision")
        if runtime == "torch":
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "'int8' runs with OpenVINO, not PyTorch; choose the runtime Auto or OpenVINO"),
                "precision")
        if importlib.util.find_spec("openvino") is None:
            raise EngineError(OPENVINO_MISSING, "runtime")
        if importlib.util.find_spec("nncf") is None:
            raise EngineError(NNCF_MISSING, "precision")
    if options.blend not in ("smooth", "crop"):
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{blend!r} is not one of 'smooth', 'crop'").format(blend=options.blend), "blend")
    if options.confidence_type not in ("float32", "uint8"):
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{confidence_type!r} is not one of 'float32', 'uint8'").format(
            confidence_type=options.confidence_type), "confidence_type")
    if options.min_area < 0:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{min_area} must be 0 or more square metres").format(min_area=options.min_area), "min_area")
    if options.simplify < 0:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{simplify} must be 0 or more map units").format(simplify=options.simplify), "simplify")
    _check_scale(options)


def _check_scale(options: SegmentOptions) -> None:
    """Chunk size and the Dask scheduler (its address and TLS files; reaching it is the run's job)."""
    if isinstance(options.chunk_size, bool) or not isinstance(options.chunk_size, int) or \
            options.chunk_size < MIN_TILE:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{chunk_size!r} must be a whole number of at least {min_tile} pixels (default "
            "{default_chunk_px})").format(
            chunk_size=options.chunk_size, min_tile=MIN_TILE, default_chunk_px=DEFAULT_CHUNK_PX), "chunk_size")
    if not options.scheduler:
        return
    scheduler_address(options.scheduler)
    if importlib.util.find_spec("distributed") is None:
        raise EngineError(DASK_MISSING, "scheduler")
    for name, path in (options.scheduler_tls or {}).items():
        if path and not os.path.isfile(path):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the TLS file {path} ({name}) does not exist; give the files of the certificates made "
                "for this cluster").format(path=path, name=name), "scheduler_tls")


def _check_outputs(source: str, outputs: dict[str, Optional[str]]) -> None:
    """Each output: the right format, a writable folder, not the source, not another output."""
    kinds = {"output_raster": (RASTER_EXTENSIONS, "GeoTIFF"), "output_confidence": (RASTER_EXTENSIONS, "GeoTIFF"),
             "output_vector": (VECTOR_EXTENSIONS, "GeoPackage")}
    seen: dict[str, str] = {}
    for field, path in outputs.items():
        if not path:
            continue
        extensions, what = kinds[field]
        # Same-file clashes first: "give each output its own file" is the fix whatever the extension.
        full = os.path.abspath(path)
        if full == os.path.abspath(source):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path} is the input raster; choose another file name so the input is kept").format(
                path=path), field)
        if full in seen:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path} is also the {seen}; give each output its own file").format(
                path=path, seen=seen[full]), field)
        seen[full] = field.replace("_", " ")
        if not str(path).lower().endswith(extensions):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path} is not a {what} file name; RemoteNet writes {what} ({extensions}): change the "
                "file name's extension").format(path=path, what=what, extensions=' or '.join(extensions)), field)
        folder = os.path.dirname(full)
        if not os.path.isdir(folder):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: the folder {folder} does not exist; create it or choose another").format(
                path=path, folder=folder), field)
        if not os.access(folder, os.W_OK):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: the folder {folder} is not writable; choose another place").format(
                path=path, folder=folder), field)


@with_gdal_return_codes
def check_inputs(source: str, meta: Optional[dict], options: SegmentOptions,
                 output_raster: Optional[str] = None) -> None:
    """Raise EngineError naming the first problem; opens the source but reads no pixels.

    ``meta`` None (a PyTorch checkpoint, whose header needs torch) skips the checks against the
    model; segment() repeats them once the model is loaded.
    """
    ds = open_raster(source)
    _check_source_files(ds, source)
    if meta is not None:
        choose_bands(ds, meta, options.bands)
        effective_tiling(meta, options.tile_size, options.overlap)
    _check_band_list(options.bands)
    _check_choices(options)
    _check_extent_size(ds, options.extent)
    window = resolve_window(ds, options.window, options.extent)
    if meta is not None:
        resolve_resolution(ds, window, meta, options.resolution, options.resampling)
    else:
        parse_resolution(options.resolution)
    _check_outputs(source, {"output_raster": output_raster, "output_confidence": options.output_confidence,
                            "output_vector": options.output_vector})
    if options.mask:
        if options.output_vector and os.path.abspath(options.output_vector) == os.path.abspath(options.mask):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path} is the mask layer; choose another file name so the mask is kept").format(
                path=options.output_vector), "output_vector")
        check_mask(options.mask, ds, window)
    ds = None


def _check_source_files(ds: gdal.Dataset, source: str) -> None:
    """A VRT opens even when a file it reads is gone (GDAL then leaves it out of GetFileList); the
    run would fail at the first tile that needs it. Refuse it up front, naming the missing file."""
    if ds.GetDriver().ShortName != "VRT":
        return
    xml = (ds.GetMetadata("xml:VRT") or [""])[0]
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return  # GDAL read it; what it reads is checked when it is read
    folder = os.path.dirname(os.path.abspath(source))
    for element in root.iter("SourceFilename"):
        name = (element.text or "").strip()
        if not name or name.startswith("/vsi") or ":" in name.split("/")[0]:
            continue  # virtual file systems and driver prefixes (NETCDF:...) are not plain files
        path = os.path.join(folder, name) if element.get("relativeToVRT") == "1" else name
        if not os.path.exists(path):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{source} refers to {path}, which does not exist; restore that file or rebuild the "
                "virtual raster").format(source=source, path=path), "source")


def _check_band_list(bands: Optional[Any]) -> None:
    if bands is None:
        return
    chosen = [int(b) for b in bands]
    repeated = sorted({b for b in chosen if chosen.count(b) > 1})
    if repeated:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "band {repeated} is chosen more than once ({chosen}); choose each band once, in the order "
            "the model takes them").format(repeated=', '.join(map(str, repeated)), chosen=chosen), "bands")


def _check_extent_size(ds: gdal.Dataset, extent: Optional[Any]) -> None:
    """An extent narrower than a pixel is a mistake (often degrees given for a raster in metres)."""
    if extent is None or len(extent) != 4:
        return  # resolve_window says what is wrong with its shape
    gt = ds.GetGeoTransform(can_return_null=True)
    if gt is None:
        return
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    pixel_w, pixel_h = math.hypot(gt[1], gt[4]), math.hypot(gt[2], gt[5])
    if 0 <= xmax - xmin < pixel_w or 0 <= ymax - ymin < pixel_h:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{extent} is {value:g} x {value2:g} map units, smaller than one pixel ({pixel_w:g} x "
            "{pixel_h:g}); give an extent of at least one pixel in the raster's CRS").format(
            extent=tuple(extent), value=xmax - xmin, value2=ymax - ymin, pixel_w=pixel_w, pixel_h=pixel_h),
                          "extent")


def describe_assumptions(ds: gdal.Dataset, bands: list[int], window: tuple[int, int, int, int],
                         tile_size: int, log: Callable[[str], None]) -> None:
    """Say in the log what a valid but unusual raster made the run assume."""
    gt = ds.GetGeoTransform(can_return_null=True)
    if gt is None:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster has no georeferencing: the outputs have none either (pixel coordinates), and "
            "polygon areas are in square pixels"))
    elif gt[2] != 0 or gt[4] != 0:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster's geotransform is rotated or sheared: it is classified in pixel space and the "
            "outputs keep the same rotated geotransform"))
    if not ds.GetProjection():
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster has no CRS: the outputs have no CRS either, and polygon areas are in map units "
            "squared"))
    types = {ds.GetRasterBand(b).DataType for b in bands}
    if types & {gdal.GDT_Float32, gdal.GDT_Float64}:
        log(QT_TRANSLATE_NOOP("RemoteNet", "floating-point bands: NaN and +-inf pixels are treated as nodata"))
    if types & {gdal.GDT_Int16, gdal.GDT_Int32}:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "signed integer bands: negative values are scaled like any other with the model header's "
            "offset and scale"))
    if any(ds.GetRasterBand(b).GetColorTable() is not None for b in bands):
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster has a colour table: the model is fed the palette indices, not the colours; "
            "expand it to RGB first (gdal_translate -expand rgb) if the model was trained on colour imagery"))
    width, height = window[2], window[3]
    if width == 1 or height == 1:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster is {width} x {height} pixels, 1 pixel thin: tiles are 1 pixel thin too").format(
            width=width, height=height))
    if tile_size > width or tile_size > height:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "the tile size {tile_size} is larger than the processed area ({width} x {height}): tiles "
            "are cut to {tile_size2} x {tile_size3} pixels").format(
            tile_size=tile_size, width=width, height=height, tile_size2=min(tile_size, width),
            tile_size3=min(tile_size, height)))

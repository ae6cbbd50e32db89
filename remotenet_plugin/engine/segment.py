"""segment(): a raster in, a classified GeoTIFF (plus optional confidence and polygons) out."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import queue
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Union

import numpy as np
import torch
from osgeo import gdal

from ...model import ModelFileError, load_model, read_metadata
from ...model.metadata import NO_CLASS
from .blend import NON_FINITE, RowBlender
from .blend_torch import TorchRowBlender
from .check import check_inputs, describe_assumptions, effective_tiling
from .files import OutputFiles
from .inference import Predictor, describe_device, pick_device, pick_precision
from .options import ENGINE_VERSION, EngineError, SegmentCancelled, SegmentOptions, SegmentResult
from .pipeline import Batch, BatchReader, BlendThread, Done
from .polygons import polygonise
from .qml import paletted_qml, qml_path_for, write_text_atomic
from .runtimes import pick_runtime
from .source import Normaliser, TileReader, choose_bands, open_raster, resolve_window, window_geotransform
from .tiling import TileGrid
from .writer import CONF_NODATA, RowWriter, create_geotiff, style_classes

ModelArg = Union[str, os.PathLike, tuple[torch.nn.Module, dict]]


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _model_header(model: ModelArg) -> tuple[dict, Optional[str]]:
    if isinstance(model, tuple):
        if len(model) != 2 or not isinstance(model[0], torch.nn.Module) or not isinstance(model[1], dict):
            raise EngineError("model must be a model file path or a (torch module, header dict) pair")
        return model[1], None
    path = os.fspath(model)
    try:
        return read_metadata(path), path
    except ModelFileError as err:
        raise EngineError(str(err), "model") from err


@dataclass
class _Run:
    """What a segment run decided before it reads a pixel."""

    source: str
    ds: gdal.Dataset
    bands: list[int]
    window: tuple[int, int, int, int]
    tile_size: int
    overlap: int
    device: torch.device
    device_name: str
    net: torch.nn.Module
    meta: dict
    model_name: str
    model_hash: str
    precision: str
    runtime: str
    runtime_name: str
    grid: TileGrid
    predictor: Any
    normaliser: Normaliser
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def classes(self) -> list[dict]:
        return list(self.meta["classes"])


def segment(source: str, model: ModelArg, output_raster: str, options: Optional[SegmentOptions] = None,
            progress: Optional[Callable[[float, str], None]] = None,
            is_cancelled: Optional[Callable[[], bool]] = None,
            log: Optional[Callable[[str], None]] = None) -> SegmentResult:
    """Classify ``source`` with ``model``; the steps are in docs/architecture.md.

    Check, load and plan (``_prepare``); run the tiles through the network and blend them into
    rows of the output GeoTIFFs (``_classify``); polygonise; then move every file into place at
    once. Nothing carries a final output name until the whole run succeeded; on cancel
    (SegmentCancelled) or failure every temporary is removed.
    """
    t_start = time.perf_counter()
    options = options or SegmentOptions()
    log = log or (lambda _msg: None)
    progress = progress or (lambda _pct, _msg: None)
    cancelled = is_cancelled or (lambda: False)
    source, output_raster = os.fspath(source), os.fspath(output_raster)

    run = _prepare(source, model, output_raster, options, log)
    files = OutputFiles()
    tmp_raster = files.temp_for(output_raster)
    tmp_conf = files.temp_for(options.output_confidence) if options.output_confidence else None
    tmp_vector = files.temp_for(options.output_vector) if options.output_vector else None
    tmp_qml = files.temp_for(qml_path_for(output_raster))
    tile_share = 85.0 if options.output_vector else 97.0
    polygons, skipped = 0, 0
    try:
        skipped = _classify(run, tmp_raster, tmp_conf, options, tile_share, progress, cancelled, log)
        if tmp_vector:
            t0 = time.perf_counter()
            polygons = polygonise(
                tmp_raster, tmp_vector, options.vector_layer or Path(options.output_vector).stem, run.classes,
                min_area=options.min_area, simplify=options.simplify, confidence_path=tmp_conf,
                confidence_type=options.confidence_type,
                scratch=lambda tag, suffix: files.scratch_for(options.output_vector, tag, suffix),
                progress=lambda f: progress(tile_share + (99.0 - tile_share) * f, "polygons"),
                cancelled=cancelled, log=log)
            run.stages["polygonise"] = time.perf_counter() - t0
            log(f"{polygons} polygons written")
        write_text_atomic(tmp_qml, paletted_qml(run.classes))
        if cancelled():
            raise SegmentCancelled("segmentation cancelled; no output was kept")
        files.commit()
    except BaseException:
        files.discard()
        raise
    finally:
        run.ds = None
    run.stages["infer"] = run.predictor.seconds
    run.stages["total"] = time.perf_counter() - t_start
    progress(100.0, "done")
    return SegmentResult(
        output_raster=output_raster, output_vector=options.output_vector,
        output_confidence=options.output_confidence, device=run.device_name, precision=run.precision,
        tiles_total=len(run.grid), tiles_skipped_nodata=skipped, width=run.window[2], height=run.window[3],
        classes=run.classes, stage_seconds=run.stages, window=run.window, tile_size=run.tile_size,
        overlap=run.overlap, batch_size=run.predictor.batch_size, polygons=polygons,
        output_qml=qml_path_for(output_raster), runtime=run.runtime)


def _prepare(source: str, model: ModelArg, output_raster: str, options: SegmentOptions,
             log: Callable[[str], None]) -> _Run:
    """Check the inputs, load the model, choose device, precision and runtime, lay the tile grid."""
    meta, model_path = _model_header(model)
    check_inputs(source, meta, options, output_raster)
    ds = open_raster(source)
    bands = choose_bands(ds, meta, options.bands)
    window = resolve_window(ds, options.window, options.extent)
    tile_size, overlap = effective_tiling(meta, options)
    device = pick_device(options.device)
    if model_path is not None:
        try:
            net, meta = load_model(model_path)
        except ModelFileError as err:
            raise EngineError(str(err), "model") from err
        model_name, model_hash = Path(model_path).name, _sha256(model_path)
    else:
        net, model_name, model_hash = model[0], f"in-memory {type(model[0]).__name__}", ""
    precision = pick_precision(options.precision, device, net)
    runtime = pick_runtime(options.runtime, device, net)
    device_name = describe_device(device)
    grid = TileGrid(window[2], window[3], tile_size, overlap, options.blend)
    t0 = time.perf_counter()
    predictor, runtime_name = _make_predictor(runtime, net, model_hash, grid, len(bands), device, precision,
                                              options, log)
    stages = {"read": 0.0, "infer": 0.0, "blend": 0.0, "write": 0.0, "polygonise": 0.0, "wait_read": 0.0,
              "prepare_runtime": time.perf_counter() - t0}
    log(f"segmenting {source} window {window} with {model_name} on {device_name} ({runtime_name}, {precision}), "
        f"bands {bands}, tile {tile_size}, overlap {overlap}, batch {options.batch_size}, TTA {options.tta}")
    describe_assumptions(ds, bands, window, tile_size, log)
    return _Run(source=source, ds=ds, bands=bands, window=window, tile_size=tile_size, overlap=overlap,
                device=device, device_name=device_name, net=net, meta=meta, model_name=model_name,
                model_hash=model_hash, precision=precision, runtime=runtime, runtime_name=runtime_name, grid=grid,
                predictor=predictor, normaliser=Normaliser.from_meta(meta), stages=stages)


def _tags(run: _Run, options: SegmentOptions) -> dict[str, str]:
    """Provenance written into the output rasters' metadata."""
    return {
        "REMOTENET_VERSION": ENGINE_VERSION,
        "REMOTENET_MODEL": run.model_name,
        "REMOTENET_MODEL_SHA256": run.model_hash,
        "REMOTENET_DEVICE": run.device_name,
        "REMOTENET_PRECISION": run.precision,
        "REMOTENET_RUNTIME": run.runtime_name,
        "REMOTENET_TILE_SIZE": str(run.tile_size),
        "REMOTENET_OVERLAP": str(run.overlap),
        "REMOTENET_BLEND": options.blend,
        "REMOTENET_TTA": "yes" if options.tta else "no",
        "REMOTENET_SOURCE": os.path.basename(run.source),
        "REMOTENET_BANDS": ",".join(str(b) for b in run.bands),
        "REMOTENET_WINDOW": ",".join(str(v) for v in run.window),
        "REMOTENET_CLASSES": json.dumps([{"value": c["value"], "name": c["name"]} for c in run.classes]),
        "REMOTENET_CREATED": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }


def _create_outputs(run: _Run, tmp_raster: str, tmp_conf: Optional[str], options: SegmentOptions
                    ) -> tuple[gdal.Dataset, Optional[gdal.Dataset]]:
    """The class GeoTIFF (colour table, category names, tags) and the optional confidence GeoTIFF."""
    width, height = run.window[2], run.window[3]
    geotransform, projection = window_geotransform(run.ds, run.window), run.ds.GetProjection()
    tags = _tags(run, options)
    out_ds = create_geotiff(tmp_raster, width, height, gdal.GDT_Byte, geotransform, projection, NO_CLASS)
    out_ds.SetMetadata(tags)
    style_classes(out_ds.GetRasterBand(1), run.classes)
    conf_ds = None
    if tmp_conf:
        conf_type = options.confidence_type
        conf_ds = create_geotiff(tmp_conf, width, height, gdal.GDT_Float32 if conf_type == "float32" else gdal.GDT_Byte,
                                 geotransform, projection, CONF_NODATA[conf_type])
        conf_ds.SetMetadata({**tags, "REMOTENET_CONFIDENCE": "max class probability" +
                             (" (0..1)" if conf_type == "float32" else " in percent")})
    return out_ds, conf_ds


def _classify(run: _Run, tmp_raster: str, tmp_conf: Optional[str], options: SegmentOptions, tile_share: float,
              progress: Callable[[float, str], None], cancelled: Callable[[], bool],
              log: Callable[[str], None]) -> int:
    """Read tiles, run the network, blend, write rows; returns the number of tiles skipped as nodata."""
    stages, grid = run.stages, run.grid
    lut = np.array([int(c["value"]) for c in run.classes], dtype=np.uint8)
    out_ds = conf_ds = writer = batches = blend_thread = None
    try:
        out_ds, conf_ds = _create_outputs(run, tmp_raster, tmp_conf, options)
        writer = RowWriter(out_ds, conf_ds, options.confidence_type)
        if run.device.type == "cuda":  # blend where the probabilities are: only class rows cross the bus
            run.predictor.on_device = True
            blender = TorchRowBlender(grid, len(run.classes), lut, conf_ds is not None, writer.emit, run.device)
        else:  # blending, argmax and confidence in a thread of their own, beside the network
            blender = blend_thread = BlendThread(RowBlender(grid, len(run.classes), lut, conf_ds is not None,
                                                            writer.emit))
        reader = TileReader(run.ds, run.bands, run.window, run.normaliser)
        batches = BatchReader(reader, grid, options.batch_size, allocate=run.predictor.allocate,
                              open_reader=lambda: TileReader(open_raster(run.source), run.bands, run.window,
                                                             run.normaliser))
        batches.start()
        progress(0.0, f"{len(grid)} tiles on {run.device_name}")
        while True:
            if cancelled():
                raise SegmentCancelled("segmentation cancelled; no output was kept")
            t_wait = time.perf_counter()
            try:
                item = batches.get()
            except queue.Empty:
                stages["wait_read"] += time.perf_counter() - t_wait
                continue
            stages["wait_read"] += time.perf_counter() - t_wait
            if isinstance(item, Done):
                if batches.error is not None:
                    raise batches.error
                break
            _run_batch(item, run.predictor, blender, len(run.classes), stages)
            progress(tile_share * item.seen / len(grid), f"tiles {item.seen}/{len(grid)}")
        t0 = time.perf_counter()
        blender.finish()
        stages["blend"] += time.perf_counter() - t0 if blend_thread is None else blend_thread.seconds
        if cancelled():
            raise SegmentCancelled("segmentation cancelled; no output was kept")
        t0 = time.perf_counter()
        writer.close()
        out_ds = conf_ds = None  # closes the files (and writes the .aux.xml category names)
        stages["write"] += time.perf_counter() - t0 + writer.seconds
        if batches.skipped:
            log(f"skipped {batches.skipped} of {len(grid)} tiles that were all nodata")
        return batches.skipped
    except BaseException:
        if batches is not None:
            batches.close()
        if blend_thread is not None:
            blend_thread.close()
        if writer is not None:
            writer.close(abort=True)
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # closing a half-written file: the real error is raised
        out_ds = conf_ds = None
        gdal.PopErrorHandler()
        raise
    finally:
        if batches is not None:
            batches.close()
            stages["read"] = batches.seconds


def _make_predictor(runtime: str, net: torch.nn.Module, model_hash: str, grid: TileGrid, bands: int,
                    device: torch.device, precision: str, options: SegmentOptions,
                    log: Callable[[str], None]) -> tuple[Any, str]:
    """The network runner and the runtime's name with version (for the log and the tags)."""
    if runtime == "openvino":
        from .runtime_openvino import OpenVINOPredictor, module_fingerprint

        shape = (max(1, int(options.batch_size)), bands, grid.th, grid.tw)
        predictor = OpenVINOPredictor(net, model_hash or module_fingerprint(net), shape, precision, options.tta,
                                      options.cache_dir, log)
        return predictor, f"openvino {predictor.version}"
    return Predictor(net, device, precision, options.tta, options.batch_size, log), f"torch {torch.__version__}"


def _run_batch(batch: Batch, predictor: Predictor, blender: Union[BlendThread, TorchRowBlender], num_classes: int,
               stages: dict[str, Any]) -> None:
    probs = predictor(batch.pixels)
    if probs.shape[1] != num_classes or probs.shape[2:] != batch.pixels.shape[2:]:
        raise EngineError(f"the network returned shape {tuple(probs.shape[1:])} for tiles of "
                          f"{tuple(batch.pixels.shape[1:])}; expected {num_classes} classes at the tile's size "
                          "(the header's classes must match the network)")
    # The CPU blender checks the rows it finalises (cheaper: one value per pixel, in its thread).
    if isinstance(probs, torch.Tensor) and not bool(torch.isfinite(probs).all()):
        raise EngineError(NON_FINITE)
    t0 = time.perf_counter()
    blender.add_batch(batch.tiles, probs, batch.valid)
    if not isinstance(blender, BlendThread):  # the thread counts its own busy time
        stages["blend"] += time.perf_counter() - t0

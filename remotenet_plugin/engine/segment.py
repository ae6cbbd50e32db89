"""segment(): a raster in, a classified GeoTIFF (plus optional confidence and polygons) out."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import queue
import time
from pathlib import Path
from typing import Any, Callable, Optional, Union

import numpy as np
import torch
from osgeo import gdal

from ...model import ModelFileError, load_model, read_metadata
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


def segment(source: str, model: ModelArg, output_raster: str, options: Optional[SegmentOptions] = None,
            progress: Optional[Callable[[float, str], None]] = None,
            is_cancelled: Optional[Callable[[], bool]] = None,
            log: Optional[Callable[[str], None]] = None) -> SegmentResult:
    """Classify ``source`` with ``model``; the steps are in docs/architecture.md.

    Nothing carries a final output name until the whole run succeeded; on cancel
    (SegmentCancelled) or failure every temporary is removed.
    """
    t_start = time.perf_counter()
    options = options or SegmentOptions()
    log = log or (lambda _msg: None)
    progress = progress or (lambda _pct, _msg: None)
    cancelled = is_cancelled or (lambda: False)
    source, output_raster = os.fspath(source), os.fspath(output_raster)

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
    classes = list(meta["classes"])
    lut = np.array([int(c["value"]) for c in classes], dtype=np.uint8)
    width, height = window[2], window[3]
    device_name = describe_device(device)
    grid = TileGrid(width, height, tile_size, overlap, options.blend)
    t0 = time.perf_counter()
    predictor, runtime_name = _make_predictor(runtime, net, model_hash, grid, len(bands), device, precision,
                                              options, log)
    prepare_seconds = time.perf_counter() - t0
    log(f"segmenting {source} window {window} with {model_name} on {device_name} ({runtime_name}, {precision}), "
        f"bands {bands}, tile {tile_size}, overlap {overlap}, batch {options.batch_size}, TTA {options.tta}")
    describe_assumptions(ds, bands, window, tile_size, log)
    normaliser = Normaliser.from_meta(meta)
    reader = TileReader(ds, bands, window, normaliser)
    files = OutputFiles()
    tmp_raster = files.temp_for(output_raster)
    tmp_conf = files.temp_for(options.output_confidence) if options.output_confidence else None
    tmp_vector = files.temp_for(options.output_vector) if options.output_vector else None
    tmp_qml = files.temp_for(qml_path_for(output_raster))
    geotransform, projection = window_geotransform(ds, window), ds.GetProjection()
    tags = {
        "REMOTENET_VERSION": ENGINE_VERSION,
        "REMOTENET_MODEL": model_name,
        "REMOTENET_MODEL_SHA256": model_hash,
        "REMOTENET_DEVICE": device_name,
        "REMOTENET_PRECISION": precision,
        "REMOTENET_RUNTIME": runtime_name,
        "REMOTENET_TILE_SIZE": str(tile_size),
        "REMOTENET_OVERLAP": str(overlap),
        "REMOTENET_BLEND": options.blend,
        "REMOTENET_TTA": "yes" if options.tta else "no",
        "REMOTENET_SOURCE": os.path.basename(source),
        "REMOTENET_BANDS": ",".join(str(b) for b in bands),
        "REMOTENET_WINDOW": ",".join(str(v) for v in window),
        "REMOTENET_CLASSES": json.dumps([{"value": c["value"], "name": c["name"]} for c in classes]),
        "REMOTENET_CREATED": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
    stages = {"read": 0.0, "infer": 0.0, "blend": 0.0, "write": 0.0, "polygonise": 0.0, "wait_read": 0.0,
              "prepare_runtime": prepare_seconds}
    out_ds = conf_ds = writer = batches = blend_thread = None
    tile_share = 85.0 if options.output_vector else 97.0
    polygons = 0
    try:
        out_ds = create_geotiff(tmp_raster, width, height, gdal.GDT_Byte, geotransform, projection, 255)
        out_ds.SetMetadata(tags)
        style_classes(out_ds.GetRasterBand(1), classes)
        if tmp_conf:
            conf_type = options.confidence_type
            conf_ds = create_geotiff(tmp_conf, width, height,
                                     gdal.GDT_Float32 if conf_type == "float32" else gdal.GDT_Byte,
                                     geotransform, projection, CONF_NODATA[conf_type])
            conf_ds.SetMetadata({**tags, "REMOTENET_CONFIDENCE": "max class probability" +
                                 (" (0..1)" if conf_type == "float32" else " in percent")})
        writer = RowWriter(out_ds, conf_ds, options.confidence_type)
        if device.type == "cuda":  # blend where the probabilities are: only class rows cross the bus
            predictor.on_device = True
            blender = TorchRowBlender(grid, len(classes), lut, conf_ds is not None, writer.emit, device)
        else:  # blending, argmax and confidence in a thread of their own, beside the network
            blender = blend_thread = BlendThread(RowBlender(grid, len(classes), lut, conf_ds is not None,
                                                            writer.emit))
        batches = BatchReader(reader, grid, options.batch_size, allocate=predictor.allocate,
                              open_reader=lambda: TileReader(open_raster(source), bands, window, normaliser))
        batches.start()
        progress(0.0, f"{len(grid)} tiles on {device_name}")
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
            _run_batch(item, predictor, blender, len(classes), stages)
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
        if tmp_vector:
            t0 = time.perf_counter()
            polygons = polygonise(
                tmp_raster, tmp_vector, options.vector_layer or Path(options.output_vector).stem, classes,
                min_area=options.min_area, simplify=options.simplify, confidence_path=tmp_conf,
                confidence_type=options.confidence_type,
                scratch=lambda tag, suffix: files.scratch_for(options.output_vector, tag, suffix),
                progress=lambda f: progress(tile_share + (99.0 - tile_share) * f, "polygons"),
                cancelled=cancelled, log=log)
            stages["polygonise"] = time.perf_counter() - t0
            log(f"{polygons} polygons written")
        write_text_atomic(tmp_qml, paletted_qml(classes))
        if cancelled():
            raise SegmentCancelled("segmentation cancelled; no output was kept")
        files.commit()
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
        files.discard()
        raise
    finally:
        if batches is not None:
            batches.close()
            stages["read"] = batches.seconds
        ds = None
    stages["infer"] = predictor.seconds
    stages["total"] = time.perf_counter() - t_start
    progress(100.0, "done")
    return SegmentResult(
        output_raster=output_raster, output_vector=options.output_vector,
        output_confidence=options.output_confidence, device=device_name, precision=precision,
        tiles_total=len(grid), tiles_skipped_nodata=batches.skipped, width=width, height=height,
        classes=classes, stage_seconds=stages, window=window, tile_size=tile_size, overlap=overlap,
        batch_size=predictor.batch_size, polygons=polygons, output_qml=qml_path_for(output_raster),
        runtime=runtime)


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

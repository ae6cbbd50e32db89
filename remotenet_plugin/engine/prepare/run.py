"""A prepared segment run: inputs checked, model loaded, device, precision and runtime chosen,
the global tile grid laid. Shared by one-chunk runs, chunked runs and Dask workers."""
from __future__ import annotations

import datetime as _dt
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Union

import torch
from osgeo import gdal

from ....model import ModelFileError, load_model, read_metadata
from ....model.messages import QT_TRANSLATE_NOOP, message_of
from ..base.digest import file_sha256
from ..base.options import ENGINE_VERSION, EngineError, SegmentOptions
from ..infer.runtimes import pick_runtime
from ..infer.torch_runtime import Predictor, describe_device, pick_device, pick_precision
from ..read.source import Normaliser, choose_bands, open_raster, resolve_window
from ..read.tiling import TileGrid
from .check import check_inputs, describe_assumptions, effective_tiling

ModelArg = Union[str, os.PathLike, tuple[torch.nn.Module, dict]]


def model_header(model: ModelArg) -> tuple[dict, Optional[str]]:
    if isinstance(model, tuple):
        if len(model) != 2 or not isinstance(model[0], torch.nn.Module) or not isinstance(model[1], dict):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "model must be a model file path or a (torch module, header dict) pair"))
        return model[1], None
    path = os.fspath(model)
    try:
        return read_metadata(path), path
    except ModelFileError as err:
        raise EngineError(message_of(err), "model") from err


@dataclass
class Run:
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
    model_path: Optional[str]  # None for an in-memory model
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


def prepare(source: str, model: ModelArg, output_raster: str, options: SegmentOptions,
            log: Callable[[str], None], describe: bool = True, with_predictor: bool = True) -> Run:
    """Check the inputs, load the model, choose device, precision and runtime, lay the tile grid."""
    meta, model_path = model_header(model)
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
            raise EngineError(message_of(err), "model") from err
        model_name, model_hash = Path(model_path).name, file_sha256(model_path)
    else:
        net, model_name, model_hash = model[0], f"in-memory {type(model[0]).__name__}", ""
    precision = pick_precision(options.precision, device, net)
    runtime = pick_runtime(options.runtime, device, net)
    device_name = describe_device(device)
    grid = TileGrid(window[2], window[3], tile_size, overlap, options.blend)
    t0 = time.perf_counter()
    predictor, runtime_name = None, runtime  # a Dask client leaves the network to its workers
    if with_predictor:
        predictor, runtime_name = make_predictor(runtime, net, model_hash, grid, len(bands), device, precision,
                                                 options, log)
    stages = {"read": 0.0, "infer": 0.0, "blend": 0.0, "write": 0.0, "polygonise": 0.0, "wait_read": 0.0,
              "prepare_runtime": time.perf_counter() - t0}
    if describe:  # once per run, not once per Dask worker
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "segmenting {source} window {window} with {model_name} on {device_name} ({runtime_name}, "
            "{precision}), bands {bands}, tile {tile_size}, overlap {overlap}, batch {batch_size}, TTA {tta}").format(
            source=source, window=window, model_name=model_name, device_name=device_name, runtime_name=runtime_name,
            precision=precision, bands=bands, tile_size=tile_size, overlap=overlap, batch_size=options.batch_size,
            tta=options.tta))
        describe_assumptions(ds, bands, window, tile_size, log)
    return Run(source=source, ds=ds, bands=bands, window=window, tile_size=tile_size, overlap=overlap,
               device=device, device_name=device_name, net=net, meta=meta, model_name=model_name,
               model_hash=model_hash, model_path=model_path, precision=precision, runtime=runtime,
               runtime_name=runtime_name, grid=grid,
               predictor=predictor, normaliser=Normaliser.from_meta(meta), stages=stages)


def tags(run: Run, options: SegmentOptions) -> dict[str, str]:
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


def make_predictor(runtime: str, net: torch.nn.Module, model_hash: str, grid: TileGrid, bands: int,
                    device: torch.device, precision: str, options: SegmentOptions,
                    log: Callable[[str], None]) -> tuple[Any, str]:
    """The network runner and the runtime's name with version (for the log and the tags)."""
    if runtime == "openvino":
        from ..infer.openvino_runtime import OpenVINOPredictor, module_fingerprint

        shape = (max(1, int(options.batch_size)), bands, grid.th, grid.tw)
        predictor = OpenVINOPredictor(net, model_hash or module_fingerprint(net), shape, precision, options.tta,
                                      options.cache_dir, log)
        return predictor, f"openvino {predictor.version}"
    return Predictor(net, device, precision, options.tta, options.batch_size, log), f"torch {torch.__version__}"



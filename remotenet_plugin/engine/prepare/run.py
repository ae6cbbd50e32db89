"""A prepared segment run: its frozen plan plus what the plan needs at run time (the open source,
the loaded network and its runner). Shared by one-chunk runs, chunked runs and Dask workers."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Optional, Union

import torch
from osgeo import gdal

from ....model import ModelFileError, load_model, read_metadata
from ....model.messages import QT_TRANSLATE_NOOP, message_of
from ..base.digest import model_sha256
from ..base.options import EngineError, SegmentOptions, SegmentResult
from ..infer.runtimes import pick_auto_precision, pick_runtime
from ..infer.torch_runtime import Predictor, describe_device, pick_device, pick_precision
from ..read.resample import describe_resolution
from ..read.source import Normaliser, open_raster
from . import kept
from .check import check_inputs, describe_assumptions
from .plan import Compute, ModelRef, Plan, plan_from_options

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
    """The plan, and the things it needs while pixels flow: the source dataset, the network, the
    runner that feeds it (None on a Dask client: the workers run it) and busy seconds per stage."""

    plan: Plan
    ds: Optional[gdal.Dataset]
    net: torch.nn.Module
    meta: dict
    predictor: Any
    runtime_name: str  # the runtime with its version, for the log and the tags: "openvino 2025.1"
    normaliser: Normaliser
    stages: dict[str, float] = field(default_factory=dict)
    outside_mask: int = 0  # tiles skipped unread because the mask does not reach them
    keep_key: Optional[tuple] = None  # where a finished run leaves its network for the next (prepare/kept.py)
    kept_compute: Optional[Compute] = None  # the compute the runner was made for (before an int8 fallback)
    # OpenVINO runners a kept entry held for other input shapes, oldest first: kept again beside this run's
    spare_runners: dict[tuple, tuple[Any, str]] = field(default_factory=dict)

    @property
    def device(self) -> torch.device:
        return torch.device(self.plan.compute.device)

    def tags(self) -> dict[str, str]:
        return self.plan.tags(self.runtime_name)

    def result(self, *, tiles_skipped: int, polygons: int, batch_size: int, device_name: Optional[str] = None,
               chunks: int = 1, chunks_reused: int = 0, tiles_outside_mask: int = 0) -> SegmentResult:
        """What the run reports back: the plan's choices, the files written and the counts."""
        plan, out = self.plan, self.plan.outputs
        return SegmentResult(
            output_raster=out.raster, output_vector=out.vector, output_confidence=out.confidence,
            device=device_name or plan.compute.device_name, precision=plan.compute.precision,
            tiles_total=len(plan.grid), tiles_skipped_nodata=tiles_skipped, width=plan.window[2],
            height=plan.window[3], classes=list(plan.classes), stage_seconds=self.stages, window=plan.window,
            tile_size=plan.tile_size, overlap=plan.overlap, batch_size=batch_size, polygons=polygons,
            output_qml=out.qml, runtime=plan.compute.runtime, chunks=chunks, chunks_reused=chunks_reused,
            tiles_outside_mask=tiles_outside_mask, processed_size=(plan.grid.width, plan.grid.height),
            processed_pixel_m=plan.resolution.target_m if plan.resolution.resampled else None)


def _load_network(model: ModelArg, model_path: Optional[str], sha256: Optional[str] = None
                  ) -> tuple[torch.nn.Module, dict, ModelRef]:
    if model_path is None:
        net, meta = model
        return net, meta, ModelRef(None, f"in-memory {type(net).__name__}", "")
    try:
        net, meta = load_model(model_path)
    except ModelFileError as err:
        raise EngineError(message_of(err), "model") from err
    return net, meta, ModelRef(model_path, Path(model_path).name, sha256 or model_sha256(model_path))


def _compute_here(compute: Compute, net: torch.nn.Module) -> Compute:
    """Device, precision and runtime as asked, decided for this machine's hardware."""
    device = pick_device(compute.asked_device)
    return replace(compute, device=str(device), device_name=describe_device(device),
                   precision=pick_precision(compute.asked_precision, device, net),
                   runtime=pick_runtime(compute.asked_runtime, device, net))


def prepare(source: str, model: ModelArg, output_raster: str, options: SegmentOptions,
            log: Callable[[str], None], with_predictor: bool = True) -> Run:
    """Check the inputs, load the model, resolve the plan (window, bands, tiling, device, precision,
    runtime, outputs) and make the network's runner."""
    meta, model_path = model_header(model)
    check_inputs(source, meta, options, output_raster)
    ds = open_raster(source)
    sha256 = model_sha256(model_path) if model_path is not None else None  # once: the kept key and provenance
    key = kept.key_for(model_path, sha256, options.device, options.precision, options.runtime, options.batch_size,
                       options.tta, options.cache_dir) if with_predictor else None
    reuse = kept.take(key)
    net, meta, model_ref = ((reuse.net, reuse.meta, reuse.model_ref) if reuse
                            else _load_network(model, model_path, sha256))
    device = pick_device(options.device)
    precision = pick_precision(options.precision, device, net)
    runtime = pick_runtime(options.runtime, device, net, precision)
    plan = plan_from_options(
        options, source=source, output_raster=output_raster, model=model_ref, meta=meta, ds=ds,
        device=str(device), device_name=describe_device(device),
        precision=pick_auto_precision(options.precision, precision, runtime, device, net), runtime=runtime)
    run = _start(plan, plan.open_source() if plan.resolution.resampled else ds, net, meta, log, with_predictor, reuse)
    run.keep_key = key
    compute = plan.compute
    log(QT_TRANSLATE_NOOP(
        "RemoteNet", "segmenting {source} window {window} with {model_name} on {device_name} ({runtime_name}, "
        "{precision}), bands {bands}, tile {tile_size}, overlap {overlap}, batch {batch_size}, TTA {tta}").format(
        source=source, window=plan.window, model_name=model_ref.name, device_name=compute.device_name,
        runtime_name=run.runtime_name, precision=compute.precision, bands=list(plan.bands), tile_size=plan.tile_size,
        overlap=plan.overlap, batch_size=compute.batch_size, tta=compute.tta))
    if plan.one_tile is not None:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "the window fits in one tile: run as one tile of {width} x {height} px (padded), without "
            "overlap or seams").format(width=plan.one_tile[1], height=plan.one_tile[0]))
    describe_assumptions(ds, list(plan.bands), plan.window, plan.tile_size, log)
    log(describe_resolution(plan.resolution))
    if plan.mask is not None:
        log(QT_TRANSLATE_NOOP("RemoteNet", "mask: only pixels inside the polygons of {path} are classified").format(
            path=plan.mask.path))
    return run


def prepare_from_plan(plan: Plan, log: Callable[[str], None]) -> Run:
    """A Dask worker's run of a client's plan: the same source, model and tiling, with device,
    precision and runtime decided for this worker's hardware."""
    ds = plan.open_source()
    net, meta, _ref = _load_network(plan.model.path, plan.model.path)
    return _start(replace(plan, compute=_compute_here(plan.compute, net)), ds, net, meta, log, True)


def _start(plan: Plan, ds: gdal.Dataset, net: torch.nn.Module, meta: dict, log: Callable[[str], None],
           with_predictor: bool, reuse: Optional[kept.Prepared] = None) -> Run:
    t0 = time.perf_counter()
    predictor, runtime_name = None, plan.compute.runtime  # a Dask client leaves the network to its workers
    made_for = plan.compute
    shape = plan.network_input
    runners: dict[tuple, tuple[Any, str]] = {}
    if reuse is not None and reuse.compute == made_for:  # OpenVINO: one runner per static input shape
        runners = {**reuse.spare, reuse.shape: (reuse.predictor, reuse.runtime_name)}  # oldest first
    if runners and (shape in runners or made_for.runtime == "torch"):  # a PyTorch runner takes any shape
        predictor, runtime_name = runners.pop(shape if shape in runners else reuse.shape)
        predictor.log, predictor.seconds = log, 0.0
        log(QT_TRANSLATE_NOOP("RemoteNet", "using the network prepared by the previous run ({runtime_name}, "
                                           "{precision})").format(runtime_name=runtime_name,
                                                                  precision=predictor.precision))
    elif with_predictor:
        predictor, runtime_name = make_predictor(plan, net, log, ds, meta)
        kept.stats["prepared"] += 1
    if predictor is not None and getattr(predictor, "precision", plan.compute.precision) != plan.compute.precision:
        # int8 asked by Auto that did not agree with full precision on its calibration tiles: the fallback ran
        plan = replace(plan, compute=replace(plan.compute, precision=predictor.precision))
    stages = {"read": 0.0, "infer": 0.0, "blend": 0.0, "write": 0.0, "polygonise": 0.0, "wait_read": 0.0,
              "prepare_runtime": time.perf_counter() - t0}
    return Run(plan=plan, ds=ds, net=net, meta=meta, predictor=predictor, runtime_name=runtime_name,
               normaliser=Normaliser.from_meta(meta), stages=stages, kept_compute=made_for, spare_runners=runners)


def keep_prepared(run: Run) -> None:
    """A finished run leaves its network and runner for the next run with the same model and settings."""
    if run.keep_key is None or run.predictor is None:
        return
    compute = run.kept_compute or run.plan.compute
    shape = run.plan.network_input
    spare = {k: v for k, v in run.spare_runners.items() if k != shape}
    while len(spare) >= kept.MAX_SHAPES:  # the oldest shapes go first
        spare.pop(next(iter(spare)))
    kept.put(run.keep_key, kept.Prepared(
        net=run.net, meta=run.meta, model_ref=run.plan.model, compute=compute, shape=shape,
        predictor=run.predictor, runtime_name=run.runtime_name, spare=spare,
        megabytes=kept.estimate_mb(run.net, run.plan.compute.precision, compute.runtime, 1 + len(spare))))


def make_predictor(plan: Plan, net: torch.nn.Module, log: Callable[[str], None],
                   ds: Optional[gdal.Dataset] = None, meta: Optional[dict] = None) -> tuple[Any, str]:
    """The network runner and the runtime's name with version (for the log and the tags). ``ds`` and
    ``meta``: the dataset tiles are read from and the model's header, for int8's calibration tiles."""
    compute = plan.compute
    if compute.runtime == "openvino":
        from ..infer.openvino_runtime import OpenVINOPredictor, module_fingerprint

        grid = plan.grid
        shape = plan.network_input
        calibration = fallback = None
        if compute.precision == "int8":
            from ..infer.openvino_runtime import CALIBRATION_TILES
            from ..read.calibration import calibration_tiles

            if ds is not None and meta is not None:
                calibration = calibration_tiles(ds, list(plan.bands), grid.th, grid.tw, Normaliser.from_meta(meta),
                                                CALIBRATION_TILES)
            fallback = pick_precision("auto", torch.device("cpu"), net) if compute.asked_precision == "auto" else None
        predictor = OpenVINOPredictor(net, plan.model.sha256 or module_fingerprint(net), shape, compute.precision,
                                      compute.tta, compute.cache_dir, log, calibration=calibration,
                                      int8_fallback=fallback)
        return predictor, f"openvino {predictor.version}"
    device = torch.device(compute.device)
    return (Predictor(net, device, compute.precision, compute.tta, compute.batch_size, log),
            f"torch {torch.__version__}")

"""Chunked runs: classify chunk by chunk (in this process or on a Dask cluster), keep every
finished chunk in a work folder so a rerun resumes, assemble Cloud Optimized GeoTIFFs, then make
the polygons chunk by chunk and merge them across the seams. Memory follows the chunk size,
not the raster's size. See docs/architecture.md ("Chunked runs") and docs/cluster.md."""
from __future__ import annotations

import ctypes
import time
import uuid
from typing import Any, Callable, Optional

from osgeo import gdal

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.options import ENGINE_VERSION, EngineError, SegmentCancelled, SegmentResult
from ..classify import to_input_grid
from ..prepare.plan import Plan
from ..prepare.run import Run, keep_prepared
from ..read.tiling import TileGrid
from ..write.files import OutputFiles
from ..write.geotiff import category_names
from ..write.qml import paletted_qml, write_text_atomic
from .assemble import assemble_cog
from .chunk_task import (
    ChunkJob,
    PieceJob,
    absolute,
    classify_chunk,
    job_plan,
    make_piece_job,
    part_names,
    piece_on_worker,
    run_on_worker,
    source_signature,
)
from .chunks import ChunkPlan
from .dask_runner import LocalRunner
from .tile_store import TileStore
from .work_folder import WorkFolder, work_folder_for

MANIFEST_FORMAT = 1


def return_free_memory() -> None:
    """Give the heap's free pages back to the system between chunks (glibc only): each chunk frees
    its buffers, and without this the process keeps their pages, so its size would creep with
    the number of chunks instead of following the chunk size."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def manifest(plan: Plan, chunks: ChunkPlan) -> dict[str, Any]:
    """Everything that changes the pixels of the parts; a rerun with any difference starts afresh."""
    compute, out = plan.compute, plan.outputs
    return {
        "format": MANIFEST_FORMAT, "engine": ENGINE_VERSION,
        # An in-memory model has no file to identify it: such runs never resume.
        "model_sha256": plan.model.sha256 or f"in-memory-{uuid.uuid4().hex}",
        "source": absolute(plan.source), "source_file": source_signature(plan.source),
        "window": list(plan.window), "bands": list(plan.bands), "tile_size": plan.tile_size, "overlap": plan.overlap,
        "blend": plan.blend, "tta": compute.tta, "batch_size": compute.batch_size,
        "device": compute.asked_device, "precision": [compute.asked_precision, compute.precision],
        "runtime": [compute.asked_runtime, compute.runtime], "chunk_side": chunks.side,
        "confidence": out.confidence_type if out.confidence else None,
        "classes": [{"value": c["value"], "name": c["name"]} for c in plan.classes],
        "resolution": [plan.resolution.target_m, plan.resolution.method] if plan.resolution.resampled else None,
        "mask": [absolute(plan.mask.path), plan.mask.layer, source_signature(plan.mask.path)] if plan.mask else None,
    }


def _runner(plan: Plan, log: Callable[[str], None]):
    from .dask_runner import DaskRunner

    scale = plan.scale
    return DaskRunner(scale.scheduler, scale.scheduler_tls, log) if scale.scheduler else LocalRunner()


class _Progress:
    """Overall progress from per-job progress: ``start`` + ``span`` x the share of jobs done."""

    def __init__(self, progress: Callable[[float, str], None], start: float, span: float, total: int, done: int,
                 what: str):
        self.progress, self.start, self.span, self.total, self.done, self.what = (progress, start, span, total,
                                                                                   done, what)

    def finished(self) -> None:
        self.done += 1
        self.report(0.0)

    def report(self, fraction: float) -> None:
        share = (self.done + min(max(fraction, 0.0), 1.0)) / max(self.total, 1)
        self.progress(self.start + self.span * share, QT_TRANSLATE_NOOP(
            "RemoteNet", "{what} {done}/{total}").format(what=self.what, done=self.done, total=self.total))


def segment_chunked(run: Run, chunks: ChunkPlan, t_start: float, progress: Callable[[float, str], None],
                    cancelled: Callable[[], bool], log: Callable[[str], None]) -> SegmentResult:
    plan, out = run.plan, run.plan.outputs
    if plan.scale.scheduler and plan.model.path is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "a run on a Dask scheduler needs a model file every worker can open, not an in-memory "
            "model"), "model")
    files = OutputFiles()
    tmp_raster = files.temp_for(out.raster)
    tmp_conf = files.temp_for(out.confidence) if out.confidence else None
    tmp_vector = files.temp_for(out.vector) if out.vector else None
    tmp_qml = files.temp_for(out.qml)
    runner = _runner(plan, log)  # first: a scheduler that cannot be reached leaves no work folder behind
    try:
        work = WorkFolder.open(work_folder_for(out.raster), manifest(plan, chunks), log)
    except BaseException:
        runner.close()
        raise
    raster_share = 80.0 if tmp_vector else 95.0
    polygons = 0
    try:
        records = _classify_chunks(run, chunks, work, runner, raster_share, progress, cancelled, log)
        devices = sorted({r["device"] for r in records.values() if r.get("device")})
        provenance = {**run.tags(), "REMOTENET_CHUNK_SIZE": str(chunks.side)}
        if devices:
            provenance["REMOTENET_DEVICE"] = ", ".join(devices)
        _assemble(chunks, work, tmp_raster, tmp_conf, provenance, run, raster_share, progress, cancelled)
        if tmp_vector:
            # Polygons are made on the output's grid: a resampled run's chunks cut that grid afresh.
            window = plan.window
            out_chunks = ChunkPlan(TileGrid(window[2], window[3], plan.tile_size, plan.overlap, plan.blend),
                                   chunks.side) if plan.resolution.resampled else chunks
            polygons = _polygons(out_chunks, work, runner, tmp_raster, tmp_conf, tmp_vector, run, raster_share,
                                 progress, cancelled, log)
        write_text_atomic(tmp_qml, paletted_qml(list(plan.classes)))
        if cancelled():
            raise SegmentCancelled("segmentation cancelled; no output was kept")
        files.commit()
    except SegmentCancelled:
        files.discard()
        work.remove()
        raise
    except BaseException:
        files.discard()
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "the finished chunks stay in {path}: run again with the same inputs and parameters to "
            "resume").format(path=work.path))
        raise
    finally:
        runner.close()
        run.ds = None
    work.remove()
    skipped = sum(int(r.get("info", {}).get("skipped", 0)) for r in records.values())
    outside = sum(int(r.get("info", {}).get("outside", 0)) for r in records.values())
    if run.predictor is not None:
        run.stages["infer"] = run.predictor.seconds
    run.stages["total"] = time.perf_counter() - t_start
    progress(100.0, QT_TRANSLATE_NOOP("RemoteNet", "done"))
    keep_prepared(run)
    return run.result(tiles_skipped=skipped, polygons=polygons, batch_size=plan.compute.batch_size,
                      device_name=provenance["REMOTENET_DEVICE"], chunks=len(chunks),
                      chunks_reused=sum(1 for r in records.values() if r.get("reused")), tiles_outside_mask=outside)


def _classify_chunks(run: Run, chunks: ChunkPlan, work: WorkFolder, runner: Any, share: float,
                     progress: Callable[[float, str], None], cancelled: Callable[[], bool],
                     log: Callable[[str], None]) -> dict[int, dict]:
    records: dict[int, dict] = {}
    for chunk in chunks:
        record = work.finished(chunk.name)
        if record is not None:
            records[chunk.index] = {**record, "reused": True}
    if records:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "resuming: {records_count} of {plan_count} chunks reused from {path}").format(
            records_count=len(records), plan_count=len(chunks), path=work.path))
    with_conf = bool(run.plan.outputs.confidence)
    plan = job_plan(run.plan)
    jobs = [ChunkJob(plan, work.path, chunk, with_conf) for chunk in chunks if chunk.index not in records]
    log(QT_TRANSLATE_NOOP(
        "RemoteNet", "{plan_count} chunks of up to {side} x {side} px over {grid_count} tiles, {jobs_count} to run "
        "on {name}").format(
        plan_count=len(chunks), side=chunks.side, grid_count=len(plan.grid), jobs_count=len(jobs), name=runner.name))
    steps = _Progress(progress, 0.0, share, len(chunks), len(records), QT_TRANSLATE_NOOP("RemoteNet", "chunks"))
    steps.report(0.0)
    # In this process chunks run in order, so a tile on a chunk border is computed once and kept for
    # the next chunk that needs it; Dask workers run their chunks whole.
    store = TileStore(work.file("tiles"), chunks, lambda i: i in records) if isinstance(runner, LocalRunner) else None

    def done(i: int, record: dict) -> None:
        records[jobs[i].chunk.index] = record
        if store is not None:
            store.release(jobs[i].chunk)
            return_free_memory()
        steps.finished()

    def local(job: ChunkJob, fraction: Callable[[float], None]) -> dict:
        return classify_chunk(run, job, lambda pct, _msg: fraction(pct / 100.0), cancelled, log, store)

    runner.map(jobs, local, run_on_worker, done, cancelled, lambda _i, f: steps.report(f))
    if store is not None and store.hits:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "{hits} tiles on chunk borders were computed once and shared by their chunks").format(
            hits=store.hits))
    return records


def _assemble(chunks: ChunkPlan, work: WorkFolder, tmp_raster: str, tmp_conf: Optional[str], provenance: dict,
              run: Run, share: float, progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> None:
    t0 = time.perf_counter()
    names = [part_names(chunk, tmp_conf is not None) for chunk in chunks]
    span = 4.0 if tmp_conf else 5.0
    classes_parts = [work.file(n["classes"]) for n in names]
    conf_parts = [work.file(n["confidence"]) for n in names] if tmp_conf else []
    if run.plan.resolution.resampled:  # the parts are on the processing grid: one streaming pass to the input's
        classes_grid, conf_grid = _mosaic(classes_parts, work.file("classes.grid.vrt")), None
        classes_parts = [work.file("classes.input.tif")]
        if tmp_conf:
            conf_grid = _mosaic(conf_parts, work.file("confidence.grid.vrt"))
            conf_parts = [work.file("confidence.input.tif")]
        to_input_grid(run, classes_grid, classes_parts[0], conf_grid, conf_parts[0] if tmp_conf else None,
                      provenance, lambda f: progress(share + span * 0.5 * f, QT_TRANSLATE_NOOP(
                          "RemoteNet", "back to the input's grid")), cancelled)
    assemble_cog(classes_parts, work.file("classes.vrt"), tmp_raster, provenance,
                 "NEAREST", "output_raster", lambda f: progress(share + span * f, QT_TRANSLATE_NOOP(
                     "RemoteNet", "assembling")), cancelled,
                 category_names(list(run.plan.classes)))
    if tmp_conf:
        conf_tags = {**provenance, "REMOTENET_CONFIDENCE": "max class probability" +
                     (" (0..1)" if run.plan.outputs.confidence_type == "float32" else " in percent")}
        assemble_cog(conf_parts, work.file("confidence.vrt"), tmp_conf, conf_tags,
                     "AVERAGE", "output_confidence", lambda f: progress(share + span + f, QT_TRANSLATE_NOOP(
                         "RemoteNet", "assembling")),
                     cancelled)
    run.stages["assemble"] = time.perf_counter() - t0


def _mosaic(parts: list[str], vrt_path: str) -> str:
    vrt = gdal.BuildVRT(vrt_path, parts)
    if vrt is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "cannot mosaic the chunk parts: {gdal_error}").format(gdal_error=gdal.GetLastErrorMsg()),
            "output_raster")
    vrt = None
    return vrt_path


def _polygons(chunks: ChunkPlan, work: WorkFolder, runner: Any, tmp_raster: str, tmp_conf: Optional[str],
              tmp_vector: str, run: Run, share: float, progress: Callable[[float, str], None],
              cancelled: Callable[[], bool], log: Callable[[str], None]) -> int:
    from .chunk_polygons import merge_pieces, sieve_threshold

    out = run.plan.outputs
    t0 = time.perf_counter()
    threshold = sieve_threshold(tmp_raster, out.min_area, log)
    key = {"threshold": threshold, "confidence": out.confidence_type if tmp_conf else None}
    pieces: dict[int, str] = {}
    jobs: list[PieceJob] = []
    for chunk in chunks:
        name = f"{chunk.name}.polygons"
        if work.finished(name, key) is not None:
            pieces[chunk.index] = work.file(f"{name}.gpkg")
        else:
            jobs.append(make_piece_job(work, chunk, tmp_raster, tmp_conf, out.confidence_type, threshold, key))
    if pieces:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "resuming: polygons of {pieces_count} of {plan_count} chunks reused").format(
            pieces_count=len(pieces), plan_count=len(chunks)))
    start = share + 5.0
    steps = _Progress(progress, start, (99.0 - start) * 0.6, len(chunks), len(pieces),
                      QT_TRANSLATE_NOOP("RemoteNet", "polygons of chunks"))

    def done(i: int, _record: dict) -> None:
        pieces[jobs[i].chunk.index] = work.file(f"{jobs[i].chunk.name}.polygons.gpkg")
        steps.finished()

    runner.map(jobs, lambda job, _f: piece_on_worker(job), piece_on_worker, done, cancelled,
               lambda _i, f: steps.report(f))
    merge_start = start + (99.0 - start) * 0.6
    count = merge_pieces(tmp_raster, [(chunk.rect, pieces[chunk.index]) for chunk in chunks], tmp_vector,
                         out.vector_layer, list(run.plan.classes), min_area=out.min_area, simplify=out.simplify,
                         with_confidence=tmp_conf is not None,
                         progress=lambda f: progress(merge_start + (99.0 - merge_start) * f, QT_TRANSLATE_NOOP(
                             "RemoteNet", "merging polygons")),
                         cancelled=cancelled, log=log)
    run.stages["polygonise"] = time.perf_counter() - t0
    log(QT_TRANSLATE_NOOP("RemoteNet", "{count} polygons written").format(count=count))
    return count


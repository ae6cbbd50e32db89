"""One chunk job: classify a chunk into part files of the work folder, in this process or as a
Dask task on a worker. A worker prepares the run (model loaded, runtime compiled) once and keeps
it for every later chunk of the same run."""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, replace
from typing import Any, Callable, Optional

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.gdal_errors import with_gdal_return_codes
from ..base.options import EngineError
from ..classify import Target, classify
from ..prepare.plan import Plan
from ..prepare.run import Run, prepare_from_plan
from ..write.files import SIDE_SUFFIXES
from .chunks import Chunk, ChunkGrid
from .tile_store import TileStore
from .work_folder import WorkFolder


def absolute(path: str) -> str:
    """A path a Dask worker can open: its working folder is not the client's."""
    return path if path.startswith("/vsi") else os.path.abspath(path)


def job_plan(plan: Plan) -> Plan:
    """The plan as chunk jobs carry it: absolute paths, and no outputs (the client writes those)."""
    model = replace(plan.model, path=absolute(plan.model.path)) if plan.model.path else plan.model
    mask = replace(plan.mask, path=absolute(plan.mask.path)) if plan.mask else None
    return replace(plan, source=absolute(plan.source), model=model, mask=mask,
                   outputs=replace(plan.outputs, confidence=None, vector=None))


@dataclass(frozen=True)
class ChunkJob:
    """Everything a worker needs for one chunk; small and picklable (paths and the plan, not data)."""

    plan: Plan
    work_folder: str
    chunk: Chunk
    with_confidence: bool


def part_names(chunk: Chunk, with_confidence: bool) -> dict[str, str]:
    names = {"classes": f"{chunk.name}.tif"}
    if with_confidence:
        names["confidence"] = f"{chunk.name}.conf.tif"
    return names


def classify_chunk(run: Run, job: ChunkJob, progress: Callable[[float, str], None],
                   cancelled: Callable[[], bool], log: Callable[[str], None],
                   store: Optional[TileStore] = None) -> dict[str, Any]:
    """Classify ``job.chunk`` (its tiles read over the chunk plus halo) into its part files."""
    work = WorkFolder(job.work_folder, {})
    view = ChunkGrid(run.plan.grid, job.chunk)
    target = Target(view, view.region, job.chunk.rect)
    names = part_names(job.chunk, job.with_confidence)
    temps = {name: work.temporary(name) for name in names.values()}
    tmp_classes = temps[names["classes"]]
    tmp_conf = temps.get(names.get("confidence", ""))
    t0 = time.perf_counter()
    try:
        shared = store.for_grid(view) if store is not None else None
        outside = run.outside_mask
        skipped = classify(run, target, tmp_classes, tmp_conf, 100.0, progress, cancelled, log, shared)
        record = work.commit(job.chunk.name, temps, info={"tiles": len(view), "skipped": skipped,
                                                          "outside": run.outside_mask - outside,
                                                          "seconds": round(time.perf_counter() - t0, 3)})
    except BaseException:
        for tmp in temps.values():
            for path in (tmp, *(tmp + s for s in SIDE_SUFFIXES)):
                if os.path.exists(path):
                    os.remove(path)
        raise
    return record


# A worker's prepared runs, by what they compute (the same key as the work folder's manifest).
_RUNS: dict[tuple, tuple[Run, threading.Lock]] = {}
_RUNS_LOCK = threading.Lock()


def _worker_address() -> str:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return "this process"


def _worker_run(job: ChunkJob) -> tuple[Run, threading.Lock]:
    # What the worker computes: the plan without its outputs (the client's business) and scale.
    plan = job.plan
    key = (plan.model.path, os.path.getmtime(plan.model.path), repr(replace(plan, outputs=None, scale=None)))
    with _RUNS_LOCK:
        if key not in _RUNS:
            if len(_RUNS) >= 2:  # a worker serving run after run keeps the latest ones only
                _RUNS.pop(next(iter(_RUNS)))
            try:
                run = prepare_from_plan(plan, lambda _m: None)
            except EngineError as err:
                raise EngineError(QT_TRANSLATE_NOOP(
                    "RemoteNet", "Dask worker {worker_address}: {detail} (every worker must be able to open the "
                    "same paths: use a shared file system, or a GDAL /vsi path for the input)").format(
                    worker_address=_worker_address(), detail=err.detail), err.field) from err
            _RUNS[key] = (run, threading.Lock())
        return _RUNS[key]


@with_gdal_return_codes
def run_on_worker(job: ChunkJob) -> dict[str, Any]:
    """The Dask task: one chunk on a worker; chunks of one worker run one at a time (one model)."""
    run, lock = _worker_run(job)
    with lock:
        record = classify_chunk(run, job, lambda _p, _m: None, lambda: False, lambda _m: None)
    record["worker"] = _worker_address()
    record["device"] = run.plan.compute.device_name
    return record


@dataclass(frozen=True)
class PieceJob:
    """One chunk's polygons (see chunk_polygons.make_piece), written to the work folder."""

    work_folder: str
    chunk: Chunk
    classes_path: str
    confidence_path: Optional[str]
    confidence_type: str
    threshold: int
    key: dict


def make_piece_job(work: WorkFolder, chunk: Chunk, classes_path: str, confidence_path: Optional[str],
                   confidence_type: str, threshold: int, key: dict) -> PieceJob:
    return PieceJob(work.path, chunk, classes_path, confidence_path, confidence_type, threshold, key)


@with_gdal_return_codes
def piece_on_worker(job: PieceJob) -> dict[str, Any]:
    """Polygonise one chunk into ``<chunk>.polygons.gpkg`` and record it (in this process or on a worker)."""
    from .chunk_polygons import make_piece

    work = WorkFolder(job.work_folder, {})
    name = f"{job.chunk.name}.polygons"
    tmp = work.temporary(f"{name}.gpkg")
    try:
        info = make_piece(job.classes_path, job.confidence_path, job.confidence_type, job.chunk.rect, job.threshold,
                          tmp)
        return work.commit(name, {f"{name}.gpkg": tmp}, key=job.key, info=info)
    except EngineError as err:
        where = _worker_address()
        if where == "this process":
            raise
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "Dask worker {where}: {detail}").format(where=where, detail=err.detail), err.field) from err
    finally:
        for path in (tmp, tmp + "-wal", tmp + "-shm", tmp + "-journal"):
            if os.path.exists(path):
                os.remove(path)


def source_signature(source: str) -> Optional[list[int]]:
    """Size and modification time of a local source file (None for /vsi paths and the like)."""
    try:
        st = os.stat(source)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]

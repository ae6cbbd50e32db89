"""segment(): a raster in, a classified GeoTIFF (plus optional confidence and polygons) out."""
from __future__ import annotations

import os
import time
from typing import Callable, Optional

from ...model.messages import QT_TRANSLATE_NOOP
from .base.gdal_errors import with_gdal_return_codes
from .base.options import SegmentCancelled, SegmentOptions, SegmentResult
from .classify import Target, classify, to_input_grid
from .prepare.run import ModelArg, keep_prepared, prepare
from .scale.chunked import segment_chunked
from .scale.chunks import ChunkPlan
from .write.files import OutputFiles
from .write.polygons import polygonise
from .write.qml import paletted_qml, write_text_atomic


@with_gdal_return_codes
def segment(source: str, model: ModelArg, output_raster: str, options: Optional[SegmentOptions] = None,
            progress: Optional[Callable[[float, str], None]] = None,
            is_cancelled: Optional[Callable[[], bool]] = None,
            log: Optional[Callable[[str], None]] = None) -> SegmentResult:
    """Classify ``source`` with ``model``; the steps are in docs/architecture.md.

    Check, load and resolve the plan once (``prepare/run.py:prepare``). A window larger than one
    chunk, or a run on a Dask scheduler, goes chunk by chunk (``scale/chunked.py:segment_chunked``:
    resumable, any size). Otherwise: run the tiles through the network and blend them into rows of
    the output GeoTIFFs (``classify``); polygonise; then move every file into place at once. Nothing carries a final
    output name until the whole run succeeded; on cancel (SegmentCancelled) or failure every
    temporary is removed.
    """
    t_start = time.perf_counter()
    options = options or SegmentOptions()
    log = log or (lambda _msg: None)
    progress = progress or (lambda _pct, _msg: None)
    cancelled = is_cancelled or (lambda: False)

    run = prepare(os.fspath(source), model, os.fspath(output_raster), options, log,
                  with_predictor=not options.scheduler)
    plan, out = run.plan, run.plan.outputs
    chunks = ChunkPlan(plan.grid, plan.scale.chunk_size)
    if len(chunks) > 1 or plan.scale.scheduler:
        return segment_chunked(run, chunks, t_start, progress, cancelled, log)
    files = OutputFiles()
    tmp_raster = files.temp_for(out.raster)
    tmp_conf = files.temp_for(out.confidence) if out.confidence else None
    tmp_vector = files.temp_for(out.vector) if out.vector else None
    tmp_qml = files.temp_for(out.qml)
    tile_share = 85.0 if out.vector else 97.0
    polygons, skipped = 0, 0
    resampled = plan.resolution.resampled
    # Resampled: the tiles run on a grid of their own (read/resample.py), written to scratch files first.
    grid_raster = files.scratch_for(out.raster, "processing", ".tif") if resampled else tmp_raster
    grid_conf = files.scratch_for(out.raster, "processing-conf", ".tif") if resampled and tmp_conf else tmp_conf
    try:
        skipped = classify(run, Target.whole(plan.grid), grid_raster, grid_conf,
                           tile_share - 3.0 if resampled else tile_share, progress, cancelled, log)
        if resampled:
            t0 = time.perf_counter()
            to_input_grid(run, grid_raster, tmp_raster, grid_conf, tmp_conf, run.tags(),
                          lambda f: progress(tile_share - 3.0 + 3.0 * f, QT_TRANSLATE_NOOP(
                              "RemoteNet", "back to the input's grid")), cancelled)
            files.clean_scratch()
            run.stages["regrid"] = time.perf_counter() - t0
        if tmp_vector:
            t0 = time.perf_counter()
            polygons = polygonise(
                tmp_raster, tmp_vector, out.vector_layer, list(plan.classes), min_area=out.min_area,
                simplify=out.simplify, confidence_path=tmp_conf, confidence_type=out.confidence_type,
                scratch=lambda tag, suffix: files.scratch_for(out.vector, tag, suffix),
                progress=lambda f: progress(tile_share + (99.0 - tile_share) * f, QT_TRANSLATE_NOOP(
                    "RemoteNet", "polygons")),
                cancelled=cancelled, log=log)
            run.stages["polygonise"] = time.perf_counter() - t0
            log(QT_TRANSLATE_NOOP("RemoteNet", "{polygons} polygons written").format(polygons=polygons))
        write_text_atomic(tmp_qml, paletted_qml(list(plan.classes)))
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
    progress(100.0, QT_TRANSLATE_NOOP("RemoteNet", "done"))
    keep_prepared(run)  # the next run with this model and these settings starts without loading (prepare/kept.py)
    return run.result(tiles_skipped=skipped, polygons=polygons, batch_size=run.predictor.batch_size,
                      tiles_outside_mask=run.outside_mask)

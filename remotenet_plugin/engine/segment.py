"""segment(): a raster in, a classified GeoTIFF (plus optional confidence and polygons) out."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Optional

from ...model.messages import QT_TRANSLATE_NOOP
from .base.gdal_errors import with_gdal_return_codes
from .base.options import SegmentCancelled, SegmentOptions, SegmentResult
from .classify import Target, classify
from .prepare.run import ModelArg, prepare
from .scale.chunked import segment_chunked
from .scale.chunks import ChunkPlan
from .write.files import OutputFiles
from .write.polygons import polygonise
from .write.qml import paletted_qml, qml_path_for, write_text_atomic


@with_gdal_return_codes
def segment(source: str, model: ModelArg, output_raster: str, options: Optional[SegmentOptions] = None,
            progress: Optional[Callable[[float, str], None]] = None,
            is_cancelled: Optional[Callable[[], bool]] = None,
            log: Optional[Callable[[str], None]] = None) -> SegmentResult:
    """Classify ``source`` with ``model``; the steps are in docs/architecture.md.

    Check, load and plan (``run.prepare``). A window larger than one chunk, or a run on a Dask
    scheduler, goes chunk by chunk (``chunked.segment_chunked``: resumable, any size). Otherwise:
    run the tiles through the network and blend them into rows of the output GeoTIFFs
    (``classify``); polygonise; then move every file into place at once. Nothing carries a final
    output name until the whole run succeeded; on cancel (SegmentCancelled) or failure every
    temporary is removed.
    """
    t_start = time.perf_counter()
    options = options or SegmentOptions()
    log = log or (lambda _msg: None)
    progress = progress or (lambda _pct, _msg: None)
    cancelled = is_cancelled or (lambda: False)
    source, output_raster = os.fspath(source), os.fspath(output_raster)

    run = prepare(source, model, output_raster, options, log, with_predictor=not options.scheduler)
    plan = ChunkPlan(run.grid, options.chunk_size)
    if len(plan) > 1 or options.scheduler:
        return segment_chunked(run, plan, output_raster, options, t_start, progress, cancelled, log)
    files = OutputFiles()
    tmp_raster = files.temp_for(output_raster)
    tmp_conf = files.temp_for(options.output_confidence) if options.output_confidence else None
    tmp_vector = files.temp_for(options.output_vector) if options.output_vector else None
    tmp_qml = files.temp_for(qml_path_for(output_raster))
    tile_share = 85.0 if options.output_vector else 97.0
    polygons, skipped = 0, 0
    try:
        skipped = classify(run, Target.whole(run.grid), tmp_raster, tmp_conf, options, tile_share, progress,
                           cancelled, log)
        if tmp_vector:
            t0 = time.perf_counter()
            polygons = polygonise(
                tmp_raster, tmp_vector, options.vector_layer or Path(options.output_vector).stem, run.classes,
                min_area=options.min_area, simplify=options.simplify, confidence_path=tmp_conf,
                confidence_type=options.confidence_type,
                scratch=lambda tag, suffix: files.scratch_for(options.output_vector, tag, suffix),
                progress=lambda f: progress(tile_share + (99.0 - tile_share) * f, QT_TRANSLATE_NOOP(
                    "RemoteNet", "polygons")),
                cancelled=cancelled, log=log)
            run.stages["polygonise"] = time.perf_counter() - t0
            log(QT_TRANSLATE_NOOP("RemoteNet", "{polygons} polygons written").format(polygons=polygons))
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
    progress(100.0, QT_TRANSLATE_NOOP("RemoteNet", "done"))
    return SegmentResult(
        output_raster=output_raster, output_vector=options.output_vector,
        output_confidence=options.output_confidence, device=run.device_name, precision=run.precision,
        tiles_total=len(run.grid), tiles_skipped_nodata=skipped, width=run.window[2], height=run.window[3],
        classes=run.classes, stage_seconds=run.stages, window=run.window, tile_size=run.tile_size,
        overlap=run.overlap, batch_size=run.predictor.batch_size, polygons=polygons,
        output_qml=qml_path_for(output_raster), runtime=run.runtime)

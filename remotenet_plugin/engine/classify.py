"""Classify a region: read tiles, run the network, blend, write the rows of one output rectangle.

A one-chunk run classifies the whole window into the final files; a chunked run classifies each
chunk (its tiles, read over the chunk plus halo) into a part file of the chunk's size.
"""
from __future__ import annotations

import queue
import time
from dataclasses import dataclass
from typing import Any, Callable, Optional, Protocol, Union

import numpy as np
import torch
from osgeo import gdal

from ...model.messages import QT_TRANSLATE_NOOP
from ...model.metadata import NO_CLASS
from .base.options import EngineError, SegmentCancelled
from .blend.blend_thread import BlendThread
from .blend.rows import NON_FINITE, RowBlender
from .blend.rows_torch import TorchRowBlender
from .infer.torch_runtime import Predictor
from .prepare.run import Run
from .read.batches import Batch, BatchReader, Done
from .read.mask import MaskCounter, MaskReader
from .read.source import TileReader, window_geotransform
from .read.tiling import Tile, TileGrid
from .write.geotiff import CONF_NODATA, RowWriter, create_geotiff, style_classes
from .write.regrid import regrid


class SharedTiles(Protocol):
    """Network outputs of tiles a neighbouring chunk also needs (scale/tile_store.py), by their place
    in the grid being classified."""

    def look_up(self, tile: Tile) -> Optional[tuple[np.ndarray, Optional[np.ndarray]]]: ...

    def save(self, tile: Tile, probs: np.ndarray, valid: Optional[np.ndarray]) -> None: ...


@dataclass
class Target:
    """What to classify: the tiles (a grid over a region of the window), and the rectangle of that
    region written out (the rest is halo, read for the tiles but written by a neighbour)."""

    grid: Any  # TileGrid or scale/chunks.ChunkGrid
    region: tuple[int, int, int, int]  # x, y, width, height of the tiles' region, relative to the window
    out: tuple[int, int, int, int]  # x, y, width, height written, relative to the window

    @classmethod
    def whole(cls, grid: TileGrid) -> Target:
        rect = (0, 0, grid.width, grid.height)
        return cls(grid, rect, rect)


class CroppedEmit:
    """Passes on the rows and columns of the blended region that fall in the written rectangle."""

    def __init__(self, target: Target, emit: Callable[[int, np.ndarray, Optional[np.ndarray]], None]):
        self.emit = emit
        self.dx, self.dy = target.out[0] - target.region[0], target.out[1] - target.region[1]
        self.width, self.height = target.out[2], target.out[3]

    def __call__(self, y: int, classes: np.ndarray, conf: Optional[np.ndarray]) -> None:
        top, bottom = max(y, self.dy), min(y + len(classes), self.dy + self.height)
        if bottom <= top:
            return
        rows, cols = slice(top - y, bottom - y), slice(self.dx, self.dx + self.width)
        self.emit(top - self.dy, classes[rows, cols], None if conf is None else conf[rows, cols])


def create_outputs(run: Run, out: tuple[int, int, int, int], tmp_raster: str, tmp_conf: Optional[str]
                   ) -> tuple[gdal.Dataset, Optional[gdal.Dataset]]:
    """The class GeoTIFF (colour table, category names, tags) and the optional confidence GeoTIFF."""
    width, height = out[2], out[3]
    read_window = run.plan.read_window
    window = (read_window[0] + out[0], read_window[1] + out[1], width, height)
    geotransform, projection = window_geotransform(run.ds, window), run.ds.GetProjection()
    provenance = run.tags()
    out_ds = create_geotiff(tmp_raster, width, height, gdal.GDT_Byte, geotransform, projection, NO_CLASS)
    out_ds.SetMetadata(provenance)
    style_classes(out_ds.GetRasterBand(1), list(run.plan.classes))
    conf_ds = None
    if tmp_conf:
        conf_type = run.plan.outputs.confidence_type
        conf_ds = create_geotiff(tmp_conf, width, height, gdal.GDT_Float32 if conf_type == "float32" else gdal.GDT_Byte,
                                 geotransform, projection, CONF_NODATA[conf_type])
        conf_ds.SetMetadata(conf_tags(run, provenance))
    return out_ds, conf_ds


def conf_tags(run: Run, provenance: dict[str, str]) -> dict[str, str]:
    return {**provenance, "REMOTENET_CONFIDENCE": "max class probability" +
            (" (0..1)" if run.plan.outputs.confidence_type == "float32" else " in percent")}


def to_input_grid(run: Run, classes_src: str, classes_dst: str, conf_src: Optional[str], conf_dst: Optional[str],
                  provenance: dict[str, str], progress: Callable[[float], None], cancelled: Callable[[], bool],
                  style: bool = True) -> None:
    """A resampled run's classes (and confidence) from the processing grid to the window's own grid
    (write/regrid.py: nearest neighbour, the mask cut again on the input's pixels), styled and tagged.
    ``style``: colour table and category names on the class raster (a COG gets them when assembled)."""
    plan = run.plan
    resolution, window = plan.resolution, plan.window
    projection = run.ds.GetProjection()
    pairs = [(classes_src, classes_dst, NO_CLASS, "output_raster")]
    if conf_src and conf_dst:
        pairs.append((conf_src, conf_dst, CONF_NODATA[plan.outputs.confidence_type], "output_confidence"))
    def style_raster(ds: gdal.Dataset) -> None:
        ds.SetMetadata(provenance)
        if style:
            style_classes(ds.GetRasterBand(1), list(plan.classes))

    def tag_confidence(ds: gdal.Dataset) -> None:
        ds.SetMetadata(conf_tags(run, provenance))

    for i, (src, dst, nodata, field) in enumerate(pairs):
        regrid(src, dst, resolution.factor, window[2], window[3], resolution.input_geotransform, projection,
               nodata, field, plan.mask, None, lambda f, i=i: progress((i + f) / len(pairs)), cancelled,
               style_raster if field == "output_raster" else tag_confidence)


def classify(run: Run, target: Target, tmp_raster: str, tmp_conf: Optional[str], tile_share: float,
             progress: Callable[[float, str], None], cancelled: Callable[[], bool], log: Callable[[str], None],
             shared: Optional[SharedTiles] = None) -> int:
    """Read tiles, run the network, blend, write rows; returns the number of tiles skipped as nodata.

    With ``shared`` tiles (chunks run one after another in this process), a tile a neighbouring
    chunk needs too is taken from there when that chunk computed it, and saved for it otherwise.
    """
    plan, stages, grid = run.plan, run.stages, target.grid
    classes, bands = len(plan.classes), list(plan.bands)
    read_window = plan.read_window
    region = (read_window[0] + target.region[0], read_window[1] + target.region[1], target.region[2],
              target.region[3])
    counter = MaskCounter()

    def tile_reader(ds: gdal.Dataset) -> TileReader:
        mask = None
        if plan.mask is not None:  # resampled: a processing pixel the polygons touch counts (the exact cut is on
            # the input's grid, write/regrid.py)
            mask = MaskReader(plan.mask, ds.GetGeoTransform(), ds.GetProjection(),
                              all_touched=plan.resolution.resampled, counter=counter)
        return TileReader(ds, bands, region, run.normaliser, mask)

    lut = np.array([int(c["value"]) for c in plan.classes], dtype=np.uint8)
    out_ds = conf_ds = writer = batches = blend_thread = None
    try:
        out_ds, conf_ds = create_outputs(run, target.out, tmp_raster, tmp_conf)
        writer = RowWriter(out_ds, conf_ds, plan.outputs.confidence_type)
        emit = writer.emit if target.out == target.region else CroppedEmit(target, writer.emit)
        if run.device.type == "cuda":
            shared = None  # a GPU computes a shared tile faster than it reads it back
        if run.device.type == "cuda":  # blend where the probabilities are: only class rows cross the bus
            run.predictor.on_device = True
            blender = TorchRowBlender(grid, classes, lut, conf_ds is not None, emit, run.device)
        else:  # blending, argmax and confidence in a thread of their own, beside the network
            # PyTorch hands over raw scores: the softmax runs in the blending thread, and only where it
            # changes something (overlaps, confidence), not on the calling thread for every pixel.
            logits = isinstance(run.predictor, Predictor) and not run.predictor.tta
            if isinstance(run.predictor, Predictor):  # OpenVINO's graph includes the softmax
                run.predictor.logits = logits
            blender = blend_thread = BlendThread(RowBlender(grid, classes, lut, conf_ds is not None,
                                                            emit, logits))
        reader = tile_reader(run.ds)
        batches = BatchReader(reader, grid, plan.compute.batch_size, allocate=run.predictor.allocate,
                              open_reader=lambda: tile_reader(plan.open_source()),
                              stored=shared.look_up if shared else None)
        batches.start()
        progress(0.0, QT_TRANSLATE_NOOP(
            "RemoteNet", "{grid_count} tiles on {device_name}").format(
            grid_count=len(grid), device_name=plan.compute.device_name))
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
            run_batch(item, run.predictor, blender, classes, stages, shared.save if shared else None)
            progress(tile_share * item.seen / len(grid), QT_TRANSLATE_NOOP(
                "RemoteNet", "tiles {seen}/{grid_count}").format(seen=item.seen, grid_count=len(grid)))
        t0 = time.perf_counter()
        blender.finish()
        stages["blend"] += time.perf_counter() - t0 if blend_thread is None else blend_thread.seconds
        if cancelled():
            raise SegmentCancelled("segmentation cancelled; no output was kept")
        t0 = time.perf_counter()
        writer.close()
        out_ds = conf_ds = None  # closes the files (and writes the .aux.xml category names)
        stages["write"] += time.perf_counter() - t0 + writer.seconds
        run.outside_mask += counter.outside
        if counter.outside:
            log(QT_TRANSLATE_NOOP(
                "RemoteNet", "skipped {outside} of {grid_count} tiles outside the mask without reading them").format(
                outside=counter.outside, grid_count=len(grid)))
        if batches.skipped > counter.outside:
            log(QT_TRANSLATE_NOOP(
                "RemoteNet", "skipped {skipped} of {grid_count} tiles that were all nodata").format(
                skipped=batches.skipped - counter.outside, grid_count=len(grid)))
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


def run_batch(batch: Batch, predictor: Predictor, blender: Union[BlendThread, TorchRowBlender], num_classes: int,
              stages: dict[str, Any], save: Optional[Callable] = None) -> None:
    tiles, valid = batch.tiles, batch.valid
    probs = predictor(batch.pixels) if tiles else None
    if probs is not None:
        if probs.shape[1] != num_classes or probs.shape[2:] != batch.pixels.shape[2:]:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the network returned shape {shape} for tiles of {shape2}; expected {num_classes} "
                "classes at the tile's size (the header's classes must match the network)").format(
                shape=tuple(probs.shape[1:]), shape2=tuple(batch.pixels.shape[1:]), num_classes=num_classes))
        # The CPU blender checks the rows it finalises (cheaper: one value per pixel, in its thread).
        if isinstance(probs, torch.Tensor) and not bool(torch.isfinite(probs).all()):
            raise EngineError(NON_FINITE)
        if save is not None and isinstance(probs, np.ndarray):  # numpy only: CUDA runs keep no store
            for tile, p, v in zip(tiles, probs, valid):
                save(tile, p, v)
    if batch.stored:
        tiles, probs, valid = _in_grid_order(batch, probs)
    t0 = time.perf_counter()
    blender.add_batch(tiles, probs, valid)
    if not isinstance(blender, BlendThread):  # the thread counts its own busy time
        stages["blend"] += time.perf_counter() - t0


def _in_grid_order(batch: Batch, computed: Optional[np.ndarray]) -> tuple[list, list, list]:
    """The batch's computed and stored tiles merged back into grid order (the order of the sums);
    per-tile arrays, not one new block: the blender takes them one by one."""
    n = len(batch.tiles) + len(batch.stored)
    tiles: list = [None] * n
    probs: list = [None] * n
    valid: list = [None] * n
    for position, tile, p, v in batch.stored:
        tiles[position], probs[position], valid[position] = tile, p, v
    free = [i for i in range(n) if tiles[i] is None]
    for k, (i, tile, v) in enumerate(zip(free, batch.tiles, batch.valid)):
        tiles[i], valid[i], probs[i] = tile, v, computed[k]
    return tiles, probs, valid

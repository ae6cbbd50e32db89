"""Calibration tiles for int8 quantisation: tiles of the raster being segmented, spread over its grid.

Why the input raster and not the model file: a model file holds weights and a header, no imagery
(training tiles would add megabytes and carry the training data's licence into every copy of the
model), and the raster the user runs the model on is by definition the imagery it must work on. The
quantised network is cached per model file and tile shape (infer/openvino_runtime.py), so the first
raster a model is quantised on calibrates it for later rasters too; calibrating on one real scene
and running another was measured in docs/performance.md ("int8").
"""
from __future__ import annotations

import os
from typing import Callable

import numpy as np
from osgeo import gdal

from .source import Normaliser, TileReader

MIN_VALID_SHARE = 0.5  # a tile with less data than this teaches the ranges nothing


def calibration_tiles(ds: gdal.Dataset, bands: list[int], height: int, width: int, normaliser: Normaliser,
                      count: int) -> Callable[[], np.ndarray]:
    """A callable giving up to ``count`` normalised tiles (N, bands, height, width) spread evenly over all of
    ``ds`` (a window may be small; the cached network serves the whole raster and later ones), skipping
    tiles mostly nodata; read only when called (the int8 cache may make it unneeded). Its ``source``
    names the raster (for the cache's record)."""

    def read() -> np.ndarray:
        full = (0, 0, ds.RasterXSize, ds.RasterYSize)
        reader = TileReader(ds, list(bands), full, normaliser)
        side = max(1, int(np.ceil(np.sqrt(count * 2))))  # twice the tiles asked for: room to skip nodata
        xs = np.unique(np.linspace(0, max(0, full[2] - width), side).round().astype(int))
        ys = np.unique(np.linspace(0, max(0, full[3] - height), side).round().astype(int))
        spots = [(int(x), int(y)) for y in ys for x in xs]
        step = max(1, len(spots) // count)
        out = []
        for x, y in spots[::step] + [s for i, s in enumerate(spots) if i % step]:  # spread first, then the rest
            if len(out) >= count:
                break
            valid = reader.read_mask(x, y, width, height)
            if valid is not None and valid.mean() < MIN_VALID_SHARE:
                continue
            tile = np.empty((len(bands), height, width), dtype=np.float32)
            reader.read_into(x, y, width, height, tile, valid)
            out.append(tile)
        if not out:
            return np.empty((0, len(bands), height, width), dtype=np.float32)
        return np.stack(out)

    read.source = os.path.basename(ds.GetDescription() or "?")  # type: ignore[attr-defined]
    return read

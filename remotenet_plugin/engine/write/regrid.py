"""Classes (and confidence) from the processing grid back to the input's grid, by nearest neighbour.

A resampled run (read/resample.py) classifies a grid of its own over the window; this writes the
window's grid from it, strip by strip (memory: one strip of blocks, whatever the raster's size).
The processing grid starts at the window's corner and its pixel is ``factor`` input pixels a side,
so input pixel ``i`` takes processing pixel ``floor((i + 0.5) / factor)``: the one its centre falls
in. A mask layer is cut again here on the input's grid (pixel centres inside its polygons), so the
edge is the input's, not the coarser processing grid's.
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np
from osgeo import gdal

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.options import EngineError, SegmentCancelled
from ..read.mask import MaskReader, MaskSpec
from .geotiff import BLOCK, create_geotiff
from .write_errors import checked_writes

STRIP_COLUMNS = 16 * BLOCK  # input columns written per read of the processing grid


def nearest_index(count: int, factor: float, limit: int, start: int = 0) -> np.ndarray:
    """Processing-grid indexes of input pixels ``start .. start + count - 1``."""
    centres = (np.arange(start, start + count, dtype=np.float64) + 0.5) / factor
    return np.clip(np.floor(centres).astype(np.int64), 0, limit - 1)


def regrid(src_path: str, dst_path: str, factor: float, width: int, height: int, geotransform, projection: str,
           nodata: float, field: str, mask: Optional[MaskSpec] = None, predictor: Optional[int] = None,
           progress: Optional[Callable[[float], None]] = None,
           cancelled: Callable[[], bool] = lambda: False,
           setup: Optional[Callable[[gdal.Dataset], None]] = None) -> None:
    """Write ``dst_path`` (a tiled GeoTIFF, ``width`` x ``height`` on ``geotransform``) from the
    processing-grid raster ``src_path``; ``setup`` styles and tags it before the first pixel."""
    src = gdal.Open(src_path)
    if src is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "cannot read back {path}: {gdal_error}").format(path=src_path,
                                                                        gdal_error=gdal.GetLastErrorMsg()), field)
    band = src.GetRasterBand(1)
    src_w, src_h = src.RasterXSize, src.RasterYSize
    cuts = MaskReader(mask, geotransform, projection) if mask is not None else None
    dst = create_geotiff(dst_path, width, height, band.DataType, geotransform, projection, nodata, predictor)
    if setup is not None:
        setup(dst)
    out = dst.GetRasterBand(1)
    with checked_writes(f"the {field.replace('output_', '')} raster", field, dst_path):
        for y0 in range(0, height, BLOCK):
            if cancelled():
                raise SegmentCancelled("segmentation cancelled; no output was kept")
            h = min(BLOCK, height - y0)
            rows = nearest_index(h, factor, src_h, y0)
            for x0 in range(0, width, STRIP_COLUMNS):
                w = min(STRIP_COLUMNS, width - x0)
                cols = nearest_index(w, factor, src_w, x0)
                r0, c0 = int(rows[0]), int(cols[0])
                block = band.ReadAsArray(c0, r0, int(cols[-1]) - c0 + 1, int(rows[-1]) - r0 + 1)
                if block is None:
                    raise EngineError(QT_TRANSLATE_NOOP(
                        "RemoteNet", "cannot read back {path}: {gdal_error}").format(
                        path=src_path, gdal_error=gdal.GetLastErrorMsg()), field)
                values = block[np.ix_(rows - r0, cols - c0)]
                if cuts is not None:
                    values[~cuts.validity(x0, y0, w, h)] = nodata
                out.WriteArray(values, x0, y0)
            out.FlushCache()
            if progress is not None:
                progress(min(1.0, (y0 + h) / height))
        dst = None  # closes the file (and writes the .aux.xml category names) inside the write checks

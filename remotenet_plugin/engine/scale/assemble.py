"""The assembled outputs of a chunked run: one Cloud Optimized GeoTIFF per output, from a VRT over
the chunk parts, with internal overviews (nearest neighbour for classes, average for confidence),
so QGIS shows a billion-pixel result at once and it can be served from object storage."""
from __future__ import annotations

import os
from typing import Callable, Optional

from osgeo import gdal

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.gdal_errors import with_gdal_return_codes
from ..base.options import EngineError, SegmentCancelled
from ..write.write_errors import checked_writes

# GDAL's block cache while assembling: the COG copy streams block rows, so a small cache suffices;
# the default (5 % of RAM) would grow the process by hundreds of MB on large rasters.
ASSEMBLY_CACHE_BYTES = 32 * 2**20


def cog_options(resampling: str, predictor: Optional[int] = None) -> list[str]:
    threads = max(1, min(4, os.cpu_count() or 1))
    options = ["COMPRESS=DEFLATE", "LEVEL=3", "BLOCKSIZE=512", f"OVERVIEW_RESAMPLING={resampling}",
               "BIGTIFF=IF_SAFER", f"NUM_THREADS={threads}"]
    if predictor:
        options.append(f"PREDICTOR={predictor}")
    return options


@with_gdal_return_codes
def assemble_cog(parts: list[str], vrt_path: str, out_path: str, tags: dict[str, str], resampling: str,
                 field: str, progress: Callable[[float], None], cancelled: Callable[[], bool],
                 category_names: Optional[list[str]] = None) -> None:
    """Mosaic ``parts`` (same grid, no overlaps) into the COG ``out_path``; the tags go on the dataset,
    category names (classes) into its .aux.xml sidecar, as for one-chunk outputs."""

    def callback(complete, _message, _data):
        progress(complete)
        return 0 if cancelled() else 1

    old_cache = gdal.GetCacheMax()
    gdal.SetCacheMax(ASSEMBLY_CACHE_BYTES)
    try:
        with checked_writes(f"the {field.replace('output_', '')} raster", field, out_path):
            vrt = gdal.BuildVRT(vrt_path, parts)
            if vrt is None:
                raise EngineError(QT_TRANSLATE_NOOP(
                    "RemoteNet", "cannot mosaic the chunk parts: {gdal_error}").format(
                    gdal_error=gdal.GetLastErrorMsg()), field)
            vrt.SetMetadata(tags)
            try:
                out = gdal.Translate(out_path, vrt, format="COG", creationOptions=cog_options(resampling),
                                     callback=callback)
            except RuntimeError:
                if cancelled():
                    raise SegmentCancelled("cancelled while assembling the output; no output was kept") from None
                raise
            if out is None:
                if cancelled():
                    raise SegmentCancelled("cancelled while assembling the output; no output was kept")
                raise EngineError(QT_TRANSLATE_NOOP(
                    "RemoteNet", "writing {out_path} failed: {gdal_error}").format(
                    out_path=out_path, gdal_error=gdal.GetLastErrorMsg()), field)
            out = vrt = None
            if category_names:
                ds = gdal.Open(out_path)  # read-only: the names go to the .aux.xml sidecar, the COG stays intact
                ds.GetRasterBand(1).SetCategoryNames(category_names)
                ds = None
    finally:
        gdal.SetCacheMax(old_cache)

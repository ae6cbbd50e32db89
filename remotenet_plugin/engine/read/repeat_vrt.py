"""Large test rasters for free: a GDAL VRT that repeats a real scene (benchmarks and tests)."""
from __future__ import annotations

import os

from osgeo import gdal


def repeat_raster_vrt(source: str, path: str, size: int) -> str:
    """Write a ``size`` x ``size`` VRT at ``path`` tiling ``source`` over and over; no pixel is copied.

    Band types, nodata values and colour tables follow the source; the georeferencing is the
    source's origin and pixel size.
    """
    source = os.path.abspath(source)
    base = gdal.Open(source)
    if base is None:
        raise FileNotFoundError(f"{source}: not a raster GDAL can open")
    bw, bh = base.RasterXSize, base.RasterYSize
    vrt = gdal.GetDriverByName("VRT").Create(str(path), size, size, base.RasterCount,
                                             base.GetRasterBand(1).DataType)
    vrt.SetGeoTransform(base.GetGeoTransform())
    vrt.SetProjection(base.GetProjection())
    for b in range(1, base.RasterCount + 1):
        sources = {}
        for y in range(0, size, bh):
            for x in range(0, size, bw):
                w, h = min(bw, size - x), min(bh, size - y)
                sources[f"s_{y}_{x}"] = (
                    f"<SimpleSource><SourceFilename relativeToVRT='0'>{source}</SourceFilename>"
                    f"<SourceBand>{b}</SourceBand><SrcRect xOff='0' yOff='0' xSize='{w}' ySize='{h}'/>"
                    f"<DstRect xOff='{x}' yOff='{y}' xSize='{w}' ySize='{h}'/></SimpleSource>")
        band = base.GetRasterBand(b)
        vrt.GetRasterBand(b).SetMetadata(sources, "new_vrt_sources")
        if band.GetNoDataValue() is not None:
            vrt.GetRasterBand(b).SetNoDataValue(band.GetNoDataValue())
        if band.GetColorTable() is not None:
            vrt.GetRasterBand(b).SetColorTable(band.GetColorTable())
    vrt = None  # flushes the VRT to disk
    return str(path)

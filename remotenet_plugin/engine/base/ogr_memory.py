"""OGR's in-memory vector driver under the name the running GDAL gives it.

GDAL 3.11 made its raster ``MEM`` driver a vector driver too and deprecated ``Memory``: using
the old name there prints "Warning 1: DeprecationWarning: 'Memory' driver is deprecated" to the
user's terminal or QGIS log. Older GDAL (3.6 on Debian 12) has only ``Memory`` for vectors.
"""
from __future__ import annotations

from osgeo import gdal, ogr


def memory_vector_driver() -> ogr.Driver:
    """The driver for in-memory vector data sources: ``MEM`` where it does vectors, else ``Memory``."""
    driver = ogr.GetDriverByName("MEM")
    if driver is not None and driver.GetMetadataItem(gdal.DCAP_VECTOR) == "YES":
        return driver
    return ogr.GetDriverByName("Memory")

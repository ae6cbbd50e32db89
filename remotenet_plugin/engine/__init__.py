"""Raster segmentation engine: GDAL + numpy + torch, no QGIS.

``segment(source, model, output_raster, options)`` turns any GDAL raster into a classified
GeoTIFF (with colour table, category names and a .qml sidecar), optionally a confidence
GeoTIFF and a GeoPackage of class polygons.
"""
from .check import check_inputs
from .options import ENGINE_VERSION, EngineError, SegmentCancelled, SegmentOptions, SegmentResult
from .qml import write_qml
from .segment import segment

__all__ = [
    "ENGINE_VERSION",
    "EngineError",
    "SegmentCancelled",
    "SegmentOptions",
    "SegmentResult",
    "check_inputs",
    "segment",
    "write_qml",
]

"""Raster segmentation engine: GDAL + numpy + torch, no QGIS.

``segment(source, model, output_raster, options)`` turns any GDAL raster into a classified
GeoTIFF (with colour table, category names and a .qml sidecar), optionally a confidence
GeoTIFF and a GeoPackage of class polygons.

Names are imported on first use: ``check_inputs`` and the options need GDAL only, so QGIS can
check parameters on its GUI thread without loading torch.
"""
from __future__ import annotations

from ...model.lazy import lazy_attributes

_EXPORTS = {
    "prepare.check": ["check_inputs"],
    "base.options": ["ENGINE_VERSION", "EngineError", "SegmentCancelled", "SegmentOptions", "SegmentResult"],
    "write.qml": ["write_qml"],
    "segment": ["segment"],
}

__all__ = sorted(name for names in _EXPORTS.values() for name in names)

__getattr__ = lazy_attributes(__name__, _EXPORTS, globals())

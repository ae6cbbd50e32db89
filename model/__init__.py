"""RemoteNet network, model files and training: torch, timm and safetensors only (no GDAL, no QGIS).

Names are imported on first use, so ``remotenet.model.header`` and ``remotenet.model.metadata``
(no torch) stay cheap to import: QGIS reads model headers on its GUI thread.
"""
from __future__ import annotations

from .lazy import lazy_attributes

_EXPORTS = {
    "ISPRS_CLASSES": "metadata",
    "MetadataError": "metadata",
    "build_metadata": "metadata",
    "validate_metadata": "metadata",
    "ModelFileError": "header",
    "read_header": "header",
    "PretrainedWeightsUnavailable": "encoder",
    "load_model": "model_file",
    "read_metadata": "model_file",
    "save_model": "model_file",
    "RemoteNet": "network",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_attributes(__name__, _EXPORTS, globals())

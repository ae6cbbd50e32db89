"""RemoteNet network, model files and training: torch, timm and safetensors only (no GDAL, no QGIS).

Names are imported on first use, so ``remotenet.model.header`` and ``remotenet.model.metadata``
(no torch) stay cheap to import: QGIS reads model headers on its GUI thread.
"""
from __future__ import annotations

from .lazy import lazy_attributes

_EXPORTS = {
    "metadata": ["DEFAULT_ENCODER", "ISPRS_CLASSES", "MetadataError", "build_metadata", "validate_metadata"],
    "header": ["ModelFileError", "read_header"],
    "encoder": ["ENCODERS", "PretrainedWeightsUnavailable", "UnknownEncoder"],
    "encoder_weights": ["EncoderWeightsError"],
    "model_file": ["load_model", "read_metadata", "save_model", "weights_storage"],
    "network": ["RemoteNet"],
}

__all__ = sorted(name for names in _EXPORTS.values() for name in names)

__getattr__ = lazy_attributes(__name__, _EXPORTS, globals())

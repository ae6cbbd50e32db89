"""RemoteNet network, model files and training: torch, timm and safetensors only (no GDAL, no QGIS)."""
from .encoder import PretrainedWeightsUnavailable
from .metadata import ISPRS_CLASSES, MetadataError, build_metadata, validate_metadata
from .model_file import ModelFileError, load_model, read_metadata, save_model, weights_storage
from .network import RemoteNet

__all__ = [
    "ISPRS_CLASSES",
    "MetadataError",
    "ModelFileError",
    "PretrainedWeightsUnavailable",
    "RemoteNet",
    "build_metadata",
    "load_model",
    "read_metadata",
    "save_model",
    "validate_metadata",
    "weights_storage",
]

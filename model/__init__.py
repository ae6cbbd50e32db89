"""RemoteNet network, model files and training: torch, timm and safetensors only (no GDAL, no QGIS)."""
from .encoder import DEFAULT_ENCODER, ENCODERS, PretrainedWeightsUnavailable, UnknownEncoder
from .encoder_weights import EncoderWeightsError
from .metadata import ISPRS_CLASSES, MetadataError, build_metadata, validate_metadata
from .model_file import ModelFileError, load_model, read_metadata, save_model
from .network import RemoteNet

__all__ = [
    "DEFAULT_ENCODER",
    "ENCODERS",
    "EncoderWeightsError",
    "ISPRS_CLASSES",
    "MetadataError",
    "ModelFileError",
    "PretrainedWeightsUnavailable",
    "RemoteNet",
    "UnknownEncoder",
    "build_metadata",
    "load_model",
    "read_metadata",
    "save_model",
    "validate_metadata",
]

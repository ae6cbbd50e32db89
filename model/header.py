"""Reading a model file's header without torch: cheap enough for QGIS's GUI thread.

A ``.safetensors`` file starts with an 8-byte little-endian length and that many bytes of
JSON; our header is a JSON document under ``__metadata__["remotenet"]`` (docs/model_file.md).
PyTorch checkpoints (``.pth``/``.pt``) only say what they are once torch unpickles their
weights, so for them :func:`read_header` returns None and the caller learns the rest when
the model is loaded.
"""
from __future__ import annotations

import json
import os
import struct
import zipfile
from typing import Any

from .metadata import METADATA_KEY, MetadataError, validate_metadata

# safetensors refuses headers above 100 MB; a model header is a few kB.
MAX_HEADER_BYTES = 100 * 1024 * 1024


class ModelFileError(ValueError):
    """A file that cannot be loaded as a RemoteNet model; the message says why and what to do."""


def file_kind(path: str | os.PathLike) -> str:
    """'safetensors', 'torch-zip' or 'pickle', judged by content rather than extension."""
    if not os.path.isfile(path):
        raise ModelFileError(f"{path}: no such model file")
    with open(path, "rb") as fh:
        head = fh.read(9)
    if len(head) == 9 and head[8:9] == b"{":
        return "safetensors"
    if zipfile.is_zipfile(path):
        return "torch-zip"
    if head[:1] == b"\x80":  # pickle protocol 2+ (torch's legacy format)
        return "pickle"
    raise ModelFileError(f"{path}: not a model file (neither .safetensors nor a PyTorch checkpoint)")


def safetensors_header(path: str | os.PathLike) -> dict[str, Any]:
    """The validated RemoteNet header of a ``.safetensors`` file."""
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        (length,) = struct.unpack("<Q", fh.read(8))
        if length > min(MAX_HEADER_BYTES, size - 8):
            raise ModelFileError(f"{path}: unreadable .safetensors file (its header claims {length} bytes); "
                                 "is it truncated?")
        raw_header = fh.read(length)
    try:
        table = json.loads(raw_header)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelFileError(f"{path}: unreadable .safetensors file ({err}); is it truncated?") from err
    raw = (table.get("__metadata__") or {}).get(METADATA_KEY) if isinstance(table, dict) else None
    if raw is None:
        raise ModelFileError(f"{path}: this .safetensors file has no '{METADATA_KEY}' header; "
                             "it was not written by remotenet.model.save_model")
    try:
        meta = json.loads(raw)
    except (json.JSONDecodeError, RecursionError) as err:
        raise ModelFileError(f"{path}: the '{METADATA_KEY}' header is not valid JSON ({err})") from err
    if not isinstance(meta, dict):
        raise ModelFileError(f"{path}: the '{METADATA_KEY}' header is not a JSON object")
    try:
        validate_metadata(meta)
    except MetadataError as err:
        raise ModelFileError(f"{path}: {err}") from err
    return meta


def read_header(path: str | os.PathLike) -> dict[str, Any] | None:
    """The header of a ``.safetensors`` model file; None for a PyTorch checkpoint (needs torch)."""
    if file_kind(path) == "safetensors":
        return safetensors_header(path)
    return None

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

from .messages import QT_TRANSLATE_NOOP
from .metadata import ARCHITECTURE, FIRST_CONV, METADATA_KEY, MetadataError, architecture_of, validate_metadata

# A RemoteNet file's tensor table is tens of kB and its own header a few kB: anything far larger is
# damaged or hostile, and parsing it would stall QGIS's GUI thread (safetensors itself allows 100 MB).
MAX_HEADER_BYTES = 16 * 1024 * 1024
MAX_METADATA_BYTES = 1024 * 1024
# RemoteNet (pvt_v2_b1) weighs about 55 MB in float32; a model file past this is not one of ours,
# and loading it would only exhaust memory.
MAX_MODEL_BYTES = 2 * 1024**3
# PyTorch stores checkpoint entries uncompressed; a deflated entry that expands this much is a zip bomb.
MAX_ZIP_RATIO = 100


# The two tensors whose shapes give the classes and input bands (model_file.py builds on them).
PATCH_EMBED_KEY = "Encoder.Encoder.patch_embed.proj.weight"
HEAD_KEY = "Decoder.FRM.head.weight"
# The pixel path's first layer (model/spectral_head.py): its presence marks a file that has one.
SPECTRAL_KEY = "Spectral.fc1.weight"
# Each encoder's first convolution in RemoteNet's state_dict -> the encoder's name.
FIRST_CONV_KEYS = {f"Encoder.Encoder.{key}": name for name, key in FIRST_CONV.items()}


class ModelFileError(ValueError):
    """A file that cannot be loaded as a RemoteNet model; the message says why and what to do."""


def file_kind(path: str | os.PathLike) -> str:
    """'safetensors', 'torch-zip' or 'pickle', judged by content rather than extension."""
    if not os.path.isfile(path):
        raise ModelFileError(QT_TRANSLATE_NOOP("RemoteNet", "{path}: no such model file").format(path=path))
    size = os.path.getsize(path)
    if size > MAX_MODEL_BYTES:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: {value:.1f} GB is far larger than a RemoteNet model (about 55 MB); choose the "
            ".safetensors file written by RemoteNet Train").format(path=path, value=size / 1024**3))
    with open(path, "rb") as fh:
        head = fh.read(9)
    if len(head) == 9 and head[8:9] == b"{":
        return "safetensors"
    if zipfile.is_zipfile(path):
        _check_zip(path)
        return "torch-zip"
    if head[:1] == b"\x80":  # pickle protocol 2+ (torch's legacy format)
        return "pickle"
    raise ModelFileError(QT_TRANSLATE_NOOP(
        "RemoteNet", "{path}: not a model file (neither .safetensors nor a PyTorch checkpoint)").format(path=path))


def _check_zip(path: str | os.PathLike) -> None:
    """Refuse a zip whose entries would expand past the size limit (a zip bomb) before torch opens it."""
    try:
        with zipfile.ZipFile(path) as zf:
            entries = zf.infolist()
    except (zipfile.BadZipFile, OSError) as err:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: not a readable PyTorch checkpoint ({err}); the file may be truncated").format(
            path=path, err=err)) from err
    total = sum(e.file_size for e in entries)
    bomb = any(e.compress_type != zipfile.ZIP_STORED and e.file_size > MAX_ZIP_RATIO * max(e.compress_size, 1)
               for e in entries)
    if total > MAX_MODEL_BYTES or bomb:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: refused: this archive would expand to {value:.0f} MB (a PyTorch checkpoint is "
            "stored uncompressed); it is not a RemoteNet model").format(path=path, value=total / 1024**2))


def safetensors_header(path: str | os.PathLike) -> dict[str, Any]:
    """The validated RemoteNet header of a ``.safetensors`` file."""
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        (length,) = struct.unpack("<Q", fh.read(8))
        if length > min(MAX_HEADER_BYTES, size - 8):
            raise ModelFileError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: unreadable .safetensors file (its header claims {length} bytes); the file is "
                "truncated or damaged: copy or download it again").format(path=path, length=length))
        raw_header = fh.read(length)
    if len(raw_header) < length:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the .safetensors header is cut short; the file is truncated: copy or download it "
            "again").format(path=path))
    try:
        table = json.loads(raw_header)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: unreadable .safetensors file ({err}); is it truncated?").format(
            path=path, err=err)) from err
    except RecursionError:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the .safetensors header nests too deeply to be a model file; choose a file "
            "written by RemoteNet").format(path=path)) from None
    raw = (table.get("__metadata__") or {}).get(METADATA_KEY) if isinstance(table, dict) else None
    if raw is None:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: this .safetensors file has no '{metadata_key}' header; it was not written by "
            "remotenet.model.save_model").format(path=path, metadata_key=METADATA_KEY))
    if not isinstance(raw, str) or len(raw) > MAX_METADATA_BYTES:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the '{metadata_key}' header is not a JSON text of at most {value} kB; the file is "
            "damaged or not a RemoteNet model").format(
            path=path, metadata_key=METADATA_KEY, value=MAX_METADATA_BYTES // 1024))
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as err:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the '{metadata_key}' header is not valid JSON ({err})").format(
            path=path, metadata_key=METADATA_KEY, err=err)) from err
    except RecursionError:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the '{metadata_key}' header nests too deeply; the file is damaged or not a "
            "RemoteNet model").format(path=path, metadata_key=METADATA_KEY)) from None
    if not isinstance(meta, dict):
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: the '{metadata_key}' header is not a JSON object").format(
            path=path, metadata_key=METADATA_KEY))
    try:
        validate_metadata(meta)
    except MetadataError as err:
        raise ModelFileError(QT_TRANSLATE_NOOP("RemoteNet", "{path}: {err}").format(path=path, err=err)) from err
    _check_against_table(path, meta, table)
    meta.setdefault("architecture", ARCHITECTURE)  # files from before the encoder choice
    return meta


def _check_against_table(path: str | os.PathLike, meta: dict[str, Any], table: dict[str, Any]) -> None:
    """The header's classes and bands against the weight shapes listed in the tensor table (no
    weights read), so a contradiction is refused when the file is chosen, not when it is run."""
    def shape(key: str) -> list | None:
        entry = table.get(key)
        value = entry.get("shape") if isinstance(entry, dict) else None
        return value if isinstance(value, list) and len(value) == 4 else None

    head = shape(HEAD_KEY)
    found = [(shape(key), name) for key, name in FIRST_CONV_KEYS.items() if shape(key) is not None]
    if head is None or len(found) != 1:
        return  # not a RemoteNet table: loading the weights says so
    (embed, encoder), = found
    try:
        validate_metadata(meta, num_classes=int(head[0]), in_channels=int(embed[1]),
                          architecture=architecture_of(encoder), spectral_head=SPECTRAL_KEY in table)
    except (MetadataError, TypeError, ValueError) as err:
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: {err}; the header contradicts the weights: re-save the model with "
            "remotenet.model.save_model").format(path=path, err=err)) from err


def read_header(path: str | os.PathLike) -> dict[str, Any] | None:
    """The header of a ``.safetensors`` model file; None for a PyTorch checkpoint (needs torch)."""
    if file_kind(path) == "safetensors":
        return safetensors_header(path)
    return None

"""The model file's header: what a model needs to be run correctly on a raster.

Stored as JSON under the key ``remotenet`` of the ``.safetensors`` metadata. The schema is
documented in ``docs/model_file.md``.
"""
from __future__ import annotations

import copy
import datetime as _dt
import math
from typing import Any

from .messages import QT_TRANSLATE_NOOP, Message

FORMAT_VERSION = 3  # the newest version this code reads
# Version 1: float32/float16 weights. Version 2 adds int8 weight storage (model/quantise.py), so
# older readers refuse int8 files with "update the plugin" instead of a shape error. Version 3
# adds the pixel path (model/spectral_head.py, header key "spectral_head"), for the same reason.
FLOAT_FORMAT_VERSION = 1
INT8_FORMAT_VERSION = 2
SPECTRAL_FORMAT_VERSION = 3
# The encoders RemoteNet is built with (model/encoder.py builds them; no torch here, so headers
# are read without it); the first is the default.
# Each encoder's first convolution in timm's weights: which one a file holds tells its encoder,
# and its input width the band count.
FIRST_CONV = {"pvt_v2_b1": "patch_embed.proj.weight", "resnet18": "conv1.weight"}
ENCODER_NAMES = tuple(FIRST_CONV)
DEFAULT_ENCODER = ENCODER_NAMES[0]
# One architecture name per encoder; files written before there was a choice say (or lack,
# and are read as) the PVT one.
ARCHITECTURES = {f"remotenet-{name}": name for name in ENCODER_NAMES}
ARCHITECTURE = f"remotenet-{DEFAULT_ENCODER}"
METADATA_KEY = "remotenet"
# The one UInt8 value that is no class: nodata in classified rasters, unlabelled in labels,
# ignored by the loss and the metrics. Class values are 0..254.
NO_CLASS = 255

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]

# ISPRS Vaihingen/Potsdam classes with the palette GeoSeg uses.
ISPRS_CLASSES = [
    {"value": 0, "name": "Impervious surfaces", "color": [255, 255, 255]},
    {"value": 1, "name": "Building", "color": [0, 0, 255]},
    {"value": 2, "name": "Low vegetation", "color": [0, 255, 255]},
    {"value": 3, "name": "Tree", "color": [0, 255, 0]},
    {"value": 4, "name": "Car", "color": [255, 204, 0]},
    {"value": 5, "name": "Clutter", "color": [255, 0, 0]},
]

# Distinct colours for classes beyond the ISPRS six (a qualitative palette).
EXTRA_COLORS = [
    [166, 206, 227], [31, 120, 180], [178, 223, 138], [51, 160, 44], [251, 154, 153],
    [227, 26, 28], [253, 191, 111], [255, 127, 0], [202, 178, 214], [106, 61, 154],
    [255, 255, 153], [177, 89, 40],
]


class MetadataError(ValueError):
    """The model file's header is missing something, or contradicts itself or the weights."""


def default_classes(num_classes: int) -> list[dict[str, Any]]:
    """The ISPRS six for six classes, otherwise ``class 0..N-1`` with a fixed palette."""
    if num_classes == len(ISPRS_CLASSES):
        return copy.deepcopy(ISPRS_CLASSES)
    return [
        {"value": i, "name": f"class {i}", "color": list(EXTRA_COLORS[i % len(EXTRA_COLORS)])}
        for i in range(num_classes)
    ]


def default_normalisation(in_channels: int) -> dict[str, Any]:
    """Pixels / 255, then ImageNet mean/std (or a neutral mean/std for other band counts)."""
    if in_channels == 3:
        mean, std = list(IMAGENET_MEAN), list(IMAGENET_STD)
    else:
        mean, std = [0.45] * in_channels, [0.225] * in_channels
    return {"offset": 0.0, "scale": 255.0, "mean": mean, "std": std}


def normalisation_affine(norm: dict[str, Any]) -> tuple[list[float], list[float]]:
    """Per-band (a, b) with normalised = a * pixel + b, from the header's ``input`` section:
    ((pixel - offset) / scale - mean) / std. The engine and the training loop both use it."""
    offset, scale = float(norm.get("offset", 0.0)), float(norm["scale"])
    a = [1.0 / (scale * float(s)) for s in norm["std"]]
    b = [-(offset / scale + float(m)) / float(s) for m, s in zip(norm["mean"], norm["std"])]
    return a, b


def architecture_of(encoder: str) -> str:
    """The header's architecture name for a RemoteNet with this encoder."""
    return f"remotenet-{encoder}"


def encoder_of(meta: dict[str, Any]) -> str:
    """The encoder a (validated) header names; headers without an architecture are PVT ones."""
    return ARCHITECTURES[meta.get("architecture", ARCHITECTURE)]


def build_metadata(num_classes: int, in_channels: int, given: dict[str, Any] | None = None,
                   architecture: str = ARCHITECTURE, spectral_head: bool = False) -> dict[str, Any]:
    """Complete a (partial) header for a network with the given shape and architecture, then
    validate it."""
    given = copy.deepcopy(given or {})
    meta: dict[str, Any] = {
        "format_version": FLOAT_FORMAT_VERSION,
        "architecture": architecture,
        "in_channels": in_channels,
        "bands": [{"index": i + 1, "name": f"band {i + 1}"} for i in range(in_channels)],
        "classes": default_classes(num_classes),
        "input": default_normalisation(in_channels),
        "tile_size": 512,
        "gsd_m": None,
        "provenance": {},
        "metrics": {},
    }
    meta.update({k: v for k, v in given.items() if k != "input"})
    meta["spectral_head"] = spectral_head  # what the weights are, whatever a copied header said
    meta["input"] = {**default_normalisation(in_channels), **given.get("input", {})}
    meta["bands"] = [_normalise_band(b, i) for i, b in enumerate(meta["bands"])]
    meta["provenance"] = {
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        **meta.get("provenance", {}),
    }
    validate_metadata(meta, num_classes=num_classes, in_channels=in_channels, architecture=architecture,
                      spectral_head=spectral_head)
    return meta


def _normalise_band(band: Any, position: int) -> dict[str, Any]:
    if isinstance(band, str):
        return {"index": position + 1, "name": band}
    if isinstance(band, int):
        return {"index": band, "name": f"band {band}"}
    if isinstance(band, dict):
        return {"index": int(band.get("index", position + 1)), "name": str(band.get("name", f"band {position + 1}"))}
    raise MetadataError(QT_TRANSLATE_NOOP(
        "RemoteNet", "band entry {band!r} is neither a name, a 1-based index nor a dict").format(band=band))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def validate_metadata(meta: dict[str, Any], num_classes: int | None = None,
                      in_channels: int | None = None, architecture: str | None = None,
                      spectral_head: bool | None = None) -> None:
    """Raise MetadataError naming the first problem; shapes, the architecture and the pixel path
    are checked against the weights' when given."""
    def fail(msg: Message) -> None:
        raise MetadataError(QT_TRANSLATE_NOOP("RemoteNet", "model header: {msg}").format(msg=msg))

    version = meta.get("format_version")
    if not isinstance(version, int) or not 1 <= version <= FORMAT_VERSION:
        fail(QT_TRANSLATE_NOOP(
            "RemoteNet", "format_version {version!r} is not supported (this plugin reads up to {format_version}); "
            "update the plugin").format(version=version, format_version=FORMAT_VERSION))
    named = meta.get("architecture", ARCHITECTURE)
    if named not in ARCHITECTURES:
        fail(QT_TRANSLATE_NOOP(
            "RemoteNet", "architecture {named!r} is not one this plugin builds ({architectures}); choose a model "
            "written by RemoteNet Train, or update the plugin").format(
            named=named, architectures=', '.join(ARCHITECTURES)))
    if architecture is not None and named != architecture:
        fail(QT_TRANSLATE_NOOP(
            "RemoteNet", "architecture {named!r} contradicts the weights, which are {architecture!r}").format(
            named=named, architecture=architecture))
    pixel_path = meta.get("spectral_head", False)
    if not isinstance(pixel_path, bool):
        fail(QT_TRANSLATE_NOOP("RemoteNet", "spectral_head {value!r} must be true or false").format(value=pixel_path))
    if spectral_head is not None and pixel_path != spectral_head:
        fail(QT_TRANSLATE_NOOP("RemoteNet", "spectral_head is false but the weights have the spectral head")
             if spectral_head else
             QT_TRANSLATE_NOOP("RemoteNet", "spectral_head is true but the weights have no spectral head"))
    classes = meta.get("classes")
    if not isinstance(classes, list) or not classes:
        fail(QT_TRANSLATE_NOOP("RemoteNet", "'classes' must be a non-empty list"))
    values = []
    for entry in classes:
        if not isinstance(entry, dict) or not {"value", "name", "color"} <= entry.keys():
            fail(QT_TRANSLATE_NOOP(
                "RemoteNet", "class entry {entry!r} needs value, name and color").format(entry=entry))
        value, color = entry["value"], entry["color"]
        if not _is_int(value) or not 0 <= value <= 254:
            fail(QT_TRANSLATE_NOOP(
                "RemoteNet", "class value {value!r} must be an integer 0..254 (255 is nodata)").format(value=value))
        rgb_ok = isinstance(color, list) and len(color) == 3
        if not rgb_ok or not all(_is_int(c) and 0 <= c <= 255 for c in color):
            fail(QT_TRANSLATE_NOOP(
                "RemoteNet", "class {name!r} colour {color!r} must be [r, g, b] with 0..255 integers").format(
                name=entry['name'], color=color))
        values.append(value)
    if len(set(values)) != len(values):
        repeated = sorted({v for v in values if values.count(v) > 1})
        fail(QT_TRANSLATE_NOOP(
            "RemoteNet",
            "class value(s) {repeated} appear more than once in {values}; give each class its own value").format(
            repeated=', '.join(map(str, repeated)), values=values))
    if num_classes is not None and len(classes) != num_classes:
        fail(QT_TRANSLATE_NOOP(
            "RemoteNet", "lists {classes_count} classes but the weights predict {num_classes}").format(
            classes_count=len(classes), num_classes=num_classes))
    bands = meta.get("in_channels")
    if not _is_int(bands) or bands < 1:
        fail(QT_TRANSLATE_NOOP(
            "RemoteNet", "in_channels {bands!r} must be a whole number of at least 1").format(bands=bands))
    if in_channels is not None and bands != in_channels:
        fail(QT_TRANSLATE_NOOP(
            "RemoteNet", "says {bands} input bands but the weights take {in_channels}").format(
            bands=bands, in_channels=in_channels))
    if not isinstance(meta.get("bands", []), list) or len(meta.get("bands", [])) != bands:
        fail(QT_TRANSLATE_NOOP(
            "RemoteNet", "'bands' lists {get_count} bands but in_channels is {bands}").format(
            get_count=len(meta.get('bands', [])), bands=bands))
    norm = meta.get("input", {})
    if not isinstance(norm, dict):
        fail(QT_TRANSLATE_NOOP("RemoteNet", "'input' must be an object with offset, scale, mean and std"))
    for key in ("mean", "std"):
        numbers = norm.get(key, [])
        if not isinstance(numbers, list) or len(numbers) != bands:
            fail(QT_TRANSLATE_NOOP(
                "RemoteNet", "input.{key} has {value} values for {bands} bands").format(
                key=key, value=len(numbers) if isinstance(numbers, list) else 'no', bands=bands))
        if not all(_is_finite(v) for v in numbers):
            fail(QT_TRANSLATE_NOOP(
                "RemoteNet", "input.{key} {numbers!r} must hold finite numbers").format(key=key, numbers=numbers))
    if not all(_is_finite(norm.get(k, 0.0)) for k in ("offset", "scale")):
        fail(QT_TRANSLATE_NOOP("RemoteNet", "input.offset and input.scale must be finite numbers"))
    if any(s <= 0 for s in norm["std"]) or not norm.get("scale") or norm["scale"] <= 0:
        fail(QT_TRANSLATE_NOOP("RemoteNet", "input.std values and input.scale must be positive"))
    tile = meta.get("tile_size")
    if not _is_int(tile) or tile < 32:
        fail(QT_TRANSLATE_NOOP("RemoteNet", "tile_size {tile!r} must be an integer of at least 32").format(tile=tile))

"""Fine-tuning: a training run that starts from an existing RemoteNet model file (Train's
INITIAL_MODEL, ``remotenet train --initial-model``).

The rules, in one place for QGIS and the command line:

- the initial model must be a RemoteNet ``.safetensors`` model file (its header gives the encoder,
  classes, bands and normalisation; a plain PyTorch checkpoint has none of them);
- its encoder is the run's encoder, whatever ENCODER says;
- it takes as many bands as the training uses: without BANDS, the bands its header lists
  (Segment's rule); a different count is refused;
- the same classes (values in order, and names where the labels name them: a class raster
  without names takes the model's) continue with its classification head; another class list gets
  a new head (``Decoder.FRM.head``), its rows copied for classes of the same name, and every other
  weight is the initial model's;
- its normalisation is kept unless the run asks to recompute it from the training pixels;
- the new model file records its parent (header ``initial_model``: name, SHA-256, and what was
  kept).

``initial_header`` and ``training_bands`` need no torch (QGIS checks parameters on its GUI
thread); ``start_from`` loads the weights.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .header import HEAD_KEY, ModelFileError, file_kind, safetensors_header
from .messages import QT_TRANSLATE_NOOP
from .metadata import encoder_of

# The classification heads: the only weights whose shape depends on the classes (the pixel
# path's last layer too, where the model has one).
HEAD_KEYS = (HEAD_KEY, HEAD_KEY.removesuffix(".weight") + ".bias")
SPECTRAL_HEAD_KEYS = ("Spectral.classify.weight", "Spectral.classify.bias")


class InitialModelError(ValueError):
    """The initial model cannot start this run; the message says why (the caller names its parameter)."""


def initial_header(path: str | os.PathLike) -> dict[str, Any]:
    """The validated header of a RemoteNet ``.safetensors`` model file, or InitialModelError. No torch."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise InitialModelError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path} is not a file; choose a RemoteNet model file (.safetensors)").format(path=path))
    try:
        if file_kind(path) != "safetensors":
            raise InitialModelError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path} is a PyTorch checkpoint, not a RemoteNet model file: it has no classes, bands "
                "or normalisation to continue from; choose a .safetensors file written by RemoteNet Train").format(
                path=path))
        return safetensors_header(path)
    except ModelFileError as err:
        raise InitialModelError(QT_TRANSLATE_NOOP(
            "RemoteNet", "not a RemoteNet model file: {err}").format(err=err)) from err
    except OSError as err:
        raise InitialModelError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path} cannot be read ({err}); choose a RemoteNet model file you can read").format(
            path=path, err=err.strerror or err)) from err


def training_bands(header: dict[str, Any], raster_bands: int, bands: Optional[list[int]]) -> list[int]:
    """The raster bands a fine-tuning run learns from: ``bands`` when given, else the bands the
    initial model's header lists; as many as the model takes, or InitialModelError. No torch."""
    wanted = int(header["in_channels"])
    if bands:
        if len(bands) != wanted:
            raise InitialModelError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the model takes {wanted} band(s), but {count} band(s) were chosen; choose {wanted} "
                "band(s) or another model").format(wanted=wanted, count=len(bands)))
        return list(bands)
    listed = [int(b["index"]) for b in header["bands"]]
    if all(1 <= b <= raster_bands for b in listed):
        return listed
    if raster_bands == wanted:
        return list(range(1, wanted + 1))
    raise InitialModelError(QT_TRANSLATE_NOOP(
        "RemoteNet", "the model takes {wanted} band(s), but the raster has {count}; fine-tune on a raster with "
        "the model's bands, or choose another model").format(wanted=wanted, count=raster_bands))


def file_sha256(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class FineTuneStart:
    """The network to train, and what was taken from the initial model (``record``, for the header)."""

    model: Any  # RemoteNet
    encoder: str
    norm: dict[str, Any]
    record: dict[str, Any] = field(default_factory=dict)
    classes: list[dict[str, Any]] = field(default_factory=list)  # the new model's (names and colours)

    @property
    def head_kept(self) -> bool:
        """The labels have the model's classes: its heads go on learning (not refitted, not zeroed)."""
        return self.record.get("head") == "kept"


def _class_text(classes: list[dict[str, Any]]) -> str:
    return ", ".join(f"{c['value']} {c['name']}" for c in classes)


def start_from(path: str | os.PathLike, header: dict[str, Any], recompute_normalisation: bool = False,
               asked_encoder: Optional[str] = None,
               log: Optional[Callable[[str], None]] = None) -> FineTuneStart:
    """The initial model's network, ready to train on chips described by ``header`` (the chips'
    header: classes, bands, input): the same network when the classes are the same, else one with a
    new classification head. ``log`` gets one line per decision."""
    import torch

    from .model_file import load_model
    from .network import RemoteNet

    say = log or (lambda _text: None)
    path = os.fspath(path)
    meta = initial_header(path)
    try:
        initial, meta = load_model(path, "cpu")
    except ModelFileError as err:
        raise InitialModelError(QT_TRANSLATE_NOOP(
            "RemoteNet", "not a RemoteNet model file: {err}").format(err=err)) from err
    name = os.path.basename(path)
    encoder = encoder_of(meta)
    in_channels = len(header["bands"])
    if initial.in_channels != in_channels:
        raise InitialModelError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the model takes {wanted} band(s), but the training data has {count}; choose {wanted} "
            "band(s) or another model").format(wanted=initial.in_channels, count=in_channels))
    if asked_encoder and asked_encoder != encoder:
        say(QT_TRANSLATE_NOOP(
            "RemoteNet", "Fine-tuning {name}: its encoder, {encoder}, is used (the ENCODER choice, {asked}, does not "
            "apply)").format(name=name, encoder=encoder, asked=asked_encoder))
    else:
        say(QT_TRANSLATE_NOOP("RemoteNet", "Fine-tuning {name} (encoder {encoder})").format(
            name=name, encoder=encoder))
    old, new = meta["classes"], header["classes"]
    record: dict[str, Any] = {"name": name, "sha256": file_sha256(path), "architecture": meta["architecture"]}
    classes = new
    if same_classes(old, new):
        model = initial
        record["head"] = "kept"
        # Labels without names (a class raster's values) take the model's names and colours.
        classes = [o if _unnamed(n) else n for o, n in zip(old, new)]
        say(QT_TRANSLATE_NOOP(
            "RemoteNet", "The labels have the model's classes ({classes}): its classification head goes on "
            "learning").format(classes=_class_text(classes)))
    else:
        torch.manual_seed(0)
        model = RemoteNet(num_classes=len(new), in_channels=in_channels, encoder=encoder,
                          spectral_head=initial.has_spectral_head)
        state = model.state_dict()
        source = initial.state_dict()
        head_keys = HEAD_KEYS + (SPECTRAL_HEAD_KEYS if initial.has_spectral_head else ())
        row_of = {c["name"].casefold(): i for i, c in enumerate(old)}
        kept = []
        for i, cls in enumerate(new):
            j = row_of.get(cls["name"].casefold())
            if j is not None:
                for key in head_keys:
                    state[key][i] = source[key][j]
                kept.append(cls["name"])
        for key, value in source.items():
            if key not in head_keys:
                state[key] = value
        model.load_state_dict(state, strict=True)
        record.update({"head": "new", "reinitialised": list(head_keys), "head_rows_kept": kept,
                       "initial_classes": [{"value": c["value"], "name": c["name"]} for c in old]})
        say(QT_TRANSLATE_NOOP(
            "RemoteNet", "The labels' classes ({classes}) are not the model's ({initial}): new classification head; "
            "re-initialised: {layers} (rows kept for classes of the same name: {kept}); every other weight is the "
            "model's").format(classes=_class_text(new), initial=_class_text(old), layers=", ".join(head_keys),
                              kept=", ".join(kept) or "-"))
    if recompute_normalisation:
        norm = dict(header["input"])
        record["normalisation"] = "recomputed"
        say(QT_TRANSLATE_NOOP(
            "RemoteNet", "Normalisation recomputed from the training pixels, as asked (scale {scale}, mean {mean}, "
            "std {std})").format(scale=_g(norm["scale"]), mean=_gs(norm["mean"]), std=_gs(norm["std"])))
    else:
        norm = dict(meta["input"])
        record["normalisation"] = "kept"
        say(QT_TRANSLATE_NOOP(
            "RemoteNet", "Normalisation kept from the model (scale {scale}, mean {mean}, std {std}); ask to "
            "recompute it to use the training pixels' instead").format(
            scale=_g(norm["scale"]), mean=_gs(norm["mean"]), std=_gs(norm["std"])))
    return FineTuneStart(model=model.train(), encoder=encoder, norm=norm, record=record,
                         classes=[dict(c) for c in classes])


def same_classes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> bool:
    """The labels' classes are the model's: the same values in the same order, and the same names
    (in any case) where the labels name them (a class raster without names gives the value as text)."""
    return len(old) == len(new) and all(
        o["value"] == n["value"] and (_unnamed(n) or o["name"].casefold() == n["name"].casefold())
        for o, n in zip(old, new))


def _unnamed(cls: dict[str, Any]) -> bool:
    return str(cls["name"]).strip() == str(cls["value"])


def fine_tuned_header(header: dict[str, Any], start: FineTuneStart) -> dict[str, Any]:
    """The chips' header for a fine-tuned model: the initial model's normalisation (or the
    recomputed one) and the parent record."""
    return {**header, "input": dict(start.norm), "classes": [dict(c) for c in start.classes] or header["classes"],
            "initial_model": dict(start.record)}


def _g(value: float) -> str:
    return f"{float(value):.6g}"


def _gs(values: list[float]) -> str:
    return "[" + ", ".join(_g(v) for v in values) + "]"

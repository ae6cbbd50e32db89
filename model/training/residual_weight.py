"""How much of the decoder's logits to keep beside a spectral head fitted first.

With the spectral head fitted first (spectral_fit.py), the network's logits are the head's plus
the decoder's residual. On a few polygons the decoder memorises the training polygons by their
surroundings and, elsewhere, sometimes overrules a spectrum that was right: over six runs each
on the 10 m and 30 m few-polygon scenes (docs/training.md), keeping a quarter of the decoder's
logits had the best worst run on both and the best mean at 30 m; the whole decoder had the worst
runs (below a random forest), and the head alone was below the quarter on both. So Train keeps
``TrainConfig.few_labels_decoder_weight`` of it when validation is too small to judge, and lets
validation choose among ``WEIGHTS`` when it is large enough. The weight is folded into the
decoder's class head: its last layer is a 1x1 convolution and upsampling is linear, so scaling
its weight and bias scales the decoder's logits exactly, in every runtime, and the model file
keeps its format.
"""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
import torch

from ..metadata import NO_CLASS
from ..metrics import ConfusionMatrix
from ..network import RemoteNet
from .augment import normalise_batch

WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)


@torch.no_grad()
def score_residual_weights(model: RemoteNet, images: np.ndarray, labels: np.ndarray, num_classes: int,
                           norm: Optional[dict[str, Any]], device: torch.device, batch_size: int,
                           amp: bool) -> dict[float, dict[str, Any]]:
    """Metrics on labelled chips of the spectral head's logits plus each weight times the decoder's."""
    model.eval()
    confusion = {w: ConfusionMatrix(num_classes, NO_CLASS) for w in WEIGHTS}
    for start in range(0, len(images), batch_size):
        x = normalise_batch(torch.from_numpy(np.ascontiguousarray(images[start:start + batch_size])).to(device),
                            norm)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=amp):
            whole = model(x).float()
            spectral = model.Spectral(x).float()
        residual = whole - spectral
        y = labels[start:start + batch_size]
        for w, cm in confusion.items():
            cm.update((spectral + w * residual).argmax(1), y)
    return {w: cm.metrics() for w, cm in confusion.items()}


def choose_residual_weight(scores: dict[float, dict[str, Any]]) -> float:
    """The weight with the best mIoU (overall accuracy breaks ties; then the larger weight, so that
    the decoder is kept unless the held-out objects say otherwise)."""
    def key(w: float) -> tuple[float, float, float]:
        m = scores[w]
        return (m["miou"] or 0.0, m["oa"] or 0.0, w)
    return max(scores, key=key)


def decoder_weight(model: RemoteNet, images: Optional[np.ndarray], labels: Optional[np.ndarray],
                   num_classes: int, norm: Optional[dict[str, Any]], device: torch.device, batch_size: int,
                   amp: bool, prior: float) -> dict[str, Any]:
    """The share of the decoder's logits to keep: chosen on the validation chips when given, else
    ``prior``; returns it with how it was chosen (and the scores), for the log and the file."""
    if images is None or labels is None:
        return {"weight": prior, "chosen_by": "few_labels"}
    try:
        scores = score_residual_weights(model, images, labels, num_classes, norm, device, batch_size, amp)
    finally:
        model.train()
    weight = choose_residual_weight(scores)
    return {"weight": weight, "chosen_by": "validation", "pixels": int(np.count_nonzero(labels != NO_CLASS)),
            "scores": [{"weight": w, "miou": _round(m["miou"]), "oa": _round(m["oa"])} for w, m in scores.items()]}


@torch.no_grad()
def scale_residual(model: RemoteNet, weight: float) -> None:
    """Scale the decoder's logits by ``weight`` for good (its class head's weight and bias)."""
    if weight != 1.0:
        model.Decoder.FRM.head.weight.mul_(weight)
        model.Decoder.FRM.head.bias.mul_(weight)


def weight_summary(info: dict[str, Any]) -> dict[str, Any]:
    """The figures of a "decoder_weight" event for a log line: percent kept and, when validation
    chose, its pixels, the chosen weight's mIoU and the whole decoder's."""
    figures: dict[str, Any] = {"percent": round(100 * info["weight"])}
    if info.get("scores"):
        scores = {s["weight"]: s for s in info["scores"]}
        figures.update(pixels=info["pixels"], miou=f"{scores[info['weight']]['miou'] or 0:.3f}",
                       whole=f"{scores[1.0]['miou'] or 0:.3f}")
    return figures


def _round(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(float(value), 4)

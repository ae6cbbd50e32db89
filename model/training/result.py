"""What a training run gives back (``TrainResult``), and writing it as a model file."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from ..network import RemoteNet


@dataclass
class TrainResult:
    """The best model (in eval mode, on the CPU) and how it was reached."""

    model: RemoteNet
    best_metrics: dict[str, Any]
    best_step: int
    best_epoch: float
    steps: int
    epochs: float
    stopped_by: str  # "epochs", "steps" or "time"
    elapsed_s: float
    device: str
    first_losses: list[float]
    last_losses: list[float]
    history: list[dict[str, Any]] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    # Which weights were kept: {"rule": "best" or "last", "averaged": bool, and, when validation
    # was too small to choose, its numbers (val_pixels, val_pixels_per_class, ...)}.
    checkpoint: dict[str, Any] = field(default_factory=dict)
    # The spectral head's first stage (spectral_fit.py): labelled pixels, steps, training accuracy.
    spectral_fit: Optional[dict[str, Any]] = None
    # The share of the decoder's logits kept beside the spectral head (residual_weight.py): the
    # weight, "chosen_by" (few_labels or validation) and, chosen by validation, each weight's scores.
    decoder_weight: Optional[dict[str, Any]] = None

    @property
    def loss_decreased(self) -> bool:
        return bool(self.first_losses and self.last_losses
                    and np.mean(self.last_losses) < np.mean(self.first_losses))

    def summary(self) -> dict[str, Any]:
        """JSON-ready facts about the run, for the model file's provenance."""
        return {
            "steps": self.steps, "epochs": round(self.epochs, 3), "stopped_by": self.stopped_by,
            "elapsed_s": round(self.elapsed_s, 1), "device": self.device,
            "best_step": self.best_step, "best_epoch": round(self.best_epoch, 3),
            "loss_first": _mean_or_none(self.first_losses), "loss_last": _mean_or_none(self.last_losses),
            "checkpoint": self.checkpoint, "config": self.config,
            **({"spectral_fit": self.spectral_fit} if self.spectral_fit else {}),
            **({"decoder_weight": self.decoder_weight} if self.decoder_weight else {}),
        }


def save_trained_model(result: TrainResult, path: Any, header: dict[str, Any],
                       half: bool = False) -> dict[str, Any]:
    """Write the best model with ``header`` (classes, bands, input, tile size, gsd, provenance)
    completed by the validation metrics and the run's facts; returns the written header."""
    from ..model_file import save_model

    header = copy.deepcopy(header)
    classes = header.get("classes")
    metrics = dict(header.get("metrics", {}))
    if result.best_metrics:
        names = [c["name"] for c in classes] if classes else None
        values = [c["value"] for c in classes] if classes else None
        val = result.best_metrics
        per_class = [{**c, "name": names[i] if names else c["name"], "value": values[i] if values else c["value"]}
                     for i, c in enumerate(val["per_class"])]
        metrics["validation"] = {
            "held_out": True, "miou": _round(val["miou"]), "oa": _round(val["oa"]), "kappa": _round(val["kappa"]),
            "pixels": val["pixels"],
            "per_class": [{k: _round(v) for k, v in c.items()} for c in per_class],
            "split": split_text(header),
        }
    elif result.checkpoint.get("trained_on_validation"):
        # No held-out pixel is left to score: say so rather than report figures on trained pixels.
        metrics["validation"] = {"held_out": False, "split": TRAINED_ON_VALIDATION}
    class_pixels = header.get("provenance", {}).get("data", {}).get("split", {}).get("val_pixels_per_class")
    if "validation" in metrics and class_pixels is not None and classes:
        metrics["validation"]["class_pixels"] = dict(zip([c["name"] for c in classes], class_pixels))
    header["metrics"] = metrics
    provenance = dict(header.get("provenance", {}))
    provenance["training"] = {**provenance.get("training", {}), **result.summary()}
    header["provenance"] = provenance
    return save_model(result.model, path, header, half=half)


TRAINED_ON_VALIDATION = ("the held-out objects were too few to choose a checkpoint and were trained on; "
                         "score the model with RemoteNet Evaluate on other polygons")


def split_text(header: dict[str, Any]) -> str:
    method = header.get("provenance", {}).get("data", {}).get("split", {}).get("method")
    if method == "objects":
        return "labelled objects held out; no training chip holds a validation pixel"
    return "spatial blocks held out from the training chips"


def _mean_or_none(values: list[float]) -> Optional[float]:
    return round(float(np.mean(values)), 5) if values else None


def _round(value: Any) -> Any:
    return round(value, 5) if isinstance(value, float) else value


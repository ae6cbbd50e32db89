"""The checkpoint keeper: validation on the held-out chips, and the weights with the best mIoU so far."""
from __future__ import annotations

from typing import Any, Callable, Optional

import numpy as np
import torch

from ..metadata import NO_CLASS
from ..metrics import ConfusionMatrix
from ..network import RemoteNet
from .augment import normalise_batch


class WeightAverage:
    """An exponential moving average of a model's weights (buffers such as BatchNorm's running
    statistics are copied, not averaged). The decay ramps up as ``(1 + n) / (10 + n)`` over the
    first updates, so early weights do not linger."""

    def __init__(self, model: torch.nn.Module, decay: float) -> None:
        self.decay, self.updates = decay, 0
        self.state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    @torch.no_grad()
    def update(self, model: torch.nn.Module) -> None:
        self.updates += 1
        decay = min(self.decay, (1 + self.updates) / (10 + self.updates))
        for key, value in model.state_dict().items():
            mine = self.state[key]
            if value.dtype.is_floating_point and not key.endswith(("running_mean", "running_var")):
                mine.lerp_(value.detach(), 1.0 - decay)
            else:
                mine.copy_(value)

    def swap(self, model: torch.nn.Module) -> dict[str, torch.Tensor]:
        """Load the averaged weights into ``model``; returns its own weights, to swap back."""
        own = {k: v.detach().clone() for k, v in model.state_dict().items()}
        model.load_state_dict(self.state)
        return own


def validation_too_small(labels: Optional[np.ndarray], train_labels: np.ndarray, num_classes: int,
                         min_pixels: int, min_class_pixels: int) -> Optional[dict[str, Any]]:
    """None when the validation chips can choose a checkpoint; else the numbers that say why not:
    fewer than ``min_pixels`` labelled validation pixels, or fewer than ``min_class_pixels`` in a
    class that has training pixels."""
    if labels is None or len(labels) == 0:
        return {"val_pixels": 0, "val_pixels_per_class": [0] * num_classes, "min_pixels": min_pixels,
                "min_class_pixels": min_class_pixels}
    counts = np.bincount(labels[labels != NO_CLASS].ravel(), minlength=num_classes)[:num_classes]
    trains = np.bincount(train_labels[train_labels != NO_CLASS].ravel(), minlength=num_classes)[:num_classes]
    short = counts.sum() < min_pixels or bool(np.any(counts[trains > 0] < min_class_pixels))
    if not short:
        return None
    return {"val_pixels": int(counts.sum()), "val_pixels_per_class": counts.tolist(), "min_pixels": min_pixels,
            "min_class_pixels": min_class_pixels}


class BestCheckpoint:
    """Validation on the held-out chips, the weights with the best mIoU so far, and the history.

    ``clock`` is the run's clock (seconds), so that validation times and the run's budget agree."""

    def __init__(self, images: Optional[np.ndarray], labels: Optional[np.ndarray], num_classes: int,
                 norm: Optional[dict[str, Any]], device: torch.device, batch_size: int, amp: bool,
                 steps_per_epoch: int, started: float, emit: Callable[[dict[str, Any]], None],
                 clock: Callable[[], float]) -> None:
        self.images, self.labels, self.num_classes, self.norm = images, labels, num_classes, norm
        self.device, self.batch_size, self.amp = device, batch_size, amp
        self.steps_per_epoch, self.started, self.emit, self.clock = steps_per_epoch, started, emit, clock
        self.state: Optional[dict[str, torch.Tensor]] = None
        self.metrics: dict[str, Any] = {}
        self.miou, self.step = -1.0, 0
        self.seconds: Optional[float] = None  # how long the last validation took
        self.last_step, self.last_time = -1, started
        self.history: list[dict[str, Any]] = []
        self.last_metrics: dict[str, Any] = {}

    def keep(self, model: RemoteNet, step: int, metrics: dict[str, Any]) -> None:
        self.state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
        self.metrics, self.step = metrics, step

    def validate(self, model: RemoteNet, step: int, average: Optional[WeightAverage] = None) -> None:
        """Score ``model`` (its averaged weights when ``average`` is given) on the validation chips;
        keep those weights when they beat the best so far."""
        own = average.swap(model) if average is not None else None
        try:
            self._validate(model, step)
        finally:
            if own is not None:
                model.load_state_dict(own)

    def _validate(self, model: RemoteNet, step: int) -> None:
        t0 = self.clock()
        metrics = evaluate_chips(model, self.images, self.labels, self.num_classes, self.norm, self.device,
                                 self.batch_size, self.amp)
        model.train()
        self.seconds = self.clock() - t0
        self.last_step, self.last_time = step, self.clock()
        miou = metrics["miou"] if metrics["miou"] is not None else 0.0
        improved = miou > self.miou
        self.last_metrics = metrics
        if improved:
            self.miou = miou
            self.keep(model, step, metrics)
        record = {"event": "validation", "step": step, "epoch": round(step / self.steps_per_epoch, 3),
                  "miou": metrics["miou"], "oa": metrics["oa"], "best_miou": self.miou, "improved": improved,
                  "iou": [c["iou"] for c in metrics["per_class"]], "val_s": round(self.seconds, 2),
                  "elapsed_s": round(self.clock() - self.started, 1)}
        self.history.append(record)
        self.emit(record)

    def restore(self, model: RemoteNet, step: int) -> None:
        """Load the best weights into ``model``; without any validation, the last ones are kept."""
        if self.state is None:
            self.keep(model, step, {})
        model.load_state_dict(self.state)


@torch.no_grad()
def evaluate_chips(model: RemoteNet, images: np.ndarray, labels: np.ndarray, num_classes: int,
                   norm: Optional[dict[str, Any]] = None, device: torch.device | str = "cpu",
                   batch_size: int = 8, amp: bool = False) -> dict[str, Any]:
    """Metrics (see ``metrics_from_confusion``) of the model's argmax on labelled chips."""
    device = torch.device(device)
    model.eval()
    cm = ConfusionMatrix(num_classes, NO_CLASS)
    for start in range(0, len(images), batch_size):
        x = torch.from_numpy(np.ascontiguousarray(images[start:start + batch_size])).to(device)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=amp):
            logits = model(normalise_batch(x, norm))
        cm.update(logits.argmax(1), labels[start:start + batch_size])
    return cm.metrics()


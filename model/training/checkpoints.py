"""The checkpoint keeper: validation on the held-out chips, and the weights with the best mIoU so far."""
from __future__ import annotations

from typing import Any, Callable, Optional

import numpy as np
import torch

from ..metadata import NO_CLASS
from ..metrics import ConfusionMatrix
from ..network import RemoteNet
from .augment import normalise_batch


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

    def keep(self, model: RemoteNet, step: int, metrics: dict[str, Any]) -> None:
        self.state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
        self.metrics, self.step = metrics, step

    def validate(self, model: RemoteNet, step: int) -> None:
        t0 = self.clock()
        metrics = evaluate_chips(model, self.images, self.labels, self.num_classes, self.norm, self.device,
                                 self.batch_size, self.amp)
        model.train()
        self.seconds = self.clock() - t0
        self.last_step, self.last_time = step, self.clock()
        miou = metrics["miou"] if metrics["miou"] is not None else 0.0
        improved = miou > self.miou
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


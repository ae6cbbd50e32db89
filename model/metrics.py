"""Segmentation metrics from a confusion matrix: IoU, F1, precision, recall, mIoU, OA, kappa.

The confusion matrix has the reference in rows and the prediction in columns:
``cm[i, j]`` counts pixels of reference class i predicted as class j. Pixels whose
reference (or prediction) is ``ignore_index`` are not counted.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from .metadata import NO_CLASS


def confusion_matrix(prediction: Any, reference: Any, num_classes: int,
                     ignore_index: int = NO_CLASS) -> np.ndarray:
    """(num_classes, num_classes) int64 counts for class indices 0..num_classes-1.

    Accepts numpy arrays or torch tensors of the same shape. Pixels where either side is
    ``ignore_index`` are skipped; any other value outside 0..num_classes-1 is an error.
    """
    pred = _as_numpy(prediction).reshape(-1).astype(np.int64)
    ref = _as_numpy(reference).reshape(-1).astype(np.int64)
    if pred.shape != ref.shape:
        raise ValueError(f"prediction has {pred.size} pixels but the reference has {ref.size}")
    keep = (ref != ignore_index) & (pred != ignore_index)
    pred, ref = pred[keep], ref[keep]
    bad = (pred < 0) | (pred >= num_classes) | (ref < 0) | (ref >= num_classes)
    if bad.any():
        raise ValueError(f"class indices must be 0..{num_classes - 1} (or {ignore_index} to ignore); "
                         f"found {sorted(set(pred[bad].tolist()) | set(ref[bad].tolist()))[:10]}")
    return np.bincount(ref * num_classes + pred, minlength=num_classes * num_classes).reshape(
        num_classes, num_classes)


class ConfusionMatrix:
    """Accumulates a confusion matrix over batches or raster windows."""

    def __init__(self, num_classes: int, ignore_index: int = NO_CLASS):
        self.num_classes = num_classes
        self.ignore_index = ignore_index
        self.matrix = np.zeros((num_classes, num_classes), dtype=np.int64)

    def update(self, prediction: Any, reference: Any) -> None:
        self.matrix += confusion_matrix(prediction, reference, self.num_classes, self.ignore_index)

    def metrics(self, class_names: Sequence[str] | None = None,
                class_values: Sequence[int] | None = None) -> dict[str, Any]:
        return metrics_from_confusion(self.matrix, class_names, class_values)


def metrics_from_confusion(cm: Any, class_names: Sequence[str] | None = None,
                           class_values: Sequence[int] | None = None) -> dict[str, Any]:
    """Per-class IoU/F1/precision/recall, mIoU, mean F1, overall accuracy and Cohen's kappa.

    A class that appears in neither the reference nor the prediction has undefined scores
    (``None``) and is left out of the means; a class predicted but absent from the
    reference scores 0. Everything is plain Python (JSON-ready).
    """
    cm = np.asarray(cm, dtype=np.float64)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise ValueError(f"confusion matrix must be square, got shape {cm.shape}")
    k = cm.shape[0]
    names = list(class_names) if class_names is not None else [str(i) for i in range(k)]
    values = list(class_values) if class_values is not None else list(range(k))
    tp = np.diag(cm)
    ref_total = cm.sum(axis=1)
    pred_total = cm.sum(axis=0)
    total = cm.sum()
    per_class = []
    ious, f1s = [], []
    for i in range(k):
        union = ref_total[i] + pred_total[i] - tp[i]
        iou = _ratio(tp[i], union)
        precision = _ratio(tp[i], pred_total[i])
        recall = _ratio(tp[i], ref_total[i])
        f1 = _ratio(2 * tp[i], ref_total[i] + pred_total[i])
        if iou is not None:
            ious.append(iou)
            f1s.append(f1)
        per_class.append({
            "value": int(values[i]), "name": str(names[i]), "iou": iou, "f1": f1,
            "precision": precision, "recall": recall,
            "reference_pixels": int(ref_total[i]), "predicted_pixels": int(pred_total[i]),
        })
    oa = _ratio(tp.sum(), total)
    expected = float((ref_total * pred_total).sum() / (total * total)) if total else math.nan
    if total == 0:
        kappa = None
    elif expected >= 1.0:
        kappa = 1.0 if oa == 1.0 else 0.0  # one class everywhere on both sides
    else:
        kappa = float((oa - expected) / (1.0 - expected))
    return {
        "per_class": per_class,
        "miou": float(np.mean(ious)) if ious else None,
        "mean_f1": float(np.mean(f1s)) if f1s else None,
        "oa": oa,
        "kappa": kappa,
        "pixels": int(total),
        "confusion_matrix": cm.astype(np.int64).tolist(),
    }


def _ratio(num: float, den: float) -> float | None:
    return float(num / den) if den > 0 else None


def _as_numpy(array: Any) -> np.ndarray:
    if hasattr(array, "detach"):
        return array.detach().to("cpu").numpy()
    return np.asarray(array)

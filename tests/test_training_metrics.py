"""Metrics and losses against hand-computed values."""
import math

import numpy as np
import pytest
import torch

from remotenet.model.losses import SegmentationLoss, dice_loss
from remotenet.model.metrics import ConfusionMatrix, confusion_matrix, metrics_from_confusion


def test_confusion_matrix_counts_reference_rows_prediction_columns():
    ref = np.array([[0, 0, 1], [1, 2, 255]])
    pred = np.array([[0, 1, 1], [1, 0, 2]])
    cm = confusion_matrix(pred, ref, 3)
    # (0,0) (0,1) (1,1) (1,1) (2,0); the 255 pixel is ignored.
    assert cm.tolist() == [[1, 1, 0], [0, 2, 0], [1, 0, 0]]
    assert confusion_matrix(torch.tensor(pred), torch.tensor(ref), 3).tolist() == cm.tolist()


def test_metrics_match_hand_computation():
    cm = np.array([[50, 10], [5, 35]])  # rows reference, columns prediction
    m = metrics_from_confusion(cm, ["background", "building"], [0, 1])
    bg, bu = m["per_class"]
    assert bu["iou"] == pytest.approx(35 / (35 + 10 + 5))
    assert bg["iou"] == pytest.approx(50 / (50 + 10 + 5))
    assert bu["precision"] == pytest.approx(35 / 45)
    assert bu["recall"] == pytest.approx(35 / 40)
    assert bu["f1"] == pytest.approx(2 * 35 / (45 + 40))
    assert m["miou"] == pytest.approx((35 / 50 + 50 / 65) / 2)
    assert m["oa"] == pytest.approx(85 / 100)
    pe = (60 * 55 + 40 * 45) / 100 ** 2
    assert m["kappa"] == pytest.approx((0.85 - pe) / (1 - pe))
    assert m["confusion_matrix"] == cm.tolist()
    assert bu["reference_pixels"] == 40 and bu["predicted_pixels"] == 45


def test_three_classes_with_an_absent_class():
    cm = np.array([[3, 1, 0], [2, 4, 0], [0, 0, 0]])
    m = metrics_from_confusion(cm)
    assert m["per_class"][2]["iou"] is None  # neither in reference nor prediction
    assert m["miou"] == pytest.approx((3 / 6 + 4 / 7) / 2)
    # Predicted but never in the reference: IoU 0, counted in the mean.
    m2 = metrics_from_confusion(np.array([[3, 1], [0, 0]]))
    assert m2["per_class"][1]["iou"] == 0.0 and m2["per_class"][1]["recall"] is None
    assert m2["miou"] == pytest.approx((3 / 4 + 0) / 2)


def test_accumulator_equals_one_shot():
    rng = np.random.default_rng(0)
    ref = rng.integers(0, 4, (2, 32, 32))
    pred = rng.integers(0, 4, (2, 32, 32))
    acc = ConfusionMatrix(4)
    acc.update(pred[0], ref[0])
    acc.update(pred[1], ref[1])
    assert (acc.matrix == confusion_matrix(pred, ref, 4)).all()
    assert acc.matrix.sum() == 2 * 32 * 32


def test_out_of_range_class_is_an_error():
    with pytest.raises(ValueError, match="class indices"):
        confusion_matrix(np.array([3]), np.array([0]), 2)


def test_perfect_and_empty_kappa():
    m = metrics_from_confusion(np.array([[10, 0], [0, 0]]))
    assert m["oa"] == 1.0 and m["kappa"] == 1.0
    assert metrics_from_confusion(np.zeros((2, 2)))["kappa"] is None


def test_losses_ignore_unlabelled_and_reward_correct_logits():
    target = torch.tensor([[[0, 1], [1, 255]]])
    good = torch.zeros(1, 2, 2, 2)
    good[0, 0][target[0] == 0] = 10
    good[0, 1][target[0] == 1] = 10
    bad = good.flip(1)
    assert dice_loss(good, target) < 0.01
    assert dice_loss(bad, target) > 0.7  # smoothing keeps tiny batches off 1.0
    loss = SegmentationLoss()
    assert loss(good, target) < 0.01 < loss(bad, target)
    # A change in an ignored pixel's logits changes nothing.
    other = good.clone()
    other[0, :, 1, 1] = torch.tensor([-50.0, 50.0])
    assert torch.allclose(loss(good, target), loss(other, target))
    # Nothing labelled: zero, and still differentiable.
    logits = torch.randn(1, 2, 2, 2, requires_grad=True)
    value = loss(logits, torch.full((1, 2, 2), 255))
    value.backward()
    assert value.item() == 0.0 and not math.isnan(value.item())

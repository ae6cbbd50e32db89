"""The training loop on CPU: a real crop for a few steps, an easy scene to high IoU, budgets, cancel.

Kept small for 2 shared cores: RemoteNet pads inputs to 256 px, so chips are 128 px.
"""
from pathlib import Path

import numpy as np
import pytest
import torch

from remotenet.model import load_model, read_metadata
from remotenet.model.training import (
    ChipSet,
    TrainConfig,
    TrainingCancelled,
    TrainingError,
    evaluate_chips,
    save_trained_model,
    train_model,
)
from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _threads():
    torch.set_num_threads(2)


def squares(n, size, seed):
    """Bright squares on dark, noisy ground: an easy scene (class 1 = square)."""
    rng = np.random.default_rng(seed)
    x = rng.normal(50, 10, (n, 1, size, size)).astype(np.float32)
    y = np.zeros((n, size, size), np.uint8)
    for i in range(n):
        for _ in range(rng.integers(2, 5)):
            s = rng.integers(size // 8, size // 3)
            r, c = rng.integers(0, size - s, 2)
            x[i, 0, r:r + s, c:c + s] += 100
            y[i, r:r + s, c:c + s] = 1
    return x, y


NORM = {"offset": 0.0, "scale": 255.0, "mean": [0.25], "std": [0.15]}


def test_real_crop_trains_loss_down_and_writes_a_valid_model(tmp_path):
    chips = prepare_training_chips(str(DATA / "atlanta_pan_0p5m.tif"), str(DATA / "atlanta_buildings.geojson"),
                                   tile_size=128, window=(0, 0, 384, 384), class_names={1: "building"})
    # The same two chips every step (no augmentation): the loss must fall.
    sub = ChipSet(chips.train_images[:2], chips.train_labels[:2], chips.val_images[:1], chips.val_labels[:1],
                  chips.header)
    events = []
    # One validation chip cannot choose, but is kept out of training here so that it is scored.
    result = sub.train(TrainConfig(epochs=None, max_steps=6, batch_size=2, augment=False, lr=5e-4, cpu_amp=False,
                                   train_on_small_validation=False), progress=events.append)
    assert result.loss_decreased, (result.first_losses, result.last_losses)
    assert result.steps == 6 and result.stopped_by == "steps"
    assert [e["event"] for e in events][0] == "start" and events[-1]["event"] == "done"
    path = tmp_path / "m.safetensors"
    header = save_trained_model(result, path, sub.header, half=True)
    model, meta = load_model(path)
    assert meta == read_metadata(path) == header
    assert [c["name"] for c in meta["classes"]] == ["background", "building"]
    assert meta["input"] == chips.header["input"] and meta["tile_size"] == 128 and meta["gsd_m"] == 0.5
    assert meta["metrics"]["validation"]["miou"] is not None
    assert meta["provenance"]["data"]["raster"] == "atlanta_pan_0p5m.tif"
    assert meta["provenance"]["training"]["steps"] == 6
    assert model.in_channels == 1 and model.num_classes == 2


def test_validation_too_small_to_choose_is_trained_on_and_no_score_is_claimed(tmp_path):
    """A few polygons: the held-out objects cannot choose a checkpoint, so they join the training
    chips; the model file then says there is no held-out score instead of one on trained pixels."""
    # The Sentinel-2 crop's polygons (tests/data): 7 classes, one validation polygon each.
    chips = prepare_training_chips(str(DATA / "virginia_s2_bgrn_10m.tif"), str(DATA / "virginia_s2_polygons.gpkg"),
                                   class_field="class")
    sub = ChipSet(chips.train_images[:6], chips.train_labels[:6], chips.val_images, chips.val_labels, chips.header)
    n_val = len(chips.val_images)
    events = []
    result = sub.train(TrainConfig(epochs=None, max_steps=3, batch_size=2, cpu_amp=False), progress=events.append)
    start = next(e for e in events if e["event"] == "start")
    assert (start["train_chips"], start["val_chips"]) == (6 + n_val, 0)
    checkpoint = next(e for e in events if e["event"] == "checkpoint")
    assert checkpoint["trained_on_validation"] and checkpoint["rule"] == "last"
    assert checkpoint["val_pixels"] == int((chips.val_labels != 255).sum()) < checkpoint["min_pixels"]
    assert not any(e["event"] == "validation" for e in events)
    assert result.checkpoint["trained_on_validation"] and result.best_metrics == {}
    meta = save_trained_model(result, tmp_path / "m.safetensors", sub.header)
    validation = meta["metrics"]["validation"]
    assert validation["held_out"] is False and "miou" not in validation
    assert "trained on" in validation["split"] and "RemoteNet Evaluate" in validation["split"]
    # Asked to keep them out, the same chips are held out and scored.
    kept_out = sub.train(TrainConfig(epochs=None, max_steps=3, batch_size=2, cpu_amp=False,
                                     train_on_small_validation=False))
    assert not kept_out.checkpoint["trained_on_validation"] and kept_out.best_metrics["pixels"] > 0


def test_easy_scene_reaches_iou_above_0_9_on_a_fresh_scene():
    # 256 px chips, one per step: the network pads smaller inputs to 256 anyway. About 0.4 s a
    # step on 2 idle cores (~30 s in all).
    tx, ty = squares(16, 256, seed=0)
    vx, vy = squares(3, 256, seed=1)
    result = train_model(tx, ty, vx, vy, 2, TrainConfig(epochs=None, max_steps=64, batch_size=1, lr=1e-3),
                         norm=NORM)
    fx, fy = squares(6, 256, seed=99)
    metrics = evaluate_chips(result.model, fx, fy, 2, NORM)
    assert metrics["per_class"][1]["iou"] > 0.9, metrics


class TickingClock:
    """The loop's clock, advancing a fixed step at every reading: the budget is tested on the
    loop's own notion of time, whatever the load of the machine (no wall-clock assertion)."""

    def __init__(self, tick_s: float) -> None:
        self.now, self.tick_s = 1000.0, tick_s

    def monotonic(self) -> float:
        self.now += self.tick_s
        return self.now


def test_time_budget_stops_cleanly_and_keeps_the_best_checkpoint(monkeypatch):
    from remotenet.model.training import loop

    tx, ty = squares(8, 64, seed=0)
    vx, vy = squares(2, 64, seed=1)
    budget_s, tick_s = 12.0, 0.25
    monkeypatch.setattr(loop, "time", TickingClock(tick_s))
    result = train_model(tx, ty, vx, vy, 2, TrainConfig(epochs=1000, max_minutes=budget_s / 60, batch_size=2),
                         norm=NORM)
    assert result.stopped_by == "time"
    # it stops at the first step that ends past the budget: a few clock readings (one step and its
    # validation) at most beyond it, never a whole further epoch of 1000
    assert budget_s <= result.elapsed_s < budget_s + 20 * tick_s, result.elapsed_s
    assert result.steps < 1000 * 4
    best = max(h["miou"] for h in result.history)
    assert result.best_metrics["miou"] == pytest.approx(best)


def test_cancel_stops_at_the_next_step():
    tx, ty = squares(4, 64, seed=0)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(TrainingCancelled):
        train_model(tx, ty, tx[:1], ty[:1], 2, TrainConfig(epochs=100, batch_size=2), norm=NORM,
                    is_cancelled=cancelled)
    assert len(calls) == 3


def test_bad_chips_and_settings_are_refused():
    tx, ty = squares(2, 64, seed=0)
    with pytest.raises(TrainingError, match="class indices"):
        train_model(tx, ty + 2, None, None, 2, TrainConfig(max_steps=1), norm=NORM)
    with pytest.raises(TrainingError, match="nothing would stop"):
        train_model(tx, ty, None, None, 2, TrainConfig(epochs=None), norm=NORM)
    with pytest.raises(TrainingError, match="do not match"):
        train_model(tx, ty[:1], None, None, 2, TrainConfig(max_steps=1), norm=NORM)


def test_chipset_round_trips_through_npz(tmp_path):
    tx, ty = squares(3, 32, seed=0)
    header = {"classes": [{"value": 0, "name": "a", "color": [0, 0, 0]},
                          {"value": 5, "name": "b", "color": [9, 9, 9]}], "input": NORM}
    chips = ChipSet(tx, ty, tx[:1], ty[:1], header)
    chips.save(tmp_path / "c.npz")
    back = ChipSet.load(tmp_path / "c.npz")
    assert back.header == header and back.num_classes == 2
    assert np.array_equal(back.train_images, tx) and np.array_equal(back.val_labels, ty[:1])


def test_deep_supervision_trains_the_decoder_blocks_and_leaves_no_trace_in_the_model(tmp_path):
    """aux_weight adds a head on the decoder blocks while training; the saved model has exactly
    the keys and forward of one trained without it, and the hooks are gone."""
    from remotenet.model.aux_head import DeepSupervision

    tx, ty = squares(4, 64, seed=0)
    plain = train_model(tx, ty, None, None, 2, TrainConfig(epochs=None, max_steps=2, batch_size=2,
                                                           encoder="resnet18", aux_weight=0.0), norm=NORM)
    with_aux = train_model(tx, ty, None, None, 2, TrainConfig(epochs=None, max_steps=2, batch_size=2,
                                                              encoder="resnet18"), norm=NORM)
    assert with_aux.config["aux_weight"] == 0.4  # the default
    assert set(with_aux.model.state_dict()) == set(plain.model.state_dict())
    decoder = with_aux.model.Decoder
    assert not any(getattr(decoder, name)._forward_hooks for name in ("block4", "block3", "block2"))
    path = tmp_path / "aux.safetensors"
    save_trained_model(with_aux, path, {"input": NORM, "tile_size": 64})
    model, _meta = load_model(path)
    x = torch.from_numpy((tx[:1] - 63.75) / 38.25)
    with torch.no_grad():
        assert torch.allclose(model(x), with_aux.model(x), atol=1e-4)

    # The head's gradient reaches the inner blocks; without it block4 only learns through fusion.
    net = plain.model.train()
    supervision = DeepSupervision.attach(net, 2)
    net.zero_grad()
    net(torch.from_numpy(tx[:2]))
    aux = supervision.logits((64, 64))
    assert aux.shape == (2, 2, 64, 64)
    aux.sum().backward()
    assert net.Decoder.block4.output[-1].weight.grad.abs().sum() > 0
    assert net.Decoder.FRM.head.weight.grad is None  # the main head is not on the auxiliary path
    supervision.detach()
    assert DeepSupervision.attach(torch.nn.Conv2d(1, 2, 1), 2) is None  # a network without the decoder

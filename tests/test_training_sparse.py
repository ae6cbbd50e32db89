"""Learning from a few polygons (issue 24): the object split, the tile size chosen from the scene,
class-balanced chips, and the checkpoint rule when validation is too small, on real GDAL files
(the Sentinel-2 crop and its hand-made land-cover polygons, tests/data)."""
from pathlib import Path

import numpy as np
from osgeo import gdal

from remotenet.remotenet_plugin.engine.training.chips import (
    _chip_positions,
    _object_split,
    choose_tile_size,
    label_objects,
    prepare_training_chips,
)
from remotenet.remotenet_plugin.engine.training.labels import read_label_grid

DATA = Path(__file__).parent / "data"
S2 = str(DATA / "virginia_s2_bgrn_10m.tif")
POLYGONS = str(DATA / "virginia_s2_polygons.gpkg")
SMALL = (512, 480, 512, 512)  # a 512 px corner with water, marsh, fields and forest: a small scene


def polygon_index(window=None):
    ds = gdal.Open(S2)
    window = window or (0, 0, ds.RasterXSize, ds.RasterYSize)
    grid = read_label_grid(ds, POLYGONS, "class", window)
    lut = np.full(256, 255, dtype=np.uint8)
    for i, c in enumerate(grid.classes):
        lut[c["value"]] = i
    return lut[grid.values], grid.classes


def test_polygons_are_objects_and_every_class_with_two_gets_validation_pixels():
    index, classes = polygon_index()
    ids = label_objects(index, 128)
    assert ids.max() == 42  # the 42 polygons, each whole (none reaches 128 px)
    for seed in (0, 1, 2):
        split, info = _object_split(index, len(classes), 128, 0.2, seed)
        val = split == 1
        per_class = np.bincount(index[val], minlength=len(classes))
        assert info["objects_per_class"] == [6] * 7
        assert np.all(per_class > 0) and per_class.tolist() == info["val_pixels_per_class"]
        assert np.all(np.bincount(index[split == 0], minlength=len(classes)) > 0)  # every class still trains
        # An object is held out whole or not at all.
        for k in np.unique(ids[ids > 0]):
            assert len(np.unique(split[ids == k])) == 1
        train_pos, val_pos = _chip_positions(index, split, 128, 16, 0.01)
        assert train_pos and val_pos
        for r, c in train_pos:
            assert not val[r:r + 128, c:c + 128].any(), "a training chip holds a validation pixel"
        covered = np.zeros_like(val)
        for r, c in val_pos:
            covered[r:r + 128, c:c + 128] = True
        assert covered[val].all()  # every validation pixel is scored


def test_a_small_scene_with_polygons_gets_a_tile_size_and_says_which(tmp_path):
    log = []
    chips = prepare_training_chips(S2, POLYGONS, class_field="class", window=SMALL, log=log.append)
    assert chips.header["tile_size"] == 128
    assert chips.header["provenance"]["data"]["tile_size"] == {"px": 128, "chosen": "auto"}
    assert any("Tile size 128 px" in line and "sparse" in line for line in log)
    assert any(line.startswith("Validation: ") and "validation pixels per class" in line for line in log)
    split = chips.header["provenance"]["data"]["split"]
    names = [c["name"] for c in chips.header["classes"]]
    counts = np.bincount(chips.val_labels[chips.val_labels != 255], minlength=len(names))
    assert counts.tolist() == split["val_pixels_per_class"]  # each validation pixel once
    for k, n in enumerate(split["objects_per_class"]):
        if n >= 2:
            assert counts[k] > 0, names[k]
    # Training chips carry training labels only.
    assert np.bincount(chips.train_labels[chips.train_labels != 255], minlength=len(names)).sum() > 0


def test_tile_size_rule():
    dense = np.zeros((1300, 900), dtype=np.uint8)
    assert choose_tile_size(dense)[0] == 256
    assert choose_tile_size(np.zeros((489, 443), dtype=np.uint8))[0] == 128
    sparse = np.full((1024, 1024), 255, dtype=np.uint8)
    sparse[::100, ::100] = 1
    tile, why = choose_tile_size(sparse)
    assert tile == 128 and "sparse" in why
    assert choose_tile_size(np.zeros((150, 150), dtype=np.uint8))[0] == 64


def test_class_balanced_sampler_draws_rare_classes_as_often():
    import torch

    from remotenet.model.training.sampler import ChipSampler

    labels = np.full((100, 8, 8), 255, dtype=np.uint8)
    labels[:95, :4] = 0  # class 0 in 95 chips
    labels[95:, 4:6] = 1  # class 1 in 5 chips
    images = np.zeros((100, 1, 8, 8), dtype=np.float32)
    rng = np.random.default_rng(0)
    sampler = ChipSampler(images, labels, 10, rng, torch.device("cpu"), None, augment=False, balance=True,
                          num_classes=2)
    drawn = np.concatenate([sampler.next_indices() for _ in range(100)])
    rare = np.mean(drawn >= 95)
    assert 0.4 < rare < 0.6  # half the chips hold the rare class, against 5 % without balancing


def _tiny_chips():
    rng = np.random.default_rng(0)
    images = rng.normal(size=(8, 2, 64, 64)).astype(np.float32)
    labels = (images[:, 0] > 0).astype(np.uint8)
    val_labels = np.full((2, 64, 64), 255, dtype=np.uint8)
    val_labels[:, :5, :5] = (images[:2, 0, :5, :5] > 0)
    return images, labels, images[:2].copy(), val_labels


def test_too_small_validation_keeps_the_averaged_weights_and_says_so(tmp_path):
    import json

    from remotenet.model.training import TrainConfig, save_trained_model, train_model

    images, labels, val_images, val_labels = _tiny_chips()
    events = []
    # Kept out of training (by default they would join it: test_training_loop.py checks that).
    config = TrainConfig(epochs=None, max_steps=4, batch_size=2, device="cpu", seed=0, aux_weight=0.0,
                         train_on_small_validation=False)
    result = train_model(images, labels, val_images, val_labels, 2, config, progress=events.append)
    notes = [e for e in events if e["event"] == "checkpoint"]
    assert len(notes) == 1 and notes[0]["rule"] == "last" and notes[0]["averaged"]
    assert notes[0]["val_pixels"] == 50 and notes[0]["min_pixels"] == 5000
    assert sum(notes[0]["val_pixels_per_class"]) == 50
    assert result.checkpoint["rule"] == "last" and result.best_step == 4
    # The kept weights are the moving average, scored by the last validation.
    assert result.best_metrics["pixels"] == 50
    header = {"classes": [{"value": 0, "name": "a", "color": [0, 0, 0]}, {"value": 1, "name": "b", "color": [9, 9, 9]}],
              "bands": [{"index": 1, "name": "b1"}, {"index": 2, "name": "b2"}], "tile_size": 64,
              "provenance": {"data": {"split": {"method": "objects", "val_pixels_per_class": [23, 27]}}}}
    written = save_trained_model(result, tmp_path / "m.safetensors", header)
    assert written["metrics"]["validation"]["class_pixels"] == {"a": 23, "b": 27}
    assert written["provenance"]["training"]["checkpoint"]["rule"] == "last"
    from remotenet.model.header import read_header

    on_disk = read_header(str(tmp_path / "m.safetensors"))
    assert json.loads(json.dumps(on_disk["metrics"]["validation"]["class_pixels"])) == {"a": 23, "b": 27}


def test_large_enough_validation_keeps_the_best_checkpoint():
    from remotenet.model.training import TrainConfig, train_model

    images, labels, val_images, _ = _tiny_chips()
    val_labels = labels[:2].copy()  # 8,192 pixels of both classes
    events = []
    config = TrainConfig(epochs=None, max_steps=2, batch_size=2, device="cpu", seed=0, aux_weight=0.0)
    result = train_model(images, labels, val_images, val_labels, 2, config, progress=events.append)
    assert not [e for e in events if e["event"] == "checkpoint"]
    assert result.checkpoint == {"rule": "best", "averaged": True, "trained_on_validation": False}

"""Fine-tuning (Train's INITIAL_MODEL, ``remotenet train --initial-model``): the initial model's
weights, encoder and normalisation carry over, the same classes continue, other classes get a new
head, bands must match, bad files are refused in one line naming the parameter, the parent is
recorded; through model/fine_tune.py, processing.run and the command line."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from conftest import DATA, check_message, crop_raster, recording_feedback

FOOTPRINTS = DATA / "atlanta_buildings.geojson"
MASK = DATA / "atlanta_buildings_mask.tif"
BUILDINGS = [{"value": 0, "name": "background", "color": [255, 255, 255]},
             {"value": 1, "name": "building", "color": [0, 0, 255]}]
NORM = {"offset": 0.0, "scale": 1000.0, "mean": [0.3], "std": [0.1]}
FAST = ["--tile-size", "64", "--epochs", "1", "--max-minutes", "0.25", "--batch-size", "2", "--device", "cpu"]


def _save(path: Path, bands: int = 1, classes=BUILDINGS, encoder: str = "resnet18", seed: int = 1) -> Path:
    import torch

    from remotenet.model import RemoteNet, save_model

    torch.manual_seed(seed)
    net = RemoteNet(num_classes=len(classes), in_channels=bands, encoder=encoder)
    norm = NORM if bands == 1 else {"offset": 0.0, "scale": 1000.0, "mean": [0.3] * bands, "std": [0.1] * bands}
    save_model(net, path, {"classes": classes, "input": norm, "tile_size": 64})
    return path


@pytest.fixture(scope="module")
def initial(tmp_path_factory) -> Path:
    """A small saved 1-band RemoteNet-ResNet-18 with the building model's classes."""
    return _save(tmp_path_factory.mktemp("initial") / "initial.safetensors")


@pytest.fixture(scope="module")
def three_bands(tmp_path_factory) -> Path:
    return _save(tmp_path_factory.mktemp("initial3") / "rgb.safetensors", bands=3)


@pytest.fixture(scope="module")
def crop(tmp_path_factory) -> Path:
    """256 x 256 pixels of the Atlanta scene with buildings in it."""
    return crop_raster(DATA / "atlanta_pan_0p5m.tif", tmp_path_factory.mktemp("ft") / "crop.tif", 0, 0, 256)


def _chips_header(classes=BUILDINGS, bands: int = 1) -> dict:
    return {"classes": [dict(c) for c in classes], "bands": [{"index": i + 1, "name": f"band {i + 1}"}
                                                             for i in range(bands)],
            "input": {"offset": 0.0, "scale": 2141.0, "mean": [0.27] * bands, "std": [0.15] * bands},
            "tile_size": 64}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_classes_keep_every_weight_the_head_and_the_normalisation(initial):
    import torch

    from remotenet.model import load_model
    from remotenet.model.fine_tune import fine_tuned_header, start_from

    lines: list[str] = []
    start = start_from(initial, _chips_header(), asked_encoder="pvt_v2_b1", log=lines.append)
    loaded = load_model(initial)[0].state_dict()
    state = start.model.state_dict()
    assert state.keys() == loaded.keys()
    assert all(torch.equal(state[k], loaded[k]) for k in loaded)
    assert start.encoder == "resnet18" and start.record["head"] == "kept" and start.record["normalisation"] == "kept"
    assert start.norm == NORM
    text = "\n".join(lines)
    assert "its encoder, resnet18, is used (the ENCODER choice, pvt_v2_b1, does not apply)" in text
    assert "classification head goes on learning" in text and "Normalisation kept" in text
    header = fine_tuned_header(_chips_header(), start)
    assert header["input"] == NORM and header["initial_model"]["sha256"] == _sha256(initial)


def test_unnamed_raster_classes_continue_with_the_models_names(initial):
    from remotenet.model.fine_tune import fine_tuned_header, start_from

    unnamed = [{"value": 0, "name": "0", "color": [1, 2, 3]}, {"value": 1, "name": "1", "color": [4, 5, 6]}]
    start = start_from(initial, _chips_header(unnamed))
    assert start.record["head"] == "kept"
    assert [c["name"] for c in fine_tuned_header(_chips_header(unnamed), start)["classes"]] == ["background",
                                                                                                "building"]


def test_other_classes_get_a_new_head_and_keep_the_rest(initial):
    import torch

    from remotenet.model import load_model
    from remotenet.model.fine_tune import HEAD_KEYS, start_from

    classes = [{"value": 0, "name": "Background", "color": [0, 0, 0]}, {"value": 1, "name": "road", "color": [1, 1, 1]},
               {"value": 2, "name": "water", "color": [2, 2, 2]}]
    lines: list[str] = []
    start = start_from(initial, _chips_header(classes), log=lines.append)
    loaded = load_model(initial)[0].state_dict()
    state = start.model.state_dict()
    assert start.model.num_classes == 3 and state[HEAD_KEYS[0]].shape[0] == 3
    assert all(torch.equal(state[k], loaded[k]) for k in loaded if k not in HEAD_KEYS)
    assert torch.equal(state[HEAD_KEYS[0]][0], loaded[HEAD_KEYS[0]][0])  # background: same name, row kept
    assert not torch.equal(state[HEAD_KEYS[0]][1], loaded[HEAD_KEYS[0]][1])  # road is not building
    assert start.record["head"] == "new" and start.record["reinitialised"] == list(HEAD_KEYS)
    assert start.record["head_rows_kept"] == ["Background"]
    text = "\n".join(lines)
    assert "new classification head; re-initialised: Decoder.FRM.head.weight, Decoder.FRM.head.bias" in text
    assert "(0 background, 1 building)" in text


def test_recomputed_normalisation_is_the_training_pixels(initial):
    from remotenet.model.fine_tune import fine_tuned_header, start_from

    lines: list[str] = []
    start = start_from(initial, _chips_header(), recompute_normalisation=True, log=lines.append)
    assert start.norm == _chips_header()["input"] and start.record["normalisation"] == "recomputed"
    assert fine_tuned_header(_chips_header(), start)["input"]["scale"] == 2141.0
    assert any("Normalisation recomputed" in line for line in lines)


def test_bands_must_match(initial, three_bands):
    from remotenet.model.fine_tune import InitialModelError, initial_header, start_from, training_bands

    one = initial_header(initial)
    assert training_bands(one, 1, None) == [1]
    assert training_bands(one, 4, None) == [1]  # the bands the model lists, as Segment takes them
    assert training_bands(one, 4, [3]) == [3]
    with pytest.raises(InitialModelError, match=r"takes 1 band\(s\), but 2 band\(s\) were chosen"):
        training_bands(one, 4, [1, 2])
    with pytest.raises(InitialModelError, match=r"takes 3 band\(s\), but the raster has 1"):
        training_bands(initial_header(three_bands), 1, None)
    with pytest.raises(InitialModelError, match=r"takes 1 band\(s\), but the training data has 3"):
        start_from(initial, _chips_header(bands=3))


def test_bad_files_are_refused(tmp_path):
    from remotenet.model.fine_tune import InitialModelError, initial_header

    text = tmp_path / "notes.safetensors"
    text.write_text("not a model")
    with pytest.raises(InitialModelError, match="not a RemoteNet model file"):
        initial_header(text)
    with pytest.raises(InitialModelError, match="is not a file"):
        initial_header(tmp_path / "missing.safetensors")
    with pytest.raises(InitialModelError, match="is not a file"):
        initial_header(tmp_path)
    pth = tmp_path / "weights.pth"
    pth.write_bytes(b"\x80\x02}q\x00.")
    with pytest.raises(InitialModelError, match="PyTorch checkpoint, not a RemoteNet model file"):
        initial_header(pth)
    import torch
    from safetensors.torch import save_file

    other = tmp_path / "other.safetensors"
    save_file({"w": torch.zeros(2)}, str(other))
    with pytest.raises(InitialModelError, match="no 'remotenet' header"):
        initial_header(other)


def test_truncated_model_is_refused(initial, tmp_path):
    from remotenet.model.fine_tune import InitialModelError, start_from

    cut = tmp_path / "cut.safetensors"
    cut.write_bytes(initial.read_bytes()[: initial.stat().st_size // 2])
    with pytest.raises(InitialModelError, match="not a RemoteNet model file"):
        start_from(cut, _chips_header())


def test_fine_tuned_model_file_records_its_parent(initial, tmp_path):
    from remotenet.model import read_metadata
    from remotenet.model.fine_tune import fine_tuned_header, start_from
    from remotenet.model.training import ChipSet, TrainConfig, save_trained_model

    rng = np.random.default_rng(0)
    images = rng.integers(0, 2000, (6, 1, 64, 64)).astype(np.float32)
    labels = (images[:, 0] > 1000).astype(np.uint8)
    chips = ChipSet(images[:4], labels[:4], images[4:], labels[4:], _chips_header())
    start = start_from(initial, chips.header)
    chips.header = fine_tuned_header(chips.header, start)
    result = chips.train(TrainConfig(epochs=None, max_steps=2, batch_size=2, device="cpu", encoder=start.encoder),
                         model=start.model)
    out = tmp_path / "tuned.safetensors"
    save_trained_model(result, out, chips.header)
    meta = read_metadata(out)
    assert meta["initial_model"]["name"] == "initial.safetensors"
    assert meta["initial_model"]["sha256"] == _sha256(initial) and meta["initial_model"]["head"] == "kept"
    assert meta["input"] == NORM and meta["architecture"] == "remotenet-resnet18"
    assert meta["provenance"]["training"]["config"]["encoder"] == "resnet18"


# ----- remotenet:train through processing.run -------------------------------------------------------


def test_train_fine_tunes_through_processing(remotenet_provider, initial, crop, tmp_path):
    import processing

    from remotenet.model import read_metadata

    model = tmp_path / "tuned.safetensors"
    feedback = recording_feedback()
    results = processing.run("remotenet:train", {
        "INPUT": str(crop), "LABELS": str(MASK), "TILE_SIZE": 64, "EPOCHS": 1, "MAX_MINUTES": 0.25, "BATCH_SIZE": 2,
        "DEVICE": "cpu", "ENCODER": "pvt_v2_b1", "INITIAL_MODEL": str(initial), "OUTPUT_MODEL": str(model)},
        feedback=feedback)
    assert results["STEPS"] >= 1 and model.is_file()
    log = "\n".join(feedback.lines)
    assert "its encoder, resnet18, is used" in log and "goes on learning" in log and "Normalisation kept" in log
    meta = read_metadata(model)
    assert meta["architecture"] == "remotenet-resnet18" and meta["input"] == NORM
    assert [c["name"] for c in meta["classes"]] == ["background", "building"]
    assert meta["initial_model"]["sha256"] == _sha256(initial)


@pytest.mark.usefixtures("gdal_exception_mode")
def test_bad_initial_models_are_explained(remotenet_provider, initial, three_bands, crop, tmp_path):
    base = {"INPUT": str(crop), "LABELS": str(FOOTPRINTS), "OUTPUT_MODEL": str(tmp_path / "m.safetensors")}
    text = tmp_path / "notes.safetensors"
    text.write_text("not a model")
    message = check_message("remotenet:train", {**base, "INITIAL_MODEL": str(text)})
    assert message.startswith("INITIAL_MODEL: not a RemoteNet model file") and "\n" not in message
    message = check_message("remotenet:train", {**base, "INITIAL_MODEL": str(three_bands)})
    assert message.startswith("INITIAL_MODEL: the model takes 3 band(s), but the raster has 1"), message
    message = check_message("remotenet:train", {**base, "INITIAL_MODEL": str(initial), "PRETRAINED_ENCODER": True})
    assert message.startswith("INITIAL_MODEL: the initial model gives every starting weight"), message
    assert not list(tmp_path.glob("m.safetensors*"))
    # Cut in the weights: the header reads, so only loading them tells; the run fails naming INITIAL_MODEL.
    import processing
    from qgis.core import QgsProcessingException

    cut = tmp_path / "cut.safetensors"
    cut.write_bytes(initial.read_bytes()[: initial.stat().st_size // 2])
    with pytest.raises(QgsProcessingException, match="^INITIAL_MODEL: not a RemoteNet model file"):
        processing.run("remotenet:train", {**base, "LABELS": str(MASK), "TILE_SIZE": 64, "EPOCHS": 1, "DEVICE": "cpu",
                                           "INITIAL_MODEL": str(cut)})
    assert not list(tmp_path.glob("*m.safetensors*"))


def test_help_explains_fine_tuning(remotenet_provider):
    help_text = remotenet_provider.algorithm("train").shortHelpString()
    assert "INITIAL_MODEL" in help_text and "RECOMPUTE_NORMALISATION" in help_text and "fine-tuning" in help_text


# ----- python -m remotenet train --initial-model -------------------------------------------------------


def test_cli_fine_tunes_with_new_classes(capsys, initial, crop, tmp_path):
    from remotenet.__main__ import main
    from remotenet.model import read_metadata

    model = tmp_path / "tuned.safetensors"
    rc = main(["train", str(crop), str(FOOTPRINTS), str(model), *FAST, "--initial-model", str(initial),
               "--recompute-normalisation"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    # The footprints' class is named after the layer: not the model's 'building', so a new head.
    assert "new classification head; re-initialised: Decoder.FRM.head.weight" in captured.err
    assert "Normalisation recomputed" in captured.err
    meta = read_metadata(model)
    assert meta["initial_model"]["head"] == "new" and meta["initial_model"]["head_rows_kept"] == ["background"]
    assert meta["initial_model"]["normalisation"] == "recomputed" and meta["input"] != NORM
    assert json.dumps(meta["initial_model"]["sha256"]) == json.dumps(_sha256(initial))


@pytest.mark.parametrize("what, expected", [
    ("text", "error: --initial-model: not a RemoteNet model file"),
    ("bands", "error: --initial-model: the model takes 3 band(s), but the raster has 1"),
    ("missing", "error: --initial-model: "),
])
def test_cli_refuses_bad_initial_models(capsys, three_bands, crop, tmp_path, what, expected):
    from remotenet.__main__ import main

    given = {"text": tmp_path / "notes.safetensors", "bands": three_bands, "missing": tmp_path / "nope.safetensors"}
    if what == "text":
        given[what].write_text("not a model")
    model = tmp_path / "tuned.safetensors"
    rc = main(["train", str(crop), str(FOOTPRINTS), str(model), *FAST, "--initial-model", str(given[what])])
    err = capsys.readouterr().err
    assert rc == 1 and err.startswith(expected) and err.count("\n") == 1, err
    assert not model.exists() and not list(tmp_path.glob(".tuned*"))

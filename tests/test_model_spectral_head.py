"""The pixel path (model/spectral_head.py): each pixel's bands reach the logits at full resolution,
model files record it (header key, format version 3, checked against the weights), and fine-tuning
to other classes carries it over."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from conftest import rewrite_model_header

from remotenet.model import ModelFileError, RemoteNet, load_model, read_metadata, save_model
from remotenet.model.header import SPECTRAL_KEY, read_header
from remotenet.model.metadata import FORMAT_VERSION

CLASSES = [{"value": 0, "name": "water", "color": [0, 0, 255]},
           {"value": 1, "name": "forest", "color": [0, 120, 0]},
           {"value": 2, "name": "field", "color": [220, 200, 0]}]


def _model(spectral: bool = True, seed: int = 0) -> RemoteNet:
    torch.manual_seed(seed)
    return RemoteNet(num_classes=3, in_channels=4, encoder="resnet18", spectral_head=spectral).eval()


def test_one_pixel_changes_only_its_own_pixel_path_logits():
    """With the decoder's head silenced, the logits are the pixel path's alone: a change to one
    pixel moves that pixel's logits and no other, as a per-pixel classifier must."""
    model = _model()
    with torch.no_grad():
        model.Decoder.FRM.head.weight.zero_()
        model.Decoder.FRM.head.bias.zero_()
        x = torch.randn(1, 4, 64, 64)
        before = model(x)
        x[0, :, 20, 33] += 3.0
        after = model(x)
    changed = (before - after).abs().amax(1)[0] > 0
    assert changed[20, 33] and int(changed.sum()) == 1


def test_pixel_path_adds_to_the_decoder_logits():
    model = _model()
    x = torch.randn(2, 4, 96, 80)
    with torch.no_grad():
        total = model(x)
        spectral = model.Spectral(x)
        model.Spectral = None
        context = model(x)
    assert total.shape == (2, 3, 96, 80)
    assert torch.allclose(total, context + spectral, atol=1e-5)


def test_model_file_records_the_pixel_path(tmp_path):
    model = _model()
    path = tmp_path / "pixel.safetensors"
    meta = save_model(model, path, {"classes": CLASSES})
    assert meta["spectral_head"] is True and meta["format_version"] == 3 == FORMAT_VERSION
    assert read_header(path)["spectral_head"] is True and read_metadata(path)["spectral_head"] is True
    loaded, header = load_model(path)
    assert loaded.has_spectral_head and header == meta
    x = torch.randn(1, 4, 64, 64)
    with torch.no_grad():
        assert torch.equal(model(x), loaded(x))
    # int8 storage keeps it (format 3 covers int8 too).
    meta8 = save_model(model, tmp_path / "pixel8.safetensors", {"classes": CLASSES}, storage="int8")
    assert meta8["format_version"] == 3 and load_model(tmp_path / "pixel8.safetensors")[0].has_spectral_head


def test_files_without_the_pixel_path_stay_as_they_were(tmp_path):
    meta = save_model(_model(spectral=False), tmp_path / "plain.safetensors")
    assert meta["spectral_head"] is False and meta["format_version"] == 1
    assert not load_model(tmp_path / "plain.safetensors")[0].has_spectral_head


def test_pytorch_checkpoint_with_the_pixel_path_loads(tmp_path):
    model = _model()
    torch.save(model.state_dict(), tmp_path / "pixel.pth")
    loaded, header = load_model(tmp_path / "pixel.pth")
    assert loaded.has_spectral_head and header["spectral_head"] is True
    assert read_metadata(tmp_path / "pixel.pth")["spectral_head"] is True


@pytest.mark.parametrize("spectral", [True, False])
def test_header_that_contradicts_the_weights_is_refused(tmp_path, spectral):
    path = tmp_path / "m.safetensors"
    save_model(_model(spectral=spectral), path)
    rewrite_model_header(path, lambda m: m.update(spectral_head=not spectral))
    expected = ("spectral_head is false but the weights have the spectral head" if spectral
                else "spectral_head is true but the weights have no spectral head")
    with pytest.raises(ModelFileError, match=expected):
        read_header(path)  # refused when the file is chosen, before any weight is read
    with pytest.raises(ModelFileError, match=expected):
        load_model(path)


def test_header_with_a_non_boolean_flag_is_refused(tmp_path):
    path = tmp_path / "m.safetensors"
    save_model(_model(), path)
    rewrite_model_header(path, lambda m: m.update(spectral_head="yes"))
    with pytest.raises(ModelFileError, match="spectral_head 'yes' must be true or false"):
        read_header(path)


def test_fine_tuning_to_other_classes_keeps_the_pixel_path(tmp_path):
    from remotenet.model.fine_tune import HEAD_KEYS, SPECTRAL_HEAD_KEYS, start_from

    initial = tmp_path / "initial.safetensors"
    save_model(_model(), initial, {"classes": CLASSES, "tile_size": 64})
    header = {"classes": [CLASSES[1], {"value": 1, "name": "town", "color": [200, 0, 0]}],
              "bands": [{"index": i + 1, "name": f"band {i + 1}"} for i in range(4)],
              "input": {"offset": 0.0, "scale": 1.0, "mean": [0.0] * 4, "std": [1.0] * 4}, "tile_size": 64}
    start = start_from(initial, header, log=lambda _line: None)
    old = load_model(initial)[0].state_dict()
    new = start.model.state_dict()
    assert start.model.has_spectral_head and new[SPECTRAL_KEY].shape == old[SPECTRAL_KEY].shape
    assert new["Spectral.classify.weight"].shape[0] == 2
    # "forest" was row 1 of the initial model and is row 0 now, in both heads.
    assert torch.equal(new["Spectral.classify.weight"][0], old["Spectral.classify.weight"][1])
    assert torch.equal(new[HEAD_KEYS[0]][0], old[HEAD_KEYS[0]][1])
    assert all(torch.equal(new[k], old[k]) for k in old if k not in HEAD_KEYS + SPECTRAL_HEAD_KEYS)
    assert start.record["reinitialised"] == list(HEAD_KEYS + SPECTRAL_HEAD_KEYS)


@pytest.mark.parametrize("asked, header, on, said", [
    ("auto", {"gsd_m": 10.0}, True, "pixels of 10 m are at least 2 m"),
    ("auto", {"gsd_m": 28.5}, True, "pixels of 28.5 m"),
    ("auto", {"gsd_m": 0.3}, False, "pixels of 0.3 m are finer than 2 m"),
    ("auto", {"gsd_m": None, "provenance": {"data": {"window": [0, 0, 100, 100], "labelled_pixels": 900}}},
     True, "cover 9.0% of the raster, a few polygons"),
    ("auto", {"gsd_m": None, "provenance": {"data": {"window": [0, 0, 100, 100], "labelled_pixels": 9000}}},
     False, "cover 90.0% of the raster, dense labels"),
    ("on", {"gsd_m": 0.3}, True, "on (as asked)"),
    ("off", {"gsd_m": 10.0}, False, "off (as asked)"),
])
def test_auto_spectral_head_follows_the_pixel_size_then_the_labels(asked, header, on, said):
    from remotenet.model.spectral_choice import choose_spectral_head

    chosen, why = choose_spectral_head(asked, header)
    assert chosen is on and said in why and why.context == "RemoteNet"


def test_unknown_spectral_head_choice_is_refused():
    from remotenet.model.spectral_choice import choose_spectral_head

    with pytest.raises(ValueError, match="auto, on, off"):
        choose_spectral_head("yes", {})


@pytest.mark.parametrize("weight, calls", [(0.5, 2), (0.0, 1)])
def test_training_puts_the_loss_on_the_spectral_head_alone_too(weight, calls):
    """The spectral head's own logits get the loss as well (so it learns each pixel alone, not just
    what the decoder leaves over), from the same forward pass; the hook goes with the training."""
    from remotenet.model.training import TrainConfig
    from remotenet.model.training.optimisation import Optimisation

    model = _model()
    labels = np.random.default_rng(0).integers(0, 3, (2, 64, 64)).astype(np.uint8)
    config = TrainConfig(aux_weight=0.0, spectral_aux_weight=weight, cpu_amp=False)
    optimisation = Optimisation(model.train(), config, labels, 3, torch.device("cpu"), False, False)
    seen = []
    criterion = optimisation.criterion
    optimisation.criterion = lambda logits, y: (seen.append(logits.detach()), criterion(logits, y))[1]
    x = torch.randn(2, 4, 64, 64)
    with torch.no_grad():
        before = model.Spectral(x)
    optimisation.step(x, torch.from_numpy(labels))
    assert len(seen) == calls
    if calls == 2:
        assert torch.allclose(seen[1], before)
    optimisation.detach_head()
    assert not model.Spectral._forward_hooks


def test_spectral_head_is_fitted_first_on_the_labelled_pixels_then_frozen():
    """Train's first stage on the real polygons: the spectral head alone classifies the labelled
    pixels well before the network trains; the network then starts as that classifier (decoder
    head at zero), the head stays as fitted, and the model comes back trainable."""
    import copy
    from pathlib import Path

    from remotenet.model.training import TrainConfig, train_model
    from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips

    data = Path(__file__).parent / "data"
    chips = prepare_training_chips(str(data / "virginia_s2_bgrn_10m.tif"), str(data / "virginia_s2_polygons.gpkg"),
                                   class_field="class")
    torch.manual_seed(0)
    net = RemoteNet(num_classes=chips.num_classes, in_channels=4, encoder="resnet18", spectral_head=True)
    at_start = {}

    def progress(info):
        if info["event"] == "spectral_fit":
            at_start["fit"] = info
        if info["event"] == "start":
            at_start["spectral"] = copy.deepcopy(net.Spectral.state_dict())
            at_start["decoder_head"] = float(net.Decoder.FRM.head.weight.abs().sum())

    result = train_model(chips.train_images, chips.train_labels, chips.val_images, chips.val_labels,
                         chips.num_classes, TrainConfig(epochs=None, max_steps=2, batch_size=2, cpu_amp=False),
                         norm=chips.norm, model=net, progress=progress)
    fit = at_start["fit"]
    labelled = int((chips.train_labels != 255).sum() + (chips.val_labels != 255).sum())  # validation joined
    assert fit["pixels"] == labelled and fit["train_accuracy"] >= 0.9
    assert at_start["decoder_head"] == 0.0
    after = result.model.Spectral.state_dict()
    assert all(torch.equal(after[k], at_start["spectral"][k]) for k in after)
    assert all(p.requires_grad for p in result.model.parameters())
    assert result.summary()["spectral_fit"]["train_accuracy"] == fit["train_accuracy"]


def test_fine_tuning_with_the_same_classes_goes_on_from_both_heads(tmp_path, capsys):
    """``remotenet train --initial-model`` on a model with the pixel path and the labels' classes:
    its spectral head is not refitted and its decoder's class head does not restart at zero (the
    file says the head was kept); both go on learning from the model's weights."""
    from pathlib import Path

    from remotenet.__main__ import main

    data = Path(__file__).parent / "data"
    raster, polygons = data / "virginia_s2_bgrn_10m.tif", data / "virginia_s2_polygons.gpkg"
    fast = ["--class-field", "class", "--tile-size", "64", "--epochs", "1", "--max-minutes", "0.25",
            "--batch-size", "2", "--device", "cpu"]
    first, tuned = tmp_path / "first.safetensors", tmp_path / "tuned.safetensors"
    assert main(["train", str(raster), str(polygons), str(first), *fast, "--spectral-head", "on"]) == 0
    initial, meta = load_model(first)
    assert initial.has_spectral_head and "spectral_fit" in meta["provenance"]["training"]
    capsys.readouterr()
    assert main(["train", str(raster), str(polygons), str(tuned), *fast, "--initial-model", str(first)]) == 0
    err = capsys.readouterr().err
    assert "goes on learning" in err and "of the decoder's output is kept" not in err
    model, meta = load_model(tuned)
    assert meta["initial_model"]["head"] == "kept"
    training = meta["provenance"]["training"]
    assert "spectral_fit" not in training and "decoder_weight" not in training
    before, after = initial.state_dict(), model.state_dict()
    head = "Decoder.FRM.head.weight"
    assert float(after[head].abs().sum()) > 0.5 * float(before[head].abs().sum()) > 0
    # Fitted first, the head would be frozen; here it trained on with the rest, from the file's weights.
    moved = (after["Spectral.classify.weight"] - before["Spectral.classify.weight"]).abs().max()
    assert 0 < float(moved) < float(before["Spectral.classify.weight"].abs().max())

"""How much of the decoder's logits Train keeps beside the spectral head (model/training/residual_weight.py):
judged on the held-out objects before they join training, folded into the decoder's class head."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from remotenet.model.network import RemoteNet
from remotenet.model.training.residual_weight import (
    WEIGHTS,
    choose_residual_weight,
    scale_residual,
    score_residual_weights,
)

DATA = Path(__file__).parent / "data"


def _net(seed: int = 0, classes: int = 3, bands: int = 4) -> RemoteNet:
    torch.manual_seed(seed)
    return RemoteNet(num_classes=classes, in_channels=bands, encoder="resnet18", spectral_head=True).eval()


@pytest.mark.parametrize("weight", [0.0, 0.25, 0.5])
def test_scaling_the_class_head_scales_the_decoder_logits_exactly(weight):
    net = _net()
    x = torch.randn(2, 4, 48, 40)
    with torch.no_grad():
        whole, spectral = net(x), net.Spectral(x)
        scale_residual(net, weight)
        scaled = net(x)
    assert torch.allclose(scaled, spectral + weight * (whole - spectral), atol=1e-5)


def test_the_best_weight_by_miou_wins_and_ties_keep_more_of_the_decoder():
    def m(miou, oa):
        return {"miou": miou, "oa": oa}

    scores = {w: m(0.5, 0.8) for w in WEIGHTS}
    assert choose_residual_weight(scores) == 1.0
    scores[0.25] = m(0.6, 0.7)
    assert choose_residual_weight(scores) == 0.25
    scores[0.5] = m(0.6, 0.75)
    assert choose_residual_weight(scores) == 0.5


def test_a_decoder_that_hurts_held_out_pixels_is_switched_off():
    """A spectral head that separates the classes, and a decoder that votes for class 2 everywhere:
    the held-out pixels score weight 0 best, and the network scaled by it is the head alone."""
    net = _net(classes=3, bands=2)
    rng = np.random.default_rng(0)
    images = rng.normal(size=(4, 2, 32, 32)).astype(np.float32)
    labels = (images[:, 0] > 0).astype(np.uint8)  # classes 0 and 1 from band 1's sign
    with torch.no_grad():
        net.Spectral.fc1.weight.zero_()
        net.Spectral.fc1.weight[0, 0, 0, 0] = 1.0  # hidden unit 0 = band 1, through GELU
        net.Spectral.fc1.weight[1, 0, 0, 0] = -1.0
        net.Spectral.fc1.bias.zero_()
        net.Spectral.fc2.weight.zero_()
        net.Spectral.fc2.weight[0, 0, 0, 0] = net.Spectral.fc2.weight[1, 1, 0, 0] = 1.0
        net.Spectral.fc2.bias.zero_()
        net.Spectral.classify.weight.zero_()
        net.Spectral.classify.weight[1, 0, 0, 0] = net.Spectral.classify.weight[0, 1, 0, 0] = 10.0
        net.Spectral.classify.bias.zero_()
        net.Decoder.FRM.head.weight.zero_()
        net.Decoder.FRM.head.bias.copy_(torch.tensor([0.0, 0.0, 50.0]))
    scores = score_residual_weights(net, images, labels, 3, None, torch.device("cpu"), 2, False)
    assert scores[0.0]["oa"] > 0.95 and scores[1.0]["oa"] == 0.0
    assert choose_residual_weight(scores) == 0.0
    scale_residual(net, 0.0)
    with torch.no_grad():
        x = torch.from_numpy(images)
        assert torch.equal(net(x).argmax(1), net.Spectral(x).argmax(1))


def _virginia_chips():
    from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips

    return prepare_training_chips(str(DATA / "virginia_s2_bgrn_10m.tif"), str(DATA / "virginia_s2_polygons.gpkg"),
                                  class_field="class")


def test_on_few_polygons_train_keeps_a_quarter_of_the_decoder_and_records_it(tmp_path):
    """The real polygons (validation too small to choose): the same run with the decoder kept whole
    and at Train's default differs only in the decoder's class head, scaled by 0.25; the event,
    the result and the model file say so."""
    from remotenet.model.header import read_header
    from remotenet.model.training import TrainConfig, save_trained_model, train_model

    chips = _virginia_chips()
    runs, events = {}, []
    for weight in (1.0, None):
        config = TrainConfig(epochs=None, max_steps=3, batch_size=2, cpu_amp=False, seed=0)
        if weight is not None:
            config.few_labels_decoder_weight = weight
        runs[weight] = train_model(chips.train_images, chips.train_labels, chips.val_images, chips.val_labels,
                                   chips.num_classes, config, norm=chips.norm, model=_net(classes=chips.num_classes),
                                   progress=events.append if weight is None else None)
    whole, default = (runs[w].model.state_dict() for w in (1.0, None))
    for key in whole:
        expected = whole[key] * 0.25 if key.startswith("Decoder.FRM.head.") else whole[key]
        assert torch.allclose(default[key], expected, atol=1e-6), key
    assert float(whole["Decoder.FRM.head.weight"].abs().sum()) > 0  # the decoder did learn something
    said = [e for e in events if e["event"] == "decoder_weight"]
    assert said == [{"event": "decoder_weight", "weight": 0.25, "chosen_by": "few_labels"}]
    assert runs[None].decoder_weight == {"weight": 0.25, "chosen_by": "few_labels"}
    save_trained_model(runs[None], tmp_path / "m.safetensors", chips.header)
    on_disk = read_header(str(tmp_path / "m.safetensors"))["provenance"]["training"]
    assert on_disk["decoder_weight"] == {"weight": 0.25, "chosen_by": "few_labels"}


def test_validation_large_enough_chooses_the_share_and_scores_the_model_written():
    """With validation allowed to choose (its thresholds lowered), each share is scored on it, the
    best is kept, and the validation figures are those of the model as written."""
    from remotenet.model.training import TrainConfig, train_model
    from remotenet.model.training.checkpoints import evaluate_chips

    chips = _virginia_chips()
    events = []
    config = TrainConfig(epochs=None, max_steps=3, batch_size=2, cpu_amp=False, seed=0, min_val_pixels=10,
                         min_val_class_pixels=1)
    result = train_model(chips.train_images, chips.train_labels, chips.val_images, chips.val_labels,
                         chips.num_classes, config, norm=chips.norm, model=_net(classes=chips.num_classes),
                         progress=events.append)
    chosen = result.decoder_weight
    assert chosen["chosen_by"] == "validation" and chosen["weight"] in WEIGHTS
    assert chosen["pixels"] == int((chips.val_labels != 255).sum())
    assert [s["weight"] for s in chosen["scores"]] == list(WEIGHTS)
    best = max(chosen["scores"], key=lambda s: (s["miou"], s["oa"], s["weight"]))
    assert best["weight"] == chosen["weight"]
    again = evaluate_chips(result.model, chips.val_images, chips.val_labels, chips.num_classes, chips.norm)
    assert result.best_metrics["miou"] == pytest.approx(again["miou"], abs=1e-6)
    assert result.best_metrics["miou"] == pytest.approx(best["miou"], abs=1e-4)
    assert [e["chosen_by"] for e in events if e["event"] == "decoder_weight"] == ["validation"]


def test_without_a_spectral_head_the_decoder_is_untouched():
    from remotenet.model.training import TrainConfig, train_model

    chips = _virginia_chips()
    torch.manual_seed(0)
    net = RemoteNet(num_classes=chips.num_classes, in_channels=4, encoder="resnet18")
    result = train_model(chips.train_images, chips.train_labels, chips.val_images, chips.val_labels,
                         chips.num_classes, TrainConfig(epochs=None, max_steps=1, batch_size=2, cpu_amp=False),
                         norm=chips.norm, model=net)
    assert result.decoder_weight is None and "decoder_weight" not in result.summary()


@pytest.mark.parametrize("weight", [-0.1, 1.5])
def test_a_share_outside_0_and_1_is_refused(weight):
    from remotenet.model.training import TrainConfig, TrainingError

    with pytest.raises(TrainingError, match="few_labels_decoder_weight must be between 0 and 1"):
        TrainConfig(few_labels_decoder_weight=weight).check()

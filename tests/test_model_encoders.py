"""The encoder choice (pvt_v2_b1, resnet18): shapes, model files naming the variant, mismatches,
and pretrained encoder weights from local files."""
import pickle

import numpy as np
import pytest
import timm
import torch
from conftest import rewrite_model_header

from remotenet.model import (
    ENCODERS,
    EncoderWeightsError,
    ModelFileError,
    RemoteNet,
    UnknownEncoder,
    load_model,
    read_metadata,
    save_model,
)
from remotenet.model.training import TrainConfig, TrainingError, train_model


def count(module: torch.nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


@pytest.fixture(scope="module")
def resnet_model() -> RemoteNet:
    torch.manual_seed(0)
    model = RemoteNet(num_classes=3, in_channels=4, encoder="resnet18")
    for module in model.modules():  # non-trivial statistics, so a lost buffer would show
        if isinstance(module, torch.nn.BatchNorm2d):
            module.running_mean.uniform_(-0.1, 0.1)
            module.running_var.uniform_(0.5, 1.5)
    return model.eval()


def predict(model, x):
    with torch.inference_mode():
        return model(x)


def test_parameter_counts_of_both_variants():
    pvt = RemoteNet(num_classes=6, in_channels=3)
    resnet = RemoteNet(num_classes=6, in_channels=3, encoder="resnet18")
    assert count(pvt) == 14_701_150 and pvt.architecture == "remotenet-pvt_v2_b1"
    # timm's ResNet-18 without its classifier, and the decoder with 256-wide stride-16 skips.
    assert count(resnet.Encoder) == 11_176_512
    assert count(resnet) == 12_377_566 and resnet.architecture == "remotenet-resnet18"
    assert resnet.Encoder.channels == [64, 128, 256, 512] and resnet.Encoder.reductions == [4, 8, 16, 32]
    assert resnet.Decoder.F1.preconv.in_channels == 256  # PVT's is 320
    # The decoder past the skip projections is the same network.
    assert count(resnet.Decoder.block4) == count(pvt.Decoder.block4)
    assert count(resnet.Decoder.FRM) == count(pvt.Decoder.FRM)


@pytest.mark.parametrize("bands,height,width", [(1, 33, 47), (4, 300, 260), (3, 1, 1), (13, 97, 130)])
def test_resnet_variant_returns_the_input_size(bands, height, width):
    net = RemoteNet(num_classes=2, in_channels=bands, encoder="resnet18").eval()
    assert net.Encoder.Encoder.conv1.weight.shape[1] == bands
    out = predict(net, torch.randn(2, bands, height, width))
    assert out.shape == (2, 2, height, width) and torch.isfinite(out).all()


def test_unknown_encoder_is_refused():
    with pytest.raises(UnknownEncoder, match="choose one of pvt_v2_b1, resnet18"):
        RemoteNet(num_classes=2, encoder="vgg16")


def test_resnet_round_trip_names_the_variant(tmp_path, resnet_model):
    x = torch.randn(1, 4, 96, 80)
    path = tmp_path / "r.safetensors"
    meta = save_model(resnet_model, path, {"gsd_m": 0.5})
    assert meta["architecture"] == "remotenet-resnet18"
    loaded, header = load_model(path)
    assert loaded.architecture == "remotenet-resnet18" and header == meta == read_metadata(path)
    assert torch.equal(predict(resnet_model, x), predict(loaded, x))
    # A plain state_dict (.pth): the encoder is read off the weight names.
    pth = tmp_path / "r.pth"
    torch.save({"model": {f"module.{k}": v for k, v in resnet_model.state_dict().items()}}, pth)
    loaded, header = load_model(pth)
    assert header["architecture"] == "remotenet-resnet18" == read_metadata(pth)["architecture"]
    assert torch.equal(predict(resnet_model, x), predict(loaded, x))




def test_header_naming_the_other_encoder_is_refused(tmp_path, resnet_model):
    path = tmp_path / "r.safetensors"
    save_model(resnet_model, path)
    rewrite_model_header(path, lambda m: m.update(architecture="remotenet-pvt_v2_b1"))
    with pytest.raises(ModelFileError, match="'remotenet-pvt_v2_b1' contradicts the weights, which are "
                                             "'remotenet-resnet18'"):
        load_model(path)
    rewrite_model_header(path, lambda m: m.update(architecture="remotenet-convnext"))
    with pytest.raises(ModelFileError, match="not one this plugin builds"):
        read_metadata(path)


def test_saving_under_another_architecture_name_is_refused(tmp_path, resnet_model):
    with pytest.raises(ValueError, match="contradicts the weights"):
        save_model(resnet_model, tmp_path / "x.safetensors", {"architecture": "remotenet-pvt_v2_b1"})
    assert not (tmp_path / "x.safetensors").exists()


def test_old_header_without_architecture_loads_as_pvt(tmp_path):
    torch.manual_seed(0)
    model = RemoteNet(num_classes=2, in_channels=1).eval()
    path = tmp_path / "old.safetensors"
    save_model(model, path)
    rewrite_model_header(path, lambda m: m.pop("architecture"))
    assert read_metadata(path)["architecture"] == "remotenet-pvt_v2_b1"
    loaded, meta = load_model(path)
    assert loaded.architecture == "remotenet-pvt_v2_b1" and meta["architecture"] == "remotenet-pvt_v2_b1"
    x = torch.randn(1, 1, 64, 64)
    assert torch.equal(predict(model, x), predict(loaded, x))


def test_weights_mixing_two_encoders_are_refused(tmp_path, resnet_model):
    state = dict(resnet_model.state_dict())
    state["Encoder.Encoder.patch_embed.proj.weight"] = torch.zeros(64, 4, 7, 7)
    path = tmp_path / "mixed.pth"
    torch.save(state, path)
    with pytest.raises(ModelFileError, match="another architecture"):
        load_model(path)


# ----- pretrained encoder weights from a local file -----------------------------------------

def _timm_state(name: str, seed: int, **kwargs) -> dict[str, torch.Tensor]:
    """A randomly initialised timm network's state_dict, as a weights file would hold it."""
    torch.manual_seed(seed)
    net = timm.create_model(name, pretrained=False, **kwargs)
    for module in net.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.running_mean.uniform_(-0.2, 0.2)
            module.running_var.uniform_(0.5, 1.5)
    return {k: v.clone() for k, v in net.state_dict().items()}


@pytest.fixture(scope="module")
def resnet_weights(tmp_path_factory):
    from safetensors.torch import save_file

    state = _timm_state("resnet18", seed=7)
    folder = tmp_path_factory.mktemp("weights")
    save_file(state, str(folder / "resnet18.safetensors"))
    torch.save(state, folder / "resnet18.pth")
    return state, folder


@pytest.mark.parametrize("suffix", ["safetensors", "pth"])
def test_resnet_encoder_starts_from_exactly_the_file(resnet_weights, suffix):
    state, folder = resnet_weights
    net = RemoteNet(num_classes=2, in_channels=3, encoder="resnet18",
                    encoder_weights=folder / f"resnet18.{suffix}")
    loaded = net.Encoder.Encoder.state_dict()
    assert set(loaded) == {k for k in state if not k.startswith("fc.")}
    for key, value in loaded.items():
        assert torch.equal(value, state[key]), key
    # The decoder is untouched by the file: a second build differs only there.
    other = RemoteNet(num_classes=2, in_channels=3, encoder="resnet18")
    assert not torch.equal(other.Encoder.Encoder.layer1[0].conv1.weight, loaded["layer1.0.conv1.weight"])


@pytest.mark.parametrize("bands", [1, 4])
def test_first_convolution_is_adapted_to_the_band_count(resnet_weights, bands):
    state, folder = resnet_weights
    net = RemoteNet(num_classes=2, in_channels=bands, encoder="resnet18",
                    encoder_weights=folder / "resnet18.safetensors")
    conv = net.Encoder.Encoder.conv1.weight.detach()
    rgb = state["conv1.weight"]
    if bands == 1:
        expected = rgb.sum(dim=1, keepdim=True)
    else:  # RGB repeated (R, G, B, R) and scaled by 3/4, as timm does for its downloads
        expected = torch.cat([rgb, rgb[:, :1]], dim=1) * (3 / 4)
    torch.testing.assert_close(conv, expected)
    assert torch.equal(net.Encoder.Encoder.layer4[1].bn2.running_var, state["layer4.1.bn2.running_var"])


def test_pvt_weights_file_loads_into_the_flattened_stages(tmp_path):
    from safetensors.torch import save_file

    state = _timm_state("pvt_v2_b1", seed=3, num_classes=10)  # another classifier: dropped
    path = tmp_path / "pvt.safetensors"
    save_file(state, str(path))
    net = RemoteNet(num_classes=6, in_channels=3, encoder_weights=path)
    loaded = net.Encoder.Encoder.state_dict()
    # timm's features_only renames stages.0 to stages_0; every weight found its place.
    assert torch.equal(loaded["stages_2.blocks.1.attn.kv.weight"], state["stages.2.blocks.1.attn.kv.weight"])
    assert torch.equal(loaded["patch_embed.proj.weight"], state["patch_embed.proj.weight"])
    assert count(net) == 14_701_150


def test_weights_of_another_encoder_name_the_first_mismatch(resnet_weights):
    _, folder = resnet_weights
    with pytest.raises(EncoderWeightsError, match=r"not timm pvt_v2_b1 weights: \d+ weights missing "
                                                  r"\(first: patch_embed.proj.weight\); \d+ unexpected "
                                                  r"\(first: conv1.weight\)"):
        RemoteNet(num_classes=2, encoder="pvt_v2_b1", encoder_weights=folder / "resnet18.pth")


def test_weights_of_another_shape_name_the_tensor(tmp_path, resnet_weights):
    state, _ = resnet_weights
    state = dict(state)
    state["layer3.0.conv1.weight"] = torch.zeros(256, 128, 1, 1)
    path = tmp_path / "odd.pth"
    torch.save(state, path)
    with pytest.raises(EncoderWeightsError, match=r"layer3.0.conv1.weight has shape \(256, 128, 1, 1\) "
                                                  r"where timm resnet18 has \(256, 128, 3, 3\)"):
        RemoteNet(num_classes=2, encoder="resnet18", encoder_weights=path)


class _Exploit:
    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


def test_weights_file_never_runs_code(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pth"
    with open(path, "wb") as fh:
        pickle.dump({"conv1.weight": _Exploit(str(marker))}, fh, protocol=2)
    with pytest.raises(EncoderWeightsError, match="could run code"):
        RemoteNet(num_classes=2, encoder="resnet18", encoder_weights=path)
    assert not marker.exists()


def test_missing_weights_file(tmp_path):
    with pytest.raises(EncoderWeightsError, match="no such encoder weights file"):
        RemoteNet(num_classes=2, encoder="resnet18", encoder_weights=tmp_path / "nope.safetensors")


def test_train_config_takes_the_encoder_and_its_weights(resnet_weights):
    state, folder = resnet_weights
    rng = np.random.default_rng(0)
    x = rng.normal(0, 1, (2, 1, 64, 64)).astype(np.float32)
    y = (x[:, 0] > 0).astype(np.uint8)
    config = TrainConfig(epochs=None, max_steps=1, batch_size=2, encoder="resnet18", lr=1e-9,
                         encoder_weights=str(folder / "resnet18.safetensors"), augment=False, amp=False)
    result = train_model(x, y, None, None, 2, config)
    assert result.model.architecture == "remotenet-resnet18"
    assert result.config["encoder"] == "resnet18"
    # One step at a negligible learning rate: the encoder still holds the file's (1-band) weights.
    conv = result.model.Encoder.Encoder.conv1.weight.detach()
    torch.testing.assert_close(conv, state["conv1.weight"].sum(1, keepdim=True), atol=1e-6, rtol=0)
    with pytest.raises(TrainingError, match="encoder weights: .*not timm pvt_v2_b1 weights"):
        train_model(x, y, None, None, 2, TrainConfig(epochs=1, batch_size=2, encoder="pvt_v2_b1",
                                                     encoder_weights=str(folder / "resnet18.pth")))
    with pytest.raises(TrainingError, match="set only one"):
        TrainConfig(encoder="resnet18", encoder_weights="w.pth", pretrained_encoder=True).check()
    with pytest.raises(TrainingError, match="choose one of"):
        TrainConfig(encoder="resnet50").check()


def test_headers_and_the_plugin_know_the_encoders_the_model_builds(remotenet_provider):
    """model/metadata.py lists the encoder names without torch (headers, the Train dialog); they are
    exactly the ones model/encoder.py builds."""
    from qgis.core import QgsApplication

    from remotenet.model.metadata import ENCODER_NAMES

    assert list(ENCODER_NAMES) == list(ENCODERS)
    alg = QgsApplication.processingRegistry().algorithmById("remotenet:train")
    assert alg.parameterDefinition("ENCODER").options() == list(ENCODERS)


def test_encoder_learning_rate_ratio_applies_to_the_encoder_only():
    rng = np.random.default_rng(1)
    x = rng.normal(0, 1, (2, 1, 64, 64)).astype(np.float32)
    y = (x[:, 0] > 0).astype(np.uint8)
    torch.manual_seed(0)
    net = RemoteNet(num_classes=2, in_channels=1, encoder="resnet18")
    before = {k: v.clone() for k, v in net.state_dict().items()}
    config = TrainConfig(epochs=None, max_steps=1, batch_size=2, lr=1e-3, encoder_lr_ratio=1e-6, augment=False,
                         amp=False)
    result = train_model(x, y, None, None, 2, config, model=net)
    after = result.model.state_dict()
    step = {k: float((after[k] - before[k]).abs().max()) for k in ("Encoder.Encoder.conv1.weight",
                                                                   "Decoder.FRM.head.weight")}
    assert step["Encoder.Encoder.conv1.weight"] < 1e-7 < 1e-4 < step["Decoder.FRM.head.weight"]
    with pytest.raises(TrainingError, match="encoder_lr_ratio must be positive"):
        TrainConfig(encoder_lr_ratio=0).check()

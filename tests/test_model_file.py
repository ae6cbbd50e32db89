"""Model files: safetensors with a header, PyTorch checkpoints, and clear refusals."""
import os
import pickle
from pathlib import Path

import pytest
import torch
from conftest import rewrite_model_header

from remotenet.model import ModelFileError, RemoteNet, load_model, read_metadata, save_model, weights_storage
from remotenet.model.metadata import FORMAT_VERSION, ISPRS_CLASSES
from remotenet.model.model_file import HEAD_KEY
from remotenet.model.quantise import SCALE_SUFFIX, dequantise_int8, quantise_int8


@pytest.fixture(scope="module")
def small_model() -> RemoteNet:
    torch.manual_seed(0)
    model = RemoteNet(num_classes=3, in_channels=4)
    # Non-trivial BatchNorm statistics so a lost buffer would show in the outputs.
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.running_mean.uniform_(-0.1, 0.1)
            module.running_var.uniform_(0.5, 1.5)
    return model.eval()


@pytest.fixture(scope="module")
def pixels() -> torch.Tensor:
    torch.manual_seed(1)
    return torch.randn(1, 4, 96, 80)


def predict(model, x):
    with torch.inference_mode():
        return model(x)


def test_round_trip_is_bit_identical_and_keeps_header(tmp_path, small_model, pixels):
    path = tmp_path / "m.safetensors"
    meta = save_model(small_model, path, {
        "bands": ["blue", "green", "red", "nir"],
        "classes": [{"value": 0, "name": "water", "color": [0, 0, 255]},
                    {"value": 1, "name": "land", "color": [0, 200, 0]},
                    {"value": 2, "name": "town", "color": [200, 0, 0]}],
        "gsd_m": 10.0,
        "metrics": {"miou": 0.5},
    })
    loaded, header = load_model(path)
    assert torch.equal(predict(small_model, pixels), predict(loaded, pixels))
    assert header == meta
    assert [b["name"] for b in header["bands"]] == ["blue", "green", "red", "nir"]
    assert header["classes"][2]["name"] == "town"
    assert header["gsd_m"] == 10.0 and header["metrics"] == {"miou": 0.5}
    assert read_metadata(path) == meta


def test_defaults_fill_the_header(tmp_path):
    model = RemoteNet(num_classes=6, in_channels=3)
    meta = save_model(model, tmp_path / "d.safetensors")
    assert meta["classes"] == ISPRS_CLASSES
    assert meta["input"]["mean"] == [0.485, 0.456, 0.406]
    assert meta["input"]["scale"] == 255.0
    assert meta["format_version"] == 1 and meta["architecture"] == "remotenet-pvt_v2_b1"
    assert meta["in_channels"] == 3 and len(meta["bands"]) == 3
    assert "created" in meta["provenance"]


def test_half_precision_file_is_smaller_and_close(tmp_path, small_model, pixels):
    full, half = tmp_path / "f.safetensors", tmp_path / "h.safetensors"
    save_model(small_model, full)
    save_model(small_model, half, half=True)
    assert os.path.getsize(half) < 0.6 * os.path.getsize(full)
    loaded, _ = load_model(half)
    ref, out = predict(small_model, pixels), predict(loaded, pixels)
    assert (ref.argmax(1) == out.argmax(1)).float().mean() > 0.99


@pytest.mark.parametrize("wrap", ["plain", "model_key", "dataparallel"])
def test_pytorch_checkpoints_load_and_predict_the_same(tmp_path, small_model, pixels, wrap):
    state = small_model.state_dict()
    if wrap == "model_key":
        obj = {"model": state}
    elif wrap == "dataparallel":
        # The public reproduction saves {"model": DataParallel(model).state_dict()}, with the
        # relative position index stored as a buffer.
        obj = {"model": {f"module.{k}": v for k, v in state.items()}}
        for name, module in small_model.named_modules():
            if hasattr(module, "relative_position_index"):
                obj["model"][f"module.{name}.relative_position_index"] = module.relative_position_index
        assert any(k.startswith("module.Encoder.Encoder.") for k in obj["model"])
        assert any(k.startswith("module.Decoder.block4.") for k in obj["model"])
    else:
        obj = state
    path = tmp_path / "ckpt.pth"
    torch.save(obj, path)
    loaded, meta = load_model(path)
    assert torch.equal(predict(small_model, pixels), predict(loaded, pixels))
    assert meta["in_channels"] == 4 and len(meta["classes"]) == 3


def test_not_a_model_file(tmp_path):
    path = tmp_path / "notes.safetensors"
    path.write_text("these are not weights\n")
    with pytest.raises(ModelFileError, match="not a model file"):
        load_model(path)


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="no such model file"):
        load_model(tmp_path / "nope.safetensors")


def test_truncated_safetensors(tmp_path, small_model):
    path = tmp_path / "t.safetensors"
    save_model(small_model, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError, match="truncated"):
        load_model(path)


def test_truncated_pth(tmp_path, small_model):
    path = tmp_path / "t.pth"
    torch.save(small_model.state_dict(), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ModelFileError, match="truncated|not a readable"):
        load_model(path)


class _Exploit:
    """Unpickling this would create a file: the loader must refuse before that happens."""

    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


@pytest.mark.parametrize("legacy", [False, True])
def test_malicious_pickle_does_not_run(tmp_path, legacy):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pth"
    payload = {"model": {"x": _Exploit(str(marker))}}
    if legacy:
        with open(path, "wb") as fh:
            pickle.dump(payload, fh, protocol=2)
    else:
        torch.save(payload, path)
    with pytest.raises(ModelFileError, match="could run code"):
        load_model(path)
    assert not marker.exists()


def test_weights_of_another_architecture(tmp_path):
    path = tmp_path / "resnet.pth"
    torch.save(torch.nn.Conv2d(3, 8, 3).state_dict(), path)
    with pytest.raises(ModelFileError, match="another architecture"):
        load_model(path)


def test_weights_with_other_layers(tmp_path, small_model):
    state = dict(small_model.state_dict())
    # The later public code adds a BatchNorm at the end of each channel-attention map.
    for f in ("F1", "F2", "F3"):
        state[f"Decoder.{f}.attention_map.8.weight"] = torch.ones(64)
        state[f"Decoder.{f}.attention_map.8.running_mean"] = torch.zeros(64)
    path = tmp_path / "later.pth"
    torch.save(state, path)
    with pytest.raises(ModelFileError, match="do not fit RemoteNet.*unexpected"):
        load_model(path)




def test_header_with_wrong_class_count(tmp_path, small_model):
    path = tmp_path / "m.safetensors"
    save_model(small_model, path)
    rewrite_model_header(path, lambda m: m["classes"].pop())
    with pytest.raises(ModelFileError, match="lists 2 classes but the weights predict 3"):
        load_model(path)


def test_header_with_wrong_band_count(tmp_path, small_model):
    path = tmp_path / "m.safetensors"
    save_model(small_model, path)

    def three_bands(m):
        m["in_channels"] = 3
        m["bands"] = m["bands"][:3]
        m["input"]["mean"] = m["input"]["mean"][:3]
        m["input"]["std"] = m["input"]["std"][:3]

    rewrite_model_header(path, three_bands)
    with pytest.raises(ModelFileError, match="says 3 input bands but the weights take 4"):
        load_model(path)


def test_safetensors_without_our_header(tmp_path, small_model):
    from safetensors.torch import save_file

    path = tmp_path / "bare.safetensors"
    save_file({k: v.contiguous() for k, v in small_model.state_dict().items()}, str(path))
    with pytest.raises(ModelFileError, match="no 'remotenet' header"):
        load_model(path)


def test_save_refuses_other_extensions(tmp_path, small_model):
    with pytest.raises(ModelFileError, match="safetensors"):
        save_model(small_model, tmp_path / "m.pth")
    assert not (tmp_path / "m.pth").exists()


def test_int8_file_is_a_quarter_and_predicts_the_same(tmp_path, small_model, pixels):
    full, small = tmp_path / "f.safetensors", tmp_path / "q.safetensors"
    save_model(small_model, full)
    meta = save_model(small_model, small, {"metrics": {"miou": 0.5}}, storage="int8")
    assert os.path.getsize(small) < 0.3 * os.path.getsize(full)
    assert meta["format_version"] == 2 and meta["weights"]["storage"] == "int8"
    assert weights_storage(small) == "int8" and weights_storage(full) == "float32"
    loaded, header = load_model(small)
    assert header == meta and header["metrics"] == {"miou": 0.5}
    ref, out = predict(small_model, pixels), predict(loaded, pixels)
    assert (ref.argmax(1) == out.argmax(1)).float().mean() > 0.99
    # Every weight is within half a quantisation step of the original, per output channel.
    original, restored = small_model.state_dict(), loaded.state_dict()
    name = "Encoder.Encoder.patch_embed.proj.weight"
    step = original[name].abs().reshape(original[name].shape[0], -1).amax(1) / 127
    error = (original[name] - restored[name]).abs().reshape(original[name].shape[0], -1).amax(1)
    assert torch.all(error <= step / 2 + 1e-7) and not torch.equal(original[name], restored[name])
    # Tensors that are not conv/linear weights are kept exactly.
    assert all(torch.equal(original[k], restored[k]) for k in original if not k.endswith(".weight"))


def test_float_files_stay_format_1(tmp_path, small_model):
    for storage in ("float32", "float16"):
        meta = save_model(small_model, tmp_path / f"{storage}.safetensors", storage=storage)
        assert meta["format_version"] == 1 and meta["weights"] == {"storage": storage}
        assert weights_storage(tmp_path / f"{storage}.safetensors") == storage


def test_quantise_int8_per_channel():
    w = torch.tensor([[1.0, -0.5, 0.25], [0.0, 0.0, 0.0], [-2.0, 1.0, 0.001]])
    q, scale = quantise_int8(w)
    assert q.dtype == torch.int8 and q[0].tolist() == [127, -64, 32] and q[1].tolist() == [0, 0, 0]
    assert scale.tolist() == pytest.approx([1 / 127, 1.0, 2 / 127])
    assert torch.allclose(dequantise_int8(q, scale), w, atol=1 / 127)


def test_int8_weight_without_its_scale_is_refused(tmp_path, small_model):
    from safetensors import safe_open
    from safetensors.torch import save_file

    path = tmp_path / "q.safetensors"
    save_model(small_model, path, storage="int8")
    with safe_open(str(path), framework="pt") as fh:
        raw = fh.metadata()
        tensors = {k: fh.get_tensor(k) for k in fh.keys() if k != HEAD_KEY + SCALE_SUFFIX}
    save_file(tensors, str(path), metadata=raw)
    with pytest.raises(ModelFileError, match=f"int8 weight {HEAD_KEY} has no scale"):
        load_model(path)


def test_newer_format_version_asks_for_an_update(tmp_path, small_model):
    path = tmp_path / "m.safetensors"
    save_model(small_model, path, storage="int8")
    rewrite_model_header(path, lambda m: m.update(format_version=FORMAT_VERSION + 1))
    newer = FORMAT_VERSION + 1
    with pytest.raises(ModelFileError, match=f"format_version {newer} is not supported.*update the plugin"):
        load_model(path)


def test_bundled_demo_model_is_int8_and_keeps_its_record():
    demo = Path(__file__).resolve().parent.parent / "resources" / "models" / "remotenet_demo_buildings.safetensors"
    assert weights_storage(demo) == "int8"
    meta = read_metadata(demo)
    assert meta["metrics"]["held_out"]["pixels"] == 270000
    check = meta["provenance"]["quantisation"]["checked_on"]
    assert check["same_class_share"] >= 0.995

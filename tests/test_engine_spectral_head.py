"""Segment runs a model with the spectral head (model/spectral_head.py) from its model file: with the
decoder's head silenced, the classes are exactly the per-pixel MLP over the header's normalisation of
each pixel, whatever the tiling and blending, in PyTorch and in OpenVINO."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from engine_helpers import VIRGINIA, read
from osgeo import gdal

from remotenet.model import RemoteNet, save_model
from remotenet.remotenet_plugin.engine import SegmentOptions, segment

WINDOW = (100, 200, 300, 260)  # x, y, width, height: several 128 px tiles with overlaps


@pytest.fixture(scope="module")
def spectral_model(tmp_path_factory):
    """A 4-band, 3-class RemoteNet whose decoder head is zero: its logits are the pixel path's alone."""
    ds = gdal.Open(VIRGINIA)
    pixels = ds.ReadAsArray().astype(np.float64).reshape(4, -1)
    norm = {"offset": 0.0, "scale": 1.0, "mean": pixels.mean(1).tolist(), "std": pixels.std(1).tolist()}
    torch.manual_seed(3)
    model = RemoteNet(num_classes=3, in_channels=4, encoder="resnet18", spectral_head=True).eval()
    with torch.no_grad():
        model.Decoder.FRM.head.weight.zero_()
        model.Decoder.FRM.head.bias.zero_()
        model.Spectral.classify.weight.mul_(4.0)  # clear margins between the classes
    path = tmp_path_factory.mktemp("spectral") / "spectral.safetensors"
    save_model(model, path, {"input": norm, "tile_size": 128,
                             "classes": [{"value": 0, "name": "a", "color": [0, 0, 255]},
                                         {"value": 1, "name": "b", "color": [0, 255, 0]},
                                         {"value": 2, "name": "c", "color": [255, 0, 0]}]})
    return path, model, norm


def expected_classes(model: RemoteNet, norm: dict) -> np.ndarray:
    x, y, w, h = WINDOW
    ds = gdal.Open(VIRGINIA)
    pixels = ds.ReadAsArray(x, y, w, h).astype(np.float32)
    mean = np.asarray(norm["mean"], np.float32)[:, None, None]
    std = np.asarray(norm["std"], np.float32)[:, None, None]
    with torch.no_grad():
        logits = model.Spectral(torch.from_numpy((pixels - mean) / std)[None])
    return logits[0].argmax(0).numpy().astype(np.uint8)


@pytest.mark.parametrize("runtime", ["torch", "openvino"])
def test_segment_runs_the_pixel_path_of_a_model_file(tmp_path, spectral_model, runtime):
    if runtime == "openvino":
        pytest.importorskip("openvino")
    path, model, norm = spectral_model
    out = tmp_path / f"{runtime}.tif"
    result = segment(VIRGINIA, str(path), str(out), SegmentOptions(
        window=WINDOW, device="cpu", runtime=runtime, precision="fp32", tile_size=128, overlap=32,
        cache_dir=str(tmp_path / "cache")))
    assert result.runtime == runtime and result.tiles_total > 4
    classes = read(out)
    expected = expected_classes(model, norm)
    assert classes.shape == expected.shape
    assert len(np.unique(expected)) == 3  # every class occurs: agreement is not trivial
    assert (classes == expected).mean() >= 0.999

"""Blending and memory: RemoteNet tiles blended smoothly agree with single-pass inference better
than crop-and-paste; peak memory does not grow with the raster's area."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from engine_helpers import read
from osgeo import gdal

from remotenet.model import RemoteNet, build_metadata
from remotenet.remotenet_plugin.engine import SegmentOptions, segment
from remotenet.remotenet_plugin.engine.read.tiling import TileGrid

ATLANTA = str(Path(__file__).parent / "data" / "atlanta_pan_0p5m.tif")
NORM = {"offset": 0.0, "scale": 2048.0, "mean": [0.3], "std": [0.2]}


def varied_remotenet() -> RemoteNet:
    """A random RemoteNet whose class head is calibrated on real pixels, so its predictions vary
    across the image (a plain random head predicts one class everywhere)."""
    torch.manual_seed(0)
    net = RemoteNet(num_classes=4, in_channels=1).eval()
    head = net.Decoder.FRM.head
    feats = {}
    hook = head.register_forward_hook(lambda _m, inputs, _o: feats.__setitem__("f", inputs[0]))
    x = gdal.Open(ATLANTA).ReadAsArray(0, 0, 256, 256).astype(np.float32)
    with torch.no_grad():
        net(torch.from_numpy((x / NORM["scale"] - 0.3) / 0.2)[None, None])
        hook.remove()
        f = feats["f"][0].flatten(1)
        std = f.std(dim=1)
        w = torch.randn(head.weight.shape[:2]) * (std > 1e-5) / std.clamp_min(1e-5)
        head.weight.copy_(w[:, :, None, None])
        head.bias.copy_(-(w @ f.mean(dim=1)))
    return net


def test_smooth_blending_beats_crop_and_paste(tmp_path):
    net = varied_remotenet()
    meta = build_metadata(4, 1, {"tile_size": 256, "input": NORM})
    window = (100, 100, 448, 448)
    runs = {}
    # tile_size given: a window this small would otherwise run as one tile (read/tiling.py:one_tile_shape)
    for name, extra in [("single", {"tile_size": 1024}), ("smooth", {"tile_size": 256, "overlap": 96}),
                        ("crop", {"tile_size": 256, "overlap": 96, "blend": "crop"})]:
        out, conf = str(tmp_path / f"{name}.tif"), str(tmp_path / f"{name}_conf.tif")
        segment(ATLANTA, (net, meta), out, SegmentOptions(window=window, output_confidence=conf, **extra))
        runs[name] = read(out), read(conf)
    single_classes, single_conf = runs["single"]
    assert len(np.unique(single_classes)) == 4  # the network really varies
    agreement = {k: (runs[k][0] == single_classes).mean() for k in ("smooth", "crop")}
    conf_error = {k: np.abs(runs[k][1] - single_conf).mean() for k in ("smooth", "crop")}
    assert agreement["smooth"] > agreement["crop"] > 0.9
    assert conf_error["smooth"] < conf_error["crop"]


@pytest.mark.parametrize("length,tile,overlap", [(1000, 256, 64), (300, 128, 40), (100, 256, 64), (513, 64, 31)])
def test_smooth_weights_cover_every_pixel(length, tile, overlap):
    grid = TileGrid(length, 7, tile, overlap)
    assert grid.xs[0] == 0 and grid.xs[-1] + grid.tw == length
    assert (grid.sum_x > 0.05).all()
    # Up to the last (end-aligned) tile, the sin^2 ramps of neighbours sum to one: no seam.
    if len(grid.xs) > 1:
        assert np.allclose(grid.sum_x[: grid.xs[-1]], 1.0, atol=1e-6)


MEMORY_SIZES = (4000, 16000)


@pytest.mark.slow
def test_peak_memory_does_not_grow_with_raster_area(tmp_path):
    """4,000 and 16,000 pixel-square VRTs over the Virginia scene, each in its own process."""
    helper = Path(__file__).parent / "engine_helpers.py"
    reports = []
    for size in MEMORY_SIZES:
        proc = subprocess.run([sys.executable, str(helper), str(size), str(tmp_path)], capture_output=True,
                              text=True, check=True, cwd=str(helper.parent), timeout=900)
        reports.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        (tmp_path / f"out_{size}.tif").unlink()
    small, large = (r["peak_rss_mib"] for r in reports)
    assert large <= small * 1.25, reports
    assert reports[1]["megapixels"] == 256.0


def test_torch_blender_matches_numpy_blender():
    """The blender used on CUDA (run here on the CPU) emits what the numpy blender emits."""
    from remotenet.remotenet_plugin.engine.blend.rows import RowBlender
    from remotenet.remotenet_plugin.engine.blend.rows_torch import TorchRowBlender

    grid = TileGrid(300, 260, 64, 16)
    rng = np.random.default_rng(0)
    lut = np.array([0, 1, 2, 7], dtype=np.uint8)
    outputs = {"numpy": [], "torch": []}
    numpy_blender = RowBlender(grid, 4, lut, True, lambda y, c, f: outputs["numpy"].append((y, c, f)))
    torch_blender = TorchRowBlender(grid, 4, lut, True, lambda y, c, f: outputs["torch"].append((y, c, f)),
                                    torch.device("cpu"))
    for tile in grid:
        if tile.row == 2:
            continue  # a skipped (all-nodata) tile row
        probs = rng.random((4, grid.th, grid.tw), dtype=np.float32)
        valid = rng.random((grid.th, grid.tw)) > 0.1
        numpy_blender.add(tile, probs.copy(), valid)
        torch_blender.add(tile, torch.from_numpy(probs.copy()), valid)
    numpy_blender.finish()
    torch_blender.finish()
    assert [y for y, _c, _f in outputs["numpy"]] == [y for y, _c, _f in outputs["torch"]]
    classes = [np.concatenate([c for _y, c, _f in outputs[k]]) for k in ("numpy", "torch")]
    conf = [np.concatenate([f for _y, _c, f in outputs[k]]) for k in ("numpy", "torch")]
    assert classes[0].shape == (260, 300) and set(np.unique(classes[0])) <= {0, 1, 2, 7, 255}
    assert (classes[0] != classes[1]).mean() < 1e-4
    np.testing.assert_allclose(conf[0], conf[1], rtol=1e-5)

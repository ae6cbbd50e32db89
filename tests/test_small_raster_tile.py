"""A small window runs as one tile (issue 25, "many rasters"): a raster up to twice the model's tile size
is not cut into 3 x 3 overlapping tiles but run once, padded up to one of a few sizes, without overlap or
seams. On real imagery (a crop of the Atlanta scene) it gives the tiled run's grid, nodata and
georeferencing and almost all of its classes; a tile size the user set, int8 and a chunk size under the
window keep the grid; OpenVINO keeps a runner per input shape between runs."""
import importlib.util
import os
from pathlib import Path

import numpy as np
import pytest
from engine_helpers import read
from osgeo import gdal

from remotenet.remotenet_plugin.engine import SegmentOptions, segment
from remotenet.remotenet_plugin.engine.prepare import kept
from remotenet.remotenet_plugin.engine.prepare.run import prepare
from remotenet.remotenet_plugin.engine.read.tiling import one_tile_shape, one_tile_step

ROOT = Path(__file__).resolve().parent.parent
DEMO = str(ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors")  # tile 256
ATLANTA = str(ROOT / "tests" / "data" / "atlanta_pan_0p5m.tif")  # nodata 0
HAS_OPENVINO = importlib.util.find_spec("openvino") is not None


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> str:
    """A real 500 x 420 px GeoTIFF cut from the Atlanta scene, with a nodata corner."""
    folder = tmp_path_factory.mktemp("small")
    path = str(folder / "small.tif")
    gdal.Translate(path, ATLANTA, srcWin=[300, 200, 500, 420])
    ds = gdal.Open(path, gdal.GA_Update)
    band = ds.GetRasterBand(1)
    pixels = band.ReadAsArray()
    pixels[:40, :60] = 0
    band.WriteArray(pixels)
    ds = None
    return path


def test_the_rule():
    assert one_tile_step(256) == 64 and one_tile_step(512) == 128 and one_tile_step(64) == 32
    assert one_tile_shape(512, 512, 256, 4) == (512, 512)
    assert one_tile_shape(500, 420, 256, 4) == (448, 512)  # (height, width), each side up to a multiple of 64
    assert one_tile_shape(257, 40, 256, 4) == (64, 320)
    assert one_tile_shape(256, 256, 256, 4) is None  # one tile of its own size already
    assert one_tile_shape(513, 100, 256, 4) is None  # more than twice the tile
    # never more pixels at once than a batch of tiles: with batch 1, a side over the tile only on a thin strip
    assert one_tile_shape(400, 400, 256, 1) is None and one_tile_shape(500, 100, 256, 1) == (128, 512)


def test_a_small_raster_runs_as_one_tile_and_matches_the_tiled_run(small, tmp_path):
    log: list[str] = []
    opts = dict(device="cpu", runtime="torch", precision="fp32")
    one = segment(small, DEMO, str(tmp_path / "one.tif"), SegmentOptions(**opts), log=log.append)
    grid = segment(small, DEMO, str(tmp_path / "grid.tif"), SegmentOptions(tile_size=256, **opts))
    assert (one.tiles_total, one.tile_size, one.overlap) == (1, 512, 0)
    assert grid.tiles_total == 6 and (grid.tile_size, grid.overlap) == (256, 48)
    assert any("run as one tile of 512 x 448 px" in line for line in log)
    a_ds, b_ds = gdal.Open(str(tmp_path / "one.tif")), gdal.Open(str(tmp_path / "grid.tif"))
    assert a_ds.GetMetadataItem("REMOTENET_TILING") == "one tile, network input 512x448"
    assert b_ds.GetMetadataItem("REMOTENET_TILING") == "grid"
    assert (a_ds.RasterXSize, a_ds.RasterYSize) == (b_ds.RasterXSize, b_ds.RasterYSize) == (500, 420)
    assert a_ds.GetGeoTransform() == b_ds.GetGeoTransform() == gdal.Open(small).GetGeoTransform()
    assert a_ds.GetProjection() == b_ds.GetProjection() and a_ds.GetProjection()
    assert a_ds.GetRasterBand(1).GetNoDataValue() == b_ds.GetRasterBand(1).GetNoDataValue()
    a, b = read(tmp_path / "one.tif"), read(tmp_path / "grid.tif")
    nodata = a_ds.GetRasterBand(1).GetNoDataValue()
    assert (a[:40, :60] == nodata).all() and (b[:40, :60] == nodata).all()
    assert 0.01 < (b == 1).mean() < 0.5  # buildings present: agreement is not trivially background
    assert (a == b).mean() >= 0.99


def test_a_tile_size_set_int8_or_a_smaller_chunk_keep_the_grid(small, tmp_path):
    def plan(**kw):
        return prepare(small, DEMO, str(tmp_path / "out.tif"), SegmentOptions(device="cpu", **kw), lambda _m: None,
                       with_predictor=False).plan

    assert plan().one_tile == (448, 512) and plan().network_input == (1, 1, 448, 512)
    assert plan(overlap=96).one_tile == (448, 512)  # one tile has no seams to hide
    for kw in (dict(tile_size=256), dict(precision="int8", runtime="openvino"), dict(chunk_size=256),
               dict(batch_size=1)):
        p = plan(**kw)
        assert p.one_tile is None and len(p.grid) > 1, kw
    assert plan(batch_size=2).network_input == (2, 1, 256, 256)


@pytest.mark.skipif(not HAS_OPENVINO, reason="OpenVINO is not installed")
def test_openvino_pads_one_tile_and_keeps_a_runner_per_shape(small, tmp_path):
    """The OpenVINO network compiled for 448 x 512 (the window padded) gives PyTorch's classes on the window;
    a tiled run and a one-tile run one after another each find their runner kept."""
    cache = str(tmp_path / "cache")
    kept.release()
    ov = dict(device="cpu", runtime="openvino", precision="fp32", cache_dir=cache)
    one = segment(small, DEMO, str(tmp_path / "ov.tif"), SegmentOptions(**ov))
    assert one.tiles_total == 1 and one.batch_size == 1
    segment(small, DEMO, str(tmp_path / "pt.tif"), SegmentOptions(device="cpu", runtime="torch", precision="fp32"))
    assert (read(tmp_path / "ov.tif") == read(tmp_path / "pt.tif")).mean() >= 0.999
    segment(small, DEMO, str(tmp_path / "grid.tif"), SegmentOptions(tile_size=256, **ov))  # another shape
    before = dict(kept.stats)
    for i in range(2):
        segment(small, DEMO, str(tmp_path / f"one{i}.tif"), SegmentOptions(**ov))
        segment(small, DEMO, str(tmp_path / f"grid{i}.tif"), SegmentOptions(tile_size=256, **ov))
    assert kept.stats["prepared"] == before["prepared"] and kept.stats["reused"] == before["reused"] + 4
    assert np.array_equal(read(tmp_path / "one1.tif"), read(tmp_path / "ov.tif"))
    kept.release()


def test_the_model_hash_is_remembered_only_while_the_file_is_unchanged(tmp_path, monkeypatch):
    from remotenet.remotenet_plugin.engine.base import digest

    path = tmp_path / "model.bin"
    path.write_bytes(b"a" * 1000)
    old = 1_000_000_000
    os.utime(path, (old, old))
    first = digest.model_sha256(str(path))
    calls = []
    monkeypatch.setattr(digest, "file_sha256", lambda p: calls.append(p) or "x")
    assert digest.model_sha256(str(path)) == first and not calls  # remembered: not read again
    path.write_bytes(b"b" * 1000)  # rewritten in place: same size, the same modification time set back
    os.utime(path, (old, old))
    assert digest.model_sha256(str(path)) == "x" and calls  # the change time moved: hashed again

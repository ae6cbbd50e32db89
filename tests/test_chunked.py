"""Chunked runs in one process: the result does not depend on the chunking, outputs are COGs,
a killed run resumes from its finished chunks, and nothing damaged or stale is ever reused."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from engine_helpers import VIRGINIA, make_repeat_vrt, pixel_model, read
from osgeo import gdal

from remotenet.remotenet_plugin.engine import EngineError, SegmentCancelled, SegmentOptions, segment
from remotenet.remotenet_plugin.engine.read.tiling import TileGrid
from remotenet.remotenet_plugin.engine.scale.chunks import ChunkGrid, ChunkPlan
from remotenet.remotenet_plugin.engine.scale.work_folder import work_folder_for

PAN = str(Path(__file__).parent / "data" / "atlanta_pan_0p5m.tif")
ONE_CHUNK = 1 << 20


def test_chunk_grids_cover_every_tile_that_touches_them_and_only_those():
    grid = TileGrid(1000, 700, 128, 24)
    plan = ChunkPlan(grid, 250)
    assert plan.side % grid.stride == 0 and plan.side >= 250
    covered = np.zeros((700, 1000), dtype=int)
    for chunk in plan:
        view = ChunkGrid(grid, chunk)
        covered[chunk.y:chunk.y + chunk.height, chunk.x:chunk.x + chunk.width] += 1
        for tile in view:
            x, y = view.region_x + tile.x, view.region_y + tile.y
            touches = x < chunk.x + chunk.width and x + grid.tw > chunk.x and \
                y < chunk.y + chunk.height and y + grid.th > chunk.y
            assert touches
            # the global weight window of the same tile
            (gtile,) = [t for t in grid if t.x == x and t.y == y]
            assert view.weight(tile) is grid.weight(gtile)
        needed = [t for t in grid if t.x < chunk.x + chunk.width and t.x + grid.tw > chunk.x
                  and t.y < chunk.y + chunk.height and t.y + grid.th > chunk.y]
        assert len(view) == len(needed)
    assert (covered == 1).all()  # chunks tile the window exactly once


def test_per_pixel_network_gives_bit_identical_classes_and_confidence(tmp_path):
    model = pixel_model(in_channels=4, num_classes=5, tile_size=96, scale=3000.0)
    src = make_repeat_vrt(str(tmp_path / "scene.vrt"), 700)
    results, log = {}, []
    for name, chunk in (("one", ONE_CHUNK), ("chunked", 200)):
        out = tmp_path / f"{name}.tif"
        r = segment(src, model, out, SegmentOptions(chunk_size=chunk, device="cpu", precision="fp32",
                                                    output_confidence=str(tmp_path / f"{name}_conf.tif")),
                    log=log.append)
        results[name] = (read(out), read(tmp_path / f"{name}_conf.tif"), r)
    assert results["one"][2].chunks == 1 and results["chunked"][2].chunks == 16
    # every tile on a chunk border ran once: the other chunks that touch it took it from the store
    grid = TileGrid(700, 700, 96, 24)
    extra = ChunkPlan(grid, 200).tiles() - len(grid)
    assert f"{extra} tiles on chunk borders were computed once and shared by their chunks" in log, log
    np.testing.assert_array_equal(results["one"][0], results["chunked"][0])
    np.testing.assert_array_equal(results["one"][1], results["chunked"][1])


# 128 px tiles: the random test network costs about as much per 64 px tile as per 128 px one.
FAST = {"device": "cpu", "precision": "fp32", "tile_size": 128, "overlap": 16}


def _run(src, model, out, log=None, **options):
    messages = []
    result = segment(src, str(model), str(out), SegmentOptions(**FAST, **options),
                     log=(log or messages.append))
    return result, messages


def test_remotenet_chunked_matches_one_chunk_and_writes_cogs(tmp_path, model_1band):
    src = PAN
    one, _ = _run(src, model_1band, tmp_path / "one.tif", chunk_size=ONE_CHUNK, window=(100, 100, 600, 500))
    res, log = _run(src, model_1band, tmp_path / "chunked.tif", chunk_size=224, window=(100, 100, 600, 500),
                    output_confidence=str(tmp_path / "conf.tif"))
    assert res.chunks > 4
    a, b = read(tmp_path / "one.tif"), read(tmp_path / "chunked.tif")
    assert (a == b).mean() >= 0.9999
    ds = gdal.Open(str(tmp_path / "chunked.tif"))
    assert ds.GetMetadata("IMAGE_STRUCTURE").get("LAYOUT") == "COG"
    assert ds.GetGeoTransform() == gdal.Open(str(tmp_path / "one.tif")).GetGeoTransform()
    band = ds.GetRasterBand(1)
    assert band.GetColorTable() is not None and band.GetNoDataValue() == 255
    assert ds.GetMetadataItem("REMOTENET_MODEL") == model_1band.name
    assert "<Category>building</Category>" in (tmp_path / "chunked.tif.aux.xml").read_text()
    conf = gdal.Open(str(tmp_path / "conf.tif"))
    assert conf.GetMetadata("IMAGE_STRUCTURE").get("LAYOUT") == "COG"
    assert (tmp_path / "chunked.qml").exists()
    assert not os.path.exists(work_folder_for(str(tmp_path / "chunked.tif")))  # removed on success
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_large_class_raster_gets_overviews(tmp_path):
    model = pixel_model(in_channels=4, num_classes=3, tile_size=256, scale=3000.0)
    src = make_repeat_vrt(str(tmp_path / "scene.vrt"), 2100)
    segment(src, model, tmp_path / "out.tif", SegmentOptions(chunk_size=1024, device="cpu"))
    ds = gdal.Open(str(tmp_path / "out.tif"))
    band = ds.GetRasterBand(1)
    assert band.GetOverviewCount() >= 2
    # nearest-neighbour overviews: only class values, never a blend of two
    assert set(np.unique(band.GetOverview(0).ReadAsArray())) <= {0, 1, 2, 255}


RESUMABLE = textwrap.dedent("""
    import sys
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment
    src, model, out = sys.argv[1:4]
    segment(src, model, out, SegmentOptions(chunk_size=224, device="cpu", precision="fp32", tile_size=128,
                                            overlap=16, window=(100, 100, 600, 500)))
""")


def _kill_after_parts(tmp_path, model, out: Path, parts: int, script_text: str = RESUMABLE, *args: str) -> None:
    """Start a chunked run in another process and SIGKILL it once ``parts`` chunk records exist."""
    script = tmp_path / "run.py"
    script.write_text(script_text)
    proc = subprocess.Popen([sys.executable, str(script), PAN, str(model), str(out), *args])
    work = Path(work_folder_for(str(out)))
    deadline = time.time() + 300
    try:
        while time.time() < deadline:
            done = list(work.glob("c*_*.json")) if work.exists() else []
            if len(done) >= parts:
                break
            assert proc.poll() is None, "the run ended before it could be killed"
            time.sleep(0.05)
        else:
            pytest.fail("no chunk finished in time")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def test_killed_run_resumes_from_its_finished_chunks_and_never_reuses_a_damaged_one(tmp_path, model_1band):
    ref, _ = _run(PAN, model_1band, tmp_path / "ref.tif", chunk_size=224, window=(100, 100, 600, 500))
    out = tmp_path / "out.tif"
    _kill_after_parts(tmp_path, model_1band, out, parts=3)
    assert not out.exists()  # nothing under the final name after a kill
    work = Path(work_folder_for(str(out)))
    records = sorted(work.glob("c*_*.json"))
    assert len(records) >= 3
    # damage one finished part: its record no longer matches, so it is computed again
    damaged = work / json.loads(records[0].read_text())["part"]
    with open(f"{damaged}.tif", "r+b") as fh:
        fh.seek(200)
        fh.write(b"\0" * 64)
    res, log = _run(PAN, model_1band, out, chunk_size=224, window=(100, 100, 600, 500))
    reused = [m for m in log if m.startswith("resuming:")]
    assert reused and res.chunks_reused == len(records) - 1, log
    np.testing.assert_array_equal(read(out), read(tmp_path / "ref.tif"))
    assert not work.exists()


RESUMABLE_RESAMPLED = textwrap.dedent("""
    import sys
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment
    src, model, out, mask = sys.argv[1:5]
    segment(src, model, out, SegmentOptions(chunk_size=96, device="cpu", precision="fp32", tile_size=128,
                                            overlap=16, window=(100, 100, 600, 500), mask=mask))
""")


def _pan_mask(path: Path) -> str:
    """A polygon over pixels 150..550 x 150..450 of the Atlanta scene, in its CRS."""
    from osgeo import ogr, osr

    ds = gdal.Open(PAN)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    ds = None
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = out.CreateLayer("mask", srs=srs, geom_type=ogr.wkbPolygon)
    left, right, top, bottom = x0 + 150 * dx, x0 + 550 * dx, y0 + 150 * dy, y0 + 450 * dy
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        f"POLYGON(({left} {top},{right} {top},{right} {bottom},{left} {bottom},{left} {top}))"))
    layer.CreateFeature(feature)
    out = None
    return str(path)


def test_killed_run_at_the_models_resolution_with_a_mask_resumes_to_the_same_result(tmp_path, model_1band):
    """A chunked run read at the model's pixel size (1 m on the 0.5 m scene) and cut by a mask resumes
    from its finished chunks to the pixels of an uninterrupted run, on the input's grid."""
    from conftest import rewrite_model_header

    model = tmp_path / "one_metre.safetensors"
    model.write_bytes(Path(model_1band).read_bytes())
    rewrite_model_header(model, lambda meta: meta.update(gsd_m=1.0))
    mask = _pan_mask(tmp_path / "mask.gpkg")
    options = dict(chunk_size=96, window=(100, 100, 600, 500), mask=mask)
    ref, _ = _run(PAN, model, tmp_path / "ref.tif", **options)
    assert ref.chunks > 2 and ref.processed_size == (300, 250)
    out = tmp_path / "out.tif"
    _kill_after_parts(tmp_path, model, out, 2, RESUMABLE_RESAMPLED, mask)
    assert not out.exists()
    res, log = _run(PAN, model, out, **options)
    assert res.chunks_reused >= 2 and any(m.startswith("resuming:") for m in log), log
    classes = read(out)
    np.testing.assert_array_equal(classes, read(tmp_path / "ref.tif"))
    assert classes.shape == (500, 600)  # the input's grid, not the model's
    assert (classes[:40] == 255).all() and (classes[60:340, 60:440] != 255).all()  # outside the mask: nodata


def test_changed_parameters_start_afresh(tmp_path, model_1band):
    out = tmp_path / "out.tif"
    _kill_after_parts(tmp_path, model_1band, out, parts=2)
    res, log = _run(PAN, model_1band, out, chunk_size=224, window=(100, 100, 600, 500), blend="crop")
    assert res.chunks_reused == 0
    assert any("starting afresh" in m and "blend" in m for m in log), log


def test_cancel_removes_outputs_and_the_work_folder(tmp_path, model_1band):
    out = tmp_path / "out.tif"
    seen = []

    def progress(pct, msg):
        seen.append(msg)

    with pytest.raises(SegmentCancelled):
        segment(PAN, str(model_1band), str(out), SegmentOptions(**FAST, chunk_size=224),
                progress=progress, is_cancelled=lambda: any(m.startswith("chunks 2/") for m in seen))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("gdal_exception_mode")
@pytest.mark.parametrize("chunk", [0, 31, 1.5, "big", True])
def test_bad_chunk_size_is_refused_up_front(tmp_path, chunk):
    model = pixel_model(in_channels=4)
    with pytest.raises(EngineError) as err:
        segment(VIRGINIA, model, tmp_path / "out.tif", SegmentOptions(chunk_size=chunk))
    assert err.value.field == "chunk_size" and "at least 32" in err.value.detail
    assert list(tmp_path.iterdir()) == []

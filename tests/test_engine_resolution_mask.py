"""Processing resolution (read/resample.py, write/regrid.py) and the mask layer (read/mask.py), on real
GDAL files: outputs on the input's grid, classes as a run on the pre-resampled raster, the 10 % rule,
refusals, mask cut and tiles never read, reprojected masks, chunked runs equal to one-chunk runs."""
from __future__ import annotations

import os

import numpy as np
import pytest
from engine_helpers import pixel_model, read, write_raster
from osgeo import gdal, ogr, osr

from remotenet.remotenet_plugin.engine import SegmentOptions, segment
from remotenet.remotenet_plugin.engine.base.options import EngineError
from remotenet.remotenet_plugin.engine.read import source as source_module

GT = (435730.0, 10.0, 0.0, 4179460.0, 0.0, -10.0)  # engine_helpers.write_raster's default (EPSG:32618, 10 m)
FAST = dict(device="cpu", precision="fp32", runtime="torch", tile_size=64, overlap=8)


def _image(tmp_path, size=200, seed=0):
    rng = np.random.default_rng(seed)
    smooth = rng.integers(0, 1000, (1, size // 8 + 1, size // 8 + 1)).repeat(8, 1).repeat(8, 2)[:, :size, :size]
    return write_raster(tmp_path / "in.tif", smooth + rng.integers(0, 40, (1, size, size)))


def _mask(path, boxes, epsg=32618, kind=ogr.wkbPolygon, source_epsg=32618):
    """A GeoPackage of rectangles given in pixels of GT (reprojected to ``epsg``)."""
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(source_epsg)
    dst.ImportFromEPSG(epsg)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(src, dst)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("mask", dst, kind)
    for x0, y0, x1, y1 in boxes:
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for px, py in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
            ring.AddPoint_2D(GT[0] + px * GT[1], GT[3] + py * GT[5])
        geom = ogr.Geometry(ogr.wkbPolygon)
        geom.AddGeometry(ring)
        geom.Segmentize(5.0)
        geom.Transform(transform)
        if kind == ogr.wkbLineString:
            geom = geom.Boundary()
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def _run(src, model, out, log=None, **options):
    return segment(str(src), model, str(out), SegmentOptions(**{**FAST, **options}),
                   log=log.append if log is not None else None)


def test_model_resolution_writes_the_input_grid_and_matches_a_pre_resampled_run(tmp_path):
    src = _image(tmp_path)
    model = pixel_model(gsd_m=20.0)  # the raster is 10 m: read at half the pixels a side
    log: list = []
    result = _run(src, model, tmp_path / "model.tif", log, output_confidence=str(tmp_path / "conf.tif"))
    assert result.processed_size == (100, 100) and result.processed_pixel_m == 20.0
    assert any("resampled (bilinear) to 20 m" in line for line in log)
    out, inp = gdal.Open(str(tmp_path / "model.tif")), gdal.Open(src)
    assert (out.RasterXSize, out.RasterYSize) == (200, 200) and out.GetGeoTransform() == pytest.approx(GT)
    assert out.GetProjection() == inp.GetProjection() and out.GetRasterBand(1).GetColorTable() is not None
    assert out.GetMetadataItem("REMOTENET_RESOLUTION") == "20 m (bilinear)"
    conf = gdal.Open(str(tmp_path / "conf.tif"))
    assert (conf.RasterXSize, conf.GetGeoTransform()) == (200, pytest.approx(GT))
    out = conf = None
    # The same warp to a file, run at its own pixels, then nearest back by hand: the same classes.
    gdal.Warp(str(tmp_path / "pre.tif"), src, outputBounds=(GT[0], GT[3] - 2000, GT[0] + 2000, GT[3]),
              width=100, height=100, resampleAlg="bilinear", dstAlpha=True).FlushCache()
    _run(tmp_path / "pre.tif", model, tmp_path / "pre_classes.tif", resolution="input")
    expected = read(tmp_path / "pre_classes.tif").repeat(2, 0).repeat(2, 1)
    assert (read(tmp_path / "model.tif") == expected).mean() >= 0.999
    assert not [f for f in os.listdir(tmp_path) if ".processing" in f or ".partial" in f]


def test_within_ten_percent_nothing_is_resampled(tmp_path):
    src = _image(tmp_path, 96)
    log: list = []
    result = _run(src, pixel_model(gsd_m=10.8), tmp_path / "o.tif", log)
    assert result.processed_pixel_m is None and result.processed_size == (96, 96)
    assert any("within 10 % of 10.8 m: no resampling" in line for line in log)
    assert read(tmp_path / "o.tif").shape == (96, 96)
    log.clear()
    _run(src, pixel_model(), tmp_path / "o2.tif", log)  # no gsd_m in the header: the input's pixels, said so
    assert any("does not say its pixel size" in line for line in log)


def test_explicit_metres_and_cubic(tmp_path):
    src = _image(tmp_path, 120)
    result = _run(src, pixel_model(gsd_m=20.0), tmp_path / "o.tif", resolution="5", resampling="cubic")
    assert result.processed_size == (240, 240) and read(tmp_path / "o.tif").shape == (120, 120)


@pytest.mark.parametrize("value, words", [
    (0, "0 is not a pixel size"), (-2.5, "-2.5 is not a pixel size"), ("abc", "is not model, input"),
    (1.0, "upsample the raster's 10 m pixels 10x"),
])
def test_bad_resolutions_are_refused_naming_the_option(tmp_path, value, words):
    src = _image(tmp_path, 64)
    with pytest.raises(EngineError) as err:
        _run(src, pixel_model(gsd_m=20.0), tmp_path / "o.tif", resolution=value)
    assert err.value.field == "resolution" and words in err.value.detail
    assert os.listdir(tmp_path) == ["in.tif"]


def test_mask_cuts_pixels_and_skips_tiles_unread(tmp_path, monkeypatch):
    src = _image(tmp_path, 256)
    mask = _mask(tmp_path / "m.gpkg", [(10, 20, 60, 70)], epsg=4326)  # reprojected to the raster's CRS
    reads = []
    original = source_module.TileReader.read_raw
    monkeypatch.setattr(source_module.TileReader, "read_raw",
                        lambda self, x, y, w, h: reads.append((x, y)) or original(self, x, y, w, h))
    result = _run(src, pixel_model(), tmp_path / "o.tif", mask=mask, output_vector=str(tmp_path / "p.gpkg"))
    classes = read(tmp_path / "o.tif")
    inside = np.zeros(classes.shape, bool)
    inside[20:70, 10:60] = True
    assert (classes[~inside] == 255).all()
    # Pixel centres inside the reprojected rectangle: all but a sliver on its edges.
    assert (classes[inside] != 255).mean() > 0.95
    assert result.tiles_outside_mask == result.tiles_total - len(reads) == 21  # 4 tiles (stride 56) reach the mask
    ds = ogr.Open(str(tmp_path / "p.gpkg"))
    xmin, xmax, ymin, ymax = ds.GetLayer(0).GetExtent()
    ds = None
    assert GT[0] + 9 * 10 <= xmin and xmax <= GT[0] + 61 * 10 and GT[3] - 71 * 10 <= ymin and ymax <= GT[3] - 19 * 10


@pytest.mark.parametrize("case", ["outside", "lines", "missing"])
def test_bad_masks_are_refused_and_leave_nothing(tmp_path, case):
    src = _image(tmp_path, 64)
    mask = {"outside": lambda: _mask(tmp_path / "m.gpkg", [(500, 500, 600, 600)]),
            "lines": lambda: _mask(tmp_path / "m.gpkg", [(1, 1, 30, 30)], kind=ogr.wkbLineString),
            "missing": lambda: str(tmp_path / "nope.gpkg")}[case]()
    before = set(os.listdir(tmp_path))
    with pytest.raises(EngineError) as err:
        _run(src, pixel_model(), tmp_path / "o.tif", mask=mask, output_vector=str(tmp_path / "p.gpkg"))
    assert err.value.field == "mask"
    assert {"outside": "touches the raster", "lines": "must be a polygon layer",
            "missing": "does not exist"}[case] in err.value.detail
    assert set(os.listdir(tmp_path)) == before


def test_chunked_runs_with_mask_and_resolution_equal_the_one_chunk_run(tmp_path):
    src = _image(tmp_path, 300)
    model = pixel_model(gsd_m=15.0)
    mask = _mask(tmp_path / "m.gpkg", [(20, 30, 170, 260), (200, 10, 290, 90)])
    common = dict(mask=mask, output_confidence=None)
    one = _run(src, model, tmp_path / "one.tif", output_vector=str(tmp_path / "one.gpkg"), **common)
    many = _run(src, model, tmp_path / "many.tif", output_vector=str(tmp_path / "many.gpkg"), chunk_size=64,
                **common)
    assert one.chunks == 1 and many.chunks > 1 and one.processed_size == many.processed_size == (200, 200)
    a, b = read(tmp_path / "one.tif"), read(tmp_path / "many.tif")
    assert a.shape == (300, 300) and (a == b).all()
    assert (a[:10] == 255).all() and (a[:29, :199] == 255).all() and (a != 255).any()
    assert gdal.Open(str(tmp_path / "many.tif")).GetGeoTransform() == pytest.approx(GT)
    counts = []
    for name in ("one", "many"):
        ds = ogr.Open(str(tmp_path / f"{name}.gpkg"))
        counts.append(sorted(round(f.GetField("area_m2")) for f in ds.GetLayer(0)))
        ds = None
    assert counts[0] == counts[1]
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".")]

"""Segment engine on real and generated rasters, with a 1x1-convolution network (fast, exact)."""
import math
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
import torch
from engine_helpers import pixel_model, read, write_raster
from osgeo import gdal, ogr, osr

from remotenet.remotenet_plugin.engine import (
    EngineError,
    SegmentCancelled,
    SegmentOptions,
    check_inputs,
    segment,
    write_qml,
)

DATA = Path(__file__).parent / "data"
ATLANTA = str(DATA / "atlanta_pan_0p5m.tif")
VIRGINIA = str(DATA / "virginia_s2_bgrn_10m.tif")


def expected_classes(model, pixels: np.ndarray) -> np.ndarray:
    """Argmax of the pixel network on the whole array at once: the ground truth for tiling."""
    net, meta = model
    norm = meta["input"]
    x = pixels.reshape(-1, *pixels.shape[-2:]).astype(np.float64)
    mean = np.asarray(norm["mean"])[:, None, None]
    std = np.asarray(norm["std"])[:, None, None]
    x = ((x - norm["offset"]) / norm["scale"] - mean) / std
    with torch.inference_mode():
        logits = net(torch.from_numpy(x[None].astype(np.float32)))[0].numpy()
    return logits.argmax(axis=0).astype(np.uint8)


def listing(folder) -> list[str]:
    return sorted(os.listdir(folder))


def features(path) -> list:
    """All features of the first layer (the datasource must outlive its layer, hence this helper)."""
    ds = ogr.Open(str(path))
    feats = list(ds.GetLayer(0))
    ds = None
    return feats


def test_single_band_real_raster_keeps_grid_and_styles(tmp_path):
    model = pixel_model(1, 2, tile_size=128, scale=2048.0,
                        classes=[{"value": 0, "name": "ground", "color": [10, 20, 30]},
                                 {"value": 1, "name": "roof", "color": [250, 0, 0]}])
    out = str(tmp_path / "atlanta.tif")
    result = segment(ATLANTA, model, out)
    src, dst = gdal.Open(ATLANTA), gdal.Open(out)
    assert (dst.RasterXSize, dst.RasterYSize) == (900, 900)
    assert dst.GetGeoTransform() == src.GetGeoTransform()
    assert dst.GetProjection() == src.GetProjection()
    band = dst.GetRasterBand(1)
    assert band.DataType == gdal.GDT_Byte and band.GetNoDataValue() == 255
    assert band.GetBlockSize() == [256, 256]
    assert dst.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION") == "DEFLATE"
    assert band.GetCategoryNames()[:2] == ["ground", "roof"]
    assert band.GetColorTable().GetColorEntry(1)[:3] == (250, 0, 0)
    tags = dst.GetMetadata()
    assert tags["REMOTENET_DEVICE"] == "cpu" and tags["REMOTENET_TILE_SIZE"] == "128"
    assert tags["REMOTENET_TTA"] == "no" and tags["REMOTENET_MODEL"].startswith("in-memory")
    np.testing.assert_array_equal(band.ReadAsArray(), expected_classes(model, src.ReadAsArray()))
    assert result.device == "cpu" and result.precision == "fp32"
    assert (result.width, result.height, result.overlap) == (900, 900, 32)
    assert set(result.stage_seconds) >= {"read", "infer", "blend", "write", "polygonise"}
    assert listing(tmp_path) == ["atlanta.qml", "atlanta.tif", "atlanta.tif.aux.xml"]
    palette = ET.parse(tmp_path / "atlanta.qml").getroot().find(".//colorPalette")
    assert [(e.get("value"), e.get("color"), e.get("label")) for e in palette] == [
        ("0", "#0a141e", "ground"), ("1", "#fa0000", "roof")]


def test_four_band_real_raster_polygons_and_confidence(tmp_path):
    model = pixel_model(4, 3, tile_size=128)
    out, vec, conf = (str(tmp_path / n) for n in ("v.tif", "v.gpkg", "conf.tif"))
    result = segment(VIRGINIA, model, out, SegmentOptions(output_vector=vec, output_confidence=conf))
    classes = read(out)
    np.testing.assert_array_equal(classes, expected_classes(model, read(VIRGINIA)))
    confidence = read(conf)
    assert confidence.dtype == np.float32 and 1 / 3 - 1e-5 <= confidence.min() and confidence.max() <= 1 + 1e-5
    ds = ogr.Open(vec)
    layer = ds.GetLayer(0)
    assert layer.GetName() == "v" and result.polygons == layer.GetFeatureCount() > 0
    fields = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    assert fields == ["class_id", "class_name", "area_m2", "mean_confidence"]
    assert layer.GetSpatialRef().IsSame(osr.SpatialReference(gdal.Open(VIRGINIA).GetProjection()))
    ds = None
    total, per_class = 0.0, {}
    for feat in features(vec):
        total += feat["area_m2"]
        per_class[feat["class_id"]] = per_class.get(feat["class_id"], 0.0) + feat["area_m2"]
        assert feat["class_name"] == f"class {feat['class_id']}"
        assert 1 / 3 - 1e-6 <= feat["mean_confidence"] <= 1 + 1e-6
    # True (ellipsoidal) area of the 10 m UTM grid: UTM's scale factor here makes it 0.07 % larger.
    assert total == pytest.approx(1024 * 1024 * 100, rel=2e-3)
    counts = np.bincount(classes.ravel(), minlength=3)
    for value, area in per_class.items():
        assert area == pytest.approx(counts[value] * 100, rel=2e-3)
    assert sorted(os.listdir(tmp_path)) == ["conf.tif", "v.gpkg", "v.qml", "v.tif", "v.tif.aux.xml"]


def test_tiled_equals_untiled_for_a_pixelwise_network(tmp_path):
    model = pixel_model(4, 5, tile_size=64, seed=3)
    tiled, whole = str(tmp_path / "tiled.tif"), str(tmp_path / "whole.tif")
    r = segment(VIRGINIA, model, tiled, SegmentOptions(overlap=24, batch_size=3, window=(100, 200, 500, 300)))
    segment(VIRGINIA, model, whole, SegmentOptions(tile_size=1024, window=(100, 200, 500, 300)))
    assert r.tiles_total > 50
    np.testing.assert_array_equal(read(tiled), read(whole))


def test_nodata_border_is_255_exactly_and_empty_tiles_are_skipped(tmp_path):
    rng = np.random.default_rng(0)
    data = rng.integers(1, 3000, size=(2, 300, 400)).astype(np.uint16)
    data[:, :120, :] = 0  # whole tile rows of nodata
    data[:, :, 350:] = 0
    data[1, 200, 10] = 0  # one band alone at nodata: the pixel is nodata
    src = write_raster(tmp_path / "src.tif", data, nodata=0)
    model = pixel_model(2, 3, tile_size=64)
    out, vec = str(tmp_path / "out.tif"), str(tmp_path / "out.gpkg")
    result = segment(src, model, out, SegmentOptions(overlap=16, output_vector=vec))
    classes = read(out)
    nodata = (data == 0).any(axis=0)
    # Polygons cover the valid pixels only (10 m pixels: 100 m2 each).
    assert sum(f["area_m2"] for f in features(vec)) == pytest.approx((~nodata).sum() * 100, rel=2e-3)
    assert ((classes == 255) == nodata).all()
    assert classes[~nodata].max() <= 2
    assert result.tiles_skipped_nodata >= 16 and result.tiles_total > result.tiles_skipped_nodata
    np.testing.assert_array_equal(classes[~nodata], expected_classes(model, data)[~nodata])


def test_alpha_band_masks_and_is_not_a_model_band(tmp_path):
    rng = np.random.default_rng(1)
    rgb = rng.integers(0, 255, size=(3, 70, 90)).astype(np.uint8)
    alpha = np.full((70, 90), 255, dtype=np.uint8)
    alpha[30:40, 50:] = 0
    src = write_raster(tmp_path / "rgba.tif", rgb, alpha=alpha, dtype=gdal.GDT_Byte)
    model = pixel_model(3, 2, tile_size=32, scale=255.0)
    out = str(tmp_path / "out.tif")
    segment(src, model, out, SegmentOptions(overlap=8))
    classes = read(out)
    assert ((classes == 255) == (alpha == 0)).all()
    np.testing.assert_array_equal(classes[alpha > 0], expected_classes(model, rgb)[alpha > 0])


@pytest.mark.parametrize("shape", [(1, 1), (17, 31), (50, 40)])
def test_rasters_smaller_than_a_tile(tmp_path, shape):
    rng = np.random.default_rng(2)
    data = rng.integers(0, 1000, size=shape).astype(np.uint16)
    src = write_raster(tmp_path / "small.tif", data)
    model = pixel_model(1, 3, tile_size=64)
    out, vec = str(tmp_path / "out.tif"), str(tmp_path / "out.gpkg")
    result = segment(src, model, out, SegmentOptions(output_vector=vec))
    assert result.tiles_total == 1 and (result.width, result.height) == (shape[1], shape[0])
    np.testing.assert_array_equal(read(out).reshape(shape), expected_classes(model, data))
    areas = [f["area_m2"] for f in features(vec)]
    assert sum(areas) == pytest.approx(shape[0] * shape[1] * 100, rel=2e-3)


@pytest.mark.parametrize("dtype,nodata", [(gdal.GDT_Int16, -9999), (gdal.GDT_Float32, float("nan")),
                                          (gdal.GDT_Byte, None)])
def test_source_data_types(tmp_path, dtype, nodata):
    rng = np.random.default_rng(3)
    np_type = {gdal.GDT_Int16: np.int16, gdal.GDT_Float32: np.float32, gdal.GDT_Byte: np.uint8}[dtype]
    data = rng.integers(0, 250, size=(2, 60, 70)).astype(np_type)
    if nodata is not None:
        data[:, :5] = nodata
    src = write_raster(tmp_path / "t.tif", data, dtype=dtype, nodata=nodata)
    model = pixel_model(2, 3, tile_size=32, scale=255.0)
    out = str(tmp_path / "out.tif")
    segment(src, model, out, SegmentOptions(overlap=8))
    classes = read(out)
    invalid = np.zeros((60, 70), dtype=bool) if nodata is None else np.arange(60)[:, None].repeat(70, 1) < 5
    assert ((classes == 255) == invalid).all()
    np.testing.assert_array_equal(classes[~invalid], expected_classes(model, np.nan_to_num(data))[~invalid])


def _ellipsoid_area(lon0, lon1, lat0, lat1) -> float:
    """Area of a lon/lat rectangle on WGS 84 (authalic formula), in m2."""
    a, f = 6378137.0, 1 / 298.257223563
    e = math.sqrt(f * (2 - f))

    def q(lat):
        s = math.sin(math.radians(lat))
        return s / (1 - e * e * s * s) + math.log((1 + e * s) / (1 - e * s)) / (2 * e)
    return a * a * (1 - e * e) / 2 * math.radians(lon1 - lon0) * abs(q(lat1) - q(lat0))


def test_geographic_crs_keeps_grid_and_areas_are_square_metres(tmp_path):
    rng = np.random.default_rng(4)
    data = rng.integers(0, 1000, size=(120, 150)).astype(np.uint16)
    gt = (-75.5, 0.002, 0.0, 38.2, 0.0, -0.002)  # 0.3 x 0.24 degrees at 38 N
    src = write_raster(tmp_path / "geo.tif", data, epsg=4326, geotransform=gt)
    model = pixel_model(1, 3, tile_size=64)
    out, vec = str(tmp_path / "geo_classes.tif"), str(tmp_path / "geo.gpkg")
    segment(src, model, out, SegmentOptions(output_vector=vec, overlap=8))
    dst = gdal.Open(out)
    assert dst.GetGeoTransform() == gt and dst.GetProjection() == gdal.Open(src).GetProjection()
    total = sum(f["area_m2"] for f in features(vec))
    assert total == pytest.approx(_ellipsoid_area(-75.5, -75.2, 37.96, 38.2), rel=1e-3)


def test_no_crs_at_all(tmp_path):
    data = np.arange(40 * 30, dtype=np.uint16).reshape(30, 40)
    src = write_raster(tmp_path / "plain.tif", data, epsg=None, geotransform=None)
    model = pixel_model(1, 2, tile_size=32, scale=1200.0)
    out, vec = str(tmp_path / "plain_out.tif"), str(tmp_path / "plain.gpkg")
    logs = []
    segment(src, model, out, SegmentOptions(output_vector=vec, overlap=4), log=logs.append)
    dst = gdal.Open(out)
    assert dst.GetProjection() == "" and dst.GetGeoTransform(can_return_null=True) is None
    np.testing.assert_array_equal(read(out), expected_classes(model, data))
    assert sum(f["area_m2"] for f in features(vec)) == pytest.approx(1200)
    assert any("no CRS" in m for m in logs)


def test_window_and_extent_of_a_larger_raster(tmp_path):
    model = pixel_model(4, 3, tile_size=64)
    full, win, ext = (str(tmp_path / n) for n in ("full.tif", "win.tif", "ext.tif"))
    segment(VIRGINIA, model, full, SegmentOptions(window=(0, 0, 400, 300)))
    r = segment(VIRGINIA, model, win, SegmentOptions(window=(130, 70, 201, 149)))
    gt = gdal.Open(VIRGINIA).GetGeoTransform()
    assert gdal.Open(win).GetGeoTransform() == (gt[0] + 130 * gt[1], gt[1], 0.0, gt[3] + 70 * gt[5], 0.0, gt[5])
    np.testing.assert_array_equal(read(win), read(full)[70:219, 130:331])
    assert r.window == (130, 70, 201, 149)
    # An extent snaps outward to whole pixels: 130.5 .. 330.2 columns -> 130 .. 331.
    x0, x1 = gt[0] + 130.5 * gt[1], gt[0] + 330.2 * gt[1]
    y1, y0 = gt[3] + 70 * gt[5], gt[3] + 219 * gt[5]
    r = segment(VIRGINIA, model, ext, SegmentOptions(extent=(x0, y0, x1, y1)))
    assert r.window == (130, 70, 201, 149)
    np.testing.assert_array_equal(read(ext), read(win))


def test_tta_and_batch_size_do_not_change_a_pixelwise_result(tmp_path):
    model = pixel_model(1, 3, tile_size=64)
    a, b = str(tmp_path / "a.tif"), str(tmp_path / "b.tif")
    segment(ATLANTA, model, a, SegmentOptions(window=(0, 0, 200, 150)))
    r = segment(ATLANTA, model, b, SegmentOptions(window=(0, 0, 200, 150), tta=True, batch_size=1))
    np.testing.assert_array_equal(read(a), read(b))
    assert gdal.Open(b).GetMetadataItem("REMOTENET_TTA") == "yes" and r.batch_size == 1


def test_cpu_bf16_runs_and_mostly_agrees(tmp_path):
    model = pixel_model(4, 3, tile_size=128)
    a, b = str(tmp_path / "a.tif"), str(tmp_path / "b.tif")
    segment(VIRGINIA, model, a, SegmentOptions(window=(0, 0, 256, 256)))
    r = segment(VIRGINIA, model, b, SegmentOptions(window=(0, 0, 256, 256), precision="bf16"))
    assert r.precision == "bf16"
    assert (read(a) == read(b)).mean() > 0.97


def test_min_area_sieves_without_leaving_holes_and_simplify(tmp_path):
    model = pixel_model(4, 3, tile_size=128)
    base = dict(window=(0, 0, 300, 300))
    plain, sieved, simple = (str(tmp_path / n) for n in ("plain.gpkg", "sieved.gpkg", "simple.gpkg"))
    segment(VIRGINIA, model, str(tmp_path / "a.tif"), SegmentOptions(output_vector=plain, **base))
    segment(VIRGINIA, model, str(tmp_path / "b.tif"),
            SegmentOptions(output_vector=sieved, min_area=2000, output_confidence=str(tmp_path / "c.tif"), **base))
    segment(VIRGINIA, model, str(tmp_path / "d.tif"), SegmentOptions(output_vector=simple, simplify=15, **base))

    def areas(path):
        return [f["area_m2"] for f in features(path)]
    before, after = areas(plain), areas(sieved)
    assert min(before) < 2000 <= min(after) and len(after) < len(before)
    assert sum(after) == pytest.approx(sum(before), rel=1e-9)  # small patches merged, no holes
    vertices = [sum(f.GetGeometryRef().GetGeometryRef(0).GetPointCount() for f in features(p))
                for p in (plain, simple)]
    assert vertices[1] < vertices[0]
    # The classified raster itself is the network's output, not the sieved one.
    np.testing.assert_array_equal(read(tmp_path / "a.tif"), read(tmp_path / "b.tif"))


def test_cancel_mid_run_leaves_no_files(tmp_path):
    model = pixel_model(4, 3, tile_size=64)
    calls = []

    def cancel_after_some():
        calls.append(1)
        return len(calls) > 5
    with pytest.raises(SegmentCancelled):
        segment(VIRGINIA, model, str(tmp_path / "x.tif"),
                SegmentOptions(output_vector=str(tmp_path / "x.gpkg"), output_confidence=str(tmp_path / "c.tif"),
                               batch_size=2),
                is_cancelled=cancel_after_some)
    assert listing(tmp_path) == []


def test_cancel_while_polygonising_leaves_no_files(tmp_path):
    model = pixel_model(4, 3, tile_size=128)
    state = {"polygons": False}

    def progress(pct, msg):
        state["polygons"] |= msg == "polygons"
    with pytest.raises(SegmentCancelled):
        segment(VIRGINIA, model, str(tmp_path / "x.tif"),
                SegmentOptions(output_vector=str(tmp_path / "x.gpkg"), min_area=500, window=(0, 0, 300, 300)),
                progress=progress, is_cancelled=lambda: state["polygons"])
    assert listing(tmp_path) == []


@pytest.mark.usefixtures("gdal_exception_mode")
def test_failure_leaves_no_files_and_keeps_old_outputs(tmp_path):
    net, meta = pixel_model(4, 3, tile_size=64)
    wrong = (net, {**meta, "classes": meta["classes"][:2]})  # header says 2 classes, network gives 3
    (tmp_path / "x.tif").write_bytes(b"old result")
    with pytest.raises(EngineError, match="classes"):
        segment(VIRGINIA, wrong, str(tmp_path / "x.tif"), SegmentOptions(window=(0, 0, 100, 100)))
    assert listing(tmp_path) == ["x.tif"] and (tmp_path / "x.tif").read_bytes() == b"old result"


def test_progress_is_monotonic_and_ends_at_100(tmp_path):
    seen = []
    segment(ATLANTA, pixel_model(1, 2, tile_size=128), str(tmp_path / "p.tif"),
            SegmentOptions(output_vector=str(tmp_path / "p.gpkg")), progress=lambda p, m: seen.append(p))
    assert seen == sorted(seen) and seen[-1] == 100.0 and seen[0] == 0.0


@pytest.mark.parametrize("options,message", [
    (SegmentOptions(tile_size=0), "tile_size: 0 is too small"),
    (SegmentOptions(tile_size=-5), "tile_size"),
    (SegmentOptions(tile_size=64, overlap=32), "overlap: 32 must be .* less than half"),
    (SegmentOptions(tile_size=65, overlap=33), "overlap: 33"),
    (SegmentOptions(batch_size=0), "batch_size: 0 must be"),
    (SegmentOptions(batch_size=10**6), "batch_size: 1000000 must be"),
    (SegmentOptions(bands=[1, 2, 3, 9]), "bands: the raster has 4 band.*no band 9"),
    (SegmentOptions(bands=[1, 2]), "bands: .*choose exactly 4"),
    (SegmentOptions(window=(5000, 0, 10, 10)), "window: .*does not intersect"),
    (SegmentOptions(extent=(0.0, 0.0, 10.0, 10.0)), "extent: .*does not overlap"),
    (SegmentOptions(window=(0, 0, 10, 10), extent=(0.0, 0.0, 10.0, 10.0)), "either"),
    (SegmentOptions(device="tpu"), "device"),
    (SegmentOptions(precision="fp16", device="cpu"), "fp16"),
    (SegmentOptions(output_vector="/nonexistent/folder/x.gpkg"), "output_vector: .*does not exist"),
    (SegmentOptions(output_vector="/tmp/x.shp"), "output_vector: .*not a GeoPackage"),
    (SegmentOptions(output_confidence=VIRGINIA), "output_confidence: .* is the input raster"),
    (SegmentOptions(min_area=-1), "min_area"),
])
def test_check_inputs_names_the_problem(options, message):
    _net, meta = pixel_model(4, 3, tile_size=64)
    with pytest.raises(EngineError, match=message):
        check_inputs(VIRGINIA, meta, options)


def test_check_inputs_source_and_band_count(tmp_path):
    _net, meta = pixel_model(4, 3, tile_size=64)
    with pytest.raises(EngineError, match="cannot be opened"):
        check_inputs(str(tmp_path / "missing.tif"), meta, SegmentOptions())
    with pytest.raises(EngineError, match="bands: the model expects 4 band.* the raster has 1"):
        check_inputs(ATLANTA, meta, SegmentOptions())
    with pytest.raises(EngineError, match="is the input raster"):
        check_inputs(VIRGINIA, meta, SegmentOptions(), VIRGINIA)
    check_inputs(VIRGINIA, meta, SegmentOptions())


@pytest.mark.usefixtures("gdal_exception_mode")
def test_outputs_on_one_path_are_refused(tmp_path):
    _net, meta = pixel_model(4, 3, tile_size=64)
    same = str(tmp_path / "same.tif")
    with pytest.raises(EngineError, match="output_confidence: .*also the output raster; give each output its own"):
        check_inputs(VIRGINIA, meta, SegmentOptions(output_confidence=same), same)


def test_overlap_rule_agrees_with_the_qgis_parameter_help():
    """One rule, one owner: tile 65 allows overlap 32 (2 * 32 < 65) and the engine says so."""
    _net, meta = pixel_model(4, 3, tile_size=64)
    check_inputs(VIRGINIA, meta, SegmentOptions(tile_size=65, overlap=32))


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the message on a machine without CUDA")
def test_cuda_asked_without_a_gpu_fails_when_the_run_starts(tmp_path):
    with pytest.raises(EngineError, match="CUDA"):
        segment(VIRGINIA, pixel_model(4, 3, tile_size=64), str(tmp_path / "o.tif"), SegmentOptions(device="cuda"))


def test_header_band_indices_are_used(tmp_path):
    # A 2-band model whose header says "bands 4 and 2" of a 4-band raster.
    net, meta = pixel_model(2, 3, tile_size=64, bands=[{"index": 4, "name": "nir"}, {"index": 2, "name": "green"}])
    out = str(tmp_path / "o.tif")
    segment(VIRGINIA, (net, meta), out, SegmentOptions(window=(0, 0, 100, 80)))
    pixels = gdal.Open(VIRGINIA).ReadAsArray(0, 0, 100, 80)[[3, 1]]
    np.testing.assert_array_equal(read(out), expected_classes((net, meta), pixels))
    assert gdal.Open(out).GetMetadataItem("REMOTENET_BANDS") == "4,2"


def test_write_qml_standalone(tmp_path):
    classes = [{"value": 0, "name": "a & b", "color": [0, 0, 255]}, {"value": 3, "name": "c", "color": [1, 2, 3]}]
    path = write_qml(str(tmp_path / "r.tif"), classes)
    assert path == str(tmp_path / "r.qml")
    root = ET.parse(path).getroot()
    renderer = root.find("pipe/rasterrenderer")
    assert renderer.get("type") == "paletted" and renderer.get("band") == "1"
    assert [e.get("label") for e in renderer.find("colorPalette")] == ["a & b", "c"]


def test_model_file_path_is_hashed_into_tags(tmp_path):
    from remotenet.model import RemoteNet, save_model

    torch.manual_seed(0)
    path = tmp_path / "tiny.safetensors"
    save_model(RemoteNet(num_classes=2, in_channels=1), path, {"tile_size": 64})
    out = str(tmp_path / "o.tif")
    result = segment(ATLANTA, str(path), out, SegmentOptions(window=(0, 0, 64, 64), tile_size=64, overlap=0))
    tags = gdal.Open(out).GetMetadata()
    import hashlib
    assert tags["REMOTENET_MODEL"] == "tiny.safetensors"
    assert tags["REMOTENET_MODEL_SHA256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.tiles_total == 1 and read(out).max() <= 1


def test_utm_srs_areas_match_an_independent_ellipsoid_calculation():
    """The equal-area helper agrees with the closed-form WGS 84 area of a lon/lat box."""
    from remotenet.remotenet_plugin.engine.write.polygons import AreaCalculator

    ds = gdal.GetDriverByName("MEM").Create("", 100, 100, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((10.0, 0.01, 0, 60.0, 0, -0.01))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetProjection(srs.ExportToWkt())
    calc = AreaCalculator(ds, lambda _m: None)
    box = ogr.CreateGeometryFromWkt("POLYGON ((10 60, 11 60, 11 59, 10 59, 10 60))")
    assert calc.area(box) == pytest.approx(_ellipsoid_area(10, 11, 59, 60), rel=1e-4)


def test_dataset_mask_is_nodata(tmp_path):
    rng = np.random.default_rng(5)
    data = rng.integers(1, 1000, size=(2, 40, 50)).astype(np.uint16)
    path = write_raster(tmp_path / "masked.tif", data)
    ds = gdal.Open(path, gdal.GA_Update)
    ds.CreateMaskBand(gdal.GMF_PER_DATASET)
    mask = np.full((40, 50), 255, dtype=np.uint8)
    mask[10:20, 5:15] = 0
    ds.GetRasterBand(1).GetMaskBand().WriteArray(mask)
    ds = None
    out = str(tmp_path / "out.tif")
    segment(path, pixel_model(2, 3, tile_size=32), out, SegmentOptions(overlap=8))
    assert ((read(out) == 255) == (mask == 0)).all()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_cuda_half_precision_matches_cpu(tmp_path):
    model = pixel_model(4, 3, tile_size=128)
    a, b = str(tmp_path / "cpu.tif"), str(tmp_path / "gpu.tif")
    segment(VIRGINIA, model, a, SegmentOptions(window=(0, 0, 300, 300), device="cpu"))
    r = segment(VIRGINIA, model, b, SegmentOptions(window=(0, 0, 300, 300), device="cuda"))
    assert r.device.startswith("cuda:0 (") and r.precision in ("bf16", "fp16")
    assert gdal.Open(b).GetMetadataItem("REMOTENET_DEVICE") == r.device
    assert (read(a) == read(b)).mean() > 0.97

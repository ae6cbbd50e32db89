"""remotenet:segment through processing.run in a headless QGIS, on real test imagery."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from conftest import TEST_CLASSES, check_message
from osgeo import gdal, ogr, osr

ALG = "remotenet:segment"


def run(params: dict, feedback=None) -> dict:
    import processing

    return processing.run(ALG, params, feedback=feedback)


def test_segment_writes_styled_outputs_on_the_source_grid(remotenet_provider, pan_raster, model_1band, tmp_path):
    out_tif, out_gpkg = tmp_path / "classes.tif", tmp_path / "classes.gpkg"
    results = run({"INPUT": str(pan_raster), "MODEL": str(model_1band), "OUTPUT_RASTER": str(out_tif),
                   "OUTPUT_VECTOR": str(out_gpkg), "TILE_SIZE": 64})
    assert results["OUTPUT_RASTER"] == str(out_tif) and results["OUTPUT_VECTOR"] == str(out_gpkg)
    assert results["DEVICE_USED"] == "cpu" and results["TILES_TOTAL"] >= 4

    src, out = gdal.Open(str(pan_raster)), gdal.Open(str(out_tif))
    assert (out.RasterXSize, out.RasterYSize) == (src.RasterXSize, src.RasterYSize)
    assert out.GetGeoTransform() == pytest.approx(src.GetGeoTransform())
    assert out.GetProjection() == src.GetProjection()
    band = out.GetRasterBand(1)
    classes = band.ReadAsArray()
    valid = src.GetRasterBand(1).ReadAsArray() != src.GetRasterBand(1).GetNoDataValue()
    assert set(np.unique(classes[valid])) <= {0, 1, 2}
    assert (classes[~valid] == 255).all()
    table = band.GetColorTable()
    for entry in TEST_CLASSES:
        assert table.GetColorEntry(entry["value"])[:3] == tuple(entry["color"])
    assert band.GetCategoryNames()[:3] == [c["name"] for c in TEST_CLASSES]
    qml = (tmp_path / "classes.qml").read_text()
    assert 'type="paletted"' in qml and "building" in qml
    out = src = None

    ds = ogr.Open(str(out_gpkg))
    layer = ds.GetLayer(0)
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    assert {"class_id", "class_name", "area_m2"} <= set(names)
    total = sum(f.GetField("area_m2") for f in layer)
    assert total == pytest.approx(valid.sum() * 0.5 * 0.5, rel=1e-2)  # 0.5 m pixels (area may be ellipsoidal)
    ds = None
    with sqlite3.connect(out_gpkg) as db:
        styles = db.execute("select styleName, useAsDefault, styleQML from layer_styles").fetchall()
    assert styles and styles[0][1] == 1 and "categorizedSymbol" in styles[0][2] and "building" in styles[0][2]


def test_loaded_layers_get_paletted_and_categorised_renderers(remotenet_provider, pan_raster, model_1band, tmp_path):
    import processing
    from qgis.core import QgsCategorizedSymbolRenderer, QgsPalettedRasterRenderer, QgsProject

    project = QgsProject.instance()
    project.clear()
    processing.runAndLoadResults(ALG, {
        "INPUT": str(pan_raster), "MODEL": str(model_1band), "TILE_SIZE": 64, "BATCH_SIZE": 8,
        "OUTPUT_RASTER": str(tmp_path / "c.tif"), "OUTPUT_VECTOR": str(tmp_path / "c.gpkg")})
    layers = list(project.mapLayers().values())
    raster = next(lyr for lyr in layers if lyr.source() == str(tmp_path / "c.tif"))
    vector = next(lyr for lyr in layers if lyr.source().startswith(str(tmp_path / "c.gpkg")))
    renderer = raster.renderer()
    assert isinstance(renderer, QgsPalettedRasterRenderer)
    got = {(int(c.value), c.label, c.color.getRgb()[:3]) for c in renderer.classes()}
    assert got == {(c["value"], c["name"], tuple(c["color"])) for c in TEST_CLASSES}
    categorised = vector.renderer()
    assert isinstance(categorised, QgsCategorizedSymbolRenderer)
    assert categorised.classAttribute() == "class_id"
    got = {(int(c.value()), c.label(), c.symbol().color().getRgb()[:3]) for c in categorised.categories()}
    assert got == {(c["value"], c["name"], tuple(c["color"])) for c in TEST_CLASSES}
    project.clear()


def test_bands_and_extent_on_a_multiband_scene(remotenet_provider, s2_raster, model_3band, tmp_path):
    src = gdal.Open(str(s2_raster))
    x0, dx, _, y0, _, dy = src.GetGeoTransform()
    # 40 x 30 pixels from pixel (10, 20); QGIS extent strings are xmin,xmax,ymin,ymax [crs].
    extent = f"{x0 + 10 * dx},{x0 + 50 * dx},{y0 + 50 * dy},{y0 + 20 * dy} [EPSG:32618]"
    out_tif = tmp_path / "s2.tif"
    run({"INPUT": str(s2_raster), "MODEL": str(model_3band), "BANDS": [4, 3, 2], "EXTENT": extent,
         "OUTPUT_RASTER": str(out_tif), "TILE_SIZE": 32, "OVERLAP": 4, "DEVICE": 2})
    out = gdal.Open(str(out_tif))
    assert (out.RasterXSize, out.RasterYSize) == (40, 30)
    assert out.GetGeoTransform()[0] == pytest.approx(x0 + 10 * dx)
    assert out.GetGeoTransform()[3] == pytest.approx(y0 + 20 * dy)
    assert out.GetMetadataItem("REMOTENET_BANDS") == "4,3,2"


def test_tiny_and_all_nodata_rasters_succeed(remotenet_provider, model_1band, tmp_path):
    for name, size, fill in (("one_pixel", 1, 500), ("all_nodata", 40, 0)):
        path = tmp_path / f"{name}.tif"
        ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 1, gdal.GDT_UInt16)
        ds.SetGeoTransform((500000, 0.5, 0, 3700000, 0, -0.5))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(32616)
        ds.SetProjection(srs.ExportToWkt())
        ds.GetRasterBand(1).SetNoDataValue(0)
        ds.GetRasterBand(1).Fill(fill)
        ds = None
        results = run({"INPUT": str(path), "MODEL": str(model_1band), "OUTPUT_RASTER": str(tmp_path / f"{name}_c.tif"),
                       "OUTPUT_VECTOR": str(tmp_path / f"{name}_c.gpkg")})
        out = gdal.Open(results["OUTPUT_RASTER"]).ReadAsArray()
        assert out.shape == (size, size)
        if fill == 0:
            assert (out == 255).all() and results["TILES_SKIPPED_NODATA"] == results["TILES_TOTAL"]
        else:
            assert int(out[0, 0]) in (0, 1, 2)


def test_cancel_through_feedback_leaves_no_outputs(remotenet_provider, pan_raster, model_1band, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda value: value > 0 and feedback.cancel())
    outputs = [tmp_path / "x.tif", tmp_path / "x.gpkg", tmp_path / "x.qml", tmp_path / "conf.tif"]
    with pytest.raises(QgsProcessingException):
        run({"INPUT": str(pan_raster), "MODEL": str(model_1band), "TILE_SIZE": 32, "OVERLAP": 0, "BATCH_SIZE": 1,
             "OUTPUT_RASTER": str(outputs[0]), "OUTPUT_VECTOR": str(outputs[1]),
             "OUTPUT_CONFIDENCE": str(outputs[3])}, feedback=feedback)
    assert feedback.isCanceled()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("choice, expected", [(1, "fp32"), (2, "bf16")])
def test_precision_is_one_parameter_away(remotenet_provider, pan_raster, model_1band, tmp_path, choice, expected):
    out_tif = tmp_path / "classes.tif"
    run({"INPUT": str(pan_raster), "MODEL": str(model_1band), "OUTPUT_RASTER": str(out_tif), "TILE_SIZE": 64,
         "PRECISION": choice})
    assert gdal.Open(str(out_tif)).GetMetadataItem("REMOTENET_PRECISION") == expected


def test_torch_threads_are_configured_once():
    from remotenet.remotenet_plugin import dependencies

    dependencies.configure_torch_threads(None)  # may or may not be the first call in this session
    assert dependencies.configure_torch_threads(2) is False


@pytest.fixture
def bad_inputs(tmp_path, pan_raster, model_1band, model_3band):
    garbage = tmp_path / "garbage.safetensors"
    garbage.write_bytes(b"\x00" * 7 + b"not a model at all" * 10)
    pickle_bomb = tmp_path / "evil.pth"
    # A pickle that would call os.system when unpickled without weights_only.
    pickle_bomb.write_bytes(b"\x80\x04\x95\x1f\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x94\x8c\x06system\x94\x93\x94"
                            b"\x8c\x05touch\x94\x85\x94R\x94.")
    text = tmp_path / "notes.txt"
    text.write_text("not a raster")
    return {"pan": str(pan_raster), "m1": str(model_1band), "m3": str(model_3band), "garbage": str(garbage),
            "evil": str(pickle_bomb), "text": str(text), "out": str(tmp_path / "out.tif")}


@pytest.mark.parametrize("case, expected", [
    ("tile0", "TILE_SIZE: 0 is too small; use at least 32"),
    ("band_missing", "BANDS: the raster has 1 band(s)"),
    ("band_mismatch", "BANDS: the model expects 3 band(s) (3: red, 2: green, 1: blue) but the raster has 1"),
    ("bands_count", "BANDS: the model takes 1 band(s)"),
    ("garbage_model", "MODEL:"),
    ("malicious_model", "MODEL:"),
    ("missing_model", "does not exist"),
    ("no_model", "no model file given and no bundled demonstration model found; pass MODEL="),
    ("overlap", "OVERLAP:"),
    ("batch0", "BATCH_SIZE: 0 must be a whole number from 1"),
    ("shapefile", "OUTPUT_VECTOR:"),
])
@pytest.mark.usefixtures("gdal_exception_mode")
def test_bad_parameters_fail_before_work_with_clear_messages(remotenet_provider, bad_inputs, case, expected,
                                                             monkeypatch, tmp_path):
    from qgis.core import QgsProcessingException

    from remotenet.remotenet_plugin.algorithms import segment_algorithm

    b = bad_inputs
    params = {"INPUT": b["pan"], "MODEL": b["m1"], "OUTPUT_RASTER": b["out"]}
    params.update({
        "tile0": {"TILE_SIZE": 0},
        "band_missing": {"BANDS": [5]},
        "band_mismatch": {"MODEL": b["m3"]},
        "bands_count": {"BANDS": [1, 1]},
        "garbage_model": {"MODEL": b["garbage"]},
        "malicious_model": {"MODEL": b["evil"]},
        "missing_model": {"MODEL": b["m1"] + ".nope"},
        "no_model": {"MODEL": None},
        "overlap": {"TILE_SIZE": 64, "OVERLAP": 32},
        "batch0": {"BATCH_SIZE": 0},
        "shapefile": {"OUTPUT_VECTOR": str(tmp_path / "polys.shp")},
    }[case])
    monkeypatch.setattr(segment_algorithm, "BUNDLED_MODEL", tmp_path / "no_such_demo.safetensors")
    if case == "malicious_model":  # a PyTorch checkpoint says what it is only to torch: the run refuses it
        with pytest.raises(QgsProcessingException, match="MODEL: .*refused to load"):
            run(params)
    else:
        message = check_message(ALG, params)
        assert expected in message, message
        assert "Traceback" not in message
        with pytest.raises(QgsProcessingException):
            run(params)
    assert not Path(b["out"]).exists()
    assert not (Path.cwd() / "touch").exists()


@pytest.mark.parametrize("source, expected", [
    ("text", "is not a raster GDAL can read"),
    ("missing", "does not exist"),
    ("geojson", "rather than a vector file"),
])
@pytest.mark.usefixtures("gdal_exception_mode")
def test_missing_or_non_raster_input_fails_clearly(remotenet_provider, bad_inputs, source, expected):
    from qgis.core import QgsProcessingException

    path = {"text": bad_inputs["text"], "missing": bad_inputs["text"] + ".tif",
            "geojson": str(Path(__file__).parent / "data" / "atlanta_buildings.geojson")}[source]
    params = {"INPUT": path, "MODEL": bad_inputs["m1"], "OUTPUT_RASTER": bad_inputs["out"]}
    message = check_message(ALG, params)
    assert message.startswith("INPUT: ") and expected in message, message
    with pytest.raises(QgsProcessingException):
        run(params)
    assert not Path(bad_inputs["out"]).exists()


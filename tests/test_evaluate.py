"""Evaluation engine: hand-computed confusion matrices, raster and polygon references, reports."""
import csv
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from remotenet.remotenet_plugin.engine.training.evaluate import EvaluationError, evaluate_classification

DATA = Path(__file__).parent / "data"


def write(path, array, epsg=32616, origin=(500000.0, 4000000.0), pixel=1.0, nodata=255, names=None):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, gdal.GDT_Byte)
    ds.SetGeoTransform((origin[0], pixel, 0, origin[1], 0, -pixel))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.WriteArray(array)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    if names:
        band.SetCategoryNames(names)
    ds = None
    return str(path)


def test_hand_computed_two_class_matrix_by_strips(tmp_path):
    pred = np.array([[0, 0, 1, 1],
                     [0, 1, 1, 1],
                     [0, 0, 0, 255],
                     [1, 1, 0, 0]], np.uint8)
    ref = np.array([[0, 0, 1, 1],
                    [0, 0, 1, 1],
                    [255, 0, 0, 1],
                    [1, 0, 0, 0]], np.uint8)
    # Counted pixels (ref and pred not 255): 14. ref0/pred0: 7, ref0/pred1: 2, ref1/pred0: 0, ref1/pred1: 5.
    # ref1 at (2,3) is unclassified (pred 255).
    p = write(tmp_path / "p.tif", pred, names=["ground", "roof"])
    r = write(tmp_path / "r.tif", ref)
    res = evaluate_classification(p, r, output_table=str(tmp_path / "t.csv"), output_html=str(tmp_path / "r.html"),
                                  rows_per_strip=3)
    m = res.metrics
    assert m["confusion_matrix"] == [[7, 2], [0, 5]]
    assert res.unclassified_reference_pixels == 1 and res.compared_pixels == 14
    assert [c["name"] for c in m["per_class"]] == ["ground", "roof"]
    assert res.iou_of("roof") == pytest.approx(5 / 7)
    assert res.iou_of(0) == pytest.approx(7 / 9)
    assert m["oa"] == pytest.approx(12 / 14)
    pe = (9 * 7 + 5 * 7) / 14 ** 2
    assert m["kappa"] == pytest.approx((12 / 14 - pe) / (1 - pe))
    rows = list(csv.DictReader(open(tmp_path / "t.csv")))
    assert rows[1]["name"] == "roof" and float(rows[1]["iou"]) == pytest.approx(5 / 7)
    assert float(rows[2]["overall_accuracy"]) == pytest.approx(12 / 14)
    text = (tmp_path / "r.html").read_text()
    assert "Confusion matrix" in text and "roof" in text and "71.43%" in text


def test_values_not_indices_are_compared(tmp_path):
    # Classes stored as values 3 and 7 (a model trained on such labels writes those values).
    pred = np.array([[3, 7, 7], [3, 3, 7]], np.uint8)
    ref = np.array([[3, 7, 3], [3, 3, 7]], np.uint8)
    res = evaluate_classification(write(tmp_path / "p.tif", pred), write(tmp_path / "r.tif", ref))
    assert [c["value"] for c in res.classes] == [3, 7]
    assert res.metrics["confusion_matrix"] == [[3, 1], [0, 2]]
    assert res.iou_of(7) == pytest.approx(2 / 3)


def test_three_classes_hand_computed(tmp_path):
    ref = np.array([[0, 0, 1, 1, 2, 2]], np.uint8)
    pred = np.array([[0, 1, 1, 1, 2, 0]], np.uint8)
    res = evaluate_classification(write(tmp_path / "p.tif", pred), write(tmp_path / "r.tif", ref))
    assert res.metrics["confusion_matrix"] == [[1, 1, 0], [0, 2, 0], [1, 0, 1]]
    ious = [c["iou"] for c in res.metrics["per_class"]]
    assert ious == pytest.approx([1 / 3, 2 / 3, 1 / 2])
    assert res.metrics["miou"] == pytest.approx((1 / 3 + 2 / 3 + 1 / 2) / 3)


def test_polygon_reference_equals_the_rasterised_mask():
    mask = str(DATA / "atlanta_buildings_mask.tif")
    by_polygons = evaluate_classification(mask, str(DATA / "atlanta_buildings.geojson"))
    assert by_polygons.metrics["miou"] == 1.0 and by_polygons.metrics["kappa"] == 1.0
    assert by_polygons.compared_pixels == 900 * 900


def test_reference_on_another_grid_is_warped(tmp_path):
    pred = np.zeros((40, 40), np.uint8)
    pred[:, 20:] = 1
    # Reference at 2 m covering the same area: warped onto the 1 m grid.
    ref = np.zeros((20, 20), np.uint8)
    ref[:, 10:] = 1
    res = evaluate_classification(write(tmp_path / "p.tif", pred), write(tmp_path / "r.tif", ref, pixel=2.0))
    assert res.metrics["miou"] == 1.0 and any("another grid" in n for n in res.notes)


def test_text_class_names_map_to_the_classified_categories(tmp_path):
    pred = np.zeros((10, 10), np.uint8)
    pred[:, 5:] = 1
    p = write(tmp_path / "p.tif", pred, names=["water", "field"])
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32616)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "ref.gpkg"))
    layer = ds.CreateLayer("ref", srs=srs, geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("kind", ogr.OFTString))
    for x0, x1, kind in ((0, 5, "Water"), (5, 10, "field")):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({500000 + x0} 3999990,{500000 + x1} 3999990,{500000 + x1} 4000000,{500000 + x0} 4000000,"
            f"{500000 + x0} 3999990))"))
        f.SetField("kind", kind)
        layer.CreateFeature(f)
    ds = None
    res = evaluate_classification(p, str(tmp_path / "ref.gpkg"), class_field="kind")
    assert res.metrics["miou"] == 1.0
    with pytest.raises(EvaluationError, match="no field 'klass'"):
        evaluate_classification(p, str(tmp_path / "ref.gpkg"), class_field="klass")


@pytest.mark.usefixtures("gdal_exception_mode")
def test_reference_that_misses_the_raster_is_refused(tmp_path):
    pred = np.zeros((10, 10), np.uint8)
    far = write(tmp_path / "far.tif", np.ones((10, 10), np.uint8), origin=(600000.0, 4000000.0))
    with pytest.raises(EvaluationError, match="overlap"):
        evaluate_classification(write(tmp_path / "p.tif", pred), far)
    with pytest.raises(EvaluationError, match="overlap"):
        evaluate_classification(write(tmp_path / "p2.tif", pred), str(DATA / "atlanta_buildings.geojson"))


def test_evaluation_leaves_gdal_exception_mode_as_it_found_it(tmp_path, gdal_exception_mode):
    """QGIS and other plugins share the GDAL bindings: evaluation and chip-making must not flip their
    mode, whether the process runs with exceptions off (QGIS 3.22) or on (QGIS 3.40+)."""
    from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips

    mode = [int(gdal_exception_mode)] * 3
    assert [gdal.GetUseExceptions(), ogr.GetUseExceptions(), osr.GetUseExceptions()] == mode
    evaluate_classification(str(DATA / "atlanta_buildings_mask.tif"), str(DATA / "atlanta_buildings.geojson"))
    prepare_training_chips(str(DATA / "atlanta_pan_0p5m.tif"), str(DATA / "atlanta_buildings.geojson"),
                           tile_size=128, window=(0, 0, 300, 300))
    with pytest.raises(EvaluationError):
        evaluate_classification(str(tmp_path / "missing.tif"), str(DATA / "atlanta_buildings.geojson"))
    assert [gdal.GetUseExceptions(), ogr.GetUseExceptions(), osr.GetUseExceptions()] == mode


def test_remotenet_evaluate_runs_with_torch_blocked(tmp_path):
    """RemoteNet Evaluate needs GDAL and numpy only: it runs where torch cannot even be imported."""
    import subprocess
    import sys

    code = f"""
import sys
sys.modules['torch'] = None  # any import of torch now fails
sys.path.append('/usr/share/qgis/python/plugins')
from qgis.core import QgsApplication
QgsApplication.setPrefixPath('/usr', True)
app = QgsApplication([], False); app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
import processing, remotenet
plugin = remotenet.classFactory(None); plugin.initProcessing()
results = processing.run('remotenet:evaluate', {{
    'INPUT': {str(DATA / 'atlanta_buildings_mask.tif')!r}, 'REFERENCE': {str(DATA / 'atlanta_buildings.geojson')!r},
    'OUTPUT_TABLE': {str(tmp_path / 'metrics.csv')!r}}})
print('MIOU', results['MIOU'])
"""
    env = {"QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile"),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert "MIOU 1.0" in done.stdout, done.stdout + done.stderr
    assert (tmp_path / "metrics.csv").is_file()

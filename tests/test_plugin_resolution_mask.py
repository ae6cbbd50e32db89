"""RESOLUTION, RESAMPLING and MASK of remotenet:segment through processing.run and qgis_process."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import check_message
from engine_helpers import write_raster
from osgeo import gdal
from test_engine_resolution_mask import GT, _mask

ALG = "remotenet:segment"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def fine_raster(tmp_path) -> str:
    rng = np.random.default_rng(1)
    data = rng.integers(0, 1000, (1, 13, 13)).repeat(8, 1).repeat(8, 2)[:, :100, :100]
    return write_raster(tmp_path / "fine.tif", data + rng.integers(0, 30, (1, 100, 100)))


@pytest.fixture(scope="module")
def model_20m(tmp_path_factory) -> str:
    """A one-band model made for 20 m pixels (the rasters here are 10 m)."""
    from conftest import TEST_CLASSES, make_model_file, rewrite_model_header

    path = make_model_file(tmp_path_factory.mktemp("models") / "m20.safetensors", 1, TEST_CLASSES)
    rewrite_model_header(path, lambda meta: meta.update(gsd_m=20.0))
    return str(path)


def test_resolution_and_a_selected_reprojected_mask(remotenet_provider, fine_raster, model_20m, tmp_path):
    import processing
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    mask = _mask(tmp_path / "m.gpkg", [(5, 5, 40, 40), (60, 60, 95, 95)], epsg=4326)
    layer = QgsVectorLayer(mask, "mask", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByIds([1])  # the first rectangle only
        results = processing.run(ALG, {
            "INPUT": fine_raster, "MODEL": model_20m, "RESOLUTION": "model", "RESAMPLING": "cubic",
            "MASK": QgsProcessingFeatureSourceDefinition(layer.id(), selectedFeaturesOnly=True),
            "OUTPUT_RASTER": str(tmp_path / "c.tif"), "OUTPUT_VECTOR": str(tmp_path / "c.gpkg")})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    out = gdal.Open(results["OUTPUT_RASTER"])
    assert (out.RasterXSize, out.RasterYSize) == (100, 100) and out.GetGeoTransform() == pytest.approx(GT)
    assert out.GetMetadataItem("REMOTENET_RESOLUTION") == "20 m (cubic)"
    classes = out.ReadAsArray()
    out = None
    assert (classes[60:, 60:] == 255).all() and (classes[8:37, 8:37] != 255).all()  # unselected: not classified
    assert results["TILES_OUTSIDE_MASK"] >= 0
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".")]


@pytest.mark.parametrize("params, words", [
    ({"RESOLUTION": "0"}, "RESOLUTION: 0 is not a pixel size"),
    ({"RESOLUTION": "-1"}, "RESOLUTION: -1 is not a pixel size"),
    ({"RESOLUTION": "1"}, "RESOLUTION: 1 m pixels would upsample"),
    ({"RESOLUTION": "fine"}, "RESOLUTION: 'fine' is not model, input"),
    ({"RESAMPLING": "lanczos"}, "RESAMPLING: 'lanczos' is not one of its choices"),
])
def test_bad_resolution_is_refused_naming_the_parameter(remotenet_provider, fine_raster, model_20m, tmp_path,
                                                         params, words):
    message = check_message(ALG, {"INPUT": fine_raster, "MODEL": model_20m,
                                  "OUTPUT_RASTER": str(tmp_path / "c.tif"), **params})
    assert words in message and "\n" not in message


@pytest.mark.parametrize("case, words", [("lines", "MASK: "), ("outside", "MASK: no polygon of")])
def test_bad_masks_are_refused_and_leave_nothing(remotenet_provider, fine_raster, model_20m, tmp_path, case, words):
    import tempfile

    from osgeo import ogr

    boxes = [(500, 500, 600, 600)] if case == "outside" else [(5, 5, 40, 40)]
    mask = _mask(tmp_path / "m.gpkg", boxes, kind=ogr.wkbLineString if case == "lines" else ogr.wkbPolygon)
    before = set(os.listdir(tempfile.gettempdir()))
    message = check_message(ALG, {"INPUT": fine_raster, "MODEL": model_20m, "MASK": mask,
                                  "OUTPUT_RASTER": str(tmp_path / "c.tif")})
    assert message.startswith(words) and "\n" not in message
    assert not [p for p in set(os.listdir(tempfile.gettempdir())) - before if p.startswith("remotenet_mask_")]


@pytest.mark.skipif(shutil.which("qgis_process.bin") is None and shutil.which("qgis_process") is None,
                    reason="qgis_process is not installed")
def test_qgis_process_takes_resolution_and_mask_by_name(fine_raster, model_20m, tmp_path):
    import json

    env = dict(os.environ, REMOTENET_QGIS_PROFILE=str(tmp_path / "profile"))
    mask = _mask(tmp_path / "m.gpkg", [(5, 5, 40, 40)])
    out = tmp_path / "c.tif"
    done = subprocess.run([str(ROOT / "scripts" / "qgis_process"), "--json", "run", ALG, "--", f"INPUT={fine_raster}",
                           f"MODEL={model_20m}", "RESOLUTION=20", f"MASK={mask}", f"OUTPUT_RASTER={out}"],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert any("resampled (bilinear) to 20 m" in line for line in result["log"]["info"])
    classes = gdal.Open(str(out)).ReadAsArray()
    assert classes.shape == (100, 100) and (classes[50:] == 255).all() and (classes[8:37, 8:37] != 255).all()

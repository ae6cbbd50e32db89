"""scripts/qgis_process (a real qgis_process with this checkout as the plugin) and the modeler file.

Each qgis_process call starts QGIS (a few seconds): keep these few.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from osgeo import gdal, ogr

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "qgis_process"
MODEL3 = ROOT / "tests" / "models" / "segment_dissolve.model3"

pytestmark = pytest.mark.skipif(shutil.which("qgis_process.bin") is None and shutil.which("qgis_process") is None,
                                reason="qgis_process is not installed")


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> dict:
    import os

    env = dict(os.environ)
    env["REMOTENET_QGIS_PROFILE"] = str(tmp_path_factory.mktemp("qgis_process_profile"))
    return env


def qgis_process(args: list[str], env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def class_ids(gpkg: Path) -> list[int]:
    ds = ogr.Open(str(gpkg))  # keep the dataset alive while its layer is read
    ids = [f.GetField("class_id") for f in ds.GetLayer(0)]
    ds = None
    return ids


def test_help_lists_every_parameter(profile, tmp_path):
    done = qgis_process(["help", "remotenet:segment"], profile, tmp_path)
    assert done.returncode == 0, done.stderr
    for name in ("INPUT", "MODEL", "BANDS", "EXTENT", "TILE_SIZE", "DEVICE", "MIN_AREA", "OUTPUT_VECTOR"):
        assert f"{name}:" in done.stdout


def test_run_json_from_the_repository_root(profile, pan_raster, model_1band, tmp_path):
    out_tif, out_gpkg = tmp_path / "classes.tif", tmp_path / "classes.gpkg"
    done = qgis_process(["--json", "run", "remotenet:segment", "--", f"INPUT={pan_raster}", f"MODEL={model_1band}",
                         f"OUTPUT_RASTER={out_tif}", f"OUTPUT_VECTOR={out_gpkg}", "TILE_SIZE=64"], profile, ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result["results"]["OUTPUT_RASTER"] == str(out_tif)
    assert result["results"]["DEVICE_USED"] == "cpu"
    assert any("skipped as nodata" in line for line in result["log"]["info"])
    assert gdal.Open(str(out_tif)).GetRasterBand(1).GetColorTable() is not None
    assert (tmp_path / "classes.qml").is_file()
    assert len(class_ids(out_gpkg)) >= 1


def test_bad_input_fails_with_a_message_and_no_traceback(profile, pan_raster, model_1band, tmp_path):
    out_tif = tmp_path / "bad.tif"
    done = qgis_process(["run", "remotenet:segment", "--", f"INPUT={pan_raster}", f"MODEL={model_1band}",
                         "TILE_SIZE=0", f"OUTPUT_RASTER={out_tif}"], profile, tmp_path)
    assert done.returncode != 0
    assert "TILE_SIZE: 0 is too small" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not out_tif.exists()


def test_model3_through_qgis_process(profile, pan_raster, model_1band, tmp_path):
    done = qgis_process(["--json", "run", str(MODEL3), "--", f"scene={pan_raster}", f"model={model_1band}",
                         f"segment:classes={tmp_path / 'classes.tif'}",
                         f"dissolve:dissolved={tmp_path / 'dissolved.gpkg'}"], profile, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    ids = class_ids(tmp_path / "dissolved.gpkg")
    assert len(ids) == len(set(ids)) >= 1  # one multipolygon per class


def test_model3_through_processing_run(remotenet_provider, pan_raster, model_1band, tmp_path):
    import processing
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL3))
    results = processing.run(model, {"scene": str(pan_raster), "model": str(model_1band),
                                     "segment:classes": str(tmp_path / "classes.tif"),
                                     "dissolve:dissolved": str(tmp_path / "dissolved.gpkg")})
    assert Path(results["segment:classes"]).is_file()
    ids = class_ids(tmp_path / "dissolved.gpkg")
    assert len(ids) == len(set(ids)) >= 1


def test_model3_is_valid_for_the_current_segment_parameters(remotenet_provider):
    """The modeler refuses to run a model whose child lacks a mandatory parameter: regenerate the
    example (tests/models/make_segment_dissolve.py) when Segment gains one."""
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL3))
    assert model.validate() == (True, [])

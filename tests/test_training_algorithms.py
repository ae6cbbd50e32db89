"""remotenet:train and remotenet:evaluate through processing.run in a headless QGIS."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import check_message, crop_raster

DATA = Path(__file__).parent / "data"
FOOTPRINTS = str(DATA / "atlanta_buildings.geojson")
MASK = str(DATA / "atlanta_buildings_mask.tif")


def run(alg: str, params: dict, feedback=None) -> dict:
    import processing

    return processing.run(alg, params, feedback=feedback)


@pytest.fixture(scope="module")
def crop(tmp_path_factory) -> Path:
    """256 x 256 pixels of the Atlanta scene with buildings in it."""
    return crop_raster(DATA / "atlanta_pan_0p5m.tif", tmp_path_factory.mktemp("train") / "crop.tif", 0, 0, 256)


def test_algorithms_are_registered(remotenet_provider):
    ids = {a.id() for a in remotenet_provider.algorithms()}
    assert {"remotenet:train", "remotenet:evaluate"} <= ids
    train = remotenet_provider.algorithm("train")
    names = {p.name() for p in train.parameterDefinitions()}
    assert {"INPUT", "LABELS", "CLASS_FIELD", "BANDS", "TILE_SIZE", "EPOCHS", "MAX_MINUTES", "BATCH_SIZE",
            "DEVICE", "PRETRAINED_ENCODER", "OUTPUT_MODEL"} <= names
    evaluate = remotenet_provider.algorithm("evaluate")
    assert {"INPUT", "REFERENCE", "CLASS_FIELD", "OUTPUT_TABLE", "OUTPUT_HTML"} <= {
        p.name() for p in evaluate.parameterDefinitions()}
    assert {"MIOU", "OA", "KAPPA"} <= {o.name() for o in evaluate.outputDefinitions()}


def test_train_from_polygons_then_segment_and_evaluate(remotenet_provider, crop, tmp_path):
    from remotenet.model import read_metadata

    model = tmp_path / "m.safetensors"
    results = run("remotenet:train", {
        "INPUT": str(crop), "LABELS": FOOTPRINTS, "TILE_SIZE": 64, "EPOCHS": 1, "MAX_MINUTES": 0.25,
        "BATCH_SIZE": 2, "DEVICE": 2, "OUTPUT_MODEL": str(model)})
    assert results["OUTPUT_MODEL"] == str(model) and model.is_file()
    assert results["VAL_MIOU"] is not None and results["STEPS"] >= 1 and results["DEVICE_USED"] == "cpu"
    meta = read_metadata(model)
    assert [c["value"] for c in meta["classes"]] == [0, 1]
    assert meta["tile_size"] == 64 and meta["gsd_m"] == 0.5
    assert meta["metrics"]["validation"]["miou"] == pytest.approx(results["VAL_MIOU"])
    assert meta["provenance"]["data"]["labels"] == "atlanta_buildings.geojson"

    classified = tmp_path / "classes.tif"
    run("remotenet:segment", {"INPUT": str(crop), "MODEL": str(model), "OUTPUT_RASTER": str(classified)})
    table, html = tmp_path / "metrics.csv", tmp_path / "report.html"
    ev = run("remotenet:evaluate", {"INPUT": str(classified), "REFERENCE": FOOTPRINTS, "OUTPUT_TABLE": str(table),
                                    "OUTPUT_HTML": str(html)})
    assert 0.0 <= ev["MIOU"] <= 1.0 and 0.0 <= ev["OA"] <= 1.0 and ev["KAPPA"] is not None
    assert table.is_file() and "Confusion matrix" in html.read_text()
    assert [c["value"] for c in json.loads(ev["PER_CLASS"])] == [0, 1]
    assert ev["PIXELS"] == 256 * 256


def test_evaluate_mask_against_its_polygons_is_perfect(remotenet_provider, tmp_path):
    ev = run("remotenet:evaluate", {"INPUT": MASK, "REFERENCE": FOOTPRINTS})
    assert ev["MIOU"] == 1.0 and ev["OA"] == 1.0 and ev["KAPPA"] == 1.0
    assert json.loads(ev["CONFUSION_MATRIX"])[1][0] == 0


def test_train_cancel_writes_no_model(remotenet_provider, crop, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelSoon(QgsProcessingFeedback):
        def setProgress(self, value):  # noqa: N802
            super().setProgress(value)
            if value > 5:
                self.cancel()

    model = tmp_path / "cancelled.safetensors"
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run("remotenet:train", {"INPUT": str(crop), "LABELS": MASK, "TILE_SIZE": 64, "EPOCHS": 5, "BATCH_SIZE": 2,
                                "DEVICE": 2, "OUTPUT_MODEL": str(model)}, feedback=CancelSoon())
    assert not model.exists() and not list(tmp_path.iterdir())


@pytest.mark.usefixtures("gdal_exception_mode")
def test_bad_train_parameters_are_explained(remotenet_provider, crop, tmp_path):
    base = {"INPUT": str(crop), "LABELS": FOOTPRINTS, "OUTPUT_MODEL": str(tmp_path / "m.safetensors")}
    assert "no field 'nope'" in check_message("remotenet:train", {**base, "CLASS_FIELD": "nope"})
    assert "nothing would stop" in check_message("remotenet:train", {**base, "EPOCHS": 0, "MAX_MINUTES": 0})
    assert ".safetensors" in check_message("remotenet:train", {**base, "OUTPUT_MODEL": str(tmp_path / "m.pth")})
    assert "raster" in check_message("remotenet:train", {**base, "LABELS": MASK, "CLASS_FIELD": "building"})
    from qgis.core import QgsProcessingException

    # Labels that miss the raster: the engine says so when the run starts.
    far = crop_raster(DATA / "atlanta_pan_0p5m.tif", tmp_path / "far.tif", 600, 600, 64)
    with pytest.raises(QgsProcessingException, match="only one class|do not overlap"):
        run("remotenet:train", {**base, "INPUT": str(far), "LABELS": FOOTPRINTS, "CLASS_FIELD": "building",
                                "TILE_SIZE": 32, "EPOCHS": 1})


def test_time_budget_alone_decides_when_epochs_is_left_at_its_default(remotenet_provider, crop, tmp_path):
    """One rule: training stops at the first of EPOCHS and MAX_MINUTES that is set; EPOCHS is unset by default."""
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("remotenet:train")
    assert alg.parameterDefinition("EPOCHS").defaultValue() == 0
    assert alg.parameterDefinition("MAX_MINUTES").defaultValue() > 0
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    run("remotenet:train", {"INPUT": str(crop), "LABELS": MASK, "TILE_SIZE": 64, "BATCH_SIZE": 2, "MAX_MINUTES": 0.15,
                            "DEVICE": 2, "OUTPUT_MODEL": str(tmp_path / "budget.safetensors")}, feedback=feedback)
    assert "Stopped by time" in feedback.textLog(), feedback.textLog()
    assert (tmp_path / "budget.safetensors").is_file()


def test_train_with_the_resnet_encoder_then_segment(remotenet_provider, crop, tmp_path):
    from remotenet.model import load_model, read_metadata

    model = tmp_path / "r.safetensors"
    results = run("remotenet:train", {
        "INPUT": str(crop), "LABELS": FOOTPRINTS, "TILE_SIZE": 64, "EPOCHS": 1, "MAX_MINUTES": 0.2,
        "BATCH_SIZE": 2, "DEVICE": 2, "ENCODER": 1, "OUTPUT_MODEL": str(model)})
    assert results["STEPS"] >= 1 and model.is_file()
    assert read_metadata(model)["architecture"] == "remotenet-resnet18"
    assert load_model(model)[0].Encoder.name == "resnet18"
    classified = tmp_path / "classes.tif"
    run("remotenet:segment", {"INPUT": str(crop), "MODEL": str(model), "OUTPUT_RASTER": str(classified)})
    assert classified.is_file()


def test_encoder_weights_parameter_is_checked(remotenet_provider, crop, tmp_path):
    base = {"INPUT": str(crop), "LABELS": FOOTPRINTS, "OUTPUT_MODEL": str(tmp_path / "m.safetensors"),
            "ENCODER": 1}
    assert "is not a file" in check_message("remotenet:train", {**base, "ENCODER_WEIGHTS": str(tmp_path / "no.pth")})
    weights = tmp_path / "w.pth"
    weights.write_bytes(b"\x80\x02}q\x00.")  # an empty pickled dict: exists, so only the run can tell
    assert "both give starting weights" in check_message(
        "remotenet:train", {**base, "ENCODER_WEIGHTS": str(weights), "PRETRAINED_ENCODER": True})

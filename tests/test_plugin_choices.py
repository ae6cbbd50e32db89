"""Choice parameters by name (DEVICE=cpu, ENCODER=resnet18), and the old indexes still accepted:
processing.run, qgis_process, and models saved to .model3 and loaded again."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import check_message
from osgeo import gdal

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
OLD_MODEL3 = ROOT / "tests" / "models" / "segment_dissolve.model3"  # written with indexes (static_value 0)

CHOICES = {
    "remotenet:segment": {"DEVICE": ["auto", "cuda", "cpu"], "PRECISION": ["auto", "fp32", "bf16", "fp16", "int8"],
                          "RUNTIME": ["auto", "torch", "openvino"], "RESAMPLING": ["bilinear", "cubic"]},
    "remotenet:train": {"DEVICE": ["auto", "cuda", "cpu"], "ENCODER": ["pvt_v2_b1", "resnet18"],
                        "SPECTRAL_HEAD": ["auto", "on", "off"]},
}


def algorithm(alg_id: str):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().createAlgorithmById(alg_id)


def context():
    from qgis.core import QgsProcessingContext, QgsProject

    ctx = QgsProcessingContext()
    ctx.setProject(QgsProject.instance())
    return ctx


@pytest.mark.parametrize("alg_id", sorted(CHOICES))
def test_choices_are_static_names_in_the_old_order(remotenet_provider, alg_id):
    alg = algorithm(alg_id)
    enums = {p.name(): p for p in alg.parameterDefinitions() if p.type() == "enum"}
    assert {name: p.options() for name, p in enums.items()} == CHOICES[alg_id]
    for name, param in enums.items():
        assert param.usesStaticStrings(), name
        assert param.defaultValue() in CHOICES[alg_id][name]
        assert f"({name}): " in alg.shortHelpString()
        assert ", ".join(CHOICES[alg_id][name]) in alg.shortHelpString()


def test_a_choice_accepts_names_any_case_and_old_indexes(remotenet_provider):
    from qgis.core import QgsProcessingContext

    alg = algorithm("remotenet:segment")  # owns its parameters: keep it alive
    param = alg.parameterDefinition("RUNTIME")
    for candidate in (param, param.clone()):  # the modeler and the batch panel work on clones
        assert candidate.usesStaticStrings() and candidate.type() == "enum"
        for value in ("torch", "TORCH", " openvino ", "PyTorch", 0, 2, "1", 1.0, None):
            assert candidate.checkValueIsAcceptable(value, QgsProcessingContext()), value
        for value in ("gpu", 3, -1, "3", True, "torch,openvino", 1.5):
            assert not candidate.checkValueIsAcceptable(value, QgsProcessingContext()), value


@pytest.mark.parametrize("values, expected", [
    ({"DEVICE": "cpu", "ENCODER": "resnet18"}, ("cpu", "resnet18")),
    ({"DEVICE": "CPU", "ENCODER": "ResNet18"}, ("cpu", "resnet18")),
    ({"DEVICE": 2, "ENCODER": 1}, ("cpu", "resnet18")),  # Python scripts and models from before
    ({"DEVICE": "2", "ENCODER": "1"}, ("cpu", "resnet18")),  # qgis_process and batch files from before
    ({"DEVICE": "auto", "ENCODER": "pvt_v2_b1"}, ("auto", "pvt_v2_b1")),
    ({}, None),  # the defaults
])
def test_train_reads_a_choice_by_name_or_index(remotenet_provider, tmp_path, values, expected):
    alg = algorithm("remotenet:train")
    params = {"INPUT": str(DATA / "atlanta_pan_0p5m.tif"), "LABELS": str(DATA / "atlanta_buildings.geojson"),
              "OUTPUT_MODEL": str(tmp_path / "m.safetensors"), **values}
    ok, message = alg.checkParameterValues(params, context())
    assert ok, message
    plan = alg.resolve(params, context(), checking=True)
    if expected is None:
        expected = (alg.parameterDefinition("DEVICE").defaultValue(), alg.parameterDefinition("ENCODER").defaultValue())
    assert (plan.options["device"], plan.options["encoder"]) == expected


@pytest.mark.parametrize("alg_id, name, value", [
    ("remotenet:segment", "DEVICE", "gpu"), ("remotenet:segment", "PRECISION", 7),
    ("remotenet:segment", "RUNTIME", "tensorrt"), ("remotenet:train", "ENCODER", "resnet50"),
])
def test_an_unknown_choice_is_refused_in_one_line_naming_the_parameter(remotenet_provider, pan_raster, model_1band,
                                                                       tmp_path, alg_id, name, value):
    if alg_id == "remotenet:segment":
        params = {"INPUT": str(pan_raster), "MODEL": str(model_1band), "OUTPUT_RASTER": str(tmp_path / "c.tif")}
    else:
        params = {"INPUT": str(pan_raster), "LABELS": str(DATA / "atlanta_buildings.geojson"),
                  "OUTPUT_MODEL": str(tmp_path / "m.safetensors")}
    message = check_message(alg_id, {**params, name: value})
    names = ", ".join(CHOICES[alg_id][name])
    assert message == (f"{name}: {value!r} is not one of its choices; give one of {names} (or its number, 0 to "
                       f"{len(CHOICES[alg_id][name]) - 1})")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("choices", [{"DEVICE": "cpu", "PRECISION": "fp32", "RUNTIME": "torch"},
                                     {"DEVICE": 2, "PRECISION": 1, "RUNTIME": 1}], ids=["names", "indexes"])
def test_segment_runs_with_names_or_indexes(remotenet_provider, pan_raster, model_1band, tmp_path, choices):
    import processing

    out = tmp_path / "classes.tif"
    results = processing.run("remotenet:segment", {"INPUT": str(pan_raster), "MODEL": str(model_1band),
                                                   "OUTPUT_RASTER": str(out), "TILE_SIZE": 64, **choices})
    assert results["DEVICE_USED"] == "cpu"
    ds = gdal.Open(str(out))
    assert ds.GetMetadataItem("REMOTENET_PRECISION") == "fp32"
    assert ds.GetMetadataItem("REMOTENET_RUNTIME").startswith("torch")


def _segment_model(static: dict):
    """A model with one RemoteNet Segment step: scene and model file as inputs, ``static`` values."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
        QgsProcessingParameterRasterLayer,
    )

    model = QgsProcessingModelAlgorithm("choices by name", "RemoteNet tests", "choices_by_name")
    for param in (QgsProcessingParameterRasterLayer("scene", "Scene"), QgsProcessingParameterFile("model", "Model")):
        model.addModelParameter(param, QgsProcessingModelParameter(param.name()))
    child = QgsProcessingModelChildAlgorithm("remotenet:segment")
    child.setChildId("segment")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("scene")])
    child.addParameterSources("MODEL", [QgsProcessingModelChildParameterSource.fromModelParameter("model")])
    segment = algorithm("remotenet:segment")  # as the modeler does: the other parameters get their defaults
    defaults = {p.name(): p.defaultValue() for p in segment.parameterDefinitions()
                if not p.isDestination() and p.defaultValue() is not None}
    for name, value in {**defaults, **static}.items():
        if name not in ("INPUT", "MODEL"):
            child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    output = QgsProcessingModelOutput("classes", "Classes")
    output.setChildId("segment")
    output.setChildOutputName("OUTPUT_RASTER")
    child.setModelOutputs({"classes": output})
    model.addChildAlgorithm(child)
    return model


def test_a_model3_with_names_round_trips_and_runs(remotenet_provider, pan_raster, model_1band, tmp_path):
    import processing
    from qgis.core import QgsProcessingModelAlgorithm

    path = tmp_path / "choices.model3"
    assert _segment_model({"DEVICE": "cpu", "PRECISION": "fp32", "RUNTIME": "torch", "TILE_SIZE": 64}).toFile(
        str(path))
    assert _static_values(path) == {"DEVICE": "cpu", "PRECISION": "fp32", "RUNTIME": "torch"}  # names in the file

    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path))
    sources = loaded.childAlgorithm("segment").parameterSources()
    assert {name: sources[name][0].staticValue() for name in ("DEVICE", "PRECISION", "RUNTIME")} == {
        "DEVICE": "cpu", "PRECISION": "fp32", "RUNTIME": "torch"}
    valid, problems = loaded.validate()
    assert valid, problems
    out = tmp_path / "classes.tif"
    [destination] = [p.name() for p in loaded.destinationParameterDefinitions()]  # "segment:classes" on 3.22
    processing.run(loaded, {"scene": str(pan_raster), "model": str(model_1band), destination: str(out)})
    assert gdal.Open(str(out)).GetMetadataItem("REMOTENET_PRECISION") == "fp32"


def _static_values(model3: Path) -> dict[str, str]:
    """The segment step's DEVICE, PRECISION and RUNTIME as written in a .model3 file."""
    import xml.etree.ElementTree as ET

    params = ET.parse(model3).find(".//Option[@name='segment']/Option[@name='params']")
    return {name: params.find(f"Option[@name='{name}']/Option/Option[@name='static_value']").get("value")
            for name in ("DEVICE", "PRECISION", "RUNTIME")}


def test_a_model3_with_old_indexes_is_still_valid(remotenet_provider):
    from qgis.core import QgsProcessingModelAlgorithm

    assert _static_values(OLD_MODEL3) == {"DEVICE": "0", "PRECISION": "0", "RUNTIME": "0"}
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(OLD_MODEL3))
    valid, problems = model.validate()
    assert valid, problems


QGIS_PROCESS = ROOT / "scripts" / "qgis_process"


@pytest.mark.skipif(shutil.which("qgis_process.bin") is None and shutil.which("qgis_process") is None,
                    reason="qgis_process is not installed")
def test_qgis_process_takes_names_and_old_indexes_and_refuses_unknown_names(pan_raster, model_1band, tmp_path):
    import os

    env = {**os.environ, "REMOTENET_QGIS_PROFILE": str(tmp_path / "profile")}

    def segment(out: Path, *choices: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(QGIS_PROCESS), "run", "remotenet:segment", "--", f"INPUT={pan_raster}",
                               f"MODEL={model_1band}", f"OUTPUT_RASTER={out}", "TILE_SIZE=64", *choices],
                              env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)

    for out, choices in ((tmp_path / "names.tif", ("DEVICE=cpu", "PRECISION=fp32", "RUNTIME=torch")),
                         (tmp_path / "indexes.tif", ("DEVICE=2", "PRECISION=1", "RUNTIME=1"))):
        done = segment(out, *choices)
        assert done.returncode == 0, done.stdout + done.stderr
        assert gdal.Open(str(out)).GetMetadataItem("REMOTENET_PRECISION") == "fp32"
    bad = tmp_path / "bad.tif"
    done = segment(bad, "DEVICE=gpu")
    assert done.returncode != 0
    lines = [line.strip() for line in (done.stdout + done.stderr).splitlines() if "is not one of" in line]
    assert lines == ["DEVICE: 'gpu' is not one of its choices; give one of auto, cuda, cpu (or its number, 0 to 2)"]
    assert "Traceback" not in done.stdout + done.stderr and not bad.exists()


@pytest.mark.parametrize("value, expected", [("off", "off"), ("ON", "on"), (2, "off"), (None, "auto")])
def test_train_reads_the_spectral_head_choice(remotenet_provider, tmp_path, value, expected):
    alg = algorithm("remotenet:train")
    params = {"INPUT": str(DATA / "atlanta_pan_0p5m.tif"), "LABELS": str(DATA / "atlanta_buildings.geojson"),
              "OUTPUT_MODEL": str(tmp_path / "m.safetensors")}
    if value is not None:
        params["SPECTRAL_HEAD"] = value
    assert alg.checkParameterValues(params, context())[0]
    assert alg.resolve(params, context(), checking=True).options["spectral_head"] == expected

"""`python -m remotenet train` and `python -m remotenet evaluate`: Train and Evaluate without QGIS,
with segment's conventions (progress on stderr, one-line errors naming the option, exit 0/1/2/130,
nothing left behind)."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, crop_raster

from remotenet.__main__ import main

FOOTPRINTS = DATA / "atlanta_buildings.geojson"
MASK = DATA / "atlanta_buildings_mask.tif"
FAST_TRAIN = ["--tile-size", "64", "--epochs", "1", "--max-minutes", "0.25", "--batch-size", "2", "--device", "cpu",
              "--encoder", "resnet18"]


def _python(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def crop(tmp_path_factory) -> Path:
    """256 x 256 pixels of the Atlanta scene with buildings in it."""
    return crop_raster(DATA / "atlanta_pan_0p5m.tif", tmp_path_factory.mktemp("cli_train") / "crop.tif", 0, 0, 256)


@pytest.mark.parametrize("command, flags", [
    ("train", ["--class-field", "--tile-size", "--epochs", "--max-minutes", "--batch-size", "--device",
               "{pvt_v2_b1,resnet18}", "--encoder-weights", "--pretrained-encoder", "--validation-fraction",
               "--learning-rate", "--background", "--bands", "--layer"]),
    ("evaluate", ["--class-field", "--background", "--table", "--html", "--json", "--layer"]),
])
def test_help_lists_the_options_and_does_not_import_torch(command, flags):
    done = _python("-c", "import sys\nfrom remotenet.__main__ import main\n"
                   f"try:\n    main(['{command}', '--help'])\n"
                   "except SystemExit as stop:\n    print('exit', stop.code)\n"
                   "print('torch imported' if 'torch' in sys.modules else 'no torch')")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("exit 0\nno torch"), done.stdout[-300:]
    for flag in flags:
        assert flag in done.stdout, flag
    listing = _python("-m", "remotenet", "--help")
    assert f"  {command} " in listing.stdout


def test_train_defaults_are_the_algorithms(remotenet_provider):
    """The command line and remotenet:train start from the same values."""
    from remotenet.remotenet_plugin.train_cli import build_parser

    defaults = vars(build_parser().parse_args(["in.tif", "labels.gpkg", "out.safetensors"]))
    alg = remotenet_provider.algorithm("train")
    param = {p.name(): p.defaultValue() for p in alg.parameterDefinitions()}
    assert (defaults["tile_size"], defaults["epochs"], defaults["max_minutes"], defaults["batch_size"]) == (
        param["TILE_SIZE"], param["EPOCHS"], param["MAX_MINUTES"], param["BATCH_SIZE"])
    assert (defaults["learning_rate"], defaults["validation_fraction"]) == pytest.approx(
        (param["LEARNING_RATE"], param["VALIDATION_FRACTION"]))
    assert (defaults["device"], defaults["encoder"]) == (param["DEVICE"], param["ENCODER"])
    assert defaults["pretrained_encoder"] == param["PRETRAINED_ENCODER"]
    assert defaults["background"] == param["BACKGROUND"]
    assert defaults["spectral_head"] == param["SPECTRAL_HEAD"] == "auto"


def test_train_then_segment_then_evaluate(capsys, crop, tmp_path):
    from osgeo import gdal

    from remotenet.model import read_metadata

    model = tmp_path / "buildings.safetensors"
    rc = main(["train", str(crop), str(FOOTPRINTS), str(model), *FAST_TRAIN])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert captured.out.count("\n") == 1 and captured.out.startswith(f"{model}: 2 classes, "), captured.out
    assert "best validation mIoU" in captured.out
    assert "train: 100% done" in captured.err and "Training on cpu" in captured.err
    meta = read_metadata(model)
    assert [c["value"] for c in meta["classes"]] == [0, 1] and meta["tile_size"] == 64
    assert meta["provenance"]["trainer"] == "remotenet train"
    assert meta["metrics"]["validation"]["miou"] is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buildings.safetensors"]  # no temporary left

    small = crop_raster(crop, tmp_path / "small.tif", 64, 64, 128)
    classes = tmp_path / "classes.tif"
    assert main(["segment", str(small), str(model), str(classes), "--device", "cpu", "--precision", "fp32",
                 "--runtime", "torch"]) == 0
    capsys.readouterr()
    table, report = tmp_path / "metrics.csv", tmp_path / "report.html"
    rc = main(["evaluate", str(classes), str(FOOTPRINTS), "--table", str(table), "--html", str(report), "--json"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    result = json.loads(captured.out)
    assert result["pixels"] == 128 * 128 and result["table"] == str(table) and result["html"] == str(report)
    assert [c["name"] for c in result["per_class"]] == [c["name"] for c in meta["classes"]]
    assert 0 <= result["oa"] <= 1 and len(result["confusion_matrix"]) == 2
    assert table.read_text().startswith("class_value") or "iou" in table.read_text().splitlines()[0].lower()
    assert "<table" in report.read_text()
    assert gdal.Open(str(classes)).RasterXSize == 128


def test_evaluate_prints_per_class_lines_and_a_summary(capsys):
    """The reference mask against the polygons it was burnt from: nearly perfect."""
    rc = main(["evaluate", str(MASK), str(FOOTPRINTS)])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    lines = captured.out.splitlines()
    assert len(lines) == 3 and lines[0].startswith("class 0 (") and lines[1].startswith("class 1 (")
    assert lines[2].startswith("mIoU ") and lines[2].endswith(f"{900 * 900} pixels compared")
    assert float(lines[2].split()[1].rstrip(",")) > 0.9
    assert "evaluate: 100%" in captured.err


@pytest.mark.parametrize("case, expected", [
    ("small_tile", "error: --tile-size: 16 is too small; use at least 32 pixels (or 0: chosen from the scene)"),
    ("no_stop", "error: --epochs/--max-minutes: both are 0: nothing would stop the training"),
    ("batch", "error: --batch-size: 0 must be at least 1 chip"),
    ("fraction", "error: --validation-fraction: 0.95 must be between 0.01 and 0.9"),
    ("device", "error: --device: 'gpu' is not a device; use auto, cuda, cpu or cuda:N"),
    ("output", "error: OUTPUT_MODEL: {tmp}/out/m.pth must end in .safetensors"),
    ("folder", "error: OUTPUT_MODEL: the folder {tmp}/out/missing does not exist"),
    ("input", "error: INPUT: {tmp}/nope.tif does not exist"),
    ("not_raster", "error: INPUT: {footprints} is not a raster GDAL can read"),
    ("labels", "error: LABELS: {tmp}/nope.gpkg does not exist"),
    ("bands", "error: --bands: the raster has 1 band(s); it has no band 2"),
    ("weights", "error: --encoder-weights: {tmp}/w.pth is not a file"),
    ("class_field", "error: --class-field: the labels have no field 'nope'; fields: "),
])
def test_train_bad_input_exits_1_with_one_line_and_no_files(capsys, crop, tmp_path, case, expected):
    out = tmp_path / "out"
    out.mkdir()
    raster, labels, model = str(crop), str(FOOTPRINTS), str(out / "m.safetensors")
    extra = {"small_tile": ["--tile-size", "16"], "no_stop": ["--epochs", "0", "--max-minutes", "0"],
             "batch": ["--batch-size", "0"], "fraction": ["--validation-fraction", "0.95"],
             "device": ["--device", "gpu"], "bands": ["--bands", "1,2"],
             "weights": ["--encoder-weights", str(tmp_path / "w.pth")], "class_field": ["--class-field", "nope"],
             }.get(case, [])
    if case == "output":
        model = str(out / "m.pth")
    elif case == "folder":
        model = str(out / "missing" / "m.safetensors")
    elif case == "input":
        raster = str(tmp_path / "nope.tif")
    elif case == "not_raster":
        raster = str(FOOTPRINTS)
    elif case == "labels":
        labels = str(tmp_path / "nope.gpkg")
    rc = main(["train", raster, labels, model, *extra])
    captured = capsys.readouterr()
    assert rc == 1
    lines = [line for line in captured.err.splitlines() if not line.startswith("train: ")]  # the progress lines
    assert len(lines) == 1 and lines[0].startswith(expected.format(tmp=tmp_path, footprints=FOOTPRINTS)), \
        captured.err
    assert captured.out == ""
    assert list(out.iterdir()) == []


def test_usage_errors_exit_2(capsys, crop, tmp_path):
    for argv in (["train", str(crop), str(FOOTPRINTS), str(tmp_path / "m.safetensors"), "--encoder", "resnet50"],
                 ["train", str(crop), str(FOOTPRINTS)],
                 ["evaluate", str(MASK)],
                 ["train", str(crop), str(FOOTPRINTS), str(tmp_path / "m.safetensors"), "--epochs", "x"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2, argv
    assert "--encoder: invalid choice: 'resnet50'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("case, expected", [
    ("input", "error: INPUT: {tmp}/nope.tif does not exist"),
    ("reference", "error: REFERENCE: {tmp}/nope.gpkg does not exist"),
    ("table", "error: --table: {tmp}/out/m.txt must end in .csv"),
    ("html", "error: --html: {tmp}/out/r.pdf must end in .html"),
    ("class_field", "error: --class-field: the labels have no field 'nope'; fields: "),
    ("no_overlap", "error: REFERENCE: the reference polygons do not overlap the classified raster"),
])
def test_evaluate_bad_input_exits_1_with_one_line_and_no_files(capsys, tmp_path, case, expected):
    out = tmp_path / "out"
    out.mkdir()
    classified, reference = str(MASK), str(FOOTPRINTS)
    extra = ["--table", str(out / "m.csv"), "--html", str(out / "r.html")]
    if case == "input":
        classified = str(tmp_path / "nope.tif")
    elif case == "reference":
        reference = str(tmp_path / "nope.gpkg")
    elif case == "table":
        extra = ["--table", str(out / "m.txt")]
    elif case == "html":
        extra = ["--html", str(out / "r.pdf")]
    elif case == "class_field":
        extra += ["--class-field", "nope"]
    elif case == "no_overlap":  # a raster far from the polygons
        from osgeo import gdal

        far = gdal.Translate(str(tmp_path / "far.tif"), str(MASK), outputBounds=[0, 64, 64, 0], width=64, height=64)
        far = None  # noqa: F841 - closes the file
        classified = str(tmp_path / "far.tif")
    rc = main(["evaluate", classified, reference, *extra])
    captured = capsys.readouterr()
    assert rc == 1
    lines = [line for line in captured.err.splitlines() if not line.startswith("evaluate: ")]
    assert len(lines) == 1 and lines[0].startswith(expected.format(tmp=tmp_path, mask=MASK)), captured.err
    assert captured.out == ""
    assert list(out.iterdir()) == []


def test_train_ctrl_c_exits_130_and_leaves_no_model(crop, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "remotenet", "train", str(crop), str(FOOTPRINTS),
                             str(out / "m.safetensors"), "--tile-size", "64", "--max-minutes", "5", "--device", "cpu",
                             "--encoder", "resnet18"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stderr:  # training has started
            lines.append(line)
            if line.startswith("Training on"):
                break
        proc.send_signal(signal.SIGINT)
        stdout, rest = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = "".join(lines) + rest
    assert proc.returncode == 130, err
    assert "no model file was written" in err and "Traceback" not in err, err
    assert stdout == ""
    assert list(out.iterdir()) == []


def test_train_on_a_few_polygons_says_how_much_of_the_decoder_it_keeps(capsys, tmp_path):
    """10 m Sentinel-2 and its polygons (validation too small to choose, spectral head on by the
    pixel size): the log says the share of the decoder kept, the model file records it, and the
    last line says there is no held-out score."""
    from remotenet.model import read_metadata

    model = tmp_path / "landcover.safetensors"
    rc = main(["train", str(DATA / "virginia_s2_bgrn_10m.tif"), str(DATA / "virginia_s2_polygons.gpkg"), str(model),
               "--class-field", "class", "--epochs", "1", "--max-minutes", "0.1", "--batch-size", "2",
               "--device", "cpu"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert "Spectral head: on" in captured.err
    assert ("25 % of the decoder's output is kept beside the spectral head (labels too few for validation to "
            "choose)") in captured.err, captured.err
    assert "no held-out validation score" in captured.out
    assert read_metadata(model)["provenance"]["training"]["decoder_weight"] == {"weight": 0.25,
                                                                               "chosen_by": "few_labels"}

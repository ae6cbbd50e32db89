"""`python -m remotenet segment` (the command line without QGIS) and `pip install .` (the `remotenet`
package and command for servers and Dask workers)."""
from __future__ import annotations

import configparser
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import zipfile
from dataclasses import fields
from pathlib import Path

import pytest
from conftest import DATA, ROOT, crop_raster

from remotenet.__main__ import main
from remotenet.remotenet_plugin.cli_progress import TextProgress
from remotenet.remotenet_plugin.engine.base.options import SegmentOptions
from remotenet.remotenet_plugin.segment_cli import Interrupts, build_parser

FAST = ["--device", "cpu", "--precision", "fp32", "--runtime", "torch"]
NOT_ON_THE_COMMAND_LINE = {"cache_dir"}  # $REMOTENET_CACHE_DIR covers it


def _python(*args: str, cwd: Path | None = None, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, **kw)


def test_help_lists_every_option_and_does_not_import_torch():
    done = _python("-c", "import sys\nfrom remotenet.__main__ import main\n"
                   "try:\n    main(['segment', '--help'])\nexcept SystemExit as stop:\n    print('exit', stop.code)\n"
                   "print('torch imported' if 'torch' in sys.modules else 'no torch')")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("exit 0\nno torch"), done.stdout[-300:]
    for flag in ("--vector", "--confidence", "--scheduler", "--chunk", "--tile-size", "--bands", "--window",
                 "--extent", "--tls-ca-file", "{auto,fp32,bf16,fp16,int8}", "docs/cluster.md"):
        assert flag in done.stdout, flag
    # Every engine option has its command-line option, so the two cannot drift apart unnoticed.
    _parser, names = build_parser()
    missing = {f.name for f in fields(SegmentOptions)} - set(names) - NOT_ON_THE_COMMAND_LINE
    assert not missing, f"SegmentOptions fields without a command-line option: {missing}"


def test_usage_errors_exit_2(capsys, model_1band, pan_raster, tmp_path):
    done = _python("-m", "remotenet")
    assert done.returncode == 2 and "segment" in done.stderr
    with pytest.raises(SystemExit) as stop:
        main(["segment", str(pan_raster), str(model_1band), str(tmp_path / "o.tif"), "--batch-size", "x"])
    assert stop.value.code == 2
    assert "--batch-size: invalid int value: 'x'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:  # TLS files without a scheduler would be silently ignored
        main(["segment", str(pan_raster), str(model_1band), str(tmp_path / "o.tif"), "--tls-cert", "c.pem"])
    assert stop.value.code == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("case, expected", [
    ("missing_input", "error: INPUT: {tmp}/nope.tif cannot be opened as a raster: there is no such file"),
    ("wrong_band", "error: --bands: the raster has 1 band(s) (1..1); it has no band 2"),
    ("missing_model", "error: MODEL: {tmp}/nope.safetensors: no such model file"),
    ("small_tile", "error: --tile-size: 8 is too small; use at least 32 pixels"),
    ("window_shape", "error: --window: (0, 0, 64) must be (xoff, yoff, xsize, ysize)"),
])
def test_bad_input_exits_1_with_one_line_and_no_files(capsys, model_1band, pan_raster, tmp_path, case, expected):
    out = tmp_path / "out"
    out.mkdir()
    source, model, extra = str(pan_raster), str(model_1band), []
    if case == "missing_input":
        source = str(tmp_path / "nope.tif")
    elif case == "missing_model":
        model = str(tmp_path / "nope.safetensors")
    else:
        extra = {"wrong_band": ["--bands", "2"], "small_tile": ["--tile-size", "8"],
                 "window_shape": ["--window", "0,0,64"]}[case]
    rc = main(["segment", source, model, str(out / "c.tif"), "--vector", str(out / "c.gpkg"), *extra])
    captured = capsys.readouterr()
    assert rc == 1
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected.format(tmp=tmp_path)), captured.err
    assert captured.out == ""
    assert list(out.iterdir()) == []


def test_bad_input_in_a_real_process_has_no_traceback(model_1band, tmp_path):
    done = _python("-m", "remotenet", "segment", str(DATA / "atlanta_pan_0p5m.tif"), str(model_1band),
                   str(tmp_path / "c.txt"), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("error: OUTPUT_RASTER: ") and done.stderr.count("\n") == 1, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_segment_writes_raster_vector_and_confidence(capsys, model_1band, pan_raster, tmp_path):
    from osgeo import gdal, ogr

    raster, vector, conf = tmp_path / "classes.tif", tmp_path / "classes.gpkg", tmp_path / "conf.tif"
    rc = main(["segment", str(pan_raster), str(model_1band), str(raster), "--vector", str(vector),
               "--confidence", str(conf), "--window", "8,0,96,80", "--layer-name", "buildings", *FAST])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert captured.out.count("\n") == 1 and captured.out.startswith(f"{raster}: 96 x 80 px, 3 classes"), captured.out
    assert "segment: 100% done" in captured.err  # not a terminal: a line per 10 %
    ds = gdal.Open(str(raster))
    assert (ds.RasterXSize, ds.RasterYSize) == (96, 80)
    assert ds.GetRasterBand(1).GetColorTable() is not None
    assert ds.GetMetadataItem("REMOTENET_WINDOW") == "8,0,96,80"
    assert gdal.Open(str(conf)).GetRasterBand(1).DataType == gdal.GDT_Float32
    polygons = ogr.Open(str(vector))  # kept: a layer dies with its dataset
    layer = polygons.GetLayerByName("buildings")
    assert layer is not None and layer.GetFeatureCount() > 0
    assert {layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())} \
        >= {"class_id", "class_name", "area_m2", "mean_confidence"}
    assert (tmp_path / "classes.qml").is_file()


def test_ctrl_c_cancels_cleans_up_and_exits_130(model_1band, tmp_path):
    """SIGINT during a run: the engine is asked to cancel, removes its partial files, exit 130."""
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "remotenet", "segment", str(DATA / "atlanta_pan_0p5m.tif"), str(model_1band),
         str(out / "c.tif"), "--vector", str(out / "c.gpkg"), "--overlap", "16", *FAST],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stderr:  # the first progress line: tiles are running
            lines.append(line)
            if "tiles on" in line:
                break
        proc.send_signal(signal.SIGINT)
        stdout, rest = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = "".join(lines) + rest
    assert proc.returncode == 130, err
    assert "cancelled" in err and "Traceback" not in err and "reentrant" not in err, err
    assert "SIGINT: cancelling" in err, err
    assert stdout == ""
    assert list(out.iterdir()) == []


def test_signal_handler_only_records_and_the_notice_comes_from_the_polling_code():
    """Writing from a signal handler can land inside the progress bar's own write to stderr, which
    Python refuses ("reentrant call"): the handler records, the engine's next poll says it."""
    said = []
    interrupts = Interrupts(said.append)
    assert not interrupts.cancelled()
    interrupts._handle(signal.SIGINT, None)
    assert said == []  # nothing written from the handler
    assert interrupts.cancelled() and interrupts.cancelled()
    assert said == ["SIGINT: cancelling, removing partial outputs (press Ctrl-C again to stop at once)"]
    with pytest.raises(KeyboardInterrupt):  # a second Ctrl-C stops at once
        interrupts._handle(signal.SIGINT, None)
    assert interrupts.signal == signal.SIGINT and interrupts.stop_notice() == "stopped" and len(said) == 1
    term = Interrupts(said.append)
    with pytest.raises(KeyboardInterrupt):  # SIGTERM stops at once; main says so after the stop
        term._handle(signal.SIGTERM, None)
    assert term.signal == signal.SIGTERM and term.stop_notice().startswith("SIGTERM: stopped") and len(said) == 1


def test_text_progress_prints_every_ten_percent_or_redraws_one_line():
    plain = io.StringIO()
    bar = TextProgress(plain, interactive=False)
    for pct in range(0, 101, 5):
        bar.progress(pct, f"tiles {pct}")
    bar.log("a message")
    assert plain.getvalue().splitlines()[:2] == ["segment:   0% tiles 0", "segment:  10% tiles 10"]
    assert plain.getvalue().count("\n") == 12 and "\r" not in plain.getvalue()
    tty = io.StringIO()
    bar = TextProgress(tty, interactive=True)
    bar.progress(50, "tiles 5/10")
    bar.log("hello")
    bar.progress(100, "done")
    bar.finish()
    text = tty.getvalue()
    assert text.startswith("\rsegment [############............]  50% tiles 5/10")
    assert "\rhello\n\rsegment [" in text  # the bar is wiped, the message printed, the bar drawn again
    assert text.endswith("\n") and text.rstrip().endswith("100% done")  # spaces wipe the longer line's rest


def test_package_version_is_the_plugin_version():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M)
    assert version and version.group(1) == meta["general"]["version"]


def _copy_checkout(dst: Path) -> Path:
    """The source tree as a fresh checkout has it: no build leftovers, virtualenvs or outputs."""
    ignore = shutil.ignore_patterns(".git", ".venv", ".pkg", "build", "dist", "out", "*.egg-info", "__pycache__",
                                    ".pytest_cache", ".ruff_cache", "*.aux.xml")
    return Path(shutil.copytree(ROOT, dst, ignore=ignore, symlinks=True))


def test_pip_wheel_installs_the_package_and_the_remotenet_command(model_1band, tmp_path):
    t0 = time.monotonic()
    src = _copy_checkout(tmp_path / "src")
    wheels = tmp_path / "wheels"
    done = _python("-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), cwd=src,
                   timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = wheels.glob("remotenet-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = zf.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "remotenet = remotenet.__main__:main" in entry_points
    assert not [n for n in names if n.startswith(("remotenet/tests/", "remotenet/scripts/", "remotenet/docs/"))]
    assert {"remotenet/resources/icon.svg", "remotenet/resources/models/remotenet_demo_buildings.safetensors",
            "remotenet/remotenet_plugin/segment_cli.py"} <= names
    # Every Python package of the checkout is in the wheel (a new subpackage must join pyproject's list).
    for init in list((ROOT / "model").rglob("__init__.py")) + list((ROOT / "remotenet_plugin").rglob("__init__.py")):
        assert "remotenet/" + init.relative_to(ROOT).as_posix() in names, init

    # A fresh venv from the base interpreter (GDAL from the system); the wheel without its dependencies,
    # which come from this environment's site-packages through a .pth file (no network here).
    venv = tmp_path / "venv"
    base = getattr(sys, "_base_executable", None) or shutil.which("python3")
    subprocess.run([base, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True)
    vpython = venv / "bin" / "python"
    done = _python("-m", "pip", "--python", str(vpython), "install", "--no-deps", "--no-index", "-q", str(wheel))
    assert done.returncode == 0, done.stderr[-2000:]
    purelib = subprocess.run([str(vpython), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "dependencies_from_test_env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # A server has no QGIS: a `qgis` that refuses to import, ahead of the system's, proves the command needs none.
    Path(purelib, "qgis").mkdir()
    Path(purelib, "qgis", "__init__.py").write_text("raise ImportError('the command line must not import qgis')\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(list(args), capture_output=True, text=True, cwd=elsewhere, env=env, timeout=300)

    where = run(str(vpython), "-c", "import remotenet; print(remotenet.__file__)")
    assert where.stdout.strip().startswith(str(venv)), where.stdout + where.stderr
    command = venv / "bin" / "remotenet"
    helped = run(str(command), "segment", "--help")
    assert helped.returncode == 0 and helped.stdout.startswith("usage: remotenet segment"), helped.stderr
    crop = crop_raster(DATA / "atlanta_pan_0p5m.tif", elsewhere / "crop.tif", 300, 300, 64)
    ran = run(str(command), "segment", str(crop), str(model_1band), "classes.tif", "--vector", "classes.gpkg", *FAST)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("classes.tif: 64 x 64 px")
    assert (elsewhere / "classes.tif").is_file() and (elsewhere / "classes.gpkg").is_file()
    print(f"wheel build, venv, install and run: {time.monotonic() - t0:.1f} s")

"""Bad and unusual inputs, one table: each bad case must fail with a one-line message that names
what is wrong and what to do, leave no file behind and keep a file already at the output path
byte for byte; each unusual-but-valid case must run and say in the log what it assumed.

Every case runs through the Python engine (segment()) and processing.run; a handful also through
qgis_process (each start costs seconds). docs/bad_inputs.md lists what each case gets.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np
import pytest
from engine_helpers import mount_small_tmpfs, pixel_model, unmount, write_raster
from osgeo import gdal, osr

# Every case that runs in this process runs twice: GDAL's exception mode off (QGIS 3.22) and on
# (QGIS 3.40+ Processing turns it on for the whole process). qgis_process runs in its own process,
# with the mode its QGIS sets: the matrix (make test-matrix) runs it on 3.22, 3.40 and 3.44.
both_gdal_modes = pytest.mark.usefixtures("gdal_exception_mode")

ROOT = Path(__file__).resolve().parents[1]
ALG = "remotenet:segment"
PREVIOUS = b"a file that was here before the run\n"


# ----- the files each case is made of --------------------------------------------------------------

@dataclass
class Kit:
    """Small real files for one test: the fixtures' rasters and models, and folders for outputs."""
    tmp: Path
    pan: str  # 128 x 128 UInt16, EPSG:32616, nodata 0
    s2: str  # 96 x 96, 4 bands
    m1: str  # one band, three classes, tile 64
    m3: str  # three bands (3, 2, 1)

    @property
    def out_dir(self) -> Path:
        folder = self.tmp / "out"
        folder.mkdir(exist_ok=True)
        return folder

    def raster(self, name: str, data: np.ndarray, **kwargs: Any) -> str:
        return write_raster(str(self.tmp / name), data, **kwargs)


def small(dtype=np.uint16, size: int = 40, bands: int = 1, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (rng.random((bands, size, size)) * 1000 + 1).astype(dtype)


def rewrite_model(src: str, dst: Path, meta_edit: Optional[Callable[[dict], Any]] = None,
                  tensor_edit: Optional[Callable[[dict], Any]] = None) -> str:
    """A copy of a model file with its header or weights changed, bypassing save_model's checks."""
    from safetensors import safe_open
    from safetensors.torch import load_file, save_file

    with safe_open(src, "pt") as fh:
        meta = json.loads(fh.metadata()["remotenet"])
    tensors = load_file(src)
    if meta_edit:
        meta_edit(meta)
    if tensor_edit:
        tensor_edit(tensors)
    save_file(tensors, str(dst), metadata={"remotenet": json.dumps(meta)})
    return str(dst)


def raw_safetensors(dst: Path, header: bytes) -> str:
    dst.write_bytes(struct.pack("<Q", len(header)) + header)
    return str(dst)


@dataclass
class Bad:
    """A run that must be refused. ``options`` are the engine's, ``params`` QGIS's overrides; None
    means the case does not apply to that front end (say why where it is built)."""
    expect: str  # "PARAMETER: a piece of the detail"
    source: str
    model: str
    options: Optional[dict] = field(default_factory=dict)
    params: Optional[dict] = field(default_factory=dict)
    output: Optional[str] = None  # default: out/classes.tif


def _set(meta: dict, **values: Any) -> None:
    meta.update(values)


def bad_cases(k: Kit) -> dict[str, Callable[[], Bad]]:
    """name -> builder (built lazily: each test builds only its own case)."""
    m1, pan = k.m1, k.pan

    def complex_raster() -> Bad:
        path = str(k.tmp / "complex.tif")
        ds = gdal.GetDriverByName("GTiff").Create(path, 40, 40, 1, gdal.GDT_CFloat32)
        ds.SetGeoTransform((0, 1, 0, 40, 0, -1))
        ds.GetRasterBand(1).WriteArray(np.ones((40, 40), dtype=np.complex64))
        ds = None
        return Bad("BANDS: band 1 has data type CFloat32", path, m1)

    def vrt_missing() -> Bad:
        part = k.raster("part.tif", small())
        vrt = str(k.tmp / "mosaic.vrt")
        gdal.BuildVRT(vrt, [part])
        os.remove(part)
        return Bad("INPUT: part.tif, which does not exist", vrt, m1)

    def truncated_tiff() -> Bad:
        path = str(k.tmp / "truncated.tif")
        ds = gdal.GetDriverByName("GTiff").Create(path, 160, 160, 1, gdal.GDT_UInt16, ["TILED=YES", "BLOCKXSIZE=32",
                                                                                       "BLOCKYSIZE=32"])
        ds.SetGeoTransform((0, 1, 0, 160, 0, -1))
        ds.GetRasterBand(1).WriteArray((np.arange(160 * 160).reshape(160, 160) % 900 + 1).astype(np.uint16))
        ds = None
        size = os.path.getsize(path)
        with open(path, "r+b") as fh:  # the directory sits at the start: the file opens, reads fail later
            fh.truncate(size // 2)
        return Bad("INPUT: reading pixels failed", path, m1, {"tile_size": 64}, {"TILE_SIZE": 64})

    def header_classes() -> Bad:
        bad = rewrite_model(m1, k.tmp / "four_classes.safetensors", lambda m: m["classes"].append(
            {"value": 3, "name": "extra", "color": [1, 2, 3]}))
        return Bad("MODEL: ", pan, bad)

    def header_bands() -> Bad:
        def edit(m):
            m.update(in_channels=2, bands=[{"index": 1, "name": "a"}, {"index": 1, "name": "b"}])
            m["input"].update(mean=[0.5, 0.5], std=[0.2, 0.2])
        return Bad("MODEL: ", pan, rewrite_model(m1, k.tmp / "two_bands.safetensors", edit))

    def header_architecture() -> Bad:
        return Bad("MODEL: ", pan, rewrite_model(m1, k.tmp / "arch.safetensors",
                                                 lambda m: _set(m, architecture="unet-resnet34")))

    def nan_weights() -> Bad:
        def edit(t):
            key = next(name for name, v in t.items() if v.is_floating_point() and v.numel() > 10)
            t[key][0] = float("nan")
        return Bad("MODEL: ", pan, rewrite_model(m1, k.tmp / "nan.safetensors", tensor_edit=edit))

    def inf_weights() -> Bad:
        def edit(t):
            t["Decoder.FRM.head.weight"][0] = float("inf")
        return Bad("MODEL: ", pan, rewrite_model(m1, k.tmp / "inf.safetensors", tensor_edit=edit))

    def truncated_header() -> Bad:
        data = Path(m1).read_bytes()
        dst = k.tmp / "cut_header.safetensors"
        dst.write_bytes(data[:200])
        return Bad("MODEL: ", pan, str(dst))

    def truncated_weights() -> Bad:
        data = Path(m1).read_bytes()
        dst = k.tmp / "cut_weights.safetensors"
        dst.write_bytes(data[: len(data) * 2 // 3])
        return Bad("MODEL: ", pan, str(dst))

    def huge_header() -> Bad:
        header = json.dumps({"__metadata__": {"remotenet": json.dumps({"x": "y" * (6 << 20)})}}).encode()
        return Bad("MODEL: ", pan, raw_safetensors(k.tmp / "huge.safetensors", header))

    def deep_header() -> Bad:
        header = b'{"__metadata__": {"remotenet": "{}"}, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
        return Bad("MODEL: ", pan, raw_safetensors(k.tmp / "deep.safetensors", header))

    def deep_remotenet_header() -> Bad:
        inner = '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"
        header = json.dumps({"__metadata__": {"remotenet": inner}}).encode()
        return Bad("MODEL: ", pan, raw_safetensors(k.tmp / "deep_inner.safetensors", header))

    def pth_wrong_shapes() -> Bad:
        import torch
        from safetensors.torch import load_file

        state = load_file(m1)
        key = "Decoder.FRM.head.weight"
        state["Encoder.Encoder.patch_embed.proj.bias"] = torch.zeros(7)
        state[key] = state[key]  # head intact: the network is built, then the bias does not fit
        path = k.tmp / "wrong_shapes.pth"
        torch.save(state, path)
        return Bad("MODEL: ", pan, str(path))

    def pth_other_architecture() -> Bad:
        import torch

        path = k.tmp / "resnet_like.pth"
        torch.save(torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3), torch.nn.Conv2d(8, 2, 1)).state_dict(), path)
        return Bad("MODEL: ", pan, str(path))

    def pth_zip_bomb() -> Bad:
        import zipfile

        path = k.tmp / "bomb.pth"
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("archive/data.pkl", b"\x80\x02}q\x00.")
            with zf.open("archive/data/0", "w", force_zip64=True) as fh:
                chunk = bytes(1 << 20)
                for _ in range(64):  # 64 MiB of zeros in 64 kB: a bomb's ratio at a test's size
                    fh.write(chunk)
        return Bad("MODEL: ", pan, str(path))

    def multi_gb_model() -> Bad:
        path = k.tmp / "huge.pth"
        with open(path, "wb") as fh:  # sparse: costs no disk
            fh.write(b"PK\x03\x04")
            fh.truncate(5 << 30)
        return Bad("MODEL: ", pan, str(path))

    def duplicate_classes() -> Bad:
        def edit(m):
            m["classes"][2]["value"] = 1
        return Bad("MODEL: ", pan, rewrite_model(m1, k.tmp / "dup.safetensors", edit))

    def colour_out_of_range() -> Bad:
        def edit(m):
            m["classes"][1]["color"] = [300, 0, -1]
        return Bad("MODEL: ", pan, rewrite_model(m1, k.tmp / "colour.safetensors", edit))

    def colour_not_numbers() -> Bad:
        def edit(m):
            m["classes"][1]["color"] = ["red", True, 0]
        return Bad("MODEL: ", pan, rewrite_model(m1, k.tmp / "colour_text.safetensors", edit))

    def extent_outside() -> Bad:
        return Bad("EXTENT: ", pan, m1, {"extent": (0.0, 0.0, 10.0, 10.0)},
                   {"EXTENT": "0,10,0,10 [EPSG:32616]"})

    def extent_subpixel() -> Bad:
        gt = gdal.Open(pan).GetGeoTransform()
        x, y = gt[0] + 10.1 * gt[1], gt[3] + 10.1 * gt[5]
        return Bad("EXTENT: ", pan, m1, {"extent": (x, y - 0.1, x + 0.1, y)},
                   {"EXTENT": f"{x},{x + 0.1},{y - 0.1},{y} [EPSG:32616]"})

    def extent_other_crs() -> Bad:
        # The engine takes the raster's CRS: degrees on a UTM raster fall far outside it. (QGIS
        # converts an extent in another CRS: see test_extent_in_another_crs_is_converted_by_qgis.)
        return Bad("EXTENT: ", pan, m1, {"extent": (-84.4, 33.7, -84.39, 33.71)}, None)

    def duplicate_bands() -> Bad:
        return Bad("BANDS: ", k.s2, k.m3, {"bands": [1, 1, 2]}, {"BANDS": [1, 1, 2]})

    def band_out_of_range() -> Bad:
        return Bad("BANDS: ", k.s2, k.m3, {"bands": [1, 2, 9]}, {"BANDS": [1, 2, 9]})

    def overlap_half() -> Bad:
        return Bad("OVERLAP: ", pan, m1, {"tile_size": 64, "overlap": 32}, {"TILE_SIZE": 64, "OVERLAP": 32})

    def min_area_negative() -> Bad:
        return Bad("MIN_AREA: ", pan, m1, {"min_area": -1.0}, {"MIN_AREA": -1.0})

    def simplify_negative() -> Bad:
        return Bad("SIMPLIFY: ", pan, m1, {"simplify": -0.5}, {"SIMPLIFY": -0.5})

    def batch_zero() -> Bad:
        return Bad("BATCH_SIZE: ", pan, m1, {"batch_size": 0}, {"BATCH_SIZE": 0})

    def batch_million() -> Bad:
        return Bad("BATCH_SIZE: ", pan, m1, {"batch_size": 1_000_000}, {"BATCH_SIZE": 1_000_000})

    def output_is_input() -> Bad:
        copy = str(k.tmp / "scene.tif")
        shutil.copy(pan, copy)
        return Bad("OUTPUT_RASTER: ", copy, m1, output=copy)

    def raster_and_confidence_one_path() -> Bad:
        out = str(k.out_dir / "classes.tif")
        return Bad("OUTPUT_CONFIDENCE: ", pan, m1, {"output_confidence": out}, {"OUTPUT_CONFIDENCE": out})

    def missing_folder() -> Bad:
        return Bad("OUTPUT_RASTER: ", pan, m1, output=str(k.tmp / "no" / "such" / "classes.tif"))

    def shapefile_polygons() -> Bad:
        out = str(k.out_dir / "polygons.shp")
        return Bad("OUTPUT_VECTOR: ", pan, m1, {"output_vector": out}, {"OUTPUT_VECTOR": out})

    def csv_polygons() -> Bad:
        out = str(k.out_dir / "polygons.csv")
        return Bad("OUTPUT_VECTOR: ", pan, m1, {"output_vector": out}, {"OUTPUT_VECTOR": out})

    return {name: fn for name, fn in locals().items() if callable(fn) and not name.startswith("_")}


BAD_NAMES = [
    "complex_raster", "vrt_missing", "truncated_tiff", "header_classes", "header_bands", "header_architecture",
    "nan_weights", "inf_weights", "truncated_header", "truncated_weights", "huge_header", "deep_header",
    "deep_remotenet_header", "pth_wrong_shapes", "pth_other_architecture", "pth_zip_bomb", "multi_gb_model",
    "duplicate_classes", "colour_out_of_range", "colour_not_numbers", "extent_outside", "extent_subpixel",
    "extent_other_crs", "duplicate_bands", "band_out_of_range", "overlap_half", "min_area_negative",
    "simplify_negative", "batch_zero", "batch_million", "output_is_input", "raster_and_confidence_one_path",
    "missing_folder", "shapefile_polygons", "csv_polygons",
]


@pytest.fixture(scope="module", autouse=True)
def one_torch_thread():
    """One intra-op thread: on a shared, loaded 2-core machine torch's spinning worker threads make a
    40 x 40 tile take seconds instead of milliseconds."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture
def kit(tmp_path, pan_raster, s2_raster, model_1band, model_3band) -> Kit:
    return Kit(tmp_path, str(pan_raster), str(s2_raster), str(model_1band), str(model_3band))


# ----- what every failure must look like -----------------------------------------------------------

def snapshot(*folders: Path) -> dict[str, Any]:
    """Every file's bytes (a sparse multi-GB file: its size and time) under the folders."""
    files: dict[str, Any] = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    big = stat.st_size > 64 << 20
                    files[str(path)] = (stat.st_size, stat.st_mtime_ns) if big else path.read_bytes()
    return files


def plant_previous(output: str) -> None:
    """A file already at the output path (and its style sidecar), to be kept by a failed run."""
    path = Path(output)
    if path.parent.is_dir() and not path.exists() and os.access(path.parent, os.W_OK):
        path.write_bytes(PREVIOUS)
        path.with_suffix(".qml").write_bytes(PREVIOUS)


def assert_clean_failure(message: str, before: dict[str, Any], folders: list[Path], expect: str) -> None:
    assert expect in message, message
    assert "\n" not in message.strip(), message
    assert "Traceback" not in message and "File \"" not in message, message
    after = snapshot(*folders)
    assert sorted(after) == sorted(before), sorted(set(after) ^ set(before))
    for path, data in before.items():
        assert after[path] == data, f"{path} changed"


def qgis_message(err: BaseException) -> str:
    """Our line of a processing.run error (Processing puts "Unable to execute algorithm" above it)."""
    lines = [line for line in str(err).splitlines() if line.strip() and line.strip() != "Unable to execute algorithm"]
    return "\n".join(lines)


def processing_failure(k: Kit, case: Bad) -> str:
    import processing
    from qgis.core import QgsProcessingException

    output = case.output or str(k.out_dir / "classes.tif")
    plant_previous(output)
    params = {"INPUT": case.source, "MODEL": case.model, "OUTPUT_RASTER": output, **case.params}
    folders = [k.tmp]
    before = snapshot(*folders)
    with pytest.raises(QgsProcessingException) as info:
        processing.run(ALG, params)
    message = qgis_message(info.value)
    parameter, detail = case.expect.split(": ", 1)
    assert message.startswith(f"{parameter}: "), message
    assert_clean_failure(message, before, folders, detail)
    return message


ENGINE_FIELD = {"INPUT": "source", "MODEL": "model", "BANDS": "bands", "EXTENT": "extent", "OVERLAP": "overlap",
                "MIN_AREA": "min_area", "SIMPLIFY": "simplify", "BATCH_SIZE": "batch_size",
                "OUTPUT_RASTER": "output_raster", "OUTPUT_CONFIDENCE": "output_confidence",
                "OUTPUT_VECTOR": "output_vector"}


def engine_failure(k: Kit, case: Bad) -> str:
    from remotenet.remotenet_plugin.engine import EngineError, SegmentOptions, segment

    output = case.output or str(k.out_dir / "classes.tif")
    plant_previous(output)
    before = snapshot(k.tmp)
    with pytest.raises(EngineError) as info:
        segment(case.source, case.model, output, SegmentOptions(**case.options))
    err = info.value
    parameter, detail = case.expect.split(": ", 1)
    assert err.field == ENGINE_FIELD[parameter], (err.field, str(err))  # QGIS shows its parameter's name
    assert_clean_failure(err.detail, before, [k.tmp], detail)
    return str(err)


@both_gdal_modes
@pytest.mark.parametrize("name", BAD_NAMES)
def test_engine_refuses_with_one_line_and_keeps_files(kit, name):
    case = bad_cases(kit)[name]()
    if case.options is None:
        pytest.skip("not an engine case")
    engine_failure(kit, case)


@both_gdal_modes
@pytest.mark.parametrize("name", BAD_NAMES)
def test_processing_run_refuses_with_one_line_and_keeps_files(remotenet_provider, kit, name):
    case = bad_cases(kit)[name]()
    if case.params is None:
        pytest.skip("not a QGIS case")
    processing_failure(kit, case)


QGIS_PROCESS_CASES = ["truncated_tiff", "nan_weights", "deep_header", "raster_and_confidence_one_path"]


@pytest.mark.skipif(not shutil.which("qgis_process.bin") and not shutil.which("qgis_process"),
                    reason="qgis_process is not installed")
def test_qgis_process_refuses_a_handful(kit, tmp_path_factory):
    """One qgis_process start per case (seconds each): a representative handful."""
    env = dict(os.environ, REMOTENET_QGIS_PROFILE=str(tmp_path_factory.mktemp("qgis_process_profile")),
               OMP_NUM_THREADS="1")  # see one_torch_thread
    cases = bad_cases(kit)
    for name in QGIS_PROCESS_CASES:
        case = cases[name]()
        output = case.output or str(kit.out_dir / "classes.tif")
        plant_previous(output)
        args = [f"INPUT={case.source}", f"MODEL={case.model}", f"OUTPUT_RASTER={output}"]
        for key, value in case.params.items():
            args.append(f"{key}={','.join(map(str, value)) if isinstance(value, list) else value}")
        before = snapshot(kit.tmp)
        done = subprocess.run([str(ROOT / "scripts" / "qgis_process"), "run", ALG, "--", *args], env=env,
                              cwd=kit.out_dir, capture_output=True, text=True, timeout=120)
        text = done.stdout + done.stderr
        assert done.returncode != 0, (name, text)
        parameter, detail = case.expect.split(": ", 1)
        # qgis_process echoes the inputs, then "ERROR:" and our line, indented by a tab
        lines = [line.strip() for line in text.splitlines() if line.strip().startswith(f"{parameter}: ")]
        assert lines and detail in lines[-1], (name, text)
        assert "Traceback" not in text, (name, text)
        after = snapshot(kit.tmp)
        assert after == before, (name, sorted(set(after) ^ set(before)))
    # and one valid but unusual raster: it runs and the log says what was assumed
    source, out = _float_nan(kit, gdal.GDT_Float32), str(kit.out_dir / "from_floats.tif")
    done = subprocess.run([str(ROOT / "scripts" / "qgis_process"), "run", ALG, "--", f"INPUT={source}",
                           f"MODEL={kit.m1}", f"OUTPUT_RASTER={out}"], env=env, cwd=kit.out_dir,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "NaN and +-inf pixels are treated as nodata" in done.stdout, done.stdout


# ----- valid but unusual: runs, and the log says what was assumed ----------------------------------

def _rotated(k: Kit) -> str:
    return k.raster("rotated.tif", small(), geotransform=(1000.0, 0.8, 0.3, 5000.0, 0.3, -0.8))


def _palette(k: Kit) -> str:
    path = k.raster("paletted.tif", (small() % 4).astype(np.uint8), dtype=gdal.GDT_Byte)
    ds = gdal.Open(path, gdal.GA_Update)
    table = gdal.ColorTable()
    for i in range(4):
        table.SetColorEntry(i, (i * 60, 0, 0, 255))
    ds.GetRasterBand(1).SetColorTable(table)
    ds = None
    return path


def _float_nan(k: Kit, dtype) -> str:
    data = small(np.float32 if dtype == gdal.GDT_Float32 else np.float64)
    data[0, :5, :5] = np.nan
    data[0, 5, :5] = np.inf
    data[0, 6, :5] = -np.inf
    return k.raster(f"nan_{dtype}.tif", data, dtype=dtype)


def _signed(k: Kit, dtype, np_type) -> str:
    data = small(np.int32) - 500
    return k.raster(f"signed_{dtype}.tif", data.astype(np_type), dtype=dtype)


def _unicode_path(k: Kit) -> str:
    folder = k.tmp / "dossier spécial ü 地图"
    folder.mkdir()
    return write_raster(str(folder / "scène n°1 ß.tif"), small())


VALID: dict[str, tuple[Callable[[Kit], str], str, dict]] = {
    # name: (make the source, a piece of the log, engine options)
    "no_crs": (lambda k: k.raster("no_crs.tif", small(), epsg=None), "no CRS", {}),
    "no_georeferencing": (lambda k: k.raster("bare.tif", small(), epsg=None, geotransform=None),
                          "no georeferencing", {}),
    "rotated": (_rotated, "rotated", {}),
    "float32_nan_inf": (lambda k: _float_nan(k, gdal.GDT_Float32), "NaN", {}),
    "float64_nan_inf": (lambda k: _float_nan(k, gdal.GDT_Float64), "NaN", {}),
    "int16": (lambda k: _signed(k, gdal.GDT_Int16, np.int16), "signed", {}),
    "int32": (lambda k: _signed(k, gdal.GDT_Int32, np.int32), "signed", {}),
    "paletted": (_palette, "colour table", {}),
    "strip": (lambda k: k.raster("strip.tif", (np.arange(100_000, dtype=np.uint16) % 997 + 1)[None, None, :]),
              "1 pixel", {"tile_size": 4096, "batch_size": 32}),
    "tile_larger_than_raster": (lambda k: k.raster("little.tif", small(size=40)), "larger than", {"tile_size": 512}),
    "unicode_path": (_unicode_path, "", {}),
}


def _engine_run(source: str, out: str, options: dict, model=None):
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment

    logs: list[str] = []
    result = segment(source, model or pixel_model(1, 3, tile_size=64), out, SegmentOptions(**options),
                     log=logs.append)
    return result, "\n".join(logs)


@both_gdal_modes
@pytest.mark.parametrize("name", list(VALID))
def test_engine_runs_unusual_rasters_and_says_what_it_assumed(kit, name):
    make, said, options = VALID[name]
    source = make(kit)
    out = str(Path(source).with_name(Path(source).stem + " classes ü.tif"))
    result, log = _engine_run(source, out, dict(options, output_vector=out[:-4] + ".gpkg"))
    assert said in log, log
    ds = gdal.Open(out)
    src = gdal.Open(source)
    assert (ds.RasterXSize, ds.RasterYSize) == (src.RasterXSize, src.RasterYSize)
    classes = ds.GetRasterBand(1).ReadAsArray()
    assert set(np.unique(classes)) <= {0, 1, 2, 255}
    if name.startswith("float"):
        assert (classes[:7, :5] == 255).all() and (classes[7:] != 255).all()  # NaN and inf are nodata
    if name == "rotated":
        assert ds.GetGeoTransform() == pytest.approx(src.GetGeoTransform())
    if name == "no_crs":
        assert ds.GetProjection() == ""


@pytest.mark.parametrize("name", ["no_crs", "rotated", "float32_nan_inf", "int16", "paletted", "strip",
                                  "tile_larger_than_raster", "unicode_path"])
@both_gdal_modes
def test_processing_runs_unusual_rasters_and_logs_what_it_assumed(remotenet_provider, kit, name):
    import processing
    from conftest import recording_feedback

    make, said, options = VALID[name]
    source = make(kit)
    out = str(Path(source).with_name(Path(source).stem + " classes ü.tif"))

    if name == "strip":  # RemoteNet pads each 1-pixel tile to 32 rows: the engine test runs 1 x 100,000
        source = kit.raster("strip_short.tif", (np.arange(4000, dtype=np.uint16) % 997 + 1)[None, None, :])
    feedback = recording_feedback()
    params = {"INPUT": source, "MODEL": kit.m1, "OUTPUT_RASTER": out}
    if "tile_size" in options:
        params["TILE_SIZE"] = options["tile_size"]
    if "batch_size" in options:
        params["BATCH_SIZE"] = options["batch_size"]
    results = processing.run(ALG, params, feedback=feedback)
    assert results["OUTPUT_RASTER"] == out
    assert said in "\n".join(feedback.lines), feedback.lines
    assert gdal.Open(out).RasterXSize == gdal.Open(source).RasterXSize


@both_gdal_modes
def test_extent_in_another_crs_is_converted_by_qgis(remotenet_provider, kit):
    import processing

    ds = gdal.Open(kit.pan)
    gt = ds.GetGeoTransform()
    src = osr.SpatialReference(wkt=ds.GetProjection())
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_wgs = osr.CoordinateTransformation(src, wgs)
    (x0, y0, _), (x1, y1, _) = (to_wgs.TransformPoint(gt[0] + 20 * gt[1], gt[3] + 60 * gt[5]),
                                to_wgs.TransformPoint(gt[0] + 60 * gt[1], gt[3] + 20 * gt[5]))
    out = str(kit.out_dir / "part.tif")
    processing.run(ALG, {"INPUT": kit.pan, "MODEL": kit.m1, "OUTPUT_RASTER": out,
                         "EXTENT": f"{x0},{x1},{y0},{y1} [EPSG:4326]"})
    part = gdal.Open(out)
    assert 38 <= part.RasterXSize <= 44 and 38 <= part.RasterYSize <= 44


# ----- writing: unwritable folder, full disk -------------------------------------------------------

@pytest.fixture
def read_only_folder(tmp_path):
    folder = tmp_path / "read_only"
    if os.geteuid() == 0:  # root writes through permission bits: a read-only mount it is
        mount_small_tmpfs(folder, "ro,size=64k")
        yield folder
        unmount(folder)
    else:
        folder.mkdir()
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


@pytest.fixture
def full_disk(tmp_path):
    folder = tmp_path / "small_disk"
    mount_small_tmpfs(folder, "size=48k")
    yield folder
    unmount(folder)


@both_gdal_modes
def test_unwritable_folder_is_refused_before_work(remotenet_provider, kit, read_only_folder):
    case = Bad("OUTPUT_RASTER: ", kit.pan, kit.m1, output=str(read_only_folder / "classes.tif"))
    engine_failure(kit, case)
    processing_failure(kit, case)


@both_gdal_modes
def test_disk_full_while_writing_fails_at_the_write(remotenet_provider, kit, full_disk):
    from remotenet.remotenet_plugin.engine import EngineError, SegmentOptions, segment

    source = kit.raster("big.tif", small(size=384))
    output, conf = str(full_disk / "classes.tif"), str(full_disk / "confidence.tif")
    with pytest.raises(EngineError) as info:
        segment(source, pixel_model(1, 3, tile_size=128), output, SegmentOptions(output_confidence=conf))
    message = str(info.value)
    assert message.startswith("output_confidence: ") and "disk is full" in message and "\n" not in message, message
    assert not list(full_disk.iterdir()), list(full_disk.iterdir())

    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as info:
        processing.run(ALG, {"INPUT": source, "MODEL": kit.m1, "OUTPUT_RASTER": output,
                             "OUTPUT_CONFIDENCE": conf, "TILE_SIZE": 384, "DEVICE": 2})
    message = qgis_message(info.value)
    assert message.startswith("OUTPUT_CONFIDENCE: ") and "disk is full" in message and "\n" not in message, message
    assert not list(full_disk.iterdir()), list(full_disk.iterdir())


@both_gdal_modes
def test_disk_full_while_writing_polygons(kit, full_disk):
    from remotenet.remotenet_plugin.engine import EngineError, SegmentOptions, segment

    source = kit.raster("big.tif", small(size=384))
    output, polygons = str(kit.out_dir / "classes.tif"), str(full_disk / "polygons.gpkg")
    plant_previous(output)
    before = snapshot(kit.tmp)
    with pytest.raises(EngineError) as info:
        segment(source, pixel_model(1, 3, tile_size=128), output, SegmentOptions(output_vector=polygons))
    message = str(info.value)
    assert message.startswith("output_vector: ") and "disk is full" in message and "\n" not in message, message
    assert not list(full_disk.iterdir()), list(full_disk.iterdir())
    assert snapshot(kit.tmp) == before


@pytest.mark.skipif(not shutil.which("qgis_process.bin") and not shutil.which("qgis_process"),
                    reason="qgis_process is not installed")
@pytest.mark.parametrize("parameter", ["OUTPUT_CONFIDENCE", "OUTPUT_VECTOR"])
def test_disk_full_through_qgis_process(kit, full_disk, tmp_path_factory, parameter):
    """A full disk under qgis_process (QGIS 3.40+ runs it with GDAL exceptions on): one line naming
    the output, no traceback, nothing left on the disk or beside the other outputs."""
    source = kit.raster("big.tif", small(size=384))
    outputs = {"OUTPUT_RASTER": str(kit.out_dir / "classes.tif"), "OUTPUT_VECTOR": str(kit.out_dir / "polygons.gpkg"),
               "OUTPUT_CONFIDENCE": str(kit.out_dir / "confidence.tif")}  # Float32: more than the disk holds
    outputs[parameter] = str(full_disk / Path(outputs[parameter]).name)
    plant_previous(outputs["OUTPUT_RASTER"])
    before = snapshot(kit.tmp)
    env = dict(os.environ, REMOTENET_QGIS_PROFILE=str(tmp_path_factory.mktemp("qgis_process_profile")),
               OMP_NUM_THREADS="1")
    done = subprocess.run([str(ROOT / "scripts" / "qgis_process"), "run", ALG, "--", f"INPUT={source}",
                           f"MODEL={kit.m1}", "TILE_SIZE=384", "DEVICE=2",
                           *(f"{key}={value}" for key, value in outputs.items())],
                          env=env, cwd=kit.out_dir, capture_output=True, text=True, timeout=180)
    text = done.stdout + done.stderr
    assert done.returncode != 0, text
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith(f"{parameter}: ")]
    assert lines and "disk is full" in lines[-1], text
    assert "Traceback" not in text and "RuntimeError" not in text, text
    assert not list(full_disk.iterdir()), list(full_disk.iterdir())
    after = snapshot(kit.tmp)
    after.pop(source + ".aux.xml", None)  # QGIS's layer loading keeps the input's statistics there
    assert after == before


# ----- runtime: cancel, concurrency, CUDA out of memory --------------------------------------------

@both_gdal_modes
@pytest.mark.parametrize("stage", ["reading", "inference", "polygons"])
def test_cancel_at_each_stage_leaves_nothing_and_keeps_previous(kit, stage):
    from remotenet.remotenet_plugin.engine import SegmentCancelled, SegmentOptions, segment

    out = str(kit.out_dir / "classes.tif")
    plant_previous(out)
    before = snapshot(kit.tmp)
    state = {"text": ""}

    def progress(_pct, text):
        state["text"] = text

    def cancelled():
        if stage == "reading":
            return True
        if stage == "inference":
            return state["text"].startswith("tiles")
        return state["text"] == "polygons"

    with pytest.raises(SegmentCancelled):
        segment(kit.pan, pixel_model(1, 3, tile_size=32), out,
                SegmentOptions(output_vector=str(kit.out_dir / "polys.gpkg"), output_confidence=str(kit.out_dir /
                                                                                                      "conf.tif")),
                progress=progress, is_cancelled=cancelled)
    assert snapshot(kit.tmp) == before


@both_gdal_modes
def test_cancel_through_processing_keeps_previous(remotenet_provider, kit):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    out = str(kit.out_dir / "classes.tif")
    plant_previous(out)
    before = snapshot(kit.tmp)
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 0 else None)
    with pytest.raises(QgsProcessingException) as info:
        processing.run(ALG, {"INPUT": kit.pan, "MODEL": kit.m1, "OUTPUT_RASTER": out, "TILE_SIZE": 32,
                             "OUTPUT_VECTOR": str(kit.out_dir / "polys.gpkg")}, feedback=feedback)
    assert "cancelled" in str(info.value)
    assert snapshot(kit.tmp) == before


@both_gdal_modes
def test_two_runs_at_once_in_threads_agree_with_one_run(kit):
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment

    alone = str(kit.out_dir / "alone.tif")
    segment(kit.pan, pixel_model(1, 3, tile_size=32), alone)
    outs = [str(kit.out_dir / f"thread{i}.tif") for i in range(2)] + [str(kit.out_dir / "same.tif")] * 2
    errors: list[BaseException] = []

    def work(out: str) -> None:
        try:
            segment(kit.pan, pixel_model(1, 3, tile_size=32), out,
                    SegmentOptions(output_vector=out[:-4] + ".gpkg", batch_size=2))
        except BaseException as err:  # noqa: BLE001
            errors.append(err)

    threads = [threading.Thread(target=work, args=(out,)) for out in outs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    expected = gdal.Open(alone).ReadAsArray()
    for out in set(outs):
        assert np.array_equal(gdal.Open(out).ReadAsArray(), expected), out
    assert not [p for p in os.listdir(kit.out_dir) if p.startswith(".")]  # no temporaries left


@both_gdal_modes
def test_two_runs_at_once_in_two_processes(kit):
    code = f"""
import sys
sys.path.insert(0, {str(ROOT / 'tests')!r})
from engine_helpers import pixel_model
from remotenet.remotenet_plugin.engine import segment
import torch
torch.set_num_threads(1)
segment({kit.pan!r}, pixel_model(1, 3, tile_size=32), sys.argv[1])
print('done')
"""
    env = dict(os.environ)
    same = str(kit.out_dir / "same.tif")
    procs = [subprocess.Popen([sys.executable, "-c", code, same], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    from remotenet.remotenet_plugin.engine import segment

    alone = str(kit.out_dir / "alone.tif")
    segment(kit.pan, pixel_model(1, 3, tile_size=32), alone)
    assert np.array_equal(gdal.Open(same).ReadAsArray(), gdal.Open(alone).ReadAsArray())
    assert not [p for p in os.listdir(kit.out_dir) if p.startswith(".")]


@both_gdal_modes
def test_cuda_out_of_memory_halves_the_batch(monkeypatch):
    import torch

    from remotenet.remotenet_plugin.engine.infer.torch_runtime import Predictor

    class Greedy(torch.nn.Module):
        """Runs out of (simulated) GPU memory on more than two tiles at once."""
        def __init__(self):
            super().__init__()
            self.calls: list[int] = []

        def forward(self, x):
            self.calls.append(len(x))
            if len(x) > 2:
                raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
            return torch.zeros((len(x), 3, *x.shape[2:]))

    net = Greedy()
    logs: list[str] = []
    predictor = Predictor(net, torch.device("cpu"), "fp32", False, 8, logs.append)
    predictor.device = torch.device("cuda", 0)  # the fallback is for CUDA only; no GPU is touched below
    predictor.pinned = False
    predictor.channels_last = False
    monkeypatch.setattr(torch.cuda, "synchronize", lambda *a, **k: None)
    monkeypatch.setattr(torch.cuda, "empty_cache", lambda: None)
    monkeypatch.setattr(torch.Tensor, "to", lambda self, *a, **k: self)
    monkeypatch.setattr(torch.Tensor, "is_pinned", lambda self: True)
    probs = predictor(np.zeros((8, 1, 32, 32), dtype=np.float32))
    assert probs.shape == (8, 3, 32, 32)
    assert predictor.batch_size == 2 and net.calls[:3] == [8, 4, 2]
    assert any("out of memory" in line for line in logs), logs


# ----- training and evaluation labels --------------------------------------------------------------

X0, Y0 = 435730.0, 4179460.0  # write_raster's default origin (EPSG:32618, 10 m pixels)


def _box(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


INSIDE = [_box(X0 + 50, Y0 - 500, X0 + 400, Y0 - 100), _box(X0 + 500, Y0 - 900, X0 + 900, Y0 - 550)]


def _polygons(k: Kit, name: str, features: list, epsg: int = 32618, field_type: int = 0) -> str:
    from osgeo import ogr

    path = str(k.tmp / f"{name}.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("cls", field_type or ogr.OFTInteger))
    for wkt, value in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        if value is not None:
            feature.SetField("cls", value)
        layer.CreateFeature(feature)
    ds = None
    return path


def _in_wgs84(wkt: str) -> str:
    from osgeo import ogr

    utm, wgs = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32618)
    wgs.ImportFromEPSG(4326)
    for srs in (utm, wgs):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geom = ogr.CreateGeometryFromWkt(wkt)
    geom.Transform(osr.CoordinateTransformation(utm, wgs))
    return geom.ExportToWkt()


def label_cases(k: Kit) -> dict[str, tuple[str, Optional[str], Optional[str]]]:
    """name -> (labels, what training says or None when it runs, what evaluation says or None)."""
    from osgeo import ogr

    return {
        "no_overlap": (_polygons(k, "far", [(_box(X0 + 1e5, Y0, X0 + 1e5 + 100, Y0 + 100), 1)]),
                       "do not overlap", "do not overlap"),
        "other_crs": (_polygons(k, "wgs", [(_in_wgs84(INSIDE[0]), 1), (_in_wgs84(INSIDE[1]), 2)], epsg=4326),
                      None, None),
        "strings": (_polygons(k, "text", [(INSIDE[0], "roof"), (INSIDE[1], "lawn")], field_type=ogr.OFTString),
                    None, None),
        "nulls": (_polygons(k, "nulls", [(INSIDE[0], 1), (INSIDE[1], None)]), "only one class", None),
        "single_class": (_polygons(k, "single", [(INSIDE[0], 1), (INSIDE[1], 1)]), "only one class", None),
        "nothing_labelled": (_polygons(k, "empty", []), "no polygon with a class", "no polygon with a class"),
    }


@pytest.mark.parametrize("name", ["no_overlap", "other_crs", "strings", "nulls", "single_class",
                                  "nothing_labelled"])
@both_gdal_modes
def test_training_and_evaluation_labels(kit, name):
    from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips
    from remotenet.remotenet_plugin.engine.training.evaluate import EvaluationError, evaluate_classification
    from remotenet.remotenet_plugin.engine.training.labels import LabelsError

    raster = kit.raster("scene.tif", small(size=96))
    classified = kit.raster("classes.tif", (small(size=96) % 3).astype(np.uint8), dtype=gdal.GDT_Byte)
    labels, train_says, evaluate_says = label_cases(kit)[name]
    logs: list[str] = []
    if train_says:
        with pytest.raises(LabelsError) as info:
            prepare_training_chips(raster, labels, "cls", tile_size=32, log=logs.append)
        assert train_says in str(info.value) and "\n" not in str(info.value), str(info.value)
    else:
        chips = prepare_training_chips(raster, labels, "cls", tile_size=32, log=logs.append)
        assert len(chips.header["classes"]) == 2, chips.header["classes"]
    if evaluate_says:
        with pytest.raises(EvaluationError) as info:
            evaluate_classification(classified, labels, "cls")
        assert evaluate_says in str(info.value) and "\n" not in str(info.value), str(info.value)
    else:
        result = evaluate_classification(classified, labels, "cls")
        assert result.compared_pixels > 0
        if name == "other_crs":
            assert any("another CRS" in note for note in result.notes + logs), result.notes
        if name == "nulls":
            assert any("NULL" in note for note in result.notes), result.notes


@both_gdal_modes
def test_evaluation_warps_a_reference_on_another_grid(kit):
    from remotenet.remotenet_plugin.engine.training.evaluate import evaluate_classification

    classified = kit.raster("classes.tif", (small(size=96) % 3).astype(np.uint8), dtype=gdal.GDT_Byte)
    reference = kit.raster("reference.tif", (small(size=50) % 3).astype(np.uint8), dtype=gdal.GDT_Byte,
                           geotransform=(X0 + 5, 20.0, 0.0, Y0 - 5, 0.0, -20.0))
    result = evaluate_classification(classified, reference)
    assert result.compared_pixels > 0
    assert any("another grid" in note for note in result.notes), result.notes


@both_gdal_modes
@pytest.mark.parametrize("name", ["no_overlap", "nothing_labelled"])
def test_evaluate_and_train_through_processing_refuse_bad_labels(remotenet_provider, kit, name):
    import processing
    from qgis.core import QgsProcessingException

    classified = kit.raster("classes.tif", (small(size=96) % 3).astype(np.uint8), dtype=gdal.GDT_Byte)
    labels, train_says, evaluate_says = label_cases(kit)[name]
    before = snapshot(kit.tmp)
    with pytest.raises(QgsProcessingException) as info:
        processing.run("remotenet:evaluate", {"INPUT": classified, "REFERENCE": labels, "CLASS_FIELD": "cls",
                                              "OUTPUT_TABLE": str(kit.out_dir / "table.csv")})
    message = qgis_message(info.value)
    assert evaluate_says in message and "\n" not in message and "Traceback" not in message, message
    with pytest.raises(QgsProcessingException) as info:
        processing.run("remotenet:train", {"INPUT": classified, "LABELS": labels, "CLASS_FIELD": "cls",
                                           "OUTPUT_MODEL": str(kit.out_dir / "model.safetensors")})
    message = qgis_message(info.value)
    assert train_says in message and "\n" not in message and "Traceback" not in message, message
    assert snapshot(kit.tmp) == before


@both_gdal_modes
def test_two_segment_tasks_at_once_as_in_batch_mode(remotenet_provider, kit):
    """QGIS's batch mode runs one QgsProcessingAlgRunnerTask per row, on worker threads at once: two
    rows run together and agree; a third (a model whose bands the raster lacks) is refused up front."""
    import time

    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
    )
    from qgis.PyQt.QtCore import QCoreApplication

    rows = [({"INPUT": kit.pan, "MODEL": kit.m1, "TILE_SIZE": 32, "OUTPUT_RASTER": str(kit.out_dir / "a.tif")}, True),
            ({"INPUT": kit.pan, "MODEL": kit.m1, "TILE_SIZE": 32, "OUTPUT_RASTER": str(kit.out_dir / "b.tif")}, True),
            ({"INPUT": kit.pan, "MODEL": kit.m3, "OUTPUT_RASTER": str(kit.out_dir / "c.tif")}, False)]
    done: dict[int, bool] = {}
    keep = []
    for i, (params, expect_ok) in enumerate(rows):
        alg = QgsApplication.processingRegistry().createAlgorithmById(ALG)
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()
        ok, _message = alg.checkParameterValues(params, context)
        if not expect_ok:
            assert not ok  # the dialog refuses this row before it starts a task
            continue
        task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
        task.executed.connect(lambda success, _results, i=i: done.__setitem__(i, success))
        keep.append((alg, context, feedback, task))
        QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + 120
    while len(done) < 2 and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.05)
    assert done == {0: True, 1: True}, done
    a, b = (gdal.Open(str(kit.out_dir / name)).ReadAsArray() for name in ("a.tif", "b.tif"))
    assert np.array_equal(a, b)
    assert not (kit.out_dir / "c.tif").exists()

#!/usr/bin/env python3
"""The performance benchmark of the segment engine: every figure from one run, so they compare.

    scripts/bench --quick            # under 10 minutes on 2 CPU cores
    scripts/bench                    # full: larger end-to-end raster, real model in the memory runs
    scripts/bench --device cuda      # on a GPU machine

Inputs are built from ../shared/data (or tests/data): a VRT repeating the real Atlanta
panchromatic scene to the size needed (no disk cost), and the bundled trained demonstration
model (resources/models/remotenet_demo_buildings.safetensors, 1 band, 2 classes, tile 256).

Prints one JSON line per measurement ({"measure": ...}) and a final {"summary": ...} line:
  network_fp32_eager_mp_s   the plain PyTorch network (fp32, eager, NCHW) on real tiles of the scene
  network_fast_mp_s         PyTorch's fast path (precision "auto": bf16 + channels-last on native-bf16
                            CPUs) on the same tiles
  agreement_fast_vs_fp32    share of those tiles' pixels whose class agrees
  network_openvino_mp_s     OpenVINO (when installed, CPU) at the engine's precision on the same tiles;
                            agreement_openvino_vs_fp32, openvino_speedup_vs_fp32, openvino_convert_seconds
  end_to_end_mp_s           segment() with default settings (runtime auto, overlap blending, polygons
                            on): raster MP/s; end_to_end_vs_naive the ratio to naive_mp_s (both medians
                            of 3 rounds, alternating)
  engine_ceiling_mp_s       segment() with a null network (a per-pixel linear map from 4 bands to 6
                            classes as one batched matrix product, fp32) and 512 px tiles on a VRT
                            repeating the real Virginia scene: the engine's own ceiling;
                            engine_ceiling_cpu_s_per_mp its CPU seconds per megapixel (all threads).
                            engine_ceiling_conv1x1_* the same map as a 1x1 nn.Conv2d, with PyTorch's
                            default threads and with one thread (_one_thread): on more than one thread
                            PyTorch runs it through oneDNN, which costs more than the engine itself
                            (see docs/performance.md)
  seams_agreement_2x_tiles  share of the real scene's pixels whose class is the same with the model's
                            tile size and with tiles twice as large (default overlap both)
  naive_mp_s                a GeoSeg-style reference: whole image in memory, non-overlapping tiles,
                            fp32 eager network, argmax, write (no blending, no polygons)
  pipeline_efficiency       network-only seconds for the tiles segment() computed / its wall seconds
  peak_rss_mb_4k/_16k       peak RSS of segment() on 4,000 and 16,000 px squares, each its own process
  polygonise_16k_seconds    polygonising a 16,000 px square of real class structure (the end-to-end
                            output repeated), against the network seconds that raster would need
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors"
SCENE = "atlanta_pan_0p5m.tif"
SECOND_SCENE = "vegas_pan_0p3m.tif"  # a second real panchromatic scene (0.3 m Las Vegas, tests/data)
CEILING_SCENE = "virginia_s2_bgrn_10m.tif"


def find_scene(data: str | None, name: str = SCENE) -> str:
    for folder in ([data] if data else []) + [str(ROOT.parent / "shared" / "data"), str(ROOT / "tests" / "data")]:
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return os.path.abspath(path)
    raise SystemExit(f"{name} not found in --data, ../shared/data or tests/data")


def emit(record: dict) -> None:
    print(json.dumps(record), flush=True)


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    fork and exec, so a child would report its parent's peak."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def repeat_vrt(path: str, size: int, source: str) -> str:
    """A size x size VRT repeating ``source`` (no disk cost)."""
    from remotenet.remotenet_plugin.engine.read.repeat_vrt import repeat_raster_vrt

    return repeat_raster_vrt(source, path, size)


# ---------------------------------------------------------------------------------------------
# Network alone on real tiles


def scene_tiles(scene: str, meta: dict, tile: int, overlap: int):
    """All tiles of the engine's grid over the real scene, normalised as the header says."""
    import numpy as np
    from osgeo import gdal

    from remotenet.remotenet_plugin.engine.read.source import Normaliser
    from remotenet.remotenet_plugin.engine.read.tiling import TileGrid

    ds = gdal.Open(scene)
    pixels = ds.ReadAsArray().reshape(ds.RasterCount, ds.RasterYSize, ds.RasterXSize)[: meta["in_channels"]]
    grid = TileGrid(ds.RasterXSize, ds.RasterYSize, tile, overlap)
    norm = Normaliser.from_meta(meta)
    out = np.empty((len(grid), meta["in_channels"], grid.th, grid.tw), dtype=np.float32)
    for i, t in enumerate(grid):
        norm(pixels[:, t.y:t.y + grid.th, t.x:t.x + grid.tw], out[i])
    return out


class NetworkTimer:
    """The engine's Predictor at one precision on fixed tiles: seconds per tile (network call only)
    and the per-pixel classes it gives (for agreement)."""

    def __init__(self, model_path: str, tiles, device, precision: str, batch: int, channels_last=None):
        import torch

        from remotenet.model import load_model
        from remotenet.remotenet_plugin.engine.infer.torch_runtime import Predictor

        net, _meta = load_model(model_path)
        self.predictor = p = Predictor(net, device, precision, False, batch)
        if channels_last is not None and channels_last != p.channels_last:
            p.channels_last = channels_last
            net.to(memory_format=torch.channels_last if channels_last else torch.contiguous_format)
        p.on_device = device.type == "cuda"
        self.x, self.batch, self.tile_mp = tiles, batch, tiles.shape[2] * tiles.shape[3] / 1e6
        if device.type == "cuda":
            self.x = p.allocate(tiles.shape)
            self.x[...] = tiles
        p(self.x[:batch])  # warm-up: kernels, oneDNN primitive cache, allocator
        self.rounds: list[float] = []
        self.classes = None

    def run(self) -> float:
        import numpy as np
        import torch

        p = self.predictor
        p.seconds = 0.0
        classes = []
        for i in range(0, len(self.x), self.batch):
            probs = p(self.x[i:i + self.batch])  # p.seconds counts the network call only
            classes.append(probs.argmax(1).to(torch.uint8).cpu().numpy() if isinstance(probs, torch.Tensor)
                           else probs.argmax(1).astype(np.uint8))
        self.classes = np.concatenate(classes)
        self.rounds.append(p.seconds / len(self.x))
        return self.rounds[-1]

    @classmethod
    def openvino(cls, model_path: str, tiles, precision: str, batch: int, cache: str,
                 calibration=None) -> NetworkTimer:
        """The same measurement through the engine's OpenVINO runtime (converted into ``cache``; int8:
        quantised there with ``calibration`` tiles, as segment() does with its raster's)."""
        from remotenet.model import load_model
        from remotenet.remotenet_plugin.engine.infer.openvino_runtime import OpenVINOPredictor

        self = cls.__new__(cls)
        net, _meta = load_model(model_path)
        key = hashlib.sha256(Path(model_path).read_bytes()).hexdigest()  # as segment() keys a model file
        self.predictor = OpenVINOPredictor(net, key, (batch, *tiles.shape[1:]), precision, False, cache,
                                           calibration=calibration)
        self.x, self.batch, self.tile_mp = tiles, batch, tiles.shape[2] * tiles.shape[3] / 1e6
        self.predictor(self.x[:batch])
        self.rounds, self.classes = [], None
        return self

    @property
    def seconds_per_tile(self) -> float:
        return statistics.median(self.rounds)

    @property
    def mp_s(self) -> float:
        return self.tile_mp / self.seconds_per_tile


# ---------------------------------------------------------------------------------------------
# The engine's own ceiling


E2E_ROUNDS = 3
CEILING_NETWORKS = {"null": True, "conv1x1": False}  # name -> pixel_model(matmul=...)


def engine_ceiling(size: int, folder: str, data: str | None, runs: int, torch_threads: int = 0,
                   network: str = "null") -> dict:
    """segment() with a network that costs almost nothing, 4 bands -> 6 classes, 512 px tiles, on a VRT
    repeating the real Virginia Sentinel-2 scene; no polygons. Median of ``runs``, after one untimed run.

    ``network`` "null": the per-pixel linear map as one batched matrix product (about one memory
    pass on any number of threads); "conv1x1": the same map as a 1x1 nn.Conv2d. With more than one
    thread PyTorch runs that convolution through oneDNN, padded to 16 channels with layout reorders,
    and it then costs more than the rest of the engine; on one thread (``torch_threads`` 1, restored
    after) it takes its native path. CPU seconds per megapixel (all threads of this process) are
    reported too: unlike MP/s they barely move with other processes' load."""
    import torch

    sys.path.insert(0, str(ROOT / "tests"))
    from engine_helpers import pixel_model

    from remotenet.remotenet_plugin.engine import SegmentOptions, segment

    vrt = repeat_vrt(os.path.join(folder, f"ceiling_{size}.vrt"), size, find_scene(data, CEILING_SCENE))
    model = pixel_model(4, 6, tile_size=512, scale=3000.0, matmul=CEILING_NETWORKS[network])
    threads_before = torch.get_num_threads()
    if torch_threads:
        torch.set_num_threads(torch_threads)
    walls, cpus, results = [], [], []
    try:
        # One untimed run first: the first run in a process pays page faults for the blender's band
        # and the batch buffers (up to 0.15 s of a 0.7 s run here), which no later run pays.
        segment(vrt, model, os.path.join(folder, "ceiling_warm_up.tif"), SegmentOptions())
        for i in range(runs):
            c0, t0 = os.times(), time.perf_counter()
            results.append(segment(vrt, model, os.path.join(folder, f"ceiling_{i}.tif"), SegmentOptions()))
            walls.append(time.perf_counter() - t0)
            c1 = os.times()
            cpus.append(c1.user + c1.system - c0.user - c0.system)
    finally:
        torch.set_num_threads(threads_before)
    best = walls.index(statistics.median_low(walls))
    r = results[best]
    megapixels = size * size / 1e6
    name = "engine_ceiling" + ("" if network == "null" else f"_{network}") + ("_one_thread" if torch_threads == 1
                                                                              else "")
    return {"measure": name, "network": network, "pixels": [size, size],
            "tile": r.tile_size, "overlap": r.overlap, "classes": 6, "runtime": r.runtime, "precision": r.precision,
            "torch_threads": torch_threads or threads_before, "runs_s": [round(w, 2) for w in walls],
            "mp_s": round(megapixels / walls[best], 3),
            "cpu_s_per_mp": round(statistics.median(cpus) / megapixels, 4),
            "stage_seconds": {k: round(v, 2) for k, v in r.stage_seconds.items()},
            "load_average_1min": load_average()}


CEILING_VARIANTS = (("null", 0), ("conv1x1", 0), ("conv1x1", 1))  # (network, PyTorch threads; 0 = default)


def ceiling_summary(records: list[dict]) -> dict:
    """engine_ceiling[_conv1x1][_one_thread]_{mp_s, cpu_s_per_mp}: medians over the records of each variant."""
    out = {}
    for name in dict.fromkeys(r["measure"] for r in records):
        mine = [r for r in records if r["measure"] == name]
        out[f"{name}_mp_s"] = round(statistics.median(r["mp_s"] for r in mine), 3)
        out[f"{name}_cpu_s_per_mp"] = round(statistics.median(r["cpu_s_per_mp"] for r in mine), 4)
    return out


def ceiling_only(args: argparse.Namespace) -> None:
    """The ceiling variants, alternating run by run, and their medians."""
    size = args.ceiling_size or (4096 if args.quick else 8192)
    with tempfile.TemporaryDirectory(prefix="remotenet_ceiling_") as tmp:
        records = []
        for _ in range(args.rounds):
            for network, threads in CEILING_VARIANTS:
                records.append(engine_ceiling(size, tmp, args.data, 1, threads, network))
                emit(records[-1])
    emit({"summary": {"ceiling_size": size, "rounds": args.rounds, "cpu": platform.processor() or platform.machine(),
                      **ceiling_summary(records), "load_average_1min_end": load_average(),
                      "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}})


# ---------------------------------------------------------------------------------------------
# The GeoSeg-style reference


def naive(source: str, model_path: str, out: str, tile: int, batch: int, device) -> float:
    """Whole image in memory, non-overlapping tiles (edges padded), fp32 eager, argmax, write."""
    import numpy as np
    import torch
    from osgeo import gdal

    from remotenet.model import load_model
    from remotenet.remotenet_plugin.engine.read.source import Normaliser

    start = time.perf_counter()
    net, meta = load_model(model_path)
    net.eval().to(device)
    ds = gdal.Open(source)
    w, h = ds.RasterXSize, ds.RasterYSize
    image = ds.ReadAsArray().reshape(-1, h, w)[: meta["in_channels"]]
    ph, pw = -h % tile, -w % tile
    image = np.pad(image, ((0, 0), (0, ph), (0, pw)), mode="reflect")
    x = np.empty(image.shape, dtype=np.float32)
    Normaliser.from_meta(meta)(image, x)
    del image
    classes = np.empty(x.shape[1:], dtype=np.uint8)
    coords = [(ty, tx) for ty in range(0, x.shape[1], tile) for tx in range(0, x.shape[2], tile)]
    with torch.inference_mode():
        for i in range(0, len(coords), batch):
            chunk = coords[i:i + batch]
            t = torch.from_numpy(np.stack([x[:, ty:ty + tile, tx:tx + tile] for ty, tx in chunk])).to(device)
            pred = net(t).argmax(1).to(torch.uint8).cpu().numpy()
            for (ty, tx), p in zip(chunk, pred):
                classes[ty:ty + tile, tx:tx + tile] = p
    out_ds = gdal.GetDriverByName("GTiff").Create(out, w, h, 1, gdal.GDT_Byte)
    out_ds.SetGeoTransform(ds.GetGeoTransform())
    out_ds.SetProjection(ds.GetProjection())
    out_ds.GetRasterBand(1).WriteArray(classes[:h, :w])
    out_ds = None
    return time.perf_counter() - start


# ---------------------------------------------------------------------------------------------
# int8: calibration as segment() does it, and the CPUs users have (ISA capped in a child process)

ISA_CAPS = ("AVX2_VNNI", "AVX512_CORE_VNNI", "AVX2")  # oneDNN's names; OpenVINO's CPU plugin honours the cap


def scene_calibration(scene: str, meta: dict, tile: int):
    """The engine's calibration tiles (read/calibration.py) of a real scene."""
    from osgeo import gdal

    from remotenet.remotenet_plugin.engine.infer.openvino_runtime import CALIBRATION_TILES
    from remotenet.remotenet_plugin.engine.read.calibration import calibration_tiles
    from remotenet.remotenet_plugin.engine.read.source import Normaliser

    ds = gdal.Open(scene)
    return calibration_tiles(ds, list(range(1, meta["in_channels"] + 1)), tile, tile, Normaliser.from_meta(meta),
                             CALIBRATION_TILES)


def primitive_isas(predictor) -> list[str]:
    """The kernels OpenVINO chose (the runtime model's primitive types, e.g. brgconv_avx2_I8): what shows
    whether an ISA cap took effect."""
    names = set()
    for op in predictor.compiled.get_runtime_model().get_ops():
        info = op.get_rt_info()
        if "primitiveType" in info:
            value = info["primitiveType"]
            names.add(str(value.astype(str) if hasattr(value, "astype") else getattr(value, "value", value)))
    return sorted(names)


def child_isa(isa: str, scene: str, tile: int, overlap: int, batch: int, cache: str, rounds: int) -> dict:
    """OpenVINO f32 against int8 with ONEDNN_MAX_CPU_ISA set by the parent (the int8 network quantised there
    already, in ``cache``): a CPU without AMX and AVX-512 BF16, as most QGIS users have."""
    from remotenet.model import read_metadata

    meta = read_metadata(str(MODEL))
    tiles = scene_tiles(scene, meta, tile, overlap)
    tiles = tiles[: max(batch, len(tiles) // batch * batch)]
    timers = {p: NetworkTimer.openvino(str(MODEL), tiles, p, batch, cache) for p in ("fp32", "int8")}
    for _ in range(rounds):
        for t in timers.values():
            t.run()
    kernels = {p: primitive_isas(t.predictor) for p, t in timers.items()}
    above = ("amx", "avx512") if "AVX2" in isa else ("amx",)
    # The cap is what the convolutions and matrix products run with; OpenVINO's fused element-wise
    # subgraphs (snippets, "jit_avx512_*") do not follow ONEDNN_MAX_CPU_ISA and are listed apart.
    heavy = [k for ks in kernels.values() for k in ks if k.startswith(("brg", "gemm", "jit_gemm")) or k.endswith("_I8")]
    capped = not any(a in k for k in heavy for a in above)
    return {"measure": f"isa_{isa.lower()}", "isa_cap": isa, "cap_took_effect": capped,
            "kernels_above_cap": sorted({k for ks in kernels.values() for k in ks if any(a in k for a in above)}),
            "fp32_mp_s": round(timers["fp32"].mp_s, 4), "int8_mp_s": round(timers["int8"].mp_s, 4),
            "int8_vs_fp32": round(timers["int8"].mp_s / timers["fp32"].mp_s, 2),
            "agreement_int8_vs_ov_fp32": round(float((timers["int8"].classes == timers["fp32"].classes).mean()), 5),
            "kernels_int8": [k for k in kernels["int8"] if k.lower().endswith("_i8")],
            "kernels_fp32": kernels["fp32"][:12], "load_average_1min": load_average()}


def small_rasters(scene: str, folder: str, count: int, size: int) -> list[str]:
    """``count`` real GeoTIFFs of ``size`` px cut from a VRT repeating the scene (as a batch of small orthophoto
    tiles would be)."""
    from osgeo import gdal

    side = math.ceil(math.sqrt(count))
    big = repeat_vrt(os.path.join(folder, "small_src.vrt"), side * size, scene)
    paths = []
    for i in range(count):
        path = os.path.join(folder, f"small_{i:02d}.tif")
        gdal.Translate(path, big, srcWin=[(i % side) * size, (i // side) * size, size, size],
                       creationOptions=["TILED=YES", "COMPRESS=DEFLATE"])
        paths.append(path)
    return paths


# ---------------------------------------------------------------------------------------------
# Child processes: peak memory of segment() and polygonising a large output


def child_memory(size: int, network: str, polygons: bool, scene: str, folder: str) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment

    vrt = repeat_vrt(os.path.join(folder, f"mem_{size}.vrt"), size, scene)
    if network == "pixel":
        from engine_helpers import pixel_model  # the engine author's 1x1-conv probe

        model = pixel_model(1, 2, tile_size=256, scale=2244.0)
    else:
        model = str(MODEL)
    before = peak_rss_mb()
    start = time.perf_counter()
    options = SegmentOptions(output_vector=os.path.join(folder, f"mem_{size}.gpkg") if polygons else None)
    result = segment(vrt, model, os.path.join(folder, f"mem_{size}.tif"), options)
    return {"measure": f"memory_{size}", "network": network, "polygons": polygons,
            "megapixels": result.width * result.height / 1e6, "seconds": round(time.perf_counter() - start, 2),
            "peak_rss_mb_before_segment": round(before, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
            "precision": result.precision, "stage_seconds": {k: round(v, 2) for k, v in result.stage_seconds.items()}}


def child_polygonise(classified: str, size: int, folder: str) -> dict:
    from osgeo import gdal

    from remotenet.model import read_metadata
    from remotenet.remotenet_plugin.engine.write.polygons import polygonise

    vrt = repeat_vrt(os.path.join(folder, f"classes_{size}.vrt"), size, classified)
    # The engine polygonises its own tiled, compressed GeoTIFF: make one, as segment() would have.
    tif = os.path.join(folder, f"classes_{size}.tif")
    t0 = time.perf_counter()
    gdal.Translate(tif, vrt, creationOptions=["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
    copy_s = time.perf_counter() - t0
    classes = read_metadata(str(MODEL))["classes"]
    t0 = time.perf_counter()
    n = polygonise(tif, os.path.join(folder, f"poly_{size}.gpkg"), "classes", classes, min_area=0.0, simplify=0.0,
                   confidence_path=None, confidence_type="float32",
                   scratch=lambda tag, suffix: os.path.join(folder, f"scratch_{tag}{suffix}"),
                   progress=lambda f: None, cancelled=lambda: False, log=lambda m: None)
    return {"measure": f"polygonise_{size}", "megapixels": size * size / 1e6, "polygons": n,
            "seconds": round(time.perf_counter() - t0, 2), "prepare_tif_seconds": round(copy_s, 2),
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def run_child(args: list[str], timeout: float, env: dict | None = None) -> dict:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})
    if proc.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------


def main() -> None:
    from osgeo import gdal

    gdal.UseExceptions()  # an explicit mode for this program (GDAL 3.9+ warns without one)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2048 px end-to-end; 1x1-conv network for memory runs")
    parser.add_argument("--data", help="folder holding atlanta_pan_0p5m.tif (default ../shared/data)")
    parser.add_argument("--size", type=int, help="end-to-end raster side in px (quick 2048, full 4096)")
    parser.add_argument("--device", default="cpu", help="cpu | cuda | auto")
    parser.add_argument("--batch-size", type=int, default=4, help="the engine's default is 4")
    parser.add_argument("--variants", default=None,
                        help="extra network-only variants: fp32_cl, bf16_nchw (default: both in the full run)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved timing rounds (median reported)")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-int8", action="store_true", help="no int8 and no ISA-capped measurements")
    parser.add_argument("--small-rasters", type=int, default=20, help="rasters of 512 px segmented in one process")
    parser.add_argument("--ceiling-size", type=int, help="side of the engine-ceiling raster (quick 4096, full 8192)")
    parser.add_argument("--ceiling-only", action="store_true",
                        help="only the engine ceiling variants (null network; 1x1 Conv2d on default and one PyTorch "
                             "thread), interleaved over --rounds")
    parser.add_argument("--poly-size", type=int, default=16000, help="side of the polygonising measurement")
    parser.add_argument("--json", help="also write the summary here")
    parser.add_argument("--_child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args._child:
        kind = args._child[0]
        if kind == "memory":
            size, network, polygons, scene, folder = args._child[1:]
            emit(child_memory(int(size), network, polygons == "1", scene, folder))
        elif kind == "isa":
            isa, scene, tile, overlap, batch, cache, rounds = args._child[1:]
            emit(child_isa(isa, scene, int(tile), int(overlap), int(batch), cache, int(rounds)))
        else:
            classified, size, folder = args._child[1:]
            emit(child_polygonise(classified, int(size), folder))
        return
    if args.ceiling_only:
        ceiling_only(args)
        return

    import torch
    from osgeo import gdal

    from remotenet.model import load_model, read_metadata
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment
    from remotenet.remotenet_plugin.engine.infer.openvino_runtime import nncf_importable, openvino_importable
    from remotenet.remotenet_plugin.engine.infer.torch_runtime import (
        cpu_has_native_bf16,
        describe_device,
        pick_device,
        pick_precision,
    )
    from remotenet.remotenet_plugin.engine.prepare.check import effective_tiling

    run_start = time.perf_counter()
    scene = find_scene(args.data)
    size = args.size or (2048 if args.quick else 4096)
    device = pick_device(args.device)
    meta = read_metadata(str(MODEL))
    tile, overlap = effective_tiling(meta, None, None)
    fast_precision = pick_precision("auto", device, load_model(str(MODEL))[0])
    env = {"measure": "environment", "date": dt.datetime.now().isoformat(timespec="seconds"),
           "machine": f"{platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores",
           "device": describe_device(device), "torch": torch.__version__, "torch_threads": torch.get_num_threads(),
           "cpu_native_bf16": cpu_has_native_bf16(), "load_average_1min": load_average(), "quick": args.quick,
           "model": MODEL.name, "scene": scene, "tile_size": tile, "overlap": overlap,
           "batch_size": args.batch_size, "fast_precision": fast_precision,
           "openvino": openvino_importable() and device.type == "cpu",
           "nncf": device.type == "cpu" and openvino_importable() and nncf_importable()}
    emit(env)

    with tempfile.TemporaryDirectory(prefix="remotenet_bench_") as tmp:
        ov_cache = os.path.join(tmp, "cache")  # a fresh cache: the conversion is measured too
        # 1. The network alone, on every tile of the engine's grid over the real scene.
        tiles = scene_tiles(scene, meta, tile, overlap)
        tiles = tiles[: max(args.batch_size, len(tiles) // args.batch_size * args.batch_size)]  # full batches only
        fp32 = NetworkTimer(str(MODEL), tiles, device, "fp32", args.batch_size, channels_last=False)
        fast = NetworkTimer(str(MODEL), tiles, device, fast_precision, args.batch_size)
        extra = {}
        variants = args.variants if args.variants is not None else ("" if args.quick else "fp32_cl,bf16_nchw")
        for variant in filter(None, variants.split(",")):
            precision, cl = {"fp32_cl": ("fp32", True), "bf16_nchw": ("bf16", False),
                             "bf16_cl": ("bf16", True)}[variant]
            extra[variant] = NetworkTimer(str(MODEL), tiles, device, precision, args.batch_size, channels_last=cl)
        ov = ov_convert_s = ov_fp32 = ov_int8 = int8_quantise_s = None
        if env["openvino"]:
            t0 = time.perf_counter()
            ov = NetworkTimer.openvino(str(MODEL), tiles, fast_precision, args.batch_size, ov_cache)
            ov_convert_s = round(time.perf_counter() - t0, 1)
            extra["openvino"] = ov
            if fast_precision != "fp32":
                extra["openvino_fp32"] = ov_fp32 = NetworkTimer.openvino(str(MODEL), tiles, "fp32", args.batch_size,
                                                                         ov_cache)
            else:
                ov_fp32 = ov
            if env["nncf"] and not args.skip_int8:
                t0 = time.perf_counter()
                ov_int8 = NetworkTimer.openvino(str(MODEL), tiles, "int8", args.batch_size, ov_cache,
                                                calibration=scene_calibration(scene, meta, tile))
                int8_quantise_s = round(time.perf_counter() - t0, 1)
                extra["openvino_int8"] = ov_int8
        for _round in range(args.rounds):  # interleaved, so drifting load hits every variant alike
            for timer in (fp32, fast, *extra.values()):
                timer.run()
        emit({"measure": "network_fp32_eager", "tiles": len(tiles), "tile": tile, "mp_s": round(fp32.mp_s, 4),
              "seconds_per_tile": round(fp32.seconds_per_tile, 4), "rounds_s": [round(r, 4) for r in fp32.rounds]})
        agreement = float((fast.classes == fp32.classes).mean())
        emit({"measure": "network_fast", "precision": fast_precision, "channels_last": fast.predictor.channels_last,
              "tiles": len(tiles), "mp_s": round(fast.mp_s, 4), "seconds_per_tile": round(fast.seconds_per_tile, 4),
              "rounds_s": [round(r, 4) for r in fast.rounds], "agreement_vs_fp32": round(agreement, 5),
              "speedup_vs_fp32": round(fast.mp_s / fp32.mp_s, 2)})
        for variant, timer in extra.items():
            emit({"measure": f"network_{variant}", "mp_s": round(timer.mp_s, 4),
                  "speedup_vs_fp32": round(timer.mp_s / fp32.mp_s, 2),
                  "agreement_vs_fp32": round(float((timer.classes == fp32.classes).mean()), 5),
                  **({"precision": fast_precision, "convert_and_compile_seconds": ov_convert_s}
                     if timer is ov else {}),
                  **({"quantise_and_compile_seconds": int8_quantise_s,
                      "vs_openvino_bf16": round(timer.mp_s / ov.mp_s, 2),
                      "calibration_agreement": timer.predictor.int8_agreement}
                     if timer is ov_int8 else {})})
        # int8 on a second real scene, calibrated on the first (the cached network serves later rasters)
        int8_second = None
        first_classes = {id(t): t.classes for t in (fp32, fast, *extra.values())}
        if ov_int8 is not None:
            second = scene_tiles(find_scene(args.data, SECOND_SCENE), meta, tile, overlap)
            second = second[: max(args.batch_size, len(second) // args.batch_size * args.batch_size)]
            int8_second = {}
            for timer in (fp32, ov, ov_int8):
                timer.x = second
                timer.run()
            for name, timer in (("openvino_bf16", ov), ("openvino_int8", ov_int8)):
                int8_second[name] = round(float((timer.classes == fp32.classes).mean()), 5)
            for timer in (fp32, ov, ov_int8):  # the first scene's figures stay what the summary reports
                timer.x, timer.rounds, timer.classes = tiles, timer.rounds[:-1], first_classes[id(timer)]
            emit({"measure": "agreement_second_scene", "scene": SECOND_SCENE, "tiles": len(second),
                  "calibrated_on": SCENE, **{f"{k}_vs_fp32": v for k, v in int8_second.items()}})
        isa_records = []
        if ov_int8 is not None:
            for isa in ISA_CAPS:
                rec = run_child(["--_child", "isa", isa, scene, str(tile), str(overlap), str(args.batch_size), ov_cache,
                                 str(max(3, args.rounds // 2 + 1))], timeout=1800, env={"ONEDNN_MAX_CPU_ISA": isa})
                emit(rec)
                isa_records.append(rec)
        ov_mp = ov.mp_s if ov else None
        ov_agreement = float((ov.classes == fp32.classes).mean()) if ov else None
        ov_seconds_per_tile = ov.seconds_per_tile if ov else None
        ov_int8_mp = ov_int8.mp_s if ov_int8 else None
        ov_fp32_mp = ov_fp32.mp_s if ov_fp32 else None
        int8_agreement = float((ov_int8.classes == fp32.classes).mean()) if ov_int8 else None
        int8_seconds_per_tile = ov_int8.seconds_per_tile if ov_int8 else None
        fast_channels_last = fast.predictor.channels_last
        del extra
        del tiles

        # 2. End to end with default settings and polygons on.
        source = repeat_vrt(os.path.join(tmp, f"scene_{size}.vrt"), size, scene)
        out = os.path.join(tmp, "classes.tif")
        load_before = load_average()
        # End to end and the naive reference alternate, 3 rounds, medians: one run of each moved the
        # ratio between 1.9 and 2.7 on an idle machine.
        walls, naive_walls = [], []
        for _round in range(E2E_ROUNDS):
            t0 = time.perf_counter()
            result = segment(source, str(MODEL), out, SegmentOptions(
                device=args.device, batch_size=args.batch_size, output_vector=os.path.join(tmp, "polygons.gpkg"),
                cache_dir=ov_cache))
            walls.append(time.perf_counter() - t0)
            naive_walls.append(naive(source, str(MODEL), os.path.join(tmp, "naive.tif"), tile, args.batch_size,
                                     device))
        wall, naive_s = statistics.median(walls), statistics.median(naive_walls)
        warm_wall = statistics.median(walls[1:])  # from the second run on: the prepared network is kept
        computed = result.tiles_total - result.tiles_skipped_nodata
        per_tile = (int8_seconds_per_tile if result.precision == "int8" else ov_seconds_per_tile) \
            if result.runtime == "openvino" else fast.seconds_per_tile
        network_s = per_tile * computed
        megapixels = result.width * result.height / 1e6
        stages = {k: round(v, 2) for k, v in result.stage_seconds.items()}
        e2e = {"measure": "end_to_end", "pixels": [result.width, result.height], "runtime": result.runtime,
               "precision": result.precision, "overlap": result.overlap,
               "tiles": computed, "polygons": result.polygons, "seconds": round(wall, 2),
               "rounds_s": [round(w, 2) for w in walls],
               "mp_s": round(megapixels / wall, 4), "network_only_seconds": round(network_s, 2),
               "pipeline_efficiency": round(network_s / warm_wall, 3),
               "pipeline_efficiency_first_run": round(network_s / walls[0], 3),
               "seconds_from_second_run": round(warm_wall, 2), "stage_seconds": stages,
               "load_average_1min_before": load_before}
        emit(e2e)

        # 2c. Many small rasters in one process (a batch of orthophoto tiles): per raster against the big one.
        small_rec = None
        if args.small_rasters:
            from remotenet.remotenet_plugin.engine.prepare import kept

            paths = small_rasters(scene, tmp, args.small_rasters, 512)
            reused0, small_walls = kept.stats["reused"], []
            for i, path in enumerate(paths):
                t0 = time.perf_counter()
                r = segment(path, str(MODEL), os.path.join(tmp, f"small_{i:02d}_classes.tif"), SegmentOptions(
                    device=args.device, batch_size=args.batch_size, cache_dir=ov_cache,
                    output_vector=os.path.join(tmp, f"small_{i:02d}.gpkg")))
                small_walls.append(time.perf_counter() - t0)
            small_mp = r.width * r.height / 1e6
            per_mp_small = statistics.median(small_walls) / small_mp
            per_mp_big = warm_wall / megapixels
            small_rec = {"measure": "small_rasters", "rasters": len(paths), "pixels": [r.width, r.height],
                     "tiles": r.tiles_total, "tile_size": r.tile_size, "overlap": r.overlap, "runtime": r.runtime,
                     "precision": r.precision, "seconds_each_median": round(
                         statistics.median(small_walls), 3), "seconds_first": round(small_walls[0], 3),
                     "seconds_total": round(sum(small_walls), 2), "prepared_networks_reused": kept.stats["reused"] -
                     reused0, "s_per_mp": round(per_mp_small, 3), "big_raster_s_per_mp": round(per_mp_big, 3),
                     "per_mp_vs_big_raster": round(per_mp_small / per_mp_big, 2), "load_average_1min": load_average()}
            emit(small_rec)

        # 2b. The same with half the overlap (one parameter away): how much the overlap costs.
        small = overlap // 2
        out_small = os.path.join(tmp, "classes_small_overlap.tif")
        t0 = time.perf_counter()
        r_small = segment(source, str(MODEL), out_small, SegmentOptions(
            device=args.device, batch_size=args.batch_size, overlap=small, cache_dir=ov_cache,
            output_vector=os.path.join(tmp, "polygons_small_overlap.gpkg")))
        wall_small = time.perf_counter() - t0
        emit({"measure": f"end_to_end_overlap_{small}", "tiles": r_small.tiles_total - r_small.tiles_skipped_nodata,
              "seconds": round(wall_small, 2), "mp_s": round(megapixels / wall_small, 4),
              "agreement_with_default_overlap": round(float(
                  (gdal.Open(out_small).ReadAsArray() == gdal.Open(out).ReadAsArray()).mean()), 5)})

        # 3. The GeoSeg-style reference on the same raster (timed above, alternating with end to end).
        naive_classes = gdal.Open(os.path.join(tmp, "naive.tif")).ReadAsArray()
        ours = gdal.Open(out).ReadAsArray()
        emit({"measure": "naive", "seconds": round(naive_s, 2), "rounds_s": [round(w, 2) for w in naive_walls],
              "mp_s": round(megapixels / naive_s, 4),
              "pixels_computed_share": round((-(-size // tile) * tile) ** 2 / size**2, 3),
              "agreement_with_end_to_end": round(float((naive_classes == ours).mean()), 5)})
        del naive_classes, ours

        # 3b. Seams: the real scene with the model's tiles and with tiles twice as large.
        seam_out = [os.path.join(tmp, f"seams_{t}.tif") for t in (tile, 2 * tile)]
        for t, path in zip((tile, 2 * tile), seam_out):
            segment(scene, str(MODEL), path, SegmentOptions(device=args.device, tile_size=t, cache_dir=ov_cache))
        seams = float((gdal.Open(seam_out[0]).ReadAsArray() == gdal.Open(seam_out[1]).ReadAsArray()).mean())
        emit({"measure": "seams", "tiles": [tile, 2 * tile], "overlap": result.overlap,
              "agreement": round(seams, 5)})

        # 3c. The engine's own ceiling (null network).
        ceilings = [engine_ceiling(args.ceiling_size or (4096 if args.quick else 8192), tmp, args.data, 3, threads,
                                   network) for network, threads in CEILING_VARIANTS]
        for record in ceilings:
            emit(record)
        ceiling = ceilings[0]

        # 4. Polygonising a large output, and peak memory on 4k and 16k squares (own processes).
        poly = run_child(["--_child", "polygon", out, str(args.poly_size), tmp], timeout=1200)
        grid_16k = (-(-(args.poly_size - tile) // (tile - overlap)) + 1) ** 2
        poly["network_seconds_for_same_raster_est"] = round(grid_16k * fast.seconds_per_tile, 1)
        poly["share_of_network_time"] = round(poly["seconds"] / poly["network_seconds_for_same_raster_est"], 4)
        emit(poly)
        memory, memory_base = {}, {}
        if not args.skip_memory:
            network = "pixel" if args.quick else "demo"
            for mem_size in (4000, 16000):
                rec = run_child(["--_child", "memory", str(mem_size), network, "0" if args.quick else "1", scene, tmp],
                                timeout=7200)
                emit(rec)
                memory[mem_size] = rec["peak_rss_mb"]
                memory_base[mem_size] = rec["peak_rss_mb_before_segment"]

    fast_mp, fp32_mp = fast.mp_s, fp32.mp_s
    summary = {
        "date": env["date"], "machine": env["machine"], "device": env["device"], "torch_threads": env["torch_threads"],
        "quick": args.quick, "raster_px": size, "tile_size": tile, "overlap": overlap, "batch_size": args.batch_size,
        "fast_path": f"{fast_precision}{' + channels_last' if fast_channels_last else ''}",
        "end_to_end_runtime": e2e["runtime"], "end_to_end_precision": e2e["precision"],
        "end_to_end_mp_s": e2e["mp_s"], "network_fp32_eager_mp_s": round(fp32_mp, 4),
        "network_fast_mp_s": round(fast_mp, 4), "naive_mp_s": round(megapixels / naive_s, 4),
        "end_to_end_vs_naive": round(e2e["mp_s"] / (megapixels / naive_s), 2),
        "network_openvino_mp_s": round(ov_mp, 4) if ov else None,
        "openvino_speedup_vs_fp32": round(ov_mp / fp32_mp, 2) if ov else None,
        "agreement_openvino_vs_fp32": round(ov_agreement, 5) if ov else None,
        "openvino_convert_seconds": ov_convert_s,
        "network_openvino_fp32_mp_s": round(ov_fp32_mp, 4) if ov_fp32_mp else None,
        "network_openvino_int8_mp_s": round(ov_int8_mp, 4) if ov_int8_mp else None,
        "int8_vs_openvino_bf16": round(ov_int8_mp / ov_mp, 2) if ov_int8_mp and fast_precision == "bf16" else None,
        "int8_vs_openvino_fp32": round(ov_int8_mp / ov_fp32_mp, 2) if ov_int8_mp else None,
        "agreement_int8_vs_fp32": round(int8_agreement, 5) if ov_int8 else None,
        "agreement_second_scene": int8_second, "int8_quantise_seconds": int8_quantise_s,
        "isa_capped": {r["isa_cap"]: {"took_effect": r["cap_took_effect"], "int8_vs_fp32": r["int8_vs_fp32"],
                                      "fp32_mp_s": r["fp32_mp_s"], "int8_mp_s": r["int8_mp_s"]}
                       for r in isa_records} or None,
        "pipeline_efficiency_first_run": e2e["pipeline_efficiency_first_run"],
        "small_rasters": {k: small_rec[k] for k in ("rasters", "seconds_each_median", "seconds_first",
                                                    "per_mp_vs_big_raster", "prepared_networks_reused")}
        if small_rec else None,
        **ceiling_summary(ceilings), "engine_ceiling_stage_seconds": ceiling["stage_seconds"],
        "seams_agreement_2x_tiles": round(seams, 5),
        "pipeline_efficiency": e2e["pipeline_efficiency"], "agreement_fast_vs_fp32": round(agreement, 5),
        "peak_rss_mb_4k": memory.get(4000), "peak_rss_mb_16k": memory.get(16000),
        "peak_rss_mb_before_segment_4k_16k": [memory_base.get(4000), memory_base.get(16000)],
        "memory_runs_network": None if args.skip_memory else ("1x1-conv PixelNet probe, no polygons" if args.quick
                                                              else "demo model, polygons on"),
        "polygonise_16k_seconds": poly["seconds"], "polygonise_16k_share_of_network": poly["share_of_network_time"],
        "stage_seconds": stages, "load_average_1min_start_end": [env["load_average_1min"], load_average()],
        "bench_seconds": round(time.perf_counter() - run_start, 1),
    }
    targets = {
        "fast_2x_fp32": fast_mp >= 2 * fp32_mp, "agreement_0995": agreement >= 0.995,
        "efficiency_085": e2e["pipeline_efficiency"] >= 0.85,
        "end_to_end_above_naive": e2e["mp_s"] > summary["naive_mp_s"],
        "end_to_end_2x_naive": e2e["mp_s"] >= 2 * summary["naive_mp_s"],
        "seams_0995": seams >= 0.995,
        "engine_ceiling_20_mp_s": ceiling["mp_s"] >= 20,
    }
    if ov:
        targets["openvino_3x_fp32"] = ov_mp >= 3 * fp32_mp
        targets["agreement_openvino_0995"] = ov_agreement >= 0.995
    targets["end_to_end_3x_naive"] = e2e["mp_s"] >= 3 * summary["naive_mp_s"]
    if ov_int8:
        targets["int8_agreement_099"] = int8_agreement >= 0.99 and all(
            v >= 0.99 for k, v in (int8_second or {}).items() if "int8" in k)
        if fast_precision == "bf16":
            targets["int8_1p6x_openvino_bf16"] = ov_int8_mp >= 1.6 * ov_mp
        capped = [r for r in isa_records if r["cap_took_effect"] and "VNNI" in r["isa_cap"]]
        if capped:
            targets["int8_2x_fp32_isa_capped_vnni"] = all(r["int8_vs_fp32"] >= 2 for r in capped)
    if small_rec:
        targets["small_rasters_within_1p5x"] = small_rec["per_mp_vs_big_raster"] <= 1.5
    if memory:
        targets["rss_16k_within_25pct_and_2500mb"] = memory[16000] <= 1.25 * memory[4000] and memory[16000] < 2500
    summary["targets_met"] = targets
    emit({"summary": summary})
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()

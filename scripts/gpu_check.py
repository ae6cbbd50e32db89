#!/usr/bin/env python3
"""The GPU path measured in one short call (issue 25): run on a machine with an NVIDIA GPU.

    scripts/gpu_check                 # everything below; JSON lines, then {"gpu_summary": ...}
    scripts/gpu_check --prepare       # on a machine with GDAL: write the scene as .npy for a machine without

1. the CUDA tests (pytest -k cuda on the engine's test files) where GDAL imports; else said and skipped;
2. ``scripts/bench --device cuda --quick`` where GDAL imports; else said and skipped;
3. always (no GDAL needed): the engine's CUDA path on the real Atlanta scene repeated to a square, from
   memory: the Predictor (pinned buffers, asynchronous copies) and the GPU row blender (TorchRowBlender),
   against the network alone on the same tiles; fp16 and bf16 classes against fp32; peak GPU memory.

Without CUDA it runs the same in-memory pipeline on the CPU (a small square), so the script itself is
checked anywhere; its figures then say "cpu" and are no GPU figures.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors"
SCENE_TIF = ROOT / "tests" / "data" / "atlanta_pan_0p5m.tif"
SCENE_NPY = ROOT / "build" / "gpu_check" / "atlanta_pan_0p5m.npy"  # --prepare writes it; carry build/gpu_check


def emit(record: dict) -> None:
    print(json.dumps(record), flush=True)


def importable_package() -> None:
    """``import remotenet`` works from a bare checkout: the checkout is the package (a link in a temp folder)."""
    try:
        import remotenet  # noqa: F401
        return
    except ImportError:
        pass
    folder = Path(tempfile.mkdtemp(prefix="remotenet_pkg_"))
    (folder / "remotenet").symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(folder))


def gdal_available() -> bool:
    try:
        from osgeo import gdal  # noqa: F401
    except ImportError:
        return False
    return True


def load_scene():
    import numpy as np

    if SCENE_NPY.is_file():
        return np.load(SCENE_NPY)
    if gdal_available():
        from osgeo import gdal

        gdal.UseExceptions()
        return gdal.Open(str(SCENE_TIF)).ReadAsArray()
    raise SystemExit(f"{SCENE_NPY.name} missing and no GDAL to read {SCENE_TIF.name}: run scripts/gpu_check "
                     "--prepare on a machine with GDAL first (and carry the file)")


def sync(device) -> None:
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize(device)


def pipeline(net, meta: dict, image, device, precision: str, batch: int, overlap: int) -> dict:
    """The engine's per-batch CUDA path from memory: normalise into the Predictor's pinned buffer, run,
    blend on the device, class rows back to the host. Then the network alone on the same batches."""
    import numpy as np
    import torch

    from remotenet.model.metadata import normalisation_affine
    from remotenet.remotenet_plugin.engine.blend.rows_torch import TorchRowBlender
    from remotenet.remotenet_plugin.engine.infer.torch_runtime import Predictor
    from remotenet.remotenet_plugin.engine.read.tiling import TileGrid

    tile = int(meta.get("tile_size") or 256)
    h, w = image.shape[-2:]
    grid = TileGrid(w, h, tile, overlap)
    a, b = (np.asarray(v, dtype=np.float32)[:, None, None] for v in normalisation_affine(meta["input"]))
    classes = len(meta["classes"])
    lut = np.array([int(c["value"]) for c in meta["classes"]], dtype=np.uint8)
    out = np.empty((h, w), dtype=np.uint8)

    def rows(y0, cls, _conf):
        out[y0:y0 + len(cls)] = cls

    predictor = Predictor(net, device, precision, False, batch)
    predictor.on_device = device.type == "cuda"
    buf = predictor.allocate((batch, image.shape[0], grid.th, grid.tw))
    tiles = list(grid)
    batches = [tiles[i:i + batch] for i in range(0, len(tiles), batch)]

    def fill(group):
        for k, t in enumerate(group):
            np.multiply(image[:, t.y:t.y + grid.th, t.x:t.x + grid.tw], a, out=buf[k], casting="unsafe")
            buf[k] += b
        return buf[:len(group)]

    predictor(fill(batches[0]))  # warm-up: kernels, allocator
    sync(device)
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    blender = TorchRowBlender(grid, classes, lut, False, rows, device) if device.type == "cuda" else None
    t0 = time.perf_counter()
    for group in batches:
        probs = predictor(fill(group))
        if blender is not None:
            blender.add_batch(group, probs, [None] * len(group))
        else:  # CPU fallback of the script itself: the classes of each tile's centre, no blending
            for t, p in zip(group, probs):
                out[t.y:t.y + grid.th, t.x:t.x + grid.tw] = lut[p.argmax(0)]
    if blender is not None:
        blender.finish()
    sync(device)
    wall = time.perf_counter() - t0
    peak = torch.cuda.max_memory_allocated(device) / 2**20 if device.type == "cuda" else None
    # the network alone on the same batches (inputs already on the host buffer, as the pipeline had them)
    filled = [fill(g).copy() for g in batches[:8]]
    sync(device)
    t0 = time.perf_counter()
    for x in filled:
        predictor(x)
    sync(device)
    per_batch = (time.perf_counter() - t0) / len(filled)
    network_s = per_batch * len(batches)
    mp = w * h / 1e6
    return {"precision": precision, "pixels": [w, h], "tiles": len(tiles), "batch": batch,
            "end_to_end_mp_s": round(mp / wall, 2), "network_alone_mp_s": round(mp / network_s, 2),
            "end_to_end_vs_network": round(network_s / wall, 3), "peak_gpu_mb": round(peak, 1) if peak else None,
            "classes": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prepare", action="store_true", help="write the scene as .npy (needs GDAL) and stop")
    parser.add_argument("--size", type=int, default=0, help="side of the in-memory square (GPU 8192, CPU 1024)")
    parser.add_argument("--batch", type=int, default=16, help="tiles per network call on the GPU (CPU: 4)")
    parser.add_argument("--skip-tests", action="store_true")
    parser.add_argument("--skip-bench", action="store_true")
    parser.add_argument("--bench-timeout", type=int, default=420)
    args = parser.parse_args()
    importable_package()
    if args.prepare:
        import numpy as np

        SCENE_NPY.parent.mkdir(parents=True, exist_ok=True)
        np.save(SCENE_NPY, load_scene())
        emit({"prepared": str(SCENE_NPY)})
        return

    import numpy as np
    import torch

    from remotenet.model import load_model

    start = time.perf_counter()
    cuda = torch.cuda.is_available()
    device = torch.device("cuda" if cuda else "cpu")
    env = {"measure": "environment", "date": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": platform.node(),
           "device": torch.cuda.get_device_name(0) if cuda else "cpu (no CUDA: the script's own check only)",
           "torch": torch.__version__, "gdal": gdal_available()}
    emit(env)
    summary: dict = {"device": env["device"], "date": env["date"], "torch": env["torch"]}

    # 1. The CUDA tests (they need GDAL: they segment real files).
    if args.skip_tests:
        summary["cuda_tests"] = "skipped (--skip-tests)"
    elif not gdal_available():
        summary["cuda_tests"] = "skipped: no GDAL on this machine (the in-memory check below stands in)"
    else:
        proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "cuda or gpu",
                               "tests/test_engine_segment.py", "tests/test_engine_precision.py",
                               "tests/test_engine_int8.py"], cwd=ROOT, capture_output=True, text=True, timeout=600)
        summary["cuda_tests"] = {"rc": proc.returncode, "tail": proc.stdout.strip().splitlines()[-1:]}
    emit({"measure": "cuda_tests", "result": summary["cuda_tests"]})

    # 2. The bench on the GPU (needs GDAL too).
    if args.skip_bench:
        summary["bench"] = "skipped (--skip-bench)"
    elif not (gdal_available() and cuda):
        summary["bench"] = "skipped: needs GDAL and CUDA"
    else:
        proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--device", "cuda", "--quick",
                               "--skip-memory", "--rounds", "3"], cwd=ROOT, capture_output=True, text=True,
                              timeout=args.bench_timeout)
        lines = [x for x in proc.stdout.splitlines() if x.startswith('{"summary"')]
        summary["bench"] = json.loads(lines[-1])["summary"] if lines else {"rc": proc.returncode,
                                                                         "stderr": proc.stderr[-1500:]}
    emit({"measure": "bench_cuda", "result": summary["bench"]})

    # 3. The engine's CUDA path from memory, against the network alone; precisions against fp32.
    net, meta = load_model(str(MODEL))
    scene = load_scene()
    scene = scene.reshape(-1, *scene.shape[-2:])[: meta["in_channels"]]
    size = args.size or (8192 if cuda else 1024)
    reps = (-(-size // scene.shape[1]), -(-size // scene.shape[2]))
    image = np.tile(scene, (1, *reps))[:, :size, :size]
    batch = args.batch if cuda else 4
    precisions = ("fp32", "fp16", "bf16") if cuda else ("fp32", "bf16")
    runs = {}
    for precision in precisions:
        if precision == "bf16" and cuda and not torch.cuda.is_bf16_supported():
            continue
        net, meta = load_model(str(MODEL))  # a fresh copy: the Predictor moves it and changes its layout
        runs[precision] = pipeline(net, meta, image, device, precision, batch, overlap=48)
        record = {k: v for k, v in runs[precision].items() if k != "classes"}
        if precision != "fp32":
            same = runs[precision]["classes"] == runs["fp32"]["classes"]
            record["agreement_vs_fp32"] = round(float(same.mean()), 5)
        emit({"measure": f"in_memory_{precision}", **record})
        runs[precision]["record"] = record
    auto = "bf16" if "bf16" in runs and cuda else ("fp16" if cuda else "fp32")
    summary["in_memory"] = {p: r["record"] for p, r in runs.items()}
    summary["end_to_end_vs_network_auto_precision"] = runs[auto]["record"]["end_to_end_vs_network"]
    summary["targets_met"] = {
        "end_to_end_50pct_of_network": runs[auto]["record"]["end_to_end_vs_network"] >= 0.5,
        "half_precision_agreement_0995": all(r["record"].get("agreement_vs_fp32", 1) >= 0.995 for r in runs.values()),
    }
    summary["seconds"] = round(time.perf_counter() - start, 1)
    emit({"gpu_summary": summary})


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()

#!/usr/bin/env python3
"""Benchmark the segment engine end to end against the network alone, in one run on one raster.

Prints: end-to-end megapixels per second, the network-only figure (same tiles, same batch,
same device and precision, no I/O), pipeline efficiency (network seconds / end-to-end
seconds), peak memory (RSS, and CUDA when used) and seconds per stage (read, infer, blend,
write, polygonise; the reader and writer run in their own threads, so stages overlap).

Examples:
  .venv/bin/python scripts/bench_engine.py                          # Virginia scene, random RemoteNet
  .venv/bin/python scripts/bench_engine.py --repeat 4096 --device cuda --batch-size 8
  .venv/bin/python scripts/bench_engine.py --source my.tif --model my.safetensors --no-vector
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "tests" / "data" / "virginia_s2_bgrn_10m.tif"


def _import_remotenet():
    try:
        import remotenet  # noqa: F401  (the checkout, linked into .venv by scripts/setup)
    except ImportError:
        sys.path.insert(0, str(ROOT.parent))
        if ROOT.name != "remotenet":
            raise SystemExit("run scripts/setup first so that `import remotenet` finds this checkout") from None


def repeat_vrt(path: str, size: int, source: str) -> str:
    """A size x size VRT repeating ``source`` (no disk cost)."""
    from osgeo import gdal

    base = gdal.Open(source)
    bw, bh = base.RasterXSize, base.RasterYSize
    vrt = gdal.GetDriverByName("VRT").Create(path, size, size, base.RasterCount, base.GetRasterBand(1).DataType)
    vrt.SetGeoTransform(base.GetGeoTransform())
    vrt.SetProjection(base.GetProjection())
    for b in range(1, base.RasterCount + 1):
        sources = {}
        for y in range(0, size, bh):
            for x in range(0, size, bw):
                w, h = min(bw, size - x), min(bh, size - y)
                sources[f"s_{y}_{x}"] = (
                    f"<SimpleSource><SourceFilename relativeToVRT='0'>{os.path.abspath(source)}</SourceFilename>"
                    f"<SourceBand>{b}</SourceBand><SrcRect xOff='0' yOff='0' xSize='{w}' ySize='{h}'/>"
                    f"<DstRect xOff='{x}' yOff='{y}' xSize='{w}' ySize='{h}'/></SimpleSource>")
        vrt.GetRasterBand(b).SetMetadata(sources, "new_vrt_sources")
    vrt = None
    return path


def network_only(model_path: str, result, tta: bool, batch_size: int, tiles: int, sample_tiles: int) -> dict:
    """Seconds the network alone needs for ``tiles`` tiles (timed on a sample, extrapolated)."""
    import numpy as np
    import torch

    from remotenet.model import load_model
    from remotenet.remotenet_plugin.engine.inference import Predictor, pick_device

    net, meta = load_model(model_path)
    device = pick_device("cuda" if result.device.startswith("cuda") else "cpu")
    predictor = Predictor(net, device, result.precision, tta, batch_size)
    predictor.on_device = device.type == "cuda"  # as in segment(): probabilities stay on the GPU
    th, tw = min(result.tile_size, result.height), min(result.tile_size, result.width)
    x = predictor.allocate((batch_size, meta["in_channels"], th, tw))
    x[...] = np.random.default_rng(0).standard_normal(x.shape)
    predictor(x)  # warm-up: kernels, allocator, autotuning
    predictor.seconds = 0.0
    n = max(1, min(tiles, sample_tiles))
    done = 0
    while done < n:
        predictor(x[: min(batch_size, n - done)])
        done += min(batch_size, n - done)
    per_tile = predictor.seconds / n
    if device.type == "cuda":
        torch.cuda.synchronize()
    return {"seconds_per_tile": per_tile, "seconds_all_tiles": per_tile * tiles,
            "tile_megapixels_per_s": th * tw / per_tile / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", default=str(DEFAULT_SOURCE))
    parser.add_argument("--repeat", type=int, default=0, help="benchmark a SIZE x SIZE VRT repeating the source")
    parser.add_argument("--model", help="model file; default: a random RemoteNet for the source's bands")
    parser.add_argument("--classes", type=int, default=6)
    parser.add_argument("--tile-size", type=int, default=512)
    parser.add_argument("--overlap", type=int)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--precision", default="auto")
    parser.add_argument("--tta", action="store_true")
    parser.add_argument("--no-vector", action="store_true", help="skip polygonising")
    parser.add_argument("--sample-tiles", type=int, default=32, help="tiles timed for the network-only figure")
    parser.add_argument("--json", help="also write the report here")
    args = parser.parse_args()

    _import_remotenet()
    import torch
    from osgeo import gdal

    from remotenet.model import RemoteNet, save_model
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment

    with tempfile.TemporaryDirectory(prefix="bench_engine_") as tmp:
        source = args.source
        if args.repeat:
            source = repeat_vrt(os.path.join(tmp, "repeat.vrt"), args.repeat, args.source)
        bands = gdal.Open(source).RasterCount
        model = args.model
        if model is None:
            torch.manual_seed(0)
            model = os.path.join(tmp, "random.safetensors")
            save_model(RemoteNet(num_classes=args.classes, in_channels=bands), model,
                       {"tile_size": args.tile_size,
                        "input": {"offset": 0.0, "scale": 10000.0, "mean": [0.1] * bands, "std": [0.1] * bands}})
        options = SegmentOptions(tile_size=args.tile_size, overlap=args.overlap, batch_size=args.batch_size,
                                 device=args.device, precision=args.precision, tta=args.tta,
                                 output_vector=None if args.no_vector else os.path.join(tmp, "out.gpkg"))
        if torch.cuda.is_available():
            torch.cuda.reset_peak_memory_stats()
        start = time.perf_counter()
        result = segment(source, model, os.path.join(tmp, "out.tif"), options, log=lambda m: print("  " + m))
        wall = time.perf_counter() - start
        rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        cuda_mib = torch.cuda.max_memory_allocated() / 2**20 if result.device.startswith("cuda") else None
        processed = result.tiles_total - result.tiles_skipped_nodata
        net = network_only(model, result, args.tta, result.batch_size, processed, args.sample_tiles)
        megapixels = result.width * result.height / 1e6
        stages = result.stage_seconds
        report = {
            "source": source if not args.repeat else f"{args.source} repeated to {args.repeat} px",
            "pixels": [result.width, result.height], "megapixels": megapixels,
            "device": result.device, "precision": result.precision, "tile_size": result.tile_size,
            "overlap": result.overlap, "batch_size": result.batch_size, "tiles": result.tiles_total,
            "tiles_skipped_nodata": result.tiles_skipped_nodata, "polygons": result.polygons,
            "end_to_end_seconds": wall, "end_to_end_mp_per_s": megapixels / wall,
            "network_only_seconds": net["seconds_all_tiles"],
            "network_only_mp_per_s": megapixels / net["seconds_all_tiles"],
            "network_tile_mp_per_s": net["tile_megapixels_per_s"],
            "pipeline_efficiency": net["seconds_all_tiles"] / wall,
            "peak_rss_mib": rss_mib, "peak_cuda_mib": cuda_mib,
            "stage_seconds": {k: round(v, 3) for k, v in stages.items()},
        }
    print(f"raster      {result.width} x {result.height} ({megapixels:.1f} MP), {result.tiles_total} tiles of "
          f"{result.tile_size} (overlap {result.overlap}), {result.tiles_skipped_nodata} skipped as nodata")
    print(f"device      {result.device}, {result.precision}, batch {result.batch_size}, TTA {args.tta}")
    print(f"end to end  {report['end_to_end_mp_per_s']:.2f} MP/s ({wall:.2f} s)")
    print(f"network     {report['network_only_mp_per_s']:.2f} MP/s of raster "
          f"({net['seconds_all_tiles']:.2f} s for the same tiles; {net['tile_megapixels_per_s']:.2f} MP/s of tiles)")
    print(f"efficiency  {report['pipeline_efficiency']:.2f} (network seconds / end-to-end seconds)")
    print(f"peak memory {rss_mib:.0f} MiB RSS" + (f", {cuda_mib:.0f} MiB CUDA" if cuda_mib else ""))
    print("stages (s)  " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
    if not math.isfinite(report["end_to_end_mp_per_s"]):
        raise SystemExit(1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where do tile borders change the network's answer? The measurement behind the default overlap.

The bundled demo model classifies the real Atlanta scene once as a whole (the reference: every
pixel sees all the context the scene has) and again as 256 px tiles at many offsets, without
blending. For each tile pixel we record its distance to the nearest tile edge that lies inside
the scene (edges on the scene's border see the same lack of context in the reference) and
whether its class (and how much its probability) differs from the reference.

    .venv/bin/python scripts/overlap_study.py --json build/overlap_study.json --figure docs/overlap_study.png

Prints one JSON line per distance band and a summary; fp32 PyTorch throughout.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent))  # "remotenet" is the repository folder's link name in .pkg

MODEL = ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors"
SCENE = ROOT / "tests" / "data" / "atlanta_pan_0p5m.tif"


def main() -> None:
    from osgeo import gdal

    gdal.UseExceptions()  # an explicit mode for this program (GDAL 3.9+ warns without one)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stride", type=int, default=96, help="offset between the tiles' origins (px)")
    parser.add_argument("--tile", type=int, default=None, help="tile size (default: the model's)")
    parser.add_argument("--json", help="write the per-distance table here")
    parser.add_argument("--figure", help="write the figure (PNG) here")
    args = parser.parse_args()

    import torch
    from osgeo import gdal

    from remotenet.model import load_model
    from remotenet.remotenet_plugin.engine.read.source import Normaliser

    net, meta = load_model(str(MODEL))
    net.eval()
    tile = args.tile or int(meta["tile_size"])
    ds = gdal.Open(str(SCENE))
    pixels = ds.ReadAsArray().reshape(ds.RasterCount, ds.RasterYSize, ds.RasterXSize)[: meta["in_channels"]]
    h, w = pixels.shape[1:]
    x = np.empty(pixels.shape, dtype=np.float32)
    Normaliser.from_meta(meta)(pixels, x)
    start = time.perf_counter()
    with torch.inference_mode():
        ref = torch.softmax(net(torch.from_numpy(x)[None]), 1)[0].numpy()
    ref_class = ref.argmax(0)
    half = tile // 2
    disagree = np.zeros(half, dtype=np.int64)
    total = np.zeros(half, dtype=np.int64)
    prob_diff = np.zeros(half, dtype=np.float64)
    origins = [(ty, tx) for ty in range(0, h - tile + 1, args.stride) for tx in range(0, w - tile + 1, args.stride)]
    with torch.inference_mode():
        for ty, tx in origins:
            p = torch.softmax(net(torch.from_numpy(x[None, :, ty:ty + tile, tx:tx + tile])), 1)[0].numpy()
            r, rc = ref[:, ty:ty + tile, tx:tx + tile], ref_class[ty:ty + tile, tx:tx + tile]
            # Distance to the nearest edge that lies inside the scene (big where the edge is the scene's).
            far = 10 ** 6
            i = np.arange(tile)
            top = np.where(ty > 0, i, far)
            bottom = np.where(ty + tile < h, tile - 1 - i, far)
            left = np.where(tx > 0, i, far)
            right = np.where(tx + tile < w, tile - 1 - i, far)
            dist = np.minimum(np.minimum(top, bottom)[:, None], np.minimum(left, right)[None, :])
            inside = dist < half
            d = dist[inside]
            total += np.bincount(d, minlength=half)[:half]
            disagree += np.bincount(d, weights=(p.argmax(0) != rc)[inside], minlength=half)[:half].astype(np.int64)
            prob_diff += np.bincount(d, weights=np.abs(p - r).max(0)[inside], minlength=half)[:half]
    rate = disagree / np.maximum(total, 1)
    mean_diff = prob_diff / np.maximum(total, 1)
    rows = []
    for lo in list(range(0, 32, 4)) + list(range(32, half, 16)):
        hi = lo + (4 if lo < 32 else 16)
        band = slice(lo, min(hi, half))
        n = int(total[band].sum())
        rows.append({"distance_px": [lo, min(hi, half) - 1], "pixels": n,
                     "class_differs": round(float(disagree[band].sum() / max(n, 1)), 5),
                     "mean_max_prob_diff": round(float((prob_diff[band].sum()) / max(n, 1)), 5)})
        print(json.dumps(rows[-1]))
    interior = float(disagree[half // 2:].sum() / max(total[half // 2:].sum(), 1))
    # The smallest distance from which on every 4 px band differs from the reference no more than
    # twice as often as the tile's inner half does (a floor of 0.1 % keeps noise from deciding).
    limit = max(2 * interior, 0.001)
    settle = next(d for d in range(0, half, 4)
                  if all(disagree[e:e + 4].sum() / max(total[e:e + 4].sum(), 1) <= limit for e in range(d, half, 4)))
    summary = {"tile": tile, "tiles": len(origins), "stride": args.stride, "interior_class_differs": round(interior, 5),
               "limit": round(limit, 5), "settles_at_px": settle, "seconds": round(time.perf_counter() - start, 1),
               "model": MODEL.name, "scene": SCENE.name, "bands": rows}
    print(json.dumps({k: v for k, v in summary.items() if k != "bands"}))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(summary, indent=2))
    if args.figure:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=120)
        d = np.arange(half)
        ax.plot(d, 100 * rate, lw=1, label="class differs from the whole-scene run (%)")
        ax.plot(d, 100 * mean_diff, lw=1, label="mean max |probability difference| (x100)")
        ax.axvline(settle, color="grey", ls="--", lw=1)
        ax.text(settle + 2, 0.5, f"settles at {settle} px", fontsize=8, transform=ax.get_xaxis_transform())
        ax.set_xlabel("distance from the nearest tile edge inside the scene (px)")
        ax.set_ylabel("%")
        ax.set_title(f"{MODEL.stem}: {tile} px tiles, {len(origins)} tiles of {SCENE.stem}", fontsize=9)
        ax.legend(fontsize=8)
        fig.tight_layout()
        os.makedirs(os.path.dirname(os.path.abspath(args.figure)), exist_ok=True)
        fig.savefig(args.figure)


if __name__ == "__main__":
    main()

"""Figures for RESOLUTION and MASK (issue 23): docs/performance.md, "Processing resolution and masks".

1. The gain of RESOLUTION=model: the Atlanta sample (0.5 m, the bundled model's pixel size) resampled to
   0.25 m and to 1 m (bilinear), segmented with the bundled model at RESOLUTION=input and =model;
   building IoU against the reference footprints (tests/data/atlanta_buildings_mask.tif, brought to each
   grid by nearest neighbour), on the input's own grid.
2. The cost of a small mask: a 4,096 px square (a VRT repeating the scene) with and without a mask
   covering 5 % of it, timed side by side (alternating rounds, medians).

    .venv/bin/python scripts/resolution_mask_figures.py [--rounds 3] [--size 4096] [--json out.jsonl]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from osgeo import gdal, ogr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent))
DATA = ROOT / "tests" / "data"
SCENE = DATA / "atlanta_pan_0p5m.tif"
REFERENCE = DATA / "atlanta_buildings_mask.tif"
MODEL = ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors"


def building_iou(classes_path: str, reference_path: str) -> float:
    ref_ds = gdal.Open(reference_path)
    out_ds = gdal.Open(classes_path)
    ref = gdal.Warp("", ref_ds, format="MEM", outputBounds=_bounds(out_ds), width=out_ds.RasterXSize,
                    height=out_ds.RasterYSize, resampleAlg="near").ReadAsArray()
    classes = out_ds.ReadAsArray()
    valid = classes != 255
    found, truth = (classes == 1) & valid, (ref > 0) & valid
    return float((found & truth).sum() / max(1, (found | truth).sum()))


def _bounds(ds: gdal.Dataset) -> tuple[float, float, float, float]:
    gt = ds.GetGeoTransform()
    return gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3]


def resolution_table(folder: str, log) -> list[dict]:
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment

    rows = []
    for size in (0.25, 0.5, 1.0):
        scene = os.path.join(folder, f"atlanta_{size:g}m.tif")
        gdal.Warp(scene, str(SCENE), xRes=size, yRes=size, resampleAlg="bilinear").FlushCache()
        row = {"input_m": size}
        for resolution in ("input", "model"):
            out = os.path.join(folder, f"classes_{size:g}_{resolution}.tif")
            t0 = time.perf_counter()
            result = segment(scene, str(MODEL), out, SegmentOptions(resolution=resolution))
            row[f"iou_{resolution}"] = round(building_iou(out, str(REFERENCE)), 3)
            row[f"seconds_{resolution}"] = round(time.perf_counter() - t0, 1)
            row[f"processed_{resolution}"] = list(result.processed_size)
        rows.append(row)
        log(row)
    return rows


def mask_timing(folder: str, size: int, rounds: int, log) -> dict:
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment
    from remotenet.remotenet_plugin.engine.read.repeat_vrt import repeat_raster_vrt

    vrt = repeat_raster_vrt(str(SCENE), os.path.join(folder, "big.vrt"), size)
    ds = gdal.Open(vrt)
    gt, srs = ds.GetGeoTransform(), ds.GetSpatialRef()
    side = size * 0.05 ** 0.5  # a square of 5 % of the area, away from the corner
    x0, y0 = size * 0.4, size * 0.3
    mask_path = os.path.join(folder, "mask5.gpkg")
    vector = ogr.GetDriverByName("GPKG").CreateDataSource(mask_path)
    layer = vector.CreateLayer("mask", srs, ogr.wkbPolygon)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for px, py in ((x0, y0), (x0 + side, y0), (x0 + side, y0 + side), (x0, y0 + side), (x0, y0)):
        ring.AddPoint_2D(gt[0] + px * gt[1], gt[3] + py * gt[5])
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(polygon)
    layer.CreateFeature(feature)
    vector = layer = ds = None
    segment(vrt, str(MODEL), os.path.join(folder, "warm.tif"), SegmentOptions(window=(0, 0, 512, 512)))
    times: dict[str, list] = {"unmasked": [], "masked": []}
    outside = 0
    for _ in range(rounds):
        for name, mask in (("unmasked", None), ("masked", mask_path)):
            t0 = time.perf_counter()
            result = segment(vrt, str(MODEL), os.path.join(folder, f"{name}.tif"), SegmentOptions(mask=mask))
            times[name].append(round(time.perf_counter() - t0, 2))
            if mask:
                outside = result.tiles_outside_mask
                tiles = result.tiles_total
    row = {"size_px": size, "mask_share_of_area": 0.05, "tiles": tiles, "tiles_outside_mask": outside,
           "seconds_unmasked": times["unmasked"], "seconds_masked": times["masked"],
           "median_unmasked": statistics.median(times["unmasked"]),
           "median_masked": statistics.median(times["masked"])}
    row["masked_share_of_unmasked_time"] = round(row["median_masked"] / row["median_unmasked"], 3)
    log(row)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--json", help="also append the rows to this JSON-lines file")
    args = parser.parse_args()
    lines = []

    def log(row: dict) -> None:
        lines.append(row)
        print(json.dumps(row), flush=True)

    log({"date": dt.datetime.now().isoformat(timespec="seconds"),
         "machine": f"{platform.machine()}, {os.cpu_count()} cores", "gdal": gdal.__version__,
         "load_average_1min": os.getloadavg()[0]})
    with tempfile.TemporaryDirectory(prefix="remotenet_figures_") as folder:
        rows = resolution_table(folder, log)
        timing = mask_timing(folder, args.size, args.rounds, log)
    log({"load_average_1min_end": os.getloadavg()[0]})
    print("\n| input pixel | building IoU, RESOLUTION=input | building IoU, RESOLUTION=model | tiles ran on |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['input_m']:g} m | {r['iou_input']:.3f} | {r['iou_model']:.3f} | "
              f"{r['processed_model'][0]} x {r['processed_model'][1]} px |")
    print(f"\nmask of 5 % of a {timing['size_px']} px square: {timing['median_masked']} s vs "
          f"{timing['median_unmasked']} s unmasked ({100 * timing['masked_share_of_unmasked_time']:.1f} %), "
          f"{timing['tiles_outside_mask']} of {timing['tiles']} tiles never read")
    if args.json:
        with open(args.json, "a", encoding="utf-8") as fh:
            for row in lines:
                fh.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()

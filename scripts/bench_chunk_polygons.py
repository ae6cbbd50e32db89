"""Chunked polygons (engine/scale/chunk_polygons.py) against the one-chunk polygoniser: time, peak memory
and agreement, on class rasters of growing size made from the real Atlanta scene.

    PYTHONPATH=... python scripts/bench_chunk_polygons.py [--sizes 1800 3600] [--chunk 1024] [--min-area 5]
    PYTHONPATH=... python scripts/bench_chunk_polygons.py --halo-study [--sizes 1800] [--chunk 512]

Each step runs in a fresh process (its peak RSS is its own, VmHWM): "one" = polygons.polygonise
on the whole raster; "pieces" = make_piece for every chunk, one after another; "merge" =
merge_pieces. Prints one JSON line per size.

--halo-study: how many pixels of the chunked sieve (make_piece's window around each chunk) differ
from the sieve of the whole raster, for several halos (chunk_polygons._halo explains why).
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr

ROOT = Path(__file__).resolve().parents[1]
ATLANTA = ROOT / "tests" / "data" / "atlanta_pan_0p5m.tif"
CLASSES = [{"value": v, "name": f"class {v}", "color": [0, 0, 0]} for v in range(4)]


def peak_rss_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def make_classes(path: Path, size: int) -> None:
    """Atlanta smoothed (3x3 mean) and cut into 4 classes, mirrored to size x size, 256 px tiles."""
    src = gdal.Open(str(ATLANTA))
    pan = src.GetRasterBand(1).ReadAsArray().astype(np.float64)
    padded = np.pad(pan, 1, mode="edge")
    sums = np.pad(np.cumsum(np.cumsum(padded, 0), 1), ((1, 0), (1, 0)))
    smooth = (sums[3:, 3:] - sums[:-3, 3:] - sums[3:, :-3] + sums[:-3, :-3]) / 9
    tile = np.digitize(smooth, np.percentile(smooth, [30, 60, 85])).astype(np.uint8)
    pair = np.block([[tile, tile[:, ::-1]], [tile[::-1], tile[::-1, ::-1]]])
    reps = -(-size // pair.shape[0])
    gt = src.GetGeoTransform()
    ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 1, gdal.GDT_Byte,
                                              ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
    ds.SetGeoTransform(gt)
    ds.SetProjection(src.GetProjection())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(255)
    row = np.tile(pair, (1, reps))[:, :size]
    for y in range(0, size, pair.shape[0]):
        band.WriteArray(row[: min(pair.shape[0], size - y)], 0, y)
    ds = None


def step(args: argparse.Namespace) -> None:
    """One measured step, in this (fresh) process."""
    from remotenet.remotenet_plugin.engine.scale import chunk_polygons as cp
    from remotenet.remotenet_plugin.engine.write.polygons import polygonise

    work = Path(args.work)
    classes = str(work / "classes.tif")
    start = time.perf_counter()
    out: dict = {}
    if args.step == "one":
        out["polygons"] = polygonise(classes, str(work / "one.gpkg"), "p", CLASSES, min_area=args.min_area,
                                     simplify=0.0, confidence_path=None, confidence_type="float32",
                                     scratch=lambda tag, suffix: str(work / f"one_{tag}{suffix}"),
                                     progress=lambda _f: None, cancelled=lambda: False, log=lambda _m: None)
    else:
        ds = gdal.Open(classes)
        w, h = ds.RasterXSize, ds.RasterYSize
        rects = [(x, y, min(args.chunk, w - x), min(args.chunk, h - y))
                 for y in range(0, h, args.chunk) for x in range(0, w, args.chunk)]
        pieces = [(r, str(work / f"piece_{r[0]}_{r[1]}.gpkg")) for r in rects]
        if args.step == "pieces":
            threshold = cp.sieve_threshold(classes, args.min_area, lambda _m: None)
            for rect, path in pieces:
                cp.make_piece(classes, None, "float32", rect, threshold, path)
            out["chunks"] = len(pieces)
        else:
            out["polygons"] = cp.merge_pieces(classes, pieces, str(work / "chunked.gpkg"), "p", CLASSES,
                                              min_area=args.min_area, simplify=0.0, with_confidence=False,
                                              progress=lambda _f: None, cancelled=lambda: False,
                                              log=lambda _m: None)
    out.update(seconds=round(time.perf_counter() - start, 2), peak_rss_mib=round(peak_rss_mib(), 1))
    print(json.dumps(out))


def halo_study(args: argparse.Namespace) -> None:
    from remotenet.remotenet_plugin.engine.scale import chunk_polygons as cp

    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench_chunk_polygons_") as folder:
            path = Path(folder) / "classes.tif"
            make_classes(path, size)
            src = gdal.Open(str(path))
            band = src.GetRasterBand(1)
            for min_area in (5.0, 20.0):
                threshold = cp.sieve_threshold(str(path), min_area, lambda _m: None)
                whole = gdal.GetDriverByName("MEM").Create("", size, size, 1, gdal.GDT_Byte)
                gdal.SieveFilter(band, band.GetMaskBand(), whole.GetRasterBand(1), threshold, 4)
                reference = whole.GetRasterBand(1).ReadAsArray()
                for halo in (threshold, 2 * threshold, 128, 256, cp._halo(threshold)):
                    differ = 0
                    for y in range(0, size, args.chunk):
                        for x in range(0, size, args.chunk):
                            rect = (x, y, min(args.chunk, size - x), min(args.chunk, size - y))
                            core, _nodata = cp._sieved_core(src, rect, threshold, halo)
                            differ += int((core != reference[y:y + rect[3], x:x + rect[2]]).sum())
                    print(json.dumps({"size": size, "chunk": args.chunk, "threshold_px": threshold, "halo": halo,
                                      "default_halo": halo == cp._halo(threshold), "pixels_differing": differ,
                                      "ppm": round(differ / size / size * 1e6, 1)}), flush=True)


def per_class(path: Path) -> dict[int, list]:
    table: dict[int, list] = collections.defaultdict(lambda: [0, 0.0])
    ds = ogr.Open(str(path))
    for feat in ds.GetLayer(0):
        table[feat.GetField("class_id")][0] += 1
        table[feat.GetField("class_id")][1] += feat.GetField("area_m2")
    return table


def main() -> None:
    gdal.UseExceptions()  # an explicit mode for this program (GDAL 3.9+ warns without one)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1800, 3600])
    parser.add_argument("--chunk", type=int, default=1024)
    parser.add_argument("--min-area", type=float, default=5.0)
    parser.add_argument("--halo-study", action="store_true")
    parser.add_argument("--step", choices=["one", "pieces", "merge"], help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        step(args)
        return
    if args.halo_study:
        halo_study(args)
        return
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench_chunk_polygons_") as folder:
            work = Path(folder)
            make_classes(work / "classes.tif", size)
            row: dict = {"size": size, "chunk": args.chunk, "min_area": args.min_area}
            for name in ("one", "pieces", "merge"):
                done = subprocess.run([sys.executable, __file__, "--step", name, "--work", folder,
                                       "--chunk", str(args.chunk), "--min-area", str(args.min_area)],
                                      capture_output=True, text=True, check=True)
                row[name] = json.loads(done.stdout.strip().splitlines()[-1])
            one, chunked = per_class(work / "one.gpkg"), per_class(work / "chunked.gpkg")
            row["worst_count_diff_pct"] = round(max(abs(chunked[c][0] - n) / n * 100 for c, (n, _a) in one.items()), 4)
            row["worst_area_diff_pct"] = round(max(abs(chunked[c][1] - a) / a * 100 for c, (_n, a) in one.items()), 5)
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write a PNG preview: the source image beside the same image with the classes overlaid.

    .venv/bin/python scripts/preview.py SOURCE CLASSIFIED OUT.png [--band 1] [--alpha 0.5]

The class colours are the classified raster's colour table (the model file's colours);
nodata (255) stays uncovered. Uses only GDAL and numpy.
"""
from __future__ import annotations

import argparse

import numpy as np
from osgeo import gdal

gdal.UseExceptions()


def stretch(band: np.ndarray) -> np.ndarray:
    """2-98 percentile stretch to 0..255."""
    valid = band[np.isfinite(band)]
    low, high = np.percentile(valid, (2, 98)) if valid.size else (0, 1)
    return (np.clip((band - low) / max(high - low, 1e-6), 0, 1) * 255).astype(np.uint8)


def preview(source: str, classified: str, out_png: str, bands: tuple[int, ...] = (1,), alpha: float = 0.5) -> str:
    src = gdal.Open(source)
    cls = gdal.Open(classified)
    # Read the source on the classified raster's grid (it may be a window of the source).
    gt_src, gt_cls = src.GetGeoTransform(), cls.GetGeoTransform()
    xoff = round((gt_cls[0] - gt_src[0]) / gt_src[1])
    yoff = round((gt_cls[3] - gt_src[3]) / gt_src[5])
    w, h = cls.RasterXSize, cls.RasterYSize
    planes = [stretch(src.GetRasterBand(b).ReadAsArray(xoff, yoff, w, h).astype(np.float64)) for b in bands]
    rgb = np.stack(planes * 3 if len(planes) == 1 else planes[:3]).astype(np.float64)
    classes = cls.GetRasterBand(1).ReadAsArray()
    table = cls.GetRasterBand(1).GetColorTable()
    overlay = rgb.copy()
    for value in np.unique(classes):
        if value == 255 or table is None or value >= table.GetCount():
            continue
        colour = np.array(table.GetColorEntry(int(value))[:3], dtype=np.float64)[:, None]
        where = classes == value
        overlay[:, where] = (1 - alpha) * rgb[:, where] + alpha * colour
    gap = np.full((3, h, 8), 255.0)
    write_png(np.concatenate([rgb, gap, overlay], axis=2).astype(np.uint8), out_png)
    return out_png


def write_png(rgb: np.ndarray, out_png: str) -> None:
    """An (3, height, width) uint8 array as an RGB PNG."""
    mem = gdal.GetDriverByName("MEM").Create("", rgb.shape[2], rgb.shape[1], 3, gdal.GDT_Byte)
    for i in range(3):
        mem.GetRasterBand(i + 1).WriteArray(rgb[i])
    gdal.GetDriverByName("PNG").CreateCopy(out_png, mem)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("classified")
    parser.add_argument("out_png")
    parser.add_argument("--band", type=int, action="append", help="source band(s) to show (1 or 3)")
    parser.add_argument("--alpha", type=float, default=0.5)
    args = parser.parse_args()
    print(preview(args.source, args.classified, args.out_png, tuple(args.band or [1]), args.alpha))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where a classified raster is wrong about one class: a PNG of the image in grey with that class's
true positives in green, false positives in red and false negatives in blue, and one JSON line
with its precision, recall and IoU.

The classified raster covers a window of the image and of the reference (both on the same grid);
give that window. For example, the held-out rasters that `scripts/compare_encoders.py --keep DIR`
keeps for the road scene:

  .venv/bin/python scripts/error_map.py tests/data/vegas_pan_0p3m.tif tests/data/vegas_roads_mask.tif \\
      --window 900 0 400 1300 --value 1 --out docs/roads_errors.png DIR/remotenet-resnet18_seed1.tif ...

Several classified rasters are drawn side by side, in the order given. GDAL and numpy only.
"""
from __future__ import annotations

import argparse
import json

import numpy as np
from osgeo import gdal

TRUE_POSITIVE, FALSE_POSITIVE, FALSE_NEGATIVE = (0, 200, 0), (255, 0, 0), (0, 0, 255)
GAP = 8  # white pixels between panels


def read_band(path: str, window: tuple[int, int, int, int] | None = None) -> np.ndarray:
    ds = gdal.Open(path)  # kept in a variable: GDAL 3.6 frees the dataset under its band otherwise
    if ds is None:
        raise SystemExit(f"error: cannot open {path}")
    band = ds.GetRasterBand(1)
    return band.ReadAsArray(*window) if window else band.ReadAsArray()


def grey(image: np.ndarray) -> np.ndarray:
    """The image stretched from its minimum to its 99.5th percentile, as 8-bit RGB."""
    low, high = float(image.min()), float(np.percentile(image, 99.5))
    g = np.clip((image.astype(np.float64) - low) / max(high - low, 1e-9) * 255, 0, 255).astype(np.uint8)
    return np.stack([g, g, g], axis=-1)


def error_panel(image: np.ndarray, reference: np.ndarray, classified: np.ndarray,
                value: int) -> tuple[np.ndarray, dict]:
    """The image with the class's hits and misses coloured, and their counts as figures."""
    predicted, actual = classified == value, reference == value
    rgb = grey(image)
    rgb[predicted & actual] = TRUE_POSITIVE
    rgb[predicted & ~actual] = FALSE_POSITIVE
    rgb[~predicted & actual] = FALSE_NEGATIVE
    tp = int((predicted & actual).sum())
    fp = int((predicted & ~actual).sum())
    fn = int((~predicted & actual).sum())
    figures = {"precision": round(tp / max(1, tp + fp), 4), "recall": round(tp / max(1, tp + fn), 4),
               "iou": round(tp / max(1, tp + fp + fn), 4), "false_positives": fp, "false_negatives": fn}
    return rgb, figures


def write_png(rgb: np.ndarray, path: str) -> None:
    mem = gdal.GetDriverByName("MEM").Create("", rgb.shape[1], rgb.shape[0], 3, gdal.GDT_Byte)
    for i in range(3):
        mem.GetRasterBand(i + 1).WriteArray(rgb[..., i])
    gdal.GetDriverByName("PNG").CreateCopy(path, mem)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("image")
    parser.add_argument("reference")
    parser.add_argument("classified", nargs="+")
    parser.add_argument("--window", type=int, nargs=4, metavar=("XOFF", "YOFF", "XSIZE", "YSIZE"),
                        help="the classified rasters' window of the image and the reference (default: all)")
    parser.add_argument("--value", type=int, default=1, help="the class value to map (default 1)")
    parser.add_argument("--out", required=True, help="the PNG to write")
    args = parser.parse_args(argv)

    window = tuple(args.window) if args.window else None
    image, reference = read_band(args.image, window), read_band(args.reference, window)
    panels = []
    for path in args.classified:
        classified = read_band(path)
        if classified.shape != reference.shape:
            raise SystemExit(f"error: {path} is {classified.shape[1]} x {classified.shape[0]} pixels, the window "
                             f"{reference.shape[1]} x {reference.shape[0]}: give its --window")
        rgb, figures = error_panel(image, reference, classified, args.value)
        print(json.dumps({"classified": path, **figures}), flush=True)
        panels += [rgb, np.full((rgb.shape[0], GAP, 3), 255, np.uint8)]
    panels.append(grey(image))
    write_png(np.concatenate(panels, axis=1), args.out)
    gdal.Unlink(args.out + ".aux.xml")


if __name__ == "__main__":
    main()

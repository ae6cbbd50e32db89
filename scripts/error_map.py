#!/usr/bin/env python3
"""Where a classified raster is wrong about one class: a PNG of the image in grey with that class's
true positives in green, false positives in red and false negatives in blue (the image alone on
the right). Its precision, recall and IoU are the evaluation engine's (`remotenet:evaluate`;
`scripts/compare_encoders.py` prints them per run).

The classified raster covers a window of the image and of the reference (both on the same grid);
give that window. For example, the held-out rasters that `scripts/compare_encoders.py --keep DIR`
keeps for the road scene:

  .venv/bin/python scripts/error_map.py tests/data/vegas_pan_0p3m.tif tests/data/vegas_roads_mask.tif \\
      --window 900 0 400 1300 --value 1 --out docs/roads_errors.png DIR/remotenet-resnet18_seed1.tif ...

Several classified rasters are drawn side by side, in the order given. GDAL and numpy only.
"""
from __future__ import annotations

import argparse
import os

import numpy as np
from osgeo import gdal
from preview import stretch, write_png  # scripts/preview.py: the same grey and PNG writing

TRUE_POSITIVE, FALSE_POSITIVE, FALSE_NEGATIVE = (0, 200, 0), (255, 0, 0), (0, 0, 255)
GAP = 8  # white pixels between panels


def read_band(path: str, window: tuple[int, int, int, int] | None = None) -> np.ndarray:
    ds = gdal.Open(path)  # kept in a variable: GDAL 3.6 frees the dataset under its band otherwise
    band = ds.GetRasterBand(1)
    return band.ReadAsArray(*window) if window else band.ReadAsArray()


def error_panel(grey: np.ndarray, reference: np.ndarray, classified: np.ndarray, value: int) -> np.ndarray:
    """(3, height, width): the grey image with the class's hits and misses coloured."""
    predicted, actual = classified == value, reference == value
    rgb = np.stack([grey, grey, grey])
    for where, colour in ((predicted & actual, TRUE_POSITIVE), (predicted & ~actual, FALSE_POSITIVE),
                          (~predicted & actual, FALSE_NEGATIVE)):
        rgb[:, where] = np.array(colour, dtype=np.uint8)[:, None]
    return rgb


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
    grey = stretch(read_band(args.image, window).astype(np.float64))
    reference = read_band(args.reference, window)
    panels = []
    for path in args.classified:
        classified = read_band(path)
        if classified.shape != reference.shape:
            raise SystemExit(f"error: {path} is {classified.shape[1]} x {classified.shape[0]} pixels, the window "
                             f"{reference.shape[1]} x {reference.shape[0]}: give its --window")
        panels += [error_panel(grey, reference, classified, args.value),
                   np.full((3, grey.shape[0], GAP), 255, np.uint8)]
    panels.append(np.stack([grey, grey, grey]))
    write_png(np.concatenate(panels, axis=2), args.out)
    if os.path.exists(args.out + ".aux.xml"):  # the PNG driver's side file, not wanted beside a figure
        os.remove(args.out + ".aux.xml")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes tests/data/virginia_s2_polygons.gpkg: a few training polygons per class over the real
Sentinel-2 scene tests/data/virginia_s2_bgrn_10m.tif, made the way a QGIS user makes them.

Seven land-cover classes read off a false-colour view of the scene (NIR/red/green): water (the
tidal creek and river), marsh, forest, bare field, crop (dense green), pale field (sparse green)
and built-up (the town in the south-west and the village in the centre). Each polygon grows
from a seed point picked by eye (snapped to the most homogeneous 7 x 7 px spot within 15 px
that looks like the class, as the eye would), over the 4-connected pixels within a few pixels of
the seed whose spectrum stays within 12 % of the seed's: what Semi-Automatic Classification's
region-growing ROI tool does. Built-up polygons are squares drawn around a block of houses (too
mixed to grow). Six polygons per class; field ``class`` (text), field ``split``: alternate
polygons of each class are "train" and "test" (held out), as issue 24's check does.

Run once; the GeoPackage is committed (about 100 KB). Data: contains modified Copernicus
Sentinel data (CC0), see tests/data/ATTRIBUTION.md.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from osgeo import gdal, ogr

ROOT = Path(__file__).resolve().parent.parent
RASTER = ROOT / "tests" / "data" / "virginia_s2_bgrn_10m.tif"
OUTPUT = ROOT / "tests" / "data" / "virginia_s2_polygons.gpkg"

# Seed points (column, row) picked by eye on the false-colour view, and the growth radius in pixels.
SEEDS = {
    "water": [(662, 592), (792, 702), (1012, 752), (942, 832), (710, 700), (860, 745)],
    "marsh": [(962, 912), (912, 987), (952, 872), (1000, 960), (880, 1000), (990, 1010)],
    "forest": [(430, 560), (200, 130), (470, 380), (560, 700), (780, 880), (330, 560)],
    "bare_field": [(380, 610), (640, 500), (720, 600), (880, 470), (160, 480), (250, 260)],
    "crop": [(560, 640), (430, 290), (330, 310), (30, 660), (420, 40), (860, 640)],
    "pale_field": [(150, 370), (80, 500), (620, 800), (960, 600), (990, 690), (300, 850)],
    "built_up": [(45, 697), (100, 777), (120, 812), (185, 562), (30, 887), (125, 732)],
}
RADII = (4, 3, 5, 3, 4, 4)
# Spectra that define each class for the snapping (means of 7 x 7 px at these points).
PROTOTYPES = {"water": [(1012, 752), (792, 702)], "marsh": [(912, 987), (880, 1000)], "forest": [(430, 560)],
              "bare_field": [(640, 500), (720, 600), (160, 480)], "crop": [(560, 640), (30, 660)],
              "pale_field": [(150, 370), (960, 600), (300, 850)]}


def window_stats(image: np.ndarray, col: int, row: int, half: int = 3) -> tuple[np.ndarray, np.ndarray]:
    w = image[:, row - half:row + half + 1, col - half:col + half + 1].reshape(image.shape[0], -1)
    return w.mean(1), w.std(1)


def snap(image: np.ndarray, col: int, row: int, prototype: np.ndarray, reach: int = 15) -> tuple[int, int]:
    best = None
    height, width = image.shape[1:]
    for r in range(max(5, row - reach), min(height - 6, row + reach) + 1):
        for c in range(max(5, col - reach), min(width - 6, col + reach) + 1):
            mean, std = window_stats(image, c, r)
            score = np.abs(mean - prototype).sum() / prototype.sum() + std.sum() / mean.sum()
            if best is None or score < best[0]:
                best = (score, c, r)
    return best[1], best[2]


def grow(image: np.ndarray, col: int, row: int, radius: int, tolerance: float = 0.12) -> np.ndarray:
    """Pixels 4-connected to the seed within ``radius`` whose spectrum is within ``tolerance``
    (relative L1) of the seed window's mean."""
    mean, _ = window_stats(image, col, row)
    height, width = image.shape[1:]
    mask = np.zeros((height, width), dtype=bool)
    todo = [(row, col)]
    while todo:
        r, c = todo.pop()
        if mask[r, c] or abs(r - row) > radius or abs(c - col) > radius:
            continue
        if np.abs(image[:, r, c] - mean).sum() / mean.sum() > tolerance:
            continue
        mask[r, c] = True
        todo.extend(((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)))
    return mask


def main() -> None:
    ds = gdal.Open(str(RASTER))
    image = ds.ReadAsArray().astype(np.float64)
    prototypes = {k: np.mean([window_stats(image, c, r)[0] for c, r in pts], axis=0)
                  for k, pts in PROTOTYPES.items()}
    ids = np.zeros(image.shape[1:], dtype=np.int32)
    records = []
    for name, seeds in SEEDS.items():
        for i, (col, row) in enumerate(seeds):
            radius = RADII[i]
            if name == "built_up":
                mask = np.zeros(ids.shape, dtype=bool)
                mask[row - 3:row + 4, col - 3:col + 4] = True
            else:
                col, row = snap(image, col, row, prototypes[name])
                mask = grow(image, col, row, radius)
            mask &= ids == 0
            records.append((name, "train" if i % 2 == 0 else "test", int(mask.sum())))
            ids[mask] = len(records)
    mem = gdal.GetDriverByName("MEM").Create("", ids.shape[1], ids.shape[0], 1, gdal.GDT_Int32)
    mem.SetGeoTransform(ds.GetGeoTransform())
    mem.SetProjection(ds.GetProjection())
    mem.GetRasterBand(1).WriteArray(ids)
    if OUTPUT.exists():
        OUTPUT.unlink()
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(OUTPUT))
    layer = out.CreateLayer("polygons", ds.GetSpatialRef(), ogr.wkbMultiPolygon)
    for name, width in (("id", ogr.OFTInteger), ("class", ogr.OFTString), ("split", ogr.OFTString)):
        field = ogr.FieldDefn(name, width)
        layer.CreateField(field)
    driver = ogr.GetDriverByName("MEM") or ogr.GetDriverByName("Memory")  # MEM from GDAL 3.11 on
    tmp_source = driver.CreateDataSource("tmp")
    tmp = tmp_source.CreateLayer("p", ds.GetSpatialRef())
    tmp.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    gdal.Polygonize(mem.GetRasterBand(1), mem.GetRasterBand(1), tmp, 0, [])
    pieces: dict[int, ogr.Geometry] = {}
    for feature in tmp:
        key = feature.GetField("id")
        geom = feature.GetGeometryRef().Clone()
        pieces[key] = geom if key not in pieces else pieces[key].Union(geom)
    for key in sorted(pieces):
        name, split, _ = records[key - 1]
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id", key)
        feature.SetField("class", name)
        feature.SetField("split", split)
        feature.SetGeometry(ogr.ForceToMultiPolygon(pieces[key]))
        layer.CreateFeature(feature)
    out = None
    train = sum(n for _, s, n in records if s == "train")
    print(f"{len(pieces)} polygons, {train} training and {sum(n for *_, n in records) - train} held-out pixels "
          f"-> {OUTPUT}")


if __name__ == "__main__":
    main()

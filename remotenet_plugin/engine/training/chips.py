"""Training chips from a raster and its labels (GDAL/OGR + numpy; no QGIS). The labels are read
by labels.py (a class raster, or polygons with a class field).

The split holds out whole labelled objects (polygons, or connected patches of a class raster,
cut into tile-sized cells where they are larger), so that every class with at least two
objects has validation pixels. No training chip holds a validation pixel; validation chips
score validation pixels only. Without a tile size, one is chosen from the raster's size and
the spread of the labels (``choose_tile_size``). The normalisation (scale, then per-band
mean/std) is computed from training chips only.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Callable, Optional

import numpy as np
from osgeo import gdal, ogr

from ....model.messages import QT_TRANSLATE_NOOP
from ....model.metadata import NO_CLASS
from ..base.gdal_errors import with_gdal_exceptions
from ..read.resample import pixel_size_m
from .labels import (
    LabelsError,
    crs_name,
    finish_classes,
    read_label_grid,
)

if TYPE_CHECKING:  # torch is imported by the training code only when chips are made
    from ....model.training import ChipSet

# The training name of the labels' error: the same class, so either name catches it.
TrainingDataError = LabelsError


@with_gdal_exceptions
def prepare_training_chips(raster: str, labels: str, class_field: Optional[str] = None,
                           bands: Optional[Sequence[int]] = None, tile_size: Optional[int] = None,
                           background: Optional[bool] = None, class_names: Optional[dict[int, str]] = None,
                           class_colors: Optional[dict[int, Sequence[int]]] = None,
                           window: Optional[Sequence[int]] = None, val_fraction: float = 0.2,
                           train_stride: Optional[int] = None, max_train_chips: int = 2000,
                           max_val_chips: int = 256, min_labelled: float = 0.01, seed: int = 0,
                           layer: Optional[str] = None,
                           log: Optional[Callable[[str], None]] = None) -> ChipSet:
    """Read ``raster`` and ``labels`` and cut them into training and validation chips.

    ``bands`` are 1-based (default: all). ``window`` = (xoff, yoff, xsize, ysize) restricts
    everything (labels, chips, statistics) to that part of the raster, e.g. to keep a
    held-out area unseen. ``background`` (default: only when polygons have no class field)
    makes unlabelled pixels inside the window a "background" class. ``class_names`` and
    ``class_colors`` override names and colours by class value.
    """
    say = log or (lambda _msg: None)
    ds = _open_raster(raster)
    band_list = _check_bands(ds, bands)
    win = _check_window(ds, window)
    grid = read_label_grid(ds, labels, class_field, win, background=background, layer=layer)
    for note in grid.notes:
        say(note)
    label_values = grid.values.copy()
    nodata_mask = _image_nodata_mask(ds, band_list, win)
    if nodata_mask is not None:
        label_values[nodata_mask] = NO_CLASS
    classes = finish_classes(grid.classes, class_names, class_colors)
    if len(classes) < 2:
        only = classes[0]["name"] if classes else "none"
        raise TrainingDataError(
            QT_TRANSLATE_NOOP(
            "RemoteNet", "the labels hold only one class ({only}); a segmentation model needs at least two. For "
            "footprints of one kind, leave the class field empty or ask for a background class.").format(only=only))
    index = _value_to_index(classes)
    label_index = index[label_values]

    height, width = label_index.shape
    if tile_size:
        tile = int(min(tile_size, height, width))
    else:
        tile, why = choose_tile_size(label_index)
        say(f"Tile size {why} (TILE_SIZE not given).")
    if tile < 32:
        raise TrainingDataError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster (window) is {width} x {height} pixels; training needs at least 32 x 32").format(
            width=width, height=height))
    split, split_info = _object_split(label_index, len(classes), tile, val_fraction, seed)
    train_pos, val_pos = _chip_positions(label_index, split, tile, train_stride or max(8, tile // 8), min_labelled)
    rng = np.random.default_rng(seed)
    if len(train_pos) > max_train_chips:
        train_pos = [train_pos[i] for i in np.sort(rng.choice(len(train_pos), max_train_chips, replace=False))]
    if len(val_pos) > max_val_chips:
        val_pos = [val_pos[i] for i in np.sort(rng.choice(len(val_pos), max_val_chips, replace=False))]
    if not train_pos or not val_pos:
        if not train_pos:
            message = QT_TRANSLATE_NOOP(
                "RemoteNet", "no training chip of {tile} x {tile} pixels fits in the labelled area after the spatial "
                "split; use a smaller tile size or label a larger area")
        else:
            message = QT_TRANSLATE_NOOP(
                "RemoteNet", "no validation chip of {tile} x {tile} pixels fits in the labelled area after the "
                "spatial split; use a smaller tile size or label a larger area")
        raise TrainingDataError(message.format(tile=tile))
    # Training chips see training labels only (they hold no validation pixel anyway); validation
    # chips score validation pixels only, each once.
    train_index = np.where(split == 0, label_index, NO_CLASS).astype(np.uint8)
    val_index = np.where(split == 1, label_index, NO_CLASS).astype(np.uint8)
    train_images, train_labels = _read_chips(ds, band_list, win, train_index, train_pos, tile)
    val_images, val_labels = _read_chips(ds, band_list, win, val_index, val_pos, tile)
    seen = np.zeros(label_index.shape, dtype=bool)
    for i, (r, c) in enumerate(val_pos):
        val_labels[i][seen[r:r + tile, c:c + tile]] = NO_CLASS
        seen[r:r + tile, c:c + tile] = True
    reached = np.zeros(label_index.shape, dtype=bool)
    for r, c in train_pos:
        reached[r:r + tile, c:c + tile] = True
    names = [c["name"] for c in classes]
    train_reached = np.bincount(train_index[reached & (train_index != NO_CLASS)], minlength=len(classes))
    split_info["train_pixels_in_chips_per_class"] = train_reached.tolist()
    val_counts = split_info["val_pixels_per_class"]
    say(f"Validation: {split_info['val_objects']} of {split_info['objects']} labelled objects held out; "
        f"validation pixels per class: {dict(zip(names, val_counts))}; training pixels in training chips per "
        f"class: {dict(zip(names, train_reached.tolist()))}.")
    norm = _normalisation(ds, band_list, train_images, train_labels, nodata_value=_nodata(ds, band_list))
    counts = np.bincount(label_index[label_index != NO_CLASS].ravel(), minlength=len(classes))
    say(f"{len(train_pos)} training and {len(val_pos)} validation chips of {tile} px; "
        f"labelled pixels per class: {dict(zip([c['name'] for c in classes], counts.tolist()))}")

    header = {
        "bands": [{"index": b, "name": ds.GetRasterBand(b).GetDescription() or f"band {b}"} for b in band_list],
        "classes": classes,
        "input": norm,
        "tile_size": tile,
        "gsd_m": _gsd_m(ds),
        "provenance": {"data": {
            "raster": os.path.basename(raster), "labels": os.path.basename(labels.split("|")[0]),
            "label_source": grid.source, "class_field": class_field or None,
            "window": list(win), "crs": crs_name(ds),
            "labelled_pixels": int(counts.sum()),
            "class_pixels": {c["name"]: int(n) for c, n in zip(classes, counts)},
            "train_chips": len(train_pos), "val_chips": len(val_pos), "split": split_info,
            "tile_size": {"px": tile, "chosen": "given" if tile_size else "auto"},
        }},
    }
    from ....model.training import ChipSet

    return ChipSet(train_images, train_labels, val_images, val_labels, header)


def choose_tile_size(index: np.ndarray) -> tuple[int, str]:
    """A tile size for this raster (window) and its labels, and why.

    The largest of 256, 192, 128, 96 and 64 px that fits the raster a third of a side (so a
    scene gives a few chips across) and whose tile-sized cells split the labelled area into at
    least 8 parts (so that training and validation each get some); at most 128 px where the
    labels are sparse (under a quarter of the raster: polygons), so that chips can sit around
    training polygons without covering held-out ones. A 500 px scene with polygons gets 128 px;
    a 1,000 px scene with dense labels keeps 256.
    """
    height, width = index.shape
    labelled = index != NO_CLASS
    sparse = labelled.mean() < 0.25
    for tile in (256, 192, 128, 96, 64):
        if sparse and tile > 128:
            continue
        if tile * 3 > min(height, width):
            continue
        rows, cols = _edges(height, tile), _edges(width, tile)
        cells = sum(1 for r0, r1 in zip(rows[:-1], rows[1:]) for c0, c1 in zip(cols[:-1], cols[1:])
                    if labelled[r0:r1, c0:c1].any())
        if cells >= 8:
            return tile, (f"{tile} px: fits the {width} x {height} px raster three times a side and splits "
                          f"the labelled area into {cells} cells" + (f"; labels are sparse ({labelled.mean():.1%} "
                                                                      "of the raster)" if sparse else ""))
    tile = max(32, min(64, height, width))
    return tile, f"{tile} px: the smallest offered, for a {width} x {height} px raster or labels this close together"


def label_objects(index: np.ndarray, cell: int) -> np.ndarray:
    """(H, W) int32: 1.. for each labelled object, 0 unlabelled. An object is a 4-connected region
    of labelled pixels (a polygon, or touching polygons; a connected patch of a class raster);
    one that spans more than ``cell`` px is cut by a grid of ``cell`` px cells, so dense labels
    become tile-sized blocks while separate polygons stay whole."""
    labelled = index != NO_CLASS
    ids = _connected(labelled)
    count = int(ids.max())
    height, width = index.shape
    rows, cols = np.nonzero(labelled)
    which = ids[rows, cols]
    big = np.zeros(count + 1, dtype=bool)
    for lo, hi in ((rows, rows), (cols, cols)):
        low = np.full(count + 1, np.iinfo(np.int64).max)
        high = np.full(count + 1, -1)
        np.minimum.at(low, which, lo)
        np.maximum.at(high, which, hi)
        big |= high - low + 1 > cell
    cells_across = width // cell + 1
    cell_id = (rows // cell) * cells_across + cols // cell
    key = which.astype(np.int64) * (cells_across * (height // cell + 1)) + np.where(big[which], cell_id, 0)
    _, inverse = np.unique(key, return_inverse=True)
    out = np.zeros(index.shape, dtype=np.int32)
    out[rows, cols] = inverse.astype(np.int32) + 1
    return out


def _connected(mask: np.ndarray) -> np.ndarray:
    """4-connected regions of ``mask`` numbered 1.. (GDAL's polygoniser, then rasterised back)."""
    from ..base.ogr_memory import memory_vector_driver

    height, width = mask.shape
    mem = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    mem.GetRasterBand(1).WriteArray(mask.astype(np.uint8))
    source = memory_vector_driver().CreateDataSource("objects")
    layer = source.CreateLayer("objects")
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    gdal.Polygonize(mem.GetRasterBand(1), mem.GetRasterBand(1), layer, 0, [])
    for n, feature in enumerate(layer, start=1):
        feature.SetField("id", n)
        layer.SetFeature(feature)
    out = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Int32)
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # neither has a CRS: pixel coordinates on both sides
    try:
        gdal.RasterizeLayer(out, [1], layer, options=["ATTRIBUTE=id"])
    finally:
        gdal.PopErrorHandler()
    ids = out.GetRasterBand(1).ReadAsArray().astype(np.int32)
    ids[~mask] = 0
    return ids


def _object_split(index: np.ndarray, num_classes: int, cell: int, val_fraction: float,
                  seed: int) -> tuple[np.ndarray, dict[str, Any]]:
    """(H, W) int8: 0 training, 1 validation, -1 no label; plus a description.

    Whole labelled objects (``label_objects``) are held out: first, for each class (rarest
    first) that has at least two objects, one of its objects, provided every class keeps
    training pixels; then more objects at random until ``val_fraction`` of the labelled pixels
    are held out."""
    ids = label_objects(index, cell)
    count = int(ids.max())
    labelled = ids > 0
    hist = np.zeros((count + 1, num_classes), dtype=np.int64)
    np.add.at(hist, (ids[labelled], index[labelled].astype(np.int64)), 1)
    hist = hist[1:]
    if count < 2:
        raise TrainingDataError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the labels form a single object: too few for a train/validation split; label at least "
            "two separate areas (polygons) per class").format())
    rng = np.random.default_rng(seed)
    total = hist.sum(0)
    held = np.zeros(count, dtype=bool)

    def can_hold(i: int) -> bool:
        rest = total - hist[held].sum(0) - hist[i]
        return bool(np.all(rest[total > 0] > 0))

    objects_per_class = (hist > 0).sum(0)
    for k in np.argsort(total):
        if total[k] == 0 or objects_per_class[k] < 2 or hist[held, k].sum() > 0:
            continue
        candidates = [i for i in rng.permutation(np.flatnonzero(hist[:, k] > 0)) if not held[i] and can_hold(i)]
        if candidates:
            held[candidates[0]] = True
    target = val_fraction * total.sum()
    for i in rng.permutation(count):
        if hist[held].sum() >= target or held.sum() >= count - 1:
            break
        if not held[i] and can_hold(i) and hist[held].sum() + hist[i].sum() <= target * 1.5:
            held[i] = True
    split = np.full(index.shape, -1, dtype=np.int8)
    split[labelled] = held[ids[labelled] - 1].astype(np.int8)
    val_hist = hist[held].sum(0)
    info = {"method": "objects", "cell_px": cell, "objects": count, "val_objects": int(held.sum()),
            "objects_per_class": objects_per_class.tolist(), "val_pixels_per_class": val_hist.tolist(),
            "train_pixels_per_class": (total - val_hist).tolist()}
    return split, info


def _edges(length: int, size: int) -> list[int]:
    n = max(1, length // size)
    return [i * size for i in range(n)] + [length]


def _chip_positions(index: np.ndarray, split: np.ndarray, tile: int, stride: int,
                    min_labelled: float) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(row, col) of training chips: windows (stride ``stride``) with no validation pixel and at
    least ``min_labelled`` of their area (or 16 px, whichever is less) labelled for training; and
    of validation chips: windows on a ``tile`` grid that cover every validation pixel."""
    height, width = index.shape
    sums = {name: _integral(mask) for name, mask in (("train", split == 0), ("val", split == 1))}

    def window_sum(name: str, r: int, c: int) -> int:
        s = sums[name]
        return int(s[r + tile, c + tile] - s[r, c + tile] - s[r + tile, c] + s[r, c])

    need = max(1, min(16, int(np.ceil(min_labelled * tile * tile))))
    train = [(r, c) for r in _positions(height, tile, stride) for c in _positions(width, tile, stride)
             if window_sum("val", r, c) == 0 and window_sum("train", r, c) >= need]
    val = [(r, c) for r in _positions(height, tile, tile) for c in _positions(width, tile, tile)
           if window_sum("val", r, c) > 0]
    return train, val


def _positions(length: int, tile: int, step: int) -> list[int]:
    pos = list(range(0, length - tile + 1, step))
    if pos[-1] != length - tile:
        pos.append(length - tile)
    return pos


def _integral(mask: np.ndarray) -> np.ndarray:
    out = np.zeros((mask.shape[0] + 1, mask.shape[1] + 1), dtype=np.int64)
    out[1:, 1:] = mask.astype(np.int64).cumsum(0).cumsum(1)
    return out


def _read_chips(ds: gdal.Dataset, bands: list[int], window: tuple[int, int, int, int], index: np.ndarray,
                positions: list[tuple[int, int]], tile: int) -> tuple[np.ndarray, np.ndarray]:
    dtype = gdal.GetDataTypeName(ds.GetRasterBand(bands[0]).DataType)
    np_dtype = {"Byte": np.uint8, "UInt16": np.uint16, "Int16": np.int16}.get(dtype, np.float32)
    images = np.empty((len(positions), len(bands), tile, tile), dtype=np_dtype)
    labels = np.empty((len(positions), tile, tile), dtype=np.uint8)
    xoff, yoff = window[0], window[1]
    for i, (r, c) in enumerate(positions):
        for j, b in enumerate(bands):
            images[i, j] = ds.GetRasterBand(b).ReadAsArray(xoff + c, yoff + r, tile, tile)
        labels[i] = index[r:r + tile, c:c + tile]
    return images, labels


def _normalisation(ds: gdal.Dataset, bands: list[int], images: np.ndarray, labels: np.ndarray,
                   nodata_value: Optional[float]) -> dict[str, Any]:
    """offset 0; scale 255 for bytes, else the 99.9th percentile of the training pixels
    (rounded up); then mean/std of the scaled training pixels per band."""
    rng = np.random.default_rng(0)
    pixels = images.transpose(1, 0, 2, 3).reshape(len(bands), -1)
    valid = np.ones(pixels.shape[1], dtype=bool)
    if nodata_value is not None:
        valid &= ~np.any(pixels == nodata_value, axis=0)
    pixels = pixels[:, valid]
    if pixels.shape[1] > 2_000_000:
        pixels = pixels[:, rng.choice(pixels.shape[1], 2_000_000, replace=False)]
    pixels = pixels.astype(np.float64)
    if pixels.shape[1] == 0:
        raise TrainingDataError(QT_TRANSLATE_NOOP("RemoteNet", "every training pixel is nodata"))
    if images.dtype == np.uint8:
        scale = 255.0
    else:
        high = float(np.percentile(pixels, 99.9))
        scale = float(np.ceil(high)) if high > 1.5 else max(high, 1e-6)
    scaled = pixels / scale
    std = np.maximum(scaled.std(axis=1), 1e-6)
    return {"offset": 0.0, "scale": scale, "mean": [round(float(m), 6) for m in scaled.mean(axis=1)],
            "std": [round(float(s), 6) for s in std]}


def _value_to_index(classes: list[dict[str, Any]]) -> np.ndarray:
    lut = np.full(256, NO_CLASS, dtype=np.uint8)
    for i, c in enumerate(classes):
        lut[c["value"]] = i
    return lut


def _open_raster(path: str) -> gdal.Dataset:
    try:
        ds = gdal.Open(path)
    except RuntimeError as err:
        raise TrainingDataError(QT_TRANSLATE_NOOP(
            "RemoteNet", "cannot open the raster {path}: {err}").format(path=path, err=err)) from err
    if ds is None or ds.RasterCount == 0:
        raise TrainingDataError(QT_TRANSLATE_NOOP("RemoteNet", "{path} is not a raster with bands").format(path=path))
    return ds


def _check_bands(ds: gdal.Dataset, bands: Optional[Sequence[int]]) -> list[int]:
    band_list = [int(b) for b in bands] if bands else list(range(1, ds.RasterCount + 1))
    bad = [b for b in band_list if not 1 <= b <= ds.RasterCount]
    if bad:
        raise TrainingDataError(QT_TRANSLATE_NOOP(
            "RemoteNet", "bands {bad} do not exist: the raster has {rastercount} (1-based)").format(
            bad=bad, rastercount=ds.RasterCount))
    return band_list


def _check_window(ds: gdal.Dataset, window: Optional[Sequence[int]]) -> tuple[int, int, int, int]:
    if window is None:
        return (0, 0, ds.RasterXSize, ds.RasterYSize)
    x, y, w, h = (int(v) for v in window)
    if x < 0 or y < 0 or w < 1 or h < 1 or x + w > ds.RasterXSize or y + h > ds.RasterYSize:
        raise TrainingDataError(QT_TRANSLATE_NOOP(
            "RemoteNet", "window {window} is not inside the {rasterxsize} x {rasterysize} raster").format(
            window=window, rasterxsize=ds.RasterXSize, rasterysize=ds.RasterYSize))
    return (x, y, w, h)


def _nodata(ds: gdal.Dataset, bands: list[int]) -> Optional[float]:
    return ds.GetRasterBand(bands[0]).GetNoDataValue()


def _image_nodata_mask(ds: gdal.Dataset, bands: list[int], window: tuple[int, int, int, int]) -> Optional[np.ndarray]:
    mask = None
    for b in bands:
        band = ds.GetRasterBand(b)
        nodata = band.GetNoDataValue()
        if nodata is None:
            continue
        part = band.ReadAsArray(*window) == nodata
        mask = part if mask is None else (mask | part)
    return mask


def _gsd_m(ds: gdal.Dataset) -> Optional[float]:
    """The raster's pixel size in metres at its centre, rounded for the header (read/resample.py)."""
    size = pixel_size_m(ds, (0, 0, ds.RasterXSize, ds.RasterYSize))
    return None if size is None else round(size, 6)


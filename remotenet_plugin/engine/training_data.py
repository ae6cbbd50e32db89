"""Training chips from a raster and its labels (GDAL/OGR + numpy; no QGIS). The labels are read
by labels.py (a class raster, or polygons with a class field).

The labelled area is cut into square blocks; some blocks are held out for validation.
A chip is a training chip only if it lies wholly in training blocks and a validation chip
only if it lies wholly in validation blocks, so no validation chip overlaps a training chip.
The normalisation (scale, then per-band mean/std) is computed from training chips only.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Callable, Optional

import numpy as np
from osgeo import gdal

from ...model.messages import QT_TRANSLATE_NOOP
from ...model.metadata import NO_CLASS
from .gdal_errors import with_gdal_exceptions
from .labels import (
    LabelsError,
    crs_name,
    finish_classes,
    read_label_grid,
)
from .source import dataset_srs

if TYPE_CHECKING:  # torch is imported by the training code only when chips are made
    from ...model.training import ChipSet

# The training name of the labels' error: the same class, so either name catches it.
TrainingDataError = LabelsError


@with_gdal_exceptions
def prepare_training_chips(raster: str, labels: str, class_field: Optional[str] = None,
                           bands: Optional[Sequence[int]] = None, tile_size: int = 256,
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
    tile = int(min(tile_size, height, width))
    if tile < 32:
        raise TrainingDataError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster (window) is {width} x {height} pixels; training needs at least 32 x 32").format(
            width=width, height=height))
    split, split_info = _block_split(label_index, len(classes), tile, val_fraction, seed)
    train_pos, val_pos = _chip_positions(label_index, split, tile, train_stride or max(16, tile // 4), min_labelled)
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

    train_images, train_labels = _read_chips(ds, band_list, win, label_index, train_pos, tile)
    val_images, val_labels = _read_chips(ds, band_list, win, label_index, val_pos, tile)
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
        }},
    }
    from ...model.training import ChipSet

    return ChipSet(train_images, train_labels, val_images, val_labels, header)


def _block_split(index: np.ndarray, num_classes: int, tile: int, val_fraction: float,
                 seed: int) -> tuple[np.ndarray, dict[str, Any]]:
    """(H, W) int8: 0 training block, 1 validation block, -1 no label; plus a description.

    Blocks are tile-sized (the last row/column absorbs the remainder, so every block holds a
    whole chip). Of the draws tried, the split keeps the one whose validation blocks hold the
    most classes while training keeps them all, closest to ``val_fraction`` of the labels.
    """
    height, width = index.shape
    rows = _edges(height, tile)
    cols = _edges(width, tile)
    blocks = []
    for r0, r1 in zip(rows[:-1], rows[1:]):
        for c0, c1 in zip(cols[:-1], cols[1:]):
            cell = index[r0:r1, c0:c1]
            hist = np.bincount(cell[cell != NO_CLASS].ravel(), minlength=num_classes)
            if hist.sum() > 0:
                blocks.append(((r0, r1, c0, c1), hist))
    if len(blocks) < 2:
        raise TrainingDataError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the labelled area fits in fewer than two blocks of {tile} x {tile} pixels: too small for "
            "a spatial train/validation split; use a smaller tile size or more labels").format(tile=tile))
    n_val = int(np.clip(round(val_fraction * len(blocks)), 1, len(blocks) - 1))
    rng = np.random.default_rng(seed)
    total = sum(h for _, h in blocks)
    best, best_score = None, None
    for _ in range(64):
        pick = rng.choice(len(blocks), n_val, replace=False)
        val_hist = sum(blocks[i][1] for i in pick)
        train_hist = total - val_hist
        score = (int((train_hist > 0).sum()), int((val_hist > 0).sum()),
                 -abs(val_hist.sum() / total.sum() - val_fraction))
        if best_score is None or score > best_score:
            best, best_score = pick, score
    split = np.full(index.shape, -1, dtype=np.int8)
    for i, ((r0, r1, c0, c1), _) in enumerate(blocks):
        split[r0:r1, c0:c1] = 1 if i in set(best.tolist()) else 0
    info = {"method": "blocks", "block_px": tile, "blocks": len(blocks), "val_blocks": n_val,
            "val_block_origins_px": sorted([list(blocks[i][0][::2]) for i in best])}
    return split, info


def _edges(length: int, size: int) -> list[int]:
    n = max(1, length // size)
    return [i * size for i in range(n)] + [length]


def _chip_positions(index: np.ndarray, split: np.ndarray, tile: int, stride: int,
                    min_labelled: float) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(row, col) of chips wholly inside training blocks (stride ``stride``) and wholly inside
    validation blocks (stride ``tile``), each with at least ``min_labelled`` labelled pixels."""
    height, width = index.shape
    sums = {name: _integral(mask) for name, mask in (
        ("train", split == 0), ("val", split == 1), ("lab", index != NO_CLASS))}

    def window_sum(name: str, r: int, c: int) -> int:
        s = sums[name]
        return int(s[r + tile, c + tile] - s[r, c + tile] - s[r + tile, c] + s[r, c])

    area = tile * tile
    need = max(1, int(np.ceil(min_labelled * area)))
    out = []
    for name, step in (("train", stride), ("val", tile)):
        found = []
        for r in _positions(height, tile, step):
            for c in _positions(width, tile, step):
                if window_sum(name, r, c) == area and window_sum("lab", r, c) >= need:
                    found.append((r, c))
        out.append(found)
    return out[0], out[1]


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
    """Pixel size in metres: exact on a projected grid; on a geographic one the mean of the
    east-west and north-south sizes at the raster's centre (a spherical earth, enough for a
    record of the resolution the model was trained at)."""
    srs = dataset_srs(ds)
    if srs is None:
        return None
    gt = ds.GetGeoTransform()
    if srs.IsProjected():
        return round(float(np.hypot(gt[1], gt[4])) * float(srs.GetLinearUnits()), 6)
    if not srs.IsGeographic():
        return None
    metres_per_unit = 6371008.8 * float(srs.GetAngularUnits())  # earth radius x radians per unit
    centre_lat = gt[3] + gt[5] * ds.RasterYSize / 2 + gt[4] * ds.RasterXSize / 2
    east_west = float(np.hypot(gt[1], gt[4])) * metres_per_unit * np.cos(np.radians(centre_lat))
    north_south = float(np.hypot(gt[2], gt[5])) * metres_per_unit
    return round((east_west + north_south) / 2, 6)


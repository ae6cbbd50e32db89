"""Training chips from a raster and its labels (GDAL/OGR + numpy; no QGIS).

Labels are either a class raster (its values are the class values; 255 and the label
raster's nodata mean unlabelled; warped onto the image grid when on another grid or CRS)
or polygons with a class field, rasterised onto the image grid (reprojected with OGR when
on another CRS). Without a class field every polygon is one class and the rest of the
raster is background.

The labelled area is cut into square blocks; some blocks are held out for validation.
A chip is a training chip only if it lies wholly in training blocks and a validation chip
only if it lies wholly in validation blocks, so no validation chip overlaps a training chip.
The normalisation (scale, then per-band mean/std) is computed from training chips only.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Callable, Optional

import numpy as np
from osgeo import gdal, ogr, osr

from ...model.metadata import EXTRA_COLORS
from ...model.training import ChipSet

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

UNLABELLED = 255
VECTOR_EXTENSIONS = {".geojson", ".json", ".shp", ".gpkg", ".kml", ".gml", ".fgb", ".sqlite", ".csv", ".tab"}


class TrainingDataError(ValueError):
    """The raster or labels cannot make training chips; the message says why and what to do."""


@dataclass
class LabelGrid:
    """Class values on the image grid (window), 255 = unlabelled, and what the classes are."""

    values: np.ndarray  # (H, W) uint8 class values
    classes: list[dict[str, Any]]  # [{"value", "name", "color"}] sorted by value
    source: str  # "raster" or "vector"
    notes: list[str]


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
        label_values[nodata_mask] = UNLABELLED
    classes = _finish_classes(grid.classes, class_names, class_colors)
    if len(classes) < 2:
        only = classes[0]["name"] if classes else "none"
        raise TrainingDataError(
            f"the labels hold only one class ({only}); a segmentation model needs at least two. "
            "For footprints of one kind, leave the class field empty or ask for a background class.")
    index = _value_to_index(classes)
    label_index = index[label_values]

    height, width = label_index.shape
    tile = int(min(tile_size, height, width))
    if tile < 32:
        raise TrainingDataError(f"the raster (window) is {width} x {height} pixels; training needs at least 32 x 32")
    split, split_info = _block_split(label_index, len(classes), tile, val_fraction, seed)
    train_pos, val_pos = _chip_positions(label_index, split, tile, train_stride or max(16, tile // 4), min_labelled)
    rng = np.random.default_rng(seed)
    if len(train_pos) > max_train_chips:
        train_pos = [train_pos[i] for i in np.sort(rng.choice(len(train_pos), max_train_chips, replace=False))]
    if len(val_pos) > max_val_chips:
        val_pos = [val_pos[i] for i in np.sort(rng.choice(len(val_pos), max_val_chips, replace=False))]
    if not train_pos or not val_pos:
        raise TrainingDataError(
            f"no {'training' if not train_pos else 'validation'} chip of {tile} x {tile} pixels fits in the labelled "
            f"area after the spatial split; use a smaller tile size or label a larger area")

    train_images, train_labels = _read_chips(ds, band_list, win, label_index, train_pos, tile)
    val_images, val_labels = _read_chips(ds, band_list, win, label_index, val_pos, tile)
    norm = _normalisation(ds, band_list, train_images, train_labels, nodata_value=_nodata(ds, band_list))
    counts = np.bincount(label_index[label_index != UNLABELLED].ravel(), minlength=len(classes))
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
            "window": list(win), "crs": _crs_name(ds),
            "labelled_pixels": int(counts.sum()),
            "class_pixels": {c["name"]: int(n) for c, n in zip(classes, counts)},
            "train_chips": len(train_pos), "val_chips": len(val_pos), "split": split_info,
        }},
    }
    return ChipSet(train_images, train_labels, val_images, val_labels, header)


def read_label_grid(ds: gdal.Dataset, labels: str, class_field: Optional[str],
                    window: tuple[int, int, int, int], background: Optional[bool] = None,
                    layer: Optional[str] = None) -> LabelGrid:
    """Labels (a class raster or polygons) as class values on the raster's grid in ``window``."""
    path, layer = _split_source(labels, layer)
    kind = _label_kind(path)
    if kind == "raster":
        if class_field:
            raise TrainingDataError(f"{path} is a raster: its pixel values are the classes, so it takes no "
                                    f"class field (got {class_field!r})")
        return _raster_labels(ds, path, window, bool(background))
    return _vector_labels(ds, path, layer, class_field, window, background)


# ---------------------------------------------------------------------------- labels


def _raster_labels(ds: gdal.Dataset, path: str, window: tuple[int, int, int, int], background: bool) -> LabelGrid:
    src = gdal.Open(path)
    band = src.GetRasterBand(1)
    nodata = band.GetNoDataValue()
    notes = []
    same_grid = (src.RasterXSize == ds.RasterXSize and src.RasterYSize == ds.RasterYSize
                 and np.allclose(src.GetGeoTransform(), ds.GetGeoTransform()) and _same_crs(src, ds))
    xoff, yoff, xsize, ysize = window
    if same_grid:
        values = band.ReadAsArray(xoff, yoff, xsize, ysize)
    else:
        if not src.GetProjection() or not ds.GetProjection():
            raise TrainingDataError(f"{path} is on another grid than the image and one of them has no CRS; "
                                    "give both a CRS (or put the labels on the image grid)")
        notes.append(f"label raster {os.path.basename(path)} is on another grid or CRS: warped (nearest) "
                     "onto the image grid")
        gt = ds.GetGeoTransform()
        x0, y0 = gt[0] + xoff * gt[1] + yoff * gt[2], gt[3] + xoff * gt[4] + yoff * gt[5]
        mem = gdal.GetDriverByName("MEM").Create("", xsize, ysize, 1, gdal.GDT_Float64)
        mem.SetGeoTransform((x0, gt[1], gt[2], y0, gt[4], gt[5]))
        mem.SetProjection(ds.GetProjection())
        mem.GetRasterBand(1).Fill(-1.0)
        mem.GetRasterBand(1).SetNoDataValue(-1.0)
        gdal.Warp(mem, src, resampleAlg="near", srcNodata=nodata, dstNodata=-1.0)
        values = mem.GetRasterBand(1).ReadAsArray()
        values[values == -1.0] = UNLABELLED
    values = np.asarray(values)
    unlabelled = values == UNLABELLED
    if nodata is not None:
        unlabelled |= values == nodata
    found = np.unique(values[~unlabelled])
    if found.size == 0:
        raise TrainingDataError(f"the label raster {path} has no labelled pixel over the image"
                                f"{'' if _whole(ds, window) else ' window'}: "
                                "the labels do not overlap the raster (or are all 255/nodata)")
    if np.any(found != np.round(found)) or found.min() < 0 or found.max() > 254:
        raise TrainingDataError(f"label raster values must be whole numbers 0..254 (255 = unlabelled); "
                                f"found {found[:10].tolist()}")
    grid = np.full(values.shape, UNLABELLED, dtype=np.uint8)
    grid[~unlabelled] = values[~unlabelled].astype(np.uint8)
    names = band.GetCategoryNames() or []
    ct = band.GetColorTable()
    classes = []
    for v in found.astype(int).tolist():
        name = names[v] if v < len(names) and names[v] else str(v)
        color = list(ct.GetColorEntry(v)[:3]) if ct is not None and v < ct.GetCount() else None
        classes.append({"value": v, "name": name, "color": color})
    if background:
        notes.append("background ignored for raster labels: their values are the classes")
    return LabelGrid(grid, classes, "raster", notes)


def _vector_labels(ds: gdal.Dataset, path: str, layer_name: Optional[str], class_field: Optional[str],
                   window: tuple[int, int, int, int], background: Optional[bool]) -> LabelGrid:
    vec = VectorLabels(ds, path, class_field, layer_name, background)
    return LabelGrid(vec.rasterise(window), vec.classes, "vector", vec.notes)


class VectorLabels:
    """Polygons with a class field, reprojected onto a raster's CRS, ready to rasterise by windows.

    Class values: a numeric field keeps its values (names are the values); a text field gives
    0..N-1 in sorted order (1..N after a background 0), or the values of ``name_to_value``
    when given (evaluation maps names onto a classified raster's categories). Without a class
    field every polygon is class 1 (named after the layer) and the rest background 0.
    """

    def __init__(self, ds: gdal.Dataset, path: str, class_field: Optional[str] = None,
                 layer_name: Optional[str] = None, background: Optional[bool] = None,
                 name_to_value: Optional[dict[str, int]] = None):
        path, layer_name = _split_source(path, layer_name)
        self.ds = ds
        self.notes: list[str] = []
        try:
            src = ogr.Open(path)
        except RuntimeError as err:
            raise TrainingDataError(f"{path}: cannot open the labels as a vector layer ({err})") from err
        if src is None or src.GetLayerCount() == 0:
            raise TrainingDataError(f"{path}: no vector layer to read labels from")
        layer = src.GetLayerByName(layer_name) if layer_name else src.GetLayer(0)
        if layer is None:
            raise TrainingDataError(f"{path}: no layer named {layer_name!r}")
        defn = layer.GetLayerDefn()
        fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        numeric = False
        if class_field:
            if class_field not in fields:
                raise TrainingDataError(
                    f"the labels have no field {class_field!r}; fields: {', '.join(fields) or 'none'}")
            ftype = defn.GetFieldDefn(fields.index(class_field)).GetType()
            numeric = ftype in (ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal)
        if background is None:
            background = not class_field
        self.background = background

        transform = _transform_to_raster(layer, ds, path)
        if transform is not None:
            self.notes.append(f"labels {os.path.basename(path)} are in another CRS: reprojected onto the raster's")
        geoms, keys = [], []
        layer.ResetReading()
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is None or geom.IsEmpty():
                continue
            key: Any = None
            if class_field:
                if not feature.IsFieldSet(class_field) or feature.IsFieldNull(class_field):
                    continue
                key = feature.GetField(class_field)
                if numeric:
                    if float(key) != round(float(key)):
                        raise TrainingDataError(f"class field {class_field!r} holds {key}: numeric classes must "
                                                "be whole numbers 0..254")
                    key = int(round(float(key)))
                else:
                    key = str(key)
            geom = geom.Clone()
            if transform is not None:
                geom.Transform(transform)
            geoms.append(geom)
            keys.append(key)
        if not geoms:
            raise TrainingDataError(f"{path}: no polygon with a class to rasterise"
                                    f"{f' (field {class_field!r} is empty everywhere)' if class_field else ''}")
        self.classes, burn = self._classes(keys, class_field, numeric, background, layer.GetName(), name_to_value)
        self.background_value = next((c["value"] for c in self.classes if c["name"] == "background"), None)

        srs = None
        if ds.GetProjection():
            srs = osr.SpatialReference()
            srs.ImportFromWkt(ds.GetProjection())
        self._source = ogr.GetDriverByName("Memory").CreateDataSource("labels")
        self.layer = self._source.CreateLayer("labels", srs=srs, geom_type=ogr.wkbUnknown)
        self.layer.CreateField(ogr.FieldDefn("cls", ogr.OFTInteger))
        for geom, value in zip(geoms, burn):
            feature = ogr.Feature(self.layer.GetLayerDefn())
            feature.SetGeometry(geom)
            feature.SetField("cls", int(value))
            self.layer.CreateFeature(feature)

    @staticmethod
    def _classes(keys: list[Any], class_field: Optional[str], numeric: bool, background: bool, layer_name: str,
                 name_to_value: Optional[dict[str, int]]) -> tuple[list[dict[str, Any]], list[int]]:
        if not class_field:
            classes = [{"value": 0, "name": "background", "color": None},
                       {"value": 1, "name": layer_name or "foreground", "color": None}]
            return classes, [1] * len(keys)
        if numeric:
            used = sorted(set(keys))
            if any(v < 0 or v > 254 for v in used):
                raise TrainingDataError(f"class values must be 0..254 (255 = unlabelled); {class_field!r} holds {used}")
            classes = [{"value": v, "name": str(v), "color": None} for v in used]
            if background:
                free = next(v for v in range(255) if v not in used)
                classes = sorted(classes + [{"value": free, "name": "background", "color": None}],
                                 key=lambda c: c["value"])
            return classes, keys
        names = sorted(set(keys))
        if name_to_value is not None:
            lookup_lower = {k.lower(): v for k, v in name_to_value.items()}
            unknown = [n for n in names if n.lower() not in lookup_lower]
            if unknown:
                raise TrainingDataError(f"class names {unknown} in {class_field!r} are not classes of the classified "
                                        f"raster ({', '.join(name_to_value)})")
            lookup = {n: lookup_lower[n.lower()] for n in names}
        else:
            first = 1 if background else 0
            lookup = {name: first + i for i, name in enumerate(names)}
        classes = [{"value": lookup[n], "name": n, "color": None} for n in names]
        if background:
            free = 0 if 0 not in lookup.values() else next(v for v in range(255) if v not in lookup.values())
            classes = sorted(classes + [{"value": free, "name": "background", "color": None}],
                             key=lambda c: c["value"])
        return classes, [lookup[k] for k in keys]

    def rasterise(self, window: tuple[int, int, int, int], check_overlap: bool = True) -> np.ndarray:
        """(ysize, xsize) uint8 class values of ``window``; 255 where no polygon (or background)."""
        ds = self.ds
        xoff, yoff, xsize, ysize = window
        gt = ds.GetGeoTransform()
        mem = gdal.GetDriverByName("MEM").Create("", xsize, ysize, 1, gdal.GDT_Byte)
        mem.SetGeoTransform((gt[0] + xoff * gt[1] + yoff * gt[2], gt[1], gt[2],
                             gt[3] + xoff * gt[4] + yoff * gt[5], gt[4], gt[5]))
        if ds.GetProjection():
            mem.SetProjection(ds.GetProjection())
        mem.GetRasterBand(1).Fill(UNLABELLED)
        gdal.RasterizeLayer(mem, [1], self.layer, options=["ATTRIBUTE=cls"])
        values = mem.GetRasterBand(1).ReadAsArray()
        if check_overlap and not np.any(values != UNLABELLED):
            raise TrainingDataError(
                f"the label polygons do not overlap the raster{'' if _whole(ds, window) else ' window'}: "
                f"labels cover {_extent_text(self.layer.GetExtent())}, the raster covers "
                f"{_extent_text(_raster_extent(mem))} (in the raster's CRS)")
        if self.background_value is not None:
            values[values == UNLABELLED] = self.background_value
        return values.astype(np.uint8)


def _transform_to_raster(layer: ogr.Layer, ds: gdal.Dataset, path: str) -> Optional[osr.CoordinateTransformation]:
    """None when no reprojection is needed; fails clearly when it cannot be decided."""
    vec_srs = layer.GetSpatialRef()
    wkt = ds.GetProjection()
    if vec_srs is None or not wkt:
        if vec_srs is not None and not wkt:
            raise TrainingDataError("the raster has no CRS but the labels do; assign the raster a CRS first")
        return None  # labels without a CRS are taken to be in the raster's
    ras_srs = osr.SpatialReference()
    ras_srs.ImportFromWkt(wkt)
    if vec_srs.IsSame(ras_srs):
        return None
    vec_srs = vec_srs.Clone()
    for srs in (vec_srs, ras_srs):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    try:
        return osr.CoordinateTransformation(vec_srs, ras_srs)
    except RuntimeError as err:
        raise TrainingDataError(f"{path}: cannot reproject the labels onto the raster's CRS ({err}); "
                                "reproject them first") from err


# ---------------------------------------------------------------------------- split and chips


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
            hist = np.bincount(cell[cell != UNLABELLED].ravel(), minlength=num_classes)
            if hist.sum() > 0:
                blocks.append(((r0, r1, c0, c1), hist))
    if len(blocks) < 2:
        raise TrainingDataError(f"the labelled area fits in fewer than two blocks of {tile} x {tile} pixels: too "
                                "small for a spatial train/validation split; use a smaller tile size or more labels")
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
        ("train", split == 0), ("val", split == 1), ("lab", index != UNLABELLED))}

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
        raise TrainingDataError("every training pixel is nodata")
    if images.dtype == np.uint8:
        scale = 255.0
    else:
        high = float(np.percentile(pixels, 99.9))
        scale = float(np.ceil(high)) if high > 1.5 else max(high, 1e-6)
    scaled = pixels / scale
    std = np.maximum(scaled.std(axis=1), 1e-6)
    return {"offset": 0.0, "scale": scale, "mean": [round(float(m), 6) for m in scaled.mean(axis=1)],
            "std": [round(float(s), 6) for s in std]}


# ---------------------------------------------------------------------------- helpers


def _finish_classes(classes: list[dict[str, Any]], names: Optional[dict[int, str]],
                    colors: Optional[dict[int, Sequence[int]]]) -> list[dict[str, Any]]:
    out = []
    for i, c in enumerate(sorted(classes, key=lambda c: c["value"])):
        v = c["value"]
        name = (names or {}).get(v, c["name"])
        color = (colors or {}).get(v) or c.get("color") or EXTRA_COLORS[i % len(EXTRA_COLORS)]
        out.append({"value": int(v), "name": str(name), "color": [int(x) for x in color][:3]})
    return out


def _value_to_index(classes: list[dict[str, Any]]) -> np.ndarray:
    lut = np.full(256, UNLABELLED, dtype=np.uint8)
    for i, c in enumerate(classes):
        lut[c["value"]] = i
    return lut


def _open_raster(path: str) -> gdal.Dataset:
    try:
        ds = gdal.Open(path)
    except RuntimeError as err:
        raise TrainingDataError(f"cannot open the raster {path}: {err}") from err
    if ds is None or ds.RasterCount == 0:
        raise TrainingDataError(f"{path} is not a raster with bands")
    return ds


def _check_bands(ds: gdal.Dataset, bands: Optional[Sequence[int]]) -> list[int]:
    band_list = [int(b) for b in bands] if bands else list(range(1, ds.RasterCount + 1))
    bad = [b for b in band_list if not 1 <= b <= ds.RasterCount]
    if bad:
        raise TrainingDataError(f"bands {bad} do not exist: the raster has {ds.RasterCount} (1-based)")
    return band_list


def _check_window(ds: gdal.Dataset, window: Optional[Sequence[int]]) -> tuple[int, int, int, int]:
    if window is None:
        return (0, 0, ds.RasterXSize, ds.RasterYSize)
    x, y, w, h = (int(v) for v in window)
    if x < 0 or y < 0 or w < 1 or h < 1 or x + w > ds.RasterXSize or y + h > ds.RasterYSize:
        raise TrainingDataError(f"window {window} is not inside the {ds.RasterXSize} x {ds.RasterYSize} raster")
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


def _label_kind(path: str) -> str:
    if not os.path.exists(path):
        raise TrainingDataError(f"labels {path}: no such file")
    ext = os.path.splitext(path)[1].lower()
    if ext in VECTOR_EXTENSIONS and ext != ".gpkg":
        return "vector"
    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR)
    except RuntimeError:
        ds = None
    if ds is not None and ds.GetLayerCount() > 0:
        return "vector"
    try:
        ds = gdal.OpenEx(path, gdal.OF_RASTER)
    except RuntimeError:
        ds = None
    if ds is not None and ds.RasterCount > 0:
        return "raster"
    raise TrainingDataError(f"labels {path}: neither a raster nor a vector layer GDAL can read")


def _split_source(source: str, layer: Optional[str]) -> tuple[str, Optional[str]]:
    """QGIS-style ``path|layername=name`` sources."""
    path, *options = source.split("|")
    for option in options:
        key, _, value = option.partition("=")
        if key.strip().lower() == "layername" and not layer:
            layer = value.strip()
    return path, layer


def _same_crs(a: gdal.Dataset, b: gdal.Dataset) -> bool:
    wa, wb = a.GetProjection(), b.GetProjection()
    if not wa or not wb:
        return not wa and not wb
    sa, sb = osr.SpatialReference(), osr.SpatialReference()
    sa.ImportFromWkt(wa)
    sb.ImportFromWkt(wb)
    return bool(sa.IsSame(sb))


def _gsd_m(ds: gdal.Dataset) -> Optional[float]:
    wkt = ds.GetProjection()
    if not wkt:
        return None
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    if not srs.IsProjected():
        return None
    gt = ds.GetGeoTransform()
    return round(float(np.hypot(gt[1], gt[4])) * float(srs.GetLinearUnits()), 6)


def _crs_name(ds: gdal.Dataset) -> Optional[str]:
    wkt = ds.GetProjection()
    if not wkt:
        return None
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    code = srs.GetAuthorityCode(None)
    return f"{srs.GetAuthorityName(None)}:{code}" if code else srs.GetName()


def _whole(ds: gdal.Dataset, window: tuple[int, int, int, int]) -> bool:
    return tuple(window) == (0, 0, ds.RasterXSize, ds.RasterYSize)


def _raster_extent(ds: gdal.Dataset) -> tuple[float, float, float, float]:
    gt = ds.GetGeoTransform()
    xs = [gt[0], gt[0] + ds.RasterXSize * gt[1]]
    ys = [gt[3], gt[3] + ds.RasterYSize * gt[5]]
    return (min(xs), max(xs), min(ys), max(ys))


def _extent_text(extent: tuple[float, float, float, float]) -> str:
    xmin, xmax, ymin, ymax = extent
    return f"x {xmin:.1f}..{xmax:.1f}, y {ymin:.1f}..{ymax:.1f}"

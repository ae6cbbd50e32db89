"""Reference labels on an image's grid: a class raster, or polygons with a class field (GDAL/OGR
+ numpy; no QGIS, no torch). RemoteNet Train cuts chips from them (training_data.py) and
RemoteNet Evaluate compares a classified raster with them (evaluate.py).

A class raster's values are the class values (255 and its nodata mean unlabelled); it is
warped onto the image grid when on another grid or CRS. Polygons are rasterised onto the image
grid (reprojected with OGR when on another CRS); without a class field every polygon is one
class and the rest of the raster is background.

GDAL raises Python exceptions only inside these functions (``gdal_exceptions``): QGIS and
other plugins share the GDAL bindings, so nothing here changes their mode for good.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
from osgeo import gdal, ogr, osr

from ....model.messages import QT_TRANSLATE_NOOP
from ....model.metadata import EXTRA_COLORS, NO_CLASS
from ..base.gdal_errors import with_gdal_exceptions
from ..base.ogr_memory import memory_vector_driver
from ..read.source import dataset_srs, window_geotransform

VECTOR_EXTENSIONS = {".geojson", ".json", ".shp", ".gpkg", ".kml", ".gml", ".fgb", ".sqlite", ".csv", ".tab"}


class LabelsError(ValueError):
    """The labels cannot be read onto the image grid; the message says why and what to do."""


@dataclass
class LabelGrid:
    """Class values on the image grid (window), 255 = unlabelled, and what the classes are."""

    values: np.ndarray  # (H, W) uint8 class values
    classes: list[dict[str, Any]]  # [{"value", "name", "color"}] sorted by value
    source: str  # "raster" or "vector"
    notes: list[str]


@with_gdal_exceptions
def read_label_grid(ds: gdal.Dataset, labels: str, class_field: Optional[str],
                    window: tuple[int, int, int, int], background: Optional[bool] = None,
                    layer: Optional[str] = None) -> LabelGrid:
    """Labels (a class raster or polygons) as class values on the raster's grid in ``window``."""
    path, layer = split_source(labels, layer)
    kind = label_kind(path)
    if kind == "raster":
        if class_field:
            raise LabelsError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path} is a raster: its pixel values are the classes, so it takes no class field (got "
                "{class_field!r})").format(path=path, class_field=class_field))
        return _raster_labels(ds, path, window, bool(background))
    return _vector_labels(ds, path, layer, class_field, window, background)


def _raster_labels(ds: gdal.Dataset, path: str, window: tuple[int, int, int, int], background: bool) -> LabelGrid:
    src = gdal.Open(path)
    band = src.GetRasterBand(1)
    nodata = band.GetNoDataValue()
    notes = []
    xoff, yoff, xsize, ysize = window
    if same_grid(src, ds):
        values = band.ReadAsArray(xoff, yoff, xsize, ysize)
    else:
        if not src.GetProjection() or not ds.GetProjection():
            raise LabelsError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path} is on another grid than the image and one of them has no CRS; give both a CRS "
                "(or put the labels on the image grid)").format(path=path))
        notes.append(QT_TRANSLATE_NOOP(
            "RemoteNet", "label raster {path} is on another grid or CRS: warped (nearest) onto the image grid").format(
            path=os.path.basename(path)))
        mem = gdal.GetDriverByName("MEM").Create("", xsize, ysize, 1, gdal.GDT_Float64)
        mem.SetGeoTransform(window_geotransform(ds, window))
        mem.SetProjection(ds.GetProjection())
        mem.GetRasterBand(1).Fill(-1.0)
        mem.GetRasterBand(1).SetNoDataValue(-1.0)
        gdal.Warp(mem, src, resampleAlg="near", srcNodata=nodata, dstNodata=-1.0)
        values = mem.GetRasterBand(1).ReadAsArray()
        values[values == -1.0] = NO_CLASS
    values = np.asarray(values)
    unlabelled = values == NO_CLASS
    if nodata is not None:
        unlabelled |= values == nodata
    found = np.unique(values[~unlabelled])
    if found.size == 0:
        # Whole sentences, not a fragment put into one: a translation must read right in both.
        if is_whole(ds, window):
            message = QT_TRANSLATE_NOOP(
                "RemoteNet", "the label raster {path} has no labelled pixel over the image: the labels do not "
                "overlap the raster (or are all 255/nodata)")
        else:
            message = QT_TRANSLATE_NOOP(
                "RemoteNet", "the label raster {path} has no labelled pixel over the image window: the labels do "
                "not overlap the window (or are all 255/nodata)")
        raise LabelsError(message.format(path=path))
    if np.any(found != np.round(found)) or found.min() < 0 or found.max() > 254:
        raise LabelsError(QT_TRANSLATE_NOOP(
            "RemoteNet", "label raster values must be whole numbers 0..254 (255 = unlabelled); found {tolist}").format(
            tolist=found[:10].tolist()))
    grid = np.full(values.shape, NO_CLASS, dtype=np.uint8)
    grid[~unlabelled] = values[~unlabelled].astype(np.uint8)
    names = band.GetCategoryNames() or []
    ct = band.GetColorTable()
    classes = []
    for v in found.astype(int).tolist():
        name = names[v] if v < len(names) and names[v] else str(v)
        color = list(ct.GetColorEntry(v)[:3]) if ct is not None and v < ct.GetCount() else None
        classes.append({"value": v, "name": name, "color": color})
    if background:
        notes.append(QT_TRANSLATE_NOOP(
            "RemoteNet", "background ignored for raster labels: their values are the classes"))
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
        path, layer_name = split_source(path, layer_name)
        self.ds = ds
        self.notes: list[str] = []
        src, layer = _open_vector_layer(path, layer_name)
        numeric = _is_numeric_field(layer, class_field)
        self.background = not class_field if background is None else background
        transform = _transform_to_raster(layer, ds, path)
        if transform is not None:
            self.notes.append(QT_TRANSLATE_NOOP(
                "RemoteNet", "labels {path} are in another CRS: reprojected onto the raster's").format(
                path=os.path.basename(path)))
        geoms, keys = _class_polygons(layer, class_field, numeric, transform)
        skipped = layer.GetFeatureCount() - len(geoms)
        if skipped > 0 and geoms:
            if class_field:
                note = QT_TRANSLATE_NOOP(
                    "RemoteNet", "{skipped} feature(s) of {path} without a geometry or a class in {field!r} (empty "
                    "or NULL) were left out")
            else:
                note = QT_TRANSLATE_NOOP("RemoteNet", "{skipped} feature(s) of {path} without a geometry were left out")
            self.notes.append(note.format(skipped=skipped, path=os.path.basename(path), field=class_field))
        if not geoms:
            raise LabelsError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path}: no polygon with a class to rasterise{value}").format(
                path=path, value=f' (field {class_field!r} is empty everywhere)' if class_field else ''))
        self.classes, burn = self._classes(keys, class_field, numeric, self.background, layer.GetName(),
                                           name_to_value)
        self.background_value = next((c["value"] for c in self.classes if c["name"] == "background"), None)
        self._source, self.layer = _burnable_layer(ds, geoms, burn)
        del src  # the polygons were copied; the file closes

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
                raise LabelsError(QT_TRANSLATE_NOOP(
                    "RemoteNet", "class values must be 0..254 (255 = unlabelled); {class_field!r} holds {used}").format(
                    class_field=class_field, used=used))
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
                raise LabelsError(QT_TRANSLATE_NOOP(
                    "RemoteNet", "class names {unknown} in {class_field!r} are not classes of the classified raster "
                    "({name_to_value})").format(
                    unknown=unknown, class_field=class_field, name_to_value=', '.join(name_to_value)))
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
        mem = gdal.GetDriverByName("MEM").Create("", xsize, ysize, 1, gdal.GDT_Byte)
        mem.SetGeoTransform(window_geotransform(ds, window))
        if ds.GetProjection():
            mem.SetProjection(ds.GetProjection())
        mem.GetRasterBand(1).Fill(NO_CLASS)
        gdal.RasterizeLayer(mem, [1], self.layer, options=["ATTRIBUTE=cls"])
        values = mem.GetRasterBand(1).ReadAsArray()
        if check_overlap and not np.any(values != NO_CLASS):
            if is_whole(ds, window):
                message = QT_TRANSLATE_NOOP(
                    "RemoteNet", "the label polygons do not overlap the raster: labels cover {labels}, the raster "
                    "covers {raster} (in the raster's CRS)")
            else:
                message = QT_TRANSLATE_NOOP(
                    "RemoteNet", "the label polygons do not overlap the raster window: labels cover {labels}, the "
                    "window covers {raster} (in the raster's CRS)")
            raise LabelsError(message.format(labels=extent_text(self.layer.GetExtent()),
                                             raster=extent_text(raster_extent(mem))))
        if self.background_value is not None:
            values[values == NO_CLASS] = self.background_value
        return values.astype(np.uint8)


def _open_vector_layer(path: str, layer_name: Optional[str]) -> tuple[ogr.DataSource, ogr.Layer]:
    try:
        src = ogr.Open(path)
    except RuntimeError as err:
        raise LabelsError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: cannot open the labels as a vector layer ({err})").format(
            path=path, err=err)) from err
    if src is None or src.GetLayerCount() == 0:
        raise LabelsError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: no vector layer to read labels from").format(path=path))
    layer = src.GetLayerByName(layer_name) if layer_name else src.GetLayer(0)
    if layer is None:
        raise LabelsError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: no layer named {layer_name!r}").format(path=path, layer_name=layer_name))
    return src, layer


def _is_numeric_field(layer: ogr.Layer, class_field: Optional[str]) -> bool:
    """Whether the class field holds numbers (kept as class values) rather than names."""
    if not class_field:
        return False
    defn = layer.GetLayerDefn()
    fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    if class_field not in fields:
        raise LabelsError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the labels have no field {class_field!r}; fields: {fields}").format(
            class_field=class_field, fields=', '.join(fields) or 'none'))
    ftype = defn.GetFieldDefn(fields.index(class_field)).GetType()
    return ftype in (ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal)


def _class_polygons(layer: ogr.Layer, class_field: Optional[str], numeric: bool,
                    transform: Optional[osr.CoordinateTransformation]) -> tuple[list[ogr.Geometry], list[Any]]:
    """(geometries on the raster's CRS, their class keys); features without a class are skipped."""
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
                    raise LabelsError(QT_TRANSLATE_NOOP(
                        "RemoteNet", "class field {class_field!r} holds {key}: numeric classes must be whole "
                        "numbers 0..254").format(class_field=class_field, key=key))
                key = int(round(float(key)))
            else:
                key = str(key)
        geom = geom.Clone()
        if transform is not None:
            geom.Transform(transform)
        geoms.append(geom)
        keys.append(key)
    return geoms, keys


def _burnable_layer(ds: gdal.Dataset, geoms: list[ogr.Geometry], burn: list[int]
                    ) -> tuple[ogr.DataSource, ogr.Layer]:
    """An in-memory layer of the polygons with their class value in ``cls``, on the raster's CRS."""
    source = memory_vector_driver().CreateDataSource("labels")
    layer = source.CreateLayer("labels", srs=dataset_srs(ds), geom_type=ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("cls", ogr.OFTInteger))
    for geom, value in zip(geoms, burn):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geom)
        feature.SetField("cls", int(value))
        layer.CreateFeature(feature)
    return source, layer


def _transform_to_raster(layer: ogr.Layer, ds: gdal.Dataset, path: str) -> Optional[osr.CoordinateTransformation]:
    """None when no reprojection is needed; fails clearly when it cannot be decided."""
    vec_srs = layer.GetSpatialRef()
    wkt = ds.GetProjection()
    if vec_srs is None or not wkt:
        if vec_srs is not None and not wkt:
            raise LabelsError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the raster has no CRS but the labels do; assign the raster a CRS first"))
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
        raise LabelsError(QT_TRANSLATE_NOOP(
            "RemoteNet",
            "{path}: cannot reproject the labels onto the raster's CRS ({err}); reproject them first").format(
            path=path, err=err)) from err


def finish_classes(classes: list[dict[str, Any]], names: Optional[dict[int, str]],
                    colors: Optional[dict[int, Sequence[int]]]) -> list[dict[str, Any]]:
    out = []
    for i, c in enumerate(sorted(classes, key=lambda c: c["value"])):
        v = c["value"]
        name = (names or {}).get(v, c["name"])
        color = (colors or {}).get(v) or c.get("color") or EXTRA_COLORS[i % len(EXTRA_COLORS)]
        out.append({"value": int(v), "name": str(name), "color": [int(x) for x in color][:3]})
    return out


def label_kind(path: str) -> str:
    if not os.path.exists(path):
        raise LabelsError(QT_TRANSLATE_NOOP("RemoteNet", "labels {path}: no such file").format(path=path))
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
    raise LabelsError(QT_TRANSLATE_NOOP(
        "RemoteNet", "labels {path}: neither a raster nor a vector layer GDAL can read").format(path=path))


def split_source(source: str, layer: Optional[str]) -> tuple[str, Optional[str]]:
    """QGIS-style ``path|layername=name`` sources."""
    path, *options = source.split("|")
    for option in options:
        key, _, value = option.partition("=")
        if key.strip().lower() == "layername" and not layer:
            layer = value.strip()
    return path, layer


def same_grid(a: gdal.Dataset, b: gdal.Dataset) -> bool:
    """Same size, geotransform and CRS: pixels correspond one to one, no warping needed."""
    return (a.RasterXSize == b.RasterXSize and a.RasterYSize == b.RasterYSize
            and np.allclose(a.GetGeoTransform(), b.GetGeoTransform()) and same_crs(a, b))


def same_crs(a: gdal.Dataset, b: gdal.Dataset) -> bool:
    sa, sb = dataset_srs(a), dataset_srs(b)
    if sa is None or sb is None:
        return sa is None and sb is None
    return bool(sa.IsSame(sb))


def crs_name(ds: gdal.Dataset) -> Optional[str]:
    srs = dataset_srs(ds)
    if srs is None:
        return None
    code = srs.GetAuthorityCode(None)
    return f"{srs.GetAuthorityName(None)}:{code}" if code else srs.GetName()


def is_whole(ds: gdal.Dataset, window: tuple[int, int, int, int]) -> bool:
    return tuple(window) == (0, 0, ds.RasterXSize, ds.RasterYSize)


def raster_extent(ds: gdal.Dataset) -> tuple[float, float, float, float]:
    gt = ds.GetGeoTransform()
    xs = [gt[0], gt[0] + ds.RasterXSize * gt[1]]
    ys = [gt[3], gt[3] + ds.RasterYSize * gt[5]]
    return (min(xs), max(xs), min(ys), max(ys))


def extent_text(extent: tuple[float, float, float, float]) -> str:
    xmin, xmax, ymin, ymax = extent
    return f"x {xmin:.1f}..{xmax:.1f}, y {ymin:.1f}..{ymax:.1f}"


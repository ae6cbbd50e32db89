"""A mask layer: only pixels inside its polygons are classified.

The mask is one more source of validity, beside the raster's nodata: for each tile its polygons
are rasterised onto a small in-memory raster (OGR's spatial filter on the tile's box first, so a
tile the mask does not reach costs a box test, and is skipped before any pixel is read). Polygons
on another CRS are reprojected by GDAL as they are rasterised. Pixels outside are nodata (255).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Optional

import numpy as np
from osgeo import gdal, ogr, osr

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.options import EngineError

POLYGON_TYPES = {ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbCurvePolygon, ogr.wkbMultiSurface,
                 ogr.wkbPolyhedralSurface, ogr.wkbTIN}


@dataclass(frozen=True)
class MaskSpec:
    """Which polygons mask the run: a vector file and its layer."""

    path: str
    layer: str


def _open_vector(path: str) -> gdal.Dataset:
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError:
        ds = None
    finally:
        gdal.PopErrorHandler()
    if ds is None:
        if not str(path).startswith("/vsi") and not os.path.exists(path):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{path} does not exist; choose a polygon layer's file (GeoPackage, shapefile...)").format(
                path=path), "mask")
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path} cannot be opened as a vector file; choose a polygon layer's file (GeoPackage, "
            "shapefile...)").format(path=path), "mask")
    return ds


def _srs(wkt: str) -> Optional[osr.SpatialReference]:
    if not wkt:
        return None
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _layer_srs(layer: ogr.Layer) -> Optional[osr.SpatialReference]:
    srs = layer.GetSpatialRef()
    if srs is None:
        return None
    srs = srs.Clone()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _transform(source: Optional[osr.SpatialReference], target: Optional[osr.SpatialReference]):
    if source is None or target is None or source.IsSame(target):
        return None
    return osr.CoordinateTransformation(source, target)


def _box(geotransform, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) of a pixel rectangle (a north-up or rotated grid: the corners' box)."""
    xs, ys = [], []
    for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
        xs.append(geotransform[0] + px * geotransform[1] + py * geotransform[2])
        ys.append(geotransform[3] + px * geotransform[4] + py * geotransform[5])
    return min(xs), min(ys), max(xs), max(ys)


def _bounds_in(transform, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    if transform is None:
        return box
    xmin, ymin, xmax, ymax = transform.TransformBounds(*box, 21)
    return xmin, ymin, xmax, ymax


def check_mask(path: str, raster: gdal.Dataset, window: tuple[int, int, int, int]) -> MaskSpec:
    """The mask's file and layer after the checks: a polygon layer that reaches the window."""
    vector = _open_vector(path)
    if vector.GetLayerCount() < 1:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path} has no layer; choose a polygon layer").format(path=path), "mask")
    layer = vector.GetLayer(0)
    kind = ogr.GT_Flatten(layer.GetGeomType())
    if kind == ogr.wkbUnknown:  # a mixed layer: look at its geometries
        kinds = set()
        layer.ResetReading()
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is not None and not geom.IsEmpty():
                kinds.add(ogr.GT_Flatten(geom.GetGeometryType()))
            if len(kinds) > 1 or len(kinds - POLYGON_TYPES) > 0:
                break
        kind = next(iter(kinds - POLYGON_TYPES), ogr.wkbPolygon if kinds else ogr.wkbUnknown)
    if kind not in POLYGON_TYPES:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path} holds {kind} geometries; a mask must be a polygon layer").format(
            path=path, kind=ogr.GeometryTypeToName(kind).lower() if kind != ogr.wkbUnknown else "no"), "mask")
    gt = raster.GetGeoTransform(can_return_null=True)
    if gt is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster has no georeferencing, so a mask layer cannot be placed on it"), "mask")
    raster_srs, mask_srs = _srs(raster.GetProjection()), _layer_srs(layer)
    to_mask = _transform(raster_srs, mask_srs)
    box = _box(gt, window[0], window[1], window[2], window[3])
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3]), (box[0], box[1])):
        ring.AddPoint_2D(x, y)
    area = ogr.Geometry(ogr.wkbPolygon)
    area.AddGeometry(ring)
    if to_mask is not None:
        area = area.Clone()
        area.Segmentize(max(box[2] - box[0], box[3] - box[1]) / 20)
        area.Transform(to_mask)
    layer.SetSpatialFilter(area)
    layer.ResetReading()
    touches = False
    for feature in layer:
        geom = feature.GetGeometryRef()
        if geom is not None and not geom.IsEmpty() and geom.Intersects(area):
            touches = True
            break
    layer.SetSpatialFilter(None)
    if not touches:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "no polygon of {path} touches the raster (or the extent processed); choose a mask over the "
            "raster (it is reprojected from its own CRS)").format(path=path), "mask")
    return MaskSpec(path=path, layer=layer.GetName())


class MaskCounter:
    """Tiles found wholly outside the mask, over all reading threads."""

    def __init__(self) -> None:
        self.outside = 0
        self._lock = threading.Lock()

    def add(self) -> None:
        with self._lock:
            self.outside += 1


class MaskReader:
    """The mask's validity on one grid (a geotransform and CRS), tile by tile; one per thread."""

    def __init__(self, spec: MaskSpec, geotransform, projection: str, all_touched: bool = False,
                 counter: Optional[MaskCounter] = None):
        self.vector = _open_vector(spec.path)
        self.layer = self.vector.GetLayerByName(spec.layer) or self.vector.GetLayer(0)
        self.geotransform, self.projection = tuple(geotransform), projection
        self.all_touched, self.counter = all_touched, counter
        raster_srs, mask_srs = _srs(projection), _layer_srs(self.layer)
        self.to_mask = _transform(raster_srs, mask_srs)
        to_raster = _transform(mask_srs, raster_srs)
        xmin, xmax, ymin, ymax = self.layer.GetExtent()
        self.extent = _bounds_in(to_raster, (xmin, ymin, xmax, ymax))  # the mask's box on the raster's CRS
        # The rasteriser reprojects from the layer's CRS to this one; with a CRS on one side only the
        # two are taken to be the same.
        self.burn_projection = projection if (raster_srs is not None and mask_srs is not None) else ""
        self.driver = gdal.GetDriverByName("MEM")

    def validity(self, x: int, y: int, w: int, h: int) -> np.ndarray:
        """(h, w) booleans: True inside the mask, for pixels (x, y, w, h) of the grid."""
        box = _box(self.geotransform, x, y, w, h)
        e = self.extent
        if box[2] <= e[0] or box[0] >= e[2] or box[3] <= e[1] or box[1] >= e[3]:
            return self._outside(w, h)
        self.layer.SetSpatialFilterRect(*_bounds_in(self.to_mask, box))
        self.layer.ResetReading()
        if self.layer.GetNextFeature() is None:
            self.layer.SetSpatialFilter(None)
            return self._outside(w, h)
        gt = self.geotransform
        mem = self.driver.Create("", w, h, 1, gdal.GDT_Byte)
        mem.SetGeoTransform((gt[0] + x * gt[1] + y * gt[2], gt[1], gt[2], gt[3] + x * gt[4] + y * gt[5], gt[4],
                             gt[5]))
        if self.burn_projection:
            mem.SetProjection(self.burn_projection)
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # "no CRS, assuming the same": said in the log already
        try:
            gdal.RasterizeLayer(mem, [1], self.layer, burn_values=[1],
                                options=["ALL_TOUCHED=TRUE"] if self.all_touched else [])
        finally:
            gdal.PopErrorHandler()
            self.layer.SetSpatialFilter(None)
        inside = mem.GetRasterBand(1).ReadAsArray() != 0
        if not inside.any() and self.counter is not None:
            self.counter.add()
        return inside

    def _outside(self, w: int, h: int) -> np.ndarray:
        if self.counter is not None:
            self.counter.add()
        return np.zeros((h, w), dtype=bool)

"""Class polygons from the classified raster: sieve, polygonise, areas in square metres,
mean confidence, optional simplification; written to a GeoPackage layer."""
from __future__ import annotations

import math
from typing import Any, Callable, Optional

import numpy as np
from osgeo import gdal, ogr, osr

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.gdal_errors import with_gdal_return_codes
from ..base.options import EngineError, SegmentCancelled
from ..read.source import dataset_srs
from .geotiff import BLOCK, CONF_NODATA
from .rings import PixelFrame
from .write_errors import checked_writes


class AreaCalculator:
    """Areas in m2: in a Lambert azimuthal equal-area projection centred on the scene and on the
    raster's own ellipsoid, so they are right for geographic CRSs (and for distorting projections
    such as Web Mercator) too. Without a CRS, areas are in squared pixel/map units."""

    def __init__(self, ds: gdal.Dataset, log: Callable[[str], None]):
        self.transform = None
        gt = ds.GetGeoTransform()
        self.gt = gt
        w, h = ds.RasterXSize, ds.RasterYSize
        wkt = ds.GetProjection()
        # Long straight edges are densified before projecting, so curved parallels count right.
        span = max(abs(gt[1]) * w + abs(gt[2]) * h, abs(gt[4]) * w + abs(gt[5]) * h)
        self.step = span / 64.0 if span > 0 else 0.0
        if not wkt:
            log(QT_TRANSLATE_NOOP(
                "RemoteNet", "the raster has no CRS: polygon areas are in squared map units, not m2"))
            return
        src = osr.SpatialReference()
        src.ImportFromWkt(wkt)
        src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if not (src.IsGeographic() or src.IsProjected()):
            log(QT_TRANSLATE_NOOP(
                "RemoteNet", "the raster's CRS is neither geographic nor projected: areas are in squared map units"))
            return
        geog = src.CloneGeogCS()
        geog.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        cx, cy = gdal.ApplyGeoTransform(gt, w / 2.0, h / 2.0)
        lon, lat = osr.CoordinateTransformation(src, geog).TransformPoint(cx, cy)[:2]
        laea = osr.SpatialReference()
        laea.CopyGeogCSFrom(geog)
        laea.SetLAEA(lat, lon, 0.0, 0.0)
        laea.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self.transform = osr.CoordinateTransformation(src, laea)

    def area(self, geom: ogr.Geometry) -> float:
        if self.transform is None:
            return geom.GetArea()
        g = geom.Clone()
        if self.step > 0:
            g.Segmentize(self.step)
        if g.Transform(self.transform) != 0:
            raise EngineError(QT_TRANSLATE_NOOP("RemoteNet", "cannot project a polygon to compute its area in m2"))
        return g.GetArea()

    def pixel_area(self, col: float, row: float) -> float:
        """Area of the pixel at (col, row) in m2."""
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for dx, dy in ((0, 0), (1, 0), (1, 1), (0, 1), (0, 0)):
            ring.AddPoint_2D(*gdal.ApplyGeoTransform(self.gt, math.floor(col) + dx, math.floor(row) + dy))
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring)
        g = poly.Clone()
        if self.transform is not None:
            g.Transform(self.transform)
        return abs(g.GetArea())


class _Steps:
    """Progress and cancel for the GDAL calls of one polygonise run."""

    def __init__(self, progress: Callable[[float], None], cancelled: Callable[[], bool]) -> None:
        self.progress = progress
        self.cancelled = cancelled

    def check_cancel(self) -> None:
        if self.cancelled():
            raise SegmentCancelled("cancelled while making polygons; no output was kept")

    def gdal(self, function: Callable[..., Any], *args: Any, start: float, span: float, **kwargs: Any) -> Any:
        """Call a GDAL algorithm with a progress callback mapped onto [start, start + span]."""

        def callback(complete, _message, _data):
            self.progress(start + span * complete)
            return 0 if self.cancelled() else 1

        try:
            return function(*args, callback=callback, **kwargs)
        except RuntimeError:  # with exceptions on, GDAL reports a callback's stop as "User terminated"
            self.check_cancel()
            raise
        finally:
            self.check_cancel()


def _quiet_raster(path: str, like: gdal.Dataset, dtype: int, nodata: Optional[float]) -> gdal.Dataset:
    ds = gdal.GetDriverByName("GTiff").Create(path, like.RasterXSize, like.RasterYSize, 1, dtype,
                                              ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
    if ds is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: cannot create a working raster ({gdal_error})").format(
            path=path, gdal_error=gdal.GetLastErrorMsg()))
    gt = like.GetGeoTransform(can_return_null=True)
    if gt is not None:
        ds.SetGeoTransform(gt)
    if like.GetProjection():
        ds.SetProjection(like.GetProjection())
    if nodata is not None:
        ds.GetRasterBand(1).SetNoDataValue(nodata)
    return ds


@with_gdal_return_codes
def polygonise(classified_path: str, out_path: str, layer_name: str, classes: list[dict], *,
               min_area: float, simplify: float, confidence_path: Optional[str], confidence_type: str,
               scratch: Callable[[str, str], str], progress: Callable[[float], None],
               cancelled: Callable[[], bool], log: Callable[[str], None]) -> int:
    """Write the class polygons of ``classified_path`` to a new GeoPackage; returns the polygon count.

    Sieve small patches into their neighbours, polygonise the patches, measure each polygon's
    mean confidence, then write the final layer (area, simplification, names). A GDAL write that
    fails (a full disk) raises EngineError for ``output_vector`` where it happens.
    """
    with checked_writes(QT_TRANSLATE_NOOP("RemoteNet", "the polygons"), "output_vector", out_path):
        return _polygonise(classified_path, out_path, layer_name, classes, min_area, simplify, confidence_path,
                           confidence_type, scratch, progress, cancelled, log)


def _polygonise(classified_path: str, out_path: str, layer_name: str, classes: list[dict], min_area: float,
                simplify: float, confidence_path: Optional[str], confidence_type: str,
                scratch: Callable[[str, str], str], progress: Callable[[float], None],
                cancelled: Callable[[], bool], log: Callable[[str], None]) -> int:
    steps = _Steps(progress, cancelled)
    src = gdal.Open(classified_path)
    areas = AreaCalculator(src, log)
    poly_band, sieved = _sieve(src, min_area, areas, scratch, steps, log)
    progress(0.3)
    raw_ds, srs = _polygonise_patches(src, poly_band, scratch, steps)
    mean_conf = None
    if confidence_path:
        mean_conf = _mean_confidence(src, raw_ds, confidence_path, confidence_type, scratch)
        steps.check_cancel()
    progress(0.8)
    frame = PixelFrame(src.GetGeoTransform(), src.RasterXSize)
    count, dropped = _write_classes(out_path, layer_name, srs, raw_ds.GetLayer(0), classes, areas, frame, min_area,
                                    simplify, mean_conf, steps)
    if dropped:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "dropped {dropped} polygon(s) under the minimum area or emptied by simplification").format(
            dropped=dropped))
    del raw_ds, sieved, src  # close the working files (the sieved band lived as long as its dataset)
    progress(1.0)
    return count


def sieve_pixels(src: gdal.Dataset, min_area: float, areas: AreaCalculator) -> int:
    """The sieve threshold in pixels for ``min_area`` (the pixel area at the raster's centre); 0 or 1: no sieve."""
    if min_area <= 0:
        return 0
    pixel_area = areas.pixel_area(src.RasterXSize / 2.0, src.RasterYSize / 2.0)
    return int(math.ceil(min_area / pixel_area - 1e-9)) if pixel_area > 0 else 0


def _sieve(src: gdal.Dataset, min_area: float, areas: AreaCalculator, scratch: Callable[[str, str], str],
           steps: _Steps, log: Callable[[str], None]) -> tuple[gdal.Band, Optional[gdal.Dataset]]:
    """The band to polygonise: patches under ``min_area`` merged into their largest neighbour (no holes)."""
    band = src.GetRasterBand(1)
    threshold = sieve_pixels(src, min_area, areas)
    if threshold <= 1:
        return band, None
    sieved = _quiet_raster(scratch("sieve", ".tif"), src, gdal.GDT_Byte, 255)
    steps.gdal(gdal.SieveFilter, band, band.GetMaskBand(), sieved.GetRasterBand(1), threshold, 4, start=0.0,
               span=0.3)
    log(QT_TRANSLATE_NOOP(
        "RemoteNet", "sieved patches under {threshold} pixels ({min_area:g} m2)").format(
        threshold=threshold, min_area=min_area))
    return sieved.GetRasterBand(1), sieved


def _polygonise_patches(src: gdal.Dataset, band: gdal.Band, scratch: Callable[[str, str], str],
                        steps: _Steps) -> tuple[ogr.DataSource, Optional[osr.SpatialReference]]:
    """A working GeoPackage layer "raw": one polygon per 4-connected patch, nodata left out."""
    raw_ds = ogr.GetDriverByName("GPKG").CreateDataSource(scratch("raw", ".gpkg"))
    srs = dataset_srs(src)
    raw = raw_ds.CreateLayer("raw", srs=srs, geom_type=ogr.wkbPolygon)
    raw.CreateField(ogr.FieldDefn("class_id", ogr.OFTInteger))
    raw.StartTransaction()
    err = steps.gdal(gdal.Polygonize, band, band.GetMaskBand(), raw, 0, [], start=0.3, span=0.4)
    raw.CommitTransaction()
    if err != 0:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "polygonising failed: {gdal_error}").format(gdal_error=gdal.GetLastErrorMsg()))
    return raw_ds, srs


def _write_classes(out_path: str, layer_name: str, srs: Optional[osr.SpatialReference], raw: ogr.Layer,
                   classes: list[dict], areas: AreaCalculator, frame: PixelFrame, min_area: float,
                   simplify: float, mean_conf: Optional[np.ndarray], steps: _Steps) -> tuple[int, int]:
    """The final layer from the working layer "raw"; returns (written, dropped)."""
    out = ClassLayer(out_path, layer_name, srs, classes, areas, frame, min_area=min_area, simplify=simplify,
                     with_confidence=mean_conf is not None, in_map=True)
    raw.ResetReading()
    for i, feat in enumerate(raw):
        if i % 2000 == 0:
            steps.check_cancel()
        geom = feat.GetGeometryRef()
        if geom is None:
            continue
        conf = None
        if mean_conf is not None:
            fid = feat.GetFID()
            if 0 <= fid < len(mean_conf) and np.isfinite(mean_conf[fid]):
                conf = float(mean_conf[fid])
        out.add(geom.ExportToWkb(ogr.wkbNDR), feat.GetFieldAsInteger(0), conf)
    return out.close()


class ClassLayer:
    """The final polygon layer: class id and name, area in m2, mean confidence; simplification and
    the minimum area applied per polygon. Shared by the one-chunk run and the chunk merge
    (engine/scale/chunk_polygons.py), so both write the same schema the same way.

    Polygons are redrawn in the canonical form of engine/write/rings.py before anything else (in
    batches: that is vectorised), so what is simplified and written depends on the pixels only,
    not on which run (or which GDAL) drew them; feature ids put the polygons in raster order."""

    BATCH = 1024

    def __init__(self, out_path: str, layer_name: str, srs: Optional[osr.SpatialReference], classes: list[dict],
                 areas: AreaCalculator, frame: PixelFrame, *, min_area: float, simplify: float,
                 with_confidence: bool, in_map: bool = False) -> None:
        self.names = {int(c["value"]): str(c["name"]) for c in classes}
        self.areas, self.frame, self.min_area, self.simplify = areas, frame, min_area, simplify
        self.with_confidence, self.in_map = with_confidence, in_map
        self.pending: list[tuple[bytes, int, Optional[float]]] = []
        self.ds = ogr.GetDriverByName("GPKG").CreateDataSource(out_path)
        if self.ds is None:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{out_path}: cannot create the GeoPackage ({gdal_error})").format(
                out_path=out_path, gdal_error=gdal.GetLastErrorMsg()))
        self.layer = self.ds.CreateLayer(layer_name, srs=srs, geom_type=ogr.wkbPolygon, options=["FID=fid"])
        self.layer.CreateField(ogr.FieldDefn("class_id", ogr.OFTInteger))
        self.layer.CreateField(ogr.FieldDefn("class_name", ogr.OFTString))
        self.layer.CreateField(ogr.FieldDefn("area_m2", ogr.OFTReal))
        if with_confidence:
            self.layer.CreateField(ogr.FieldDefn("mean_confidence", ogr.OFTReal))
        self.defn = self.layer.GetLayerDefn()
        self.count, self.dropped = 0, 0
        self.layer.StartTransaction()

    def add(self, wkb: bytes, value: int, mean_conf: Optional[float]) -> None:
        """Queue one polygon for writing: 2D little-endian WKB, outer ring first, in pixel
        coordinates (in map coordinates, as Polygonize writes them, with ``in_map``)."""
        self.pending.append((wkb, value, mean_conf))
        if len(self.pending) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        drawn = self.frame.canonical([p[0] for p in self.pending], in_map=self.in_map)
        for (wkb, fid), (_source, value, mean_conf) in zip(drawn, self.pending):
            if fid:
                self._write(ogr.CreateGeometryFromWkb(wkb), fid, value, mean_conf)
            else:
                self.dropped += 1
        self.pending.clear()

    def _write(self, geom: ogr.Geometry, fid: int, value: int, mean_conf: Optional[float]) -> bool:
        """Simplify, measure and write one canonical polygon; False when it was dropped."""
        if self.simplify > 0:
            geom = geom.SimplifyPreserveTopology(self.simplify)
            if geom is None or geom.IsEmpty():
                self.dropped += 1
                return False
        area = self.areas.area(geom)
        if self.min_area > 0 and area < self.min_area:
            self.dropped += 1  # isolated patches (only nodata around) cannot be sieved into a neighbour
            return False
        out = ogr.Feature(self.defn)
        out.SetFID(fid)
        out.SetField("class_id", value)
        out.SetField("class_name", self.names.get(value, f"class {value}"))
        out.SetField("area_m2", float(area))
        if self.with_confidence and mean_conf is not None:
            out.SetField("mean_confidence", mean_conf)
        out.SetGeometry(geom)
        self.layer.CreateFeature(out)
        self.count += 1
        return True

    def close(self) -> tuple[int, int]:
        """Write what is queued, commit and close; returns (written, dropped)."""
        self._flush()
        self.layer.CommitTransaction()
        self.layer = self.defn = None
        self.ds = None
        return self.count, self.dropped


def _mean_confidence(src: gdal.Dataset, raw_ds, confidence_path: str, confidence_type: str,
                     scratch: Callable[[str, str], str]) -> np.ndarray:
    ids_ds = _quiet_raster(scratch("ids", ".tif"), src, gdal.GDT_Int32, None)
    sql = raw_ds.ExecuteSQL('SELECT fid + 0 AS pid, geom FROM "raw"')
    try:
        if gdal.RasterizeLayer(ids_ds, [1], sql, options=["ATTRIBUTE=pid"]) != 0:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "burning polygon ids failed: {gdal_error}").format(gdal_error=gdal.GetLastErrorMsg()))
    finally:
        raw_ds.ReleaseResultSet(sql)
    conf_ds = gdal.Open(confidence_path)
    ids_band, conf_band = ids_ds.GetRasterBand(1), conf_ds.GetRasterBand(1)
    width, height = src.RasterXSize, src.RasterYSize
    sums = np.zeros(1, dtype=np.float64)
    counts = np.zeros(1, dtype=np.float64)
    nodata = CONF_NODATA[confidence_type]
    for y in range(0, height, BLOCK):
        h = min(BLOCK, height - y)
        ids = ids_band.ReadAsArray(0, y, width, h).ravel()
        conf = conf_band.ReadAsArray(0, y, width, h).ravel().astype(np.float64)
        keep = (ids > 0) & (conf != nodata)
        ids, conf = ids[keep], conf[keep]
        if confidence_type == "uint8":
            conf /= 100.0
        if ids.size == 0:
            continue
        n = int(ids.max()) + 1
        if n > len(sums):
            sums = np.pad(sums, (0, n - len(sums)))
            counts = np.pad(counts, (0, n - len(counts)))
        sums[:n] += np.bincount(ids, weights=conf, minlength=n)
        counts[:n] += np.bincount(ids, minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / counts

"""Class polygons of a chunked run: one piece file per chunk, merged across the seams.

``make_piece`` runs where the chunk runs (a Dask worker or this process): it sieves the chunk
with a halo, polygonises the chunk's core in whole-window *pixel* coordinates and writes the
polygons, with confidence sums, to a small GeoPackage. ``merge_pieces`` runs once on the client:
polygons that touch no seam go straight to the output layer; those of one class that share an
edge across a seam are grouped (union-find over their seam intervals) and unioned, exactly,
because every vertex is an integer. The output has the schema of ``polygons.polygonise``, and
the same polygons where the sieve agrees (always without a minimum area): both runs redraw every
polygon in the canonical form of ``rings`` before simplifying and writing it.
"""
from __future__ import annotations

import os
import time
import uuid
from array import array
from collections import OrderedDict
from typing import Callable, Optional

import numpy as np
from osgeo import gdal, ogr

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.gdal_errors import with_gdal_return_codes
from ..base.ogr_memory import memory_vector_driver
from ..base.options import EngineError, SegmentCancelled
from ..read.source import dataset_srs
from ..write.geotiff import BLOCK, CONF_NODATA
from ..write.polygons import AreaCalculator, ClassLayer, sieve_pixels
from ..write.rings import PixelFrame, wkb_rings
from ..write.write_errors import checked_writes

Rect = tuple[int, int, int, int]  # x0, y0, width, height in output pixels
PIECE_LAYER = "pieces"
# Edge bits of a piece polygon lying on an interior seam of its chunk's core.
LEFT, TOP, RIGHT, BOTTOM = 1, 2, 4, 8
HALO_EXTRA_MAX = 2048  # see _halo
HALO_MIN = 256
OPEN_PIECES = 32  # piece files kept open while the seam groups are read back


@with_gdal_return_codes
def sieve_threshold(classes_path: str, min_area: float, log: Callable[[str], None]) -> int:
    """The sieve threshold in pixels for the whole raster, as ``polygons.polygonise`` computes it
    (the pixel area at the raster's centre); 0 or 1 means no sieve."""
    src = _open_raster(classes_path)
    # Quiet: merge_pieces measures areas with its own calculator and says it once if there is no CRS.
    threshold = sieve_pixels(src, min_area, AreaCalculator(src, lambda _m: None))
    if threshold > 1:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "sieved patches under {threshold} pixels ({min_area:g} m2)").format(
            threshold=threshold, min_area=min_area))
    return threshold


def _halo(threshold: int) -> int:
    """Pixels read around a chunk for the sieve.

    Exact part: a patch of n pixels spans at most n - 1 pixels in any direction, so with a halo of
    at least ``threshold`` every patch touching the core that is smaller than the threshold lies
    whole in the window, with all its neighbours, and a patch touching the core that leaves the
    window crosses the whole halo, so it counts at least ``threshold`` pixels there and is rightly
    left alone: which patches of the core get sieved is exactly as in the one-chunk run.
    Not exact: a sieved patch takes the class of its largest neighbour (GDAL), and a neighbour
    that leaves the window is counted only in part, so two large neighbours of different classes
    may rank otherwise than in the whole raster. A second ``threshold`` keeps every such
    neighbour counted as large (never left unmerged or chained on to a small one); HALO_MIN
    more pixels let large neighbours keep their rank in practice (scripts/bench_chunk_polygons.py
    --halo-study on the Atlanta classes: no pixel differs at 256, about 20 per million at 128,
    65-180 per million at ``threshold`` or twice it).
    The extra part is capped so that a huge minimum area cannot make the window huge.
    """
    return max(threshold + min(threshold, HALO_EXTRA_MAX), HALO_MIN)


@with_gdal_return_codes
def make_piece(classes_path: str, confidence_path: Optional[str], confidence_type: str, rect: Rect,
               threshold: int, piece_path: str, *, halo: Optional[int] = None) -> dict:
    """Sieve, polygonise and measure the confidence of one chunk; write its piece file atomically.

    Geometries are in pixel coordinates of the whole window (integer vertices). Fields: class_id,
    conf_sum and conf_count (summed over the polygon's pixels with a valid confidence, so polygons
    split by seams merge exactly), edges (LEFT | TOP | RIGHT | BOTTOM: the interior seams the
    polygon lies on). Nothing appears at ``piece_path`` unless the whole file was written.
    Returns counts and seconds (JSON-able).
    """
    start = time.perf_counter()
    with checked_writes(QT_TRANSLATE_NOOP("RemoteNet", "a polygon piece"), "output_vector", piece_path):
        src = _open_raster(classes_path)
        width, height = src.RasterXSize, src.RasterYSize
        x0, y0, w, h = (int(v) for v in rect)
        if w <= 0 or h <= 0 or x0 < 0 or y0 < 0 or x0 + w > width or y0 + h > height:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "chunk {rect} is not inside the {width} x {height} class raster {classes_path}").format(
                rect=rect, width=width, height=height, classes_path=classes_path))
        pad = (_halo(threshold) if halo is None else int(halo)) if threshold > 1 else 0
        core, nodata = _sieved_core(src, (x0, y0, w, h), threshold, pad)
        del src
        work, layer = _polygonise_core(core, nodata, (x0, y0, w, h))
        del core
        sums = counts = None
        if confidence_path:
            sums, counts = _confidence_sums(work, layer, confidence_path, confidence_type, (x0, y0, w, h))
        seams = (x0 > 0, y0 > 0, x0 + w < width, y0 + h < height)
        polygons, on_seams = _write_piece(piece_path, layer, sums, counts, (x0, y0, w, h), seams)
    return {"rect": [x0, y0, w, h], "polygons": polygons, "seam_polygons": on_seams, "halo": pad,
            "seconds": round(time.perf_counter() - start, 4)}


def _open_raster(path: str) -> gdal.Dataset:
    ds = gdal.Open(path)
    if ds is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: cannot open the class raster ({gdal_error})").format(
            path=path, gdal_error=gdal.GetLastErrorMsg()))
    return ds


def _mem_raster(array2d: np.ndarray, nodata: Optional[float], geotransform=None) -> gdal.Dataset:
    rows, cols = array2d.shape
    ds = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Byte)
    if geotransform is not None:
        ds.SetGeoTransform(geotransform)
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array2d)
    return ds


def _sieved_core(src: gdal.Dataset, rect: Rect, threshold: int, pad: int) -> tuple[np.ndarray, Optional[float]]:
    """The chunk's classes after the sieve, and the nodata value its polygons leave out."""
    x0, y0, w, h = rect
    band = src.GetRasterBand(1)
    nodata = band.GetNoDataValue()
    if threshold <= 1:
        return band.ReadAsArray(x0, y0, w, h), nodata
    wx0, wy0 = max(0, x0 - pad), max(0, y0 - pad)
    wx1, wy1 = min(src.RasterXSize, x0 + w + pad), min(src.RasterYSize, y0 + h + pad)
    window = _mem_raster(band.ReadAsArray(wx0, wy0, wx1 - wx0, wy1 - wy0), nodata)
    sieved = _mem_raster(np.zeros((wy1 - wy0, wx1 - wx0), dtype=np.uint8), 255)
    wband = window.GetRasterBand(1)
    # Same call as polygons._sieve (4-connected, the class raster's mask); the one-chunk run's
    # sieved raster has nodata 255, so the core's polygons leave out 255 here too.
    if gdal.SieveFilter(wband, wband.GetMaskBand(), sieved.GetRasterBand(1), threshold, 4) != 0:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "sieving chunk {rect} failed: {gdal_error}").format(
            rect=rect, gdal_error=gdal.GetLastErrorMsg()))
    return sieved.GetRasterBand(1).ReadAsArray(x0 - wx0, y0 - wy0, w, h), 255


def _polygonise_core(core: np.ndarray, nodata: Optional[float], rect: Rect) -> tuple[gdal.Dataset, ogr.Layer]:
    """One polygon per 4-connected patch of the core, vertices in whole-window pixel coordinates."""
    x0, y0, _w, _h = rect
    raster = _mem_raster(core, nodata, (float(x0), 1.0, 0.0, float(y0), 0.0, 1.0))
    mem = memory_vector_driver().CreateDataSource("")
    layer = mem.CreateLayer("raw", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("class_id", ogr.OFTInteger))
    band = raster.GetRasterBand(1)
    if gdal.Polygonize(band, band.GetMaskBand(), layer, 0, []) != 0:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "polygonising chunk {rect} failed: {gdal_error}").format(
            rect=rect, gdal_error=gdal.GetLastErrorMsg()))
    return mem, layer


def _confidence_sums(mem: ogr.DataSource, layer: ogr.Layer, confidence_path: str, confidence_type: str,
                     rect: Rect) -> tuple[np.ndarray, np.ndarray]:
    """Per polygon (index = FID), the sum and count of its valid confidence values."""
    x0, y0, w, h = rect
    n = layer.GetFeatureCount()
    layer.CreateField(ogr.FieldDefn("pid", ogr.OFTInteger))
    for feat in layer:
        feat.SetField("pid", feat.GetFID() + 1)  # 0 stays "no polygon"
        layer.SetFeature(feat)
    ids_ds = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Int32)
    ids_ds.SetGeoTransform((float(x0), 1.0, 0.0, float(y0), 0.0, 1.0))
    if gdal.RasterizeLayer(ids_ds, [1], layer, options=["ATTRIBUTE=pid"]) != 0:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "burning polygon ids failed: {gdal_error}").format(gdal_error=gdal.GetLastErrorMsg()))
    conf_ds = gdal.Open(confidence_path)
    if conf_ds is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{confidence_path}: cannot open the confidence raster ({gdal_error})").format(
            confidence_path=confidence_path, gdal_error=gdal.GetLastErrorMsg()))
    ids_band, conf_band = ids_ds.GetRasterBand(1), conf_ds.GetRasterBand(1)
    nodata = CONF_NODATA[confidence_type]
    sums = np.zeros(n + 1, dtype=np.float64)
    counts = np.zeros(n + 1, dtype=np.int64)
    for y in range(0, h, BLOCK):  # strips, like polygons._mean_confidence
        rows = min(BLOCK, h - y)
        ids = ids_band.ReadAsArray(0, y, w, rows).ravel()
        conf = conf_band.ReadAsArray(x0, y0 + y, w, rows).ravel().astype(np.float64)
        keep = (ids > 0) & (conf != nodata)
        ids, conf = ids[keep], conf[keep]
        if confidence_type == "uint8":
            conf /= 100.0
        sums += np.bincount(ids, weights=conf, minlength=n + 1)[: n + 1]
        counts += np.bincount(ids, minlength=n + 1)[: n + 1]
    return sums[1:], counts[1:]


def _write_piece(piece_path: str, layer: ogr.Layer, sums: Optional[np.ndarray], counts: Optional[np.ndarray],
                 rect: Rect, seams: tuple[bool, bool, bool, bool]) -> tuple[int, int]:
    """The piece GeoPackage under a temporary name, then renamed into place; returns (polygons, on seams)."""
    x0, y0, w, h = rect
    folder = os.path.dirname(os.path.abspath(piece_path))
    tmp = os.path.join(folder, f".{os.path.basename(piece_path)}.{uuid.uuid4().hex[:12]}.tmp.gpkg")
    try:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(tmp)
        if ds is None:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{piece_path}: cannot create the polygon piece ({gdal_error}); check the work folder "
                "is writable and has space").format(piece_path=piece_path, gdal_error=gdal.GetLastErrorMsg()))
        out = ds.CreateLayer(PIECE_LAYER, geom_type=ogr.wkbPolygon, options=["SPATIAL_INDEX=NO"])
        for name, kind in (("class_id", ogr.OFTInteger), ("conf_sum", ogr.OFTReal),
                           ("conf_count", ogr.OFTInteger64), ("edges", ogr.OFTInteger)):
            out.CreateField(ogr.FieldDefn(name, kind))
        defn = out.GetLayerDefn()
        polygons, on_seams = 0, 0
        out.StartTransaction()
        layer.ResetReading()
        for feat in layer:
            geom = feat.GetGeometryRef()
            if geom is None:
                continue
            minx, maxx, miny, maxy = geom.GetEnvelope()
            edges = ((LEFT if seams[0] and minx == x0 else 0) | (TOP if seams[1] and miny == y0 else 0)
                     | (RIGHT if seams[2] and maxx == x0 + w else 0)
                     | (BOTTOM if seams[3] and maxy == y0 + h else 0))
            piece = ogr.Feature(defn)
            piece.SetField("class_id", feat.GetFieldAsInteger(0))
            fid = feat.GetFID()
            piece.SetField("conf_sum", float(sums[fid]) if sums is not None else 0.0)
            piece.SetField("conf_count", int(counts[fid]) if counts is not None else 0)
            piece.SetField("edges", edges)
            piece.SetGeometry(geom)
            if out.CreateFeature(piece) != 0:
                raise EngineError(QT_TRANSLATE_NOOP(
                    "RemoteNet", "{piece_path}: writing the polygon piece failed ({gdal_error})").format(
                    piece_path=piece_path, gdal_error=gdal.GetLastErrorMsg()))
            polygons += 1
            on_seams += edges != 0
        if out.CommitTransaction() != 0:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{piece_path}: writing the polygon piece failed ({gdal_error})").format(
                piece_path=piece_path, gdal_error=gdal.GetLastErrorMsg()))
        out = defn = None
        ds = None  # closes the file: complete on disk before it gets its name
        os.replace(tmp, piece_path)
    except BaseException:
        out = defn = ds = None
        for leftover in (tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
        raise
    return polygons, on_seams


# ---------------------------------------------------------------------------------------------
# The merge (client side)


class _Seams:
    """Intervals of piece polygons on the seam lines, and a union-find over those polygons.

    A seam is ("x", s) for the vertical line x = s, ("y", s) for y = s. Side 0 holds polygons
    before the line (left, above), side 1 those after it. Only ids, classes, confidence sums and
    intervals are held, never geometries: memory grows with the seams' length, not the area.
    """

    def __init__(self) -> None:
        self.lines: dict[tuple[str, int], tuple[array, array]] = {}
        self.piece, self.fid, self.cls = array("q"), array("q"), array("q")
        self.conf_sum, self.conf_count = array("d"), array("q")

    def add(self, piece: int, fid: int, value: int, conf_sum: float, conf_count: int) -> int:
        self.piece.append(piece)
        self.fid.append(fid)
        self.cls.append(value)
        self.conf_sum.append(conf_sum)
        self.conf_count.append(conf_count)
        return len(self.piece) - 1

    def interval(self, line: tuple[str, int], side: int, lo: float, hi: float, gid: int) -> None:
        sides = self.lines.get(line)
        if sides is None:
            sides = self.lines[line] = (array("q"), array("q"))
        sides[side].extend((int(lo), int(hi), gid))

    def groups(self) -> np.ndarray:
        """For each polygon id, the smallest id of its group (polygons of one class sharing seam edges)."""
        parent = list(range(len(self.piece)))  # plain lists: this loop is pure Python

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        cls = self.cls
        for before, after in self.lines.values():
            a = np.array(before, dtype=np.int64).reshape(-1, 3)
            b = np.array(after, dtype=np.int64).reshape(-1, 3)
            a = a[np.argsort(a[:, 0], kind="stable")].tolist()
            b = b[np.argsort(b[:, 0], kind="stable")].tolist()
            i = j = 0
            # The intervals of one side never overlap each other: a sweep pairs each with those of
            # the other side that share a segment of positive length (a shared corner is no join).
            while i < len(a) and j < len(b):
                (lo_a, hi_a, ga), (lo_b, hi_b, gb) = a[i], b[j]
                if max(lo_a, lo_b) < min(hi_a, hi_b) and cls[ga] == cls[gb]:
                    ra, rb = root(ga), root(gb)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
                if hi_a <= hi_b:
                    i += 1
                else:
                    j += 1
        return np.array([root(i) for i in range(len(parent))], dtype=np.int64)


@with_gdal_return_codes
def merge_pieces(classes_path: str, pieces: list[tuple[Rect, str]], out_path: str, layer_name: str,
                 classes: list[dict], *, min_area: float, simplify: float, with_confidence: bool,
                 progress: Callable[[float], None], cancelled: Callable[[], bool],
                 log: Callable[[str], None]) -> int:
    """Write the polygons of all pieces to a new GeoPackage layer; returns the polygon count.

    Same layer as ``polygons.polygonise`` (schema, CRS, areas, minimum area, simplification,
    mean confidence). A GDAL write that fails raises EngineError for ``output_vector``.
    """
    with checked_writes(QT_TRANSLATE_NOOP("RemoteNet", "the polygons"), "output_vector", out_path):
        return _merge(classes_path, pieces, out_path, layer_name, classes, min_area, simplify, with_confidence,
                      progress, cancelled, log)


def _merge(classes_path: str, pieces: list[tuple[Rect, str]], out_path: str, layer_name: str,
           classes: list[dict], min_area: float, simplify: float, with_confidence: bool,
           progress: Callable[[float], None], cancelled: Callable[[], bool], log: Callable[[str], None]) -> int:
    def check_cancel() -> None:
        if cancelled():
            raise SegmentCancelled("cancelled while merging polygons; no output was kept")

    src = _open_raster(classes_path)
    width, height = src.RasterXSize, src.RasterYSize
    frame = PixelFrame(src.GetGeoTransform(), width)
    out = ClassLayer(out_path, layer_name, dataset_srs(src), classes, AreaCalculator(src, log), frame,
                     min_area=min_area, simplify=simplify, with_confidence=with_confidence)
    del src
    seams = _Seams()
    for index, (rect, path) in enumerate(pieces):
        check_cancel()
        ds, layer = _open_piece(path)
        x0, y0, w, h = (int(v) for v in rect)
        for n, feat in enumerate(layer):
            if n % 2000 == 1999:
                check_cancel()
            edges = feat.GetFieldAsInteger("edges")
            value = feat.GetFieldAsInteger("class_id")
            conf_sum, conf_count = feat.GetFieldAsDouble("conf_sum"), feat.GetFieldAsInteger64("conf_count")
            geom = feat.GetGeometryRef()
            if geom is None:
                continue
            if not edges:
                out.add(geom.ExportToWkb(ogr.wkbNDR), value, _mean(conf_sum, conf_count, with_confidence))
                continue
            gid = seams.add(index, feat.GetFID(), value, conf_sum, conf_count)
            _seam_intervals(seams, gid, geom, (x0, y0, w, h), edges, width, height)
        del layer, ds
        progress(0.8 * (index + 1) / max(1, len(pieces)))
    _write_groups(seams, pieces, out, with_confidence, check_cancel, progress)
    count, dropped = out.close()
    if dropped:
        log(QT_TRANSLATE_NOOP(
            "RemoteNet", "dropped {dropped} polygon(s) under the minimum area or emptied by simplification").format(
            dropped=dropped))
    progress(1.0)
    return count


def _open_piece(path: str) -> tuple[ogr.DataSource, ogr.Layer]:
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(PIECE_LAYER) if ds is not None else None
    if layer is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: cannot read the polygon piece ({gdal_error})").format(
            path=path, gdal_error=gdal.GetLastErrorMsg() or 'no pieces layer'))
    return ds, layer


def _mean(conf_sum: float, conf_count: int, with_confidence: bool) -> Optional[float]:
    return conf_sum / conf_count if with_confidence and conf_count > 0 else None


def _seam_intervals(seams: _Seams, gid: int, geom: ogr.Geometry, rect: Rect, edges: int, width: int,
                    height: int) -> None:
    """Record the exterior ring's segments lying on the chunk's interior seams (holes cannot: the
    outside of the chunk is never enclosed by a polygon inside it)."""
    x0, y0, w, h = rect
    pts = wkb_rings(geom.ExportToWkb(ogr.wkbNDR))[0]
    a, b = pts[:-1], pts[1:]
    vertical = a[:, 0] == b[:, 0]
    horizontal = a[:, 1] == b[:, 1]
    for bit, line, side, on in ((LEFT, ("x", x0), 1, vertical & (a[:, 0] == x0)),
                                (RIGHT, ("x", x0 + w), 0, vertical & (a[:, 0] == x0 + w)),
                                (TOP, ("y", y0), 1, horizontal & (a[:, 1] == y0)),
                                (BOTTOM, ("y", y0 + h), 0, horizontal & (a[:, 1] == y0 + h))):
        if not edges & bit:
            continue
        along = 1 if line[0] == "x" else 0
        for lo, hi in zip(np.minimum(a[on, along], b[on, along]), np.maximum(a[on, along], b[on, along])):
            seams.interval(line, side, lo, hi, gid)


def _write_groups(seams: _Seams, pieces: list[tuple[Rect, str]], out: ClassLayer, with_confidence: bool,
                  check_cancel: Callable[[], None], progress: Callable[[float], None]) -> None:
    """Union each group of seam polygons (read back by FID) and write it."""
    roots = seams.groups()
    if len(roots) == 0:
        return
    order = np.argsort(roots, kind="stable")  # groups in piece order, so the open-file cache works
    starts = np.flatnonzero(np.r_[True, roots[order][1:] != roots[order][:-1]])
    ends = np.r_[starts[1:], len(order)]
    opened: OrderedDict[int, tuple[ogr.DataSource, ogr.Layer]] = OrderedDict()

    def geometry(gid: int) -> ogr.Geometry:
        piece = seams.piece[gid]
        if piece not in opened:
            if len(opened) >= OPEN_PIECES:
                opened.popitem(last=False)
            opened[piece] = _open_piece(pieces[piece][1])
        opened.move_to_end(piece)
        feat = opened[piece][1].GetFeature(seams.fid[gid])
        if feat is None:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{pieces}: polygon {fid} is missing from the piece").format(
                pieces=pieces[piece][1], fid=seams.fid[gid]))
        return feat.GetGeometryRef().Clone()

    for k, (s, e) in enumerate(zip(starts, ends)):
        if k % 200 == 0:
            check_cancel()
            progress(0.8 + 0.2 * k / len(starts))
        members = [int(g) for g in order[s:e]]
        conf_sum = sum(seams.conf_sum[g] for g in members)
        conf_count = sum(seams.conf_count[g] for g in members)
        mean = _mean(conf_sum, conf_count, with_confidence)
        value = seams.cls[members[0]]
        parts = [geometry(members[0])] if len(members) == 1 else _union([geometry(g) for g in members])
        for part in parts:  # the union keeps seam vertices and starts rings anywhere: ClassLayer redraws them
            out.add(part.ExportToWkb(ogr.wkbNDR), value, mean)
    opened.clear()


def _union(members: list[ogr.Geometry]) -> list[ogr.Geometry]:
    """The union of one group's polygons (pixel coordinates): one polygon, as they share edges.

    A member's holes lie inside its chunk, off the seams, and no other member covers them (one
    inside a hole could not reach a seam), so only the outer rings are unioned (exact: integer
    vertices, axis-parallel edges) and the members' holes added back: 2-3 times faster than a
    union of the whole polygons, whose holes GEOS would node too.
    """
    shells, holes = ogr.Geometry(ogr.wkbMultiPolygon), []
    for geom in members:
        shell = ogr.Geometry(ogr.wkbPolygon)
        shell.AddGeometry(geom.GetGeometryRef(0))
        shells.AddGeometry(shell)
        holes.extend(geom.GetGeometryRef(i) for i in range(1, geom.GetGeometryCount()))
    union = shells.UnionCascaded()
    if union is None or union.IsEmpty():
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "merging {members_count} polygons across chunk seams failed: {gdal_error}").format(
            members_count=len(members), gdal_error=gdal.GetLastErrorMsg()))
    if union.GetGeometryType() == ogr.wkbPolygon:
        for hole in holes:
            union.AddGeometry(hole)
        return [union]
    # More than one part would be a bug (members joined by a shared edge); keep every pixel anyway.
    whole = ogr.Geometry(ogr.wkbMultiPolygon)
    for geom in members:
        whole.AddGeometry(geom)
    union = whole.UnionCascaded()
    if union.GetGeometryType() == ogr.wkbPolygon:
        return [union]
    return [union.GetGeometryRef(i).Clone() for i in range(union.GetGeometryCount())]

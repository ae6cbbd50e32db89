"""Class polygons in one canonical form, whatever drew them.

GDAL's Polygonize (whose ring directions changed between 3.6 and 3.10) and GEOS's union (polygons
merged across chunk seams) draw the same patch of pixels with other start vertices, directions,
hole orders, and vertices in the middle of straight edges. Simplification (GEOS) depends on all of
these, so every polygon is redrawn here the same way before it is simplified and written: the
final polygons are a function of the pixels only, in the one-chunk and the chunked run alike.

The canonical form, in pixel coordinates (column, row; every vertex an integer):

- no repeated vertex and none in the middle of a straight edge;
- the OGC-valid rings: where two pixels of the polygon meet only at a corner, the outside pixels
  on either side are kept apart, so a hole may touch the outer ring or another hole at a point
  but no ring touches itself (one drawn otherwise is split there);
- the outer ring counter-clockwise in map coordinates, holes clockwise (OGC Simple Features);
- every ring starts at its top-left vertex (smallest row, then column); holes in that order.

The outer ring's top-left vertex is the top-left corner of the polygon's first pixel in raster
order, which no other polygon has: ``1 + row * width + column`` is the polygon's feature id, so
the layer lists polygons in raster order, whatever order they were written in.

Polygons are redrawn in batches, with a few numpy passes over all their vertices (no GDAL here:
WKB in, WKB out).
"""
from __future__ import annotations

import struct
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ..base.options import EngineError

WKB_POLYGON = 3


def wkb_rings(wkb: bytes) -> list[np.ndarray]:
    """The rings of a 2D little-endian WKB polygon as closed (n, 2) float64 arrays."""
    kind, count = struct.unpack_from("<II", wkb, 1)
    if kind != WKB_POLYGON:
        raise EngineError(f"a class polygon has geometry type {kind}, not a polygon")
    rings, offset = [], 9
    for _ in range(count):
        (n,) = struct.unpack_from("<I", wkb, offset)
        offset += 4
        rings.append(np.frombuffer(wkb, dtype="<f8", count=2 * n, offset=offset).reshape(n, 2))
        offset += 16 * n
    return rings


class PixelFrame:
    """Pixel and map coordinates of one raster (its geotransform), and the canonical polygons there."""

    def __init__(self, geotransform: Sequence[float], width: int) -> None:
        gt = self.gt = tuple(float(v) for v in geotransform)
        self.width = int(width)
        det = gt[1] * gt[5] - gt[2] * gt[4]
        if det == 0 or not np.isfinite(det):
            raise EngineError(f"the raster's geotransform {gt} maps pixels to no area")
        # Sign of the pixel-plane turn of a ring that runs counter-clockwise on the map.
        self.outer_sign = 1.0 if det > 0 else -1.0
        self.forward = np.array([[gt[1], gt[4]], [gt[2], gt[5]]])  # row vectors: (col, row) @ forward
        self.inverse = np.linalg.inv(self.forward)
        self.origin = np.array([gt[0], gt[3]])
        self.row_key = float(self.width + 1)  # a vertex's column is at most the width

    def canonical(self, polygons: Sequence[bytes], *, in_map: bool) -> list[tuple[bytes, int]]:
        """For each polygon (2D little-endian WKB, outer ring first; in map coordinates as
        Polygonize writes them when ``in_map``, else in pixel coordinates), its canonical form as
        WKB in map coordinates and its feature id; (b"", 0) for a polygon without area.

        Vectorised over the whole batch: a few numpy passes, not a few per ring."""
        rings = _Rings.parse(polygons)
        pts = rings.pts
        if in_map:  # back onto the pixel corners (exactly: GDAL maps them with this geotransform)
            pixels = (pts - self.origin) @ self.inverse
            pts = np.rint(pixels)
            if len(pts) and float(np.abs(pixels - pts).max()) > 1e-3:
                raise EngineError("a polygon's vertex lies off the pixel corners of the class raster")
        rings.pts = pts
        return self._drawn(rings, split=True)

    def _drawn(self, rings: _Rings, split: bool) -> list[tuple[bytes, int]]:
        turns = rings.corners()
        out: list[tuple[bytes, int]] = [(b"", 0)] * rings.count
        if not len(rings.pts):
            return out
        keys = rings.pts[:, 1] * self.row_key + rings.pts[:, 0]  # one number per vertex, ordered as (row, column)
        starts, lengths = rings.starts(), rings.lengths
        alive = lengths > 0
        # Each ring's top-left vertex (its smallest key; a ring that touches itself never does so there).
        smallest = np.full(len(lengths), np.inf)
        smallest[alive] = np.minimum.reduceat(keys, starts[alive])  # rings are stored one after another
        hits = np.flatnonzero(keys == smallest[rings.ring_of])
        hit_rings = rings.ring_of[hits]
        once = np.r_[True, hit_rings[1:] != hit_rings[:-1]]
        first = np.zeros(len(lengths), dtype=np.int64)
        first[hit_rings[once]] = hits[once]
        touching = np.zeros(rings.count, dtype=bool)
        if split:
            touching[rings.polygon[_repeated(keys, rings.ring_of)]] = True
        if touching.any():  # a ring touches itself (rare): redrawn one polygon at a time
            for p in np.flatnonzero(touching):
                own = [rings.ring(r) for r in rings.rings_of(p)]
                own = [r for r in own if len(r)]
                if own:
                    redrawn = _Rings.of([_split_where_touching(own)])
                    out[p] = self._drawn(redrawn, split=False)[0]
        hole = rings.index_in_polygon > 0
        shell_alive = np.zeros(rings.count, dtype=bool)
        shell_alive[rings.polygon[alive & ~hole]] = True
        wanted = alive & shell_alive[rings.polygon] & ~touching[rings.polygon]
        ring_order = np.flatnonzero(wanted)
        ring_order = ring_order[np.lexsort((smallest[ring_order], hole[ring_order], rings.polygon[ring_order]))]
        # Each ring from its top-left vertex, the way round its kind wants, closed.
        sign = np.where(hole, -self.outer_sign, self.outer_sign)
        step = np.where(turns[first] * sign < 0, -1, 1)[ring_order]
        size = lengths[ring_order]
        out_size = size + 1
        out_start = np.cumsum(out_size) - out_size
        k = np.arange(int(out_size.sum())) - np.repeat(out_start, out_size)
        local = np.repeat(first[ring_order] - starts[ring_order], out_size) + np.repeat(step, out_size) * k
        index = np.repeat(starts[ring_order], out_size) + local % np.repeat(size, out_size)
        mapped = (rings.pts[index] @ self.forward + self.origin).astype("<f8").tobytes()
        top_left = rings.pts[first]
        fids = 1 + top_left[:, 1].astype(np.int64) * self.width + top_left[:, 0].astype(np.int64)
        # Little-endian WKB, one polygon after another (its rings are consecutive in ring_order).
        poly_of = rings.polygon[ring_order].tolist()
        sizes, offsets = out_size.tolist(), (16 * out_start).tolist()
        fid_list = fids[ring_order].tolist()
        i = 0
        while i < len(poly_of):
            p, j = poly_of[i], i
            while j < len(poly_of) and poly_of[j] == p:
                j += 1
            parts = [struct.pack("<BII", 1, WKB_POLYGON, j - i)]
            for r in range(i, j):
                parts.append(struct.pack("<I", sizes[r]))
                parts.append(mapped[offsets[r]:offsets[r] + 16 * sizes[r]])
            out[p] = (b"".join(parts), fid_list[i])
            i = j
        return out


def _repeated(keys: np.ndarray, ring_of: np.ndarray) -> np.ndarray:
    """The rings (ids) in which a vertex key appears more than once."""
    stride = int(keys.max()) + 1
    if stride * (int(ring_of[-1]) + 1) < 2 ** 62:  # one integer per (ring, vertex): one plain sort
        both = np.sort(ring_of * stride + keys.astype(np.int64))
        return np.unique(both[1:][both[1:] == both[:-1]] // stride)
    order = np.lexsort((keys, ring_of))
    k, r = keys[order], ring_of[order]
    return np.unique(r[1:][(r[1:] == r[:-1]) & (k[1:] == k[:-1])])


class _Rings:
    """The open rings of a batch of polygons, one after another in one (n, 2) array."""

    def __init__(self, pts: np.ndarray, lengths: np.ndarray, polygon: np.ndarray, index_in_polygon: np.ndarray,
                 count: int) -> None:
        self.pts, self.lengths, self.polygon, self.index_in_polygon = pts, lengths, polygon, index_in_polygon
        self.count = count  # polygons
        self.ring_of = np.repeat(np.arange(len(lengths)), lengths)

    @classmethod
    def parse(cls, polygons: Sequence[bytes]) -> _Rings:
        """From 2D little-endian WKB polygons: their coordinates copied into one buffer, read once."""
        chunks: list[bytes] = []
        lengths, polygon, index = [], [], []
        unpack = struct.unpack_from
        for p, wkb in enumerate(polygons):
            kind, count = unpack("<II", wkb, 1)
            if kind != WKB_POLYGON:
                raise EngineError(f"a class polygon has geometry type {kind}, not a polygon")
            offset = 9
            for i in range(count):
                (n,) = unpack("<I", wkb, offset)
                n_open = max(n - 1, 0)  # closed in WKB: the last vertex repeats the first
                chunks.append(wkb[offset + 4:offset + 4 + 16 * n_open])
                offset += 4 + 16 * n
                lengths.append(n_open)
                polygon.append(p)
                index.append(i)
        pts = np.frombuffer(b"".join(chunks), dtype="<f8").reshape(-1, 2).astype(np.float64)
        return cls(pts, np.array(lengths, dtype=np.int64), np.array(polygon, dtype=np.int64),
                   np.array(index, dtype=np.int64), len(polygons))

    @classmethod
    def of(cls, polygons: Sequence[Sequence[np.ndarray]]) -> _Rings:
        """From open rings (pixel coordinates), outer ring first."""
        parts, lengths, polygon, index = [], [], [], []
        for p, rings in enumerate(polygons):
            for i, ring in enumerate(rings):
                parts.append(ring)
                lengths.append(len(ring))
                polygon.append(p)
                index.append(i)
        pts = np.concatenate(parts).astype(np.float64) if parts else np.zeros((0, 2))
        return cls(pts, np.array(lengths, dtype=np.int64), np.array(polygon, dtype=np.int64),
                   np.array(index, dtype=np.int64), len(polygons))

    def starts(self) -> np.ndarray:
        return np.cumsum(self.lengths) - self.lengths

    def ring(self, r: int) -> np.ndarray:
        start = int(self.starts()[r])
        return self.pts[start:start + int(self.lengths[r])]

    def rings_of(self, p: int) -> np.ndarray:
        return np.flatnonzero(self.polygon == p)

    def corners(self) -> np.ndarray:
        """Drops repeated vertices and those in the middle of a straight run (a ring left without
        area loses them all); returns each remaining vertex's turn (positive left, in the pixel
        plane taken as x right, y up)."""
        while True:
            starts, lengths = self.starts(), self.lengths
            live = lengths > 0
            ends = starts + lengths - 1
            after = np.arange(1, len(self.pts) + 1)
            after[ends[live]] = starts[live]
            before = np.arange(-1, len(self.pts) - 1)
            before[starts[live]] = ends[live]
            d_in, d_out = self.pts - self.pts[before], self.pts[after] - self.pts
            turns = d_in[:, 0] * d_out[:, 1] - d_in[:, 1] * d_out[:, 0]
            keep = turns != 0
            if keep.all():
                return turns
            # Dropping a vertex can straighten a neighbour (a repeat): again.
            self.pts, self.ring_of = self.pts[keep], self.ring_of[keep]
            self.lengths = np.bincount(self.ring_of, minlength=len(lengths)).astype(np.int64)


def _signed_area(ring: np.ndarray) -> float:
    """Twice the signed area of an open ring (shoelace), in the pixel plane taken as x right, y up."""
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]) + x[-1] * y[0] - x[0] * y[-1])


def _corners(pts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An open ring without repeated vertices nor vertices in the middle of a straight run, and its
    turn at each vertex (positive left, in the pixel plane taken as x right, y up)."""
    turns = np.zeros(len(pts))
    while len(pts) >= 3:
        ext = np.concatenate((pts[-1:], pts, pts[:1]))
        d = ext[1:] - ext[:-1]  # d[i]: into vertex i, d[i + 1]: out of it
        turns = d[:-1, 0] * d[1:, 1] - d[:-1, 1] * d[1:, 0]
        keep = turns != 0
        if keep.all():
            break
        pts = pts[keep]  # dropping a vertex can straighten a neighbour (a repeat): again
    return pts, turns


def _split_where_touching(rings: list[np.ndarray]) -> list[np.ndarray]:
    """The open rings of a polygon redrawn from its edges so that no ring touches itself.

    With the polygon's inside on the left of every edge (outer ring counter-clockwise in the
    pixel plane, holes clockwise), rings that turn right wherever a vertex offers two ways on go
    round the outside pixels there one by one: the OGC-valid rings (GDAL's and GEOS's own form).
    """
    ways: dict[tuple[float, float], list[tuple[float, float]]] = defaultdict(list)
    edges = []
    for i, ring in enumerate(rings):
        if (_signed_area(ring) > 0) != (i == 0):
            ring = ring[::-1]
        pts = [(float(x), float(y)) for x, y in ring.tolist()]
        for a, b in zip(pts, pts[1:] + pts[:1]):
            ways[a].append(b)
            edges.append((a, b))
    after = {}
    for a, b in edges:  # each edge's successor: the sharpest right turn at its end
        after[(a, b)] = (b, min(ways[b], key=lambda c: _turn(a, b, c)))
    if len(set(after.values())) != len(edges):  # not a boundary of pixels: leave it as drawn
        return rings
    out, seen = [], set()
    for edge in sorted(edges):
        walk = []
        while edge not in seen:
            seen.add(edge)
            walk.append(edge[0])
            edge = after[edge]
        if walk:
            out.append(_corners(np.array(walk, dtype=np.float64))[0])
    outers = [r for r in out if _signed_area(r) > 0]
    if len(outers) != 1:  # not one patch of pixels: leave it as drawn
        return rings
    return outers + [r for r in out if _signed_area(r) < 0]


def _turn(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> float:
    """How far the way b -> c turns from a -> b, in half turns: negative right, 0 straight on, positive left."""
    d1 = (b[0] - a[0], b[1] - a[1])
    d2 = (c[0] - b[0], c[1] - b[1])
    return float(np.arctan2(d1[0] * d2[1] - d1[1] * d2[0], d1[0] * d2[0] + d1[1] * d2[1])) / np.pi

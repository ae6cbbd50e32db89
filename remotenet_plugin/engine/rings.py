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
"""
from __future__ import annotations

import struct
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from osgeo import ogr

from .options import EngineError

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
    """Pixel and map coordinates of one raster (its geotransform), and the canonical polygon there."""

    def __init__(self, geotransform: Sequence[float], width: int) -> None:
        gt = self.gt = tuple(float(v) for v in geotransform)
        self.width = int(width)
        det = gt[1] * gt[5] - gt[2] * gt[4]
        if det == 0 or not np.isfinite(det):
            raise EngineError(f"the raster's geotransform {gt} maps pixels to no area")
        # Sign of the pixel-plane signed area of a ring that runs counter-clockwise on the map.
        self.outer_sign = 1.0 if det > 0 else -1.0
        self.forward = np.array([[gt[1], gt[4]], [gt[2], gt[5]]])  # row vectors: (col, row) @ forward
        self.inverse = np.linalg.inv(self.forward)
        self.origin = np.array([gt[0], gt[3]])
        self.row_key = float(self.width + 1)  # a vertex's column is at most the width

    def from_map(self, geom: ogr.Geometry) -> list[np.ndarray]:
        """The rings of a polygon in map coordinates (Polygonize's output) back in pixel coordinates."""
        rings = []
        for ring in wkb_rings(geom.ExportToWkb(ogr.wkbNDR)):
            pixels = (ring - self.origin) @ self.inverse
            rounded = np.rint(pixels)
            if len(ring) and float(np.abs(pixels - rounded).max()) > 1e-3:
                raise EngineError("a polygon's vertex lies off the pixel corners of the class raster")
            rings.append(rounded)
        return rings

    def to_map(self, rings: list[np.ndarray]) -> ogr.Geometry:
        """The polygon of closed pixel-coordinate rings, in map coordinates (one formula for all runs)."""
        parts = [struct.pack("<BII", 1, WKB_POLYGON, len(rings))]
        for ring in rings:
            parts.append(struct.pack("<I", len(ring)))
            parts.append((ring @ self.forward + self.origin).astype("<f8").tobytes())
        return ogr.CreateGeometryFromWkb(b"".join(parts))

    def canonical(self, rings: list[np.ndarray]) -> tuple[list[np.ndarray], int]:
        """The canonical closed rings of a polygon (closed pixel-coordinate rings, outer ring first)
        and its feature id; no rings (and id 0) for a polygon without area."""
        opened = [c for c in (_corners(r[:-1]) for r in rings) if len(c[0]) >= 3]
        if not opened:
            return [], 0
        keys = [self._keys(r) for r, _turns in opened]  # one number per vertex, ordered as (row, column)
        if any(len(set(k.tolist())) < len(k) for k in keys):  # a ring touches itself (rare)
            split = _split_where_touching([r for r, _turns in opened])
            opened = [c for c in (_corners(r) for r in split) if len(c[0]) >= 3]
            keys = [self._keys(r) for r, _turns in opened]
        out = [_drawn(*opened[0], keys[0], self.outer_sign)]
        if len(opened) > 1:
            holes = sorted(range(1, len(opened)), key=lambda i: keys[i].min())
            out.extend(_drawn(*opened[i], keys[i], -self.outer_sign) for i in holes)
        first = out[0][0]
        return out, 1 + int(first[1]) * self.width + int(first[0])

    def _keys(self, ring: np.ndarray) -> np.ndarray:
        return ring[:, 1] * self.row_key + ring[:, 0]


def _drawn(ring: np.ndarray, turns: np.ndarray, keys: np.ndarray, sign: float) -> np.ndarray:
    """The open ring turning the way ``sign`` says, from its top-left vertex, closed. A ring turns
    at its top-left vertex the way it goes round (that corner is convex)."""
    first = int(keys.argmin())
    if turns[first] * sign < 0:
        return np.concatenate((ring[first::-1], ring[:first:-1], ring[first:first + 1]))
    return np.concatenate((ring[first:], ring[:first + 1]))


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

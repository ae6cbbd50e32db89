"""Polygons of a chunked run (engine/scale/chunk_polygons.py) against the one-chunk polygoniser.

The class raster is real: the Atlanta panchromatic scene, smoothed and cut into four classes (many
patches of every size, some crossing every seam), plus a synthetic raster with a road crossing
many chunks, a ring whose hole crosses two seams and two patches touching only at a corner on a
seam. Chunks are 256 or 300 px on 900 px, so the last ones are narrower.
"""
from __future__ import annotations

import collections
from pathlib import Path

import numpy as np
import pytest
from engine_helpers import mount_small_tmpfs, unmount
from osgeo import gdal, ogr

from remotenet.remotenet_plugin.engine.base.options import EngineError, SegmentCancelled
from remotenet.remotenet_plugin.engine.scale import chunk_polygons as cp
from remotenet.remotenet_plugin.engine.write.polygons import polygonise
from remotenet.remotenet_plugin.engine.write.rings import PixelFrame, wkb_rings

ATLANTA = str(Path(__file__).parent / "data" / "atlanta_pan_0p5m.tif")
CLASSES = [{"value": v, "name": n, "color": [0, 0, 0]}
           for v, n in enumerate(["shadow", "dark", "bright", "roof"])]
PIXEL_M2 = 0.25  # 0.5 m pixels, UTM


def _write(path: Path, data: np.ndarray, like: gdal.Dataset, dtype: int, nodata: float) -> str:
    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[1], data.shape[0], 1, dtype, ["TILED=YES"])
    ds.SetGeoTransform(like.GetGeoTransform())
    ds.SetProjection(like.GetProjection())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(data)
    ds = None
    return str(path)


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """The class raster (uint8, nodata 255) and confidence rasters (float32 and uint8 percent)."""
    folder = tmp_path_factory.mktemp("chunk_polygons")
    src = gdal.Open(ATLANTA)
    pan = src.GetRasterBand(1).ReadAsArray().astype(np.float64)
    k = 3  # a 3x3 box mean: patches from one pixel to thousands
    padded = np.pad(pan, k // 2, mode="edge")
    sums = np.pad(np.cumsum(np.cumsum(padded, 0), 1), ((1, 0), (1, 0)))
    smooth = (sums[k:, k:] - sums[:-k, k:] - sums[k:, :-k] + sums[:-k, :-k]) / (k * k)
    classes = np.digitize(smooth, np.percentile(smooth, [30, 60, 85])).astype(np.uint8)
    classes[:40, :60] = 255  # a nodata corner
    span = np.percentile(pan, 99.5) - pan.min()
    conf = np.clip((pan - pan.min()) / span, 0.0, 1.0).astype(np.float32)  # the real pixel values
    conf[classes == 255] = -1.0
    conf[300:310, 300:420] = -1.0  # classed pixels without a confidence, across a seam
    percent = np.where(conf < 0, 255, np.rint(conf * 100)).astype(np.uint8)
    return {
        "folder": folder,
        "classes": _write(folder / "classes.tif", classes, src, gdal.GDT_Byte, 255),
        "float32": _write(folder / "conf.tif", conf, src, gdal.GDT_Float32, -1.0),
        "uint8": _write(folder / "conf_u8.tif", percent, src, gdal.GDT_Byte, 255),
        "classed_pixels": int((classes != 255).sum()),
    }


def _rects(width: int, height: int, size: int) -> list[tuple[int, int, int, int]]:
    return [(x, y, min(size, width - x), min(size, height - y))
            for y in range(0, height, size) for x in range(0, width, size)]


def chunked(classes: str, folder: Path, size: int, *, min_area: float = 0.0, simplify: float = 0.0,
            conf: str | None = None, conf_type: str = "float32", log=None) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    ds = gdal.Open(classes)
    threshold = cp.sieve_threshold(classes, min_area, log or (lambda _m: None))
    pieces = []
    for rect in _rects(ds.RasterXSize, ds.RasterYSize, size):
        path = str(folder / f"piece_{rect[0]}_{rect[1]}.gpkg")
        report = cp.make_piece(classes, conf, conf_type, rect, threshold, path)
        assert report["rect"] == list(rect) and report["polygons"] >= report["seam_polygons"] >= 0
        pieces.append((rect, path))
    out = str(folder / "chunked.gpkg")
    count = cp.merge_pieces(classes, pieces, out, "polygons", CLASSES, min_area=min_area, simplify=simplify,
                            with_confidence=conf is not None, progress=lambda _f: None,
                            cancelled=lambda: False, log=log or (lambda _m: None))
    written = ogr.Open(out)  # kept: a layer dies with its dataset
    assert count == written.GetLayer(0).GetFeatureCount()
    return out


def one_chunk(classes: str, folder: Path, *, min_area: float = 0.0, simplify: float = 0.0,
              conf: str | None = None, conf_type: str = "float32") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    out = str(folder / "one_chunk.gpkg")
    polygonise(classes, out, "polygons", CLASSES, min_area=min_area, simplify=simplify, confidence_path=conf,
               confidence_type=conf_type, scratch=lambda tag, suffix: str(folder / f"{tag}{suffix}"),
               progress=lambda _f: None, cancelled=lambda: False, log=lambda _m: None)
    return out


def polygons(path: str) -> list[dict]:
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    out = []
    for feat in layer:
        geom = feat.GetGeometryRef().Clone()
        out.append({**{n: feat.GetField(n) for n in names}, "geom": geom,
                    "key": (feat.GetField("class_id"), *(round(v, 6) for v in geom.GetEnvelope()),
                            round(geom.GetArea(), 4))})
    out.append(ds.GetLayer(0).GetSpatialRef())  # last item: the layer's CRS
    return out


def per_class(items: list[dict]) -> dict[int, tuple[int, float]]:
    table = collections.defaultdict(lambda: [0, 0.0])
    for p in items:
        table[p["class_id"]][0] += 1
        table[p["class_id"]][1] += p["area_m2"]
    return {c: (n, a) for c, (n, a) in table.items()}


@pytest.fixture(scope="module")
def exact(scene):
    """The scene without a minimum area: chunked in 256 px chunks (the last ones 132 px), and whole."""
    folder = scene["folder"] / "exact"
    return (chunked(scene["classes"], folder, 256, conf=scene["float32"]),
            one_chunk(scene["classes"], folder, conf=scene["float32"]))


def test_chunked_polygons_equal_the_one_chunk_run(exact):
    """Without a minimum area the merge is exact: the same polygons, areas and mean confidences."""
    got, want = polygons(exact[0]), polygons(exact[1])
    got_srs, want_srs = got.pop(), want.pop()
    assert got_srs.IsSame(want_srs) and set(got[0]) == set(want[0])  # same CRS and fields
    assert len(want) > 5000
    assert per_class(got).keys() == per_class(want).keys()
    for c, (n, area) in per_class(want).items():
        assert per_class(got)[c][0] == n
        assert per_class(got)[c][1] == pytest.approx(area, rel=1e-9)
    by_key = {p["key"]: p for p in want}
    assert len(by_key) == len(want) and {p["key"] for p in got} == set(by_key)
    crossing = 0
    for p in got:
        ref = by_key[p["key"]]
        assert p["area_m2"] == pytest.approx(ref["area_m2"], rel=1e-9)
        assert p["class_name"] == ref["class_name"]
        if ref["mean_confidence"] is None:
            assert p["mean_confidence"] is None
        else:
            assert p["mean_confidence"] == pytest.approx(ref["mean_confidence"], abs=1e-6)
        env = p["geom"].GetEnvelope()
        crossing += (env[1] - env[0]) > 128 * 0.5 * 2 or (env[3] - env[2]) > 128 * 0.5 * 2  # wider than a chunk
    assert crossing > 10  # polygons spanning several chunks were merged into one


def rows(path: str) -> list[tuple]:
    """(fid, class_id, geometry as WKB, area_m2, mean_confidence) of every polygon, in the layer's order."""
    ds = ogr.Open(path)
    return [(f.GetFID(), f.GetField("class_id"), bytes(f.GetGeometryRef().ExportToWkb(ogr.wkbNDR)),
             f.GetField("area_m2"), f.GetField("mean_confidence")) for f in ds.GetLayer(0)]


def assert_identical(chunked_path: str, one_chunk_path: str) -> list[tuple]:
    """The same polygons (ids, classes, geometry to the bit, areas) in the same order; confidences
    alike to rounding (sums in another order)."""
    got, want = rows(chunked_path), rows(one_chunk_path)
    assert len(got) == len(want)
    assert [r[:4] for r in got] == [r[:4] for r in want]
    for ours, theirs in zip(got, want):
        assert ours[4] == pytest.approx(theirs[4], abs=1e-9)
    return want


@pytest.mark.parametrize("simplify", [0.0, 1.0])
def test_chunked_and_one_chunk_polygons_are_identical(scene, exact, simplify):
    """Without a minimum area both runs write the same polygons, bit for bit, simplified or not,
    whatever GDAL drew (its ring directions and starts changed from 3.6 to 3.10) and whatever
    GEOS's simplification keeps (3.13 may drop a ring's first vertex): both redraw every polygon
    in one canonical form first. 300 px chunks here, 256 px in ``exact``."""
    if simplify == 0.0:
        want = assert_identical(*exact)
    else:
        folder = scene["folder"] / "simplified"
        want = assert_identical(chunked(scene["classes"], folder, 300, simplify=simplify, conf=scene["uint8"],
                                        conf_type="uint8"),
                                one_chunk(scene["classes"], folder, simplify=simplify, conf=scene["uint8"],
                                          conf_type="uint8"))
    assert len(want) > 5000
    fids = [r[0] for r in want]
    assert fids == sorted(fids) and len(set(fids)) == len(fids)  # raster order, by the first pixel
    vertices = sum(len(wkb_rings(r[2])[0]) for r in want)
    print(f"simplify {simplify}: {len(want)} polygons, {vertices} outer-ring vertices")


def test_polygons_are_written_in_the_canonical_form(scene, exact):
    """Outer rings counter-clockwise on the map, holes clockwise, each from its top-left vertex,
    holes in that order, corners only; the feature id is 1 + the first pixel's index in raster order."""
    ds = gdal.Open(scene["classes"])
    gt, width = ds.GetGeoTransform(), ds.RasterXSize
    inverse = np.linalg.inv(np.array([[gt[1], gt[4]], [gt[2], gt[5]]]))
    holes = 0
    for fid, _value, wkb, _area, _conf in rows(exact[1]):
        rings = [np.rint((r - (gt[0], gt[3])) @ inverse) for r in wkb_rings(wkb)]  # in pixels
        for i, ring in enumerate(rings):
            col, row = ring[0]
            assert (ring[0] == ring[-1]).all()
            assert all((r, c) > (row, col) for c, r in ring[1:-1])  # starts at its top-left vertex
            mapped = ring @ np.array([[gt[1], gt[4]], [gt[2], gt[5]]])
            x, y = mapped[:, 0], mapped[:, 1]
            area = float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))
            assert (area > 0) == (i == 0)  # counter-clockwise outer ring, clockwise holes
            d = np.diff(ring, axis=0)
            turns = d[:, 0] * np.roll(d, 1, axis=0)[:, 1] - d[:, 1] * np.roll(d, 1, axis=0)[:, 0]
            assert (turns != 0).all()  # no vertex in the middle of a straight edge
        assert fid == 1 + int(rings[0][0][1]) * width + int(rings[0][0][0])
        firsts = [(r[0][1], r[0][0]) for r in rings[1:]]
        assert firsts == sorted(firsts)
        holes += len(rings) - 1
    assert holes > 100


@pytest.mark.parametrize("drawings", [
    # one square from each vertex, both ways round, with vertices in the middle of its edges
    ["POLYGON ((1 1,1 4,4 4,4 1,1 1))", "POLYGON ((4 4,1 4,1 1,2 1,4 1,4 4))", "POLYGON ((1 4,4 4,4 1,1 1,1 2,1 4))"],
    # a pocket touching the outside at a corner: a hole touching the outer ring, or an outer ring touching itself
    ["POLYGON ((1 1,1 4,3 4,3 3,4 3,4 1,1 1),(2 2,2 3,3 3,3 2,2 2))",
     "POLYGON ((4 1,1 1,1 4,3 4,3 3,2 3,2 2,3 2,3 3,4 3,4 1))"],
    # two holes meeting at a corner: two holes (either order) or one figure of eight
    ["POLYGON ((0 0,0 4,4 4,4 0,0 0),(1 1,1 2,2 2,2 1,1 1),(2 2,2 3,3 3,3 2,2 2))",
     "POLYGON ((0 0,4 0,4 4,0 4,0 0),(3 3,3 2,2 2,2 3,3 3),(2 1,2 2,1 2,1 1,2 1))",
     "POLYGON ((0 0,0 4,4 4,4 0,0 0),(1 1,1 2,2 2,2 3,3 3,3 2,2 2,2 1,1 1))"],
])
def test_one_polygon_however_it_is_drawn(drawings):
    """Every drawing of the same pixels gets the same canonical polygon, OGC-valid."""
    frame = PixelFrame((500000.0, 0.5, 0.0, 4000000.0, 0.0, -0.5), 10)
    wkbs = [bytes(ogr.CreateGeometryFromWkt(wkt).ExportToWkb(ogr.wkbNDR)) for wkt in drawings]
    drawn = frame.canonical(wkbs, in_map=False)  # in one batch
    drawn += [frame.canonical([wkb], in_map=False)[0] for wkb in wkbs]  # and one by one
    for wkb, fid in drawn:
        assert ogr.CreateGeometryFromWkb(wkb).IsValid() and fid in (1, 12)
    assert len(set(drawn)) == 1


def test_no_overlaps_and_no_gaps_along_the_seams(scene, exact):
    size = 256
    src = gdal.Open(scene["classes"])
    gt = src.GetGeoTransform()
    ds = ogr.Open(exact[0])
    layer = ds.GetLayer(0)
    # Every classed pixel is covered exactly once, by a polygon of its own class; nodata by none.
    burnt = {}
    for name, kwargs in (("count", {"burn_values": [1], "options": ["MERGE_ALG=ADD"]}),
                         ("class", {"options": ["ATTRIBUTE=class_id"]})):
        raster = gdal.GetDriverByName("MEM").Create("", 900, 900, 1, gdal.GDT_Int32)
        raster.SetGeoTransform(gt)
        assert gdal.RasterizeLayer(raster, [1], layer, **kwargs) == 0
        burnt[name] = raster.GetRasterBand(1).ReadAsArray()
    classes = src.GetRasterBand(1).ReadAsArray()
    assert (burnt["count"] == (classes != 255)).all()
    assert (burnt["class"][classes != 255] == classes[classes != 255]).all()
    # Exactly, in area: along the seams (strips 4 px either side) the polygons overlap nowhere
    # (sum of areas = union's area); all of them together cover the classed pixels' area.
    strips = [_box(gt, s - 4, 0, s + 4, 900) for s in range(size, 900, size)]
    strips += [_box(gt, 0, s - 4, 900, s + 4) for s in range(size, 900, size)]
    total = 0.0
    in_strips = [[0.0, ogr.Geometry(ogr.wkbMultiPolygon)] for _ in strips]  # area sum, parts
    layer.ResetReading()
    for feat in layer:
        geom = feat.GetGeometryRef()
        assert geom.IsValid()
        total += geom.GetArea()
        for strip, sums in zip(strips, in_strips):
            if geom.Intersects(strip):
                part = geom.Intersection(strip)
                sums[0] += part.GetArea()
                parts = [part] if part.GetGeometryType() == ogr.wkbPolygon else \
                    [part.GetGeometryRef(i) for i in range(part.GetGeometryCount())]
                for piece in parts:
                    if piece.GetGeometryType() == ogr.wkbPolygon:
                        assert sums[1].AddGeometry(piece) == 0
    for area, parts in in_strips:
        assert parts.GetGeometryCount() > 50
        assert area == pytest.approx(parts.UnionCascaded().GetArea(), rel=1e-9)
    assert total == pytest.approx(scene["classed_pixels"] * PIXEL_M2, rel=1e-9)


def _box(gt, col0: float, row0: float, col1: float, row1: float) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for col, row in ((col0, row0), (col1, row0), (col1, row1), (col0, row1), (col0, row0)):
        ring.AddPoint_2D(gt[0] + col * gt[1], gt[3] + row * gt[5])
    box = ogr.Geometry(ogr.wkbPolygon)
    box.AddGeometry(ring)
    return box


@pytest.mark.parametrize("size, min_area, simplify, conf_type", [(300, 5.0, 0.0, "uint8"), (256, 20.0, 1.0, "float32")])
def test_minimum_area_and_simplify_within_a_tenth_of_a_percent(scene, size, min_area, simplify, conf_type):
    folder = scene["folder"] / f"sieve_{size}"
    messages: list[str] = []
    got = polygons(chunked(scene["classes"], folder, size, min_area=min_area, simplify=simplify,
                           conf=scene[conf_type], conf_type=conf_type, log=messages.append))
    want = polygons(one_chunk(scene["classes"], folder, min_area=min_area, simplify=simplify,
                              conf=scene[conf_type], conf_type=conf_type))
    got.pop(), want.pop()
    threshold = int(np.ceil(min_area / PIXEL_M2))
    assert any(f"sieved patches under {threshold}" in m or f"sieved patches under {threshold + 1}" in m
               for m in messages), messages
    ours, theirs = per_class(got), per_class(want)
    assert ours.keys() == theirs.keys()
    for c, (n, area) in theirs.items():
        assert abs(ours[c][0] - n) <= 0.001 * n, (c, ours[c], theirs[c])
        assert ours[c][1] == pytest.approx(area, rel=1e-3), (c, ours[c], theirs[c])
        assert min(p["area_m2"] for p in got if p["class_id"] == c) >= min_area
    by_key = {p["key"]: p for p in want}
    matched = [(p, by_key[p["key"]]) for p in got if p["key"] in by_key]
    assert len(matched) >= 0.99 * len(want)
    for p, ref in matched:
        if ref["mean_confidence"] is not None:
            assert p["mean_confidence"] == pytest.approx(ref["mean_confidence"], abs=1e-6)


def test_road_ring_and_corner_patches_across_many_chunks(tmp_path):
    """A road over many chunks is one polygon; a ring keeps its hole across seams; patches that
    meet only at a corner on a seam stay two (4-connectivity, as in the one-chunk run)."""
    size, chunk = 160, 16
    grid = np.zeros((size, size), dtype=np.uint8)
    for i in range(0, 140, 2):  # a 3 px wide staircase road from the top-left to the bottom-right
        grid[5 + i: 8 + i, 3 + i: 9 + i] = 1
    grid[120:150, 5:125] = 1  # and a straight road along a row of chunks, joining it
    grid[40:72, 88:120] = 2  # a ring centred on the seams x = 96..112, y = 48..64, its hole too
    grid[46:66, 94:114] = 0
    grid[10:16, 122:128] = 3  # two squares meeting only at the corner (128, 16) on two seams
    grid[16:22, 128:134] = 3
    grid[30:34, 140:144] = 3  # and two meeting at (144, 34) on the seam x = 144
    grid[34:38, 144:148] = 3
    grid[150:, 150:] = 255
    like = gdal.Open(ATLANTA)
    classes = _write(tmp_path / "synthetic.tif", grid, like, gdal.GDT_Byte, 255)
    # A confidence that differs from patch to patch: wrongly joined patches would pool theirs.
    rows, cols = np.mgrid[0:size, 0:size]
    conf = _write(tmp_path / "conf.tif", ((rows + 2 * cols) % 97 / 96.0).astype(np.float32), like,
                  gdal.GDT_Float32, -1.0)
    got = polygons(chunked(classes, tmp_path / "chunks", chunk, conf=conf))
    want = polygons(one_chunk(classes, tmp_path, conf=conf))
    got.pop(), want.pop()
    of = {c: [p for p in got if p["class_id"] == c] for c in range(4)}
    assert len(of[1]) == 1 and of[1][0]["geom"].GetArea() == (grid == 1).sum() * PIXEL_M2
    assert len(of[2]) == 1 and of[2][0]["geom"].GetGeometryCount() == 2  # the ring and its hole
    assert of[2][0]["geom"].GetArea() == (grid == 2).sum() * PIXEL_M2
    assert len(of[3]) == 4
    assert sorted(p["key"] for p in got) == sorted(p["key"] for p in want)
    by_key = {p["key"]: p["mean_confidence"] for p in want}
    for p in got:
        assert p["mean_confidence"] == pytest.approx(by_key[p["key"]], abs=1e-6)


def test_sieve_threshold_matches_the_one_chunk_run(scene):
    from remotenet.remotenet_plugin.engine.write.polygons import AreaCalculator, sieve_pixels

    ds = gdal.Open(scene["classes"])
    want = sieve_pixels(ds, 5.0, AreaCalculator(ds, lambda _m: None))
    assert cp.sieve_threshold(scene["classes"], 5.0, lambda _m: None) == want in (20, 21)
    assert cp.sieve_threshold(scene["classes"], 0.0, lambda _m: None) == 0


@pytest.mark.usefixtures("gdal_exception_mode")
def test_a_failed_piece_leaves_no_file(scene, tmp_path, monkeypatch):
    rect = (256, 256, 256, 256)
    missing = tmp_path / "no_such_folder" / "piece.gpkg"
    with pytest.raises(EngineError) as info:
        cp.make_piece(scene["classes"], scene["float32"], "float32", rect, 21, str(missing))
    assert "\n" not in str(info.value) and "piece" in str(info.value)
    assert not missing.parent.exists()

    folder = tmp_path / "work"
    folder.mkdir()
    target = folder / "piece.gpkg"

    def fail(*_args):
        raise OSError("simulated failure while renaming")

    monkeypatch.setattr(cp.os, "replace", fail)
    with pytest.raises(OSError):
        cp.make_piece(scene["classes"], None, "float32", rect, 21, str(target))
    assert list(folder.iterdir()) == []  # the complete temporary file was removed too
    monkeypatch.undo()
    with pytest.raises(EngineError):
        cp.make_piece(scene["classes"], None, "float32", (800, 800, 200, 200), 0, str(target))
    report = cp.make_piece(scene["classes"], None, "float32", rect, 21, str(target))
    assert [p.name for p in folder.iterdir()] == ["piece.gpkg"] and report["polygons"] > 0


@pytest.fixture
def small_disk(tmp_path):
    folder = tmp_path / "small_disk"
    mount_small_tmpfs(folder, "size=160k")
    yield folder
    unmount(folder)


@pytest.mark.usefixtures("gdal_exception_mode")
def test_a_full_disk_while_writing_a_piece_leaves_no_file(scene, small_disk):
    target = small_disk / "piece.gpkg"
    with pytest.raises(EngineError) as info:  # a whole-raster piece needs far more than 160 kB
        cp.make_piece(scene["classes"], scene["float32"], "float32", (0, 0, 900, 900), 0, str(target))
    assert str(info.value).startswith("output_vector: ") and "\n" not in str(info.value)
    assert list(small_disk.iterdir()) == []


def test_cancel_stops_the_merge(scene, tmp_path):
    classes = scene["classes"]
    pieces = []
    for rect in _rects(900, 900, 450):
        path = str(tmp_path / f"p{rect[0]}_{rect[1]}.gpkg")
        cp.make_piece(classes, None, "float32", rect, 0, path)
        pieces.append((rect, path))
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2  # after the first piece

    with pytest.raises(SegmentCancelled):
        cp.merge_pieces(classes, pieces, str(tmp_path / "out.gpkg"), "p", CLASSES, min_area=0.0, simplify=0.0,
                        with_confidence=False, progress=lambda _f: None, cancelled=cancelled,
                        log=lambda _m: None)
    assert 2 < calls["n"] < 10

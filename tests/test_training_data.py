"""Training chips from real and generated rasters: label kinds, the spatial split, bad inputs."""
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from remotenet.remotenet_plugin.engine.training.chips import TrainingDataError, prepare_training_chips

DATA = Path(__file__).parent / "data"
ATLANTA = str(DATA / "atlanta_pan_0p5m.tif")
FOOTPRINTS = str(DATA / "atlanta_buildings.geojson")
MASK = str(DATA / "atlanta_buildings_mask.tif")
CROP = (0, 0, 384, 384)  # a small corner keeps these tests fast


def test_polygon_and_raster_labels_give_the_same_chips():
    a = prepare_training_chips(ATLANTA, FOOTPRINTS, tile_size=128, window=CROP)
    b = prepare_training_chips(ATLANTA, MASK, tile_size=128, window=CROP)
    assert a.train_images.shape[1:] == (1, 128, 128) and a.train_images.dtype == np.uint16
    assert np.array_equal(a.train_labels, b.train_labels) and np.array_equal(a.val_labels, b.val_labels)
    assert np.array_equal(a.train_images, b.train_images)
    assert a.header["input"] == b.header["input"]
    # Footprints without a class field: buildings on a background.
    assert [c["value"] for c in a.header["classes"]] == [0, 1]
    assert a.header["classes"][0]["name"] == "background"
    assert set(np.unique(a.train_labels)) <= {0, 1}
    assert a.header["gsd_m"] == 0.5 and a.header["tile_size"] == 128
    assert a.header["bands"] == [{"index": 1, "name": "band 1"}]


def test_split_keeps_validation_pixels_out_of_training_chips():
    chips = prepare_training_chips(ATLANTA, MASK, tile_size=128, window=CROP, val_fraction=0.25)
    split = chips.header["provenance"]["data"]["split"]
    assert split["method"] == "objects" and split["val_objects"] >= 1 and len(chips.val_images) >= 1
    # Dense labels: objects are the labelled area cut into tile-sized cells.
    assert split["cell_px"] == 128 and split["objects"] == 9
    # Rebuild the chip footprints from the image content: every chip is a window of the raster.
    image = gdal.Open(ATLANTA).ReadAsArray(*CROP)

    def where(chip):
        for r in range(0, 384 - 127):
            for c in range(0, 384 - 127):
                if image[r, c] == chip[0, 0, 0] and np.array_equal(image[r:r + 128, c:c + 128], chip[0]):
                    return r, c
        raise AssertionError("chip not found")

    val_pixels = np.zeros((384, 384), dtype=bool)
    for chip, labels in zip(chips.val_images, chips.val_labels):
        r, c = where(chip)
        val_pixels[r:r + 128, c:c + 128] |= labels != 255
    assert val_pixels.sum() == sum(split["val_pixels_per_class"])
    for chip in chips.train_images[::7]:
        r, c = where(chip)
        assert not val_pixels[r:r + 128, c:c + 128].any(), "a training chip holds a validation pixel"
    # Normalisation comes from training pixels: scaled mean/std of the training chips.
    norm = chips.header["input"]
    scaled = chips.train_images.astype(np.float64) / norm["scale"]
    assert norm["offset"] == 0.0
    assert norm["mean"][0] == pytest.approx(scaled.mean(), abs=1e-4)
    assert norm["std"][0] == pytest.approx(scaled.std(), abs=1e-4)


def write_polygons(path, srs_epsg, polygons, field=None, field_type=ogr.OFTString):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(srs_epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("labels", srs=srs, geom_type=ogr.wkbPolygon)
    if field:
        layer.CreateField(ogr.FieldDefn(field, field_type))
    for wkt, value in polygons:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        if field:
            feature.SetField(field, value)
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def box(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def small_raster(path, size=192, epsg=32616, origin=(500000.0, 4000000.0), pixel=1.0):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((origin[0], pixel, 0, origin[1], 0, -pixel))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray((np.arange(size * size).reshape(size, size) % 200).astype(np.uint8))
    ds = None
    return str(path)


def test_text_class_field_unlabelled_elsewhere(tmp_path):
    raster = small_raster(tmp_path / "r.tif")
    x0, y0 = 500000.0, 4000000.0
    polys = [(box(x0, y0 - 192, x0 + 96, y0), "water"), (box(x0 + 96, y0 - 192, x0 + 192, y0), "field")]
    labels = write_polygons(tmp_path / "l.gpkg", 32616, polys, "kind")
    chips = prepare_training_chips(raster, labels, class_field="kind", tile_size=64)
    assert [(c["value"], c["name"]) for c in chips.header["classes"]] == [(0, "field"), (1, "water")]
    assert chips.header["provenance"]["data"]["class_field"] == "kind"
    # Only half covered by polygons, with background asked: three classes.
    half = write_polygons(tmp_path / "h.gpkg", 32616, [(box(x0, y0 - 192, x0 + 96, y0 - 96), "water"),
                                                       (box(x0 + 96, y0 - 96, x0 + 192, y0), "field")], "kind")
    bg = prepare_training_chips(raster, half, class_field="kind", tile_size=64, background=True)
    assert [c["name"] for c in bg.header["classes"]] == ["background", "field", "water"]
    no_bg = prepare_training_chips(raster, half, class_field="kind", tile_size=64, min_labelled=0.01)
    assert 255 in np.unique(np.concatenate([no_bg.train_labels.ravel(), no_bg.val_labels.ravel()]))


def test_labels_on_another_crs_are_reprojected(tmp_path):
    raster = small_raster(tmp_path / "r.tif")
    x0, y0 = 500000.0, 4000000.0
    utm = write_polygons(tmp_path / "utm.gpkg", 32616, [(box(x0 + 20, y0 - 150, x0 + 170, y0 - 30), None)])
    # The same square in WGS 84 (lon/lat), densified so the reprojected edges stay straight enough.
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(32616)
    dst.ImportFromEPSG(4326)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geom = ogr.CreateGeometryFromWkt(box(x0 + 20, y0 - 150, x0 + 170, y0 - 30))
    geom.Segmentize(1.0)
    geom.Transform(osr.CoordinateTransformation(src, dst))
    lonlat = write_polygons(tmp_path / "ll.gpkg", 4326, [(geom.ExportToWkt(), None)])
    notes = []
    a = prepare_training_chips(raster, utm, tile_size=64)
    b = prepare_training_chips(raster, lonlat, tile_size=64, log=notes.append)
    assert any("another CRS" in n for n in notes)
    assert (a.train_labels != b.train_labels).mean() < 0.002


def test_bad_inputs_say_what_is_wrong(tmp_path):
    raster = small_raster(tmp_path / "r.tif")
    far = write_polygons(tmp_path / "far.gpkg", 32616, [(box(0, 0, 100, 100), "a")], "kind")
    with pytest.raises(TrainingDataError, match="do not overlap"):
        prepare_training_chips(raster, far, class_field="kind", tile_size=64)
    x0, y0 = 500000.0, 4000000.0
    one = write_polygons(tmp_path / "one.gpkg", 32616, [(box(x0, y0 - 192, x0 + 192, y0), "a")], "kind")
    with pytest.raises(TrainingDataError, match="no field 'klass'.*kind"):
        prepare_training_chips(raster, one, class_field="klass", tile_size=64)
    with pytest.raises(TrainingDataError, match="only one class"):
        prepare_training_chips(raster, one, class_field="kind", tile_size=64)
    # A class raster with a single value is one class too.
    mask = tmp_path / "m.tif"
    gdal.Translate(str(mask), raster, scaleParams=[[0, 255, 1, 1]], outputType=gdal.GDT_Byte)
    with pytest.raises(TrainingDataError, match="only one class"):
        prepare_training_chips(raster, str(mask), tile_size=64)
    # A label raster with nothing but 255 does not label the image.
    empty = tmp_path / "e.tif"
    gdal.Translate(str(empty), raster, scaleParams=[[0, 255, 255, 255]], outputType=gdal.GDT_Byte)
    with pytest.raises(TrainingDataError, match="no labelled pixel"):
        prepare_training_chips(raster, str(empty), tile_size=64)
    # Labels with a CRS on a raster without one: refuse rather than guess.
    bare = tmp_path / "bare.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(bare), 192, 192, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(gdal.Open(raster).GetGeoTransform())
    ds = None
    with pytest.raises(TrainingDataError, match="no CRS"):
        prepare_training_chips(str(bare), one, class_field="kind", tile_size=64)
    with pytest.raises(TrainingDataError, match="bands"):
        prepare_training_chips(raster, one, tile_size=64, bands=[2])
    with pytest.raises(TrainingDataError, match="no such file"):
        prepare_training_chips(raster, str(tmp_path / "missing.gpkg"), tile_size=64)


def test_raster_labels_with_other_values_keep_them(tmp_path):
    raster = small_raster(tmp_path / "r.tif")
    values = np.full((192, 192), 7, np.uint8)
    values[:, 96:] = 3
    values[:20] = 255
    lab = gdal.GetDriverByName("GTiff").CreateCopy(str(tmp_path / "lab.tif"), gdal.Open(raster))
    lab.GetRasterBand(1).WriteArray(values)
    lab = None
    chips = prepare_training_chips(raster, str(tmp_path / "lab.tif"), tile_size=64)
    assert [c["value"] for c in chips.header["classes"]] == [3, 7]
    assert set(np.unique(chips.train_labels)) <= {0, 1, 255}  # indices, not values


def test_road_scene_on_a_geographic_grid_gives_road_chips():
    """The Las Vegas road scene (EPSG:4326, about 0.3 m) with its class raster: the colour
    table's classes, road pixels in the chips, the pixel size in metres."""
    chips = prepare_training_chips(str(DATA / "vegas_pan_0p3m.tif"), str(DATA / "vegas_roads_mask.tif"),
                                   tile_size=128, window=(0, 0, 512, 512), class_names={0: "background",
                                                                                      1: "road"})
    assert [(c["value"], c["name"]) for c in chips.header["classes"]] == [(0, "background"), (1, "road")]
    assert chips.header["classes"][1]["color"] == [255, 128, 0]
    labels = np.concatenate([chips.train_labels.ravel(), chips.val_labels.ravel()])
    assert 0.01 < np.mean(labels == 1) < 0.2
    assert chips.header["gsd_m"] == pytest.approx(0.27, abs=0.01)  # 0.24 m east-west, 0.30 m north-south

"""The in-memory vector driver: no deprecation notice from GDAL 3.11 on, the same layers before."""
from osgeo import gdal, ogr

from remotenet.remotenet_plugin.engine.base.ogr_memory import memory_vector_driver


def test_memory_layers_without_gdal_deprecation_notices():
    notices = []

    def collect(_cls, _code, msg):
        notices.append(msg)

    gdal.PushErrorHandler(collect)
    try:
        driver = memory_vector_driver()
        source = driver.CreateDataSource("scratch")
        layer = source.CreateLayer("polygons", geom_type=ogr.wkbPolygon)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"))
        assert layer.CreateFeature(feature) == 0
    finally:
        gdal.PopErrorHandler()
    assert layer.GetFeatureCount() == 1
    assert notices == []
    new_gdal = int(gdal.VersionInfo()) >= 3110000
    assert driver.GetName() == ("MEM" if new_gdal else "Memory")

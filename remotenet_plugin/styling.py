"""Styles for RemoteNet outputs: class colours and names come from the model file's header.

- the class raster: a paletted renderer (value -> colour, class name);
- the class polygons: a categorised renderer on ``class_id`` with the same colours;
- files made outside the GUI carry the style too: the GeoPackage layer's default style is
  stored in the GeoPackage (``layer_styles``), the raster's ``.qml`` is written by the engine.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

CLASS_FIELD = "class_id"
STYLE_NAME = "RemoteNet classes"


def _colour(entry: dict[str, Any]) -> QColor:
    r, g, b = (int(c) for c in entry["color"])
    return QColor(r, g, b)


def paletted_renderer(layer: QgsRasterLayer, classes: Iterable[dict[str, Any]], band: int = 1
                      ) -> QgsPalettedRasterRenderer:
    """A paletted renderer over ``band`` with one entry per model class (nodata stays transparent)."""
    entries = [QgsPalettedRasterRenderer.Class(float(c["value"]), _colour(c), str(c["name"])) for c in classes]
    return QgsPalettedRasterRenderer(layer.dataProvider(), band, entries)


def style_class_raster(layer: QgsRasterLayer, classes: Iterable[dict[str, Any]]) -> None:
    layer.setRenderer(paletted_renderer(layer, classes))
    layer.triggerRepaint()


def categorized_renderer(classes: Iterable[dict[str, Any]], field: str = CLASS_FIELD) -> QgsCategorizedSymbolRenderer:
    """One category per class on ``field``, filled with the class colour and a darker outline."""
    categories = []
    for entry in classes:
        colour = _colour(entry)
        symbol = QgsFillSymbol.createSimple({
            "color": f"{colour.red()},{colour.green()},{colour.blue()},255",
            "outline_color": colour.darker(150).name(),
            "outline_width": "0.2",
        })
        categories.append(QgsRendererCategory(int(entry["value"]), symbol, str(entry["name"])))
    return QgsCategorizedSymbolRenderer(field, categories)


def style_class_polygons(layer: QgsVectorLayer, classes: Iterable[dict[str, Any]]) -> None:
    layer.setRenderer(categorized_renderer(classes))
    layer.triggerRepaint()


def save_default_style_in_geopackage(gpkg_path: str, classes: list[dict[str, Any]],
                                     layer_name: str | None = None) -> str | None:
    """Store the categorised style as the layer's default style inside the GeoPackage.

    Returns None on success, else the reason (styling is a convenience: callers log it and go on).
    """
    uri = gpkg_path if not layer_name else f"{gpkg_path}|layername={layer_name}"
    layer = QgsVectorLayer(uri, layer_name or "classes", "ogr")
    if not layer.isValid():
        return QCoreApplication.translate("RemoteNet", "could not open {uri} to store its style").format(uri=uri)
    style_class_polygons(layer, classes)
    message = _save_default_style(layer, STYLE_NAME, "Classes of the RemoteNet model")
    del layer  # closes the GeoPackage before anyone else opens it
    return message or None


def _save_default_style(layer: QgsVectorLayer, name: str, description: str) -> str:
    """Store the layer's style as its default in its data source; the error message, "" on success."""
    if hasattr(layer, "saveStyleToDatabaseV2"):
        # QGIS 3.44 on (saveStyleToDatabase is deprecated there): failure flags, and a message that
        # can carry warnings too, so only the flags say whether it failed.
        failed, message = layer.saveStyleToDatabaseV2(name, description, True, "")
        return (message or QCoreApplication.translate("RemoteNet", "the style could not be stored")) if failed else ""
    # QGIS 3.22 to 3.40: the error message, empty on success.
    return layer.saveStyleToDatabase(name, description, True, "") or ""


class ClassStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles an output layer when Processing loads it into the project (GUI thread)."""

    def __init__(self, classes: list[dict[str, Any]], name: str | None = None) -> None:
        super().__init__()
        self.classes = classes
        self.name = name

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 - QGIS API name
        if isinstance(layer, QgsRasterLayer):
            style_class_raster(layer, self.classes)
        elif isinstance(layer, QgsVectorLayer):
            style_class_polygons(layer, self.classes)
        if self.name:
            layer.setName(self.name)


# Processing keeps only a C++ pointer to post-processors: Python must own them until used.
_KEEP_ALIVE: list[ClassStylePostProcessor] = []
_KEEP_MAX = 64


def keep_alive(post_processor: ClassStylePostProcessor) -> ClassStylePostProcessor:
    _KEEP_ALIVE.append(post_processor)
    del _KEEP_ALIVE[:-_KEEP_MAX]
    return post_processor

"""QGIS style sidecars written as plain XML (no qgis import)."""
from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import quoteattr

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.options import EngineError


def qml_path_for(raster_path: str) -> str:
    return str(Path(raster_path).with_suffix(".qml"))


def paletted_qml(classes: list[dict], band: int = 1) -> str:
    """A QGIS paletted-renderer style: one entry per class with its colour and name."""
    entries = "\n".join(
        f'        <paletteEntry value="{int(c["value"])}" alpha="255" '
        f'color="#{int(c["color"][0]):02x}{int(c["color"][1]):02x}{int(c["color"][2]):02x}" '
        f'label={quoteattr(str(c["name"]))}/>'
        for c in classes
    )
    return f"""<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0"
      minScale="1e+08" maxScale="0">
  <pipe>
    <provider>
      <resampling enabled="false" maxOversampling="2" zoomedInResamplingMethod="nearestNeighbour"
                  zoomedOutResamplingMethod="nearestNeighbour"/>
    </provider>
    <rasterrenderer type="paletted" band="{band}" opacity="1" alphaBand="-1" nodataColor="">
      <rasterTransparency/>
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <colorPalette>
{entries}
      </colorPalette>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation colorizeOn="0" colorizeRed="255" colorizeGreen="128" colorizeBlue="128"
                   colorizeStrength="100" grayscaleMode="0" saturation="0"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
"""


def write_text_atomic(path: str, text: str) -> None:
    tmp = f"{path}.partial"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as err:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: cannot write ({err}); choose a writable folder").format(
            path=path, err=err)) from err
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def write_qml(raster_path: str, classes: list[dict]) -> str:
    """Write ``<raster stem>.qml`` beside the raster (QGIS loads it with the layer); returns its path."""
    path = qml_path_for(raster_path)
    write_text_atomic(path, paletted_qml(classes))
    return path

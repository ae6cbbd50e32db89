"""Regenerates segment_dissolve.model3: RemoteNet Segment's polygons dissolved by class (native:dissolve).

Run from the repository root:
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/models/make_segment_dissolve.py
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build(path: Path) -> None:
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
        QgsProcessingParameterNumber,
        QgsProcessingParameterRasterLayer,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm("RemoteNet segment and dissolve", "RemoteNet tests", "segment_dissolve")
    for param, x in [(QgsProcessingParameterRasterLayer("scene", "Scene"), 120),
                                    (QgsProcessingParameterFile("model", "RemoteNet model file"), 340),
                                    (QgsProcessingParameterNumber("tile_size", "Tile size", defaultValue=64), 560)]:
        component = QgsProcessingModelParameter(param.name())
        component.setPosition(QPointF(x, 60))
        model.addModelParameter(param, component)

    segment = QgsProcessingModelChildAlgorithm("remotenet:segment")
    segment.setChildId("segment")
    segment.setDescription("RemoteNet Segment")
    segment.setPosition(QPointF(340, 180))
    segment.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("scene")])
    segment.addParameterSources("MODEL", [QgsProcessingModelChildParameterSource.fromModelParameter("model")])
    segment.addParameterSources("TILE_SIZE",
                                [QgsProcessingModelChildParameterSource.fromModelParameter("tile_size")])
    # What the modeler does when a component is added: every other parameter gets its default.
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById("remotenet:segment")
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if name not in segment.parameterSources() and not definition.isDestination() and \
                definition.defaultValue() is not None:
            segment.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(
                definition.defaultValue())])
    classes = QgsProcessingModelOutput("classes", "Classified raster")
    classes.setChildId("segment")
    classes.setChildOutputName("OUTPUT_RASTER")
    classes.setPosition(QPointF(560, 240))
    segment.setModelOutputs({"classes": classes})

    dissolve = QgsProcessingModelChildAlgorithm("native:dissolve")
    dissolve.setChildId("dissolve")
    dissolve.setDescription("Dissolve by class")
    dissolve.setPosition(QPointF(340, 320))
    dissolve.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput(
        "segment", "OUTPUT_VECTOR")])
    dissolve.addParameterSources("FIELD", [QgsProcessingModelChildParameterSource.fromStaticValue(["class_id"])])
    dissolved = QgsProcessingModelOutput("dissolved", "Class polygons dissolved")
    dissolved.setChildId("dissolve")
    dissolved.setChildOutputName("OUTPUT")
    dissolved.setPosition(QPointF(560, 380))
    dissolve.setModelOutputs({"dissolved": dissolved})

    model.addChildAlgorithm(segment)
    model.addChildAlgorithm(dissolve)
    model.updateDestinationParameters()
    assert model.toFile(str(path)), path


if __name__ == "__main__":
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    from remotenet.remotenet_plugin.provider import RemoteNetProvider

    Processing.initialize()
    provider = RemoteNetProvider()  # kept referenced: the registry needs the Python object alive
    QgsApplication.processingRegistry().addProvider(provider)
    build(HERE / "segment_dissolve.model3")
    print(HERE / "segment_dissolve.model3")

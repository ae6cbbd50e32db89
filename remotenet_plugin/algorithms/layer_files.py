"""Labels layers (class rasters or polygons) as files the engine reads, for Train and Evaluate."""
from __future__ import annotations

import os
import shutil
import tempfile

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication


def class_field_parameter(name: str, description: str) -> QgsProcessingParameterString:
    """The polygons' class field, typed as text.

    Not a QgsProcessingParameterField tied to the labels parameter: QGIS 3.22's field widget
    crashes QGIS when that parent (a map layer parameter, raster or vector) holds a raster layer
    (QgsProcessingFieldWidgetWrapper::setParentLayerWrapperValue casts it to a vector layer and
    dereferences the null). Checked by tests/test_qgis_desktop.py; a wrong name gets a message
    listing the layer's fields.
    """
    return QgsProcessingParameterString(name, description, optional=True)


def labels_file(layer: QgsMapLayer | None, given: object, class_field: str | None, context: QgsProcessingContext,
                parameter: str, copy: bool) -> tuple[str, str | None]:
    """``(path, temporary folder or None)`` of a labels layer for the engine.

    File-based layers are read where they are. Vector layers that are not plain files (memory
    layers, filtered layers, databases) are written to a temporary GeoPackage when ``copy`` is
    True (the run), and only checked when False (the dialog's check); the caller removes the
    folder with :func:`remove_folder`.
    """
    if layer is None or not layer.isValid():
        raise QgsProcessingException(QCoreApplication.translate(
            "LabelsLayer", "{parameter}: {value} is not a layer QGIS can open; choose a class raster or a polygon "
            "layer").format(parameter=parameter, value=repr(given)))
    if isinstance(layer, QgsRasterLayer):
        if class_field:
            raise QgsProcessingException(QCoreApplication.translate(
                "LabelsLayer", "CLASS_FIELD: {parameter} '{layer}' is a raster: its pixel values are the classes; "
                "leave CLASS_FIELD empty").format(parameter=parameter, layer=layer.name()))
        if layer.providerType() != "gdal":
            raise QgsProcessingException(QCoreApplication.translate(
                "LabelsLayer", "{parameter}: raster '{layer}' is not a file GDAL reads; save it as a GeoTIFF first"
            ).format(parameter=parameter, layer=layer.name()))
        return layer.source(), None
    if not isinstance(layer, QgsVectorLayer):
        raise QgsProcessingException(QCoreApplication.translate(
            "LabelsLayer", "{parameter}: '{layer}' is neither a raster nor a vector layer").format(
            parameter=parameter, layer=layer.name()))
    if class_field and layer.fields().indexOf(class_field) < 0:
        names = ", ".join(f.name() for f in layer.fields()) or QCoreApplication.translate("LabelsLayer", "none")
        raise QgsProcessingException(QCoreApplication.translate(
            "LabelsLayer", "CLASS_FIELD: {parameter} has no field '{field}'; fields: {names}").format(
            parameter=parameter, field=class_field, names=names))
    if (layer.providerType() == "ogr" and not layer.subsetString()) or not copy:
        return layer.source(), None
    folder = tempfile.mkdtemp(prefix="remotenet_labels_")
    path = os.path.join(folder, "labels.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, context.transformContext(), options)
    if error[0] != QgsVectorFileWriter.WriterError.NoError:
        remove_folder(folder)
        raise QgsProcessingException(QCoreApplication.translate(
            "LabelsLayer", "{parameter}: could not copy layer '{layer}': {error}").format(
            parameter=parameter, layer=layer.name(), error=error[1]))
    return path, folder


def remove_folder(folder: str | None) -> None:
    if folder:
        shutil.rmtree(folder, ignore_errors=True)

"""Enum spellings that moved between QGIS 3.22 and later 3.x releases (``Qgis.*`` since 3.36)."""
from __future__ import annotations

from typing import Any

from qgis.core import Qgis, QgsProcessing, QgsProcessingParameterDefinition, QgsProcessingParameterNumber, QgsWkbTypes


def _pick(new: str, old_owner: Any, old_name: str) -> Any:
    """``Qgis.<new>`` where this QGIS has it, else ``old_owner.<old_name>``."""
    obj: Any = Qgis
    try:
        for part in new.split("."):
            obj = getattr(obj, part)
        return obj
    except AttributeError:
        return getattr(old_owner, old_name)


FLAG_ADVANCED = _pick("ProcessingParameterFlag.Advanced", QgsProcessingParameterDefinition, "FlagAdvanced")
FLAG_OPTIONAL = _pick("ProcessingParameterFlag.Optional", QgsProcessingParameterDefinition, "FlagOptional")
NUMBER_INTEGER = _pick("ProcessingNumberParameterType.Integer", QgsProcessingParameterNumber, "Integer")
NUMBER_DOUBLE = _pick("ProcessingNumberParameterType.Double", QgsProcessingParameterNumber, "Double")
TYPE_VECTOR_POLYGON = _pick("ProcessingSourceType.VectorPolygon", QgsProcessing, "TypeVectorPolygon")
GEOMETRY_POLYGON = _pick("GeometryType.Polygon", QgsWkbTypes, "PolygonGeometry")


def make_advanced(param: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    param.setFlags(param.flags() | FLAG_ADVANCED)
    return param

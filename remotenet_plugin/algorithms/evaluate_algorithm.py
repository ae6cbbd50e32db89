"""``remotenet:evaluate``: a Processing shell over the engine's evaluation (no torch needed)."""
from __future__ import annotations

import json
import os
import tempfile
import time
from typing import Any

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterLayer,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from .base import RemoteNetAlgorithm, engine_callbacks, remove_new_files, unexpected_failure
from .compat import make_advanced

HELP = (
    "Measures a classified raster (for example RemoteNet Segment's output) against reference labels. "
    "Class <i>values</i> are compared, pixel by pixel, on the classified raster's grid; pixels that are "
    "255 or nodata on either side are not counted.<br><br>"
    "<b>Classified raster</b> (INPUT): band 1 holds class values (UInt8, 255 = nodata).<br>"
    "<b>Reference</b> (REFERENCE): a class raster (warped onto the classified grid when needed) or polygons. "
    "Polygons without a class field are class 1 on a background of class 0 (footprints, as RemoteNet Train "
    "reads them).<br>"
    "<b>Class field</b> (CLASS_FIELD): polygons only; whole numbers are class values, text is matched to the "
    "classified raster's class names. Pixels outside polygons are not counted unless BACKGROUND is set.<br>"
    "<b>Table</b> (OUTPUT_TABLE): CSV with IoU, F1, precision, recall and pixel counts per class, and a "
    "summary row.<br><b>Report</b> (OUTPUT_HTML): the same with the confusion matrix.<br><br>"
    "Results: MIOU, OA (overall accuracy), KAPPA (Cohen's), MEAN_F1, PER_CLASS and CONFUSION_MATRIX (JSON)."
)


class EvaluateAlgorithm(RemoteNetAlgorithm):
    INPUT = "INPUT"
    REFERENCE = "REFERENCE"
    CLASS_FIELD = "CLASS_FIELD"
    BACKGROUND = "BACKGROUND"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_HTML = "OUTPUT_HTML"

    def __init__(self) -> None:
        super().__init__()
        self._plan: dict[str, Any] | None = None

    def name(self) -> str:
        return "evaluate"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("RemoteNet Evaluate")

    def tags(self) -> list[str]:
        return self.tr("accuracy,evaluation,iou,miou,confusion matrix,kappa,remotenet").split(",")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Per-class IoU/F1, mIoU, overall accuracy, kappa and confusion matrix of a classified raster.")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(HELP)

    def initAlgorithm(self, config: dict | None = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Classified raster")))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.REFERENCE, self.tr("Reference labels (class raster, or polygons)")))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Class field (polygons; empty: class 1 on background 0)"),
            parentLayerParameterName=self.REFERENCE, optional=True))
        self.addParameter(make_advanced(QgsProcessingParameterBoolean(
            self.BACKGROUND, self.tr("Pixels outside polygons are background (class field given)"),
            defaultValue=False)))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_TABLE, self.tr("Metrics table"), fileFilter=self.tr("CSV files (*.csv)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Report"), fileFilter=self.tr("HTML files (*.html)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("MIOU", self.tr("mIoU")))
        self.addOutput(QgsProcessingOutputNumber("OA", self.tr("Overall accuracy")))
        self.addOutput(QgsProcessingOutputNumber("KAPPA", self.tr("Cohen's kappa")))
        self.addOutput(QgsProcessingOutputNumber("MEAN_F1", self.tr("Mean F1")))
        self.addOutput(QgsProcessingOutputNumber("PIXELS", self.tr("Pixels compared")))
        self.addOutput(QgsProcessingOutputString("PER_CLASS", self.tr("Per-class metrics (JSON)")))
        self.addOutput(QgsProcessingOutputString("CONFUSION_MATRIX", self.tr("Confusion matrix (JSON)")))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        try:
            plan = self._build_plan(parameters, context)
            _cleanup(plan)
        except QgsProcessingException as err:
            return False, str(err)
        except Exception as err:  # noqa: BLE001
            return False, str(unexpected_failure("Checking the RemoteNet Evaluate parameters", err))
        return True, ""

    def _build_plan(self, parameters, context) -> dict[str, Any]:
        classified = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if classified is None or not classified.isValid() or classified.providerType() != "gdal":
            raise QgsProcessingException(f"INPUT: {parameters.get(self.INPUT)!r} is not a raster file QGIS can open; "
                                         "choose the classified GeoTIFF")
        reference = self.parameterAsLayer(parameters, self.REFERENCE, context)
        if reference is None or not reference.isValid():
            raise QgsProcessingException(f"REFERENCE: {parameters.get(self.REFERENCE)!r} is not a layer QGIS can "
                                         "open; choose a class raster or a polygon layer")
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context) or None
        temp_dir = None
        if isinstance(reference, QgsRasterLayer):
            if class_field:
                raise QgsProcessingException("CLASS_FIELD: the reference is a raster (its values are the classes); "
                                             "leave CLASS_FIELD empty")
            ref_source = reference.source()
        elif isinstance(reference, QgsVectorLayer):
            if class_field and reference.fields().indexOf(class_field) < 0:
                names = ", ".join(f.name() for f in reference.fields()) or "none"
                raise QgsProcessingException(
                    f"CLASS_FIELD: the reference has no field '{class_field}'; fields: {names}")
            if reference.providerType() == "ogr" and not reference.subsetString():
                ref_source = reference.source()
            else:
                temp_dir = tempfile.mkdtemp(prefix="remotenet_reference_")
                ref_source = os.path.join(temp_dir, "reference.gpkg")
                options = QgsVectorFileWriter.SaveVectorOptions()
                options.driverName = "GPKG"
                error = QgsVectorFileWriter.writeAsVectorFormatV3(reference, ref_source, context.transformContext(),
                                                                   options)
                if error[0] != QgsVectorFileWriter.WriterError.NoError:
                    raise QgsProcessingException(f"REFERENCE: could not read layer '{reference.name()}': {error[1]}")
        else:
            raise QgsProcessingException("REFERENCE: choose a class raster or a polygon layer")
        table = self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context) or None
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context) or None
        if table and not table.lower().endswith(".csv"):
            raise QgsProcessingException(f"OUTPUT_TABLE: {table} must end in .csv")
        if report and not report.lower().endswith((".html", ".htm")):
            raise QgsProcessingException(f"OUTPUT_HTML: {report} must end in .html")
        return {"classified": classified.source(), "reference": ref_source, "class_field": class_field,
                "background": True if self.parameterAsBoolean(parameters, self.BACKGROUND, context) else None,
                "table": table, "html": report, "temp_dir": temp_dir}

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802
        self._plan = self._build_plan(parameters, context)
        return True

    def processAlgorithm(self, parameters, context, feedback) -> dict[str, Any]:  # noqa: N802
        plan = self._plan or self._build_plan(parameters, context)
        try:
            return self._evaluate(plan, feedback)
        finally:
            _cleanup(plan)

    def _evaluate(self, plan: dict[str, Any], feedback) -> dict[str, Any]:
        from ..engine.evaluate import EvaluationCancelled, EvaluationError, evaluate_classification

        _progress, is_cancelled, log = engine_callbacks(feedback)
        started = time.time()
        outputs = [plan["table"], plan["html"]]
        try:
            result = evaluate_classification(
                plan["classified"], plan["reference"], class_field=plan["class_field"],
                background=plan["background"], output_table=plan["table"], output_html=plan["html"],
                progress=lambda f: feedback.setProgress(100 * f), is_cancelled=is_cancelled)
        except EvaluationCancelled as err:
            remove_new_files(outputs, started)
            raise QgsProcessingException("RemoteNet Evaluate was cancelled; no report was written.") from err
        except EvaluationError as err:
            remove_new_files(outputs, started)
            raise QgsProcessingException(str(err)) from err
        except Exception as err:  # noqa: BLE001
            remove_new_files(outputs, started)
            raise unexpected_failure("RemoteNet Evaluate", err) from err
        m = result.metrics
        for note in result.notes:
            log(note)
        for c in m["per_class"]:
            log(f"class {c['value']} ({c['name']}): IoU {_fmt(c['iou'])}, F1 {_fmt(c['f1'])}, "
                f"precision {_fmt(c['precision'])}, recall {_fmt(c['recall'])}")
        log(f"mIoU {_fmt(m['miou'])}, overall accuracy {_fmt(m['oa'])}, kappa {_fmt(m['kappa'])}; "
            f"{result.compared_pixels} pixels compared")
        per_class = [{k: c[k] for k in ("value", "name", "iou", "f1", "precision", "recall")} for c in m["per_class"]]
        return {
            self.OUTPUT_TABLE: plan["table"],
            self.OUTPUT_HTML: plan["html"],
            "MIOU": m["miou"],
            "OA": m["oa"],
            "KAPPA": m["kappa"],
            "MEAN_F1": m["mean_f1"],
            "PIXELS": result.compared_pixels,
            "PER_CLASS": json.dumps(per_class),
            "CONFUSION_MATRIX": json.dumps(m["confusion_matrix"]),
        }


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def _cleanup(plan: dict[str, Any]) -> None:
    import shutil

    if plan.get("temp_dir"):
        shutil.rmtree(plan["temp_dir"], ignore_errors=True)
        plan["temp_dir"] = None

"""``remotenet:evaluate``: a Processing shell over the engine's evaluation (no torch needed)."""
from __future__ import annotations

import json
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...model.messages import QT_TRANSLATE_NOOP
from ..translation import translated
from .base import RemoteNetAlgorithm, engine_callbacks
from .compat import make_advanced
from .layer_files import class_field_parameter, labels_file, remove_folder

HELP = QT_TRANSLATE_NOOP("EvaluateAlgorithm",
    "Measures a classified raster (for example RemoteNet Segment's output) against reference labels. Class "
    "<i>values</i> are compared, pixel by pixel, on the classified raster's grid; pixels that are 255 or "
    "nodata on either side are not counted.<br><br><b>Classified raster</b> (INPUT): band 1 holds class "
    "values (UInt8, 255 = nodata).<br><b>Reference</b> (REFERENCE): a class raster (warped onto the "
    "classified grid when needed) or polygons. Polygons without a class field are class 1 on a background of "
    "class 0 (footprints, as RemoteNet Train reads them).<br><b>Class field</b> (CLASS_FIELD): polygons "
    "only; whole numbers are class values, text is matched to the classified raster's class names. Pixels "
    "outside polygons are not counted unless BACKGROUND is set.<br><b>Table</b> (OUTPUT_TABLE): CSV with "
    "IoU, F1, precision, recall and pixel counts per class, and a summary row.<br><b>Report</b> "
    "(OUTPUT_HTML): the same with the confusion matrix.<br><br>Results: MIOU, OA (overall accuracy), KAPPA "
    "(Cohen's), MEAN_F1, PER_CLASS and CONFUSION_MATRIX (JSON).")


class EvaluateAlgorithm(RemoteNetAlgorithm):
    INPUT = "INPUT"
    REFERENCE = "REFERENCE"
    CLASS_FIELD = "CLASS_FIELD"
    BACKGROUND = "BACKGROUND"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_HTML = "OUTPUT_HTML"

    needs_torch = False  # GDAL and numpy only

    def name(self) -> str:
        return "evaluate"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("RemoteNet Evaluate")

    def tags(self) -> list[str]:
        return self.tr("accuracy,evaluation,iou,miou,confusion matrix,kappa,remotenet").split(",")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Per-class IoU/F1, mIoU, overall accuracy, kappa and confusion matrix of a classified raster.")

    def shortHelpString(self) -> str:  # noqa: N802
        return translated(HELP)

    def initAlgorithm(self, config: dict | None = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Classified raster")))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.REFERENCE, self.tr("Reference labels (class raster, or polygons)")))
        self.addParameter(class_field_parameter(
            self.CLASS_FIELD, self.tr("Class field (polygons; empty: class 1 on background 0)")))
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

    # ----- from parameters to a plan (GUI thread) -------------------------------------------------

    def resolve(self, parameters, context, checking: bool) -> dict[str, Any]:
        classified = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if classified is None or not classified.isValid() or classified.providerType() != "gdal":
            raise QgsProcessingException(self.tr(
                "INPUT: {value} is not a raster file QGIS can open; choose the classified GeoTIFF").format(
                value=repr(parameters.get(self.INPUT))))
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context) or None
        reference, temporary = labels_file(self.parameterAsLayer(parameters, self.REFERENCE, context),
                                           parameters.get(self.REFERENCE), class_field, context, "REFERENCE",
                                           copy=not checking)
        plan = {"classified": classified.source(), "reference": reference, "class_field": class_field,
                "background": True if self.parameterAsBoolean(parameters, self.BACKGROUND, context) else None,
                "temporary": temporary}
        try:
            self.output_files(parameters, QgsProcessingContext())  # checks the names
        except BaseException:
            self.release(plan)
            raise
        return plan

    def release(self, plan: dict[str, Any]) -> None:
        remove_folder(plan.pop("temporary", None))

    # ----- running (worker thread) ---------------------------------------------------------------

    def output_files(self, parameters, context) -> dict[str, str | None]:
        table = self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context) or None
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context) or None
        if table and not table.lower().endswith(".csv"):
            raise QgsProcessingException(self.tr("OUTPUT_TABLE: {path} must end in .csv").format(path=table))
        if report and not report.lower().endswith((".html", ".htm")):
            raise QgsProcessingException(self.tr("OUTPUT_HTML: {path} must end in .html").format(path=report))
        return {self.OUTPUT_TABLE: table, self.OUTPUT_HTML: report}

    def known_errors(self):
        from ..engine.training.evaluate import EvaluationCancelled, EvaluationError

        return (EvaluationCancelled,), (EvaluationError,)

    def execute_plan(self, plan: dict[str, Any], outputs, context, feedback) -> dict[str, Any]:
        from ..engine.training.evaluate import evaluate_classification

        _progress, is_cancelled, log = engine_callbacks(feedback)
        result = evaluate_classification(
            plan["classified"], plan["reference"], class_field=plan["class_field"],
            background=plan["background"], output_table=outputs[self.OUTPUT_TABLE],
            output_html=outputs[self.OUTPUT_HTML], progress=lambda f: feedback.setProgress(100 * f),
            is_cancelled=is_cancelled)
        m = result.metrics
        for note in result.notes:
            log(translated(note))
        for c in m["per_class"]:
            log(self.tr("class {value} ({name}): IoU {iou}, F1 {f1}, precision {precision}, recall {recall}").format(
                value=c["value"], name=c["name"], iou=_fmt(c["iou"]), f1=_fmt(c["f1"]),
                precision=_fmt(c["precision"]), recall=_fmt(c["recall"])))
        log(self.tr("mIoU {miou}, overall accuracy {oa}, kappa {kappa}; {pixels} pixels compared").format(
            miou=_fmt(m["miou"]), oa=_fmt(m["oa"]), kappa=_fmt(m["kappa"]), pixels=result.compared_pixels))
        per_class = [{k: c[k] for k in ("value", "name", "iou", "f1", "precision", "recall")} for c in m["per_class"]]
        return {
            self.OUTPUT_TABLE: outputs[self.OUTPUT_TABLE],
            self.OUTPUT_HTML: outputs[self.OUTPUT_HTML],
            "MIOU": m["miou"],
            "OA": m["oa"],
            "KAPPA": m["kappa"],
            "MEAN_F1": m["mean_f1"],
            "PIXELS": result.compared_pixels,
            "PER_CLASS": json.dumps(per_class),
            "CONFUSION_MATRIX": json.dumps(m["confusion_matrix"]),
        }


def _fmt(value: float | None) -> str:
    return QCoreApplication.translate("EvaluateAlgorithm", "n/a") if value is None else f"{value:.4f}"

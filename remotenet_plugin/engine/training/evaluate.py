"""Accuracy of a classified raster against reference labels (GDAL/OGR + numpy; no QGIS).

The reference is a class raster (warped onto the classified grid when on another grid or
CRS) or polygons with a class field (rasterised onto the classified grid, strip by strip).
Class *values* are compared: the classified raster stores each class's value, and so does
the reference. Pixels that are 255 or nodata on either side are not counted (reference
pixels left unclassified are reported). Results: per-class IoU, F1, precision, recall,
mIoU, overall accuracy, Cohen's kappa and the confusion matrix, optionally written as a
CSV table and an HTML report.
"""
from __future__ import annotations

import csv
import datetime as _dt
import html
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import numpy as np
from osgeo import gdal

from ....model.messages import QT_TRANSLATE_NOOP, message_of
from ....model.metadata import NO_CLASS
from ....model.metrics import metrics_from_confusion
from ..base.gdal_errors import with_gdal_exceptions
from .labels import (
    LabelsError,
    VectorLabels,
    extent_text,
    label_kind,
    raster_extent,
    same_grid,
    split_source,
)


class EvaluationError(ValueError):
    """The classified raster or the reference cannot be compared; the message says why."""


class EvaluationCancelled(EvaluationError):
    """The caller cancelled the evaluation; no report was written."""


@dataclass
class EvaluationResult:
    metrics: dict[str, Any]  # see remotenet.model.metrics.metrics_from_confusion
    classes: list[dict[str, Any]]  # [{"value", "name"}] in the order of the confusion matrix
    compared_pixels: int
    unclassified_reference_pixels: int
    output_table: Optional[str] = None
    output_html: Optional[str] = None
    notes: list[str] = field(default_factory=list)

    @property
    def miou(self) -> Optional[float]:
        return self.metrics["miou"]

    def iou_of(self, name_or_value: Any) -> Optional[float]:
        for c in self.metrics["per_class"]:
            if c["name"] == name_or_value or c["value"] == name_or_value:
                return c["iou"]
        raise KeyError(name_or_value)


@with_gdal_exceptions
def evaluate_classification(classified: str, reference: str, class_field: Optional[str] = None,
                            output_table: Optional[str] = None, output_html: Optional[str] = None,
                            background: Optional[bool] = None, layer: Optional[str] = None,
                            rows_per_strip: int = 512,
                            progress: Optional[Callable[[float], None]] = None,
                            is_cancelled: Optional[Callable[[], bool]] = None) -> EvaluationResult:
    """Compare ``classified`` (band 1: class values, nodata 255) with ``reference``.

    Polygons without a class field are taken as class 1 on a background of class 0 (the
    convention of the trainer); with a class field, pixels outside polygons are ignored
    unless ``background``. Text class names are matched to the classified raster's
    category names. Reads ``rows_per_strip`` rows at a time, so any raster size works.
    """
    try:
        ds = gdal.Open(classified)
    except RuntimeError as err:
        raise EvaluationError(QT_TRANSLATE_NOOP(
            "RemoteNet", "cannot open the classified raster {classified}: {err}").format(
            classified=classified, err=err)) from err
    band = ds.GetRasterBand(1)
    pred_nodata = band.GetNoDataValue()
    categories = {i: n for i, n in enumerate(band.GetCategoryNames() or []) if n}
    notes: list[str] = []
    try:
        read_reference, ref_names = _reference_reader(ds, reference, class_field, background, layer, categories,
                                                      notes)
    except LabelsError as err:
        raise EvaluationError(message_of(err)) from err

    width, height = ds.RasterXSize, ds.RasterYSize
    counts = np.zeros(256 * 256, dtype=np.int64)
    unclassified = 0
    for y0 in range(0, height, rows_per_strip):
        if is_cancelled is not None and is_cancelled():
            raise EvaluationCancelled("evaluation was cancelled")
        rows = min(rows_per_strip, height - y0)
        window = (0, y0, width, rows)
        pred = band.ReadAsArray(*window)
        ref = read_reference(window)
        if np.any((pred < 0) | (pred > 255) | (pred != np.round(pred))):
            raise EvaluationError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{classified} holds values outside 0..255: not a classified raster").format(
                classified=classified))
        pred = pred.astype(np.int64)
        ref = ref.astype(np.int64)
        ref_ok = ref != NO_CLASS
        pred_ok = pred != NO_CLASS
        if pred_nodata is not None:
            pred_ok &= pred != int(pred_nodata)
        unclassified += int(np.count_nonzero(ref_ok & ~pred_ok))
        keep = ref_ok & pred_ok
        counts += np.bincount(ref[keep] * 256 + pred[keep], minlength=256 * 256)
        if progress is not None:
            progress(min(1.0, (y0 + rows) / height))
    full = counts.reshape(256, 256)
    if full.sum() == 0:
        raise EvaluationError(QT_TRANSLATE_NOOP(
            "RemoteNet", "no pixel is both labelled in the reference and classified: the reference does not overlap "
            "the classified raster (or one of them is all nodata)"))
    seen = set(np.nonzero(full.sum(axis=1))[0].tolist()) | set(np.nonzero(full.sum(axis=0))[0].tolist())
    values = sorted(seen | (set(categories) - {NO_CLASS}))
    names = [categories.get(v) or ref_names.get(v) or str(v) for v in values]
    cm = full[np.ix_(values, values)]
    metrics = metrics_from_confusion(cm, names, values)
    if unclassified:
        notes.append(QT_TRANSLATE_NOOP(
            "RemoteNet", "{unclassified} labelled reference pixels are nodata in the classified raster and were not "
            "counted").format(unclassified=unclassified))
    result = EvaluationResult(metrics=metrics, classes=[{"value": v, "name": n} for v, n in zip(values, names)],
                              compared_pixels=int(cm.sum()), unclassified_reference_pixels=unclassified,
                              notes=notes)
    if output_table:
        write_table(result, output_table)
        result.output_table = output_table
    if output_html:
        write_html(result, output_html, classified, reference, class_field)
        result.output_html = output_html
    return result


def _reference_reader(ds: gdal.Dataset, reference: str, class_field: Optional[str], background: Optional[bool],
                      layer: Optional[str], categories: dict[int, str],
                      notes: list[str]) -> tuple[Callable[[tuple[int, int, int, int]], np.ndarray], dict[int, str]]:
    """A function window -> reference class values (255 = unlabelled), and names by value."""
    path, layer = split_source(reference, layer)
    if label_kind(path) == "vector":
        name_to_value = {n: v for v, n in categories.items()} if categories else None
        vec = VectorLabels(ds, path, class_field, layer, background, name_to_value=name_to_value)
        notes.extend(vec.notes)
        xmin, xmax, ymin, ymax = vec.layer.GetExtent()
        rxmin, rxmax, rymin, rymax = raster_extent(ds)
        if xmin > rxmax or xmax < rxmin or ymin > rymax or ymax < rymin:
            raise EvaluationError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the reference polygons do not overlap the classified raster: they cover "
                "{extent_text}, the raster covers {extent_text2} (in the raster's CRS)").format(
                extent_text=extent_text((xmin, xmax, ymin, ymax)),
                extent_text2=extent_text((rxmin, rxmax, rymin, rymax))))
        return (lambda window: vec.rasterise(window, check_overlap=False)), {c["value"]: c["name"] for c in vec.classes}
    if class_field:
        raise EvaluationError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path} is a raster: its pixel values are the classes, so it takes no class field").format(
            path=path))
    src = gdal.Open(path)
    rband = src.GetRasterBand(1)
    names = {i: n for i, n in enumerate(rband.GetCategoryNames() or []) if n}
    if not same_grid(src, ds):
        if not src.GetProjection() or not ds.GetProjection():
            raise EvaluationError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the reference raster is on another grid than the classified raster and one of them "
                "has no CRS; give both a CRS"))
        notes.append(QT_TRANSLATE_NOOP(
            "RemoteNet", "the reference raster is on another grid or CRS: warped (nearest) onto the classified grid"))
        gt = ds.GetGeoTransform()
        bounds = (gt[0], gt[3] + ds.RasterYSize * gt[5], gt[0] + ds.RasterXSize * gt[1], gt[3])
        src = gdal.Warp("", src, format="VRT", outputBounds=bounds, width=ds.RasterXSize, height=ds.RasterYSize,
                        dstSRS=ds.GetProjection(), resampleAlg="near", dstNodata=NO_CLASS,
                        outputType=gdal.GDT_Float64)
        rband = src.GetRasterBand(1)
    nodata = rband.GetNoDataValue()

    def read(window: tuple[int, int, int, int], _keep_open: gdal.Dataset = src) -> np.ndarray:
        # _keep_open: a band whose dataset was garbage-collected crashes GDAL.
        values = rband.ReadAsArray(*window)
        out = np.full(values.shape, NO_CLASS, dtype=np.uint8)
        ok = (values >= 0) & (values < NO_CLASS) & (values == np.round(values))
        if nodata is not None:
            ok &= values != nodata
        out[ok] = values[ok].astype(np.uint8)
        return out

    return read, names


def write_table(result: EvaluationResult, path: str) -> None:
    """Per-class rows, then one summary row (mean IoU/F1, OA, kappa); blanks where undefined."""
    m = result.metrics
    columns = ["value", "name", "iou", "f1", "precision", "recall", "reference_pixels", "predicted_pixels",
               "overall_accuracy", "kappa"]
    _make_parent(path)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for c in m["per_class"]:
            writer.writerow([c["value"], c["name"], _fmt(c["iou"]), _fmt(c["f1"]), _fmt(c["precision"]),
                             _fmt(c["recall"]), c["reference_pixels"], c["predicted_pixels"], "", ""])
        writer.writerow(["", "all classes (mean)", _fmt(m["miou"]), _fmt(m["mean_f1"]), "", "", m["pixels"],
                         m["pixels"], _fmt(m["oa"]), _fmt(m["kappa"])])


def write_html(result: EvaluationResult, path: str, classified: str = "", reference: str = "",
               class_field: Optional[str] = None) -> None:
    """A self-contained report: summary, per-class table and confusion matrix."""
    m = result.metrics
    esc = html.escape
    names = [c["name"] for c in result.classes]
    rows = "".join(
        f"<tr><td>{c['value']}</td><td>{esc(c['name'])}</td><td>{_pct(c['iou'])}</td><td>{_pct(c['f1'])}</td>"
        f"<td>{_pct(c['precision'])}</td><td>{_pct(c['recall'])}</td><td>{c['reference_pixels']:,}</td>"
        f"<td>{c['predicted_pixels']:,}</td></tr>" for c in m["per_class"])
    cm = np.asarray(m["confusion_matrix"])
    cm_head = "".join(f"<th>{esc(n)}</th>" for n in names)
    cm_rows = "".join(
        f"<tr><th>{esc(names[i])}</th>" + "".join(
            f"<td{' class=diag' if i == j else ''}>{int(cm[i, j]):,}</td>" for j in range(len(names))) + "</tr>"
        for i in range(len(names)))
    notes = "".join(f"<li>{esc(n)}</li>" for n in result.notes)
    doc = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>RemoteNet evaluation</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #bbb;padding:4px 8px;text-align:right}}th{{background:#eee}}td.diag{{background:#dfd}}</style>
</head><body>
<h1>RemoteNet evaluation</h1>
<p>Classified: <code>{esc(str(classified))}</code><br>Reference: <code>{esc(str(reference))}</code>
{f"(class field <code>{esc(class_field)}</code>)" if class_field else ""}<br>
Written {_dt.datetime.now().isoformat(timespec="seconds")}; {result.compared_pixels:,} pixels compared.</p>
<h2>Summary</h2>
<table><tr><th>mIoU</th><th>mean F1</th><th>overall accuracy</th><th>kappa</th></tr>
<tr><td>{_pct(m["miou"])}</td><td>{_pct(m["mean_f1"])}</td><td>{_pct(m["oa"])}</td><td>{_fmt(m["kappa"])}</td></tr>
</table>
<h2>Per class</h2>
<table><tr><th>value</th><th>class</th><th>IoU</th><th>F1</th><th>precision</th><th>recall</th>
<th>reference pixels</th><th>predicted pixels</th></tr>{rows}</table>
<h2>Confusion matrix</h2>
<p>Rows: reference; columns: prediction (pixels).</p>
<table><tr><th></th>{cm_head}</tr>{cm_rows}</table>
{f"<h2>Notes</h2><ul>{notes}</ul>" if notes else ""}
</body></html>
"""
    _make_parent(path)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(doc)


def summary(result: EvaluationResult) -> dict[str, Any]:
    """JSON-ready figures for a model file's ``metrics`` or a log line."""
    m = result.metrics
    return {"miou": _round(m["miou"]), "oa": _round(m["oa"]), "kappa": _round(m["kappa"]),
            "pixels": result.compared_pixels,
            "per_class": [{"value": c["value"], "name": c["name"], "iou": _round(c["iou"]), "f1": _round(c["f1"]),
                           "precision": _round(c["precision"]), "recall": _round(c["recall"])}
                          for c in m["per_class"]]}


def _fmt(value: Optional[float]) -> str:
    return "" if value is None else f"{value:.6f}"


def _pct(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{100 * value:.2f}%"


def _round(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(float(value), 5)


def _make_parent(path: str) -> None:
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)


__all__: Sequence[str] = ["EvaluationCancelled", "EvaluationError", "EvaluationResult", "evaluate_classification",
                          "summary", "write_html", "write_table"]

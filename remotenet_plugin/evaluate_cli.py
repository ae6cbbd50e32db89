"""``python -m remotenet evaluate`` (or ``remotenet evaluate``): RemoteNet Evaluate without QGIS.

Scores a classified raster against reference labels with the engine's
``evaluate_classification``, as remotenet:evaluate does. Needs GDAL and numpy only (no torch).

Exit status as for ``segment`` (segment_cli.py): 0 done; 1 bad input or a failed run (one line
``error: <option>: <what to do>``); 2 usage errors; 130 after Ctrl-C. The table and report of a
failed or stopped run are removed (a file that was there before and is unchanged stays).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import sys
from typing import Any, Optional

from .cli_errors import OptionError

PROG = "python -m remotenet evaluate"


def build_parser(prog: str = PROG) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Measure a classified raster (for example `remotenet segment`'s output) against reference "
                    "labels: per-class IoU, F1, precision and recall, mIoU, overall accuracy, Cohen's kappa and the "
                    "confusion matrix. Class values are compared pixel by pixel on the classified raster's grid; "
                    "pixels that are 255 or nodata on either side are not counted.",
        epilog="Per-class lines and a summary line go to stdout (--json: one JSON object instead), progress to "
               "stderr. Exit status: 0 done, 1 bad input or failed run, 2 usage error, 130 cancelled with Ctrl-C.")
    parser.add_argument("classified", metavar="INPUT", help="classified raster: band 1 holds class values (UInt8, "
                        "255 = nodata)")
    parser.add_argument("reference", metavar="REFERENCE", help="reference labels: a class raster (warped onto the "
                        "classified grid when needed) or polygons; polygons without --class-field are class 1 on a "
                        "background of class 0")
    parser.add_argument("--class-field", metavar="FIELD", help="polygons only: whole numbers are class values, text "
                        "is matched to the classified raster's class names")
    parser.add_argument("--layer", metavar="NAME", help="the reference's layer, for a file with several")
    parser.add_argument("--background", action="store_true", help="with --class-field: pixels outside the polygons "
                        "are background (class 0) instead of not counted")
    parser.add_argument("--table", metavar="PATH", help="write the metrics table here (.csv)")
    parser.add_argument("--html", metavar="PATH", help="write the report with the confusion matrix here (.html)")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    return parser


def check_options(args: argparse.Namespace) -> None:
    for option, path in (("INPUT", args.classified), ("REFERENCE", args.reference.split("|")[0])):
        if not path.startswith("/vsi") and not os.path.exists(path):
            raise OptionError(option, f"{path} does not exist")
    if args.table and not args.table.lower().endswith(".csv"):
        raise OptionError("--table", f"{args.table} must end in .csv")
    if args.html and not args.html.lower().endswith((".html", ".htm")):
        raise OptionError("--html", f"{args.html} must end in .html")
    inputs = {os.path.abspath(args.classified), os.path.abspath(args.reference.split("|")[0])}
    for option, path in (("--table", args.table), ("--html", args.html)):
        if path and os.path.abspath(path) in inputs:
            raise OptionError(option, f"{path} is an input; choose another file name")
    if args.table and args.html and os.path.abspath(args.table) == os.path.abspath(args.html):
        raise OptionError("--html", "the table and the report need different files")


def _state(path: str) -> Optional[tuple[int, int]]:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def remove_new_files(before: dict[str, Optional[tuple[int, int]]]) -> None:
    """Remove the outputs this run created or changed; the user's unchanged files stay."""
    for path, state in before.items():
        now = _state(path)
        if now is not None and now != state:
            try:
                os.remove(path)
            except OSError:
                pass


def _fmt(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def report_lines(result: Any) -> list[str]:
    m = result.metrics
    lines = [f"class {c['value']} ({c['name']}): IoU {_fmt(c['iou'])}, F1 {_fmt(c['f1'])}, precision "
             f"{_fmt(c['precision'])}, recall {_fmt(c['recall'])}" for c in m["per_class"]]
    lines.append(f"mIoU {_fmt(m['miou'])}, overall accuracy {_fmt(m['oa'])}, kappa {_fmt(m['kappa'])}; "
                 f"{result.compared_pixels} pixels compared")
    return lines


def main(argv: Optional[list[str]] = None, prog: str = PROG) -> int:
    args = build_parser(prog).parse_args(argv)
    if importlib.util.find_spec("osgeo") is None:
        print("error: GDAL's Python bindings (osgeo) are not installed in this Python; they come from the system, "
              "not from pip: apt install python3-gdal (Debian, Ubuntu; use a venv with --system-site-packages), or "
              "conda install -c conda-forge gdal", file=sys.stderr)
        return 1
    try:
        check_options(args)
    except OptionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return run(args)


def run(args: argparse.Namespace) -> int:
    from .cli_progress import TextProgress
    from .engine.training.evaluate import EvaluationCancelled, EvaluationError, evaluate_classification, summary
    from .segment_cli import Interrupts

    bar = TextProgress(sys.stderr, label="evaluate")
    interrupts = Interrupts(bar.log)
    before = {path: _state(path) for path in (args.table, args.html) if path}
    try:
        with interrupts:
            result = evaluate_classification(
                args.classified, args.reference, class_field=args.class_field, output_table=args.table,
                output_html=args.html, background=True if args.background else None, layer=args.layer,
                progress=lambda fraction: bar.progress(100 * fraction, "comparing"),
                is_cancelled=interrupts.cancelled)
    except (EvaluationCancelled, KeyboardInterrupt):
        remove_new_files(before)
        bar.finish()
        print("cancelled: no table or report was written", file=sys.stderr)
        return 128 + (interrupts.signal or signal.SIGINT)
    except EvaluationError as err:
        remove_new_files(before)
        bar.finish()
        print(f"error: {_option_of(err)}: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # the file system refused (disk full, permissions)
        remove_new_files(before)
        bar.finish()
        print(f"error: {err}", file=sys.stderr)
        return 1
    bar.finish()
    for note in result.notes:
        print(str(note), file=sys.stderr)
    if args.json:
        print(json.dumps({**summary(result), "mean_f1": result.metrics["mean_f1"],
                          "confusion_matrix": result.metrics["confusion_matrix"],
                          "table": result.output_table, "html": result.output_html}))
    else:
        print("\n".join(report_lines(result)))
    return 0


# Which option an evaluation message is about, by its English template.
MESSAGE_OPTIONS = [("do not overlap", "REFERENCE"), ("cannot open the classified raster", "INPUT"),
                   ("{classified} holds", "INPUT"), ("class names", "--class-field"),
                   ("no field", "--class-field"), ("class field", "--class-field"), ("no layer named", "--layer")]


def _option_of(err: BaseException) -> str:
    template = getattr(err.args[0], "template", "") if err.args else ""
    return next((name for key, name in MESSAGE_OPTIONS if key in template), "REFERENCE")

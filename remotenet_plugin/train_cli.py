"""``python -m remotenet train`` (or ``remotenet train``): RemoteNet Train without QGIS.

The options mirror remotenet:train's parameters (same defaults; tests/test_cli_train_evaluate.py
compares them) and run what the algorithm runs: the engine's ``prepare_training_chips``, the
model's training loop, ``save_trained_model``. Options are checked before GDAL reads a pixel and
before torch loads; ``--help`` and usage errors answer at once.

Exit status as for ``segment`` (segment_cli.py): 0 done; 1 bad input or a failed run (one line
``error: <option>: <what to do>``); 2 usage errors; 130 after Ctrl-C, 143 after SIGTERM. The model
file is written under a temporary name and moved into place at the end: a failed or stopped run
leaves no file.
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import time
from typing import Any, Optional

from ..model.metadata import ENCODER_NAMES
from ..model.spectral_choice import SPECTRAL_CHOICES, choose_spectral_head
from .cli_errors import OptionError
from .engine.base.options import MIN_TILE

PROG = "python -m remotenet train"
# remotenet:train's defaults (algorithms/train_algorithm.py; a test keeps them equal).
DEFAULT_TILE = 0  # chosen from the raster's size and the spread of the labels
DEFAULT_MINUTES = 10.0
DEFAULT_BATCH = 4
DEFAULT_LR = 6e-4
DEFAULT_VAL_FRACTION = 0.2
DEFAULT_TRAIN_ENCODER = "resnet18"  # learns most from random weights on a CPU in the default time
DEFAULT_SPECTRAL_HEAD = "auto"  # each pixel's bands straight to the head (model/spectral_choice.py)
DEVICE_NAME = re.compile(r"^(auto|cpu|cuda(:\d+)?)$")


def build_parser(prog: str = PROG) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Train a RemoteNet model on a raster and its labels (a class raster, or polygons with a class "
                    "field) and write a model file (.safetensors) that `remotenet segment` and RemoteNet Segment "
                    "read. Some labelled objects are held out to validate; the checkpoint with the best validation "
                    "mIoU is kept.",
        epilog="Progress and log go to stderr, a one-line summary to stdout. Exit status: 0 done, 1 bad input or "
               "failed run, 2 usage error, 130 cancelled with Ctrl-C (no model file is left behind). Training "
               "stops at the first of --epochs and --max-minutes that is set. More: docs/training.md.")
    parser.add_argument("raster", metavar="INPUT", help="the image to learn from (a raster file GDAL reads)")
    parser.add_argument("labels", metavar="LABELS", help="a class raster (pixel values are classes, 255 and nodata "
                        "unlabelled) or polygons (GeoPackage, shapefile, GeoJSON...); polygons without --class-field "
                        "are one class on a background class 0")
    parser.add_argument("output", metavar="OUTPUT_MODEL", help="the model file to write (.safetensors)")
    data = parser.add_argument_group("labels and chips")
    data.add_argument("--class-field", metavar="FIELD", help="polygons only: whole numbers are class values, text "
                      "gives classes 0..N-1 named by its values")
    data.add_argument("--layer", metavar="NAME", help="the labels' layer, for a file with several")
    data.add_argument("--background", action="store_true", help="with --class-field: pixels outside the polygons "
                      "are a 'background' class instead of unlabelled")
    data.add_argument("--bands", metavar="B1,B2,...", help="raster bands to learn from, in order (default: all)")
    data.add_argument("--tile-size", metavar="PX", type=int, default=DEFAULT_TILE, help=f"chip side in pixels, at "
                      f"least {MIN_TILE}; also the tile size stored for Segment; 0 (the default): chosen from the "
                      f"raster's size and the spread of the labels, and said in the log")
    data.add_argument("--validation-fraction", metavar="F", type=float, default=DEFAULT_VAL_FRACTION,
                      help="share of labelled objects held out to validate, 0.01..0.9; default %(default)s")
    run = parser.add_argument_group("training")
    run.add_argument("--epochs", metavar="N", type=int, default=0, help="passes over the training chips; 0 (the "
                     "default): no epoch limit, the time budget decides")
    run.add_argument("--max-minutes", metavar="MIN", type=float, default=DEFAULT_MINUTES, help="time budget for the "
                     "whole run, reading and validation included; 0: no limit; default %(default)s")
    run.add_argument("--batch-size", metavar="N", type=int, default=DEFAULT_BATCH, help="chips per step; lower it if "
                     "memory runs out; default %(default)s")
    run.add_argument("--learning-rate", metavar="LR", type=float, default=DEFAULT_LR, help="AdamW peak learning rate "
                     "(warm-up, then polynomial decay); default %(default)s")
    run.add_argument("--device", metavar="{auto,cuda,cpu,cuda:N}", default="auto", help="auto: a CUDA GPU when "
                     "present (bf16 mixed precision), else the CPU; default %(default)s")
    run.add_argument("--encoder", choices=ENCODER_NAMES, default=DEFAULT_TRAIN_ENCODER, help="resnet18: a CNN "
                     "encoder, faster on a CPU and learns more from few labels; pvt_v2_b1: the reference RemoteNet "
                     "encoder; default %(default)s")
    run.add_argument("--pretrained-encoder", action="store_true", help="start the encoder from ImageNet weights "
                     "(downloads them unless cached)")
    run.add_argument("--spectral-head", choices=SPECTRAL_CHOICES, default=DEFAULT_SPECTRAL_HEAD,
                     help="on: a per-pixel network over the band values, fitted first on every labelled pixel as a "
                     "random forest is, adds its votes to the decoder's at full resolution (helps on satellite "
                     "scenes with a few polygons, hurt on sub-metre imagery); off: the decoder alone; auto "
                     "(default): on for pixels of 2 m and coarser, or, "
                     "without a pixel size in metres, for labels covering under a quarter of the raster. With "
                     "--initial-model the initial model's design is kept")
    run.add_argument("--encoder-weights", metavar="PATH", help="local pretrained weights for the encoder (timm's "
                     "state_dict, .safetensors or .pth); not with --pretrained-encoder")
    tune = parser.add_argument_group("fine-tuning")
    tune.add_argument("--initial-model", metavar="FILE", help="start from this RemoteNet model file (.safetensors) "
                      "instead of random weights: its encoder (--encoder does not apply), bands (as many; without "
                      "--bands, the ones it lists) and normalisation; the same classes continue with its "
                      "classification head, other classes get a new head (the log says which layers are "
                      "re-initialised). The new model file names its parent (header initial_model)")
    tune.add_argument("--recompute-normalisation", action="store_true", help="with --initial-model: compute the "
                      "normalisation from the training pixels instead of keeping the initial model's")
    return parser


def check_options(args: argparse.Namespace) -> list[int] | None:
    """Raise OptionError for the first bad value; the band list (None: all). GDAL only, no torch."""
    from osgeo import gdal

    from .engine.base.gdal_errors import program_gdal_mode

    if args.tile_size < 0 or 0 < args.tile_size < MIN_TILE:
        raise OptionError("--tile-size", f"{args.tile_size} is too small; use at least {MIN_TILE} pixels (or 0: chosen "
                          "from the scene)")
    if args.epochs < 0:
        raise OptionError("--epochs", f"{args.epochs} must not be negative; 0 means no epoch limit")
    if args.max_minutes < 0:
        raise OptionError("--max-minutes", f"{args.max_minutes:g} must not be negative; 0 means no time limit")
    if args.epochs == 0 and args.max_minutes == 0:
        raise OptionError("--epochs/--max-minutes", "both are 0: nothing would stop the training; set an epoch "
                          "count, a time budget, or both")
    if args.batch_size < 1:
        raise OptionError("--batch-size", f"{args.batch_size} must be at least 1 chip")
    if not 0.01 <= args.validation_fraction <= 0.9:
        raise OptionError("--validation-fraction", f"{args.validation_fraction:g} must be between 0.01 and 0.9")
    if not 0 < args.learning_rate <= 1:
        raise OptionError("--learning-rate", f"{args.learning_rate:g} must be above 0 and at most 1")
    if not DEVICE_NAME.match(args.device):
        raise OptionError("--device", f"{args.device!r} is not a device; use auto, cuda, cpu or cuda:N")
    if args.encoder_weights and not os.path.isfile(args.encoder_weights):
        raise OptionError("--encoder-weights", f"{args.encoder_weights} is not a file; give timm's weights for the "
                          f"chosen encoder, or leave it out")
    if args.encoder_weights and args.pretrained_encoder:
        raise OptionError("--pretrained-encoder", "--pretrained-encoder and --encoder-weights both give starting "
                          "weights; give only one")
    if args.initial_model and (args.encoder_weights or args.pretrained_encoder):
        raise OptionError("--initial-model", "the initial model gives every starting weight; leave out "
                          "--pretrained-encoder and --encoder-weights")
    if not args.output.lower().endswith(".safetensors"):
        raise OptionError("OUTPUT_MODEL", f"{args.output} must end in .safetensors (the model file format)")
    folder = os.path.dirname(os.path.abspath(args.output))
    if not os.path.isdir(folder):
        raise OptionError("OUTPUT_MODEL", f"the folder {folder} does not exist; create it or choose another")
    if os.path.abspath(args.output) in (os.path.abspath(args.raster), os.path.abspath(args.labels),
                                        os.path.abspath(args.initial_model or args.raster)):
        raise OptionError("OUTPUT_MODEL", f"{args.output} is an input; choose another file name")
    if not os.path.exists(args.labels.split("|")[0]) and not args.labels.startswith("/vsi"):
        raise OptionError("LABELS", f"{args.labels} does not exist; give a class raster or a polygon file")
    if not os.path.exists(args.raster) and not args.raster.startswith("/vsi"):
        raise OptionError("INPUT", f"{args.raster} does not exist; choose an existing raster file")
    with program_gdal_mode(True):
        try:
            ds = gdal.OpenEx(args.raster, gdal.OF_RASTER)
        except RuntimeError:
            ds = None
        if ds is None or ds.RasterCount == 0:
            raise OptionError("INPUT", f"{args.raster} is not a raster GDAL can read; choose a raster file (for "
                              "example a GeoTIFF)")
        count = ds.RasterCount
    bands = None
    if args.bands:
        try:
            bands = [int(part) for part in args.bands.replace(" ", "").split(",")]
        except ValueError:
            raise OptionError("--bands", f"{args.bands!r} is not band numbers separated by commas") from None
        bad = [b for b in bands if not 1 <= b <= count]
        if bad:
            raise OptionError("--bands", f"the raster has {count} band(s); it has no band {', '.join(map(str, bad))}")
    if args.initial_model:
        from ..model.fine_tune import InitialModelError, initial_header, training_bands

        try:
            bands = training_bands(initial_header(args.initial_model), count, bands)
        except InitialModelError as err:
            raise OptionError("--initial-model", str(err)) from None
    return bands


# Which option an engine or trainer message is about, by its English template.
MESSAGE_OPTIONS = [
    ("chip of {tile}", "--tile-size"), ("bands {bad}", "--bands"), ("class field", "--class-field"),
    ("no field {class_field", "--class-field"), ("no layer named", "--layer"), ("device {err}", "--device"),
    ("encoder weights", "--encoder-weights"), ("raster (window)", "INPUT"), ("cannot open the raster", "INPUT"),
    ("not a raster with bands", "INPUT"), ("training pixel is nodata", "INPUT"),
]


def error_line(err: BaseException, fallback: Optional[str]) -> str:
    """``error: <option>: <message>``, the option found from the message's template."""
    template = getattr(err.args[0], "template", "") if err.args else ""
    option = next((name for key, name in MESSAGE_OPTIONS if key in template), fallback)
    return f"error: {option}: {err}" if option else f"error: {err}"


def training_progress(bar: Any) -> Any:
    """The trainer's events as the bar's progress (5..99 %) and log lines."""

    def progress(info: dict[str, Any]) -> None:
        event = info["event"]
        if event == "start":
            amp = " (bf16 mixed precision)" if info.get("amp") else ""
            bar.log(f"Training on {info['device']}{amp}: {info['train_chips']} training and {info['val_chips']} "
                    f"validation chips, {info['steps_per_epoch']} steps per epoch")
        elif event == "step":
            bar.progress(5 + 94 * info["fraction"], f"epoch {info['epoch']:.2f}, loss {info['loss']:.4f}")
        elif event == "checkpoint" and info.get("trained_on_validation"):
            bar.log(f"Validation is too small to choose a checkpoint ({info.get('val_pixels')} validation pixels; "
                    f"needed: {info.get('min_pixels')} in all and {info.get('min_class_pixels')} per class): its "
                    "objects are trained on as well and the averaged weights at the end are kept; no held-out "
                    "score (use 'evaluate' on other polygons)")
        elif event == "decoder_weight":
            from ..model.training.residual_weight import weight_summary

            text = ("Validation ({pixels} pixels) chose to keep {percent} % of the decoder's output beside the "
                    "spectral head (mIoU {miou}; {whole} with all of it)" if info["chosen_by"] == "validation" else
                    "{percent} % of the decoder's output is kept beside the spectral head (labels too few for "
                    "validation to choose)")
            bar.log(text.format(**weight_summary(info)))
        elif event == "validation":
            best = " (best so far)" if info.get("improved") else ""
            bar.log(f"Validation at epoch {info['epoch']:.2f}: mIoU {info['miou']:.4f}{best}")

    return progress


def main(argv: Optional[list[str]] = None, prog: str = PROG) -> int:
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    from .segment_cli import missing_packages

    problem = missing_packages()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    try:
        bands = check_options(args)
    except OptionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return run(args, bands)


def run(args: argparse.Namespace, bands: Optional[list[int]]) -> int:
    from ..model import PretrainedWeightsUnavailable
    from ..model.fine_tune import InitialModelError, fine_tuned_header, start_from
    from ..model.training import TrainConfig, TrainingCancelled, TrainingError, save_trained_model
    from .cli_progress import TextProgress
    from .engine.training.chips import TrainingDataError, prepare_training_chips
    from .segment_cli import Interrupts

    bar = TextProgress(sys.stderr, label="train")
    interrupts = Interrupts(bar.log)
    started = time.monotonic()
    try:
        with interrupts:
            bar.progress(0, "reading the raster and labels")
            chips = prepare_training_chips(
                args.raster, args.labels, class_field=args.class_field, bands=bands, tile_size=args.tile_size or None,
                background=True if args.background else None, val_fraction=args.validation_fraction,
                layer=args.layer, log=bar.log)
            if interrupts.cancelled():
                raise TrainingCancelled("cancelled while reading the training data")
            bar.progress(5, "training")
            minutes = args.max_minutes or None
            if minutes:  # the budget covers everything: what reading took, and a moment to write the file
                minutes = max(0.05, minutes - (time.monotonic() - started + 5.0) / 60.0)
            start = None
            if args.initial_model:  # fine-tuning: the network, its encoder and normalisation from that file
                start = start_from(args.initial_model, chips.header, args.recompute_normalisation,
                                   asked_encoder=args.encoder, log=bar.log)
                chips.header = fine_tuned_header(chips.header, start)
            spectral = False
            if not start:
                spectral, why = choose_spectral_head(args.spectral_head, chips.header)
                bar.log(why)
            config = TrainConfig(epochs=args.epochs or None, max_minutes=minutes, batch_size=args.batch_size,
                                 lr=args.learning_rate, device=args.device, pretrained_encoder=args.pretrained_encoder,
                                 encoder=start.encoder if start else args.encoder, encoder_weights=args.encoder_weights,
                                 spectral_head=spectral)
            result = chips.train(config, progress=training_progress(bar), is_cancelled=interrupts.cancelled,
                                 model=start.model if start else None, heads_trained=bool(start and start.head_kept))
            header = dict(chips.header)
            header["provenance"] = {**header.get("provenance", {}), "trainer": "remotenet train"}
            written = save_trained_model(result, args.output, header)  # a temporary name, then moved
    except TrainingCancelled:
        bar.finish()
        print("cancelled: no model file was written", file=sys.stderr)
        return 128 + (interrupts.signal or signal.SIGINT)
    except KeyboardInterrupt:
        bar.finish()
        print("stopped: no model file was written", file=sys.stderr)
        return 128 + (interrupts.signal or signal.SIGINT)
    except TrainingDataError as err:
        bar.finish()
        print(error_line(err, "LABELS"), file=sys.stderr)
        return 1
    except InitialModelError as err:
        bar.finish()
        print(f"error: --initial-model: {err}", file=sys.stderr)
        return 1
    except (TrainingError, PretrainedWeightsUnavailable) as err:
        bar.finish()
        print(error_line(err, None), file=sys.stderr)
        return 1
    except OSError as err:  # the file system refused (disk full, permissions): the user's to fix, not a bug
        bar.finish()
        print(f"error: OUTPUT_MODEL: {err}", file=sys.stderr)
        return 1
    bar.progress(100, "done")
    bar.finish()
    val = written["metrics"].get("validation", {})
    miou = val.get("miou")
    score = ("no held-out validation score" if miou is None else
             f"best validation mIoU {miou:.4f} at epoch {result.best_epoch:.2f}")
    print(f"{args.output}: {len(written['classes'])} classes, {result.steps} steps ({result.epochs:.2f} epochs, "
          f"{result.elapsed_s:.0f} s) on {result.device}, stopped by {result.stopped_by}; {score}")
    return 0

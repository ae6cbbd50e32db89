"""``remotenet:train``: a Processing shell over the trainer (chips from the engine, the loop from model/).

Parameters are checked before any work; layers are resolved to files in the GUI thread
(``prepareAlgorithm``). The model file is written under a temporary name and moved into
place only when training finished: a cancelled or failed run leaves no model file.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ...model.metadata import ENCODER_NAMES
from ..dependencies import configure_torch_threads
from ..engine.options import DEVICES, MIN_TILE
from .base import RemoteNetAlgorithm, engine_callbacks, help_html
from .compat import NUMBER_DOUBLE, NUMBER_INTEGER, make_advanced
from .layer_files import class_field_parameter, labels_file, remove_folder

HELP_INTRO = (
    "Trains a RemoteNet model on a raster layer and its labels, and writes a model file (.safetensors) that "
    "RemoteNet Segment reads. Chips are cut from the labelled area; some blocks of it are held out to "
    "validate (no validation chip overlaps a training chip), and the checkpoint with the best validation "
    "mIoU is kept. The model file carries the classes (values, names, colours), bands, normalisation "
    "(computed from the training pixels), tile size, pixel size, a description of the data and the "
    "validation metrics."
)
HELP_PARAMETERS = [
    ("Input raster", "INPUT", "the image to learn from (a raster file GDAL can read)."),
    ("Labels", "LABELS", "either a class raster (pixel values are the classes; 255 and nodata are "
     "unlabelled; other grids and CRSs are warped onto the image) or polygons with a class field "
     "(rasterised onto the image grid; reprojected when on another CRS). Polygons without a class field "
     "are one class (named after the layer) on a background class 0: building footprints, say."),
    ("Class field", "CLASS_FIELD", "polygons only: a whole-number field keeps its values as class values; a "
     "text field gives classes 0..N-1 named by its values. Pixels outside polygons are unlabelled unless "
     "BACKGROUND is set."),
    ("Bands", "BANDS", "the raster bands to learn from, in order. Default: all."),
    ("Tile size", "TILE_SIZE", "chip side in pixels (at least {min_tile}); also the tile size stored for "
     "Segment. The network works at 256 pixels and more: smaller chips cost as much."),
    ("Epochs", "EPOCHS", "passes over the training chips; 0 (the default) = no epoch limit: the time budget "
     "decides."),
    ("Maximum minutes", "MAX_MINUTES", "time budget for the whole run, validation included; 0 = no limit. "
     "Training stops at whichever of EPOCHS and MAX_MINUTES is set and comes first (by default, after "
     "{minutes} minutes). "
     "Training stops in time and keeps the best checkpoint so far."),
    ("Batch size", "BATCH_SIZE", "chips per step; lower it if memory runs out."),
    ("Device", "DEVICE", "Auto uses a CUDA GPU when present (bf16 mixed precision), else the CPU (fp32)."),
    ("Pretrained encoder", "PRETRAINED_ENCODER", "start the encoder from ImageNet weights (downloads them "
     "from the Hugging Face hub unless cached); off by default, nothing is downloaded."),
    ("Background class", "BACKGROUND", "advanced; with a class field, pixels outside the polygons become a "
     "'background' class instead of unlabelled."),
    ("Validation fraction", "VALIDATION_FRACTION", "advanced; share of labelled blocks held out to validate."),
    ("Learning rate", "LEARNING_RATE", "advanced; AdamW peak learning rate (warm-up, then polynomial decay)."),
    ("Encoder", "ENCODER", "advanced; pvt_v2_b1 is the reference RemoteNet encoder; resnet18 is a CNN encoder "
     "feeding the same decoder, faster on a CPU and better from few labels (on a held-out road scene, "
     "docs/training.md: road IoU 0.55-0.57 after 8 minutes on 2 CPU cores). The model file records which one "
     "it is; Segment and Evaluate read either."),
    ("Encoder weights file", "ENCODER_WEIGHTS", "advanced; optional local pretrained weights for the chosen "
     "encoder: timm's state_dict of that network (.safetensors, or .pth read as weights only). For machines "
     "that cannot download; do not combine with PRETRAINED_ENCODER."),
    ("Model file", "OUTPUT_MODEL", "the .safetensors model file to write."),
]
HELP_OUTRO = ("Training on a CPU is slow: expect minutes for a small scene. Needs torch, timm and safetensors "
              "in the Python that QGIS runs.")


# One rule stops training: the first of EPOCHS and MAX_MINUTES that is set. By default only the
# time budget is, so a user who gives minutes gets them all (the best checkpoint is what is kept).
DEFAULT_MINUTES = 10.0


@dataclass
class TrainPlan:
    raster: str
    labels: str
    class_field: str | None
    options: dict[str, Any] = field(default_factory=dict)
    temporary: str | None = None  # a folder holding a copy of the labels layer


class TrainAlgorithm(RemoteNetAlgorithm):
    INPUT = "INPUT"
    LABELS = "LABELS"
    CLASS_FIELD = "CLASS_FIELD"
    BANDS = "BANDS"
    TILE_SIZE = "TILE_SIZE"
    EPOCHS = "EPOCHS"
    MAX_MINUTES = "MAX_MINUTES"
    BATCH_SIZE = "BATCH_SIZE"
    DEVICE = "DEVICE"
    PRETRAINED_ENCODER = "PRETRAINED_ENCODER"
    BACKGROUND = "BACKGROUND"
    VALIDATION_FRACTION = "VALIDATION_FRACTION"
    LEARNING_RATE = "LEARNING_RATE"
    ENCODER = "ENCODER"
    ENCODER_WEIGHTS = "ENCODER_WEIGHTS"
    OUTPUT_MODEL = "OUTPUT_MODEL"

    def name(self) -> str:
        return "train"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("RemoteNet Train")

    def tags(self) -> list[str]:
        return self.tr("training,segmentation,deep learning,remotenet,model,labels").split(",")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Trains a RemoteNet model from a raster and labels (class raster or polygons).")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(help_html(HELP_INTRO, HELP_PARAMETERS, HELP_OUTRO, min_tile=MIN_TILE,
                                 minutes=f"{DEFAULT_MINUTES:g}"))

    def initAlgorithm(self, config: dict | None = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Input raster")))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.LABELS, self.tr("Labels (class raster, or polygons)")))
        self.addParameter(class_field_parameter(
            self.CLASS_FIELD, self.tr("Class field (polygons; empty: one class on a background)")))
        self.addParameter(QgsProcessingParameterBand(
            self.BANDS, self.tr("Bands (default: all)"), parentLayerParameterName=self.INPUT, optional=True,
            allowMultiple=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TILE_SIZE, self.tr("Tile size (pixels)"), NUMBER_INTEGER, defaultValue=256, minValue=MIN_TILE))
        self.addParameter(QgsProcessingParameterNumber(
            self.EPOCHS, self.tr("Epochs (0: no limit, the time budget decides)"), NUMBER_INTEGER, defaultValue=0,
            minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_MINUTES, self.tr("Maximum minutes (0: no limit)"), NUMBER_DOUBLE, defaultValue=DEFAULT_MINUTES,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.BATCH_SIZE, self.tr("Batch size (chips)"), NUMBER_INTEGER, defaultValue=4, minValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            self.DEVICE, self.tr("Device"), options=[self.tr("Auto"), self.tr("CUDA"), self.tr("CPU")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.PRETRAINED_ENCODER, self.tr("Start from an ImageNet-pretrained encoder (downloads)"),
            defaultValue=False))
        self.addParameter(make_advanced(QgsProcessingParameterBoolean(
            self.BACKGROUND, self.tr("Pixels outside polygons are a background class"), defaultValue=False)))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.VALIDATION_FRACTION, self.tr("Validation fraction"), NUMBER_DOUBLE, defaultValue=0.2,
            minValue=0.01, maxValue=0.9)))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.LEARNING_RATE, self.tr("Learning rate"), NUMBER_DOUBLE, defaultValue=6e-4, minValue=1e-7,
            maxValue=1.0)))
        self.addParameter(make_advanced(QgsProcessingParameterEnum(
            self.ENCODER, self.tr("Encoder"), options=list(ENCODER_NAMES), defaultValue=0)))
        self.addParameter(make_advanced(QgsProcessingParameterFile(
            self.ENCODER_WEIGHTS, self.tr("Encoder weights file (timm .safetensors or .pth)"), optional=True,
            fileFilter=self.tr("Weights (*.safetensors *.pth *.pt)"))))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_MODEL, self.tr("Model file"), fileFilter=self.tr("RemoteNet model (*.safetensors)")))
        self.addOutput(QgsProcessingOutputNumber("VAL_MIOU", self.tr("Validation mIoU")))
        self.addOutput(QgsProcessingOutputNumber("VAL_OA", self.tr("Validation overall accuracy")))
        self.addOutput(QgsProcessingOutputNumber("STEPS", self.tr("Training steps")))
        self.addOutput(QgsProcessingOutputNumber("EPOCHS_RUN", self.tr("Epochs run")))
        self.addOutput(QgsProcessingOutputString("DEVICE_USED", self.tr("Device that trained the model")))
        self.addOutput(QgsProcessingOutputString("CLASSES", self.tr("Classes (JSON)")))

    # ----- from parameters to a plan (GUI thread, no torch) -----------------------------------

    def resolve(self, parameters, context, checking: bool) -> TrainPlan:
        raster = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if raster is None or not raster.isValid():
            raise QgsProcessingException(f"INPUT: {parameters.get(self.INPUT)!r} is not a raster layer QGIS can "
                                         "open; choose a raster file (for example a GeoTIFF)")
        if raster.providerType() != "gdal":
            raise QgsProcessingException(f"INPUT: layer '{raster.name()}' comes from the '{raster.providerType()}' "
                                         "provider; save it as a GeoTIFF first")
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context) or None
        labels, temporary = labels_file(self.parameterAsLayer(parameters, self.LABELS, context),
                                        parameters.get(self.LABELS), class_field, context, "LABELS",
                                        copy=not checking)
        plan = TrainPlan(raster=raster.source(), labels=labels, class_field=class_field, temporary=temporary)
        try:
            bands = self.parameterAsInts(parameters, self.BANDS, context) if parameters.get(self.BANDS) else []
            bad = [b for b in bands if not 1 <= b <= raster.bandCount()]
            if bad:
                raise QgsProcessingException(f"BANDS: the raster has {raster.bandCount()} band(s); it has no band "
                                             f"{', '.join(map(str, bad))}")
            tile = self.parameterAsInt(parameters, self.TILE_SIZE, context)
            if tile < MIN_TILE:
                raise QgsProcessingException(f"TILE_SIZE: {tile} is too small; use at least {MIN_TILE} pixels")
            epochs = self.parameterAsInt(parameters, self.EPOCHS, context)
            minutes = self.parameterAsDouble(parameters, self.MAX_MINUTES, context)
            if epochs <= 0 and minutes <= 0:
                raise QgsProcessingException("EPOCHS and MAX_MINUTES are both 0: nothing would stop the training; "
                                             "set an epoch count, a time budget, or both")
            batch = self.parameterAsInt(parameters, self.BATCH_SIZE, context)
            if batch < 1:
                raise QgsProcessingException(f"BATCH_SIZE: {batch} must be at least 1 chip")
            self.output_files(parameters, QgsProcessingContext())  # checks the name
            encoder_weights = self.parameterAsFile(parameters, self.ENCODER_WEIGHTS, context) or None
            if encoder_weights and not os.path.isfile(encoder_weights):
                raise QgsProcessingException(f"ENCODER_WEIGHTS: {encoder_weights} is not a file; give timm's "
                                             "weights for the chosen encoder, or leave it empty")
            pretrained = self.parameterAsBoolean(parameters, self.PRETRAINED_ENCODER, context)
            if encoder_weights and pretrained:
                raise QgsProcessingException("PRETRAINED_ENCODER and ENCODER_WEIGHTS both give starting weights; "
                                             "turn PRETRAINED_ENCODER off to use the local file")
            plan.options = {
                "bands": bands or None, "tile_size": tile, "epochs": epochs or None,
                "max_minutes": minutes or None, "batch_size": batch,
                "device": DEVICES[self.parameterAsEnum(parameters, self.DEVICE, context)],
                "pretrained_encoder": pretrained,
                "encoder": ENCODER_NAMES[self.parameterAsEnum(parameters, self.ENCODER, context)],
                "encoder_weights": encoder_weights,
                "background": True if self.parameterAsBoolean(parameters, self.BACKGROUND, context) else None,
                "val_fraction": self.parameterAsDouble(parameters, self.VALIDATION_FRACTION, context),
                "lr": self.parameterAsDouble(parameters, self.LEARNING_RATE, context),
            }
        except BaseException:
            self.release(plan)
            raise
        return plan

    def release(self, plan: TrainPlan) -> None:
        remove_folder(plan.temporary)
        plan.temporary = None

    # ----- running (worker thread) ---------------------------------------------------------------

    def output_files(self, parameters, context) -> dict[str, str | None]:
        output = self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context)
        if not output:
            raise QgsProcessingException("OUTPUT_MODEL: give a file name for the model (.safetensors)")
        if not output.lower().endswith(".safetensors"):
            raise QgsProcessingException(f"OUTPUT_MODEL: {output} must end in .safetensors (the model file format)")
        return {self.OUTPUT_MODEL: output}

    def known_errors(self):
        from ...model import PretrainedWeightsUnavailable
        from ...model.training import TrainingCancelled, TrainingError
        from ..engine.training_data import TrainingDataError

        return (TrainingCancelled,), (TrainingError, TrainingDataError, PretrainedWeightsUnavailable)

    def execute_plan(self, plan: TrainPlan, outputs, context, feedback) -> dict[str, Any]:
        configure_torch_threads(QgsApplication.maxThreads())
        from ...model.training import TrainConfig, TrainingCancelled, save_trained_model
        from ..engine.training_data import prepare_training_chips

        _progress, is_cancelled, log = engine_callbacks(feedback)
        opts, output = plan.options, outputs[self.OUTPUT_MODEL]
        started = time.monotonic()
        feedback.setProgressText("Reading the raster and labels")
        chips = prepare_training_chips(
            plan.raster, plan.labels, class_field=plan.class_field, bands=opts["bands"],
            tile_size=opts["tile_size"], background=opts["background"], val_fraction=opts["val_fraction"],
            log=log)
        if is_cancelled():
            raise TrainingCancelled("cancelled while reading the training data")
        feedback.setProgress(5)
        minutes = opts["max_minutes"]
        if minutes:  # the budget covers everything: what reading took, and a moment to write the file
            minutes = max(0.05, minutes - (time.monotonic() - started + 5.0) / 60.0)
        config = TrainConfig(epochs=opts["epochs"], max_minutes=minutes, batch_size=opts["batch_size"],
                             lr=opts["lr"], device=opts["device"], pretrained_encoder=opts["pretrained_encoder"],
                             encoder=opts["encoder"], encoder_weights=opts["encoder_weights"])
        result = chips.train(config, progress=_training_progress(feedback), is_cancelled=is_cancelled)
        header = dict(chips.header)
        header["provenance"] = {**header.get("provenance", {}), "trainer": "remotenet:train"}
        os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
        written = save_trained_model(result, output, header)
        val = written["metrics"].get("validation", {})
        feedback.pushInfo(f"Stopped by {result.stopped_by} after {result.steps} steps ({result.epochs:.2f} epochs, "
                          f"{result.elapsed_s:.0f} s); best validation mIoU {val.get('miou')} at epoch "
                          f"{result.best_epoch:.2f}. Model written to {output}")
        feedback.setProgress(100)
        return {
            self.OUTPUT_MODEL: output,
            "VAL_MIOU": val.get("miou"),
            "VAL_OA": val.get("oa"),
            "STEPS": result.steps,
            "EPOCHS_RUN": round(result.epochs, 3),
            "DEVICE_USED": result.device,
            "CLASSES": json.dumps(written["classes"]),
        }


def _training_progress(feedback):
    """The trainer's progress events as QGIS progress, progress text and log lines."""
    last_log = [0.0]

    def progress(info: dict[str, Any]) -> None:
        event = info["event"]
        if event == "start":
            feedback.pushInfo(f"Training on {info['device']}{' (bf16 mixed precision)' if info['amp'] else ''}: "
                              f"{info['train_chips']} training and {info['val_chips']} validation chips, "
                              f"{info['steps_per_epoch']} steps per epoch")
        elif event == "step":
            feedback.setProgress(5 + 94 * info["fraction"])
            if time.monotonic() - last_log[0] > 10:
                last_log[0] = time.monotonic()
                feedback.setProgressText(f"epoch {info['epoch']:.2f}, step {info['step']}, loss {info['loss']:.4f}")
        elif event == "validation":
            feedback.pushInfo(f"Validation at epoch {info['epoch']:.2f}: mIoU {info['miou']:.4f}"
                              f"{' (best so far)' if info['improved'] else ''}")

    return progress

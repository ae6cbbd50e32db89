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
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...model.messages import QT_TRANSLATE_NOOP
from ...model.metadata import ENCODER_NAMES
from ...model.spectral_choice import SPECTRAL_CHOICES
from ..dependencies import configure_torch_threads
from ..engine.base.options import DEVICES, MIN_TILE
from ..translation import error_text
from .base import RemoteNetAlgorithm, engine_callbacks, help_html
from .choices import ChoiceParameter
from .compat import NUMBER_DOUBLE, NUMBER_INTEGER, make_advanced
from .layer_files import class_field_parameter, labels_file, remove_folder

HELP_INTRO = QT_TRANSLATE_NOOP("TrainAlgorithm",
    "Trains a RemoteNet model on a raster layer and its labels, and writes a model file (.safetensors) that "
    "RemoteNet Segment reads. Chips are cut from the labelled area. To validate, whole labelled objects "
    "(polygons, or patches of a class raster) are held out so that every "
    "class with two or more objects has validation pixels, and no training chip holds a validation pixel. "
    "Training draws chips class by class, so rare classes count as much as common ones; the checkpoint with "
    "the best validation mIoU is kept, or, when validation is too small to choose one (a few polygons; the log "
    "says so, with its pixel counts), its objects are trained on too and the moving average of the weights at "
    "the end is kept. With the spectral head (SPECTRAL_HEAD), a per-pixel classifier is first fitted on every "
    "labelled pixel, and the network learns what it gets wrong. The model file carries the classes "
    "(values, names, colours), bands, normalisation "
    "(computed from the training pixels), tile size, pixel size, a description of the data and the "
    "validation metrics.")
HELP_PARAMETERS = [
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Input raster"), "INPUT",
     QT_TRANSLATE_NOOP("TrainAlgorithm", "the image to learn from (a raster file GDAL can read).")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Labels"), "LABELS",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "either a class raster (pixel values are the classes; 255 and nodata are unlabelled; other grids "
         "and CRSs are warped onto the image) or polygons with a class field (rasterised onto the image "
         "grid; reprojected when on another CRS). Polygons without a class field are one class (named after "
         "the layer) on a background class 0: building footprints, say.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Class field"), "CLASS_FIELD",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "polygons only: a whole-number field keeps its values as class values; a text field gives classes "
         "0..N-1 named by its values. Pixels outside polygons are unlabelled unless BACKGROUND is set.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Bands"), "BANDS",
     QT_TRANSLATE_NOOP("TrainAlgorithm", "the raster bands to learn from, in order. Default: all.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Tile size"), "TILE_SIZE",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "chip side in pixels (at least {min_tile}); also the tile size stored for Segment. 0 (the default): "
         "chosen from the raster's size and the spread of the labels (256 for a large scene with dense labels, "
         "128 or less for a small scene or a few polygons), and said in the log.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Epochs"), "EPOCHS",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "passes over the training chips; 0 (the default) = no epoch limit: the time budget decides.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Maximum minutes"), "MAX_MINUTES",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "time budget for the whole run, validation included; 0 = no limit. Training stops at whichever of "
         "EPOCHS and MAX_MINUTES is set and comes first (by default, after {minutes} minutes). Training "
         "stops in time and keeps the best checkpoint so far.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Batch size"), "BATCH_SIZE",
     QT_TRANSLATE_NOOP("TrainAlgorithm", "chips per step; lower it if memory runs out.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Device"), "DEVICE",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "Auto uses a CUDA GPU when present (bf16 mixed precision), else the CPU (fp32).")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Pretrained encoder"), "PRETRAINED_ENCODER",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "start the encoder from ImageNet weights (downloads them from the Hugging Face hub unless cached); "
         "off by default, nothing is downloaded.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Initial model"), "INITIAL_MODEL",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "optional; fine-tuning: start from this RemoteNet model file (.safetensors) instead of random weights. "
         "Its encoder is used (ENCODER does not apply; the log says so). It must take as many bands as the "
         "training uses (without BANDS: the bands it lists). Labels with its classes (values and names) continue "
         "with its classification head; other classes get a new head (the log names the re-initialised layers; "
         "rows of classes with the same name are kept), every other weight is the model's. Its normalisation is "
         "kept unless RECOMPUTE_NORMALISATION is on. The new model file names its parent (header initial_model: "
         "file name and SHA-256). Not with PRETRAINED_ENCODER or ENCODER_WEIGHTS.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Background class"), "BACKGROUND",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "advanced; with a class field, pixels outside the polygons become a 'background' class instead of "
         "unlabelled.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Validation fraction"), "VALIDATION_FRACTION",
     QT_TRANSLATE_NOOP("TrainAlgorithm", "advanced; share of the labelled pixels held out to validate, as whole "
                       "objects (at least one object of each class that has two).")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Learning rate"), "LEARNING_RATE",
     QT_TRANSLATE_NOOP("TrainAlgorithm", "advanced; AdamW peak learning rate (warm-up, then polynomial decay).")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Encoder"), "ENCODER",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "advanced; resnet18 (the default) is a CNN encoder feeding RemoteNet's decoder: faster on a CPU and "
         "learns more from random weights and few labels (on a held-out road scene, docs/training.md: road IoU "
         "0.55-0.57 after 8 minutes on 2 CPU cores); pvt_v2_b1 is the reference RemoteNet encoder. The model "
         "file records which one it is; Segment and Evaluate read either.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Spectral head"), "SPECTRAL_HEAD",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "advanced; on: a small per-pixel network over the band values (fitted first on every labelled pixel, as "
         "a random forest is) whose votes are added to the decoder's at full resolution; the decoder then learns "
         "what the spectrum alone gets wrong. It helps where a class is mostly its spectrum (a few polygons over "
         "a 10 or 30 m scene) and hurt on a 0.3 m road scene, where shapes matter (docs/training.md). off: the "
         "decoder alone, as in the reference. auto (the "
         "default): on for pixels of 2 m and coarser, or, where the pixel size in metres is unknown, for labels "
         "covering under a quarter of the raster; the log says which. With INITIAL_MODEL the initial model's "
         "design is kept.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Encoder weights file"), "ENCODER_WEIGHTS",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "advanced; optional local pretrained weights for the chosen encoder: timm's state_dict of that "
         "network (.safetensors, or .pth read as weights only). For machines that cannot download; do not "
         "combine with PRETRAINED_ENCODER.")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Recompute normalisation"), "RECOMPUTE_NORMALISATION",
     QT_TRANSLATE_NOOP("TrainAlgorithm",
         "advanced; with INITIAL_MODEL: compute the normalisation from the training pixels instead of keeping the "
         "initial model's (for imagery scaled differently from what it learned on).")),
    (QT_TRANSLATE_NOOP("TrainAlgorithm", "Model file"), "OUTPUT_MODEL",
     QT_TRANSLATE_NOOP("TrainAlgorithm", "the .safetensors model file to write.")),
]
HELP_OUTRO = QT_TRANSLATE_NOOP("TrainAlgorithm",
    "Training on a CPU is slow: expect minutes for a small scene. Needs torch, timm and safetensors in the "
    "Python that QGIS runs.")


# One rule stops training: the first of EPOCHS and MAX_MINUTES that is set. By default only the
# time budget is, so a user who gives minutes gets them all (the best checkpoint is what is kept).
DEFAULT_MINUTES = 10.0
# The encoder that learned most from random weights on a CPU in the default time (docs/training.md).
DEFAULT_TRAIN_ENCODER = "resnet18"
# The full-resolution per-pixel path to the head (model/spectral_head.py): auto, on or off
# (model/spectral_choice.py decides "auto"; docs/training.md measures it).
DEFAULT_SPECTRAL_HEAD = "auto"


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
    SPECTRAL_HEAD = "SPECTRAL_HEAD"
    INITIAL_MODEL = "INITIAL_MODEL"
    RECOMPUTE_NORMALISATION = "RECOMPUTE_NORMALISATION"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    # Choice parameters: the names they take, in the order of the old indexes.
    CHOICES = {DEVICE: DEVICES, ENCODER: ENCODER_NAMES, SPECTRAL_HEAD: SPECTRAL_CHOICES}

    def name(self) -> str:
        return "train"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("RemoteNet Train")

    def tags(self) -> list[str]:
        return self.tr("training,segmentation,deep learning,remotenet,model,labels").split(",")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Trains a RemoteNet model from a raster and labels (class raster or polygons).")

    def shortHelpString(self) -> str:  # noqa: N802
        return help_html(HELP_INTRO, HELP_PARAMETERS, HELP_OUTRO, choices=self.CHOICES, min_tile=MIN_TILE,
                         minutes=f"{DEFAULT_MINUTES:g}")

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
            self.TILE_SIZE, self.tr("Tile size (pixels; 0: chosen from the scene)"), NUMBER_INTEGER, defaultValue=0,
            minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.EPOCHS, self.tr("Epochs (0: no limit, the time budget decides)"), NUMBER_INTEGER, defaultValue=0,
            minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_MINUTES, self.tr("Maximum minutes (0: no limit)"), NUMBER_DOUBLE, defaultValue=DEFAULT_MINUTES,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.BATCH_SIZE, self.tr("Batch size (chips)"), NUMBER_INTEGER, defaultValue=4, minValue=1))
        self.addParameter(ChoiceParameter(self.DEVICE, self.tr("Device"), DEVICES, "auto"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.PRETRAINED_ENCODER, self.tr("Start from an ImageNet-pretrained encoder (downloads)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterFile(
            self.INITIAL_MODEL, self.tr("Initial model: fine-tune this RemoteNet model file (optional)"), optional=True,
            fileFilter=self.tr("RemoteNet model (*.safetensors)")))
        self.addParameter(make_advanced(QgsProcessingParameterBoolean(
            self.BACKGROUND, self.tr("Pixels outside polygons are a background class"), defaultValue=False)))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.VALIDATION_FRACTION, self.tr("Validation fraction"), NUMBER_DOUBLE, defaultValue=0.2,
            minValue=0.01, maxValue=0.9)))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.LEARNING_RATE, self.tr("Learning rate"), NUMBER_DOUBLE, defaultValue=6e-4, minValue=1e-7,
            maxValue=1.0)))
        self.addParameter(make_advanced(ChoiceParameter(self.ENCODER, self.tr("Encoder"), ENCODER_NAMES,
                                                        DEFAULT_TRAIN_ENCODER)))
        self.addParameter(make_advanced(ChoiceParameter(
            self.SPECTRAL_HEAD, self.tr("Spectral head: each pixel's bands straight to the classifier"),
            SPECTRAL_CHOICES, DEFAULT_SPECTRAL_HEAD)))
        self.addParameter(make_advanced(QgsProcessingParameterFile(
            self.ENCODER_WEIGHTS, self.tr("Encoder weights file (timm .safetensors or .pth)"), optional=True,
            fileFilter=self.tr("Weights (*.safetensors *.pth *.pt)"))))
        self.addParameter(make_advanced(QgsProcessingParameterBoolean(
            self.RECOMPUTE_NORMALISATION, self.tr("Recompute the initial model's normalisation from the training "
                                                  "pixels"), defaultValue=False, optional=True)))
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
            raise QgsProcessingException(self.tr(
                "INPUT: {value} is not a raster layer QGIS can open; choose a raster file (for example a GeoTIFF)"
            ).format(value=repr(parameters.get(self.INPUT))))
        if raster.providerType() != "gdal":
            raise QgsProcessingException(self.tr(
                "INPUT: layer '{layer}' comes from the '{provider}' provider; save it as a GeoTIFF first").format(
                layer=raster.name(), provider=raster.providerType()))
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context) or None
        labels, temporary = labels_file(self.parameterAsLayer(parameters, self.LABELS, context),
                                        parameters.get(self.LABELS), class_field, context, "LABELS",
                                        copy=not checking)
        plan = TrainPlan(raster=raster.source(), labels=labels, class_field=class_field, temporary=temporary)
        try:
            bands = self.parameterAsInts(parameters, self.BANDS, context) if parameters.get(self.BANDS) else []
            bad = [b for b in bands if not 1 <= b <= raster.bandCount()]
            if bad:
                raise QgsProcessingException(self.tr("BANDS: the raster has {count} band(s); it has no band {bands}")
                                             .format(count=raster.bandCount(), bands=", ".join(map(str, bad))))
            tile = self.parameterAsInt(parameters, self.TILE_SIZE, context)
            if 0 < tile < MIN_TILE:
                raise QgsProcessingException(self.tr("TILE_SIZE: {tile} is too small; use at least {minimum} pixels")
                                             .format(tile=tile, minimum=MIN_TILE))
            epochs = self.parameterAsInt(parameters, self.EPOCHS, context)
            minutes = self.parameterAsDouble(parameters, self.MAX_MINUTES, context)
            if epochs <= 0 and minutes <= 0:
                raise QgsProcessingException(self.tr("EPOCHS and MAX_MINUTES are both 0: nothing would stop the "
                                                     "training; set an epoch count, a time budget, or both"))
            batch = self.parameterAsInt(parameters, self.BATCH_SIZE, context)
            if batch < 1:
                raise QgsProcessingException(self.tr("BATCH_SIZE: {batch} must be at least 1 chip").format(batch=batch))
            self.output_files(parameters, QgsProcessingContext())  # checks the name
            encoder_weights = self.parameterAsFile(parameters, self.ENCODER_WEIGHTS, context) or None
            if encoder_weights and not os.path.isfile(encoder_weights):
                raise QgsProcessingException(self.tr(
                    "ENCODER_WEIGHTS: {path} is not a file; give timm's weights for the chosen encoder, or leave it "
                    "empty").format(path=encoder_weights))
            pretrained = self.parameterAsBoolean(parameters, self.PRETRAINED_ENCODER, context)
            if encoder_weights and pretrained:
                raise QgsProcessingException(self.tr("PRETRAINED_ENCODER and ENCODER_WEIGHTS both give starting "
                                                     "weights; turn PRETRAINED_ENCODER off to use the local file"))
            initial = self.parameterAsFile(parameters, self.INITIAL_MODEL, context) or None
            if initial:
                from ...model.fine_tune import InitialModelError, initial_header, training_bands

                if encoder_weights or pretrained:
                    raise QgsProcessingException(self.tr(
                        "INITIAL_MODEL: the initial model gives every starting weight; leave PRETRAINED_ENCODER off "
                        "and ENCODER_WEIGHTS empty"))
                try:
                    bands = training_bands(initial_header(initial), raster.bandCount(), bands)
                except InitialModelError as err:
                    raise QgsProcessingException(f"INITIAL_MODEL: {error_text(err)}") from err
            plan.options = {
                "bands": bands or None, "tile_size": tile or None, "epochs": epochs or None,
                "max_minutes": minutes or None, "batch_size": batch,
                "device": self.choice(parameters, self.DEVICE, context),
                "pretrained_encoder": pretrained,
                "encoder": self.choice(parameters, self.ENCODER, context),
                "encoder_weights": encoder_weights,
                "spectral_head": self.choice(parameters, self.SPECTRAL_HEAD, context),
                "background": True if self.parameterAsBoolean(parameters, self.BACKGROUND, context) else None,
                "val_fraction": self.parameterAsDouble(parameters, self.VALIDATION_FRACTION, context),
                "lr": self.parameterAsDouble(parameters, self.LEARNING_RATE, context),
                "initial_model": initial,
                "recompute_normalisation": self.parameterAsBoolean(parameters, self.RECOMPUTE_NORMALISATION, context),
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
            raise QgsProcessingException(self.tr("OUTPUT_MODEL: give a file name for the model (.safetensors)"))
        if not output.lower().endswith(".safetensors"):
            raise QgsProcessingException(self.tr("OUTPUT_MODEL: {path} must end in .safetensors (the model file "
                                                 "format)").format(path=output))
        return {self.OUTPUT_MODEL: output}

    def known_errors(self):
        from ...model import PretrainedWeightsUnavailable
        from ...model.fine_tune import InitialModelError
        from ...model.training import TrainingCancelled, TrainingError
        from ..engine.training.chips import TrainingDataError

        return (TrainingCancelled,), (TrainingError, TrainingDataError, PretrainedWeightsUnavailable,
                                      InitialModelError)

    def error_message(self, err: BaseException) -> str:
        from ...model.fine_tune import InitialModelError

        if isinstance(err, InitialModelError):
            return f"INITIAL_MODEL: {error_text(err)}"
        return super().error_message(err)

    def execute_plan(self, plan: TrainPlan, outputs, context, feedback) -> dict[str, Any]:
        configure_torch_threads(QgsApplication.maxThreads())
        from ...model.spectral_choice import choose_spectral_head
        from ...model.training import TrainConfig, TrainingCancelled, save_trained_model
        from ..engine.training.chips import prepare_training_chips

        _progress, is_cancelled, log = engine_callbacks(feedback)
        opts, output = plan.options, outputs[self.OUTPUT_MODEL]
        started = time.monotonic()
        feedback.setProgressText(self.tr("Reading the raster and labels"))
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
        start = None
        if opts["initial_model"]:  # fine-tuning: the network, its encoder and normalisation from that file
            from ...model.fine_tune import fine_tuned_header, start_from

            start = start_from(opts["initial_model"], chips.header, opts["recompute_normalisation"],
                               asked_encoder=opts["encoder"], log=log)
            chips.header = fine_tuned_header(chips.header, start)
        spectral = False
        if not start:
            spectral, why = choose_spectral_head(opts["spectral_head"], chips.header)
            log(why)
        config = TrainConfig(epochs=opts["epochs"], max_minutes=minutes, batch_size=opts["batch_size"],
                             lr=opts["lr"], device=opts["device"], pretrained_encoder=opts["pretrained_encoder"],
                             encoder=start.encoder if start else opts["encoder"],
                             encoder_weights=opts["encoder_weights"], spectral_head=spectral)
        result = chips.train(config, progress=_training_progress(feedback), is_cancelled=is_cancelled,
                             model=start.model if start else None, heads_trained=bool(start and start.head_kept))
        header = dict(chips.header)
        header["provenance"] = {**header.get("provenance", {}), "trainer": "remotenet:train"}
        os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
        written = save_trained_model(result, output, header)
        val = written["metrics"].get("validation", {})
        if val.get("miou") is None:
            feedback.pushInfo(self.tr(
                "Stopped by {stopped_by} after {steps} steps ({epochs} epochs, {seconds} s); no held-out "
                "validation score. Model written to {path}").format(
                stopped_by=result.stopped_by, steps=result.steps, epochs=f"{result.epochs:.2f}",
                seconds=f"{result.elapsed_s:.0f}", path=output))
        else:
            feedback.pushInfo(self.tr(
                "Stopped by {stopped_by} after {steps} steps ({epochs} epochs, {seconds} s); best validation mIoU "
                "{miou} at epoch {best_epoch}. Model written to {path}").format(
                stopped_by=result.stopped_by, steps=result.steps, epochs=f"{result.epochs:.2f}",
                seconds=f"{result.elapsed_s:.0f}", miou=val.get("miou"), best_epoch=f"{result.best_epoch:.2f}",
                path=output))
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
            text = (QCoreApplication.translate(
                        "TrainAlgorithm", "Training on {device} (bf16 mixed precision): {train} training and {val} "
                        "validation chips, {steps} steps per epoch") if info["amp"] else
                    QCoreApplication.translate(
                        "TrainAlgorithm", "Training on {device}: {train} training and {val} validation chips, "
                        "{steps} steps per epoch"))
            feedback.pushInfo(text.format(device=info["device"], train=info["train_chips"], val=info["val_chips"],
                                          steps=info["steps_per_epoch"]))
        elif event == "step":
            feedback.setProgress(5 + 94 * info["fraction"])
            if time.monotonic() - last_log[0] > 10:
                last_log[0] = time.monotonic()
                feedback.setProgressText(QCoreApplication.translate(
                    "TrainAlgorithm", "epoch {epoch}, step {step}, loss {loss}").format(
                    epoch=f"{info['epoch']:.2f}", step=info["step"], loss=f"{info['loss']:.4f}"))
        elif event == "checkpoint" and info.get("trained_on_validation"):
            feedback.pushInfo(QCoreApplication.translate(
                "TrainAlgorithm", "Validation is too small to choose a checkpoint ({pixels} validation pixels; per "
                "class {per_class}; needed: {min_pixels} in all and {min_class} per class): its objects are "
                "trained on as well, and the moving average of the weights at the end is kept. No held-out score "
                "is reported: score the model with RemoteNet Evaluate on other polygons.").format(
                pixels=info.get("val_pixels"), per_class=info.get("val_pixels_per_class"),
                min_pixels=info.get("min_pixels"), min_class=info.get("min_class_pixels")))
        elif event == "checkpoint":
            feedback.pushInfo(QCoreApplication.translate(
                "TrainAlgorithm", "Validation is too small to choose a checkpoint ({pixels} validation pixels; per "
                "class {per_class}; needed: {min_pixels} in all and {min_class} per class): the moving average "
                "of the weights at the end is kept.").format(
                pixels=info.get("val_pixels"), per_class=info.get("val_pixels_per_class"),
                min_pixels=info.get("min_pixels"), min_class=info.get("min_class_pixels"))
                if not info.get("asked") else QCoreApplication.translate(
                "TrainAlgorithm", "The weights at the end of training are kept (checkpoint rule 'last')."))
        elif event == "decoder_weight":
            from ...model.training.residual_weight import weight_summary  # torch is loaded by now

            text = (QCoreApplication.translate(
                "TrainAlgorithm", "Validation ({pixels} pixels) chose to keep {percent} % of the decoder's output "
                "beside the spectral head (mIoU {miou}; {whole} with all of it).")
                    if info["chosen_by"] == "validation" else QCoreApplication.translate(
                "TrainAlgorithm", "{percent} % of the decoder's output is kept beside the spectral head: with "
                "labels too few for validation to choose, the decoder learns the training polygons by their "
                "surroundings and would overrule the spectrum elsewhere."))
            feedback.pushInfo(text.format(**weight_summary(info)))
        elif event == "validation":
            text = (QCoreApplication.translate("TrainAlgorithm",
                                               "Validation at epoch {epoch}: mIoU {miou} (best so far)")
                    if info["improved"] else
                    QCoreApplication.translate("TrainAlgorithm", "Validation at epoch {epoch}: mIoU {miou}"))
            feedback.pushInfo(text.format(epoch=f"{info['epoch']:.2f}", miou=f"{info['miou']:.4f}"))

    return progress

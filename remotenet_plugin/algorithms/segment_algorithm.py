"""``remotenet:segment``: a thin Processing shell over the engine's ``segment``.

Parameters are checked (here, then by the engine's ``check_inputs``) before any work, with
messages that say what to change. The heavy imports (engine, torch) happen only once the
dependencies are known to be importable.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
    QgsRasterLayer,
)

from ..dependencies import configure_torch_threads
from ..styling import ClassStylePostProcessor, keep_alive, save_default_style_in_geopackage
from .base import (
    PLUGIN_ROOT,
    RemoteNetAlgorithm,
    engine_callbacks,
    help_html,
    remove_new_files,
    unexpected_failure,
)
from .compat import NUMBER_DOUBLE, NUMBER_INTEGER, TYPE_VECTOR_POLYGON, make_advanced

BUNDLED_MODEL = PLUGIN_ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors"
DEVICES = ["auto", "cuda", "cpu"]
PRECISIONS = ["auto", "fp32", "bf16", "fp16"]
RUNTIMES = ["auto", "torch", "openvino"]
MIN_TILE = 32
RASTER_EXTENSIONS = (".tif", ".tiff")


HELP_INTRO = (
    "Classifies every pixel of a raster layer with a RemoteNet network. Writes a styled class raster "
    "(GeoTIFF, UInt8, 255 = nodata) on the input's pixel grid, and optionally class polygons (GeoPackage) "
    "and a confidence raster."
)
HELP_PARAMETERS = [
    ("Input raster", "INPUT", "a raster file GDAL can read. Pixels that are nodata stay nodata; tiles made "
     "only of nodata are skipped."),
    ("Model file", "MODEL", "a RemoteNet model: <i>.safetensors</i> written by RemoteNet Train or "
     "remotenet.model.save_model. Its header says which bands it expects and in which order, how to scale "
     "and normalise pixels, the tile size it was trained at, and its classes with names and colours (used to "
     "style the outputs). Plain PyTorch state_dicts (.pth/.pt) load too, with default classes; no file can "
     "run code when loaded. {bundled}"),
    ("Bands", "BANDS", "the raster bands fed to the model, in order, as many as the model takes. "
     "Default: the band list in the model header."),
    ("Extent", "EXTENT", "classify only this part of the raster (on the input's pixel grid). "
     "Default: the whole raster."),
    ("Tile size", "TILE_SIZE", "advanced; pixels per tile side, at least {min_tile}. Default: the model's "
     "tile size. Smaller tiles need less memory."),
    ("Overlap", "OVERLAP", "advanced; pixels shared by neighbouring tiles, blended smoothly so seams don't "
     "show; less than half the tile size. Default: chosen from the tile size."),
    ("Batch size", "BATCH_SIZE", "advanced; tiles run together. Lower it if memory runs out."),
    ("Device", "DEVICE", "advanced; Auto uses a CUDA GPU when present, else the CPU. "
     "The log says which ran."),
    ("Precision", "PRECISION", "advanced; Auto runs half precision on a GPU (bf16, or fp16 where bf16 is "
     "missing) and, on CPUs with native bf16 (AVX-512 BF16 or AMX), bf16 with channels-last, about twice "
     "as fast as fp32 with the same class on over 99.5% of pixels; other CPUs use fp32. FP32 gives the "
     "plain full-precision answer everywhere; FP16 needs a GPU."),
    ("Runtime", "RUNTIME", "advanced; Auto runs the network with OpenVINO on the CPU when it is installed "
     "(pip install openvino; several times faster than PyTorch, same class on over 99.5% of pixels; converted "
     "once per model and tile size and kept in the user's cache folder), else with PyTorch, and always with "
     "PyTorch on a GPU. The log and the raster's REMOTENET_RUNTIME tag say which ran."),
    ("Test-time augmentation", "TTA", "advanced; also runs flipped tiles and averages the results: "
     "cleaner edges, several times slower."),
    ("Minimum polygon area", "MIN_AREA", "polygons smaller than this many square metres are dropped; "
     "0 keeps all."),
    ("Simplify tolerance", "SIMPLIFY", "simplifies polygon outlines by this distance in map units; "
     "0 keeps the pixel outlines."),
    ("Classified raster", "OUTPUT_RASTER", "GeoTIFF with a colour table, category names and a .qml "
     "style beside it."),
    ("Class polygons", "OUTPUT_VECTOR", "optional GeoPackage with fields class_id, class_name, area_m2 "
     "(and confidence when a confidence raster is written); its default style is stored in the GeoPackage."),
    ("Confidence raster", "OUTPUT_CONFIDENCE", "optional Float32 GeoTIFF with the winning class probability."),
]
HELP_OUTRO = "Needs the Python packages torch, timm and safetensors in the Python that QGIS runs."


def _gdal_opens(path: str, kind: int) -> bool:
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")  # our message replaces GDAL's
    try:  # GDAL raises instead of returning None where someone enabled gdal.UseExceptions()
        return gdal.OpenEx(path, kind) is not None
    except RuntimeError:
        return False
    finally:
        gdal.PopErrorHandler()


def bundled_model() -> str | None:
    return str(BUNDLED_MODEL) if BUNDLED_MODEL.is_file() else None


@dataclass
class SegmentPlan:
    """Everything the engine needs, resolved from the parameters (in the GUI thread)."""

    source: str
    model_path: str
    meta: dict[str, Any]
    output_raster: str
    output_vector: str | None
    output_confidence: str | None
    options: dict[str, Any] = field(default_factory=dict)

    def engine_options(self):
        from ..engine import SegmentOptions

        return SegmentOptions(output_vector=self.output_vector, output_confidence=self.output_confidence,
                              **self.options)


class SegmentAlgorithm(RemoteNetAlgorithm):
    INPUT = "INPUT"
    MODEL = "MODEL"
    BANDS = "BANDS"
    EXTENT = "EXTENT"
    TILE_SIZE = "TILE_SIZE"
    OVERLAP = "OVERLAP"
    BATCH_SIZE = "BATCH_SIZE"
    DEVICE = "DEVICE"
    TTA = "TTA"
    PRECISION = "PRECISION"
    RUNTIME = "RUNTIME"
    MIN_AREA = "MIN_AREA"
    SIMPLIFY = "SIMPLIFY"
    OUTPUT_RASTER = "OUTPUT_RASTER"
    OUTPUT_VECTOR = "OUTPUT_VECTOR"
    OUTPUT_CONFIDENCE = "OUTPUT_CONFIDENCE"

    def __init__(self) -> None:
        super().__init__()
        self._plan: SegmentPlan | None = None
        self._written: dict[str, str | None] = {}

    def name(self) -> str:
        return "segment"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("RemoteNet Segment")

    def tags(self) -> list[str]:
        return self.tr("segmentation,classification,deep learning,remotenet,land cover,buildings").split(",")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Classifies every pixel of a raster with a RemoteNet model; styled class raster and polygons.")

    def shortHelpString(self) -> str:  # noqa: N802
        bundled = ("When empty, the bundled demonstration model (buildings) is used." if bundled_model()
                   else "Required here: no demonstration model is bundled with this installation.")
        return self.tr(help_html(HELP_INTRO, HELP_PARAMETERS, HELP_OUTRO, bundled=bundled, min_tile=MIN_TILE))

    def initAlgorithm(self, config: dict | None = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Input raster")))
        self.addParameter(QgsProcessingParameterFile(
            self.MODEL, self.tr("Model file (.safetensors; empty: bundled demonstration model)"),
            defaultValue=bundled_model(), optional=True,
            fileFilter=self.tr("RemoteNet models (*.safetensors *.pth *.pt);;All files (*.*)")))
        self.addParameter(QgsProcessingParameterBand(
            self.BANDS, self.tr("Bands (default: from the model file)"), parentLayerParameterName=self.INPUT,
            optional=True, allowMultiple=True))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent (default: whole raster)"),
                                                       optional=True))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.TILE_SIZE, self.tr("Tile size in pixels (default: from the model file)"), NUMBER_INTEGER,
            optional=True, minValue=0)))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.OVERLAP, self.tr("Tile overlap in pixels (default: automatic)"), NUMBER_INTEGER,
            optional=True, minValue=0)))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.BATCH_SIZE, self.tr("Batch size (tiles)"), NUMBER_INTEGER, defaultValue=4, minValue=0)))
        self.addParameter(make_advanced(QgsProcessingParameterEnum(
            self.DEVICE, self.tr("Device"), options=[self.tr("Auto"), self.tr("CUDA"), self.tr("CPU")],
            defaultValue=0)))
        self.addParameter(make_advanced(QgsProcessingParameterEnum(
            self.PRECISION, self.tr("Precision"), options=[self.tr("Auto"), "FP32", "BF16", "FP16"],
            defaultValue=0)))
        self.addParameter(make_advanced(QgsProcessingParameterEnum(
            self.RUNTIME, self.tr("Runtime"), options=[self.tr("Auto"), "PyTorch", "OpenVINO"], defaultValue=0)))
        self.addParameter(make_advanced(QgsProcessingParameterBoolean(
            self.TTA, self.tr("Test-time augmentation (flips; slower)"), defaultValue=False)))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum polygon area (square metres)"), NUMBER_DOUBLE, defaultValue=0.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SIMPLIFY, self.tr("Simplify tolerance (map units)"), NUMBER_DOUBLE, defaultValue=0.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_RASTER, self.tr("Classified raster")))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT_VECTOR, self.tr("Class polygons"), type=TYPE_VECTOR_POLYGON, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CONFIDENCE, self.tr("Confidence raster"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString("DEVICE_USED", self.tr("Device that ran the model")))
        self.addOutput(QgsProcessingOutputNumber("TILES_TOTAL", self.tr("Tiles")))
        self.addOutput(QgsProcessingOutputNumber("TILES_SKIPPED_NODATA", self.tr("Tiles skipped as nodata")))

    # ----- checks --------------------------------------------------------------------------

    def checkParameterValues(self, parameters, context):  # noqa: N802
        # Our INPUT check first: Processing's own says "not found" even for a file that is not a raster.
        problem = self._input_file_problem(parameters.get(self.INPUT), context)
        if problem:
            return False, problem
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        try:
            self.require_dependencies()
            self._build_plan(parameters, context)
        except QgsProcessingException as err:
            return False, str(err)
        except Exception as err:  # noqa: BLE001 - the dialog must get a message, never a traceback
            return False, str(unexpected_failure("Checking the RemoteNet Segment parameters", err))
        return True, ""

    @staticmethod
    def _input_file_problem(value: Any, context) -> str | None:
        """Why INPUT, given as a file name, cannot be used; None when it can (or is a layer)."""
        if not isinstance(value, str) or not value.strip():
            return None
        if QgsProcessingUtils.mapLayerFromString(value, context, False) is not None:
            return None  # a layer of the project or context
        from osgeo import gdal

        path = value.split("|")[0]
        if _gdal_opens(path, gdal.OF_RASTER):
            return None
        if not path.startswith("/vsi") and not os.path.exists(path):
            return f"INPUT: {path} does not exist; choose an existing raster file"
        return (f"INPUT: {path} is not a raster GDAL can read; choose a raster file (for example a GeoTIFF)"
                + (" rather than a vector file" if _gdal_opens(path, gdal.OF_VECTOR) else ""))

    def _number(self, parameters, name: str, context, integer: bool) -> float | None:
        """The parameter's value, or None when it was left empty."""
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if integer:
            return self.parameterAsInt(parameters, name, context)
        return self.parameterAsDouble(parameters, name, context)

    def _model_path(self, parameters, context) -> str:
        path = self.parameterAsFile(parameters, self.MODEL, context)
        if not path:
            path = bundled_model() or ""
            if not path:
                raise QgsProcessingException(
                    "MODEL: no model file given and no bundled demonstration model found; pass MODEL=... "
                    "(a .safetensors file written by RemoteNet Train or remotenet.model.save_model)")
        if not os.path.isfile(path):
            raise QgsProcessingException(f"MODEL: the model file {path} does not exist; choose an existing "
                                         ".safetensors (or .pth) RemoteNet model file")
        return path

    def _raster_source(self, parameters, context) -> QgsRasterLayer:
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(
                f"INPUT: {parameters.get(self.INPUT)!r} is not a raster layer QGIS can open; choose a raster file "
                "(for example a GeoTIFF)")
        if layer.providerType() != "gdal":
            raise QgsProcessingException(
                f"INPUT: layer '{layer.name()}' comes from the '{layer.providerType()}' provider; RemoteNet reads "
                "raster files through GDAL: save the layer as a GeoTIFF first (Raster > Conversion > Translate)")
        return layer

    def _output(self, parameters, name: str, context, extensions: tuple[str, ...], what: str) -> str | None:
        value = parameters.get(name)
        if value is None or value == "":
            return None
        path = self.parameterAsOutputLayer(parameters, name, context)
        if not path:
            return None
        if not path.lower().endswith(extensions):
            raise QgsProcessingException(
                f"{name}: {path} is not a {what} file name; RemoteNet writes {what} "
                f"({' or '.join(extensions)}): change the file name's extension")
        return path

    def _build_plan(self, parameters, context) -> SegmentPlan:
        """Resolve and check every parameter; raises QgsProcessingException saying what to change."""
        layer = self._raster_source(parameters, context)
        model_path = self._model_path(parameters, context)

        from ...model import ModelFileError, read_metadata

        try:
            meta = read_metadata(model_path)
        except ModelFileError as err:
            raise QgsProcessingException(f"MODEL: {err}") from err
        except Exception as err:  # noqa: BLE001 - any unreadable file is the user's to fix, not a traceback
            raise QgsProcessingException(f"MODEL: {model_path} cannot be read as a RemoteNet model "
                                         f"({type(err).__name__}: {err})") from err

        band_count = layer.bandCount()
        wanted = int(meta["in_channels"])
        band_names = ", ".join(f"{b.get('index')}: {b.get('name')}" for b in meta.get("bands", []))
        bands = self.parameterAsInts(parameters, self.BANDS, context) if parameters.get(self.BANDS) else []
        if bands:
            bad = [b for b in bands if not 1 <= b <= band_count]
            if bad:
                raise QgsProcessingException(
                    f"BANDS: the raster has {band_count} band(s) (1..{band_count}); it has no band "
                    f"{', '.join(map(str, bad))}; choose bands that exist")
            if len(bands) != wanted:
                raise QgsProcessingException(
                    f"BANDS: the model takes {wanted} band(s) ({band_names}) but {len(bands)} were chosen; "
                    f"choose exactly {wanted}")
        else:
            default = [int(b["index"]) for b in meta.get("bands", [])]
            if len(default) != wanted or any(not 1 <= b <= band_count for b in default):
                raise QgsProcessingException(
                    f"The model expects {wanted} band(s) ({band_names}) but the raster has {band_count}; "
                    f"choose {wanted} of its bands with BANDS, or use a model made for {band_count}-band imagery")

        tile = self._number(parameters, self.TILE_SIZE, context, integer=True)
        if tile is not None and tile < MIN_TILE:
            raise QgsProcessingException(
                f"TILE_SIZE: {tile} is too small; use at least {MIN_TILE} pixels, or leave it empty to use the "
                f"model's tile size ({meta.get('tile_size')})")
        overlap = self._number(parameters, self.OVERLAP, context, integer=True)
        tile_for_overlap = tile or int(meta.get("tile_size") or 512)
        if overlap is not None and not 0 <= overlap < tile_for_overlap // 2:
            raise QgsProcessingException(
                f"OVERLAP: {overlap} must be at least 0 and less than half the tile size "
                f"({tile_for_overlap} px): use at most {tile_for_overlap // 2 - 1}")
        batch = self.parameterAsInt(parameters, self.BATCH_SIZE, context)
        if batch < 1:
            raise QgsProcessingException(f"BATCH_SIZE: {batch} must be at least 1 tile")
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        simplify = self.parameterAsDouble(parameters, self.SIMPLIFY, context)
        if min_area < 0 or simplify < 0:
            raise QgsProcessingException("MIN_AREA and SIMPLIFY must be 0 or more")

        extent = None
        if parameters.get(self.EXTENT):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context, layer.crs())
            if not rect.isNull() and not rect.isEmpty():
                if not rect.intersects(layer.extent()):
                    raise QgsProcessingException(
                        "EXTENT: the chosen extent does not overlap the input raster; choose an extent "
                        "inside it, or leave EXTENT empty for the whole raster")
                extent = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())

        plan = SegmentPlan(
            source=layer.source(),
            model_path=model_path,
            meta=meta,
            output_raster=self._output(parameters, self.OUTPUT_RASTER, context, RASTER_EXTENSIONS, "GeoTIFF"),
            output_vector=self._output(parameters, self.OUTPUT_VECTOR, context, (".gpkg",), "GeoPackage"),
            output_confidence=self._output(parameters, self.OUTPUT_CONFIDENCE, context, RASTER_EXTENSIONS,
                                           "GeoTIFF"),
            options={
                "bands": bands or None,
                "extent": extent,
                "tile_size": tile,
                "overlap": overlap,
                "batch_size": batch,
                "device": DEVICES[self.parameterAsEnum(parameters, self.DEVICE, context)],
                "precision": PRECISIONS[self.parameterAsEnum(parameters, self.PRECISION, context)],
                "tta": self.parameterAsBoolean(parameters, self.TTA, context),
                "runtime": RUNTIMES[self.parameterAsEnum(parameters, self.RUNTIME, context)],
                "min_area": min_area,
                "simplify": simplify,
            },
        )
        if not plan.output_raster:
            raise QgsProcessingException("OUTPUT_RASTER: give a GeoTIFF file name for the classified raster")

        from ..engine import EngineError, check_inputs

        try:
            check_inputs(plan.source, meta, plan.engine_options(), plan.output_raster)
        except EngineError as err:
            raise QgsProcessingException(str(err)) from err
        return plan

    # ----- running -------------------------------------------------------------------------

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802
        # Runs in the GUI thread: read the layer and the model header here, not in the worker.
        self.require_dependencies()
        self._plan = self._build_plan(parameters, context)
        return True

    def processAlgorithm(self, parameters, context, feedback) -> dict[str, Any]:  # noqa: N802
        plan = self._plan or self._build_plan(parameters, context)
        configure_torch_threads(QgsApplication.maxThreads())
        from ...model import ModelFileError
        from ..engine import EngineError, SegmentCancelled, segment, write_qml

        progress, is_cancelled, log = engine_callbacks(feedback)
        outputs = [plan.output_raster, plan.output_vector, plan.output_confidence]
        started = time.time()
        feedback.pushInfo(f"Model: {plan.model_path}")
        try:
            result = segment(plan.source, plan.model_path, plan.output_raster, plan.engine_options(),
                             progress=progress, is_cancelled=is_cancelled, log=log)
        except SegmentCancelled as err:
            remove_new_files(outputs, started)
            raise QgsProcessingException("RemoteNet Segment was cancelled; no outputs were written.") from err
        except (EngineError, ModelFileError) as err:
            remove_new_files(outputs, started)
            raise QgsProcessingException(str(err)) from err
        except Exception as err:  # noqa: BLE001 - report as a Processing error, never a raw traceback
            remove_new_files(outputs, started)
            raise unexpected_failure("RemoteNet Segment", err) from err

        feedback.pushInfo(
            f"Ran on {result.device} ({result.precision}); {result.tiles_total} tile(s), "
            f"{result.tiles_skipped_nodata} skipped as nodata; output {result.width} x {result.height} pixels")
        if getattr(result, "stage_seconds", None):
            stages = ", ".join(f"{k} {v:.1f} s" for k, v in result.stage_seconds.items())
            feedback.pushInfo(f"Time per stage: {stages}")
        classes = result.classes or plan.meta["classes"]
        qml = os.path.splitext(result.output_raster)[0] + ".qml"
        if not os.path.exists(qml):
            write_qml(result.output_raster, classes)
        if result.output_vector:
            problem = save_default_style_in_geopackage(result.output_vector, classes)
            if problem:
                feedback.pushWarning(f"The polygons were written but their style could not be stored: {problem}")
        self._written = {"raster": result.output_raster, "vector": result.output_vector, "classes": classes}
        return {
            self.OUTPUT_RASTER: result.output_raster,
            self.OUTPUT_VECTOR: result.output_vector,
            self.OUTPUT_CONFIDENCE: result.output_confidence,
            "DEVICE_USED": result.device,
            "TILES_TOTAL": result.tiles_total,
            "TILES_SKIPPED_NODATA": result.tiles_skipped_nodata,
        }

    def postProcessAlgorithm(self, context, feedback) -> dict[str, Any]:  # noqa: N802
        # GUI thread, before Processing loads the outputs: style them as they arrive.
        classes = self._written.get("classes")
        for key in ("raster", "vector"):
            path = self._written.get(key)
            if classes and path and context.willLoadLayerOnCompletion(path):
                details = context.layerToLoadOnCompletionDetails(path)
                details.setPostProcessor(keep_alive(ClassStylePostProcessor(classes)))
        return {}

"""``remotenet:segment``: a thin Processing shell over the engine's ``segment``.

The shell translates QGIS things (a layer into its file, enums into strings, an extent into the
raster's CRS) and declares limits that the dialog's widgets enforce; the engine's
``check_inputs`` is the one judge of the values (docs/architecture.md). Its errors name the
option at fault, shown here under the parameter's name.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsWkbTypes,
)

from ...model.messages import QT_TRANSLATE_NOOP
from ..dependencies import configure_torch_threads
from ..engine.base.options import DEFAULT_CHUNK_PX, DEVICES, MIN_TILE, PRECISIONS, RUNTIMES
from ..engine.prepare.check import MAX_BATCH
from ..engine.read.resample import METHODS as RESAMPLINGS
from ..styling import ClassStylePostProcessor, keep_alive, save_default_style_in_geopackage
from ..translation import error_text, translated
from .base import PLUGIN_ROOT, RemoteNetAlgorithm, engine_callbacks, help_html
from .choices import ChoiceParameter
from .compat import GEOMETRY_POLYGON, NUMBER_DOUBLE, NUMBER_INTEGER, TYPE_VECTOR_POLYGON, make_advanced

BUNDLED_MODEL = PLUGIN_ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors"


HELP_INTRO = QT_TRANSLATE_NOOP("SegmentAlgorithm",
    "Classifies every pixel of a raster layer with a RemoteNet network. Writes a styled class raster "
    "(GeoTIFF, UInt8, 255 = nodata) on the input's pixel grid, and optionally class polygons (GeoPackage) "
    "and a confidence raster.")
HELP_PARAMETERS = [
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Input raster"), "INPUT",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "a raster file GDAL can read. Pixels that are nodata stay nodata; tiles made only of nodata are "
         "skipped.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Model file"), "MODEL",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "a RemoteNet model: <i>.safetensors</i> written by RemoteNet Train or remotenet.model.save_model. "
         "Its header says which bands it expects and in which order, how to scale and normalise pixels, the "
         "tile size it was trained at, and its classes with names and colours (used to style the outputs). "
         "Plain PyTorch state_dicts (.pth/.pt) load too, with default classes; no file can run code when "
         "loaded. {bundled}")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Bands"), "BANDS",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "the raster bands fed to the model, in order, as many as the model takes. Default: the band list in "
         "the model header.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Extent"), "EXTENT",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "classify only this part of the raster (on the input's pixel grid). Default: the whole raster.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Mask"), "MASK",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "optional polygon layer: only pixels inside its polygons are classified (its selected features only "
         "when ticked; reprojected when on another CRS). Pixels outside are nodata (255) and get no polygons; "
         "tiles wholly outside are never read, so a small mask over a large raster runs in proportion to its "
         "area.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Processing resolution"), "RESOLUTION",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "the pixel size the model sees: <i>model</i> (default: the pixel size the model was trained at, from its "
         "file; the input's when the file does not say), <i>input</i> (the raster's own pixels) or a size in "
         "metres (for example 0.5; on a geographic raster, metres at the centre). A raster more than 10% away "
         "is resampled for the model (bilinear, or cubic), and the classes come back to the input's grid by "
         "nearest neighbour, so the outputs always line up with the input. Upsampling more than 8x is "
         "refused.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Resampling"), "RESAMPLING",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "advanced; how the image is resampled for the processing resolution: bilinear (default) or cubic. "
         "Classes are never interpolated.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Tile size"), "TILE_SIZE",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "advanced; pixels per tile side, at least {min_tile}. Default: the model's tile size, and a raster (or "
         "window) up to twice that size a side runs as one tile, without overlap or seams (not with int8). "
         "Smaller tiles need less memory.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Overlap"), "OVERLAP",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "advanced; pixels shared by neighbouring tiles, blended smoothly so seams don't show; less than "
         "half the tile size. Default: chosen from the tile size.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Batch size"), "BATCH_SIZE",
     QT_TRANSLATE_NOOP("SegmentAlgorithm", "advanced; tiles run together. Lower it if memory runs out.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Device"), "DEVICE",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "advanced; Auto uses a CUDA GPU when present, else the CPU. The log says which ran.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Precision"), "PRECISION",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "advanced; Auto runs half precision on a GPU (bf16, or fp16 where bf16 is missing) and, on CPUs "
         "with native bf16 (AVX-512 BF16 or AMX), bf16 with channels-last, about twice as fast as fp32 with "
         "the same class on over 99.5% of pixels; CPUs with AVX-VNNI but neither AVX-512 nor native bf16 "
         "use int8 when OpenVINO and NNCF are installed; other CPUs use fp32. FP32 gives the plain full-precision "
         "answer everywhere; FP16 needs a GPU; INT8 runs with OpenVINO on the CPU (pip install nncf), "
         "quantised once per model file on tiles of the first raster it runs on.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Runtime"), "RUNTIME",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "advanced; Auto runs the network with OpenVINO on the CPU when it is installed (pip install "
         "openvino; several times faster than PyTorch, same class on over 99.5% of pixels; converted once "
         "per model and tile size and kept in the user's cache folder), else with PyTorch, and always with "
         "PyTorch on a GPU. The log and the raster's REMOTENET_RUNTIME tag say which ran.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Chunk size"), "CHUNK_SIZE",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "advanced; a raster larger than this many pixels a side runs chunk by chunk: memory stays the same "
         "whatever the raster's size, the results are written as Cloud Optimized GeoTIFFs with overviews, "
         "and a run that was stopped by a crash resumes from its finished chunks when run again with the "
         "same inputs (they wait in a hidden folder beside the output). Rounded up to the tile stride.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Dask scheduler"), "DASK_SCHEDULER",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "advanced; the address of a Dask scheduler (tcp://host:8786 or tls://host:8786) to spread the "
         "chunks over its workers; empty runs in QGIS. Every worker needs this plugin's Python package and "
         "must reach the input, the model and the output folder under the same paths (docs/cluster.md). A "
         "scheduler runs whatever its clients send: only use one you trust, on a private network or with TLS.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Test-time augmentation"), "TTA",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "advanced; also runs flipped tiles and averages the results: cleaner edges, several times slower.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Minimum polygon area"), "MIN_AREA",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "polygons smaller than this many square metres are dropped; 0 keeps all.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Simplify tolerance"), "SIMPLIFY",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "simplifies polygon outlines by this distance in map units; 0 keeps the pixel outlines.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Classified raster"), "OUTPUT_RASTER",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "GeoTIFF with a colour table, category names and a .qml style beside it.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Class polygons"), "OUTPUT_VECTOR",
     QT_TRANSLATE_NOOP("SegmentAlgorithm",
         "optional GeoPackage with fields class_id, class_name, area_m2 (and mean_confidence when a "
         "confidence raster is written); its default style is stored in the GeoPackage.")),
    (QT_TRANSLATE_NOOP("SegmentAlgorithm", "Confidence raster"), "OUTPUT_CONFIDENCE",
     QT_TRANSLATE_NOOP("SegmentAlgorithm", "optional Float32 GeoTIFF with the winning class probability.")),
]
HELP_OUTRO = QT_TRANSLATE_NOOP("SegmentAlgorithm",
    "Needs the Python packages torch, timm and safetensors in the Python that QGIS runs.")


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
    """The engine's inputs resolved from the parameters (GUI thread); outputs come at run time."""

    source: str
    model_path: str
    meta: dict[str, Any] | None  # None for a PyTorch checkpoint: its header needs torch
    options: dict[str, Any]
    temporary: str | None = None  # a folder holding the mask's features as a GeoPackage


class SegmentAlgorithm(RemoteNetAlgorithm):
    INPUT = "INPUT"
    MODEL = "MODEL"
    BANDS = "BANDS"
    EXTENT = "EXTENT"
    MASK = "MASK"
    RESOLUTION = "RESOLUTION"
    RESAMPLING = "RESAMPLING"
    TILE_SIZE = "TILE_SIZE"
    OVERLAP = "OVERLAP"
    BATCH_SIZE = "BATCH_SIZE"
    DEVICE = "DEVICE"
    TTA = "TTA"
    PRECISION = "PRECISION"
    RUNTIME = "RUNTIME"
    CHUNK_SIZE = "CHUNK_SIZE"
    DASK_SCHEDULER = "DASK_SCHEDULER"
    MIN_AREA = "MIN_AREA"
    SIMPLIFY = "SIMPLIFY"
    OUTPUT_RASTER = "OUTPUT_RASTER"
    OUTPUT_VECTOR = "OUTPUT_VECTOR"
    OUTPUT_CONFIDENCE = "OUTPUT_CONFIDENCE"
    # Choice parameters: the names they take (the engine's), in the order of the old indexes.
    CHOICES = {DEVICE: DEVICES, PRECISION: PRECISIONS, RUNTIME: RUNTIMES, RESAMPLING: RESAMPLINGS}
    # The engine's option names (EngineError.field) as this algorithm's parameters.
    PARAMETER_OF_FIELD = {
        "source": INPUT, "model": MODEL, "bands": BANDS, "extent": EXTENT, "window": EXTENT,
        "tile_size": TILE_SIZE, "overlap": OVERLAP, "batch_size": BATCH_SIZE, "device": DEVICE,
        "precision": PRECISION, "runtime": RUNTIME, "min_area": MIN_AREA, "simplify": SIMPLIFY,
        "chunk_size": CHUNK_SIZE, "scheduler": DASK_SCHEDULER, "mask": MASK, "resolution": RESOLUTION,
        "resampling": RESAMPLING,
        "output_raster": OUTPUT_RASTER,
        "output_vector": OUTPUT_VECTOR, "output_confidence": OUTPUT_CONFIDENCE,
    }

    def __init__(self) -> None:
        super().__init__()
        self._written: dict[str, Any] = {}

    def name(self) -> str:
        return "segment"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("RemoteNet Segment")

    def tags(self) -> list[str]:
        return self.tr("segmentation,classification,deep learning,remotenet,land cover,buildings").split(",")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Classifies every pixel of a raster with a RemoteNet model; styled class raster and polygons.")

    def shortHelpString(self) -> str:  # noqa: N802
        bundled = (self.tr("When empty, the bundled demonstration model (buildings) is used.") if bundled_model()
                   else self.tr("Required here: no demonstration model is bundled with this installation."))
        return help_html(HELP_INTRO, HELP_PARAMETERS, HELP_OUTRO, choices=self.CHOICES, bundled=bundled,
                         min_tile=MIN_TILE)

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
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MASK, self.tr("Mask: classify only inside these polygons (optional)"), [TYPE_VECTOR_POLYGON],
            optional=True))
        # Optional with defaults, like every parameter added after the first release: a model saved
        # before it existed (.model3) still validates in the modeler.
        self.addParameter(QgsProcessingParameterString(
            self.RESOLUTION, self.tr("Processing resolution: model, input or metres"), defaultValue="model",
            optional=True))
        self.addParameter(make_advanced(ChoiceParameter(
            self.RESAMPLING, self.tr("Resampling of the image"), RESAMPLINGS, "bilinear", optional=True)))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.TILE_SIZE, self.tr("Tile size in pixels (default: from the model file)"), NUMBER_INTEGER,
            optional=True, minValue=MIN_TILE)))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.OVERLAP, self.tr("Tile overlap in pixels (default: automatic)"), NUMBER_INTEGER,
            optional=True, minValue=0)))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.BATCH_SIZE, self.tr("Batch size (tiles)"), NUMBER_INTEGER, defaultValue=4, minValue=1,
            maxValue=MAX_BATCH)))
        self.addParameter(make_advanced(ChoiceParameter(self.DEVICE, self.tr("Device"), DEVICES, "auto")))
        self.addParameter(make_advanced(ChoiceParameter(self.PRECISION, self.tr("Precision"), PRECISIONS, "auto")))
        self.addParameter(make_advanced(ChoiceParameter(
            self.RUNTIME, self.tr("Runtime"), RUNTIMES, "auto", aliases={"pytorch": "torch"})))
        self.addParameter(make_advanced(QgsProcessingParameterNumber(
            self.CHUNK_SIZE, self.tr("Chunk size in pixels (larger rasters run chunk by chunk, resumably)"),
            NUMBER_INTEGER, defaultValue=DEFAULT_CHUNK_PX, minValue=MIN_TILE)))
        self.addParameter(make_advanced(QgsProcessingParameterString(
            self.DASK_SCHEDULER, self.tr("Dask scheduler address (empty: run in QGIS)"), defaultValue="",
            optional=True)))
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
        self.addOutput(QgsProcessingOutputNumber("TILES_OUTSIDE_MASK", self.tr("Tiles skipped outside the mask")))

    # ----- from parameters to a plan (GUI thread, no torch) -----------------------------------

    def resolve(self, parameters, context, checking: bool) -> SegmentPlan:
        layer = self._raster_layer(parameters, context)
        model_path = self._model_path(parameters, context)
        meta = self._model_header(model_path)
        plan = SegmentPlan(source=layer.source(), model_path=model_path, meta=meta,
                           options=self._options(parameters, context, layer))
        from ..engine import EngineError, SegmentOptions, check_inputs

        try:
            plan.options["mask"], plan.temporary = self._mask_file(parameters, context)
            outputs = self.output_files(parameters, QgsProcessingContext())  # a scratch context: no layers to load
            check_inputs(plan.source, meta, SegmentOptions(output_vector=outputs[self.OUTPUT_VECTOR],
                                                           output_confidence=outputs[self.OUTPUT_CONFIDENCE],
                                                           **plan.options),
                         outputs[self.OUTPUT_RASTER])
        except EngineError as err:
            self.release(plan)
            raise QgsProcessingException(self.error_message(err)) from err
        except BaseException:
            self.release(plan)
            raise
        return plan

    def release(self, plan: SegmentPlan) -> None:
        if plan is not None and plan.temporary:
            shutil.rmtree(plan.temporary, ignore_errors=True)
            plan.temporary = None

    def _mask_file(self, parameters, context) -> tuple[str | None, str | None]:
        """The mask's polygons as a GeoPackage for the engine (selected features only when ticked, in the
        layer's own CRS: the engine reprojects), and the temporary folder holding it; (None, None) without."""
        if parameters.get(self.MASK) in (None, ""):
            return None, None
        source = self.parameterAsSource(parameters, self.MASK, context)
        if source is None:
            raise QgsProcessingException(self.tr(
                "MASK: {value} is not a vector layer QGIS can open; choose a polygon layer").format(
                value=repr(parameters.get(self.MASK))))
        if QgsWkbTypes.geometryType(source.wkbType()) != GEOMETRY_POLYGON:
            raise QgsProcessingException(self.tr(
                "MASK: '{layer}' holds {kind} geometries; choose a polygon layer").format(
                layer=source.sourceName(), kind=QgsWkbTypes.displayString(source.wkbType())))
        folder = tempfile.mkdtemp(prefix="remotenet_mask_")
        path = os.path.join(folder, "mask.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName, options.layerName = "GPKG", "mask"
        writer = QgsVectorFileWriter.create(path, source.fields(), source.wkbType(), source.sourceCrs(),
                                            context.transformContext(), options)
        try:
            if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
                raise QgsProcessingException(self.tr("MASK: cannot copy the mask's polygons: {error}").format(
                    error=writer.errorMessage()))
            for feature in source.getFeatures():
                writer.addFeature(feature)
            del writer
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return path, folder

    def _raster_layer(self, parameters, context) -> QgsRasterLayer:
        problem = self._input_file_problem(parameters.get(self.INPUT), context)
        if problem:
            raise QgsProcessingException(problem)
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(self.tr(
                "INPUT: {value} is not a raster layer QGIS can open; choose a raster file "
                "(for example a GeoTIFF)").format(value=repr(parameters.get(self.INPUT))))
        if layer.providerType() != "gdal":
            raise QgsProcessingException(self.tr(
                "INPUT: layer '{layer}' comes from the '{provider}' provider; RemoteNet reads "
                "raster files through GDAL: save the layer as a GeoTIFF first (Raster > Conversion > Translate)"
            ).format(layer=layer.name(), provider=layer.providerType()))
        return layer

    def _input_file_problem(self, value: Any, context) -> str | None:
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
            return self.tr("INPUT: {path} does not exist; choose an existing raster file").format(path=path)
        if _gdal_opens(path, gdal.OF_VECTOR):
            return self.tr("INPUT: {path} is not a raster GDAL can read; choose a raster file (for example a "
                           "GeoTIFF) rather than a vector file").format(path=path)
        return self.tr("INPUT: {path} is not a raster GDAL can read; choose a raster file (for example a "
                       "GeoTIFF)").format(path=path)

    def _model_path(self, parameters, context) -> str:
        path = self.parameterAsFile(parameters, self.MODEL, context)
        if not path:
            path = bundled_model() or ""
            if not path:
                raise QgsProcessingException(self.tr(
                    "MODEL: no model file given and no bundled demonstration model found; pass MODEL=... "
                    "(a .safetensors file written by RemoteNet Train or remotenet.model.save_model)"))
        if not os.path.isfile(path):
            raise QgsProcessingException(self.tr(
                "MODEL: the model file {path} does not exist; choose an existing "
                ".safetensors (or .pth) RemoteNet model file").format(path=path))
        return path

    def _model_header(self, model_path: str) -> dict[str, Any] | None:
        from ...model.header import ModelFileError, read_header

        try:
            return read_header(model_path)
        except ModelFileError as err:
            raise QgsProcessingException(f"MODEL: {error_text(err)}") from err
        except (OSError, ValueError) as err:  # any unreadable file is the user's to fix, not a traceback
            raise QgsProcessingException(self.tr("MODEL: {path} cannot be read as a RemoteNet model ({error})").format(
                path=model_path, error=f"{type(err).__name__}: {error_text(err)}")) from err

    def _number(self, parameters, name: str, context) -> int | None:
        """An optional whole-number parameter; None when it was left empty."""
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return self.parameterAsInt(parameters, name, context)

    def _options(self, parameters, context, layer: QgsRasterLayer) -> dict[str, Any]:
        """The engine's options, translated from QGIS values; the engine judges them."""
        extent = None
        if parameters.get(self.EXTENT):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context, layer.crs())
            if not rect.isNull():
                extent = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        return {
            "resolution": self.parameterAsString(parameters, self.RESOLUTION, context).strip() or "model",
            "resampling": self.choice(parameters, self.RESAMPLING, context),
            "bands": self.parameterAsInts(parameters, self.BANDS, context) if parameters.get(self.BANDS) else None,
            "extent": extent,
            "tile_size": self._number(parameters, self.TILE_SIZE, context),
            "overlap": self._number(parameters, self.OVERLAP, context),
            "batch_size": self.parameterAsInt(parameters, self.BATCH_SIZE, context),
            "device": self.choice(parameters, self.DEVICE, context),
            "precision": self.choice(parameters, self.PRECISION, context),
            "tta": self.parameterAsBoolean(parameters, self.TTA, context),
            "runtime": self.choice(parameters, self.RUNTIME, context),
            "chunk_size": self.parameterAsInt(parameters, self.CHUNK_SIZE, context),
            "scheduler": self.parameterAsString(parameters, self.DASK_SCHEDULER, context).strip() or None,
            "min_area": self.parameterAsDouble(parameters, self.MIN_AREA, context),
            "simplify": self.parameterAsDouble(parameters, self.SIMPLIFY, context),
        }

    def error_message(self, err: BaseException) -> str:
        field = getattr(err, "field", None)
        if field in self.PARAMETER_OF_FIELD:
            return f"{self.PARAMETER_OF_FIELD[field]}: {translated(err.detail)}"  # type: ignore[attr-defined]
        return error_text(err)

    # ----- running (worker thread) ---------------------------------------------------------------

    def output_files(self, parameters, context) -> dict[str, str | None]:
        """Output paths; with the run's context this registers them for loading into the project."""
        paths: dict[str, str | None] = {}
        for name in (self.OUTPUT_RASTER, self.OUTPUT_VECTOR, self.OUTPUT_CONFIDENCE):
            given = parameters.get(name) not in (None, "")
            paths[name] = (self.parameterAsOutputLayer(parameters, name, context) or None) if given else None
        return paths

    def known_errors(self):
        from ...model.header import ModelFileError
        from ..engine.base.options import EngineError, SegmentCancelled

        return (SegmentCancelled,), (EngineError, ModelFileError)

    def execute_plan(self, plan: SegmentPlan, outputs, context, feedback) -> dict[str, Any]:
        configure_torch_threads(QgsApplication.maxThreads())
        from ..engine import SegmentOptions, segment, write_qml

        progress, is_cancelled, log = engine_callbacks(feedback)
        options = SegmentOptions(output_vector=outputs[self.OUTPUT_VECTOR],
                                 output_confidence=outputs[self.OUTPUT_CONFIDENCE], **plan.options)
        feedback.pushInfo(self.tr("Model: {path}").format(path=plan.model_path))
        result = segment(plan.source, plan.model_path, outputs[self.OUTPUT_RASTER], options,
                         progress=progress, is_cancelled=is_cancelled, log=log)
        feedback.pushInfo(self.tr(
            "Ran on {device} ({precision}); {tiles} tile(s), {skipped} skipped as nodata; output {width} x "
            "{height} pixels").format(device=result.device, precision=result.precision, tiles=result.tiles_total,
                                      skipped=result.tiles_skipped_nodata, width=result.width, height=result.height)
            + (self.tr("; {chunks} chunks, {reused} reused from an interrupted run").format(
                chunks=result.chunks, reused=result.chunks_reused) if result.chunks > 1 else ""))
        if result.stage_seconds:
            stages = ", ".join(f"{k} {v:.1f} s" for k, v in result.stage_seconds.items())
            feedback.pushInfo(self.tr("Time per stage: {stages}").format(stages=stages))
        classes = result.classes
        qml = os.path.splitext(result.output_raster)[0] + ".qml"
        if not os.path.exists(qml):
            write_qml(result.output_raster, classes)
        if result.output_vector:
            problem = save_default_style_in_geopackage(result.output_vector, classes)
            if problem:
                feedback.pushWarning(self.tr("The polygons were written but their style could not be stored: "
                                             "{problem}").format(problem=problem))
        self._written = {"raster": result.output_raster, "vector": result.output_vector, "classes": classes}
        return {
            self.OUTPUT_RASTER: result.output_raster,
            self.OUTPUT_VECTOR: result.output_vector,
            self.OUTPUT_CONFIDENCE: result.output_confidence,
            "DEVICE_USED": result.device,
            "TILES_TOTAL": result.tiles_total,
            "TILES_SKIPPED_NODATA": result.tiles_skipped_nodata,
            "TILES_OUTSIDE_MASK": result.tiles_outside_mask,
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

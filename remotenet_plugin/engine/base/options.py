"""What a segment run is asked to do, what it reports back, and the errors it raises."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional, Union

from ....model.messages import QT_TRANSLATE_NOOP

ENGINE_VERSION = "0.1.0"

# The values a run accepts; the QGIS dialogs list the same ones (one owner: this module).
DEVICES = ("auto", "cuda", "cpu")
PRECISIONS = ("auto", "fp32", "bf16", "fp16", "int8")  # int8: OpenVINO + NNCF on the CPU
MIN_TILE = 32  # pixels; the network pads smaller inputs anyway, so smaller tiles only waste work
RUNTIMES = ("auto", "torch", "openvino")
DEFAULT_CHUNK_PX = 4096  # output pixels per chunk side (rounded up to the tile stride); see engine/scale/chunks.py
OPENVINO_MISSING = QT_TRANSLATE_NOOP(
    "RemoteNet", "'openvino' was asked for but OpenVINO is not installed in this Python; install it with `pip install "
    "openvino`, or choose the runtime Auto or PyTorch")
NNCF_MISSING = QT_TRANSLATE_NOOP(
    "RemoteNet", "'int8' needs NNCF, OpenVINO's quantisation tool, which is not installed in this Python; install it "
    "with `pip install nncf` (beside `openvino`), or choose the precision Auto, bf16 or fp32")


class EngineError(Exception):
    """Bad input or a failed run; the message says what is wrong and what to do.

    ``field`` names the option at fault ("tile_size", "bands", "output_vector"...) when there is
    one; the message then starts with it. Front ends show their own name for that option
    (QGIS: ``TILE_SIZE``) in front of ``detail``.
    """

    def __init__(self, detail: str, field: Optional[str] = None) -> None:
        super().__init__(f"{field}: {detail}" if field else detail)
        self.detail = detail
        self.field = field

    def __reduce__(self):  # keeps detail and field when a Dask worker's error travels to the client
        return type(self), (self.detail, self.field)


class SegmentCancelled(EngineError):
    """The caller cancelled the run; no output file was left behind."""


@dataclass
class SegmentOptions:
    bands: Optional[Sequence[int]] = None  # 1-based; None -> header's band indices if present, else first N
    window: Optional[tuple[int, int, int, int]] = None  # xoff, yoff, xsize, ysize in source pixels
    extent: Optional[tuple[float, float, float, float]] = None  # xmin, ymin, xmax, ymax in the source CRS
    tile_size: Optional[int] = None  # None -> header's tile_size
    overlap: Optional[int] = None  # None -> min(48, tile_size // 4): see check.DEFAULT_OVERLAP_PX
    batch_size: int = 4
    device: str = "auto"  # "auto" | "cuda" | "cpu"
    precision: str = "auto"  # "auto" | "fp32" | "bf16" | "fp16" | "int8" (OpenVINO on the CPU, with NNCF)
    tta: bool = False  # average probabilities over flips
    output_confidence: Optional[str] = None  # optional max-probability GeoTIFF
    output_vector: Optional[str] = None  # optional GeoPackage of class polygons
    min_area: float = 0.0  # m2; smaller patches are sieved into their neighbours first
    simplify: float = 0.0  # map units; 0 = no simplification
    # Additions beyond the first contract:
    blend: str = "smooth"  # "smooth" (weighted window) | "crop" (crop-and-paste, for comparisons)
    confidence_type: str = "float32"  # "float32" (0..1, nodata -1) | "uint8" (0..100 percent, nodata 255)
    vector_layer: Optional[str] = None  # GeoPackage layer name; None -> the file's stem
    runtime: str = "auto"  # "auto" (OpenVINO on the CPU when installed) | "torch" | "openvino"
    cache_dir: Optional[str] = None  # converted networks; None -> $REMOTENET_CACHE_DIR or the user cache
    # Scale (docs/cluster.md): rasters larger than one chunk run chunk by chunk, resumably.
    chunk_size: int = DEFAULT_CHUNK_PX  # pixels per chunk side, rounded up to a multiple of the tile stride
    scheduler: Optional[str] = None  # Dask scheduler address (tcp://host:8786, tls://...); None: this process
    # TLS files for a tls:// scheduler: {"ca_file": ..., "cert": ..., "key": ...}; None: distributed's own
    # configuration (DASK_DISTRIBUTED__COMM__TLS__* environment variables or ~/.config/dask).
    scheduler_tls: Optional[dict] = None
    # Processing resolution (read/resample.py): "model" (the header's gsd_m, when it has one), "input" (the
    # raster's own pixels) or a pixel size in metres; the classes come back to the input's grid.
    resolution: Optional[Union[str, float]] = "model"
    resampling: str = "bilinear"  # "bilinear" | "cubic": how the image is resampled (classes: always nearest)
    mask: Optional[str] = None  # a polygon vector file (its first layer): only pixels inside are classified


@dataclass
class SegmentResult:
    output_raster: str
    output_vector: Optional[str]
    output_confidence: Optional[str]
    device: str  # e.g. "cpu" or "cuda:0 (NVIDIA H200)"
    precision: str
    tiles_total: int
    tiles_skipped_nodata: int
    width: int
    height: int
    classes: list[dict]
    # Busy seconds per stage: read, infer, blend, write, polygonise (threads overlap, so they can sum
    # to more than "total"), plus "total" wall time and "wait_read" (network idle, waiting for tiles).
    stage_seconds: dict[str, float] = field(default_factory=dict)
    window: tuple[int, int, int, int] = (0, 0, 0, 0)  # the source window that was processed
    tile_size: int = 0
    overlap: int = 0
    batch_size: int = 0  # the batch size finally used (smaller after a CUDA out-of-memory fallback)
    polygons: int = 0
    output_qml: Optional[str] = None
    runtime: str = "torch"  # the runtime that ran the network: "torch" or "openvino"
    chunks: int = 1  # chunks the window was cut into (1: one piece, written directly)
    chunks_reused: int = 0  # chunks taken from an earlier, interrupted run
    tiles_outside_mask: int = 0  # tiles skipped unread because the mask layer does not reach them
    processed_size: tuple[int, int] = (0, 0)  # width, height of the grid the tiles ran on (resampled or not)
    processed_pixel_m: Optional[float] = None  # its pixel size in metres when resampled; None: the input's

"""The plan of a segment run: every choice resolved once from ``SegmentOptions`` and frozen, so the
stages after it take the values they need (a window, a batch size, an output path), never the
options bag. Small and picklable: a chunk job carries it to a Dask worker."""
from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Optional

from osgeo import gdal

from ..base.options import ENGINE_VERSION, SegmentOptions
from ..read.mask import MaskSpec, check_mask
from ..read.resample import Resolution, open_processing, resolve_resolution
from ..read.source import choose_bands, resolve_window
from ..read.tiling import TileGrid, one_tile_shape
from ..write.qml import qml_path_for
from .check import effective_tiling


@dataclass(frozen=True)
class ModelRef:
    """Which network runs: its file (None for an in-memory module), name and content hash."""

    path: Optional[str]
    name: str
    sha256: str  # "" for an in-memory module


@dataclass(frozen=True)
class Compute:
    """What runs the network, and how: as asked (a Dask worker decides again for its own hardware)
    and as chosen on this machine."""

    asked_device: str
    asked_precision: str
    asked_runtime: str
    device: str  # a torch device string: "cpu", "cuda:0"
    device_name: str  # for people: "cuda:0 (NVIDIA H200)"
    precision: str  # "fp32" | "bf16" | "fp16"
    runtime: str  # "torch" | "openvino"
    batch_size: int
    tta: bool
    cache_dir: Optional[str]  # converted networks (OpenVINO)


@dataclass(frozen=True)
class Outputs:
    """The files a run writes and how the polygons are made."""

    raster: str
    confidence: Optional[str]
    confidence_type: str  # "float32" | "uint8"
    vector: Optional[str]
    vector_layer: str
    min_area: float  # m2
    simplify: float  # map units

    @property
    def qml(self) -> str:
        return qml_path_for(self.raster)


@dataclass(frozen=True)
class Scale:
    """How a large window is cut and where its chunks run."""

    chunk_size: int
    scheduler: Optional[str]  # a Dask scheduler address; None: this process
    scheduler_tls: Optional[Mapping[str, str]]


@dataclass(frozen=True)
class Plan:
    source: str
    model: ModelRef
    classes: tuple[dict, ...]
    bands: tuple[int, ...]  # 1-based, in the order the network takes them
    window: tuple[int, int, int, int]  # xoff, yoff, xsize, ysize in source pixels
    tile_size: int
    overlap: int
    blend: str  # "smooth" | "crop"
    compute: Compute
    outputs: Outputs
    scale: Scale
    resolution: Resolution  # the pixel size the tiles run at; resampled: a grid of its own over the window
    mask: Optional[MaskSpec] = None  # only pixels inside these polygons are classified
    # A window up to twice the tile's side runs as one tile (read/tiling.py:one_tile_shape): the network's
    # input (height, width), the window padded up to a few sizes; tile_size is then its side and overlap 0.
    one_tile: Optional[tuple[int, int]] = None

    @property
    def read_window(self) -> tuple[int, int, int, int]:
        """The window in the dataset tiles are read from (``open_source``): the window itself, or all of
        the processing grid when resampled."""
        r = self.resolution
        return (0, 0, r.width, r.height) if r.resampled else self.window

    def open_source(self) -> gdal.Dataset:
        """The dataset tiles are read from: the source, or its warped VRT on the processing grid."""
        return open_processing(self.source, self.resolution)

    @cached_property
    def grid(self) -> TileGrid:
        """The one grid of overlapping tiles over the processed window (chunks are views of it)."""
        window = self.read_window
        return TileGrid(window[2], window[3], self.tile_size, self.overlap, self.blend)

    @property
    def network_input(self) -> tuple[int, int, int, int]:
        """(batch, bands, height, width) the network runs at (OpenVINO compiles this static shape): one tile's
        padded shape, or the grid's tiles; no more tiles to a batch than the grid has (a padded batch of a
        one- or two-tile run would compute the padding)."""
        grid = self.grid
        height, width = self.one_tile or (grid.th, grid.tw)
        return max(1, min(self.compute.batch_size, len(grid))), len(self.bands), height, width

    def __getstate__(self) -> dict[str, Any]:  # the grid is rebuilt where it is needed, not shipped
        state = dict(self.__dict__)
        state.pop("grid", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def tags(self, runtime_name: str) -> dict[str, str]:
        """Provenance written into the output rasters' metadata."""
        return {
            "REMOTENET_VERSION": ENGINE_VERSION,
            "REMOTENET_MODEL": self.model.name,
            "REMOTENET_MODEL_SHA256": self.model.sha256,
            "REMOTENET_DEVICE": self.compute.device_name,
            "REMOTENET_PRECISION": self.compute.precision,
            "REMOTENET_RUNTIME": runtime_name,
            "REMOTENET_TILE_SIZE": str(self.tile_size),
            "REMOTENET_OVERLAP": str(self.overlap),
            "REMOTENET_BLEND": self.blend,
            "REMOTENET_TILING": (f"one tile, network input {self.one_tile[1]}x{self.one_tile[0]}" if self.one_tile
                                 else "grid"),
            "REMOTENET_TTA": "yes" if self.compute.tta else "no",
            "REMOTENET_SOURCE": os.path.basename(self.source),
            "REMOTENET_BANDS": ",".join(str(b) for b in self.bands),
            "REMOTENET_WINDOW": ",".join(str(v) for v in self.window),
            "REMOTENET_RESOLUTION": (f"{self.resolution.target_m:g} m ({self.resolution.method})"
                                     if self.resolution.resampled else "input"),
            "REMOTENET_CLASSES": json.dumps([{"value": c["value"], "name": c["name"]} for c in self.classes]),
            "REMOTENET_CREATED": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        }


def plan_from_options(options: SegmentOptions, *, source: str, output_raster: str, model: ModelRef, meta: dict,
                      ds: gdal.Dataset, device: str, device_name: str, precision: str, runtime: str) -> Plan:
    """The options bag read once: bands, window and tiling resolved against the raster and the model's
    header, with the device, precision and runtime ``prepare`` chose for this machine."""
    tile_size, overlap = effective_tiling(meta, options.tile_size, options.overlap)
    outputs = Outputs(
        raster=output_raster, confidence=options.output_confidence, confidence_type=options.confidence_type,
        vector=options.output_vector,
        vector_layer=options.vector_layer or (Path(options.output_vector).stem if options.output_vector else ""),
        min_area=float(options.min_area), simplify=float(options.simplify))
    compute = Compute(
        asked_device=options.device, asked_precision=options.precision, asked_runtime=options.runtime,
        device=device, device_name=device_name, precision=precision, runtime=runtime,
        batch_size=int(options.batch_size), tta=bool(options.tta), cache_dir=options.cache_dir)
    scale = Scale(chunk_size=options.chunk_size, scheduler=options.scheduler,
                  scheduler_tls=dict(options.scheduler_tls) if options.scheduler_tls else None)
    window = tuple(resolve_window(ds, options.window, options.extent))
    resolution = resolve_resolution(ds, window, meta, options.resolution, options.resampling)
    width, height = (resolution.width, resolution.height) if resolution.resampled else window[2:]
    # One tile for a small window, only with the model's own tile size: a tile size the user set is how much
    # the network may see at once (GPU memory, the context a model was trained for, a tiled result to compare),
    # and a chunk size under the window asks for pieces. Not int8: its quantisation ranges and agreement check
    # hold for the model's tile (one 512 px tile quantised agreed with f32 on 97.9 % of its calibration pixels,
    # 256 px tiles on 99.9 %: docs/performance.md).
    one_tile = None
    if options.tile_size is None and precision != "int8" and max(width, height) <= options.chunk_size:
        one_tile = one_tile_shape(width, height, tile_size, compute.batch_size)
        if one_tile is not None:
            tile_size, overlap = max(one_tile), 0
    return Plan(source=source, model=model, classes=tuple(meta["classes"]),
                bands=tuple(choose_bands(ds, meta, options.bands)),
                window=window, tile_size=tile_size,
                overlap=overlap, blend=options.blend, compute=compute, outputs=outputs, scale=scale,
                resolution=resolution, mask=check_mask(options.mask, ds, window) if options.mask else None,
                one_tile=one_tile)

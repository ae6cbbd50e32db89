"""Processing resolution: the window seen at the model's pixel size, and back.

A model learns objects at the pixel size it was trained at (its header's ``gsd_m``). A raster at
another pixel size is read through a warped VRT over the window at the processing pixel size
(bilinear or cubic for the image; GDAL warps block by block as tiles are read, so nothing is held
whole), the tiles run on that grid, and the classes (and confidence) come back to the input's
grid with nearest neighbour (``regrid``), so the result lines up with the layer the user chose.
Within ``SAME_SIZE`` of the input's pixel size nothing is resampled: the plain path reads the
source itself. See docs/architecture.md ("Processing resolution").
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional, Union

from osgeo import gdal

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.options import EngineError
from .source import dataset_srs, open_raster, window_geotransform

SAME_SIZE = 0.10  # within 10 % of the input's pixel size: no resampling
MAX_UPSAMPLING = 8.0  # a processing pixel at least 1/8 of the input's (the work grows with the square)
METHODS = ("bilinear", "cubic")
EARTH_RADIUS_M = 6371008.8


@dataclass(frozen=True)
class Resolution:
    """The pixel size a run processes at, and why. ``geotransform`` is None when the window is read
    as it is (no resampling); otherwise it is the processing grid's, ``width`` x ``height`` pixels,
    covering the window (the last column and row may reach a little past it)."""

    asked: str  # "model" | "input" | a number of metres, as text
    reason: str  # "input", "same", "model", "value", "no_gsd", "no_size", "rotated"
    input_m: Optional[float]  # the input's pixel size in metres at the window's centre (None: unknown)
    model_m: Optional[float]  # the model header's gsd_m
    target_m: Optional[float]  # the pixel size processed at, metres (None: the input's)
    method: str = "bilinear"
    width: int = 0
    height: int = 0
    geotransform: Optional[tuple[float, ...]] = None
    input_geotransform: Optional[tuple[float, ...]] = None  # the window's own grid (where the outputs go)

    @property
    def resampled(self) -> bool:
        return self.geotransform is not None

    @property
    def factor(self) -> float:
        """Processing pixel size over the input's (2.0: half as many pixels a side)."""
        return self.target_m / self.input_m if self.resampled and self.input_m else 1.0


def pixel_size_m(ds: gdal.Dataset, window: tuple[int, int, int, int]) -> Optional[float]:
    """The window's pixel size in metres: exact on a projected grid; on a geographic one the mean of
    the east-west and north-south sizes at the window's centre (a spherical earth), as a model
    header's ``gsd_m`` is recorded. None without a CRS or a geotransform."""
    srs = dataset_srs(ds)
    gt = ds.GetGeoTransform(can_return_null=True)
    if srs is None or gt is None:
        return None
    if srs.IsProjected():
        return float(math.hypot(gt[1], gt[4])) * float(srs.GetLinearUnits())
    if not srs.IsGeographic():
        return None
    metres_per_unit = EARTH_RADIUS_M * float(srs.GetAngularUnits())
    cx, cy = window[0] + window[2] / 2, window[1] + window[3] / 2
    lat = gt[3] + gt[4] * cx + gt[5] * cy
    east_west = math.hypot(gt[1], gt[4]) * metres_per_unit * math.cos(math.radians(lat))
    north_south = math.hypot(gt[2], gt[5]) * metres_per_unit
    return (east_west + north_south) / 2


def parse_resolution(value: Union[None, str, float, int]) -> Union[str, float]:
    """"model", "input" or a pixel size in metres (> 0); EngineError naming ``resolution`` otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "model"
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("model", "input"):
            return text
        text = text[:-1].strip() if text.endswith("m") else text
        try:
            number = float(text)
        except ValueError:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{value!r} is not model, input or a pixel size in metres (for example 0.5)").format(
                value=value), "resolution") from None
    elif isinstance(value, bool):
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{value!r} is not model, input or a pixel size in metres (for example 0.5)").format(
            value=value), "resolution")
    else:
        number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{value} is not a pixel size: give a number of metres above 0 (for example 0.5), or model, "
            "or input").format(value=value), "resolution")
    return number


def resolve_resolution(ds: gdal.Dataset, window: tuple[int, int, int, int], meta: dict[str, Any],
                       asked: Union[None, str, float, int], method: str = "bilinear") -> Resolution:
    """The processing grid for ``asked`` over ``window``; refuses sizes it cannot honour."""
    wanted = parse_resolution(asked)
    if method not in METHODS:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{method!r} is not one of {methods}").format(method=method, methods=", ".join(METHODS)),
            "resampling")
    text = wanted if isinstance(wanted, str) else f"{wanted:g}"
    model_m = meta.get("gsd_m")
    model_m = float(model_m) if isinstance(model_m, (int, float)) and model_m > 0 else None
    input_m = pixel_size_m(ds, window)
    plain = dict(asked=text, input_m=input_m, model_m=model_m, target_m=None, method=method)
    if wanted == "input":
        return Resolution(reason="input", **plain)
    if wanted == "model" and model_m is None:
        return Resolution(reason="no_gsd", **plain)
    if input_m is None:
        if wanted == "model":
            return Resolution(reason="no_size", **plain)
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster has no CRS or georeferencing, so its pixel size in metres is unknown; give input "
            "(or model) instead of a size in metres"), "resolution")
    gt = ds.GetGeoTransform()
    target_m = model_m if wanted == "model" else float(wanted)
    reason = "model" if wanted == "model" else "value"
    if abs(target_m / input_m - 1.0) <= SAME_SIZE:
        return Resolution(reason="same", **{**plain, "target_m": target_m})
    if gt[2] != 0 or gt[4] != 0:
        if wanted == "model":
            return Resolution(reason="rotated", **plain)
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster's geotransform is rotated or sheared, so it cannot be resampled; give input "
            "instead of a size in metres"), "resolution")
    if input_m / target_m > MAX_UPSAMPLING:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{target:g} m pixels would upsample the raster's {input:.3g} m pixels {factor:.3g}x (at "
            "most {max:g}x: it invents detail and multiplies the work by the square); give input to run at the "
            "raster's own pixel size, or a size of at least {least:.3g} m").format(
            target=target_m, input=input_m, factor=input_m / target_m, max=MAX_UPSAMPLING,
            least=input_m / MAX_UPSAMPLING), "resolution")
    factor = target_m / input_m
    input_gt = tuple(window_geotransform(ds, window))
    x0, px, _rx, y0, _ry, py = input_gt
    eps = 1e-9
    width = max(1, math.ceil(window[2] / factor - eps))
    height = max(1, math.ceil(window[3] / factor - eps))
    return Resolution(asked=text, reason=reason, input_m=input_m, model_m=model_m, target_m=target_m,
                      method=method, width=width, height=height,
                      geotransform=(x0, px * factor, 0.0, y0, 0.0, py * factor), input_geotransform=input_gt)


def describe_resolution(resolution: Resolution) -> str:
    """One log line: the pixel size processed at and why."""
    r = resolution
    if r.reason == "input":
        return QT_TRANSLATE_NOOP("RemoteNet", "resolution: the input's own pixels, as asked, no resampling")
    if r.reason == "no_gsd":
        return QT_TRANSLATE_NOOP(
            "RemoteNet", "resolution: the model file does not say its pixel size (gsd_m): the input's own pixels, "
            "no resampling")
    if r.reason == "no_size":
        return QT_TRANSLATE_NOOP(
            "RemoteNet", "resolution: the raster has no CRS, so its pixel size in metres is unknown: the input's own "
            "pixels, no resampling")
    if r.reason == "rotated":
        return QT_TRANSLATE_NOOP(
            "RemoteNet", "resolution: the raster's geotransform is rotated: the input's own pixels, no resampling "
            "(the model works at {model:g} m)").format(model=r.model_m)
    if r.reason == "same":
        return QT_TRANSLATE_NOOP(
            "RemoteNet", "resolution: the input's {input:.3g} m pixels are within 10 % of {target:g} m: no "
            "resampling").format(input=r.input_m, target=r.target_m)
    return QT_TRANSLATE_NOOP(
        "RemoteNet", "resolution: the input's {input:.3g} m pixels resampled ({method}) to {target:g} m ({why}), "
        "{width} x {height} px processed; classes come back to the input's grid by nearest neighbour").format(
        input=r.input_m, method=r.method, target=r.target_m,
        why=("the model's pixel size" if r.reason == "model" else "as asked"), width=r.width, height=r.height)


def open_processing(source: str, resolution: Resolution) -> gdal.Dataset:
    """The dataset tiles are read from: the source itself, or a warped VRT of it on the processing grid
    (an alpha band marks what lies outside the source or was nodata there). Each reading thread opens
    its own."""
    ds = open_raster(source)
    if not resolution.resampled:
        return ds
    x0, px, _rx, y0, _ry, py = resolution.geotransform
    x1, y1 = x0 + px * resolution.width, y0 + py * resolution.height
    warped = gdal.Warp("", ds, format="VRT", outputBounds=(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)),
                       width=resolution.width, height=resolution.height, resampleAlg=resolution.method,
                       dstAlpha=True)
    if warped is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "cannot resample {source} to {target:g} m pixels: {gdal_error}").format(
            source=source, target=resolution.target_m, gdal_error=gdal.GetLastErrorMsg()), "resolution")
    return warped


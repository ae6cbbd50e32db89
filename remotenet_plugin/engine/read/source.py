"""The source raster: opening, band choice, the processed window, and reading normalised tiles."""
from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
from osgeo import gdal, osr

from ....model.messages import QT_TRANSLATE_NOOP
from ....model.metadata import normalisation_affine
from ..base.options import EngineError

READ_HINT = "; the file may be truncated or damaged: check it with gdalinfo -checksum, or copy it again"
SUPPORTED_TYPES = {gdal.GDT_Byte, gdal.GDT_UInt16, gdal.GDT_Int16, gdal.GDT_UInt32, gdal.GDT_Int32,
                   gdal.GDT_Float32, gdal.GDT_Float64}


def open_raster(path: str) -> gdal.Dataset:
    """Open read-only without printing GDAL errors; EngineError when it is not a raster."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.OpenEx(str(path), gdal.OF_RASTER | gdal.OF_READONLY)
    except RuntimeError:  # when some other code turned GDAL exceptions on
        ds = None
    finally:
        msg = gdal.GetLastErrorMsg()
        gdal.PopErrorHandler()
    # A plain path that is not there (not /vsi..., not a driver's PREFIX:... string): say so plainly.
    if ds is None and not re.match(r"/vsi|[A-Z0-9_]{2,}:", str(path)) and not os.path.exists(path):
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path} cannot be opened as a raster: there is no such file; check the path").format(
            path=path), "source")
    if ds is None or ds.RasterCount < 1:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path} cannot be opened as a raster ({msg}); choose a raster file GDAL can read").format(
            path=path, msg=msg or 'no raster bands'), "source")
    return ds


def choose_bands(ds: gdal.Dataset, meta: dict[str, Any], bands: Optional[Sequence[int]]) -> list[int]:
    """The 1-based source bands fed to the network, checked against the raster and the header.

    Without ``bands``, the header's band list is used as it is: a model whose bands the raster
    lacks is refused rather than fed other bands.
    """
    count, needed = ds.RasterCount, int(meta["in_channels"])
    described = ", ".join(f"{b.get('index')}: {b.get('name')}" for b in meta.get("bands", []))
    if bands is not None:
        chosen = [int(b) for b in bands]
        bad = [b for b in chosen if not 1 <= b <= count]
        if bad:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the raster has {count} band(s) (1..{count}); it has no band {bad}; choose bands that "
                "exist").format(count=count, bad=', '.join(map(str, bad))), "bands")
        if len(chosen) != needed:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the model takes {needed} band(s) ({described}) but {chosen_count} were chosen; choose "
                "exactly {needed}").format(needed=needed, described=described, chosen_count=len(chosen)), "bands")
    else:
        chosen = [int(b["index"]) for b in meta.get("bands", [])] or list(range(1, needed + 1))
        if len(chosen) != needed or any(not 1 <= b <= count for b in chosen):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the model expects {needed} band(s) ({described}) but the raster has {count}; choose "
                "{needed} of its bands, or use a model made for {count}-band imagery").format(
                needed=needed, described=described, count=count),
                              "bands")
    for b in chosen:
        dtype = ds.GetRasterBand(b).DataType
        if dtype not in SUPPORTED_TYPES:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "band {b} has data type {dtype}, which is not supported; convert it to a real type "
                "first (gdal_translate -ot Float32)").format(b=b, dtype=gdal.GetDataTypeName(dtype)), "bands")
    return chosen


def resolve_window(ds: gdal.Dataset, window: Optional[Sequence[int]],
                   extent: Optional[Sequence[float]]) -> tuple[int, int, int, int]:
    """(xoff, yoff, xsize, ysize) inside the raster, from a pixel window, a map extent or the whole."""
    width, height = ds.RasterXSize, ds.RasterYSize
    if window is not None and extent is not None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "give either a pixel window or a map extent, not both"), "window")
    if window is not None:
        if len(window) != 4:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{window} must be (xoff, yoff, xsize, ysize)").format(window=tuple(window)), "window")
        xoff, yoff, xsize, ysize = (int(v) for v in window)
        if xsize < 1 or ysize < 1:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{window}: xsize and ysize must be at least 1").format(window=tuple(window)), "window")
        x0, y0, x1, y1 = max(xoff, 0), max(yoff, 0), min(xoff + xsize, width), min(yoff + ysize, height)
        if x0 >= x1 or y0 >= y1:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "{window} does not intersect the raster ({width} x {height} pixels)").format(
                window=tuple(window), width=width, height=height), "window")
        return x0, y0, x1 - x0, y1 - y0
    if extent is not None:
        return _extent_to_window(ds, extent)
    return 0, 0, width, height


def _extent_to_window(ds: gdal.Dataset, extent: Sequence[float]) -> tuple[int, int, int, int]:
    if len(extent) != 4:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{extent} must be (xmin, ymin, xmax, ymax)").format(extent=tuple(extent)), "extent")
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    if not (xmin < xmax and ymin < ymax):
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{extent} is empty: need xmin < xmax and ymin < ymax").format(
            extent=tuple(extent)), "extent")
    gt = ds.GetGeoTransform(can_return_null=True)
    if gt is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the raster has no georeferencing, so a map extent cannot be placed on it; give a pixel "
            "window instead"), "extent")
    inv = gdal.InvGeoTransform(gt)
    cols, rows = [], []
    for x, y in ((xmin, ymin), (xmin, ymax), (xmax, ymin), (xmax, ymax)):
        px, py = gdal.ApplyGeoTransform(inv, x, y)
        cols.append(px)
        rows.append(py)
    eps = 1e-6  # extents that sit on pixel edges must not grow by a pixel through rounding noise
    x0, x1 = math.floor(min(cols) + eps), math.ceil(max(cols) - eps)
    y0, y1 = math.floor(min(rows) + eps), math.ceil(max(rows) - eps)
    x0, y0 = max(x0, 0), max(y0, 0)
    x1, y1 = min(x1, ds.RasterXSize), min(y1, ds.RasterYSize)
    if x0 >= x1 or y0 >= y1:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{extent} does not overlap the raster; choose an extent inside it (in the raster's CRS), "
            "or none for the whole raster").format(extent=tuple(extent)), "extent")
    return x0, y0, x1 - x0, y1 - y0


def dataset_srs(ds: gdal.Dataset) -> Optional[osr.SpatialReference]:
    """The raster's CRS, or None when it has none."""
    wkt = ds.GetProjection()
    if not wkt:
        return None
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    return srs


def window_geotransform(ds: gdal.Dataset, window: tuple[int, int, int, int]) -> Optional[tuple[float, ...]]:
    """The geotransform of a window, or None when the source has none."""
    gt = ds.GetGeoTransform(can_return_null=True)
    if gt is None:
        return None
    xoff, yoff = window[0], window[1]
    return (gt[0] + xoff * gt[1] + yoff * gt[2], gt[1], gt[2],
            gt[3] + xoff * gt[4] + yoff * gt[5], gt[4], gt[5])


@dataclass
class Normaliser:
    """normalised = ((pixel - offset) / scale - mean) / std, per band, as the model header says."""
    a: np.ndarray  # per-band multiplier, shape (C, 1, 1)
    b: np.ndarray  # per-band addend

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> Normaliser:
        a, b = normalisation_affine(meta["input"])
        return cls(np.asarray(a, dtype=np.float32)[:, None, None], np.asarray(b, dtype=np.float32)[:, None, None])

    def __call__(self, pixels: np.ndarray, out: np.ndarray) -> None:
        np.multiply(pixels, self.a, out=out, casting="unsafe")
        out += self.b


class TileReader:
    """Reads tiles of the chosen bands and their validity mask through GDAL windows.

    A pixel is nodata when any chosen band says so through its GDAL mask band (a nodata value,
    an alpha band or a dataset mask) or holds a non-finite float.
    """

    def __init__(self, ds: gdal.Dataset, bands: list[int], window: tuple[int, int, int, int],
                 normaliser: Normaliser, mask: Optional[Any] = None):
        """``mask``: a read/mask.py MaskReader on this dataset's grid (pixels outside it are nodata)."""
        self.ds, self.bands, self.window, self.normaliser, self.mask = ds, bands, window, normaliser, mask
        self._masks: list[gdal.Band] = []
        per_dataset_seen = False
        for b in bands:
            band = ds.GetRasterBand(b)
            flags = band.GetMaskFlags()
            if flags & gdal.GMF_ALL_VALID:
                continue
            if flags & gdal.GMF_PER_DATASET:
                if per_dataset_seen:
                    continue  # one shared mask (alpha band or dataset mask) is read once
                per_dataset_seen = True
            self._masks.append(band.GetMaskBand())
        self.bytes_per_pixel = sum(gdal.GetDataTypeSize(ds.GetRasterBand(b).DataType) // 8 for b in bands)
        self._float = any(ds.GetRasterBand(b).DataType in (gdal.GDT_Float32, gdal.GDT_Float64) for b in bands)

    @property
    def has_nodata(self) -> bool:
        return bool(self._masks) or self._float or self.mask is not None

    def read_mask(self, x: int, y: int, w: int, h: int) -> Optional[np.ndarray]:
        """Validity of a tile (x, y relative to the window); None means all valid. A mask layer is
        looked at first: a tile outside it reads nothing more."""
        valid = None
        if self.mask is not None:
            valid = self.mask.validity(self.window[0] + x, self.window[1] + y, w, h)
            if not valid.any():
                return valid
        for mask_band in self._masks:
            m = mask_band.ReadAsArray(self.window[0] + x, self.window[1] + y, w, h)
            if m is None:
                raise EngineError(QT_TRANSLATE_NOOP(
                    "RemoteNet", "reading the nodata mask failed: {gdal_error}{read_hint}").format(
                    gdal_error=gdal.GetLastErrorMsg(), read_hint=READ_HINT), "source")
            valid = (m != 0) if valid is None else (valid & (m != 0))
        return valid

    def read_raw(self, x: int, y: int, w: int, h: int) -> np.ndarray:
        """The chosen bands' pixels as stored (C, h, w); x, y relative to the window."""
        pixels = self.ds.ReadAsArray(self.window[0] + x, self.window[1] + y, w, h, band_list=self.bands)
        if pixels is None:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "reading pixels failed at ({x}, {y}): {gdal_error}{read_hint}").format(
                x=x, y=y, gdal_error=gdal.GetLastErrorMsg(), read_hint=READ_HINT), "source")
        return pixels.reshape(len(self.bands), h, w)

    def normalise_into(self, pixels: np.ndarray, out: np.ndarray, valid: Optional[np.ndarray]) -> Optional[np.ndarray]:
        """Normalised ``pixels`` (from read_raw) into ``out`` (C, h, w); returns the validity, narrowed
        to finite values for float sources."""
        if self._float:
            finite = np.isfinite(pixels).all(axis=0)
            if not finite.all():
                valid = finite if valid is None else valid & finite
                pixels = np.where(finite, pixels, 0)
        self.normaliser(pixels, out)
        if valid is not None:
            out *= valid  # nodata pixels enter the network as the band mean, not as outliers
        return valid

    def read_into(self, x: int, y: int, w: int, h: int, out: np.ndarray,
                  valid: Optional[np.ndarray]) -> Optional[np.ndarray]:
        """Normalised pixels into ``out`` (C, h, w); returns the (possibly narrowed) validity."""
        return self.normalise_into(self.read_raw(x, y, w, h), out, valid)

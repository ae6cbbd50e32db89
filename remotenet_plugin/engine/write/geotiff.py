"""The classified GeoTIFF (and the confidence GeoTIFF): creation, block-aligned row writing in a
background thread, colour table, category names and provenance tags."""
from __future__ import annotations

import queue
import time
from typing import Optional

import numpy as np
from osgeo import gdal

from ....model.messages import QT_TRANSLATE_NOOP
from ....model.metadata import NO_CLASS
from ..base.gdal_errors import engine_thread
from ..base.options import EngineError
from ..base.threads import send_stop, spare_cores
from .write_errors import checked_writes

BLOCK = 256
# NUM_THREADS: GDAL compresses the blocks of each written strip on the spare cores' threads (with
# one, in the writer thread itself). ZLEVEL=3: on class rasters 3-6x faster to write than the
# default level 6, for files about 15 % larger.
CREATE_OPTIONS = ["TILED=YES", f"BLOCKXSIZE={BLOCK}", f"BLOCKYSIZE={BLOCK}", "COMPRESS=DEFLATE", "ZLEVEL=3",
                  "BIGTIFF=IF_SAFER", f"NUM_THREADS={spare_cores()}"]
CONF_NODATA = {"float32": -1.0, "uint8": 255}


def create_geotiff(path: str, width: int, height: int, dtype: int, geotransform, projection: str,
                   nodata: float, predictor: Optional[int] = None) -> gdal.Dataset:
    options = list(CREATE_OPTIONS)
    if predictor:
        options.append(f"PREDICTOR={predictor}")
    ds = gdal.GetDriverByName("GTiff").Create(path, width, height, 1, dtype, options)
    if ds is None:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{path}: cannot create the GeoTIFF ({gdal_error}); check the folder is writable and has "
            "space").format(path=path, gdal_error=gdal.GetLastErrorMsg()))
    if geotransform is not None:
        ds.SetGeoTransform(geotransform)
    if projection:
        ds.SetProjection(projection)
    ds.GetRasterBand(1).SetNoDataValue(nodata)
    return ds


def category_names(classes: list[dict]) -> list[str]:
    """Category names indexed by class value ("" for values no class uses)."""
    names = [""] * (max(int(c["value"]) for c in classes) + 1)
    for c in classes:
        names[int(c["value"])] = str(c["name"])
    return names


def style_classes(band: gdal.Band, classes: list[dict]) -> None:
    """Colour table and category names indexed by class value; 255 (nodata) transparent."""
    table = gdal.ColorTable()
    for c in classes:
        r, g, b = (int(v) for v in c["color"])
        table.SetColorEntry(int(c["value"]), (r, g, b, 255))
    table.SetColorEntry(NO_CLASS, (0, 0, 0, 0))
    band.SetColorTable(table)
    band.SetCategoryNames(category_names(classes))
    band.SetColorInterpretation(gdal.GCI_PaletteIndex)


class RowWriter:
    """Collects finished rows into whole 256-row block strips and writes them in a thread.

    Writing whole block strips means every compressed block is written once; flushing the
    band cache after each strip keeps GDAL's block cache from growing with the raster.
    """

    def __init__(self, classes_ds: gdal.Dataset, conf_ds: Optional[gdal.Dataset], conf_type: str):
        self.classes_ds, self.conf_ds, self.conf_type = classes_ds, conf_ds, conf_type
        self.width, self.height = classes_ds.RasterXSize, classes_ds.RasterYSize
        self.pending: list[tuple[np.ndarray, Optional[np.ndarray]]] = []
        self.pending_start, self.pending_rows = 0, 0
        self.queue: queue.Queue = queue.Queue(maxsize=3)
        self.error: Optional[BaseException] = None
        self.seconds = 0.0
        self.thread = engine_thread(self._work, "remotenet-writer")
        self.thread.start()

    def emit(self, y: int, classes: np.ndarray, conf: Optional[np.ndarray]) -> None:
        """Rows must arrive in order; called from the blending thread."""
        if self.error is not None:
            raise self.error
        assert y == self.pending_start + self.pending_rows, "rows out of order"
        self.pending.append((classes, conf))
        self.pending_rows += len(classes)
        end = self.pending_start + self.pending_rows
        cut = end if end == self.height else (end // BLOCK) * BLOCK
        if cut > self.pending_start:
            self._send(cut)

    def _send(self, cut: int) -> None:
        classes = np.concatenate([p[0] for p in self.pending]) if len(self.pending) > 1 else self.pending[0][0]
        conf = None
        if self.conf_ds is not None:
            conf = np.concatenate([p[1] for p in self.pending]) if len(self.pending) > 1 else self.pending[0][1]
        n = cut - self.pending_start
        self._put((self.pending_start, classes[:n], None if conf is None else conf[:n]))
        rest = len(classes) - n
        self.pending = [(classes[n:], None if conf is None else conf[n:])] if rest else []
        self.pending_start, self.pending_rows = cut, rest

    def _put(self, item) -> None:
        while True:
            if self.error is not None:
                raise self.error
            try:
                self.queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def _work(self) -> None:
        try:
            while True:
                item = self.queue.get()
                if item is None:
                    return
                start = time.perf_counter()
                y, classes, conf = item
                band = self.classes_ds.GetRasterBand(1)
                with self._classes_writes():
                    if band.WriteArray(np.ascontiguousarray(classes), 0, y) != 0:
                        raise EngineError(QT_TRANSLATE_NOOP(
                            "RemoteNet", "writing the classified raster failed: {gdal_error}").format(
                            gdal_error=gdal.GetLastErrorMsg()))
                    band.FlushCache()
                if self.conf_ds is not None:
                    with self._conf_writes():
                        self._write_conf(y, conf)
                self.seconds += time.perf_counter() - start
        except BaseException as err:  # noqa: BLE001 - handed to the main thread
            self.error = err
            while True:  # drain, so a blocked producer can notice the error
                try:
                    self.queue.get_nowait()
                except queue.Empty:
                    break

    def _classes_writes(self):
        return checked_writes(QT_TRANSLATE_NOOP("RemoteNet", "the classified raster"), "output_raster",
                              self.classes_ds.GetDescription())

    def _conf_writes(self):
        return checked_writes(QT_TRANSLATE_NOOP("RemoteNet", "the confidence raster"), "output_confidence",
                              self.conf_ds.GetDescription())

    def _write_conf(self, y: int, conf: np.ndarray) -> None:
        bad = ~np.isfinite(conf)
        if self.conf_type == "uint8":
            out = np.clip(np.rint(np.nan_to_num(conf) * 100.0), 0, 100).astype(np.uint8)
        else:
            out = conf.astype(np.float32, copy=True)
        out[bad] = CONF_NODATA[self.conf_type]
        band = self.conf_ds.GetRasterBand(1)
        if band.WriteArray(out, 0, y) != 0:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "writing the confidence raster failed: {gdal_error}").format(
                gdal_error=gdal.GetLastErrorMsg()))
        band.FlushCache()

    def close(self, abort: bool = False) -> None:
        """Wait for queued strips (unless aborting) and stop the thread; re-raise its error."""
        if abort:
            while True:
                try:
                    self.queue.get_nowait()
                except queue.Empty:
                    break
        if self.thread.is_alive():
            send_stop(self.queue, self.thread)
            self.thread.join()
        if not abort and self.error is None:  # the files' last blocks and directories are written here
            with self._classes_writes():
                self.classes_ds.FlushCache()
            if self.conf_ds is not None:
                with self._conf_writes():
                    self.conf_ds.FlushCache()
        # Drop the dataset references, so the caller's release really closes the files.
        self.classes_ds = self.conf_ds = None
        if self.error is not None and not abort:
            raise self.error


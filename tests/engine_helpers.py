"""Helpers for engine tests (reusable by others): tiny networks with made-up headers and small
GDAL rasters written to a temporary folder."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Optional

import numpy as np
import torch
from osgeo import gdal, osr

from remotenet.model import build_metadata

VIRGINIA = str(Path(__file__).parent / "data" / "virginia_s2_bgrn_10m.tif")


class PixelNet(torch.nn.Module):
    """A 1x1 convolution: each output pixel depends only on the same input pixel."""

    def __init__(self, in_channels: int, num_classes: int, seed: int = 0):
        super().__init__()
        gen = torch.Generator().manual_seed(seed)
        self.conv = torch.nn.Conv2d(in_channels, num_classes, 1)
        with torch.no_grad():
            self.conv.weight.copy_(torch.randn(self.conv.weight.shape, generator=gen) * 2.0)
            self.conv.bias.copy_(torch.randn(self.conv.bias.shape, generator=gen))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(x)


class MatmulPixelNet(PixelNet):
    """PixelNet's per-pixel linear map as one batched matrix product: a network that costs about one
    pass over memory on any number of threads (the engine ceiling's null network). PyTorch runs a
    1x1 convolution from 4 channels on more than one thread through oneDNN, whose layout reorders
    cost more than the whole engine; this computes the same map without them."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, c, h, w = x.shape
        weight = self.conv.weight.flatten(1)  # (classes, bands)
        bias = self.conv.bias[None, :, None].expand(n, -1, 1)
        return torch.baddbmm(bias, weight.expand(n, -1, -1), x.reshape(n, c, h * w)).view(n, -1, h, w)


def pixel_model(in_channels: int = 1, num_classes: int = 3, tile_size: int = 64,
                scale: float = 1000.0, seed: int = 0, matmul: bool = False, **header) -> tuple[torch.nn.Module, dict]:
    """A (1x1-conv network, header) pair that segment() accepts; ``matmul``: the same map as a
    batched matrix product (MatmulPixelNet)."""
    meta = build_metadata(num_classes, in_channels, {
        "tile_size": tile_size,
        "input": {"offset": 0.0, "scale": scale, "mean": [0.5] * in_channels, "std": [0.25] * in_channels},
        **header,
    })
    return (MatmulPixelNet if matmul else PixelNet)(in_channels, num_classes, seed).eval(), meta


def write_raster(path: str, data: np.ndarray, *, epsg: Optional[int] = 32618,
                 geotransform: Optional[Sequence[float]] = (435730.0, 10.0, 0.0, 4179460.0, 0.0, -10.0),
                 nodata: Optional[float] = None, alpha: Optional[np.ndarray] = None,
                 dtype: int = gdal.GDT_UInt16) -> str:
    """Write (bands, rows, cols) or (rows, cols) ``data`` as a GeoTIFF; ``alpha`` adds an alpha band."""
    data = data if data.ndim == 3 else data[None]
    count = data.shape[0] + (1 if alpha is not None else 0)
    options = ["ALPHA=YES"] if alpha is not None else []
    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[2], data.shape[1], count, dtype, options)
    if geotransform is not None:
        ds.SetGeoTransform(list(geotransform))
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetProjection(srs.ExportToWkt())
    for i, band_data in enumerate(data):
        band = ds.GetRasterBand(i + 1)
        band.WriteArray(band_data)
        if nodata is not None:
            band.SetNoDataValue(nodata)
    if alpha is not None:
        ds.GetRasterBand(count).WriteArray(alpha)
    ds = None
    return str(path)


def read(path: str) -> np.ndarray:
    ds = gdal.Open(str(path))
    return ds.ReadAsArray()


def make_repeat_vrt(path: str, size: int, source: str = VIRGINIA) -> str:
    """A size x size VRT that tiles ``source`` over and over (costs no disk)."""
    from remotenet.remotenet_plugin.engine.read.repeat_vrt import repeat_raster_vrt

    return repeat_raster_vrt(source, path, size)


def peak_rss_mib() -> float:
    """This process's own peak resident memory (VmHWM).

    Not getrusage's ru_maxrss: Linux carries that across fork and exec, so a child started
    from a large pytest process would report the parent's peak.
    """
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("VmHWM not found in /proc/self/status")


def memory_probe(vrt: str, out: str, tile_size: int = 256) -> dict:
    """Segment ``vrt`` with a 1x1-conv network; peak RSS (MiB) before and after, and timings."""
    import json
    import time

    from remotenet.remotenet_plugin.engine import SegmentOptions, segment

    model = pixel_model(4, 3, tile_size=tile_size)
    before = peak_rss_mib()
    start = time.perf_counter()
    result = segment(vrt, model, out, SegmentOptions(batch_size=4))
    report = {"peak_rss_mib_before": before, "peak_rss_mib": peak_rss_mib(),
              "seconds": time.perf_counter() - start, "megapixels": result.width * result.height / 1e6,
              "stages": result.stage_seconds}
    print(json.dumps(report))
    return report


if __name__ == "__main__":  # python tests/engine_helpers.py SIZE TMPDIR: one memory measurement
    import sys

    size, folder = int(sys.argv[1]), sys.argv[2]
    memory_probe(make_repeat_vrt(f"{folder}/repeat_{size}.vrt", size), f"{folder}/out_{size}.tif")


def mount_small_tmpfs(folder: Path, options: str) -> None:
    """Mount a small tmpfs at ``folder`` (a full or read-only disk for the fault tests).

    Where the fault cannot be made, the test fails rather than skips when it runs as root or in CI
    (scripts/setup installs `mount`; a skipped fault test once hid real failures); a developer
    without root gets a skip that says so.
    """
    import os
    import shutil
    import subprocess

    import pytest

    folder.mkdir(parents=True, exist_ok=True)
    why = None
    if shutil.which("mount") is None:
        why = "the `mount` command is missing (Debian package `mount`; scripts/setup installs it)"
    else:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                              capture_output=True, text=True)
        if done.returncode:
            why = f"`mount -t tmpfs` failed: {done.stderr.strip() or done.returncode}"
    if why is None:
        return
    if os.geteuid() == 0 or os.environ.get("CI"):
        pytest.fail(f"cannot make the fault this test needs: {why}")
    pytest.skip(f"needs root to mount a small tmpfs: {why}")


def unmount(folder: Path) -> None:
    import subprocess

    subprocess.run(["umount", "-l", str(folder)], capture_output=True)

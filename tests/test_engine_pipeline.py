"""The engine's parallel parts give exactly what the serial ones gave: tiles read by several threads
arrive in grid order with the same pixels and masks; the one-pass argmax is np.argmax."""
import numpy as np
import pytest
from engine_helpers import VIRGINIA, write_raster

from remotenet.remotenet_plugin.engine.blend.blend_thread import BlendThread
from remotenet.remotenet_plugin.engine.blend.rows import argmax_and_max
from remotenet.remotenet_plugin.engine.read.batches import BatchReader, Done
from remotenet.remotenet_plugin.engine.read.source import Normaliser, TileReader, open_raster
from remotenet.remotenet_plugin.engine.read.tiling import TileGrid


def _batches(reader: BatchReader) -> list:
    reader.start()
    out = []
    while True:
        item = reader.queue.get(timeout=30)
        if isinstance(item, Done):
            assert reader.error is None
            return out
        out.append(item)


def test_threaded_reading_matches_serial_reading(tmp_path):
    src = open_raster(VIRGINIA).ReadAsArray()[:, :300, :280]
    src[:, 100:240, :] = 0  # a band of nodata: whole tiles skipped, others partly masked
    path = write_raster(tmp_path / "holes.tif", src, nodata=0)
    norm = Normaliser(np.full((4, 1, 1), 1e-3, np.float32), np.zeros((4, 1, 1), np.float32))
    window, grid = (0, 0, 280, 300), TileGrid(280, 300, 64, 16)

    def make():
        return TileReader(open_raster(path), [1, 2, 3, 4], window, norm)

    serial = _batches(BatchReader(make(), grid, 3))
    threaded_reader = BatchReader(make(), grid, 3, open_reader=make, threads=3)
    threaded = _batches(threaded_reader)
    assert threaded_reader.threads == 3 and threaded_reader.skipped > 0
    assert [t.index for b in threaded for t in b.tiles] == [t.index for b in serial for t in b.tiles]
    for a, b in zip(serial, threaded):
        np.testing.assert_array_equal(a.pixels, b.pixels)
        assert [v is None for v in a.valid] == [v is None for v in b.valid]
        for va, vb in zip(a.valid, b.valid):
            if va is not None:
                np.testing.assert_array_equal(va, vb)


def test_argmax_and_max_is_numpy_argmax_with_ties():
    rng = np.random.default_rng(1)
    acc = rng.integers(0, 4, (5, 40, 50)).astype(np.float32)  # many ties: the first class must win
    index, best = argmax_and_max(acc)
    np.testing.assert_array_equal(index, np.argmax(acc, axis=0))
    np.testing.assert_array_equal(best, np.max(acc, axis=0))


@pytest.mark.parametrize("classes", [2, 3, 6])
def test_argmax_and_max_in_blocks_into_given_arrays(classes):
    """The blender's form: row blocks written into its own index and maximum arrays."""
    rng = np.random.default_rng(classes)
    acc = rng.integers(0, 3, (classes, 37, 60)).astype(np.float32)
    index, best = np.full((37, 60), 99, np.uint8), np.full((37, 60), -1.0, np.float32)
    scratch = (np.empty((16, 60), np.float32), np.empty((16, 60), bool))
    for r0 in range(0, 37, 16):
        k = min(16, 37 - r0)
        argmax_and_max(acc[:, r0:r0 + k], index[r0:r0 + k], best[r0:r0 + k], (scratch[0][:k], scratch[1][:k]))
    np.testing.assert_array_equal(index, np.argmax(acc, axis=0))
    np.testing.assert_array_equal(best, np.max(acc, axis=0))


def test_blend_thread_hands_errors_back():
    class Failing:
        def add_batch(self, *_args):
            raise ValueError("blender broke")

        def finish(self):
            pass

    thread = BlendThread(Failing())
    thread.add_batch([], np.zeros(1), [])
    with pytest.raises(ValueError, match="blender broke"):
        thread.finish()
    assert not thread.thread.is_alive()


def test_nan_from_the_network_is_an_error_and_leaves_no_output(tmp_path):
    import torch
    from engine_helpers import pixel_model

    from remotenet.remotenet_plugin.engine import EngineError, SegmentOptions, segment

    net, meta = pixel_model(4, 3, tile_size=64, scale=3000.0)
    with torch.no_grad():
        net.conv.bias[1] = float("nan")
    out = tmp_path / "nan.tif"
    with pytest.raises(EngineError, match="NaN"):
        segment(VIRGINIA, (net, meta), str(out), SegmentOptions(window=(0, 0, 150, 130), device="cpu"))
    assert list(tmp_path.iterdir()) == []

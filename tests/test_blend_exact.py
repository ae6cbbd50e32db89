"""The rolling blender emits exactly (bit for bit) what weighting and summing every tile over the
whole window in grid order gives, on grids with end-aligned tiles, heavy overlaps, a single tile,
crop blending, nodata, skipped tiles and ties."""
import numpy as np
import pytest

from remotenet.remotenet_plugin.engine.base.options import EngineError
from remotenet.remotenet_plugin.engine.blend.rows import RowBlender
from remotenet.remotenet_plugin.engine.read.tiling import TileGrid


def reference_blend(grid: TileGrid, tiles: list, lut: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The definition: the whole window's weighted sum, argmax (ties: first class), max / weight sum."""
    classes_n = tiles[0][1].shape[0]
    acc = np.zeros((classes_n, grid.height, grid.width), dtype=np.float32)
    valid = np.zeros((grid.height, grid.width), dtype=bool)
    for tile, probs, v in tiles:
        rows, cols = slice(tile.y, tile.y + grid.th), slice(tile.x, tile.x + grid.tw)
        acc[:, rows, cols] += probs * grid.weight(tile)
        valid[rows, cols] |= True if v is None else v
    classes = lut[np.argmax(acc, axis=0)].astype(np.uint8)
    conf = acc.max(axis=0) / (grid.sum_y[:, None] * grid.sum_x[None, :])
    classes[~valid] = 255
    conf[~valid] = np.nan
    return classes, conf


def random_tiles(grid: TileGrid, classes: int, seed: int, skip_row: int = -1, levels: int = 0) -> list:
    rng = np.random.default_rng(seed)
    tiles = []
    for tile in grid:
        if tile.row == skip_row:
            continue
        probs = rng.random((classes, grid.th, grid.tw), dtype=np.float32)
        if levels:  # few distinct values: many ties, in tiles and in sums
            probs = np.floor(probs * levels).astype(np.float32) / levels
        valid = None if tile.index % 3 else rng.random((grid.th, grid.tw)) > 0.2
        tiles.append((tile, probs, valid))
    return tiles


GRIDS = {
    "default-like": ((700, 530, 128, 12), {}),
    "end-aligned, heavy last overlap": ((513, 200, 64, 31), {}),
    "no inner pixels": ((300, 300, 64, 40), {}),
    "no overlap": ((256, 192, 64, 0), {}),
    "one tile": ((100, 50, 256, 64), {}),
    "crop blending": ((300, 260, 64, 16), {"mode": "crop"}),
}


@pytest.mark.parametrize("name", GRIDS)
@pytest.mark.parametrize("confidence", [True, False])
def test_rolling_blend_is_bit_identical_to_the_whole_window_sum(name, confidence):
    args, kwargs = GRIDS[name]
    grid = TileGrid(*args, **kwargs)
    lut = np.array([0, 1, 2, 7, 9], dtype=np.uint8)
    tiles = random_tiles(grid, 5, seed=len(name), skip_row=1 if len(grid.ys) > 2 else -1, levels=4)
    emitted = []
    blender = RowBlender(grid, 5, lut, confidence, lambda y, c, f: emitted.append((y, c, f)))
    for tile, probs, valid in tiles:
        blender.add(tile, probs, valid)
    blender.finish()
    assert [y for y, _c, _f in emitted] == sorted(y for y, _c, _f in emitted)
    classes = np.concatenate([c for _y, c, _f in emitted])
    want_classes, want_conf = reference_blend(grid, tiles, lut)
    np.testing.assert_array_equal(classes, want_classes)
    if confidence:
        np.testing.assert_array_equal(np.concatenate([f for _y, _c, f in emitted]), want_conf)


@pytest.mark.parametrize("where", ["inner", "overlap"])
def test_a_nan_from_the_network_is_refused_inside_and_between_tiles(where):
    grid = TileGrid(200, 200, 64, 16)
    blender = RowBlender(grid, 3, np.arange(3, dtype=np.uint8), False, lambda y, c, f: None)
    with pytest.raises(EngineError, match="NaN"):
        for tile in grid:
            probs = np.full((3, 64, 64), 0.25, dtype=np.float32)
            if tile.index == 5:
                probs[1, 32, 32 if where == "inner" else 2] = np.nan
            blender.add(tile, probs, None)
        blender.finish()


def softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits.astype(np.float64) - logits.max(axis=0))
    return (e / e.sum(axis=0)).astype(np.float32)


@pytest.mark.parametrize("name", ["default-like", "end-aligned, heavy last overlap", "crop blending"])
def test_blending_raw_scores_is_blending_their_softmax(name):
    """With logits the blender applies the softmax itself (only where tiles overlap, and for the
    confidence): the classes and confidence are those of blending the probabilities."""
    args, kwargs = GRIDS[name]
    grid = TileGrid(*args, **kwargs)
    lut = np.arange(5, dtype=np.uint8)
    rng = np.random.default_rng(7)
    tiles = [(tile, (rng.standard_normal((5, grid.th, grid.tw)) * 3).astype(np.float32), valid)
             for tile, _p, valid in random_tiles(grid, 5, seed=3)]
    emitted = []
    blender = RowBlender(grid, 5, lut, True, lambda y, c, f: emitted.append((y, c, f)), logits=True)
    for tile, logits, valid in tiles:
        blender.add(tile, logits, valid)
    blender.finish()
    classes = np.concatenate([c for _y, c, _f in emitted])
    conf = np.concatenate([f for _y, _c, f in emitted])
    want_classes, want_conf = reference_blend(grid, [(t, softmax(p), v) for t, p, v in tiles], lut)
    np.testing.assert_allclose(conf, want_conf, rtol=2e-6, atol=1e-7)
    # Rounding differs from float64 probabilities only in the last bits: classes differ at most where
    # two classes' blended probabilities tie to float32 precision.
    assert (classes != want_classes).mean() < 1e-5


@pytest.mark.parametrize("logits", [True, False])
def test_work_prepared_in_another_thread_gives_the_same_rows(logits):
    """BlendThread lets the calling thread run ``prepare`` when blending falls behind: handed to
    ``add``, its results give exactly the rows the blender computes itself."""
    grid = TileGrid(*GRIDS["default-like"][0])
    lut = np.arange(5, dtype=np.uint8)
    tiles = random_tiles(grid, 5, seed=11)
    outputs = []
    for share in (False, True):
        emitted: list = []
        blender = RowBlender(grid, 5, lut, True, lambda y, c, f, out=emitted: out.append((y, c, f)), logits=logits)
        scratch = blender.new_scratch()
        for tile, probs, valid in tiles:
            probs = probs.copy()
            prepared = blender.prepare(tile, probs, scratch) if share and tile.index % 2 else None
            blender.add(tile, probs, valid, prepared)
        blender.finish()
        outputs.append([np.concatenate([e[k] for e in emitted]) for k in (1, 2)])
    np.testing.assert_array_equal(outputs[0][0], outputs[1][0])
    np.testing.assert_array_equal(outputs[0][1], outputs[1][1])

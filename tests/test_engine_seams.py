"""The default overlap (check.DEFAULT_OVERLAP_PX, from scripts/overlap_study.py) hides tile seams on
real imagery: the demo model's classes with its 256 px tiles match a run with tiles twice as large."""
from pathlib import Path

from engine_helpers import read

from remotenet.remotenet_plugin.engine import SegmentOptions, segment

ROOT = Path(__file__).resolve().parent.parent
DEMO = str(ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors")
ATLANTA = str(ROOT / "tests" / "data" / "atlanta_pan_0p5m.tif")


def test_default_overlap_matches_tiles_twice_as_large(tmp_path):
    small = segment(ATLANTA, DEMO, str(tmp_path / "256.tif"), SegmentOptions(device="cpu"))
    segment(ATLANTA, DEMO, str(tmp_path / "512.tif"), SegmentOptions(device="cpu", tile_size=512))
    assert (small.tile_size, small.overlap, small.tiles_total) == (256, 48, 25)
    a, b = read(tmp_path / "256.tif"), read(tmp_path / "512.tif")
    assert 0.01 < (b == 1).mean() < 0.5  # buildings present
    assert (a == b).mean() >= 0.995

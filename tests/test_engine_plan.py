"""One resolved plan: prepare() turns SegmentOptions into a frozen Plan once, and the stages take
its parts, never the options bag (issue 22)."""
import dataclasses
import importlib.util
import pickle
import sys
from pathlib import Path

import numpy as np
import pytest
from engine_helpers import pixel_model, write_raster

from remotenet.remotenet_plugin.engine import SegmentOptions
from remotenet.remotenet_plugin.engine.prepare.run import prepare

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "remotenet_plugin" / "engine"


def _walker():
    spec = importlib.util.spec_from_file_location("walk_options", ROOT / "scripts" / "walk_options.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["walk_options"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_options_bag_stops_at_the_plan():
    walk = _walker().walk_options()
    assert len(walk.files) <= 8 and walk.returns <= 5, (walk.files, walk.returns)
    assert set(walk.files) <= {"remotenet_plugin/engine/segment.py", "remotenet_plugin/engine/prepare/run.py",
                               "remotenet_plugin/engine/prepare/check.py", "remotenet_plugin/engine/prepare/plan.py"}


def test_the_walk_follows_a_bag_handed_to_a_job(tmp_path, monkeypatch):
    """The walker is not blind: a bag passed into a dataclass and read back by a worker is followed."""
    walker = _walker()
    engine = tmp_path / "remotenet_plugin" / "engine"
    engine.mkdir(parents=True)
    (engine / "segment.py").write_text(
        "from .jobs import Job\n\ndef segment(options):\n    return Job(options)\n")
    (engine / "jobs.py").write_text(
        "from dataclasses import dataclass\nfrom .work import work\n\n@dataclass\nclass Job:\n    options: object\n\n"
        "def on_worker(job):\n    return work(job.options)\n")
    (engine / "work.py").write_text("def work(options):\n    return options\n")
    monkeypatch.setattr(walker, "ROOT", tmp_path)
    monkeypatch.setattr(walker, "ENGINE", engine)
    walk = walker.walk_options()
    assert [stop[2] for stop in walk.stops] == ["segment", "Job", "on_worker", "work"]
    assert len(walk.files) == 3


def test_only_the_door_and_prepare_know_the_options_bag():
    knows = sorted(str(p.relative_to(ENGINE)) for p in ENGINE.rglob("*.py")
                   if "__pycache__" not in p.parts and "SegmentOptions" in p.read_text())
    assert knows == ["__init__.py", "base/options.py", "prepare/check.py", "prepare/plan.py", "prepare/run.py",
                     "segment.py"]


def test_prepare_resolves_a_frozen_picklable_plan(tmp_path):
    source = write_raster(tmp_path / "in.tif", np.random.default_rng(0).integers(0, 1000, (3, 90, 150)))
    model = pixel_model(in_channels=3)
    options = SegmentOptions(tile_size=64, overlap=8, batch_size=3, device="cpu", precision="fp32", runtime="torch",
                             window=(10, 5, 120, 80), output_vector=str(tmp_path / "polys.gpkg"), min_area=2.0)
    run = prepare(str(source), model, str(tmp_path / "out.tif"), options, lambda _m: None)
    plan = run.plan
    assert plan.window == (10, 5, 120, 80) and plan.bands == (1, 2, 3)
    assert (plan.tile_size, plan.overlap, plan.blend) == (64, 8, "smooth")
    assert (plan.compute.device, plan.compute.precision, plan.compute.runtime, plan.compute.batch_size) == (
        "cpu", "fp32", "torch", 3)
    assert plan.outputs.vector_layer == "polys" and plan.outputs.min_area == 2.0
    assert plan.outputs.qml == str(tmp_path / "out.qml")
    assert (plan.grid.width, plan.grid.height, plan.grid.tw) == (120, 80, 64)
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.window = (0, 0, 1, 1)
    copy = pickle.loads(pickle.dumps(plan))
    assert copy == plan and "grid" not in copy.__dict__  # the grid is rebuilt where needed, not shipped
    assert copy.grid.xs == plan.grid.xs
    tags = run.tags()
    assert tags["REMOTENET_WINDOW"] == "10,5,120,80" and tags["REMOTENET_RUNTIME"].startswith("torch ")
    run.ds = None

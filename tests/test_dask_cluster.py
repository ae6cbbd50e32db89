"""Segment on a real Dask cluster on this machine: a `dask scheduler` and two `dask worker`
processes on loopback, started here. The cluster's output equals the in-process run, survives a
killed worker, a cancel leaves nothing behind, and bad addresses and unreadable inputs fail fast
with a clear message."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from engine_helpers import make_repeat_vrt, read

import remotenet
from remotenet.remotenet_plugin.engine import EngineError, SegmentCancelled, SegmentOptions, segment
from remotenet.remotenet_plugin.engine.scale.work_folder import work_folder_for

pytest.importorskip("distributed")

PAN = str(Path(__file__).parent / "data" / "atlanta_pan_0p5m.tif")
DASK = str(Path(sys.executable).with_name("dask"))
# Small tiles and chunks keep the network's work small; the cluster sees 8 chunks of this scene.
OPTIONS = {"device": "cpu", "precision": "fp32", "tile_size": 128, "overlap": 16, "chunk_size": 448,
           "runtime": "torch"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        # Workers import this very checkout, as a shared installation would provide it.
        package_parent = str(Path(remotenet.__file__).parent.parent)
        self.env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_parent,
                                                                               os.environ.get("PYTHONPATH")])),
                    "OMP_NUM_THREADS": "1"}
        self.scheduler = self._start([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                      "--no-dashboard"], "scheduler")
        self.workers: list[subprocess.Popen] = []

    def _start(self, cmd: list[str], name: str) -> subprocess.Popen:
        log = open(self.tmp / f"{name}-{len(list(self.tmp.glob(name + '*')))}.log", "w")
        return subprocess.Popen(cmd, env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=self.tmp)

    def add_worker(self) -> subprocess.Popen:
        proc = self._start([DASK, "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                            "--memory-limit", "0", "--host", "127.0.0.1"], "worker")
        self.workers.append(proc)
        return proc

    def wait_for_workers(self, n: int, timeout: float = 120) -> None:
        from distributed import Client

        deadline = time.time() + timeout
        with Client(self.address, timeout=60) as client:
            while len(client.scheduler_info()["workers"]) < n:
                assert time.time() < deadline, "the workers did not join"
                time.sleep(0.2)

    def task_count(self) -> int:
        from distributed import Client

        with Client(self.address, timeout=30) as client:
            return client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))

    def stop(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("dask"))
    try:
        c.add_worker()
        c.add_worker()
        c.wait_for_workers(2)
        yield c
    finally:
        c.stop()


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """A 1,600 x 900 px VRT: the Atlanta scene side by side with itself."""
    folder = tmp_path_factory.mktemp("scene")
    return make_repeat_vrt(str(folder / "scene.vrt"), 1344, PAN)


@pytest.fixture(scope="module")
def reference(tmp_path_factory, scene, model_1band):
    out = tmp_path_factory.mktemp("ref") / "ref.tif"
    result = segment(scene, str(model_1band), str(out), SegmentOptions(**{**OPTIONS, "chunk_size": 1 << 20}))
    assert result.chunks == 1
    return read(out)


def test_cluster_run_equals_the_in_process_run(cluster, scene, model_1band, reference, tmp_path):
    log: list[str] = []
    out = tmp_path / "out.tif"
    result = segment(scene, str(model_1band), str(out),
                     SegmentOptions(**OPTIONS, scheduler=cluster.address, output_vector=str(tmp_path / "out.gpkg")),
                     log=log.append)
    assert result.chunks == 9
    assert any("connected to the Dask scheduler" in m and "2 worker(s)" in m for m in log), log
    assert (read(out) == reference).mean() >= 0.9999
    assert result.polygons > 0 and (tmp_path / "out.gpkg").exists()
    assert not os.path.exists(work_folder_for(str(out)))


def _mask_over(raster: str, path: Path, box: tuple[int, int, int, int]) -> str:
    """A polygon over pixels (x0, y0, x1, y1) of ``raster``, in its CRS."""
    from osgeo import gdal, ogr, osr

    ds = gdal.Open(raster)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    ds = None
    left, right, top, bottom = x0 + box[0] * dx, x0 + box[2] * dx, y0 + box[1] * dy, y0 + box[3] * dy
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = out.CreateLayer("mask", srs=srs, geom_type=ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        f"POLYGON(({left} {top},{right} {top},{right} {bottom},{left} {bottom},{left} {top}))"))
    layer.CreateFeature(feature)
    out = None
    return str(path)


def test_cluster_run_at_the_models_resolution_with_a_mask_equals_the_in_process_run(cluster, scene, model_1band,
                                                                                    tmp_path):
    """Workers read the mask (an absolute path in the plan) and resample like the client would."""
    from conftest import rewrite_model_header

    model = tmp_path / "one_metre.safetensors"
    model.write_bytes(Path(model_1band).read_bytes())
    rewrite_model_header(model, lambda meta: meta.update(gsd_m=1.0))
    mask = _mask_over(scene, tmp_path / "mask.gpkg", (100, 150, 1100, 1200))
    options = {**OPTIONS, "mask": mask}
    one = segment(scene, str(model), str(tmp_path / "one.tif"), SegmentOptions(**{**options, "chunk_size": 1 << 20}))
    result = segment(scene, str(model), str(tmp_path / "out.tif"), SegmentOptions(**options, scheduler=cluster.address))
    assert one.chunks == 1 and result.chunks > 1 and result.processed_size == one.processed_size == (672, 672)
    classes = read(tmp_path / "out.tif")
    assert classes.shape == (1344, 1344)
    np.testing.assert_array_equal(classes, read(tmp_path / "one.tif"))
    assert (classes[:140] == 255).all() and (classes[:, 1110:] == 255).all() and (classes != 255).any()


def test_a_killed_worker_does_not_change_the_output(cluster, scene, model_1band, reference, tmp_path):
    spare = cluster.add_worker()  # the one to kill; the others carry on
    cluster.wait_for_workers(3)
    seen: list[str] = []
    killed = threading.Event()

    def progress(_pct: float, msg: str) -> None:
        seen.append(msg)
        if msg.startswith("chunks 2/") and not killed.is_set():
            spare.send_signal(signal.SIGKILL)
            killed.set()

    out = tmp_path / "out.tif"
    segment(scene, str(model_1band), str(out), SegmentOptions(**OPTIONS, scheduler=cluster.address),
            progress=progress)
    assert killed.is_set() and spare.wait() == -signal.SIGKILL
    assert (read(out) == reference).mean() >= 0.9999


def test_cancel_cancels_the_tasks_and_cleans_up(cluster, scene, model_1band, tmp_path):
    seen: list[str] = []
    out = tmp_path / "out.tif"
    with pytest.raises(SegmentCancelled):
        segment(scene, str(model_1band), str(out), SegmentOptions(**OPTIONS, scheduler=cluster.address),
                progress=lambda _p, m: seen.append(m),
                is_cancelled=lambda: any(m.startswith("chunks 1/") for m in seen))
    assert list(tmp_path.iterdir()) == []
    deadline = time.time() + 30
    while cluster.task_count() and time.time() < deadline:
        time.sleep(0.2)
    assert cluster.task_count() == 0


@pytest.mark.usefixtures("gdal_exception_mode")
def test_a_worker_that_cannot_open_the_input_is_named(cluster, model_1band, tmp_path):
    src = tmp_path / "gone.tif"
    shutil.copy(PAN, src)

    def log(msg: str) -> None:
        if "connected to the Dask scheduler" in msg:
            os.remove(src)  # the client holds the file open; the workers will not find it

    with pytest.raises(EngineError) as err:
        segment(str(src), str(model_1band), str(tmp_path / "out.tif"),
                SegmentOptions(**{**OPTIONS, "chunk_size": 256}, scheduler=cluster.address), log=log)
    message = str(err.value)
    assert "Dask worker tcp://127.0.0.1:" in message and str(src) in message and "shared file system" in message
    assert not (tmp_path / "out.tif").exists()


def test_wrong_scheduler_address_fails_within_seconds(model_1band, tmp_path):
    t0 = time.perf_counter()
    with pytest.raises(EngineError) as err:
        segment(PAN, str(model_1band), str(tmp_path / "out.tif"),
                SegmentOptions(**OPTIONS, scheduler=f"tcp://127.0.0.1:{_free_port()}"))
    assert time.perf_counter() - t0 < 30
    assert err.value.field == "scheduler" and "cannot reach the Dask scheduler" in err.value.detail
    assert [p.name for p in tmp_path.iterdir()] == []


@pytest.mark.parametrize("address, words", [("http://127.0.0.1:8786", "tcp://host:port"),
                                            ("tcp://127.0.0.1", "no port")])
def test_malformed_scheduler_address_is_refused_before_anything_runs(model_1band, tmp_path, address, words):
    with pytest.raises(EngineError) as err:
        segment(PAN, str(model_1band), str(tmp_path / "out.tif"), SegmentOptions(scheduler=address))
    assert err.value.field == "scheduler" and words in err.value.detail



def test_qgis_segment_runs_on_the_cluster_with_dask_scheduler(remotenet_provider, cluster, scene, model_1band,
                                                              reference, tmp_path):
    import processing
    from conftest import recording_feedback

    feedback = recording_feedback()
    out = tmp_path / "classes.tif"
    result = processing.run("remotenet:segment", {
        "INPUT": scene, "MODEL": str(model_1band), "TILE_SIZE": 128, "OVERLAP": 16, "DEVICE": 2, "PRECISION": 1,
        "RUNTIME": 1, "CHUNK_SIZE": 448, "DASK_SCHEDULER": cluster.address, "OUTPUT_RASTER": str(out),
        "OUTPUT_VECTOR": str(tmp_path / "polygons.gpkg")}, feedback=feedback)
    assert result["OUTPUT_RASTER"] == str(out)
    assert (read(out) == reference).mean() >= 0.9999
    assert any("connected to the Dask scheduler" in line for line in feedback.lines)
    assert any("9 chunks" in line for line in feedback.lines), feedback.lines


def test_qgis_names_the_scheduler_parameter_in_errors(remotenet_provider, model_1band, tmp_path):
    from conftest import check_message

    message = check_message("remotenet:segment", {"INPUT": PAN, "MODEL": str(model_1band),
                                                  "DASK_SCHEDULER": "http://somewhere",
                                                  "OUTPUT_RASTER": str(tmp_path / "out.tif")})
    assert message.startswith("DASK_SCHEDULER:") and "tcp://host:port" in message


def test_resume_after_a_killed_client_reuses_the_cluster_s_finished_chunks(cluster, scene, model_1band, reference,
                                                                           tmp_path):
    out = tmp_path / "out.tif"
    work = Path(work_folder_for(str(out)))
    cmd = [sys.executable, "-m", "remotenet", "segment", scene, str(model_1band), str(out), "--scheduler",
           cluster.address, "--chunk", "448", "--tile-size", "128", "--overlap", "16", "--device", "cpu",
           "--precision", "fp32", "--runtime", "torch"]
    client = subprocess.Popen(cmd, env=cluster.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    try:
        while len(list(work.glob("c*_*.json"))) < 3:
            assert client.poll() is None and time.time() < deadline, "the client ended before it could be killed"
            time.sleep(0.05)
    finally:
        client.send_signal(signal.SIGKILL)
        client.wait()
    assert not out.exists()
    log: list[str] = []
    result = segment(scene, str(model_1band), str(out), SegmentOptions(**OPTIONS, scheduler=cluster.address),
                     log=log.append)
    assert result.chunks_reused >= 3, log
    assert (read(out) == reference).mean() >= 0.9999
    assert not work.exists()


def test_tls_scheduler_without_certificates_is_explained(model_1band, tmp_path):
    with pytest.raises(EngineError) as err:
        segment(PAN, str(model_1band), str(tmp_path / "out.tif"),
                SegmentOptions(**OPTIONS, scheduler=f"tls://127.0.0.1:{_free_port()}"))
    assert err.value.field == "scheduler"
    assert "certificate" in err.value.detail or "cannot reach" in err.value.detail
    assert list(tmp_path.iterdir()) == []


def test_missing_tls_file_is_refused_up_front(model_1band, tmp_path):
    with pytest.raises(EngineError) as err:
        segment(PAN, str(model_1band), str(tmp_path / "out.tif"),
                SegmentOptions(scheduler="tls://127.0.0.1:8786", scheduler_tls={"ca_file": str(tmp_path / "ca.pem")}))
    assert err.value.field == "scheduler_tls" and "ca.pem" in err.value.detail

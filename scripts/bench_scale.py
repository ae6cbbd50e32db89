"""Scale benchmark (issue 11): chunked against one-piece runs, a two-worker Dask cluster against one
process, and peak memory at 4,000 and 16,000 px with the demonstration model and polygons.

    scripts/bench --scale [--size 8192] [--skip-memory] [--json out.json]

Everything runs in one invocation on one raster, so the ratios compare like with like on a shared,
noisy machine; the figures are printed as JSON lines, the last one a summary. Nothing here is a test.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import MODEL, emit, find_scene, load_average, repeat_vrt, run_child  # noqa: E402


def timed_segment(source: str, out: str, **options) -> tuple[float, object]:
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment

    t0 = time.perf_counter()
    result = segment(source, str(MODEL), out, SegmentOptions(**options))
    return time.perf_counter() - t0, result


def agreement(a: str, b: str) -> float:
    from osgeo import gdal

    da, db = gdal.Open(a), gdal.Open(b)
    return float((da.ReadAsArray() == db.ReadAsArray()).mean())


class LoopbackCluster:
    """`dask scheduler` and N `dask worker` processes on 127.0.0.1, one thread each."""

    def __init__(self, workers: int, folder: str):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{port}"
        dask = str(Path(sys.executable).with_name("dask"))
        threads = str(max(1, (os.cpu_count() or 1) // workers))
        env = {**os.environ, "OMP_NUM_THREADS": threads}
        log = open(os.path.join(folder, "cluster.log"), "w")
        self.procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                        "--no-dashboard"], env=env, stdout=log, stderr=subprocess.STDOUT)]
        for _ in range(workers):
            self.procs.append(subprocess.Popen([dask, "worker", self.address, "--nthreads", "1", "--no-dashboard",
                                                "--memory-limit", "0", "--host", "127.0.0.1"], env=env, stdout=log,
                                               stderr=subprocess.STDOUT))
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)

    def stop(self) -> None:
        for proc in self.procs:
            proc.send_signal(signal.SIGINT)
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def main() -> None:
    from osgeo import gdal

    gdal.UseExceptions()  # an explicit mode for this program (GDAL 3.9+ warns without one)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="folder holding atlanta_pan_0p5m.tif (default ../shared/data)")
    parser.add_argument("--size", type=int, default=8192, help="side of the chunking and Dask raster (px)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of the chunking runs (median)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--json", help="also write the summary here")
    args = parser.parse_args()
    from remotenet.remotenet_plugin.engine.base.options import DEFAULT_CHUNK_PX
    from remotenet.remotenet_plugin.engine.read.tiling import TileGrid
    from remotenet.remotenet_plugin.engine.scale.chunks import ChunkPlan

    scene = find_scene(args.data)
    summary: dict = {"date": time.strftime("%Y-%m-%dT%H:%M:%S"), "cpus": os.cpu_count(), "raster_px": args.size,
                     "model": MODEL.name, "load_average_start": load_average()}
    with tempfile.TemporaryDirectory(prefix="remotenet_scale_") as tmp:
        source = repeat_vrt(os.path.join(tmp, "scene.vrt"), args.size, scene)
        cache = os.path.join(tmp, "cache")
        # Warm-up (OpenVINO conversion, file cache) so the first measured run is not penalised.
        timed_segment(source, os.path.join(tmp, "warm.tif"), cache_dir=cache, window=(0, 0, 1024, 1024))
        # Interleaved rounds, median per variant: the load of a shared machine drifts during a run.
        variants = (("one_chunk", 1 << 30), ("chunked_default", DEFAULT_CHUNK_PX), ("chunked_2048", 2048))
        walls: dict[str, list[float]] = {name: [] for name, _ in variants}
        results = {}
        for rnd in range(args.rounds):
            for name, chunk in variants:
                out = os.path.join(tmp, f"{name}.tif")
                seconds, results[name] = timed_segment(source, out, chunk_size=chunk, cache_dir=cache)
                walls[name].append(round(seconds, 2))
                emit({"measure": name, "round": rnd, "seconds": round(seconds, 2), "chunks": results[name].chunks})
        runs = {}
        for name, chunk in variants:
            median = statistics.median(walls[name])
            grid = TileGrid(args.size, args.size, 512, 48)
            runs[name] = {"seconds_median": median, "rounds_s": walls[name], "chunks": results[name].chunks,
                          "runtime": results[name].runtime, "precision": results[name].precision,
                          "mp_s": round(args.size**2 / 1e6 / median, 3),
                          "tile_runs_if_chunks_were_independent": round(ChunkPlan(grid, chunk).tiles() / len(grid), 4)}
            if name != "one_chunk":
                runs[name]["agreement_with_one_chunk"] = round(agreement(os.path.join(tmp, f"{name}.tif"),
                                                                         os.path.join(tmp, "one_chunk.tif")), 6)
                runs[name]["overhead_vs_one_chunk"] = round(median / runs["one_chunk"]["seconds_median"] - 1, 4)
            emit({"measure": f"{name}_median", **runs[name]})
        summary["runs"] = runs
        if not args.skip_dask:
            cluster = LoopbackCluster(2, tmp)
            try:
                out = os.path.join(tmp, "dask.tif")
                seconds, result = timed_segment(source, out, scheduler=cluster.address, cache_dir=cache)
            finally:
                cluster.stop()
            summary["dask_2_workers"] = {
                "seconds": round(seconds, 2), "chunks": result.chunks, "device": result.device,
                "vs_in_process_chunked": round(runs["chunked_default"]["seconds_median"] / seconds, 3),
                "agreement_with_in_process": round(agreement(out, os.path.join(tmp, "chunked_default.tif")), 6)}
            emit({"measure": "dask_2_workers", **summary["dask_2_workers"]})
        if not args.skip_memory:
            memory = {}
            for size in (4000, 16000):
                rec = run_child(["--_child", "memory", str(size), "demo", "1", scene, tmp], timeout=7200)
                emit(rec)
                memory[size] = rec
            summary["peak_rss_mb_4k"] = memory[4000]["peak_rss_mb"]
            summary["peak_rss_mb_16k"] = memory[16000]["peak_rss_mb"]
            summary["rss_16k_vs_4k"] = round(memory[16000]["peak_rss_mb"] / memory[4000]["peak_rss_mb"] - 1, 4)
            summary["memory_seconds_4k_16k"] = [memory[4000]["seconds"], memory[16000]["seconds"]]
    summary["load_average_end"] = load_average()
    summary["targets_met"] = {
        "chunked_overhead_at_most_10pct": runs["chunked_default"]["overhead_vs_one_chunk"] <= 0.10,
        "chunked_agreement_9999": runs["chunked_default"]["agreement_with_one_chunk"] >= 0.9999,
    }
    if "rss_16k_vs_4k" in summary:
        summary["targets_met"]["rss_16k_within_10pct_of_4k"] = summary["rss_16k_vs_4k"] <= 0.10
    emit({"summary": summary})
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""int8 quantisation recipes against OpenVINO bf16 and f32, in one process on the same tiles.

    .venv/bin/python scripts/int8_recipes.py engine,previous          # on this CPU
    ONEDNN_MAX_CPU_ISA=AVX2_VNNI FLOAT_HINT=f32 INT8_HINT=f32 .venv/bin/python scripts/int8_recipes.py engine
    PROFILE=bf16,engine .venv/bin/python scripts/int8_recipes.py engine  # + OpenVINO's per-layer-type profile

Each recipe is quantised with NNCF once on the engine's 32 calibration tiles of the Atlanta scene (cached
in ``--folder``), then every network is timed on the scene's 24 tiles of 256 px, batch 4, in interleaved
rounds (ROUNDS, default 7; median), and its classes are compared with PyTorch fp32 on Atlanta and on the
second scene (Las Vegas). Prints one JSON line per network. docs/performance.md, "int8", quotes it.
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import io
import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (the bench's tiles, calibration and model)

from remotenet.model import load_model, read_metadata  # noqa: E402
from remotenet.remotenet_plugin.engine.infer import openvino_runtime as ovr  # noqa: E402

BATCH, TILE, OVERLAP = 4, 256, 48
DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def recipes(nncf) -> dict[str, dict]:
    """nncf.quantize arguments by name; "engine" is what the engine does now."""
    from nncf.quantization.advanced_parameters import AdvancedQuantizationParameters, AdvancedSmoothQuantParameters

    no_sq = AdvancedQuantizationParameters(smooth_quant_alphas=AdvancedSmoothQuantParameters(matmul=-1, convolution=-1))
    fc1 = list(ovr.INT8_FLOAT_LAYERS)
    depthwise = ["GroupConvolution"]
    return {
        "previous": dict(ignored_scope=dict(patterns=fc1)),
        "depthwise_float": dict(ignored_scope=dict(patterns=fc1, types=depthwise)),
        "transformer_nosq": dict(ignored_scope=dict(patterns=fc1), model_type="TRANSFORMER", advanced=no_sq),
        "mixed": dict(ignored_scope=dict(patterns=fc1), preset="MIXED"),
        "engine": dict(ignored_scope=dict(patterns=fc1, types=list(ovr.INT8_FLOAT_TYPES)), model_type="TRANSFORMER",
                       advanced=no_sq),
        "engine_fc1_int8": dict(ignored_scope=dict(types=depthwise), model_type="TRANSFORMER", advanced=no_sq),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", help="comma-separated recipes: " + "previous, depthwise_float, transformer_nosq, "
                        "mixed, engine, engine_fc1_int8")
    parser.add_argument("--folder", default="/tmp/remotenet_int8_recipes", help="converted and quantised networks")
    args = parser.parse_args()
    import openvino as ov

    nncf = ovr.load_nncf()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    model = str(bench.MODEL)
    meta = read_metadata(model)
    scene, second = str(DATA / bench.SCENE), str(DATA / bench.SECOND_SCENE)
    tiles = {"atlanta": bench.scene_tiles(scene, meta, TILE, OVERLAP)[:24],
             "vegas": bench.scene_tiles(second, meta, TILE, OVERLAP)[:48]}
    net, _ = load_model(model)
    net.eval()
    with torch.no_grad():
        reference = {k: np.concatenate([net(torch.from_numpy(t[i:i + BATCH])).argmax(1).numpy()
                                        for i in range(0, len(t), BATCH)]) for k, t in tiles.items()}
    key = hashlib.sha256(Path(model).read_bytes()).hexdigest()
    xml = ovr.OpenVINOPredictor(net, key, (BATCH, 1, TILE, TILE), "fp32", False, str(folder)).folder / "model.xml"
    core = ov.Core()
    calibration = bench.scene_calibration(scene, meta, TILE)()
    batches = [calibration[i:i + BATCH] for i in range(0, len(calibration), BATCH)]
    known = recipes(nncf)
    quantised = {}
    for name in args.names.split(","):
        path = folder / f"{name}.xml"
        if not path.exists():
            r = known[name]
            kwargs = {"ignored_scope": nncf.IgnoredScope(**r["ignored_scope"], validate=False)}
            if "model_type" in r:
                kwargs["model_type"] = getattr(nncf.ModelType, r["model_type"])
            if "preset" in r:
                kwargs["preset"] = getattr(nncf.QuantizationPreset, r["preset"])
            if "advanced" in r:
                kwargs["advanced_parameters"] = r["advanced"]
            logging.getLogger("nncf").setLevel(logging.ERROR)
            with contextlib.redirect_stdout(io.StringIO()):
                q = nncf.quantize(core.read_model(str(xml)), nncf.Dataset(batches), subset_size=len(batches), **kwargs)
            ov.save_model(q, str(path), compress_to_fp16=False)
        quantised[name] = path
    threads = torch.get_num_threads()

    def compiled(path: Path, hint: str, perf: bool = False):
        config = {"INFERENCE_PRECISION_HINT": hint, "PERFORMANCE_HINT": "LATENCY", "INFERENCE_NUM_THREADS": threads,
                  **({"PERF_COUNT": True} if perf else {})}
        return core.compile_model(str(path), "CPU", config).create_infer_request()

    int8_hint, float_hint = os.environ.get("INT8_HINT", ovr.float_hint_for_int8()), os.environ.get("FLOAT_HINT", "bf16")
    requests = {"f32": compiled(xml, "f32")}
    if float_hint == "bf16":
        requests["bf16"] = compiled(xml, "bf16")
    requests.update({name: compiled(path, int8_hint) for name, path in quantised.items()})

    def classes(request, x: np.ndarray) -> np.ndarray:
        out = []
        for i in range(0, len(x), BATCH):
            request.infer({0: x[i:i + BATCH]})
            out.append(request.get_output_tensor(0).data.argmax(1))
        return np.concatenate(out)

    seconds = collections.defaultdict(list)
    for request in requests.values():
        classes(request, tiles["atlanta"][:BATCH])  # warm-up
    for _ in range(int(os.environ.get("ROUNDS", 7))):  # interleaved: drifting load hits every network alike
        for name, request in requests.items():
            t0 = time.perf_counter()
            classes(request, tiles["atlanta"])
            seconds[name].append((time.perf_counter() - t0) / len(tiles["atlanta"]))
    base = "bf16" if "bf16" in requests else "f32"
    for name, request in requests.items():
        s = statistics.median(seconds[name])
        print(json.dumps({"network": name, "mp_s": round(TILE * TILE / 1e6 / s, 3),
                          f"vs_{base}": round(statistics.median(seconds[base]) / s, 3),
                          "vs_f32": round(statistics.median(seconds["f32"]) / s, 3),
                          **{f"agreement_{k}": round(float((classes(request, t) == reference[k]).mean()), 5)
                             for k, t in tiles.items()},
                          "isa_cap": os.environ.get("ONEDNN_MAX_CPU_ISA", ""), "int8_hint": int8_hint}), flush=True)
    for name in filter(None, os.environ.get("PROFILE", "").split(",")):
        request = compiled(xml, name, True) if name in ("bf16", "f32") else compiled(quantised[name], int8_hint, True)
        for _ in range(3):
            request.infer({0: tiles["atlanta"][:BATCH]})
        by_type: dict[tuple[str, str], float] = collections.defaultdict(float)
        for info in request.get_profiling_info():
            by_type[(info.node_type, info.exec_type)] += info.real_time.total_seconds()
        total = sum(by_type.values())
        print(json.dumps({"profile": name, "seconds": round(total, 4), "by_type": [
            [node, kernel, round(t * 1000, 1), round(t / total, 3)]
            for (node, kernel), t in sorted(by_type.items(), key=lambda kv: -kv[1])[:18]]}), flush=True)


if __name__ == "__main__":
    main()

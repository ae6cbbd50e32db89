"""Device-machine check of the engine's CUDA inference path (no GDAL needed there)."""
import json
import sys
import time
import types
from pathlib import Path

import numpy as np
import torch

root = Path(__file__).resolve().parent.parent
eng = types.ModuleType("eng")
eng.__path__ = [str(root / "remotenet_plugin" / "engine")]
sys.modules["eng"] = eng
from eng.inference import Predictor, describe_device, pick_device, pick_precision  # noqa: E402

from remotenet.model import RemoteNet  # noqa: E402

report = {}
dev = pick_device("auto")
report["device"] = describe_device(dev)
report["auto_precision"] = pick_precision("auto", dev)
torch.manual_seed(0)
net = RemoteNet(num_classes=6, in_channels=4).eval()
ref_net = RemoteNet(num_classes=6, in_channels=4).eval()
ref_net.load_state_dict(net.state_dict())
x = np.random.default_rng(0).standard_normal((8, 4, 512, 512)).astype(np.float32)
with torch.inference_mode():
    ref = torch.softmax(ref_net.to(dev)(torch.from_numpy(x[:2]).to(dev)), 1).cpu().numpy()
for precision in ("fp32", "bf16", "fp16"):
    for bs, pinned in ((8, False), (8, True), (16, True)):
        p = Predictor(net, dev, precision, False, bs)
        p.pinned = pinned
        xb = p.allocate((bs, 4, 512, 512))
        xb[...] = np.resize(x, xb.shape)
        p(xb)
        p.seconds = 0.0
        for _ in range(5):
            out = p(xb)
        mp = 5 * bs * 512 * 512 / p.seconds / 1e6
        agree = float((out[:2].argmax(1) == ref.argmax(1)).mean())
        key = f"{precision}_b{bs}_{'pinned' if pinned else 'pageable'}"
        report[key] = {"mp_s": round(mp, 1), "argmax_agree_fp32": agree,
                       "max_abs_prob_diff": float(np.abs(out[:2] - ref).max())}
        print(key, report[key], flush=True)
# Network alone (no host transfers), for comparison.
with torch.inference_mode(), torch.autocast("cuda", dtype=torch.bfloat16):
    xd = torch.from_numpy(x).to(dev).contiguous(memory_format=torch.channels_last)
    net(xd)
    torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(5):
        net(xd)
    torch.cuda.synchronize()
    report["bf16_b8_network_only_mp_s"] = round(5 * 8 * 512 * 512 / (time.perf_counter() - t) / 1e6, 1)
# CPU blending rate for the same tiles (it runs on the main thread between batches).
from eng.blend import RowBlender  # noqa: E402
from eng.tiling import TileGrid  # noqa: E402

grid = TileGrid(4096, 1024, 512, 128)
blender = RowBlender(grid, 6, np.arange(6, dtype=np.uint8), False, lambda y, c, f: None)
probs = np.random.default_rng(1).random((6, 512, 512), dtype=np.float32)
tiles = list(grid)
t = time.perf_counter()
for tile in tiles:
    blender.add(tile, probs.copy(), None)
blender.finish()
report["cpu_blend_mp_s_of_tiles"] = round(len(tiles) * 512 * 512 / (time.perf_counter() - t) / 1e6, 1)
print("blend", report["cpu_blend_mp_s_of_tiles"], "network only", report["bf16_b8_network_only_mp_s"], flush=True)
# Inference + blending without I/O over a 4096 x 2048 window: blending on the GPU vs on the CPU.
from eng.blend_torch import TorchRowBlender  # noqa: E402

grid = TileGrid(4096, 2048, 512, 128)
tiles = list(grid)
for mode in ("cpu_blend", "gpu_blend"):
    p = Predictor(net, dev, "bf16", False, 8)
    xb = p.allocate((8, 4, 512, 512))
    xb[...] = x
    emit = lambda y, c, f: None  # noqa: E731
    if mode == "gpu_blend":
        p.on_device = True
        blender = TorchRowBlender(grid, 6, np.arange(6, dtype=np.uint8), True, emit, dev)
    else:
        blender = RowBlender(grid, 6, np.arange(6, dtype=np.uint8), True, emit)
    p(xb)
    torch.cuda.synchronize()
    p.seconds = 0.0
    t = time.perf_counter()
    for i in range(0, len(tiles), 8):
        chunk = tiles[i:i + 8]
        probs = p(xb[:len(chunk)])
        for j, tile in enumerate(chunk):
            blender.add(tile, probs[j], None)
    blender.finish()
    torch.cuda.synchronize()
    wall = time.perf_counter() - t
    report[mode] = {"raster_mp_s": round(4096 * 2048 / wall / 1e6, 1), "network_s": round(p.seconds, 3),
                    "wall_s": round(wall, 3), "efficiency": round(p.seconds / wall, 2)}
    print(mode, report[mode], flush=True)
# TTA
p = Predictor(net, dev, "bf16", True, 8)
t = time.perf_counter()
out = p(x)
report["tta_bf16_b8_s"] = time.perf_counter() - t
# OOM fallback: a forward that fails above 2 tiles, as a too-big batch would.
real_forward = net.forward


def oom_forward(t):
    if t.shape[0] > 2:
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate (simulated)")
    return real_forward(t)


net.forward = oom_forward
logs = []
p = Predictor(net, dev, "bf16", False, 8, log=logs.append)
out2 = p(x)
report["oom_fallback"] = {"batch_after": p.batch_size, "logs": logs, "shape": list(out2.shape),
                          "finite": bool(np.isfinite(out2).all())}
net.forward = real_forward
print(json.dumps(report, indent=1))

#!/usr/bin/env python3
"""Model-only CPU/GPU inference throughput of RemoteNet, in megapixels per second.

    .venv/bin/python scripts/bench_model.py [--tile 1024] [--batch 1] [--repeats 3] [--device cpu]

Prints one JSON line per configuration. Random weights: throughput does not depend on them.
Compare with the design brief's measured anchor (0.32 MP/s, 2 CPU cores, fp32, batch 1, 1024 px tiles).
"""
from __future__ import annotations

import argparse
import json
import time

import torch

from remotenet.model import RemoteNet


def throughput(model: torch.nn.Module, tile: int, batch: int, repeats: int, device: str,
               channels_last: bool = False, autocast_dtype: torch.dtype | None = None) -> float:
    x = torch.randn(batch, model.in_channels, tile, tile, device=device)
    if channels_last:
        model = model.to(memory_format=torch.channels_last)
        x = x.to(memory_format=torch.channels_last)
    ctx = (torch.autocast(device_type=device.split(":")[0], dtype=autocast_dtype)
           if autocast_dtype else torch.autocast(device_type="cpu", enabled=False))
    with torch.inference_mode(), ctx:
        model(x)  # warm-up
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        start = time.perf_counter()
        for _ in range(repeats):
            model(x)
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        seconds = time.perf_counter() - start
    return batch * tile * tile * repeats / seconds / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tile", type=int, default=1024)
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--variants", default="fp32", help="comma list of fp32, channels_last, bf16")
    args = parser.parse_args()
    torch.manual_seed(0)
    model = RemoteNet(num_classes=6, in_channels=3).eval().to(args.device)
    for variant in args.variants.split(","):
        mp_s = throughput(model, args.tile, args.batch, args.repeats, args.device,
                          channels_last=variant in ("channels_last", "bf16"),
                          autocast_dtype=torch.bfloat16 if variant == "bf16" else None)
        print(json.dumps({"variant": variant, "tile": args.tile, "batch": args.batch, "device": args.device,
                          "threads": torch.get_num_threads(), "mp_s": round(mp_s, 3)}), flush=True)


if __name__ == "__main__":
    main()

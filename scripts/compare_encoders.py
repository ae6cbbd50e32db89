#!/usr/bin/env python3
"""Side by side on a held-out part of a real scene: RemoteNet-PVT, RemoteNet-ResNet-18, and a
plain U-Net with a timm ResNet-18 encoder (written here; a baseline, not shipped).

Two real scenes (--scene): "atlanta", the left two thirds of tests/data/atlanta_pan_0p5m.tif
and its building footprints (the demonstration model's split; held out: the right third), and
"vegas_roads", the west 900 columns of tests/data/vegas_pan_0p3m.tif and its road mask (held
out: the east 400 columns). Every network gets the same chips (cut by the engine's
prepare_training_chips), the same training loop (remotenet.model.training.train_model, with
--set for TrainConfig fields; aux_weight applies to RemoteNet only) and the same budget, for
each seed. Each trained network then segments the held-out part with the engine (remotenet's
segment()) and is scored with the evaluation engine (what remotenet:evaluate runs). Prints one
JSON line per run and a Markdown table of mean (min..max) over seeds.

A benchmark script, not a test: it takes minutes per run. On a shared machine run it niced:

  nice -n 10 .venv/bin/python scripts/compare_encoders.py --minutes 3 --seeds 0 1

The budget is measured in CPU time, not wall time: the loop's clock is this process's CPU
seconds divided by --threads, so "--minutes 3" is three minutes of those cores however busy the
machine is with other work (on an idle machine, three wall minutes). Runs are interleaved seed
by seed (pvt, resnet, unet, pvt, ...). Steps per minute are per minute of that CPU clock.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import train_demo  # noqa: E402 - the demo's split and classes, so figures compare with it
from train_demo import DATA, import_remotenet  # noqa: E402

VARIANTS = ("remotenet-pvt_v2_b1", "remotenet-resnet18", "unet-resnet18")


@dataclass(frozen=True)
class Scene:
    """A labelled scene split into a training part and a held-out part (xoff, yoff, xsize, ysize)."""

    raster: Path
    labels: Path
    train_window: tuple[int, int, int, int]
    holdout_window: tuple[int, int, int, int]
    class_names: dict[int, str]
    class_colors: dict[int, list[int]]
    target: int  # the class whose held-out IoU is reported


SCENES = {
    # The demonstration model's scene and split: buildings, 0.5 m, left two thirds / right third.
    "atlanta": Scene(train_demo.RASTER, train_demo.LABELS, train_demo.TRAIN_WINDOW, train_demo.HOLDOUT_WINDOW,
                     train_demo.CLASS_NAMES, train_demo.CLASS_COLORS, target=1),
    # Roads, 0.3 m: the west 900 columns / the east 400 (the split of issue 14).
    "vegas_roads": Scene(DATA / "vegas_pan_0p3m.tif", DATA / "vegas_roads_mask.tif", (0, 0, 900, 1300),
                         (900, 0, 400, 1300), {0: "background", 1: "road"},
                         {0: [255, 255, 255], 1: [255, 128, 0]}, target=1),
}


def build_unet(num_classes: int, in_channels: int):
    """U-Net on a timm ResNet-18 (features at strides 2..32), decoder widths 256/128/64/32/16."""
    import timm
    import torch
    import torch.nn.functional as F
    from torch import nn

    from remotenet.model.layers import pad_to_multiple

    def conv_bn_relu(cin: int, cout: int) -> nn.Sequential:
        return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout),
                             nn.ReLU(inplace=True))

    class Block(nn.Module):
        def __init__(self, cin: int, skip: int, cout: int):
            super().__init__()
            self.conv1 = conv_bn_relu(cin + skip, cout)
            self.conv2 = conv_bn_relu(cout, cout)

        def forward(self, x, skip=None):
            x = F.interpolate(x, scale_factor=2, mode="nearest")
            if skip is not None:
                x = torch.cat([x, skip], dim=1)
            return self.conv2(self.conv1(x))

    class UNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.num_classes, self.in_channels = num_classes, in_channels
            self.encoder = timm.create_model("resnet18", features_only=True, in_chans=in_channels)
            c = self.encoder.feature_info.channels()  # 64, 64, 128, 256, 512
            widths = (256, 128, 64, 32, 16)
            skips = (c[3], c[2], c[1], c[0], 0)
            ins = (c[4],) + widths[:-1]
            self.blocks = nn.ModuleList(Block(i, s, o) for i, s, o in zip(ins, skips, widths))
            self.head = nn.Conv2d(widths[-1], num_classes, 3, padding=1)

        def forward(self, x):
            height, width = x.shape[-2:]
            feats = self.encoder(pad_to_multiple(x, 32, 64))
            y = feats[-1]
            for block, skip in zip(self.blocks, list(reversed(feats[:-1])) + [None]):
                y = block(y, skip)
            return self.head(y)[:, :, :height, :width]

    return UNet()


def build(variant: str, num_classes: int, in_channels: int, seed: int, spectral_head: bool = False):
    import torch

    from remotenet.model import RemoteNet

    torch.manual_seed(seed)
    if variant == "unet-resnet18":
        return build_unet(num_classes, in_channels)
    return RemoteNet(num_classes=num_classes, in_channels=in_channels, encoder=variant.removeprefix("remotenet-"),
                     spectral_head=spectral_head)


class CpuClock:
    """Stands in for the ``time`` module inside the training loop: ``monotonic()`` is the
    process's CPU time over the thread count, so a busy machine does not shrink the budget."""

    def __init__(self, threads: int):
        self.threads = max(1, threads)

    def monotonic(self) -> float:
        return time.process_time() / self.threads

    def __getattr__(self, name: str):
        return getattr(time, name)


def scene_chips(scene: Scene, tile_size: int = 256, stride: int = 32):
    """The training part's chips, cut by the engine as Train does (the same split for every run)."""
    from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips

    return prepare_training_chips(str(scene.raster), str(scene.labels), class_field=None, tile_size=tile_size,
                                  window=scene.train_window, class_names=scene.class_names,
                                  class_colors=scene.class_colors, val_fraction=0.3, train_stride=stride, seed=0)


def holdout_scores(net, header: dict, workdir: Path, scene: Scene, keep: Path | None = None) -> dict:
    """Segment the held-out part with the engine and score it with the evaluation engine; ``keep``:
    where to copy the classified raster (for scripts/error_map.py)."""
    from remotenet.model.metadata import ARCHITECTURE, build_metadata
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment
    from remotenet.remotenet_plugin.engine.training.evaluate import evaluate_classification, summary

    meta = build_metadata(len(header["classes"]), len(header["bands"]), header,
                          architecture=getattr(net, "architecture", ARCHITECTURE))
    out = workdir / "holdout.tif"
    segment(str(scene.raster), (net.eval(), meta), str(out), SegmentOptions(window=scene.holdout_window, device="cpu"))
    figures = summary(evaluate_classification(str(out), str(scene.labels)))
    target = next(c for c in figures["per_class"] if c["value"] == scene.target)
    if keep is not None:
        keep.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, keep)
    return {"target_iou": target["iou"], "target_precision": target["precision"], "target_recall": target["recall"],
            "miou": figures["miou"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=3.0,
                        help="budget per run: minutes of --threads cores' CPU time (see above)")
    parser.add_argument("--scene", choices=sorted(SCENES), default="atlanta")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument("--tile-size", type=int, default=256)
    parser.add_argument("--stride", type=int, default=32)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--lr", type=float, default=6e-4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep each run's classified held-out raster here (<variant>_seed<N>.tif)")
    parser.add_argument("--set", nargs="*", default=[], metavar="FIELD=VALUE",
                        help="other TrainConfig fields, e.g. scale_jitter=1.5 dice_weight=0.5")
    args = parser.parse_args(argv)

    import_remotenet()
    import numpy as np
    import torch

    from remotenet.model.training import TrainConfig, loop, train_model

    torch.set_num_threads(args.threads)
    scene = SCENES[args.scene]
    chips = scene_chips(scene, args.tile_size, args.stride)
    extra = {}
    for item in args.set:
        key, _, value = item.partition("=")
        extra[key] = json.loads(value)
    print(json.dumps({"event": "chips", "train": len(chips.train_images), "val": len(chips.val_images),
                      "scene": args.scene, "tile": args.tile_size, "minutes": args.minutes,
                      "batch": args.batch_size, "lr": args.lr, "extra": extra}), flush=True)
    rows: dict[str, list[dict]] = {v: [] for v in args.variants}
    with tempfile.TemporaryDirectory(prefix="compare_encoders_") as tmp:
        for seed in args.seeds:
            for variant in args.variants:
                net = build(variant, chips.num_classes, chips.train_images.shape[1], seed,
                            spectral_head=bool(extra.get("spectral_head")))
                config = TrainConfig(epochs=None, max_minutes=args.minutes, batch_size=args.batch_size,
                                     lr=args.lr, device="cpu", seed=seed, **extra)
                wall = time.monotonic()
                loop.time = CpuClock(args.threads)
                try:
                    result = train_model(chips.train_images, chips.train_labels, chips.val_images,
                                         chips.val_labels, chips.num_classes, config, norm=chips.norm, model=net)
                finally:
                    loop.time = time
                wall = time.monotonic() - wall
                kept = args.keep / f"{variant}_seed{seed}.tif" if args.keep else None
                scores = holdout_scores(result.model, chips.header, Path(tmp), scene, kept)
                row = {"variant": variant, "seed": seed, "steps": result.steps,
                       "steps_per_min": round(result.steps / (result.elapsed_s / 60), 1),
                       "val_miou": round(result.best_metrics.get("miou") or 0.0, 4),
                       "holdout_target_iou": round(scores["target_iou"], 4),
                       "holdout_target_precision": round(scores["target_precision"], 4),
                       "holdout_target_recall": round(scores["target_recall"], 4),
                       "holdout_miou": round(scores["miou"], 4),
                       "params": sum(p.numel() for p in result.model.parameters()),
                       "wall_s": round(wall, 1)}
                rows[variant].append(row)
                print(json.dumps(row), flush=True)

    def cell(values: list[float], digits: int = 3) -> str:
        return f"{np.mean(values):.{digits}f} ({min(values):.{digits}f}..{max(values):.{digits}f})"

    target = scene.class_names[scene.target]
    print(f"\n| network | params | steps/min | validation mIoU | held-out {target} IoU | held-out mIoU |")
    print("|---|---|---|---|---|---|")
    for variant, runs in rows.items():
        print(f"| {variant} | {runs[0]['params'] / 1e6:.1f} M | {cell([r['steps_per_min'] for r in runs], 1)} | "
              f"{cell([r['val_miou'] for r in runs])} | {cell([r['holdout_target_iou'] for r in runs])} | "
              f"{cell([r['holdout_miou'] for r in runs])} |")
    print(f"\n{len(args.seeds)} seeds ({' '.join(map(str, args.seeds))}), {args.minutes} min per run, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fine-tuning the bundled building model against training from scratch, same chips, same budget.

The bundled model (resources/models/remotenet_demo_buildings.safetensors: RemoteNet-PVT, one
band, background/building) was trained on the left two thirds of tests/data/atlanta_pan_0p5m.tif
and finds almost no buildings in the right third (building IoU 0.006). The repository holds no
second labelled building scene, so the new area is that right third, which the model never saw:

- "atlanta_right" (default): learn from the top half of the right third (columns 600..899, rows
  0..449: 300 x 450 px, about 4,700 building pixels), score building IoU on its bottom half
  (rows 450..899), never trained on by either arm nor by the bundled model.
- "vegas_roads": another scene and sensor (WorldView-3, 0.3 m, Las Vegas) and another class
  (roads): learn from the north-west 450 x 450 px, score road IoU on the east 400 columns. The
  building model's classes are not these, so fine-tuning gets a new classification head.

Both arms get the same chips (the engine's prepare_training_chips at Train's defaults: tile size
chosen, objects held out for validation), the same loop and TrainConfig (Train's defaults: lr
6e-4, EMA, class-balanced chips, the checkpoint rule) and the same budget of CPU time:

- finetune: model/fine_tune.start_from on the bundled model (what Train's INITIAL_MODEL runs; its
  encoder, PVTv2-b1; its normalisation kept);
- scratch: a new RemoteNet with --scratch-encoder (Train's default, resnet18, unless told), the
  chips' own normalisation.

The budget is CPU time (this process's CPU seconds over --threads), so other work on a shared
machine does not shrink it; arms alternate seed by seed (finetune, scratch, finetune, ...) so both
see the same load. Each trained network segments the held-out part with the engine and is scored
by the evaluation engine (what remotenet:evaluate runs). A row for the bundled model untrained
comes first. Prints one JSON line per run and a Markdown table.

  OMP_WAIT_POLICY=PASSIVE nice -n 10 .venv/bin/python scripts/compare_finetune.py --minutes 3 --seeds 0 1
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from compare_encoders import CpuClock, Scene, holdout_scores  # noqa: E402
from train_demo import DATA, import_remotenet  # noqa: E402

BUNDLED = ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors"
BUILDINGS = {0: "background", 1: "building"}
SCENES = {
    "atlanta_right": Scene(DATA / "atlanta_pan_0p5m.tif", DATA / "atlanta_buildings.geojson", (600, 0, 300, 450),
                           (600, 450, 300, 450), BUILDINGS, {0: [255, 255, 255], 1: [0, 0, 255]}, target=1),
    "vegas_roads": Scene(DATA / "vegas_pan_0p3m.tif", DATA / "vegas_roads_mask.tif", (0, 0, 450, 450),
                         (900, 0, 400, 1300), {0: "background", 1: "road"},
                         {0: [255, 255, 255], 1: [255, 128, 0]}, target=1),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=3.0, help="budget per run: minutes of --threads cores' "
                        "CPU time")
    parser.add_argument("--scene", choices=sorted(SCENES), default="atlanta_right")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--arms", nargs="+", default=["finetune", "scratch"], choices=["finetune", "scratch"])
    parser.add_argument("--scratch-encoder", default="resnet18", choices=["resnet18", "pvt_v2_b1"])
    parser.add_argument("--initial-model", type=Path, default=BUNDLED)
    parser.add_argument("--recompute-normalisation", action="store_true")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)

    import_remotenet()
    import numpy as np
    import torch

    from remotenet.model import load_model
    from remotenet.model.fine_tune import fine_tuned_header, start_from
    from remotenet.model.training import TrainConfig, loop, train_model
    from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips

    torch.set_num_threads(args.threads)
    scene = SCENES[args.scene]
    chips = prepare_training_chips(str(scene.raster), str(scene.labels), class_field=None,
                                   window=scene.train_window, class_names=scene.class_names,
                                   class_colors=scene.class_colors, seed=0)
    load = os.getloadavg()
    print(json.dumps({"event": "chips", "scene": args.scene, "train": len(chips.train_images),
                      "val": len(chips.val_images), "tile": chips.header["tile_size"], "minutes": args.minutes,
                      "threads": args.threads, "loadavg": [round(v, 2) for v in load],
                      "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}), flush=True)
    rows: dict[str, list[dict]] = {arm: [] for arm in args.arms}
    with tempfile.TemporaryDirectory(prefix="compare_finetune_") as tmp:
        net, meta = load_model(args.initial_model)
        if [c["name"] for c in meta["classes"]] == [scene.class_names[k] for k in sorted(scene.class_names)]:
            scores = holdout_scores(net, meta, Path(tmp), scene)
            print(json.dumps({"arm": "initial model, untrained here", "target_iou": round(scores["target_iou"], 4),
                              "miou": round(scores["miou"], 4)}), flush=True)
        for seed in args.seeds:
            for arm in args.arms:
                header = chips.header
                if arm == "finetune":
                    lines: list[str] = []
                    start = start_from(args.initial_model, chips.header, args.recompute_normalisation, log=lines.append)
                    model, header, norm, encoder = start.model, fine_tuned_header(chips.header, start), start.norm, \
                        start.encoder
                    for line in lines:
                        print(json.dumps({"log": line}), flush=True)
                else:
                    from remotenet.model import RemoteNet

                    torch.manual_seed(seed)
                    encoder = args.scratch_encoder
                    model = RemoteNet(num_classes=chips.num_classes, in_channels=chips.train_images.shape[1],
                                      encoder=encoder)
                    norm = chips.norm
                config = TrainConfig(epochs=None, max_minutes=args.minutes, device="cpu", seed=seed, encoder=encoder)
                load_before = os.getloadavg()[0]
                wall = time.monotonic()
                loop.time = CpuClock(args.threads)
                try:
                    result = train_model(chips.train_images, chips.train_labels, chips.val_images, chips.val_labels,
                                         chips.num_classes, config, norm=norm, model=model)
                finally:
                    loop.time = time
                wall = time.monotonic() - wall
                scores = holdout_scores(result.model, header, Path(tmp), scene)
                row = {"arm": arm, "encoder": encoder, "seed": seed, "steps": result.steps,
                       "checkpoint": result.checkpoint.get("rule"),
                       "val_miou": round(result.best_metrics.get("miou") or 0.0, 4),
                       "holdout_target_iou": round(scores["target_iou"], 4), "holdout_miou": round(scores["miou"], 4),
                       "wall_s": round(wall, 1), "load1_before": round(load_before, 2),
                       "load1_after": round(os.getloadavg()[0], 2)}
                rows[arm].append(row)
                print(json.dumps(row), flush=True)

    target = scene.class_names[scene.target]
    print(f"\n| arm | encoder | seed | steps | validation mIoU | held-out {target} IoU | held-out mIoU | wall s |")
    print("|---|---|---|---|---|---|---|---|")
    for arm, runs in rows.items():
        for r in runs:
            print(f"| {arm} | {r['encoder']} | {r['seed']} | {r['steps']} | {r['val_miou']:.3f} | "
                  f"{r['holdout_target_iou']:.3f} | {r['holdout_miou']:.3f} | {r['wall_s']:.0f} |")
    for arm, runs in rows.items():
        values = [r["holdout_target_iou"] for r in runs]
        print(f"{arm}: mean held-out {target} IoU {np.mean(values):.3f} over {len(values)} seed(s)")
    print(f"\n{args.minutes} CPU-minutes per run on {args.threads} thread(s), load average at the end "
          f"{' '.join(f'{v:.2f}' for v in os.getloadavg())}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
          flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How far validation tells what the held-out part will score: one training run of
`scripts/compare_encoders.py` (same chips, loop, CPU-time budget), with the weights that each
validation scored (the moving average) copied aside; after the run each copy segments the held-out
part and is scored. Prints one JSON line for the kept checkpoint, then one per validation: step,
validation mIoU, held-out IoU of the scene's class.

  OMP_WAIT_POLICY=PASSIVE .venv/bin/python scripts/holdout_by_checkpoint.py --scene vegas_roads \\
      --minutes 8 --seed 1 [--variant remotenet-resnet18] [--set ema_decay=0.998]

A diagnostic, not a test: minutes per run, plus about 20 s per validation for the scoring.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_encoders as ce  # noqa: E402 - the yardstick's scenes, networks, clock and scoring


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scene", choices=sorted(ce.SCENES), default="vegas_roads")
    parser.add_argument("--variant", choices=ce.VARIANTS, default="remotenet-resnet18")
    parser.add_argument("--minutes", type=float, default=8.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--set", nargs="*", default=[], metavar="FIELD=VALUE", help="other TrainConfig fields")
    args = parser.parse_args(argv)

    ce.import_remotenet()
    import torch

    from remotenet.model.training import TrainConfig, checkpoints, loop, train_model

    torch.set_num_threads(1)
    scene = ce.SCENES[args.scene]
    chips = ce.scene_chips(scene)
    extra = {key: json.loads(value) for key, _, value in (item.partition("=") for item in args.set)}
    copies: list[tuple[int, float, dict]] = []
    validate = checkpoints.BestCheckpoint._validate

    def validate_and_copy(self, model, step):  # the averaged weights are in the model here
        validate(self, model, step)
        copies.append((step, self.history[-1]["miou"], {k: v.detach().clone() for k, v in model.state_dict().items()}))

    checkpoints.BestCheckpoint._validate = validate_and_copy
    net = ce.build(args.variant, chips.num_classes, chips.train_images.shape[1], args.seed)
    config = TrainConfig(epochs=None, max_minutes=args.minutes, batch_size=4, lr=6e-4, device="cpu", seed=args.seed,
                         **extra)
    loop.time = ce.CpuClock(1)
    try:
        result = train_model(chips.train_images, chips.train_labels, chips.val_images, chips.val_labels,
                             chips.num_classes, config, norm=chips.norm, model=net)
    finally:
        loop.time = time
        checkpoints.BestCheckpoint._validate = validate
    with tempfile.TemporaryDirectory(prefix="holdout_by_checkpoint_") as tmp:
        kept = ce.holdout_scores(result.model, chips.header, Path(tmp), scene)
        print(json.dumps({"variant": args.variant, "seed": args.seed, "extra": extra, "steps": result.steps,
                          "kept_step": result.best_step, "val_miou": round(result.best_metrics.get("miou") or 0, 4),
                          "holdout_target_iou": round(kept["target_iou"], 4)}), flush=True)
        for step, miou, state in copies:
            result.model.load_state_dict(state)
            scores = ce.holdout_scores(result.model, chips.header, Path(tmp), scene)
            print(json.dumps({"step": step, "val_miou": round(miou, 4),
                              "holdout_target_iou": round(scores["target_iou"], 4)}), flush=True)


if __name__ == "__main__":
    main()

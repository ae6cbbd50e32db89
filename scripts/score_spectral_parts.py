#!/usr/bin/env python3
"""Which part of a spectral-head RemoteNet carries its held-out accuracy on the few-polygon scene.

Trains RemoteNet at Train's defaults (spectral head on) for --minutes of CPU time on the training
polygons of compare_sparse.py's scene (optionally resampled with --pixel-m), then scores on the
held-out polygons with the decoder's logits at 1, 3/4, 1/2, 1/4 (Train's default on few labels)
and 0 (the spectral head alone) of their weight, beside the random forest on the same pixels.
One JSON line. Issue 24 chose Train's share of the decoder with it (docs/training.md).

  OMP_WAIT_POLICY=PASSIVE nice -n 5 .venv/bin/python scripts/score_spectral_parts.py --minutes 3 --seed 2
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from compare_encoders import CpuClock, build  # noqa: E402
from compare_sparse import RASTER, coarser_scene, random_forest, scores, split_polygons  # noqa: E402
from train_demo import import_remotenet  # noqa: E402

DECODER_WEIGHTS = {"whole network": 1.0, "decoder at 3/4 weight": 0.75, "decoder at half weight": 0.5,
                   "decoder at 1/4 weight (Train's default)": 0.25, "spectral head alone": 0.0}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pixel-m", type=float, default=None, help="resample the scene to this pixel size first")
    parser.add_argument("--minutes", type=float, default=3.0, help="CPU minutes of training (one thread)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    import_remotenet()
    import torch

    from remotenet.model import load_model
    from remotenet.model.training import TrainConfig, loop, save_trained_model, train_model
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment
    from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips

    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory(prefix="spectral_parts_") as tmp:
        work = Path(tmp)
        train, test = split_polygons(work)
        raster = coarser_scene(work, args.pixel_m) if args.pixel_m else RASTER
        chips = prepare_training_chips(str(raster), train, class_field="class")
        net = build("remotenet-resnet18", chips.num_classes, chips.train_images.shape[1], args.seed,
                    spectral_head=True)
        # The decoder kept whole here, so that each share below is of the decoder as trained
        # (Train keeps few_labels_decoder_weight of it: the "1/4" row is Train's model).
        config = TrainConfig(epochs=None, max_minutes=args.minutes, device="cpu", seed=args.seed,
                             encoder="resnet18", spectral_head=True, few_labels_decoder_weight=1.0)
        loop.time = CpuClock(1)
        try:
            result = train_model(chips.train_images, chips.train_labels, chips.val_images, chips.val_labels,
                                 chips.num_classes, config, norm=chips.norm, model=net)
        finally:
            loop.time = time
        model_file = work / "model.safetensors"
        save_trained_model(result, model_file, chips.header)
        row = {"pixel_m": args.pixel_m or 10.0, "seed": args.seed, "steps": result.steps}
        for name, weight in DECODER_WEIGHTS.items():
            model, header = load_model(model_file)
            with torch.no_grad():
                model.Decoder.FRM.head.weight.mul_(weight)
                model.Decoder.FRM.head.bias.mul_(weight)
            classified = str(work / f"{weight:g}.tif")
            segment(str(raster), (model, header), classified, SegmentOptions(device="cpu", runtime="torch"))
            row[name] = scores(classified, test)
        forest, _pixels = random_forest(Path(raster), train, work, args.seed)
        row["random forest"] = scores(forest, test)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()

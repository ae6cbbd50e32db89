#!/usr/bin/env python3
"""Reproducible training of the bundled demonstration model (SpaceNet Atlanta, buildings).

A demonstration trained on one small scene (900 x 900 px of WorldView-2 panchromatic at
0.5 m, 43 building footprints), not a production model. The right third of the scene
(columns 600..899) is held out: never seen in training, validation or normalisation
statistics, and used only to measure the model's building IoU.

Three steps, each a sub-command:

  prepare   (GDAL)          chips, spatial split and normalisation  -> OUT/atlanta_chips.npz
  train     (numpy + torch)  the .npz -> a .safetensors model file  (runs without GDAL,
                             e.g. on a GPU machine; prints one JSON line per event)
  evaluate  (GDAL + torch)   segment the held-out third with the engine, score it with the
                             evaluation engine (what `remotenet:evaluate` runs), and write the
                             held-out metrics into the model file's header

  .venv/bin/python scripts/train_demo.py prepare --out build/demo
  .venv/bin/python scripts/train_demo.py train --chips build/demo/atlanta_chips.npz \\
      --output resources/models/remotenet_demo_buildings.safetensors --epochs 150 --max-minutes 8
  .venv/bin/python scripts/train_demo.py evaluate --model resources/models/remotenet_demo_buildings.safetensors \\
      --out build/demo
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
RASTER = DATA / "atlanta_pan_0p5m.tif"
LABELS = DATA / "atlanta_buildings.geojson"
TRAIN_WINDOW = (0, 0, 600, 900)  # xoff, yoff, xsize, ysize: the left two thirds
HOLDOUT_WINDOW = (600, 0, 300, 900)  # the right third, never trained on
CLASS_NAMES = {0: "background", 1: "building"}
CLASS_COLORS = {0: [255, 255, 255], 1: [0, 0, 255]}  # the ISPRS palette's impervious/building
ATTRIBUTION = ("Trained on SpaceNet data (SpaceNet on AWS), CC BY-SA 4.0: WorldView-2 imagery and building "
               "footprints of a suburban Atlanta sample (from the solaris 0.4.0 sample data).")
DESCRIPTION = ("Demonstration model: RemoteNet trained from scratch on one small scene (900 x 900 px, 0.5 m "
               "panchromatic, 43 buildings), left two thirds; not a production model.")


def import_remotenet():
    """`import remotenet`, also from a bare checkout whose folder has another name."""
    try:
        import remotenet  # noqa: F401
    except ImportError:
        spec = importlib.util.spec_from_file_location("remotenet", ROOT / "__init__.py",
                                                      submodule_search_locations=[str(ROOT)])
        module = importlib.util.module_from_spec(spec)
        sys.modules["remotenet"] = module
        spec.loader.exec_module(module)
    return sys.modules["remotenet"]


def emit(record: dict) -> None:
    print(json.dumps(record, default=str), flush=True)


def cmd_prepare(args: argparse.Namespace) -> None:
    import_remotenet()
    from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips

    chips = prepare_training_chips(
        str(args.raster), str(args.labels), class_field=None, tile_size=args.tile_size, window=TRAIN_WINDOW,
        class_names=CLASS_NAMES, class_colors=CLASS_COLORS, val_fraction=args.val_fraction,
        train_stride=args.stride, seed=args.seed, log=lambda msg: emit({"event": "prepare", "message": msg}))
    chips.header["provenance"]["data"].update({
        "description": DESCRIPTION, "attribution": ATTRIBUTION, "license": "CC BY-SA 4.0",
        "held_out_window": list(HOLDOUT_WINDOW),
        "split_note": "columns 600..899 held out for testing; validation blocks drawn from columns 0..599",
    })
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "atlanta_chips.npz"
    chips.save(path)
    emit({"event": "prepared", "path": str(path), "train_chips": len(chips.train_images),
          "val_chips": len(chips.val_images), "tile_size": chips.header["tile_size"],
          "input": chips.header["input"], "classes": chips.header["classes"]})


def cmd_train(args: argparse.Namespace) -> None:
    import_remotenet()
    import torch

    from remotenet.model.training import ChipSet, TrainConfig, save_trained_model

    torch.set_float32_matmul_precision("high")
    chips = ChipSet.load(args.chips)
    config = TrainConfig(epochs=args.epochs, max_minutes=args.max_minutes, max_steps=args.max_steps,
                         batch_size=args.batch_size, lr=args.lr, device=args.device, seed=args.seed,
                         pretrained_encoder=args.pretrained_encoder, drop_path_rate=args.drop_path,
                         encoder=args.encoder, encoder_lr_ratio=args.encoder_lr_ratio,
                         encoder_weights=args.encoder_weights,
                         **({} if args.aux_weight is None else {"aux_weight": args.aux_weight}))
    every = max(1, args.log_every)

    def progress(info: dict) -> None:
        if info["event"] != "step" or info["step"] % every == 0:
            emit(info)

    result = chips.train(config, progress=progress)
    header = dict(chips.header)
    header["provenance"] = {**header.get("provenance", {}),
                            "command": "scripts/train_demo.py " + " ".join(sys.argv[1:]),
                            "trainer": "remotenet.model.training.train_model"}
    written = save_trained_model(result, args.output, header, half=args.half)
    emit({"event": "saved", "path": str(args.output), "validation": written["metrics"].get("validation", {}),
          "loss_first": result.summary()["loss_first"], "loss_last": result.summary()["loss_last"]})


def cmd_evaluate(args: argparse.Namespace) -> None:
    import_remotenet()
    from remotenet.model import load_model, save_model, weights_storage
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment
    from remotenet.remotenet_plugin.engine.training.evaluate import evaluate_classification, summary

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    classified = out / "atlanta_holdout_classified.tif"
    t0 = time.monotonic()
    seg = segment(str(args.raster), str(args.model), str(classified),
                  SegmentOptions(window=HOLDOUT_WINDOW, device=args.device))
    emit({"event": "segmented", "path": str(classified), "device": seg.device,
          "seconds": round(time.monotonic() - t0, 1)})
    result = evaluate_classification(str(classified), str(args.labels), output_table=str(out / "holdout_metrics.csv"),
                                     output_html=str(out / "holdout_report.html"))
    figures = summary(result)
    building = next(c for c in figures["per_class"] if c["value"] == 1)
    emit({"event": "evaluated", "building_iou": building["iou"], "miou": figures["miou"], "oa": figures["oa"],
          "kappa": figures["kappa"], "table": result.output_table, "html": result.output_html})
    if args.no_write:
        return
    # Re-save with the held-out figures; keep the stored precision (float32, float16 or int8).
    storage = weights_storage(args.model)
    model, meta = load_model(args.model)
    meta["metrics"] = {**meta.get("metrics", {}), "held_out": {
        **figures, "window_px": list(HOLDOUT_WINDOW), "building_iou": building["iou"],
        "measured_with": "remotenet.remotenet_plugin.engine.training.evaluate (remotenet:evaluate) on the segmented "
                         "right third of atlanta_pan_0p5m.tif against atlanta_buildings.geojson"}}
    save_model(model, args.model, meta, storage=storage)
    emit({"event": "header-updated", "path": str(args.model)})
    card = Path(args.model).with_suffix(".md")
    card.write_text(model_card(meta, building, figures), encoding="utf-8")
    emit({"event": "model-card", "path": str(card)})


def _quantisation_line(meta: dict) -> str:
    quant = meta.get("provenance", {}).get("quantisation", {})
    checked = quant.get("checked_on", {})
    if not checked:
        return ""
    return (f" For this file: {100 * checked['same_class_share']:.3f} % of {checked['pixels']} pixels "
            f"equal (segment(), fp32, CPU), made from the {quant['from']['storage']} file "
            f"(sha256 {quant['from']['sha256'][:12]}...).")


def model_card(meta: dict, building: dict, figures: dict) -> str:
    """A short README beside the bundled model: what it is, how good, how it was made, credit."""
    val = meta.get("metrics", {}).get("validation", {})
    training = meta.get("provenance", {}).get("training", {})
    val_building = next((c.get("iou") for c in val.get("per_class", []) if c.get("value") == 1), None)
    encoder = ENCODER_NAMES.get(meta.get("architecture"), meta.get("architecture"))
    return f"""# RemoteNet demonstration model: buildings (Atlanta, 0.5 m panchromatic)

**A demonstration trained on one small scene, not a production model.** RemoteNet ({encoder}
encoder, random initialisation) trained with this plugin's own trainer on the left two thirds
(600 x 900 px) of `tests/data/atlanta_pan_0p5m.tif` (WorldView-2 panchromatic, 0.5 m) and its
43 building footprints. Classes: 0 background, 1 building. One input band; expect it to work
only on similar imagery (0.5 m single-band suburban scenes), and poorly elsewhere.

## Held-out accuracy

The right third of the scene (columns 600..899) was never used for training, validation or
normalisation statistics. Segmented with `remotenet:segment` and scored with the evaluation
engine of `remotenet:evaluate` against the footprints:

| | building IoU | mIoU | overall accuracy | kappa |
|---|---|---|---|---|
| held-out right third | {_row(building["iou"], figures)} |
| validation blocks (left part) | {_row(val_building, val)} |

The footprints are not perfectly aligned with the roofs (off-nadir imagery), which caps the
IoU any model can reach on this scene.

## Reproduce

```sh
.venv/bin/python scripts/train_demo.py prepare --out build/demo
.venv/bin/python scripts/train_demo.py train --chips build/demo/atlanta_chips.npz \\
    --output build/demo/demo_fp16.safetensors --half {_train_args(meta)}
.venv/bin/python scripts/train_demo.py evaluate --model build/demo/demo_fp16.safetensors --out build/demo
.venv/bin/python scripts/quantise_model.py build/demo/demo_fp16.safetensors \\
    resources/models/remotenet_demo_buildings.safetensors
```

The last step stores the weights as int8 (per-output-channel scales, widened to float32 on
load; `docs/model_file.md`), which halves the float16 file so the plugin zip fits the plugin
repository's 25 MB limit. It refuses to write the file unless at least 99.5 % of the demo
scene's pixels keep the float16 model's class.{_quantisation_line(meta)}

Training run: {training.get("steps")} steps, {training.get("epochs")} epochs, stopped by
{training.get("stopped_by")}, on {training.get("device")} in {training.get("elapsed_s")} s; best
checkpoint at epoch {training.get("best_epoch")}. The model file's header holds the full record.

## Credit and licence

{ATTRIBUTION} The model is derived from these data and is shared under the same licence
(CC BY-SA 4.0).
"""


ENCODER_NAMES = {"remotenet-pvt_v2_b1": "PVTv2-b1", "remotenet-resnet18": "ResNet-18"}


def _row(building_iou, m: dict) -> str:
    return " | ".join(_num(v) for v in (building_iou, m.get("miou"), m.get("oa"), m.get("kappa")))


TRAIN_OPTIONS = ("--epochs", "--max-minutes", "--max-steps", "--batch-size", "--lr", "--seed", "--encoder",
                 "--encoder-lr-ratio", "--aux-weight")


def _num(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _train_args(meta: dict) -> str:
    command = meta.get("provenance", {}).get("command", "")
    keep = []
    words = command.split()
    for i, word in enumerate(words):
        if word in TRAIN_OPTIONS and i + 1 < len(words):
            keep += [word, words[i + 1]]
    return " ".join(keep)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare", help="GDAL: chips + split + normalisation -> .npz")
    p.add_argument("--out", required=True)
    p.add_argument("--raster", default=RASTER)
    p.add_argument("--labels", default=LABELS)
    p.add_argument("--tile-size", type=int, default=256)
    p.add_argument("--stride", type=int, default=32, help="training chip stride (px); chips overlap")
    p.add_argument("--val-fraction", type=float, default=0.3)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_prepare)
    t = sub.add_parser("train", help="numpy + torch: .npz -> .safetensors")
    t.add_argument("--chips", required=True)
    t.add_argument("--output", required=True)
    t.add_argument("--epochs", type=int, default=None)
    t.add_argument("--max-minutes", type=float, default=None)
    t.add_argument("--max-steps", type=int, default=None)
    t.add_argument("--batch-size", type=int, default=8)
    t.add_argument("--lr", type=float, default=6e-4)
    t.add_argument("--device", default="auto")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--half", action="store_true", help="store float16 weights (half the size)")
    t.add_argument("--drop-path", type=float, default=0.0, help="encoder stochastic depth while training")
    t.add_argument("--pretrained-encoder", action="store_true", help="start from ImageNet weights (downloads)")
    t.add_argument("--encoder", default="pvt_v2_b1", choices=["pvt_v2_b1", "resnet18"])
    t.add_argument("--encoder-lr-ratio", type=float, default=1.0, help="encoder lr = lr x this")
    t.add_argument("--encoder-weights", default=None, help="local timm weights file for the encoder")
    t.add_argument("--aux-weight", type=float, default=None,
                   help="deep supervision weight (TrainConfig.aux_weight; default: the trainer's)")
    t.add_argument("--log-every", type=int, default=10, help="print every Nth step")
    t.set_defaults(func=cmd_train)
    e = sub.add_parser("evaluate", help="segment the held-out third, score it, write the figures into the model")
    e.add_argument("--model", required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--raster", default=RASTER)
    e.add_argument("--labels", default=LABELS)
    e.add_argument("--device", default="auto")
    e.add_argument("--no-write", action="store_true", help="do not update the model file's header")
    e.set_defaults(func=cmd_evaluate)
    args = parser.parse_args(argv)
    if args.command == "train" and not (args.epochs or args.max_minutes or args.max_steps):
        parser.error("train needs --epochs, --max-minutes or --max-steps")
    args.func(args)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Train through qgis_process on one part of a real scene, segment the held-out part, score it.

What a QGIS user does, with the plugin's own algorithms through `scripts/qgis_process`:
`remotenet:train` on the training part (a GeoTIFF cut from the scene with gdal_translate),
`remotenet:segment` on the held-out part, `remotenet:evaluate` against the reference. Scenes:
"vegas_roads" (train on the west 900 columns of tests/data/vegas_pan_0p3m.tif, score the
east 400 on its road mask) and "atlanta" (buildings; left two thirds / right third).

A check script, not a test: each run takes MAX_MINUTES of wall time plus about a minute.

  .venv/bin/python scripts/train_check_qgis.py --scene vegas_roads --minutes 8 --encoders resnet18 pvt_v2_b1

Prints one JSON line per encoder (steps, validation mIoU, held-out IoU of the target class).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from compare_encoders import SCENES  # noqa: E402 - the same scenes and splits as the side-by-side script

ENCODERS = ("pvt_v2_b1", "resnet18")  # the order of the Train algorithm's ENCODER choices


def crop(source: Path, window: tuple[int, int, int, int], out: Path) -> Path:
    subprocess.run(["gdal_translate", "-q", "-srcwin", *map(str, window), str(source), str(out)], check=True)
    return out


def qgis_process(algorithm: str, **params: object) -> dict:
    command = [str(ROOT / "scripts" / "qgis_process"), "--json", "run", algorithm, "--"]
    command += [f"{key}={value}" for key, value in params.items()]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(f"{algorithm} failed with exit status {done.returncode}")
    return json.loads(done.stdout[done.stdout.index("{"):])["results"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scene", choices=sorted(SCENES), default="vegas_roads")
    parser.add_argument("--minutes", type=float, default=8.0, help="MAX_MINUTES of remotenet:train")
    parser.add_argument("--encoders", nargs="+", choices=ENCODERS, default=list(ENCODERS))
    parser.add_argument("--keep", help="a folder to keep the models and rasters in")
    args = parser.parse_args(argv)
    scene = SCENES[args.scene]
    with tempfile.TemporaryDirectory(prefix="train_check_") as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        train_raster = crop(scene.raster, scene.train_window, work / "train.tif")
        holdout_raster = crop(scene.raster, scene.holdout_window, work / "holdout.tif")
        labels = scene.labels
        if labels.suffix == ".tif":  # a class raster: the training part only, so nothing leaks
            labels = crop(labels, scene.train_window, work / "train_labels.tif")
        for encoder in args.encoders:
            model = work / f"{encoder}.safetensors"
            started = time.monotonic()
            trained = qgis_process("remotenet:train", INPUT=train_raster, LABELS=labels,
                                   MAX_MINUTES=args.minutes, ENCODER=ENCODERS.index(encoder), OUTPUT_MODEL=model)
            train_s = time.monotonic() - started
            classes = work / f"{encoder}_holdout.tif"
            qgis_process("remotenet:segment", INPUT=holdout_raster, MODEL=model, OUTPUT_RASTER=classes)
            scores = qgis_process("remotenet:evaluate", INPUT=classes, REFERENCE=scene.labels)
            per_class = json.loads(scores["PER_CLASS"])
            target = next(c for c in per_class if c["value"] == scene.target)
            print(json.dumps({"scene": args.scene, "encoder": encoder, "max_minutes": args.minutes,
                              "train_wall_s": round(train_s, 1), "steps": trained["STEPS"],
                              "val_miou": trained["VAL_MIOU"], "holdout_target_iou": round(target["iou"], 4),
                              "holdout_miou": round(scores["MIOU"], 4),
                              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}), flush=True)


if __name__ == "__main__":
    main()

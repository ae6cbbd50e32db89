#!/usr/bin/env python3
"""Issue 24's check as a user runs it: RemoteNet Train at its defaults through qgis_process on a few
polygons, against a random forest on the same pixels.

The scene and polygons of compare_sparse.py (the Sentinel-2 test crop, 42 polygons of 7 classes,
alternate polygons held out), optionally resampled to a coarser pixel (--pixel-m 30: a Landsat-like
scene of 341 px). `remotenet:train` gets INPUT, LABELS, CLASS_FIELD and OUTPUT_MODEL only (every
other parameter at its default: 10 minutes, tile size and spectral head chosen from the scene),
then `remotenet:segment` classifies the whole scene and `remotenet:evaluate` scores it on the
held-out polygons; the forest (scikit-learn, this script only) learns from the same training
polygons and is scored the same way. Takes MAX_MINUTES of wall time plus about a minute.

  .venv/bin/python scripts/sparse_check_qgis.py [--pixel-m 30] [--minutes 10]
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
from compare_sparse import RASTER, coarser_scene, random_forest, scores, split_polygons  # noqa: E402
from train_check_qgis import qgis_process  # noqa: E402
from train_demo import import_remotenet  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pixel-m", type=float, default=None, help="resample the scene to this pixel size first")
    parser.add_argument("--minutes", type=float, default=None, help="MAX_MINUTES (default: Train's default)")
    parser.add_argument("--keep", help="a folder to keep the model and rasters in")
    args = parser.parse_args(argv)
    import_remotenet()
    with tempfile.TemporaryDirectory(prefix="sparse_check_") as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        train, test = split_polygons(work)
        raster = coarser_scene(work, args.pixel_m) if args.pixel_m else RASTER
        model = work / "model.safetensors"
        params = {"INPUT": raster, "LABELS": train, "CLASS_FIELD": "class", "OUTPUT_MODEL": model}
        if args.minutes is not None:
            params["MAX_MINUTES"] = args.minutes
        started = time.monotonic()
        trained = qgis_process("remotenet:train", **params)
        train_s = time.monotonic() - started
        classified = work / "classes.tif"
        qgis_process("remotenet:segment", INPUT=raster, MODEL=model, OUTPUT_RASTER=classified)
        from remotenet.model import read_metadata

        meta = read_metadata(model)
        forest, pixels = random_forest(Path(raster), train, work, 0)
        row = {"pixel_m": args.pixel_m or 10.0, "train_s": round(train_s), "steps": trained.get("STEPS"),
               "tile_size": meta["tile_size"], "spectral_head": meta.get("spectral_head"),
               "spectral_fit": meta["provenance"]["training"].get("spectral_fit"),
               "decoder_weight": meta["provenance"]["training"].get("decoder_weight"),
               "remotenet": scores(str(classified), test), "forest": scores(forest, test), "forest_pixels": pixels,
               "load_average": [round(x, 2) for x in os.getloadavg()],
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()

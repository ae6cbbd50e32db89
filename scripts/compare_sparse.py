#!/usr/bin/env python3
"""Learning from a few polygons (issue 24): RemoteNet against a random forest on the same pixels.

The scene: the real Sentinel-2 crop tests/data/virginia_s2_bgrn_10m.tif (4 bands, 10 m,
1024 x 1024 px) with tests/data/virginia_s2_polygons.gpkg, 42 polygons of 7 land-cover classes
made the way a QGIS user makes them (scripts/make_sparse_polygons.py says how). Alternate
polygons of each class are held out (field ``split``): the networks and the forest learn from
the "train" polygons only and are scored on the "test" polygons.

- Networks (RemoteNet-ResNet-18, RemoteNet-PVT, a plain U-Net on ResNet-18; see
  compare_encoders.py): chips cut by the engine's prepare_training_chips at Train's defaults
  (tile size chosen from the scene, objects held out for validation, and, as validation is too
  small to choose, trained on; the spectral head as SPECTRAL_HEAD=auto chooses it: on at 10 m;
  `--set spectral_head=false` leaves it out), trained by train_model for
  --minutes of CPU time (as compare_encoders.py measures it), written as a model file, run over
  the whole scene by the engine's segment() (what remotenet:segment runs).
- Random forest: scikit-learn's RandomForestClassifier (200 trees) on the band values of every
  pixel inside the training polygons, as dzetsaka and SCP train theirs; it classifies every
  pixel of the scene. scikit-learn is needed by this script only (not by the plugin):
  `.venv/bin/pip install scikit-learn`.

Both outputs are scored by the evaluation engine (what remotenet:evaluate runs) against the
held-out polygons: overall accuracy, macro F1 (mean of the classes' F1), mIoU. Prints one JSON
line per run and a Markdown table. A benchmark, not a test: minutes per run.

  OMP_WAIT_POLICY=PASSIVE nice -n 10 .venv/bin/python scripts/compare_sparse.py --minutes 3 --seeds 0 1 2
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
from train_demo import import_remotenet  # noqa: E402

RASTER = ROOT / "tests" / "data" / "virginia_s2_bgrn_10m.tif"
POLYGONS = ROOT / "tests" / "data" / "virginia_s2_polygons.gpkg"
NETWORKS = ("remotenet-resnet18", "remotenet-pvt_v2_b1", "unet-resnet18")
VARIANTS = NETWORKS + ("random-forest",)


def split_polygons(workdir: Path) -> tuple[str, str]:
    from osgeo import gdal

    paths = []
    for part in ("train", "test"):
        out = workdir / f"{part}.gpkg"
        gdal.VectorTranslate(str(out), str(POLYGONS), options=f"-where \"split = '{part}'\" -nln polygons")
        paths.append(str(out))
    return paths[0], paths[1]


def scores(classified: str, reference: str) -> dict:
    from remotenet.remotenet_plugin.engine.training.evaluate import evaluate_classification, summary

    figures = summary(evaluate_classification(classified, reference, class_field="class"))
    f1 = [c["f1"] or 0.0 for c in figures["per_class"]]
    return {"oa": round(figures["oa"], 4), "macro_f1": round(sum(f1) / len(f1), 4), "miou": round(figures["miou"], 4)}


def coarser_scene(workdir: Path, pixel_m: float) -> Path:
    """The scene resampled (pixel average) to ``pixel_m`` metres: a Landsat-like 30 m scene of a
    few hundred pixels a side, where each polygon holds a ninth of the pixels."""
    from osgeo import gdal

    out = workdir / f"scene_{pixel_m:g}m.tif"
    gdal.Warp(str(out), str(RASTER), xRes=pixel_m, yRes=pixel_m, resampleAlg="average", format="GTiff")
    return out


def random_forest(raster: Path, train: str, workdir: Path, seed: int) -> tuple[str, int]:
    """The forest's classes for the whole scene, as a GeoTIFF with the class names as categories."""
    try:
        from sklearn.ensemble import RandomForestClassifier
    except ImportError:
        sys.exit("compare_sparse.py: the random-forest baseline needs scikit-learn, which is not installed here "
                 "(it is not a plugin dependency): .venv/bin/pip install scikit-learn")
    import numpy as np
    from osgeo import gdal

    from remotenet.remotenet_plugin.engine.training.labels import read_label_grid

    ds = gdal.Open(str(raster))
    grid = read_label_grid(ds, train, "class", (0, 0, ds.RasterXSize, ds.RasterYSize))
    image = ds.ReadAsArray().astype(np.float32).reshape(ds.RasterCount, -1).T
    labels = grid.values.ravel()
    inside = labels != 255
    forest = RandomForestClassifier(n_estimators=200, random_state=seed, n_jobs=2)
    forest.fit(image[inside], labels[inside])
    classes = forest.predict(image).astype(np.uint8).reshape(ds.RasterYSize, ds.RasterXSize)
    out = workdir / "forest.tif"
    dst = gdal.GetDriverByName("GTiff").Create(str(out), ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Byte)
    dst.SetGeoTransform(ds.GetGeoTransform())
    dst.SetProjection(ds.GetProjection())
    band = dst.GetRasterBand(1)
    band.WriteArray(classes)
    band.SetNoDataValue(255)
    names = [""] * 256
    for c in grid.classes:
        names[c["value"]] = c["name"]
    band.SetCategoryNames(names)
    dst = None
    return str(out), int(inside.sum())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=3.0, help="CPU minutes per network run")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--variants", nargs="+", default=["remotenet-resnet18", "random-forest"], choices=VARIANTS)
    parser.add_argument("--tile-size", type=int, default=None, help="default: chosen by the engine (Train's default)")
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--pixel-m", type=float, default=None,
                        help="resample the scene to this pixel size first (30: a Landsat-like scene of 341 px)")
    parser.add_argument("--set", nargs="*", default=[], metavar="FIELD=VALUE", help="other TrainConfig fields")
    args = parser.parse_args(argv)

    import_remotenet()
    import numpy as np
    import torch

    from remotenet.model.spectral_choice import choose_spectral_head
    from remotenet.model.training import TrainConfig, loop, save_trained_model, train_model
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment
    from remotenet.remotenet_plugin.engine.training.chips import prepare_training_chips

    torch.set_num_threads(args.threads)
    extra = {key: json.loads(value) for key, _, value in (item.partition("=") for item in args.set)}
    rows: dict[str, list[dict]] = {v: [] for v in args.variants}
    with tempfile.TemporaryDirectory(prefix="compare_sparse_") as tmp:
        workdir = Path(tmp)
        train, test = split_polygons(workdir)
        raster = coarser_scene(workdir, args.pixel_m) if args.pixel_m else RASTER
        chips = None
        if any(v in NETWORKS for v in args.variants):
            notes: list[str] = []
            chips = prepare_training_chips(str(raster), train, class_field="class", tile_size=args.tile_size,
                                           log=notes.append)
            # Train's SPECTRAL_HEAD: auto unless --set spectral_head=true/false says otherwise.
            asked = extra.get("spectral_head")
            spectral, why = choose_spectral_head("auto" if asked is None else ("on" if asked else "off"),
                                                 chips.header)
            notes.append(why)
            print(json.dumps({"event": "chips", "train": len(chips.train_images), "val": len(chips.val_images),
                              "tile": chips.header["tile_size"], "minutes": args.minutes, "extra": extra,
                              "spectral_head": spectral, "log": notes}), flush=True)
        for seed in args.seeds:
            for variant in args.variants:
                wall = time.monotonic()
                if variant == "random-forest":
                    classified, pixels = random_forest(raster, train, workdir, seed)
                    row = {"variant": variant, "seed": seed, "train_pixels": pixels}
                else:
                    net = build(variant, chips.num_classes, chips.train_images.shape[1], seed,
                                spectral_head=spectral and variant.startswith("remotenet-"))
                    config = TrainConfig(epochs=None, max_minutes=args.minutes, batch_size=args.batch_size,
                                         device="cpu", seed=seed, encoder=variant.removeprefix("remotenet-")
                                         if variant.startswith("remotenet-") else "resnet18",
                                         **{k: v for k, v in extra.items() if k != "spectral_head"})
                    loop.time = CpuClock(args.threads)
                    try:
                        result = train_model(chips.train_images, chips.train_labels, chips.val_images,
                                             chips.val_labels, chips.num_classes, config, norm=chips.norm, model=net)
                    finally:
                        loop.time = time
                    model_file = workdir / f"{variant}_{seed}.safetensors"
                    if variant.startswith("remotenet-"):
                        save_trained_model(result, model_file, chips.header)
                        model = str(model_file)
                    else:  # the U-Net is no RemoteNet: hand segment() the network and a header
                        from remotenet.model.metadata import build_metadata

                        meta = build_metadata(chips.num_classes, chips.train_images.shape[1], chips.header)
                        model = (result.model.eval(), meta)
                    classified = str(workdir / f"{variant}_{seed}.tif")
                    segment(str(raster), model, classified, SegmentOptions(device="cpu"))
                    row = {"variant": variant, "seed": seed, "steps": result.steps,
                           "val_miou": result.best_metrics.get("miou"),
                           "trained_on_validation": result.checkpoint.get("trained_on_validation"),
                           "checkpoint": result.checkpoint.get("rule")}
                    if result.decoder_weight:  # the share of the decoder's logits kept beside the spectral head
                        row["decoder_weight"] = result.decoder_weight["weight"]
                row.update(scores(classified, test))
                row["wall_s"] = round(time.monotonic() - wall, 1)
                rows[variant].append(row)
                print(json.dumps(row), flush=True)

    def cell(values: list[float]) -> str:
        return f"{np.mean(values):.3f} ({min(values):.3f}..{max(values):.3f})"

    print("\n| method | held-out OA | held-out macro F1 | held-out mIoU |")
    print("|---|---|---|---|")
    for variant, runs in rows.items():
        print(f"| {variant} | {cell([r['oa'] for r in runs])} | {cell([r['macro_f1'] for r in runs])} | "
              f"{cell([r['miou'] for r in runs])} |")
    print(f"\n{len(args.seeds)} seeds ({' '.join(map(str, args.seeds))}), {args.minutes} CPU min per network run, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)


if __name__ == "__main__":
    main()

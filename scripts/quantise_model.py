"""Store a model file's weights as int8 and check it still segments like the original.

Converts SOURCE (float32 or float16 weights) to int8 storage (model/quantise.py), runs both
files through the engine's segment() on a raster at fp32 on the CPU, and prints the share of
pixels whose class is the same. The int8 file is written only when that share reaches
--min-agreement; its header keeps the source's metadata and records the conversion under
provenance.quantisation.

    .venv/bin/python scripts/quantise_model.py SOURCE OUTPUT [--raster R] [--min-agreement 0.995]

The bundled demonstration model was made from its float16 version (git history, before the
int8 commit):

    git show 4fde841:resources/models/remotenet_demo_buildings.safetensors > build/demo_fp16.safetensors
    .venv/bin/python scripts/quantise_model.py build/demo_fp16.safetensors \
        resources/models/remotenet_demo_buildings.safetensors
"""
from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

import numpy as np
from osgeo import gdal

ROOT = Path(__file__).resolve().parents[1]
RASTER = ROOT / "resources" / "sample" / "atlanta_pan_0p5m.tif"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _classes(model: Path, raster: Path, out: Path) -> np.ndarray:
    from remotenet.remotenet_plugin.engine import SegmentOptions, segment

    segment(str(raster), str(model), str(out), SegmentOptions(device="cpu", precision="fp32"))
    ds = gdal.Open(str(out))
    return ds.GetRasterBand(1).ReadAsArray()


def main(argv: list[str] | None = None) -> int:
    gdal.UseExceptions()  # an explicit mode for this program (GDAL 3.9+ warns without one)
    from remotenet.model import load_model, save_model, weights_storage

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--raster", type=Path, default=RASTER, help="scene to compare on (default: the demo scene)")
    parser.add_argument("--min-agreement", type=float, default=0.995)
    args = parser.parse_args(argv)
    if args.output.resolve() == args.source.resolve():
        parser.error("OUTPUT must differ from SOURCE: the source is the reference for the comparison")

    model, meta = load_model(args.source)
    source_storage = weights_storage(args.source)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        candidate = tmp / "int8.safetensors"
        save_model(model, candidate, meta, storage="int8")
        ref = _classes(args.source, args.raster, tmp / "ref.tif")
        new = _classes(candidate, args.raster, tmp / "int8.tif")
        valid = (ref != 255) | (new != 255)
        agreement = float((ref[valid] == new[valid]).mean())
        figures = {
            "pixels": int(valid.sum()),
            "agreement": round(agreement, 6),
            "classes_source": {int(v): int((ref[valid] == v).sum()) for v in np.unique(ref[valid])},
            "classes_int8": {int(v): int((new[valid] == v).sum()) for v in np.unique(new[valid])},
            # Per class, pixels both call v over pixels either calls v: a rare class's agreement.
            "class_iou": {int(v): round(float(((ref == v) & (new == v) & valid).sum()
                                              / max(1, (((ref == v) | (new == v)) & valid).sum())), 6)
                          for v in np.unique(np.concatenate([ref[valid], new[valid]]))},
        }
        print(json.dumps({"source": str(args.source), "source_storage": source_storage,
                          "raster": str(args.raster), **figures}))
        print(f"int8 vs {source_storage}: {100 * agreement:.3f} % of {figures['pixels']} pixels "
              f"have the same class (segment(), fp32, CPU); per-class IoU int8 vs source {figures['class_iou']}")
        if agreement < args.min_agreement:
            print(f"below --min-agreement {args.min_agreement}: {args.output} not written", file=sys.stderr)
            return 1
        meta.setdefault("provenance", {})["quantisation"] = {
            "storage": "int8",
            "from": {"file": args.source.name, "storage": source_storage, "sha256": _sha256(args.source)},
            "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "checked_on": {"raster": args.raster.name, "engine": "segment(), fp32, CPU, default tiling",
                           "same_class_share": figures["agreement"], "pixels": figures["pixels"],
                           "class_iou_int8_vs_source": figures["class_iou"]},
            "command": "scripts/quantise_model.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "machine": f"{platform.machine()} {platform.system()}, {os.cpu_count()} CPU threads",
        }
        save_model(model, args.output, meta, storage="int8")
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB, "
          f"source {args.source.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

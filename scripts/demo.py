#!/usr/bin/env python3
"""The main job on the bundled example, the way a QGIS user runs it: through qgis_process.

    make demo            (sets up, then runs this)
    .venv/bin/python scripts/demo.py [--out out/demo]

Runs `remotenet:segment` with the bundled demonstration model on the bundled sample image
(SpaceNet Atlanta, 0.5 m panchromatic) and writes, under --out:
  buildings.tif  (+ .qml)   classified raster, styled
  buildings.gpkg            building and background polygons with class_id, class_name, area_m2
  preview.png               the image beside the image with the classes overlaid
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "atlanta_pan_0p5m.tif"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "out" / "demo"))
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    raster, vector = out / "buildings.tif", out / "buildings.gpkg"
    # MODEL is left out on purpose: Segment then uses the bundled demonstration model.
    command = [str(ROOT / "scripts" / "qgis_process"), "--json", "run", "remotenet:segment", "--",
               f"INPUT={SAMPLE}", f"OUTPUT_RASTER={raster}", f"OUTPUT_VECTOR={vector}", "MIN_AREA=10"]
    print("running:", " ".join(command), flush=True)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        print(f"demo: qgis_process failed with exit status {done.returncode}", file=sys.stderr)
        return done.returncode
    report = json.loads(done.stdout[done.stdout.index("{"):])
    results = report.get("results", {})

    sys.path.insert(0, str(ROOT / "scripts"))
    from preview import preview

    png = preview(str(SAMPLE), str(raster), str(out / "preview.png"))
    summary = {
        "device": results.get("DEVICE_USED"),
        "tiles": results.get("TILES_TOTAL"),
        "outputs": {"raster": str(raster), "style": str(raster.with_suffix(".qml")), "polygons": str(vector),
                    "preview": png},
        "seconds_with_qgis_start": round(seconds, 1),
    }
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

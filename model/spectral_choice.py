"""Whether a new model gets the spectral head (model/spectral_head.py), for Train's "auto".

Measured (docs/training.md): on a few polygons over a 10 m Sentinel-2 scene the head raised
held-out accuracy to a random forest's and above; on dense road labels of a 0.3 m panchromatic
scene it lowered road IoU (0.35 against 0.61 at equal CPU time) and cost a quarter of the steps.
At a few metres per pixel and coarser a class is mostly its spectrum; below that, shapes.
"""
from __future__ import annotations

from typing import Any

from .messages import QT_TRANSLATE_NOOP, Message

SPECTRAL_CHOICES = ("auto", "on", "off")
# Pixels at least this size (metres) get the head under "auto": satellite multispectral imagery
# (Sentinel-2 10 m, Landsat 30 m, PlanetScope 3 m), not aerial or very-high-resolution imagery.
MIN_PIXEL_SIZE_M = 2.0
# Without a pixel size in metres: labels covering less than this share of the raster are a few
# polygons, the random-forest workflow the head is for.
SPARSE_LABELS = 0.25


def choose_spectral_head(asked: str, header: dict[str, Any]) -> tuple[bool, Message]:
    """(on, the log line that says why) for ``asked`` in SPECTRAL_CHOICES and the chips' header."""
    if asked not in SPECTRAL_CHOICES:
        raise ValueError(f"spectral head must be one of {', '.join(SPECTRAL_CHOICES)}, got {asked!r}")
    if asked != "auto":
        on = asked == "on"
        return on, (QT_TRANSLATE_NOOP("RemoteNet", "Spectral head: on (as asked).") if on else
                    QT_TRANSLATE_NOOP("RemoteNet", "Spectral head: off (as asked)."))
    gsd = header.get("gsd_m")
    if gsd:
        values = {"gsd": f"{gsd:.3g}", "limit": f"{MIN_PIXEL_SIZE_M:g}"}
        if gsd >= MIN_PIXEL_SIZE_M:
            return True, QT_TRANSLATE_NOOP(
                "RemoteNet", "Spectral head: on: pixels of {gsd} m are at least {limit} m (SPECTRAL_HEAD auto: on for "
                "satellite pixels of {limit} m and coarser, where a class is mostly its spectrum).").format(**values)
        return False, QT_TRANSLATE_NOOP(
            "RemoteNet", "Spectral head: off: pixels of {gsd} m are finer than {limit} m (SPECTRAL_HEAD auto: on only "
            "for pixels of {limit} m and coarser; finer imagery is classified by its shapes).").format(**values)
    data = header.get("provenance", {}).get("data", {})
    window = data.get("window") or [0, 0, 0, 0]
    area = window[2] * window[3]
    share = data.get("labelled_pixels", 0) / area if area else 1.0
    if share < SPARSE_LABELS:
        return True, QT_TRANSLATE_NOOP(
            "RemoteNet", "Spectral head: on: the pixel size in metres is unknown and the labels cover {share} of the "
            "raster, a few polygons (SPECTRAL_HEAD auto).").format(share=f"{share:.1%}")
    return False, QT_TRANSLATE_NOOP(
        "RemoteNet", "Spectral head: off: the pixel size in metres is unknown and the labels cover {share} of the "
        "raster, dense labels (SPECTRAL_HEAD auto).").format(share=f"{share:.1%}")

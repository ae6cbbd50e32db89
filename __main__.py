"""``python -m remotenet <command>``, also installed as the ``remotenet`` command by ``pip install``.

Commands: ``install`` (torch, timm and safetensors for the QGIS plugin), and ``segment``, ``train``
and ``evaluate`` (RemoteNet Segment, Train and Evaluate without QGIS). Each command imports only what
it needs, after its arguments are parsed.
"""
from __future__ import annotations

import os
import sys
from typing import Optional

COMMANDS = {
    "segment": "classify a raster with a RemoteNet model (no QGIS needed; see docs/cluster.md)",
    "train": "train a RemoteNet model on a raster and its labels (no QGIS needed; see docs/training.md)",
    "evaluate": "score a classified raster against reference labels (GDAL and numpy only)",
    "install": "install torch, timm and safetensors for the QGIS plugin",
}


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    prog = "remotenet" if os.path.basename(sys.argv[0]) == "remotenet" else "python -m remotenet"
    if not argv or argv[0] not in COMMANDS:
        usage = f"usage: {prog} {{{','.join(COMMANDS)}}} [options]  (--help after a command)\n" + "".join(
            f"  {name:8} {text}\n" for name, text in COMMANDS.items())
        asked = bool(argv) and argv[0] in ("-h", "--help")
        print(usage, end="", file=sys.stdout if asked else sys.stderr)
        return 0 if asked else 2
    if argv[0] == "install":
        from .remotenet_plugin.install_cli import main as install

        return install(argv[1:])
    if argv[0] == "train":
        from .remotenet_plugin.train_cli import main as train

        return train(argv[1:], prog=f"{prog} train")
    if argv[0] == "evaluate":
        from .remotenet_plugin.evaluate_cli import main as evaluate

        return evaluate(argv[1:], prog=f"{prog} evaluate")
    from .remotenet_plugin.segment_cli import main as segment

    return segment(argv[1:], prog=f"{prog} segment")


if __name__ == "__main__":
    sys.exit(main())

"""``python -m remotenet install``: the dependency installer without QGIS's window.

Run it with the Python QGIS uses, from the folder that holds the plugin folder, e.g. on Linux
``cd ~/.local/share/QGIS/QGIS3/profiles/default/python/plugins && python3 -m remotenet install``.
The packages go where the plugin looks for them at start-up (desktop and qgis_process alike).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import installer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m remotenet install",
                                     description="Install torch, timm and safetensors for the RemoteNet plugin.")
    parser.add_argument("--profile-dir", type=Path, default=None,
                        help="QGIS profile folder (default: the profile this plugin is installed in, else "
                             "QGIS's default profile)")
    parser.add_argument("--python", default=None, help="Python executable that runs QGIS (default: found)")
    parser.add_argument("--dry-run", action="store_true", help="print the plan and the pip command, install nothing")
    parser.add_argument("--packages", nargs="+", default=None, metavar="REQ",
                        help="install these requirements instead of the platform's choice")
    parser.add_argument("--pip-arg", action="append", default=[], metavar="ARG",
                        help="extra pip option, repeatable (e.g. --pip-arg=--index-url=URL, "
                             "--pip-arg=--find-links=DIR)")
    args = parser.parse_args(argv)
    profile = args.profile_dir or installer.default_profile()
    try:
        plan = installer.make_plan(profile, python=args.python, requirements=args.packages, extra_args=args.pip_arg)
    except installer.InstallerError as err:
        print(f"remotenet install: {err}", file=sys.stderr)
        return 2
    print(plan.describe())
    print("$ " + " ".join(plan.command(installer.staging_dir(plan.target))))
    if args.dry_run:
        return 0
    try:
        result = installer.run(plan, on_line=lambda line: print(line, flush=True))
    except KeyboardInterrupt:
        installer.discard(installer.staging_dir(plan.target))
        print("remotenet install: cancelled; nothing was installed", file=sys.stderr)
        return 130
    print(("remotenet install: " if result.ok else "remotenet install: FAILED: ") + result.message,
          file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1

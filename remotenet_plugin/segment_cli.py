"""``python -m remotenet segment`` (or ``remotenet segment``): RemoteNet Segment without QGIS.

For servers and clusters (docs/cluster.md). The options mirror remotenet:segment's parameters
and map one to one onto the engine's SegmentOptions (each option's ``dest`` is the field's
name, its default the field's default). The engine judges every value (``check_inputs``, then
``segment``), so the errors read as in QGIS, under this command's option names. Nothing heavy is
imported before the arguments are parsed: ``--help`` and usage errors answer at once, and bad
input is refused before torch loads.

Exit status: 0 done; 1 bad input or a failed run (one line ``error: <option>: <what to do>``);
2 usage errors; 130 after Ctrl-C (143 after SIGTERM), once the engine has cleaned up.
"""
from __future__ import annotations

import argparse
import importlib.util
import signal
import sys
import threading
from contextlib import AbstractContextManager
from dataclasses import fields
from types import FrameType
from typing import Any, Callable, Optional

from .engine.base.options import DEFAULT_CHUNK_PX, DEVICES, MIN_TILE, PRECISIONS, RUNTIMES, SegmentOptions

PROG = "python -m remotenet segment"
DEFAULTS = SegmentOptions()
TLS_FLAGS = {"ca_file": "--tls-ca-file", "cert": "--tls-cert", "key": "--tls-key"}
# distributed's own settings for the same files, used when a flag is not given
TLS_ENV = {"ca_file": "DASK_DISTRIBUTED__COMM__TLS__CA_FILE", "cert": "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT",
           "key": "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY"}


def _numbers(kind: Callable[[str], Any], what: str) -> Callable[[str], list]:
    """An argparse type: comma-separated numbers. How many is the engine's to judge."""

    def parse(text: str) -> list:
        try:
            return [kind(part) for part in text.replace(" ", "").split(",")]
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what} separated by commas") from None

    return parse


def build_parser(prog: str = PROG) -> tuple[argparse.ArgumentParser, dict[str, str]]:
    """The parser, and each engine field's name on this command line (for the engine's errors)."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Classify every pixel of a raster with a RemoteNet model: a class GeoTIFF (colour table, "
                    "category names, .qml style beside it), optionally class polygons and a confidence raster.",
        epilog="Progress and log go to stderr, a one-line summary to stdout. Exit status: 0 done, 1 bad input "
               "or failed run, 2 usage error, 130 cancelled with Ctrl-C (no output is left behind). "
               "Clusters, resume and security: docs/cluster.md.")
    names: dict[str, str] = {}

    def add(group: Any, dest: str, *flags: str, **kw: Any) -> None:
        if flags:
            group.add_argument(*flags, dest=dest, **kw)
        else:
            group.add_argument(dest, **kw)
        names[dest] = flags[0] if flags else kw["metavar"]

    add(parser, "source", metavar="INPUT", help="raster file GDAL reads (GeoTIFF, JP2, VRT, /vsicurl/..., ...); "
        "nodata stays nodata, tiles made only of nodata are skipped")
    add(parser, "model", metavar="MODEL", help="RemoteNet model file: .safetensors written by RemoteNet Train or "
        "remotenet.model.save_model (its header gives bands, tile size, normalisation and classes); PyTorch "
        ".pth/.pt state_dicts load too, never running code")
    add(parser, "output_raster", metavar="OUTPUT_RASTER", help="classified GeoTIFF (.tif): UInt8 class values, "
        "255 = nodata")

    out = parser.add_argument_group("more outputs")
    add(out, "output_vector", "--vector", metavar="PATH", help="also write class polygons to this GeoPackage "
        "(.gpkg): class_id, class_name, area_m2 (and mean_confidence with --confidence)")
    add(out, "output_confidence", "--confidence", metavar="PATH", help="also write the winning class's "
        "probability to this GeoTIFF (.tif)")
    add(out, "confidence_type", "--confidence-type", metavar="TYPE", default=DEFAULTS.confidence_type,
        help="float32 (0..1, nodata -1) or uint8 (percent, nodata 255); default %(default)s")
    add(out, "vector_layer", "--layer-name", metavar="NAME", help="GeoPackage layer name (default: the file's "
        "name without extension)")
    add(out, "min_area", "--min-area", metavar="M2", type=float, default=DEFAULTS.min_area,
        help="polygons smaller than this many square metres are sieved into their neighbours; default %(default)s")
    add(out, "simplify", "--simplify", metavar="TOL", type=float, default=DEFAULTS.simplify,
        help="simplify polygon outlines by this distance in map units; default %(default)s (pixel outlines)")

    what = parser.add_argument_group("what to classify")
    area = what.add_mutually_exclusive_group()
    add(area, "window", "--window", metavar="XOFF,YOFF,XSIZE,YSIZE", type=_numbers(int, "whole pixel numbers"),
        help="classify only this pixel window of the raster (default: all of it)")
    add(area, "extent", "--extent", metavar="XMIN,YMIN,XMAX,YMAX", type=_numbers(float, "numbers"),
        help="classify only this area, in the raster's CRS, on the raster's pixel grid")
    add(what, "mask", "--mask", metavar="FILE", help="a polygon layer's file (GeoPackage, shapefile...; its first "
        "layer, reprojected when on another CRS): only pixels inside its polygons are classified, the rest is "
        "nodata (255); tiles wholly outside are never read")
    add(what, "resolution", "--resolution", metavar="model|input|METRES", default=DEFAULTS.resolution,
        help="the pixel size the model sees: model (default: the model file's pixel size, gsd_m; the input's "
             "when the file does not say), input (the raster's own pixels) or a size in metres; the raster is "
             "resampled when more than 10 %% away, and the outputs stay on the raster's own grid")
    add(what, "resampling", "--resampling", choices=("bilinear", "cubic"), default=DEFAULTS.resampling,
        help="how the image is resampled for --resolution (classes come back by nearest neighbour); default "
             "%(default)s")

    net = parser.add_argument_group("model and device")
    add(net, "bands", "--bands", metavar="B1,B2,...", type=_numbers(int, "band numbers"),
        help="raster bands fed to the model, in order, as many as it takes (default: the model header's list)")
    add(net, "tile_size", "--tile-size", metavar="PX", type=int, help=f"pixels per tile side, at least {MIN_TILE} "
        "(default: the model's); smaller tiles need less memory")
    add(net, "overlap", "--overlap", metavar="PX", type=int, help="pixels shared by neighbouring tiles, blended "
        "smoothly; less than half the tile (default: 48, a quarter of tiles under 192 px)")
    add(net, "batch_size", "--batch-size", metavar="N", type=int, default=DEFAULTS.batch_size,
        help="tiles per network call; lower it if memory runs out; default %(default)s")
    add(net, "device", "--device", metavar="{" + ",".join(DEVICES) + ",cuda:N}", default=DEFAULTS.device,
        help="auto: a CUDA GPU when present, else the CPU; default %(default)s")
    add(net, "precision", "--precision", choices=PRECISIONS, default=DEFAULTS.precision,
        help="auto: half precision on a GPU, bf16 on CPUs with native bf16, int8 on CPUs with AVX-VNNI and no "
             "AVX-512 where NNCF is installed, else fp32; fp32: the plain full-precision answer; int8: OpenVINO on "
             "the CPU, quantised with NNCF (pip install nncf); default %(default)s")
    add(net, "runtime", "--runtime", choices=RUNTIMES, default=DEFAULTS.runtime,
        help="auto: OpenVINO on the CPU when installed (pip install openvino), else PyTorch; always PyTorch on "
             "a GPU; default %(default)s")
    add(net, "tta", "--tta", action="store_true", help="test-time augmentation: also run flipped tiles and "
        "average (cleaner edges, several times slower)")
    add(net, "blend", "--blend", metavar="MODE", default=DEFAULTS.blend, help="smooth (weighted window) or crop "
        "(crop-and-paste, for comparisons); default %(default)s")

    scale = parser.add_argument_group("scale: chunks, resume and Dask (docs/cluster.md)")
    add(scale, "chunk_size", "--chunk", metavar="PX", type=int, default=DEFAULTS.chunk_size,
        help=f"output pixels per chunk side, rounded up to the tile stride; a run larger than one chunk goes "
             f"chunk by chunk and a rerun of the same command reuses finished chunks; default {DEFAULT_CHUNK_PX}")
    add(scale, "scheduler", "--scheduler", metavar="ADDRESS", help="Dask scheduler to run the chunks on "
        "(tcp://host:8786 or tls://host:8786); default: in this process. Every worker must open INPUT, MODEL "
        "and the output folder under the same paths")
    tls_help = {"ca_file": "certificate authority that signed the scheduler's certificate",
                "cert": "this client's certificate", "key": "this client's private key"}
    for key, flag in TLS_FLAGS.items():
        add(scale, f"tls_{key}", flag, metavar="PEM", help=f"for a tls:// scheduler: {tls_help[key]} (default: "
            f"distributed's configuration, ${TLS_ENV[key]})")
    names["scheduler_tls"] = "/".join(TLS_FLAGS.values())
    return parser, names


def options_from_args(args: argparse.Namespace, parser: argparse.ArgumentParser) -> SegmentOptions:
    tls = {key: getattr(args, f"tls_{key}") for key in TLS_FLAGS}
    if any(tls.values()) and not args.scheduler:
        parser.error(f"{'/'.join(TLS_FLAGS.values())} only apply with --scheduler tls://...")
    values = {f.name: getattr(args, f.name) for f in fields(SegmentOptions) if hasattr(args, f.name)}
    return SegmentOptions(**values, scheduler_tls=tls if any(tls.values()) else None)


def error_line(err: BaseException, names: dict[str, str]) -> str:
    """``error: <option>: <detail>`` under this command's names for the engine's fields."""
    field = getattr(err, "field", None)
    detail = getattr(err, "detail", None) or str(err)
    return f"error: {names.get(field, field)}: {detail}" if field else f"error: {detail}"


def missing_packages() -> Optional[str]:
    """What the run cannot import, as one line; None when torch, timm, safetensors and GDAL are there."""
    from .dependencies import missing_dependencies

    missing = [name for name, _reason in missing_dependencies()]
    if missing:
        return (f"the Python packages {', '.join(missing)} are not installed in {sys.executable}; install them with "
                f"`{sys.executable} -m pip install {' '.join(missing)}` (or pip install this package)")
    if importlib.util.find_spec("osgeo") is None:
        return ("GDAL's Python bindings (osgeo) are not installed in this Python; they come from the system, not "
                "from pip: apt install python3-gdal (Debian, Ubuntu; use a venv with --system-site-packages), or "
                "conda install -c conda-forge gdal")
    return None


class Interrupts:
    """SIGINT (Ctrl-C) asks the engine to cancel (it polls ``cancelled``): no output and no work
    folder are left. SIGTERM (a batch system's time limit, a shutdown) stops at once: the partial
    outputs go, but a chunked run's finished chunks stay for a rerun to resume. A second Ctrl-C
    stops at once too.

    The handler only records the signal (or raises KeyboardInterrupt to stop): it never writes.
    A write from a handler can land inside the progress bar's write to the same stream, which
    Python refuses ("reentrant call inside <_io.BufferedWriter>"). The notice is given from normal
    code instead: by whichever thread polls ``cancelled`` first, or by ``main`` after a stop.
    """

    def __init__(self, notify: Callable[[str], None]) -> None:
        self.signal: Optional[int] = None
        self._notify = notify
        self._noticed = False
        self._lock = threading.Lock()  # the engine polls from its worker threads too
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Interrupts:
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def cancelled(self) -> bool:
        if self.signal is None:
            return False
        with self._lock:
            first, self._noticed = not self._noticed, True
        if first:
            self._notify(f"{signal.Signals(self.signal).name}: cancelling, removing partial outputs "
                         "(press Ctrl-C again to stop at once)")
        return True

    def stop_notice(self) -> str:
        """What to say after a stop (SIGTERM, a second Ctrl-C, or Ctrl-C outside the engine)."""
        if self.signal == signal.SIGTERM:
            return "SIGTERM: stopped; partial outputs were removed, finished chunks are kept for a rerun"
        return "stopped"

    def _handle(self, signum: int, _frame: Optional[FrameType]) -> None:
        # No I/O here (see the class's comment); raising is safe, as Python's own Ctrl-C does it.
        if self.signal is not None or signum == signal.SIGTERM:
            self.signal = self.signal or signum
            raise KeyboardInterrupt
        self.signal = signum


def summary(result: Any) -> str:
    """One line for stdout: what was written, from what work, where."""
    tiles = f"{result.tiles_total} tile{'' if result.tiles_total == 1 else 's'}"
    parts = [f"{result.output_raster}: {result.width} x {result.height} px, {len(result.classes)} classes, "
             f"{tiles} ({result.tiles_skipped_nodata} nodata) on {result.device} "
             f"({result.runtime}, {result.precision}) in {result.stage_seconds.get('total', 0.0):.1f} s"]
    if result.output_vector:
        parts.append(f"{result.polygons} polygons in {result.output_vector}")
    if result.output_confidence:
        parts.append(f"confidence in {result.output_confidence}")
    return "; ".join(parts)


def main(argv: Optional[list[str]] = None, prog: str = PROG) -> int:
    parser, names = build_parser(prog)
    args = parser.parse_args(argv)
    options = options_from_args(args, parser)
    problem = missing_packages()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    with gdal_exceptions_for_the_program():
        return run(args, options, names)


def gdal_exceptions_for_the_program() -> AbstractContextManager[None]:
    """GDAL raises exceptions while the command runs: GDAL's recommended mode for a program, and an
    explicit choice. The engine is correct in either mode; the modes found are restored after."""
    from .engine.base.gdal_errors import program_gdal_mode

    return program_gdal_mode(True)


def run(args: argparse.Namespace, options: SegmentOptions, names: dict[str, str]) -> int:
    """The run itself, after parsing: exit status as for ``main``."""
    from ..model.header import ModelFileError, read_header
    from .cli_progress import TextProgress
    from .engine.base.options import EngineError, SegmentCancelled
    from .engine.prepare.check import check_inputs

    bar = TextProgress(sys.stderr)
    interrupts = Interrupts(bar.log)
    try:
        # The engine's own checks, before torch loads (segment() repeats them): bad input fails fast.
        check_inputs(args.source, read_header(args.model), options, args.output_raster)
        with interrupts:
            # Through the package's export: importing the submodule by name would bind the package's
            # attribute ``segment`` to the module, and the algorithms' ``from ..engine import segment``
            # in the same process (tests, a notebook) would then get the module, not the function.
            from .engine import segment

            result = segment(args.source, args.model, args.output_raster, options, progress=bar.progress,
                             is_cancelled=interrupts.cancelled, log=bar.log)
    except SegmentCancelled as err:
        bar.finish()
        print(f"cancelled: {err.detail}", file=sys.stderr)
        return 128 + (interrupts.signal or signal.SIGINT)
    except KeyboardInterrupt:
        bar.finish()
        print(interrupts.stop_notice(), file=sys.stderr)
        return 128 + (interrupts.signal or signal.SIGINT)
    except ModelFileError as err:
        bar.finish()
        print(f"error: {names['model']}: {err}", file=sys.stderr)
        return 1
    except EngineError as err:
        bar.finish()
        print(error_line(err, names), file=sys.stderr)
        return 1
    except OSError as err:  # the file system refused (disk full, permissions): the user's to fix, not a bug
        bar.finish()
        print(f"error: {err}", file=sys.stderr)
        return 1
    bar.finish()
    print(summary(result))
    return 0

"""OpenVINO as an optional CPU runtime: the PyTorch network converted once per (model, input shape,
OpenVINO version), kept on disk, and run with the same contract as inference.Predictor.

PyTorch stays the reference. The converted graph includes the softmax, so it returns class
probabilities directly. Its input shape is static (batch, bands, tile, tile): a static shape runs
about twice as fast as a dynamic one, so a last, partial batch is padded.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Callable, Optional

import numpy as np
import torch

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.options import NNCF_MISSING, OPENVINO_MISSING, EngineError

CACHE_ENV = "REMOTENET_CACHE_DIR"
# Bumped whenever what is converted changes (the softmax wrapper, conversion arguments): old
# cache entries are then simply not found again.
CONVERSION_FORMAT = "softmax-static-v1"
# int8 (post-training quantisation with NNCF): bumped whenever the quantisation settings change.
INT8_FORMAT = "transformer-nosq-dwfloat-fc1-v2"
CALIBRATION_TILES = 32  # spread over the raster: NNCF quantised in about a minute on 2 cores (docs/performance.md)
INT8_MIN_AGREEMENT = 0.99  # of the calibration tiles' pixels, against the f32 network; else Auto keeps float
# Layers left in float: on the demonstration model (PVTv2) quantising all of the first encoder stage's linear
# layers changed the class of 24 % of a real scene's pixels and every other layer together 0.08 %; within
# that stage it is the MLP's first layer (its input: LayerNorm's output over 4,096 tokens a tile, with
# outlier channels): leaving it alone, 99.92 % of pixels agree. Names as torch's tracing gives them; a
# network without such a layer loses nothing.
INT8_FLOAT_LAYERS = (r".*stages_0\..*mlp\.fc1/aten::linear/MatMul",)
# Operation types left in float: depthwise convolutions (GroupConvolution) gain nothing from int8 (a few
# multiply-adds per value; AMX and VNNI are for matrix products) and quantising them put quantise steps and
# int8/bf16 reorders around every MLP. With them in float and the scheme in _quantised, int8 ran 1.15-1.24x
# faster than the previous recipe (all operations int8 but one layer, CNN scheme) here (docs/performance.md).
INT8_FLOAT_TYPES = ("GroupConvolution",)


def load_openvino():
    """The openvino module, or EngineError saying how to install it."""
    # OpenVINO's converter sends usage statistics (Google Analytics) unless a consent file in the
    # user's home says no, and uses a no-op stub when `openvino_telemetry` does not import. A QGIS
    # plugin must not report home unasked: make that import fail in this process (a None entry in
    # sys.modules is Python's way), unless something here imported it already.
    sys.modules.setdefault("openvino_telemetry", None)
    try:
        import openvino
    except (ImportError, OSError) as err:  # OSError: a wheel whose shared libraries do not load
        raise EngineError(QT_TRANSLATE_NOOP("RemoteNet", "runtime {missing} ({err})").format(
            missing=OPENVINO_MISSING, err=err)) from err
    return openvino


def openvino_importable() -> bool:
    try:
        load_openvino()
    except EngineError:
        return False
    return True


def load_nncf():
    """The nncf module (OpenVINO's quantisation tool, optional), or EngineError saying how to install it."""
    load_openvino()  # its telemetry blocked first: NNCF imports the same package
    try:
        import nncf
    except (ImportError, OSError) as err:
        raise EngineError(NNCF_MISSING, "precision") from err
    return nncf


def nncf_importable() -> bool:
    try:
        load_nncf()
    except EngineError:
        return False
    return True


def _cpu_flags() -> set[str]:
    """The CPU's feature flags from /proc/cpuinfo (Linux); empty elsewhere."""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return set(line.split())
    except OSError:
        pass
    return set()


# oneDNN's ISA names from the lowest up to the first with native bf16 dot products (AVX512_CORE_BF16); a
# cap (ONEDNN_MAX_CPU_ISA) at one of these leaves bf16 emulated. OpenVINO's CPU plugin follows the cap.
_ISAS_WITHOUT_NATIVE_BF16 = ("SSE41", "AVX", "AVX2", "AVX2_VNNI", "AVX2_VNNI_2", "AVX512_CORE", "AVX512_CORE_VNNI")


def native_bf16() -> bool:
    """True where bf16 is computed natively (AVX-512 BF16 or AMX) and no ONEDNN_MAX_CPU_ISA cap lowers it.
    Not oneDNN's own "bf16 supported": that is true on every AVX-512 CPU, where bf16 is emulated (an int8
    network's float layers in emulated bf16 ran at 0.5x f32 at AVX512_CORE_VNNI: docs/performance.md)."""
    if os.environ.get("ONEDNN_MAX_CPU_ISA", "").upper() in _ISAS_WITHOUT_NATIVE_BF16:
        return False
    return bool({"avx512_bf16", "amx_bf16"} & _cpu_flags())


def int8_measured_faster() -> bool:
    """True on CPUs with VNNI (AVX-VNNI: Intel Core from Alder Lake on; AVX-512 VNNI: Ice Lake, Tiger
    Lake, Cascade Lake) and no native bf16, where OpenVINO's int8 ran faster than its f32. Measured with
    ONEDNN_MAX_CPU_ISA caps on this VM (docs/performance.md, "int8"): 1.3-1.4x f32 at AVX2-VNNI and
    AVX512_CORE_VNNI, 0.8-0.9x at plain AVX2 (keeps fp32); with native bf16, bf16 is as fast and keeps
    its 99.99 % agreement. Read from /proc/cpuinfo (Linux); elsewhere False."""
    if os.environ.get("ONEDNN_MAX_CPU_ISA", "").upper() in _ISAS_WITHOUT_NATIVE_BF16[:3]:  # capped below VNNI
        return False
    return bool({"avx_vnni", "avx512_vnni"} & _cpu_flags()) and not native_bf16()


def float_hint_for_int8() -> str:
    """The precision OpenVINO runs an int8 network's float layers in: bf16 where the CPU has it natively
    (then faster: 0.44 s against 0.51 s per batch of four 256 px tiles here), else f32."""
    return "bf16" if native_bf16() else "f32"


def default_cache_root() -> Path:
    """REMOTENET_CACHE_DIR, else the platform's per-user cache folder, + /remotenet."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "remotenet"


def module_fingerprint(net: torch.nn.Module) -> str:
    """A hash of an in-memory network's class and weights (model files are keyed by their file hash)."""
    digest = hashlib.sha256(type(net).__qualname__.encode())
    for name, tensor in net.state_dict().items():
        t = tensor.detach().cpu().contiguous()
        digest.update(f"{name}{tuple(t.shape)}{t.dtype}".encode())
        # reshape(-1): a 0-dim tensor (BatchNorm's step count) cannot be viewed as bytes
        digest.update(t.reshape(-1).view(torch.uint8).numpy().tobytes() if t.numel() else b"")
    return digest.hexdigest()


def fit_tiles(tiles: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Tiles (N, bands, h, w) padded at the bottom and right to ``size`` (height, width) by mirroring their
    edge, as the network pads its own input (model/layers.py:pad_bottom_right): a one-tile run's window runs
    at one of a few compiled shapes (PyTorch pads the same window only up to its stride, 32 px)."""
    pad_h, pad_w = size[0] - tiles.shape[2], size[1] - tiles.shape[3]
    if pad_h == 0 and pad_w == 0:
        return tiles
    mode = "reflect" if pad_h < tiles.shape[2] and pad_w < tiles.shape[3] else "edge"
    return np.pad(tiles, ((0, 0), (0, 0), (0, pad_h), (0, pad_w)), mode=mode)


class _WithSoftmax(torch.nn.Module):
    def __init__(self, net: torch.nn.Module):
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.net(x).float(), dim=1)


class OpenVINOPredictor:
    """Class probabilities (N, C, H, W) float32 for normalised tiles (N, B, H, W), on the CPU.

    ``shape`` is the static (batch, bands, height, width) the network is converted for; calls may
    pass fewer tiles (padded) or more (run in chunks), and tiles smaller than its height and width (a
    one-tile run: padded at the bottom and right as the network pads its own input, the output cropped).
    """

    def __init__(self, net: torch.nn.Module, model_key: str, shape: tuple[int, int, int, int], precision: str,
                 tta: bool, cache_root: Optional[str] = None, log: Optional[Callable[[str], None]] = None,
                 threads: Optional[int] = None, calibration: Optional[Callable[[], np.ndarray]] = None,
                 int8_fallback: Optional[str] = None):
        """precision "int8": ``calibration`` gives normalised tiles (N, bands, h, w) the first time this
        model and shape are quantised (cached after); ``int8_fallback`` ("fp32"/"bf16", for Auto) runs
        instead when the quantised network agrees with the f32 one on fewer than INT8_MIN_AGREEMENT of
        the calibration pixels (``self.precision`` then says which ran)."""
        ov = load_openvino()
        self.precision, self.tta = precision, tta
        self.shape = tuple(int(v) for v in shape)
        self.batch_size = self.shape[0]
        self.log = log or (lambda _msg: None)
        self.seconds = 0.0
        self.on_device = False
        self.version = ov.__version__.split("-")[0]
        root = Path(cache_root) if cache_root else default_cache_root()
        self.folder = root / "openvino" / self._key(model_key, ov.__version__)
        t0 = time.perf_counter()
        xml = self._converted(ov, net, root)
        core = ov.Core()
        self.threads = int(threads or torch.get_num_threads())
        self.calibrated = False
        self.int8_agreement: Optional[float] = None
        if precision == "int8":
            xml, compiled_dir = self._quantised(ov, core, xml, calibration)
            if self.int8_agreement is not None and self.int8_agreement < INT8_MIN_AGREEMENT and int8_fallback:
                self.log(QT_TRANSLATE_NOOP(
                    "RemoteNet", "int8 agreed with the full-precision network on only {share:.2%} of the calibration "
                    "pixels; running {fallback} instead").format(share=self.int8_agreement, fallback=int8_fallback))
                self.precision = precision = int8_fallback
                xml, compiled_dir = self.folder / "model.xml", self.folder / "compiled"
        else:
            compiled_dir = self.folder / "compiled"
        try:  # the compiled blob too: compiling again from it is faster than from the IR
            core.set_property({"CACHE_DIR": str(compiled_dir)})
        except RuntimeError:
            pass
        config = {
            # Explicit both ways: OpenVINO would pick bf16 by itself on CPUs that have it.
            "INFERENCE_PRECISION_HINT": float_hint_for_int8() if precision == "int8" else
            "bf16" if precision == "bf16" else "f32",
            "PERFORMANCE_HINT": "LATENCY",
            "INFERENCE_NUM_THREADS": self.threads,
        }
        self.compiled = core.compile_model(str(xml), "CPU", config)
        self.request = self.compiled.create_infer_request()
        self.pad = np.zeros(self.shape, dtype=np.float32)
        self.prepare_seconds = time.perf_counter() - t0

    def _key(self, model_key: str, version: str) -> str:
        text = f"{model_key}|{self.shape}|{version}|{CONVERSION_FORMAT}"
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def _converted(self, ov, net: torch.nn.Module, root: Path) -> Path:
        """The cached IR (model.xml + model.bin), converting the network first when it is missing."""
        xml = self.folder / "model.xml"
        if xml.is_file() and (self.folder / "model.bin").is_file():
            self.converted = False
            self.log(QT_TRANSLATE_NOOP(
                "RemoteNet",
                "OpenVINO {version}: using the network converted earlier for input {shape} ({folder})").format(
                version=self.version, shape=self.shape, folder=self.folder))
            return xml
        self.log(QT_TRANSLATE_NOOP(
            "RemoteNet", "OpenVINO {version}: converting the network for input {shape} (once per model file and "
            "tile shape)").format(version=self.version, shape=self.shape))
        start = time.perf_counter()
        try:
            self.folder.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".convert-", dir=self.folder.parent))
        except OSError as err:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "the OpenVINO cache folder {parent} is not writable ({err}); set {cache_env} to a "
                "writable folder").format(parent=self.folder.parent, err=err, cache_env=CACHE_ENV)) from err
        try:
            net = net.to("cpu", memory_format=torch.contiguous_format).float().eval()
            example = torch.zeros(self.shape, dtype=torch.float32)
            # Tracing warns about shape checks it freezes: the shape is static on purpose.
            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                graph = ov.convert_model(_WithSoftmax(net), example_input=example, input=[self.shape])
            ov.save_model(graph, str(staging / "model.xml"), compress_to_fp16=False)
            (staging / "source.json").write_text(json.dumps({"shape": self.shape, "openvino": ov.__version__,
                                                             "format": CONVERSION_FORMAT}))
            try:
                os.replace(staging, self.folder)  # atomic: a reader never sees half a model
            except OSError:
                if not xml.is_file():  # not a concurrent run that finished first
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.converted = True
        self.log(QT_TRANSLATE_NOOP(
            "RemoteNet", "OpenVINO: converted in {value:.1f} s; cached in {folder}").format(
            value=time.perf_counter() - start, folder=self.folder))
        return xml

    def _quantised(self, ov, core, xml: Path, calibration: Optional[Callable[[], np.ndarray]]) -> tuple[Path, Path]:
        """The cached int8 IR, quantised with NNCF first when it is missing (once per model file, tile shape,
        OpenVINO and NNCF version), and the folder for its compiled blob."""
        nncf = load_nncf()
        folder = self.folder / f"int8-nncf{nncf.__version__.split('+')[0]}-{INT8_FORMAT}"
        q_xml = folder / "model.xml"
        if q_xml.is_file() and (folder / "model.bin").is_file():
            try:
                info = json.loads((folder / "calibration.json").read_text())
                self.int8_agreement = info.get("agreement")
            except (OSError, ValueError):
                info = {}
            self.log(QT_TRANSLATE_NOOP(
                "RemoteNet", "int8: using the network quantised earlier ({tiles} calibration tiles from {source}; "
                "{folder})").format(tiles=info.get("tiles", "?"), source=info.get("source", "?"), folder=folder))
            return q_xml, folder / "compiled"
        if calibration is None:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "int8 needs calibration tiles the first time a model is quantised; run it on a raster"),
                "precision")
        tiles = np.ascontiguousarray(fit_tiles(calibration(), self.shape[2:]), dtype=np.float32)
        if not len(tiles):
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "int8: the raster has no tile with data to calibrate the quantisation on"), "precision")
        n = self.batch_size
        if len(tiles) % n:  # whole batches: the IR's batch is static
            tiles = np.concatenate([tiles, tiles[: n - len(tiles) % n]])
        batches = [tiles[i:i + n] for i in range(0, len(tiles), n)]
        self.log(QT_TRANSLATE_NOOP(
            "RemoteNet", "int8: quantising the network with NNCF {version} on {tiles} tiles of this raster (once per "
            "model file and tile shape)").format(version=nncf.__version__, tiles=len(tiles)))
        start = time.perf_counter()
        model = core.read_model(str(xml))
        ignored = nncf.IgnoredScope(patterns=list(INT8_FLOAT_LAYERS), types=list(INT8_FLOAT_TYPES), validate=False)
        # The transformer scheme (activations quantised asymmetrically, the attention's own matrix products
        # too, LayerNorm's outliers kept apart) without SmoothQuant, which moved 31 % of pixels here: 99.95 % /
        # 99.56 % of pixels agree with PyTorch fp32 on the two scenes, against 99.91 % / 99.11 % for the
        # default (CNN) scheme, and it runs faster.
        advanced = nncf.AdvancedQuantizationParameters(
            smooth_quant_alphas=nncf.AdvancedSmoothQuantParameters(matmul=-1, convolution=-1))
        level = logging.getLogger("nncf").level
        try:  # NNCF prints progress bars on stdout (the command line's summary) and notes in its log
            logging.getLogger("nncf").setLevel(logging.ERROR)
            with contextlib.redirect_stdout(io.StringIO()):
                quantised = nncf.quantize(model, nncf.Dataset(batches), subset_size=len(batches),
                                          model_type=nncf.ModelType.TRANSFORMER, ignored_scope=ignored,
                                          advanced_parameters=advanced)
        finally:
            logging.getLogger("nncf").setLevel(level)
        agreement = self._agreement(core, model, quantised, batches)
        info = {"source": getattr(calibration, "source", "?"), "tiles": int(len(tiles)), "agreement": agreement,
                "seconds": round(time.perf_counter() - start, 1), "nncf": nncf.__version__,
                "openvino": ov.__version__, "format": INT8_FORMAT, "float_layers": list(INT8_FLOAT_LAYERS),
                "float_types": list(INT8_FLOAT_TYPES)}
        staging = Path(tempfile.mkdtemp(prefix=".int8-", dir=self.folder))
        try:
            ov.save_model(quantised, str(staging / "model.xml"), compress_to_fp16=False)
            (staging / "calibration.json").write_text(json.dumps(info))
            try:
                os.replace(staging, folder)
            except OSError:
                if not q_xml.is_file():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.calibrated, self.int8_agreement = True, agreement
        self.log(QT_TRANSLATE_NOOP(
            "RemoteNet", "int8: quantised in {value:.1f} s; the same class as full precision on {share:.2%} of the "
            "calibration pixels; cached in {folder}").format(value=info["seconds"], share=agreement, folder=folder))
        return q_xml, folder / "compiled"

    def _agreement(self, core, model, quantised, batches: list[np.ndarray]) -> float:
        """Share of the calibration pixels whose class the int8 network gives as the f32 one does."""
        config = {"INFERENCE_PRECISION_HINT": "f32", "INFERENCE_NUM_THREADS": self.threads}
        requests = [core.compile_model(m, "CPU", config).create_infer_request() for m in (model, quantised)]
        same = total = 0
        for x in batches:
            classes = []
            for request in requests:
                request.infer({0: x})
                classes.append(request.get_output_tensor(0).data.argmax(1))
            same += int((classes[0] == classes[1]).sum())
            total += classes[0].size
        return round(same / max(1, total), 5)

    def allocate(self, shape: tuple[int, ...]) -> np.ndarray:
        return np.empty(shape, dtype=np.float32)

    def _infer(self, x: np.ndarray) -> np.ndarray:
        n, (height, width) = len(x), x.shape[2:]
        if n != self.batch_size or not x.flags.c_contiguous or (height, width) != self.shape[2:]:
            self.pad[:n] = fit_tiles(x, self.shape[2:])
            x = self.pad
        self.request.infer({0: x})
        # Copied out: the request's output memory is reused by the next call.
        return np.array(self.request.get_output_tensor(0).data[:n, :, :height, :width], dtype=np.float32, copy=True)

    def _run(self, tiles: np.ndarray) -> np.ndarray:
        probs = self._infer(tiles)
        if self.tta:
            for axes in ((3,), (2,), (2, 3)):
                probs += np.flip(self._infer(np.ascontiguousarray(np.flip(tiles, axes))), axes)
            probs *= 0.25
        return probs

    def __call__(self, tiles: np.ndarray) -> np.ndarray:
        start = time.perf_counter()
        if tiles.shape[1] != self.shape[1] or tiles.shape[2] > self.shape[2] or tiles.shape[3] > self.shape[3]:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "tiles of shape {shape} reached an OpenVINO network converted for {shape2}").format(
                shape=tuple(tiles.shape[1:]), shape2=self.shape[1:]))
        out = [self._run(tiles[i:i + self.batch_size]) for i in range(0, len(tiles), self.batch_size)]
        self.seconds += time.perf_counter() - start
        return out[0] if len(out) == 1 else np.concatenate(out)

"""OpenVINO as an optional CPU runtime: the PyTorch network converted once per (model, input shape,
OpenVINO version), kept on disk, and run with the same contract as inference.Predictor.

PyTorch stays the reference. The converted graph includes the softmax, so it returns class
probabilities directly. Its input shape is static (batch, bands, tile, tile): a static shape runs
about twice as fast as a dynamic one, so a last, partial batch is padded.
"""
from __future__ import annotations

import hashlib
import json
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
from ..base.options import OPENVINO_MISSING, EngineError

CACHE_ENV = "REMOTENET_CACHE_DIR"
# Bumped whenever what is converted changes (the softmax wrapper, conversion arguments): old
# cache entries are then simply not found again.
CONVERSION_FORMAT = "softmax-static-v1"
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


class _WithSoftmax(torch.nn.Module):
    def __init__(self, net: torch.nn.Module):
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.net(x).float(), dim=1)


class OpenVINOPredictor:
    """Class probabilities (N, C, H, W) float32 for normalised tiles (N, B, H, W), on the CPU.

    ``shape`` is the static (batch, bands, height, width) the network is converted for; calls may
    pass fewer tiles (padded) or more (run in chunks).
    """

    def __init__(self, net: torch.nn.Module, model_key: str, shape: tuple[int, int, int, int], precision: str,
                 tta: bool, cache_root: Optional[str] = None, log: Optional[Callable[[str], None]] = None,
                 threads: Optional[int] = None):
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
        try:  # the compiled blob too: compiling again from it is faster than from the IR
            core.set_property({"CACHE_DIR": str(self.folder / "compiled")})
        except RuntimeError:
            pass
        config = {
            # Explicit both ways: OpenVINO would pick bf16 by itself on CPUs that have it.
            "INFERENCE_PRECISION_HINT": "bf16" if precision == "bf16" else "f32",
            "PERFORMANCE_HINT": "LATENCY",
            "INFERENCE_NUM_THREADS": int(threads or torch.get_num_threads()),
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

    def allocate(self, shape: tuple[int, ...]) -> np.ndarray:
        return np.empty(shape, dtype=np.float32)

    def _infer(self, x: np.ndarray) -> np.ndarray:
        n = len(x)
        if n != self.batch_size or not x.flags.c_contiguous:
            self.pad[:n] = x
            x = self.pad
        self.request.infer({0: x})
        # Copied out: the request's output memory is reused by the next call.
        return np.array(self.request.get_output_tensor(0).data[:n], dtype=np.float32, copy=True)

    def _run(self, tiles: np.ndarray) -> np.ndarray:
        probs = self._infer(tiles)
        if self.tta:
            for axes in ((3,), (2,), (2, 3)):
                probs += np.flip(self._infer(np.ascontiguousarray(np.flip(tiles, axes))), axes)
            probs *= 0.25
        return probs

    def __call__(self, tiles: np.ndarray) -> np.ndarray:
        start = time.perf_counter()
        if tiles.shape[1:] != self.shape[1:]:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "tiles of shape {shape} reached an OpenVINO network converted for {shape2}").format(
                shape=tuple(tiles.shape[1:]), shape2=self.shape[1:]))
        out = [self._run(tiles[i:i + self.batch_size]) for i in range(0, len(tiles), self.batch_size)]
        self.seconds += time.perf_counter() - start
        return out[0] if len(out) == 1 else np.concatenate(out)

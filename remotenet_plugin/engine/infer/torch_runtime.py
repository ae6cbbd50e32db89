"""Running the network on batches of tiles: device and precision choice, TTA, OOM fallback."""
from __future__ import annotations

import contextlib
import time
import weakref
from typing import Callable, Optional

import numpy as np
import torch

from ....model.devices import DeviceError, cpu_has_native_bf16, resolve_device
from ....model.messages import QT_TRANSLATE_NOOP, message_of
from ..base.options import PRECISIONS, EngineError

DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16}


def pick_device(device: str) -> torch.device:
    """The torch device for the engine's ``device`` option (model/devices.py owns the rule)."""
    try:
        return resolve_device(device)
    except DeviceError as err:
        raise EngineError(message_of(err), "device") from err


# Networks smaller than this are memory-bound on a CPU: bf16 buys them no speed, only rounding.
BF16_MIN_PARAMETERS = 100_000


def pick_precision(precision: str, device: torch.device, model: Optional[torch.nn.Module] = None) -> str:
    """The precision a run uses. "auto": bf16 (or fp16) on CUDA; on a CPU with native bf16, bf16 for
    networks big enough to gain from it (``model`` given), else fp32. "fp32" is always exact."""
    precision = (precision or "auto").lower()
    if precision not in PRECISIONS:
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "precision {precision!r} is not one of {precisions}").format(
            precision=precision, precisions=', '.join(PRECISIONS)))
    if device.type == "cuda":
        if precision == "int8":
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "precision 'int8' runs with OpenVINO on the CPU only; on a GPU use Auto, fp16 or bf16"))
        if precision == "auto":
            return "bf16" if torch.cuda.is_bf16_supported() else "fp16"
        return precision
    if precision == "fp16":
        raise EngineError(QT_TRANSLATE_NOOP(
            "RemoteNet", "precision 'fp16' needs a CUDA GPU; on the CPU use 'bf16' or 'fp32'"))
    if precision != "auto":
        return precision
    # Checked on the trained demonstration model over real imagery: bf16 agrees with fp32 on
    # >= 99.5 % of pixels (tests/test_engine_precision.py; docs/performance.md).
    if model is not None and cpu_has_native_bf16() and parameter_count(model) >= BF16_MIN_PARAMETERS:
        return "bf16"
    return "fp32"


# Networks smaller than this do fewer multiply-adds per pixel than the engine's own reading, blending
# and writing: they are memory-bound and gain nothing from PyTorch's intra-op threads, whose workers
# spin between the short parallel regions on the cores the engine's threads need. Such a network
# runs on the calling thread alone (measured on the engine ceiling's null network: docs/performance.md).
ONE_THREAD_MAX_PARAMETERS = 10_000


_parameter_counts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def parameter_count(model: torch.nn.Module) -> int:
    """Remembered per module (a run asks three times; 4 ms each for the demo model's 343 tensors)."""
    try:
        return _parameter_counts[model]
    except (KeyError, TypeError):
        pass
    count = sum(p.numel() for p in model.parameters())
    try:
        _parameter_counts[model] = count
    except TypeError:  # not weakly referencable
        pass
    return count


def describe_device(device: torch.device) -> str:
    if device.type == "cuda":
        index = device.index if device.index is not None else torch.cuda.current_device()
        return f"cuda:{index} ({torch.cuda.get_device_name(index)})"
    return "cpu"


def _is_oom(err: BaseException) -> bool:
    oom = getattr(torch, "OutOfMemoryError", None) or getattr(torch.cuda, "OutOfMemoryError", None)
    return (oom is not None and isinstance(err, oom)) or "out of memory" in str(err).lower()


class Predictor:
    """Class probabilities (N, C, H, W) float32 for normalised tiles (N, B, H, W): numpy, or torch
    tensors left on the device when ``on_device`` is set."""

    def __init__(self, model: torch.nn.Module, device: torch.device, precision: str, tta: bool,
                 batch_size: int, log: Optional[Callable[[str], None]] = None):
        self.device, self.precision, self.tta = device, precision, tta
        self.batch_size = max(1, int(batch_size))
        self.log = log or (lambda _msg: None)
        # Channels-last where it gains (bf16, CUDA). In fp32 on the CPU it is as fast for RemoteNet and
        # several times faster for 1x1-convolution networks, but it changes fp32 rounding (about 4e-7
        # in probabilities): the CPU fp32 path stays NCHW so its answers stay exactly the reference's.
        self.channels_last = device.type == "cuda" or precision != "fp32"
        model.eval()
        model.to(device)
        if self.channels_last:
            model.to(memory_format=torch.channels_last)
        self.model = model
        self.seconds = 0.0
        self.one_thread = device.type == "cpu" and parameter_count(model) < ONE_THREAD_MAX_PARAMETERS
        self.pinned = True  # page-locked host buffers on CUDA (switchable for benchmarks)
        self.on_device = False  # return torch tensors on the device (for a blender that runs there)
        # Return the network's raw scores, without the softmax (for a blender that applies it where
        # tiles overlap); TTA always averages probabilities.
        self.logits = False

    def _autocast(self):
        if self.precision == "fp32":
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.device.type, dtype=DTYPES[self.precision])

    def _forward(self, x: torch.Tensor) -> torch.Tensor:
        with self._autocast():
            logits = self.model(x)
        # Softmax over classes on NCHW memory: on channels-last memory it is several times slower,
        # and the blender's numpy work wants contiguous planes per class.
        logits = logits.float().contiguous()
        if self.logits and not self.tta:
            return logits
        if logits.untyped_storage().data_ptr() == x.untyped_storage().data_ptr():
            return torch.softmax(logits, dim=1)  # a network that hands back its input: leave the input be
        # In place: same values, and no fresh tile-sized buffer (with its page faults) per batch.
        return torch.softmax(logits, dim=1, out=logits)

    def allocate(self, shape: tuple[int, ...]) -> np.ndarray:
        """A float32 batch buffer; page-locked on CUDA so the copy to the GPU is asynchronous and fast."""
        if self.device.type == "cuda" and self.pinned:
            return torch.empty(shape, dtype=torch.float32, pin_memory=True).numpy()
        return np.empty(shape, dtype=np.float32)

    def _run(self, tiles: np.ndarray) -> np.ndarray:
        x = torch.from_numpy(tiles)
        if self.device.type == "cuda":
            if not x.is_pinned():
                x = x.pin_memory()
            x = x.to(self.device, non_blocking=True)
        if self.channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        probs = self._forward(x)
        if self.tta:
            for dims in ((3,), (2,), (2, 3)):
                probs += self._forward(x.flip(dims)).flip(dims)
            probs *= 0.25
        if self.on_device:
            return probs
        if self.device.type != "cuda" or not self.pinned:
            return probs.cpu().numpy()
        # Into page-locked memory (from PyTorch's caching host allocator): about twice as fast as a
        # pageable copy. The array is consumed by the blender before the next batch is run.
        out = torch.empty(probs.shape, dtype=probs.dtype, pin_memory=True)
        out.copy_(probs, non_blocking=True)
        torch.cuda.current_stream(self.device).synchronize()
        return out.numpy()

    @contextlib.contextmanager
    def _flush_denormals(self):
        """bf16 on the CPU runs 5-8 % faster with denormals flushed to zero (they are far below
        bf16's resolution, so no answer changes). The flag lives in the calling thread's FP control
        register: set for the run of this call only, then back to the default."""
        if self.device.type != "cpu" or self.precision != "bf16" or not torch.set_flush_denormal(True):
            yield
            return
        try:
            yield
        finally:
            torch.set_flush_denormal(False)

    @contextlib.contextmanager
    def _threads(self):
        """One PyTorch thread for the call when the network is tiny (ONE_THREAD_MAX_PARAMETERS), then
        the caller's setting back: nothing outside this call sees the change."""
        before = torch.get_num_threads()
        if not self.one_thread or before == 1:
            yield
            return
        torch.set_num_threads(1)
        try:
            yield
        finally:
            torch.set_num_threads(before)

    def __call__(self, tiles: np.ndarray) -> np.ndarray:
        start = time.perf_counter()
        out = []
        i = 0
        with torch.inference_mode(), self._flush_denormals(), self._threads():
            while i < len(tiles):
                chunk = tiles[i:i + self.batch_size]
                try:
                    out.append(self._run(chunk))
                except (RuntimeError, MemoryError) as err:
                    if self.device.type != "cuda" or not _is_oom(err):
                        raise
                    torch.cuda.empty_cache()
                    if self.batch_size == 1:
                        raise EngineError(QT_TRANSLATE_NOOP(
                            "RemoteNet", "the GPU ran out of memory on a single tile; choose a smaller tile size or "
                            "the CPU")) from err
                    self.batch_size = max(1, self.batch_size // 2)
                    self.log(QT_TRANSLATE_NOOP(
                        "RemoteNet", "GPU out of memory: continuing with batch size {batch_size}").format(
                        batch_size=self.batch_size))
                    continue
                i += len(chunk)
        if self.device.type == "cuda":
            torch.cuda.synchronize(self.device)
        self.seconds += time.perf_counter() - start
        if self.on_device:
            return out[0] if len(out) == 1 else torch.cat(out)
        return out[0] if len(out) == 1 else np.concatenate(out)

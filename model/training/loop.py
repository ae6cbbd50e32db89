"""The training loop: in-memory chips in, the best RemoteNet (by validation mIoU) out.

Torch and numpy only (no GDAL), so it runs wherever torch runs: chips come from
``remotenet_plugin.engine.training_data`` or from an ``.npz`` written by it.

Images are (N, C, H, W), either already normalised float32 or raw pixels with the header's
``input`` normalisation (``((pixel - offset) / scale - mean) / std``), applied per batch on
the device. Labels are (N, H, W) uint8 class *indices* 0..K-1, 255 = unlabelled.
"""
from __future__ import annotations

import copy
import math
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Optional

import numpy as np
import torch
from torch import nn

from .aux_head import DeepSupervision
from .devices import DeviceError, cpu_has_native_bf16, resolve_device
from .encoder import DEFAULT_ENCODER, ENCODERS
from .encoder_weights import EncoderWeightsError
from .losses import SegmentationLoss
from .messages import QT_TRANSLATE_NOOP
from .metadata import NO_CLASS, normalisation_affine
from .metrics import ConfusionMatrix
from .network import RemoteNet

ProgressCallback = Callable[[dict[str, Any]], None]


class TrainingCancelled(RuntimeError):
    """The caller asked the loop to stop; nothing is returned and nothing should be written."""


class TrainingError(ValueError):
    """The chips or settings cannot train a model; the message says why."""


@dataclass
class TrainConfig:
    """Settings of one training run. ``epochs``, ``max_minutes`` and ``max_steps`` each stop it
    (whichever comes first); at least one must be set."""

    epochs: Optional[int] = 20
    max_minutes: Optional[float] = None
    max_steps: Optional[int] = None
    batch_size: int = 4
    lr: float = 6e-4
    encoder_lr_ratio: float = 1.0  # the encoder's learning rate is lr times this (the decoder's is lr)
    weight_decay: float = 0.01
    warmup_fraction: float = 0.05  # of the run (steps or time), capped by max_warmup_steps
    max_warmup_steps: int = 500
    poly_power: float = 0.9
    min_lr_ratio: float = 0.01
    ce_weight: float = 1.0
    class_weighting: str = "sqrt_inverse"  # cross-entropy weights 1/sqrt(class frequency), or "none"
    dice_weight: float = 1.0
    # Deep supervision of RemoteNet's decoder blocks (model/aux_head.py), added with this
    # weight (GeoSeg's for UNetFormer); the head is used while training only. 0 turns it off.
    # On the held-out roads of docs/training.md it raised RemoteNet-ResNet-18's road IoU from
    # 0.38 to 0.56 in 3 CPU-minutes (seed 0).
    aux_weight: float = 0.4
    augment: bool = True  # random flips and 90-degree rotations
    # Beyond flips: random rescaling (1/s..s), brightness/contrast jitter and noise, each chip
    # on its own; 0 turns them off. Small scenes overfit fast without them.
    scale_jitter: float = 1.25
    photometric_jitter: float = 0.2
    device: str = "auto"  # "auto" (CUDA when available), "cpu", "cuda", "cuda:1"...
    amp: bool = True  # bf16 autocast on CUDA (and on CPUs with native bf16 unless cpu_amp is False)
    cpu_amp: Optional[bool] = None  # None: bf16 autocast + channels-last where the CPU has AVX512-BF16/AMX
    pretrained_encoder: bool = False
    encoder: str = DEFAULT_ENCODER  # a key of encoder.ENCODERS: "pvt_v2_b1" or "resnet18"
    encoder_weights: Optional[str] = None  # a local timm weights file for that encoder
    seed: int = 0
    val_batch_size: Optional[int] = None
    max_val_chips: int = 256
    validations_per_budget: int = 5  # with a time budget, also validate every budget/5
    grad_clip: Optional[float] = 1.0
    drop_path_rate: float = 0.0  # stochastic depth in the encoder while training

    def check(self) -> None:
        if not (self.epochs or self.max_minutes or self.max_steps):
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "set epochs, max_minutes or max_steps: nothing would stop the training"))
        for name in ("epochs", "max_minutes", "max_steps"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise TrainingError(QT_TRANSLATE_NOOP(
                    "RemoteNet", "{name} must not be negative (got {value})").format(name=name, value=value))
        if self.batch_size < 1:
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "batch_size must be at least 1 (got {batch_size})").format(batch_size=self.batch_size))
        if self.lr <= 0:
            raise TrainingError(QT_TRANSLATE_NOOP("RemoteNet", "lr must be positive (got {lr})").format(lr=self.lr))
        if self.encoder_lr_ratio <= 0:
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "encoder_lr_ratio must be positive (got {encoder_lr_ratio})").format(
                encoder_lr_ratio=self.encoder_lr_ratio))
        if self.encoder not in ENCODERS:
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "encoder {encoder!r} is not supported; choose one of {encoders}").format(
                encoder=self.encoder, encoders=', '.join(ENCODERS)))
        if self.encoder_weights and self.pretrained_encoder:
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "pretrained_encoder (download) and encoder_weights (a local file) both ask for "
                "starting weights; set only one"))


@dataclass
class TrainResult:
    """The best model (in eval mode, on the CPU) and how it was reached."""

    model: RemoteNet
    best_metrics: dict[str, Any]
    best_step: int
    best_epoch: float
    steps: int
    epochs: float
    stopped_by: str  # "epochs", "steps" or "time"
    elapsed_s: float
    device: str
    first_losses: list[float]
    last_losses: list[float]
    history: list[dict[str, Any]] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def loss_decreased(self) -> bool:
        return bool(self.first_losses and self.last_losses
                    and np.mean(self.last_losses) < np.mean(self.first_losses))

    def summary(self) -> dict[str, Any]:
        """JSON-ready facts about the run, for the model file's provenance."""
        return {
            "steps": self.steps, "epochs": round(self.epochs, 3), "stopped_by": self.stopped_by,
            "elapsed_s": round(self.elapsed_s, 1), "device": self.device,
            "best_step": self.best_step, "best_epoch": round(self.best_epoch, 3),
            "loss_first": _mean_or_none(self.first_losses), "loss_last": _mean_or_none(self.last_losses),
            "config": self.config,
        }


def training_device(name: str = "auto") -> torch.device:
    """The device to train on (model/devices.py owns the rule); a missing one is a TrainingError."""
    try:
        return resolve_device(name)
    except DeviceError as err:
        raise TrainingError(QT_TRANSLATE_NOOP("RemoteNet", "device {err}").format(err=err)) from err


def normalise_batch(images: torch.Tensor, norm: Optional[dict[str, Any]]) -> torch.Tensor:
    """The header's normalisation (metadata.normalisation_affine) on a batch; ``norm=None`` leaves
    images as they are."""
    x = images.float()
    if norm is None:
        return x
    a, b = normalisation_affine(norm)
    a = torch.as_tensor(a, dtype=torch.float32, device=x.device).view(1, -1, 1, 1)
    b = torch.as_tensor(b, dtype=torch.float32, device=x.device).view(1, -1, 1, 1)
    return x * a + b


def augment_batch(images: torch.Tensor, labels: torch.Tensor,
                  generator: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Independent random horizontal/vertical flips and 90-degree rotations per chip."""
    square = images.shape[-1] == images.shape[-2]
    out_x, out_y = [], []
    for x, y in zip(images, labels):
        if generator.random() < 0.5:
            x, y = x.flip(-1), y.flip(-1)
        if generator.random() < 0.5:
            x, y = x.flip(-2), y.flip(-2)
        k = int(generator.integers(0, 4)) if square else 2 * int(generator.integers(0, 2))
        if k:
            x, y = torch.rot90(x, k, (-2, -1)), torch.rot90(y, k, (-2, -1))
        out_x.append(x)
        out_y.append(y)
    return torch.stack(out_x), torch.stack(out_y)


def class_weights(labels: np.ndarray, num_classes: int) -> torch.Tensor:
    """Cross-entropy weights proportional to 1/sqrt(pixel frequency), mean 1 over the classes
    present: rare classes (buildings are a few percent of a scene) are not drowned out."""
    counts = np.bincount(labels[labels != NO_CLASS].ravel(), minlength=num_classes)[:num_classes]
    freq = counts / max(1, counts.sum())
    weights = np.where(counts > 0, 1.0 / np.sqrt(np.maximum(freq, 1e-6)), 0.0)
    present = weights > 0
    weights[present] /= weights[present].mean()
    weights[~present] = 1.0
    return torch.tensor(weights, dtype=torch.float32)


def jitter_batch(images: torch.Tensor, labels: torch.Tensor, generator: np.random.Generator,
                 scale: float = 1.25, photometric: float = 0.2) -> tuple[torch.Tensor, torch.Tensor]:
    """Random zoom in or out (by up to ``scale``; out pads with unlabelled pixels), then a random
    gain/offset of up to ``photometric`` (in normalised units) and mild noise, per chip.
    ``images`` are normalised; labels are class indices (255 = unlabelled)."""
    import torch.nn.functional as F

    if scale <= 1.0 and photometric <= 0:
        return images, labels
    height, width = images.shape[-2:]
    out_x, out_y = [], []
    for x, y in zip(images, labels):
        if scale > 1.0:
            s = float(np.exp(generator.uniform(-np.log(scale), np.log(scale))))
            h, w = max(8, round(height * s)), max(8, round(width * s))
            x = F.interpolate(x[None], size=(h, w), mode="bilinear", align_corners=False)[0]
            y = F.interpolate(y[None, None].float(), size=(h, w), mode="nearest")[0, 0].to(labels.dtype)
            if h >= height and w >= width:
                r, c = int(generator.integers(0, h - height + 1)), int(generator.integers(0, w - width + 1))
                x, y = x[:, r:r + height, c:c + width], y[r:r + height, c:c + width]
            else:
                pad_x = x.new_zeros((x.shape[0], height, width))
                pad_y = y.new_full((height, width), NO_CLASS)
                r, c = int(generator.integers(0, height - h + 1)), int(generator.integers(0, width - w + 1))
                pad_x[:, r:r + h, c:c + w] = x
                pad_y[r:r + h, c:c + w] = y
                x, y = pad_x, pad_y
        if photometric > 0:
            gain = 1.0 + generator.uniform(-photometric, photometric)
            offset = generator.uniform(-photometric, photometric)
            x = x * gain + offset + torch.randn_like(x) * (photometric / 4)
        out_x.append(x)
        out_y.append(y)
    return torch.stack(out_x), torch.stack(out_y)


def train_model(train_images: np.ndarray, train_labels: np.ndarray,
                val_images: Optional[np.ndarray], val_labels: Optional[np.ndarray],
                num_classes: int, config: Optional[TrainConfig] = None,
                norm: Optional[dict[str, Any]] = None, model: Optional[RemoteNet] = None,
                progress: Optional[ProgressCallback] = None,
                is_cancelled: Optional[Callable[[], bool]] = None) -> TrainResult:
    """Train RemoteNet on chips; returns the checkpoint with the best validation mIoU.

    Cross-entropy plus Dice, AdamW, linear warm-up then a polynomial decay over the run
    (measured in steps or, with a time budget, in time, whichever is further along).
    ``max_minutes`` covers everything including validation: the loop stops early enough to
    run a last validation. ``progress`` receives dicts (``event`` = "start", "step",
    "validation" or "done"); ``is_cancelled`` is polled every step and raises
    TrainingCancelled. Without validation chips the last weights are kept.
    """
    config = config or TrainConfig()
    config.check()
    started = time.monotonic()
    _check_chips(train_images, train_labels, "training", num_classes)
    has_val = val_images is not None and val_labels is not None and len(val_images) > 0
    if has_val:
        _check_chips(val_images, val_labels, "validation", num_classes)
        if val_images.shape[1] != train_images.shape[1]:
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "training and validation chips have different band counts"))
    in_channels = int(train_images.shape[1])
    if norm is not None and (len(norm["mean"]) != in_channels or len(norm["std"]) != in_channels):
        raise TrainingError(QT_TRANSLATE_NOOP(
            "RemoteNet", "normalisation has {mean_count} means for {in_channels} bands").format(
            mean_count=len(norm['mean']), in_channels=in_channels))

    torch.manual_seed(config.seed)
    rng = np.random.default_rng(config.seed)
    device = training_device(config.device)
    use_amp = config.amp and device.type == "cuda"
    if config.amp and device.type == "cpu":
        # Measured on 2 AVX512-BF16 cores, batch 4 x 256 px: 1.09 s a step in fp32, 0.54 s with this.
        use_amp = cpu_has_native_bf16() if config.cpu_amp is None else bool(config.cpu_amp)
    channels_last = use_amp and device.type == "cpu"
    if model is None:
        try:
            model = RemoteNet(num_classes=num_classes, in_channels=in_channels,
                              pretrained_encoder=config.pretrained_encoder, drop_path_rate=config.drop_path_rate,
                              encoder=config.encoder, encoder_weights=config.encoder_weights)
        except EncoderWeightsError as err:
            raise TrainingError(QT_TRANSLATE_NOOP("RemoteNet", "encoder weights: {err}").format(err=err)) from err
    elif model.num_classes != num_classes or model.in_channels != in_channels:
        raise TrainingError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the given model's classes or bands do not match the chips"))
    model.to(device)
    if channels_last:
        model.to(memory_format=torch.channels_last)
    weights = class_weights(train_labels, num_classes) if config.class_weighting == "sqrt_inverse" else None
    criterion = SegmentationLoss(config.ce_weight, config.dice_weight, class_weights=weights).to(device)
    supervision = DeepSupervision.attach(model, num_classes) if config.aux_weight > 0 else None
    groups = _parameter_groups(model, config.encoder_lr_ratio)
    if supervision is not None:
        supervision.head.to(device)
        if channels_last:
            supervision.head.to(memory_format=torch.channels_last)
        groups.append({"params": list(supervision.head.parameters()), "lr_scale": 1.0})
    optimizer = torch.optim.AdamW(groups, lr=config.lr, weight_decay=config.weight_decay)

    n_train = len(train_images)
    batch = min(config.batch_size, n_train)
    steps_per_epoch = max(1, n_train // batch)  # drop the last partial batch: BatchNorm dislikes tiny ones
    total_steps = _total_steps(config, steps_per_epoch)
    budget_s = config.max_minutes * 60.0 if config.max_minutes else None
    if has_val and len(val_images) > config.max_val_chips:
        keep = np.sort(rng.choice(len(val_images), config.max_val_chips, replace=False))
        val_images, val_labels = val_images[keep], val_labels[keep]
    val_batch = config.val_batch_size or max(1, 2 * batch)
    warmup_steps = (max(1, min(config.max_warmup_steps, round(config.warmup_fraction * total_steps)))
                    if total_steps else None)

    def emit(info: dict[str, Any]) -> None:
        if progress is not None:
            progress(info)

    emit({"event": "start", "device": str(device), "amp": use_amp, "train_chips": n_train,
          "val_chips": int(len(val_images)) if has_val else 0, "batch_size": batch,
          "steps_per_epoch": steps_per_epoch, "total_steps": total_steps, "budget_s": budget_s})

    losses: list[float] = []
    step, step_time = 0, None
    stopped_by = "epochs"
    sampler = _ChipSampler(n_train, batch, rng)
    best = _BestCheckpoint(val_images, val_labels, num_classes, norm, device, val_batch, use_amp,
                           steps_per_epoch, started, emit)

    model.train()
    while True:
        if is_cancelled is not None and is_cancelled():
            raise TrainingCancelled("training was cancelled")
        if total_steps is not None and step >= total_steps:
            stopped_by = "steps" if (config.max_steps and step >= config.max_steps) else "epochs"
            break
        elapsed = time.monotonic() - started
        if budget_s is not None and step > 0:
            reserve = _validation_estimate(best.seconds, step_time, len(val_images) if has_val else 0, val_batch,
                                           batch)
            if elapsed + (step_time or 0.0) + reserve + 1.0 > budget_s:
                stopped_by = "time"
                break

        idx = sampler.next_batch()
        x = torch.from_numpy(np.ascontiguousarray(train_images[idx])).to(device, non_blocking=True)
        y = torch.from_numpy(np.ascontiguousarray(train_labels[idx])).to(device, non_blocking=True)
        x = normalise_batch(x, norm)
        if config.augment:
            x, y = augment_batch(x, y, rng)
            x, y = jitter_batch(x, y, rng, config.scale_jitter, config.photometric_jitter)
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)

        fraction = _progress_fraction(step, total_steps, elapsed, budget_s)
        warm = warmup_steps or _time_warmup_steps(config, budget_s, step_time)
        lr = config.lr * _lr_factor(step, fraction, warm, config)
        for group in optimizer.param_groups:
            group["lr"] = lr * group["lr_scale"]

        loss_value, took = _optimisation_step(model, optimizer, criterion, x, y, device, use_amp, config.grad_clip,
                                              supervision, config.aux_weight)
        # Smoothed step time; the first step (allocations, autotuning) is not representative.
        step_time = took if step_time is None or step == 1 else 0.8 * step_time + 0.2 * took
        losses.append(loss_value)
        step += 1
        emit({"event": "step", "step": step, "epoch": round(step / steps_per_epoch, 3), "loss": loss_value,
              "lr": lr, "step_s": round(took, 3), "elapsed_s": round(time.monotonic() - started, 1),
              "fraction": round(_progress_fraction(step, total_steps, time.monotonic() - started, budget_s), 4)})

        if has_val:
            epoch_end = step % steps_per_epoch == 0
            timed = (budget_s is not None and config.validations_per_budget
                     and time.monotonic() - best.last_time > budget_s / config.validations_per_budget)
            if epoch_end or timed:
                best.validate(model, step)

    if has_val and best.last_step != step and step > 0:
        best.validate(model, step)
    if supervision is not None:
        supervision.detach()
    if best.state is None:  # no validation chips (or no step): keep the last weights
        best.keep(model, step, {})
    model.load_state_dict(best.state)
    model.to("cpu").eval()
    if channels_last:
        model.to(memory_format=torch.contiguous_format)
    window = max(1, min(10, len(losses) // 4))
    result = TrainResult(
        model=model, best_metrics=best.metrics, best_step=best.step, best_epoch=best.step / steps_per_epoch,
        steps=step, epochs=step / steps_per_epoch, stopped_by=stopped_by, elapsed_s=time.monotonic() - started,
        device=str(device), first_losses=losses[:window], last_losses=losses[-window:], history=best.history,
        config=asdict(config))
    emit({"event": "done", "steps": step, "stopped_by": stopped_by, "best_miou": best.metrics.get("miou"),
          "best_step": best.step, "elapsed_s": round(result.elapsed_s, 1)})
    return result


class _ChipSampler:
    """Batches of chip indices: each epoch a new random order, the last partial batch dropped."""

    def __init__(self, count: int, batch: int, rng: np.random.Generator) -> None:
        self.count, self.batch, self.rng = count, batch, rng
        self.order, self.position = rng.permutation(count), 0

    def next_batch(self) -> np.ndarray:
        if self.position + self.batch > self.count:
            self.order, self.position = self.rng.permutation(self.count), 0
        idx = np.sort(self.order[self.position:self.position + self.batch])
        self.position += self.batch
        return idx


class _BestCheckpoint:
    """Validation on the held-out chips, the weights with the best mIoU so far, and the history."""

    def __init__(self, images: Optional[np.ndarray], labels: Optional[np.ndarray], num_classes: int,
                 norm: Optional[dict[str, Any]], device: torch.device, batch_size: int, amp: bool,
                 steps_per_epoch: int, started: float, emit: Callable[[dict[str, Any]], None]) -> None:
        self.images, self.labels, self.num_classes, self.norm = images, labels, num_classes, norm
        self.device, self.batch_size, self.amp = device, batch_size, amp
        self.steps_per_epoch, self.started, self.emit = steps_per_epoch, started, emit
        self.state: Optional[dict[str, torch.Tensor]] = None
        self.metrics: dict[str, Any] = {}
        self.miou, self.step = -1.0, 0
        self.seconds: Optional[float] = None  # how long the last validation took
        self.last_step, self.last_time = -1, started
        self.history: list[dict[str, Any]] = []

    def keep(self, model: RemoteNet, step: int, metrics: dict[str, Any]) -> None:
        self.state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
        self.metrics, self.step = metrics, step

    def validate(self, model: RemoteNet, step: int) -> None:
        t0 = time.monotonic()
        metrics = evaluate_chips(model, self.images, self.labels, self.num_classes, self.norm, self.device,
                                 self.batch_size, self.amp)
        model.train()
        self.seconds = time.monotonic() - t0
        self.last_step, self.last_time = step, time.monotonic()
        miou = metrics["miou"] if metrics["miou"] is not None else 0.0
        improved = miou > self.miou
        if improved:
            self.miou = miou
            self.keep(model, step, metrics)
        record = {"event": "validation", "step": step, "epoch": round(step / self.steps_per_epoch, 3),
                  "miou": metrics["miou"], "oa": metrics["oa"], "best_miou": self.miou, "improved": improved,
                  "iou": [c["iou"] for c in metrics["per_class"]], "val_s": round(self.seconds, 2),
                  "elapsed_s": round(time.monotonic() - self.started, 1)}
        self.history.append(record)
        self.emit(record)


def _optimisation_step(model: RemoteNet, optimizer: torch.optim.Optimizer, criterion: nn.Module, x: torch.Tensor,
                       y: torch.Tensor, device: torch.device, amp: bool, grad_clip: Optional[float],
                       supervision: Optional[DeepSupervision] = None, aux_weight: float = 0.0
                       ) -> tuple[float, float]:
    """One forward/backward/update (skipped when the loss is not finite); (loss, seconds).
    The loss reported is the main head's; the auxiliary head's is added for the gradient only."""
    t0 = time.monotonic()
    optimizer.zero_grad(set_to_none=True)
    with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=amp):
        logits = model(x)
        aux_logits = supervision.logits(tuple(x.shape[-2:])) if supervision is not None else None
    loss = criterion(logits.float(), y)
    total = loss + aux_weight * criterion(aux_logits.float(), y) if aux_logits is not None else loss
    if torch.isfinite(total):
        total.backward()
        if grad_clip:
            torch.nn.utils.clip_grad_norm_([p for group in optimizer.param_groups for p in group["params"]],
                                           grad_clip)
        optimizer.step()
    loss_value = float(loss.detach())
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    return loss_value, time.monotonic() - t0


@torch.no_grad()
def evaluate_chips(model: RemoteNet, images: np.ndarray, labels: np.ndarray, num_classes: int,
                   norm: Optional[dict[str, Any]] = None, device: torch.device | str = "cpu",
                   batch_size: int = 8, amp: bool = False) -> dict[str, Any]:
    """Metrics (see ``metrics_from_confusion``) of the model's argmax on labelled chips."""
    device = torch.device(device)
    model.eval()
    cm = ConfusionMatrix(num_classes, NO_CLASS)
    for start in range(0, len(images), batch_size):
        x = torch.from_numpy(np.ascontiguousarray(images[start:start + batch_size])).to(device)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=amp):
            logits = model(normalise_batch(x, norm))
        cm.update(logits.argmax(1), labels[start:start + batch_size])
    return cm.metrics()


def save_trained_model(result: TrainResult, path: Any, header: dict[str, Any],
                       half: bool = False) -> dict[str, Any]:
    """Write the best model with ``header`` (classes, bands, input, tile size, gsd, provenance)
    completed by the validation metrics and the run's facts; returns the written header."""
    from .model_file import save_model

    header = copy.deepcopy(header)
    classes = header.get("classes")
    metrics = dict(header.get("metrics", {}))
    if result.best_metrics:
        names = [c["name"] for c in classes] if classes else None
        values = [c["value"] for c in classes] if classes else None
        val = result.best_metrics
        per_class = [{**c, "name": names[i] if names else c["name"], "value": values[i] if values else c["value"]}
                     for i, c in enumerate(val["per_class"])]
        metrics["validation"] = {
            "miou": _round(val["miou"]), "oa": _round(val["oa"]), "kappa": _round(val["kappa"]),
            "pixels": val["pixels"],
            "per_class": [{k: _round(v) for k, v in c.items()} for c in per_class],
            "split": "spatial blocks held out from the training chips",
        }
    header["metrics"] = metrics
    provenance = dict(header.get("provenance", {}))
    provenance["training"] = {**provenance.get("training", {}), **result.summary()}
    header["provenance"] = provenance
    return save_model(result.model, path, header, half=half)


def _check_chips(images: np.ndarray, labels: np.ndarray, what: str, num_classes: int) -> None:
    if images.ndim != 4 or labels.ndim != 3:
        raise TrainingError(QT_TRANSLATE_NOOP(
            "RemoteNet",
            "{what} chips must be images (N, C, H, W) and labels (N, H, W); got {shape} and {shape2}").format(
            what=what, shape=images.shape, shape2=labels.shape))
    if images.shape[0] != labels.shape[0] or images.shape[2:] != labels.shape[1:]:
        raise TrainingError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{what} images {shape} and labels {shape2} do not match").format(
            what=what, shape=images.shape, shape2=labels.shape))
    if images.shape[0] == 0:
        raise TrainingError(QT_TRANSLATE_NOOP("RemoteNet", "there are no {what} chips").format(what=what))
    used = np.unique(labels)
    bad = used[(used != NO_CLASS) & (used >= num_classes)]
    if bad.size:
        raise TrainingError(QT_TRANSLATE_NOOP(
            "RemoteNet", "{what} labels hold class indices {tolist} but there are {num_classes} classes").format(
            what=what, tolist=bad.tolist(), num_classes=num_classes))


def _parameter_groups(model: torch.nn.Module, encoder_lr_ratio: float) -> list[dict[str, Any]]:
    """The encoder's parameters (``model.Encoder``, when there is one) at ``encoder_lr_ratio``
    times the learning rate, the rest at the learning rate."""
    encoder = getattr(model, "Encoder", None)
    encoder_ids = {id(p) for p in encoder.parameters()} if isinstance(encoder, torch.nn.Module) else set()
    groups = [{"params": [p for p in model.parameters() if id(p) in encoder_ids], "lr_scale": encoder_lr_ratio},
              {"params": [p for p in model.parameters() if id(p) not in encoder_ids], "lr_scale": 1.0}]
    return [g for g in groups if g["params"]]


def _total_steps(config: TrainConfig, steps_per_epoch: int) -> Optional[int]:
    limits = []
    if config.epochs:
        limits.append(config.epochs * steps_per_epoch)
    if config.max_steps:
        limits.append(config.max_steps)
    return min(limits) if limits else None


def _time_warmup_steps(config: TrainConfig, budget_s: Optional[float], step_time: Optional[float]) -> int:
    """Warm-up length for a time-limited run, from the measured step time (20 until measured)."""
    if not budget_s or not step_time:
        return 20
    return max(1, min(config.max_warmup_steps, round(config.warmup_fraction * budget_s / step_time)))


def _progress_fraction(step: int, total_steps: Optional[int], elapsed: float, budget_s: Optional[float]) -> float:
    parts = [0.0]
    if total_steps:
        parts.append(step / total_steps)
    if budget_s:
        parts.append(elapsed / budget_s)
    return min(1.0, max(parts))


def _lr_factor(step: int, fraction: float, warmup_steps: int, config: TrainConfig) -> float:
    warm = min(1.0, (step + 1) / max(1, warmup_steps))
    decay = (1.0 - fraction) ** config.poly_power
    return warm * max(config.min_lr_ratio, decay)


def _validation_estimate(val_time: Optional[float], step_time: Optional[float], n_val: int,
                         val_batch: int, batch: int) -> float:
    """Seconds a validation will take: measured when we have one, else from the step time
    (a forward pass costs about a third of a training step, per pixel)."""
    if n_val == 0:
        return 0.0
    if val_time is not None:
        return val_time * 1.1
    if step_time is None:
        return 0.0
    return math.ceil(n_val / val_batch) * step_time * (val_batch / batch) * 0.45


def _mean_or_none(values: list[float]) -> Optional[float]:
    return round(float(np.mean(values)), 5) if values else None


def _round(value: Any) -> Any:
    return round(value, 5) if isinstance(value, float) else value


@dataclass
class ChipSet:
    """Training and validation chips plus the model-file header fields that describe them.

    ``header`` holds classes, bands, input (normalisation), tile_size, gsd_m and provenance;
    images are raw pixels (normalised per batch with ``header["input"]``), labels are class
    indices (255 = unlabelled). ``save``/``load`` use a plain ``.npz`` (numpy only), so chips
    prepared with GDAL can be trained on a machine without it.
    """

    train_images: np.ndarray
    train_labels: np.ndarray
    val_images: np.ndarray
    val_labels: np.ndarray
    header: dict[str, Any]

    @property
    def num_classes(self) -> int:
        return len(self.header["classes"])

    @property
    def norm(self) -> dict[str, Any]:
        return self.header["input"]

    def save(self, path: Any) -> None:
        import json

        np.savez_compressed(path, train_images=self.train_images, train_labels=self.train_labels,
                            val_images=self.val_images, val_labels=self.val_labels,
                            header=np.array(json.dumps(self.header)))

    @classmethod
    def load(cls, path: Any) -> ChipSet:
        import json

        with np.load(path, allow_pickle=False) as data:
            return cls(train_images=data["train_images"], train_labels=data["train_labels"],
                       val_images=data["val_images"], val_labels=data["val_labels"],
                       header=json.loads(str(data["header"])))

    def train(self, config: Optional[TrainConfig] = None, progress: Optional[ProgressCallback] = None,
              is_cancelled: Optional[Callable[[], bool]] = None) -> TrainResult:
        """``train_model`` on these chips with their normalisation."""
        return train_model(self.train_images, self.train_labels, self.val_images, self.val_labels,
                           self.num_classes, config, norm=self.norm, progress=progress, is_cancelled=is_cancelled)

"""The training loop: in-memory chips in, the best RemoteNet (by validation mIoU) out.

Each step takes a batch from the chip sampler (``sampler.py``), sets the schedule's learning rate
(``schedule.py``) and runs one optimisation step (``optimisation.py``); the checkpoint keeper
(``checkpoints.py``) validates at the schedule's times and keeps the best weights.
"""
from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any, Callable, Optional

import numpy as np
import torch

from ..messages import QT_TRANSLATE_NOOP
from ..metadata import NO_CLASS
from ..network import RemoteNet
from .checkpoints import BestCheckpoint, WeightAverage, evaluate_chips, validation_too_small
from .config import ProgressCallback, TrainConfig, TrainingCancelled, TrainingError
from .optimisation import Optimisation, class_weights, mixed_precision, training_device, training_network
from .residual_weight import decoder_weight, scale_residual
from .result import TrainResult
from .sampler import ChipSampler
from .schedule import Schedule, validation_estimate
from .spectral_fit import fit_spectral_head


def train_model(train_images: np.ndarray, train_labels: np.ndarray,
                val_images: Optional[np.ndarray], val_labels: Optional[np.ndarray],
                num_classes: int, config: Optional[TrainConfig] = None,
                norm: Optional[dict[str, Any]] = None, model: Optional[RemoteNet] = None,
                progress: Optional[ProgressCallback] = None,
                is_cancelled: Optional[Callable[[], bool]] = None, heads_trained: bool = False) -> TrainResult:
    """Train RemoteNet on chips; returns the checkpoint with the best validation mIoU.

    Cross-entropy plus Dice, AdamW, linear warm-up then a polynomial decay over the run
    (measured in steps or, with a time budget, in time, whichever is further along).
    ``max_minutes`` covers everything including validation: the loop stops early enough to
    run a last validation. ``progress`` receives dicts (``event`` = "start", "step",
    "validation" or "done"); ``is_cancelled`` is polled every step and raises
    TrainingCancelled. Without validation chips the last weights are kept; with validation too small
    to choose, its chips are trained on too (``config.train_on_small_validation``).
    ``heads_trained``: ``model`` is a trained network for these classes (fine-tuning with its head
    kept), so its spectral and class heads go on learning from their weights instead of being
    refitted and zeroed (``config.spectral_first`` is for heads that start untrained).
    """
    config = config or TrainConfig()
    config.check()
    clock = time.monotonic  # looked up per run: scripts/compare_encoders.py stands in a CPU-time clock
    started = clock()
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
    use_amp = mixed_precision(config, device)
    channels_last = use_amp and device.type == "cpu"
    model = training_network(model, config, num_classes, in_channels)

    # Which weights are kept: the best by validation, or (validation too small to choose, or
    # asked for) the averaged weights at the end.
    too_small = validation_too_small(val_labels if has_val else None, train_labels, num_classes,
                                     config.min_val_pixels, config.min_val_class_pixels)
    rule = config.checkpoint if config.checkpoint != "auto" else ("last" if too_small else "best")
    merged = has_val and bool(too_small) and config.checkpoint == "auto" and config.train_on_small_validation
    if merged:
        train_images = np.concatenate([train_images, val_images])
        train_labels = np.concatenate([train_labels, val_labels])
        val_images = val_labels = None
        has_val = False
    spectral_fit = None
    if getattr(model, "Spectral", None) is not None and config.spectral_first and not heads_trained:
        spectral_fit = fit_spectral_head(model.Spectral, train_images, train_labels, norm,
                                         class_weights(train_labels, num_classes), config.seed)
        model.Spectral.requires_grad_(False)
        with torch.no_grad():  # the network starts as the fitted per-pixel classifier
            model.Decoder.FRM.head.weight.zero_()
            model.Decoder.FRM.head.bias.zero_()
    optimisation = Optimisation(model, config, train_labels, num_classes, device, use_amp, channels_last)

    n_train = len(train_images)
    batch = min(config.batch_size, n_train)
    if has_val and len(val_images) > config.max_val_chips:
        keep = np.sort(rng.choice(len(val_images), config.max_val_chips, replace=False))
        val_images, val_labels = val_images[keep], val_labels[keep]
    n_val = len(val_images) if has_val else 0
    val_batch = config.val_batch_size or max(1, 2 * batch)
    sampler = ChipSampler(train_images, train_labels, batch, rng, device, norm, config.augment,
                          config.scale_jitter, config.photometric_jitter, channels_last,
                          balance=config.balance_classes, num_classes=num_classes)
    steps_per_epoch = sampler.batches_per_epoch
    schedule = Schedule.of(config, steps_per_epoch)

    def emit(info: dict[str, Any]) -> None:
        if progress is not None:
            progress(info)

    if spectral_fit is not None:
        emit({"event": "spectral_fit", **spectral_fit})
    emit({"event": "start", "device": str(device), "amp": use_amp, "train_chips": n_train,
          "val_chips": n_val, "batch_size": batch, "steps_per_epoch": steps_per_epoch,
          "total_steps": schedule.total_steps, "budget_s": schedule.budget_s})
    average = WeightAverage(model, config.ema_decay) if config.ema_decay > 0 else None
    if rule == "last":
        emit({"event": "checkpoint", "rule": rule, "averaged": average is not None,
              "asked": config.checkpoint == "last", "trained_on_validation": merged, **(too_small or {})})

    losses: list[float] = []
    step, step_time = 0, None
    stopped_by = "epochs"
    best = BestCheckpoint(val_images, val_labels, num_classes, norm, device, val_batch, use_amp,
                          steps_per_epoch, started, emit, clock)

    model.train()
    while True:
        if is_cancelled is not None and is_cancelled():
            raise TrainingCancelled("training was cancelled")
        reached = schedule.steps_reached(step)
        if reached:
            stopped_by = reached
            break
        elapsed = clock() - started
        reserve = validation_estimate(best.seconds, step_time, n_val, val_batch, batch)
        if schedule.out_of_time(step, elapsed, step_time, reserve):
            stopped_by = "time"
            break

        x, y = sampler.next_batch()
        lr = schedule.lr(step, elapsed, step_time)
        optimisation.set_lr(lr)
        t0 = clock()
        loss_value = optimisation.step(x, y)
        if average is not None:
            average.update(model)
        took = clock() - t0
        # Smoothed step time; the first step (allocations, autotuning) is not representative.
        step_time = took if step_time is None or step == 1 else 0.8 * step_time + 0.2 * took
        losses.append(loss_value)
        step += 1
        emit({"event": "step", "step": step, "epoch": round(step / steps_per_epoch, 3), "loss": loss_value,
              "lr": lr, "step_s": round(took, 3), "elapsed_s": round(clock() - started, 1),
              "fraction": round(schedule.fraction(step, clock() - started), 4)})

        if has_val and schedule.validation_due(step, clock() - best.last_time):
            best.validate(model, step, average)

    if has_val and best.last_step != step and step > 0:
        best.validate(model, step, average)
    optimisation.detach_head()
    if rule == "last":
        if average is not None:
            average.swap(model)
        best.keep(model, step, best.last_metrics)
    best.restore(model, step)
    kept_decoder = None
    if spectral_fit is not None:
        # How much of the decoder's residual to keep (residual_weight.py): validation chooses when
        # it can, otherwise the prior measured on few polygons.
        judge = has_val and not too_small
        kept_decoder = decoder_weight(model, val_images if judge else None, val_labels if judge else None,
                                      num_classes, norm, device, val_batch, use_amp,
                                      config.few_labels_decoder_weight)
        scale_residual(model, kept_decoder["weight"])
        if judge and best.metrics:  # the validation figures describe the model that is written
            best.metrics = evaluate_chips(model, val_images, val_labels, num_classes, norm, device, val_batch,
                                          use_amp)
        emit({"event": "decoder_weight", **kept_decoder})
        model.Spectral.requires_grad_(True)
    model.to("cpu").eval()
    if channels_last:
        model.to(memory_format=torch.contiguous_format)
    window = max(1, min(10, len(losses) // 4))
    result = TrainResult(
        model=model, best_metrics=best.metrics, best_step=best.step, best_epoch=best.step / steps_per_epoch,
        steps=step, epochs=step / steps_per_epoch, stopped_by=stopped_by, elapsed_s=clock() - started,
        device=str(device), first_losses=losses[:window], last_losses=losses[-window:], history=best.history,
        config=asdict(config), checkpoint={"rule": rule, "averaged": average is not None,
                                           "trained_on_validation": merged, **(too_small or {})},
        spectral_fit=spectral_fit, decoder_weight=kept_decoder)
    emit({"event": "done", "steps": step, "stopped_by": stopped_by, "best_miou": best.metrics.get("miou"),
          "best_step": best.step, "elapsed_s": round(result.elapsed_s, 1)})
    return result


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


"""The optimisation of one run: the network on its device, its loss, the auxiliary head and
AdamW, and one step of it."""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
import torch

from ..aux_head import DeepSupervision
from ..devices import DeviceError, cpu_has_native_bf16, resolve_device
from ..encoder_weights import EncoderWeightsError
from ..losses import SegmentationLoss
from ..messages import QT_TRANSLATE_NOOP
from ..metadata import NO_CLASS
from ..network import RemoteNet
from .config import TrainConfig, TrainingError


def training_device(name: str = "auto") -> torch.device:
    """The device to train on (model/devices.py owns the rule); a missing one is a TrainingError."""
    try:
        return resolve_device(name)
    except DeviceError as err:
        raise TrainingError(QT_TRANSLATE_NOOP("RemoteNet", "device {err}").format(err=err)) from err



def mixed_precision(config: TrainConfig, device: torch.device) -> bool:
    """Whether the run uses bf16 autocast: on CUDA when ``amp``, on a CPU where it has native bf16
    (or as ``cpu_amp`` says)."""
    use_amp = config.amp and device.type == "cuda"
    if config.amp and device.type == "cpu":
        # Measured on 2 AVX512-BF16 cores, batch 4 x 256 px: 1.09 s a step in fp32, 0.54 s with this.
        use_amp = cpu_has_native_bf16() if config.cpu_amp is None else bool(config.cpu_amp)
    return use_amp


def training_network(model: Optional[RemoteNet], config: TrainConfig, num_classes: int,
                     in_channels: int) -> RemoteNet:
    """``model`` when it fits the chips, else a new RemoteNet as ``config`` says."""
    if model is None:
        try:
            model = RemoteNet(num_classes=num_classes, in_channels=in_channels,
                              pretrained_encoder=config.pretrained_encoder, drop_path_rate=config.drop_path_rate,
                              encoder=config.encoder, encoder_weights=config.encoder_weights,
                              spectral_head=config.spectral_head)
        except EncoderWeightsError as err:
            raise TrainingError(QT_TRANSLATE_NOOP("RemoteNet", "encoder weights: {err}").format(err=err)) from err
    elif model.num_classes != num_classes or model.in_channels != in_channels:
        raise TrainingError(QT_TRANSLATE_NOOP(
            "RemoteNet", "the given model's classes or bands do not match the chips"))
    return model


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



class Optimisation:
    """``model`` moved to ``device``; cross-entropy plus Dice (class-weighted from the training
    labels), the auxiliary head when ``aux_weight`` is set, and AdamW over both, the encoder at
    ``encoder_lr_ratio`` times the learning rate."""

    def __init__(self, model: RemoteNet, config: TrainConfig, train_labels: np.ndarray, num_classes: int,
                 device: torch.device, amp: bool, channels_last: bool) -> None:
        self.model, self.device, self.amp = model, device, amp
        self.grad_clip, self.aux_weight = config.grad_clip, config.aux_weight
        model.to(device)
        if channels_last:
            model.to(memory_format=torch.channels_last)
        weights = class_weights(train_labels, num_classes) if config.class_weighting == "sqrt_inverse" else None
        self.criterion = SegmentationLoss(config.ce_weight, config.dice_weight, class_weights=weights).to(device)
        self.supervision = DeepSupervision.attach(model, num_classes) if config.aux_weight > 0 else None
        self.spectral_weight = config.spectral_aux_weight
        spectral = getattr(model, "Spectral", None)
        self.spectral = (OutputKeeper(spectral) if spectral is not None and config.spectral_aux_weight > 0
                         and any(p.requires_grad for p in spectral.parameters()) else None)
        groups = parameter_groups(model, config.encoder_lr_ratio)
        if self.supervision is not None:
            self.supervision.head.to(device)
            if channels_last:
                self.supervision.head.to(memory_format=torch.channels_last)
            groups.append({"params": list(self.supervision.head.parameters()), "lr_scale": 1.0})
        self.optimizer = torch.optim.AdamW(groups, lr=config.lr, weight_decay=config.weight_decay)

    def set_lr(self, lr: float) -> None:
        for group in self.optimizer.param_groups:
            group["lr"] = lr * group["lr_scale"]

    def step(self, x: torch.Tensor, y: torch.Tensor) -> float:
        """One forward/backward/update (skipped when the loss is not finite); the loss.
        The loss reported is the main head's; the auxiliary head's is added for the gradient only."""
        model, optimizer, criterion, device = self.model, self.optimizer, self.criterion, self.device
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=self.amp):
            logits = model(x)
            aux_logits = self.supervision.logits(tuple(x.shape[-2:])) if self.supervision is not None else None
        loss = criterion(logits.float(), y)
        total = loss + self.aux_weight * criterion(aux_logits.float(), y) if aux_logits is not None else loss
        if self.spectral is not None:
            total = total + self.spectral_weight * criterion(self.spectral.take().float(), y)
        if torch.isfinite(total):
            total.backward()
            if self.grad_clip:
                torch.nn.utils.clip_grad_norm_([p for group in optimizer.param_groups for p in group["params"]],
                                               self.grad_clip)
            optimizer.step()
        loss_value = float(loss.detach())
        if device.type == "cuda":  # so that the caller's step time is the step's
            torch.cuda.synchronize(device)
        return loss_value

    def detach_head(self) -> None:
        """Remove the auxiliary head: the trained model is RemoteNet alone."""
        if self.supervision is not None:
            self.supervision.detach()
        if self.spectral is not None:
            self.spectral.detach()


class OutputKeeper:
    """The output of a module's last forward pass in training mode (a forward hook), so a loss can
    reach a branch of the network without running it twice."""

    def __init__(self, module: torch.nn.Module) -> None:
        self.output: Optional[torch.Tensor] = None
        self._hook = module.register_forward_hook(self._keep)

    def _keep(self, module: torch.nn.Module, _inputs: tuple, output: torch.Tensor) -> None:
        if module.training:
            self.output = output

    def take(self) -> torch.Tensor:
        output, self.output = self.output, None
        if output is None:
            raise RuntimeError("the module has not run in training mode since the last take()")
        return output

    def detach(self) -> None:
        self._hook.remove()
        self.output = None


def parameter_groups(model: torch.nn.Module, encoder_lr_ratio: float) -> list[dict[str, Any]]:
    """The encoder's parameters (``model.Encoder``, when there is one) at ``encoder_lr_ratio``
    times the learning rate, the rest at the learning rate."""
    encoder = getattr(model, "Encoder", None)
    encoder_ids = {id(p) for p in encoder.parameters()} if isinstance(encoder, torch.nn.Module) else set()
    trained = [p for p in model.parameters() if p.requires_grad]  # a frozen spectral head stays as fitted
    groups = [{"params": [p for p in trained if id(p) in encoder_ids], "lr_scale": encoder_lr_ratio},
              {"params": [p for p in trained if id(p) not in encoder_ids], "lr_scale": 1.0}]
    return [g for g in groups if g["params"]]


"""What one training run is asked to do (``TrainConfig``) and the errors it raises."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

from ..encoder import ENCODERS
from ..messages import QT_TRANSLATE_NOOP

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
    # The spectral head (model/spectral_head.py) is first fitted alone on the labelled pixels, then
    # frozen while the rest trains, its decoder's class head starting at zero (spectral_fit.py says
    # why). False trains it jointly from the start. Fine-tuning a model with the labels' classes
    # skips this stage: its heads are trained already (loop.py, heads_trained).
    spectral_first: bool = True
    # Trained jointly, its own logits also get the loss, with this weight, so that it learns each
    # pixel alone rather than lean on the decoder. 0 turns that off.
    spectral_aux_weight: float = 0.5
    augment: bool = True  # random flips and 90-degree rotations
    # Beyond flips: random rescaling (1/s..s), brightness/contrast jitter and noise, each chip
    # on its own; 0 turns them off. Small scenes overfit fast without them.
    scale_jitter: float = 1.25
    photometric_jitter: float = 0.2
    device: str = "auto"  # "auto" (CUDA when available), "cpu", "cuda", "cuda:1"...
    amp: bool = True  # bf16 autocast on CUDA (and on CPUs with native bf16 unless cpu_amp is False)
    cpu_amp: Optional[bool] = None  # None: bf16 autocast + channels-last where the CPU has AVX512-BF16/AMX
    pretrained_encoder: bool = False
    # A key of encoder.ENCODERS. resnet18 learned most from random weights on a CPU in the default
    # time (docs/training.md); "pvt_v2_b1" is the reference's (and what a header without an
    # architecture means).
    encoder: str = "resnet18"
    encoder_weights: Optional[str] = None  # a local timm weights file for that encoder
    # The full-resolution pixel path (model/spectral_head.py): each pixel's bands straight to the head.
    spectral_head: bool = False
    seed: int = 0
    val_batch_size: Optional[int] = None
    max_val_chips: int = 256
    validations_per_budget: int = 5  # with a time budget, also validate every budget/5
    grad_clip: Optional[float] = 1.0
    # Class-balanced chip sampling (sampler.py): rare classes seen as often as common ones.
    balance_classes: bool = True
    # Exponential moving average of the weights (0 turns it off); validation scores the averaged
    # weights, which are what is kept.
    ema_decay: float = 0.99
    # Which weights the model file gets: "best" (best validation mIoU), "last" (the averaged weights
    # at the end), or "auto": "best" unless validation is too small to choose (fewer than
    # min_val_pixels validation pixels, or fewer than min_val_class_pixels in a class that trains).
    checkpoint: str = "auto"
    min_val_pixels: int = 5000
    min_val_class_pixels: int = 200
    # When "auto" finds validation too small to choose, its labelled objects join the training
    # chips: with a few polygons they teach more than they can judge (there is then no held-out
    # score; RemoteNet Evaluate on other polygons gives one). False keeps them held out.
    train_on_small_validation: bool = True
    # The share of the decoder's logits kept beside a spectral head fitted first, when validation is
    # too small to choose it (residual_weight.py; with enough validation it is chosen there). On a
    # few polygons the decoder memorises them by their surroundings; a quarter of its logits had the
    # best mean and worst run over 6 runs each at 10 and 30 m (docs/training.md). 1 keeps it whole.
    few_labels_decoder_weight: float = 0.25
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
        if self.checkpoint not in ("auto", "best", "last"):
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "checkpoint must be auto, best or last (got {checkpoint!r})").format(
                checkpoint=self.checkpoint))
        if not 0.0 <= self.few_labels_decoder_weight <= 1.0:
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "few_labels_decoder_weight must be between 0 and 1 (got {value})").format(
                value=self.few_labels_decoder_weight))
        if self.encoder not in ENCODERS:
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "encoder {encoder!r} is not supported; choose one of {encoders}").format(
                encoder=self.encoder, encoders=', '.join(ENCODERS)))
        if self.encoder_weights and self.pretrained_encoder:
            raise TrainingError(QT_TRANSLATE_NOOP(
                "RemoteNet", "pretrained_encoder (download) and encoder_weights (a local file) both ask for "
                "starting weights; set only one"))

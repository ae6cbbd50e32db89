"""Training RemoteNet: in-memory chips in, the best RemoteNet (by validation mIoU) out.

Torch and numpy only (no GDAL), so it runs wherever torch runs: chips come from
``remotenet_plugin.engine.training_data`` or from an ``.npz`` written by it (``ChipSet``).

Images are (N, C, H, W), either already normalised float32 or raw pixels with the header's
``input`` normalisation (``((pixel - offset) / scale - mean) / std``), applied per batch on
the device. Labels are (N, H, W) uint8 class *indices* 0..K-1, 255 = unlabelled.

Where things are: ``loop.py`` (``train_model``, the loop), ``sampler.py`` (the batches it trains
on; ``augment.py`` the normalisation and augmentation), ``schedule.py`` (when to stop, when to
validate, the learning rate), ``optimisation.py`` (network, loss and AdamW, one step),
``checkpoints.py`` (validation and the best weights), ``config.py`` (``TrainConfig``),
``result.py`` (``TrainResult``, the model file), ``chips.py`` (``ChipSet``).
"""
from __future__ import annotations

from .augment import augment_batch, jitter_batch, normalise_batch
from .checkpoints import evaluate_chips
from .chips import ChipSet
from .config import ProgressCallback, TrainConfig, TrainingCancelled, TrainingError
from .loop import train_model
from .optimisation import class_weights, training_device
from .result import TrainResult, save_trained_model

__all__ = [
    "ChipSet", "ProgressCallback", "TrainConfig", "TrainResult", "TrainingCancelled", "TrainingError",
    "augment_batch", "class_weights", "evaluate_chips", "jitter_batch", "normalise_batch", "save_trained_model",
    "train_model", "training_device",
]

"""Training and validation chips with the header fields that describe them, as one ``.npz``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

import numpy as np

from .config import ProgressCallback, TrainConfig
from .loop import train_model
from .result import TrainResult


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
              is_cancelled: Optional[Callable[[], bool]] = None, model: Optional[Any] = None,
              heads_trained: bool = False) -> TrainResult:
        """``train_model`` on these chips with their normalisation; ``model``: a RemoteNet to start
        from (fine-tuning, model/fine_tune.py) instead of a new one; ``heads_trained``: its head was
        kept (the same classes)."""
        return train_model(self.train_images, self.train_labels, self.val_images, self.val_labels,
                           self.num_classes, config, norm=self.norm, model=model, progress=progress,
                           is_cancelled=is_cancelled, heads_trained=heads_trained)

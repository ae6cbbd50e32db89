"""What happens to a batch of chips before the network sees it: the header's normalisation, and
random flips, rotations, rescaling and photometric jitter (independent per chip)."""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
import torch

from ..metadata import NO_CLASS, normalisation_affine


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


"""The schedule of a run: when it stops, when it validates, and the learning rate on the way.

Linear warm-up, then a polynomial decay over the run, measured in steps or, with a time budget,
in time, whichever is further along. The budget covers everything including validation, so the
run stops early enough to validate once more.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

from .config import TrainConfig


@dataclass(frozen=True)
class Schedule:
    """A run's limits (steps, time) and warm-up, from its config and the epoch's length in steps."""

    config: TrainConfig
    steps_per_epoch: int
    total_steps: Optional[int]  # None: only the time budget stops the run
    budget_s: Optional[float]
    warmup_steps: Optional[int]  # None: measured from the step time (time budget only)

    @classmethod
    def of(cls, config: TrainConfig, steps_per_epoch: int) -> Schedule:
        total = total_steps(config, steps_per_epoch)
        warmup = max(1, min(config.max_warmup_steps, round(config.warmup_fraction * total))) if total else None
        budget = config.max_minutes * 60.0 if config.max_minutes else None
        return cls(config, steps_per_epoch, total, budget, warmup)

    def steps_reached(self, step: int) -> Optional[str]:
        """"steps" or "epochs" (whichever limit was met) once ``step`` steps are done, else None."""
        if self.total_steps is None or step < self.total_steps:
            return None
        return "steps" if (self.config.max_steps and step >= self.config.max_steps) else "epochs"

    def out_of_time(self, step: int, elapsed: float, step_time: Optional[float], reserve: float) -> bool:
        """Whether one more step, a last validation (``reserve`` seconds) and a second to spare would
        overrun the budget (never before the first step)."""
        return (self.budget_s is not None and step > 0
                and elapsed + (step_time or 0.0) + reserve + 1.0 > self.budget_s)

    def fraction(self, step: int, elapsed: float) -> float:
        """How far along the run is, 0..1."""
        return progress_fraction(step, self.total_steps, elapsed, self.budget_s)

    def lr(self, step: int, elapsed: float, step_time: Optional[float]) -> float:
        """The learning rate of step ``step``."""
        warm = self.warmup_steps or time_warmup_steps(self.config, self.budget_s, step_time)
        return self.config.lr * lr_factor(step, self.fraction(step, elapsed), warm, self.config)

    def validation_due(self, step: int, since_validation: float) -> bool:
        """At each epoch's end, and with a time budget also every budget/``validations_per_budget``."""
        epoch_end = step % self.steps_per_epoch == 0
        timed = (self.budget_s is not None and self.config.validations_per_budget
                 and since_validation > self.budget_s / self.config.validations_per_budget)
        return bool(epoch_end or timed)


def total_steps(config: TrainConfig, steps_per_epoch: int) -> Optional[int]:
    limits = []
    if config.epochs:
        limits.append(config.epochs * steps_per_epoch)
    if config.max_steps:
        limits.append(config.max_steps)
    return min(limits) if limits else None


def time_warmup_steps(config: TrainConfig, budget_s: Optional[float], step_time: Optional[float]) -> int:
    """Warm-up length for a time-limited run, from the measured step time (20 until measured)."""
    if not budget_s or not step_time:
        return 20
    return max(1, min(config.max_warmup_steps, round(config.warmup_fraction * budget_s / step_time)))


def progress_fraction(step: int, total_steps: Optional[int], elapsed: float, budget_s: Optional[float]) -> float:
    parts = [0.0]
    if total_steps:
        parts.append(step / total_steps)
    if budget_s:
        parts.append(elapsed / budget_s)
    return min(1.0, max(parts))


def lr_factor(step: int, fraction: float, warmup_steps: int, config: TrainConfig) -> float:
    warm = min(1.0, (step + 1) / max(1, warmup_steps))
    decay = (1.0 - fraction) ** config.poly_power
    return warm * max(config.min_lr_ratio, decay)


def validation_estimate(val_time: Optional[float], step_time: Optional[float], n_val: int,
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

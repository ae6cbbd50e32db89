"""The error the command-line front ends raise for a bad option value."""
from __future__ import annotations


class OptionError(ValueError):
    """A bad option value, printed as ``error: <option>: <detail>``."""

    def __init__(self, option: str, detail: str) -> None:
        super().__init__(f"{option}: {detail}")

"""Print RemoteNet's per-module parameter table and total.

    python -m remotenet.model.summary [--classes 6] [--bands 3] [--depth 3]

Modules that the forward pass uses twice (each fusion's attention map and ConvBNReLU, the
FRM's reused convolutions) are one module each, so they appear once; the reference
summary, which traces calls, lists them again as "(recursive)".
"""
from __future__ import annotations

import argparse

from torch import nn

from .network import RemoteNet


def parameter_table(model: nn.Module, depth: int = 3) -> list[tuple[str, str, str]]:
    """Rows of (module path, type, parameter count) down to ``depth``."""
    rows: list[tuple[str, str, str]] = []

    def visit(module: nn.Module, name: str, level: int) -> None:
        for child_name, child in module.named_children():
            path = f"{name}.{child_name}" if name else child_name
            count = sum(p.numel() for p in child.parameters())
            if level < depth and list(child.children()):
                rows.append((path, type(child).__name__, "--"))
                visit(child, path, level + 1)
            else:
                rows.append((path, type(child).__name__, f"{count:,}"))

    visit(model, "", 1)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, default=6)
    parser.add_argument("--bands", type=int, default=3)
    parser.add_argument("--depth", type=int, default=3)
    args = parser.parse_args(argv)

    model = RemoteNet(num_classes=args.classes, in_channels=args.bands)
    rows = parameter_table(model, args.depth)
    width = max(len(p) for p, _, _ in rows) + 2
    print(f"RemoteNet ({args.bands} bands, {args.classes} classes)")
    print(f"{'module':<{width}}{'type':<30}{'params':>12}")
    print("-" * (width + 42))
    for path, kind, count in rows:
        print(f"{path:<{width}}{kind:<30}{count:>12}")
    print("-" * (width + 42))
    encoder = sum(p.numel() for p in model.Encoder.parameters())
    total = sum(p.numel() for p in model.parameters())
    print(f"Encoder params: {encoder:,}")
    print(f"Decoder params: {total - encoder:,}")
    print(f"Total params: {total:,}")


if __name__ == "__main__":
    main()

"""Package attributes imported on first use (PEP 562), so light submodules stay light."""
from __future__ import annotations

import importlib
from typing import Any, Callable


def lazy_attributes(package: str, exports: dict[str, list[str]], namespace: dict[str, Any]
                    ) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each name in ``exports[submodule]`` is imported from
    that submodule on first use."""
    module_of = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value  # later look-ups skip this function
        return value

    return __getattr__

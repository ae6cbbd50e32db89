"""Follow the options bag through the engine: from ``segment()``, every call that passes the
``SegmentOptions`` object itself on (not one of its values), into the function that receives it.

Prints each stop and counts what a reader has to hold in mind: the files entered, and the returns
to a file already left. Static (the source's syntax tree), so it needs neither GDAL nor torch.

    python scripts/walk_options.py            # the walk and its counts
    python scripts/walk_options.py --json     # the counts only, as JSON

tests/test_layers.py holds the engine to its target (issue 22: at most 8 files, 5 returns).
"""
from __future__ import annotations

import argparse
import ast
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "remotenet_plugin" / "engine"
PACKAGE = "remotenet.remotenet_plugin.engine"
FunctionNode = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ENGINE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


@dataclass
class Module:
    path: Path
    name: str
    tree: ast.Module
    defs: dict[str, FunctionNode] = field(default_factory=dict)
    imported: dict[str, tuple[str, str]] = field(default_factory=dict)  # local name -> (module, name)

    @classmethod
    def read(cls, path: Path) -> Module:
        module = cls(path, module_name(path), ast.parse(path.read_text(), filename=str(path)))
        package = module.name.split(".") if path.name == "__init__.py" else module.name.split(".")[:-1]
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[:len(package) - node.level + 1]
                source = ".".join([*base, node.module] if node.module else base)
                for alias in node.names:
                    module.imported[alias.asname or alias.name] = (source, alias.name)
        for node in module.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                module.defs[node.name] = node
        return module


@dataclass
class Walk:
    modules: dict[str, Module]
    stops: list[tuple[int, str, str, str]] = field(default_factory=list)  # depth, file, function, parameter
    files: list[str] = field(default_factory=list)
    returns: int = 0
    bag_fields: set = field(default_factory=set)  # dataclass fields that were handed the bag (job.options)
    _seen: set = field(default_factory=set)

    def resolve(self, module: Module, name: str) -> Optional[tuple[Module, FunctionNode]]:
        if name in module.defs:
            return module, module.defs[name]
        if name in module.imported:
            source, original = module.imported[name]
            target = self.modules.get(source)
            if target is not None:
                return self.resolve(target, original)
        return None

    def enter(self, module: Module, node: FunctionNode, parameter: str, depth: int) -> None:
        file = str(module.path.relative_to(ROOT))
        self.stops.append((depth, file, node.name, parameter))
        if file not in self.files:
            self.files.append(file)
        key = (module.name, node.name, parameter)
        if key in self._seen:
            return
        self._seen.add(key)
        body = node
        if isinstance(node, ast.ClassDef):  # a constructor call: follow __init__ when written out
            init = constructor(node)
            if init is None:  # a dataclass holds the bag: follow its field wherever it is read
                self.bag_fields.add(parameter)
                return
            body = init
        self.follow(module, body, tracked_names(body, {parameter}, self.bag_fields), depth)

    def follow(self, module: Module, body: ast.AST, tracked: set[str], depth: int) -> None:
        for call in calls_passing(body, tracked, self.bag_fields):
            callee = self.resolve(module, call[0])
            if callee is None:
                continue
            target_module, target_node = callee
            received = parameter_receiving(target_node, call[1], call[2])
            if received is None:
                continue
            self.enter(target_module, target_node, received, depth + 1)
            if target_module.path != module.path:
                self.returns += 1  # back in the caller's file, which the reader had left


def is_bag(expr: ast.AST, names: set[str], bag_fields: set[str]) -> bool:
    """``options`` itself, a field that holds it (``job.options``), or a copy (``replace(options, ...)``)."""
    if isinstance(expr, ast.Name):
        return expr.id in names
    if isinstance(expr, ast.Attribute):
        return expr.attr in bag_fields
    if isinstance(expr, ast.BoolOp):  # options or SegmentOptions()
        return any(is_bag(v, names, bag_fields) for v in expr.values)
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "replace":
        return bool(expr.args) and is_bag(expr.args[0], names, bag_fields)
    return False


def tracked_names(body: ast.AST, names: set[str], bag_fields: set[str]) -> set[str]:
    """The names that hold the bag in a function: its parameter, and names assigned the bag or a copy."""
    names = set(names)
    for node in ast.walk(body):
        if isinstance(node, ast.Assign) and is_bag(node.value, names, bag_fields):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def calls_passing(node: ast.AST, names: set[str], bag_fields: set[str]
                  ) -> list[tuple[str, Optional[int], Optional[str]]]:
    """(called name, positional index or None, keyword or None) of each call in ``node`` that hands
    the bag itself on, in source order."""
    found = []
    for call in sorted((n for n in ast.walk(node) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset)):
        if not isinstance(call.func, ast.Name):
            continue
        if call.func.id == "replace":
            continue  # a copy, followed where it is handed on
        for index, arg in enumerate(call.args):
            if is_bag(arg, names, bag_fields):
                found.append((call.func.id, index, None))
        for keyword in call.keywords:
            if is_bag(keyword.value, names, bag_fields):
                found.append((call.func.id, None, keyword.arg))
    return found


def constructor(node: ast.ClassDef) -> Optional[ast.FunctionDef]:
    return next((n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)


def field_receiving(node: ast.ClassDef, index: Optional[int], keyword: Optional[str]) -> Optional[str]:
    """The dataclass field an argument lands in (fields in order, as the generated __init__ takes them)."""
    if keyword is not None:
        return keyword
    fields = [s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
    return fields[index] if index is not None and index < len(fields) else None


def parameter_receiving(node: FunctionNode, index: Optional[int], keyword: Optional[str]) -> Optional[str]:
    """The name an argument (by position or keyword) has inside the called function or class."""
    if isinstance(node, ast.ClassDef):
        init = constructor(node)
        if init is None:
            return field_receiving(node, index, keyword)
        node = init
    params = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
    if params and params[0] in ("self", "cls"):
        params = params[1:]
    if keyword is not None:
        return keyword if keyword in params + [a.arg for a in node.args.kwonlyargs] else None
    return params[index] if index is not None and index < len(params) else None


def walk_options() -> Walk:
    modules = {}
    for path in sorted(ENGINE.rglob("*.py")):
        if "__pycache__" not in path.parts:
            module = Module.read(path)
            modules[module.name] = module
    walk = Walk(modules)
    segment = modules[f"{PACKAGE}.segment"]
    walk.enter(segment, segment.defs["segment"], "options", 0)
    # A job that carries the bag to a worker: the functions that read it from the job's field.
    followed: set[str] = set()
    while walk.bag_fields - followed:
        followed |= walk.bag_fields
        for module in modules.values():
            for node in ast.walk(module.tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and calls_passing(
                        node, tracked_names(node, set(), walk.bag_fields), walk.bag_fields):
                    walk.enter(module, node, "", 1)
    return walk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the counts only, as JSON")
    args = parser.parse_args()
    walk = walk_options()
    counts = {"stops": len(walk.stops), "files": len(walk.files), "returns_to_a_file_left": walk.returns}
    if args.json:
        print(json.dumps(counts))
        return
    for depth, file, function, parameter in walk.stops:
        print(f"{'  ' * depth}{file}:{function}({parameter})")
    print(json.dumps(counts))


if __name__ == "__main__":
    main()

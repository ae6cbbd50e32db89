"""The layers stay clean: model/ imports no GDAL or QGIS, the engine imports no QGIS."""
import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    """Absolute names of the modules ``path`` imports; relative imports resolved inside ``remotenet``."""
    package = ["remotenet", *path.relative_to(ROOT).parent.parts]
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                names.add(node.module or "")
                continue
            base = package[:len(package) - node.level + 1]
            if node.module:
                names.add(".".join([*base, node.module]))
            else:  # from . import x, y
                names.update(".".join([*base, alias.name]) for alias in node.names)
    return names


def top_level(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def python_files(folder: str) -> list[Path]:
    """The folder's modules, sub-packages included (model/training/, the engine's rooms)."""
    return sorted(p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    parts = ["remotenet", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_cycles(folder: str) -> list[list[str]]:
    """Groups of the folder's modules that import each other, directly or round a circle
    (imports inside functions count: they are the same dependency, only later)."""
    modules = {module_name(p): p for p in python_files(folder)}
    graph = {m: sorted(n for n in imported_modules(p) if n in modules and n != m) for m, p in modules.items()}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        order[node] = low[node] = len(order)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in order:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], order[nxt])
        if low[node] == order[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in sorted(graph):
        if name not in order:
            visit(name)
    return cycles


@pytest.mark.parametrize("folder, forbidden", [
    ("model", {"osgeo", "qgis", "processing", "rasterio"}),
    ("remotenet_plugin/engine", {"qgis", "processing", "rasterio"}),
])
def test_layer_imports(folder, forbidden):
    files = python_files(folder)
    assert files
    for path in files:
        bad = top_level(imported_modules(path)) & forbidden
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


@pytest.mark.parametrize("folder, allowed_inside", [
    ("model", ("remotenet.model",)),
    ("remotenet_plugin/engine", ("remotenet.model", "remotenet.remotenet_plugin.engine")),
])
def test_imports_point_one_way(folder, allowed_inside):
    """Within the project, the model imports only the model; the engine only the engine and the model."""
    for path in python_files(folder):
        ours = {n for n in imported_modules(path) if n == "remotenet" or n.startswith("remotenet.")}
        bad = {n for n in ours if not n.startswith(allowed_inside)}
        assert not bad, f"{path.relative_to(ROOT)} reaches up into {sorted(bad)}"


# The engine's rooms, lowest floor first: a module imports its own room and the rooms below, never
# one above. Read -> infer -> blend -> write is one run's flow; prepare decides it, classify.py drives
# it over one region, scale wraps it round chunks, segment.py is the door. Training stands beside.
ENGINE_FLOORS = ["base", "read", "infer", "blend", "write", "prepare", "classify", "scale", "segment", "__init__"]
TRAINING_MAY_IMPORT = {"base", "read", "training"}
ENGINE = "remotenet.remotenet_plugin.engine"


def engine_room(module: str) -> str:
    """``remotenet.remotenet_plugin.engine.read.source`` -> ``read``; the engine package itself -> ``__init__``."""
    rest = module[len(ENGINE) + 1:] if module.startswith(ENGINE + ".") else "__init__"
    return rest.split(".")[0]


def engine_imports() -> list[tuple[Path, str, str]]:
    """(file, its room, the room of an engine module it imports) for every import inside the engine."""
    found = []
    for path in python_files("remotenet_plugin/engine"):
        room = engine_room(module_name(path))
        for name in imported_modules(path):
            if name.startswith(ENGINE + "."):
                found.append((path, room, engine_room(name)))
    return found


def test_engine_rooms_import_down_only():
    rooms = {p.relative_to(ROOT / "remotenet_plugin" / "engine").parts[0].removesuffix(".py")
             for p in python_files("remotenet_plugin/engine")}
    assert rooms == set(ENGINE_FLOORS) | {"training"}, "a new room or file needs its floor in ENGINE_FLOORS"
    edges = engine_imports()
    assert any(room == "scale" and target == "classify" for _, room, target in edges)  # the check sees edges
    for path, room, target in edges:
        where = path.relative_to(ROOT)
        if room == "training":
            assert target in TRAINING_MAY_IMPORT, f"{where} (training) reaches into {target}"
            continue
        assert target != "training", f"{where} ({room}) depends on training"
        assert ENGINE_FLOORS.index(target) <= ENGINE_FLOORS.index(room), f"{where} ({room}) climbs up to {target}"


def test_engine_has_no_import_circle():
    assert import_cycles("remotenet_plugin/engine") == []


def test_model_modules_import_one_way():
    """No circle inside model/: encoder.py owns the registry of encoders and calls encoder_weights.py,
    which never imports it back; the training package's files import one way too."""
    assert import_cycles("model") == []
    assert "remotenet.model.encoder_weights" in imported_modules(ROOT / "model" / "encoder.py")
    assert "remotenet.model.network" in imported_modules(ROOT / "model" / "training" / "loop.py")  # from ..network


def test_the_cycle_check_finds_a_circle(tmp_path, monkeypatch):
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "a.py").write_text("from .b import x\n")
    (folder / "b.py").write_text("def f():\n    from .a import y\n")
    (folder / "c.py").write_text("from . import a\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert import_cycles("pkg") == [["remotenet.pkg.a", "remotenet.pkg.b"]]


def test_the_layer_check_sees_relative_imports(tmp_path):
    engine_file = ROOT / "remotenet_plugin" / "engine" / "prepare" / "run.py"
    assert "remotenet.model" in imported_modules(engine_file)  # from ....model import ...
    assert "remotenet.remotenet_plugin.engine.base.options" in imported_modules(engine_file)  # from ..base.options
    assert "remotenet.remotenet_plugin.engine.prepare.check" in imported_modules(engine_file)  # from .check


def test_depthwise_convolutions_run_in_float32_under_cpu_autocast_and_load_as_conv2d():
    """The bf16 depthwise kernels are slow on CPUs, so RemoteNet's run in float32 under autocast;
    they stay plain Conv2d parameters (same state-dict keys as the reference)."""
    import torch

    from remotenet.model.layers import DepthwiseConv2d, SeparableConvBN

    block = SeparableConvBN(8, 8, 5).eval()
    assert isinstance(block[0], DepthwiseConv2d) and isinstance(block[0], torch.nn.Conv2d)
    assert list(block.state_dict()) == [
        "0.weight", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked", "2.weight"]
    x = torch.randn(2, 8, 16, 16)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        assert block[0](x.bfloat16()).dtype == torch.float32
        assert block[2](x).dtype == torch.bfloat16  # the pointwise convolution stays in autocast
    with torch.no_grad():
        reference = torch.nn.functional.conv2d(x, block[0].weight, padding=2, groups=8)
        assert torch.equal(block[0](x), reference)

"""The layers stay clean: model/ imports no GDAL or QGIS, the engine imports no QGIS."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("folder, forbidden", [
    ("model", {"osgeo", "qgis", "processing", "rasterio"}),
    ("remotenet_plugin/engine", {"qgis", "processing", "rasterio"}),
])
def test_layer_imports(folder, forbidden):
    files = sorted((ROOT / folder).glob("*.py"))
    assert files
    for path in files:
        bad = imported_modules(path) & forbidden
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_model_never_imports_the_plugin_or_engine():
    for path in sorted((ROOT / "model").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                assert node.level <= 1, f"{path.name} imports from above model/"
                assert "remotenet_plugin" not in (node.module or ""), f"{path.name} reaches up into the plugin"

"""QGIS 4 (Qt 6) readiness of the plugin code, checked on QGIS 3.22.

QGIS's pyqt5_to_pyqt6.py migration script found nothing to change in this code base (run with
PyQt6 6.11 and no Qt 6 QGIS to introspect, so it checked Qt's enums only). This test keeps
the rules it applies, with QGIS 3.22's own classes standing in for the QGIS enums: enum values
spelled with their scope (`QgsVectorFileWriter.WriterError.NoError`: the only spelling PyQt6
keeps, and one PyQt5 accepts too), no `exec_`, no PyQt5 imports, no QVariant types, no qApp.
"""
import ast
from pathlib import Path

import pytest

qgis_core = pytest.importorskip("qgis.core")

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_FILES = [ROOT / "__init__.py", *sorted((ROOT / "remotenet_plugin").rglob("*.py"))]


def _classes() -> dict:
    from qgis import gui
    from qgis.PyQt import QtCore, QtGui, QtWidgets

    return {name: getattr(m, name) for m in (QtWidgets, QtGui, QtCore, gui, qgis_core) for name in dir(m)
            if name.startswith(("Q", "Qgs", "Qgis"))}


def problems_in(source: str, filename: str, classes: dict) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        where = f"{filename}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PyQt5"):
            found.append(f"{where}: import from qgis.PyQt, not PyQt5")
        if isinstance(node, ast.Attribute) and node.attr == "exec_":
            found.append(f"{where}: exec_() is exec() in Qt 6")
        if isinstance(node, ast.Name) and node.id in ("QVariant", "qApp"):
            found.append(f"{where}: {node.id} is gone or changed in Qt 6")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in classes:
            owner = classes[node.value.id]
            value = getattr(owner, node.attr, None)
            enum_type = type(value)
            if isinstance(value, int) and enum_type not in (int, bool) and \
                    getattr(owner, enum_type.__name__, None) is enum_type:
                found.append(f"{where}: {node.value.id}.{node.attr} -> {node.value.id}.{enum_type.__name__}."
                             f"{node.attr} (Qt 6 needs the scoped enum)")
    return found


def test_plugin_code_is_ready_for_qt6():
    classes = _classes()
    found = [p for f in PLUGIN_FILES for p in problems_in(f.read_text(), str(f.relative_to(ROOT)), classes)]
    assert found == []


def test_the_check_finds_unscoped_enums_and_exec_():
    code = ("from qgis.core import QgsVectorFileWriter\nfrom qgis.PyQt.QtWidgets import QDialog\n"
            "ok = QgsVectorFileWriter.NoError\nscoped = QgsVectorFileWriter.WriterError.NoError\n"
            "QDialog().exec_()\nr = QDialog.Accepted\n")
    found = problems_in(code, "x.py", _classes())
    assert len(found) == 3, found
    assert any(p.startswith("x.py:3: QgsVectorFileWriter.NoError -> QgsVectorFileWriter.WriterError.NoError")
               for p in found)
    assert any("exec_" in p for p in found) and any("QDialog.DialogCode.Accepted" in p for p in found)

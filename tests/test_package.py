"""`make package`: the plugin zip is built and checked against the plugin repository's rules."""
import importlib.util
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("package_script", ROOT / "scripts" / "package.py")
package = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(package)

METADATA = """[general]
name=RemoteNet
qgisMinimumVersion=3.22
qgisMaximumVersion=4.99
description=Segmentation.
about=Segments rasters.
version=0.1.0
author=Someone
email=someone@example.org
tracker=https://example.org/issues
repository=https://example.org/repo
icon=icon.svg
supportsQt6=True
"""


def _zip(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _minimal() -> dict[str, bytes | str]:
    return {"remotenet/__init__.py": "def classFactory(iface):\n    pass\n", "remotenet/metadata.txt": METADATA,
            "remotenet/LICENSE": "GPL", "remotenet/icon.svg": "<svg/>",
            "remotenet/README.md": "See [the licence](LICENSE) and [docs](https://example.org)."}


def test_make_package_builds_a_zip_the_repository_accepts(tmp_path):
    target = package.build(ROOT, tmp_path)
    assert package.check_zip(target) == []
    assert target.stat().st_size <= package.GUIDELINE_BYTES
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        readme = zf.read("remotenet/README.md").decode()
    assert "remotenet/resources/models/remotenet_demo_buildings.safetensors" in names
    assert "remotenet/docs/training.md" in names and not any("/tests/" in n for n in names)
    # Files the zip lacks are linked on the repository; shipped ones stay relative.
    assert "](https://github.com/remotenet-qgis/remotenet-qgis/blob/main/tests/data/ATTRIBUTION.md)" in readme
    assert "](https://github.com/remotenet-qgis/remotenet-qgis/raw/main/docs/demo_preview.png)" in readme
    assert "](docs/training.md)" in readme


def test_minimal_zip_passes(tmp_path):
    assert package.check_zip(_zip(tmp_path / "ok.zip", _minimal())) == []


@pytest.mark.parametrize("change, message", [
    (lambda f: f.update({"other/x.py": ""}), "exactly one top folder 'remotenet'"),
    (lambda f: f.pop("remotenet/LICENSE"), "remotenet/LICENSE is missing"),
    (lambda f: f.update({"remotenet/metadata.txt": METADATA.replace("about=Segments rasters.\n", "")}),
     "lacks required field(s) about"),
    (lambda f: f.update({"remotenet/metadata.txt": METADATA.replace("supportsQt6=True", "supportsQt6=maybe")}),
     "supportsQt6='maybe' must be True or False"),
    (lambda f: f.update({"remotenet/metadata.txt": METADATA.replace("https://example.org/repo", "repo")}),
     "repository='repo' is not a web address"),
    (lambda f: f.pop("remotenet/icon.svg"), "the icon icon.svg named in metadata.txt is not in the zip"),
    (lambda f: f.update({"remotenet/__pycache__/a.cpython-311.pyc": b"x"}), "Python caches"),
    (lambda f: f.update({"remotenet/.DS_Store": b"x"}), "hidden files"),
    (lambda f: f.update({"remotenet/lib/fast.so": b"\x7fELF...."}), "compiled binaries"),
    (lambda f: f.update({"remotenet/tool": b"\x7fELF...."}), "compiled binaries"),
    (lambda f: f.update({"remotenet/README.md": "![x](docs/shot.png)"}), "links to docs/shot.png"),
])
def test_bad_zips_are_refused(tmp_path, change, message):
    files = _minimal()
    change(files)
    problems = package.check_zip(_zip(tmp_path / "bad.zip", files))
    assert any(message in p for p in problems), problems


def test_too_big_zip_is_refused_and_removed_by_the_build(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(package, "MAX_BYTES", 1000)
    monkeypatch.setattr(package, "build", lambda root, out: _zip(out / "remotenet-0.1.0.zip", _minimal()
                                                                  | {"remotenet/big.txt": "x" * 5000}))
    assert package.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "the plugin repository takes at most" in err
    assert not (tmp_path / "remotenet-0.1.0.zip").exists()


def test_metadata_describes_all_algorithms_dependencies_and_qgis4():
    import configparser

    meta = configparser.ConfigParser(interpolation=None)
    meta.optionxform = str
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    for key in ("about", "changelog"):
        for algorithm in ("Segment", "Train", "Evaluate"):
            assert f"RemoteNet {algorithm}" in general[key], (key, algorithm)
    for dependency in ("torch", "timm", "safetensors"):
        assert dependency in general["about"], dependency
    assert general["supportsQt6"] == "True"
    assert tuple(int(p) for p in general["qgisMaximumVersion"].split(".")) >= (4, 0)
    assert tuple(int(p) for p in general["qgisMinimumVersion"].split(".")) == (3, 22)
    assert (ROOT / "CHANGELOG.md").read_text().count(general["version"]) >= 1

"""Build the plugin zip and check it against the QGIS plugin repository's rules.

    python scripts/package.py [OUTPUT_FOLDER]        (default: dist; `make package` runs this)
    python scripts/package.py --check ZIP            (check an existing zip only)

The zip holds one top folder `remotenet/` with what the plugin needs at run time (code, model
code, resources with the bundled model, user docs); tests and development files stay out.
Markdown links to files the zip lacks are rewritten to the repository's web address.

The checks follow plugins.qgis.org's upload validator (QGIS-Django, qgis-app/plugins/validator.py):
at most 25,000,000 bytes; one top folder whose name is a Python identifier; __init__.py,
metadata.txt and LICENSE in it; a [general] section with name, qgisMinimumVersion,
description, about, version, author, email, tracker and repository; true/false flags;
author without slashes; URLs with a scheme and a host; no `..` or absolute paths, no
.pyc, __pycache__, .git or __MACOSX. We add: no hidden files, no compiled binaries, the icon
present, and no Markdown link to a file missing from the zip. The repository also checks
that the URLs answer; that needs the network, so it is not done here. A zip that fails is
deleted and every problem printed, one line each.
"""
from __future__ import annotations

import argparse
import configparser
import io
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_FOLDER = "remotenet"
MAX_BYTES = 25_000_000  # the repository's upload limit
GUIDELINE_BYTES = 20_000_000  # the size the repository asks plugins to stay under
REQUIRED_METADATA = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                     "tracker", "repository")
BOOLEAN_METADATA = ("experimental", "deprecated", "server", "supportsQt6")
URL_METADATA = ("tracker", "repository", "homepage")

# What the plugin needs at run time, plus the user docs the README links to.
INCLUDE = ("__init__.py", "__main__.py", "metadata.txt", "LICENSE", "README.md", "CHANGELOG.md", "remotenet_plugin",
           "model", "resources", "i18n", "docs/qgis_usage.md", "docs/model_file.md", "docs/training.md",
           "docs/installing.md", "docs/cluster.md")
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = (".pyc", ".pyo", ".partial", ".aux.xml")
BINARY_SUFFIXES = (".pyc", ".pyo", ".pyd", ".so", ".dll", ".dylib", ".exe", ".o", ".a", ".lib", ".bin", ".class",
                   ".jar", ".whl")
BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
MD_LINK = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)(\))")


def _files(root: Path) -> Iterator[Path]:
    for entry in INCLUDE:
        path = root / entry
        if path.is_file():
            yield path
        elif path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(root)
                if (f.is_file() and not SKIP_DIRS & set(rel.parts) and not any(p.startswith(".") for p in rel.parts)
                        and not f.name.endswith(SKIP_SUFFIXES)):
                    yield f


def _is_local_link(target: str) -> bool:
    return not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) and not target.startswith("#")


def _resolve(md_path: str, target: str) -> str:
    """The zip-relative path a link in ``md_path`` points to (anchor dropped), '' if it leaves the zip."""
    parts: list[str] = []
    for part in (PurePosixPath(md_path).parent / target.split("#", 1)[0]).parts:
        if part == "..":
            if not parts:
                return ""
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def rewrite_links(text: str, md_path: str, shipped: set[str], repository: str) -> str:
    """Markdown links to files the zip lacks point to the repository instead (images to the raw file)."""
    base = repository.rstrip("/")

    def fix(match: re.Match) -> str:
        opening, target, closing = match.groups()
        if not _is_local_link(target):
            return match.group(0)
        path = _resolve(md_path, target)
        if path in shipped:
            return match.group(0)
        kind = "raw" if opening.startswith("!") else "blob"
        anchor = "#" + target.split("#", 1)[1] if "#" in target else ""
        return f"{opening}{base}/{kind}/main/{path}{anchor}{closing}"

    return MD_LINK.sub(fix, text)


def build(root: Path, out: Path) -> Path:
    """Write ``out/remotenet-<version>.zip``; links in Markdown files are made to work from the zip."""
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(root / "metadata.txt", encoding="utf-8")
    version, repository = meta["general"]["version"], meta["general"]["repository"]
    files = list(_files(root))
    shipped = {f.relative_to(root).as_posix() for f in files}
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{PLUGIN_FOLDER}-{version}.zip"
    tmp = target.with_name(target.name + ".partial")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for f in files:
                rel = f.relative_to(root).as_posix()
                name = f"{PLUGIN_FOLDER}/{rel}"
                if f.suffix == ".md":
                    zf.writestr(name, rewrite_links(f.read_text(encoding="utf-8"), rel, shipped, repository))
                else:
                    zf.write(f, name)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _check_metadata(raw: bytes, names: set[str], top: str) -> list[str]:
    problems = []
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive for the repository
    try:
        parser.read_file(io.StringIO(raw.decode("utf-8")))
    except (UnicodeDecodeError, configparser.Error) as err:
        return [f"metadata.txt cannot be parsed ({err}); fix its syntax"]
    if not parser.has_section("general"):
        return ["metadata.txt has no [general] section; add one"]
    meta = dict(parser.items("general"))
    missing = [k for k in REQUIRED_METADATA if not meta.get(k, "").strip()]
    if missing:
        problems.append(f"metadata.txt lacks required field(s) {', '.join(missing)}; add them")
    for key in BOOLEAN_METADATA:
        if key in meta and meta[key].strip().lower() not in ("true", "false", "1", "0"):
            problems.append(f"metadata.txt: {key}={meta[key]!r} must be True or False")
    if "/" in meta.get("author", ""):
        problems.append("metadata.txt: author must not contain slashes")
    for key in URL_METADATA:
        if key in meta and not re.match(r"^https?://[^/\s]+\.[^/\s]+", meta[key].strip()):
            problems.append(f"metadata.txt: {key}={meta[key]!r} is not a web address (http(s)://host/...)")
    for key in ("qgisMinimumVersion", "qgisMaximumVersion"):
        if key in meta and not re.match(r"^\d+\.\d+(\.\d+)?$", meta[key].strip()):
            problems.append(f"metadata.txt: {key}={meta[key]!r} must look like 3.22")
    icon = meta.get("icon", "").strip().removeprefix("./")
    if not icon:
        problems.append("metadata.txt has no icon; add icon=path/to/icon.svg")
    elif f"{top}/{icon}" not in names:
        problems.append(f"the icon {icon} named in metadata.txt is not in the zip")
    return problems


def check_zip(path: Path, folder: str = PLUGIN_FOLDER) -> list[str]:
    """Every rule the zip breaks, as one-line messages; empty when the repository would accept it."""
    path = Path(path)
    problems = []
    size = path.stat().st_size
    if size > MAX_BYTES:
        problems.append(f"the zip is {size / 1e6:.1f} MB; the plugin repository takes at most {MAX_BYTES / 1e6:.0f} MB")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as err:
        return problems + [f"{path} is not a readable zip ({err})"]
    with zf:
        bad = zf.testzip()
        if bad:
            problems.append(f"{bad} is damaged in the zip (CRC error); rebuild it")
        infos = zf.infolist()
        names = {i.filename for i in infos}
        tops = sorted({n.split("/", 1)[0] for n in names})
        if tops != [folder]:
            problems.append(f"the zip must hold exactly one top folder {folder!r}; it holds {tops}")
        if not re.match(r"^[A-Za-z][A-Za-z0-9_]+$", folder) or not folder.isidentifier():
            problems.append(f"the top folder {folder!r} must be a Python identifier")
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{folder}/{required}" not in names:
                problems.append(f"{folder}/{required} is missing; the plugin repository requires it")
        for info in infos:
            name = info.filename
            parts = name.rstrip("/").split("/")
            if ".." in parts or name.startswith(("/", "\\")) or "\\" in name:
                problems.append(f"{name}: paths must be relative, without '..' or backslashes")
            if {"__pycache__", ".git", "__MACOSX"} & set(parts) or ".pyc" in name:
                problems.append(f"{name}: Python caches and VCS folders are refused by the repository")
            elif any(p.startswith(".") for p in parts):
                problems.append(f"{name}: hidden files do not belong in the plugin")
            if info.is_dir():
                continue
            with zf.open(info) as fh:
                head = fh.read(4)
            if name.lower().endswith(BINARY_SUFFIXES) or head.startswith(BINARY_MAGIC):
                problems.append(f"{name}: compiled binaries do not belong in the plugin zip")
        if f"{folder}/metadata.txt" in names:
            problems += _check_metadata(zf.read(f"{folder}/metadata.txt"), names, folder)
        for name in sorted(n for n in names if n.endswith(".md")):
            text = zf.read(name).decode("utf-8", errors="replace")
            rel = name.split("/", 1)[1]
            for _opening, target, _closing in MD_LINK.findall(text):
                if _is_local_link(target) and f"{folder}/{_resolve(rel, target)}" not in names:
                    problems.append(f"{name} links to {target}, which the zip does not contain")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "dist", help="output folder (default: dist)")
    parser.add_argument("--check", type=Path, metavar="ZIP", help="only check this zip")
    args = parser.parse_args(argv)
    target = args.check or build(ROOT, args.out)
    problems = check_zip(target)
    if problems:
        for problem in problems:
            print(f"package: {problem}", file=sys.stderr)
        if not args.check:
            target.unlink()
            print(f"package: {target} removed: it would be refused by the plugin repository", file=sys.stderr)
        return 1
    size = target.stat().st_size
    with zipfile.ZipFile(target) as zf:
        count = len(zf.namelist())
    note = "" if size <= GUIDELINE_BYTES else f" (above the repository's {GUIDELINE_BYTES / 1e6:.0f} MB guideline)"
    print(f"{target} ({count} files, {size / 1e6:.1f} MB{note}); plugin repository checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

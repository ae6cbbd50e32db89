"""Run pip for a Python that has no pip module: from pip's own wheel, found on disk or fetched once.

Debian and Ubuntu do not install pip with QGIS (``python3 -m pip``: "No module named pip"), and
installing python3-pip needs an administrator. pip runs from its wheel without being installed
(the wheel is a zip that Python imports from), so the installer runs, with the Python QGIS uses:

    python3 pip_bootstrap.py WHEEL_FOLDER install --target ...   # pip's arguments follow

which takes the newest of: the wheel Debian's python3-pip-whl puts in /usr/share/python-wheels
(it comes with python3-venv), the one bundled with ``ensurepip``, one fetched earlier into
WHEEL_FOLDER; without any, the newest pip wheel for this Python from the package index
(PIP_INDEX_URL, else PyPI), checked against the index's sha256 and kept in WHEEL_FOLDER. The
installer calls it only where ``python -m pip`` fails, so an installed but broken pip is never
used: the wheel goes first on sys.path. ``--which`` prints the choice without running anything.

Standard library only, and nothing from the plugin: it runs in a child process of any Python 3.
"""
from __future__ import annotations

import hashlib
import html.parser
import json
import os
import re
import runpy
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

DEFAULT_INDEX = "https://pypi.org/simple"
SYSTEM_WHEELS = Path("/usr/share/python-wheels")  # Debian/Ubuntu: python3-pip-whl
_WHEEL = re.compile(r"^pip-(\d+(?:\.\d+)*)-py3-none-any\.whl$")
_JSON = "application/vnd.pypi.simple.v1+json"


def version_of(name: str) -> tuple[int, ...] | None:
    """The release of a ``pip-X-py3-none-any.whl`` file name (pre-releases and others: None)."""
    found = _WHEEL.match(name)
    return tuple(int(part) for part in found.group(1).split(".")) if found else None


def newest(paths: list[Path]) -> Path | None:
    ranked = [(version, path) for path in paths if (version := version_of(path.name))]
    return max(ranked)[1] if ranked else None


def wheels_on_disk(folder: Path | None = None) -> list[Path]:
    """pip wheels this machine already has: the distribution's, ensurepip's, a fetched one."""
    found = list(SYSTEM_WHEELS.glob("pip-*.whl"))
    try:
        import ensurepip

        found += (Path(ensurepip.__file__).parent / "_bundled").glob("pip-*.whl")
    except ImportError:  # Debian moves ensurepip to python3.X-venv
        pass
    if folder is not None:
        found += Path(folder).glob("pip-*.whl")
    return found


def which(folder: Path) -> str:
    """``wheel PATH`` or ``fetch``: what ``main`` would use."""
    wheel = newest(wheels_on_disk(folder))
    return f"wheel {wheel}" if wheel else "fetch"


def requires_python_ok(spec: str | None, version: tuple[int, ...] = tuple(sys.version_info[:3])) -> bool:
    """Whether this Python meets a Requires-Python of plain ``>=``/``<``/``!=`` clauses (pip's own kind)."""
    for clause in filter(None, (part.strip() for part in (spec or "").split(","))):
        match = re.match(r"^(>=|<=|>|<|!=|==)\s*(\d+(?:\.\d+)*)(\.\*)?$", clause)
        if not match:
            return False  # a clause we do not understand: do not take that file
        op, bound, star = match.group(1), tuple(int(p) for p in match.group(2).split(".")), match.group(3)
        mine = version[:len(bound)] if star or op in ("==", "!=") else version
        if not {">=": mine >= bound, "<=": mine <= bound, ">": mine > bound, "<": mine < bound,
                "!=": mine != bound, "==": mine == bound}[op]:
            return False
    return True


class _Links(html.parser.HTMLParser):
    """The anchors of a PEP 503 (HTML) simple index page."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        attr = dict(attrs)
        href = attr.get("href") or ""
        url, _, fragment = href.partition("#")
        algo, _, digest = fragment.partition("=")
        self.files.append({"filename": urllib.parse.unquote(url.rsplit("/", 1)[-1]), "url": url,
                           "hashes": {algo: digest} if digest else {},
                           "requires-python": attr.get("data-requires-python"),
                           "yanked": attr.get("data-yanked") is not None})


def index_files(index: str, timeout: float = 60.0) -> list[dict]:
    """The files of the ``pip`` project on a simple index (JSON or HTML), with absolute URLs."""
    page = index.rstrip("/") + "/pip/"
    request = urllib.request.Request(page, headers={"Accept": f"{_JSON}, text/html;q=0.1"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        kind, body = response.headers.get_content_type(), response.read().decode("utf-8")
    if kind == _JSON:
        files = json.loads(body)["files"]
    else:
        parser = _Links()
        parser.feed(body)
        files = parser.files
    for entry in files:
        entry["url"] = urllib.parse.urljoin(page, entry["url"])
    return files


def pick(files: list[dict]) -> dict | None:
    """The newest pip wheel for this Python that the index vouches for with a sha256."""
    usable = [f for f in files if version_of(f["filename"]) and f.get("hashes", {}).get("sha256")
              and not f.get("yanked") and requires_python_ok(f.get("requires-python"))]
    return max(usable, key=lambda f: version_of(f["filename"])) if usable else None


def fetch(folder: Path, index: str | None = None) -> Path:
    """Download the newest suitable pip wheel into ``folder`` (checked, then renamed into place)."""
    index = index or os.environ.get("PIP_INDEX_URL") or DEFAULT_INDEX
    chosen = pick(index_files(index))
    if chosen is None:
        raise RuntimeError(f"no pip wheel for Python {sys.version.split()[0]} on {index}")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"Downloading {chosen['url']} (pip itself: this Python has no pip module)", flush=True)
    with urllib.request.urlopen(chosen["url"], timeout=120) as response:
        data = response.read()
    if hashlib.sha256(data).hexdigest() != chosen["hashes"]["sha256"]:
        raise RuntimeError(f"{chosen['filename']}: sha256 does not match the index's")
    handle, partial = tempfile.mkstemp(dir=folder, suffix=".partial")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    wheel = folder / chosen["filename"]
    os.chmod(partial, 0o644)  # mkstemp's 0600 is for the half-written file only
    os.replace(partial, wheel)
    return wheel


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: pip_bootstrap.py WHEEL_FOLDER (--which | PIP-ARGUMENTS...)", file=sys.stderr)
        return 2
    folder, args = Path(argv[0]), argv[1:]
    here = Path(__file__).resolve().parent
    # Run as a script, Python put the plugin's own folder first on the path: pip must not see it.
    sys.path[:] = [p for p in sys.path if not p or Path(p).resolve() != here]
    if args == ["--which"]:
        print(which(folder))
        return 0
    wheel = newest(wheels_on_disk(folder))
    if wheel is None:
        try:
            wheel = fetch(folder)
        except (OSError, ValueError, KeyError, RuntimeError) as err:
            print(f"ERROR: pip is not installed for this Python and its wheel could not be downloaded: {err}. "
                  "Set PIP_INDEX_URL to a reachable index, or install pip (Debian/Ubuntu: sudo apt install "
                  "python3-pip).", file=sys.stderr)
            return 1
    print(f"Running pip from {wheel}", flush=True)
    sys.path.insert(0, str(wheel))  # what ``python pip.whl/pip`` does
    sys.argv = ["pip", *args]
    try:
        runpy.run_module("pip", run_name="__main__", alter_sys=True)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

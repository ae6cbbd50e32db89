"""Update the plugin's translation files: the .ts from the sources, the .qm from the .ts.

    python scripts/translations.py            (`make translations` runs this)
    python scripts/translations.py --check    (exit 1 when a .ts misses a source string or keeps a stale one)

``pylupdate5`` (Debian: pyqt5-dev-tools) collects the strings marked in the Python sources:
``self.tr(...)`` (context: the class it is written in), ``QCoreApplication.translate(context, text)``
and ``QT_TRANSLATE_NOOP(context, text)`` (remotenet/model/messages.py, for the engine and model,
which cannot import Qt). Translations already in the .ts files are kept; strings no longer in the
sources are dropped (-noobsolete). ``lrelease`` (qttools5-dev-tools) then compiles each .ts into
the .qm file the plugin loads (remotenet_plugin/translation.py). Both .ts and .qm are committed,
so a clone runs in every language without Qt's tools.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "i18n"
LANGUAGES = ("de", "fr")
SOURCE_FOLDERS = ("remotenet_plugin", "model")


def ts_files() -> list[Path]:
    return [I18N / f"remotenet_{lang}.ts" for lang in LANGUAGES]


def sources() -> list[Path]:
    """Every Python file of the plugin whose strings can reach a user, in a stable order."""
    found = [ROOT / "__init__.py"]
    for folder in SOURCE_FOLDERS:
        found += sorted(p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)
    return found


def tool(name: str) -> str | None:
    return shutil.which(name)


def run_pylupdate(targets: list[Path]) -> None:
    """Update (or create) ``targets`` from the sources; paths in them are relative to the .ts."""
    exe = tool("pylupdate5")
    if exe is None:
        raise SystemExit("pylupdate5 not found: install Debian's pyqt5-dev-tools (or PyQt5's own)")
    subprocess.run([exe, "-noobsolete", *map(str, sources()), "-ts", *map(str, targets)], check=True,
                   capture_output=True, text=True)


def run_lrelease(ts: list[Path]) -> None:
    exe = tool("lrelease") or tool("lrelease-qt5")
    if exe is None:
        raise SystemExit("lrelease not found: install Debian's qttools5-dev-tools")
    for path in ts:
        subprocess.run([exe, "-silent", "-removeidentical", str(path), "-qm", str(path.with_suffix(".qm"))],
                       check=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """``(context, source) -> translation`` of a .ts file; None where it is unfinished or empty."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = (translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished")
                    and (translation.text or ""))
            found[(name, message.findtext("source") or "")] = done or None
    return found


def differences() -> list[str]:
    """What the committed .ts files lack or keep beyond the strings pylupdate5 finds now."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        run_pylupdate([fresh])
        wanted = set(messages(fresh))
    for ts in ts_files():
        have = set(messages(ts)) if ts.exists() else set()
        problems += [f"{ts.name}: missing [{c}] {s!r}" for c, s in sorted(wanted - have)]
        problems += [f"{ts.name}: no longer in the sources [{c}] {s!r}" for c, s in sorted(have - wanted)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare the .ts files with the sources")
    args = parser.parse_args(argv)
    if args.check:
        problems = differences()
        for line in problems:
            print(line)
        return 1 if problems else 0
    I18N.mkdir(exist_ok=True)
    for lang, ts in zip(LANGUAGES, ts_files()):
        if not ts.exists():  # the language attribute tells Qt Linguist and lrelease the plural rules
            ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                          f'<TS version="2.1" language="{lang}" sourcelanguage="en">\n</TS>\n', encoding="utf-8")
    run_pylupdate(ts_files())
    run_lrelease(ts_files())
    count = len(messages(ts_files()[0]))
    for ts in ts_files():
        done = sum(1 for t in messages(ts).values() if t)
        print(f"{ts.relative_to(ROOT)}: {done} of {count} strings translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

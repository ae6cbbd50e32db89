"""The plugin in the user's language: the .ts/.qm files match the sources, translations keep their
placeholders, and QGIS started in German or French shows the RemoteNet names in that language in
the Processing registry, qgis_process and the desktop's toolbox and algorithm dialog."""
from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

MARKERS = {"tr", "translate", "QT_TRANSLATE_NOOP"}
# What QGIS users see in each language for the names this file checks (the translators' words).
EXPECTED = {
    "de": {"provider": "RemoteNet semantische Segmentierung", "segment": "RemoteNet Segmentieren",
           "train": "RemoteNet Trainieren", "evaluate": "RemoteNet Evaluieren", "INPUT": "Eingaberaster",
           "TILE_SIZE": "Kachelgröße in Pixeln (Vorgabe: aus der Modelldatei)",
           "MIN_AREA": "Minimale Polygonfläche (Quadratmeter)"},
    "fr": {"provider": "RemoteNet segmentation sémantique", "segment": "RemoteNet Segmenter",
           "train": "RemoteNet Entraîner", "evaluate": "RemoteNet Évaluer", "INPUT": "Raster en entrée",
           "TILE_SIZE": "Taille des tuiles en pixels (par défaut : celle du fichier du modèle)",
           "MIN_AREA": "Surface minimale des polygones (mètres carrés)"},
}


def marked_strings() -> dict[tuple[str, str], str]:
    """``(context, source) -> "file:line"`` for every string the sources mark for translation, found
    the way pylupdate5 finds them (``self.tr`` takes the enclosing class as its context)."""
    found: dict[tuple[str, str], str] = {}

    def visit(node: ast.AST, cls: str, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name, path)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                literal = [a.value for a in child.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                where = f"{path.relative_to(ROOT)}:{child.lineno}"
                if name == "tr" and isinstance(func, ast.Attribute) and len(literal) == 1 == len(child.args):
                    found[(cls, literal[0])] = where
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(literal) == 2 == len(child.args):
                    found[(literal[0], literal[1])] = where
            visit(child, cls, path)

    for path in translations.sources():
        visit(ast.parse(path.read_text(encoding="utf-8")), "", path)
    return found


def marker_calls_with_computed_text() -> list[str]:
    """Marker calls pylupdate5 cannot read: an f-string, a variable or extra arguments as the text.

    The helpers that pass a text through (``def tr(self, text)``) are the exception."""
    bad = []
    for path in translations.sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                   and f.name in ("tr", "translated", "_tr") for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or id(node) in helpers:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in MARKERS or (name == "tr" and not isinstance(func, ast.Attribute)):
                continue
            if name == "translate" and not (isinstance(func, ast.Attribute)
                                            and getattr(func.value, "id", "") == "QCoreApplication"):
                continue
            wanted = 1 if name == "tr" else 2
            if len(node.args) != wanted or node.keywords or not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.get_source_segment(path.read_text(), node)}")
    return bad


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}|%\d", text))


# ----- the files -------------------------------------------------------------------------------

def test_marked_strings_are_literals_pylupdate5_can_read():
    assert marker_calls_with_computed_text() == []


def test_every_ts_holds_exactly_the_marked_strings():
    """The .ts files are up to date with the sources, without Qt's tools (see the pylupdate5 test)."""
    wanted = marked_strings()
    assert len(wanted) > 350  # the QGIS layer, the installer, the engine's and the model's messages
    for ts in translations.ts_files():
        have = set(translations.messages(ts))
        assert sorted(set(wanted) - have) == [], f"{ts.name} lacks these: run `make translations`"
        assert sorted(have - set(wanted)) == [], f"{ts.name} keeps strings no source uses: run `make translations`"


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 (Debian: pyqt5-dev-tools) not installed")
def test_pylupdate5_finds_nothing_new():
    assert translations.differences() == []


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_translations_keep_their_placeholders(lang):
    ts = translations.I18N / f"remotenet_{lang}.ts"
    for (context, source), translation in translations.messages(ts).items():
        if translation:
            assert placeholders(translation) == placeholders(source), (context, source, translation)


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_qm_holds_every_finished_translation_of_the_ts(lang, qgis_app):
    """The committed .qm is compiled from the committed .ts (run `make translations` after editing)."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(translations.I18N / f"remotenet_{lang}.qm"))
    finished = {k: t for k, t in translations.messages(translations.I18N / f"remotenet_{lang}.ts").items() if t}
    assert finished, "nothing translated"
    QCoreApplication.installTranslator(translator)  # QTranslator.translate itself takes ASCII only in PyQt5
    try:
        for (context, source), translation in finished.items():
            assert QCoreApplication.translate(context, source) == translation, (context, source)
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_zip_ships_the_compiled_translations():
    spec = importlib.util.spec_from_file_location("package_script", ROOT / "scripts" / "package.py")
    package = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package)
    shipped = {p.relative_to(ROOT).as_posix() for p in package._files(ROOT)}
    for lang in translations.LANGUAGES:
        assert f"i18n/remotenet_{lang}.qm" in shipped


# ----- messages of the engine and the model ------------------------------------------------------

def test_engine_messages_read_as_english_and_translate_with_their_values(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication

    from remotenet.model.messages import QT_TRANSLATE_NOOP, Message, message_of
    from remotenet.remotenet_plugin.engine.base.options import EngineError
    from remotenet.remotenet_plugin.translation import error_text, translated


    message = QT_TRANSLATE_NOOP("RemoteNet", "band {band} is not in the raster; it has {count} bands").format(
        band=5, count=3)
    assert isinstance(message, Message) and message == "band 5 is not in the raster; it has 3 bands"
    assert (message.template, message.params) == ("band {band} is not in the raster; it has {count} bands",
                                                  {"band": 5, "count": 3})
    err = EngineError(message, "bands")
    assert str(err) == "bands: band 5 is not in the raster; it has 3 bands"
    import pickle

    again = pickle.loads(pickle.dumps(err))  # as a Dask worker's error reaches the client
    assert str(again) == str(err) and isinstance(again.detail, Message)

    translator = _Translator({
        ("RemoteNet", "band {band} is not in the raster; it has {count} bands"):
            "Kanal {band} fehlt im Raster; es hat {count} Kanäle",
        ("RemoteNet", "broken {nothing}"): "kaputt {missing}", ("RemoteNet", "inner {x}"): "innen {x}"})
    QCoreApplication.instance().installTranslator(translator)
    try:
        assert error_text(err) == "bands: Kanal 5 fehlt im Raster; es hat 3 Kanäle"
        assert error_text(again) == "bands: Kanal 5 fehlt im Raster; es hat 3 Kanäle"
        assert error_text(ValueError(message_of(err))) == "bands: band 5 is not in the raster; it has 3 bands"
        assert error_text(ValueError(message)) == "Kanal 5 fehlt im Raster; es hat 3 Kanäle"
        # A translation whose placeholders do not fit shows the English text, never an error.
        assert translated(QT_TRANSLATE_NOOP("RemoteNet", "broken {nothing}").format(nothing=1)) == "broken 1"
        # Messages and errors inside a message are translated too.
        outer = QT_TRANSLATE_NOOP("RemoteNet", "band {band} is not in the raster; it has {count} bands").format(
            band=QT_TRANSLATE_NOOP("RemoteNet", "inner {x}").format(x=1), count=ValueError(message))
        assert translated(outer) == "Kanal innen 1 fehlt im Raster; es hat Kanal 5 fehlt im Raster; es hat 3 Kanäle " \
                                    "Kanäle"
    finally:
        QCoreApplication.instance().removeTranslator(translator)
    assert error_text(err) == str(err)


class _Translator:
    """A QTranslator for a few (context, source) pairs, standing in for a finished .qm."""

    def __new__(cls, table: dict[tuple[str, str], str]):
        from qgis.PyQt.QtCore import QTranslator

        class Table(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102
                return table.get((context, source), "")

        return Table()


def test_engine_errors_reach_processing_users_translated(remotenet_provider, pan_raster, model_1band, tmp_path):
    """An engine error (raised without Qt) reaches the dialog, processing.run and qgis_process in the
    user's language, with QGIS's parameter name in front and its values in place; so do errors of
    the run itself (the same error_message)."""
    from conftest import check_message
    from qgis.PyQt.QtCore import QCoreApplication

    from remotenet.model.messages import QT_TRANSLATE_NOOP
    from remotenet.remotenet_plugin.algorithms.segment_algorithm import SegmentAlgorithm
    from remotenet.remotenet_plugin.engine.base.options import EngineError

    translator = _Translator({
        ("RemoteNet", "{tile} is too small; use at least {min_tile} pixels"):
            "{tile} ist zu klein; mindestens {min_tile} Pixel verwenden",
        ("RemoteNet", "{path}: the folder {folder} does not exist; create it or choose another"):
            "{path}: den Ordner {folder} gibt es nicht; ihn anlegen oder einen anderen wählen",
        ("RemoteNet", "writing {what} failed ({first}); {advice}"): "{what} schreiben schlug fehl ({first}); {advice}",
        ("RemoteNet", "the classified raster"): "das klassifizierte Raster"})
    params = {"INPUT": str(pan_raster), "MODEL": str(model_1band), "OUTPUT_RASTER": str(tmp_path / "c.tif")}
    missing = tmp_path / "nowhere" / "c.tif"
    QCoreApplication.installTranslator(translator)
    try:
        assert check_message("remotenet:segment", {**params, "TILE_SIZE": 8}) == (
            "TILE_SIZE: 8 ist zu klein; mindestens 32 Pixel verwenden")
        assert check_message("remotenet:segment", {**params, "OUTPUT_RASTER": str(missing)}) == (
            f"OUTPUT_RASTER: {missing}: den Ordner {missing.parent} gibt es nicht; ihn anlegen oder einen anderen "
            "wählen")
        failed = EngineError(QT_TRANSLATE_NOOP("RemoteNet", "writing {what} failed ({first}); {advice}").format(
            what=QT_TRANSLATE_NOOP("RemoteNet", "the classified raster"), first="No space left on device",
            advice="..."), "output_raster")
        assert SegmentAlgorithm().error_message(failed) == (
            "OUTPUT_RASTER: das klassifizierte Raster schreiben schlug fehl (No space left on device); ...")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert check_message("remotenet:segment", {**params, "TILE_SIZE": 8}) == (
        "TILE_SIZE: 8 is too small; use at least 32 pixels")


# ----- QGIS started in another language ----------------------------------------------------------

def _profile(tmp_path: Path, lang: str) -> Path:
    """A fresh QGIS profile folder whose settings say: speak ``lang`` (Settings > Options > General)."""
    config = tmp_path / f"profile_{lang}"
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(f"[locale]\nuserLocale={lang}\noverrideFlag=true\n", encoding="utf-8")
    return config


HEADLESS = """
import json, sys
from qgis.PyQt.QtCore import QCoreApplication
QCoreApplication.setOrganizationName("QGIS"); QCoreApplication.setApplicationName("QGIS3")  # as QGIS itself
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
import remotenet
plugin = remotenet.classFactory(None)   # what QGIS and qgis_process do
plugin.initProcessing()
registry = QgsApplication.processingRegistry()
provider = registry.providerById("remotenet")
seg = registry.algorithmById("remotenet:segment")
out = {"locale": QgsApplication.locale(), "provider": provider.longName(),
       "names": {a.name(): a.displayName() for a in provider.algorithms()},
       "labels": {p.name(): p.description() for p in seg.parameterDefinitions()}}
plugin.unload()
out["after_unload"] = QCoreApplication.translate("SegmentAlgorithm", "Input raster")
print("RESULT" + json.dumps(out))
"""


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_processing_registry_speaks_the_qgis_locale(lang, tmp_path):
    env = {**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(_profile(tmp_path, lang)), "QT_QPA_PLATFORM": "offscreen"}
    env["XDG_RUNTIME_DIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", HEADLESS], env=env, cwd=ROOT.parent, capture_output=True,
                          text=True, timeout=120)
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT")), None)
    assert line, done.stdout + done.stderr
    out = json.loads(line[len("RESULT"):])
    want = EXPECTED[lang]
    assert out["locale"] == lang
    assert out["provider"] == want["provider"]
    assert out["names"] == {"segment": want["segment"], "train": want["train"], "evaluate": want["evaluate"]}
    assert out["labels"]["INPUT"] == want["INPUT"]
    assert out["labels"]["TILE_SIZE"] == want["TILE_SIZE"]
    assert out["labels"]["MIN_AREA"] == want["MIN_AREA"]
    assert out["after_unload"] == "Input raster"  # unload removes the plugin's translator


@pytest.mark.skipif(shutil.which("qgis_process.bin") is None and shutil.which("qgis_process") is None,
                    reason="qgis_process is not installed")
@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_qgis_process_speaks_the_qgis_locale(lang, tmp_path):
    env = {**os.environ, "REMOTENET_QGIS_PROFILE": str(_profile(tmp_path, lang))}
    done = subprocess.run([str(ROOT / "scripts" / "qgis_process"), "--json", "help", "remotenet:segment"], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    details = json.loads(done.stdout)
    want = EXPECTED[lang]
    assert details["algorithm_details"]["name"] == want["segment"]
    assert details["provider_details"]["long_name"] == want["provider"]
    assert details["parameters"]["INPUT"]["description"] == want["INPUT"]
    assert details["parameters"]["MIN_AREA"]["description"] == want["MIN_AREA"]


DRIVER = ROOT / "tests" / "desktop" / "drive_translations.py"


@pytest.mark.skipif(shutil.which("qgis.bin") is None or shutil.which("xvfb-run") is None,
                    reason="QGIS desktop (qgis.bin) and xvfb-run are needed")
@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_desktop_toolbox_and_dialog_speak_the_qgis_locale(lang, tmp_path):
    """QGIS desktop on a virtual screen, started in ``lang``: the toolbox's RemoteNet entries and the
    labels of the Segment dialog a person opens from it."""
    result = tmp_path / "result.json"
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # a real windowing system (xcb on Xvfb)
    env.update(REMOTENET_QGIS_PROFILE=str(_profile(tmp_path, lang)), REMOTENET_TRANSLATIONS_RESULT=str(result))
    try:
        done = subprocess.run([str(ROOT / "scripts" / "qgis_desktop"), "--code", str(DRIVER)], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=180)
        output = done.stdout + done.stderr
    except subprocess.TimeoutExpired as err:
        output = f"QGIS did not finish in 180 s\n{err.stdout or ''}{err.stderr or ''}"
    assert result.is_file(), output[-3000:]
    record = json.loads(result.read_text(encoding="utf-8"))
    assert record.get("errors") == [], record.get("errors")
    want = EXPECTED[lang]
    assert record["locale"] == lang
    assert {want["segment"], want["train"], want["evaluate"]} <= set(record["toolbox"]), record["toolbox"]
    assert want["segment"] in record["dialog_title"]
    for key in ("INPUT", "TILE_SIZE", "MIN_AREA"):
        assert any(want[key] in text for text in record["dialog_labels"]), (want[key], record["dialog_labels"])
    assert record["menu"] == want["segment"] + "…"

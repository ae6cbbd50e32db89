"""How the algorithms behave on QGIS's two threads, without the desktop (tests/test_qgis_desktop.py
drives the desktop itself): the GUI thread never imports torch, a background task hands its
output layers to the dialog's context, and the plugin makes triton unimportable before torch loads.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "resources" / "models" / "remotenet_demo_buildings.safetensors"


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {"QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile"),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)


QGIS_START = """
import sys
sys.path.append('/usr/share/qgis/python/plugins')
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject
QgsApplication.setPrefixPath('/usr', True)
app = QgsApplication([], False); app.initQgis()
import remotenet
plugin = remotenet.classFactory(None); plugin.initProcessing()
registry = QgsApplication.processingRegistry()
"""


def test_checking_and_preparing_on_the_gui_thread_never_import_torch(tmp_path, pan_raster):
    labels = str(ROOT / "tests" / "data" / "atlanta_buildings.geojson")
    cases = [
        ("remotenet:segment", {"INPUT": str(pan_raster), "MODEL": str(MODEL), "OUTPUT_RASTER": str(tmp_path / "c.tif"),
                               "OUTPUT_VECTOR": str(tmp_path / "p.gpkg")}),
        ("remotenet:train", {"INPUT": str(pan_raster), "LABELS": labels,
                             "OUTPUT_MODEL": str(tmp_path / "m.safetensors")}),
        ("remotenet:evaluate", {"INPUT": str(pan_raster), "REFERENCE": labels}),
    ]
    code = QGIS_START + f"""
for alg_id, params in {cases!r}:
    alg = registry.createAlgorithmById(alg_id)
    context = QgsProcessingContext(); context.setProject(QgsProject.instance())
    ok, message = alg.checkParameterValues(params, context)
    assert ok, (alg_id, message)
    assert alg.prepare(params, context, QgsProcessingFeedback()), alg_id
    assert 'torch' not in sys.modules and 'timm' not in sys.modules, alg_id
print('no torch')
"""
    done = run_python(code, tmp_path)
    assert "no torch" in done.stdout, done.stdout + done.stderr


def test_plugin_blocks_triton_before_torch_loads(tmp_path):
    code = QGIS_START + """
assert sys.modules['triton'] is None
import torch, timm  # timm imports torch._dynamo, which looks for triton: it must carry on without it
import torch.utils._triton as t
assert not t.has_triton_package()
print('torch without triton', torch.__version__)
"""
    done = run_python(code, tmp_path)
    assert "torch without triton" in done.stdout, done.stdout + done.stderr


def test_background_task_hands_both_outputs_to_the_dialog_context(remotenet_provider, pan_raster, tmp_path):
    """What the toolbox dialog does: a QgsProcessingAlgRunnerTask runs processAlgorithm on a worker thread
    with a context of its own; the layers to load must come back to the dialog's context."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
    )
    from qgis.PyQt.QtCore import QCoreApplication

    project = QgsProject.instance()
    raster, vector = str(tmp_path / "classes.tif"), str(tmp_path / "polygons.gpkg")
    params = {"INPUT": str(pan_raster), "MODEL": str(MODEL),
              "OUTPUT_RASTER": QgsProcessingOutputLayerDefinition(raster, project),
              "OUTPUT_VECTOR": QgsProcessingOutputLayerDefinition(vector, project)}
    alg = QgsApplication.processingRegistry().createAlgorithmById("remotenet:segment")
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    ok, message = alg.checkParameterValues(params, context)
    assert ok, message
    task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
    done = []
    task.executed.connect(lambda success, results: done.append((success, results)))
    QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + 240
    while not done and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.05)
    assert done and done[0][0], done
    assert set(context.layersToLoadOnCompletion()) == {raster, vector}

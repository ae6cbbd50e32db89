"""The dependency installer: platform choice, a real pip install of a local wheel (offline), failure
and cancel leaving the previous state, and the folder reaching sys.path through classFactory."""
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from remotenet.remotenet_plugin import installer
from remotenet.remotenet_plugin.installer import Machine

ROOT = Path(__file__).resolve().parent.parent
PKG = str(ROOT / ".pkg")
ENV = {**os.environ, "PYTHONPATH": PKG, "PIP_FIND_LINKS": "", "PIP_NO_INDEX": "1"}


def make_wheel(folder: Path, name: str = "fakepkg", version: str = "1.0") -> Path:
    """A minimal pure-Python wheel: enough for pip to install it offline."""
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    files = {f"{name}/__init__.py": f"VALUE = {version!r}\n",
             f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
             f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    files[f"{info}/RECORD"] = "".join(f"{path},,\n" for path in [*files, f"{info}/RECORD"])
    with zipfile.ZipFile(wheel, "w") as zf:
        for path, text in files.items():
            zf.writestr(path, text)
    return folder


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "remotenet", "install", *args], capture_output=True, text=True,
                          env=ENV, timeout=300)


@pytest.mark.parametrize("machine, python, expect_req, expect_index", [
    (Machine("Windows", "amd64", False), (3, 12), "torch<2.9", None),
    (Machine("Windows", "amd64", True), (3, 13), "torch<2.9", installer.WINDOWS_CUDA_INDEX),
    # torch 2.8 has no Python 3.14 wheels: the newest torch, and the plan says why.
    (Machine("Windows", "amd64", False), (3, 14), "torch", None),
    (Machine("Linux", "x86_64", False), (3, 13), "torch", installer.CPU_INDEX),
    (Machine("Linux", "x86_64", True), (3, 14), "torch", None),
    (Machine("Darwin", "arm64", False), (3, 11), "torch", None),
])
def test_build_choice_per_platform(machine, python, expect_req, expect_index):
    requirements, index_args, notes, size = installer.choose_build(machine, python)
    assert requirements[0] == expect_req and {"timm", "safetensors"} <= set(requirements)
    assert (index_args[-1] if index_args else None) == expect_index
    assert notes and size
    if machine.system == "Windows" and python >= (3, 14):
        assert not any("<" in r for r in requirements) and "3.14" in notes[0] and "WinError 1114" in notes[0]


def test_missing_packages_does_not_import():
    before = set(sys.modules)
    assert installer.missing_packages(("surely_not_installed_xyz", "json", "wave")) == ["surely_not_installed_xyz"]
    assert "wave" not in before - set(sys.modules) and "wave" not in set(sys.modules) - before


def test_cli_installs_offline_into_the_profile_and_activate_finds_it(tmp_path):
    wheels = make_wheel(tmp_path / "wheels")
    profile = tmp_path / "profile"
    out = cli("--profile-dir", str(profile), "--packages", "fakepkg", f"--pip-arg=--find-links={wheels}")
    assert out.returncode == 0, out.stderr + out.stdout
    target = installer.deps_dir(profile)
    assert (target / "fakepkg" / "__init__.py").is_file()
    assert "Installed 1 packages" in out.stdout and "fakepkg-1.0" in (target.parent / "install.log").read_text()
    assert not installer.staging_dir(target).exists()
    code = ("import sys; from remotenet.remotenet_plugin.installer import activate; "
            f"p = activate({str(profile)!r}); import fakepkg; print(fakepkg.VALUE, sys.path[0] == str(p))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    assert run.stdout.split() == ["1.0", "True"], run.stderr

    # A failing install (no such package offline) says so and keeps the working install.
    out = cli("--profile-dir", str(profile), "--packages", "no-such-package-xyz", f"--pip-arg=--find-links={wheels}")
    assert out.returncode == 1 and "pip failed" in out.stderr and "no-such-package-xyz" in out.stderr
    assert (target / "fakepkg" / "__init__.py").is_file() and not installer.staging_dir(target).exists()


def test_cancel_stops_pip_and_leaves_nothing(tmp_path):
    fake_python = tmp_path / "python"  # prints like pip, then hangs
    fake_python.write_text("#!/bin/sh\necho 'Collecting torch'\nexec sleep 60\n")
    fake_python.chmod(0o755)
    plan = installer.InstallPlan(python=str(fake_python), target=installer.deps_dir(tmp_path / "profile"),
                                 requirements=["torch"], index_args=[])
    seen = []
    t0 = time.monotonic()
    result = installer.run(plan, on_line=seen.append, is_cancelled=lambda: bool(seen))
    assert result.cancelled and not result.ok and "nothing was installed" in result.message
    assert time.monotonic() - t0 < 20 and seen == ["Collecting torch"]
    assert not plan.target.exists() and not installer.staging_dir(plan.target).exists()


def test_dry_run_prints_the_pip_command(tmp_path):
    out = cli("--profile-dir", str(tmp_path), "--dry-run")
    assert out.returncode == 0, out.stderr
    assert "-m pip install --target" in out.stdout and str(installer.deps_dir(tmp_path)) in out.stdout
    assert not installer.deps_dir(tmp_path).exists()


def test_class_factory_puts_the_folder_on_sys_path_under_qgis(tmp_path):
    pytest.importorskip("qgis.core")
    config = tmp_path / "config"
    target = installer.deps_dir(config / "profiles" / "default")
    (target / "fakepkg").mkdir(parents=True)
    (target / "fakepkg" / "__init__.py").write_text("VALUE = 'from the profile'\n")
    code = """
from qgis.core import QgsApplication
app = QgsApplication([], False); app.initQgis()
import remotenet
remotenet.classFactory(None)
import fakepkg
print(fakepkg.VALUE)
"""
    env = {**ENV, "QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(config), "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert "from the profile" in run.stdout, run.stderr


DIALOG_SCRIPT = """
import sys, time
from pathlib import Path
from qgis.core import QgsApplication
app = QgsApplication([], True); app.initQgis()
from remotenet.remotenet_plugin import installer
from remotenet.remotenet_plugin.installer_dialog import InstallerDialog
profile, wheels, python, cancel = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] == "cancel"
installer.make_plan = lambda p: installer.InstallPlan(python=python, target=installer.deps_dir(p),
    requirements=["fakepkg"], index_args=[], extra_args=["--find-links", wheels])
dialog = InstallerDialog(profile)
dialog.show()
t0 = time.monotonic()
while not dialog.install_button.isEnabled() and time.monotonic() - t0 < 60:  # planned on a thread
    app.processEvents()
    time.sleep(0.02)
dialog.install_button.click()
t0 = time.monotonic()
while dialog.result is None and time.monotonic() - t0 < 120:
    app.processEvents()
    if cancel and dialog.lines and not dialog.cancelled:
        dialog.cancel_button.click()
    time.sleep(0.02)
r = dialog.result
print("RESULT", r.ok, r.cancelled, dialog.close_button.isVisible(), dialog.progress.value())
print("STATUS", dialog.status.text())
"""


@pytest.mark.parametrize("mode", ["install", "cancel"])
def test_desktop_dialog_installs_with_progress_and_cancels(tmp_path, mode):
    pytest.importorskip("qgis.core")
    wheels = make_wheel(tmp_path / "wheels")
    python = sys.executable
    if mode == "cancel":
        python = str(tmp_path / "python")
        Path(python).write_text("#!/bin/sh\necho 'Collecting fakepkg'\nexec sleep 60\n")
        Path(python).chmod(0o755)
    env = {**ENV, "QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "config"),
           "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", DIALOG_SCRIPT, str(tmp_path / "profile"), str(wheels), python, mode],
                         capture_output=True, text=True, env=env, timeout=180)
    target = installer.deps_dir(tmp_path / "profile")
    if mode == "install":
        assert "RESULT True False True 100" in run.stdout, run.stdout + run.stderr
        assert "Installed 1 packages" in run.stdout and (target / "fakepkg" / "__init__.py").is_file()
    else:
        assert "RESULT False True True" in run.stdout, run.stdout + run.stderr
        assert "nothing was installed" in run.stdout and not target.exists()
    assert not installer.staging_dir(target).exists()


def test_unreachable_pytorch_index_falls_back_to_pypi_with_a_note(tmp_path):
    linux_cpu = Machine("Linux", "x86_64", False)
    plan = installer.make_plan(tmp_path, python=sys.executable, machine=linux_cpu, probe=lambda url: True)
    assert plan.index_args == ["--extra-index-url", installer.CPU_INDEX]
    plan = installer.make_plan(tmp_path, python=sys.executable, machine=linux_cpu, probe=lambda url: False)
    assert plan.index_args == [] and "cannot be reached" in plan.describe() and "3-5 GB" in plan.describe()
    assert installer.index_reachable("http://127.0.0.1:9/simple/", timeout=2) is False


def test_packages_qgis_keeps_are_pinned_and_removed_from_the_folder(tmp_path):
    wheels = make_wheel(make_wheel(tmp_path / "wheels"), name="fakedep", version="2.0")
    plan = installer.InstallPlan(python=sys.executable, target=installer.deps_dir(tmp_path / "profile"),
                                 requirements=["fakepkg", "fakedep"], index_args=[],
                                 extra_args=["--no-index", "--find-links", str(wheels)], keep={"fakedep": "2.0"},
                                 drop=["fakepkg"])
    result = installer.run(plan)
    assert result.ok, result.message
    command = plan.command(tmp_path)
    assert "--constraint" in command and command[command.index("--only-binary") + 1] == "fakedep"
    assert plan.constraints.read_text() == "fakedep<=2.0\n"
    assert sorted(result.installed) == ["fakedep-2.0", "fakepkg-1.0"] and plan.target.is_dir()
    for gone in ("fakedep", "fakepkg"):  # kept from QGIS, dropped
        assert not (plan.target / gone).exists() and not list(plan.target.glob(f"{gone}-*.dist-info"))
    # The pin is real: nothing at or below QGIS's version on the index fails the install, the old one stays.
    (plan.target / "marker").write_text("previous install")
    plan.keep = {"fakedep": "1.5"}
    assert not installer.run(plan).ok and (plan.target / "marker").is_file()
    # A distribution's local label (Debian: 2.2.4+ds) is not a release an index has: resolved as 2.0.
    plan.keep = {"fakedep": "2.0+ds"}
    assert installer.run(plan).ok and plan.constraints.read_text() == "fakedep<=2.0\n"


def test_plan_keeps_qgis_numpy():
    import numpy

    plan = installer.make_plan("/nonexistent-profile", python=sys.executable, probe=lambda url: False,
                               machine=Machine("Linux", "x86_64", False))
    assert plan.keep == {"numpy": numpy.__version__} and "Kept from QGIS's Python: numpy" in plan.describe()
    assert plan.drop == ["triton"]
    assert installer.make_plan("/p", python=sys.executable, machine=Machine("Linux", "x86_64", True)).drop == []


def test_previous_install_that_cannot_be_replaced_is_reported(tmp_path, monkeypatch):
    plan = installer.InstallPlan(python=sys.executable, target=installer.deps_dir(tmp_path), requirements=["x"],
                                 index_args=[])
    staging = installer.prepare(plan)

    def busy(_plan, _staging):
        raise PermissionError("[WinError 5] Access is denied")

    monkeypatch.setattr(installer, "finish", busy)
    result = installer.conclude(plan, staging, 0, False, ["Successfully installed x-1"], None)
    assert not result.ok and "restart QGIS and install again" in result.message and not staging.exists()


BAR_SCRIPT = """
from unittest import mock
from qgis.core import QgsApplication
app = QgsApplication([], True); app.initQgis()
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QPushButton
from remotenet.remotenet_plugin import installer, installer_gui
bar = QgsMessageBar()
iface = mock.MagicMock()
iface.messageBar.return_value = bar
installer.missing_packages = lambda packages=installer.PACKAGES: ["torch", "timm"]
opened = []
installer_gui.open_installer = lambda iface: opened.append(True)
print("MISSING", installer_gui.offer_install_if_missing(iface))
item = bar.currentItem()
buttons = item.findChildren(QPushButton)
print("TEXT", item.text())
[b.click() for b in buttons if b.text() == "Install…"]
print("OPENED", opened)
"""


def test_message_bar_offers_the_installer_when_packages_are_missing(tmp_path):
    pytest.importorskip("qgis.core")
    env = {**ENV, "QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path), "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", BAR_SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert "MISSING ['torch', 'timm']" in run.stdout, run.stdout + run.stderr
    assert "TEXT needs torch, timm to run its algorithms." in run.stdout and "OPENED [True]" in run.stdout


def test_dialog_opens_at_once_while_the_plan_is_worked_out(qgis_app, tmp_path, monkeypatch):
    """Working out the plan runs pip and probes an index (seconds): never on the GUI thread."""
    from qgis.PyQt.QtCore import QCoreApplication

    from remotenet.remotenet_plugin import installer
    from remotenet.remotenet_plugin.installer_dialog import InstallerDialog

    def slow_plan(profile):
        time.sleep(1.5)
        return installer.InstallPlan(python=sys.executable, target=installer.deps_dir(profile),
                                     requirements=["fakepkg"], index_args=[], extra_args=[])

    monkeypatch.setattr(installer, "make_plan", slow_plan)
    started = time.monotonic()
    dialog = InstallerDialog(tmp_path)
    assert time.monotonic() - started < 0.5
    assert not dialog.install_button.isEnabled()
    while not dialog.install_button.isEnabled() and time.monotonic() - started < 20:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert dialog.install_button.isEnabled() and dialog.plan is not None
    assert "Working out" not in dialog.summary.text()
    dialog.close()


def zipped_pip(folder: Path) -> Path:
    """The test Python's own pip as a wheel (pure Python: a zip of the package and its metadata)."""
    import pip

    source = Path(pip.__file__).parent
    wheel = folder / f"pip-{pip.__version__}-py3-none-any.whl"
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel, "w") as zf:
        for base in [source, *source.parent.glob(f"pip-{pip.__version__}.dist-info")]:
            for path in base.rglob("*"):
                if path.is_file() and "__pycache__" not in path.parts:
                    zf.write(path, path.relative_to(source.parent).as_posix())
    return wheel


def python_without_pip(tmp_path: Path) -> str:
    """A Python of the running version with no pip module (Debian's QGIS Python without python3-pip)."""
    env = tmp_path / "nopip"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True, timeout=120)
    python = str(env / "bin" / "python")
    assert subprocess.run([python, "-m", "pip", "--version"], capture_output=True).returncode != 0
    return python


def test_python_without_pip_runs_pip_from_its_wheel(tmp_path):
    """No pip module: the plan runs pip from a pip wheel (here one in the plugin's own folder) and installs."""
    python = python_without_pip(tmp_path)
    profile = tmp_path / "profile"
    zipped_pip(installer.deps_dir(profile).parent / "pip")
    wheels = make_wheel(tmp_path / "wheels")
    plan = installer.make_plan(profile, python=python, requirements=["fakepkg"],
                               extra_args=["--no-index", "--find-links", str(wheels)], probe=lambda url: False)
    assert plan.pip_runner[0] == str(installer.PIP_BOOTSTRAP)
    assert "pip runs from its wheel" in plan.describe() and "pip_bootstrap.py" in plan.describe()
    result = installer.run(plan)
    assert result.ok, result.message + (plan.target.parent / installer.LOG_NAME).read_text()
    assert result.installed == ["fakepkg-1.0"] and (plan.target / "fakepkg" / "__init__.py").is_file()
    assert "Running pip from" in (plan.target.parent / installer.LOG_NAME).read_text()


def serve(folder: Path):
    """A local HTTP server for ``folder`` (a package index): (base URL, server to shut down)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def pip_index(root: Path, wheel: Path, sha256: str) -> Path:
    """A PEP 503 index whose pip page also lists files the bootstrap must pass over."""
    import shutil as sh

    (root / "files").mkdir(parents=True)
    sh.copy(wheel, root / "files" / wheel.name)
    page = root / "simple" / "pip"
    page.mkdir(parents=True)
    links = [f'<a href="../../files/{wheel.name}#sha256={sha256}" data-requires-python="&gt;=3.9">{wheel.name}</a>',
             '<a href="../../files/pip-99.0-py3-none-any.whl#sha256=00" data-requires-python="&gt;=3.99">new</a>',
             '<a href="../../files/pip-98.0-py3-none-any.whl#sha256=00" data-yanked="">yanked</a>',
             '<a href="../../files/pip-97.0-py3-none-any.whl">no hash</a>',
             '<a href="../../files/pip-96.0b1-py3-none-any.whl#sha256=00">pre-release</a>',
             '<a href="../../files/pip-95.0.tar.gz#sha256=00">source</a>']
    (page / "index.html").write_text("<html><body>\n" + "\n".join(links) + "\n</body></html>\n")
    return root / "simple"


FETCH_SCRIPT = """
import sys
from pathlib import Path
import pip_bootstrap as boot
boot.wheels_on_disk = lambda folder=None: []  # as on a system without python3-pip-whl
sys.exit(boot.main(sys.argv[1:]))
"""


def test_python_without_pip_or_wheel_fetches_pip_checks_its_hash_and_installs(tmp_path):
    """Nothing on disk: pip's wheel comes from the index (PIP_INDEX_URL, here a local server), is checked
    against the index's sha256, and runs; a wrong hash or no index stops before anything is kept or run."""
    import hashlib

    python = python_without_pip(tmp_path)
    wheel = zipped_pip(tmp_path / "built")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    base, server = serve(tmp_path / "index")
    pip_index(tmp_path / "index", wheel, digest)
    pip_index(tmp_path / "index" / "bad", wheel, "0" * 64)
    wheels, fetched = make_wheel(tmp_path / "wheels"), tmp_path / "fetched"
    env = {**ENV, "PYTHONPATH": str(installer.PIP_BOOTSTRAP.parent)}
    args = [python, "-c", FETCH_SCRIPT, str(fetched), "install", "--target", str(tmp_path / "target"),
            "--no-index", "--find-links", str(wheels), "fakepkg"]
    try:
        bad = subprocess.run(args, capture_output=True, text=True, timeout=120,
                             env={**env, "PIP_INDEX_URL": f"{base}/bad/simple"})
        good = subprocess.run(args, capture_output=True, text=True, timeout=120,
                              env={**env, "PIP_INDEX_URL": f"{base}/simple"})
    finally:
        server.shutdown()
    gone = subprocess.run(args, capture_output=True, text=True, timeout=120,
                          env={**env, "PIP_INDEX_URL": "http://127.0.0.1:9/simple"})
    assert gone.returncode == 1 and "could not be downloaded" in gone.stderr and "python3-pip" in gone.stderr
    assert bad.returncode == 1 and "sha256 does not match" in bad.stderr, bad.stdout + bad.stderr
    assert good.returncode == 0, good.stdout + good.stderr
    assert [p.name for p in fetched.iterdir()] == [wheel.name] and fetched.joinpath(wheel.name).read_bytes() == \
        wheel.read_bytes()
    assert (tmp_path / "target" / "fakepkg" / "__init__.py").is_file() and "Successfully installed" in good.stdout


@pytest.mark.parametrize("spec, ok", [(">=3.9", True), (">=3.7,<4", True), (">=3.99", False), ("", True),
                                      (None, True), ("!=3.0.*,>=2.7", True), ("~=3.9", False)])
def test_requires_python_clauses(spec, ok):
    from remotenet.remotenet_plugin import pip_bootstrap

    assert pip_bootstrap.requires_python_ok(spec) is ok


def test_a_python_of_another_version_is_refused(tmp_path):
    other = tmp_path / "python"
    other.write_text("#!/bin/sh\necho 3.99\n")
    other.chmod(0o755)
    with pytest.raises(installer.InstallerError, match="3.99"):
        installer.make_plan(tmp_path, python=str(other))


def test_cli_from_a_linked_plugin_folder_installs_into_that_profile(tmp_path):
    """The README's development set-up (the checkout linked into a profile): the profile is the link's."""
    plugins = tmp_path / "profile" / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "remotenet").symlink_to(ROOT)
    env = {k: v for k, v in ENV.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-m", "remotenet", "install", "--dry-run", "--packages", "fakepkg"],
                         capture_output=True, text=True, env=env, cwd=plugins, timeout=120)
    assert out.returncode == 0, out.stderr
    assert f"Into: {installer.deps_dir(tmp_path / 'profile')}" in out.stdout

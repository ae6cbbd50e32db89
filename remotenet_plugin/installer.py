"""Install torch, timm and safetensors from inside QGIS, into a folder the plugin owns.

The packages go to ``<QGIS profile>/remotenet/python<X.Y>/site-packages``, never into QGIS's
own Python. ``classFactory`` puts that folder first on ``sys.path`` (see ``activate``) whenever
the plugin starts, in QGIS desktop and in qgis_process alike.
pip runs in a subprocess with the Python QGIS runs on, into a staging folder that replaces the
old one only when pip succeeded, so a failed or cancelled install leaves nothing half-done.

No qgis and no torch imports here: the desktop dialog, the ``python -m remotenet install``
command line and the tests share this module.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import platform
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..model.messages import QT_TRANSLATE_NOOP, Message

PACKAGES = ("torch", "timm", "safetensors")
CPU_INDEX = "https://download.pytorch.org/whl/cpu"
# PyPI's Windows torch is CPU-only; PyTorch's own index carries the CUDA builds.
WINDOWS_CUDA_INDEX = "https://download.pytorch.org/whl/cu126"
# torch 2.9 and newer fail to load after Qt inside QGIS on Windows (c10.dll, WinError 1114).
WINDOWS_REQUIREMENTS = ["torch<2.9", "torchvision<0.24", "timm", "safetensors"]
# torch 2.8, the last below 2.9, has wheels up to Python 3.13.
FIRST_PYTHON_WITHOUT_TORCH_BELOW_2_9 = (3, 14)
LOG_NAME = "install.log"
# Runs pip from its wheel for a Python without a pip module (Debian and Ubuntu do not install it).
PIP_BOOTSTRAP = Path(__file__).resolve().with_name("pip_bootstrap.py")
# GDAL's Python bindings (and QGIS) are built against the numpy QGIS ships: never replace it.
KEEP_FROM_QGIS = ("numpy",)


class InstallerError(RuntimeError):
    """The install cannot start; the message says why and what to do."""


@dataclass
class Machine:
    system: str  # platform.system(): "Linux", "Windows", "Darwin"
    arch: str  # platform.machine(), lower case
    nvidia: bool  # an NVIDIA driver is present


@dataclass
class InstallPlan:
    python: str
    target: Path
    requirements: list[str]
    index_args: list[str]
    extra_args: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    size_hint: str = ""
    # Packages QGIS's Python already has whose copy must stay the one in use (name -> version):
    # pip resolves against that version, and the copy pip puts in the folder is removed.
    keep: dict[str, str] = field(default_factory=dict)
    # Packages removed after pip: triton without an NVIDIA GPU (DESIGN.md: it aborts QGIS desktop
    # where Mesa's libLLVM is loaded, and only serves CUDA).
    drop: list[str] = field(default_factory=list)
    # How ``python`` runs pip: empty for ``python -m pip``, else a script and its arguments.
    pip_runner: list[str] = field(default_factory=list)

    @property
    def constraints(self) -> Path:
        return self.target.parent / "constraints.txt"

    def command(self, into: Path) -> list[str]:
        """The pip command line that installs the requirements into ``into``."""
        # Kept packages are removed after pip: a wheel is enough to resolve against, never a source build.
        constraint = ["--constraint", str(self.constraints), "--only-binary", ",".join(self.keep)] if self.keep else []
        return [self.python, *(self.pip_runner or ["-m", "pip"]), "install", "--target", str(into), "--no-input",
                "--progress-bar", "off", "--disable-pip-version-check", "--no-warn-script-location", *constraint,
                *self.index_args, *self.extra_args, *self.requirements]

    def description(self) -> list[Message]:
        """The plan, line by line (translatable by the dialog)."""
        lines = [QT_TRANSLATE_NOOP("RemoteNetInstaller", "Packages: {packages}").format(
                     packages=" ".join(self.requirements)),
                 QT_TRANSLATE_NOOP("RemoteNetInstaller", "Into: {target}").format(target=self.target),
                 QT_TRANSLATE_NOOP("RemoteNetInstaller", "With: {python}").format(
                     python=" ".join([self.python, *(self.pip_runner or ["-m", "pip"])]))]
        if self.size_hint:
            lines.append(QT_TRANSLATE_NOOP("RemoteNetInstaller", "Download: {size}").format(size=self.size_hint))
        return lines + [note if isinstance(note, Message) else Message(note, "", note) for note in self.notes]

    def describe(self) -> str:
        return "\n".join(self.description())


@dataclass
class InstallResult:
    ok: bool
    cancelled: bool
    target: Path
    installed: list[str]
    message: str  # a Message: the dialog shows it translated
    log: Path | None = None


def python_tag() -> str:
    return f"python{sys.version_info[0]}.{sys.version_info[1]}"


def deps_dir(profile_dir: str | os.PathLike) -> Path:
    """The plugin's own site-packages inside a QGIS profile folder (one per Python version)."""
    return Path(profile_dir) / "remotenet" / python_tag() / "site-packages"


def activate(profile_dir: str | os.PathLike | None) -> Path | None:
    """Put the plugin's package folder first on sys.path when it exists; returns it, or None.

    First, like a virtual environment's site-packages: torch needs newer sympy, jinja2... than a
    Linux distribution's (Debian 12's sympy 1.11 breaks torch 2.14). QGIS's own numpy, GDAL and
    Qt are never in the folder (numpy is removed after pip, see KEEP_FROM_QGIS), so they stay.
    """
    if profile_dir is None:
        return None
    folder = deps_dir(profile_dir)
    if not folder.is_dir():
        return None
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
        importlib.invalidate_caches()
    return folder


def profile_from_qgis() -> Path | None:
    """The running QGIS's profile folder, or None outside QGIS."""
    try:
        from qgis.core import QgsApplication
    except ImportError:
        return None
    path = QgsApplication.qgisSettingsDirPath()
    return Path(path) if path else None


def default_profile() -> Path:
    """The profile this plugin copy is installed in, else QGIS's default profile for this OS."""
    # Not resolved: a plugin folder that is a link into a checkout still belongs to the profile it is in.
    plugin_root = Path(os.path.abspath(__file__)).parents[1]
    if plugin_root.parent.name == "plugins" and plugin_root.parent.parent.name == "python":
        return plugin_root.parents[2]
    system = platform.system()
    if system == "Windows":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif system == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "QGIS" / "QGIS3" / "profiles" / "default"


def missing_packages(packages: tuple[str, ...] = PACKAGES) -> list[str]:
    """Packages that cannot be found, without importing any (safe on the GUI thread)."""
    missing = []
    for name in packages:
        try:
            if importlib.util.find_spec(name) is None:
                missing.append(name)
        except (ImportError, ValueError):
            missing.append(name)
    return missing


def detect_machine() -> Machine:
    system = platform.system()
    nvidia = shutil.which("nvidia-smi") is not None or Path("/proc/driver/nvidia/version").exists()
    if system == "Windows":
        nvidia = nvidia or (Path(os.environ.get("SystemRoot", r"C:\Windows")) / "System32" / "nvcuda.dll").exists()
    return Machine(system=system, arch=platform.machine().lower(), nvidia=nvidia)


def choose_build(machine: Machine, python: tuple[int, int] = (sys.version_info[0], sys.version_info[1])
                 ) -> tuple[list[str], list[str], list[str], str]:
    """(requirements, pip index options, notes, download size) for this machine and Python version."""
    if machine.system == "Windows" and python >= FIRST_PYTHON_WITHOUT_TORCH_BELOW_2_9:
        # No torch below 2.9 was built for this Python: the newest, with the risk said.
        return ([name.split("<")[0] for name in WINDOWS_REQUIREMENTS],
                ["--extra-index-url", WINDOWS_CUDA_INDEX] if machine.nvidia else [],
                [QT_TRANSLATE_NOOP("RemoteNetInstaller", "No torch below 2.9 exists for Python {version}: the "
                                   "newest is installed, and may fail to load inside QGIS on Windows (c10.dll, "
                                   "WinError 1114).").format(version=f"{python[0]}.{python[1]}")],
                _about("3 GB") if machine.nvidia else _about("300 MB"))
    if machine.system == "Windows":
        notes = [QT_TRANSLATE_NOOP("RemoteNetInstaller", "torch below 2.9: newer builds fail to load inside QGIS "
                                                         "on Windows (c10.dll, WinError 1114).")]
        if machine.nvidia:
            return (list(WINDOWS_REQUIREMENTS), ["--extra-index-url", WINDOWS_CUDA_INDEX],
                    notes + [QT_TRANSLATE_NOOP("RemoteNetInstaller",
                                               "NVIDIA driver found: CUDA 12.6 build from download.pytorch.org.")],
                    _about("3 GB"))
        return (list(WINDOWS_REQUIREMENTS), [],
                notes + [QT_TRANSLATE_NOOP("RemoteNetInstaller", "No NVIDIA driver found: CPU build.")],
                _about("300 MB"))
    if machine.system == "Darwin":
        return (list(PACKAGES), [],
                [QT_TRANSLATE_NOOP("RemoteNetInstaller", "macOS: PyPI's build (CPU, Apple GPU through MPS).")],
                _about("300 MB"))
    if machine.nvidia or machine.arch not in ("x86_64", "amd64"):
        note = (QT_TRANSLATE_NOOP("RemoteNetInstaller", "NVIDIA driver found: PyPI's CUDA build.") if machine.nvidia
                else QT_TRANSLATE_NOOP("RemoteNetInstaller", "{arch}: PyPI's build (CPU).").format(arch=machine.arch))
        return (list(PACKAGES), [], [note],
                QT_TRANSLATE_NOOP("RemoteNetInstaller", "about 3-5 GB with CUDA libraries") if machine.nvidia
                else _about("500 MB"))
    # PyPI's Linux x86_64 torch bundles CUDA (gigabytes); PyTorch's CPU index has the small build
    # and the torchvision made for it (PyPI's torchvision does not load with a +cpu torch).
    return (list(PACKAGES), ["--extra-index-url", CPU_INDEX],
            [QT_TRANSLATE_NOOP("RemoteNetInstaller", "No NVIDIA driver found: CPU build of torch and torchvision "
                                                     "from download.pytorch.org/whl/cpu.")],
            _about("700 MB"))


def _about(size: str) -> Message:
    return QT_TRANSLATE_NOOP("RemoteNetInstaller", "about {size}").format(size=size)


def find_python() -> str | None:
    """The Python executable QGIS runs on (QGIS embeds Python, so sys.executable may be QGIS)."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    exe = Path(sys.executable) if sys.executable else None
    candidates: list[Path] = []
    if exe is not None and exe.name.lower().startswith("python"):
        candidates.append(exe)
    for base in dict.fromkeys([sys.exec_prefix, sys.base_exec_prefix]):
        base = Path(base)
        candidates += [base / "python.exe", base / "python3.exe", base / "bin" / f"python{version}",
                       base / "bin" / "python3"]
    if exe is not None:
        candidates += [exe.parent / "bin" / "python3", exe.parent / "python3", exe.parent / "python.exe"]
    for name in (f"python{version}", "python3"):
        found = shutil.which(name)
        if found:
            candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and _python_version(str(candidate)) == version:
            return str(candidate)
    return None


def _python_version(python: str) -> str | None:
    try:
        out = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def index_reachable(url: str, timeout: float = 8.0) -> bool:
    """Whether a package index answers at all (proxies and firewalls often block PyTorch's)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=timeout):
            return True
    except urllib.error.HTTPError:
        return True  # it answered
    except (OSError, ValueError):
        return False


def make_plan(profile_dir: str | os.PathLike, python: str | None = None, machine: Machine | None = None,
              requirements: list[str] | None = None, extra_args: list[str] | None = None,
              probe: Callable[[str], bool] | None = None) -> InstallPlan:
    """What to install where, with which Python; raises InstallerError when pip cannot run."""
    python = python or find_python()
    if python is None:
        raise InstallerError(QT_TRANSLATE_NOOP(
            "RemoteNetInstaller", "cannot find the Python executable of this QGIS (Python {version}); install the "
            "packages by hand (see docs/installing.md)").format(version=sys.version.split()[0]))
    version, running = _python_version(python), f"{sys.version_info[0]}.{sys.version_info[1]}"
    if version != running:  # the folder is per Python version, and so are torch's wheels
        raise InstallerError(QT_TRANSLATE_NOOP(
            "RemoteNetInstaller", "{python} is not the Python {running} this QGIS runs on (it says: {version}); "
            "give the installer QGIS's Python").format(python=python, running=running, version=version))
    target = deps_dir(profile_dir)
    pip_runner, pip_notes = _pip_runner(python, target.parent / "pip")
    machine = machine or detect_machine()
    reqs, index_args, notes, size = choose_build(machine)
    notes = [*pip_notes, *notes]
    if index_args and not requirements and not (probe or index_reachable)(index_args[-1]):
        # pip would retry the index for every package (minutes) and then take PyPI's build anyway.
        notes = [*notes, QT_TRANSLATE_NOOP(
            "RemoteNetInstaller", "{index} cannot be reached from here: PyPI's build instead (on Linux the CUDA "
            "build: it runs on a CPU too, but downloads 3-5 GB).").format(index=index_args[-1])]
        index_args, size = [], "3-5 GB" if machine.system == "Linux" else size
    keep = {name: version for name in KEEP_FROM_QGIS if (version := _installed_version(python, name))}
    if keep:
        notes = [*notes, QT_TRANSLATE_NOOP("RemoteNetInstaller", "Kept from QGIS's Python: {packages}.").format(
            packages=", ".join(f"{k} {v}" for k, v in keep.items()))]
    return InstallPlan(python=python, target=target, requirements=requirements or reqs,
                       index_args=[] if requirements else index_args, extra_args=list(extra_args or []),
                       notes=notes, size_hint="" if requirements else size, keep=keep,
                       drop=["triton"] if machine.system == "Linux" and not machine.nvidia else [],
                       pip_runner=pip_runner)


def _pip_runner(python: str, wheels: Path) -> tuple[list[str], list[Message]]:
    """How ``python`` runs pip (empty: ``-m pip``), and what the plan says about it.

    Debian and Ubuntu leave pip out of QGIS's dependencies, and python3-pip needs an
    administrator: without it, pip runs from its wheel (pip_bootstrap.py), nothing installed.
    """
    if subprocess.run([python, "-m", "pip", "--version"], capture_output=True, text=True).returncode == 0:
        return [], []
    runner = [str(PIP_BOOTSTRAP), str(wheels)]
    found = subprocess.run([python, *runner, "--which"], capture_output=True, text=True, timeout=120)
    choice = found.stdout.strip()
    if found.returncode != 0 or not choice:
        raise InstallerError(QT_TRANSLATE_NOOP(
            "RemoteNetInstaller", "pip is not available for {python} and cannot run from its wheel ({error}). "
            "On Debian/Ubuntu: sudo apt install python3-pip. Then try again.").format(
            python=python, error=(found.stderr.strip().splitlines() or ["?"])[-1]))
    if choice.startswith("wheel "):
        note = QT_TRANSLATE_NOOP("RemoteNetInstaller", "pip is not installed for this Python (on Debian/Ubuntu it "
                                 "is the package python3-pip): pip runs from its wheel {wheel}.").format(
                                     wheel=choice[len("wheel "):])
    else:
        note = QT_TRANSLATE_NOOP("RemoteNetInstaller", "pip is not installed for this Python (on Debian/Ubuntu it "
                                 "is the package python3-pip): the installer first downloads pip's wheel (about "
                                 "2 MB) from the package index into {folder} and runs pip from there.").format(
                                     folder=wheels)
    return runner, [note]


def _installed_version(python: str, module: str) -> str | None:
    """The version of ``module`` that ``python`` imports, without our folder on its path."""
    code = f"import {module}; print({module}.__version__)"
    try:
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def staging_dir(target: Path) -> Path:
    return target.with_name(target.name + ".partial")


def prepare(plan: InstallPlan) -> Path:
    """A fresh, empty staging folder beside the target."""
    staging = staging_dir(plan.target)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    if plan.keep:
        # At most QGIS's version (a local label such as +ds dropped): never newer, and still resolvable
        # where the index lacks that exact release.
        plan.constraints.write_text("".join(f"{k}<={v.split('+')[0]}\n" for k, v in plan.keep.items()),
                                    encoding="utf-8")
    return staging


def prune(staging: Path, names: list[str]) -> None:
    """Remove pip's copies of packages QGIS's own copy must serve, or that must not load."""
    for name in names:
        for path in [staging / name, staging / f"{name}.libs", *staging.glob(f"{name}-*.dist-info")]:
            shutil.rmtree(path, ignore_errors=True)


def finish(plan: InstallPlan, staging: Path) -> None:
    """Put a successful install in place of the old one (renames, so never half-replaced)."""
    old = plan.target.with_name(plan.target.name + f".old-{os.getpid()}-{int(time.time())}")
    if plan.target.exists():
        plan.target.rename(old)
    staging.rename(plan.target)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def installed_from_log(lines: list[str]) -> list[str]:
    """The ``name-version`` list of pip's "Successfully installed" line."""
    for line in reversed(lines):
        if line.startswith("Successfully installed "):
            return line.split()[2:]
    return []


def progress_of(line: str, step: float) -> tuple[float, str] | None:
    """A rough percentage for one line of pip's output (pip 23 prints no overall progress)."""
    text = line.strip()
    if text.startswith("Collecting "):
        return min(40.0, step + 2.0), text
    if text.startswith(("Downloading ", "Using cached ")):
        return min(80.0, max(step, 40.0) + 3.0), text
    if text.startswith("Installing collected packages"):
        return 85.0, QT_TRANSLATE_NOOP("RemoteNetInstaller",
                                       "Installing the downloaded packages (this can take minutes)")
    if text.startswith("Successfully installed"):
        return 100.0, text
    return None


def run(plan: InstallPlan, on_line: Callable[[str], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None) -> InstallResult:
    """Run pip for ``plan``; output goes to ``on_line`` and to install.log beside the target."""
    on_line = on_line or (lambda _line: None)
    on_progress = on_progress or (lambda _pct, _msg: None)
    is_cancelled = is_cancelled or (lambda: False)
    staging = prepare(plan)
    log_path = plan.target.parent / LOG_NAME
    command = plan.command(staging)
    lines: list[str] = []
    env = {**os.environ, "PYTHONNOUSERSITE": "1"}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1, env=env)
    out: queue.Queue = queue.Queue()

    def read() -> None:  # a thread, so that cancelling never waits for pip's next line
        for text in proc.stdout:
            out.put(text)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    step, cancelled = 0.0, False
    with open(log_path, "w", encoding="utf-8") as log:
        log.write("$ " + " ".join(command) + "\n")
        while True:
            try:
                line = out.get(timeout=0.2).rstrip("\n")
            except queue.Empty:
                if is_cancelled() and proc.poll() is None:
                    cancelled = True
                    proc.terminate()
                    try:
                        proc.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                if proc.poll() is not None and not reader.is_alive() and out.empty():
                    break
                continue
            lines.append(line)
            log.write(line + "\n")
            on_line(line)
            update = progress_of(line, step)
            if update:
                step = update[0]
                on_progress(*update)
    return conclude(plan, staging, proc.returncode, cancelled, lines, log_path)


def conclude(plan: InstallPlan, staging: Path, returncode: int, cancelled: bool, lines: list[str],
             log_path: Path | None) -> InstallResult:
    """Keep or discard the staging folder and say what happened, in one result."""
    if cancelled:
        discard(staging)
        return InstallResult(False, True, plan.target, [],
                             QT_TRANSLATE_NOOP("RemoteNetInstaller", "Cancelled: nothing was installed."), log_path)
    if returncode != 0:
        discard(staging)
        errors = [line for line in lines if "error" in line.lower()] or lines[-5:]
        return InstallResult(False, False, plan.target, [], QT_TRANSLATE_NOOP(
            "RemoteNetInstaller", "pip failed (exit code {code}): {errors} Full log: {log}").format(
            code=returncode, errors=" ".join(errors[-3:]).strip(), log=log_path), log_path)
    prune(staging, [*plan.keep, *plan.drop])
    try:
        finish(plan, staging)
    except OSError as err:  # Windows: the previous install's DLLs are loaded in this QGIS
        discard(staging)
        return InstallResult(False, False, plan.target, [], QT_TRANSLATE_NOOP(
            "RemoteNetInstaller", "pip succeeded but the previous install could not be replaced ({error}); restart "
            "QGIS and install again before running an algorithm.").format(error=err), log_path)
    installed = installed_from_log(lines)
    return InstallResult(True, False, plan.target, installed, QT_TRANSLATE_NOOP(
        "RemoteNetInstaller", "Installed {count} packages into {target}. Restart QGIS to use them.").format(
        count=len(installed), target=plan.target), log_path)

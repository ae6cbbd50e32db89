"""The desktop dialog that installs torch, timm and safetensors (remotenet_plugin/installer.py).

pip runs in a QProcess, so the QGIS window stays responsive, its output streams into the
dialog, and Cancel kills it; the staging folder then disappears and nothing changes. Working
out what to install (pip's version, QGIS's numpy, whether PyTorch's index answers: seconds)
happens on a thread of its own for the same reason.

The dialog disconnects what it connected when it closes (``done``), and the process's signals when
pip ends; ``installer_gui.open_installer`` deletes it after use, so nothing of it outlives an
unloaded plugin.
"""
from __future__ import annotations

import threading
from contextlib import suppress
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QObject, QProcess, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from . import installer
from .translation import error_text, translated


class _PlanReady(QObject):
    """Carries the plan from the planning thread to the dialog (a queued signal: GUI thread)."""

    ready = pyqtSignal(object, object)  # the plan or None, the error message or None


class InstallerDialog(QDialog):
    def __init__(self, profile_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("RemoteNet: install PyTorch, timm and safetensors"))
        self.setObjectName("remotenetInstallerDialog")
        self.resize(720, 480)
        self.profile_dir = profile_dir
        self.plan: installer.InstallPlan | None = None
        self.process: QProcess | None = None
        self.staging: Path | None = None
        self.lines: list[str] = []
        self.step = 0.0
        self.cancelled = False
        self.result: installer.InstallResult | None = None

        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        layout.addWidget(self.progress)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        layout.addWidget(self.log)
        self.buttons = QDialogButtonBox()
        self.install_button = QPushButton(self.tr("Install"))
        self.buttons.addButton(self.install_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setVisible(False)
        layout.addWidget(self.buttons)
        self.install_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        self._make_plan()

    def _make_plan(self) -> None:
        self.install_button.setEnabled(False)
        self.summary.setText(self.tr("Working out what to install (pip, QGIS's numpy, the package indexes)…"))
        self._plan_ready = _PlanReady(self)
        self._plan_ready.ready.connect(self._show_plan)
        threading.Thread(target=self._plan_in_background, name="remotenet-install-plan", daemon=True).start()

    def _plan_in_background(self) -> None:
        try:
            plan, error = installer.make_plan(self.profile_dir), None
        except installer.InstallerError as err:
            plan, error = None, error_text(err)
        except Exception as err:  # noqa: BLE001 - the dialog must say it, not lose it in a thread
            plan, error = None, f"{type(err).__name__}: {err}"
        with suppress(RuntimeError):  # the dialog was closed and deleted before the plan came: nobody to tell
            self._plan_ready.ready.emit(plan, error)

    def _show_plan(self, plan: installer.InstallPlan | None, error: str | None) -> None:
        if plan is None:
            self.summary.setText(self.tr("Cannot install from here: {error}").format(error=error))
            return
        self.plan = plan
        self.install_button.setEnabled(True)
        missing = installer.missing_packages()
        self.summary.setText(
            (self.tr("Missing: {packages}.").format(packages=", ".join(missing)) + "\n" if missing else "")
            + self.tr("RemoteNet will install these packages into a folder of its own in your QGIS profile "
                      "(not into QGIS's Python):") + "\n\n"
            + "\n".join(translated(line) for line in self.plan.description()))

    def start(self) -> None:
        if self.plan is None or self.process is not None:
            return
        self.staging = installer.prepare(self.plan)
        command = self.plan.command(self.staging)
        self.log.appendPlainText("$ " + " ".join(command))
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._finished)
        self.install_button.setEnabled(False)
        self.status.setText(self.tr("Starting pip…"))
        self.process.start(command[0], command[1:])

    def _read(self) -> None:
        text = bytes(self.process.readAllStandardOutput()).decode("utf-8", errors="replace")
        for line in text.splitlines():
            self.lines.append(line)
            self.log.appendPlainText(line)
            update = installer.progress_of(line, self.step)
            if update:
                self.step = update[0]
                self.progress.setValue(int(update[0]))
                self.status.setText(translated(update[1])[:160])

    def cancel(self) -> None:
        if self.process is not None:  # running or finishing: stop pip, keep the dialog for the report
            if not self.cancelled:
                self.cancelled = True
                self.status.setText(self.tr("Cancelling…"))
                self.process.kill()
            return
        self.reject()

    def _finished(self, exit_code: int, _status=None) -> None:
        self._read()
        log_path = self.plan.target.parent / installer.LOG_NAME
        log_path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        self.result = installer.conclude(self.plan, self.staging, exit_code, self.cancelled, self.lines, log_path)
        if self.result.ok:
            self.progress.setValue(100)
            installer.activate(self.profile_dir)
        message = translated(self.result.message)
        self.status.setText(message)
        self.log.appendPlainText(message)
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self._release_process()

    def _release_process(self) -> None:
        if self.process is None:
            return
        self.process.readyReadStandardOutput.disconnect(self._read)
        self.process.finished.disconnect(self._finished)
        self.process.deleteLater()
        self.process = None

    def tr(self, text: str) -> str:  # QDialog.tr would use the Qt class name, not this one, as context
        return QCoreApplication.translate("InstallerDialog", text)

    def reject(self) -> None:  # Esc or the window's close button while pip runs: cancel it first
        if self.process is not None:
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:  # accept and reject end here: the dialog's connections end with it
        with suppress(TypeError):  # TypeError: disconnected already (done twice)
            self.install_button.clicked.disconnect(self.start)
            self.cancel_button.clicked.disconnect(self.cancel)
            self.close_button.clicked.disconnect(self.accept)
            self._plan_ready.ready.disconnect(self._show_plan)
        super().done(result)

"""File ▸ Back up… and File ▸ Restore…: the `backup` and `restore` services in the window.

Both run in the background; a restore asks first, then the window reads
everything again. When roles arrive these actions are the administrator's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from backoffice.services import backup
from ui.background import BackgroundOp

if TYPE_CHECKING:
    from sqlalchemy import Engine


class BackupActions(QObject):
    def __init__(
        self, window: QMainWindow, engine: Engine, on_restored: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._engine = engine
        self._on_restored = on_restored
        self._running: list[BackgroundOp] = []
        self.backup_action = QAction(self.tr("&Back up the database…"), window)
        self.backup_action.setStatusTip(self.tr("Save a copy of the whole database to a folder"))
        self.backup_action.triggered.connect(self.choose_backup_folder)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), window)
        self.restore_action.setStatusTip(
            self.tr("Replace the database with a backup, once the backup passes the check")
        )
        self.restore_action.triggered.connect(self.choose_backup_file)

    def choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Back up into folder"))
        if folder:
            self.back_up_to(Path(folder))

    def back_up_to(self, folder: Path) -> BackgroundOp:
        def job(_progress: object) -> backup.BackupResult:
            return backup.backup_database(self._engine, folder)

        op = self._start(job, self.tr("Backing up…"))
        op.done.connect(
            lambda result: self._window.statusBar().showMessage(
                self.tr("Backup written to {path}").format(path=result.path), 10_000
            )
        )
        return op

    def choose_backup_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, self.tr("Restore from backup"))
        if not path:
            return
        answer = QMessageBox.question(
            self._window,
            self.tr("Restore"),
            self.tr(
                "Replace the whole database with the backup {path}?\n\n"
                "Everything entered after the backup was made is lost. Close the "
                "program on every other workstation first."
            ).format(path=path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> BackgroundOp:
        def job(_progress: object) -> backup.RestoreResult:
            return backup.restore_database(self._engine, path)

        op = self._start(job, self.tr("Restoring…"))

        def restored(result: backup.RestoreResult) -> None:
            self._on_restored()
            self._window.statusBar().showMessage(
                self.tr("Restored {path}: {accounts} accounts, {entries} entries, check ok").format(
                    path=result.source, accounts=result.accounts, entries=result.entries
                ),
                10_000,
            )

        op.done.connect(restored)
        return op

    def _start(self, job: Callable[[object], object], label: str) -> BackgroundOp:
        op = BackgroundOp(self._window, job, label=label)
        self._running.append(op)
        op.finished.connect(lambda: self._running.remove(op))
        op.start()
        return op

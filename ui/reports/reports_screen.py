"""The reports: every Excel report of SPEC §13 in a list; Enter, a double click
or Export… opens the export dialog with that report chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.exports import WriteResult
from backoffice.services.report_names import REPORT_KINDS
from ui.report_dialog import ReportDialog, description
from ui.session import session

if TYPE_CHECKING:
    from sqlalchemy import Engine


class ReportsScreen(QWidget):
    message = Signal(str)

    def __init__(self, engine: Engine, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self.list = QListWidget()
        self.list.setSpacing(3)
        for name in REPORT_KINDS:
            item = QListWidgetItem(description(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.open_export())
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.open_export)
        note = QLabel(
            self.tr(
                "Choose a report and press Enter: the period, the account and the file "
                "are asked next. Workbooks open in Excel and LibreOffice."
            )
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

    def title(self) -> str:
        return self.tr("Reports")

    def current_report(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def make_dialog(self) -> ReportDialog | None:
        name = self.current_report()
        if name is None:
            return None
        dialog = ReportDialog(self._engine, self._settings, session().business_date, self)
        dialog.report_combo.setCurrentIndex(dialog.report_combo.findData(name))
        dialog.exported.connect(self._saved)
        return dialog

    def open_export(self) -> None:
        dialog = self.make_dialog()
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()

    def _saved(self, result: WriteResult) -> None:
        self.message.emit(
            self.tr("Report saved: {rows} rows in {path}").format(
                rows=result.rows, path=result.path
            )
        )

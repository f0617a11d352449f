"""File ▸ Export report… : any report of `reports.REPORTS` to an Excel workbook.

The dialog asks for what the chosen report takes (a period, an account) and
the file, then runs `export_report` in the background: the report is built
and written inside one read-only unit of work (the ledger report streams its
rows from the database while the writer writes them), with the writer's own
progress and cancel callbacks wired to the progress dialog.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sized
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.exports import ExportCancelled, WriteResult, write_report
from backoffice.services.report_names import REPORT_KINDS, REPORTS
from backoffice.services.reports import build_report
from ui.account_picker import AccountPicker
from ui.background import BackgroundOp, Cancelled, JobProgress
from ui.reason_dialog import date_edit, date_of

if TYPE_CHECKING:
    from sqlalchemy import Engine


@dataclass(frozen=True)
class ReportRequest:
    name: str
    date_from: dt.date
    date_to: dt.date
    today: dt.date
    account: str | None = None


def takes_period(name: str) -> bool:
    return REPORT_KINDS[name].period


def takes_account(name: str) -> bool:
    return REPORT_KINDS[name].account


# The reports' names as the window shows them (translated); a report added to
# the service without one here shows the service's own description.
_TITLES: Final = {
    "turnover": QT_TRANSLATE_NOOP("ReportDialog", "Turnover balance sheet"),
    "ledger": QT_TRANSLATE_NOOP("ReportDialog", "Ledger entries"),
    "acts": QT_TRANSLATE_NOOP("ReportDialog", "Acts register"),
    "invoices": QT_TRANSLATE_NOOP("ReportDialog", "Invoices register with status"),
    "debtors": QT_TRANSLATE_NOOP("ReportDialog", "Debtors and blocked accounts"),
    "revenue": QT_TRANSLATE_NOOP("ReportDialog", "Revenue by month, plan and service"),
    "unmatched": QT_TRANSLATE_NOOP("ReportDialog", "Unmatched payments"),
    "rates": QT_TRANSLATE_NOOP("ReportDialog", "NBU rates used"),
    "closings": QT_TRANSLATE_NOOP("ReportDialog", "Closing journal"),
    "reconciliation": QT_TRANSLATE_NOOP("ReportDialog", "Reconciliation statement"),
}


def description(name: str) -> str:
    title = _TITLES.get(name)
    if title is not None:
        return QCoreApplication.translate("ReportDialog", str(title))
    text = REPORT_KINDS[name].description
    return text[:1].upper() + text[1:]


def export_report(
    engine: Engine, request: ReportRequest, path: Path, progress: JobProgress
) -> WriteResult:
    """The background job: build the report and write it, all or nothing."""
    with UnitOfWork(engine, read_only=True) as uow:
        report = build_report(
            uow,
            request.name,
            date_from=request.date_from,
            date_to=request.date_to,
            today=request.today,
            account=request.account or None,
        )
        total = len(report.rows) if isinstance(report.rows, Sized) else None

        def tick(rows: int) -> None:
            progress.set_status(f"{path.name}: {rows:,}".replace(",", "\u00a0"))
            if total:
                progress.set_progress_value(100 * rows // total)

        try:
            return write_report(
                report, path, progress=tick, cancelled=progress.is_interruption_requested
            )
        except ExportCancelled as exc:
            raise Cancelled from exc


class ReportDialog(QDialog):
    """Emits `exported(WriteResult)` when the workbook is written, then closes."""

    exported = Signal(object)

    def __init__(
        self,
        engine: Engine,
        settings: QSettings,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        account: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self._today = today
        self.op: BackgroundOp | None = None
        self.setWindowTitle(self.tr("Export report"))
        self.setMinimumWidth(640)

        self.report_combo = QComboBox()
        for name in REPORTS:
            self.report_combo.addItem(description(name), name)
        self.report_combo.setToolTip(self.tr("The report to write as an Excel workbook"))
        first = today.replace(day=1)
        last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
        self.from_edit = date_edit(first)
        self.from_edit.setToolTip(self.tr("First day of the period"))
        self.to_edit = date_edit(last)
        self.to_edit.setToolTip(self.tr("Last day of the period"))
        self.account_edit = QLineEdit(account or "")
        self.account_edit.setPlaceholderText(self.tr("personal account number"))
        self.account_edit.setToolTip(self.tr("Required for a reconciliation statement"))
        self.account_button = QPushButton(self.tr("C&hoose…"))
        self.account_button.setToolTip(self.tr("Find the account by client name or code"))
        self.path_edit = QLineEdit()
        self.path_edit.setToolTip(self.tr("The workbook to write (.xlsx)"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setToolTip(self.tr("Choose where to save the workbook"))

        period = QHBoxLayout()
        period.addWidget(self.from_edit)
        period.addWidget(QLabel("–"))
        period.addWidget(self.to_edit)
        period.addStretch(1)
        self.period_row = QWidget()
        self.period_row.setLayout(period)
        period.setContentsMargins(0, 0, 0, 0)
        account_row = QHBoxLayout()
        account_row.setContentsMargins(0, 0, 0, 0)
        account_row.addWidget(self.account_edit, 1)
        account_row.addWidget(self.account_button)
        self.account_row = QWidget()
        self.account_row.setLayout(account_row)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Report:"), self.report_combo)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.from_edit)
        self.form.addRow(period_label, self.period_row)
        account_label = QLabel(self.tr("&Account:"))
        account_label.setBuddy(self.account_edit)
        self.form.addRow(account_label, self.account_row)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        self.form.addRow(file_label, path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

        self.report_combo.currentIndexChanged.connect(self._on_report)
        self.path_edit.textChanged.connect(self._check)
        self.account_edit.textChanged.connect(self._check)
        self.browse_button.clicked.connect(self.browse)
        self.account_button.clicked.connect(self.choose_account)
        self._on_report()

    def name(self) -> str:
        return str(self.report_combo.currentData())

    def request(self) -> ReportRequest:
        return ReportRequest(
            self.name(),
            date_of(self.from_edit),
            date_of(self.to_edit),
            self._today,
            self.account_edit.text().strip() if takes_account(self.name()) else None,
        )

    def _on_report(self) -> None:
        name = self.name()
        self.form.setRowVisible(self.period_row, takes_period(name))
        self.form.setRowVisible(self.account_row, takes_account(name))
        self._suggest_path()
        self._check()

    def _suggest_path(self) -> None:
        """A name from the report and period, in the folder of the last export."""
        current = self.path_edit.text().strip()
        folder = (
            Path(current).parent
            if current
            else Path(str(self._settings.value("export/folder", str(Path.home()))))
        )
        stem = self.name()
        if takes_period(self.name()):
            stem += f"-{date_of(self.from_edit):%Y%m%d}-{date_of(self.to_edit):%Y%m%d}"
        self.path_edit.setText(str(folder / f"{stem}.xlsx"))

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), self.path_edit.text(), self.tr("Excel workbook (*.xlsx)")
        )
        if name:
            self.path_edit.setText(name if name.lower().endswith(".xlsx") else f"{name}.xlsx")

    def choose_account(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Choose account"))
        dialog.resize(680, 420)
        picker = AccountPicker(self._engine, (), dialog)
        picker.filter_edit.setText(self.account_edit.text())

        def chosen(number: str) -> None:
            self.account_edit.setText(number)
            dialog.accept()

        picker.chosen.connect(chosen)
        QVBoxLayout(dialog).addWidget(picker)
        dialog.exec()
        dialog.deleteLater()

    def _check(self) -> None:
        ready = bool(self.path_edit.text().strip())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(ready and (self.op is None or not self.op.running))

    def accept(self) -> None:
        """Start the export; the dialog closes when the workbook is written."""
        if self.op is not None and self.op.running:
            return
        path = Path(self.path_edit.text().strip())
        self._settings.setValue("export/folder", str(path.parent))
        self.start(self.request(), path)

    def start(self, request: ReportRequest, path: Path) -> BackgroundOp:
        op = BackgroundOp(
            self,
            lambda progress: export_report(self._engine, request, path, progress),
            label=self.tr("Writing {report} to {name}…").format(
                report=description(request.name), name=path.name
            ),
        )
        op.done.connect(self._on_done)
        op.finished.connect(self._check)
        self.op = op
        self._check()
        return op.start()

    def _on_done(self, result: WriteResult) -> None:
        self.exported.emit(result)
        super().accept()

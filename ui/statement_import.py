"""Import statement… : choose a file and a reading profile, import in the background.

`run_import` is the background job: one unit of work around
`statements.import_statement_file`, committed only if the user did not
cancel meanwhile (the import is atomic, so a cancel leaves nothing behind).
`summary_html` is what the statements screen shows afterwards.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
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
from backoffice.services.statements import ImportResult, import_statement_file, profile_names
from ui import errors
from ui.background import Cancelled, JobProgress, service_progress
from ui.format import format_amount
from ui.reason_dialog import date_edit, date_of

if TYPE_CHECKING:
    from sqlalchemy import Engine

AUTO = "auto"


def run_import(
    engine: Engine, path: Path, fmt: str, day: dt.date, progress: JobProgress
) -> ImportResult:
    """The background job: read, match and post `path` as one batch."""
    progress.set_status(f"{path.name}…")
    with UnitOfWork(engine) as uow:
        result = import_statement_file(uow, path, fmt, day, service_progress(progress))
        if progress.is_interruption_requested():
            raise Cancelled  # the unit of work rolls back: nothing was imported
        uow.commit()
    progress.set_progress_value(100)
    return result


def summary_html(result: ImportResult, parent: QWidget) -> str:
    """The result of an import, as the statements screen shows it."""
    tr = parent.tr
    head = (
        tr("<b>{file}</b> ({format}): batch {batch}")
        if result.batch is not None
        else tr("<b>{file}</b> ({format}): nothing new, no batch made")
    ).format(file=html.escape(result.file_name), format=result.format, batch=result.batch)
    counts = tr(
        "new <b>{new}</b> · duplicate {duplicate} · skipped {skipped} · "
        "matched <b>{matched}</b> · unmatched <b>{unmatched}</b> · "
        "posted <b>{total}</b> UAH"
    ).format(
        new=result.new,
        duplicate=result.duplicate,
        skipped=result.skipped,
        matched=result.matched,
        unmatched=result.unmatched,
        total=format_amount(result.posted_total),
    )
    text = f"{head}<br>{counts}"
    if result.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in result.warnings)
        text += "<br>" + tr("Warnings:") + f"<ul style='margin:0'>{items}</ul>"
    return text


class ImportDialog(QDialog):
    """The file, the reading profile and the business date; OK only asks, the
    screen runs the import."""

    def __init__(
        self, engine: Engine, settings: QSettings, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Import statement"))
        self.setMinimumWidth(560)

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("a bank statement file"))
        self.path_edit.setToolTip(
            self.tr("1C ClientBankExchange .txt, CSV, XLS/XLSX, MT940 .sta, camt.053 .xml")
        )
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setToolTip(self.tr("Choose the statement file"))
        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("Detect automatically"), AUTO)
        self.format_combo.setToolTip(
            self.tr("How to read the file: detected, or a saved column-mapping profile")
        )
        try:
            with UnitOfWork(engine, read_only=True) as uow:
                names = profile_names(uow)
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Cannot read the profiles"))
            names = []
        for name, origin in names:
            self.format_combo.addItem(
                self.tr("{name} ({origin})").format(name=name, origin=origin), name
            )
        self.date_edit = date_edit(today)
        self.date_edit.setToolTip(
            self.tr("The day the money unblocks services; top-ups keep the statement's dates")
        )

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, row)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Read as:"), self.format_combo)
        form.addRow(self.tr("Business &date:"), self.date_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self.browse)
        self.path_edit.textChanged.connect(self._check)
        self._check()

    def browse(self) -> bool:
        folder = str(self._settings.value("statements/folder", str(Path.home())))
        kinds = self.tr(
            "Bank statements (*.txt *.csv *.xls *.xlsx *.sta *.mt940 *.940 *.xml);;All files (*)"
        )
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Bank statement"), self.path_edit.text() or folder, kinds
        )
        if not name:
            return False
        self.path_edit.setText(name)
        self._settings.setValue("statements/folder", str(Path(name).parent))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()
        return True

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def format(self) -> str:
        return str(self.format_combo.currentData())

    def business_date(self) -> dt.date:
        return date_of(self.date_edit)

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path_edit.text().strip()))

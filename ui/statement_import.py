"""Import statement… : choose a file, see how it is read, import in the background.

The dialog is the import wizard: the file's detected profile (a bank's name,
or "read by content") with its first rows and the field each column is read
as; when no profile fits, the columns are mapped by hand (prefilled from the
reading by content), the lines previewed with each one's fate, and the
mapping saved as a named profile for that bank.

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

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.importers.statements import StatementLine
from backoffice.importers.statements.preview import Preview, mapped_profile
from backoffice.importers.statements.profiles import FIELDS, MappingProfile
from backoffice.services.statements import (
    ImportResult,
    import_statement_file,
    preview_statement_file,
    profile_names,
    save_profile,
)
from ui import errors
from ui.background import Cancelled, JobProgress, service_progress
from ui.format import format_amount, format_date
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
    if result.skipped_by_reason:
        reasons = ", ".join(
            f"{html.escape(reason)} {count}" for reason, count in result.skipped_by_reason.items()
        )
        text += "<br>" + tr("skipped: {reasons}").format(reasons=reasons)
    if result.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in result.warnings)
        text += "<br>" + tr("Warnings:") + f"<ul style='margin:0'>{items}</ul>"
    return text


class ImportDialog(QDialog):
    """The import wizard: the file, how it is read (with a preview), the business
    date; OK only asks, the screen runs the import."""

    def __init__(
        self, engine: Engine, settings: QSettings, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self.preview: Preview | None = None
        self.mapping: MappingProfile | None = None  # the hand mapping last previewed
        self.setWindowTitle(self.tr("Import statement"))
        self.setMinimumWidth(760)

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("a bank statement file"))
        self.path_edit.setToolTip(
            self.tr("1C ClientBankExchange .txt, CSV, XLS/XLSX, MT940 .sta, camt.053 .xml")
        )
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setToolTip(self.tr("Choose the statement file"))
        self.format_combo = QComboBox()
        self.format_combo.setToolTip(
            self.tr("How to read the file: detected, or a bank's or a saved column-mapping profile")
        )
        self._fill_formats()
        self.date_edit = date_edit(today)
        self.date_edit.setToolTip(
            self.tr("The day the money unblocks services; top-ups keep the statement's dates")
        )
        self.detected = QLabel()
        self.detected.setWordWrap(True)
        self.detected.setTextFormat(Qt.TextFormat.PlainText)
        self.rows_table = self._table()
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, 30)
        self.header_spin.setToolTip(self.tr("The row of the file that holds the column names"))
        self.preview_button = QPushButton(self.tr("&Preview lines"))
        self.preview_button.setToolTip(self.tr("Read the file with the columns as mapped above"))
        self.profile_name = QLineEdit()
        self.profile_name.setPlaceholderText(self.tr("the bank's name, e.g. Мій банк"))
        self.save_button = QPushButton(self.tr("&Save as profile"))
        self.save_button.setToolTip(
            self.tr("Keep this column mapping under the bank's name for its next statements")
        )
        self.lines_table = self._table()
        self.lines_summary = QLabel()
        self.lines_summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

        self.browse_button.clicked.connect(self.browse)
        self.path_edit.editingFinished.connect(self.refresh)
        self.path_edit.textChanged.connect(self._check)
        self.format_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.preview_button.clicked.connect(self.preview_mapping)
        self.save_button.clicked.connect(self.save_mapping)
        self.profile_name.textChanged.connect(self._check)
        self._check()

    def _table(self) -> QTableWidget:
        table = QTableWidget()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setMinimumHeight(140)
        return table

    def _lay_out(self) -> None:
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
        form.addRow(self.tr("Found:"), self.detected)

        columns = QGroupBox(self.tr("First rows, and what each column is read as"))
        box = QVBoxLayout(columns)
        box.addWidget(self.rows_table)
        mapping = QHBoxLayout()
        mapping.addWidget(QLabel(self.tr("Header row:")))
        mapping.addWidget(self.header_spin)
        mapping.addWidget(self.preview_button)
        mapping.addStretch(1)
        mapping.addWidget(self.profile_name, 1)
        mapping.addWidget(self.save_button)
        box.addLayout(mapping)
        lines = QGroupBox(self.tr("The lines the file makes, and what becomes of each"))
        box = QVBoxLayout(lines)
        box.addWidget(self.lines_table)
        box.addWidget(self.lines_summary)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(columns, 1)
        layout.addWidget(lines, 1)
        layout.addWidget(self.buttons)

    def _fill_formats(self, select: str = AUTO) -> None:
        self.format_combo.blockSignals(True)
        self.format_combo.clear()
        self.format_combo.addItem(self.tr("Detect automatically"), AUTO)
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                names = profile_names(uow)
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Cannot read the profiles"))
            names = []
        for name, origin in names:
            self.format_combo.addItem(
                self.tr("{name} ({origin})").format(name=name, origin=origin), name
            )
        index = self.format_combo.findData(select)
        self.format_combo.setCurrentIndex(max(index, 0))
        self.format_combo.blockSignals(False)

    # -- the file and its preview -----------------------------------------------------

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
        self.set_path(Path(name))
        self._settings.setValue("statements/folder", str(Path(name).parent))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()
        return True

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.refresh()

    def refresh(self) -> None:
        """Read the file as chosen in "Read as" and show how."""
        self.mapping = None
        if not self.path_edit.text().strip():
            return
        self._show(self._preview(None))

    def _preview(self, mapping: MappingProfile | None) -> Preview | None:
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                return preview_statement_file(uow, self.path(), self.format(), mapping)
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Cannot read the file"))
            return None

    def _show(self, preview: Preview | None) -> None:
        self.preview = preview
        if preview is None:
            return
        if preview.error:
            self.detected.setText(
                self.tr("Cannot be imported as it stands: {error}").format(error=preview.error)
            )
        elif preview.note:
            self.detected.setText(
                self.tr("{format}: {note}").format(format=preview.format, note=preview.note)
            )
        else:
            self.detected.setText(preview.format)
        self._show_rows(preview)
        self._show_lines(preview)
        self._check()

    def _show_rows(self, preview: Preview) -> None:
        rows = preview.rows
        width = max((len(cells) for _, cells in rows), default=0)
        self.rows_table.clear()
        self.rows_table.setColumnCount(width)
        self.rows_table.setRowCount(len(rows) + 1)
        self.rows_table.setVerticalHeaderLabels(
            [self.tr("read as"), *(str(number) for number, _ in rows)]
        )
        for col in range(width):
            self.rows_table.setCellWidget(0, col, self._field_combo(preview.fields.get(col, "")))
        for r, (_, cells) in enumerate(rows, start=1):
            for col, cell in enumerate(cells):
                self.rows_table.setItem(r, col, QTableWidgetItem(cell))
        if preview.header_row is not None:
            self.header_spin.setValue(preview.header_row)
        self.rows_table.resizeColumnsToContents()

    def _field_combo(self, field: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem("—", "")
        for name in FIELDS:
            combo.addItem(self._field_title(name), name)
        combo.setCurrentIndex(max(combo.findData(field), 0))
        combo.currentIndexChanged.connect(lambda _i: self._check())
        return combo

    def _field_title(self, field: str) -> str:
        return {
            "date": self.tr("date"),
            "amount": self.tr("amount (signed or with a direction)"),
            "debit": self.tr("debit"),
            "credit": self.tr("credit"),
            "direction": self.tr("direction (debit/credit, D/C)"),
            "our_account": self.tr("our account"),
            "our_code": self.tr("our ЄДРПОУ"),
            "currency": self.tr("currency"),
            "payer_name": self.tr("payer"),
            "payer_code": self.tr("payer's ЄДРПОУ/РНОКПП"),
            "payer_iban": self.tr("payer's IBAN"),
            "purpose": self.tr("purpose"),
            "bank_reference": self.tr("bank reference"),
            "document_number": self.tr("document number"),
            "debit_equivalent": self.tr("debit, UAH equivalent"),
            "credit_equivalent": self.tr("credit, UAH equivalent"),
            "purpose_extra": self.tr("purpose, continued"),
        }.get(field, field)

    def _show_lines(self, preview: Preview) -> None:
        titles = [
            self.tr("Row"),
            self.tr("Date"),
            self.tr("Amount"),
            self.tr("Direction"),
            self.tr("Payer"),
            self.tr("Code"),
            self.tr("Purpose"),
            self.tr("What becomes of it"),
        ]
        self.lines_table.clear()
        self.lines_table.setColumnCount(len(titles))
        self.lines_table.setHorizontalHeaderLabels(titles)
        self.lines_table.setRowCount(len(preview.lines))
        for r, line in enumerate(preview.lines):
            values = [
                str(line.line_no),
                format_date(line.date),
                f"{format_amount(line.amount)} {line.currency}",
                self.tr("credit") if line.direction.value == "credit" else self.tr("debit"),
                line.payer_name,
                line.payer_code,
                line.purpose,
                self._fate_text(line),
            ]
            for col, value in enumerate(values):
                self.lines_table.setItem(r, col, QTableWidgetItem(value))
        self.lines_table.resizeColumnsToContents()
        skipped = sum(1 for line in preview.lines if line.skip_reason)
        self.lines_summary.setText(
            self.tr("{n} lines: {skipped} skipped, {rest} to match").format(
                n=len(preview.lines), skipped=skipped, rest=len(preview.lines) - skipped
            )
            if preview.lines
            else ""
        )

    def _fate_text(self, line: StatementLine) -> str:
        if line.skip_reason:
            return self.tr("skipped: {reason}").format(reason=line.skip_reason)
        if line.hint:
            return self.tr("to match; looks like: {hint}").format(hint=line.hint)
        return self.tr("to match")

    # -- mapping by hand --------------------------------------------------------------

    def chosen_fields(self) -> dict[int, str]:
        """Column -> field as the combos above the rows say."""
        chosen = {}
        for col in range(self.rows_table.columnCount()):
            combo = self.rows_table.cellWidget(0, col)
            if isinstance(combo, QComboBox) and combo.currentData():
                chosen[col] = str(combo.currentData())
        return chosen

    def set_field(self, column: int, field: str) -> None:
        combo = self.rows_table.cellWidget(0, column)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(combo.findData(field), 0))

    def _mapped(self, name: str) -> MappingProfile | None:
        if self.preview is None:
            return None
        header_row = self.header_spin.value()
        rows = dict(self.preview.rows)
        header = list(rows.get(header_row, ()))
        data = [list(cells) for number, cells in self.preview.rows if number > header_row]
        try:
            return mapped_profile(name, header, header_row, self.chosen_fields(), data)
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Cannot use this mapping"))
            return None

    def preview_mapping(self) -> None:
        """Read the file again with the columns as mapped by hand."""
        name = self.profile_name.text().strip() or self.tr("unsaved mapping")
        mapping = self._mapped(name)
        if mapping is None:
            return
        fields = self.chosen_fields()
        preview = self._preview(mapping)
        if preview is not None:
            self._show(preview)
            for col, field in fields.items():  # keep the hand mapping on screen
                self.set_field(col, field)
        self.mapping = mapping
        self._check()

    def save_mapping(self) -> None:
        """Save the mapping under the bank's name and read the file with it."""
        name = self.profile_name.text().strip()
        mapping = self._mapped(name)
        if mapping is None:
            return
        try:
            with UnitOfWork(self._engine) as uow:
                saved = save_profile(uow, mapping.to_json())
                uow.commit()
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Cannot save the profile"))
            return
        self._fill_formats(select=saved.name)
        self.refresh()

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def format(self) -> str:
        return str(self.format_combo.currentData())

    def business_date(self) -> dt.date:
        return date_of(self.date_edit)

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        readable = self.preview is None or not self.preview.error
        # a hand mapping is imported once saved: the import reads profiles by name
        ok.setEnabled(bool(self.path_edit.text().strip()) and readable and self.mapping is None)
        table = self.preview is not None and bool(self.preview.rows)
        self.preview_button.setEnabled(table)
        self.save_button.setEnabled(table and bool(self.profile_name.text().strip()))

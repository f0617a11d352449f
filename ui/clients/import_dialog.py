"""Import clients…: a workbook (XLSX or CSV) checked row by row before anything
is written.

Choose a file → every row with its fate (will be added, or the reason it
cannot be) → Import, enabled only when no row is wrong. The check is
`clients.preview_client_import`, the same one `client import` runs, and the
import itself refuses the whole file if a row went wrong meanwhile. Both run
off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.errors import InputError
from backoffice.exports import ColumnKind
from backoffice.services.clients import (
    ImportPreview,
    ImportRow,
    import_clients,
    preview_client_import,
)
from ui import errors
from ui.background import ACCOUNTS, BackgroundOp, JobProgress
from ui.record_table import RecordColumn, RecordSortProxy, RecordTableModel, make_view
from ui.screen_parts import empty_hint

if TYPE_CHECKING:
    from sqlalchemy import Engine

K = ColumnKind
ERROR_STYLE = "color: #c62828;"


class ClientImportDialog(QDialog):
    imported = Signal(int)  # how many clients were added

    def __init__(
        self, engine: Engine, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._today = today or dt.date.today()
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.op: BackgroundOp | None = None
        self.setWindowTitle(self.tr("Import clients"))
        self.resize(900, 480)
        self.file_label = QLabel(self.tr("Choose an Excel (XLSX) or CSV file with a header row."))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("&Choose file…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_file)
        self.model: RecordTableModel[ImportRow] = RecordTableModel(self._columns(), self)
        self.view = make_view(RecordSortProxy(self.model, self))
        empty_hint(self.view, self.tr("The rows of the file and what happens to each appear here."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setAutoDefault(False)
        self.import_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def _columns(self) -> list[RecordColumn[ImportRow]]:
        return [
            RecordColumn(self.tr("Line"), lambda r: r.line, K.INTEGER, "Рядок", sample="00000"),
            RecordColumn(
                self.tr("Client"),
                lambda r: r.name,
                K.TEXT,
                "Клієнт",
                sample="ТОВ «Агро Трейд Плюс»",
            ),
            RecordColumn(
                self.tr("Code"), lambda r: r.code or "", K.TEXT, "Код", sample="0000000000"
            ),
            RecordColumn(
                self.tr("Result"),
                lambda r: (
                    self.tr("error: {reason}").format(reason=self.problem_text(r.problem))
                    if r.problem
                    else (
                        self.tr("will be added; {warning}").format(warning=r.warnings[0])
                        if r.warnings
                        else self.tr("will be added")
                    )
                ),
                K.TEXT,
                "Результат",
                tooltip=lambda r: r.problem,
                warn=lambda r: r.problem is not None,
            ),
        ]

    def problem_text(self, problem: str) -> str:
        """A row's refusal (the service's words, as `client import` prints them)
        in the accountant's words; one not known here is shown as it is."""
        for pattern, text in (
            (
                r"kind '(?P<kind>[^']*)' is not legal, sole or individual",
                self.tr("the kind “{kind}” is not ЮО, ФОП or ФО"),
            ),
            (
                r"(?P<what>ЄДРПОУ|РНОКПП) '(?P<code>[^']*)' is invalid: the check digit",
                self.tr("{what} {code}: the check digit does not match"),
            ),
            (
                r"(?P<what>ЄДРПОУ|РНОКПП) '(?P<code>[^']*)' is invalid: wrong number",
                self.tr("{what} {code}: wrong number of digits"),
            ),
            (
                r"(?P<what>ЄДРПОУ|РНОКПП) '(?P<code>[^']*)' is invalid",
                self.tr("{what} {code}: digits only"),
            ),
            (r"IBAN '(?P<iban>[^']*)' is invalid", self.tr("IBAN {iban} is not valid")),
            (
                r"e-mail '(?P<email>[^']*)' is invalid",
                self.tr("“{email}” is not an e-mail address"),
            ),
            (
                r"a client with code (?P<code>\S+) already exists \(account (?P<account>[^)]+)\)",
                self.tr("a client with code {code} already exists (account {account})"),
            ),
            (
                r"code (?P<code>\S+) repeats line (?P<line>\d+)",
                self.tr("the code {code} repeats line {line}"),
            ),
            (r"client name is empty", self.tr("no name")),
            (r"needs a ЄДРПОУ", self.tr("a legal entity needs its ЄДРПОУ")),
            (r"needs a РНОКПП", self.tr("a sole proprietor needs a РНОКПП")),
            (r"contract date .* is not a date", self.tr("the contract date is not a date")),
        ):
            found = re.search(pattern, problem)
            if found:
                return text.format(**found.groupdict())
        return errors.error_text(InputError(problem))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Client workbook"), "", self.tr("Tables (*.xlsx *.csv);;All files (*)")
        )
        if name:
            self.preview_file(name)

    def preview_file(self, name: str | Path) -> None:
        path = Path(name)
        self.path, self.preview = path, None
        self.file_label.setText(self.tr("File: {name}").format(name=path.name))
        self.import_button.setEnabled(False)
        engine = self._engine

        def job(_progress: JobProgress) -> ImportPreview:
            with UnitOfWork(engine, read_only=True) as uow:
                return preview_client_import(uow, path)

        self.op = BackgroundOp(self, job, label=self.tr("Checking the file…"))
        self.op.done.connect(self._show_preview)
        self.op.start()

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_records(preview.rows)
        bad = len(preview.problems)
        good = len(preview.rows) - bad
        if bad:
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(
                self.tr(
                    "{bad} of {total} rows have errors: nothing can be imported. "
                    "Correct the file and choose it again."
                ).format(bad=bad, total=len(preview.rows))
            )
        else:
            self.summary.setStyleSheet("")
            self.summary.setText(
                self.tr("All {total} rows are correct: Import adds {good} clients.").format(
                    total=len(preview.rows), good=good
                )
            )
        self.import_button.setEnabled(bad == 0 and good > 0)

    def run_import(self) -> None:
        if self.path is None or self.preview is None or self.preview.problems:
            return
        path, engine, today = self.path, self._engine, self._today
        self.import_button.setEnabled(False)

        def job(_progress: JobProgress) -> int:
            with UnitOfWork(engine) as uow:
                added = import_clients(uow, path, today)
                uow.commit()
            return len(added)

        self.op = BackgroundOp(self, job, label=self.tr("Importing clients…"), changes={ACCOUNTS})
        self.op.done.connect(self._imported)
        self.op.failed.connect(lambda _exc: self.preview_file(path))  # show what is wrong now
        self.op.start()

    def _imported(self, count: int) -> None:
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("{count} clients imported.").format(count=count))
        self.imported.emit(count)
        self.accept()

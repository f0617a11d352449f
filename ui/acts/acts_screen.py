"""The acts register: the acts of services rendered of a month (made by its
closing), with those a reopening cancelled on request; one PDF of the month."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.services import closing
from ui.background import BackgroundOp, JobProgress
from ui.format import format_amount, format_date
from ui.print_jobs import open_document, print_acts
from ui.screen_parts import empty_hint
from ui.session import session

if TYPE_CHECKING:
    from sqlalchemy import Engine

ActRow = tuple[str, dt.date, str, str, object, object, bool]


class ActsScreen(QWidget):
    message = Signal(str)

    def __init__(self, engine: Engine, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self.jobs: list[BackgroundOp] = []
        self.loaded = False
        day = session().business_date
        previous = day.replace(day=1) - dt.timedelta(days=1)  # acts are of a closed month
        self.month_edit = QDateEdit(QDate(previous.year, previous.month, 1))
        self.month_edit.setDisplayFormat("MM.yyyy")
        self.month_edit.setCalendarPopup(False)
        self.month_edit.dateChanged.connect(lambda _d: self.reload())
        self.cancelled_box = QCheckBox(self.tr("With &cancelled"))
        self.cancelled_box.toggled.connect(lambda _c: self.reload())
        self.print_button = QPushButton(self.tr("&Print acts of the month…"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.choose_print_file)
        self.total_label = QLabel()

        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Client"),
                self.tr("Account"),
                self.tr("Total, UAH"),
                self.tr("Total, EUR"),
                self.tr("Status"),
            ]
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.hint = empty_hint(
            self.view,
            self.tr("No acts for this month: acts are made when the month is closed (Closing)."),
        )
        row = QHBoxLayout()
        label = QLabel(self.tr("&Month:"))
        label.setBuddy(self.month_edit)
        row.addWidget(label)
        row.addWidget(self.month_edit)
        row.addWidget(self.cancelled_box)
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.total_label)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def title(self) -> str:
        return self.tr("Acts")

    def month(self) -> str:
        return self.month_edit.date().toString("yyyy-MM")

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.loaded:
            self.reload()

    def refresh(self) -> None:
        self.reload()

    def reload_changed(self, changed: frozenset[str]) -> None:
        if self.loaded and changed & {"acts", "months"}:
            self.reload()

    def reload(self) -> BackgroundOp:
        self.loaded = True
        month, everything = self.month(), self.cancelled_box.isChecked()

        def read(_progress: JobProgress) -> list[ActRow]:
            with UnitOfWork(self._engine, read_only=True) as uow:
                return [
                    (
                        act.number,
                        act.act_date,
                        client,
                        number,
                        act.total_uah,
                        act.total_eur,
                        act.cancelled_at is not None,
                    )
                    for act, number, client in closing.list_acts(
                        uow, month, include_cancelled=everything
                    )
                ]

        op = BackgroundOp(self, read, label=self.tr("Reading the acts…"))
        op.done.connect(self._show)
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        return op.start()

    def _show(self, rows: list[ActRow]) -> None:
        self.model.setRowCount(0)
        total = 0
        for number, day, client, account, uah, eur, cancelled in rows:
            cells = [
                QStandardItem(number),
                QStandardItem(format_date(day)),
                QStandardItem(client),
                QStandardItem(account),
                QStandardItem(format_amount(uah)),  # type: ignore[arg-type]
                QStandardItem(format_amount(eur)),  # type: ignore[arg-type]
                QStandardItem(self.tr("cancelled") if cancelled else self.tr("issued")),
            ]
            for cell in cells[4:6]:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow(cells)
            total += 0 if cancelled else 1
        self.view.resizeColumnsToContents()
        self.total_label.setText(self.tr("%n act(s)", "", total))
        self.print_button.setEnabled(total > 0)

    def choose_print_file(self) -> None:
        folder = str(self._settings.value("print/folder", str(Path.home())))
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save PDF"),
            str(Path(folder) / f"acts-{self.month()}.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if not name:
            return
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".pdf")
        self._settings.setValue("print/folder", str(path.parent))
        month = self.month()
        op = BackgroundOp(
            self,
            lambda progress: print_acts(self._engine, month, path, progress),
            label=self.tr("Printing the acts to {name}…").format(name=path.name),
        )
        op.done.connect(open_document)
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        op.start()

    def _forget(self, op: BackgroundOp) -> None:
        if op in self.jobs:
            self.jobs.remove(op)
        op.deleteLater()

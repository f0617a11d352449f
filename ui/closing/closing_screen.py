"""The closing screen: the daily job for a date, and the months of the books.

A month is closed in two steps: Preview (the closing's dry run: what would be
debited, which accounts end up blocked, which acts are made) and then Close,
which asks once more naming the month and the totals; Enter answers "do not
close". Reopen takes the last closed month back with a reason. Every run
goes off the GUI thread through `BackgroundOp`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.domain import Access
from backoffice.services import backup, closing, daily, months, overview
from ui import errors
from ui.account_table import access_text, block_reason_text
from ui.background import (
    ACCOUNTS,
    INVOICES,
    BackgroundOp,
    Cancelled,
    JobProgress,
    change_hub,
)
from ui.format import format_amount, format_date
from ui.reason_dialog import ReasonDialog, date_edit, date_of
from ui.session import session

if TYPE_CHECKING:
    from sqlalchemy import Engine

MONTHS: Final = "months"  # months closed or reopened, the closing journal
ACTS: Final = "acts"


def month_text(month: str) -> str:
    """2026-10 → 10.2026, as months are written here."""
    year, number = month.split("-")
    return f"{number}.{year}"


class ClosingScreen(QWidget):
    message = Signal(str)

    def __init__(self, engine: Engine, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self.jobs: list[BackgroundOp] = []
        self.loaded = False
        self.states: list[overview.MonthState] = []
        self.preview: closing.ClosingResult | None = None

        self.day_edit = date_edit(session().business_date)
        self.day_edit.setToolTip(self.tr("The day the daily job runs for"))
        session().business_date_changed.connect(self._follow_business_date)
        self.run_button = QPushButton(self.tr("&Run the daily job"))
        self.run_button.setToolTip(
            self.tr(
                "Renewals, overage, daily charges, expiry, blocking, alerts and the invoice run"
            )
        )
        self.run_button.setAutoDefault(False)
        self.run_button.clicked.connect(self.start_daily)
        self.daily_label = QLabel()
        self.daily_label.setWordWrap(True)

        self.months_model = QStandardItemModel(0, 5, self)
        self.months_model.setHorizontalHeaderLabels(
            [
                self.tr("Month"),
                self.tr("State"),
                self.tr("Closed"),
                self.tr("Acts"),
                self.tr("Total, UAH"),
            ]
        )
        self.months_view = self._table(self.months_model)
        self.months_view.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.preview_button = QPushButton(self.tr("&Preview closing"))
        self.preview_button.setToolTip(self.tr("What the closing would do, writing nothing"))
        self.close_button = QPushButton(self.tr("&Close month…"))
        self.reopen_button = QPushButton(self.tr("Re&open month…"))
        for button in (self.preview_button, self.close_button, self.reopen_button):
            button.setAutoDefault(False)  # nothing closes on a stray Enter
        self.preview_button.clicked.connect(self.start_preview)
        self.close_button.clicked.connect(self.close_month)
        self.reopen_button.clicked.connect(self.open_reopen)

        self.preview_model = QStandardItemModel(0, 6, self)
        self.preview_model.setHorizontalHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Client"),
                self.tr("Debited, UAH"),
                self.tr("Act"),
                self.tr("Access"),
                self.tr("Why blocked"),
            ]
        )
        self.preview_view = self._table(self.preview_model)
        self.summary_label = QLabel(self.tr("Choose a month and press Preview closing."))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self._lay_out()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Closing")

    def _follow_business_date(self, day: dt.date) -> None:
        self.day_edit.setDate(day)

    # -- building -------------------------------------------------------------

    def _table(self, model: QStandardItemModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _lay_out(self) -> None:
        daily_box = QGroupBox(self.tr("Daily job"))
        row = QHBoxLayout(daily_box)
        label = QLabel(self.tr("&Date:"))
        label.setBuddy(self.day_edit)
        row.addWidget(label)
        row.addWidget(self.day_edit)
        row.addWidget(self.run_button)
        row.addWidget(self.daily_label, 1)

        months_box = QGroupBox(self.tr("Months"))
        months_layout = QVBoxLayout(months_box)
        months_layout.addWidget(self.months_view)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.close_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        months_layout.addLayout(buttons)

        preview_box = QGroupBox(self.tr("What the closing does"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.summary_label)
        preview_layout.addWidget(self.preview_view)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("closing_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(months_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(daily_box)
        layout.addWidget(self.splitter, 1)

    # -- reading ----------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.loaded:
            self.reload()

    def refresh(self) -> None:
        self.reload()

    def reload_changed(self, changed: frozenset[str]) -> None:
        if self.loaded and changed & {MONTHS, ACCOUNTS, ACTS}:
            self.reload()

    def reload(self) -> BackgroundOp:
        self.loaded = True
        today = session().business_date

        def read(_progress: JobProgress) -> list[overview.MonthState]:
            with UnitOfWork(self._engine, read_only=True) as uow:
                return overview.month_states(uow, today)

        return self._run(read, self.tr("Reading the months…"), self._show_months)

    def _show_months(self, states: list[overview.MonthState]) -> None:
        keep = self.current_month()
        self.states = states
        self.months_model.setRowCount(0)
        for state in states:
            if state.closed:
                status = self.tr("closed")
            elif state.can_close:
                status = self.tr("open, can be closed")
            else:
                status = self.tr("open")
            closed_at = (
                f"{format_date(state.closed_at.date())} {state.closed_by}"
                if state.closed_at
                else ""
            )
            cells = [
                QStandardItem(month_text(state.month)),
                QStandardItem(status),
                QStandardItem(closed_at),
                QStandardItem(str(state.acts) if state.closed else ""),
                QStandardItem(format_amount(state.total_uah) if state.closed else ""),
            ]
            cells[4].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.months_model.appendRow(cells)
        self.months_view.resizeColumnsToContents()
        wanted = keep or next((s.month for s in states if s.can_close), None)
        self.select_month(wanted)
        self._update_buttons()

    def select_month(self, month: str | None) -> bool:
        for row, state in enumerate(self.states):
            if state.month == month:
                self.months_view.selectRow(row)
                return True
        return False

    def current_state(self) -> overview.MonthState | None:
        index = self.months_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.states):
            return None
        return self.states[index.row()]

    def current_month(self) -> str | None:
        state = self.current_state()
        return state.month if state else None

    def _update_buttons(self, *_args: object) -> None:
        state = self.current_state()
        busy = any(op.running for op in self.jobs)
        self.preview_button.setEnabled(bool(state and state.can_close) and not busy)
        previewed = (
            self.preview is not None
            and state is not None
            and self.preview.month == state.month
            and state.can_close
        )
        self.close_button.setEnabled(previewed and not busy)
        self.reopen_button.setEnabled(bool(state and state.can_reopen) and not busy)
        self.run_button.setEnabled(not busy)

    # -- the daily job ------------------------------------------------------------

    def start_daily(self) -> BackgroundOp:
        day = date_of(self.day_edit)

        def run(progress: JobProgress) -> daily.DailyResult:
            with UnitOfWork(self._engine) as uow:
                result = daily.run_daily(uow, day)
                if progress.is_interruption_requested():
                    raise Cancelled  # nothing committed: the unit of work rolls back
                uow.commit()
            return result

        return self._run(
            run,
            self.tr("Running the daily job for {date}…").format(date=format_date(day)),
            self._show_daily,
            changes=(ACCOUNTS, INVOICES, MONTHS),
        )

    def _show_daily(self, result: daily.DailyResult) -> None:
        days = len(result.days)
        renewed = sum(r.renewed for r in result.days)
        charged = sum(r.overage_debits + r.daily_debits + r.outstanding_posted for r in result.days)
        access = sum(r.access_changed for r in result.days)
        alerts = sum(r.alerts for r in result.days)
        invoices = sum(r.invoices for r in result.days)
        text = self.tr(
            "Done for {days} day(s): {renewed} renewed, {charged} charged, "
            "{access} access changes, {alerts} alerts, {invoices} invoices."
        ).format(
            days=days,
            renewed=renewed,
            charged=charged,
            access=access,
            alerts=alerts,
            invoices=invoices,
        )
        if result.errors:
            text += " " + self.tr("{n} account(s) failed: {first}").format(
                n=len(result.errors),
                first="; ".join(
                    f"{a} ({format_date(dt.date.fromisoformat(str(d)))}): "
                    + errors.error_text(Exception(why))
                    for d, a, why in result.errors[:3]
                ),
            )
            self.daily_label.setStyleSheet("color: #c62828")
        else:
            self.daily_label.setStyleSheet("")
        self.daily_label.setText(text)
        self.message.emit(text)

    # -- closing ------------------------------------------------------------------

    def start_preview(self) -> BackgroundOp | None:
        month = self.current_month()
        if month is None:
            return None

        def dry_run(_progress: JobProgress) -> closing.ClosingResult:
            with UnitOfWork(self._engine) as uow:  # the dry run rolls back what it wrote
                return closing.close_month(uow, month, dry_run=True)

        return self._run(
            dry_run,
            self.tr("Previewing the closing of {month}…").format(month=month_text(month)),
            self._show_preview,
        )

    def _show_preview(self, result: closing.ClosingResult) -> None:
        self.preview = result
        self.preview_model.setRowCount(0)
        for account in result.accounts:
            cells = [
                QStandardItem(account.account),
                QStandardItem(account.client),
                QStandardItem(format_amount(account.debited)),
                QStandardItem(account.act_number or ""),
                QStandardItem(access_text(Access(account.access))),
                QStandardItem(block_reason_text(account.block_reason)),
            ]
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.preview_model.appendRow(cells)
        self.preview_view.resizeColumnsToContents()
        self.summary_label.setText(self.summary_text(result))
        self._update_buttons()

    def summary_text(self, result: closing.ClosingResult) -> str:
        blocked = sum(1 for a in result.accounts if a.access == "blocked")
        facts = self.tr(
            "{accounts} accounts, <b>{acts} acts</b> for <b>{total} UAH</b>, "
            "{blocked} accounts blocked, daily job caught up for {days} day(s)"
        ).format(
            accounts=len(result.accounts),
            acts=result.acts,
            total=format_amount(result.total_uah),
            blocked=blocked,
            days=result.daily_days,
        )
        if result.already_closed:
            return self.tr("{month} is already closed; nothing would change.").format(
                month=month_text(result.month)
            )
        if result.dry_run:
            return self.tr("Closing {month} would make: {facts}. Nothing is written yet.").format(
                month=month_text(result.month), facts=facts
            )
        return self.tr("{month} closed: {facts}.").format(
            month=month_text(result.month), facts=facts
        )

    def confirmation_box(self, result: closing.ClosingResult) -> QMessageBox:
        """The question before closing, built but not shown (tests inspect it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Close month"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            self.tr("Close <b>{month}</b>: {acts} acts for <b>{total} UAH</b>?").format(
                month=month_text(result.month),
                acts=result.acts,
                total=format_amount(result.total_uah),
            )
        )
        box.setInformativeText(
            self.tr(
                "The month is locked: nothing can be posted into it afterwards. "
                "Only the chief accountant can reopen it, with a reason."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Close the month"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Do not close"))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter is the safe answer
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box

    def close_month(self) -> BackgroundOp | None:
        """Ask, naming the month and the previewed totals, then close."""
        state = self.current_state()
        preview = self.preview
        if state is None or preview is None or preview.month != state.month:
            return None
        box = self.confirmation_box(preview)
        answer = box.exec()
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes.value:
            return None
        month = state.month

        def run(progress: JobProgress) -> closing.ClosingResult:
            progress.set_status(self.tr("Backing the database up…"))
            backup.automatic_backup(self._engine, "before-close")
            progress.set_progress_value(10)
            progress.set_status(self.tr("Closing {month}…").format(month=month_text(month)))
            with UnitOfWork(self._engine) as uow:
                result = closing.close_month(uow, month)
                if progress.is_interruption_requested():
                    raise Cancelled  # the last moment a cancel can still undo it all
                uow.commit()
            progress.set_progress_value(100)
            return result

        return self._run(
            run,
            self.tr("Closing {month}…").format(month=month_text(month)),
            self._closed,
            changes=(MONTHS, ACCOUNTS, INVOICES, ACTS),
        )

    def _closed(self, result: closing.ClosingResult) -> None:
        self.preview = None
        self.reload()
        self.summary_label.setText(self.summary_text(result))
        self.message.emit(
            self.tr("{month} closed: {acts} acts, {total} UAH").format(
                month=month_text(result.month),
                acts=result.acts,
                total=format_amount(result.total_uah),
            )
        )
        self._update_buttons()

    def make_reopen_dialog(self) -> ReasonDialog | None:
        state = self.current_state()
        if state is None or not state.can_reopen:
            return None
        month = state.month

        def reopen(_day: dt.date, reason: str) -> int:
            with UnitOfWork(self._engine) as uow:
                cancelled = months.reopen_month(uow, month, reason)
                uow.commit()
            return cancelled

        return ReasonDialog(
            self,
            title=self.tr("Reopen month"),
            what=self.tr(
                "Reopen {month}? Its {acts} acts are cancelled (their numbers are kept) and "
                "postings into the month are allowed again until it is closed anew."
            ).format(month=month_text(month), acts=state.acts),
            ok_text=self.tr("&Reopen"),
            apply=reopen,
            today=session().business_date,
            with_date=False,
            placeholder=self.tr("Why the month is reopened"),
            keep_text=self.tr("&Keep it closed"),
        )

    def open_reopen(self) -> None:
        dialog = self.make_reopen_dialog()
        if dialog is None:
            return
        if dialog.exec():
            self.after_reopen(dialog)
        dialog.deleteLater()

    def after_reopen(self, dialog: ReasonDialog) -> None:
        self.preview = None
        self.reload()
        self.message.emit(
            self.tr("Month reopened; {n} act(s) cancelled").format(n=dialog.result_value)
        )
        change_hub().changed.emit(frozenset({MONTHS, ACCOUNTS, ACTS}))

    # -- running ------------------------------------------------------------------

    def _run(
        self,
        job: Callable[[JobProgress], Any],
        label: str,
        done: Callable[[Any], object],
        *,
        changes: tuple[str, ...] = (),
    ) -> BackgroundOp:
        op = BackgroundOp(self, job, label=label, changes=changes)
        op.done.connect(done)
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        op.start()
        self._update_buttons()
        return op

    def _forget(self, op: BackgroundOp) -> None:
        if op in self.jobs:
            self.jobs.remove(op)
        op.deleteLater()
        self._update_buttons()

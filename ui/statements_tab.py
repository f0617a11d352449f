"""The Statements tab: import bank statements, the batches made, the unmatched queue.

Import statement… (Ctrl+I) runs as a background job and shows its counts on
top. The batches list can undo a batch (reversal, with a reason); the queue
of unmatched payments can be assigned to an account or ignored. The queue
is read a page at a time and filtered and sorted by the database (a large
file can leave thousands of payments in it); the batches are one short list.
After every change the tab reloads its lists and emits `changed`, so the
window can reload the accounts whose balances moved.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.services.statements import (
    BatchView,
    ImportResult,
    UnmatchedLine,
    UnmatchedQuery,
    UnmatchedTotals,
    find_unmatched,
    ignore_line,
    ignore_lines_with_hint,
    list_batches,
    undo_batch,
    unmatched_totals,
)
from ui import errors
from ui.assign_dialog import AssignDialog
from ui.background import (
    ACCOUNTS,
    INVOICES,
    STATEMENTS,
    BackgroundOp,
    Cancelled,
    JobProgress,
    service_progress,
)
from ui.format import format_amount, format_date
from ui.list_export import choose_path, snapshot, start_list_export, start_paged_export
from ui.reason_dialog import ReasonDialog
from ui.record_table import (
    PagedRecordModel,
    RecordSortProxy,
    RecordTableModel,
    current_record,
    make_view,
)
from ui.screen_parts import (
    add_context_actions,
    button_row,
    empty_hint,
    filter_field,
    make_action,
)
from ui.statement_import import ImportDialog, run_import, summary_html
from ui.statement_lists import batch_columns, unmatched_columns

if TYPE_CHECKING:
    from sqlalchemy import Engine


class StatementsTab(QWidget):
    changed = Signal()  # balances may have moved: the accounts list should reload
    message = Signal(str)  # for the status bar
    reveal = Signal()  # an action of this tab was triggered from elsewhere: show the tab

    def __init__(
        self,
        engine: Engine,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self._today = today
        self.loaded = False
        self.jobs: list[BackgroundOp] = []
        self.last_result: ImportResult | None = None

        self.batches: RecordTableModel[BatchView] = RecordTableModel(
            batch_columns(), self, greyed=lambda b: b.undone_at is not None
        )
        self.batch_proxy = RecordSortProxy(self.batches, self)
        self.batch_view = make_view(self.batch_proxy, sort=(0, Qt.SortOrder.DescendingOrder))
        self.unmatched: PagedRecordModel[UnmatchedLine, UnmatchedQuery, UnmatchedTotals] = (
            PagedRecordModel(
                unmatched_columns(),
                engine,
                find_unmatched,
                unmatched_totals,
                UnmatchedQuery(),
                self,
            )
        )
        self.unmatched.summary_changed.connect(self._show_unmatched_totals)
        self.unmatched.load_failed.connect(
            lambda exc: errors.show_error_once(
                self, exc, self.tr("Cannot read the unmatched payments")
            )
        )
        self.unmatched_view = make_view(self.unmatched)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary.setMargin(6)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setText(self.tr("No statement imported in this session yet (Ctrl+I)."))
        self.unmatched_title = QLabel()

        self._make_actions()
        self._lay_out()
        self.empty_hints = (
            empty_hint(
                self.batch_view,
                self.tr(
                    "No statements imported yet: Import statement… (Ctrl+I) reads a bank file."
                ),
            ),
            empty_hint(self.unmatched_view, self._no_unmatched_hint),
        )
        self.batch_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.unmatched_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.unmatched_view.doubleClicked.connect(lambda _index: self.open_assign())
        self._update_actions()

    def _make_actions(self) -> None:
        self.import_action = make_action(
            self,
            self.tr("&Import statement…"),
            self.open_import,
            self.tr("Import a bank statement file as one batch"),
            "Ctrl+I",
        )
        self.undo_action = make_action(
            self,
            self.tr("&Undo batch…"),
            self.open_undo,
            self.tr("Reverse every top-up of the selected batch"),
        )
        self.assign_action = make_action(
            self,
            self.tr("&Assign to account…"),
            self.open_assign,
            self.tr("Post the selected payment to an account you choose"),
            "Ctrl+Shift+A",
        )
        self.ignore_action = make_action(
            self,
            self.tr("I&gnore…"),
            self.open_ignore,
            self.tr("Drop the selected payment from the queue, with a reason"),
        )
        self.ignore_hint_action = make_action(
            self,
            self.tr("Ignore all &like this…"),
            self.open_ignore_hint,
            self.tr(
                "Drop every unmatched payment with the selected one's hint (e.g. all bank "
                "credits) from the queue, with one reason"
            ),
        )
        self.export_batches_action = make_action(
            self,
            self.tr("Export batches…"),
            self.export_batches,
            self.tr("Save the batches as listed to an XLSX or CSV file"),
        )
        self.export_unmatched_action = make_action(
            self,
            self.tr("Export unmatched…"),
            self.export_unmatched,
            self.tr("Save the unmatched payments as listed to an XLSX or CSV file"),
        )
        add_context_actions(self.batch_view, [self.undo_action, self.export_batches_action])
        add_context_actions(
            self.unmatched_view,
            [
                self.assign_action,
                self.ignore_action,
                self.ignore_hint_action,
                self.export_unmatched_action,
            ],
        )

    def _lay_out(self) -> None:
        self.batch_filter = filter_field(
            self.batch_proxy, self.batch_view, self.tr("Filter batches by file, format, user")
        )
        self.unmatched_filter = filter_field(
            lambda _text: self.reload_unmatched(),
            self.unmatched_view,
            self.tr("Filter payments by payer, code, IBAN, purpose"),
        )
        batches = QGroupBox(self.tr("Imported batches"))
        box = QVBoxLayout(batches)
        box.addLayout(
            button_row(
                [self.import_action, self.undo_action, None, self.export_batches_action],
                self.batch_filter,
            )
        )
        box.addWidget(self.batch_view)
        queue = QGroupBox(self.tr("Unmatched payments"))
        box = QVBoxLayout(queue)
        box.addLayout(
            button_row(
                [
                    self.assign_action,
                    self.ignore_action,
                    self.ignore_hint_action,
                    None,
                    self.export_unmatched_action,
                ],
                self.unmatched_filter,
            )
        )
        box.addWidget(self.unmatched_view)
        box.addWidget(self.unmatched_title)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(batches)
        self.splitter.addWidget(queue)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

    # -- reading ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:  # read when first looked at, not at start-up
            self.reload()

    def reload(self) -> None:
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                batches = list_batches(uow)
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Cannot read the statements"))
            return
        self.loaded = True
        self.batches.set_records(batches)
        self.reload_unmatched(keep_loaded=True)

    def reload_unmatched(self, *, keep_loaded: bool = False) -> None:
        """Read the queue again with the filter on screen, in the order on screen."""
        shown = self.unmatched.query
        query = UnmatchedQuery(
            text=self.unmatched_filter.text(), sort=shown.sort, descending=shown.descending
        )
        self.unmatched.load(query, keep_loaded=keep_loaded)
        self._update_actions()

    def _show_unmatched_totals(self, totals: UnmatchedTotals) -> None:
        text = self.tr("Payments waiting: {n}, {total} UAH").format(
            n=QLocale().toString(totals.count), total=format_amount(totals.amount)
        )
        typed = self.unmatched.query.text.strip()
        if typed:
            text += " · " + self.tr("matching “{text}”").format(text=typed)
        self.unmatched_title.setText(text)

    def _no_unmatched_hint(self) -> str:
        if self.unmatched_filter.text().strip():
            return self.tr("No waiting payment matches the filter.")
        return self.tr("No payments are waiting: every imported payment found its account.")

    def current_batch(self) -> BatchView | None:
        record: BatchView | None = current_record(self.batch_view)
        return record

    def current_line(self) -> UnmatchedLine | None:
        record: UnmatchedLine | None = current_record(self.unmatched_view)
        return record

    # -- import ---------------------------------------------------------------------

    def open_import(self) -> None:
        self.reveal.emit()
        dialog = ImportDialog(self._engine, self._settings, self._today(), self)
        if dialog.browse() and dialog.exec():
            self.start_import(dialog.path(), dialog.format(), dialog.business_date())
        dialog.deleteLater()

    def start_import(self, path: Path, fmt: str, day: dt.date) -> BackgroundOp:
        op = BackgroundOp(
            self,
            lambda progress: run_import(self._engine, path, fmt, day, progress),
            label=self.tr("Importing {name}…").format(name=path.name),
        )
        op.done.connect(self._on_imported)
        op.cancelled.connect(lambda: self.message.emit(self.tr("Import cancelled: nothing posted")))
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        return op.start()

    def _on_imported(self, result: ImportResult) -> None:
        self.last_result = result
        self.summary.setText(summary_html(result, self))
        self.reload()
        self.changed.emit()
        self.message.emit(
            self.tr("{file}: {matched} matched, {unmatched} unmatched").format(
                file=result.file_name, matched=result.matched, unmatched=result.unmatched
            )
        )

    def _forget(self, op: BackgroundOp) -> None:
        if op in self.jobs:
            self.jobs.remove(op)
        op.deleteLater()

    # -- actions on the lists -----------------------------------------------------------

    def make_undo_dialog(self) -> ReasonDialog | None:
        batch = self.current_batch()
        if batch is None or batch.undone_at is not None:
            return None

        def apply(day: dt.date, reason: str) -> BackgroundOp:
            return self.start_undo(batch, day, reason)

        return ReasonDialog(
            self,
            title=self.tr("Undo batch {id}").format(id=batch.id),
            what=self.tr(
                "Batch <b>{id}</b>, {file}: its {matched} top-ups of <b>{total}</b> UAH "
                "will be reversed and its lines freed, so the file can be imported again."
            ).format(
                id=batch.id,
                file=html.escape(batch.file_name),
                matched=batch.matched,
                total=format_amount(batch.posted_total),
            ),
            ok_text=self.tr("&Undo batch"),
            keep_text=self.tr("&Keep batch"),
            apply=apply,
            today=self._today(),
            placeholder=self.tr("e.g. the bank sent a corrected statement"),
        )

    def open_undo(self) -> None:
        self.reveal.emit()
        dialog = self.make_undo_dialog()
        if dialog is not None:
            dialog.exec()  # its OK started the job; the job says when it is done
            dialog.deleteLater()

    def start_undo(self, batch: BatchView, day: dt.date, reason: str) -> BackgroundOp:
        """Undo a batch off the GUI thread: 20,000 reversals take seconds."""

        def job(progress: JobProgress) -> int:
            with UnitOfWork(self._engine) as uow:
                reversed_ = undo_batch(uow, batch.id, day, reason, service_progress(progress))
                if progress.is_interruption_requested():
                    raise Cancelled  # nothing is committed
                uow.commit()
            progress.set_progress_value(100)
            return reversed_

        op = BackgroundOp(
            self,
            job,
            label=self.tr("Undoing batch {id} ({file})…").format(id=batch.id, file=batch.file_name),
            changes=(ACCOUNTS, STATEMENTS, INVOICES),
        )
        # The lists are read again by whoever shows them (`changes`): only the message here.
        op.done.connect(
            lambda n: self.message.emit(
                self.tr("Batch {id} undone: {n} top-ups reversed").format(id=batch.id, n=n)
            )
        )
        op.cancelled.connect(lambda: self.message.emit(self.tr("Undo cancelled: nothing changed")))
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        self.undo_action.setEnabled(False)  # one undo of a batch at a time
        return op.start()

    def make_assign_dialog(self) -> AssignDialog | None:
        line = self.current_line()
        return None if line is None else AssignDialog(self._engine, line, self._today(), self)

    def open_assign(self) -> None:
        self.reveal.emit()
        dialog = self.make_assign_dialog()
        if dialog is None:
            return
        if dialog.exec() and dialog.account is not None:
            self.after_change(
                self.tr(
                    "{amount} UAH from {payer} posted to account {account} ({client}), "
                    "entry {entry}"
                ).format(
                    amount=format_amount(dialog.line.amount),
                    payer=dialog.line.payer,
                    account=dialog.account.number,
                    client=dialog.account.client_short_name,
                    entry=dialog.entry_id,
                )
            )
        dialog.deleteLater()

    def make_ignore_dialog(self) -> ReasonDialog | None:
        line = self.current_line()
        if line is None:
            return None

        def apply(_day: dt.date, reason: str) -> None:
            with UnitOfWork(self._engine) as uow:
                ignore_line(uow, line.id, reason)
                uow.commit()

        return ReasonDialog(
            self,
            title=self.tr("Ignore payment"),
            what=self.tr(
                "<b>{amount} UAH</b> of {date} from {payer} will leave the queue "
                "without being posted."
            ).format(
                amount=format_amount(line.amount),
                date=format_date(line.date),
                payer=html.escape(line.payer),
            ),
            ok_text=self.tr("I&gnore"),
            apply=apply,
            today=self._today(),
            with_date=False,
            placeholder=self.tr("e.g. a refund from our own other account"),
        )

    def open_ignore(self) -> None:
        self.reveal.emit()
        self._run(self.make_ignore_dialog(), self.tr("Payment ignored"))

    def make_ignore_hint_dialog(self) -> ReasonDialog | None:
        """Ignore every unmatched payment with the selected one's hint, at once."""
        line = self.current_line()
        if line is None or not line.hint:
            return None
        hint = line.hint

        def apply(_day: dt.date, reason: str) -> int:
            with UnitOfWork(self._engine) as uow:
                count = ignore_lines_with_hint(uow, hint, reason)
                uow.commit()
            return count

        return ReasonDialog(
            self,
            title=self.tr("Ignore all like this"),
            what=self.tr(
                "Every unmatched payment marked “{hint}” will leave the queue without being posted."
            ).format(hint=html.escape(self.unmatched_hint_text(hint))),
            ok_text=self.tr("I&gnore all"),
            apply=apply,
            today=self._today(),
            with_date=False,
            placeholder=self.tr("e.g. proceeds of our currency sales, not client payments"),
        )

    def unmatched_hint_text(self, hint: str) -> str:
        return {
            "bank": self.tr(
                "looks like a bank credit: currency sale, interest, refund of commission"
            ),
            "budget": self.tr("looks like a budget payment or a treasury refund"),
            "reversal": self.tr("a reversal of one of our own debits"),
        }.get(hint, hint)

    def open_ignore_hint(self) -> None:
        self.reveal.emit()
        self._run(self.make_ignore_hint_dialog(), self.tr("{n} payments ignored"))

    def _run(self, dialog: ReasonDialog | None, done: str) -> None:
        if dialog is None:
            return
        if dialog.exec():
            self.after_change(done.format(n=dialog.result_value))
        dialog.deleteLater()

    def after_change(self, message: str) -> None:
        self.reload()
        self.changed.emit()
        self.message.emit(message)

    def export_batches(self) -> None:
        path = choose_path(self, self._settings, self.tr("Export list"), "batches")
        if path is not None:
            self.start_export_batches(path)

    def export_unmatched(self) -> None:
        path = choose_path(self, self._settings, self.tr("Export list"), "unmatched")
        if path is not None:
            self.start_export_unmatched(path)

    def start_export_batches(self, path: Path) -> BackgroundOp:
        """Write the batches as listed (filter and order)."""
        shown = snapshot(self.batch_proxy, "Пакети банківських виписок", "batches")
        return self._saved(start_list_export(self, self._engine, shown, path))

    def start_export_unmatched(self, path: Path) -> BackgroundOp:
        """Write every payment of the queue as filtered and ordered, not just the loaded pages."""
        return self._saved(
            start_paged_export(
                self, self._engine, self.unmatched, "Нерозпізнані платежі", "unmatched", path
            )
        )

    def _saved(self, op: BackgroundOp) -> BackgroundOp:
        op.done.connect(lambda r: self.message.emit(self.tr("Saved {p}").format(p=r.path)))
        return op

    def export_current(self) -> None:
        """Ctrl+E on this tab: the list that has the focus, else the queue."""
        if self.batch_view.hasFocus() or self.batch_filter.hasFocus():
            self.export_batches()
        else:
            self.export_unmatched()

    def _update_actions(self) -> None:
        batch = self.current_batch()
        self.undo_action.setEnabled(batch is not None and batch.undone_at is None)
        line = self.current_line()
        self.assign_action.setEnabled(line is not None)
        self.ignore_action.setEnabled(line is not None)
        self.ignore_hint_action.setEnabled(line is not None and bool(line.hint))

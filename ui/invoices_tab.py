"""The Invoices tab: a month of invoices, by status; run, print, cancel, issue.

The month, the status and the text field are the service's filters
(`find_invoices`); a month after the invoice run holds an invoice per client,
so the list is read a page at a time and sorted by the database. Print… lays
the selected invoices out as one PDF in the background and opens it; Print
acts… does the same for the acts of the month shown.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.services.invoices import (
    InvoiceQuery,
    InvoiceTotals,
    InvoiceView,
    cancel_invoice,
    find_invoices,
    invoice_totals,
)
from ui import errors
from ui.background import BackgroundOp, JobProgress
from ui.format import format_amount, format_date
from ui.invoice_dialogs import InvoiceRunDialog, TopupInvoiceDialog
from ui.invoice_lists import STATUSES, invoice_columns, status_text
from ui.list_export import choose_path, start_paged_export
from ui.print_jobs import open_document, print_acts, print_invoices
from ui.reason_dialog import ReasonDialog
from ui.record_table import PagedRecordModel, make_view, selected_records
from ui.screen_parts import (
    add_context_actions,
    button_row,
    empty_hint,
    filter_field,
    make_action,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine


class InvoicesTab(QWidget):
    changed = Signal()
    message = Signal(str)
    reveal = Signal()

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
        self.jobs: list[BackgroundOp] = []
        self.open_printed = True  # open a printed PDF in the system viewer

        self.invoices: PagedRecordModel[InvoiceView, InvoiceQuery, InvoiceTotals] = (
            PagedRecordModel(
                invoice_columns(),
                engine,
                find_invoices,
                invoice_totals,
                InvoiceQuery(as_of=today()),
                self,
                greyed=lambda i: i.status == "cancelled",
            )
        )
        self.invoices.summary_changed.connect(self._show_totals)
        self.invoices.load_failed.connect(
            lambda exc: errors.show_error_once(self, exc, self.tr("Cannot read the invoices"))
        )
        self.view = make_view(self.invoices, multi=True, sort=(0, Qt.SortOrder.DescendingOrder))
        self.view.setToolTip(self.tr("Shift/Ctrl+click or Shift+arrows select several to print"))

        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("MM.yyyy")
        self.month_edit.setCalendarPopup(True)
        self.month_edit.setDate(QDate(today().replace(day=1)))
        self.month_edit.setToolTip(self.tr("The month the invoices were issued in"))
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), "")
        for status in STATUSES:
            self.status_combo.addItem(status_text(status), status)
        self.status_combo.setToolTip(self.tr("Only invoices in this status"))
        self.totals = QLabel()

        self._make_actions()
        self._lay_out()
        self.empty_hint = empty_hint(
            self.view,
            lambda: self.tr(
                "No invoices of this month in this status: choose another month or status, "
                "or issue them with Invoice run… or Issue top-up invoice…"
            ),
        )
        self.month_edit.dateChanged.connect(lambda _d: self.reload())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.invoices.modelReset.connect(self._update_actions)
        self._update_actions()

    def _make_actions(self) -> None:
        self.run_action = make_action(
            self,
            self.tr("Invoice &run…"),
            self.open_run,
            self.tr("Issue next month's renewal invoices for a date"),
        )
        self.print_action = make_action(
            self,
            self.tr("&Print…"),
            self.choose_print_file,
            self.tr("Save the selected invoices as one PDF and open it"),
            "Ctrl+P",
        )
        self.print_listed_action = make_action(
            self,
            self.tr("Print a&ll listed…"),
            self.choose_listed_print_file,
            self.tr("Save every invoice of the list (all pages, in the order shown) as one PDF"),
        )
        self.print_acts_action = make_action(
            self,
            self.tr("Print &acts of the month…"),
            self.choose_acts_file,
            self.tr("Save the acts of the month shown as one PDF and open it"),
        )
        self.cancel_action = make_action(
            self,
            self.tr("&Cancel invoice…"),
            self.open_cancel,
            self.tr("Cancel the selected invoice; it keeps its number"),
        )
        self.topup_invoice_action = make_action(
            self,
            self.tr("Issue &top-up invoice…"),
            self.open_topup_invoice,
            self.tr("Issue an invoice for a sum a client asked to top up"),
        )
        self.export_action = make_action(
            self,
            self.tr("&Export list…"),
            self.export,
            self.tr("Save the invoices as listed to an XLSX or CSV file"),
        )
        add_context_actions(self.view, [self.print_action, self.cancel_action, self.export_action])

    def _lay_out(self) -> None:
        self.filter_edit = filter_field(
            lambda _text: self.reload(), self.view, self.tr("Filter by number, client, account")
        )
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month_edit)
        status_label = QLabel(self.tr("&Status:"))
        status_label.setBuddy(self.status_combo)
        filters = QHBoxLayout()
        filters.addWidget(month_label)
        filters.addWidget(self.month_edit)
        filters.addSpacing(12)
        filters.addWidget(status_label)
        filters.addWidget(self.status_combo)
        filters.addSpacing(12)
        filters.addWidget(self.filter_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(filters)
        layout.addLayout(
            button_row(
                [
                    self.run_action,
                    self.topup_invoice_action,
                    self.cancel_action,
                    None,
                    self.print_action,
                    self.print_listed_action,
                    self.print_acts_action,
                    None,
                    self.export_action,
                ]
            )
        )
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals)

    # -- reading ----------------------------------------------------------------------

    def month(self) -> str:
        day = self.month_edit.date()
        return f"{day.year():04d}-{day.month():02d}"

    @property
    def loaded(self) -> bool:
        return self.invoices.loaded

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.reload()

    def reload(self, *, keep_loaded: bool = False) -> None:
        """Read the list again with the filters on screen (in the order on screen)."""
        query = self.invoices.query
        query = InvoiceQuery(
            month=self.month(),
            status=self.status_combo.currentData() or None,
            text=self.filter_edit.text(),
            as_of=self._today(),
            sort=query.sort,
            descending=query.descending,
        )
        self.invoices.load(query, keep_loaded=keep_loaded)
        self._update_actions()

    def _show_totals(self, totals: InvoiceTotals) -> None:
        text = self.tr("{n} invoices · total {total} UAH · paid {paid} UAH (cancelled aside)")
        text = text.format(
            n=QLocale().toString(totals.count),  # grouped as the system writes numbers
            total=format_amount(totals.total),
            paid=format_amount(totals.paid),
        )
        typed = self.invoices.query.text.strip()
        if typed:
            text += " · " + self.tr("matching “{text}”").format(text=typed)
        self.totals.setText(text)

    def selected(self) -> list[InvoiceView]:
        return selected_records(self.view)

    # -- printing ------------------------------------------------------------------------

    def _choose_pdf(self, stem: str) -> Path | None:
        folder = str(self._settings.value("print/folder", str(Path.home())))
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), str(Path(folder) / f"{stem}.pdf"), self.tr("PDF (*.pdf)")
        )
        if not name:
            return None
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".pdf")
        self._settings.setValue("print/folder", str(path.parent))
        return path

    def choose_print_file(self) -> None:
        self.reveal.emit()
        chosen = self.selected()
        if not chosen:
            return
        stem = chosen[0].number if len(chosen) == 1 else f"invoices-{self.month()}"
        path = self._choose_pdf(stem)
        if path is not None:
            self.start_print([i.number for i in chosen], path)

    def start_print(self, numbers: Sequence[str], path: Path) -> BackgroundOp:
        numbers = list(numbers)
        return self._start(
            lambda progress: print_invoices(self._engine, numbers, path, progress),
            self.tr("Printing {n} invoices to {name}…").format(n=len(numbers), name=path.name),
        )

    def choose_listed_print_file(self) -> None:
        self.reveal.emit()
        if self.invoices.total == 0:
            return
        path = self._choose_pdf(f"invoices-{self.month()}")
        if path is not None:
            self.start_print_listed(path)

    def start_print_listed(self, path: Path) -> BackgroundOp:
        read_all = self.invoices.read_all()

        def job(progress: JobProgress) -> Path:
            numbers = [invoice.number for invoice in read_all()]
            return print_invoices(self._engine, numbers, path, progress)

        return self._start(
            job,
            self.tr("Printing {n} invoices to {name}…").format(
                n=self.invoices.total, name=path.name
            ),
        )

    def choose_acts_file(self) -> None:
        self.reveal.emit()
        path = self._choose_pdf(f"acts-{self.month()}")
        if path is not None:
            self.start_print_acts(self.month(), path)

    def start_print_acts(self, month: str, path: Path) -> BackgroundOp:
        return self._start(
            lambda progress: print_acts(self._engine, month, path, progress),
            self.tr("Printing the acts of {month} to {name}…").format(month=month, name=path.name),
        )

    def _start(self, job: Callable[[JobProgress], Path], label: str) -> BackgroundOp:
        op = BackgroundOp(self, job, label=label)
        op.done.connect(self._on_printed)
        op.cancelled.connect(lambda: self.message.emit(self.tr("Printing cancelled")))
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        return op.start()

    def _on_printed(self, path: Path) -> None:
        self.message.emit(self.tr("Saved {path}").format(path=path))
        if self.open_printed:
            open_document(path)

    def _forget(self, op: BackgroundOp) -> None:
        if op in self.jobs:
            self.jobs.remove(op)
        op.deleteLater()

    # -- changes ----------------------------------------------------------------------------

    def open_run(self) -> None:
        self.reveal.emit()
        dialog = InvoiceRunDialog(self._engine, self._today(), self)
        if dialog.exec() and dialog.result_value is not None:
            result = dialog.result_value
            text = self.tr("Invoice run of {day}: {n} issued, {already} issued before").format(
                day=format_date(result.day), n=len(result.issued), already=result.already
            )
            if result.errors:  # the rest was issued: a report, not a refusal
                self._show_run_problems(text, result.errors)
            self.after_change(text)
        dialog.deleteLater()

    def _show_run_problems(self, text: str, problems: Sequence[str]) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Invoice run"), text, parent=self)
        box.setInformativeText(
            self.tr("{n} accounts were not invoiced: see the details.").format(n=len(problems))
        )
        box.setDetailedText("\n".join(problems))
        box.exec()

    def make_cancel_dialog(self) -> ReasonDialog | None:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0].status == "cancelled":
            return None
        invoice = chosen[0]

        def apply(day: dt.date, reason: str) -> InvoiceView:
            with UnitOfWork(self._engine) as uow:
                cancelled = cancel_invoice(uow, invoice.number, reason, day)
                uow.commit()
            return cancelled

        return ReasonDialog(
            self,
            title=self.tr("Cancel invoice {number}").format(number=invoice.number),
            what=self.tr(
                "Invoice <b>{number}</b> of {date}, {client}, <b>{total}</b> UAH will be "
                "cancelled. It keeps its number; a paid invoice cannot be cancelled."
            ).format(
                number=invoice.number,
                date=format_date(invoice.date),
                client=html.escape(invoice.client),
                total=format_amount(invoice.total),
            ),
            ok_text=self.tr("&Cancel invoice"),
            keep_text=self.tr("&Keep invoice"),
            apply=apply,
            today=self._today(),
            placeholder=self.tr("e.g. the client changed the plan"),
        )

    def open_cancel(self) -> None:
        self.reveal.emit()
        dialog = self.make_cancel_dialog()
        if dialog is None:
            return
        if dialog.exec():
            self.after_change(self.tr("Invoice cancelled"))
        dialog.deleteLater()

    def open_topup_invoice(self, account: str | None = None) -> None:
        self.reveal.emit()
        dialog = TopupInvoiceDialog(self._engine, self._today(), self, account=account)
        if dialog.exec() and dialog.number:
            self.after_change(self.tr("Invoice {number} issued").format(number=dialog.number))
        dialog.deleteLater()

    def after_change(self, message: str) -> None:
        self.reload(keep_loaded=True)
        self.changed.emit()
        self.message.emit(message)

    def export(self) -> None:
        path = choose_path(
            self, self._settings, self.tr("Export invoices"), f"invoices-{self.month()}"
        )
        if path is not None:
            self.start_export(path)

    def start_export(self, path: Path) -> BackgroundOp:
        op = start_paged_export(
            self, self._engine, self.invoices, f"Рахунки за {self.month()}", "Рахунки", path
        )
        op.done.connect(lambda r: self.message.emit(self.tr("Saved {p}").format(p=r.path)))
        return op

    def export_current(self) -> None:
        self.export()

    def _update_actions(self) -> None:
        chosen = self.selected()
        self.print_action.setEnabled(bool(chosen))
        self.print_listed_action.setEnabled(self.invoices.total > 0)
        self.cancel_action.setEnabled(len(chosen) == 1 and chosen[0].status != "cancelled")

"""The Invoices tab and the report dialog (SPEC §10, §11, §13) on SQLite and PostgreSQL.

Invoices are issued through the tab's dialog and the services, listed by
month and status, printed to one PDF in the background, cancelled with a
reason; the report dialog writes a workbook that is read back with openpyxl.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork
from backoffice.errors import BackofficeError
from backoffice.services import invoices
from backoffice.services.reports import build_report
from tests.helpers import EDRPOU_B, add_legal
from tests.test_documents_pdf import pdf_text
from tests.test_statements import configure
from ui import errors, print_jobs
from ui.background import BackgroundOp, Cancelled
from ui.invoice_dialogs import TopupInvoiceDialog
from ui.invoices_tab import InvoicesTab
from ui.report_dialog import ReportDialog, ReportRequest, takes_account, takes_period

Factory = Callable[..., UnitOfWork]
DAY = dt.date(2026, 11, 20)
TOTAL_COLUMN = 7


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    return shown


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What would have been opened in the system's PDF viewer."""
    paths: list[Path] = []
    monkeypatch.setattr("ui.invoices_tab.open_document", lambda path: paths.append(path))
    return paths


@pytest.fixture
def client(uow_factory: Factory) -> str:
    configure(uow_factory)
    return add_legal(uow_factory, edrpou=EDRPOU_B)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def tab(qtbot: QtBot, engine: Engine, client: str, settings: QSettings) -> InvoicesTab:
    made = InvoicesTab(engine, settings, today=lambda: DAY)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def issue(engine: Engine, account: str, amount: str) -> str:
    with UnitOfWork(engine) as uow:
        number = invoices.issue_topup_invoice(uow, account, Decimal(amount), DAY).number
        uow.commit()
    return str(number)


def wait(qtbot: QtBot, op: BackgroundOp) -> None:
    with qtbot.waitSignal(op.finished, timeout=30_000):
        pass


def test_an_invoice_issued_in_the_dialog_is_listed_and_prints_to_a_pdf(
    qtbot: QtBot,
    tab: InvoicesTab,
    engine: Engine,
    client: str,
    tmp_path: Path,
    shown_errors: list[BaseException],
    opened: list[Path],
) -> None:
    assert tab.invoices.records() == []
    dialog = TopupInvoiceDialog(engine, DAY, tab, account=client)
    assert dialog.picker.current_number() == client  # the account asked for is offered first
    dialog.amount_edit.setText("1 500,00")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert shown_errors == [] and dialog.number is not None
    tab.after_change("issued")

    [invoice] = tab.invoices.records()
    assert (invoice.number, invoice.account, invoice.total) == (
        dialog.number,
        client,
        Decimal("1500.00"),
    )
    assert invoice.status == "issued"
    assert "1\u00a0500,00" in tab.totals.text()

    tab.view.selectRow(0)
    assert tab.print_action.isEnabled()
    path = tmp_path / "invoices.pdf"
    wait(qtbot, tab.start_print([invoice.number], path))
    assert shown_errors == []
    assert path.read_bytes().startswith(b"%PDF")
    assert opened == [path]


def test_the_month_and_status_filters_are_the_services(
    qtbot: QtBot, tab: InvoicesTab, engine: Engine, client: str, uow_factory: Factory
) -> None:
    first = issue(engine, client, "100")
    second = issue(engine, client, "200")
    with uow_factory() as uow:
        invoices.cancel_invoice(uow, second, "помилка", DAY)
        uow.commit()
    tab.reload()
    # newest number first, as the tab opens
    assert [i.number for i in tab.invoices.records()] == [second, first]
    assert tab.totals.text().startswith("2 invoices")
    assert "total 100,00 UAH" in tab.totals.text()  # the cancelled one aside

    tab.status_combo.setCurrentIndex(tab.status_combo.findData("cancelled"))
    assert [i.number for i in tab.invoices.records()] == [second]
    tab.status_combo.setCurrentIndex(0)
    tab.month_edit.setDate(QDate(2026, 10, 1))
    assert tab.invoices.records() == []
    tab.month_edit.setDate(QDate(2026, 11, 1))
    tab.filter_edit.setText(first.lower())  # the database filters, Cyrillic case aside
    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Return)
    assert [i.number for i in tab.invoices.records()] == [first]


def test_a_long_month_is_read_a_page_at_a_time_and_sorted_by_the_database(
    qtbot: QtBot, engine: Engine, client: str, settings: QSettings, tmp_path: Path
) -> None:
    amounts = ["500", "100", "400", "200", "300"]
    numbers = [issue(engine, client, amount) for amount in amounts]
    tab = InvoicesTab(engine, settings, today=lambda: DAY)
    qtbot.addWidget(tab)
    tab.invoices.page_size = 2  # five invoices stand for a month of them
    tab.reload()
    assert tab.invoices.total == 5
    assert [i.number for i in tab.invoices.records()] == numbers[::-1][:2]
    assert tab.invoices.canFetchMore()
    tab.invoices.fetchMore()
    tab.invoices.fetchMore()
    assert [i.number for i in tab.invoices.records()] == numbers[::-1]
    assert not tab.invoices.canFetchMore()

    tab.view.sortByColumn(TOTAL_COLUMN, Qt.SortOrder.DescendingOrder)
    # the largest two of all five, though only two were loaded before
    assert [i.total for i in tab.invoices.records()] == [Decimal("500.00"), Decimal("400.00")]

    target = tmp_path / "invoices.csv"
    op = tab.start_export(target)
    wait(qtbot, op)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 6  # the header and every invoice, not just the loaded ones
    assert [line.split(";")[7] for line in lines[1:]] == [
        "500,00",
        "400,00",
        "300,00",
        "200,00",
        "100,00",
    ]

    pdf = tmp_path / "listed.pdf"
    tab.open_printed = False
    wait(qtbot, tab.start_print_listed(pdf))
    text = pdf_text(pdf)
    # every invoice of the list, in the order shown: the largest first
    shown = [numbers[0], numbers[2], numbers[4], numbers[3], numbers[1]]
    places = [text.find(number) for number in shown]
    assert -1 not in places and places == sorted(places)


def test_a_failed_read_keeps_the_order_and_shows_one_error_at_a_time(
    qtbot: QtBot,
    tab: InvoicesTab,
    engine: Engine,
    client: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issue(engine, client, "100")
    tab.reload()
    header = tab.view.horizontalHeader()
    before = (header.sortIndicatorSection(), header.sortIndicatorOrder())
    shown: list[BaseException] = []

    def show(parent: QWidget, exc: BaseException, title: str | None = None) -> None:
        shown.append(exc)
        tab.reload()  # the filter asks again while the box is still open

    def server_down(*_args: object) -> list[object]:
        raise BackofficeError("the server is down")

    monkeypatch.setattr(errors, "show_error", show)
    monkeypatch.setattr(tab.invoices, "_read", server_down)
    tab.view.sortByColumn(TOTAL_COLUMN, Qt.SortOrder.DescendingOrder)
    assert [str(e) for e in shown] == ["the server is down"]  # one box, not one per read
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == before
    assert tab.invoices.query.sort == "number" and len(tab.invoices.records()) == 1


def test_a_list_that_shrank_since_it_was_counted_stops_asking_for_pages(
    qtbot: QtBot, engine: Engine, client: str, settings: QSettings
) -> None:
    numbers = [issue(engine, client, amount) for amount in ("100", "200", "300", "400", "500")]
    tab = InvoicesTab(engine, settings, today=lambda: DAY)
    qtbot.addWidget(tab)
    tab.invoices.page_size = 2
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("issued"))
    assert tab.invoices.total == 5 and tab.invoices.rowCount() == 2
    with UnitOfWork(engine) as uow:  # another workstation cancels the three older ones
        for number in numbers[:3]:
            invoices.cancel_invoice(uow, number, "помилка", DAY)
        uow.commit()
    tab.invoices.fetchMore()  # the page after the first two issued is empty now
    assert tab.invoices.rowCount() == 2 and not tab.invoices.canFetchMore()
    assert tab.invoices.total == 5  # as counted, until the list is read again
    tab.reload()
    assert tab.invoices.total == 2 and not tab.invoices.canFetchMore()


def test_cancel_asks_for_a_reason_and_keeps_the_number(
    tab: InvoicesTab, engine: Engine, client: str, shown_errors: list[BaseException]
) -> None:
    number = issue(engine, client, "300")
    tab.reload()
    tab.view.selectRow(0)
    dialog = tab.make_cancel_dialog()
    assert dialog is not None
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reason_edit.setText("клієнт передумав")
    dialog.accept()
    tab.after_change("cancelled")
    assert shown_errors == []
    [invoice] = tab.invoices.records()
    assert (invoice.number, invoice.status) == (number, "cancelled")
    tab.view.selectRow(0)
    assert not tab.cancel_action.isEnabled()


def test_acts_of_a_month_without_acts_are_refused_with_a_message(
    qtbot: QtBot, tab: InvoicesTab, tmp_path: Path, shown_errors: list[BaseException]
) -> None:
    path = tmp_path / "acts.pdf"
    wait(qtbot, tab.start_print_acts("2026-11", path))
    assert len(shown_errors) == 1 and isinstance(shown_errors[0], BackofficeError)
    assert "2026-11" in str(shown_errors[0])
    assert not path.exists()


def test_print_job_reports_progress_and_stops_when_cancelled(
    engine: Engine, client: str, tmp_path: Path
) -> None:
    number = issue(engine, client, "50")

    class Progress:
        def __init__(self, cancel: bool) -> None:
            self.cancel = cancel
            self.percents: list[int] = []

        def set_status(self, text: str) -> None: ...

        def set_progress_value(self, percent: int) -> None:
            self.percents.append(percent)

        def is_interruption_requested(self) -> bool:
            return self.cancel

    progress = Progress(cancel=False)
    path = print_jobs.print_invoices(engine, [number], tmp_path / "one.pdf", progress)
    assert path.read_bytes()[:4] == b"%PDF" and progress.percents[-1] == 100
    with pytest.raises(Cancelled):
        print_jobs.print_invoices(engine, [number], tmp_path / "no.pdf", Progress(cancel=True))
    assert not (tmp_path / "no.pdf").exists()


# -- the report dialog ----------------------------------------------------------------


def test_the_report_dialog_writes_a_workbook_with_the_reports_title(
    qtbot: QtBot,
    engine: Engine,
    client: str,
    settings: QSettings,
    tmp_path: Path,
    shown_errors: list[BaseException],
) -> None:
    issue(engine, client, "400")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ReportDialog(engine, settings, DAY, parent)
    dialog.report_combo.setCurrentIndex(dialog.report_combo.findData("invoices"))
    assert dialog.from_edit.date() == QDate(2026, 11, 1)  # the current month by default
    assert dialog.to_edit.date() == QDate(2026, 11, 30)
    assert not dialog.period_row.isHidden() and dialog.account_row.isHidden()
    path = tmp_path / "register.xlsx"
    dialog.path_edit.setText(str(path))

    with qtbot.waitSignal(dialog.exported, timeout=30_000) as done:
        dialog.accept()
    assert shown_errors == []
    assert done.args[0].rows == 1
    with UnitOfWork(engine, read_only=True) as uow:
        title = build_report(uow, "invoices", date_from=DAY, date_to=DAY, today=DAY).title
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet["A2"].value == title
    assert sheet["A3"].value == "01.11.2026 – 30.11.2026"
    assert dialog.result() == dialog.DialogCode.Accepted


def test_the_report_dialog_asks_for_an_account_only_when_the_report_takes_one(
    qtbot: QtBot,
    engine: Engine,
    client: str,
    settings: QSettings,
    tmp_path: Path,
    shown_errors: list[BaseException],
) -> None:
    assert takes_account("reconciliation") and takes_period("reconciliation")
    assert not takes_period("debtors")
    dialog = ReportDialog(engine, settings, DAY, account=client)
    qtbot.addWidget(dialog)
    dialog.report_combo.setCurrentIndex(dialog.report_combo.findData("debtors"))
    assert dialog.period_row.isHidden() and dialog.account_row.isHidden()
    dialog.report_combo.setCurrentIndex(dialog.report_combo.findData("reconciliation"))
    assert not dialog.account_row.isHidden() and dialog.account_edit.text() == client

    request = ReportRequest("reconciliation", DAY.replace(day=1), DAY, DAY, account=None)
    op = dialog.start(request, tmp_path / "no.xlsx")
    wait(qtbot, op)
    assert len(shown_errors) == 1 and "account" in str(shown_errors[0])
    assert not (tmp_path / "no.xlsx").exists()
    assert dialog.isVisible() or dialog.result() != dialog.DialogCode.Accepted

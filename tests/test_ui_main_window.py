"""The main window on a demo database: list, filter, sort, ledger, top-up, export.

Every expectation is computed by the services themselves (`count_accounts`,
`list_accounts`, `account_entries`, `show_account`), so the window is held
to what the CLI would print. Runs on SQLite; the screens have no SQL of
their own to test on PostgreSQL.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast
import csv
import datetime as dt
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

import ui
from backoffice.db.engine import UnitOfWork, make_engine
from backoffice.db.schema import upgrade_schema
from backoffice.domain import AccountView, EntryKind
from backoffice.errors import BackofficeError, InputError
from backoffice.services import demo
from backoffice.services.clients import AccountQuery, count_accounts, list_accounts, show_account
from backoffice.services.ledger import account_entries, post_topup
from ui import errors
from ui.account_table import BALANCE, RAW_ROLE, AccountTableModel
from ui.background import BackgroundOp, Cancelled, JobProgress
from ui.format import display_url, format_amount, parse_amount
from ui.ledger_table import ENTRY_ID
from ui.main_window import MainWindow

DEMO_DAY = dt.date(2026, 11, 22)
CLIENTS = 30


# -- a demo database made once, copied per test ---------------------------------


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui-demo") / "t.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    with UnitOfWork(engine) as uow:
        demo.make_demo(uow, client_count=CLIENTS, today=DEMO_DAY, seed=1)
        uow.commit()
    engine.dispose()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture
def demo_engine(tmp_path: Path, demo_template: Path) -> Iterator[Engine]:
    path = tmp_path / "t.sqlite"
    shutil.copyfile(demo_template, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Error boxes are modal: record them instead; a test that expects none checks."""
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    return shown


@pytest.fixture
def window(qtbot: QtBot, demo_engine: Engine, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/screen", "accounts")  # where these tests start
    made = MainWindow(demo_engine, str(demo_engine.url), settings=settings)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def service_accounts(engine: Engine, query: AccountQuery | None = None) -> list[AccountView]:
    with UnitOfWork(engine, read_only=True) as uow:
        return list_accounts(uow, query or AccountQuery())


def listed(window: MainWindow) -> list[AccountView]:
    model = window.accounts
    return [model.account(row) for row in range(model.rowCount())]


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying Cyrillic text (QTest.keyClicks knows only ASCII keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def balance_of(engine: Engine, number: str) -> Decimal:
    with UnitOfWork(engine, read_only=True) as uow:
        return show_account(uow, number).balance


# -- the list ----------------------------------------------------------------------


def test_the_list_shows_every_account_the_service_counts(
    window: MainWindow, demo_engine: Engine
) -> None:
    with UnitOfWork(demo_engine, read_only=True) as uow:
        total = count_accounts(uow, AccountQuery())
    assert total == CLIENTS
    assert window.accounts.rowCount() == total
    assert [v.number for v in listed(window)] == [v.number for v in service_accounts(demo_engine)]
    assert window.count_label.text() == f"{CLIENTS} accounts"
    assert "t.sqlite" in window.database_label.text()


def test_balances_are_decimals_shown_the_ukrainian_way(window: MainWindow) -> None:
    model = window.accounts
    view = max(listed(window), key=lambda v: v.balance)
    row = model.row_of(view.number)
    assert row is not None
    index = model.index(row, BALANCE)
    assert isinstance(model.data(index, RAW_ROLE), Decimal)
    assert model.data(index, RAW_ROLE) == view.balance
    assert model.data(index) == format_amount(view.balance)
    assert "\u00a0" in model.data(index) and "," in model.data(index)  # e.g. 12 345,67
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_rows_arrive_a_page_at_a_time(qtbot: QtBot, demo_engine: Engine) -> None:
    model = AccountTableModel(demo_engine, page_size=7)
    model.reload()
    assert (model.rowCount(), model.total) == (7, CLIENTS)
    pages = 1
    while model.canFetchMore():
        model.fetchMore()
        pages += 1
    assert pages == 5  # 7 + 7 + 7 + 7 + 2
    everything = service_accounts(demo_engine)
    assert [model.account(r).number for r in range(model.rowCount())] == [
        v.number for v in everything
    ]


def test_typing_a_surname_filters_after_a_pause(
    qtbot: QtBot, window: MainWindow, demo_engine: Engine
) -> None:
    person = next(v for v in service_accounts(demo_engine) if v.tax_code and len(v.tax_code) == 10)
    surname = person.client_name.removeprefix("ФОП ").split()[0]
    expected = [v for v in service_accounts(demo_engine) if surname in v.client_name]

    window.focus_filter()
    type_text(window.filter_edit, surname)
    assert window.accounts.rowCount() == CLIENTS  # not on every keystroke: debounced
    qtbot.waitUntil(lambda: window.accounts.rowCount() == len(expected), timeout=3000)

    assert 0 < len(expected) < CLIENTS
    assert [v.number for v in listed(window)] == [v.number for v in expected]
    assert window.accounts.total == len(expected)
    assert window.ledger.account_number == expected[0].number  # the ledger follows the list
    window.filter_edit.clear()
    qtbot.waitUntil(lambda: window.accounts.rowCount() == CLIENTS, timeout=3000)


def test_sorting_by_balance_is_done_by_the_database(
    window: MainWindow, demo_engine: Engine
) -> None:
    window.account_view.sortByColumn(BALANCE, Qt.SortOrder.DescendingOrder)

    balances = [v.balance for v in listed(window)]
    biggest = max(v.balance for v in service_accounts(demo_engine))
    assert balances[0] == biggest
    assert balances == sorted(balances, reverse=True)
    by_service = service_accounts(demo_engine, AccountQuery(sort="balance", descending=True))
    assert [v.number for v in listed(window)] == [v.number for v in by_service]
    assert window.accounts.query.sort == "balance" and window.accounts.query.descending


def test_clicking_an_account_shows_its_ledger(
    qtbot: QtBot, window: MainWindow, demo_engine: Engine
) -> None:
    with UnitOfWork(demo_engine, read_only=True) as uow:
        entries = {v.number: account_entries(uow, v.number) for v in listed(window)}
    number = max(entries, key=lambda n: (len(entries[n]), n))
    assert len(entries[number]) >= 2
    row = window.accounts.row_of(number)
    assert row is not None
    index = window.accounts.index(row, 1)
    window.account_view.scrollTo(index)
    rect = window.account_view.visualRect(index)
    qtbot.mouseClick(window.account_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert window.current_account() == window.accounts.account(row)
    assert window.ledger.account_number == number
    assert window.ledger.entries() == entries[number]
    assert number in window.ledger_title.text()

    # The keyboard moves through the list, and the ledger follows.
    qtbot.keyClick(window.account_view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    first = window.accounts.account(0).number
    assert window.ledger.entries() == entries[first]
    qtbot.keyClick(window.account_view, Qt.Key.Key_Down)
    assert window.ledger.account_number == window.accounts.account(1).number


def test_a_database_that_fails_to_answer_is_reported_and_the_list_kept(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, shown_errors: list[BaseException]
) -> None:
    def broken(*_args: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr("ui.account_table.list_accounts", broken)
    window.filter_edit.setText("Мороз")
    window.apply_filter()

    assert [type(e) for e in shown_errors] == [OSError]
    assert window.accounts.rowCount() == CLIENTS
    assert window.accounts.query.text == ""  # an export would list what is shown


def test_the_keyboard_reaches_every_action(qtbot: QtBot, window: MainWindow) -> None:
    shortcuts = {
        action.text(): action.shortcut().toString()
        for action in (
            window.refresh_action,
            window.topup_action,
            window.export_action,
            window.quit_action,
            window.find_action,
        )
    }
    assert list(shortcuts.values()) == ["F5", "Ctrl+T", "Ctrl+E", "Ctrl+Q", "Ctrl+F"]
    window.activateWindow()
    window.account_view.setFocus()
    qtbot.waitUntil(window.account_view.hasFocus)
    qtbot.keyClick(window.account_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    type_text(window.filter_edit, "ФОП")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Down)  # applies at once, back to the list
    assert window.account_view.hasFocus()
    assert window.accounts.query.text == "ФОП"
    assert all(v.client_name.startswith("ФОП") for v in listed(window))


# -- postings ----------------------------------------------------------------------


def test_a_top_up_of_100_50_raises_the_balance_by_exactly_that(
    window: MainWindow, demo_engine: Engine, shown_errors: list[BaseException]
) -> None:
    number = window.accounts.account(3).number
    assert window.select_account(number)
    before = balance_of(demo_engine, number)

    dialog = window.make_topup_dialog()
    assert dialog is not None
    dialog.amount_edit.setText("100.50")
    dialog.reason_edit.setText("платіжне доручення №512")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.accept()

    assert shown_errors == []
    assert balance_of(demo_engine, number) - before == Decimal("100.50")
    assert dialog.entry is not None and dialog.entry.amount == Decimal("100.50")
    assert dialog.entry.kind is EntryKind.TOPUP_MANUAL
    # The window shows it without a refresh: the new balance and the new entry.
    row = window.accounts.row_of(number)
    assert row is not None
    assert window.accounts.data(window.accounts.index(row, BALANCE), RAW_ROLE) == before + Decimal(
        "100.50"
    )
    assert window.current_account() is not None
    assert window.current_account().number == number  # type: ignore[union-attr]
    assert window.current_entry() == dialog.entry


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("12,5.0", "type it like 1 234,50"),
        ("1e3", "type it like 1 234,50"),
        ("сто", "type it like 1 234,50"),
        ("10.005", "more than 2 decimal places"),
        ("0", "more than zero"),
        ("-5", "more than zero"),
    ],
)
def test_a_bad_amount_is_refused_under_the_field(
    window: MainWindow, demo_engine: Engine, typed: str, problem: str
) -> None:
    dialog = window.make_topup_dialog()
    assert dialog is not None
    number = dialog.account.number
    before = balance_of(demo_engine, number)
    dialog.reason_edit.setText("test")
    dialog.amount_edit.setText(typed)

    assert problem in dialog.amount_error.text()
    assert not dialog.amount_error.isHidden()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert balance_of(demo_engine, number) == before


def test_the_refusal_under_the_amount_is_shown_whole(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.make_topup_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.amount_edit.setText("дванадцять тисяч гривень і ще трохи копійок " * 3)
    qtbot.wait(20)

    label = dialog.amount_error
    assert not label.isHidden() and "is not an amount" in label.text()
    assert label.height() >= label.heightForWidth(label.width())  # every wrapped line
    assert label.geometry().bottom() < dialog.buttons.geometry().top()


def test_accounts_only_tools_show_on_the_accounts_tab_only(window: MainWindow) -> None:
    assert window.account_toolbar.isVisible() and window.count_label.isVisible()
    window.show_widget(window.statements_tab)
    assert not window.account_toolbar.isVisible() and not window.count_label.isVisible()
    assert window.topup_action.isVisible()  # still in the Account menu, with its shortcut
    window.show_screen("accounts")
    assert window.account_toolbar.isVisible()


def test_an_empty_list_says_what_to_do(window: MainWindow) -> None:
    window.filter_edit.setText("жодного такого клієнта")
    window.apply_filter()
    hint = window.empty_hints[0].label
    assert window.accounts.rowCount() == 0 and not hint.isHidden()
    assert "Esc clears the filter" in hint.text()
    window.filter_edit.clear()
    window.apply_filter()
    assert hint.isHidden()


def test_amounts_may_be_typed_with_a_decimal_comma_and_spaces() -> None:
    assert parse_amount("1 234,50") == Decimal("1234.50")
    assert parse_amount("1\u00a0234,5") == Decimal("1234.50")
    assert parse_amount("100,50") == Decimal("100.50")
    assert parse_amount("100.50") == Decimal("100.50")
    with pytest.raises(InputError):
        parse_amount("1 2,5")
    assert format_amount(Decimal("-1234567.5")) == "-1\u00a0234\u00a0567,50"
    with pytest.raises(TypeError):
        format_amount(1234.5)  # type: ignore[arg-type]


def test_a_refusal_from_the_service_is_shown_and_the_dialog_stays(
    window: MainWindow, demo_engine: Engine, shown_errors: list[BaseException]
) -> None:
    dialog = window.make_topup_dialog()
    assert dialog is not None
    dialog.show()
    dialog.date_edit.setDate(QDate(2026, 10, 1))
    dialog.amount_edit.setText("50")
    dialog.reason_edit.setText("test")
    with UnitOfWork(demo_engine) as uow:  # someone closed October meanwhile
        from backoffice.services import months

        months.lock_month(uow, "2026-08")
        months.lock_month(uow, "2026-09")
        months.lock_month(uow, "2026-10")
        uow.commit()
    dialog.accept()

    assert len(shown_errors) == 1 and isinstance(shown_errors[0], BackofficeError)
    assert "2026-10" in str(shown_errors[0])
    assert dialog.isVisible() and dialog.entry is None


def test_a_reversed_entry_is_greyed_and_names_its_reversal(
    window: MainWindow, demo_engine: Engine, shown_errors: list[BaseException]
) -> None:
    number = window.accounts.account(0).number
    with UnitOfWork(demo_engine) as uow:
        topup = post_topup(uow, number, Decimal("250.00"), DEMO_DAY, "помилковий платіж")
        uow.commit()
    window.refresh()
    before = balance_of(demo_engine, number)
    row = window.ledger.row_of(topup.id)
    assert row is not None
    window.ledger_view.setCurrentIndex(window.ledger.index(row, 0))
    assert window.reverse_action.isEnabled()

    dialog = window.make_reverse_dialog()
    assert dialog is not None
    dialog.reason_edit.setText("платіж повернуто банком")
    dialog.accept()

    assert shown_errors == []
    assert dialog.reversal is not None
    assert balance_of(demo_engine, number) == before - Decimal("250.00")
    row = window.ledger.row_of(topup.id)
    assert row is not None
    index = window.ledger.index(row, ENTRY_ID)
    assert window.ledger.data(index, Qt.ItemDataRole.FontRole).italic()
    assert f"Reversed by entry {dialog.reversal.id}" in window.ledger.data(
        index, Qt.ItemDataRole.ToolTipRole
    )
    window.ledger_view.setCurrentIndex(index)
    assert not window.reverse_action.isEnabled()  # an entry is reversed at most once


# -- export ------------------------------------------------------------------------


def test_export_to_xlsx_writes_the_list_as_shown_with_numeric_balances(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shown_errors: list[BaseException]
) -> None:
    window.filter_edit.setText("ФОП")
    window.apply_filter()
    window.account_view.sortByColumn(BALANCE, Qt.SortOrder.DescendingOrder)
    shown = listed(window)
    assert 0 < len(shown) < CLIENTS
    path = tmp_path / "accounts.xlsx"

    op = window.start_export(path)
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass

    assert shown_errors == []
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    # The report writer's layout: title rows, then the frozen header, then the
    # rows and the totals row.
    all_rows = list(sheet.iter_rows())
    header = next(i for i, r in enumerate(all_rows) if r[0].value == "Особовий рахунок")
    assert sheet.freeze_panes == f"A{header + 2}"
    rows = all_rows[header + 1 : -1]
    assert all_rows[-1][0].value == "Разом"
    assert [r[0].value for r in rows] == [v.number for v in shown]
    assert [r[1].value for r in rows] == [v.client_name for v in shown]
    for cells, view in zip(rows, shown, strict=True):
        balance = cells[4]
        assert balance.data_type == "n"
        assert "0.00" in balance.number_format
        # openpyxl reads numbers back as float; its shortest repr is the text written.
        assert Decimal(repr(balance.value)).quantize(Decimal("0.01")) == view.balance
    assert str(len(shown)) in window.statusBar().currentMessage()
    assert list(tmp_path.glob(".*")) == []  # no temporary file left behind


def test_export_to_csv_is_what_excel_opens_in_a_ukrainian_locale(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "accounts.csv"
    op = window.start_export(path)
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) == CLIENTS + 1
    first = window.accounts.account(0)
    assert rows[1][0] == first.number
    assert rows[1][4] == f"{first.balance}".replace(".", ",")


def test_a_background_job_reports_failure_and_cancellation(
    qtbot: QtBot, window: MainWindow
) -> None:
    def failing(_progress: JobProgress) -> None:
        raise InputError("no such thing")

    op = BackgroundOp(window, failing, label="Failing…", show_errors=False)
    with qtbot.waitSignal(op.failed, timeout=5_000) as failed:
        op.start()
    assert isinstance(failed.args[0], InputError)

    def endless(progress: JobProgress) -> None:
        while not progress.is_interruption_requested():
            progress.set_progress_value(1)
        raise Cancelled

    op = BackgroundOp(window, endless, label="Waiting…")
    with qtbot.waitSignal(op.cancelled, timeout=5_000):
        op.start()
        op.cancel()
    assert not op.running


# -- the window's memory and its boundaries ----------------------------------------


def test_the_window_remembers_its_layout(
    qtbot: QtBot, window: MainWindow, demo_engine: Engine, tmp_path: Path
) -> None:
    window.resize(760, 560)  # inside the offscreen platform's 800×600 screen
    window.splitter.setSizes([500, 120])
    window.account_view.setColumnWidth(0, 150)
    top, bottom = window.splitter.sizes()
    window.close()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    again = MainWindow(demo_engine, "sqlite://", settings=settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == window.size()
    assert again.account_view.columnWidth(0) == 150
    again_top, again_bottom = again.splitter.sizes()
    assert again_top / (again_top + again_bottom) == pytest.approx(top / (top + bottom), abs=0.02)


def test_the_status_bar_never_shows_a_password() -> None:
    assert display_url("postgresql://bo:s3cret@db:5432/bo") == "postgresql://bo:***@db:5432/bo"


def test_the_ui_reaches_the_database_only_through_services() -> None:
    """No module of ui/ imports SQLAlchemy at run time (type hints aside)."""
    offenders = []
    for path in sorted(Path(ui.__file__).parent.rglob("*.py")):  # and every screen package
        tree = ast.parse(path.read_text(encoding="utf-8"))
        type_only = {
            id(node)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for node in ast.walk(block)
        }
        for node in ast.walk(tree):
            if id(node) in type_only:
                continue
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            if any(n.split(".")[0] in ("sqlalchemy", "alembic") for n in names):
                offenders.append(f"{path.relative_to(Path(ui.__file__).parent)}:{node.lineno}")
    assert offenders == []

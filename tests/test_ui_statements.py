"""The Statements tab (SPEC §8) on SQLite and PostgreSQL: import, assign, ignore, undo.

A 1C statement is written as text (the builders of tests/test_statements.py),
imported through the tab's own background job, and the lists, the balances
and the main window's account list are checked against the services.
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
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork
from backoffice.errors import BackofficeError
from backoffice.services import statements
from backoffice.services.clients import show_account
from tests.helpers import EDRPOU_B, add_legal
from tests.test_statements import PAYER_IBAN_2, Payment, configure, onec
from ui import errors
from ui.account_table import BALANCE, RAW_ROLE
from ui.background import BackgroundOp, Cancelled
from ui.main_window import MainWindow
from ui.statement_import import run_import
from ui.statements_tab import StatementsTab

Factory = Callable[..., UnitOfWork]
DAY = dt.date(2026, 11, 12)


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Error boxes are modal: record them instead."""
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    return shown


@pytest.fixture
def client(uow_factory: Factory) -> str:
    configure(uow_factory)
    return add_legal(uow_factory, edrpou=EDRPOU_B)


@pytest.fixture
def window(qtbot: QtBot, engine: Engine, client: str, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/screen", "accounts")  # where these tests start
    made = MainWindow(engine, str(engine.url), settings=settings)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.show_widget(made.statements_tab)
    return made


def statement(tmp_path: Path, *payments: Payment, name: str = "vypyska.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(onec(*payments))
    return path


def import_through_tab(qtbot: QtBot, tab: StatementsTab, path: Path) -> BackgroundOp:
    op = tab.start_import(path, "auto", DAY)
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    return op


def balance(engine: Engine, number: str) -> Decimal:
    with UnitOfWork(engine, read_only=True) as uow:
        return show_account(uow, number).balance


def shown_balance(window: MainWindow, number: str) -> Decimal:
    row = window.accounts.row_of(number)
    assert row is not None
    value = window.accounts.data(window.accounts.index(row, BALANCE), RAW_ROLE)
    assert isinstance(value, Decimal)
    return value


def test_an_imported_batch_is_listed_and_its_unmatched_payment_assigned(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    window: MainWindow,
    engine: Engine,
    client: str,
    tmp_path: Path,
    shown_errors: list[BaseException],
) -> None:
    tab = window.statements_tab
    path = statement(
        tmp_path,
        Payment("700.00", "За послуги", payer_iban=PAYER_IBAN_2, number="1"),
        Payment("250.00", f"Поповнення о/р {client}", number="2"),
    )
    import_through_tab(qtbot, tab, path)

    assert shown_errors == []
    result = tab.last_result
    assert result is not None and (result.new, result.matched, result.unmatched) == (2, 1, 1)
    assert result.posted_total == Decimal("250.00")
    summary = tab.summary.text()
    assert "vypyska.txt" in summary and "250,00" in summary
    [batch] = tab.batches.records()
    assert (batch.id, batch.matched, batch.unmatched) == (result.batch, 1, 1)
    [line] = tab.unmatched.records()
    assert line.amount == Decimal("700.00") and line.payer_iban == PAYER_IBAN_2
    assert "Payments waiting: 1, 700,00 UAH" in tab.unmatched_title.text()
    assert balance(engine, client) == shown_balance(window, client) == Decimal("250.00")

    tab.unmatched_view.selectRow(0)
    assert tab.assign_action.isEnabled()
    dialog = tab.make_assign_dialog()
    assert dialog is not None
    dialog.picker.filter_edit.setText(client)
    dialog.picker.search()
    assert dialog.picker.select_number(client)
    dialog.date_edit.setDate(QDate(DAY))
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    dialog.accept()
    tab.after_change("assigned")

    assert shown_errors == []
    assert dialog.entry_id is not None
    assert balance(engine, client) == Decimal("950.00")
    assert shown_balance(window, client) == Decimal("950.00")  # the accounts list was reloaded
    assert tab.unmatched.records() == []
    assert tab.batches.records()[0].matched == 2
    assert not tab.assign_action.isEnabled()


def test_the_import_job_is_atomic_and_a_second_run_finds_only_duplicates(
    engine: Engine, client: str, tmp_path: Path
) -> None:
    class Progress:
        cancel = False

        def set_status(self, text: str) -> None: ...

        def set_progress_value(self, percent: int) -> None: ...

        def is_interruption_requested(self) -> bool:
            return self.cancel

    path = statement(tmp_path, Payment("100.00", f"Оплата о/р {client}"))
    cancelled = Progress()
    cancelled.cancel = True
    with pytest.raises(Cancelled):
        run_import(engine, path, "auto", DAY, cancelled)
    assert balance(engine, client) == Decimal("0.00")  # rolled back

    first = run_import(engine, path, "auto", DAY, Progress())
    again = run_import(engine, path, "auto", DAY, Progress())
    assert (first.new, first.matched) == (1, 1)
    assert (again.new, again.duplicate, again.batch) == (0, 1, None)
    assert balance(engine, client) == Decimal("100.00")


def test_ignore_and_undo_ask_for_a_reason_and_refresh_the_lists(
    qtbot: QtBot,
    window: MainWindow,
    engine: Engine,
    client: str,
    tmp_path: Path,
    shown_errors: list[BaseException],
) -> None:
    tab = window.statements_tab
    path = statement(
        tmp_path,
        Payment("80.00", "Незрозумілий платіж", payer_iban=PAYER_IBAN_2, number="1"),
        Payment("120.00", f"Оплата о/р {client}", number="2"),
    )
    import_through_tab(qtbot, tab, path)
    assert balance(engine, client) == Decimal("120.00")

    tab.unmatched_view.selectRow(0)
    ignore = tab.make_ignore_dialog()
    assert ignore is not None
    assert not ignore.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    ignore.reason_edit.setText("повернення з нашого іншого рахунку")
    ignore.accept()
    tab.after_change("ignored")
    assert tab.unmatched.records() == []

    tab.batch_view.selectRow(0)
    undo = tab.make_undo_dialog()
    assert undo is not None
    undo.date_edit.setDate(QDate(DAY))
    undo.reason_edit.setText("банк надіслав виправлену виписку")
    with qtbot.waitSignal(tab.message, timeout=20_000) as said:
        undo.accept()  # starts the undo off the GUI thread

    assert shown_errors == []
    assert said.args == ["Batch 1 undone: 1 top-ups reversed"]  # one top-up reversed
    assert balance(engine, client) == shown_balance(window, client) == Decimal("0.00")
    [batch] = tab.batches.records()
    assert batch.undone_at is not None
    tab.batch_view.selectRow(0)
    assert not tab.undo_action.isEnabled()  # a batch is undone once
    assert tab.make_undo_dialog() is None


def test_a_file_that_is_not_ours_is_refused_and_nothing_imported(
    qtbot: QtBot,
    window: MainWindow,
    engine: Engine,
    tmp_path: Path,
    shown_errors: list[BaseException],
) -> None:
    tab = window.statements_tab
    path = tmp_path / "foreign.txt"
    path.write_bytes(
        onec(Payment("10.00", "x"), account="UA903052990000026004099999999"),
    )
    import_through_tab(qtbot, tab, path)
    assert len(shown_errors) == 1 and isinstance(shown_errors[0], BackofficeError)
    assert "not ours" in str(shown_errors[0])
    with UnitOfWork(engine, read_only=True) as uow:
        assert statements.list_batches(uow) == []
    assert tab.batches.records() == []


def test_the_unmatched_queue_exports_and_filters_as_shown(
    qtbot: QtBot, window: MainWindow, client: str, tmp_path: Path
) -> None:
    tab = window.statements_tab
    path = statement(
        tmp_path,
        Payment("10.00", "Перший", payer_iban=PAYER_IBAN_2, number="1", payer="ТОВ Альфа"),
        Payment("20.00", "Другий", payer_iban=PAYER_IBAN_2, number="2", payer="ТОВ Бета"),
    )
    import_through_tab(qtbot, tab, path)
    assert [u.payer for u in tab.unmatched.records()] == ["ТОВ Альфа", "ТОВ Бета"]
    assert tab.unmatched_title.text() == "Payments waiting: 2, 30,00 UAH"

    header = tab.unmatched_view.horizontalHeader()
    tab.unmatched_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # amount, in the database
    assert [u.payer for u in tab.unmatched.records()] == ["ТОВ Бета", "ТОВ Альфа"]
    tab.unmatched_view.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # candidates: not sortable
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.DescendingOrder,
    )
    assert [u.payer for u in tab.unmatched.records()] == ["ТОВ Бета", "ТОВ Альфа"]

    tab.unmatched_filter.setText("БЕТА")  # Cyrillic case aside, on SQLite too
    qtbot.keyClick(tab.unmatched_filter, Qt.Key.Key_Return)
    assert [u.payer for u in tab.unmatched.records()] == ["ТОВ Бета"]
    assert tab.unmatched_title.text() == "Payments waiting: 1, 20,00 UAH · matching “БЕТА”"

    target = tmp_path / "unmatched.xlsx"
    op = tab.start_export_unmatched(target)
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][0] == "Нерозпізнані платежі"
    header = next(i for i, row in enumerate(values) if row[0] == "Дата")
    assert values[header + 1][2] == "ТОВ Бета"
    assert values[header + 1][1] == pytest.approx(20.0)
    assert all(row[2] != "ТОВ Альфа" for row in values)


def test_the_keyboard_reaches_the_statement_actions(window: MainWindow) -> None:
    tab = window.statements_tab
    assert tab.import_action.shortcut().toString() == "Ctrl+I"
    assert tab.assign_action.shortcut().toString() == "Ctrl+Shift+A"
    assert "Ctrl+I" in tab.import_action.toolTip()
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Statements"]
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Import statement…", "&Undo batch…"]
    assert tab.unmatched_view.actions()  # the context menu (Menu key) has them too


def test_bank_credits_wait_with_a_hint_and_are_ignored_all_at_once(
    qtbot: QtBot,
    window: MainWindow,
    engine: Engine,
    tmp_path: Path,
    shown_errors: list[BaseException],
) -> None:
    from backoffice.services import settings

    with UnitOfWork(engine) as uow:
        settings.set_setting(uow, "company.accounts", "UA443006140000026001055501234")
        uow.commit()
    tab = window.statements_tab
    fixture = Path(__file__).parent / "fixtures" / "statements" / "layout_d_credit_agricole.csv"
    import_through_tab(qtbot, tab, fixture)
    assert shown_errors == []
    assert "skipped: debit 1" in tab.summary.text()
    assert "Креді Агріколь" in tab.summary.text()
    tab.reload()
    qtbot.waitUntil(lambda: len(tab.unmatched.records()) == 3)
    hints = [line.hint for line in tab.unmatched.records()]
    assert hints == ["", "", "bank"]
    tab.unmatched_view.selectRow(0)
    assert not tab.ignore_hint_action.isEnabled()  # a plain payment has no hint
    assert tab.make_ignore_hint_dialog() is None
    tab.unmatched_view.selectRow(hints.index("bank"))
    assert tab.ignore_hint_action.isEnabled()
    dialog = tab.make_ignore_hint_dialog()
    assert dialog is not None
    dialog.reason_edit.setText("продаж нашої валюти, не платіж клієнта")
    dialog.accept()
    assert dialog.result_value == 1
    tab.after_change("ignored")
    qtbot.waitUntil(lambda: len(tab.unmatched.records()) == 2)
    assert all(line.hint == "" for line in tab.unmatched.records())


def test_the_wizard_shows_the_bank_and_how_each_column_is_read(
    window: MainWindow, engine: Engine, tmp_path: Path, shown_errors: list[BaseException]
) -> None:
    from ui.statement_import import ImportDialog

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    dialog = ImportDialog(engine, settings, DAY, window)
    pumb = Path(__file__).parent / "fixtures" / "statements" / "layout_c_pumb_udb_ucr.csv"
    dialog.set_path(pumb)
    assert shown_errors == []
    # the bank's name, and why its result will say so: our account is not set as ours
    assert dialog.detected.text().startswith("Cannot be imported as it stands")
    assert "UA253348510000026005012340000, which is not ours" in dialog.detected.text()
    fields = dialog.chosen_fields()
    assert (fields[5], fields[6], fields[14], fields[15]) == (
        "debit",
        "credit",
        "debit_equivalent",
        "credit_equivalent",
    )
    assert dialog.rows_table.item(1, 0).text() == "ST_NUMB"
    dialog.deleteLater()


def test_the_wizard_maps_an_unknown_table_previews_and_saves_the_bank(
    qtbot: QtBot,
    window: MainWindow,
    engine: Engine,
    client: str,
    tmp_path: Path,
    shown_errors: list[BaseException],
) -> None:
    from ui.statement_import import ImportDialog

    path = tmp_path / "new-bank.csv"
    path.write_bytes(
        (
            "Поле;Гроші;Хто;Навіщо\r\n"
            f"12.11.2026;150,00;ТОВ Ромашка;Оплата о/р {client}\r\n"
            "12.11.2026;-20,00;Банк;Комісія\r\n"
        ).encode("cp1251")
    )
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    dialog = ImportDialog(engine, settings, DAY, window)
    dialog.set_path(path)
    assert "no mapping profile matches" in dialog.detected.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    for column, field in enumerate(["date", "amount", "payer_name", "purpose"]):
        dialog.set_field(column, field)
    dialog.preview_mapping()
    assert shown_errors == []
    assert dialog.lines_table.rowCount() == 2
    fates = [dialog.lines_table.item(r, 7).text() for r in range(2)]
    assert fates == ["to match", "skipped: debit"]
    assert not ok.isEnabled()  # a hand mapping is saved before it is imported
    dialog.profile_name.setText("Мій банк")
    dialog.save_mapping()
    assert shown_errors == []
    assert dialog.format() == "Мій банк"
    assert dialog.detected.text() == "Мій банк"
    assert ok.isEnabled()
    tab = window.statements_tab
    op = tab.start_import(dialog.path(), dialog.format(), DAY)
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    assert shown_errors == []
    assert tab.last_result is not None
    assert (tab.last_result.format, tab.last_result.matched) == ("Мій банк", 1)
    assert balance(engine, client) == Decimal("150.00")
    dialog.deleteLater()

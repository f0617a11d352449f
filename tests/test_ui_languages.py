"""The window speaks Ukrainian: under the Ukrainian translation no title, menu,
action, tooltip, header, label or button of ours is left in English; and the
language chosen in View ▸ Language is the one the next start uses.

The walk reads what a user would see (and what a screen reader would say) of
the main window, its three tabs and every dialog that opens without changing
anything; data (names, numbers, files, URLs) is not ours and is skipped.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import getpass
import re
import socket
import sys
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork
from backoffice.errors import InputError
from backoffice.services import invoices, statements
from backoffice.services.ledger import post_topup
from tests.helpers import EDRPOU_B, add_legal
from tests.test_statements import PAYER_IBAN_2, Payment, configure, onec
from ui import errors
from ui.assign_dialog import AssignDialog
from ui.format import format_amount
from ui.languages import LANGUAGE_KEY, chosen_language, install_translations, remove_translations
from ui.main_window import MainWindow
from ui.report_dialog import ReportDialog

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import translations

Factory = Callable[..., UnitOfWork]
DAY = dt.date(2026, 11, 12)
# Words that are the same in a Ukrainian office: formats, keys, currencies, names.
SAME_IN_UKRAINIAN = {
    "IBAN", "XLSX", "CSV", "PDF", "Excel", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Del",
    "UTC", "EUR", "MT", "sta", "txt", "xml", "xls", "xlsx", "csv", "pdf", "ClientBankExchange",
    "camt", "English", "OK", "Tab", "PgUp", "PgDown", "Home", "End", "Space", "Backspace", "F5",
    "SMTP", "STARTTLS", "SSL", "JSON", "XML", "USD",
}  # fmt: skip
# Data, not words of ours: who posted (OS user, the tests' actor), the workstation,
# and the codes of the test catalog as the catalog screen lists them.
DATA = {getpass.getuser(), "tester", socket.gethostname()}
DATA |= {"business", "start", "deliveries", "users"}
TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"\b[a-z+]+://\S*")
WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """The English words in `text`; tokens with digits, dots, slashes, '@' or
    '-' are data (account numbers, files, URLs, IBANs) and are skipped."""
    text = TAG.sub(" ", text.replace("&&", "").replace("&", ""))
    text = URL.sub(" ", text)
    found = []
    for token in re.split(r"[\s,;:()«»“”\"'—·…?!]+", text):
        if not token or re.search(r"[\d./\\@_=*-]", token):
            continue
        found += [w for w in WORD.findall(token) if w not in SAME_IN_UKRAINIAN | DATA]
    return found


def visible_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything of `widget` a user reads."""
    name = type(widget).__name__
    yield f"{name} title", widget.windowTitle() if widget.isWindow() else ""
    for child in [widget, *widget.findChildren(QWidget)]:
        kind = type(child).__name__
        yield f"{kind} tooltip", child.toolTip()
        if isinstance(child, QLabel):
            yield f"label {child.objectName()}", child.text()
        elif isinstance(child, QAbstractButton):
            yield "button", child.text()
        elif isinstance(child, QLineEdit):
            yield "placeholder", child.placeholderText()
        elif isinstance(child, QGroupBox):
            yield "group", child.title()
        elif isinstance(child, QComboBox):
            for i in range(child.count()):
                yield "choice", child.itemText(i)
        elif isinstance(child, QTabWidget):
            for i in range(child.count()):
                yield "tab", child.tabText(i)
                yield "tab tooltip", child.tabToolTip(i)
        elif isinstance(child, QTableView) and child.model() is not None:
            yield from model_texts(child.model())
        for action in child.actions():
            yield from action_texts(action)
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            yield from action_texts(action)


def action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield "action", action.text()
    yield "action tooltip", action.toolTip()
    yield "action status tip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield "menu", menu.title()
        for one in menu.actions():
            yield from action_texts(one)


def model_texts(model: QAbstractItemModel) -> Iterator[tuple[str, str]]:
    for column in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield "header", value
        for row in range(min(model.rowCount(), 3)):  # words of ours in cells: kinds, states
            value = model.data(model.index(row, column))
            if isinstance(value, str):
                yield "cell", value


def untranslated(texts: Iterable[tuple[str, str]]) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in texts if text and english_words(text)})


@pytest.fixture
def ukrainian(qapp: QApplication) -> Iterator[None]:
    installed = install_translations(qapp, "uk")
    assert len(installed) == 2, "qtbase_uk.qm and backoffice_uk.qm are both loaded"
    yield
    remove_translations(qapp, installed)


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    return shown


@pytest.fixture
def client(uow_factory: Factory, engine: Engine, tmp_path: Path) -> str:
    """A client with a top-up, an invoice, a statement batch and an unmatched payment."""
    configure(uow_factory)
    number = add_legal(uow_factory, edrpou=EDRPOU_B)
    path = tmp_path / "vypyska.txt"
    path.write_bytes(
        onec(
            Payment("4500.00", "За послуги", payer_iban=PAYER_IBAN_2, number="1"),
            Payment("250.00", f"Поповнення о/р {number}", number="2"),
        )
    )
    with UnitOfWork(engine) as uow:
        statements.import_statement_file(uow, path, "auto", DAY)
        post_topup(uow, number, Decimal("100.00"), DAY, "готівкою")
        invoices.issue_topup_invoice(uow, number, Decimal("1000.00"), dt.date.today())
        uow.commit()
    return number


def make_window(qtbot: QtBot, engine: Engine, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(engine, str(engine.url), settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def dialogs(window: MainWindow, engine: Engine, client: str) -> Iterator[QDialog]:
    """Every dialog of the window that opens without changing anything."""
    window.show_screen("accounts")
    assert window.select_account(client)
    topup = window.make_topup_dialog()
    assert topup is not None
    yield topup
    window.ledger_view.selectRow(0)
    reverse = window.make_reverse_dialog()
    assert reverse is not None
    yield reverse
    yield ReportDialog(engine, QSettings(), DAY, window, account=client)
    statements_tab = window.statements_tab
    window.show_widget(statements_tab)
    statements_tab.reload()
    statements_tab.unmatched_view.selectRow(0)
    statements_tab.batch_view.selectRow(0)
    for make in (
        statements_tab.make_assign_dialog,
        statements_tab.make_ignore_dialog,
        statements_tab.make_undo_dialog,
    ):
        made = make()
        assert made is not None
        yield made
        if isinstance(made, AssignDialog):  # and the question it asks before posting
            account = window.current_account()
            assert account is not None
            yield made.confirmation_box(account)
    yield errors.error_box(window, InputError("a top-up needs a reason"))
    invoices_tab = window.invoices_tab
    window.show_widget(invoices_tab)
    invoices_tab.view.selectRow(0)
    cancel = invoices_tab.make_cancel_dialog()
    assert cancel is not None
    yield cancel
    from ui.invoice_dialogs import InvoiceRunDialog, TopupInvoiceDialog

    yield InvoiceRunDialog(engine, DAY, window)
    yield TopupInvoiceDialog(engine, DAY, window, account=client)


def test_no_english_is_left_in_the_window_under_ukrainian(
    ukrainian: None,
    qtbot: QtBot,
    engine: Engine,
    client: str,
    tmp_path: Path,
    shown_errors: list[BaseException],
) -> None:
    window = make_window(qtbot, engine, tmp_path)
    texts = []
    for index in range(window.stack.count()):
        window.stack.setCurrentIndex(index)  # each screen reads its lists when first shown
        qtbot.wait(50)
        texts += list(visible_texts(window))
    texts += [("status bar", window.statusBar().currentMessage())]
    for dialog in dialogs(window, engine, client):
        dialog.show()
        texts += list(visible_texts(dialog))
        dialog.reject()
        dialog.deleteLater()

    assert shown_errors == []
    left = untranslated(texts)
    assert left == [], "\n".join(left)
    assert window.windowTitle() == "Особові рахунки"
    assert "Скасувати" in [t for _where, t in texts]  # Qt's own buttons speak Ukrainian too
    assert QLocale().toString(1234567) == "1\u00a0234\u00a0567"
    assert format_amount(Decimal("-1234567.5")) == "-1\u00a0234\u00a0567,50"


def test_every_message_of_ours_has_a_ukrainian_translation() -> None:
    """The .ts is in step with the code, and the .qm with the .ts."""
    ts = translations.FOLDER / "backoffice_uk.ts"
    known = translations.read_ts(ts)
    missing = [
        f"{m.file}:{m.line}: {m.source!r}"
        for m in translations.extract()
        if (m.context, m.source) not in known
    ]
    assert missing == []
    assert ts.with_suffix(".qm").stat().st_mtime >= ts.stat().st_mtime - 1


def test_a_refusal_reads_in_the_accountants_words_with_dates_as_written_here(
    ukrainian: None,
) -> None:
    shown = errors.error_text(InputError("the reconciliation statement needs --account"))
    assert "--account" not in shown and english_words(shown) == []
    shown = errors.error_text(InputError("statement batch 3 was undone on 2026-12-07"))
    assert "07.12.2026" in shown and "2026-12-07" not in shown
    shown = errors.error_text(
        InputError(
            "vypyska.txt: the statement is for account UA213223130000026007233566001, which "
            "is not ours (company.iban, company.accounts)"
        )
    )
    assert shown.startswith("vypyska.txt: ") and "company." not in shown


def test_the_language_setting_switches_to_english(
    qapp: QApplication, qtbot: QtBot, engine: Engine, client: str, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "uk")
    window = MainWindow(engine, str(engine.url), settings=settings)
    qtbot.addWidget(window)
    assert window.language_actions["uk"].isChecked()
    window.language_actions["en"].trigger()
    assert chosen_language(settings) == "en"
    assert window.language_actions["en"].isChecked()

    installed = install_translations(qapp, chosen_language(settings))
    try:
        assert installed == []  # the source strings are English
        english = MainWindow(engine, str(engine.url), settings=settings)
        qtbot.addWidget(english)
        assert english.windowTitle() == "Personal accounts"
        assert QCoreApplication.translate("StatementsTab", "Unmatched payments") == (
            "Unmatched payments"
        )
        assert format_amount(Decimal("-1234567.5")) == "-1,234,567.50"
    finally:
        remove_translations(qapp, installed)

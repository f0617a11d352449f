"""Clients in the window: the new-client dialog and the card check requisites as
they are typed, an edit is saved with a reason and shows in the list, the
import previews every row, the card shows the ledger's running balance.

On SQLite and PostgreSQL, offscreen.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord
from backoffice.services import clients, payments
from backoffice.services.client_edits import client_record
from tests.helpers import EDRPOU_A, EDRPOU_B, IBAN_PRIVAT, add_legal
from tests.test_ui_languages import ukrainian, untranslated, visible_texts  # noqa: F401
from ui import errors
from ui.clients.client_card import ClientCard
from ui.clients.clients_screen import ClientsScreen
from ui.clients.correction_dialog import CorrectionDialog
from ui.clients.import_dialog import ClientImportDialog
from ui.clients.new_client_dialog import NewClientDialog
from ui.reason_dialog import ReasonDialog
from ui.reverse_dialog import ReverseDialog

Factory = Callable[..., UnitOfWork]
TODAY = dt.date(2026, 12, 7)
BAD_IBAN = "UA743052990000026007233566002"


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    return shown


def test_new_client_dialog_checks_as_typed_and_adds(
    qtbot: QtBot, engine: Engine, uow_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = NewClientDialog(engine, today=TODAY)
    qtbot.addWidget(dialog)
    said: list[str] = []
    monkeypatch.setattr(dialog, "show_added", said.append)
    form = dialog.form
    assert not dialog.save_button.isEnabled()  # nothing typed: a legal entity needs a name
    form.name_edit.setText("ТОВ «Нова Ферма»")
    form.code_edit.setText("32855962")
    assert form.errors["code"].text() == "The check digit does not match: look for a typo."
    form.code_edit.setText(EDRPOU_A)
    form.ibans_edit.setPlainText(BAD_IBAN)
    assert not form.errors["ibans"].isHidden()
    assert BAD_IBAN in form.errors["ibans"].text()
    assert not dialog.save_button.isEnabled()
    form.ibans_edit.setPlainText(IBAN_PRIVAT)
    form.emails_edit.setPlainText("buh@ferma.ua")
    form.contract_no_edit.setText("8/2026")
    form.contract_date_edit.setText("01.12.2026")
    assert form.problems == {}
    assert dialog.save_button.isEnabled()
    assert not dialog.save_button.isDefault()  # Enter alone saves nothing
    dialog.accept()
    assert said == ["OR-000001"]
    with uow_factory(read_only=True) as uow:
        record = client_record(uow, "OR-000001")
    assert (record.name, record.edrpou, record.ibans) == (
        "ТОВ «Нова Ферма»",
        EDRPOU_A,
        (IBAN_PRIVAT,),
    )
    assert record.contract_date == dt.date(2026, 12, 1)


def test_card_edit_refuses_a_bad_iban_then_saves_with_a_reason_and_the_list_shows_it(
    qtbot: QtBot, engine: Engine, uow_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = add_legal(uow_factory)
    add_legal(uow_factory, name="ТОВ «Другий»", edrpou=EDRPOU_B)
    screen = ClientsScreen(engine, QSettings(), today=TODAY)
    qtbot.addWidget(screen)
    assert screen.model.total == 2
    card = ClientCard(engine, account, today=TODAY)
    qtbot.addWidget(card)
    assert "ТОВ «Агро Трейд»" in card.who.text()
    assert not card.save_button.isVisible() or not card.save_button.isEnabled()
    card.start_editing()
    card.form.ibans_edit.setPlainText(BAD_IBAN)
    assert BAD_IBAN in card.form.errors["ibans"].text()
    assert not card.save_button.isEnabled()
    card.form.ibans_edit.setPlainText(IBAN_PRIVAT)
    card.form.name_edit.setText("ТОВ «Агро Трейд Плюс»")
    assert card.save_button.isEnabled()

    asked: list[ReasonDialog] = []

    def answer(dialog: ReasonDialog) -> bool:
        asked.append(dialog)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.reason_edit.setText("лист клієнта")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(card, "ask_reason", answer)
    card.save()
    assert len(asked) == 1 and "name" in asked[0].what_label.text()
    assert not card.editing
    with uow_factory(read_only=True) as uow:
        assert client_record(uow, account).name == "ТОВ «Агро Трейд Плюс»"
        audit = uow.session.execute(
            select(AuditRecord).where(AuditRecord.action == "client.edit")
        ).scalar_one()
    assert json.loads(audit.after)["reason"] == "лист клієнта"
    assert "ТОВ «Агро Трейд Плюс»" in card.who.text()
    # the change hub told the list: it shows the new name without a manual refresh
    names = [screen.model.record(r).account.client_name for r in range(screen.model.rowCount())]
    assert "ТОВ «Агро Трейд Плюс»" in names


def test_card_shows_running_balance_and_posts_a_confirmed_correction(
    qtbot: QtBot, engine: Engine, uow_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = add_legal(uow_factory, opening="100.00")
    with uow_factory() as uow:
        payments.receive_topup(uow, account, Decimal("250.50"), dt.date(2026, 11, 5), "платіжка 7")
        uow.commit()
    card = ClientCard(engine, account, today=TODAY)
    qtbot.addWidget(card)
    model = card.ledger_model
    lines = [model.record(r) for r in range(model.rowCount())]
    assert [(line.entry.amount, line.balance_after) for line in lines] == [
        (Decimal("250.50"), Decimal("350.50")),
        (Decimal("100.00"), Decimal("100.00")),
    ]
    assert model.index(0, 3).data() == "350,50"
    assert [v for _, v in card.chart.points] == [Decimal("100.00"), Decimal("350.50")]
    assert card.payments_model.rowCount() == 1  # the opening balance is not a payment

    dialog = CorrectionDialog(engine, account, card, today=TODAY)
    qtbot.addWidget(dialog)
    confirmations: list[Decimal] = []
    monkeypatch.setattr(dialog, "confirm", lambda amount: confirmations.append(amount) or True)
    dialog.amount_edit.setText("-50,25")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reason_edit.setText("подвійне поповнення")
    dialog.accept()
    assert confirmations == [Decimal("-50.25")]
    with uow_factory(read_only=True) as uow:
        assert clients.show_account(uow, account).balance == Decimal("300.25")


def test_import_previews_every_bad_row_and_imports_only_a_clean_file(
    qtbot: QtBot, engine: Engine, uow_factory: Factory, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "kind;name;edrpou;iban\n"
        f"legal;ТОВ «Добрий»;{EDRPOU_A};{IBAN_PRIVAT}\n"
        "legal;ТОВ «Поганий код»;32855962;\n"
        f"legal;ТОВ «Рахунок»;{EDRPOU_B};{BAD_IBAN}\n",
        encoding="utf-8",
    )
    dialog = ClientImportDialog(engine, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.preview_file(bad)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    shown = [dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())]
    assert shown[0] == "will be added"
    assert shown[1] == "error: ЄДРПОУ 32855962: the check digit does not match"
    assert shown[2] == f"error: IBAN {BAD_IBAN} is not valid"
    assert not dialog.import_button.isEnabled()
    dialog.run_import()  # refused: nothing is written
    with uow_factory(read_only=True) as uow:
        assert clients.count_accounts(uow) == 0

    good = tmp_path / "good.csv"
    good.write_text(
        f"kind;name;edrpou\nlegal;ТОВ «Добрий»;{EDRPOU_A}\nlegal;ТОВ «Другий»;{EDRPOU_B}\n",
        encoding="utf-8",
    )
    dialog.preview_file(good)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.import_button.isEnabled())
    with qtbot.waitSignal(dialog.imported) as imported:
        dialog.run_import()
    assert imported.args == [2]
    with uow_factory(read_only=True) as uow:
        assert clients.count_accounts(uow) == 2


def test_clients_screen_flags_a_client_without_contract(
    qtbot: QtBot, engine: Engine, uow_factory: Factory
) -> None:
    add_legal(uow_factory)
    screen = ClientsScreen(engine, QSettings(), today=TODAY)
    qtbot.addWidget(screen)
    contract = screen.model.index(0, 6)
    assert "no contract" in contract.data()
    assert screen.title() == "Clients"
    card = screen.open_card(screen.model.record(0).account.number)
    qtbot.addWidget(card)
    assert card.account_number == "OR-000001"


def test_no_english_is_left_in_the_clients_windows_under_ukrainian(
    ukrainian: None,  # noqa: F811 (the fixture imported above)
    qtbot: QtBot,
    engine: Engine,
    uow_factory: Factory,
    tmp_path: Path,
) -> None:
    account = add_legal(uow_factory, opening="100.00")
    screen = ClientsScreen(engine, QSettings(), today=TODAY)
    card = ClientCard(engine, account, today=TODAY)
    new = NewClientDialog(engine, today=TODAY)
    new.form.code_edit.setText("32855962")
    new.form.ibans_edit.setPlainText(BAD_IBAN)
    new.form.contract_date_edit.setText("31.02.2026")
    imports = ClientImportDialog(engine, today=TODAY)
    bad = tmp_path / "bad.csv"
    bad.write_text("kind;name;edrpou\nlegal;ТОВ «Х»;32855962\n", encoding="utf-8")
    imports.preview_file(bad)
    qtbot.waitUntil(lambda: imports.preview is not None)
    correction = CorrectionDialog(engine, account, card, today=TODAY)
    texts: list[tuple[str, str]] = []
    for widget in (screen, card, new, imports, correction):
        qtbot.addWidget(widget)
        widget.show()
        if widget is card:
            for index in range(card.tabs.count()):
                card.tabs.setCurrentIndex(index)
                texts += list(visible_texts(card))
        texts += list(visible_texts(widget))
    left = untranslated(texts)
    assert left == [], "\n".join(left)
    assert screen.title() == "Клієнти"


def test_card_reverses_the_selected_entry_and_shows_the_new_balance(
    qtbot: QtBot, engine: Engine, uow_factory: Factory
) -> None:
    account = add_legal(uow_factory, opening="100.00")
    with uow_factory() as uow:
        payments.receive_topup(uow, account, Decimal("40.00"), dt.date(2026, 11, 5), "помилково")
        uow.commit()
    card = ClientCard(engine, account, today=TODAY)
    qtbot.addWidget(card)
    card.tabs.setCurrentWidget(card.ledger_view)
    assert not card.reverse_button.isEnabled()  # nothing selected yet
    card.ledger_view.selectRow(0)  # newest first: the 40.00 top-up
    assert card.reverse_button.isEnabled()
    card.reverse_selected()
    [dialog] = card.findChildren(ReverseDialog)
    assert dialog.original.amount == Decimal("40.00")
    dialog.reason_edit.setText("не наш платіж")
    dialog.accept()
    assert "140,00" not in card.who.text() and "100,00" in card.who.text()
    assert card.ledger_model.record(0).balance_after == Decimal("100.00")


def test_enter_on_an_account_in_the_main_window_opens_its_client_card(
    qtbot: QtBot, engine: Engine, uow_factory: Callable[..., UnitOfWork], tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.main_window import MainWindow

    number = add_legal(uow_factory, opening="500.00")
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(engine, str(engine.url), settings=settings)
    qtbot.addWidget(window)
    window.show_screen("accounts")
    assert window.select_account(number)
    card = window.open_client_card()
    assert card is not None
    qtbot.addWidget(card)
    assert number in card.windowTitle() or number in " ".join(
        label.text() for label in card.findChildren(QLabel)
    )


def test_the_client_card_shows_the_subscription_with_its_actions(
    qtbot: QtBot, uow_factory: Factory, engine: Engine
) -> None:
    number = add_legal(uow_factory, opening="500.00")
    card = ClientCard(engine, number)
    qtbot.addWidget(card)
    titles = [card.tabs.tabText(i) for i in range(card.tabs.count())]
    assert "Subscription" in titles
    assert card.subscription_panel is not None
    assert card.subscription_panel.account_number == number

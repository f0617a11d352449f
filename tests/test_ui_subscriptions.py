"""The tariff constructor and the subscription panel, driven as a user would.

On SQLite and PostgreSQL. Confirmations are modal QMessageBoxes: their `exec`
is replaced by the answer a key press would give, so the test goes through
the same code path as the keyboard.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Invoice
from backoffice.domain import EntryKind
from backoffice.services import ledger, subscription_orders
from tests.helpers import EDRPOU_B, D, add_legal
from tests.test_billing import setup_billing, subscribe
from tests.test_statements import configure
from tests.test_ui_languages import untranslated, visible_texts
from ui import errors
from ui.languages import install_translations, remove_translations
from ui.reason_dialog import ReasonDialog
from ui.subscriptions import subscription_panel
from ui.subscriptions.constructor_dialog import SubscriptionDialog
from ui.subscriptions.subscription_panel import ChangePlanDialog, OptionsDialog, SubscriptionPanel

Factory = Callable[..., UnitOfWork]
DAY = dt.date(2026, 11, 10)
SHOTS = os.environ.get("BACKOFFICE_SHOTS")  # a folder: screenshots of what the tests drive


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    return shown


class Answers:
    """What the next confirmations are answered with (None = Enter: the default
    button), and every box asked."""

    def __init__(self) -> None:
        self.queue: list[QMessageBox.StandardButton | None] = []
        self.asked: list[QMessageBox] = []

    def append(self, answer: QMessageBox.StandardButton | None) -> None:
        self.queue.append(answer)

    def __call__(self, box: QMessageBox) -> int:
        self.asked.append(box)
        chosen = self.queue.pop(0) if self.queue else None
        button = chosen if chosen is not None else box.standardButton(box.defaultButton())
        return button.value


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: given(box))
    return given


def shot(widget: object, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))  # type: ignore[attr-defined]


def entries(new_uow: Factory, number: str) -> list[tuple[str, D]]:
    with new_uow(read_only=True) as uow:
        return [(str(e.kind), e.amount) for e in ledger.account_entries(uow, number)]


def dialog_for(qtbot: QtBot, engine: Engine, number: str) -> SubscriptionDialog:
    dialog = SubscriptionDialog(engine, number, today=DAY)
    dialog.open_printed = False
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.terms is not None, timeout=20_000)
    return dialog


def test_the_breakdown_follows_the_choice_and_enter_does_not_subscribe(
    qtbot: QtBot, engine: Engine, uow_factory: Factory, answers: Answers
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="1000.00")
    dialog = dialog_for(qtbot, engine, number)
    assert dialog.plan_combo.currentIndex() == -1  # nothing chosen for the user
    assert not dialog.subscribe_button.isEnabled()
    dialog.choose("business", 3, {"users": 2})
    # (100 + 2 × 5) × 3 = 330 EUR − 5% = 313.50 EUR × 48.5123 × 1.03 = 15 664,86 UAH
    text = dialog.breakdown.text()
    for shown in ("313,50 EUR", "−16,50 EUR", "48,5123", "15\u00a0664,86 UAH", "14\u00a0664,86"):
        assert shown in text, shown
    dialog.months_combo.setCurrentIndex(dialog.months_combo.findData(12))
    # 110 × 12 = 1320 − 15% = 1122.00 EUR × 48.5123 × 1.03 = 56 063,7246
    assert "56\u00a0063,72 UAH" in dialog.breakdown.text()
    shot(dialog, "constructor")
    # Enter on the dialog and on the question buys nothing
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.ask_and_subscribe() is None
    box = answers.asked[-1]
    assert number in box.text() and "56\u00a0063,72 UAH" in box.text()
    assert entries(uow_factory, number)[-1][0] == "opening_balance"
    with uow_factory(read_only=True) as uow:
        assert subscription_orders.subscription_card(uow, number) is None


def test_subscribing_without_funds_leaves_it_pending_with_an_invoice_to_save(
    qtbot: QtBot,
    engine: Engine,
    uow_factory: Factory,
    answers: Answers,
    tmp_path: Path,
    shown_errors: list[BaseException],
) -> None:
    configure(uow_factory)  # the billing set-up and the company's requisites the PDF needs
    number = add_legal(uow_factory, opening="1000.00")
    dialog = dialog_for(qtbot, engine, number)
    dialog.choose("business", 1, auto_renew=False)
    answers.append(QMessageBox.StandardButton.Yes)
    op = dialog.ask_and_subscribe()
    assert op is not None
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=20_000)
    placed = dialog.placed
    assert placed is not None and placed.subscription.status == "pending" and placed.invoice
    assert dialog.print_button.isVisible() and placed.invoice in dialog.outcome.text()
    with uow_factory(read_only=True) as uow:
        invoice = uow.session.execute(
            select(Invoice).where(Invoice.number == placed.invoice)
        ).scalar_one()
        # 100 EUR × 48.5123 × 1.03 = 4996.7669
        assert (invoice.kind, invoice.total) == ("activation", D("4996.77"))
    path = tmp_path / "invoice.pdf"
    dialog.start_print(path)
    qtbot.waitUntil(
        lambda: bool((path.exists() and not dialog.jobs.busy()) or shown_errors), timeout=30_000
    )
    assert not shown_errors
    assert path.read_bytes().startswith(b"%PDF")
    shot(dialog, "constructor-subscribed")


def test_subscribing_with_funds_activates_and_debits_the_quoted_amount(
    qtbot: QtBot, engine: Engine, uow_factory: Factory, answers: Answers
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="20000.00")
    dialog = dialog_for(qtbot, engine, number)
    dialog.choose("start", 1, {"deliveries": 5})
    assert dialog.quote is not None
    quoted = dialog.quote.uah
    answers.append(QMessageBox.StandardButton.Yes)
    dialog.ask_and_subscribe()
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=20_000)
    assert dialog.placed is not None and dialog.placed.subscription.status == "active"
    assert entries(uow_factory, number)[-1] == (str(EntryKind.DEBIT_ACTIVATION), -quoted)


@pytest.fixture
def panel(qtbot: QtBot, engine: Engine, tmp_path: Path) -> Callable[[str], SubscriptionPanel]:
    def make(number: str) -> SubscriptionPanel:
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        made = SubscriptionPanel(engine, settings, today=lambda: DAY)
        qtbot.addWidget(made)
        made.show()
        made.set_account(number)
        qtbot.waitUntil(lambda: made.card_loaded, timeout=20_000)
        return made

    return make


def test_the_panel_shows_the_subscription_and_changes_the_plan_after_a_preview(
    qtbot: QtBot,
    uow_factory: Factory,
    panel: Callable[[str], SubscriptionPanel],
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="20000.00")
    subscribe(uow_factory, number, "start", on="2026-11-02")
    shown = panel(number)
    text = shown.summary.text()
    assert "Старт" in text and "01.11.2026 – 30.11.2026" in text
    assert shown.change_button.isEnabled() and shown.suspend_button.isEnabled()
    assert not shown.resume_button.isEnabled()
    shot(shown, "panel")

    changed: list[ChangePlanDialog] = []

    def drive(dialog: ChangePlanDialog) -> int:
        changed.append(dialog)
        qtbot.waitUntil(lambda: dialog.plan_combo.count() > 0, timeout=20_000)
        assert dialog.plan_combo.currentIndex() == -1  # nothing chosen for the user
        dialog.plan_combo.setCurrentIndex(dialog.plan_combo.findData("business"))
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
        dialog.reason_edit.setText("клієнт росте")
        shot(dialog, "change-plan")
        answers.append(QMessageBox.StandardButton.Yes)
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.result() == 1, timeout=20_000)
        return 1

    monkeypatch.setattr(ChangePlanDialog, "exec", drive)
    shown.open_change_plan()
    preview = changed[0].preview
    assert preview is not None and preview.uah == D("4996.77")  # 100 EUR, the new month in full
    assert "4\u00a0996,77" in changed[0].preview_label.text()
    assert entries(uow_factory, number)[-1] == ("debit_activation", -preview.uah)
    qtbot.waitUntil(lambda: "Бізнес" in shown.summary.text(), timeout=20_000)


def test_suspend_and_resume_from_the_panel_need_a_reason(
    qtbot: QtBot,
    uow_factory: Factory,
    panel: Callable[[str], SubscriptionPanel],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="20000.00")
    subscribe(uow_factory, number, "start", on="2026-11-02")
    shown = panel(number)

    def give_reason(dialog: ReasonDialog) -> int:
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.reason_edit.setText("пауза на місяць")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReasonDialog, "exec", give_reason)
    shown.suspend()
    qtbot.waitUntil(lambda: shown.resume_button.isEnabled(), timeout=20_000)
    assert subscription_panel.status_text("suspended") in shown.summary.text()
    shown.resume()
    qtbot.waitUntil(lambda: shown.suspend_button.isEnabled(), timeout=20_000)
    with uow_factory(read_only=True) as uow:
        card = subscription_orders.subscription_card(uow, number)
    assert card is not None and card.status == "active"


def test_the_constructor_and_the_panel_speak_ukrainian(
    qtbot: QtBot,
    qapp: QApplication,
    engine: Engine,
    uow_factory: Factory,
    panel: Callable[[str], SubscriptionPanel],
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="1000.00")
    other = add_legal(uow_factory, edrpou=EDRPOU_B, opening="9000.00")
    subscribe(uow_factory, other, "start", on="2026-11-02")
    installed = install_translations(qapp, "uk")
    try:
        dialog = dialog_for(qtbot, engine, number)
        dialog.choose("business", 3, {"users": 1})
        text = dialog.breakdown.text()
        assert "До сплати" in text and "Знижка за 3 місяці (5 %)" in text
        assert dialog.months_combo.currentText() == "3 місяці (−5 %)"
        assert dialog.subscribe_button.text() == "&Підписати…"
        shot(dialog, "constructor-uk")
        shown = panel(other)
        shot(shown, "panel-uk")
        # plan and option names come from the catalog; everything else is ours
        left = untranslated([*visible_texts(dialog), *visible_texts(shown)])
        assert left == [], "\n".join(left)
    finally:
        remove_translations(qapp, installed)


def test_options_and_auto_renewal_from_the_panel(
    qtbot: QtBot,
    uow_factory: Factory,
    panel: Callable[[str], SubscriptionPanel],
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="20000.00")
    subscribe(uow_factory, number, "start", on="2026-11-02")
    shown = panel(number)

    def add_two_users(dialog: OptionsDialog) -> int:
        qtbot.waitUntil(lambda: "users" in dialog.spins, timeout=20_000)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        dialog.spins["users"].setValue(2)
        assert not ok.isEnabled()  # a reason first
        dialog.reason_edit.setText("ще двоє бухгалтерів")
        assert ok.isEnabled() and not ok.isDefault() and not ok.autoDefault()
        answers.append(None)  # Enter on the question: nothing is added
        dialog.accept()
        assert dialog.result_value is None
        answers.append(QMessageBox.StandardButton.Yes)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OptionsDialog, "exec", add_two_users)
    shown.open_add_options()
    # 2 × 5 EUR for the one month left of the period: 10 × 48.5123 × 1.03 = 499.68
    assert entries(uow_factory, number)[-1] == ("debit_option", D("-499.68"))
    qtbot.waitUntil(lambda: "Користувачі: 2" in shown.summary.text(), timeout=20_000)

    def turn_off(dialog: ReasonDialog) -> int:
        dialog.reason_edit.setText("клієнт не продовжує")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReasonDialog, "exec", turn_off)
    shown.toggle_auto_renew()
    qtbot.waitUntil(lambda: shown.card is not None and not shown.card.auto_renew, timeout=20_000)
    assert shown.renew_button.text() == "Auto-renewal &on…"


def test_the_breakdown_is_redrawn_within_50_ms(
    qtbot: QtBot, engine: Engine, uow_factory: Factory
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="1000.00")
    dialog = dialog_for(qtbot, engine, number)
    dialog.choose("business", 1)
    timer = QElapsedTimer()
    timer.start()
    for quantity in range(1, 21):
        dialog.option_spins["users"].setValue(quantity)  # each change prices and redraws
    assert timer.elapsed() < 20 * 50
    assert dialog.quote is not None and dialog.quote.price.eur == D("200.00")  # 100 + 20 × 5

"""The client card: everything about one client and its personal account.

On top: who, the balance, access with its reason, the subscription, and a
small chart of the balance by day. Tabs: the requisites (edited in place,
checked as typed, saved through `client_edits.edit_client` after a reason is
given), the ledger with a running balance (read a page at a time), invoices,
acts, alerts and payments. Buttons: top-up, reversal of the selected entry,
correction, each the existing dialog with its own reason.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.domain import Access, AccountView, ClientRecord
from backoffice.exports import ColumnKind
from backoffice.services import client_card, client_edits, clients, invoices
from backoffice.services.client_card import ActRow, AlertRow, LedgerLine, LedgerQuery
from backoffice.services.subscriptions import SubscriptionView
from ui import errors
from ui.account_table import access_with_reason, kind_text
from ui.background import ACCOUNTS, INVOICES, change_hub
from ui.clients.balance_chart import BalanceChart
from ui.clients.correction_dialog import CorrectionDialog
from ui.clients.requisites_form import RequisitesForm
from ui.format import format_amount, format_date
from ui.invoice_lists import invoice_columns, month_text
from ui.ledger_table import can_reverse, entry_kind_text
from ui.reason_dialog import ReasonDialog
from ui.record_table import (
    PagedRecordModel,
    RecordColumn,
    RecordSortProxy,
    RecordTableModel,
    current_record,
    make_view,
)
from ui.reverse_dialog import ReverseDialog
from ui.screen_parts import empty_hint
from ui.topup_dialog import TopupDialog

if TYPE_CHECKING:
    from sqlalchemy import Engine

K = ColumnKind
PAGE = 200


class ClientCard(QDialog):
    """Emits `saved(number)` after the requisites were changed."""

    saved = Signal(str)

    def __init__(
        self,
        engine: Engine,
        account_number: str,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._today = today or dt.date.today()
        self.account_number = account_number
        self.view: AccountView | None = None
        self.record: ClientRecord | None = None
        self.setWindowTitle(self.tr("Client card"))
        self.resize(1000, 680)

        self.who = QLabel()
        self.who.setTextFormat(Qt.TextFormat.RichText)
        self.who.setWordWrap(True)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = BalanceChart()
        top = QHBoxLayout()
        top.addWidget(self.who, 3)
        top.addWidget(self.chart, 2)

        self.topup_button = QPushButton(self.tr("&Top up…"))
        self.reverse_button = QPushButton(self.tr("&Reverse entry…"))
        self.correction_button = QPushButton(self.tr("C&orrection…"))
        self.edit_button = QPushButton(self.tr("&Edit requisites"))
        self.save_button = QPushButton(self.tr("&Save…"))
        self.cancel_edit_button = QPushButton(self.tr("Cancel editing"))
        for button in (
            self.topup_button,
            self.reverse_button,
            self.correction_button,
            self.edit_button,
            self.save_button,
            self.cancel_edit_button,
        ):
            button.setAutoDefault(False)  # nothing is posted or saved on a stray Enter
        self.topup_button.clicked.connect(self.top_up)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.correction_button.clicked.connect(self.correct)
        self.edit_button.clicked.connect(self.start_editing)
        self.save_button.clicked.connect(self.save)
        self.cancel_edit_button.clicked.connect(self.stop_editing)
        buttons = QHBoxLayout()
        for button in (self.topup_button, self.reverse_button, self.correction_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.edit_button, self.save_button, self.cancel_edit_button):
            buttons.addWidget(button)

        self.form = RequisitesForm(today=self._today)
        self.form.changed.connect(self._check_form)

        self.ledger_model = PagedRecordModel(
            _ledger_columns(self),
            engine,
            client_card.ledger_page,
            client_card.ledger_summary,
            LedgerQuery(account_number),
            self,
            greyed=lambda line: line.entry.reversed_by_id is not None,
            page_size=PAGE,
        )
        self.ledger_view = make_view(self.ledger_model, sort=(0, Qt.SortOrder.DescendingOrder))
        self.ledger_view.selectionModel().selectionChanged.connect(self._check_buttons)
        empty_hint(self.ledger_view, self.tr("No entries yet: a top-up or a payment adds one."))
        self.payments_model = PagedRecordModel(
            _ledger_columns(self, with_balance=False),
            engine,
            client_card.ledger_page,
            client_card.ledger_summary,
            LedgerQuery(account_number, only_topups=True),
            self,
            page_size=PAGE,
        )
        self.payments_view = make_view(self.payments_model, sort=(0, Qt.SortOrder.DescendingOrder))
        empty_hint(self.payments_view, self.tr("No payments yet."))
        self.invoices_model = PagedRecordModel(
            invoice_columns(),
            engine,
            invoices.find_invoices,
            invoices.invoice_totals,
            invoices.InvoiceQuery(
                account_number=account_number, as_of=self._today, sort="date", descending=True
            ),
            self,
            page_size=PAGE,
        )
        self.invoices_view = make_view(self.invoices_model, sort=(1, Qt.SortOrder.DescendingOrder))
        empty_hint(self.invoices_view, self.tr("No invoices for this client."))
        self.acts_model: RecordTableModel[ActRow] = RecordTableModel(
            _act_columns(self), self, greyed=lambda act: act.cancelled
        )
        self.acts_view = make_view(RecordSortProxy(self.acts_model, self))
        empty_hint(self.acts_view, self.tr("No acts yet: the monthly closing makes them."))
        self.alerts_model: RecordTableModel[AlertRow] = RecordTableModel(_alert_columns(self), self)
        self.alerts_view = make_view(RecordSortProxy(self.alerts_model, self))
        empty_hint(self.alerts_view, self.tr("No alerts for this client."))

        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Requisites"))
        self.tabs.addTab(self.ledger_view, self.tr("Personal account"))
        self.subscription_panel = _subscription_panel(engine, account_number, self._today)
        if self.subscription_panel is not None:
            self.tabs.addTab(self.subscription_panel, self.tr("Subscription"))
        self.tabs.addTab(self.invoices_view, self.tr("Invoices"))
        self.tabs.addTab(self.acts_view, self.tr("Acts"))
        self.tabs.addTab(self.alerts_view, self.tr("Alerts"))
        self.tabs.addTab(self.payments_view, self.tr("Payments"))
        self.tabs.currentChanged.connect(self._check_buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self._escape)

        for model in (self.ledger_model, self.payments_model, self.invoices_model):
            model.load_failed.connect(lambda exc: errors.show_error(self, exc))
        change_hub().changed.connect(self.reload_changed)
        self.editing = False
        self.reload()
        self.stop_editing()

    # -- reading -----------------------------------------------------------------

    def reload(self) -> None:
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                view = clients.show_account(uow, self.account_number)
                record = client_edits.client_record(uow, self.account_number)
                subscription = client_card.subscription_summary(uow, self.account_number)
                points = client_card.balance_by_day(uow, self.account_number)
                acts = client_card.account_acts(uow, self.account_number)
                alerts = client_card.account_alerts(uow, self.account_number)
        except Exception as exc:
            errors.show_error(self, exc)
            return
        self.view, self.record = view, record
        self.setWindowTitle(
            self.tr("Client card: {name}").format(name=record.short_name or record.name)
        )
        self.who.setText(self._header(view, record, subscription))
        self.chart.set_points(points)
        self.acts_model.set_records(acts)
        self.alerts_model.set_records(alerts)
        for model in (self.ledger_model, self.payments_model, self.invoices_model):
            model.load(keep_loaded=model.loaded)
        if not self.editing:
            self.form.set_record(record)
        self._check_buttons()

    def reload_changed(self, changed: frozenset[str]) -> None:
        if changed & {ACCOUNTS, INVOICES}:
            self.reload()

    def _header(self, view: AccountView, record: ClientRecord, sub: SubscriptionView | None) -> str:
        code = record.edrpou or record.rnokpp or ""
        code_name = self.tr("ЄДРПОУ") if record.edrpou else self.tr("РНОКПП")
        access = html.escape(access_with_reason(view))
        if view.access is Access.BLOCKED:
            access = f"<span style='color:#c62828'>{access}</span>"
        if sub is None:
            plan = self.tr("no subscription")
        else:
            # the period's end is exclusive; the accountant reads the last paid day
            until = format_date(sub.period_end - dt.timedelta(days=1)) if sub.period_end else "—"
            plan = self.tr("{plan}, {status}, paid until {until}").format(
                plan=html.escape(sub.plan), status=html.escape(sub.status), until=until
            )
        contract = (
            self.tr("contract № {number} of {date}").format(
                number=html.escape(record.contract_no), date=format_date(record.contract_date)
            )
            if record.contract_no
            else f"<span style='color:#c62828'>{self.tr('no contract')}</span>"
        )
        lines = [
            f"<b style='font-size:14pt'>{html.escape(record.name)}</b>",
            f"{kind_text(record.kind)}"
            + (f", {code_name} {html.escape(code)}" if code else "")
            + f"; {contract}",
            self.tr("Personal account <b>{number}</b>: balance <b>{balance}</b> UAH").format(
                number=html.escape(view.number), balance=format_amount(view.balance)
            ),
            self.tr("Access: {access}").format(access=access),
            self.tr("Subscription: {plan}").format(plan=plan),
        ]
        return "<br>".join(lines)

    # -- editing -----------------------------------------------------------------

    def start_editing(self) -> None:
        self.editing = True
        self.form.set_read_only(False)
        self.tabs.setCurrentWidget(self.form)
        self.form.name_edit.setFocus()
        self._check_buttons()

    def stop_editing(self) -> None:
        self.editing = False
        if self.record is not None:
            self.form.set_record(self.record)
        self.form.set_read_only(True)
        self._check_buttons()

    def _check_form(self) -> None:
        self._check_buttons()

    def changes(self) -> client_edits.ClientChanges | None:
        """What differs from the stored requisites, or None while a field is wrong."""
        typed = self.form.record()
        if typed is None or self.record is None:
            return None
        given = {
            name: getattr(typed, name)
            for name in (
                "name",
                "short_name",
                "edrpou",
                "rnokpp",
                "vat_payer",
                "ipn",
                "address",
                "ibans",
                "emails",
                "contract_no",
                "contract_date",
                "manager",
                "notes",
            )
            if getattr(typed, name) != getattr(self.record, name)
        }
        return client_edits.ClientChanges(**given)

    def save(self) -> None:
        changes = self.changes()
        if changes is None or not changes.given():
            return
        fields = ", ".join(_field_text(self, name) for name in changes.given())

        def apply(_day: dt.date, reason: str) -> client_edits.EditedClient:
            with UnitOfWork(self._engine) as uow:
                edited = client_edits.edit_client(uow, self.account_number, changes, reason)
                uow.commit()
            return edited

        dialog = ReasonDialog(
            self,
            title=self.tr("Save requisites"),
            what=self.tr(
                "Changed: {fields}.<br>Documents already issued keep the old requisites."
            ).format(fields=html.escape(fields)),
            ok_text=self.tr("&Save"),
            apply=apply,
            today=self._today,
            with_date=False,
            placeholder=self.tr("e.g. the client's letter of 05.12.2026"),
        )
        if self.ask_reason(dialog):
            self.editing = False
            change_hub().changed.emit(frozenset({ACCOUNTS}))
            self.stop_editing()
            self.saved.emit(self.account_number)

    def ask_reason(self, dialog: ReasonDialog) -> bool:
        """Runs the reason dialog (a test fills and accepts it instead)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # -- money -----------------------------------------------------------------

    def top_up(self) -> None:
        if self.view is None:
            return
        dialog = TopupDialog(self._engine, self.view, self)
        dialog.posted.connect(lambda _e: change_hub().changed.emit(frozenset({ACCOUNTS})))
        dialog.open()

    def selected_entry(self) -> LedgerLine | None:
        return current_record(self.ledger_view)

    def reverse_selected(self) -> None:
        line = self.selected_entry()
        if line is None or not can_reverse(line.entry):
            return
        dialog = ReverseDialog(self._engine, line.entry, self, today=self._today)
        dialog.posted.connect(lambda _e: change_hub().changed.emit(frozenset({ACCOUNTS})))
        dialog.open()

    def correct(self) -> None:
        dialog = CorrectionDialog(self._engine, self.account_number, self, today=self._today)
        dialog.accepted.connect(lambda: change_hub().changed.emit(frozenset({ACCOUNTS})))
        dialog.open()

    def _check_buttons(self, *_args: object) -> None:
        self.edit_button.setVisible(not self.editing)
        self.save_button.setVisible(self.editing)
        self.cancel_edit_button.setVisible(self.editing)
        changes = self.changes() if self.editing else None
        self.save_button.setEnabled(changes is not None and bool(changes.given()))
        line = self.selected_entry() if self.tabs.currentWidget() is self.ledger_view else None
        self.reverse_button.setEnabled(line is not None and can_reverse(line.entry))

    def _escape(self) -> None:
        if self.editing:
            self.stop_editing()
        else:
            self.reject()


def _field_text(card: ClientCard, name: str) -> str:
    return {
        "name": card.tr("name"),
        "short_name": card.tr("short name"),
        "edrpou": card.tr("ЄДРПОУ"),
        "rnokpp": card.tr("РНОКПП"),
        "vat_payer": card.tr("VAT payer"),
        "ipn": card.tr("ІПН"),
        "address": card.tr("address"),
        "ibans": card.tr("IBANs"),
        "emails": card.tr("e-mails"),
        "contract_no": card.tr("contract number"),
        "contract_date": card.tr("contract date"),
        "manager": card.tr("manager"),
        "notes": card.tr("notes"),
    }.get(name, name)


def _ledger_columns(
    card: ClientCard, *, with_balance: bool = True
) -> list[RecordColumn[LedgerLine]]:
    columns: list[RecordColumn[LedgerLine]] = [
        RecordColumn(
            card.tr("Date"),
            lambda line: line.entry.business_date,
            K.DATE,
            "Дата",
            sample="00.00.0000",
            order="date",
        ),
        RecordColumn(
            card.tr("Kind"),
            lambda line: entry_kind_text(line.entry.kind),
            K.TEXT,
            "Вид",
            sample="Повернення за перерахунком",
        ),
        RecordColumn(
            card.tr("Amount, UAH"),
            lambda line: line.entry.amount,
            K.MONEY,
            "Сума, грн",
            sample="-9 999 999,99",
            shown=lambda line: format_amount(line.entry.amount, signed=True),
        ),
    ]
    if with_balance:
        columns.append(
            RecordColumn(
                card.tr("Balance, UAH"),
                lambda line: line.balance_after,
                K.MONEY,
                "Залишок, грн",
                sample="-9 999 999,99",
            )
        )
    columns += [
        RecordColumn(
            card.tr("Comment"),
            lambda line: line.entry.comment,
            K.TEXT,
            "Коментар",
            tooltip=lambda line: line.entry.comment or None,
        ),
        RecordColumn(
            card.tr("Entry"), lambda line: line.entry.id, K.INTEGER, "Проведення", sample="0000000"
        ),
    ]
    return columns


def _act_columns(card: ClientCard) -> list[RecordColumn[ActRow]]:
    return [
        RecordColumn(
            card.tr("Number"), lambda a: a.number, K.TEXT, "Номер", sample="АКТ-2026-000000"
        ),
        RecordColumn(card.tr("Date"), lambda a: a.date, K.DATE, "Дата", sample="00.00.0000"),
        RecordColumn(
            card.tr("Month"),
            lambda a: a.month,
            K.TEXT,
            "Місяць",
            sample="00.0000",
            shown=lambda a: month_text(a.month),
        ),
        RecordColumn(
            card.tr("Total, UAH"), lambda a: a.total, K.MONEY, "Сума, грн", sample="9 999 999,99"
        ),
        RecordColumn(
            card.tr("State"),
            lambda a: card.tr("cancelled") if a.cancelled else card.tr("valid"),
            K.TEXT,
            "Стан",
        ),
    ]


def _alert_columns(card: ClientCard) -> list[RecordColumn[AlertRow]]:
    return [
        RecordColumn(card.tr("Day"), lambda a: a.day, K.DATE, "Дата", sample="00.00.0000"),
        RecordColumn(
            card.tr("Message"),
            lambda a: a.message,
            K.TEXT,
            "Повідомлення",
            tooltip=lambda a: a.message,
        ),
        RecordColumn(
            card.tr("Sent"),
            lambda a: a.sent_at,
            K.DATETIME,
            "Надіслано",
            sample="00.00.0000 00:00",
        ),
    ]


def open_client_card(
    engine: Engine,
    account_number: str,
    parent: QWidget | None = None,
    *,
    today: dt.date | None = None,
) -> ClientCard:
    """Opened from a list by Enter or a double click on an account (not modal)."""
    card = ClientCard(engine, account_number, parent, today=today)
    card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    card.show()
    return card


def _subscription_panel(engine: Engine, account_number: str, today: dt.date) -> QWidget | None:
    """The plan, its options and their actions (the tariff constructor) as a card tab."""
    try:
        from ui.subscriptions.subscription_panel import SubscriptionPanel
    except ImportError:  # a build without the subscriptions screen
        return None
    panel = SubscriptionPanel(engine, today=lambda: today)
    panel.set_account(account_number)
    return panel

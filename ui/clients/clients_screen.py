"""The Clients screen: every client with its personal account, balance, access
and contract; a client without a contract is flagged (its documents cite
none). Enter or a double click opens the client card; New client… and
Import clients… add more.

The list is read a page at a time, filtered and sorted by the database.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from backoffice.exports import ColumnKind
from backoffice.services.client_list import ClientCount, ClientRow, client_count, client_rows
from backoffice.services.clients import AccountQuery
from ui import errors
from ui.account_table import access_with_reason, kind_text
from ui.background import ACCOUNTS, INVOICES, change_hub
from ui.clients.client_card import ClientCard, open_client_card
from ui.clients.import_dialog import ClientImportDialog
from ui.clients.new_client_dialog import NewClientDialog
from ui.format import format_date
from ui.record_table import PagedRecordModel, RecordColumn, current_record, make_view
from ui.screen_parts import add_context_actions, button_row, empty_hint, filter_field, make_action

if TYPE_CHECKING:
    from sqlalchemy import Engine

K = ColumnKind


class ClientsScreen(QWidget):
    def __init__(
        self,
        engine: Engine,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self._today = today
        self.cards: list[ClientCard] = []
        self.model: PagedRecordModel[ClientRow, AccountQuery, ClientCount] = PagedRecordModel(
            self._columns(), engine, client_rows, client_count, AccountQuery(), self
        )
        self.view = make_view(self.model)
        self.view.activated.connect(self._open_index)  # Enter and double click
        self.model.load_failed.connect(lambda exc: errors.show_error(self, exc))
        self.model.summary_changed.connect(self._show_count)
        empty_hint(
            self.view,
            lambda: (
                self.tr("No clients yet: add one with New client… or import a workbook.")
                if not self.model.query.text
                else self.tr("No client matches the filter.")
            ),
        )
        # Enter is the view's own shortcut below: an action's would fire in the filter too
        self.open_action = make_action(
            self, self.tr("&Open card"), self.open_selected, self.tr("Open the client card (Enter)")
        )
        self.new_action = make_action(
            self, self.tr("&New client…"), self.new_client, self.tr("Add a client"), "Ctrl+N"
        )
        self.import_action = make_action(
            self,
            self.tr("&Import clients…"),
            self.import_clients,
            self.tr("Add clients from an Excel or CSV file"),
            "Ctrl+Shift+I",
        )
        for action in (self.new_action, self.import_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        add_context_actions(self.view, [self.open_action, self.new_action])
        self.filter_edit = filter_field(
            self._filter, self.view, self.tr("Find: name, code or account number")
        )
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(button_row([self.new_action, self.import_action, None], self.filter_edit))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.view)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_selected)
        # self-contained: the screen listens itself, so a window need not relay
        change_hub().changed.connect(self.reload_changed)
        self.model.load()

    def title(self) -> str:
        return self.tr("Clients")

    def reload_changed(self, changed: frozenset[str]) -> None:
        if changed & {ACCOUNTS, INVOICES}:
            self.model.load(keep_loaded=True)

    def _filter(self, text: str) -> None:
        self.model.load(self.model.query.__class__(**{**self.model.query.__dict__, "text": text}))

    def _show_count(self, summary: ClientCount) -> None:
        self.count_label.setText(self.tr("Clients: {count}").format(count=summary.count))

    def _columns(self) -> list[RecordColumn[ClientRow]]:
        no_contract = self.tr("no contract")
        return [
            RecordColumn(
                self.tr("Account"),
                lambda r: r.account.number,
                K.TEXT,
                "Рахунок",
                sample="OR-0000000",
                order="number",
            ),
            RecordColumn(
                self.tr("Client"),
                lambda r: r.account.client_name,
                K.TEXT,
                "Клієнт",
                tooltip=lambda r: r.account.client_name,
                order="name",
            ),
            RecordColumn(
                self.tr("Kind"),
                lambda r: kind_text(r.account.client_kind),
                K.TEXT,
                "Вид",
                sample="Юридична особа",
                order="kind",
            ),
            RecordColumn(
                self.tr("ЄДРПОУ/РНОКПП"),
                lambda r: r.account.tax_code,
                K.TEXT,
                "Код",
                sample="0000000000",
                order="code",
            ),
            RecordColumn(
                self.tr("Balance, UAH"),
                lambda r: r.account.balance,
                K.MONEY,
                "Залишок, грн",
                sample="-9 999 999,99",
                order="balance",
            ),
            RecordColumn(
                self.tr("Access"),
                lambda r: access_with_reason(r.account),
                K.TEXT,
                "Доступ",
                sample="Заблоковано",
                order="access",
            ),
            RecordColumn(
                self.tr("Contract"),
                lambda r: r.contract_no or "",
                K.TEXT,
                "Договір",
                sample="№ 00/2026 від 00.00.0000",
                shown=lambda r: (
                    self.tr("№ {number} of {date}").format(
                        number=r.contract_no, date=format_date(r.contract_date)
                    )
                    if r.contract_no and r.contract_date
                    else r.contract_no or "⚠ " + no_contract
                ),
                tooltip=lambda r: (
                    self.tr(
                        "Without a contract, invoices and acts cite none: enter it in the card."
                    )
                    if r.without_contract
                    else None
                ),
                warn=lambda r: r.without_contract,
            ),
        ]

    # -- actions ---------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_card(self.model.record(index.row()).account.number)

    def open_selected(self) -> None:
        row = current_record(self.view)
        if row is not None:
            self.open_card(row.account.number)

    def open_card(self, number: str) -> ClientCard:
        card = open_client_card(self._engine, number, self, today=self._today)
        self.cards.append(card)
        card.destroyed.connect(lambda _obj=None, c=card: self._forget(c))
        return card

    def _forget(self, card: ClientCard) -> None:
        if card in self.cards:
            self.cards.remove(card)

    def new_client(self) -> None:
        dialog = NewClientDialog(self._engine, self, today=self._today)
        dialog.added.connect(lambda _number: self.model.load(keep_loaded=True))
        dialog.open()

    def import_clients(self) -> None:
        dialog = ClientImportDialog(self._engine, self, today=self._today)
        dialog.imported.connect(lambda _count: self.model.load(keep_loaded=True))
        dialog.open()

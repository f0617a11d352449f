"""Choosing a personal account: a filter field over `clients.list_accounts`.

The accounts a matching rule proposed (an unmatched line's candidates) are
listed first and marked; typing filters through the service (client name,
ЄДРПОУ/РНОКПП, account number), a page of `PICK_LIMIT` at a time. ↓ in the
field goes to the list, Enter in the list emits `chosen`. Nothing is selected
on opening unless a candidate is listed first: a stray Enter must never pick
the first client of the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from backoffice.db.engine import UnitOfWork
from backoffice.domain import AccountView
from backoffice.errors import NotFound
from backoffice.exports import ColumnKind
from backoffice.services.clients import AccountQuery, list_accounts, show_account
from ui import errors
from ui.account_table import kind_text
from ui.record_table import (
    RecordColumn,
    RecordSortProxy,
    RecordTableModel,
    current_record,
    make_view,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

PICK_LIMIT: Final = 100
FILTER_DELAY_MS: Final = 250
_CONTEXT: Final = "AccountPicker"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class AccountPicker(QWidget):
    """Emits `chosen(number)` on Enter or a double click in the list."""

    chosen = Signal(str)

    def __init__(
        self, engine: Engine, candidates: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._candidates = tuple(candidates)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Client name, ЄДРПОУ/РНОКПП or account number"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(self.tr("Type to search all accounts; ↓ goes to the list"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)

        self.model: RecordTableModel[AccountView] = RecordTableModel(
            (
                RecordColumn(_tr("Account"), lambda a: a.number, sample="OR-0000000"),
                RecordColumn(
                    _tr("Client"),
                    lambda a: a.client_short_name,
                    tooltip=lambda a: a.client_name,
                ),
                RecordColumn(
                    _tr("Kind"), lambda a: kind_text(a.client_kind), sample="Sole proprietor"
                ),
                RecordColumn(_tr("ЄДРПОУ/РНОКПП"), lambda a: a.tax_code, sample="0000000000"),
                RecordColumn(
                    _tr("Balance"), lambda a: a.balance, ColumnKind.MONEY, sample="-999 999,99"
                ),
                RecordColumn(
                    _tr("Proposed"),
                    lambda a: _tr("candidate") if a.number in self._candidates else "",
                    sample="candidate",
                ),
            ),
            self,
        )
        self.proxy = RecordSortProxy(self.model, self)
        self.view: QTableView = make_view(self.proxy)
        self.view.setSortingEnabled(False)  # candidates first, then the service's order
        self.view.setToolTip(self.tr("Enter or double click chooses the account"))
        self.note = QLabel()

        label = QLabel(self.tr("&Find account:"))
        label.setBuddy(self.filter_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

        self.filter_edit.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.search)
        self.filter_edit.returnPressed.connect(self._go_to_list)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filter_edit)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._go_to_list)
        self.view.doubleClicked.connect(self._choose_current)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.view)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self._choose_current)
        self.search()

    def search(self) -> None:
        """List the candidates (when no text is typed) and the accounts matching the text."""
        self._timer.stop()
        text = self.filter_edit.text().strip()
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                found = list_accounts(uow, AccountQuery(text=text, limit=PICK_LIMIT + 1))
                first = [] if text else _existing(uow, self._candidates)
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Cannot read the accounts"))
            return
        more = len(found) > PICK_LIMIT
        found = found[:PICK_LIMIT]
        listed = {a.number for a in first}
        rows = first + [a for a in found if a.number not in listed]
        if text:  # candidates that match the text still go first
            rows.sort(key=lambda a: a.number not in self._candidates)
        self.model.set_records(rows)
        self.view.clearSelection()
        self.view.setCurrentIndex(QModelIndex())
        self.note.setText(
            self.tr("Only the first {n} accounts are listed: type more to narrow them.").format(
                n=PICK_LIMIT
            )
            if more
            else ""
        )
        if rows and rows[0].number in self._candidates:
            self.view.selectRow(0)

    def current_account(self) -> AccountView | None:
        account: AccountView | None = current_record(self.view)
        return account

    def current_number(self) -> str | None:
        account = self.current_account()
        return account.number if account is not None else None

    def select_number(self, number: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.model.record(self.proxy.source_row(row)).number == number:
                self.view.selectRow(row)
                return True
        return False

    def _go_to_list(self) -> None:
        self.search()
        if self.current_account() is None and self.proxy.rowCount():
            self.view.selectRow(0)  # the user moved into the list: start at its top
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _choose_current(self) -> None:
        number = self.current_number()
        if number is not None:
            self.chosen.emit(number)


def _existing(uow: UnitOfWork, numbers: Sequence[str]) -> list[AccountView]:
    found = []
    for number in numbers:
        try:
            found.append(show_account(uow, number))
        except NotFound:
            continue  # archived or renumbered since the import
    return found

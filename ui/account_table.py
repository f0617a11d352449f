"""The list of personal accounts: a table model over `clients.list_accounts`.

Rows arrive a page at a time through Qt's `canFetchMore` / `fetchMore`, as
the view scrolls. Filtering and sorting are the query's job: `sort()` and
`set_filter()` change the `AccountQuery` and fetch again, so the database
orders the rows (by balance across every account, not just the loaded ones).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from backoffice.db.engine import UnitOfWork
from backoffice.domain import Access, AccountView, ClientKind
from backoffice.services.clients import AccountQuery, count_accounts, list_accounts
from ui.format import format_amount, format_date

if TYPE_CHECKING:  # the handle services take; the ui never uses it itself
    from sqlalchemy import Engine

PAGE_SIZE: Final = 200
RAW_ROLE: Final = Qt.ItemDataRole.UserRole  # the typed value (Decimal, date, enum) of a cell

NUMBER, CLIENT, KIND, CODE, BALANCE, ACCESS, LAST_TOPUP = range(7)
# Column → the service's sort key; the order of the list is the database's.
SORT_KEYS: Final = ("number", "name", "kind", "code", "balance", "access", "last_topup")
_CONTEXT: Final = "AccountTableModel"
# Marked for lupdate here, translated when shown.
_HEADERS: Final = (
    QT_TRANSLATE_NOOP(_CONTEXT, "Account"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Client"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Kind"),
    QT_TRANSLATE_NOOP(_CONTEXT, "ЄДРПОУ/РНОКПП"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Balance"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Access"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Last top-up"),
)
_KINDS: Final = {
    ClientKind.LEGAL: QT_TRANSLATE_NOOP(_CONTEXT, "Legal entity"),
    ClientKind.SOLE: QT_TRANSLATE_NOOP(_CONTEXT, "Sole proprietor"),
    ClientKind.INDIVIDUAL: QT_TRANSLATE_NOOP(_CONTEXT, "Individual"),
}
_ACCESS: Final = {
    Access.ACTIVE: QT_TRANSLATE_NOOP(_CONTEXT, "Active"),
    Access.BLOCKED: QT_TRANSLATE_NOOP(_CONTEXT, "Blocked"),
}
# Why an account is blocked (`accounts.block_reason`), as the accountant says it.
_BLOCK_REASONS: Final = {
    "insufficient_funds": QT_TRANSLATE_NOOP(_CONTEXT, "not enough money for the plan"),
    "unpaid_renewal": QT_TRANSLATE_NOOP(_CONTEXT, "the renewal invoice is not paid"),
    "suspended": QT_TRANSLATE_NOOP(_CONTEXT, "the subscription is suspended"),
    "period_ended": QT_TRANSLATE_NOOP(_CONTEXT, "the paid period has ended"),
    "balance_expired": QT_TRANSLATE_NOOP(_CONTEXT, "the prepaid balance has expired"),
    "limit_exceeded": QT_TRANSLATE_NOOP(_CONTEXT, "over the plan's limit too long"),
}
NEGATIVE: Final = QColor("#c62828")

Index = QModelIndex | QPersistentModelIndex


def _tr(text: object) -> str:
    # `object`: QT_TRANSLATE_NOOP is typed as returning one; it returns the str.
    return QCoreApplication.translate(_CONTEXT, str(text))


def kind_text(kind: ClientKind) -> str:
    return _tr(_KINDS[kind])


def access_text(access: Access) -> str:
    return _tr(_ACCESS[access])


def block_reason_text(reason: str | None) -> str:
    """`insufficient_funds` → "not enough money for the plan"; an unknown code as it is."""
    if not reason:
        return ""
    known = _BLOCK_REASONS.get(reason)
    return _tr(known) if known is not None else reason.replace("_", " ")


def access_samples() -> list[str]:
    """Every text the access column can show (for its width)."""
    blocked = access_text(Access.BLOCKED)
    return [access_text(Access.ACTIVE)] + [
        _tr("{access}: {reason}").format(access=blocked, reason=_tr(reason))
        for reason in _BLOCK_REASONS.values()
    ]


def access_with_reason(view: AccountView) -> str:
    """ "Blocked: not enough money for the plan", or just "Active"."""
    reason = block_reason_text(view.block_reason) if view.access is Access.BLOCKED else ""
    if not reason:
        return access_text(view.access)
    return _tr("{access}: {reason}").format(access=access_text(view.access), reason=reason)


class AccountTableModel(QAbstractTableModel):
    """Accounts matching `query`, loaded in pages of `PAGE_SIZE`.

    `total` is how many accounts match (the status bar's number); `rowCount`
    is how many are loaded so far. Every read is its own read-only unit of
    work: a page is one short transaction, never a session held open.
    """

    total_changed = Signal(int)
    load_failed = Signal(object)  # the exception; what was shown stays

    def __init__(
        self, engine: Engine, parent: QObject | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._page_size = page_size
        self._query = AccountQuery(limit=page_size)
        self._rows: list[AccountView] = []
        self._total = 0

    # -- what the window asks ------------------------------------------------

    @property
    def query(self) -> AccountQuery:
        """The filter and order on screen, without paging (what an export lists)."""
        return dataclasses.replace(self._query, offset=0, limit=None)

    @property
    def total(self) -> int:
        return self._total

    def account(self, row: int) -> AccountView:
        return self._rows[row]

    def row_of(self, number: str) -> int | None:
        """The row of account `number` among the loaded rows."""
        for row, view in enumerate(self._rows):
            if view.number == number:
                return row
        return None

    def set_filter(self, text: str) -> None:
        text = text.strip()
        if text != self._query.text:
            self._load(dataclasses.replace(self._query, text=text))

    def reload(self, *, keep_loaded: bool = False) -> None:
        """Fetch again from the first row; with `keep_loaded`, as many rows as
        were loaded (a refresh should not scroll the user back to the top)."""
        self._load(self._query, keep_loaded=keep_loaded)

    def _load(self, query: AccountQuery, *, keep_loaded: bool = False) -> None:
        """Show `query` from its first row; on failure keep what is shown and
        report it through `load_failed` (a model shows no message boxes)."""
        wanted = max(len(self._rows), self._page_size) if keep_loaded else self._page_size
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                total = count_accounts(uow, query)
                rows = list_accounts(uow, dataclasses.replace(query, offset=0, limit=wanted))
        except Exception as exc:
            self.load_failed.emit(exc)
            return
        self.beginResetModel()
        self._query = query
        self._rows = rows
        self._total = total
        self.endResetModel()
        self.total_changed.emit(total)

    # -- QAbstractTableModel -----------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = dataclasses.replace(self._query, offset=len(self._rows), limit=self._page_size)
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                rows = list_accounts(uow, page)
        except Exception as exc:
            self._total = len(self._rows)  # stop asking until the next reload
            self.load_failed.emit(exc)
            return
        if not rows:  # accounts were archived meanwhile: stop asking
            self._total = len(self._rows)
            self.total_changed.emit(self._total)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        key = SORT_KEYS[column]
        if (key, descending) == (self._query.sort, self._query.descending) and self._rows:
            return
        self._load(dataclasses.replace(self._query, sort=key, descending=descending))

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(_HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == BALANCE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, column)
        if role == RAW_ROLE:
            return _raw(view, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == BALANCE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == BALANCE and view.balance < 0:
                return QBrush(NEGATIVE)
            if column == ACCESS and view.access is Access.BLOCKED:
                return QBrush(NEGATIVE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CLIENT:
                return view.client_name
            if column == ACCESS and view.access is Access.BLOCKED:
                return access_with_reason(view)
        return None

    def _display(self, view: AccountView, column: int) -> str:
        if column == NUMBER:
            return view.number
        if column == CLIENT:
            return view.client_short_name
        if column == KIND:
            return kind_text(view.client_kind)
        if column == CODE:
            return view.tax_code or ""
        if column == BALANCE:
            return format_amount(view.balance)
        if column == ACCESS:
            return access_with_reason(view)
        return format_date(view.last_topup_date)


def _raw(view: AccountView, column: int) -> str | Decimal | dt.date | None:
    return (
        view.number,
        view.client_name,
        view.client_kind,
        view.tax_code,
        view.balance,
        view.access,
        view.last_topup_date,
    )[column]

"""The ledger of one personal account: its entries in date order.

Entries are never edited, only reversed; a reversed entry stays in the list,
greyed and in italics, with a tooltip naming the entry that reversed it.
"""

from __future__ import annotations

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
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from backoffice.db.engine import UnitOfWork
from backoffice.domain import EntryKind, PostedEntry
from backoffice.services.ledger import account_entries
from ui.account_table import NEGATIVE, RAW_ROLE
from ui.format import format_amount, format_date, format_rate

if TYPE_CHECKING:
    from sqlalchemy import Engine

DATE, KIND, AMOUNT, EUR, RATE, COMMENT, AUTHOR, ENTRY_ID = range(8)
_CONTEXT: Final = "LedgerTableModel"
_HEADERS: Final = (
    QT_TRANSLATE_NOOP(_CONTEXT, "Date"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Kind"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Amount, UAH"),
    QT_TRANSLATE_NOOP(_CONTEXT, "EUR"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Rate"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Comment"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Author"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Entry"),
)
_RIGHT: Final = frozenset({AMOUNT, EUR, RATE, ENTRY_ID})
_KINDS: Final = {
    EntryKind.TOPUP_BANK: QT_TRANSLATE_NOOP(_CONTEXT, "Bank top-up"),
    EntryKind.TOPUP_PROCESSOR: QT_TRANSLATE_NOOP(_CONTEXT, "Card top-up"),
    EntryKind.TOPUP_MANUAL: QT_TRANSLATE_NOOP(_CONTEXT, "Manual top-up"),
    EntryKind.OPENING_BALANCE: QT_TRANSLATE_NOOP(_CONTEXT, "Opening balance"),
    EntryKind.BONUS: QT_TRANSLATE_NOOP(_CONTEXT, "Bonus"),
    EntryKind.DEBIT_ACTIVATION: QT_TRANSLATE_NOOP(_CONTEXT, "Activation"),
    EntryKind.DEBIT_RENEWAL: QT_TRANSLATE_NOOP(_CONTEXT, "Renewal"),
    EntryKind.DEBIT_OPTION: QT_TRANSLATE_NOOP(_CONTEXT, "Option"),
    EntryKind.DEBIT_OVERAGE: QT_TRANSLATE_NOOP(_CONTEXT, "Overage"),
    EntryKind.DEBIT_DAILY: QT_TRANSLATE_NOOP(_CONTEXT, "Daily charge"),
    EntryKind.REFUND_PRORATION: QT_TRANSLATE_NOOP(_CONTEXT, "Proration refund"),
    EntryKind.EXPIRY: QT_TRANSLATE_NOOP(_CONTEXT, "Expiry"),
    EntryKind.REVERSAL: QT_TRANSLATE_NOOP(_CONTEXT, "Reversal"),
    EntryKind.CORRECTION: QT_TRANSLATE_NOOP(_CONTEXT, "Correction"),
}

Index = QModelIndex | QPersistentModelIndex


def _tr(text: object) -> str:
    # `object`: QT_TRANSLATE_NOOP is typed as returning one; it returns the str.
    return QCoreApplication.translate(_CONTEXT, str(text))


def entry_kind_text(kind: EntryKind) -> str:
    return _tr(_KINDS[kind])


def can_reverse(entry: PostedEntry) -> bool:
    """What `reverse_entry` accepts: not a reversal, not reversed already."""
    return entry.kind is not EntryKind.REVERSAL and entry.reversed_by_id is None


class LedgerTableModel(QAbstractTableModel):
    """The entries of the account shown (`account_number`), or none."""

    load_failed = Signal(object)  # the exception

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._account: str | None = None
        self._entries: list[PostedEntry] = []

    @property
    def account_number(self) -> str | None:
        return self._account

    def entry(self, row: int) -> PostedEntry:
        return self._entries[row]

    def entries(self) -> list[PostedEntry]:
        return list(self._entries)

    def row_of(self, entry_id: int) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                return row
        return None

    def show_account(self, number: str | None) -> None:
        """Load the ledger of `number` (None empties the view)."""
        entries: list[PostedEntry] = []
        if number is not None:
            try:
                with UnitOfWork(self._engine, read_only=True) as uow:
                    entries = account_entries(uow, number)
            except Exception as exc:
                number = None  # an empty ledger rather than another account's
                self.load_failed.emit(exc)
        self.beginResetModel()
        self._account = number
        self._entries = entries
        self.endResetModel()

    def reload(self) -> None:
        self.show_account(self._account)

    # -- QAbstractTableModel -----------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

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
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _RIGHT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        reversed_ = entry.reversed_by_id is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(entry, column)
        if role == RAW_ROLE:
            return _raw(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole:
            if reversed_:
                return QApplication.palette().brush(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            if column == AMOUNT and entry.amount < 0:
                return QBrush(NEGATIVE)
        if role == Qt.ItemDataRole.FontRole and (reversed_ or entry.kind is EntryKind.REVERSAL):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry, column)
        return None


def _display(entry: PostedEntry, column: int) -> str:
    if column == DATE:
        return format_date(entry.business_date)
    if column == KIND:
        return entry_kind_text(entry.kind)
    if column == AMOUNT:
        return format_amount(entry.amount, signed=True)
    if column == EUR:
        return format_amount(entry.eur, signed=True) if entry.eur is not None else ""
    if column == RATE:
        return format_rate(entry.rate) if entry.rate is not None else ""
    if column == COMMENT:
        return entry.comment
    if column == AUTHOR:
        return entry.author
    return str(entry.id)


def _raw(entry: PostedEntry, column: int) -> object:
    return (
        entry.business_date,
        entry.kind,
        entry.amount,
        entry.eur,
        entry.rate,
        entry.comment,
        entry.author,
        entry.id,
    )[column]


def _tooltip(entry: PostedEntry, column: int) -> str | None:
    notes = []
    if entry.reversed_by_id is not None:
        notes.append(_tr("Reversed by entry {id}").format(id=entry.reversed_by_id))
    if entry.reverses_id is not None:
        notes.append(_tr("Reverses entry {id}").format(id=entry.reverses_id))
    if column == COMMENT and entry.comment:
        notes.insert(0, entry.comment)
    if column == ENTRY_ID:
        notes.append(
            _tr("Posted {at} UTC by {author}").format(
                at=entry.created_at.strftime("%d.%m.%Y %H:%M"), author=entry.author
            )
        )
    return "\n".join(notes) or None

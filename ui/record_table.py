"""Lists of records (invoices, batches, unmatched lines) as tables.

A short list (the batches, the accounts a payment may belong to) comes from
its service whole: `RecordTableModel` keeps the records as given and a
`RecordSortProxy` sorts and filters them in memory by each cell's typed value
(`RAW_ROLE`: Decimal, date, str), never by the displayed text. A list that can
be long (a month of invoices after the invoice run, the unmatched queue after
a large statement) is a `PagedRecordModel`: the service filters and sorts, and
rows arrive a page at a time as the view scrolls, as in the accounts list.

A table is described once, as a tuple of `RecordColumn`s: the header, how a
cell is shown, its typed value, and how it goes into an exported file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from backoffice.db.engine import UnitOfWork
from backoffice.exports import ColumnKind
from ui.account_table import NEGATIVE, PAGE_SIZE, RAW_ROLE
from ui.format import format_amount, format_date

if TYPE_CHECKING:
    from sqlalchemy import Engine

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class RecordColumn(Generic[R]):
    """One column of a record table."""

    title: str
    """The header, already translated."""
    raw: Callable[[R], object]
    """The typed value: sorts the column and goes into an exported file."""
    kind: ColumnKind = ColumnKind.TEXT
    """How the value is shown and exported (money right-aligned, dates DD.MM.YYYY)."""
    file_title: str = ""
    """The column's title in an exported file (Ukrainian, not translated); else `title`."""
    sample: str = ""
    """Text the column's first width is measured on; empty: it stretches."""
    tooltip: Callable[[R], str | None] | None = None
    """A tooltip for the cell (a long purpose, a full name)."""
    shown: Callable[[R], str] | None = None
    """The cell's text when it is not just the raw value written out."""
    warn: Callable[[R], bool] | None = None
    """Red text when true (an overdue invoice)."""
    order: str = ""
    """In a paged list: the service's sort key for this column; empty: not sortable."""


def display_text(kind: ColumnKind, value: object) -> str:
    """A typed value as the screens write it (ui.format)."""
    if value is None:
        return ""
    if kind in (ColumnKind.MONEY, ColumnKind.EUR) and isinstance(value, Decimal):
        return format_amount(value)
    if kind is ColumnKind.DATETIME and isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if kind is ColumnKind.DATE and isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """`records` under `columns`; `set_records` replaces them all at once."""

    def __init__(
        self,
        columns: Sequence[RecordColumn[R]],
        parent: QObject | None = None,
        *,
        greyed: Callable[[R], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._records: list[R] = []
        self._greyed = greyed

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._records[row]

    def records(self) -> list[R]:
        return list(self._records)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and _right(column.kind):
            return RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.shown is not None:
                return column.shown(record)
            return display_text(column.kind, column.raw(record))
        if role == RAW_ROLE:
            return column.raw(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and _right(column.kind):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._greyed is not None and self._greyed(record):
                return QBrush(Qt.GlobalColor.gray)
            if column.warn is not None and column.warn(record):
                return QBrush(NEGATIVE)
            value = column.raw(record)
            if column.kind is ColumnKind.MONEY and isinstance(value, Decimal) and value < 0:
                return QBrush(NEGATIVE)
        return None


class PagedQuery(Protocol):
    """A service's query dataclass: filters plus these four fields."""

    sort: str
    descending: bool
    offset: int
    limit: int | None


class Summary(Protocol):
    """What a paged list's summary query returns (it may carry totals too)."""

    count: int


Q = TypeVar("Q", bound=PagedQuery)
S = TypeVar("S", bound=Summary)


class PagedRecordModel(RecordTableModel[R], Generic[R, Q, S]):
    """The records `query` finds, read `page_size` at a time as the view scrolls.

    `read(uow, query)` is the service's page (the query's offset and limit);
    `summarize(uow, query)` its count and totals, shown as `summary`. Sorting
    changes the query's order and reads again, so the database orders every
    record, not just the loaded ones. Each read is its own short read-only
    unit of work. Nothing is read until `load()`; a failed read keeps what is
    shown and is reported through `load_failed`.
    """

    summary_changed = Signal(object)
    load_failed = Signal(object)

    def __init__(
        self,
        columns: Sequence[RecordColumn[R]],
        engine: Engine,
        read: Callable[[UnitOfWork, Q], list[R]],
        summarize: Callable[[UnitOfWork, Q], S],
        query: Q,
        parent: QObject | None = None,
        *,
        greyed: Callable[[R], bool] | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(columns, parent, greyed=greyed)
        self._engine = engine
        self._read = read
        self._summarize = summarize
        self._query = dataclasses.replace(query, offset=0, limit=page_size)  # type: ignore[type-var]
        self.page_size = page_size
        self.summary: S | None = None
        self.loaded = False
        self._exhausted = False  # a page came back short: the list shrank since the count

    @property
    def query(self) -> Q:
        """The filters and order on screen, without paging (what an export lists)."""
        return dataclasses.replace(self._query, offset=0, limit=None)  # type: ignore[type-var]

    @property
    def total(self) -> int:
        return 0 if self.summary is None else self.summary.count

    def set_records(self, records: Sequence[R]) -> None:
        raise TypeError("a paged list reads its records from its query")

    def load(self, query: Q | None = None, *, keep_loaded: bool = False) -> bool:
        """Show `query` (else the current one) from its first record; False if the read failed.

        With `keep_loaded`, as many records as are loaded now, so a refresh after
        a change does not scroll the user back to the top.
        """
        query = self._query if query is None else query
        wanted = max(len(self._records), self.page_size) if keep_loaded else self.page_size
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                summary = self._summarize(uow, query)
                records = self._read(uow, dataclasses.replace(query, offset=0, limit=wanted))  # type: ignore[type-var]
        except Exception as exc:
            self.load_failed.emit(exc)
            return False
        self.beginResetModel()
        self._query = dataclasses.replace(query, offset=0, limit=self.page_size)  # type: ignore[type-var]
        self._records = list(records)
        self.summary = summary
        self.loaded = True
        self._exhausted = False
        self.endResetModel()
        self.summary_changed.emit(summary)
        return True

    def read_all(self) -> Callable[[], list[R]]:
        """A reader of every record of the current query, for a background job."""
        engine, read, query = self._engine, self._read, self.query

        def read_all() -> list[R]:
            with UnitOfWork(engine, read_only=True) as uow:
                return read(uow, query)

        return read_all

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and len(self._records) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = dataclasses.replace(self._query, offset=len(self._records))  # type: ignore[type-var]
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                records = self._read(uow, page)
        except Exception as exc:
            self._exhausted = True  # stop asking until the next load
            self.load_failed.emit(exc)
            return
        if len(records) < self.page_size:  # the list shrank meanwhile: stop asking
            self._exhausted = True
        if not records:
            return
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self._records.extend(records)
        self.endInsertRows()

    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        """The column and direction the list is in (for the header's indicator)."""
        column = next((n for n, c in enumerate(self.columns) if c.order == self._query.sort), 0)
        descending = self._query.descending
        return column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].order if 0 <= column < len(self.columns) else ""
        if not key:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        query = dataclasses.replace(self._query, sort=key, descending=descending)  # type: ignore[type-var]
        if not self.loaded:
            self._query = query  # the first load() uses it
        elif (key, descending) != (self._query.sort, self._query.descending):
            self.load(query)


class RecordSortProxy(QSortFilterProxyModel):
    """Sorts by the typed value; filters on the shown text of every column."""

    def __init__(self, source: RecordTableModel[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(RAW_ROLE), right.data(RAW_ROLE)
        if a is None or b is None:
            return a is None and b is not None  # blanks first, as Excel sorts them
        if isinstance(a, str) and isinstance(b, str):
            return a.casefold() < b.casefold()
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def source_row(self, row: int) -> int:
        return self.mapToSource(self.index(row, 0)).row()

    def shown_records(self) -> list[Any]:
        """The records in the order and with the filter on screen (what an export writes)."""
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return [model.record(self.source_row(row)) for row in range(self.rowCount())]


def _right(kind: ColumnKind) -> bool:
    return kind in (ColumnKind.MONEY, ColumnKind.EUR, ColumnKind.RATE, ColumnKind.INTEGER)


def make_view(
    proxy: RecordSortProxy | PagedRecordModel[Any, Any, Any],
    *,
    multi: bool = False,
    sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
) -> QTableView:
    """A read-only, row-selecting table sized from the columns' samples, sorted by `sort`."""
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setCornerButtonEnabled(False)
    view.horizontalHeader().setSortIndicator(*sort)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(False)
    if isinstance(proxy, PagedRecordModel):
        paged = proxy

        def show_order() -> None:
            with QSignalBlocker(header):
                header.setSortIndicator(*paged.sorted_by())

        def keep_indicator(column: int, _order: Qt.SortOrder) -> None:
            # A column the service cannot sort by: the arrow stays where the order is.
            if not (0 <= column < len(paged.columns)) or not paged.columns[column].order:
                show_order()

        header.sortIndicatorChanged.connect(keep_indicator)
        paged.load_failed.connect(lambda _exc: show_order())  # the order did not change
    source = _records_model(proxy)
    metrics = view.fontMetrics()
    for n, column in enumerate(source.columns):
        if not column.sample:
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
            continue
        title = metrics.horizontalAdvance(column.title)
        width = max(metrics.horizontalAdvance(column.sample), title)
        header.resizeSection(n, width + 28)  # padding + sort arrow
    return view


def selected_records(view: QTableView) -> list[Any]:
    """The records of the selected rows, in the order shown."""
    rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
    return [_record_shown(view, row) for row in rows]


def current_record(view: QTableView) -> Any | None:
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isRowSelected(index.row()):
        return None
    return _record_shown(view, index.row())


def _record_shown(view: QTableView, row: int) -> Any:
    model = view.model()
    if isinstance(model, RecordSortProxy):
        return _records_model(model).record(model.source_row(row))
    assert isinstance(model, RecordTableModel)
    return model.record(row)


def _records_model(model: object) -> RecordTableModel[Any]:
    source = model.sourceModel() if isinstance(model, RecordSortProxy) else model
    assert isinstance(source, RecordTableModel)
    return source

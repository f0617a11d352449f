"""Export any record list as it is shown (filter and order) to XLSX or CSV.

Both formats go through the program's one export writer
(`backoffice.exports.write_table`, the command line's too): XLSX with the
same title rows, frozen header, autofilter, real dates and numbers as every
other workbook the program makes; CSV as Excel opens it in a Ukrainian locale
(UTF-8 with BOM, `;`, a decimal comma). Text that could be taken for a formula
stays text in both. Both are written beside the target and renamed into place.

A short list's rows are taken from the screen in the GUI thread
(`snapshot`); a paged list's are read again from its query in the job
(`start_paged_export`), since only a few pages are loaded. The job runs in
the background and touches no widget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from backoffice.db.engine import UnitOfWork
from backoffice.exports import Column, ColumnKind, ExportCancelled, Report, write_table
from backoffice.services.settings import get_setting
from ui.account_export import ExportResult
from ui.background import BackgroundOp, Cancelled, JobProgress
from ui.record_table import PagedRecordModel, RecordColumn, RecordSortProxy, RecordTableModel

if TYPE_CHECKING:
    from sqlalchemy import Engine

_TOTALLED = frozenset({ColumnKind.MONEY, ColumnKind.EUR})


@dataclass(frozen=True)
class ListSnapshot:
    """What is on screen: the columns and the typed values of the rows shown."""

    title: str  # the file's title row, e.g. "Нерозпізнані платежі"
    sheet: str
    columns: tuple[RecordColumn[Any], ...]
    rows: tuple[tuple[object, ...], ...]


def snapshot(proxy: RecordSortProxy, title: str, sheet: str) -> ListSnapshot:
    source = proxy.sourceModel()
    assert isinstance(source, RecordTableModel)
    return _snapshot_of(source.columns, proxy.shown_records(), title, sheet)


def _snapshot_of(
    columns: tuple[RecordColumn[Any], ...], records: list[Any], title: str, sheet: str
) -> ListSnapshot:
    rows = tuple(tuple(_plain(c.raw(record)) for c in columns) for record in records)
    return ListSnapshot(title, sheet, columns, rows)


def export_list(
    engine: Engine, shown: ListSnapshot, path: Path, progress: JobProgress
) -> ExportResult:
    """The background job: the rows as XLSX or CSV (by suffix)."""
    total = max(len(shown.rows), 1)
    with UnitOfWork(engine, read_only=True) as uow:
        company = get_setting(uow, "company.name") or "—"
    report = Report(
        title=shown.title,
        company=company,
        period="",
        made_at=dt.datetime.now().replace(microsecond=0),
        made_by="",
        columns=tuple(
            Column(c.file_title or c.title, c.kind, total=c.kind in _TOTALLED)
            for c in shown.columns
        ),
        rows=shown.rows,
        sheet_name=shown.sheet,
        subject=shown.title,
    )
    try:
        result = write_table(
            report,
            path,
            progress=lambda done: progress.set_progress_value(100 * done // total),
            cancelled=progress.is_interruption_requested,
        )
    except ExportCancelled as exc:
        raise Cancelled from exc
    return ExportResult(result.path, result.rows)


def _plain(value: object) -> object:
    """A cell the writers take: a list of account numbers becomes one text."""
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return value


def choose_path(parent: QWidget, settings: QSettings, title: str, stem: str) -> Path | None:
    """A save dialog for XLSX or CSV in the last folder used; None if cancelled."""
    folder = str(settings.value("export/folder", str(Path.home())))
    suggested = Path(folder) / f"{stem}-{dt.date.today().isoformat()}.xlsx"
    xlsx = parent.tr("Excel workbook (*.xlsx)")
    csv_filter = parent.tr("CSV for Excel, semicolon-separated (*.csv)")
    name, chosen = QFileDialog.getSaveFileName(
        parent, title, str(suggested), f"{xlsx};;{csv_filter}"
    )
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(".csv" if chosen == csv_filter else ".xlsx")
    settings.setValue("export/folder", str(path.parent))
    return path


def start_paged_export(
    parent: QWidget,
    engine: Engine,
    model: PagedRecordModel[Any, Any, Any],
    title: str,
    sheet: str,
    path: Path,
) -> BackgroundOp:
    """Export every record of a paged list's query, in the order shown."""
    read_all = model.read_all()
    columns = model.columns
    reading = parent.tr("Reading {n} rows…").format(n=model.total)
    writing = _label(parent, model.total, path)

    def job(progress: JobProgress) -> ExportResult:
        progress.set_status(reading)
        shown = _snapshot_of(columns, read_all(), title, sheet)
        if progress.is_interruption_requested():
            raise Cancelled
        progress.set_status(writing)
        return export_list(engine, shown, path, progress)

    return _start(parent, job, writing)


def start_list_export(
    parent: QWidget, engine: Engine, shown: ListSnapshot, path: Path
) -> BackgroundOp:
    return _start(
        parent,
        lambda progress: export_list(engine, shown, path, progress),
        _label(parent, len(shown.rows), path),
    )


def _label(parent: QWidget, rows: int, path: Path) -> str:
    return parent.tr("Exporting {n} rows to {name}…").format(n=rows, name=path.name)


def _start(parent: QWidget, job: Callable[[JobProgress], ExportResult], label: str) -> BackgroundOp:
    op = BackgroundOp(parent, job, label=label)
    op.finished.connect(op.deleteLater)
    return op.start()

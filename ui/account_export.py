"""Export the account list as shown (filter and order) to XLSX or CSV.

Two stages, after the STYLE guide: `collect_accounts` reads the rows through
the services in one read-only unit of work (one consistent snapshot), and
`account_report` turns the plain `AccountView` records into a `Report` that
the program's one export writer (`backoffice.exports.write_table`, the same
as the command line's) writes: XLSX with title rows, frozen header,
autofilter, real numbers and dates; or CSV for a Ukrainian-locale Excel.
Names are text, never formulas, whatever they begin with (see
`backoffice.exports.safe_text`). The window runs `export_accounts` through
`ui.background`, which supplies the progress object; nothing here imports Qt
(but for the `Cancelled` a job raises).

Files are written beside the target and renamed into place, so a cancelled
or failed export never leaves half a file under the chosen name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from backoffice.db.engine import UnitOfWork
from backoffice.domain import AccountView
from backoffice.exports import Column, ColumnKind, ExportCancelled, Report, write_table
from backoffice.services.clients import AccountQuery, count_accounts, list_accounts
from backoffice.services.settings import get_setting

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from ui.background import JobProgress

Format = Literal["xlsx", "csv"]
CHUNK: Final = 2_000
TITLE: Final = "Особові рахунки"
# Column titles of the file: stable, in the users' language, not translated
# with the UI (a file is read by other programs and by the bank's clerks).
COLUMNS: Final = (
    Column("Особовий рахунок", ColumnKind.TEXT, width=13),
    Column("Клієнт", ColumnKind.TEXT, width=60),
    Column("Тип", ColumnKind.TEXT, width=8),
    Column("ЄДРПОУ/РНОКПП", ColumnKind.TEXT, width=16),
    Column("Баланс, грн", ColumnKind.MONEY, width=16, total=True),
    Column("Доступ", ColumnKind.TEXT, width=14),
    Column("Останнє поповнення", ColumnKind.DATE, width=14),
)
HEADERS: Final = tuple(column.title for column in COLUMNS)
KIND_WORDS: Final = {"legal": "ЮО", "sole": "ФОП", "individual": "ФО"}
ACCESS_WORDS: Final = {"active": "активний", "blocked": "заблокований"}


@dataclasses.dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def format_of(path: Path) -> Format:
    return "csv" if path.suffix.lower() == ".csv" else "xlsx"


def export_accounts(
    engine: Engine, query: AccountQuery, path: Path, progress: JobProgress
) -> ExportResult:
    """The background job: list (first half of the progress bar), then write
    (second half). Stops with `Cancelled` when asked."""
    rows = collect_accounts(engine, query, progress)
    with UnitOfWork(engine, read_only=True) as uow:
        company = get_setting(uow, "company.name") or "—"
    try:
        write_table(
            account_report(rows, company),
            path,
            progress=lambda done: progress.set_progress_value(50 + 50 * done // max(len(rows), 1)),
            cancelled=progress.is_interruption_requested,
        )
    except ExportCancelled as exc:
        from ui.background import Cancelled

        raise Cancelled from exc
    return ExportResult(path, len(rows))


def account_report(rows: Sequence[AccountView], company: str) -> Report:
    """The accounts as one report sheet: plain values, typed per column."""
    return Report(
        title=TITLE,
        company=company,
        period="",
        made_at=dt.datetime.now().replace(microsecond=0),
        made_by="",
        columns=COLUMNS,
        rows=(_account_row(view) for view in rows),
        sheet_name="Рахунки",
        subject=TITLE,
    )


def _account_row(view: AccountView) -> tuple[object, ...]:
    return (
        view.number,
        view.client_name,
        KIND_WORDS[str(view.client_kind)],
        view.tax_code or "",
        view.balance,
        ACCESS_WORDS[str(view.access)],
        view.last_topup_date,
    )


def collect_accounts(
    engine: Engine, query: AccountQuery, progress: JobProgress | None = None
) -> list[AccountView]:
    """Every account matching `query`, in its order, read in chunks."""
    rows: list[AccountView] = []
    with UnitOfWork(engine, read_only=True) as uow:
        total = count_accounts(uow, query)
        while True:
            page = list_accounts(uow, dataclasses.replace(query, offset=len(rows), limit=CHUNK))
            rows.extend(page)
            if progress is not None:
                _check(progress)
                progress.set_progress_value(50 * len(rows) // max(total, 1))
            if len(page) < CHUNK:
                return rows


def _check(progress: JobProgress) -> None:
    from ui.background import Cancelled  # Qt only when run as a background job

    if progress.is_interruption_requested():
        raise Cancelled

"""Export the account list as shown (filter and order) to XLSX or CSV.

Two stages, after the STYLE guide: `collect_accounts` reads the rows through
the services in one read-only unit of work (one consistent snapshot), and
the writers render plain `AccountView` records without touching the database.
The window runs `export_accounts` through `ui.background`, which supplies
the progress object; nothing here imports Qt (but for the `Cancelled` a job
raises), so the writers can move to a `backoffice` documents package as they
are once the CLI exports too.

Files are written beside the target and renamed into place, so a cancelled
or failed export never leaves half a file under the chosen name.

XLSX: balances are numeric cells (written from the Decimal's exact text,
never through float) with a `#,##0.00` format; dates are date cells.
CSV: as Excel opens it in a Ukrainian locale: UTF-8 with BOM, `;` between
fields, a decimal comma and no thousands separator in amounts, ISO dates.
"""

from __future__ import annotations

import csv
import dataclasses
import os
import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from backoffice.db.engine import UnitOfWork
from backoffice.domain import AccountView
from backoffice.money import CENT
from backoffice.services.clients import AccountQuery, count_accounts, list_accounts

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from ui.background import JobProgress

Format = Literal["xlsx", "csv"]
CHUNK: Final = 2_000
# Column titles of the file: stable, in the users' language, not translated
# with the UI (a file is read by other programs and by the bank's clerks).
HEADERS: Final = (
    "Особовий рахунок",
    "Клієнт",
    "Тип",
    "ЄДРПОУ/РНОКПП",
    "Баланс, грн",
    "Доступ",
    "Останнє поповнення",
)
KIND_WORDS: Final = {"legal": "ЮО", "sole": "ФОП", "individual": "ФО"}
ACCESS_WORDS: Final = {"active": "активний", "blocked": "заблокований"}
AMOUNT_FORMAT: Final = "#,##0.00;[Red]-#,##0.00"
DATE_FORMAT: Final = "DD.MM.YYYY"
WIDTHS: Final = (13, 60, 8, 16, 16, 14, 14)

Tick = Callable[[int], None]  # called with the number of rows written so far


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

    def tick(done: int) -> None:
        _check(progress)
        progress.set_progress_value(50 + 50 * done // max(len(rows), 1))

    if format_of(path) == "csv":
        write_csv(path, rows, tick)
    else:
        write_xlsx(path, rows, tick)
    return ExportResult(path, len(rows))


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


def write_xlsx(path: Path, rows: Sequence[AccountView], tick: Tick | None = None) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Рахунки")
    for letter, width in zip("ABCDEFG", WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for n, title in enumerate(HEADERS):
        cell = WriteOnlyCell(sheet, title)
        cell.font = bold
        if n == 4:
            cell.alignment = Alignment(horizontal="right")
        header.append(cell)
    sheet.append(header)
    for done, view in enumerate(rows, start=1):
        balance = WriteOnlyCell(sheet, view.balance.quantize(CENT))  # Decimal: exact
        balance.number_format = AMOUNT_FORMAT
        last_topup = WriteOnlyCell(sheet, view.last_topup_date)
        last_topup.number_format = DATE_FORMAT
        sheet.append(
            [
                view.number,
                view.client_name,
                KIND_WORDS[str(view.client_kind)],
                view.tax_code or "",
                balance,
                ACCESS_WORDS[str(view.access)],
                last_topup,
            ]
        )
        if tick is not None and done % 500 == 0:
            tick(done)
    if rows:
        sheet.auto_filter.ref = f"A1:G{len(rows) + 1}"
    _replace(path, workbook.save)


def write_csv(path: Path, rows: Sequence[AccountView], tick: Tick | None = None) -> None:
    def save(target: str) -> None:
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(HEADERS)
            for done, view in enumerate(rows, start=1):
                writer.writerow(
                    [
                        view.number,
                        view.client_name,
                        KIND_WORDS[str(view.client_kind)],
                        view.tax_code or "",
                        csv_amount(view.balance),
                        ACCESS_WORDS[str(view.access)],
                        view.last_topup_date.isoformat() if view.last_topup_date else "",
                    ]
                )
                if tick is not None and done % 500 == 0:
                    tick(done)

    _replace(path, save)


def csv_amount(value: Decimal) -> str:
    """`-1234.5` → `-1234,50`: what a Ukrainian-locale spreadsheet reads as a number."""
    return f"{value.quantize(CENT)}".replace(".", ",")


def _check(progress: JobProgress) -> None:
    from ui.background import Cancelled  # Qt only when run as a background job

    if progress.is_interruption_requested():
        raise Cancelled


def _replace(path: Path, save: Callable[[str], None]) -> None:
    # Not mkstemp: its 0600 mode would follow the file into a shared folder.
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        save(str(temporary))
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise

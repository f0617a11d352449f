"""Excel report writer (SPEC §13): write a small ledger, read it back, check each cell."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from backoffice.errors import BackofficeError, InputError
from backoffice.exports import (
    Column,
    ColumnKind,
    ExportCancelled,
    Report,
    write_report,
    write_workbook,
)

D = Decimal
MADE_AT = dt.datetime(2026, 11, 22, 10, 15, tzinfo=dt.UTC)
COLUMNS = (
    Column("Дата", ColumnKind.DATE),
    Column("Клієнт", ColumnKind.TEXT),
    Column("Сума, грн", ColumnKind.MONEY, total=True),
    Column("Сума, EUR", ColumnKind.EUR, total=True),
    Column("Курс", ColumnKind.RATE),
    Column("№", ColumnKind.INTEGER, width=8),
    Column("Створено", ColumnKind.DATETIME),
)
ROWS = [
    (dt.date(2026, 11, 1), "ТОВ «Ромашка»", D("1234.50"), None, None, 1, None),
    (
        dt.date(2026, 11, 2),
        "ФОП Петренко Іван Іванович",
        D("-300.10"),
        D("7.12"),
        D("42.1234"),
        2,
        dt.datetime(2026, 11, 2, 9, 30),
    ),
    (dt.date(2026, 11, 3), "=1+1", D("9999999999.99"), D("0.01"), None, 3, None),
]
TOTAL_UAH = D("1234.50") - D("300.10") + D("9999999999.99")


def ledger(rows: object = None, **changes: object) -> Report:
    fields: dict[str, object] = {
        "title": "Журнал проводок",
        "company": "ТОВ «Хмарні рішення»",
        "period": "01.11.2026 – 30.11.2026",
        "made_at": MADE_AT,
        "made_by": "Олена Коваль",
        "columns": COLUMNS,
        "rows": ROWS if rows is None else rows,
        "sheet_name": "Проводки",
        "subject": "Проводки за листопад",
        "keywords": "ledger",
    }
    fields.update(changes)
    return Report(**fields)  # type: ignore[arg-type]


def many_rows(count: int) -> Iterator[tuple[object, ...]]:
    for n in range(count):
        yield (dt.date(2026, 11, 1), f"клієнт {n}", D(n).scaleb(-2), None, None, n, None)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_title_rows_header_and_cells(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    result = write_report(ledger(), path)
    assert result.rows == 3
    assert result.path == path
    assert leftovers(tmp_path) == ["ledger.xlsx"]
    assert path.stat().st_mode & 0o644 == 0o644  # as shareable as any saved file

    sheet = openpyxl.load_workbook(path)["Проводки"]
    assert [sheet.cell(r, 1).value for r in range(1, 6)] == [
        "ТОВ «Хмарні рішення»",
        "Журнал проводок",
        "01.11.2026 – 30.11.2026",
        "Сформовано: 22.11.2026 10:15, Олена Коваль",
        None,
    ]
    assert [c.value for c in sheet[6]] == [c.title for c in COLUMNS]
    assert sheet.freeze_panes == "A7"
    assert sheet.auto_filter.ref == "A6:G9"

    date, client, uah, eur, rate, number, created = sheet[8]
    assert date.value == dt.datetime(2026, 11, 2) and date.is_date
    assert date.number_format == "DD.MM.YYYY"
    assert client.value == "ФОП Петренко Іван Іванович"
    assert uah.number_format == "#,##0.00" and eur.number_format == "#,##0.00"
    assert rate.number_format == "0.0000"
    assert number.value == 2 and number.number_format == "0"
    assert created.value == dt.datetime(2026, 11, 2, 9, 30)
    assert created.number_format == "DD.MM.YYYY HH:MM"
    assert sheet["G7"].value is None  # None stays an empty cell
    assert sheet["B9"].value == "=1+1" and sheet["B9"].data_type == "s"  # text, not a formula


def test_amounts_read_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_report(ledger(), path)
    sheet = openpyxl.load_workbook(path)["Проводки"]
    for r, row in enumerate(ROWS, start=7):
        for c in (3, 4, 5):
            expected = row[c - 1]
            value = sheet.cell(r, c).value
            if expected is None:
                assert value is None
            else:
                assert isinstance(value, int | float)
                places = D("0.0001") if c == 5 else D("0.01")
                assert D(repr(value)).quantize(places) == expected


def test_totals_row_holds_subtotal_formulas_with_their_values(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_report(ledger(), path)
    sheet = openpyxl.load_workbook(path)["Проводки"]
    assert sheet["A10"].value == "Разом"
    assert sheet["C10"].value == "=SUBTOTAL(9,C7:C9)"
    assert sheet["D10"].value == "=SUBTOTAL(9,D7:D9)"
    assert sheet["E10"].value is None
    assert sheet["C10"].number_format == "#,##0.00" and sheet["C10"].font.b

    cached = openpyxl.load_workbook(path, data_only=True)["Проводки"]
    assert D(repr(cached["C10"].value)).quantize(D("0.01")) == TOTAL_UAH
    assert D(repr(cached["D10"].value)).quantize(D("0.01")) == D("7.13")


def test_widths_fit_titles_and_text(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_report(ledger(), path)
    dims = openpyxl.load_workbook(path)["Проводки"].column_dimensions
    assert dims["A"].width >= 12  # 01.11.2026
    assert dims["B"].width >= len("ФОП Петренко Іван Іванович")
    assert dims["C"].width >= len("9,999,999,999.99")  # widened for the total
    assert dims["F"].width == pytest.approx(8, abs=1)  # as given (plus Excel's padding)


def test_document_properties(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_report(ledger(), path)
    props = openpyxl.load_workbook(path).properties
    assert props.title == "Журнал проводок"
    assert props.creator == "Олена Коваль"
    assert props.subject == "Проводки за листопад"
    assert props.keywords == "ledger"
    assert props.created == dt.datetime(2026, 11, 22, 10, 15)
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode()
    assert "<Company>ТОВ «Хмарні рішення»</Company>" in app


def test_no_period_row_when_there_is_no_period(tmp_path: Path) -> None:
    path = tmp_path / "debtors.xlsx"
    write_report(ledger(period=""), path)
    sheet = openpyxl.load_workbook(path)["Проводки"]
    assert sheet["A3"].value.startswith("Сформовано: ")
    assert sheet["A5"].value == "Дата"
    assert sheet.freeze_panes == "A6"


def test_empty_report_has_header_and_zero_totals(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    assert write_report(ledger(rows=[]), path).rows == 0
    sheet = openpyxl.load_workbook(path)["Проводки"]
    assert sheet.auto_filter.ref == "A6:G6"
    assert sheet["A7"].value == "Разом"
    assert sheet["C7"].value == 0


def test_rows_from_a_generator_with_progress(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    seen: list[int] = []
    result = write_report(ledger(rows=many_rows(2500)), path, progress=seen.append)
    assert result.rows == 2500
    assert seen == [1000, 2000, 2500]
    seen.clear()
    write_workbook(
        [ledger(rows=many_rows(1000)), ledger(rows=many_rows(2000), sheet_name="Ще")],
        tmp_path / "two.xlsx",
        progress=seen.append,
    )
    assert seen == [1000, 2000, 3000]
    sheet = openpyxl.load_workbook(path, read_only=True)["Проводки"]
    last = list(sheet.iter_rows(min_row=2506, max_row=2507, values_only=True))
    assert last[0][1] == "клієнт 2499"
    assert last[1][0] == "Разом" and last[1][2] == "=SUBTOTAL(9,C7:C2506)"


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    with pytest.raises(ExportCancelled):
        write_report(ledger(rows=many_rows(5000)), path, cancelled=lambda: True)
    assert leftovers(tmp_path) == []


def test_cancel_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"old export")
    with pytest.raises(ExportCancelled):
        write_report(ledger(rows=many_rows(5000)), path, cancelled=lambda: True)
    assert path.read_bytes() == b"old export"
    assert leftovers(tmp_path) == ["big.xlsx"]


def test_a_float_amount_is_refused_naming_row_and_column(tmp_path: Path) -> None:
    rows = [*ROWS, (dt.date(2026, 11, 4), "x", 12.5, None, None, 4, None)]
    with pytest.raises(InputError, match=r"data row 4, column 'Сума, грн': 12\.5 is not a Decimal"):
        write_report(ledger(rows=rows), tmp_path / "bad.xlsx")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ((dt.date(2026, 11, 4), "x", D("1.00")), "3 values for 7 columns"),
        (("2026-11-04", "x", D("1"), None, None, 4, None), "'Дата': '2026-11-04' is not a date"),
        ((None, "x", D("NaN"), None, None, 4, None), "not a finite number"),
        ((None, "x", None, None, None, True, None), "True is not an int"),
    ],
)
def test_malformed_rows_are_refused(tmp_path: Path, row: tuple[object, ...], message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        write_report(ledger(rows=[row]), tmp_path / "bad.xlsx")
    assert leftovers(tmp_path) == []


def test_total_on_a_text_column_is_refused(tmp_path: Path) -> None:
    columns = (Column("Клієнт", ColumnKind.TEXT, total=True),)
    with pytest.raises(InputError, match="cannot have a total"):
        write_report(ledger(columns=columns, rows=[("a",)]), tmp_path / "bad.xlsx")


@pytest.mark.parametrize("where", ["missing folder", "a folder", "under a file"])
def test_unwritable_path_names_the_path(tmp_path: Path, where: str) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "folder").mkdir()
    path = {
        "missing folder": tmp_path / "nope" / "r.xlsx",
        "a folder": tmp_path / "folder",
        "under a file": tmp_path / "file" / "r.xlsx",
    }[where]
    with pytest.raises(BackofficeError, match=re.escape(str(path))):
        write_report(ledger(), path)
    assert leftovers(tmp_path) == ["file", "folder"]
    assert leftovers(tmp_path / "folder") == []


def test_workbook_of_two_sheets(tmp_path: Path) -> None:
    path = tmp_path / "reconciliation.xlsx"
    ours = ledger(sheet_name="Наші дані")
    theirs = ledger(rows=list(many_rows(3)), sheet_name="Дані клієнта")
    assert write_workbook([ours, theirs], path).rows == 6
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Наші дані", "Дані клієнта"]
    assert book["Дані клієнта"]["C10"].value == "=SUBTOTAL(9,C7:C9)"


@pytest.mark.parametrize("names", [("Звіт", "звіт"), ("a[1]", "b")])
def test_bad_sheet_names_are_refused(tmp_path: Path, names: tuple[str, str]) -> None:
    reports = [ledger(sheet_name=name) for name in names]
    with pytest.raises(InputError, match="Sheet name"):
        write_workbook(reports, tmp_path / "r.xlsx")
    assert leftovers(tmp_path) == []


# -- LibreOffice: the file opens and the totals compute ---------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Recalculate every formula on load instead of trusting the cached values.
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


@pytest.fixture(scope="module")
def lo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LibreOffice profile of our own: no lock shared with other soffice runs."""
    profile = tmp_path_factory.mktemp("lo-profile")
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS)
    return profile


def to_csv(xlsx: Path, profile: Path) -> list[list[str]]:
    assert SOFFICE is not None
    out = xlsx.parent / "csv"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with open(out / f"{xlsx.stem}.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def without_cached_values(path: Path) -> None:
    """Set every formula's stored result to 0, so only a recalculation gives the totals."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1<v>0</v>", sheet
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_it_and_computes_the_totals(tmp_path: Path, lo_profile: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_report(ledger(), path)
    without_cached_values(path)
    rows = to_csv(path, lo_profile)
    assert rows[5] == [c.title for c in COLUMNS]
    assert rows[6][:3] == ["01.11.2026", "ТОВ «Ромашка»", "1,234.50"]
    assert rows[7][6] == "02.11.2026 09:30"
    assert rows[9][:4] == ["Разом", "", "10,000,000,934.39", "7.13"]

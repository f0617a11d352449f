"""Excel reports and the reconciliation statement (SPEC §13), on a small
book: a 3-month purchase paid in advance, a migrated client with an opening
balance and nothing else, an individual; September and October closed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from backoffice.documents.reconciliation_pdf import render_reconciliation
from backoffice.domain import ClientKind, ClientRecord
from backoffice.exports import write_report
from backoffice.services import clients, reports, settings
from backoffice.services.reconciliation import reconciliation_document
from backoffice.services.report_names import READER_WORDS, REPORT_KINDS
from tests.helpers import EDRPOU_B, RNOKPP_A, D, add_legal, day
from tests.test_billing import run, setup_billing, subscribe, topup
from tests.test_documents_pdf import lines_of, pdf_text
from tests.test_recognition import close

ALPHA = "Товариство з обмеженою відповідальністю «Агро Трейд з дуже довгою назвою для ширини»"


@pytest.fixture
def book(uow_factory) -> dict[str, str]:
    setup_billing(uow_factory, first="2026-09-01", last="2026-12-31")
    with uow_factory() as uow:
        for key, value in (
            ("company.name", "ТОВ «Хмарні рішення»"),
            ("company.edrpou", "37193071"),
            ("company.iban", "UA903052992990004149123456789"),
            ("company.bank", "АТ «Ощадбанк»"),
            ("company.address", "м. Київ, вул. Хрещатик, 1"),
            ("company.vat_payer", "true"),
            ("company.ipn", "371930726591"),
            ("company.director", "Коваленко І. П."),
        ):
            settings.set_setting(uow, key, value)
        uow.commit()
    alpha = add_legal(uow_factory, name=ALPHA, opening="20000.00", on="2026-09-01")
    migrated = add_legal(
        uow_factory, name="ТОВ «Мовчазний»", edrpou=EDRPOU_B, opening="1500.00", on="2026-09-01"
    )
    with uow_factory() as uow:
        person = clients.add_client(
            uow,
            ClientRecord(
                kind=ClientKind.INDIVIDUAL,
                name="Петренко Олена Іванівна",
                rnokpp=RNOKPP_A,
                emails=("olena@example.com",),
            ),
            day("2026-09-01"),
        ).account_number
        uow.commit()
    subscribe(uow_factory, alpha, on="2026-09-10", months=3)
    topup(uow_factory, alpha, "1000.00", "2026-10-05")
    for month in ("2026-09", "2026-10"):
        close(uow_factory, month)
    return {"alpha": alpha, "migrated": migrated, "person": person}


def sheet_of(uow_factory, tmp_path: Path, name: str, **kwargs):  # type: ignore[no-untyped-def]
    options = {
        "date_from": day("2026-10-01"),
        "date_to": day("2026-10-31"),
        "today": day("2026-11-02"),
    } | kwargs
    with uow_factory(read_only=True) as uow:
        report = reports.build_report(uow, name, **options)
        path = write_report(report, tmp_path / f"{name}.xlsx").path
    return openpyxl.load_workbook(path).active


def rows_after(sheet, header: str) -> tuple[list[str], list[tuple]]:  # type: ignore[no-untyped-def]
    """The header row starting with `header`, and the rows under it."""
    rows = list(sheet.iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row[0] == header)
    return list(rows[at]), rows[at + 1 :]


def test_turnover_lists_every_account_opening_balances_and_prepayment(
    uow_factory, tmp_path: Path, book: dict[str, str]
) -> None:
    sheet = sheet_of(uow_factory, tmp_path, "turnover", date_from=day("2026-09-01"))
    header, rows = rows_after(sheet, "Особовий рахунок")
    by_account = {row[0]: dict(zip(header, row, strict=True)) for row in rows if row[0]}
    assert set(by_account) >= set(book.values())  # movement or not
    migrated = by_account[book["migrated"]]
    # a migrated client's opening balance is an opening balance, not a correction
    assert migrated["Залишок на початок"] == 1500
    assert migrated["Сторно та коригування"] == 0
    assert migrated["Залишок на кінець"] == 1500
    alpha = by_account[book["alpha"]]
    # 14240.79 debited on 10.09 for 01.09–30.11; after October, November's
    # 30/91 (the remainder) is still prepaid: 14240.79 − 4694.77 − 4851.26
    assert alpha["Списано за послуги"] == pytest.approx(14240.79)
    assert alpha["Передоплата на кінець"] == pytest.approx(4694.76)
    assert by_account[book["person"]]["Залишок на кінець"] == 0


def test_acts_register_months_as_dates_and_revenue_net_of_vat(
    uow_factory, tmp_path: Path, book: dict[str, str]
) -> None:
    sheet = sheet_of(uow_factory, tmp_path, "acts", date_from=day("2026-09-01"))
    header, rows = rows_after(sheet, "Номер акта")
    first = dict(zip(header, rows[0], strict=True))
    assert first["Місяць"] == dt.datetime(2026, 9, 1)  # a real date …
    month_col = header.index("Місяць") + 1
    row_no = next(c.row for c in sheet["A"] if c.value == first["Номер акта"])
    assert sheet.cell(row_no, month_col).number_format == "MM.YYYY"  # … shown 09.2026
    # 4694.77 with VAT 20 % included: VAT = 4694.77 / 6 = 782.46, net 3912.31
    assert (first["Сума з ПДВ, грн"], first["ПДВ, грн"], first["Сума без ПДВ, грн"]) == (
        pytest.approx(4694.77),
        pytest.approx(782.46),
        pytest.approx(3912.31),
    )
    assert first["Стан"] == "чинний"


def test_no_internal_code_in_any_report(uow_factory, tmp_path: Path, book: dict[str, str]) -> None:
    """Every cell of every report, against every internal code."""
    codes = set(READER_WORDS) | {"live", "opening_balance"}
    for name, kind in REPORT_KINDS.items():
        extra = {"account": book["alpha"]} if kind.account else {}
        sheet = sheet_of(uow_factory, tmp_path, name, date_from=day("2026-09-01"), **extra)
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                assert not (isinstance(value, str) and value.strip() in codes), (name, value)
        if name == "reconciliation":
            continue
        # the header: the first row with two cells (title rows have one)
        header = next(r for r in range(1, 12) if sheet.cell(r, 1).value and sheet.cell(r, 2).value)
        for column in range(1, sheet.max_column + 1):
            letter = openpyxl.utils.get_column_letter(column)
            longest = max(
                (len(c.value) for c in sheet[letter][header:] if _text(c.value)),
                default=0,
            )
            if longest:  # text never cut off (up to the cap of 60)
                assert _width(sheet, column) >= min(longest, 57), (name, letter)


def _text(value: object) -> bool:
    return isinstance(value, str) and not value.startswith("=")  # formulas aside


def _width(sheet, column: int) -> float:  # type: ignore[no-untyped-def]
    """The width openpyxl read for a column (it groups equal neighbours)."""
    for dimension in sheet.column_dimensions.values():
        if dimension.min <= column <= dimension.max:
            return float(dimension.width)
    return 0.0


def test_reconciliation_pdf_has_both_parties_opening_and_acts(
    uow_factory, tmp_path: Path, book: dict[str, str]
) -> None:
    with uow_factory(read_only=True) as uow:
        doc = reconciliation_document(uow, book["alpha"], day("2026-10-01"), day("2026-10-31"))
    # before October: the opening balance 20000 (a credit: our debt), paid
    # nothing more, September's act 4694.77
    assert doc.opening_balance == D("-20000.00") + D("4694.77")
    assert [(r.document, r.debit, r.credit) for r in doc.rows] == [
        ("Поповнення", D("0.00"), D("1000.00")),
        ("Акт надання послуг № АКТ-2026-000002", D("4851.26"), D("0.00")),
    ]
    text = " ".join(lines_of(pdf_text(render_reconciliation(doc, tmp_path / "rec.pdf"))))
    assert "між ТОВ «Хмарні рішення» (Постачальник) та ТОВ «Агро Трейд" in text
    assert "(Покупець)" in text and "За даними Покупця (ТОВ «Агро Трейд" in text
    assert "Сальдо на 01.10.2026 15 305,23" in text  # opening balance as such, a credit
    assert "АКТ-2026-000002" in text
    assert "на користь Покупця (ТОВ «Агро Трейд" in text
    assert "Товариство з обмеженою" in text  # the full name among the requisites


def test_reconciliation_of_an_individual_signs_by_name(
    uow_factory, tmp_path: Path, book: dict[str, str]
) -> None:
    with uow_factory(read_only=True) as uow:
        doc = reconciliation_document(uow, book["person"], day("2026-09-01"), day("2026-10-31"))
    text = pdf_text(render_reconciliation(doc, tmp_path / "p.pdf"))
    buyer_half = [line.split("Від Покупця:")[-1] for line in text.splitlines()]
    assert "Петренко Олена Іванівна" in text
    assert text.count("Головний бухгалтер") == 0  # ours has no accountant set, theirs none
    assert not any("Директор" in line[60:] for line in text.splitlines()), buyer_half


def test_reconciliation_workbook_two_halves_formulas_and_filter(
    uow_factory, tmp_path: Path, book: dict[str, str]
) -> None:
    sheet = sheet_of(uow_factory, tmp_path, "reconciliation", account=book["alpha"])
    cells = {c.coordinate: c.value for row in sheet.iter_rows() for c in row if c.value}
    values = list(cells.values())
    assert any(str(v).startswith("За даними Постачальника (ТОВ «Хмарні рішення»)") for v in values)
    assert any(str(v).startswith("За даними Покупця (ТОВ «Агро Трейд") for v in values)
    header_row = next(c.row for c in sheet["A"] if c.value == "Дата")
    assert [sheet.cell(header_row, c).value for c in range(1, 9)] == [
        "Дата",
        "Документ",
        "Дебет, грн",
        "Кредит, грн",
    ] * 2
    opening = header_row + 1
    assert sheet.cell(opening, 2).value == "Сальдо на 01.10.2026"
    assert sheet.cell(opening, 4).value == pytest.approx(15305.23)
    assert sheet.cell(opening + 2, 2).value == "Акт надання послуг № АКТ-2026-000002"
    turnovers = opening + 3
    assert sheet.cell(turnovers, 2).value == "Обороти за період"
    assert sheet.cell(turnovers, 3).value == f"=SUM(C{opening + 1}:C{opening + 2})"
    assert sheet.cell(turnovers + 1, 4).value.startswith("=MAX(-(")
    # the filter covers the header and the document rows, not the totals
    assert sheet.auto_filter.ref == f"A{header_row}:H{opening + 2}"
    assert any(str(v).startswith("Заборгованість на 31.10.2026 на користь Покупця") for v in values)
    assert "Від Постачальника:" in values and "Від Покупця:" in values
    for c in range(5, 9):  # the client's half is theirs to fill in
        assert sheet.cell(opening + 1, c).value is None


def test_debtors_owe_in_uah_with_the_eur_beside(
    uow_factory, tmp_path: Path, book: dict[str, str]
) -> None:
    run(uow_factory, "2026-12-01")  # the 3 months are over: 285 EUR to renew, funds short
    sheet = sheet_of(uow_factory, tmp_path, "debtors", today=day("2026-12-02"))
    header, rows = rows_after(sheet, "Особовий рахунок")
    alpha = next(dict(zip(header, row, strict=True)) for row in rows if row[0] == book["alpha"])
    # 20000 − 14240.79 + 1000 = 6759.21 on the account; the renewal would be
    # 285 × 48.5123 × 1.03 = 14240.79 today: 7481.58 short
    assert (alpha["Залишок, грн"], alpha["Неоплачено, EUR"]) == (
        pytest.approx(6759.21),
        pytest.approx(285),
    )
    assert alpha["Неоплачено, грн (курс дня)"] == pytest.approx(14240.79)
    assert alpha["Борг разом, грн"] == pytest.approx(7481.58)
    assert (alpha["Доступ"], alpha["Причина блокування"]) == (
        "заблоковано",
        "не оплачено продовження",
    )
    assert "Борг разом, грн" in header and "Неоплачено, EUR" in header
    assert header.index("Неоплачено, EUR") == header.index("Неоплачено, грн (курс дня)") + 1


def test_reader_words_cover_the_codes() -> None:
    from backoffice.domain import EntryKind
    from backoffice.services.access import REASON_BY_STATUS

    for code in [*EntryKind, *REASON_BY_STATUS.values(), "balance_expired", "limit_exceeded"]:
        assert READER_WORDS[str(code)] != str(code)
    assert Decimal(0) == 0


def test_revenue_is_what_the_acts_state_net_of_vat(
    uow_factory, tmp_path: Path, book: dict[str, str]
) -> None:
    """The 3-month purchase of September is revenue of its months, a third a month."""
    sheet = sheet_of(uow_factory, tmp_path, "revenue", date_from=day("2026-09-01"))
    header, rows = rows_after(sheet, "Місяць")
    found = [dict(zip(header, row, strict=True)) for row in rows if row[1] == "Бізнес"]
    assert [
        (r["Місяць"].month, r["Вид послуги"], r["Виручка, EUR"], r["Разом з ПДВ, грн"])
        for r in found
    ] == [
        (9, "Активація", pytest.approx(93.96), pytest.approx(4694.77)),
        (10, "Активація", pytest.approx(97.09), pytest.approx(4851.26)),
    ]
    # VAT included: 4851.26 / 6 = 808.54, net 4042.72
    assert (found[1]["ПДВ, грн"], found[1]["Виручка без ПДВ, грн"]) == (
        pytest.approx(808.54),
        pytest.approx(4042.72),
    )

"""Statement readers: real bank samples and hand-written fixtures, read end to end.

Each test reads a file the way an accountant would import it and asserts what
the bank said: counts, totals, directions, payer codes, skip reasons.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from backoffice.importers.statements import (
    BUILTIN_PROFILES,
    MAX_STATEMENT_BYTES,
    Direction,
    MappingProfile,
    OwnCompany,
    Statement,
    StatementFileError,
    StatementLine,
    classify,
    fingerprints,
    hint,
    read_statement,
    read_statement_file,
)

FIXTURES = Path(__file__).parent / "fixtures" / "statements"
OUR1 = "UA683052990000026007012345678"
OUR2 = "UA623052990000026008087654321"


def read(name: str, **kwargs: object) -> Statement:
    return read_statement_file(FIXTURES / name, **kwargs)  # type: ignore[arg-type]


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def credits(statement: Statement) -> list[StatementLine]:
    return [ln for ln in statement.lines if ln.direction is Direction.CREDIT]


def total(lines: list[StatementLine]) -> Decimal:
    return sum((ln.amount for ln in lines), Decimal("0.00"))


def reasons(statement: Statement) -> list[str]:
    return [ln.skip_reason for ln in statement.lines]


def error_for(data: bytes, name: str = "bank.txt", **kwargs: object) -> StatementFileError:
    with pytest.raises(StatementFileError) as info:
        read_statement(data, name, **kwargs)  # type: ignore[arg-type]
    return info.value


# --- 1C ClientBankExchange -------------------------------------------------


@pytest.mark.parametrize("name", ["one_day_cp1251.txt", "one_day_utf8.txt"])
def test_1c_sample_gives_13_documents_and_3_incoming_for_40000(name: str) -> None:
    st = read(name)
    assert st.format == "1c"
    assert st.file_name == name
    assert st.accounts == ("40702810200000000001",)
    assert len(st.lines) == 13
    incoming = credits(st)
    assert [ln.amount for ln in incoming] == [
        Decimal("6000.00"),
        Decimal("14000.00"),
        Decimal("20000.00"),
    ]
    assert total(incoming) == Decimal("40000.00")
    assert [ln.line_no for ln in incoming] == [330, 361, 392]
    assert total([ln for ln in st.lines if ln.direction is Direction.DEBIT]) == Decimal("41184.00")
    assert reasons(st) == ["debit"] * 10 + [""] * 3
    first = incoming[0]
    assert first.date == dt.date(2016, 1, 11)
    assert first.our_account == "40702810200000000001"
    assert first.payer_iban == "12312312312312312"
    assert first.payer_name == "Some random payer"
    assert first.document_number == "5"
    assert first.currency == "UAH"
    # A Russian 12-digit ИНН is not a Ukrainian code: kept out of payer_code, with a warning.
    assert first.payer_code == ""
    assert "ПлательщикИНН" in first.warnings[0]
    # Keys we do not map are kept, in file order.
    assert ("КвитанцияСодержание", "статус документа: Внешний") in first.extra
    assert ("ПлательщикБИК", "044525176") in first.extra
    assert all(ln.amount.as_tuple().exponent == -2 for ln in st.lines)


def test_1c_encodings_give_identical_statements() -> None:
    utf8 = read("one_day_utf8.txt")
    cp1251 = read("one_day_cp1251.txt")
    text = fixture_bytes("one_day_utf8.txt").decode("utf-8")
    cp866 = read_statement(text.encode("cp866"), "one_day_cp866.txt")
    bom_lf = read_statement(b"\xef\xbb\xbf" + text.replace("\r\n", "\n").encode(), "bom.txt")
    assert utf8.lines == cp1251.lines == cp866.lines == bom_lf.lines
    assert fingerprints(utf8) == fingerprints(cp1251)


def test_1c_ukrainian_keys_two_sections_and_own_transfer() -> None:
    st = read("onec_ua_two_accounts.txt")
    assert st.accounts == (OUR1, OUR2)
    assert [(ln.amount, ln.direction.value, ln.our_account) for ln in st.lines] == [
        (Decimal("12500.50"), "credit", OUR1),
        (Decimal("3000.00"), "credit", OUR1),
        (Decimal("120.00"), "debit", OUR1),
        (Decimal("2000.00"), "credit", OUR2),
    ]
    romashka, petrenko, tax, own = st.lines
    assert romashka.payer_code == "32855961"  # ПлательщикОКПО
    assert romashka.payer_iban == "UA823005280000026003011112222"  # ПлательщикIBAN
    assert romashka.payer_name == 'ТОВ "Ромашка"'
    assert romashka.purpose == (
        "Оплата згідно рахунку № СФ-2026-0012 від 01.02.2026, у т.ч. ПДВ 20% 2083.42 грн."
    )
    assert ("КодНазначения", "2") in romashka.extra
    assert ("ПлательщикМФО", "300528") in romashka.extra
    assert petrenko.payer_code == "3012345670"  # ПлательщикЄДРПОУ, a РНОКПП
    assert petrenko.date == dt.date(2026, 2, 2)  # ДатаПоступило, not Дата
    assert tax.payer_name == "ГУК у м.Києві"  # for a debit, the counterparty is the recipient
    # Our own code on the recipient side marks the transfer from our other bank.
    assert reasons(st) == ["", "", "debit", "own transfer"]
    assert own.our_code == "41234569"


def test_1c_account_key_inside_a_document_does_not_make_that_account_ours() -> None:
    # Our accounts are guessed from every `РасчСчет=` line before the documents
    # are read; a document carrying that key makes the guess wrong (here the
    # tax office's account would turn the tax payment into a credit), and the
    # file is read again with the accounts its header and sections name.
    data = fixture_bytes("onec_ua_two_accounts.txt")
    text, newline = data.decode("cp1251"), "\r\n" if b"\r\n" in data else "\n"
    payee = "ПолучательIBAN=UA328999980000031418544026001"
    assert text.count(payee) == 1
    # and a junk date under the key an incoming payment would be dated by: read
    # with the wrong guess, the reader would stop at it
    odd = text.replace(
        payee,
        f"{payee}{newline}РасчСчет=UA328999980000031418544026001{newline}ДатаПоступило=б/н",
    )
    plain = read("onec_ua_two_accounts.txt")
    changed = read_statement(odd.encode("cp1251"), "odd.txt")
    assert changed.accounts == plain.accounts == (OUR1, OUR2)
    assert [(ln.amount, ln.direction, ln.our_account) for ln in changed.lines] == [
        (ln.amount, ln.direction, ln.our_account) for ln in plain.lines
    ]
    assert changed.lines[2].direction.value == "debit"
    assert ("РасчСчет", "UA328999980000031418544026001") in changed.lines[2].extra


def _one_day() -> str:
    return fixture_bytes("one_day_utf8.txt").decode("utf-8")


def test_1c_totals_that_do_not_match_the_section_name_the_section_line() -> None:
    text = _one_day().replace("ВсегоПоступило=40000.00", "ВсегоПоступило=40000.01")
    err = error_for(text.encode(), "day.txt")
    assert err.line == 11
    assert str(err).startswith(
        "day.txt: line 11: the documents of account 40702810200000000001 "
        "add up to 40000.00, but the section says ВсегоПоступило=40000.01"
    )


def test_1c_truncated_inside_a_document_names_its_line() -> None:
    lines = _one_day().split("\r\n")
    cut = "\r\n".join(lines[:340]).encode()  # inside the document starting at line 330
    err = error_for(cut, "cut.txt")
    assert err.line == 330
    assert "КонецДокумента" in err.reason and "truncated" in err.reason


def test_1c_without_end_of_file_is_truncated() -> None:
    text = _one_day().replace("КонецФайла", "")
    err = error_for(text.encode(), "nofooter.txt")
    assert "no КонецФайла" in err.reason
    assert err.line == 423


def test_1c_amount_that_is_not_a_number_names_the_document() -> None:
    text = _one_day().replace("Сумма=6000.00", "Сумма=6 000.0O")
    err = error_for(text.encode(), "bad.txt")
    assert err.line == 330
    assert "'6 000.0O' is not a number" in str(err)


def test_1c_date_that_does_not_exist() -> None:
    text = _one_day().replace("ДатаПоступило=11.01.2016", "ДатаПоступило=31.02.2026", 1)
    err = error_for(text.encode(), "bad.txt")
    assert str(err) == "bad.txt: line 330: date 31.02.2026 does not exist"


# --- wrong encodings ---------------------------------------------------------


def test_utf16_file_is_refused_with_the_reason() -> None:
    err = error_for(_one_day().encode("utf-16"), "export.txt")
    assert err.line is None
    assert "UTF-16" in err.reason


def test_text_that_is_neither_utf8_nor_cyrillic_is_refused() -> None:
    data = "Überweisung für Müller, Straße 5; Gebühr".encode("latin-1")
    err = error_for(data, "de.csv")
    assert "cannot tell the file's encoding" in err.reason


# --- CSV / XLS / XLSX through profiles ----------------------------------------


def test_alfa_layout_b_sample() -> None:
    st = read("alfa_business_layout_b.csv")
    assert st.format == "Sense/Альфа"
    assert st.accounts == ("UA11111111111111111111111111", "UA222222222222222222222")
    assert len(st.lines) == 7
    assert reasons(st) == [
        "debit",
        "currency GBP",
        "own transfer",
        "debit",
        "debit",
        "currency GBP",
        "debit",
    ]
    assert total(credits(st)) == Decimal("49483.93")
    assert Counter(ln.currency for ln in st.lines) == {"GBP": 4, "UAH": 3}
    uah_credit = st.lines[2]
    assert uah_credit.amount == Decimal("39447.47")
    assert uah_credit.date == dt.date(2021, 3, 3)
    assert uah_credit.document_number == "104359325"
    assert uah_credit.warnings == ("payer code 11111111 fails the ЄДРПОУ checksum",)


def test_procredit_layout_a_sample() -> None:
    st = read("procredit_layout_a.csv")
    assert st.format == "Райффайзен Банк"  # layout A: the first bank profile of that layout
    assert len(st.lines) == 6
    assert reasons(st) == [
        "debit",
        "debit",
        "own transfer",
        "currency GBP",
        "debit",
        "currency GBP",
    ]
    assert st.lines[2].amount == Decimal("117042.75")
    # ProCredit pads the code to 10 digits; "00..." is never a РНОКПП, so it is an ЄДРПОУ.
    assert st.lines[0].payer_code == "00000002"
    assert st.lines[0].our_code == "00000001"
    assert st.lines[0].date == dt.date(2000, 1, 15)


def test_kredobank_russian_headers_decimal_comma_and_masked_iban() -> None:
    st = read("layout_b_kredobank_ru.csv")
    assert st.format == "Кредобанк"
    assert st.accounts == ("UA683052990000026007*****678",)
    assert [ln.amount for ln in st.lines] == [
        Decimal("1250.75"),
        Decimal("99.00"),
        Decimal("5000.00"),
        Decimal("1000.00"),
    ]
    # Line 4 comes from our other account, masked as UA6230529*.
    assert reasons(st) == ["", "debit", "own transfer", ""]
    assert st.lines[0].payer_code == "32855961"
    assert st.lines[0].purpose == "Оплата по счету СФ-2026-0040"


def test_pumb_layout_c() -> None:
    st = read("layout_c_pumb.csv")
    assert st.format == "ПУМБ"
    assert st.accounts == ("UA253348510000026005012340000",)
    assert [(ln.amount, ln.currency, ln.direction.value) for ln in st.lines] == [
        (Decimal("4500.00"), "UAH", "credit"),
        (Decimal("35.00"), "UAH", "debit"),
        (Decimal("12.50"), "UAH", "credit"),
        (Decimal("100.00"), "USD", "credit"),
    ]
    # The commission refund is a credit: never skipped by its words, only hinted.
    assert reasons(st) == ["", "debit", "", "currency USD"]
    assert [ln.hint for ln in st.lines] == ["", "", "bank", ""]
    assert st.lines[0].payer_code == "05394446"  # 5394446 lost its leading zero
    assert st.lines[0].date == dt.date(2026, 2, 3)


def test_credit_agricole_layout_d_positions_as_the_bank_writes_them() -> None:
    """Date 2 (yyyymmdd), reference 3, currency 9, kopiykas 10, C/D 11, purpose
    15 + 24, document 25, payer IBAN 26, name 27, code 34 (counted from 1)."""
    st = read("layout_d_credit_agricole.csv")
    assert st.format == "Креді Агріколь"
    assert st.accounts == ("UA443006140000026001055501234",)
    assert [(ln.amount, ln.direction.value) for ln in st.lines] == [
        (Decimal("2500.00"), "credit"),
        (Decimal("15.00"), "debit"),
        (Decimal("0.99"), "credit"),
        (Decimal("275770.20"), "credit"),
    ]
    assert [ln.bank_reference for ln in st.lines] == [
        "CA2026020500041",
        "CA2026020500042",
        "CA2026020600009",
        "CA2026020600010",
    ]
    first = st.lines[0]
    assert first.date == dt.date(2026, 2, 5)
    assert first.purpose == "Оплата за рахунком СФ-2026-0031 без ПДВ"
    assert (first.document_number, first.payer_code) == ("41", "32855961")
    assert first.payer_iban == "UA823005280000026003011112222"
    assert first.payer_name == 'ТОВ "Ромашка"'
    assert st.lines[2].payer_code == "3012345670"
    # Proceeds of a currency sale: "КОМІСІЯ" in the purpose and "БАНК" in the
    # payer's name, yet a credit: it waits for the accountant with a hint.
    sale = st.lines[3]
    assert (sale.skip_reason, sale.hint) == ("", "bank")
    assert reasons(st) == ["", "debit", "", ""]


def test_layout_d_first_row_third_field_is_not_a_document_count() -> None:
    st = read_statement(fixture_bytes("layout_d_credit_agricole.csv"), "ca.csv", format="layout-d")
    assert len(st.lines) == 4  # the first row says 31


def test_privatbank_layout_e_real_biff8_xls() -> None:
    data = fixture_bytes("layout_e_privatbank.xls")
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # a real OLE2/BIFF8 workbook
    st = read("layout_e_privatbank.xls")
    assert st.format == "ПриватБанк"
    assert st.accounts == (OUR1,)  # found in the title rows
    assert [ln.line_no for ln in st.lines] == [6, 7, 8, 9]  # the "Разом" footer is not a line
    assert [(ln.amount, ln.direction.value) for ln in st.lines] == [
        (Decimal("1500.00"), "credit"),
        (Decimal("250.50"), "debit"),
        (Decimal("830.40"), "credit"),
        (Decimal("1500.00"), "credit"),
    ]
    assert st.lines[1].date == dt.date(2026, 2, 3)  # a real date cell
    assert st.lines[0].payer_code == "05394446"  # a number cell 5394446.0
    assert st.lines[0].bank_reference == "P24A0000000001"
    assert reasons(st) == ["", "debit", "", ""]
    assert [ln.hint for ln in st.lines] == ["", "", "budget", ""]
    prints = fingerprints(st)
    assert prints[0] != prints[3]  # same payer, amount and purpose; different Референс


def test_html_saved_as_xls_with_latin_i_in_headers() -> None:
    st = read("layout_a_ukrsib_html.xls")
    assert st.format == "Райффайзен Банк"
    assert [(ln.amount, ln.skip_reason, ln.hint) for ln in st.lines] == [
        (Decimal("2400.00"), "", ""),
        (Decimal("310.00"), "", "budget"),
    ]
    first = st.lines[0]
    assert first.payer_code == "05394446"  # "5394446.0" in the file
    assert first.purpose == "Оплата рах. СФ-2026-0051 & дог. 5"
    assert first.date == dt.date(2026, 2, 9)


def _xlsx(tmp_path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / "statement.xlsx"
    book.save(path)
    return path


LAYOUT_B_HEADER = [
    "Наш рахунок",
    "Наш IBAN",
    "Операція",
    "Рахунок",
    "IBAN",
    "МФО банку контрагента",
    "Найменування контрагента",
    "Код контрагента",
    "Призначення платежу",
    "Дата проведення",
    "Номер документа",
    "Сума",
    "Валюта",
]


def test_xlsx_float_cells_become_exact_amounts_and_codes(tmp_path: Path) -> None:
    noisy = 0.1 + 100.0  # 100.1 with binary noise
    path = _xlsx(
        tmp_path,
        [
            LAYOUT_B_HEADER,
            [
                "26007",
                OUR1,
                "Кредит",
                "",
                "UA823005280000026003011112222",
                300528,
                "ТОВ Ромашка",
                5394446.0,
                "Оплата",
                dt.datetime(2026, 2, 3),
                17,
                noisy,
                "UAH",
            ],
        ],
    )
    st = read_statement_file(path)
    assert st.format == "Sense/Альфа"
    line = st.lines[0]
    assert line.amount == Decimal("100.10")
    assert line.payer_code == "05394446"
    assert line.document_number == "17"
    assert line.date == dt.date(2026, 2, 3)


def test_xlsx_amount_with_fractions_of_a_kopiyka_is_refused(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path,
        [
            LAYOUT_B_HEADER,
            [
                "26007",
                OUR1,
                "Кредит",
                "",
                "",
                "",
                "X",
                "",
                "Оплата",
                "03.02.2026",
                1,
                10.005,
                "UAH",
            ],
        ],
    )
    with pytest.raises(StatementFileError) as info:
        read_statement_file(path)
    assert info.value.line == 2
    assert "more than 2 decimal places" in info.value.reason


def _layout_a_csv(*rows: str) -> bytes:
    header = (
        "ЄДРПОУ;МФО;Рахунок;Валюта;Дата операції;Код операції;МФО банка;Назва банка;"
        "Рахунок кореспондента;ЄДРПОУ кореспондента;Кореспондент;Номер документа;"
        "Дата документа;Дебет;Кредит;Призначення платежу;Гривневе покриття"
    )
    return "\r\n".join([header, *rows]).encode("cp1251")


def test_csv_amount_that_is_not_a_number() -> None:
    data = _layout_a_csv(
        "41234569;;UA1;UAH;01.02.2026;;;;UA2;32855961;X;1;01.02.2026;;100.00;ok;",
        "41234569;;UA1;UAH;01.02.2026;;;;UA2;32855961;X;2;01.02.2026;;12O.00;typo;",
    )
    err = error_for(data, "aval.csv")
    assert str(err) == "aval.csv: line 3: credit '12O.00' is not a number"


def test_csv_date_that_does_not_exist() -> None:
    data = _layout_a_csv("41234569;;UA1;UAH;31.02.2026;;;;UA2;32855961;X;1;;;100.00;ok;")
    err = error_for(data, "aval.csv")
    assert str(err) == "aval.csv: line 2: date 31.02.2026 does not exist"


def test_csv_with_unknown_header_lists_the_known_profiles() -> None:
    err = error_for("Поле;Інше;Опис\r\nабв;10 шт;x\r\n".encode("cp1251"), "x.csv")
    assert err.line == 1
    assert "no mapping profile matches" in err.reason
    for name in ("Райффайзен Банк", "ПУМБ", "Кредобанк", "Креді Агріколь", "ПриватБанк"):
        assert name in err.reason


def test_explicit_profile_that_does_not_fit_says_which_columns_are_missing() -> None:
    err = error_for(fixture_bytes("procredit_layout_a.csv"), "p.csv", format="layout-c")
    assert "profile ПУМБ: the header has no column for date (ST_DATE)" in err.reason


def test_unknown_format_name() -> None:
    err = error_for(b"x", "x.csv", format="layout-z")
    assert "unknown statement format 'layout-z'" in err.reason


def test_user_profile_is_detected_and_round_trips_through_json() -> None:
    profile = MappingProfile(
        name="my-bank",
        columns=(
            ("date", ("Дата",)),
            ("amount", ("Сума",)),
            ("purpose", ("Опис",)),
            ("payer_code", ("Код",)),
        ),
        amount_mode="signed",
        our_account=OUR2,
    )
    restored = MappingProfile.from_json(profile.to_json())
    assert restored == profile
    data = "Дата;Сума;Опис;Код\r\n01.02.2026;10,50;Оплата;32855961\r\n02.02.2026;-3;x;\r\n"
    st = read_statement(data.encode("cp1251"), "mine.csv", profiles=[restored])
    assert st.format == "my-bank"
    assert [(ln.amount, ln.direction.value, ln.our_account) for ln in st.lines] == [
        (Decimal("10.50"), "credit", OUR2),
        (Decimal("3.00"), "debit", OUR2),
    ]


@pytest.mark.parametrize("profile", BUILTIN_PROFILES, ids=lambda p: p.name)
def test_builtin_profiles_round_trip_through_json(profile: MappingProfile) -> None:
    assert MappingProfile.from_json(profile.to_json()) == profile


def test_profile_json_with_mistakes_is_refused() -> None:
    with pytest.raises(Exception, match="unknown keys: colour"):
        MappingProfile.from_json('{"name": "x", "colour": "red"}')
    with pytest.raises(Exception, match="no column for 'date'"):
        MappingProfile.from_json('{"name": "x", "columns": {"debit": ["D"], "credit": ["C"]}}')


# --- SWIFT MT940 ---------------------------------------------------------------


def test_mt940_sample() -> None:
    st = read("MT940.txt")
    assert st.format == "mt940"
    assert st.accounts == ("123456789",)
    assert len(st.lines) == 6  # the file repeats one statement twice
    assert [ln.line_no for ln in st.lines] == [8, 13, 15, 23, 28, 30]
    first = st.lines[0]
    assert (first.amount, first.currency, first.direction) == (
        Decimal("500.01"),
        "EUR",
        Direction.CREDIT,
    )
    assert first.date == dt.date(2012, 5, 12)
    assert first.payer_name == "QASD JGRED"
    assert first.payer_iban == "FR12345678901234"
    assert first.purpose == "Dit zijn de omschrijvingsregels"
    assert first.bank_reference == ""  # NONREF is not a reference
    assert st.lines[1].direction is Direction.DEBIT  # RC: a reversed credit takes money out
    assert st.lines[1].bank_reference == "REF"
    assert st.lines[2].bank_reference == "REFERENCE"
    assert reasons(st) == ["currency EUR", "debit", "currency EUR"] * 2


def test_mt940_identical_lines_get_distinct_fingerprints_stable_on_reimport() -> None:
    st = read("MT940.txt")
    prints = fingerprints(st)
    assert len(set(prints)) == 6
    assert prints[0].split("#")[0] == prints[3].split("#")[0]
    assert (prints[0][-2:], prints[3][-2:]) == ("#1", "#2")
    assert fingerprints(read("MT940.txt")) == prints
    assert all(len(p.split("#")[0]) == 64 for p in prints)


def test_mt940_without_balance_assumes_uah_with_a_warning() -> None:
    st = read("MT940-optional.txt")
    assert [ln.currency for ln in st.lines] == ["UAH"] * 3
    assert st.warnings == ("no opening balance (:60F:) names the currency; UAH assumed",)


def test_mt940_bad_amount_and_impossible_date_name_the_line() -> None:
    text = fixture_bytes("MT940.txt").decode()
    err = error_for(text.replace("C500,01N654", "C5x0,01N654", 1).encode(), "s.sta")
    assert err.line == 8
    err = error_for(text.replace(":61:1205120514C", ":61:1202310514C", 1).encode(), "s.sta")
    assert str(err) == "s.sta: line 8: value date 120231 (YYMMDD) does not exist"


# --- camt.053 / camt.054 -------------------------------------------------------


def test_camt053_entries_batch_split_and_parties() -> None:
    st = read("camt053_privat.xml")
    assert st.format == "camt053"
    assert st.accounts == (OUR1,)
    assert [(ln.amount, ln.direction.value, ln.bank_reference) for ln in st.lines] == [
        (Decimal("1500.00"), "credit", "CAMT-REF-001"),
        (Decimal("250.00"), "debit", "CAMT-REF-002"),
        (Decimal("100.00"), "credit", "CAMT-BATCH-003-1"),
        (Decimal("200.00"), "credit", "CAMT-BATCH-003-2"),
        (Decimal("50.00"), "credit", ""),
    ]
    start = st.lines[0]
    assert start.payer_code == "05394446"
    assert start.payer_iban == "UA433348510000026002077778888"
    assert start.purpose == "Оплата по рахунку СФ-2026-0015"
    assert start.document_number == "311"
    assert st.lines[1].payer_name == 'ТОВ "Ромашка"'  # the creditor of our debit
    assert st.lines[2].payer_code == "3012345670"
    assert [ln.line_no for ln in st.lines] == [9, 26, 41, 41, 64]
    assert reasons(st) == ["", "debit", "", "", "currency EUR"]


def test_camt054_notification_reads() -> None:
    st = read("camt054_notification.xml")
    assert st.format == "camt054"
    (line,) = st.lines
    assert (line.amount, line.date, line.payer_name, line.payer_code) == (
        Decimal("700.00"),
        dt.date(2026, 2, 11),
        "Петренко Олена Іванівна",
        "3012345670",
    )
    assert line.our_account == OUR2


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><x>&lol2;</x></Document>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><x>&ext;</x></Document>"""


@pytest.mark.parametrize("data", [BOMB, EXTERNAL], ids=["bomb", "external-entity"])
def test_xml_with_dtd_or_entities_is_refused(data: bytes) -> None:
    err = error_for(data, "evil.xml")
    assert "refused for safety" in err.reason
    assert str(err).startswith("evil.xml: ")


def test_malformed_xml_names_the_line() -> None:
    data = fixture_bytes("camt053_privat.xml").replace(b"</Acct>", b"</Acc>", 1)
    err = error_for(data, "s.xml")
    assert err.line == 8
    assert "not well-formed XML" in err.reason


# --- payment-processor registry --------------------------------------------------


def test_registry_keeps_fee_apart_and_account_in_purpose() -> None:
    st = read("registry_processor.csv")
    assert st.format == "registry"
    assert [(ln.amount, ln.fee, ln.purpose) for ln in st.lines] == [
        (Decimal("1000.00"), Decimal("39.00"), "100245"),
        (Decimal("250.00"), Decimal("9.75"), "100301 поповнення"),
        (Decimal("1000.00"), Decimal("39.00"), "100245"),
    ]
    assert {ln.direction for ln in st.lines} == {Direction.CREDIT}
    assert reasons(st) == ["", "", ""]
    assert [ln.bank_reference for ln in st.lines] == ["LP-7781-01", "LP-7781-02", "LP-7781-03"]
    assert len(set(fingerprints(st))) == 3


def test_registry_total_row_must_match() -> None:
    data = fixture_bytes("registry_processor.csv").replace(b"total;;2250.00", b"total;;2250.01")
    err = error_for(data, "lp.csv")
    assert (
        str(err) == "lp.csv: line 5: the total row says amount 2250.01, the rows add up to 2250.00"
    )


# --- files that are not statements ---------------------------------------------


@pytest.mark.parametrize("data", [b"", b"  \r\n\r\n"], ids=["zero-bytes", "blank"])
def test_empty_file(data: bytes) -> None:
    assert str(error_for(data, "empty.csv")) == "empty.csv: the file is empty"


def test_pdf_named_xls_is_refused() -> None:
    err = error_for(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "statement.xls")
    assert err.line is None
    assert str(err).startswith("statement.xls: this is a PDF document, not a statement export")


def test_broken_xls_is_refused() -> None:
    data = fixture_bytes("layout_e_privatbank.xls")[:2000]
    err = error_for(data, "cut.xls")
    assert "not a readable XLS workbook" in err.reason


def test_file_larger_than_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: no 200 MB are written
    with pytest.raises(StatementFileError) as info:
        read_statement_file(path)
    assert str(info.value) == (
        "huge.csv: the file is 200 MB, more than the 50 MB a statement may have; split it by period"
    )
    assert MAX_STATEMENT_BYTES == 50 * 1024 * 1024


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StatementFileError, match=r"^nope.txt: file not found$"):
        read_statement_file(tmp_path / "nope.txt")


# --- fingerprints ------------------------------------------------------------------


def test_overlapping_files_share_fingerprints_of_common_lines() -> None:
    full = fixture_bytes("alfa_business_layout_b.csv")
    rows = full.split(b"\n")
    part = b"\n".join([rows[0], *rows[3:]])  # the same export without its first two lines
    whole = fingerprints(read_statement(full, "a.csv"))
    tail = fingerprints(read_statement(part, "b.csv"))
    assert tail == whole[2:]


def test_duplicate_lines_within_a_file_differ_only_by_occurrence() -> None:
    row = "41234569;;UA1;UAH;01.02.2026;;;;UA2;32855961;X;1;;;100.00;ok;"
    st = read_statement(_layout_a_csv(row, row, row), "dup.csv")
    prints = fingerprints(st)
    assert [p.rsplit("#", 1)[1] for p in prints] == ["1", "2", "3"]
    assert len({p.rsplit("#", 1)[0] for p in prints}) == 1


# --- classification -------------------------------------------------------------


def _credit(**changes: object) -> StatementLine:
    base: dict[str, object] = {
        "line_no": 1,
        "our_account": OUR1,
        "date": dt.date(2026, 2, 1),
        "amount": Decimal("10.00"),
        "currency": "UAH",
        "direction": Direction.CREDIT,
        "payer_name": "ТОВ Ромашка",
        "payer_code": "32855961",
        "payer_iban": "UA823005280000026003011112222",
        "purpose": "Оплата",
        "bank_reference": "",
        "document_number": "1",
    }
    base.update(changes)
    return StatementLine(**base)  # type: ignore[arg-type]


def test_classify_rules() -> None:
    own = OwnCompany(codes=frozenset({"41234569"}), ibans=frozenset({OUR2}))
    assert classify(_credit(), own) == ""
    assert classify(_credit(direction=Direction.DEBIT), own) == "debit"
    assert classify(_credit(currency="USD"), own) == "currency USD"
    assert classify(_credit(payer_code="41234569"), own) == "own transfer"
    assert classify(_credit(payer_iban=OUR2), own) == "own transfer"
    assert classify(_credit(our_account="UA2435*", payer_iban=OUR1), None) == ""  # mask too short
    assert classify(_credit(payer_iban="UA6230529*"), own) == "own transfer"
    # Words never skip a credit: they only hint what it looks like.
    assert classify(_credit(purpose="*;101;32855961;ПДФО"), own) == ""
    assert hint(_credit(purpose="*;101;32855961;ПДФО")) == "budget"
    bank_refund = _credit(payer_name="АТ Банк", purpose="Повернення комісії")
    assert (classify(bank_refund, own), hint(bank_refund)) == ("", "bank")
    sale = _credit(payer_name='АТ "КРЕДІ АГРІКОЛЬ БАНК"', purpose="Продаж валюти. КОМІСІЯ")
    assert (classify(sale, own), hint(sale)) == ("", "bank")
    assert hint(_credit(purpose="Оплата за послуги")) == ""


def test_layout_e_refuses_to_skip_a_data_row_under_the_header(tmp_path: Path) -> None:
    header = [
        "№",
        "Дата проводки",
        "Час проводки",
        "Сума",
        "Валюта",
        "Призначення платежу",
        "ЄДРПОУ",
        "Назва контрагента",
        "Рахунок контрагента",
        "МФО контрагента",
        "Референс",
    ]
    row = [1, "03.02.2026", "10:15", 15, "UAH", "Оплата", "", "X", "", "", "R1"]
    path = _xlsx(tmp_path, [[f"Виписка {OUR1}"], [None], [None], header, row, row])
    with pytest.raises(StatementFileError) as info:
        read_statement_file(path, format="layout-e")
    assert info.value.line == 5
    assert "holds a date" in info.value.reason


def test_rows_without_an_amount_refuse_the_file_naming_them() -> None:
    data = _layout_a_csv(
        "41234569;;UA1;UAH;01.02.2026;;;;UA2;32855961;X;1;;;100.00;ok;",
        "41234569;;UA1;UAH;01.02.2026;;;;UA2;32855961;X;2;;0.00;0.00;info;",
        "41234569;;UA1;UAH;01.02.2026;;;;UA2;32855961;X;3;;;;info;",
    )
    err = error_for(data, "a.csv")
    assert err.line == 3
    assert "no amount in Дебет / Кредит (also lines 4)" in err.reason


def test_same_reference_on_another_day_is_another_payment() -> None:
    st = read("registry_processor.csv")
    moved = Statement(
        st.file_name,
        st.format,
        st.accounts,
        (replace(st.lines[0], date=dt.date(2026, 3, 10)),),
        (),
    )
    assert fingerprints(moved)[0] != fingerprints(st)[0]


def test_csv_rows_split_at_lf_crlf_and_lone_cr_alike() -> None:
    from backoffice.importers.statements.sheets import read_csv

    text = 'a;b\r\nc;"multi\r\nline"\rd;e\ne;f'
    assert read_csv(text, ";") == [
        (1, ["a", "b"]),
        (2, ["c", "multi\r\nline"]),
        (4, ["d", "e"]),
        (5, ["e", "f"]),
    ]

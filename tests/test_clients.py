"""Clients and personal accounts (SPEC §5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine

from backoffice.domain import ClientKind, ClientRecord
from backoffice.errors import BackofficeError, InputError
from backoffice.services import clients, integrity, ledger, settings
from tests.conftest import snapshot
from tests.helpers import (
    EDRPOU_A,
    EDRPOU_B,
    IBAN_PRIVAT,
    IBAN_UNKNOWN_BANK,
    RNOKPP_A,
    RNOKPP_B,
    D,
    add_legal,
    day,
)


def test_add_clients_of_each_kind_opens_numbered_accounts(uow_factory) -> None:
    with uow_factory() as uow:
        legal = clients.add_client(
            uow,
            ClientRecord(
                ClientKind.LEGAL,
                "ТОВ «Агро Трейд»",
                edrpou=EDRPOU_A,
                ibans=(IBAN_PRIVAT,),
                vat_payer=True,
                ipn="328559626591",
            ),
            day("2026-11-01"),
        )
        sole = clients.add_client(
            uow,
            ClientRecord(ClientKind.SOLE, "ФОП Мельник Ірина Дмитрівна", rnokpp=RNOKPP_A),
            day("2026-11-01"),
        )
        person = clients.add_client(
            uow, ClientRecord(ClientKind.INDIVIDUAL, "Шевченко Тарас Тарасович"), day("2026-11-01")
        )
        uow.commit()
    assert [legal.account_number, sole.account_number, person.account_number] == [
        "OR-000001",
        "OR-000002",
        "OR-000003",
    ]
    with uow_factory(read_only=True) as uow:
        view = clients.show_account(uow, "OR-000002")
        assert (view.client_kind, view.tax_code, view.balance) == (
            ClientKind.SOLE,
            RNOKPP_A,
            D("0.00"),
        )


def test_account_number_pattern_setting(uow_factory) -> None:
    with uow_factory() as uow:
        settings.set_setting(uow, "account.pattern", "ПР-####")
        uow.commit()
    number = add_legal(uow_factory)
    assert number == "ПР-0001"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            ClientRecord(ClientKind.LEGAL, "ТОВ «Х»", edrpou="32855962"),
            "ЄДРПОУ '32855962' is invalid: the check digit",
        ),
        (ClientRecord(ClientKind.LEGAL, "ТОВ «Х»", edrpou="1234"), "wrong number of digits"),
        (ClientRecord(ClientKind.LEGAL, "ТОВ «Х»"), "needs a ЄДРПОУ"),
        (
            ClientRecord(ClientKind.SOLE, "ФОП Х", rnokpp="3163956444"),
            "РНОКПП '3163956444' is invalid",
        ),
        (ClientRecord(ClientKind.SOLE, "ФОП Х"), "needs a РНОКПП"),
        (
            ClientRecord(
                ClientKind.LEGAL,
                "ТОВ «Х»",
                edrpou=EDRPOU_A,
                ibans=("UA213052990000026007233566002",),
            ),
            "IBAN .* is invalid",
        ),
        (
            ClientRecord(ClientKind.LEGAL, "ТОВ «Х»", edrpou=EDRPOU_A, emails=("buh@",)),
            "e-mail 'buh@' is invalid",
        ),
        (
            ClientRecord(ClientKind.LEGAL, "ТОВ «Х»", edrpou=EDRPOU_A, vat_payer=True),
            "needs an ІПН",
        ),
        (ClientRecord(ClientKind.LEGAL, "  ", edrpou=EDRPOU_A), "name is empty"),
    ],
)
def test_invalid_client_is_refused(uow_factory, engine: Engine, record, message) -> None:
    before = snapshot(engine)
    with uow_factory() as uow, pytest.raises(InputError, match=message):
        clients.add_client(uow, record, day("2026-11-01"))
        uow.commit()
    assert snapshot(engine) == before


def test_unknown_bank_is_a_warning_not_an_error(uow_factory) -> None:
    with uow_factory() as uow:
        added = clients.add_client(
            uow,
            ClientRecord(ClientKind.LEGAL, "ТОВ «Х»", edrpou=EDRPOU_A, ibans=(IBAN_UNKNOWN_BANK,)),
            day("2026-11-01"),
        )
        uow.commit()
    assert added.warnings == (
        f"IBAN {IBAN_UNKNOWN_BANK}: bank code 399999 is not in the bank registry",
    )


def test_same_code_twice_is_refused(uow_factory) -> None:
    number = add_legal(uow_factory)
    with (
        uow_factory() as uow,
        pytest.raises(BackofficeError, match=f"{EDRPOU_A} already exists \\(account {number}\\)"),
    ):
        clients.add_client(
            uow, ClientRecord(ClientKind.LEGAL, "ТОВ «Двійник»", edrpou=EDRPOU_A), day("2026-11-02")
        )


CSV_GOOD = (
    "kind;name;edrpou;rnokpp;iban;email;contract_no;contract_date;opening_balance\n"
    f"legal;ТОВ «Агро Трейд»;{EDRPOU_A};;{IBAN_PRIVAT};buh@agro.ua;Д-1;2025-01-15;1500.25\n"
    f"sole;ФОП Мельник Ірина Дмитрівна;;{RNOKPP_A};;iryna@ukr.net;;;-200.00\n"
    "individual;Шевченко Тарас Тарасович;;;;;;;\n"
)


def test_import_csv_with_opening_balances(uow_factory, tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_bytes(CSV_GOOD.encode("cp1251"))  # what Excel on a Ukrainian Windows saves
    with uow_factory() as uow:
        added = clients.import_clients(uow, path, day("2026-10-31"))
        uow.commit()
    assert [a.account_number for a in added] == ["OR-000001", "OR-000002", "OR-000003"]
    with uow_factory(read_only=True) as uow:
        views = {v.number: v for v in clients.list_accounts(uow)}
        assert views["OR-000001"].balance == D("1500.25")
        assert views["OR-000002"].balance == D("-200.00")
        assert views["OR-000003"].balance == D("0.00")
        [entry] = ledger.account_entries(uow, "OR-000001")
        assert (entry.kind, entry.business_date) == ("opening_balance", day("2026-10-31"))
        assert integrity.check_integrity(uow).ok


def test_import_xlsx_restores_leading_zeros_and_reads_numbers_exactly(
    uow_factory, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Тип", "Назва", "ЄДРПОУ", "Залишок"])
    sheet.append(["ЮО", "ПАТ «Нуль»", 5394446, 1234.1])  # lost its leading zero in Excel
    sheet.append(["legal", "ТОВ «Друге»", int(EDRPOU_B), 0.3])
    path = tmp_path / "clients.xlsx"
    book.save(path)
    with uow_factory() as uow:
        clients.import_clients(uow, path, day("2026-10-31"))
        uow.commit()
    with uow_factory(read_only=True) as uow:
        views = clients.list_accounts(uow)
    assert [(v.tax_code, v.balance) for v in views] == [
        ("05394446", D("1234.10")),
        (EDRPOU_B, D("0.30")),
    ]


def test_import_with_bad_rows_imports_nothing_and_names_every_row(
    uow_factory, engine: Engine, tmp_path: Path
) -> None:
    bad = CSV_GOOD + (
        "legal;ТОВ «Зла»;32855962;;;;;;\n"  # line 5: wrong check digit
        f"sole;ФОП Двійник;;{RNOKPP_A};;;;;\n"  # line 6: repeats line 3
        f"sole;ФОП Сума;;{RNOKPP_B};;;;;12,5.0\n"  # line 7: malformed amount
        "alien;Хтось;;;;;;;\n"  # line 8: unknown kind
    )
    path = tmp_path / "clients.csv"
    path.write_text(bad, encoding="utf-8")
    before = snapshot(engine)
    with uow_factory() as uow, pytest.raises(clients.ClientImportError) as caught:
        clients.import_clients(uow, path, day("2026-10-31"))
        uow.commit()
    problems = caught.value.problems
    assert [p.split(": ")[1] for p in problems] == ["line 5", "line 6", "line 7", "line 8"]
    assert "check digit" in problems[0] and "repeats line 3" in problems[1]
    assert "12,5.0" in problems[2] and "alien" in problems[3]
    assert snapshot(engine) == before


def test_list_filters_cyrillic_case_insensitively_and_sorts_in_the_database(uow_factory) -> None:
    add_legal(uow_factory, name="ТОВ «Агро Трейд»", edrpou=EDRPOU_A, opening="10.00")
    add_legal(uow_factory, name="ТОВ «Зерно Груп»", edrpou=EDRPOU_B, opening="900.00")
    with uow_factory(read_only=True) as uow:
        found = clients.list_accounts(uow, clients.AccountQuery(text="агро"))
        assert [v.client_name for v in found] == ["ТОВ «Агро Трейд»"]
        assert clients.count_accounts(uow, clients.AccountQuery(text="ЗЕРНО")) == 1
        assert clients.count_accounts(uow, clients.AccountQuery(text=EDRPOU_B)) == 1
        by_balance = clients.list_accounts(
            uow, clients.AccountQuery(sort="balance", descending=True)
        )
        assert [v.balance for v in by_balance] == [D("900.00"), D("10.00")]
        page = clients.list_accounts(uow, clients.AccountQuery(sort="name", offset=1, limit=1))
        assert [v.client_name for v in page] == ["ТОВ «Зерно Груп»"]


def test_filter_finds_account_numbers_and_treats_wildcards_as_text(uow_factory) -> None:
    with uow_factory() as uow:
        settings.set_setting(uow, "account.pattern", "ПР-####")
        uow.commit()
    add_legal(uow_factory, name="ТОВ «100% Агро_Трейд»", edrpou=EDRPOU_A)
    add_legal(uow_factory, name="ТОВ «Зерно Груп»", edrpou=EDRPOU_B)
    with uow_factory(read_only=True) as uow:
        assert clients.count_accounts(uow, clients.AccountQuery(text="пр-0002")) == 1
        assert clients.count_accounts(uow, clients.AccountQuery(text="100%")) == 1
        assert clients.count_accounts(uow, clients.AccountQuery(text="%")) == 1
        assert clients.count_accounts(uow, clients.AccountQuery(text="аг_о")) == 0

"""Exchange rates (SPEC §9): NBU JSON/XML and CSV, exact, audited corrections."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from backoffice.db.models import AuditRecord
from backoffice.domain import EntryDraft, EntryKind
from backoffice.errors import BackofficeError, InputError, MissingRate
from backoffice.importers.rates_file import parse_rates
from backoffice.services import ledger, rates, settings
from tests.conftest import snapshot
from tests.helpers import D, add_legal, day

FIXTURES = Path(__file__).parent / "fixtures"


def test_nbu_json_is_read_exactly_without_float() -> None:
    data = (
        '[{"r030":978,"txt":"Євро","rate":48.51230000000001,"cc":"EUR",'
        '"exchangedate":"10.11.2026"}]'
    ).encode()
    # A float would have made this 48.5123; Decimal keeps every digit and the
    # four-place rule refuses it instead of rounding silently.
    with pytest.raises(InputError, match=r"item 1: .*more than 4 decimal places"):
        parse_rates(data, "nbu.json")
    [row] = parse_rates((FIXTURES / "nbu_rates.json").read_bytes(), "nbu.json")[:1]
    assert (row.day, row.currency, row.rate) == (day("2026-11-10"), "EUR", D("48.5123"))


def test_import_json_xml_csv(uow_factory) -> None:
    with uow_factory() as uow:
        first = rates.import_rates(uow, FIXTURES / "nbu_rates.json")
        second = rates.import_rates(uow, FIXTURES / "nbu_rates.xml")
        third = rates.import_rates(uow, FIXTURES / "rates.csv")
        again = rates.import_rates(uow, FIXTURES / "nbu_rates.json")
        uow.commit()
    assert (first.new, first.skipped) == (2, 1)  # PLN is not kept
    assert second.new == 2 and third.new == 2
    assert (again.new, again.unchanged) == (0, 2)
    with uow_factory(read_only=True) as uow:
        assert rates.rate_on(uow, day("2026-11-10")) == D("48.5123")
        assert rates.rate_on(uow, day("2026-11-11"), "USD") == D("41.6002")
        assert rates.rate_on(uow, day("2026-11-13")) == D("48.6500")


def test_missing_rate_names_date_and_currency(uow_factory) -> None:
    with (
        uow_factory() as uow,
        pytest.raises(MissingRate, match="no NBU rate for EUR on 2026-11-15"),
    ):
        rates.rate_on(uow, day("2026-11-15"))


def test_fallback_to_last_known_rate_when_allowed(uow_factory) -> None:
    with uow_factory() as uow:
        rates.set_rate(uow, day("2026-11-13"), "EUR", D("48.6500"))
        settings.set_setting(uow, "rates.fallback_days", "3")
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert rates.rate_on(uow, day("2026-11-16")) == D("48.6500")
        with pytest.raises(MissingRate, match="2026-11-17"):
            rates.rate_on(uow, day("2026-11-17"))


def test_conversion_uses_rate_and_markup(uow_factory) -> None:
    with uow_factory() as uow:
        rates.set_rate(uow, day("2026-11-10"), "EUR", D("48.5123"))
        conversion = rates.convert_eur(uow, D("100.00"), day("2026-11-10"))
        settings.set_setting(uow, "fx.markup_percent", "5")
        with_five = rates.convert_eur(uow, D("100.00"), day("2026-11-10"))
    assert (conversion.rate, conversion.markup_percent, conversion.uah) == (
        D("48.5123"),
        D("3"),
        D("4996.77"),
    )
    assert with_five.uah == D("5093.79")  # 100 × 48.5123 × 1.05 = 5093.7915


def test_used_rate_changes_only_with_a_reason_and_is_audited(uow_factory) -> None:
    number = add_legal(uow_factory)
    with uow_factory() as uow:
        rates.set_rate(uow, day("2026-11-10"), "EUR", D("48.5123"))
        account = ledger.find_account(uow, number)
        ledger.post_entries(
            uow,
            [
                EntryDraft(
                    account.id,
                    day("2026-11-10"),
                    EntryKind.CORRECTION,
                    D("-10.00"),
                    eur=D("0.20"),
                    rate=D("48.5123"),
                    markup_percent=D("3"),
                )
            ],
        )
        uow.commit()
    with uow_factory() as uow, pytest.raises(BackofficeError, match="used by 1 posted entries"):
        rates.set_rate(uow, day("2026-11-10"), "EUR", D("48.6000"))
    with uow_factory() as uow:
        assert (
            rates.set_rate(uow, day("2026-11-10"), "EUR", D("48.6000"), reason="NBU republished")
            == "corrected"
        )
        uow.commit()
    with uow_factory(read_only=True) as uow:
        audit = uow.session.execute(
            select(AuditRecord).where(AuditRecord.action == "rate.correct")
        ).scalar_one()
        assert (audit.before, audit.after) == ("48.5123", "48.6000 (NBU republished)")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'[{"cc":"EUR","rate":48.5,"exchangedate":"10.11.2026"},{"cc":"EUR"',
            "line 1: broken JSON",
        ),
        (b'[{"cc":"EUR","rate":48.5,"exchangedate":"31.02.2026"}]', "item 1: date '31.02.2026'"),
        (b'[{"cc":"EUR","rate":"abc","exchangedate":"10.11.2026"}]', "item 1: rate 'abc'"),
        (
            b"date,currency,rate\n2026-11-12,EUR,48.7\n2026-11-13,EUR,-1\n",
            "line 3: rate -1 must be positive",
        ),
        (b"day,cur\n2026-11-12,EUR\n", "line 1: header needs"),
        (b"<exchange><currency><cc>EUR</cc></currency>", "broken XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b"<exchange><currency><cc>&b;</cc></currency></exchange>",
            "refused unsafe XML",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<exchange><currency><cc>&e;</cc></currency></exchange>",
            "refused unsafe XML",
        ),
    ],
)
def test_broken_rates_file_imports_nothing(
    uow_factory, engine: Engine, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "rates.bad"
    path.write_bytes(content)
    before = snapshot(engine)
    with uow_factory() as uow, pytest.raises(InputError, match=message) as caught:
        rates.import_rates(uow, path)
        uow.commit()
    assert str(path) in str(caught.value)
    assert snapshot(engine) == before

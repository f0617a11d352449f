"""`rates fetch` (SPEC §9, §16): the NBU's rates from the address in
`rates.source_url`, against a local stand-in server, never the internet."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord, ExchangeRate
from backoffice.errors import InputError
from backoffice.services import rate_fetch, rates, settings
from backoffice.services.rate_fetch import FetchError
from tests.conftest import snapshot
from tests.helpers import D, day
from tests.nbu_server import NbuStub, nbu_server


@pytest.fixture
def nbu() -> Iterator[NbuStub]:
    with nbu_server() as stub:
        yield stub


def _point_at(
    uow_factory: Callable[..., UnitOfWork], url: str, currencies: str = "EUR,USD"
) -> None:
    with uow_factory() as uow:
        settings.set_setting(uow, "rates.source_url", url)
        settings.set_setting(uow, "rates.currencies", currencies)
        uow.commit()


def _stored(engine: Engine) -> list[tuple[object, ...]]:
    with UnitOfWork(engine, read_only=True) as uow:
        return [
            tuple(r)
            for r in uow.session.execute(
                select(
                    ExchangeRate.day, ExchangeRate.currency, ExchangeRate.rate, ExchangeRate.source
                ).order_by(ExchangeRate.day, ExchangeRate.currency)
            ).all()
        ]


def test_one_day_for_each_configured_currency(uow_factory, engine: Engine, nbu: NbuStub) -> None:
    nbu.rates[("EUR", day("2026-11-10"))] = "48.5123"
    nbu.rates[("USD", day("2026-11-10"))] = "41.5870"
    _point_at(uow_factory, nbu.day_url)
    with uow_factory() as uow:
        result = rate_fetch.fetch_rates(uow, day("2026-11-10"))
        uow.commit()
    assert (result.new, result.unchanged, result.conflicts) == (2, 0, ())
    assert _stored(engine) == [
        (day("2026-11-10"), "EUR", D("48.5123"), "NBU"),
        (day("2026-11-10"), "USD", D("41.5870"), "NBU"),
    ]
    assert sorted(nbu.requests) == [
        "/exchange?valcode=EUR&date=20261110&json",
        "/exchange?valcode=USD&date=20261110&json",
    ]
    # Again: nothing new, nothing changed.
    with uow_factory() as uow:
        again = rate_fetch.fetch_rates(uow, day("2026-11-10"))
        uow.commit()
    assert (again.new, again.unchanged) == (0, 2)


def test_a_range_day_by_day_with_the_weekend_carried_over(
    uow_factory, engine: Engine, nbu: NbuStub
) -> None:
    # Fri 13.11.2026 is the last working day; the service answers the
    # Saturday and Sunday with Friday's record.
    nbu.rates[("EUR", day("2026-11-13"))] = "48.6500"
    nbu.rates[("EUR", day("2026-11-16"))] = "48.7001"
    original = nbu.answer

    def weekend_as_friday(path: str) -> tuple[int, bytes]:
        for sunday_or_saturday in ("20261114", "20261115"):
            path = path.replace(sunday_or_saturday, "20261113")
        return original(path)

    nbu.answer = weekend_as_friday  # type: ignore[method-assign]
    _point_at(uow_factory, nbu.day_url, "EUR")
    with uow_factory() as uow:
        result = rate_fetch.fetch_rates(uow, day("2026-11-13"), day("2026-11-16"))
        uow.commit()
    assert result.new == 4
    assert _stored(engine) == [
        (day("2026-11-13"), "EUR", D("48.6500"), "NBU"),
        (day("2026-11-14"), "EUR", D("48.6500"), "NBU 2026-11-13"),
        (day("2026-11-15"), "EUR", D("48.6500"), "NBU 2026-11-13"),
        (day("2026-11-16"), "EUR", D("48.7001"), "NBU"),
    ]


def test_a_range_in_one_request_per_currency(uow_factory, engine: Engine, nbu: NbuStub) -> None:
    for n, value in enumerate(("41.0100", "41.0200", "41.0300"), start=1):
        nbu.rates[("USD", day(f"2026-11-0{n}"))] = value
    _point_at(uow_factory, nbu.range_url, "USD")
    with uow_factory() as uow:
        result = rate_fetch.fetch_rates(uow, day("2026-11-01"), day("2026-11-03"))
        uow.commit()
    assert result.new == 3
    assert nbu.requests == ["/exchange_site?start=20261101&end=20261103&valcode=USD&json"]
    with uow_factory(read_only=True) as uow:
        assert rates.rate_on(uow, day("2026-11-02"), "USD") == D("41.0200")


def test_a_different_stored_rate_is_a_conflict_not_overwritten(
    uow_factory, engine: Engine, nbu: NbuStub
) -> None:
    nbu.rates[("EUR", day("2026-11-10"))] = "48.5123"
    nbu.rates[("EUR", day("2026-11-11"))] = "48.6000"
    _point_at(uow_factory, nbu.day_url, "EUR")
    with uow_factory() as uow:
        rates.set_rate(uow, day("2026-11-10"), "EUR", D("48.0000"), source="manual")
        uow.commit()
    with uow_factory() as uow:
        result = rate_fetch.fetch_rates(uow, day("2026-11-10"), day("2026-11-11"))
        uow.commit()
    [conflict] = result.conflicts
    assert (conflict.day, conflict.stored, conflict.fetched) == (
        day("2026-11-10"),
        D("48.0000"),
        D("48.5123"),
    )
    assert result.new == 1
    with uow_factory(read_only=True) as uow:
        assert rates.rate_on(uow, day("2026-11-10")) == D("48.0000")  # kept
        assert rates.rate_on(uow, day("2026-11-11")) == D("48.6000")
        actions = uow.session.execute(select(AuditRecord.action)).scalars().all()
    assert "rate.fetch" in actions and "rate.correct" not in actions


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (500, b"oops", r"NBU rates for EUR on 2026-11-10: the server answered HTTP 500"),
        (200, b"<html>maintenance</html>", r"the answer is not JSON"),
        (200, b'[{"cc":"EUR","rate":"x","exchangedate":"10.11.2026"}]', r"item 1: .*rate"),
        (200, b"[]", r"the NBU answered no EUR rate for 2026-11-10"),
    ],
)
def test_a_failed_fetch_says_why_and_stores_nothing(
    uow_factory, engine: Engine, nbu: NbuStub, status: int, body: bytes, message: str
) -> None:
    nbu.rates[("USD", day("2026-11-10"))] = "41.5870"  # the other currency would have worked
    _point_at(uow_factory, nbu.day_url, "USD,EUR")
    nbu_answer = nbu.answer

    def eur_fails(path: str) -> tuple[int, bytes]:
        if "valcode=EUR" in path:
            nbu.status, nbu.body = status, body
        try:
            return nbu_answer(path)
        finally:
            nbu.status, nbu.body = 200, None

    nbu.answer = eur_fails  # type: ignore[method-assign]
    before = snapshot(engine)
    with uow_factory() as uow, pytest.raises(FetchError, match=message):
        rate_fetch.fetch_rates(uow, day("2026-11-10"))
    assert snapshot(engine) == before


def test_no_answer_in_time_is_a_timeout(uow_factory, engine: Engine, nbu: NbuStub) -> None:
    nbu.hang = threading.Event()
    _point_at(uow_factory, nbu.day_url, "EUR")
    with uow_factory() as uow, pytest.raises(FetchError, match=r"no answer within 0.2 s"):
        rate_fetch.fetch_rates(uow, day("2026-11-10"), timeout=0.2)
    nbu.hang.set()


def test_nobody_listening_is_a_network_error(uow_factory) -> None:
    _point_at(uow_factory, "http://127.0.0.1:9/x?c={currency}&d={date}", "EUR")
    with uow_factory() as uow, pytest.raises(FetchError, match=r"cannot reach 127.0.0.1:9"):
        rate_fetch.fetch_rates(uow, day("2026-11-10"), timeout=2)


def test_the_address_setting_is_checked(uow_factory) -> None:
    with uow_factory() as uow:
        assert "bank.gov.ua" in settings.get_setting(uow, "rates.source_url")
        for bad, why in (
            ("ftp://x/{currency}/{date}", "http"),
            ("https://x/?d={date}", "{currency}"),
            ("https://x/?c={currency}&start={start}", "{date}"),
        ):
            with pytest.raises(InputError, match=why):
                settings.set_setting(uow, "rates.source_url", bad)


def test_range_limits(uow_factory) -> None:
    with uow_factory() as uow:
        with pytest.raises(InputError, match="before --from"):
            rate_fetch.fetch_rates(uow, day("2026-11-10"), day("2026-11-09"))
        with pytest.raises(InputError, match="at most 366 days"):
            rate_fetch.fetch_rates(uow, day("2025-01-01"), day("2026-11-09"))


def test_cli_fetch_and_refusal(db_url: str, tmp_path: Path, nbu: NbuStub) -> None:
    from tests.test_cli import Cli

    cli = Cli(db_url, tmp_path)
    nbu.rates[("EUR", day("2026-11-10"))] = "48.5123"
    nbu.rates[("EUR", day("2026-11-11"))] = "48.6000"
    cli("settings", "set", "rates.currencies", "EUR")
    cli("settings", "set", "rates.source_url", nbu.day_url)
    out = cli.json("rates", "fetch", "--from", "2026-11-10", "--to", "2026-11-11")
    assert out == {
        "from": "2026-11-10",
        "to": "2026-11-11",
        "currencies": ["EUR"],
        "new": 2,
        "unchanged": 0,
        "conflicts": [],
    }
    listed = json.loads(cli("rates", "list", "--json").stdout)
    assert [(r["date"], r["rate"]) for r in listed] == [
        ("2026-11-10", "48.5123"),
        ("2026-11-11", "48.6000"),
    ]
    # Without --from/--to: the business date.
    nbu.rates[("EUR", day("2026-11-12"))] = "48.7000"
    plain = cli("rates", "fetch", "--date", "2026-11-12")
    assert "1 new" in plain.stdout
    # A conflict is stored nowhere and said on stderr.
    cli("rates", "set", "2026-11-13", "EUR", "48.0000")
    nbu.rates[("EUR", day("2026-11-13"))] = "48.9000"
    result = cli("rates", "fetch", "--from", "2026-11-13")
    assert "1 conflicts" in result.stdout
    assert "warning: EUR 2026-11-13: stored 48.0000, the NBU says 48.9000" in result.stderr
    nbu.status = 500
    assert "HTTP 500" in cli.refused("rates", "fetch", "--from", "2026-11-14")

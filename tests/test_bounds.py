"""Issue 11 items 2, 3, 10: bounded input, checked in the services (SPEC §4 Bounds).

Every value a service writes passes one validation layer, so the limits are
the same on SQLite and PostgreSQL; a refusal names the value and leaves the
database as it was.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from backoffice import bounds
from backoffice.db.engine import UnitOfWork
from backoffice.domain import ClientKind, ClientRecord, EntryDraft, EntryKind
from backoffice.errors import BackofficeError, InputError
from backoffice.services import (
    clients,
    daily,
    ledger,
    months,
    orders,
    payments,
    rates,
    statements,
    subscriptions,
    usage,
)
from backoffice.services import invoices as invoice_service
from tests.conftest import snapshot
from tests.helpers import EDRPOU_A, EDRPOU_B, D, add_legal, day
from tests.test_billing import entries, run, setup_billing, subscribe
from tests.test_statements import Payment, configure, load, onec

Factory = Callable[..., UnitOfWork]
NOV_12 = dt.date(2026, 11, 12)


def _refused(new_uow: Factory, engine: Engine, action: Callable[[UnitOfWork], object]) -> str:
    """Run `action`, expect an InputError, prove nothing changed; the message."""
    before = snapshot(engine)
    with new_uow() as uow, pytest.raises(InputError) as refusal:
        action(uow)
        uow.commit()
    assert snapshot(engine) == before
    return str(refusal.value)


def test_amounts_over_the_limit_are_refused_on_both_databases(
    uow_factory: Factory, engine: Engine
) -> None:
    number = add_legal(uow_factory)
    huge = D("50000000000000000.00")  # the issue's top-up, twice overflowed SQLite
    message = _refused(
        uow_factory,
        engine,
        lambda uow: payments.receive_topup(uow, number, huge, day("2026-11-02"), "t"),
    )
    assert "top-up amount 50000000000000000.00 is over the limit of 1000000000.00" in message
    for action in (
        lambda uow: invoice_service.issue_topup_invoice(uow, number, huge, day("2026-11-02")),
        lambda uow: orders.order_service(uow, number, "Доопрацювання", huge, day("2026-11-02")),
    ):
        assert "over the limit" in _refused(uow_factory, engine, action)
    record = ClientRecord(ClientKind.LEGAL, "ТОВ Б", edrpou=EDRPOU_B, opening_balance=huge)
    assert "opening balance" in _refused(
        uow_factory, engine, lambda uow: clients.add_client(uow, record, day("2026-11-01"))
    )
    # exactly the limit is accepted
    with uow_factory() as uow:
        payments.receive_topup(uow, number, bounds.MAX_AMOUNT, day("2026-11-02"), "t")
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert clients.show_account(uow, number).balance == bounds.MAX_AMOUNT


def test_a_posting_that_would_carry_a_balance_beyond_the_limit_is_refused(
    uow_factory: Factory, engine: Engine
) -> None:
    number = add_legal(uow_factory)
    with uow_factory(read_only=True) as uow:
        account_id = ledger.find_account(uow, number).id
    steps = int(bounds.MAX_BALANCE / bounds.MAX_AMOUNT) + 1
    drafts = [
        EntryDraft(account_id, day("2026-11-02"), EntryKind.CORRECTION, bounds.MAX_AMOUNT, "x")
        for _ in range(steps)
    ]
    message = _refused(uow_factory, engine, lambda uow: ledger.post_entries(uow, drafts))
    assert f"account {number}: the balance would be" in message
    assert "beyond the limit of ±100000000000.00" in message


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("x" * (bounds.MAX_NAME + 1), "301 characters long, the limit is 300"),
        ("ТОВ \x1b[31mЧервоний", "control character U+001B at position 5"),
        ("ТОВ\x00А", "control character U+0000"),
        ("ТОВ\nА", "control character U+000A"),
        ("ТОВ \x9b А", "control character U+009B"),
        ("ТОВ \udcff", "control character U+DCFF"),  # a byte that was not UTF-8 on argv
        ("   ", "client name is empty"),
    ],
)
def test_client_names_are_bounded_and_printable_on_both_databases(
    uow_factory: Factory, engine: Engine, name: str, reason: str
) -> None:
    record = ClientRecord(ClientKind.LEGAL, name, edrpou=EDRPOU_A)
    message = _refused(
        uow_factory, engine, lambda uow: clients.add_client(uow, record, day("2026-11-01"))
    )
    assert reason in message


def test_the_longest_allowed_name_and_multi_line_notes_are_kept_exactly(
    uow_factory: Factory,
) -> None:
    name = "Я" * bounds.MAX_NAME
    notes = "перший рядок\nдругий рядок"
    record = ClientRecord(ClientKind.LEGAL, name, edrpou=EDRPOU_A, notes=notes)
    with uow_factory() as uow:
        number = clients.add_client(uow, record, day("2026-11-01")).account_number
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert clients.show_account(uow, number).client_name == name
        stored = uow.session.execute(text("SELECT notes FROM clients")).scalar_one()
    assert stored == notes


@pytest.mark.parametrize(
    ("currency", "value", "on", "reason"),
    [
        ("EUR' OR 1=1 --", "49.1234", "2026-12-08", "is not an ISO 4217 currency code"),
        ("ZZZ", "49.1234", "2026-12-08", "is not an ISO 4217 currency code"),
        ("EUR", "1000000", "2026-12-08", "out of range 0.0001..100000.0000"),
        ("EUR", "0.00001", "2026-12-08", "more than 4 decimal places"),
        ("EUR", "49.1234", "9999-12-31", "days ahead"),
        ("EUR", "49.1234", "1900-01-01", "is before 2000-01-01"),
    ],
)
def test_rates_are_iso_currencies_within_range(
    uow_factory: Factory, engine: Engine, currency: str, value: str, on: str, reason: str
) -> None:
    message = _refused(
        uow_factory,
        engine,
        lambda uow: rates.set_rate(uow, day(on), currency, D(value) if "." in value else value),
    )
    assert reason in message


def test_usage_quantities_are_bounded_and_a_wrong_header_is_named(
    uow_factory: Factory, engine: Engine, tmp_path: Path
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory)
    for quantity in (9223372036854775807, bounds.MAX_QUANTITY + 1, -bounds.MAX_QUANTITY - 1):
        message = _refused(
            uow_factory,
            engine,
            lambda uow, q=quantity: usage.add_usage(
                uow, number, "deliveries", q, day("2026-11-11")
            ),
        )
        assert "is out of range" in message
    wrong = tmp_path / "usage.csv"
    wrong.write_text(f"acct,option,day,quantity\n{number},deliveries,2026-11-11,5\n", "utf-8")
    message = _refused(uow_factory, engine, lambda uow: usage.import_usage(uow, wrong))
    assert message == (
        f"{wrong}: line 1: the header lacks column(s) account, date "
        "(needs account, option, date, quantity)"
    )
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "account,option,date,quantity\n"
        f"{number},deliveries,2026-11-11,9223372036854775807\n"
        f"{number},deliveries,２０２６-11-11,5\n",
        "utf-8",
    )
    message = _refused(uow_factory, engine, lambda uow: usage.import_usage(uow, rows))
    assert f"{rows}: line 2: quantity '9223372036854775807' is not a whole number" in message
    assert f"{rows}: line 3: date" in message


def test_one_absurd_usage_row_does_not_stop_the_daily_run(uow_factory: Factory) -> None:
    """Issue 11 item 3: a row written before the bounds existed (raw SQL here)
    is reported for its account; every other account is still charged."""
    setup_billing(uow_factory)
    bad = add_legal(uow_factory, opening="8000.00")
    good = add_legal(uow_factory, opening="8000.00", edrpou=EDRPOU_B, name="ТОВ Б")
    for number in (bad, good):
        subscribe(uow_factory, number, on="2026-11-10")
    with uow_factory() as uow:
        usage.add_usage(uow, good, "deliveries", 55, day("2026-11-11"))
        usage.add_usage(uow, bad, "deliveries", 55, day("2026-11-11"))
        account_id = ledger.find_account(uow, bad).id
        uow.session.execute(
            text(
                "INSERT INTO usage_records (account_id, option_id, day, quantity, source, "
                "created_at) SELECT :account, id, :day, :quantity, 'raw', :at "
                "FROM catalog_options WHERE code = 'deliveries'"
            ),
            {
                "account": account_id,
                "day": dt.date(2026, 11, 11),
                # the column's own maximum: 64 bits on SQLite, 32 on PostgreSQL
                "quantity": 9223372036854775807 if uow.dialect == "sqlite" else 2147483647,
                "at": dt.datetime(2026, 11, 11, 12),
            },
        )
        uow.commit()
    result = run(uow_factory, "2026-11-11")
    # 5 over × 1.00 EUR × 2 = 10 EUR → 499.68 UAH, for both: the bad row is left out
    assert entries(uow_factory, good)[-1] == ("2026-11-11", "debit_overage", D("-499.68"))
    assert entries(uow_factory, bad)[-1] == ("2026-11-11", "debit_overage", D("-499.68"))
    assert result.errors == [
        (
            "2026-11-11",
            bad,
            "usage of deliveries has a row beyond ±1000000000; "
            "left out of the overage until it is corrected",
        )
    ]


def test_a_refused_daily_run_names_the_days_own_closed_month(uow_factory: Factory) -> None:
    add_legal(uow_factory, on="2026-09-01")
    with uow_factory() as uow:
        for month in ("2026-09", "2026-10"):
            months.lock_month(uow, month)
        uow.commit()
    with uow_factory() as uow, pytest.raises(BackofficeError) as refusal:
        daily.run_daily(uow, day("2026-09-15"))
    assert str(refusal.value) == "2026-09-15 is in closed month 2026-09: nothing can be run"


def test_the_loser_of_two_simultaneous_imports_of_one_file_is_told_already_imported(
    uow_factory: Factory, engine: Engine
) -> None:
    """Issue 11 item 10: PostgreSQL's loser waited on the unique fingerprint
    index and printed the raw constraint error; SQLite's waits for the writer
    and finds every line a duplicate."""
    configure(uow_factory)
    number = add_legal(uow_factory, edrpou=EDRPOU_B)
    data = onec(Payment("100.00", f"Поповнення {number}", payer_code=EDRPOU_B))
    first = uow_factory()
    first.__enter__()
    statements.import_statement_bytes(first, data, "st.txt", "auto", NOV_12)
    outcome: list[object] = []

    def second_import() -> None:
        try:
            outcome.append(load(uow_factory, data))
        except BackofficeError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=second_import)
    worker.start()
    time.sleep(1.0)  # the second import now waits for the first's lock
    first.commit()
    first.__exit__(None, None, None)
    worker.join(60)
    assert not worker.is_alive()
    [result] = outcome
    if engine.dialect.name == "postgresql":
        assert isinstance(result, BackofficeError)
        assert str(result) == (
            "st.txt: already imported (another import of the same lines finished first); "
            "nothing was added"
        )
    else:
        assert isinstance(result, statements.ImportResult)
        assert (result.new, result.duplicate) == (0, 1)
    with uow_factory(read_only=True) as uow:
        assert clients.show_account(uow, number).balance == D("100.00")


def test_a_purchase_whose_debit_could_not_be_posted_is_refused(
    uow_factory: Factory, engine: Engine
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory)
    message = _refused(
        uow_factory,
        engine,
        lambda uow: subscriptions.subscribe(
            uow, number, "business", [("users", bounds.MAX_QUANTITY)], 1, True, NOV_12
        ),
    )
    assert "over the limit of 10000000.00 EUR for one charge" in message


def test_reasons_given_to_the_services_are_bounded_text(
    uow_factory: Factory, engine: Engine
) -> None:
    """The window passes reasons straight to the services: they check them too."""
    number = add_legal(uow_factory)
    with uow_factory() as uow:
        entry = payments.receive_topup(uow, number, D("100.00"), day("2026-11-02"), "t")
        uow.commit()
    escape = "wrong\x1b[31m client"
    message = _refused(
        uow_factory,
        engine,
        lambda uow: ledger.reverse_entry(uow, entry.id, day("2026-11-03"), escape),
    )
    assert "reason" in message and "U+001B" in message
    message = _refused(
        uow_factory,
        engine,
        lambda uow: ledger.reverse_entry(
            uow, entry.id, day("2026-11-03"), "x" * (bounds.MAX_REASON + 1)
        ),
    )
    assert "reason" in message and str(bounds.MAX_REASON) in message

"""The ledger (SPEC §4): append-only, reversals, balance = sum, month locks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from backoffice.db.engine import UnitOfWork
from backoffice.domain import EntryDraft, EntryKind
from backoffice.errors import BackofficeError, InputError, MonthLocked, NotFound
from backoffice.services import integrity, ledger, months
from tests.conftest import snapshot
from tests.helpers import D, add_legal, day


def balance(new_uow: Callable[..., UnitOfWork], number: str) -> Decimal:
    with new_uow(read_only=True) as uow:
        return ledger.find_account(uow, number).balance


def test_topup_moves_balance_and_records_entry(uow_factory) -> None:
    number = add_legal(uow_factory, opening="250.00", on="2026-11-01")
    with uow_factory() as uow:
        entry = ledger.post_topup(uow, number, D("1004.50"), day("2026-11-10"), "bank transfer")
        uow.commit()
    assert entry.kind is EntryKind.TOPUP_MANUAL
    assert entry.amount == D("1004.50")
    assert entry.author == "tester"
    assert balance(uow_factory, number) == D("1254.50")
    with uow_factory(read_only=True) as uow:
        entries = ledger.account_entries(uow, number)
        account = ledger.find_account(uow, number)
        assert [(e.kind, e.amount) for e in entries] == [
            (EntryKind.OPENING_BALANCE, D("250.00")),
            (EntryKind.TOPUP_MANUAL, D("1004.50")),
        ]
        assert ledger.balance_from_entries(uow, account.id) == D("1254.50")
        assert account.last_topup_date == day("2026-11-10")


def test_reversal_names_original_and_restores_balance(uow_factory) -> None:
    number = add_legal(uow_factory)
    with uow_factory() as uow:
        first = ledger.post_topup(uow, number, D("500.00"), day("2026-11-03"), "payment")
        second = ledger.post_topup(uow, number, D("120.00"), day("2026-11-05"), "payment")
        uow.commit()
    with uow_factory() as uow:
        reversal = ledger.reverse_entry(uow, second.id, day("2026-11-06"), "wrong client")
        uow.commit()
    assert reversal.kind is EntryKind.REVERSAL
    assert reversal.amount == D("-120.00")
    assert reversal.reverses_id == second.id
    assert balance(uow_factory, number) == D("500.00")
    with uow_factory(read_only=True) as uow:
        shown = {e.id: e for e in ledger.account_entries(uow, number)}
        assert shown[second.id].reversed_by_id == reversal.id
        # the last top-up is now the first one: the reversed one no longer counts
        assert ledger.find_account(uow, number).last_topup_date == first.business_date
        assert integrity.check_integrity(uow).ok


def test_entry_is_reversed_at_most_once_and_reversals_are_final(uow_factory) -> None:
    number = add_legal(uow_factory)
    with uow_factory() as uow:
        entry = ledger.post_topup(uow, number, D("10.00"), day("2026-11-03"), "x")
        reversal = ledger.reverse_entry(uow, entry.id, day("2026-11-03"), "typo")
        uow.commit()
    with uow_factory() as uow, pytest.raises(BackofficeError, match="already reversed"):
        ledger.reverse_entry(uow, entry.id, day("2026-11-04"), "again")
    with uow_factory() as uow, pytest.raises(BackofficeError, match="itself a reversal"):
        ledger.reverse_entry(uow, reversal.id, day("2026-11-04"), "undo the undo")
    with uow_factory() as uow, pytest.raises(NotFound, match="entry 999999"):
        ledger.reverse_entry(uow, 999_999, day("2026-11-04"), "missing")
    assert balance(uow_factory, number) == D("0.00")


def test_topup_refuses_bad_amounts_and_unknown_accounts(uow_factory, engine: Engine) -> None:
    number = add_legal(uow_factory)
    before = snapshot(engine)
    for amount in (D("0.00"), D("-5.00")):
        with uow_factory() as uow, pytest.raises(InputError, match="must be positive"):
            ledger.post_topup(uow, number, amount, day("2026-11-03"), "x")
    with uow_factory() as uow, pytest.raises(NotFound, match="OR-999999"):
        ledger.post_topup(uow, "OR-999999", D("5.00"), day("2026-11-03"), "x")
    assert snapshot(engine) == before


def test_database_refuses_update_and_delete_of_entries(uow_factory, engine: Engine) -> None:
    number = add_legal(uow_factory, opening="100.00")
    before = snapshot(engine)
    for statement in (
        "UPDATE ledger_entries SET amount = amount + 1",
        "UPDATE ledger_entries SET comment = 'edited'",
        "DELETE FROM ledger_entries",
    ):
        with engine.connect() as connection, pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text(statement))
            connection.commit()
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection, pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text("TRUNCATE ledger_entries CASCADE"))
    assert snapshot(engine) == before
    assert balance(uow_factory, number) == D("100.00")


def test_no_entry_in_a_locked_month(uow_factory, engine: Engine) -> None:
    number = add_legal(uow_factory, opening="100.00", on="2026-10-15")
    with uow_factory() as uow:
        months.lock_month(uow, "2026-10")
        uow.commit()
    before = snapshot(engine)
    with uow_factory() as uow, pytest.raises(MonthLocked, match="2026-10 is closed"):
        ledger.post_topup(uow, number, D("5.00"), day("2026-10-31"), "late")
    # Below the services, the database itself refuses.
    with engine.connect() as connection, pytest.raises(DBAPIError, match="locked"):
        connection.execute(
            text(
                "INSERT INTO ledger_entries (account_id, business_date, created_at, kind, amount,"
                " author, comment) VALUES (1, '2026-10-20', '2026-11-01 00:00:00', 'correction',"
                " 100, 'raw', '')"
            )
        )
        connection.commit()
    assert snapshot(engine) == before
    with uow_factory() as uow:  # November is open
        ledger.post_topup(uow, number, D("5.00"), day("2026-11-01"), "on time")
        uow.commit()
    assert balance(uow_factory, number) == D("105.00")


def test_months_lock_in_order_and_reopen_latest_first(uow_factory) -> None:
    add_legal(uow_factory, opening="1.00", on="2026-08-20")
    with uow_factory() as uow, pytest.raises(BackofficeError, match="2026-08 is still open"):
        months.lock_month(uow, "2026-09")
    with uow_factory() as uow:
        months.lock_month(uow, "2026-08")
        months.lock_month(uow, "2026-09")
        uow.commit()
    with uow_factory() as uow, pytest.raises(BackofficeError, match="reopen that first"):
        months.reopen_month(uow, "2026-08", "fix")
    with uow_factory() as uow:
        months.reopen_month(uow, "2026-09", "late bank statement")
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert months.locked_months(uow) == ["2026-08"]


def test_source_key_posts_once(uow_factory) -> None:
    number = add_legal(uow_factory)
    with uow_factory(read_only=True) as uow:
        account_id = ledger.find_account(uow, number).id
    draft = EntryDraft(
        account_id,
        day("2026-11-02"),
        EntryKind.TOPUP_BANK,
        D("300.00"),
        "line 7",
        source_key="statement:abc:7",
    )
    for _ in range(3):
        with uow_factory() as uow:
            ledger.post_entries(uow, [draft])
            uow.commit()
    with uow_factory() as uow:
        result = ledger.post_entries(uow, [draft])
    assert (result.posted, result.already_posted) == (0, 1)
    assert balance(uow_factory, number) == D("300.00")


def test_failed_posting_leaves_nothing(uow_factory, engine: Engine) -> None:
    """A batch with one bad draft posts none of its entries."""
    number = add_legal(uow_factory)
    with uow_factory(read_only=True) as uow:
        account_id = ledger.find_account(uow, number).id
    before = snapshot(engine)
    good = EntryDraft(account_id, day("2026-11-02"), EntryKind.TOPUP_BANK, D("1.00"))
    bad = EntryDraft(account_id + 1000, day("2026-11-02"), EntryKind.TOPUP_BANK, D("1.00"))
    with uow_factory() as uow, pytest.raises(NotFound):
        ledger.post_entries(uow, [good, bad])
        uow.commit()
    assert snapshot(engine) == before


def test_check_finds_a_tampered_cached_balance(uow_factory, engine: Engine) -> None:
    number = add_legal(uow_factory, opening="10.00")
    with engine.begin() as connection:
        connection.execute(text("UPDATE accounts SET balance = balance + 1"))
    with uow_factory(read_only=True) as uow:
        report = integrity.check_integrity(uow)
    assert not report.ok
    assert f"account {number}: cached balance 10.01 differs from its entries 10.00" in (
        report.problems
    )


def test_concurrent_postings_to_one_account_lose_nothing(engine: Engine, uow_factory) -> None:
    """Two workstations top up the same account at once: every kopiyka arrives."""
    number = add_legal(uow_factory)
    errors: list[BaseException] = []

    def workstation(amount: str) -> None:
        try:
            for _ in range(25):
                with UnitOfWork(engine, actor="ws") as uow:
                    ledger.post_topup(uow, number, D(amount), day("2026-11-05"), "parallel")
                    uow.commit()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=workstation, args=(a,)) for a in ("1.01", "2.02")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert balance(uow_factory, number) == D("75.75")  # 25 × 1.01 + 25 × 2.02
    with uow_factory(read_only=True) as uow:
        assert integrity.check_integrity(uow).ok


operations = st.lists(
    st.one_of(
        st.tuples(st.just("topup"), st.integers(min_value=1, max_value=10_000_000)),
        st.tuples(st.just("reverse"), st.integers(min_value=0, max_value=50)),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations)
def test_balance_always_equals_sum_of_entries(uow_factory, engine: Engine, ops) -> None:
    """Random top-ups and reversals: the cached balance is the sum of entries,
    and equals a model computed in integers."""
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM accounts")).scalar_one()
    number = add_legal(uow_factory) if count == 0 else None
    if number is None:
        with engine.connect() as connection:
            number = connection.execute(text("SELECT number FROM accounts")).scalar_one()
    with uow_factory(read_only=True) as uow:
        expected = ledger.find_account(uow, number).balance
    posted: list[tuple[int, Decimal]] = []
    for op, value in ops:
        with uow_factory() as uow:
            if op == "topup":
                amount = Decimal(value).scaleb(-2)
                entry = ledger.post_topup(uow, number, amount, day("2026-11-10"), "p")
                posted.append((entry.id, amount))
                expected += amount
            elif posted:
                entry_id, amount = posted.pop(value % len(posted))
                ledger.reverse_entry(uow, entry_id, day("2026-11-11"), "r")
                expected -= amount
            uow.commit()
    with uow_factory(read_only=True) as uow:
        account = ledger.find_account(uow, number)
        assert account.balance == expected
        assert ledger.balance_from_entries(uow, account.id) == expected
        assert integrity.check_integrity(uow).ok

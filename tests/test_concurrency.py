"""Several workstations at once (issue 15, item 4): real processes, one database.

Every test starts two or more processes (tests/concurrent_workers.py) on one
PostgreSQL database and on one SQLite file, lets them reach a barrier so
they work at the same moment, and then proves from the database itself that
nothing was lost, doubled or numbered twice, and that `check` passes.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Closing, LedgerEntry, StatementLine
from backoffice.domain import ClientKind, ClientRecord
from backoffice.services import clients, integrity, payments, settings, subscriptions
from backoffice.services.sequences import format_number
from tests.concurrent_workers import Outcome, run_together
from tests.helpers import EDRPOU_B, D, add_legal, day
from tests.test_billing import setup_billing, state
from tests.test_statements import Payment, configure, onec

Factory = Callable[..., UnitOfWork]
pytestmark = pytest.mark.slow


def _no_failures(outcomes: list[list[Outcome]]) -> list[Outcome]:
    flat = [outcome for worker in outcomes for outcome in worker]
    failed = [detail for kind, detail in flat if kind == "failed"]
    assert not failed, failed[0]
    return flat


def _check_passes(new_uow: Factory) -> None:
    with new_uow(read_only=True) as uow:
        report = integrity.check_integrity(uow)
    assert report.ok, report.problems


def _balance(new_uow: Factory, account: str) -> Decimal:
    return state(new_uow, account)[0]


def test_topups_to_one_account_from_three_workstations_all_count(
    db_url: str, uow_factory: Factory
) -> None:
    account = add_legal(uow_factory)
    amounts = [[f"{w + 1}{i:02d}.{w}{i % 10}" for i in range(6)] for w in range(3)]
    outcomes = run_together(db_url, [("topups", (account, mine, "2026-11-12")) for mine in amounts])

    flat = _no_failures(outcomes)
    assert [kind for kind, _ in flat] == ["done"] * 18
    sent = sum((D(a) for mine in amounts for a in mine), D("0.00"))
    assert _balance(uow_factory, account) == sent  # no lost update
    with uow_factory(read_only=True) as uow:
        posted = uow.session.execute(
            select(func.count(), func.sum(LedgerEntry.amount)).where(
                LedgerEntry.kind == "topup_manual"
            )
        ).one()
    assert posted[0] == 18
    assert Decimal(posted[1]) == sent
    _check_passes(uow_factory)


def test_the_same_statement_imported_at_once_is_posted_once(
    db_url: str, uow_factory: Factory
) -> None:
    configure(uow_factory)
    first = add_legal(uow_factory)
    second = add_legal(uow_factory, edrpou=EDRPOU_B)
    data = onec(
        Payment("1500.00", f"Оплата, о/р {first}", number="11"),
        Payment("700.50", f"Поповнення о/р {second}", number="12"),
        Payment("99.99", f"Оплата по о/р {first}", number="13"),
    )
    outcomes = run_together(
        db_url, [("statement_import", (data, f"st{i}.txt", "2026-11-12")) for i in range(3)]
    )

    flat = _no_failures(outcomes)
    done = [value for kind, value in flat if kind == "done"]
    refused = [value for kind, value in flat if kind == "refused"]
    # One import posts the three lines; each other one either saw them and
    # counted them as duplicates (it started after the winner committed) or
    # waited on the winner and refused the whole file, adding nothing.
    assert sorted(done, reverse=True)[0] == (3, 0)
    assert all(value == (0, 3) for value in sorted(done, reverse=True)[1:])
    assert all("already imported" in message for message in refused)
    assert len(done) + len(refused) == 3
    assert _balance(uow_factory, first) == D("1599.99")
    assert _balance(uow_factory, second) == D("700.50")
    with uow_factory(read_only=True) as uow:
        assert uow.session.execute(select(func.count()).select_from(StatementLine)).scalar() == 3
    _check_passes(uow_factory)


def test_invoices_issued_at_once_are_numbered_without_gap_or_twin(
    db_url: str, uow_factory: Factory
) -> None:
    accounts = [add_legal(uow_factory), add_legal(uow_factory, edrpou=EDRPOU_B)]
    outcomes = run_together(
        db_url,
        [("topup_invoices", (accounts[w % 2], 6, "2026-11-12")) for w in range(3)],
    )

    flat = _no_failures(outcomes)
    numbers = [value for kind, value in flat if kind == "done"]
    assert len(numbers) == 18
    with uow_factory(read_only=True) as uow:
        pattern = settings.get_setting(uow, "invoice.pattern")
    expected = {format_number(pattern, n, year=2026) for n in range(1, 19)}
    assert set(numbers) == expected  # 1..18: no twin, no gap
    _check_passes(uow_factory)


def test_a_closing_started_twice_at_once_closes_once(db_url: str, uow_factory: Factory) -> None:
    account = add_legal(uow_factory, on="2026-10-01")
    with uow_factory() as uow:
        payments.receive_topup(uow, account, D("300.00"), day("2026-10-05"), "оплата")
        uow.commit()
    outcomes = run_together(db_url, [("closing", ("2026-10",)) for _ in range(2)])

    flat = _no_failures(outcomes)
    closed = [value for kind, value in flat if kind == "done" and value is False]
    already = [value for kind, value in flat if kind == "done" and value is True]
    refused = [value for kind, value in flat if kind == "refused"]
    assert len(closed) == 1  # exactly one did the closing
    assert len(already) + len(refused) == 1
    assert all("another monthly closing is running" in message for message in refused)
    with uow_factory(read_only=True) as uow:
        journal = uow.session.execute(select(Closing.month)).scalars().all()
    assert journal == ["2026-10"]
    _check_passes(uow_factory)


def test_posting_while_the_month_closes_lands_before_or_is_refused(
    db_url: str, uow_factory: Factory
) -> None:
    account = add_legal(uow_factory, on="2026-10-01")
    with uow_factory() as uow:
        payments.receive_topup(uow, account, D("300.00"), day("2026-10-05"), "оплата")
        uow.commit()
    # Each workstation alternates October and November dates for as long as
    # the closing is likely to run, so some October postings meet it.
    mine = [
        [(f"{w + 1}{i:02d}.00", f"2026-{10 + i % 2}-{10 + i // 2:02d}") for i in range(16)]
        for w in range(2)
    ]
    outcomes = run_together(
        db_url,
        [
            ("closing", ("2026-10",)),
            ("dated_topups", (account, mine[0])),
            ("dated_topups", (account, mine[1])),
        ],
    )

    _no_failures(outcomes)
    assert outcomes[0] == [("done", False)]
    posted = [value for worker in outcomes[1:] for kind, value in worker if kind == "done"]
    refused = [value for worker in outcomes[1:] for kind, value in worker if kind == "refused"]
    # A November top-up always goes in; an October one either went in before
    # the closing took the ledger or was refused as dated in a closed month.
    assert {on for on, _ in posted} >= {on for m in mine for _, on in m if on >= "2026-11"}
    assert all("closed" in message or "locked" in message for message in refused), refused
    assert len(posted) + len(refused) == 32
    total = D("300.00") + sum((D(amount) for _, amount in posted), D("0.00"))
    assert _balance(uow_factory, account) == total
    with uow_factory(read_only=True) as uow:
        sealed = uow.session.execute(
            select(LedgerEntry.amount).where(LedgerEntry.business_date < day("2026-11-01"))
        ).scalars()
        october_total = sum((Decimal(a) for a in sealed), D("0.00"))
    october_posted = [D(a) for on, a in posted if on < "2026-11-01"]
    assert october_total == D("300.00") + sum(october_posted, D("0.00"))
    _check_passes(uow_factory)  # the seal of October holds exactly what is in it


def test_a_closing_with_subscriptions_and_postings_at_once_do_not_deadlock(
    db_url: str, uow_factory: Factory
) -> None:
    """The closing's catch-up days write accounts and subscriptions (access,
    renewals) while workstations post to the same accounts: found by
    bench/load.py as a deadlock on PostgreSQL (the closing held account rows
    and waited for the ledger's head, a posting held the head and waited for
    an account)."""
    setup_billing(uow_factory, first="2026-10-01", last="2026-11-30")
    accounts = []
    with uow_factory() as uow:
        added = clients.add_clients(
            uow,
            [
                ClientRecord(
                    kind=ClientKind.INDIVIDUAL, name=f"Клієнт {n}", opening_balance=D("6000.00")
                )
                for n in range(12)
            ],
            day("2026-10-01"),
        )
        for client in added:
            subscriptions.subscribe(
                uow, client.account_number, "start", [], 1, True, day("2026-10-01")
            )
            accounts.append(client.account_number)
        uow.commit()
    mine = [
        [(f"{w + 1}{i:02d}.00", f"2026-11-{1 + i % 28:02d}") for i in range(12)] for w in range(3)
    ]
    outcomes = run_together(
        db_url,
        [("closing", ("2026-10",))] + [("spread_topups", (accounts, mine[w])) for w in range(3)],
    )

    flat = _no_failures(outcomes)
    assert outcomes[0] == [("done", False)]
    assert [kind for kind, _ in flat[1:]] == ["done"] * 36
    with uow_factory(read_only=True) as uow:
        posted = uow.session.execute(
            select(func.sum(LedgerEntry.amount)).where(LedgerEntry.kind == "topup_manual")
        ).scalar()
    assert Decimal(posted) == sum((D(a) for m in mine for a, _ in m), D("0.00"))
    _check_passes(uow_factory)

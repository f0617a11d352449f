"""Acts state only what was rendered (SPEC §11): periods longer than their
month are recognised on the acts of the months they cover, by days."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from backoffice.billing.recognition import (
    ServicePeriod,
    month_key,
    month_portions,
    prepaid_after,
    recognised_through,
)
from backoffice.db.models import Act, ActLine
from backoffice.services import closing, recognition, subscriptions
from tests.helpers import D, add_legal, day
from tests.test_billing import entries, setup_billing, subscribe


def close(new_uow, month: str) -> None:
    with new_uow() as uow:
        closing.close_month(uow, month)
        uow.commit()


def acts_of(new_uow, number: str) -> list[tuple[str, Decimal, Decimal, list[Decimal]]]:
    """(month, EUR, UAH, line UAHs) of the account's live acts in month order."""
    with new_uow(read_only=True) as uow:
        account_id = recognition_account(uow, number)
        acts = (
            uow.session.execute(
                select(Act)
                .where(Act.account_id == account_id, Act.cancelled_at.is_(None))
                .order_by(Act.month)
            )
            .scalars()
            .all()
        )
        return [
            (
                act.month,
                act.total_eur,
                act.total_uah,
                list(
                    uow.session.execute(
                        select(ActLine.uah).where(ActLine.act_id == act.id).order_by(ActLine.id)
                    ).scalars()
                ),
            )
            for act in acts
        ]


def recognition_account(uow, number: str) -> int:
    from backoffice.services import ledger

    return ledger.find_account(uow, number).id


def prepaid_on(new_uow, number: str, on: str) -> Decimal:
    with new_uow(read_only=True) as uow:
        account_id = recognition_account(uow, number)
        return recognition.prepaid(uow, day(on), [account_id]).get(account_id, D("0.00"))


def test_a_three_month_purchase_in_september_is_a_third_on_each_act(uow_factory) -> None:
    setup_billing(uow_factory, first="2026-09-01", last="2026-12-31")
    number = add_legal(uow_factory, opening="20000.00", on="2026-09-01")
    subscribe(uow_factory, number, on="2026-09-10", months=3)
    # 3 × 100 EUR − 5% = 285 EUR × 48.5123 × 1.03 = 14240.785665 → 14240.79,
    # for 01.09–30.11 (91 days), debited whole on 10.09
    assert entries(uow_factory, number)[-1] == ("2026-09-10", "debit_activation", D("-14240.79"))
    assert prepaid_on(uow_factory, number, "2026-09-30") == D("9546.02")
    for month in ("2026-09", "2026-10", "2026-11"):
        close(uow_factory, month)
    # by days: 14240.79 × 30/91 = 4694.766 → 4694.77 (285 × 30/91 → 93.96 EUR),
    # × 31/91 = 4851.258 → 4851.26 (→ 97.09 EUR), November the rest:
    # 14240.79 − 4694.77 − 4851.26 = 4694.76 (285 − 93.96 − 97.09 = 93.95 EUR)
    assert acts_of(uow_factory, number) == [
        ("2026-09", D("93.96"), D("4694.77"), [D("4694.77")]),
        ("2026-10", D("97.09"), D("4851.26"), [D("4851.26")]),
        ("2026-11", D("93.95"), D("4694.76"), [D("4694.76")]),
    ]
    assert prepaid_on(uow_factory, number, "2026-11-30") == D("0.00")
    with uow_factory(read_only=True) as uow:
        services = uow.session.execute(select(ActLine.service).order_by(ActLine.id)).scalars()
        assert [text.split(": ")[-1] for text in services] == [
            "за вересень 2026 р., 30 з 91 дн.",
            "за жовтень 2026 р., 31 з 91 дн.",
            "за листопад 2026 р., 30 з 91 дн.",
        ]


def test_suspension_leaves_the_unrendered_days_prepaid(uow_factory) -> None:
    setup_billing(uow_factory, first="2026-09-01", last="2026-12-31")
    number = add_legal(uow_factory, opening="20000.00", on="2026-09-01")
    subscribe(uow_factory, number, on="2026-09-10", months=3)
    close(uow_factory, "2026-09")
    with uow_factory() as uow:
        subscriptions.suspend(uow, number, day("2026-10-16"))
        uow.commit()
    close(uow_factory, "2026-10")
    close(uow_factory, "2026-11")
    # October: 15 of 91 days (01.10–15.10): 14240.79 × 15/91 = 2347.38
    acts = acts_of(uow_factory, number)
    assert [(a[0], a[2]) for a in acts] == [("2026-09", D("4694.77")), ("2026-10", D("2347.38"))]
    paid = D("14240.79")
    assert prepaid_on(uow_factory, number, "2026-11-30") == paid - D("4694.77") - D("2347.38")


def test_acts_plus_prepayment_equal_the_service_debits_after_a_downgrade(uow_factory) -> None:
    """S4, anniversary periods: a 3-month period across month ends, a
    prorated downgrade refunding the rest: each closing states its days."""
    setup_billing(uow_factory, policy="S4", first="2026-09-01", last="2026-12-31")
    number = add_legal(uow_factory, opening="30000.00", on="2026-09-01")
    subscribe(uow_factory, number, on="2026-09-15", months=3)
    with uow_factory() as uow:
        subscriptions.change_plan(uow, number, "start", day("2026-10-20"))
        uow.commit()
    for month in ("2026-09", "2026-10", "2026-11"):
        close(uow_factory, month)
    services = -sum(
        (
            amount
            for _, kind, amount in entries(uow_factory, number)
            if kind in ("debit_activation", "refund_proration")
        ),
        D("0"),
    )
    stated = sum((a[2] for a in acts_of(uow_factory, number)), D("0"))
    assert stated + prepaid_on(uow_factory, number, "2026-11-30") == services
    assert prepaid_on(uow_factory, number, "2026-11-30") > 0  # 01.12–14.12 still to come


# -- the pure rule ----------------------------------------------------------------------------


def test_portions_by_days_with_the_remainder_last() -> None:
    period = ServicePeriod(dt.date(2026, 9, 1), dt.date(2026, 12, 1))
    assert month_portions(1424079, period) == [
        ("2026-09", 469477),
        ("2026-10", 485126),
        ("2026-11", 469476),
    ]
    anniversary = ServicePeriod(dt.date(2026, 10, 15), dt.date(2026, 11, 15))
    assert month_portions(10000, anniversary) == [("2026-10", 5484), ("2026-11", 4516)]
    assert month_portions(-10000, anniversary) == [("2026-10", -5484), ("2026-11", -4516)]


DATES = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2028, 12, 31))


@st.composite
def purchases(draw):  # type: ignore[no-untyped-def]
    """A debit (or a refund, negative) for a period, perhaps ended early."""
    start = draw(DATES)
    length = draw(st.sampled_from([1, 15, 28, 30, 31, 61, 91, 182, 365, 366]))
    end = start + dt.timedelta(days=length)
    until = draw(st.none() | st.dates(min_value=start, max_value=end))
    amount = draw(st.integers(min_value=-(10**9), max_value=10**11))
    return amount, ServicePeriod(start, end, until)


def _months(first: dt.date, last: dt.date) -> list[str]:
    found, cursor = [], first.replace(day=1)
    while cursor <= last:
        found.append(month_key(cursor))
        cursor = dt.date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    return found


@settings(max_examples=200, deadline=None)
@given(st.lists(purchases(), min_size=1, max_size=8), DATES)
def test_acts_plus_prepayment_equal_the_debits(bought, end) -> None:  # type: ignore[no-untyped-def]
    """Closing month after month as the closing does (each act states the
    recognition so far less what earlier acts stated): the acts up to any
    month plus the prepayment left after it equal the debits, a period not
    ended early is recognised whole by its last month, and no month of a
    period ended early states a day after its end."""
    first = min(p.starts_on for _, p in bought)
    stated = {i: 0 for i in range(len(bought))}
    acts_total = 0
    for month in _months(first, end):
        for i, (amount, period) in enumerate(bought):
            portion = recognised_through(amount, period, month) - stated[i]
            stated[i] += portion
            acts_total += portion
        prepaid = sum(prepaid_after(amount, period, month) for amount, period in bought)
        assert acts_total + prepaid == sum(amount for amount, _ in bought)
    for i, (amount, period) in enumerate(bought):
        over = month_key(end) >= month_key(period.ends_on - dt.timedelta(days=1))
        if over and (period.rendered_until is None or period.rendered_until >= period.ends_on):
            assert stated[i] == amount
        shares = dict(month_portions(amount, period))
        if period.rendered_until is not None and period.rendered_until < period.ends_on:
            assert all(key <= month_key(period.rendered_until) for key in shares)
            assert abs(sum(shares.values())) <= abs(amount)


def test_account_show_gives_the_prepaid_part(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_cli import FIXTURES, Cli

    cli = Cli(db_url, tmp_path)
    cli("catalog", "import", str(FIXTURES / "catalog.json"))
    cli("rates", "set", "2026-09-10", "EUR", "48.5123")
    account = cli.json(
        "client",
        "add",
        "--name",
        "ТОВ «Агро Трейд»",
        "--kind",
        "legal",
        "--edrpou",
        "32855961",
        "--opening-balance",
        "20000.00",
        "--date",
        "2026-09-01",
    )["account"]
    cli("subscribe", account, "business", "--months", "3", "--date", "2026-09-10")
    # 14240.79 for 01.09–30.11: October's and November's 61 of 91 days ahead
    assert cli.json("account", "show", account, "--date", "2026-09-30")["prepaid"] == "9546.02"
    assert cli.json("account", "show", account, "--date", "2026-11-30")["prepaid"] == "0.00"

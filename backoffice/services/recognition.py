"""Where debits are recognised (SPEC §11): the periods debits paid for, their
early ends, and the prepayment (paid, not yet rendered) per account.

The services that post a debit for a period record it here; a period inside
the debit's own month needs no row (its act states it whole, as any other
debit). The splitting itself is `billing.recognition`, pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Table,
    bindparam,
    insert,
    literal,
    select,
    type_coerce,
    update,
)

from backoffice.billing.recognition import ServicePeriod as Period
from backoffice.billing.recognition import month_key, recognised_through
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import LedgerEntry, ServicePeriod
from backoffice.money import from_minor

SERVICE_PERIODS: Table = ServicePeriod.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class PaidPeriod:
    """A debit just posted (found by its source key) and what it paid for."""

    source_key: str
    account_id: int
    subscription_id: int | None
    posted_on: dt.date
    starts_on: dt.date
    ends_on: dt.date


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def reaches_past_its_month(posted_on: dt.date, ends_on: dt.date) -> bool:
    """Only a period going on after the month of its debit is split."""
    return ends_on > _next_month(posted_on)


def record_periods(uow: UnitOfWork, paid: Iterable[PaidPeriod]) -> None:
    """Remember the periods of debits just posted (one INSERT … SELECT per
    chunk, by the entries' source keys). A key without an entry (a debit
    not posted, e.g. a re-run) is skipped."""
    rows = [
        {
            "b_key": p.source_key,
            "b_account": p.account_id,
            "b_subscription": p.subscription_id,
            "b_start": p.starts_on,
            "b_end": p.ends_on,
        }
        for p in paid
        if reaches_past_its_month(p.posted_on, p.ends_on)
    ]
    if not rows:
        return
    source = (
        select(
            LedgerEntry.id,
            bindparam("b_account"),
            bindparam("b_subscription"),
            bindparam("b_start", type_=SERVICE_PERIODS.c.starts_on.type),
            bindparam("b_end", type_=SERVICE_PERIODS.c.ends_on.type),
            literal(None, SERVICE_PERIODS.c.rendered_until.type),
        )
        .where(LedgerEntry.source_key == bindparam("b_key"))
        .where(
            ~select(SERVICE_PERIODS.c.entry_id)
            .where(SERVICE_PERIODS.c.entry_id == LedgerEntry.id)
            .exists()
        )
    )
    statement = insert(SERVICE_PERIODS).from_select(
        [
            "entry_id",
            "account_id",
            "subscription_id",
            "starts_on",
            "ends_on",
            "rendered_until",
        ],
        source,
    )
    for start in range(0, len(rows), 5_000):
        uow.session.execute(statement, rows[start : start + 5_000])


def end_early(uow: UnitOfWork, subscription_id: int, day: dt.date) -> None:
    """A subscription's paid periods stop being rendered from `day`
    (suspension, a full-month plan change): what they paid for the days
    after stays a prepayment."""
    uow.session.execute(
        update(SERVICE_PERIODS)
        .where(
            SERVICE_PERIODS.c.subscription_id == subscription_id,
            SERVICE_PERIODS.c.ends_on > day,
            SERVICE_PERIODS.c.rendered_until.is_(None),
        )
        .values(rendered_until=day)
    )


def resume_rendering(uow: UnitOfWork, subscription_id: int, day: dt.date) -> None:
    """A resumed subscription runs on in the period it paid for: its days
    are rendered again (the next closing states what earlier ones left)."""
    uow.session.execute(
        update(SERVICE_PERIODS)
        .where(
            SERVICE_PERIODS.c.subscription_id == subscription_id,
            SERVICE_PERIODS.c.ends_on > day,
            SERVICE_PERIODS.c.rendered_until.is_not(None),
        )
        .values(rendered_until=None)
    )


def prepaid(
    uow: UnitOfWork, on: dt.date, account_ids: Sequence[int] | None = None
) -> dict[int, Decimal]:
    """Per account, the part of its debits posted by `on` that pays for
    months after the month of `on` (an advance, not yet on any act); only
    accounts that have one. A reversal of such a debit takes its part back."""
    month = month_key(on)
    statement = (
        select(
            LedgerEntry.account_id,
            type_coerce(LedgerEntry.amount, BigInteger),
            SERVICE_PERIODS.c.starts_on,
            SERVICE_PERIODS.c.ends_on,
            SERVICE_PERIODS.c.rendered_until,
        )
        .join(
            SERVICE_PERIODS,
            (LedgerEntry.id == SERVICE_PERIODS.c.entry_id)
            | (LedgerEntry.reverses_id == SERVICE_PERIODS.c.entry_id),
        )
        .where(
            LedgerEntry.business_date <= on,
            # a period over before the month has nothing left, unless it
            # ended early (its unrendered days stay paid for)
            (SERVICE_PERIODS.c.ends_on > on.replace(day=1))
            | SERVICE_PERIODS.c.rendered_until.is_not(None),
        )
    )
    if account_ids is not None:
        statement = statement.where(LedgerEntry.account_id.in_(list(account_ids)))
    left: dict[int, int] = {}
    for account_id, amount, starts_on, ends_on, until in uow.session.execute(statement):
        period = Period(starts_on, ends_on, until)
        paid = -int(amount)
        left[account_id] = left.get(account_id, 0) + paid - recognised_through(paid, period, month)
    return {
        account_id: from_minor(kopiykas, 2) for account_id, kopiykas in left.items() if kopiykas
    }


__all__ = ["PaidPeriod", "end_early", "prepaid", "record_periods", "resume_rendering"]

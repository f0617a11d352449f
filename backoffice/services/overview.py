"""Read-only figures for the window's overview and closing screens.

What an accountant looks at first each morning (unmatched payments, blocked
accounts, unpaid invoices, the last daily run, the next invoice run, months
open and closed, mail waiting, missing rates), each from one aggregate query
so the overview stays quick on a large database.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    Closing,
    DailyRun,
    ExchangeRate,
    Invoice,
    MonthLock,
    OutboxMessage,
)
from backoffice.permissions import Permission, require
from backoffice.services import months, settings, statements
from backoffice.services.invoices import run_day_of

OPEN_INVOICE_STATUSES = ("issued", "partially_paid")
RATE_DAYS_CHECKED = 7  # missing rates are looked for this many days back from today


@dataclass(frozen=True)
class MonthState:
    """One month of the books, from the first entry's month to today's."""

    month: str
    closed: bool
    closed_at: dt.datetime | None
    closed_by: str
    acts: int
    total_uah: Decimal
    can_close: bool
    """The next month to close: every earlier one is closed, and it is over."""
    can_reopen: bool
    """The last closed month (only it reopens)."""


@dataclass(frozen=True)
class DailyRunState:
    day: dt.date
    ran_at: dt.datetime
    ran_by: str
    errors: int
    """Accounts that failed on that day (0: the run went through)."""


@dataclass(frozen=True)
class DayFigures:
    """What the overview shows for a business date."""

    day: dt.date
    unmatched_count: int
    unmatched_amount: Decimal
    blocked_accounts: int
    accounts: int
    open_invoices: int
    open_invoices_amount: Decimal
    """What is still to be paid on them, UAH."""
    overdue_invoices: int
    last_daily_run: DailyRunState | None
    next_invoice_run: dt.date
    open_months: tuple[str, ...]
    closed_months: int
    mail_waiting: int
    mail_failed: int
    missing_rates: tuple[tuple[dt.date, str], ...]
    """(day, currency) without a rate in the last `RATE_DAYS_CHECKED` days."""


def month_states(uow: UnitOfWork, today: dt.date) -> list[MonthState]:
    """Every month from the first entry's (or the first closed one's) to
    `today`'s, newest first."""
    locked = months.locked_months(uow)
    first = months.first_entry_month(uow)
    starts = [m for m in (first, locked[0] if locked else None) if m is not None]
    if not starts:
        return []
    journal = {row.month: row for row in uow.session.execute(select(Closing)).scalars()}
    locks = {row.month: row for row in uow.session.execute(select(MonthLock)).scalars()}
    current = months.month_of(today)
    last_closed = locked[-1] if locked else None
    next_to_close = months.next_month(last_closed) if last_closed else min(starts)
    last = max(current, *locked) if locked else current
    found = []
    cursor = min(starts)
    while cursor <= last:
        closed = cursor in locks
        row = journal.get(cursor) if closed else None
        found.append(
            MonthState(
                month=cursor,
                closed=closed,
                closed_at=row.closed_at if row else None,
                closed_by=row.closed_by if row else "",
                acts=row.acts if row else 0,
                total_uah=row.total_uah if row else Decimal("0.00"),
                can_close=cursor == next_to_close and cursor < current,
                can_reopen=cursor == last_closed,
            )
        )
        cursor = months.next_month(cursor)
    return found[::-1]


def last_daily_run(uow: UnitOfWork) -> DailyRunState | None:
    row = uow.session.execute(select(DailyRun).order_by(DailyRun.day.desc()).limit(1)).scalar()
    if row is None:
        return None
    try:
        errors = len(json.loads(row.summary or "{}").get("errors", []))
    except (ValueError, AttributeError):
        errors = 0
    return DailyRunState(row.day, row.ran_at, row.ran_by, errors)


def next_invoice_run(today: dt.date) -> dt.date:
    this_month = run_day_of(today.year, today.month)
    if this_month >= today:
        return this_month
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return run_day_of(year, month)


def day_figures(uow: UnitOfWork, today: dt.date) -> DayFigures:
    require(uow, Permission.READ_BOOKS)
    session = uow.session
    unmatched = statements.unmatched_totals(uow, statements.UnmatchedQuery())
    accounts, blocked = session.execute(
        select(func.count(), func.count().filter(Account.access == "blocked"))
    ).one()
    owed = Invoice.total - Invoice.paid
    open_count, open_amount, overdue = session.execute(
        select(
            func.count(),
            func.sum(owed, type_=Invoice.total.type),
            func.count().filter(Invoice.due_date < today),
        ).where(Invoice.status.in_(OPEN_INVOICE_STATUSES))
    ).one()
    waiting, failed = session.execute(
        select(func.count(), func.count().filter(OutboxMessage.attempts > 0)).where(
            OutboxMessage.sent_at.is_(None)
        )
    ).one()
    states = month_states(uow, today)
    return DayFigures(
        day=today,
        unmatched_count=unmatched.count,
        unmatched_amount=unmatched.amount,
        blocked_accounts=int(blocked),
        accounts=int(accounts),
        open_invoices=int(open_count),
        open_invoices_amount=open_amount or Decimal("0.00"),
        overdue_invoices=int(overdue),
        last_daily_run=last_daily_run(uow),
        next_invoice_run=next_invoice_run(today),
        open_months=tuple(s.month for s in reversed(states) if not s.closed),
        closed_months=sum(1 for s in states if s.closed),
        mail_waiting=int(waiting),
        mail_failed=int(failed),
        missing_rates=missing_rates(uow, today),
    )


def missing_rates(
    uow: UnitOfWork, today: dt.date, days: int = RATE_DAYS_CHECKED
) -> tuple[tuple[dt.date, str], ...]:
    """Days of the last `days` up to `today` without a rate of a kept currency."""
    currencies = settings.get_setting(uow, "rates.currencies").split(",")
    since = today - dt.timedelta(days=days - 1)
    have = {
        (day, currency)
        for day, currency in uow.session.execute(
            select(ExchangeRate.day, ExchangeRate.currency).where(
                ExchangeRate.day >= since, ExchangeRate.day <= today
            )
        )
    }
    return tuple(
        (day, currency)
        for offset in range(days)
        for day in [since + dt.timedelta(days=offset)]
        for currency in currencies
        if (day, currency) not in have
    )

"""Month locks: once a month is closed nothing may be dated in it or before it.

Closed months are a prefix of time: the end of the last closed month is the
lock date (as Odoo's). The database enforces it with a trigger; these
functions give the accountant a readable message before it comes to that,
keep locks contiguous (months close in order, the latest one reopens first),
bound business dates by the books' first day and the machine's clock, and
seal each month as it is locked (its totals and last hash, services/chain.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, func, select, update

from backoffice import bounds, validation
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Act, Closing, LedgerEntry, MonthLock
from backoffice.errors import BackofficeError, InputError, MonthLocked
from backoffice.money import from_minor
from backoffice.permissions import Permission, require
from backoffice.services import audit, chain, settings


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: str) -> str:
    try:
        day = dt.datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError:
        raise InputError(f"month {text!r} is not YYYY-MM") from None
    return month_of(day)


def next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:])
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


def locked_months(uow: UnitOfWork) -> list[str]:
    return list(uow.session.execute(select(MonthLock.month).order_by(MonthLock.month)).scalars())


def month_start(month: str) -> dt.date:
    return dt.date(int(month[:4]), int(month[5:7]), 1)


def month_end(month: str) -> dt.date:
    """The last day of `month`."""
    return month_start(next_month(month)) - dt.timedelta(days=1)


def last_closed_month(uow: UnitOfWork) -> str | None:
    return uow.session.execute(select(func.max(MonthLock.month))).scalar()


def ensure_open(uow: UnitOfWork, days: Iterable[dt.date]) -> None:
    """Refuse any date on or before the lock date (the last closed month's end)."""
    earliest = min(days, default=None)
    if earliest is None:
        return
    last = last_closed_month(uow)
    if last is not None and month_of(earliest) <= last:
        raise MonthLocked(
            f"{last} is closed: nothing can be dated on or before {month_end(last)}"
            f" (date {earliest})"
        )


def books_first_day(uow: UnitOfWork) -> dt.date:
    """The setting `books.first_day`, else the first day of the first entry's
    month, else the earliest date the books accept at all."""
    setting = settings.get_setting(uow, "books.first_day")
    if setting:
        return dt.date.fromisoformat(setting)
    first = uow.session.execute(select(func.min(LedgerEntry.business_date))).scalar()
    return first.replace(day=1) if first else bounds.EARLIEST_DATE


def ensure_within_books(uow: UnitOfWork, days: Iterable[dt.date]) -> None:
    """Refuse a date before the books' first day or too far past today."""
    days = list(days)
    if not days:
        return
    earliest, latest = min(days), max(days)
    first_day = books_first_day(uow)
    if earliest < first_day:
        raise InputError(
            f"date {earliest} is before the books' first day {first_day} (setting books.first_day)"
        )
    horizon = dt.date.today() + dt.timedelta(days=bounds.MAX_DAYS_AHEAD)
    if latest > horizon:
        raise InputError(
            f"date {latest} is more than {bounds.MAX_DAYS_AHEAD} days ahead of today"
            f" (latest allowed {horizon})"
        )


def first_entry_month(uow: UnitOfWork) -> str | None:
    first = uow.session.execute(select(func.min(LedgerEntry.business_date))).scalar()
    return month_of(first) if first else None


def lock_month(uow: UnitOfWork, month: str) -> None:
    """Lock `month`; every earlier month that has entries must be locked already."""
    require(uow, Permission.CLOSE_MONTH)
    month = parse_month(month)
    locked = set(locked_months(uow))
    if month in locked:
        raise BackofficeError(f"month {month} is already closed")
    first = first_entry_month(uow)
    if first is not None and first < month:
        cursor = first
        while cursor < month:
            if cursor not in locked:
                raise BackofficeError(
                    f"month {cursor} is still open: months close in order, so {month} cannot"
                )
            cursor = next_month(cursor)
    # The chain head first: no posting can slip into the month between its
    # seal and its lock (PostgreSQL; SQLite's writer is alone already).
    chain.lock_head(uow.session.connection())
    now = audit.now()
    uow.session.add(MonthLock(month=month, locked_at=now, locked_by=uow.actor))
    _seal(uow, month, now)
    audit.record(uow, "month.lock", month, None, "locked")


def _seal(uow: UnitOfWork, month: str, now: dt.datetime) -> None:
    """Record the month's seal in its journal row (made here if the month is
    locked without a closing, as `months lock` does)."""
    seal = chain.month_seal(
        uow.session.connection(), month_start(month), month_start(next_month(month))
    )
    row = uow.session.get(Closing, month)
    if row is None:
        row = Closing(
            month=month,
            closed_at=now,
            closed_by=uow.actor,
            accounts=0,
            acts=0,
            total_uah=from_minor(0, 2),
            summary="{}",
        )
        uow.session.add(row)
    row.entries = seal.entries
    row.credit, row.debit = from_minor(seal.credit, 2), from_minor(seal.debit, 2)
    row.last_entry_id, row.last_hash = seal.last_entry_id, seal.last_hash


def reopen_month(uow: UnitOfWork, month: str, reason: str) -> int:
    """Reopen the latest closed month (an admin action, audited); returns how
    many acts it cancelled.

    The month's monthly acts are cancelled with the reason: they keep their
    numbers (numbering stays without gaps), and the next closing makes new
    acts with new numbers. An order-only service's act is its own document,
    made apart from the closing, and stays as it is."""
    require(uow, Permission.REOPEN_MONTH)
    month = parse_month(month)
    validation.text(reason, what="reason", limit=bounds.MAX_REASON)  # length, no control characters
    if not reason.strip():
        raise InputError("reopening a month needs a reason")
    locked = locked_months(uow)
    if month not in locked:
        raise BackofficeError(f"month {month} is not closed")
    later = [m for m in locked if m > month]
    if later:
        which = f"{later[0]} is" if len(later) == 1 else f"{', '.join(later)} are"
        that = "that" if len(later) == 1 else "those"
        raise BackofficeError(
            f"month {month} cannot be reopened while {which} closed:"
            f" only the last closed month reopens, reopen {that} first"
        )
    uow.session.execute(delete(MonthLock).where(MonthLock.month == month))
    cancelled = uow.session.execute(
        update(Act)
        .where(Act.month == month, Act.cancelled_at.is_(None), Act.order_id.is_(None))
        .values(cancelled_at=audit.now(), cancel_reason=reason.strip())
    ).rowcount
    audit.record(
        uow,
        "month.reopen",
        month,
        "locked",
        f"open: {reason.strip()} ({cancelled or 0} act(s) cancelled)",
    )
    return int(cancelled or 0)

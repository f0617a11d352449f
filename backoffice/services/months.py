"""Month locks: once a month is closed no entry may be dated in it.

The database enforces the lock with a trigger; these functions give the
accountant a readable message before it comes to that, and keep locks
contiguous (months close in order, the latest one reopens first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, func, select, update

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Act, LedgerEntry, MonthLock
from backoffice.errors import BackofficeError, InputError, MonthLocked
from backoffice.services import audit


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


def ensure_open(uow: UnitOfWork, days: Iterable[dt.date]) -> None:
    months = {month_of(day) for day in days}
    if not months:
        return
    locked = (
        uow.session.execute(
            select(MonthLock.month).where(MonthLock.month.in_(months)).order_by(MonthLock.month)
        )
        .scalars()
        .all()
    )
    if locked:
        raise MonthLocked(f"month {locked[0]} is closed: no entry may be dated in it")


def first_entry_month(uow: UnitOfWork) -> str | None:
    first = uow.session.execute(select(func.min(LedgerEntry.business_date))).scalar()
    return month_of(first) if first else None


def lock_month(uow: UnitOfWork, month: str) -> None:
    """Lock `month`; every earlier month that has entries must be locked already."""
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
    uow.session.add(MonthLock(month=month, locked_at=audit.now(), locked_by=uow.actor))
    audit.record(uow, "month.lock", month, None, "locked")


def reopen_month(uow: UnitOfWork, month: str, reason: str) -> int:
    """Reopen the latest closed month (an admin action, audited); returns how
    many acts it cancelled.

    The month's monthly acts are cancelled with the reason: they keep their
    numbers (numbering stays without gaps), and the next closing makes new
    acts with new numbers. An order-only service's act is its own document,
    made apart from the closing, and stays as it is."""
    month = parse_month(month)
    if not reason.strip():
        raise InputError("reopening a month needs a reason")
    locked = locked_months(uow)
    if month not in locked:
        raise BackofficeError(f"month {month} is not closed")
    if month != locked[-1]:
        raise BackofficeError(
            f"month {month} cannot be reopened while {locked[-1]} is closed: reopen that first"
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

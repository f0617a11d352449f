"""Paid periods: calendar months from the 1st, or anniversaries of activation.

A period is `[start, end)`: the end day belongs to the next period.
"""

from __future__ import annotations

import calendar
import datetime as dt

from backoffice.billing.policy import Anchor


def add_months(day: dt.date, months: int, *, anchor_day: int | None = None) -> dt.date:
    """The same day `months` later, clamped to the month's end (Jan 31 → Feb 28).

    `anchor_day` keeps an anniversary from drifting: Jan 31, Feb 28, Mar 31.
    """
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    wanted = anchor_day or day.day
    return dt.date(year, month + 1, min(wanted, calendar.monthrange(year, month + 1)[1]))


def first_period(anchor: Anchor, activation: dt.date, months: int) -> tuple[dt.date, dt.date]:
    if anchor is Anchor.CALENDAR:
        start = activation.replace(day=1)
        return start, add_months(start, months)
    return activation, add_months(activation, months)


def next_period(
    anchor: Anchor, period_end: dt.date, months: int, activated_on: dt.date
) -> tuple[dt.date, dt.date]:
    anchor_day = 1 if anchor is Anchor.CALENDAR else activated_on.day
    return period_end, add_months(period_end, months, anchor_day=anchor_day)


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """`2026-11` → (2026-11-01, 2026-12-01)."""
    first = dt.date(int(month[:4]), int(month[5:7]), 1)
    return first, add_months(first, 1)


def days_between(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days)]


def grace_days(hours: int) -> dt.timedelta:
    """A grace time counted in business days (the daily run's unit): 24 h is
    the next day, 0 h the same day, 36 h the day after next."""
    return dt.timedelta(days=-(-hours // 24))

"""Recognition of a paid period on the acts of the months it covers (SPEC §11).

A debit for a period longer than its month (3, 6 or 12 months, or an
anniversary period across a month end) is posted when bought, but an act
states only what was rendered in its month: the debit is split over the
months the period covers in proportion to the period's days in each, at the
debit's own rate (the UAH and the EUR of the debit are each split), and the
rounding remainder goes to the period's last month. A period ended early
(suspension, a full-month plan change) is rendered only up to its end; what
was paid for the days after it stays a prepayment.

Pure functions on integers in minor units (kopiykas, cents): the closing runs
them for up to 100,000 accounts, and integers keep them exact and fast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ServicePeriod:
    """What one debit paid for."""

    starts_on: dt.date  # first day of the paid period
    ends_on: dt.date  # the day after its last day (periods are [start, end))
    rendered_until: dt.date | None = None  # an early end: nothing rendered from this day


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _share(amount: int, days: int, total: int) -> int:
    """`amount × days / total`, rounded half up (away from zero), exactly."""
    magnitude = (2 * abs(amount) * days + total) // (2 * total)
    return magnitude if amount >= 0 else -magnitude


def month_portions(amount: int, period: ServicePeriod) -> list[tuple[str, int]]:
    """The amount's portion for each month the period covers, in month order.

    Each month gets its days' share of the whole period; the last month gets
    what the others leave, so the portions add up to the amount to the
    kopiyka. A period ended early stops at its end: its months add up to the
    share of the days rendered, and the days not rendered stay unrecognised
    (a prepayment)."""
    total = (period.ends_on - period.starts_on).days
    if total <= 0:
        return [(month_key(period.starts_on), amount)]
    stop = period.ends_on
    cut = period.rendered_until is not None and period.rendered_until < period.ends_on
    if cut:
        assert period.rendered_until is not None
        stop = max(period.rendered_until, period.starts_on)
    portions: list[tuple[str, int]] = []
    cursor = period.starts_on
    while cursor < stop:
        boundary = min(_next_month(cursor), stop)
        portions.append((month_key(cursor), _share(amount, (boundary - cursor).days, total)))
        cursor = boundary
    if portions:
        # The last month takes the remainder: of the whole amount, or, when
        # the period ended early, of the share of the days rendered (so the
        # rounding of the months never states more than was paid).
        rendered = amount if not cut else _share(amount, (stop - period.starts_on).days, total)
        last_month, _ = portions[-1]
        portions[-1] = (last_month, rendered - sum(share for _, share in portions[:-1]))
    return portions


def recognised_through(amount: int, period: ServicePeriod, month: str) -> int:
    """What the acts of `month` and the months before it state of the amount
    in all: the portions of the months up to `month`. A portion of a month
    before the debit was posted is stated on the first act after it (the
    closing asks for the cumulative figure and subtracts what earlier acts
    already stated)."""
    return sum(share for key, share in month_portions(amount, period) if key <= month)


def days_rendered(period: ServicePeriod, month: str, *, from_start: bool = False) -> int:
    """The period's days rendered in `month` (from the period's start up to
    the end of `month` when `from_start`: an act after the period began
    states the months before it too)."""
    first = dt.date(int(month[:4]), int(month[5:7]), 1)
    stop = period.ends_on
    if period.rendered_until is not None:
        stop = min(stop, max(period.rendered_until, period.starts_on))
    begin = period.starts_on if from_start else max(first, period.starts_on)
    return max(0, (min(_next_month(first), stop) - begin).days)


def portion_days(
    period: ServicePeriod, month: str, *, from_start: bool = False
) -> tuple[dt.date, dt.date] | None:
    """The first and last day of what `month`'s act states of the period (the
    days `days_rendered` counts), or None when it states none."""
    first = dt.date(int(month[:4]), int(month[5:7]), 1)
    stop = period.ends_on
    if period.rendered_until is not None:
        stop = min(stop, max(period.rendered_until, period.starts_on))
    begin = period.starts_on if from_start else max(first, period.starts_on)
    end = min(_next_month(first), stop)
    if end <= begin:
        return None
    return begin, end - dt.timedelta(days=1)


def prepaid_after(amount: int, period: ServicePeriod, month: str) -> int:
    """Paid but not rendered by the end of `month`: the prepayment left."""
    return amount - recognised_through(amount, period, month)


__all__ = [
    "ServicePeriod",
    "days_rendered",
    "month_key",
    "month_portions",
    "portion_days",
    "prepaid_after",
    "recognised_through",
]

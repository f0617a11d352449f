"""Limit options (SPEC §6.4): objects counted against a plan's caps.

Alerts at 90% and 100% of a limit [S3]; access blocks once a limit has been
exceeded for the limit grace. The day the objects went over is kept on the
subscription, so the grace is counted from then, whatever the re-runs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from backoffice.billing.catalog import OptionType
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, CatalogOption, Subscription, UsageRecord
from backoffice.services import subscriptions


@dataclass(frozen=True)
class LimitEvent:
    account_id: int
    account: str
    code: str  # usage_90 | usage_100 | blocked_limit
    option: str
    in_use: int
    limit: int
    since: dt.date


def check_limits(
    uow: UnitOfWork, day: dt.date, touched: set[int] | None = None
) -> list[LimitEvent]:
    """Update `limit_exceeded_since` of running subscriptions; return the
    day's alert events (the outbox keeps each once).

    Accounts over a limit are added to `touched` every day, not only on the
    day they went over: access blocks once the limit grace has passed
    (`access.refresh`), a day that nothing else marks."""
    daily_use: dict[tuple[int, int], list[tuple[dt.date, int]]] = defaultdict(list)
    for account_id, option_id, used_on, quantity in uow.session.execute(
        select(
            UsageRecord.account_id,
            UsageRecord.option_id,
            UsageRecord.day,
            func.sum(UsageRecord.quantity),
        )
        .join(CatalogOption, CatalogOption.id == UsageRecord.option_id)
        .where(CatalogOption.type == str(OptionType.LIMIT), UsageRecord.day <= day)
        .group_by(UsageRecord.account_id, UsageRecord.option_id, UsageRecord.day)
        .order_by(UsageRecord.day)
    ).all():
        daily_use[(account_id, option_id)].append((used_on, int(quantity)))
    if not daily_use:
        return []
    codes = dict(uow.session.execute(select(CatalogOption.id, CatalogOption.code)).all())
    events: list[LimitEvent] = []
    running = uow.session.execute(
        select(Subscription, Account.number)
        .join(Account, Account.id == Subscription.account_id)
        .where(
            Subscription.status.in_(("active", "blocked")),
            Subscription.account_id.in_({account for account, _ in daily_use}),
        )
    ).all()
    for subscription, number in running:
        order = subscriptions.order_of(uow, subscription)
        exceeded_since: dt.date | None = None
        for option_id, code in codes.items():
            cap = order.plan.limits.get(code)
            history = daily_use.get((subscription.account_id, option_id))
            if cap is None or not history:
                continue
            cap += sum(q for spec, q in order.options if spec.code == code)
            in_use, over_since = _over_since(history, cap)
            if over_since is not None:
                exceeded_since = min(exceeded_since or over_since, over_since)
            if order.policy.limit_alerts:
                for code_, share in (("usage_100", 100), ("usage_90", 90)):
                    if in_use * 100 >= cap * share:
                        events.append(
                            LimitEvent(
                                subscription.account_id,
                                number,
                                code_,
                                code,
                                in_use,
                                cap,
                                subscription.period_start or day,
                            )
                        )
                        break
        if touched is not None and (
            exceeded_since is not None or subscription.limit_exceeded_since is not None
        ):
            touched.add(subscription.account_id)
        subscription.limit_exceeded_since = exceeded_since
    uow.session.flush()
    return events


def _over_since(history: list[tuple[dt.date, int]], cap: int) -> tuple[int, dt.date | None]:
    """Objects in use now, and the day they last went over the cap (None if within)."""
    total = 0
    since = None
    for used_on, quantity in history:
        before = total
        total += quantity
        if total > cap and before <= cap:
            since = used_on
        elif total <= cap:
            since = None
    return total, since

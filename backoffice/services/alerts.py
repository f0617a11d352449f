"""The alerts outbox (SPEC §7): each event once, whatever the re-runs.

An event's key names the event itself (the account and the period or charge
it is about), and the outbox refuses a second row with the same key.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Table, exists, literal, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Alert, Charge, ClientEmail, Subscription
from backoffice.services import audit, settings
from backoffice.services.access import among
from backoffice.services.limits import LimitEvent

LOW_BALANCE_SETTING = "alerts.low_balance_uah"
CHUNK = 5_000
ONE_DAY_CODES = ("period_ends_3d", "period_ends_today")  # keys name the period end
ALERTS: Table = Alert.__table__  # type: ignore[assignment]


def record_day(uow: UnitOfWork, day: dt.date) -> int:
    """Record the day's events in the outbox; returns how many are new."""
    events: list[tuple[int, str, str, str, bool]] = []  # account, code, key, message, to all
    shown: dict[object, str] = {}  # the last day of a period as the message says it
    for account_id, number, end in uow.session.execute(
        select(Subscription.account_id, Account.number, Subscription.period_end)
        .join(Account, Account.id == Subscription.account_id)
        .where(
            Subscription.status == "active",
            Subscription.period_end.in_((day + dt.timedelta(days=4), day + dt.timedelta(days=1))),
        )
    ).all():
        last = end - dt.timedelta(days=1)
        code = "period_ends_today" if last == day else "period_ends_3d"
        if last not in shown:
            shown[last] = f"{last:%d.%m.%Y}"
        events.append(
            (
                account_id,
                code,
                f"{code}:{number}:{end}",
                f"Оплачений період за о/р {number} закінчується {shown[last]}",
                False,
            )
        )
    # Blocked subscriptions and outstanding charges joined here, not in SQL:
    # within the daily run's transaction PostgreSQL's statistics still count
    # the charges and blocks of before the run, and its join plan went quadratic.
    blocked = set(
        uow.session.execute(
            select(Subscription.id).where(Subscription.status == "blocked")
        ).scalars()
    )
    if blocked:
        recorded = exists().where(
            Alert.event_key == literal("blocked_payment:") + Charge.source_key
        )
        for account_id, number, subscription_id, key in uow.session.execute(
            select(Account.id, Account.number, Charge.subscription_id, Charge.source_key)
            .join(Charge, Charge.account_id == Account.id)
            .where(
                Charge.status == "outstanding",
                Charge.subscription_id.is_not(None),
                ~recorded,  # on an earlier day: the outbox would refuse it
            )
            .order_by(Charge.account_id, Charge.id)
        ).all():
            if subscription_id in blocked:
                events.append(
                    (
                        account_id,
                        "blocked_payment",
                        f"blocked_payment:{key}",
                        f"Доступ за о/р {number} заблоковано: не оплачено продовження",
                        True,
                    )
                )
    if settings.billing_policy(uow).low_balance_notice:
        threshold = settings.low_balance_threshold(uow)
        for account_id, number, topped in uow.session.execute(
            select(Account.id, Account.number, Account.last_topup_date).where(
                Account.balance < threshold
            )
        ).all():
            events.append(
                (
                    account_id,
                    "low_balance",
                    f"low_balance:{number}:{topped}",
                    f"Залишок на о/р {number} менший за {threshold} грн",
                    False,
                )
            )
    return _insert(uow, day, events)


def record_limit_events(uow: UnitOfWork, day: dt.date, events: list[LimitEvent]) -> int:
    """usage_90 / usage_100 to the owner, once per option and period."""
    return _insert(
        uow,
        day,
        [
            (
                e.account_id,
                e.code,
                f"{e.code}:{e.account}:{e.option}:{e.since}",
                f"О/р {e.account}: {e.option} — {e.in_use} з {e.limit}",
                False,
            )
            for e in events
        ],
    )


def _insert(uow: UnitOfWork, day: dt.date, events: list[tuple[int, str, str, str, bool]]) -> int:
    # Events recorded on an earlier day (a blocked payment, a low balance are
    # raised again every day) are left out before any work is done for them;
    # the outbox would refuse them anyway. Period-end notices fall due on one
    # day only, so there is nothing to look up for them but a re-run of it.
    keys = [e[2] for e in events if e[1] not in ONE_DAY_CODES]
    recorded: set[str] = set()
    for start in range(0, len(keys), CHUNK):
        recorded.update(
            uow.session.execute(
                select(Alert.event_key).where(
                    among(uow, Alert.event_key, keys[start : start + CHUNK])
                )
            ).scalars()
        )
    events = [e for e in events if e[2] not in recorded]
    if not events:
        return 0
    emails: dict[int, list[str]] = defaultdict(list)
    accounts = sorted({e[0] for e in events})
    # In chunks (given tens of thousands of ids, SQLite picks a plan that walks
    # the whole IN list for every e-mail row), or all at once where the events
    # concern many accounts (the period-end notices).
    lookup = (
        select(Account.id, ClientEmail.email)
        .join(ClientEmail, ClientEmail.client_id == Account.client_id)
        .order_by(ClientEmail.id)
    )
    if len(accounts) > 4 * CHUNK:
        wanted = set(accounts)
        for account_id, email in uow.session.execute(lookup).all():
            if account_id in wanted:
                emails[account_id].append(email)
    else:
        for start in range(0, len(accounts), CHUNK):
            for account_id, email in uow.session.execute(
                lookup.where(among(uow, Account.id, accounts[start : start + CHUNK]))
            ).all():
                emails[account_id].append(email)
    insert = pg_insert if uow.dialect == "postgresql" else sqlite_insert
    created_at = audit.now()
    rows = [
        {
            "account_id": account_id,
            "code": code,
            "event_key": key,
            "day": day,
            "recipients": ", ".join(emails[account_id] if to_all else emails[account_id][:1]),
            "message": message,
            "created_at": created_at,
        }
        for account_id, code, key, message, to_all in events
    ]
    before = _count(uow)
    statement = insert(ALERTS).on_conflict_do_nothing(index_elements=["event_key"])
    for start in range(0, len(rows), CHUNK):
        uow.session.execute(statement, rows[start : start + CHUNK])
    return _count(uow) - before


def _count(uow: UnitOfWork) -> int:
    from sqlalchemy import func

    return int(uow.session.execute(select(func.count()).select_from(Alert)).scalar_one())


def list_alerts(uow: UnitOfWork, account_id: int | None = None) -> list[Alert]:
    statement = select(Alert).order_by(Alert.day, Alert.id)
    if account_id is not None:
        statement = statement.where(Alert.account_id == account_id)
    return list(uow.session.execute(statement).scalars())

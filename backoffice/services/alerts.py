"""The alerts outbox (SPEC §7): each event once, whatever the re-runs.

An event's key names the event itself (the account and the period or charge
it is about), and the outbox refuses a second row with the same key.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Alert, Charge, ClientEmail, Subscription
from backoffice.services import audit, settings

LOW_BALANCE_SETTING = "alerts.low_balance_uah"


def record_day(uow: UnitOfWork, day: dt.date) -> int:
    """Record the day's events in the outbox; returns how many are new."""
    events: list[tuple[int, str, str, str, bool]] = []  # account, code, key, message, to all
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
        events.append(
            (
                account_id,
                code,
                f"{code}:{number}:{end}",
                f"Оплачений період за о/р {number} закінчується {last:%d.%m.%Y}",
                False,
            )
        )
    for account_id, number, key in uow.session.execute(
        select(Account.id, Account.number, Charge.source_key)
        .join(Charge, Charge.account_id == Account.id)
        .join(Subscription, Subscription.id == Charge.subscription_id)
        .where(Charge.status == "outstanding", Subscription.status == "blocked")
    ).all():
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


def _insert(uow: UnitOfWork, day: dt.date, events: list[tuple[int, str, str, str, bool]]) -> int:
    if not events:
        return 0
    emails: dict[int, list[str]] = defaultdict(list)
    for account_id, email in uow.session.execute(
        select(Account.id, ClientEmail.email)
        .join(ClientEmail, ClientEmail.client_id == Account.client_id)
        .where(Account.id.in_({e[0] for e in events}))
        .order_by(ClientEmail.id)
    ).all():
        emails[account_id].append(email)
    insert = pg_insert if uow.dialect == "postgresql" else sqlite_insert
    rows = [
        {
            "account_id": account_id,
            "code": code,
            "event_key": key,
            "day": day,
            "recipients": ", ".join(emails[account_id] if to_all else emails[account_id][:1]),
            "message": message,
            "created_at": audit.now(),
        }
        for account_id, code, key, message, to_all in events
    ]
    before = _count(uow)
    uow.session.execute(insert(Alert).on_conflict_do_nothing(index_elements=["event_key"]), rows)
    return _count(uow) - before


def _count(uow: UnitOfWork) -> int:
    from sqlalchemy import func

    return int(uow.session.execute(select(func.count()).select_from(Alert)).scalar_one())


def list_alerts(uow: UnitOfWork, account_id: int | None = None) -> list[Alert]:
    statement = select(Alert).order_by(Alert.day, Alert.id)
    if account_id is not None:
        statement = statement.where(Alert.account_id == account_id)
    return list(uow.session.execute(statement).scalars())

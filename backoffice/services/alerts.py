"""The alerts outbox (SPEC §7): each event once, whatever the re-runs.

An event's key names the event itself (the account and the period or charge
it is about), and the outbox refuses a second row with the same key.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import Date, DateTime, Row, Select, Table, func, literal, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import aliased

from backoffice.db.among import among
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Alert, Charge, ClientEmail, Subscription
from backoffice.services import audit, settings
from backoffice.services.limits import LimitEvent

LOW_BALANCE_SETTING = "alerts.low_balance_uah"
CHUNK = 5_000
ONE_DAY_CODES = ("period_ends_3d", "period_ends_today")  # keys name the period end
ALERTS: Table = Alert.__table__  # type: ignore[assignment]
Event = tuple[int, str, str, str, bool]  # account, code, key, message, to all contacts


def record_day(uow: UnitOfWork, day: dt.date, accounts: Collection[int] | None = None) -> int:
    """Record the day's events in the outbox; returns how many are new.

    `accounts`: where the caller knows which accounts' access or charges can
    have changed today (the daily run does), blocks are looked for among
    those only; None looks at every account."""
    before = _count(uow)
    _period_ends(uow, day)
    new = _count(uow) - before  # rowcount of an INSERT … SELECT is not reliable everywhere
    events: list[Event] = []
    events.extend(_blocked_for_payment(uow, accounts))
    events.extend(_blocked_for_limit(uow, accounts))
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
    return new + _insert(uow, day, events)


def _period_ends(uow: UnitOfWork, day: dt.date) -> None:
    """period_ends_3d / period_ends_today to the owner (the client's first
    e-mail): one INSERT … SELECT per notice. These fall due for whole
    cohorts at once (every calendar subscription ends on the same day), so
    the rows never come to Python; the outbox's unique key keeps re-runs out."""
    insert = pg_insert if uow.dialect == "postgresql" else sqlite_insert
    email = aliased(ClientEmail)
    first_email = (
        select(func.min(email.id))
        .where(email.client_id == Account.client_id)
        .correlate(Account)
        .scalar_subquery()
    )
    created_at = audit.now()
    for code, end in (
        ("period_ends_3d", day + dt.timedelta(days=4)),
        ("period_ends_today", day + dt.timedelta(days=1)),
    ):
        last = end - dt.timedelta(days=1)
        rows = (
            select(
                Subscription.account_id,
                literal(code),
                literal(f"{code}:") + Account.number + literal(f":{end}"),
                literal(day, Date()),
                func.coalesce(ClientEmail.email, ""),
                literal("Оплачений період за о/р ")
                + Account.number
                + literal(f" закінчується {last:%d.%m.%Y}"),
                literal(created_at, DateTime()),
            )
            .join(Account, Account.id == Subscription.account_id)
            .outerjoin(ClientEmail, ClientEmail.id == first_email)
            .where(Subscription.status == "active", Subscription.period_end == end)
        )
        statement = (
            insert(ALERTS)
            .from_select(
                ["account_id", "code", "event_key", "day", "recipients", "message", "created_at"],
                rows,
            )
            .on_conflict_do_nothing(index_elements=["event_key"])
        )
        uow.session.execute(statement)


# What an outstanding charge leaves unpaid, as the blocked_payment message says it.
UNPAID = {
    "debit_renewal": "продовження тарифу",
    "debit_overage": "понадлімітне використання",
    "debit_daily": "щоденну плату за тарифом",
    "debit_option": "додаткові опції",
    "debit_activation": "підключення тарифу",
}
PAYMENT_REASONS = ("unpaid_renewal", "insufficient_funds")


def _blocked_for_payment(uow: UnitOfWork, accounts: Collection[int] | None) -> list[Event]:
    """blocked_payment: an account blocked for non-payment, with what it owes.

    The event is the block, named by the oldest charge it waits for: one
    alert while it lasts, whatever the re-runs and the charges added to it;
    a new one when, that charge paid, others still keep the account blocked.
    """
    owed: dict[int, tuple[str, str, list[str]]] = {}  # account → number, key, kinds
    recorded: set[int] = set()  # accounts whose block is in the outbox already
    statement = (
        select(Account.id, Account.number, Charge.kind, Charge.source_key, Alert.id)
        .join(Account, Account.id == Charge.account_id)
        # the alert of each charge, looked up along the outbox's unique key
        .outerjoin(Alert, Alert.event_key == literal("blocked_payment:") + Charge.source_key)
        .where(
            Charge.status == "outstanding",
            Account.access == "blocked",
            Account.block_reason.in_(PAYMENT_REASONS),
        )
        .order_by(Charge.account_id, Charge.due_on, Charge.id)
    )
    for account_id, number, kind, key, alert_id in _among_accounts(
        uow, statement, Charge.account_id, accounts
    ):
        if account_id not in owed:
            owed[account_id] = (number, key, [])
            if alert_id is not None:
                recorded.add(account_id)
        kinds = owed[account_id][2]
        if kind not in kinds:
            kinds.append(kind)
    return [
        (
            account_id,
            "blocked_payment",
            f"blocked_payment:{key}",
            f"Доступ за о/р {number} заблоковано: не оплачено "
            + ", ".join(UNPAID.get(kind, kind) for kind in kinds),
            True,
        )
        for account_id, (number, key, kinds) in owed.items()
        if account_id not in recorded
    ]


def _blocked_for_limit(uow: UnitOfWork, accounts: Collection[int] | None) -> list[Event]:
    """blocked_limit: an account blocked for a limit, once per time its
    objects went over (the day kept on the subscription names the event)."""
    return [
        (
            account_id,
            "blocked_limit",
            f"blocked_limit:{number}:{since}",
            f"Доступ за о/р {number} заблоковано: перевищено ліміт тарифу (з {since:%d.%m.%Y})",
            True,
        )
        for account_id, number, since in _among_accounts(
            uow,
            select(Account.id, Account.number, Subscription.limit_exceeded_since)
            .join(Subscription, Subscription.account_id == Account.id)
            .where(
                Account.access == "blocked",
                Account.block_reason == "limit_exceeded",
                Subscription.status.in_(("active", "blocked")),
                Subscription.limit_exceeded_since.is_not(None),
            )
            .order_by(Account.id),
            Account.id,
            accounts,
        )
    ]


def _among_accounts(
    uow: UnitOfWork, statement: Select[Any], column: Any, accounts: Collection[int] | None
) -> list[Row[Any]]:
    """The statement's rows, for every account or, in chunks, for those given
    (where they are a good part of all accounts, as on a 1st when every
    calendar subscription renews, one pass over all is the cheaper plan)."""
    if accounts is None or len(accounts) > 4 * CHUNK:
        return list(uow.session.execute(statement).all())
    ids = sorted(accounts)
    return [
        row
        for start in range(0, len(ids), CHUNK)
        for row in uow.session.execute(
            statement.where(among(uow, column, ids[start : start + CHUNK]))
        ).all()
    ]


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


def _insert(uow: UnitOfWork, day: dt.date, events: list[Event]) -> int:
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
    return int(uow.session.execute(select(func.count()).select_from(Alert)).scalar_one())


def list_alerts(uow: UnitOfWork, account_id: int | None = None) -> list[Alert]:
    statement = select(Alert).order_by(Alert.day, Alert.id)
    if account_id is not None:
        statement = statement.where(Alert.account_id == account_id)
    return list(uow.session.execute(statement).scalars())

"""Access state of personal accounts (SPEC §6.5), derived from subscriptions
and funds and written back in bulk.

Allowed: a paid subscription and funds ≥ 0 (balance, plus the credit line
where credit is on). Otherwise blocked, with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import Table, bindparam, func, select, update

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, LedgerEntry, Subscription
from backoffice.domain import Access

ACCOUNTS: Table = Account.__table__  # type: ignore[assignment]
CHUNK = 5_000

REASON_BY_STATUS = {
    "suspended": "suspended",
    "blocked": "unpaid_renewal",
    "pending": "insufficient_funds",
    "ended": "period_ended",
}


def refresh(uow: UnitOfWork, account_ids: Iterable[int] | None, day: dt.date) -> int:
    """Recompute access for the accounts (all when None); returns how many changed."""
    uow.session.flush()
    ids = sorted(set(account_ids)) if account_ids is not None else None
    changes = []
    for chunk in _chunks(ids):
        for account_id, access, reason, computed in _states(uow, chunk):
            if (access, reason) != computed:
                changes.append(
                    {"b_id": account_id, "b_access": computed[0], "b_reason": computed[1]}
                )
    statement = (
        update(ACCOUNTS)
        .where(ACCOUNTS.c.id == bindparam("b_id"))
        .values(access=bindparam("b_access"), block_reason=bindparam("b_reason"))
    )
    for start in range(0, len(changes), CHUNK):
        uow.session.execute(statement, changes[start : start + CHUNK])
    if changes:
        uow.session.expire_all()
    return len(changes)


def _chunks(ids: list[int] | None) -> Iterable[list[int] | None]:
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _states(
    uow: UnitOfWork, ids: list[int] | None
) -> list[tuple[int, str, str | None, tuple[str, str | None]]]:
    latest = (
        select(Subscription.account_id, func.max(Subscription.id).label("sub_id"))
        .group_by(Subscription.account_id)
        .subquery()
    )
    expiry = (
        select(LedgerEntry.account_id, func.max(LedgerEntry.business_date).label("expired_on"))
        .where(LedgerEntry.kind == "expiry")
        .group_by(LedgerEntry.account_id)
        .subquery()
    )
    statement = (
        select(
            Account.id,
            Account.access,
            Account.block_reason,
            Account.balance,
            Account.credit_enabled,
            Account.credit_limit,
            Account.last_topup_date,
            Subscription.status,
            expiry.c.expired_on,
        )
        .outerjoin(latest, latest.c.account_id == Account.id)
        .outerjoin(Subscription, Subscription.id == latest.c.sub_id)
        .outerjoin(expiry, expiry.c.account_id == Account.id)
    )
    if ids is not None:
        statement = statement.where(Account.id.in_(ids))
    rows = uow.session.execute(statement).all()
    return [
        (
            row.id,
            row.access,
            row.block_reason,
            state_of(
                row.balance,
                row.credit_limit if row.credit_enabled else Decimal(0),
                row.status,
                row.expired_on is not None
                and (row.last_topup_date is None or row.last_topup_date <= row.expired_on),
            ),
        )
        for row in rows
    ]


def state_of(
    balance: Decimal, credit_limit: Decimal, status: str | None, expired: bool
) -> tuple[str, str | None]:
    """The rule itself, on plain values."""
    if status in REASON_BY_STATUS:
        return str(Access.BLOCKED), REASON_BY_STATUS[status]
    if expired:
        return str(Access.BLOCKED), "balance_expired"
    if balance + credit_limit < 0:
        return str(Access.BLOCKED), "insufficient_funds"
    return str(Access.ACTIVE), None


__all__ = ["refresh", "state_of"]

"""Access state of personal accounts (SPEC §6.5), derived from subscriptions
and funds and written back in bulk.

Allowed: a paid subscription and funds ≥ 0 (balance, plus the credit line
where credit is on). Otherwise blocked, with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    ColumnElement,
    Table,
    and_,
    any_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    type_coerce,
    update,
)

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
    changes = [
        {"b_id": account_id, "b_access": access, "b_reason": reason}
        for chunk in _chunks(ids)
        for account_id, access, reason in _changed(uow, chunk)
    ]
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


def among(uow: UnitOfWork, column: Any, values: Sequence[Any]) -> ColumnElement[bool]:
    """`column IN (values)` for long lists of ids or keys. PostgreSQL gets one
    array parameter (`= ANY`): an IN list there costs a bound parameter per
    value and was most of the time of the daily run's bulk look-ups."""
    if uow.dialect == "postgresql":
        return column == any_(literal(list(values), ARRAY(column.type)))  # type: ignore[no-any-return]
    return column.in_(values)  # type: ignore[no-any-return]


def _chunks(ids: list[int] | None) -> Iterable[list[int] | None]:
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _changed(uow: UnitOfWork, ids: list[int] | None) -> list[tuple[int, str, str | None]]:
    """(account, access, reason) where the stored state differs from the rule.

    The rule is `state_of`, evaluated by the database: the daily run refreshes
    every account, and only the few that change need to come back. A state
    is compared as one string, `access` or `access:reason`, so the rule is
    evaluated once per account.
    """
    newest = select(Subscription.account_id, func.max(Subscription.id).label("sub_id"))
    if ids is not None:
        # The planners do not push the account filter into the grouped
        # subqueries: without these, refreshing one account groups them all.
        newest = newest.where(among(uow, Subscription.account_id, ids))
        entry_account: ColumnElement[int] = LedgerEntry.account_id.expression
        where = [LedgerEntry.kind == "expiry", among(uow, LedgerEntry.account_id, ids)]
    else:
        # All accounts: grouped by an expression, so that SQLite reads the
        # ledger in one pass rather than along an account index with a row
        # look-up per entry (three times slower).
        entry_account = LedgerEntry.account_id + 0
        where = [LedgerEntry.kind == "expiry"]
    expired = select(
        entry_account.label("account_id"),
        func.max(LedgerEntry.business_date).label("expired_on"),
    ).where(*where)
    latest = newest.group_by(Subscription.account_id).subquery()
    expiry = expired.group_by(entry_account).subquery()
    # Money columns hold exact minor units: compare those, no Decimal round trip.
    balance = type_coerce(Account.balance, BigInteger)
    credit = case((Account.credit_enabled.is_(True), type_coerce(Account.credit_limit, BigInteger)))
    blocked = f"{Access.BLOCKED}:"
    computed = case(
        *(
            (Subscription.status == status, blocked + why)
            for status, why in REASON_BY_STATUS.items()
        ),
        (
            and_(
                expiry.c.expired_on.is_not(None),
                or_(
                    Account.last_topup_date.is_(None),
                    Account.last_topup_date <= expiry.c.expired_on,
                ),
            ),
            blocked + "balance_expired",
        ),
        (balance + func.coalesce(credit, 0) < 0, blocked + "insufficient_funds"),
        else_=str(Access.ACTIVE),
    )
    stored = Account.access + func.coalesce(literal(":") + Account.block_reason, "")
    statement = (
        select(Account.id, computed)
        .outerjoin(latest, latest.c.account_id == Account.id)
        .outerjoin(Subscription, Subscription.id == latest.c.sub_id)
        .outerjoin(expiry, expiry.c.account_id == Account.id)
        .where(computed != stored)
    )
    if ids is not None:
        statement = statement.where(among(uow, Account.id, ids))
    changed = []
    for account_id, state in uow.session.execute(statement).all():
        access, _, reason = state.partition(":")
        changed.append((account_id, access, reason or None))
    return changed


def state_of(
    balance: Decimal, credit_limit: Decimal, status: str | None, expired: bool
) -> tuple[str, str | None]:
    """The rule itself, on plain values (`_changed` has it in SQL: keep the two alike)."""
    if status in REASON_BY_STATUS:
        return str(Access.BLOCKED), REASON_BY_STATUS[status]
    if expired:
        return str(Access.BLOCKED), "balance_expired"
    if balance + credit_limit < 0:
        return str(Access.BLOCKED), "insufficient_funds"
    return str(Access.ACTIVE), None


__all__ = ["refresh", "state_of"]

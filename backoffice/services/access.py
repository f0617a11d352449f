"""Access state of personal accounts (SPEC §6.5), derived from subscriptions
and funds and written back in bulk.

Allowed: a paid subscription, funds ≥ 0 (balance, plus the credit line where
credit is on) and no overage or daily charge waiting for funds (a free plan
never blocks for funds), and no limit exceeded for longer than the policy's
limit grace. Otherwise blocked, with the reason, in that order of precedence.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    Table,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    type_coerce,
    update,
)

from backoffice.billing import periods
from backoffice.billing.catalog import PlanKind
from backoffice.billing.policy import BillingPolicy
from backoffice.db.among import among
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Charge, LedgerEntry, Plan, PlanVersion, Subscription
from backoffice.domain import Access
from backoffice.services import settings

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
    return len(refresh_changed(uow, account_ids, day))


def refresh_changed(uow: UnitOfWork, account_ids: Iterable[int] | None, day: dt.date) -> list[int]:
    """`refresh`, returning the accounts whose access or reason changed."""
    uow.session.flush()
    ids = sorted(set(account_ids)) if account_ids is not None else None
    changes = [
        {"b_id": account_id, "b_access": access, "b_reason": reason}
        for chunk in _chunks(ids)
        for account_id, access, reason in _changed(uow, chunk, day)
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
    return [change["b_id"] for change in changes]


def _chunks(ids: list[int] | None) -> Iterable[list[int] | None]:
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


# Unpaid charges that block access at once (SPEC §6.5). A renewal blocks
# through its subscription's status once the payment grace is over; an
# added option without funds just stays inactive (SPEC §6.2).
BLOCKING_CHARGES = ("debit_overage", "debit_daily")


def _changed(
    uow: UnitOfWork, ids: list[int] | None, day: dt.date
) -> list[tuple[int, str, str | None]]:
    """(account, access, reason) where the stored state differs from the rule.

    The rule is `state_of`, evaluated by the database: the daily run refreshes
    every account, and only the few that change need to come back. A state
    is compared as one string, `access` or `access:reason`, so the rule is
    evaluated once per account.
    """
    newest = select(Subscription.account_id, func.max(Subscription.id).label("sub_id"))
    unpaid_charges = select(Charge.account_id).where(
        Charge.status == "outstanding", Charge.kind.in_(BLOCKING_CHARGES)
    )
    if ids is not None:
        # The planners do not push the account filter into the grouped
        # subqueries: without these, refreshing one account groups them all.
        newest = newest.where(among(uow, Subscription.account_id, ids))
        unpaid_charges = unpaid_charges.where(among(uow, Charge.account_id, ids))
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
    unpaid = unpaid_charges.group_by(Charge.account_id).subquery()
    terms = _PlanTerms(uow, day)
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
        (
            and_(
                ~terms.free(Subscription.plan_version_id),
                or_(balance + func.coalesce(credit, 0) < 0, unpaid.c.account_id.is_not(None)),
            ),
            blocked + "insufficient_funds",
        ),
        (
            Subscription.limit_exceeded_since <= terms.limit_cutoff(Subscription.plan_version_id),
            blocked + "limit_exceeded",
        ),
        else_=str(Access.ACTIVE),
    )
    stored = Account.access + func.coalesce(literal(":") + Account.block_reason, "")
    statement = (
        select(Account.id, computed)
        .outerjoin(latest, latest.c.account_id == Account.id)
        .outerjoin(Subscription, Subscription.id == latest.c.sub_id)
        .outerjoin(expiry, expiry.c.account_id == Account.id)
        .outerjoin(unpaid, unpaid.c.account_id == Account.id)
        .where(computed != stored)
    )
    if ids is not None:
        statement = statement.where(among(uow, Account.id, ids))
    changed = []
    for account_id, state in uow.session.execute(statement).all():
        access, _, reason = state.partition(":")
        changed.append((account_id, access, reason or None))
    return changed


class _PlanTerms:
    """What the access rule needs from each plan version's plan and policy,
    as SQL over `subscriptions.plan_version_id`: the catalog is small, so the
    versions are listed rather than joined."""

    def __init__(self, uow: UnitOfWork, day: dt.date):
        policies: dict[str | None, BillingPolicy] = {}
        self.cutoffs: dict[dt.date, list[int]] = defaultdict(list)
        self.free_versions: list[int] = []
        for version_id, kind, preset in uow.session.execute(
            select(PlanVersion.id, Plan.kind, Plan.policy).join(
                Plan, Plan.id == PlanVersion.plan_id
            )
        ).all():
            if preset not in policies:
                policies[preset] = settings.billing_policy(uow, preset_name=preset)
            grace = periods.grace_days(policies[preset].limit_grace_hours)
            self.cutoffs[day - grace].append(version_id)
            if kind == str(PlanKind.FREE):
                self.free_versions.append(version_id)

    def free(self, version: ColumnElement[int]) -> ColumnElement[bool]:
        if not self.free_versions:
            return literal(False)
        return version.in_(self.free_versions)

    def limit_cutoff(self, version: ColumnElement[int]) -> ColumnElement[dt.date]:
        """The last day objects may have gone over a limit for access to block today."""
        if not self.cutoffs:  # no plans: nothing to block for (NULL compares false)
            return literal(None, Date())
        if len(self.cutoffs) == 1:
            [cutoff] = self.cutoffs
            return literal(cutoff, Date())
        return case(
            *((version.in_(ids), literal(cutoff, Date())) for cutoff, ids in self.cutoffs.items())
        )


def state_of(
    balance: Decimal,
    credit_limit: Decimal,
    status: str | None,
    expired: bool,
    *,
    unpaid: bool = False,
    free: bool = False,
    limit_exceeded_for_grace: bool = False,
) -> tuple[str, str | None]:
    """The rule itself, on plain values (`_changed` has it in SQL: keep the two alike).

    `unpaid`: an overage or daily charge waits for funds; `free`: the plan is
    free and never blocks for funds; `limit_exceeded_for_grace`: objects have
    been over a limit for the policy's limit grace."""
    if status in REASON_BY_STATUS:
        return str(Access.BLOCKED), REASON_BY_STATUS[status]
    if expired:
        return str(Access.BLOCKED), "balance_expired"
    if not free and (balance + credit_limit < 0 or unpaid):
        return str(Access.BLOCKED), "insufficient_funds"
    if limit_exceeded_for_grace:
        return str(Access.BLOCKED), "limit_exceeded"
    return str(Access.ACTIVE), None


__all__ = ["refresh", "refresh_changed", "state_of"]

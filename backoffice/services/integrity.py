"""`backoffice check`: prove that what is cached and locked is what it claims."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Act, LedgerEntry, MonthLock, Sequence
from backoffice.domain import TOPUP_KINDS
from backoffice.services import ledger, snapshots
from backoffice.services.months import month_of


@dataclass(frozen=True)
class IntegrityReport:
    accounts: int
    entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_integrity(uow: UnitOfWork) -> IntegrityReport:
    problems: list[str] = []
    sums = ledger.balances_from_entries(uow)
    accounts = uow.session.execute(
        select(Account.id, Account.number, Account.balance, Account.last_topup_date)
    ).all()
    for account_id, number, cached, _last_topup in accounts:
        total = sums.get(account_id, cached * 0)
        if total != cached:
            problems.append(
                f"account {number}: cached balance {cached} differs from its entries {total}"
            )
    problems.extend(_last_topup_problems(uow, {a[0]: (a[1], a[3]) for a in accounts}))
    problems.extend(_entries_in_locked_months(uow))
    problems.extend(_reversal_problems(uow))
    problems.extend(_act_number_gaps(uow))
    problems.extend(snapshots.problems(uow))  # issued documents unchanged (SPEC §16)
    entries = uow.session.execute(select(func.count()).select_from(LedgerEntry)).scalar_one()
    return IntegrityReport(len(accounts), int(entries), tuple(problems))


def _last_topup_problems(uow: UnitOfWork, accounts: dict) -> list[str]:  # type: ignore[type-arg]
    reversal = aliased(LedgerEntry)
    latest = dict(
        uow.session.execute(
            select(LedgerEntry.account_id, func.max(LedgerEntry.business_date))
            .outerjoin(reversal, reversal.reverses_id == LedgerEntry.id)
            .where(LedgerEntry.kind.in_([str(k) for k in TOPUP_KINDS]), reversal.id.is_(None))
            .group_by(LedgerEntry.account_id)
        ).all()
    )
    return [
        f"account {number}: last top-up date {cached} differs from its entries {latest.get(aid)}"
        for aid, (number, cached) in accounts.items()
        if latest.get(aid) != cached
    ]


def _entries_in_locked_months(uow: UnitOfWork) -> list[str]:
    problems = []
    for (month,) in uow.session.execute(select(MonthLock.month)).all():
        year, mon = int(month[:4]), int(month[5:])
        first = dt.date(year, mon, 1)
        last = dt.date(year + mon // 12, mon % 12 + 1, 1)
        count = uow.session.execute(
            select(func.count()).where(
                LedgerEntry.business_date >= first,
                LedgerEntry.business_date < last,
                LedgerEntry.created_at
                > select(MonthLock.locked_at).where(MonthLock.month == month).scalar_subquery(),
            )
        ).scalar_one()
        if count:
            problems.append(f"month {month_of(first)}: {count} entries posted after it was closed")
    return problems


def _reversal_problems(uow: UnitOfWork) -> list[str]:
    original = aliased(LedgerEntry)
    rows = uow.session.execute(
        select(
            LedgerEntry.id,
            LedgerEntry.amount,
            original.amount,
            LedgerEntry.account_id,
            original.account_id,
        ).join(original, original.id == LedgerEntry.reverses_id)
    ).all()
    return [
        f"entry {rid}: reversal does not mirror entry amount {orig_amount}"
        for rid, amount, orig_amount, account, orig_account in rows
        if amount != -orig_amount or account != orig_account
    ]


def _act_number_gaps(uow: UnitOfWork) -> list[str]:
    """Acts are numbered per year without gaps: the year's counter equals its acts."""
    counts: dict[str, int] = {}
    for month, count in uow.session.execute(
        select(Act.month, func.count()).group_by(Act.month)
    ).all():
        counts[month[:4]] = counts.get(month[:4], 0) + int(count)
    counters = dict(
        uow.session.execute(
            select(Sequence.name, Sequence.value).where(Sequence.name.like("act:%"))
        ).all()
    )
    problems = []
    for name, value in counters.items():
        year = name.split(":", 1)[1]
        if counts.get(year, 0) != value:
            problems.append(f"acts of {year}: {counts.get(year, 0)} acts but {value} numbers taken")
    return problems

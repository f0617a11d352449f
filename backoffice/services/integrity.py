"""`backoffice check`: prove that what is cached and locked is what it claims.

The books prove themselves (SPEC §4): the hash chain is recomputed over every
entry in id order, and each closed month's entries are tallied in the same
pass and compared with the seal its closing recorded. A rewrite of an entry,
a removed entry or an entry slipped into a closed month is named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    Act,
    AuditRecord,
    Closing,
    LedgerChain,
    LedgerEntry,
    MonthLock,
    Sequence,
)
from backoffice.domain import TOPUP_KINDS
from backoffice.money import from_minor
from backoffice.permissions import Permission, require
from backoffice.services import audit, chain, ledger, snapshots
from backoffice.services.months import month_of, next_month


@dataclass(frozen=True)
class IntegrityReport:
    accounts: int
    entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_integrity(uow: UnitOfWork) -> IntegrityReport:
    require(uow, Permission.READ_BOOKS)
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
    chain_problems, tallies = _chain_problems(uow)
    problems.extend(chain_problems)
    problems.extend(_seal_problems(uow, tallies))
    problems.extend(snapshots.problems(uow))  # issued documents unchanged (SPEC §16)
    problems.extend(audit.guard_problems(uow))  # the audit log stays append-only (SPEC §14)
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


@dataclass
class MonthTally:
    """A month's entries as they stand: count, credit and debit (kopiykas),
    and its last entry by id with that entry's stored hash."""

    entries: int = 0
    credit: int = 0
    debit: int = 0
    last_id: int = 0
    last_hash: str | None = None


def _chain_problems(uow: UnitOfWork) -> tuple[list[str], dict[str, MonthTally]]:
    """Recompute the chain over every entry in id order, and tally the
    months on the way (one pass over the ledger, rows as tuples).

    After a broken link the stored hash carries on, so the first bad entry is
    named and the later ones only counted."""
    connection = uow.session.connection()
    tallies: dict[int, MonthTally] = {}
    previous = chain.GENESIS
    first_bad: tuple[int, int, dt.date] | None = None
    bad = 0
    last_id, last_hash = None, chain.GENESIS
    hash_values = chain.hash_values
    for row in chain.stream_entries(connection):
        content, stored = row[:-1], row[-1]
        if hash_values(previous, content) != stored:
            bad += 1
            if first_bad is None:
                first_bad = (row[0], row[1], row[2])
        previous = stored or ""
        day, amount = row[2], row[4]
        key = day.year * 12 + day.month - 1
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = MonthTally()
        tally.entries += 1
        if amount > 0:
            tally.credit += amount
        else:
            tally.debit += amount
        tally.last_id, tally.last_hash = row[0], stored
        last_id, last_hash = row[0], stored
    problems = []
    if first_bad is not None:
        entry_id, account_id, day = first_bad
        number = uow.session.execute(
            select(Account.number).where(Account.id == account_id)
        ).scalar()
        others = f"; {bad - 1} later entries do not match either" if bad > 1 else ""
        problems.append(
            f"ledger entry {entry_id} (account {number or account_id}, {day}): its hash does"
            " not match its content and the entry before it: the entry was changed, or one"
            f" before it was changed or removed{others}"
        )
    head = uow.session.get(LedgerChain, chain.HEAD_ID)
    if head is None:
        problems.append("the ledger's chain head is missing")
    elif (head.last_entry_id, head.last_hash) != (last_id, last_hash or chain.GENESIS):
        problems.append(
            f"the ledger ends at entry {last_id} but its chain head names entry"
            f" {head.last_entry_id}: entries were removed from its end or added past the chain"
        )
    by_month = {f"{key // 12:04d}-{key % 12 + 1:02d}": tally for key, tally in tallies.items()}
    return problems, by_month


def _seal_problems(uow: UnitOfWork, tallies: dict[str, MonthTally]) -> list[str]:
    """Every closed month against its seal; closed months without gaps; a
    sealed month open again only through an audited reopening."""
    locked = sorted(uow.session.execute(select(MonthLock.month)).scalars())
    journal = {row.month: row for row in uow.session.execute(select(Closing)).scalars()}
    problems = []
    if locked:
        cursor = locked[0]
        while cursor < locked[-1]:
            if cursor not in locked:
                problems.append(f"month {cursor} is open between closed months")
            cursor = next_month(cursor)
    for month in locked:
        row = journal.get(month)
        if row is None or row.entries is None:
            problems.append(f"month {month} is closed but its closing journal has no seal")
            continue
        problems.extend(_month_against_seal(month, row, tallies))
    reopened = _reopenings(uow)
    for month, row in journal.items():
        if month in locked or row.entries is None:
            continue
        if not any(at >= row.closed_at for at in reopened.get(month, [])):
            problems.append(
                f"month {month} was closed on {row.closed_at:%Y-%m-%d} but is open"
                " with no reopening in the audit log"
            )
    return problems


def _month_against_seal(month: str, row: Closing, tallies: dict[str, MonthTally]) -> list[str]:
    tally = tallies.get(month, MonthTally())
    problems = []
    now = (tally.entries, from_minor(tally.credit, 2), from_minor(tally.debit, 2))
    sealed = (row.entries, row.credit, row.debit)
    if now != sealed:
        problems.append(
            f"month {month} was changed after its closing: {now[0]} entries, credit {now[1]},"
            f" debit {now[2]} now; {sealed[0]} entries, credit {sealed[1]}, debit {sealed[2]}"
            " at the closing"
        )
    # the last entry dated up to the month's end: ids grow, so the largest
    # last id of this month and every earlier one
    last_id, last_hash = 0, None
    for key, earlier in tallies.items():
        if key <= month and earlier.last_id > last_id:
            last_id, last_hash = earlier.last_id, earlier.last_hash
    if (last_id or None, last_hash) != (row.last_entry_id, row.last_hash):
        problems.append(
            f"month {month} was changed after its closing: the last entry up to its end is"
            f" {last_id or 'none'} now, {row.last_entry_id} at the closing (or its hash differs)"
        )
    return problems


def _reopenings(uow: UnitOfWork) -> dict[str, list[dt.datetime]]:
    found: dict[str, list[dt.datetime]] = {}
    for month, at in uow.session.execute(
        select(AuditRecord.subject, AuditRecord.at).where(AuditRecord.action == "month.reopen")
    ).all():
        found.setdefault(month, []).append(at)
    return found

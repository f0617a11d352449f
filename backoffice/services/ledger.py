"""Posting to personal accounts: the only code that writes ledger entries.

Entries are appended, never changed. Each posting writes its entries and the
accounts' cached balances in one transaction, with the accounts locked, so
the cache always equals the sum of the entries (`check` proves it). Every
posting extends the ledger's hash chain (services/chain.py) and is refused
whole if any of its dates is on or before the lock date, before the books'
first day or too far ahead (services/months.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Date,
    Integer,
    Table,
    any_,
    bindparam,
    case,
    func,
    select,
    text,
    type_coerce,
    update,
)
from sqlalchemy.orm import aliased

from backoffice import bounds, validation
from backoffice.db.among import among
from backoffice.db.bulk_insert import insert_rows
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, LedgerEntry
from backoffice.domain import TOPUP_KINDS, EntryDraft, EntryKind, PostedEntry
from backoffice.errors import BackofficeError, InputError, NotFound
from backoffice.money import money, to_minor
from backoffice.permissions import Permission, require
from backoffice.services import audit, chain, months

CHUNK = 5_000
ENTRIES: Table = LedgerEntry.__table__  # type: ignore[assignment]
ACCOUNTS: Table = Account.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class PostingResult:
    posted: int
    already_posted: int  # drafts whose source_key was posted before (re-runs)
    ids: tuple[int, ...] = ()


def find_account(uow: UnitOfWork, number: str) -> Account:
    account = uow.session.execute(
        select(Account).where(Account.number == number.strip())
    ).scalar_one_or_none()
    if account is None:
        raise NotFound(f"account {number!r} does not exist")
    return account


def lock_accounts(uow: UnitOfWork, account_ids: Iterable[int]) -> set[int] | None:
    """Serialise posting per account. PostgreSQL: row locks in id order (no
    deadlocks between two postings), and the ids found are returned (the
    accounts that exist); SQLite: the writer already holds the database since
    BEGIN IMMEDIATE, and None is returned (nothing was read).

    The ledger's chain head is locked before any account (PostgreSQL): every
    posting takes it, so taking it first everywhere keeps one lock order and
    no transaction can wait for an account while holding the head.

    The ids go as one array parameter (`id = ANY(:ids)`): an IN list of 5,000
    expanded parameters took two to three times as long (bench/README.md)."""
    if uow.dialect != "postgresql":
        return None
    chain.lock_head(uow.session.connection())
    ids = sorted(set(account_ids))
    found: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found.update(
            uow.session.execute(
                select(Account.id)
                .where(Account.id == any_(bindparam("b_ids", chunk, type_=ARRAY(Integer()))))
                .order_by(Account.id)
                .with_for_update()
            ).scalars()
        )
    return found


def post_entries(
    uow: UnitOfWork,
    drafts: Sequence[EntryDraft],
    *,
    return_ids: bool = False,
    new_keys: bool = False,
) -> PostingResult:
    """Append entries and move cached balances, all or nothing.

    The bulk path of every posting: set-based inserts in chunks, one balance
    update per touched account. Drafts whose `source_key` was already posted
    are skipped, so re-running an operation posts nothing twice. A caller
    whose keys name a row it made in this transaction (a new statement
    batch) passes `new_keys=True` to skip that look-up; the unique index on
    the key still refuses a duplicate.
    """
    if not drafts:
        return PostingResult(0, 0)
    if new_keys:
        already = 0
    else:
        drafts, already = _drop_already_posted(uow, drafts)
    if not drafts:
        return PostingResult(0, already)
    connection = uow.session.connection()
    head = chain.lock_head(connection)  # first: the dates are checked under it
    days = {d.business_date for d in drafts}
    months.ensure_open(uow, days)
    months.ensure_within_books(uow, days)
    deltas: dict[int, Decimal] = defaultdict(Decimal)
    last_topup: dict[int, dt.date] = {}
    for draft in drafts:
        _check_draft(draft)
        deltas[draft.account_id] += draft.amount
        if draft.kind in TOPUP_KINDS:
            previous = last_topup.get(draft.account_id)
            if previous is None or draft.business_date > previous:
                last_topup[draft.account_id] = draft.business_date
    locked = lock_accounts(uow, deltas)
    _require_accounts_exist(uow, deltas, locked)
    validation.check_posting(uow, drafts, deltas)  # bounds: before anything is written

    created_at = audit.now()
    first_id = chain.next_id(connection, head)
    link = chain.Link(head, first_id)
    rows = (_row(d, uow.actor, created_at) for d in drafts)
    insert_rows(uow, chain.RAW_ENTRIES, link.extend(rows))
    chain.save_head(connection, link.last_id, link.last_hash)

    _move_balances(uow, deltas, last_topup)
    ids = tuple(range(first_id, link.last_id + 1)) if return_ids else ()
    return PostingResult(len(drafts), already, ids)


def post_topup(
    uow: UnitOfWork,
    account_number: str,
    amount: Decimal,
    business_date: dt.date,
    reason: str,
    kind: EntryKind = EntryKind.TOPUP_MANUAL,
    source_key: str | None = None,
) -> PostedEntry:
    """A top-up of a personal account (manual, bank or processor)."""
    require(uow, Permission.POST_TOPUP)
    if kind not in TOPUP_KINDS:
        raise InputError(f"{kind} is not a top-up kind")
    if amount <= 0:
        raise InputError(f"top-up amount {amount} must be positive")
    validation.text(reason, what="reason", limit=bounds.MAX_REASON)  # length, no control characters
    if not reason.strip():
        raise InputError("a top-up needs a reason")
    account = find_account(uow, account_number)
    draft = EntryDraft(
        account.id, business_date, kind, amount, reason.strip(), source_key=source_key
    )
    result = post_entries(uow, [draft], return_ids=True)
    if not result.ids:
        raise BackofficeError(f"top-up {source_key} was already posted")
    if kind is EntryKind.TOPUP_MANUAL:
        audit.record(
            uow,
            "ledger.topup_manual",
            f"account {account.number}",
            None,
            {"amount": amount, "date": business_date, "reason": reason.strip()},
        )
    return entry_by_id(uow, result.ids[0])


def reverse_entry(
    uow: UnitOfWork, entry_id: int, business_date: dt.date, reason: str
) -> PostedEntry:
    """Undo an entry with a reversal that names it. An entry is reversed at most once."""
    require(uow, Permission.POST_REVERSAL)
    validation.text(reason, what="reason", limit=bounds.MAX_REASON)  # length, no control characters
    if not reason.strip():
        raise InputError("a reversal needs a reason")
    original = uow.session.get(LedgerEntry, entry_id)
    if original is None:
        raise NotFound(f"ledger entry {entry_id} does not exist")
    if original.kind == EntryKind.REVERSAL:
        raise BackofficeError(
            f"entry {entry_id} is itself a reversal; post a correct entry instead"
        )
    reversed_by = uow.session.execute(
        select(LedgerEntry.id).where(LedgerEntry.reverses_id == entry_id)
    ).scalar()
    if reversed_by is not None:
        raise BackofficeError(f"entry {entry_id} was already reversed by entry {reversed_by}")
    if business_date < original.business_date:
        raise InputError(
            f"reversal date {business_date} is before the entry's date {original.business_date}"
        )
    draft = EntryDraft(
        account_id=original.account_id,
        business_date=business_date,
        kind=EntryKind.REVERSAL,
        amount=-original.amount,
        comment=reason.strip(),
        eur=-original.eur if original.eur is not None else None,
        rate=original.rate,
        markup_percent=original.markup_percent,
        reverses_id=entry_id,
    )
    result = post_entries(uow, [draft], return_ids=True)
    if original.kind in TOPUP_KINDS:
        _recompute_last_topup(uow, original.account_id)
    audit.record(
        uow,
        "ledger.reverse",
        f"entry {entry_id}",
        {"kind": str(original.kind), "amount": original.amount, "date": original.business_date},
        {
            "reversal": result.ids[0],
            "amount": draft.amount,
            "date": business_date,
            "reason": reason.strip(),
        },
    )
    return entry_by_id(uow, result.ids[0])


def entry_by_id(uow: UnitOfWork, entry_id: int) -> PostedEntry:
    rows = _entries_query(uow, LedgerEntry.id == entry_id)
    if not rows:
        raise NotFound(f"ledger entry {entry_id} does not exist")
    return rows[0]


def account_entries(
    uow: UnitOfWork,
    account_number: str,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[PostedEntry]:
    """The account's entries in date order (the ledger view)."""
    require(uow, Permission.READ_BOOKS)
    if date_from and date_to and date_from > date_to:
        raise InputError(f"period from {date_from} is after to {date_to}")
    account = find_account(uow, account_number)
    conditions = [LedgerEntry.account_id == account.id]
    if date_from:
        conditions.append(LedgerEntry.business_date >= date_from)
    if date_to:
        conditions.append(LedgerEntry.business_date <= date_to)
    return _entries_query(uow, *conditions)


def balance_from_entries(uow: UnitOfWork, account_id: int) -> Decimal:
    # SUM keeps the column's type, so the kopiykas come back as Decimal UAH.
    total = uow.session.execute(
        select(func.sum(ENTRIES.c.amount)).where(ENTRIES.c.account_id == account_id)
    ).scalar_one()
    return total if total is not None else Decimal("0.00")


def balances_from_entries(uow: UnitOfWork) -> dict[int, Decimal]:
    """Every account's balance as the sum of its entries, one grouped query."""
    rows = uow.session.execute(
        select(ENTRIES.c.account_id, func.sum(ENTRIES.c.amount).label("total")).group_by(
            ENTRIES.c.account_id
        )
    ).all()
    return {account_id: total for account_id, total in rows}


def _entries_query(uow: UnitOfWork, *conditions: object) -> list[PostedEntry]:
    reversal = aliased(LedgerEntry)
    rows = uow.session.execute(
        select(LedgerEntry, Account.number, reversal.id)
        .join(Account, Account.id == LedgerEntry.account_id)
        .outerjoin(reversal, reversal.reverses_id == LedgerEntry.id)
        .where(*conditions)  # type: ignore[arg-type]
        .order_by(LedgerEntry.business_date, LedgerEntry.id)
    ).all()
    return [
        PostedEntry(
            id=e.id,
            account=number,
            business_date=e.business_date,
            kind=EntryKind(e.kind),
            amount=e.amount,
            eur=e.eur,
            rate=e.rate,
            markup_percent=e.markup_percent,
            reverses_id=e.reverses_id,
            reversed_by_id=reversed_by,
            author=e.author,
            comment=e.comment,
            created_at=e.created_at,
        )
        for e, number, reversed_by in rows
    ]


def _check_draft(draft: EntryDraft) -> None:
    EntryKind(draft.kind)
    money(draft.amount, what=f"{draft.kind} amount")
    if draft.amount == 0:
        raise InputError(f"{draft.kind} entry of zero on account {draft.account_id}")
    if draft.eur is not None:
        money(draft.eur, what=f"{draft.kind} EUR amount")


def _row(draft: EntryDraft, author: str, created_at: dt.datetime) -> dict[str, object]:
    """The entry as stored (money in minor units): what is hashed is what is written."""
    return {
        "account_id": draft.account_id,
        "business_date": draft.business_date,
        "created_at": created_at,
        "kind": str(draft.kind),
        "amount": to_minor(draft.amount, 2),
        "eur": _minor(draft.eur, 2),
        "rate": _minor(draft.rate, 4),
        "markup_percent": _minor(draft.markup_percent, 4),
        "reverses_id": draft.reverses_id,
        "source_key": draft.source_key,
        "author": author,
        "comment": draft.comment,
    }


def _minor(value: Decimal | None, places: int) -> int | None:
    return None if value is None else to_minor(value, places)


def _drop_already_posted(
    uow: UnitOfWork, drafts: Sequence[EntryDraft]
) -> tuple[list[EntryDraft], int]:
    keys = [d.source_key for d in drafts if d.source_key is not None]
    if not keys:
        return list(drafts), 0
    if len(keys) != len(set(keys)):
        raise BackofficeError("two entries of one posting share a source key")
    posted: set[str] = set()
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        found = uow.session.execute(
            select(LedgerEntry.source_key).where(among(uow, LedgerEntry.source_key, chunk))
        ).scalars()
        posted.update(key for key in found if key is not None)
    fresh = [d for d in drafts if d.source_key not in posted]
    return fresh, len(drafts) - len(fresh)


def _require_accounts_exist(
    uow: UnitOfWork, account_ids: Iterable[int], locked: set[int] | None
) -> None:
    """Refuse a posting to an account that does not exist. On PostgreSQL the
    lock has read the accounts already (`locked`)."""
    ids = set(account_ids)
    found: set[int] = set()
    if locked is not None:
        found = locked
    else:
        id_list = sorted(ids)
        for start in range(0, len(id_list), CHUNK):
            found.update(
                uow.session.execute(
                    select(Account.id).where(Account.id.in_(id_list[start : start + CHUNK]))
                ).scalars()
            )
    missing = ids - found
    if missing:
        raise NotFound(f"account id {min(missing)} does not exist")


def _move_balances(
    uow: UnitOfWork, deltas: dict[int, Decimal], last_topup: dict[int, dt.date]
) -> None:
    """Move the cached balances and advance the last top-up dates: one UPDATE
    per account for both (an account's row is written once per posting).
    PostgreSQL gets the rows as arrays, one `UPDATE … FROM unnest(…)` per
    chunk; SQLite one statement per account (executemany), which costs it
    no more than the statement's own work."""
    changed = [
        (account_id, to_minor(delta, 2), last_topup.get(account_id))
        for account_id, delta in deltas.items()
        if delta != 0 or account_id in last_topup
    ]
    if not changed:
        return
    if uow.dialect == "postgresql":
        _move_balances_pg(uow, changed)
        return
    # Balances as stored (kopiykas): no TypeDecorator round trip per row.
    balance = type_coerce(ACCOUNTS.c.balance, BigInteger)
    moves = (
        update(ACCOUNTS)
        .where(ACCOUNTS.c.id == bindparam("b_id"))
        .values(balance=balance + bindparam("b_delta", type_=BigInteger()))
    )
    day = bindparam("b_day", type_=Date())
    moves_and_topups = moves.values(
        last_topup_date=case(
            (ACCOUNTS.c.last_topup_date.is_(None), day),
            (ACCOUNTS.c.last_topup_date < day, day),
            else_=ACCOUNTS.c.last_topup_date,
        )
    )
    plain = [{"b_id": a, "b_delta": d} for a, d, topped in changed if topped is None]
    topped_up = [{"b_id": a, "b_delta": d, "b_day": t} for a, d, t in changed if t is not None]
    for statement, params in ((moves, plain), (moves_and_topups, topped_up)):
        for start in range(0, len(params), CHUNK):
            uow.session.execute(statement, params[start : start + CHUNK])


def _move_balances_pg(uow: UnitOfWork, changed: list[tuple[int, int, dt.date | None]]) -> None:
    statement = text(
        """
        UPDATE accounts AS a
        SET balance = a.balance + d.delta,
            last_topup_date = CASE
                WHEN d.day IS NOT NULL AND (a.last_topup_date IS NULL OR a.last_topup_date < d.day)
                THEN d.day ELSE a.last_topup_date END
        FROM unnest(CAST(:ids AS integer[]), CAST(:deltas AS bigint[]), CAST(:days AS date[]))
            AS d(id, delta, day)
        WHERE a.id = d.id
        """
    )
    for start in range(0, len(changed), CHUNK):
        chunk = changed[start : start + CHUNK]
        uow.session.execute(
            statement,
            {
                "ids": [a for a, _, _ in chunk],
                "deltas": [d for _, d, _ in chunk],
                "days": [t for _, _, t in chunk],
            },
        )


def last_topup_from_entries(uow: UnitOfWork, account_id: int) -> dt.date | None:
    """The date of the latest top-up that was not reversed."""
    reversal = aliased(LedgerEntry)
    return uow.session.execute(
        select(func.max(LedgerEntry.business_date))
        .outerjoin(reversal, reversal.reverses_id == LedgerEntry.id)
        .where(
            LedgerEntry.account_id == account_id,
            LedgerEntry.kind.in_([str(k) for k in TOPUP_KINDS]),
            reversal.id.is_(None),
        )
    ).scalar()


def _recompute_last_topup(uow: UnitOfWork, account_id: int) -> None:
    uow.session.execute(
        update(Account)
        .where(Account.id == account_id)
        .values(last_topup_date=last_topup_from_entries(uow, account_id))
    )


__all__ = [
    "PostingResult",
    "account_entries",
    "balance_from_entries",
    "balances_from_entries",
    "entry_by_id",
    "find_account",
    "post_entries",
    "post_topup",
    "reverse_entry",
]

"""The hash chain of the ledger: the books prove themselves (SPEC §4).

Every entry carries `hash` = SHA-256 of the previous entry's hash and a
canonical text of its own content, in id order across the whole ledger (as
Odoo's inalterability hash). One row, `ledger_chain`, holds the head of the
chain: the last entry's id and hash. A posting locks that row first, so
postings are serialised on PostgreSQL too (SQLite's writer already holds the
database since BEGIN IMMEDIATE), takes the next ids itself and hashes its
rows in one pass before inserting them.

Month seals: closing a month records the month's totals and the hash of the
last entry dated up to its end; `check` recomputes both from the entries.

The functions read and write through plain Core tables with the money
columns as stored (exact minor units): the migration that chains the
existing ledger uses them as well, and a Decimal round trip per row would
only cost time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha256
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    case,
    column,
    func,
    select,
    table,
    text,
    update,
)

GENESIS = "0" * 64
HEAD_ID = 1

# ledger_entries with money as stored: kopiykas, cents, rate and markup × 10⁴
# (a Table of its own metadata, so `insert_rows` can write through it too)
_RAW = MetaData()
RAW_ENTRIES = Table(
    "ledger_entries",
    _RAW,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("account_id", Integer),
    Column("business_date", Date),
    Column("created_at", DateTime),
    Column("kind", String),
    Column("amount", BigInteger),
    Column("eur", BigInteger),
    Column("rate", BigInteger),
    Column("markup_percent", BigInteger),
    Column("reverses_id", BigInteger),
    Column("source_key", String),
    Column("author", String),
    Column("comment", String),
    Column("hash", String),
)
CHAIN = table(
    "ledger_chain",
    column("id", Integer),
    column("last_entry_id", BigInteger),
    column("last_hash", String),
)
# The content of an entry, in the order it is hashed.
CONTENT = (
    "id",
    "account_id",
    "business_date",
    "kind",
    "amount",
    "eur",
    "rate",
    "markup_percent",
    "reverses_id",
    "source_key",
    "author",
    "comment",
    "created_at",
)


@dataclass(frozen=True)
class Head:
    """The end of the chain: the last entry's id (0 for an empty ledger) and hash."""

    last_id: int
    last_hash: str


@dataclass(frozen=True)
class MonthSeal:
    """What a closing records of its month's entries (amounts in kopiykas)."""

    entries: int
    credit: int  # sum of the positive amounts dated in the month
    debit: int  # sum of the negative amounts dated in the month (≤ 0)
    last_entry_id: int | None  # the last entry (by id) dated up to the month's end
    last_hash: str | None


def entry_hash(previous: str, content: dict[str, Any]) -> str:
    """SHA-256 of the previous hash and the entry's content (by column name)."""
    return hash_values(previous, [content[name] for name in CONTENT])


def hash_values(previous: str, values: Sequence[Any]) -> str:
    """SHA-256 of the previous hash and the content in `CONTENT` order.

    The values are as stored: ids and minor units as int (None where NULL),
    the business date a `date`, created_at a `datetime`, text as str or None.
    Text goes length-prefixed, so no comment or key can pass for another
    field. A plain f-string: a million entries are hashed on every `check`,
    and json.dumps cost two to three times as much per row."""
    (
        entry_id,
        account_id,
        business_date,
        kind,
        amount,
        eur,
        rate,
        markup,
        reverses_id,
        source_key,
        author,
        comment,
        created_at,
    ) = values
    content = (
        f"{previous}|{entry_id}|{account_id}|{_day_text(business_date)}|{_text(kind)}"
        f"|{amount}|{eur}|{rate}|{markup}|{reverses_id}|{_text(source_key)}"
        f"|{_text(author)}|{_text(comment)}|{_moment_text(created_at)}"
    )
    return sha256(content.encode()).hexdigest()


# Entries share few dates and posting times (a posting stamps all its rows
# alike): remembering their text saves most of the formatting per row.
@lru_cache(maxsize=4096)
def _day_text(day: dt.date) -> str:
    return day.isoformat()


@lru_cache(maxsize=4096)
def _moment_text(moment: dt.datetime) -> str:
    return moment.isoformat(" ")


def _text(value: str | None) -> str:
    return "-" if value is None else f"{len(value)}:{value}"


def lock_head(connection: Connection) -> Head:
    """Take the chain head for this transaction (PostgreSQL: a row lock held
    to commit, so one posting at a time extends the chain) and return it."""
    statement = select(CHAIN.c.last_entry_id, CHAIN.c.last_hash).where(CHAIN.c.id == HEAD_ID)
    if connection.dialect.name == "postgresql":
        statement = statement.with_for_update()
    row = connection.execute(statement).one_or_none()
    if row is None:
        raise RuntimeError("the ledger's chain head is missing: run `backoffice init`")
    return Head(int(row.last_entry_id or 0), row.last_hash)


def next_id(connection: Connection, head: Head) -> int:
    """New ids follow the larger of the head and the table's own last id: a
    row put in by hand below the services must not make the next posting
    fail on its id (`check` names that row instead)."""
    top = connection.execute(select(func.max(RAW_ENTRIES.c.id))).scalar()
    return max(head.last_id, int(top or 0)) + 1


class Link:
    """Extends the chain from `head`, ids from `first_id` on; after the rows
    have passed, `last_id` and `last_hash` are the new head."""

    def __init__(self, head: Head, first_id: int) -> None:
        self.last_id = head.last_id
        self.last_hash = head.last_hash
        self._next_id = first_id

    def extend(self, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """Give each row (content as stored, see `hash_values`) its id and
        hash, in order; `rows` may be a generator and is read once."""
        for row in rows:
            row["id"] = self.last_id = self._next_id
            row["hash"] = self.last_hash = entry_hash(self.last_hash, row)
            self._next_id += 1
            yield row


def save_head(connection: Connection, last_id: int, last_hash: str) -> None:
    connection.execute(
        update(CHAIN)
        .where(CHAIN.c.id == HEAD_ID)
        .values(last_entry_id=last_id, last_hash=last_hash)
    )
    if connection.dialect.name == "postgresql":
        # ids are given here, not drawn from the sequence: keep it past them
        # for anything that inserts without an id
        connection.execute(
            text("SELECT setval(pg_get_serial_sequence('ledger_entries', 'id'), :last)"),
            {"last": last_id},
        )


def month_seal(connection: Connection, start: dt.date, end: dt.date) -> MonthSeal:
    """The seal of the month [start, end) as the entries stand now."""
    e = RAW_ENTRIES.c
    in_month = (e.business_date >= start, e.business_date < end)
    credit = func.sum(case((e.amount > 0, e.amount), else_=0))
    count, credit_total, debit_total = connection.execute(
        select(
            func.count(),
            func.coalesce(credit, 0),
            func.coalesce(func.sum(e.amount), 0) - func.coalesce(credit, 0),
        ).where(*in_month)
    ).one()
    last = connection.execute(
        select(e.id, e.hash).where(e.business_date < end).order_by(e.id.desc()).limit(1)
    ).one_or_none()
    return MonthSeal(
        int(count),
        int(credit_total),
        int(debit_total),
        int(last.id) if last else None,
        last.hash if last else None,
    )


def stream_entries(connection: Connection, batch: int = 20_000) -> Iterator[Any]:
    """Every entry's content and hash in id order, a batch at a time (no ORM
    objects: a million rows must pass in seconds)."""
    result = connection.execution_options(yield_per=batch).execute(
        select(*[RAW_ENTRIES.c[name] for name in CONTENT], RAW_ENTRIES.c.hash).order_by(
            RAW_ENTRIES.c.id
        )
    )
    yield from result


__all__ = [
    "GENESIS",
    "Head",
    "Link",
    "MonthSeal",
    "entry_hash",
    "hash_values",
    "lock_head",
    "month_seal",
    "next_id",
    "save_head",
    "stream_entries",
]

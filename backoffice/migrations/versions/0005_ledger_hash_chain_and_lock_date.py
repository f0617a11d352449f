"""ledger hash chain, month seals in the closing journal, lock date guard

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

The books prove themselves (SPEC §4): every ledger entry gets `hash`, the
chain head gets its own row, and each closed month's journal row its seal
(count, credit and debit of its entries, the last entry dated up to its end
with its hash). Existing entries are chained in id order and existing
closed months sealed as they stand, so `check` passes on an upgraded
database and fails from then on if anything is rewritten.

The database's own guard now treats closed months as a prefix of time: no
entry dated in or before the last closed month, whatever client writes.
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from backoffice.services import chain

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_PAGE = 20_000

PG_PREFIX_GUARD = """
CREATE OR REPLACE FUNCTION ledger_entries_months_open() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_locked text;
  first_day date;
BEGIN
  SELECT max(month) INTO last_locked FROM month_locks;
  IF last_locked IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT min(business_date) INTO first_day FROM new_entries;
  IF to_char(first_day, 'YYYY-MM') <= last_locked THEN
    RAISE EXCEPTION 'month % is locked: no entry may be dated in or before a closed month (%)',
      last_locked, first_day;
  END IF;
  RETURN NULL;
END $$
"""

PG_MONTH_GUARD = """
CREATE OR REPLACE FUNCTION ledger_entries_months_open() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_day date;
  last_day date;
  locked text;
BEGIN
  SELECT min(business_date), max(business_date) INTO first_day, last_day FROM new_entries;
  SELECT m.month INTO locked FROM month_locks m
  WHERE m.month BETWEEN to_char(first_day, 'YYYY-MM') AND to_char(last_day, 'YYYY-MM')
    AND EXISTS (SELECT 1 FROM new_entries n WHERE to_char(n.business_date, 'YYYY-MM') = m.month)
  ORDER BY m.month
  LIMIT 1;
  IF locked IS NOT NULL THEN
    RAISE EXCEPTION 'month % is locked: no entry may be dated in a closed month', locked;
  END IF;
  RETURN NULL;
END $$
"""

SQLITE_PREFIX_GUARD = """CREATE TRIGGER ledger_entries_month_lock BEFORE INSERT ON ledger_entries
    WHEN EXISTS (SELECT 1 FROM month_locks WHERE month >= substr(NEW.business_date, 1, 7))
    BEGIN SELECT RAISE(ABORT,
      'month is locked: no entry may be dated in or before a closed month'); END"""

SQLITE_MONTH_GUARD = """CREATE TRIGGER ledger_entries_month_lock BEFORE INSERT ON ledger_entries
    WHEN EXISTS (SELECT 1 FROM month_locks WHERE month = substr(NEW.business_date, 1, 7))
    BEGIN SELECT RAISE(ABORT, 'month is locked: no entry may be dated in a closed month'); END"""

SQLITE_NO_UPDATE = """CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: post a reversal instead'); END"""


def upgrade() -> None:
    op.add_column("ledger_entries", sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_table(
        "ledger_chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "last_entry_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_chain")),
    )
    op.add_column("closings", sa.Column("entries", sa.BigInteger(), nullable=True))
    op.add_column("closings", sa.Column("credit", sa.BigInteger(), nullable=True))
    op.add_column("closings", sa.Column("debit", sa.BigInteger(), nullable=True))
    op.add_column(
        "closings",
        sa.Column(
            "last_entry_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
    )
    op.add_column("closings", sa.Column("last_hash", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    last_id, last_hash = _chain_existing_entries(connection)
    connection.execute(
        sa.text("INSERT INTO ledger_chain (id, last_entry_id, last_hash) VALUES (1, :id, :hash)"),
        {"id": last_id, "hash": last_hash},
    )
    _seal_closed_months(connection)
    _replace_month_guard(connection, prefix=True)


def _chain_existing_entries(connection: sa.Connection) -> tuple[int | None, str]:
    """Hash every entry in id order, a page at a time; the append-only
    guard is lifted for this one UPDATE of the new column only."""
    postgres = connection.dialect.name == "postgresql"
    if postgres:
        connection.exec_driver_sql(
            "ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_no_change"
        )
    else:
        connection.exec_driver_sql("DROP TRIGGER ledger_entries_no_update")
    e = chain.RAW_ENTRIES.c
    previous, after, last_id = chain.GENESIS, 0, None
    while True:
        rows = connection.execute(
            sa.select(*[e[name] for name in chain.CONTENT])
            .where(e.id > after)
            .order_by(e.id)
            .limit(_PAGE)
        ).all()
        if not rows:
            break
        hashes = []
        for row in rows:
            previous = chain.hash_values(previous, row)
            hashes.append((row.id, previous))
        _store_hashes(connection, hashes)
        after = last_id = rows[-1].id
    if postgres:
        connection.exec_driver_sql(
            "ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_no_change"
        )
    else:
        connection.exec_driver_sql(SQLITE_NO_UPDATE)
    return last_id, previous


def _store_hashes(connection: sa.Connection, hashes: list[tuple[int, str]]) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(
            sa.text(
                "UPDATE ledger_entries AS e SET hash = d.hash"
                " FROM unnest(CAST(:ids AS bigint[]), CAST(:hashes AS varchar[])) AS d(id, hash)"
                " WHERE e.id = d.id"
            ),
            {"ids": [i for i, _ in hashes], "hashes": [h for _, h in hashes]},
        )
        return
    connection.execute(
        sa.text("UPDATE ledger_entries SET hash = :hash WHERE id = :id"),
        [{"id": i, "hash": h} for i, h in hashes],
    )


def _seal_closed_months(connection: sa.Connection) -> None:
    """A journal row with its seal for every month closed now; a month
    locked without a journal row (`months lock`) gets one with zero counts."""
    locked = connection.execute(sa.text("SELECT month, locked_at, locked_by FROM month_locks"))
    for month, locked_at, locked_by in locked.all():
        year, mon = int(month[:4]), int(month[5:7])
        first = dt.date(year, mon, 1)
        end = dt.date(year + mon // 12, mon % 12 + 1, 1)
        seal = chain.month_seal(connection, first, end)
        values = {
            "month": month,
            "entries": seal.entries,
            "credit": seal.credit,
            "debit": seal.debit,
            "last_id": seal.last_entry_id,
            "last_hash": seal.last_hash,
        }
        exists = connection.execute(
            sa.text("SELECT 1 FROM closings WHERE month = :month"), {"month": month}
        ).scalar()
        if not exists:
            connection.execute(
                sa.text(
                    "INSERT INTO closings (month, closed_at, closed_by, accounts, acts,"
                    " total_uah, summary) VALUES (:month, :at, :by, 0, 0, 0, '{}')"
                ),
                {"month": month, "at": locked_at, "by": locked_by},
            )
        connection.execute(
            sa.text(
                "UPDATE closings SET entries = :entries, credit = :credit, debit = :debit,"
                " last_entry_id = :last_id, last_hash = :last_hash WHERE month = :month"
            ),
            values,
        )


def _replace_month_guard(connection: sa.Connection, *, prefix: bool) -> None:
    if connection.dialect.name == "postgresql":
        op.execute(PG_PREFIX_GUARD if prefix else PG_MONTH_GUARD)
        return
    op.execute("DROP TRIGGER ledger_entries_month_lock")
    op.execute(SQLITE_PREFIX_GUARD if prefix else SQLITE_MONTH_GUARD)


def downgrade() -> None:
    connection = op.get_bind()
    _replace_month_guard(connection, prefix=False)
    for name in ("last_hash", "last_entry_id", "debit", "credit", "entries"):
        op.execute(f"ALTER TABLE closings DROP COLUMN {name}")
    op.drop_table("ledger_chain")
    op.execute("ALTER TABLE ledger_entries DROP COLUMN hash")

"""fixed documents: a snapshot of every issued invoice and act

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

An issued invoice or act states what it states for good (SPEC §10, §11): the
table `document_snapshots` keeps each one's record as canonical JSON with its
SHA-256, and every print reads it from there. The documents issued before
this version get theirs here, as they print today (from today's settings and
client cards: the earlier wording is not recorded anywhere else), and an
audit row says so.
"""

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


class _Work:
    """What the snapshot builders need of a unit of work, on the migration's connection."""

    def __init__(self, connection: sa.Connection) -> None:
        self.session = Session(bind=connection)
        self.dialect = connection.dialect.name
        self.actor = "migration 0006"


def upgrade() -> None:
    op.create_table(
        "document_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_snapshots")),
        sa.UniqueConstraint("kind", "number", name=op.f("uq_document_snapshots_kind_number")),
    )
    _snapshot_existing(op.get_bind())


def _snapshot_existing(connection: sa.Connection) -> None:
    # the services' own builders, so an old document prints as it did before
    from backoffice.services import snapshots

    work = _Work(connection)
    try:
        counts = {}
        for kind, table in (("invoice", "invoices"), ("act", "acts")):
            numbers = list(
                connection.execute(sa.text(f"SELECT number FROM {table} ORDER BY id")).scalars()
            )
            counts[kind] = snapshots.fix_documents(
                work,  # type: ignore[arg-type]
                kind,
                numbers,
                source="migration",
            )
        work.session.flush()
    finally:
        work.session.close()
    if counts["invoice"] or counts["act"]:
        connection.execute(
            sa.text(
                "INSERT INTO audit_log (at, actor, action, subject, before, after) "
                "VALUES (:at, :actor, :action, :subject, NULL, :after)"
            ),
            {
                "at": dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
                "actor": "migration 0006",
                "action": "documents.snapshot",
                "subject": "documents issued before snapshots",
                "after": json.dumps(
                    {
                        "invoices": counts["invoice"],
                        "acts": counts["act"],
                        "note": "snapshots taken at the upgrade from today's settings and "
                        "client cards, as these documents printed then",
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            },
        )


def downgrade() -> None:
    op.drop_table("document_snapshots")

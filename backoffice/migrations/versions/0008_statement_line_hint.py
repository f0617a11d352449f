"""statement lines keep a hint of what an unmatched credit looks like

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

Credits are no longer skipped by guessing from words ("комісія", "банк"): a
currency sale's proceeds were lost that way. Such a credit now waits in the
unmatched queue with a hint ('bank', 'budget', 'reversal') that the
accountant can ignore one by one or all at once. Existing lines get ''.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN on both databases: SQLite keeps the table and its partial index
    op.add_column(
        "statement_lines", sa.Column("hint", sa.String(20), nullable=False, server_default="")
    )


def downgrade() -> None:
    with op.batch_alter_table("statement_lines") as batch:
        batch.drop_column("hint")

"""service periods: debits recognised on the acts of the months they cover

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

SPEC §11: an act states only what was rendered in its month. A debit for a
period reaching past its month gets a row here (its period, and where it ended
early); the closing splits it over the months by days. act_lines gets an index
on entry_id: the closing sums what earlier acts stated of each such debit.
Existing debits get no row, so they stay as their acts already state them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ENTRY_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "service_periods",
        sa.Column("entry_id", ENTRY_ID, nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("rendered_until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_service_periods_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["ledger_entries.id"],
            name=op.f("fk_service_periods_entry_id_ledger_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_service_periods_subscription_id_subscriptions"),
        ),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_service_periods")),
    )
    op.create_index(
        op.f("ix_service_periods_account_id"), "service_periods", ["account_id"], unique=False
    )
    op.create_index(
        op.f("ix_service_periods_ends_on"), "service_periods", ["ends_on"], unique=False
    )
    op.create_index(op.f("ix_act_lines_entry_id"), "act_lines", ["entry_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_act_lines_entry_id"), table_name="act_lines")
    op.drop_index(op.f("ix_service_periods_ends_on"), table_name="service_periods")
    op.drop_index(op.f("ix_service_periods_account_id"), table_name="service_periods")
    op.drop_table("service_periods")

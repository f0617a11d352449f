"""the audit log names the workstation and is append-only

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-07

Every write is traced to who, when and from which workstation (SPEC §14).
The database itself refuses to change or remove an audit record, whatever
client writes, as it does for the ledger. Existing records get '' for the
workstation: where they were written from was never known.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

APPEND_ONLY = "the audit log is append-only: its records are never changed or removed"

SQLITE_GUARDS = [
    f"""CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END""",
]

POSTGRES_GUARDS = [
    f"""CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$""",
    """CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()""",
]


def upgrade() -> None:
    # a plain ADD COLUMN on both databases: SQLite keeps the table and its index
    op.add_column(
        "audit_log",
        sa.Column("workstation", sa.String(120), nullable=False, server_default=""),
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRES_GUARDS if postgres else SQLITE_GUARDS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER audit_log_no_change ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    else:
        op.execute("DROP TRIGGER audit_log_no_delete")
        op.execute("DROP TRIGGER audit_log_no_update")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("workstation")

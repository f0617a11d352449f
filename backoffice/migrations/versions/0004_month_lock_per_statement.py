"""month lock checked once per statement on PostgreSQL

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

The guard that refuses ledger entries dated in a locked month ran a query per
inserted row on PostgreSQL (a BEFORE INSERT row trigger): some fifteen
microseconds each, a second and a half for the 100,000 renewals of a daily
run. It now runs once per statement, over the statement's new rows (an AFTER
INSERT statement trigger with a transition table): an exception there undoes
the whole statement just the same. SQLite keeps its row trigger, which costs
it nothing like that.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATEMENT_GUARD = """
CREATE FUNCTION ledger_entries_months_open() RETURNS trigger LANGUAGE plpgsql AS $$
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

ROW_GUARD = """
CREATE FUNCTION ledger_entries_month_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM month_locks WHERE month = to_char(NEW.business_date, 'YYYY-MM'))
  THEN RAISE EXCEPTION 'month % is locked: no entry may be dated in a closed month',
         to_char(NEW.business_date, 'YYYY-MM');
  END IF;
  RETURN NEW;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER ledger_entries_month_lock ON ledger_entries")
    op.execute("DROP FUNCTION ledger_entries_month_open()")
    op.execute(STATEMENT_GUARD)
    op.execute(
        "CREATE TRIGGER ledger_entries_month_lock AFTER INSERT ON ledger_entries "
        "REFERENCING NEW TABLE AS new_entries "
        "FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_months_open()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER ledger_entries_month_lock ON ledger_entries")
    op.execute("DROP FUNCTION ledger_entries_months_open()")
    op.execute(ROW_GUARD)
    op.execute(
        "CREATE TRIGGER ledger_entries_month_lock BEFORE INSERT ON ledger_entries "
        "FOR EACH ROW EXECUTE FUNCTION ledger_entries_month_open()"
    )

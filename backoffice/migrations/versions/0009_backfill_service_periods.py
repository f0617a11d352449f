"""service periods of the debits posted before they were recorded

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

SPEC §11: a debit for a period reaching past its month is split over the
months it covers. Debits posted before version 0007 have no period row, so
the act of their month would state them whole. Here the debits of months not
closed yet get the period their own text states (`Тариф «…» за
01.09.2026–30.11.2026`, as `plan_service_text` writes it for activations and
renewals), by the rule new debits follow (`reaches_past_its_month`); a debit
already stated by an act (a closed month's) is left as its act states it, so
closed months' acts are untouched and no later act states it again. An audit
row says how many were backfilled and how many could not be (no period in
their text).
"""

import datetime as dt
import json
import re

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

PERIOD = re.compile(r"за (\d\d)\.(\d\d)\.(\d{4})–(\d\d)\.(\d\d)\.(\d{4})$")


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def period_of(comment: str | None) -> tuple[dt.date, dt.date] | None:
    """[start, end) from the debit's text, or None."""
    found = PERIOD.search((comment or "").strip())
    if found is None:
        return None
    d1, m1, y1, d2, m2, y2 = (int(x) for x in found.groups())
    try:
        start, last = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
    except ValueError:
        return None
    return (start, last + dt.timedelta(days=1)) if last >= start else None


def upgrade() -> None:
    connection = op.get_bind()
    # the debits of months without a closing, not stated by any act, without a period
    rows = connection.execute(
        sa.text(
            """
            SELECT e.id, e.account_id, e.business_date, e.comment, e.source_key
            FROM ledger_entries e
            WHERE e.kind IN ('debit_activation', 'debit_renewal')
              AND NOT EXISTS (SELECT 1 FROM service_periods p WHERE p.entry_id = e.id)
              AND NOT EXISTS (SELECT 1 FROM act_lines l WHERE l.entry_id = e.id)
            ORDER BY e.id
            """
        )
    ).all()
    locked = set(connection.execute(sa.text("SELECT month FROM month_locks")).scalars())
    periods: list[dict[str, object]] = []
    unreadable = 0
    for entry_id, account_id, posted, comment, source_key in rows:
        posted = posted if isinstance(posted, dt.date) else dt.date.fromisoformat(str(posted))
        if f"{posted:%Y-%m}" in locked:
            continue  # a closed month: its act, as issued, stands
        period = period_of(comment)
        if period is None:
            unreadable += 1
            continue
        start, end = period
        if end <= _next_month(posted):
            continue  # inside its month: its act states it whole, as a new one's
        parts = (source_key or "").split(":")
        subscription = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        periods.append(
            {
                "entry_id": entry_id,
                "account_id": account_id,
                "subscription_id": subscription,
                "starts_on": start,
                "ends_on": end,
            }
        )
    table = sa.table(
        "service_periods",
        sa.column("entry_id"),
        sa.column("account_id"),
        sa.column("subscription_id"),
        sa.column("starts_on", sa.Date()),
        sa.column("ends_on", sa.Date()),
    )
    for start in range(0, len(periods), 5_000):
        connection.execute(sa.insert(table), periods[start : start + 5_000])
    if periods or unreadable:
        connection.execute(
            sa.text(
                "INSERT INTO audit_log (at, actor, action, subject, before, after) "
                "VALUES (:at, :actor, :action, :subject, NULL, :after)"
            ),
            {
                "at": dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
                "actor": "migration 0009",
                "action": "recognition.backfill",
                "subject": "service periods of debits posted before they were recorded",
                "after": json.dumps(
                    {
                        "backfilled": len(periods),
                        "without_period_text": unreadable,
                        "note": "debits of months not closed, not on any act; "
                        "closed months' acts untouched",
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            },
        )


def downgrade() -> None:
    # the rows are indistinguishable from those recorded at posting, and 0007
    # drops the table itself: nothing to undo here
    pass

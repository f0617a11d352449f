"""Which bank payment a top-up came from, so the window can take it back.

A top-up posted from a statement line (by a matching rule or by hand) is
undone with `statements.unassign_line`, which also returns the payment to the
unmatched queue; a plain reversal would leave the line "posted" forever.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import StatementBatch, StatementLine


@dataclass(frozen=True)
class AssignedPayment:
    """A statement line whose top-up is still on an account."""

    line_id: int
    entry_id: int
    value_date: dt.date
    amount: Decimal
    payer: str
    file_name: str
    line_no: int


def assigned_payment(uow: UnitOfWork, entry_id: int) -> AssignedPayment | None:
    """The payment whose top-up is `entry_id`, or None for any other entry."""
    row = uow.session.execute(
        select(StatementLine, StatementBatch.file_name)
        .join(StatementBatch, StatementBatch.id == StatementLine.batch_id)
        .where(StatementLine.entry_id == entry_id, StatementLine.status == "posted")
    ).one_or_none()
    if row is None:
        return None
    line, file_name = row
    return AssignedPayment(
        line.id,
        entry_id,
        line.value_date,
        line.amount,
        line.payer_name,
        file_name,
        line.line_no,
    )

"""Return payment to the queue… : undo a wrong assignment of a bank payment.

Offered instead of a plain reversal when the ledger entry chosen is a top-up
made from a statement line: `statements.unassign_line` reverses it (with the
reason) and puts the payment back among the unmatched ones, to be assigned
again, as `backoffice statements unassign` does.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from backoffice.db.engine import UnitOfWork
from backoffice.domain import PostedEntry
from backoffice.services.assigned_payments import AssignedPayment
from backoffice.services.statements import unassign_line
from ui.format import format_amount
from ui.reason_dialog import ReasonDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlalchemy import Engine

_CONTEXT = "UnassignDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def unassign_dialog(
    parent: QWidget, engine: Engine, entry: PostedEntry, payment: AssignedPayment
) -> ReasonDialog:
    """The confirmation with a reason; OK unassigns in one unit of work."""

    def apply(day: dt.date, reason: str) -> None:
        with UnitOfWork(engine) as uow:
            unassign_line(uow, payment.line_id, day, reason)
            uow.commit()

    return ReasonDialog(
        parent,
        title=_tr("Return payment to the queue"),
        what=_tr(
            "The top-up of <b>{amount} UAH</b> from {payer} ({file}, line {line}) "
            "posted to account <b>{account}</b> will be reversed, and the payment "
            "goes back to the unmatched payments to be assigned again."
        ).format(
            amount=format_amount(payment.amount),
            payer=html.escape(payment.payer),
            file=html.escape(payment.file_name),
            line=payment.line_no,
            account=entry.account,
        ),
        ok_text=_tr("&Return to queue"),
        keep_text=_tr("&Keep top-up"),
        apply=apply,
        today=max(dt.date.today(), entry.business_date),
        placeholder=_tr("e.g. posted to the wrong client"),
    )

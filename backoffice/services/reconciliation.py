"""Акт звірки взаєморозрахунків (SPEC §13): the account's settlements with
the client in a period, from our books, as a `ReconciliationDocument`.

What the client owes is what we rendered (acts) less what it paid, so the
statement's rows are:
- every live monthly act of the account, by its number and date: the
  services of a closed month, as the act states them (a period paid in
  advance comes month by month, SPEC §11);
- the service debits of months not closed yet (no act yet), each cited by
  its kind in words and its date;
- payments by their payment order's number, bonuses, refunds, expiries,
  reversals and corrections, each by what it is and its date.
A migrated client's opening balance (kind opening_balance) is part of the
opening balance, never a row. The opening balance is the same rows summed
over all time before the period, so opening + debits − credits = closing
by construction; with every month closed, the closing balance is the
account's balance plus its prepayment not yet rendered, sign turned.

A statement given to the client is issued (`issue_statement`): it gets a
number (`АЗ-2026-000001`, counter `reconciliation:YEAR`) and its content is
fixed as a snapshot with its hash, like invoices and acts (SPEC §10); every
later print renders that snapshot (`issued_statement`) and `check` proves it
unchanged. The snapshots are the statements' register: issuing the same
account and period again with the same content gives the same statement.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Act,
    Client,
    DocumentSnapshot,
    LedgerEntry,
    ServicePeriod,
    StatementLine,
)
from backoffice.documents import snapshot
from backoffice.documents.records import ReconciliationDocument, ReconciliationRow
from backoffice.domain import EntryKind
from backoffice.errors import InputError, NotFound
from backoffice.permissions import Permission, require
from backoffice.services import audit, documents, ledger, months, sequences, snapshots

ZERO = Decimal("0.00")
SERVICE_KINDS = frozenset(str(k) for k in documents.SERVICE_KINDS) | {"refund_proration"}
PAYMENT_KINDS = frozenset({"topup_bank", "topup_processor"})

# What a row without a document of its own is called, by the entry's kind.
ROW_WORDS: dict[str, str] = {
    "debit_activation": "Списання: активація тарифу",
    "debit_renewal": "Списання: продовження тарифу",
    "debit_option": "Списання: додаткові опції",
    "debit_overage": "Списання: перевищення обсягу",
    "debit_daily": "Списання: щоденна плата",
    "refund_proration": "Повернення за невикористані дні",
    "topup_bank": "Оплата",
    "topup_processor": "Оплата через платіжний сервіс",
    "topup_manual": "Поповнення",
    "bonus": "Бонус за передоплату",
    "expiry": "Списання залишку після 12 місяців без поповнень",
    "reversal": "Сторно",
    "correction": "Коригування",
}


def reconciliation_document(
    uow: UnitOfWork, account_number: str, date_from: dt.date, date_to: dt.date
) -> ReconciliationDocument:
    if date_from > date_to:
        raise InputError(f"period from {date_from} is after to {date_to}")
    account = ledger.find_account(uow, account_number)
    client = uow.session.get(Client, account.client_id)
    assert client is not None
    dated = _rows(uow, account.id, date_to)
    opening = sum((r.debit - r.credit for r in dated if r.date < date_from), ZERO)
    opening += _opening_balance(uow, account.id, date_to)
    rows = [r for r in dated if r.date >= date_from]
    closing = opening + sum((r.debit - r.credit for r in rows), ZERO)
    return ReconciliationDocument(
        supplier=documents.supplier(uow),
        buyer=documents.buyer(uow, client),
        contract=documents.contract_text(client),
        period_from=date_from,
        period_to=date_to,
        opening_balance=opening,
        rows=rows,
        closing_balance=closing,
        place=documents.place(uow),
        account_number=account.number,
    )


def _opening_balance(uow: UnitOfWork, account_id: int, date_to: dt.date) -> Decimal:
    """A migrated client's opening balance, as what it means for the
    settlements: money of the client's (a credit), or its debt."""
    total = uow.session.execute(
        select(func.sum(LedgerEntry.amount)).where(
            LedgerEntry.account_id == account_id,
            LedgerEntry.kind == EntryKind.OPENING_BALANCE.value,
            LedgerEntry.business_date <= date_to,
        )
    ).scalar()
    return -(total or ZERO)


def _rows(uow: UnitOfWork, account_id: int, date_to: dt.date) -> list[ReconciliationRow]:
    """Every row up to `date_to`, in date order (acts first on a day)."""
    acts = uow.session.execute(
        select(Act.month, Act.number, Act.act_date, Act.total_uah).where(
            Act.account_id == account_id,
            Act.cancelled_at.is_(None),
            Act.order_id.is_(None),
            Act.act_date <= date_to,
        )
    ).all()
    with_act = {month for month, *_ in acts}
    locked = set(months.locked_months(uow))
    original = aliased(LedgerEntry)
    entries = uow.session.execute(
        select(
            LedgerEntry.id,
            LedgerEntry.business_date,
            LedgerEntry.kind,
            LedgerEntry.amount,
            original.kind,
            ServicePeriod.entry_id,
        )
        .outerjoin(original, original.id == LedgerEntry.reverses_id)
        .outerjoin(
            ServicePeriod,
            ServicePeriod.entry_id == func.coalesce(LedgerEntry.reverses_id, LedgerEntry.id),
        )
        .where(
            LedgerEntry.account_id == account_id,
            LedgerEntry.business_date <= date_to,
            LedgerEntry.kind != EntryKind.OPENING_BALANCE.value,
        )
        .order_by(LedgerEntry.business_date, LedgerEntry.id)
    ).all()
    orders = _payment_orders(uow, [e.id for e in entries if e.kind in PAYMENT_KINDS])
    found: list[tuple[dt.date, int, ReconciliationRow]] = [
        (
            act_date,
            0,
            ReconciliationRow(act_date, f"Акт надання послуг № {number}", debit=total),
        )
        for _, number, act_date, total in acts
    ]
    for entry_id, day, kind, amount, original_kind, period in entries:
        service = kind in SERVICE_KINDS or (kind == "reversal" and original_kind in SERVICE_KINDS)
        month = f"{day:%Y-%m}"
        if service and (month in with_act or (period is not None and month in locked)):
            continue  # stated by an act (a period's portions come on later acts)
        text = _words(kind, original_kind, orders.get(entry_id))
        row = (
            ReconciliationRow(day, text, debit=-amount)
            if amount < 0
            else ReconciliationRow(day, text, credit=amount)
        )
        found.append((day, entry_id, row))
    found.sort(key=lambda r: (r[0], r[1]))
    return [row for _, _, row in found]


def _words(kind: str, original_kind: str | None, order: str | None) -> str:
    """`Платіжне доручення № 123`, `Списання: продовження тарифу`: what the
    row is (its date stands beside it), never a ledger comment."""
    if kind in PAYMENT_KINDS and order:
        return f"Платіжне доручення № {order}"
    if kind == "reversal" and original_kind:
        return f"Сторно: {ROW_WORDS.get(original_kind, 'операція').lower()}"
    return ROW_WORDS.get(kind, "Операція")


def _payment_orders(uow: UnitOfWork, entry_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(entry_ids), 5_000):
        chunk = entry_ids[start : start + 5_000]
        for entry_id, number in uow.session.execute(
            select(StatementLine.entry_id, StatementLine.document_number).where(
                StatementLine.entry_id.in_(chunk), StatementLine.document_number != ""
            )
        ).all():
            if entry_id is not None:
                found[entry_id] = number
    return found


KIND = "reconcile"
"""The statements' snapshot kind."""
PATTERN = "АЗ-{year}-######"


def issue_statement(
    uow: UnitOfWork, account_number: str, date_from: dt.date, date_to: dt.date, day: dt.date
) -> ReconciliationDocument:
    """Issue the statement of the account for the period, drawn up on `day`:
    numbered and fixed. If a statement of the same account and period with
    the same content was issued before, that one is given again (so a
    repeated command issues nothing new)."""
    require(uow, Permission.PRINT_DOCUMENTS)
    drawn = reconciliation_document(uow, account_number, date_from, date_to)
    same = _issued_alike(uow, drawn)
    if same is not None:
        return same
    value = sequences.take_numbers(uow, f"reconciliation:{day.year}")
    number = sequences.format_number(PATTERN, value, year=day.year)
    doc = dataclasses.replace(drawn, number=number, date=day)
    sha = snapshots.fix_record(uow, KIND, number, doc)
    audit.record(
        uow,
        "reconciliation.issue",
        number,
        None,
        {
            "account": doc.account_number,
            "from": str(date_from),
            "to": str(date_to),
            "closing_balance": str(doc.closing_balance),
            "sha256": sha,
        },
    )
    return doc


def issued_statement(uow: UnitOfWork, number: str) -> ReconciliationDocument:
    """An issued statement as it was issued (its snapshot)."""
    require(uow, Permission.PRINT_DOCUMENTS)
    doc = snapshots.read_document(uow, KIND, number.strip())
    if doc is None:
        raise NotFound(f"reconciliation statement {number!r} was never issued")
    assert isinstance(doc, ReconciliationDocument)
    return doc


def _issued_alike(uow: UnitOfWork, drawn: ReconciliationDocument) -> ReconciliationDocument | None:
    """The latest statement issued for the same account and period stating
    what `drawn` states (its number and date aside), or None."""
    wanted = _content(snapshot.canonical(drawn))
    # few statements per account: their texts name the account
    bodies = uow.session.execute(
        select(DocumentSnapshot.body)
        .where(
            DocumentSnapshot.kind == KIND,
            DocumentSnapshot.body.contains(json.dumps(drawn.account_number, ensure_ascii=False)),
        )
        .order_by(DocumentSnapshot.id.desc())
    ).scalars()
    for body in bodies:
        if _content(body) == wanted:
            doc = snapshot.read(KIND, body)
            assert isinstance(doc, ReconciliationDocument)
            return doc
    return None


def _content(text: str) -> dict[str, object]:
    stated = json.loads(text)
    stated.pop("number", None)
    stated.pop("date", None)
    return stated


__all__ = ["issue_statement", "issued_statement", "reconciliation_document"]

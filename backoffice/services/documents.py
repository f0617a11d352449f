"""Documents from the books: invoice, act and reconciliation records.

The renderers in `backoffice.documents` never query; this module reads the
database and fills their plain records. The payment purpose printed on an
invoice is built here from the same numbers the statement import matches on.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import func, select

from backoffice.billing.periods import add_months
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    Act,
    Client,
    ClientEmail,
    LedgerEntry,
    StatementLine,
)
from backoffice.documents.numbers import format_amount, format_date
from backoffice.documents.records import (
    ActDocument,
    InvoiceDocument,
    Party,
    ReconciliationDocument,
    ReconciliationRow,
)
from backoffice.domain import ClientKind, EntryKind
from backoffice.errors import InputError, NotFound
from backoffice.permissions import Permission, require
from backoffice.services import invoices, ledger, settings, snapshots

SERVICE_KINDS = (
    EntryKind.DEBIT_ACTIVATION,
    EntryKind.DEBIT_RENEWAL,
    EntryKind.DEBIT_OPTION,
    EntryKind.DEBIT_OVERAGE,
    EntryKind.DEBIT_DAILY,
)


def supplier(uow: UnitOfWork) -> Party:
    values = settings.all_settings(uow)
    return Party(
        name=values["company.name"],
        code=values["company.edrpou"],
        code_label="ЄДРПОУ",
        iban=values["company.iban"],
        bank=values["company.bank"],
        address=values["company.address"],
        vat_payer=values["company.vat_payer"] == "true",
        ipn=values["company.ipn"],
        phone=values["company.phone"],
        email=values["company.email"],
        signer_name=values["company.director"],
        signer_title="Директор",
        accountant_name=values["company.accountant"],
    )


def buyer(uow: UnitOfWork, client: Client) -> Party:
    kind = ClientKind(client.kind)
    code, label = (
        (client.edrpou or "", "ЄДРПОУ")
        if kind is ClientKind.LEGAL
        else (client.rnokpp or "", "РНОКПП")
    )
    email = uow.session.execute(
        select(ClientEmail.email).where(ClientEmail.client_id == client.id).order_by(ClientEmail.id)
    ).scalar()
    return Party(
        name=client.name,
        code=code,
        code_label=label,
        address=client.address,
        vat_payer=client.vat_payer,
        ipn=client.ipn or "",
        email=email or "",
        signer_title="Фізична особа-підприємець" if kind is ClientKind.SOLE else "Директор",
        legal_entity=kind is not ClientKind.INDIVIDUAL,
    )


def contract_text(client: Client) -> str:
    if not client.contract_no:
        return ""
    date = f" від {format_date(client.contract_date)}" if client.contract_date else ""
    return f"№ {client.contract_no}{date}"


def place(uow: UnitOfWork) -> str:
    city = settings.get_setting(uow, "company.city")
    return f"м. {city}" if city and not city.startswith(("м.", "с.", "смт")) else city


def payment_purpose(number: str, account: str, total: Decimal, vat: Decimal | None) -> str:
    """The text the payer copies into the payment order; the statement import
    finds both numbers in it (`matching.numbers_in`)."""
    tax = f"у т.ч. ПДВ {format_amount(vat)} грн" if vat is not None else "без ПДВ"
    return f"Оплата за рахунком № {number}, особовий рахунок {account}, {tax}"


def invoice_document(uow: UnitOfWork, number: str) -> InvoiceDocument:
    """The invoice as it was issued (its snapshot), marked if cancelled since."""
    require(uow, Permission.PRINT_DOCUMENTS)
    invoice = invoices.by_number(uow, number)
    doc = snapshots.read_document(uow, "invoice", invoice.number)
    if doc is None:  # issued by a path that fixes nothing: as the books say now
        doc = snapshots.invoice_records(uow, [invoice.number])[invoice.number]
    assert isinstance(doc, InvoiceDocument)
    return replace(doc, cancelled=invoice.status == "cancelled")


def invoice_documents(uow: UnitOfWork, numbers: Sequence[str]) -> list[InvoiceDocument]:
    return [invoice_document(uow, number) for number in numbers]


def act_document(uow: UnitOfWork, number: str) -> ActDocument:
    """The act as it was issued (its snapshot), marked if cancelled since."""
    require(uow, Permission.PRINT_DOCUMENTS)
    act = uow.session.execute(select(Act).where(Act.number == number.strip())).scalar_one_or_none()
    if act is None:
        raise NotFound(f"act {number!r} does not exist")
    doc = snapshots.read_document(uow, "act", act.number)
    if doc is None:
        doc = snapshots.act_records(uow, [act.number])[act.number]
    assert isinstance(doc, ActDocument)
    return replace(doc, cancelled=act.cancelled_at is not None)


fix_document = snapshots.fix_document
fix_documents = snapshots.fix_documents


def act_numbers(uow: UnitOfWork, month: str) -> list[str]:
    return list(
        uow.session.execute(
            select(Act.number)
            .where(Act.month == month, Act.cancelled_at.is_(None))
            .order_by(Act.number)
        ).scalars()
    )


def reconciliation_document(
    uow: UnitOfWork, account_number: str, date_from: dt.date, date_to: dt.date
) -> ReconciliationDocument:
    """Акт звірки: the account's documents in the period, from our books.

    A prepaid balance is our debt to the client, so the statement's balance is
    the personal account's balance with the sign turned (records.py). A month
    whose act lies inside the period shows as that act; other service debits,
    and months not yet closed, show entry by entry."""
    if date_from > date_to:
        raise InputError(f"period from {date_from} is after to {date_to}")
    account = ledger.find_account(uow, account_number)
    client = uow.session.get(Client, account.client_id)
    assert client is not None
    opening = _balance_before(uow, account.id, date_from)
    entries = (
        uow.session.execute(
            select(LedgerEntry)
            .where(
                LedgerEntry.account_id == account.id,
                LedgerEntry.business_date >= date_from,
                LedgerEntry.business_date <= date_to,
            )
            .order_by(LedgerEntry.business_date, LedgerEntry.id)
        )
        .scalars()
        .all()
    )
    rows = _reconciliation_rows(uow, account.id, list(entries), date_from, date_to)
    closing = opening + sum((e.amount for e in entries), Decimal("0.00"))
    return ReconciliationDocument(
        supplier=supplier(uow),
        buyer=buyer(uow, client),
        contract=contract_text(client),
        period_from=date_from,
        period_to=date_to,
        opening_balance=-opening,
        rows=rows,
        closing_balance=-closing,
        place=place(uow),
        account_number=account.number,
    )


def _reconciliation_rows(
    uow: UnitOfWork,
    account_id: int,
    entries: list[LedgerEntry],
    date_from: dt.date,
    date_to: dt.date,
) -> list[ReconciliationRow]:
    acts = {
        act.month: act
        for act in uow.session.execute(
            select(Act).where(
                Act.account_id == account_id,
                Act.cancelled_at.is_(None),
                Act.order_id.is_(None),
                Act.act_date >= date_from,
                Act.act_date <= date_to,
            )
        ).scalars()
    }
    by_month: dict[str, list[LedgerEntry]] = defaultdict(list)
    for entry in entries:
        if entry.kind in SERVICE_KINDS:
            by_month[f"{entry.business_date:%Y-%m}"].append(entry)
    shown_as_act: set[int] = set()
    rows: list[tuple[dt.date, int, ReconciliationRow]] = []
    for month, act in acts.items():
        debits = by_month.get(month, [])
        start = dt.date.fromisoformat(f"{month}-01")
        whole_month = start >= date_from and add_months(start, 1) - dt.timedelta(1) <= date_to
        if whole_month and -sum((e.amount for e in debits), Decimal(0)) == act.total_uah:
            shown_as_act.update(e.id for e in debits)
            rows.append(
                (
                    act.act_date,
                    0,
                    ReconciliationRow(
                        act.act_date, f"Акт надання послуг № {act.number}", debit=act.total_uah
                    ),
                )
            )
    documents = _payment_documents(uow, [e.id for e in entries if e.kind in _TOPUP_KINDS])
    for entry in entries:
        if entry.id in shown_as_act:
            continue
        text = _entry_document(entry, documents.get(entry.id))
        if entry.amount < 0:
            row = ReconciliationRow(entry.business_date, text, debit=-entry.amount)
        else:
            row = ReconciliationRow(entry.business_date, text, credit=entry.amount)
        rows.append((entry.business_date, entry.id, row))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [row for _, _, row in rows]


_TOPUP_KINDS = (EntryKind.TOPUP_BANK, EntryKind.TOPUP_PROCESSOR)


def _entry_document(entry: LedgerEntry, payment_order: str | None) -> str:
    kind = EntryKind(entry.kind)
    if kind in _TOPUP_KINDS:
        return f"Платіжне доручення № {payment_order}" if payment_order else "Оплата"
    return {
        EntryKind.TOPUP_MANUAL: f"Поповнення: {entry.comment}",
        EntryKind.OPENING_BALANCE: "Вхідний залишок",
        EntryKind.BONUS: "Бонус за передоплату",
        EntryKind.REFUND_PRORATION: "Повернення за невикористані дні",
        EntryKind.EXPIRY: "Списання залишку після 12 місяців без поповнень",
        EntryKind.REVERSAL: f"Сторно: {entry.comment}",
        EntryKind.CORRECTION: f"Коригування: {entry.comment}",
    }.get(kind, entry.comment or str(kind))


def _payment_documents(uow: UnitOfWork, entry_ids: list[int]) -> dict[int, str]:
    if not entry_ids:
        return {}
    return {
        entry_id: number
        for entry_id, number in uow.session.execute(
            select(StatementLine.entry_id, StatementLine.document_number).where(
                StatementLine.entry_id.in_(entry_ids), StatementLine.document_number != ""
            )
        ).all()
        if entry_id is not None
    }


def _balance_before(uow: UnitOfWork, account_id: int, day: dt.date) -> Decimal:
    total = uow.session.execute(
        select(func.sum(LedgerEntry.amount)).where(
            LedgerEntry.account_id == account_id, LedgerEntry.business_date < day
        )
    ).scalar()
    return total if total is not None else Decimal("0.00")


def _account_and_client(uow: UnitOfWork, account_id: int) -> tuple[Account, Client]:
    account = uow.session.get(Account, account_id)
    assert account is not None
    client = uow.session.get(Client, account.client_id)
    assert client is not None
    return account, client

"""What a client card shows (SPEC §5): the ledger with a running balance read a
page at a time, the balance by day for the chart, the client's invoices,
acts, alerts and payments, and a correction posted with a reason.

Reads only, except `post_correction`, which goes through the ledger.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from backoffice import bounds, validation
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Act, Alert, LedgerEntry
from backoffice.domain import TOPUP_KINDS, EntryDraft, EntryKind, PostedEntry
from backoffice.errors import InputError
from backoffice.permissions import Permission, require
from backoffice.services import audit, ledger, subscriptions
from backoffice.services.subscriptions import SubscriptionView


@dataclass(frozen=True)
class LedgerLine:
    """An entry and the account's balance right after it (in date, id order)."""

    entry: PostedEntry
    balance_after: Decimal


@dataclass(frozen=True)
class LedgerQuery:
    """A page of one account's ledger, newest first (the PagedRecordModel's query)."""

    account_number: str
    sort: str = "date"
    descending: bool = True
    offset: int = 0
    limit: int | None = None
    only_topups: bool = False


@dataclass(frozen=True)
class LedgerSummary:
    count: int


def ledger_page(uow: UnitOfWork, query: LedgerQuery) -> list[LedgerLine]:
    """Entries with their running balance; the database sums (a window), so a
    page deep in a long ledger costs one query, not the whole ledger."""
    require(uow, Permission.READ_BOOKS)
    account = ledger.find_account(uow, query.account_number)
    running = (
        func.sum(LedgerEntry.amount)
        .over(order_by=(LedgerEntry.business_date, LedgerEntry.id))
        .label("running")
    )
    inner = (
        select(LedgerEntry.id.label("id"), LedgerEntry.kind.label("kind"), running)
        .where(LedgerEntry.account_id == account.id)
        .subquery()
    )
    entry = aliased(LedgerEntry)
    reversal = aliased(LedgerEntry)
    order = (entry.business_date, entry.id)
    statement = (
        select(entry, inner.c.running, reversal.id)
        .join(inner, inner.c.id == entry.id)
        .outerjoin(reversal, reversal.reverses_id == entry.id)
        .order_by(*(c.desc() for c in order) if query.descending else order)
        .offset(query.offset)
    )
    if query.only_topups:
        statement = statement.where(entry.kind.in_([str(k) for k in TOPUP_KINDS]))
    if query.limit is not None:
        statement = statement.limit(query.limit)
    return [
        LedgerLine(
            PostedEntry(
                id=e.id,
                account=account.number,
                business_date=e.business_date,
                kind=EntryKind(e.kind),
                amount=e.amount,
                eur=e.eur,
                rate=e.rate,
                markup_percent=e.markup_percent,
                reverses_id=e.reverses_id,
                reversed_by_id=reversed_by,
                author=e.author,
                comment=e.comment,
                created_at=e.created_at,
            ),
            _money(balance),
        )
        for e, balance, reversed_by in uow.session.execute(statement).all()
    ]


def ledger_summary(uow: UnitOfWork, query: LedgerQuery) -> LedgerSummary:
    account = ledger.find_account(uow, query.account_number)
    statement = select(func.count()).where(LedgerEntry.account_id == account.id)
    if query.only_topups:
        statement = statement.where(LedgerEntry.kind.in_([str(k) for k in TOPUP_KINDS]))
    return LedgerSummary(int(uow.session.execute(statement).scalar_one()))


def balance_by_day(uow: UnitOfWork, account_number: str) -> list[tuple[dt.date, Decimal]]:
    """The closing balance of every day with entries, oldest first (the chart)."""
    require(uow, Permission.READ_BOOKS)
    account = ledger.find_account(uow, account_number)
    rows = uow.session.execute(
        select(LedgerEntry.business_date, func.sum(LedgerEntry.amount))
        .where(LedgerEntry.account_id == account.id)
        .group_by(LedgerEntry.business_date)
        .order_by(LedgerEntry.business_date)
    ).all()
    out: list[tuple[dt.date, Decimal]] = []
    balance = Decimal("0.00")
    for day, total in rows:
        balance += _money(total)
        out.append((day, balance))
    return out


def _money(value: object) -> Decimal:
    # SUM keeps the column's type (kopiykas → Decimal UAH); a window over it may
    # come back raw on some drivers, so be sure of two places.
    if isinstance(value, Decimal):
        return value.quantize(Decimal("0.01"))
    if value is None:
        return Decimal("0.00")
    return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))  # type: ignore[call-overload]


@dataclass(frozen=True)
class ActRow:
    number: str
    date: dt.date
    month: str
    total: Decimal
    cancelled: bool


def account_acts(uow: UnitOfWork, account_number: str) -> list[ActRow]:
    account = ledger.find_account(uow, account_number)
    acts = uow.session.execute(
        select(Act).where(Act.account_id == account.id).order_by(Act.act_date.desc(), Act.id)
    ).scalars()
    return [
        ActRow(a.number, a.act_date, a.month, a.total_uah, a.cancelled_at is not None) for a in acts
    ]


@dataclass(frozen=True)
class AlertRow:
    day: dt.date
    code: str
    message: str
    sent_at: dt.datetime | None


def account_alerts(uow: UnitOfWork, account_number: str) -> list[AlertRow]:
    account = ledger.find_account(uow, account_number)
    alerts = uow.session.execute(
        select(Alert).where(Alert.account_id == account.id).order_by(Alert.day.desc(), Alert.id)
    ).scalars()
    return [AlertRow(a.day, a.code, a.message, a.sent_at) for a in alerts]


def subscription_summary(uow: UnitOfWork, account_number: str) -> SubscriptionView | None:
    account = ledger.find_account(uow, account_number)
    subscription = subscriptions.current_subscription(uow, account.id)
    return None if subscription is None else subscriptions.view_of(uow, subscription)


def post_correction(
    uow: UnitOfWork, account_number: str, amount: Decimal, business_date: dt.date, reason: str
) -> PostedEntry:
    """A correcting entry of either sign (an error found later that no single
    entry's reversal fixes); needs a reason, audited."""
    require(uow, Permission.POST_CORRECTION)
    amount = validation.amount(amount, what="correction amount")
    if amount == 0:
        raise InputError("a correction of 0.00 changes nothing")
    reason = validation.text(reason, what="reason", limit=bounds.MAX_REASON, required=True)
    account = ledger.find_account(uow, account_number)
    draft = EntryDraft(account.id, business_date, EntryKind.CORRECTION, amount, reason)
    result = ledger.post_entries(uow, [draft], return_ids=True)
    audit.record(
        uow,
        "ledger.correction",
        f"account {account.number}",
        None,
        {"amount": amount, "date": business_date, "reason": reason},
    )
    return ledger.entry_by_id(uow, result.ids[0])

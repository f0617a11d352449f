"""Invoices (SPEC §10): issue, number, pay, cancel, and the monthly invoice run.

An invoice states the UAH amount at the rate of its issue date; the debit is
made later at the rate of its own day, so the invoice also suggests an amount
with a margin (`invoice.margin_percent`). Numbers come from a per-year counter
taken inside the issuing transaction, so they have no gaps even when two
workstations issue at once; a cancelled invoice keeps its number.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    String,
    Table,
    bindparam,
    case,
    cast,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    update,
)

from backoffice import bounds, validation
from backoffice.billing.periods import add_months
from backoffice.billing.pricing import PeriodPrice, price_period
from backoffice.dates import written_date
from backoffice.db.among import among
from backoffice.db.bulk_insert import insert_rows
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    Charge,
    Client,
    Invoice,
    InvoiceLine,
    InvoicePayment,
    Subscription,
)
from backoffice.db.search import ESCAPE, contains_pattern, folded, typed_amount
from backoffice.documents.numbers import format_percent
from backoffice.domain import ClientKind
from backoffice.errors import BackofficeError, InputError, MissingRate, NotFound
from backoffice.money import eur_to_uah, money, round_half_up, to_minor
from backoffice.permissions import Permission, require
from backoffice.services import (
    audit,
    ledger,
    rates,
    sequences,
    settings,
    snapshots,
    subscriptions,
)
from backoffice.services.months import parse_month
from backoffice.services.plan_book import PlanBook, renewal_options

KINDS = ("activation", "options", "renewal", "topup", "service")
INVOICES: Table = Invoice.__table__  # type: ignore[assignment]
INVOICE_LINES: Table = InvoiceLine.__table__  # type: ignore[assignment]
PAYMENTS: Table = InvoicePayment.__table__  # type: ignore[assignment]
OPEN = ("issued", "partially_paid")
UNIT = "послуга"


@dataclass(frozen=True)
class InvoiceLineDraft:
    service: str
    total: Decimal
    eur: Decimal | None = None
    quantity: int = 1
    unit: str = UNIT


@dataclass(frozen=True)
class InvoiceView:
    id: int
    number: str
    date: dt.date
    due_date: dt.date
    client: str
    account: str
    kind: str
    period: str
    total: Decimal
    paid: Decimal
    status: str  # issued | partially_paid | paid | overdue | cancelled
    eur_total: Decimal | None
    rate: Decimal | None
    markup_percent: Decimal | None


@dataclass(frozen=True)
class InvoiceRunResult:
    day: dt.date
    run_day: dt.date
    months: tuple[str, ...]
    issued: tuple[str, ...]  # invoice numbers
    already: int  # accounts invoiced by an earlier run
    errors: tuple[str, ...]


def run_day_of(year: int, month: int) -> dt.date:
    """The invoice run's day: ten days before the end of the month [S2]."""
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, last - 10)


def issue_invoice(
    uow: UnitOfWork,
    account_id: int,
    kind: str,
    day: dt.date,
    lines: Sequence[InvoiceLineDraft],
    *,
    period: str = "",
    eur_total: Decimal | None = None,
    rate: Decimal | None = None,
    markup_percent: Decimal | None = None,
    subscription_id: int | None = None,
    order_id: int | None = None,
    run_key: str | None = None,
) -> Invoice:
    if kind not in KINDS:
        raise InputError(f"invoice kind {kind!r} is not one of {', '.join(KINDS)}")
    if not lines or any(line.total <= 0 for line in lines):
        raise InputError("an invoice needs lines with positive amounts")
    number = next_numbers(uow, day.year, 1)[0]
    due = day + dt.timedelta(days=int(settings.get_setting(uow, "invoice.due_days")))
    invoice = Invoice(
        number=number,
        account_id=account_id,
        kind=kind,
        issue_date=day,
        due_date=due,
        period=period,
        total=sum((line.total for line in lines), Decimal("0.00")),
        eur_total=eur_total,
        rate=rate,
        markup_percent=markup_percent,
        paid=Decimal("0.00"),
        status="issued",
        subscription_id=subscription_id,
        order_id=order_id,
        run_key=run_key,
        created_at=audit.now(),
        created_by=uow.actor,
        cancel_reason="",
    )
    uow.session.add(invoice)
    uow.session.flush()
    uow.session.execute(
        insert(InvoiceLine),
        [_line_row(invoice.id, position, line) for position, line in enumerate(lines, 1)],
    )
    snapshots.fix_document(uow, "invoice", number)  # what it states, fixed (SPEC §10)
    audit.record(uow, "invoice.issue", f"invoice {number}", None, {"total": invoice.total})
    return invoice


def contract_warning(uow: UnitOfWork, number: str) -> str:
    """What to warn about when invoice `number` is issued: its client has no
    contract, or one dated after the invoice (the invoice then cites none);
    '' when all is well. The CLI prints it, the window can show it."""
    invoice = _by_number(uow, number)
    return snapshots.issue_warning(uow, invoice.account_id, invoice.issue_date)


def next_numbers(uow: UnitOfWork, year: int, count: int) -> list[str]:
    pattern = settings.get_setting(uow, "invoice.pattern")
    first = sequences.take_numbers(uow, f"invoice:{year}", count)
    return [sequences.format_number(pattern, first + i, year=year) for i in range(count)]


def _service_text(index: int, description: str, months: int, period: str) -> str:
    text = f"Тарифний план «{description}»" if index == 0 else description
    if period:
        text += f", {_month_words(period)}"
    if months > 1:
        text += f", {months} міс."
    return text


_MONTHS = (
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
)


def _month_words(period: str) -> str:
    year, month = period.split("-")
    return f"{_MONTHS[int(month) - 1]} {year}"


def price_lines(
    price: PeriodPrice, rate: Decimal, markup: Decimal, period: str = ""
) -> list[InvoiceLineDraft]:
    """Invoice lines for a period price, in UAH at `rate` plus `markup`.

    Each line is converted on its own; the kopiykas lost to rounding go into
    the first line, so the invoice total equals the debit of the whole price
    at the same rate."""
    lines = [
        InvoiceLineDraft(
            _service_text(i, line.description, price.months, period),
            eur_to_uah(line.eur, rate, markup),
            line.eur,
        )
        for i, line in enumerate(price.lines)
        if line.eur > 0
    ]
    if price.discount_eur > 0:
        lines.append(
            InvoiceLineDraft(
                f"Знижка {format_percent(price.discount_percent)} за оплату {price.months} міс.",
                -eur_to_uah(price.discount_eur, rate, markup),
                -price.discount_eur,
            )
        )
    total = eur_to_uah(price.eur, rate, markup)
    drift = total - sum((line.total for line in lines), Decimal("0.00"))
    if lines and drift:
        first = lines[0]
        lines[0] = InvoiceLineDraft(first.service, first.total + drift, first.eur)
    return _fold_discount(lines)


def _fold_discount(lines: list[InvoiceLineDraft]) -> list[InvoiceLineDraft]:
    """A negative discount line is folded into the first line's price: an
    invoice line with a negative sum confuses the buyer's bookkeeping."""
    discounts = [line for line in lines if line.total < 0]
    if not discounts or not lines or lines[0].total <= 0:
        return lines
    first = lines[0]
    off = sum((d.total for d in discounts), Decimal("0.00"))
    eur_off = sum((d.eur or Decimal(0) for d in discounts), Decimal("0.00"))
    note = "; ".join(d.service for d in discounts)
    folded = InvoiceLineDraft(
        f"{first.service} ({note.lower()})",
        first.total + off,
        (first.eur or Decimal(0)) + eur_off if first.eur is not None else None,
    )
    return [folded, *[line for line in lines[1:] if line.total > 0]]


def issue_purchase_invoice(uow: UnitOfWork, subscription_id: int, day: dt.date) -> Invoice:
    """The invoice of a constructor purchase that waits for funds (§6.2)."""
    require(uow, Permission.ISSUE_INVOICES)
    subscription = uow.session.get(Subscription, subscription_id)
    if subscription is None:
        raise NotFound(f"subscription {subscription_id} does not exist")
    order = subscriptions.order_of(uow, subscription)
    price = subscriptions.period_price(order)
    conversion = rates.convert_eur(uow, price.eur, day)
    return issue_invoice(
        uow,
        subscription.account_id,
        "activation",
        day,
        price_lines(price, conversion.rate, conversion.markup_percent),
        period=f"{day:%Y-%m}",
        eur_total=price.eur,
        rate=conversion.rate,
        markup_percent=conversion.markup_percent,
        subscription_id=subscription.id,
    )


def issue_options_invoice(uow: UnitOfWork, account_number: str, day: dt.date) -> Invoice | None:
    """The separate invoice of options added to a running subscription that
    wait for funds (§6.2): one line per option charge of the day still
    outstanding; None when the funds covered them at once."""
    require(uow, Permission.ISSUE_INVOICES)
    account = ledger.find_account(uow, account_number)
    charges = list(
        uow.session.execute(
            select(Charge)
            .where(
                Charge.account_id == account.id,
                Charge.status == "outstanding",
                Charge.due_on == day,
                Charge.source_key.like("option:%"),
            )
            .order_by(Charge.id)
        ).scalars()
    )
    if not charges:
        return None
    key = f"options:{charges[0].source_key}"
    existing = uow.session.execute(select(Invoice).where(Invoice.run_key == key)).scalar()
    if existing is not None:
        return existing
    eur = sum((c.eur for c in charges), Decimal("0.00"))
    conversion = rates.convert_eur(uow, eur, day)
    lines = [
        InvoiceLineDraft(
            c.description, eur_to_uah(c.eur, conversion.rate, conversion.markup_percent), c.eur
        )
        for c in charges
    ]
    drift = conversion.uah - sum((line.total for line in lines), Decimal("0.00"))
    if drift:
        lines[0] = InvoiceLineDraft(lines[0].service, lines[0].total + drift, lines[0].eur)
    return issue_invoice(
        uow,
        account.id,
        "options",
        day,
        lines,
        period=f"{day:%Y-%m}",
        eur_total=eur,
        rate=conversion.rate,
        markup_percent=conversion.markup_percent,
        subscription_id=charges[0].subscription_id,
        run_key=key,
    )


def issue_topup_invoice(
    uow: UnitOfWork, account_number: str, amount: Decimal, day: dt.date
) -> Invoice:
    """A top-up on request: the client asks for an invoice of a given sum."""
    require(uow, Permission.ISSUE_INVOICES)
    account = ledger.find_account(uow, account_number)
    amount = validation.amount(amount, what="invoice amount", positive=True)  # bounds, issue 11
    snapshots.refuse_before_contract(uow, account.id, day, "an invoice made by hand")
    return issue_invoice(
        uow,
        account.id,
        "topup",
        day,
        [InvoiceLineDraft(f"Поповнення особового рахунку {account.number}", money(amount))],
    )


def invoice_run(uow: UnitOfWork, day: dt.date) -> InvoiceRunResult:
    """Next month's invoices for legal entities with auto-renewal [S2].

    From the run day (month end − 10) on, every run of the month issues what
    is missing, so a missed day is caught up; the key (account, month) makes a
    second run issue nothing. Set-based: the prices are worked out once per
    plan, options and period, the numbers taken in one step, the rows written
    with a few bulk inserts (the daily run calls this for 100,000 accounts)."""
    require(uow, Permission.RUN_INVOICES)
    run_day = run_day_of(day.year, day.month)
    if day < run_day:
        return InvoiceRunResult(day, run_day, (), (), 0, ())
    target = add_months(day.replace(day=1), 1)
    month = f"{target:%Y-%m}"
    due = (
        Client.kind == ClientKind.LEGAL.value,
        Subscription.auto_renew.is_(True),
        Subscription.status.in_(("active", "blocked")),
        Subscription.period_end >= target,
        Subscription.period_end < add_months(target, 1),
    )
    run_key = literal("renewal:") + cast(Subscription.account_id, String) + literal(f":{month}")
    # Only the subscriptions no earlier run invoiced: every day after the run
    # day asks again (a missed day is caught up), and reading the whole
    # month's 100,000 keys each time cost more than the run itself.
    missing = uow.session.execute(
        select(
            Subscription.id,
            Subscription.account_id,
            Subscription.plan_version_id,
            Subscription.months,
            Account.number,
        )
        .join(Account, Account.id == Subscription.account_id)
        .join(Client, Client.id == Account.client_id)
        .where(*due, ~exists().where(Invoice.run_key == run_key))
        .order_by(Account.id)
    ).all()
    todo = list({f"renewal:{row.account_id}:{month}": row for row in missing}.items())
    if not todo:
        return InvoiceRunResult(day, run_day, (month,), (), _invoiced(uow, month), ())
    existing = _invoiced(uow, month)
    try:
        nbu = rates.rate_on(uow, day, "EUR")
    except MissingRate as exc:
        raise BackofficeError(f"invoice run {day}: {exc}") from exc
    book = PlanBook(uow)
    options = renewal_options(uow, [row.id for _, row in todo])
    # 100,000 renewals share a handful of plans: price and word each once
    priced: dict[tuple[object, ...], tuple[PeriodPrice, Decimal, list[InvoiceLineDraft]]] = {}
    drafts: list[tuple[str, object, list[InvoiceLineDraft], PeriodPrice, Decimal]] = []
    errors: list[str] = []
    for key, row in todo:
        _version, plan, policy = book.renewal_terms(row.plan_version_id)
        opts = options.get(row.id, ())
        price_key = (_version.id, opts, row.months)
        if price_key not in priced:
            price = price_period(plan, opts, row.months, policy)
            markup = policy.fx_markup_percent
            lines = price_lines(price, nbu, markup, month) if price.eur > 0 else []
            priced[price_key] = (price, markup, lines)
        price, markup, lines = priced[price_key]
        if price.eur <= 0:
            continue  # a free plan needs no invoice
        drafts.append((key, row, lines, price, markup))
    if not drafts:
        return InvoiceRunResult(day, run_day, (month,), (), existing, tuple(errors))
    numbers = next_numbers(uow, day.year, len(drafts))
    due_date = day + dt.timedelta(days=int(settings.get_setting(uow, "invoice.due_days")))
    now = audit.now()
    invoice_rows = [
        {
            "number": number,
            "account_id": row.account_id,
            "kind": "renewal",
            "issue_date": day,
            "due_date": due_date,
            "period": month,
            "total": sum((line.total for line in lines), Decimal("0.00")),
            "eur_total": price.eur,
            "rate": nbu,
            "markup_percent": markup,
            "paid": Decimal("0.00"),
            "status": "issued",
            "subscription_id": row.id,
            "order_id": None,
            "run_key": key,
            "created_at": now,
            "created_by": uow.actor,
            "cancelled_at": None,
            "cancel_reason": "",
        }
        for number, (key, row, lines, price, markup) in zip(numbers, drafts, strict=True)
    ]
    insert_rows(uow, INVOICES, invoice_rows)
    ids = _ids_of_run(uow, day, month)
    line_rows = [
        _line_row(ids[number], position, line)
        for number, (_, _, lines, _, _) in zip(numbers, drafts, strict=True)
        for position, line in enumerate(lines, 1)
    ]
    insert_rows(uow, INVOICE_LINES, line_rows)
    shared = {"issue_date": day, "due_date": due_date, "period": month, "rate": nbu}
    snapshots.fix_documents(uow, "invoice", numbers, given=_issued(numbers, drafts, ids, shared))
    audit.record(
        uow,
        "invoice.run",
        f"invoice run {day}",
        None,
        {"month": month, "issued": len(numbers), "first": numbers[0], "last": numbers[-1]},
    )
    return InvoiceRunResult(day, run_day, (month,), tuple(numbers), existing, tuple(errors))


def _issued(
    numbers: Sequence[str],
    drafts: list[tuple[str, Any, list[InvoiceLineDraft], PeriodPrice, Decimal]],
    ids: dict[str, int],
    fields: dict[str, Any],
) -> dict[str, snapshots.IssuedInvoice]:
    """The run's invoices as their snapshots are written from them: what was
    just inserted (`fields` shared by all), money in the stored minor units,
    not read back."""
    issued: dict[str, snapshots.IssuedInvoice] = {}
    for number, (_, row, lines, price, markup) in zip(numbers, drafts, strict=True):
        total = sum((line.total for line in lines), Decimal("0.00"))
        issued[number] = snapshots.IssuedInvoice(
            id=ids[number],
            number=number,
            account_id=row.account_id,
            kind="renewal",
            issue_date=fields["issue_date"],
            due_date=fields["due_date"],
            period=fields["period"],
            total=to_minor(total, 2),
            eur_total=to_minor(price.eur, 2),
            rate=to_minor(fields["rate"], 4),
            markup_percent=to_minor(markup, 4),
            account=row.number,
            months=row.months,
            lines=[
                snapshots.IssuedLine(
                    position,
                    line.service,
                    line.unit,
                    line.quantity,
                    to_minor(_unit_price(line), 2),
                    to_minor(line.total, 2),
                    None if line.eur is None else to_minor(line.eur, 2),
                )
                for position, line in enumerate(lines, 1)
            ],
        )
    return issued


def _invoiced(uow: UnitOfWork, month: str) -> int:
    """How many accounts earlier runs invoiced for `month` (one key each)."""
    return int(
        uow.session.execute(
            select(func.count()).where(
                Invoice.kind == "renewal", Invoice.period == month, Invoice.run_key.is_not(None)
            )
        ).scalar_one()
    )


def _ids_of_run(uow: UnitOfWork, day: dt.date, month: str) -> dict[str, int]:
    return dict(
        uow.session.execute(
            select(Invoice.number, Invoice.id).where(
                Invoice.kind == "renewal", Invoice.period == month, Invoice.issue_date == day
            )
        ).all()
    )


def cancel_invoice(uow: UnitOfWork, number: str, reason: str, day: dt.date) -> InvoiceView:
    require(uow, Permission.CANCEL_INVOICES)
    invoice = _by_number(uow, number)
    validation.text(reason, what="reason", limit=bounds.MAX_REASON)  # length, no control characters
    if not reason.strip():
        raise InputError("cancelling an invoice needs a reason")
    if invoice.status == "cancelled":
        raise BackofficeError(f"invoice {number} is already cancelled")
    if invoice.paid > 0:
        raise BackofficeError(
            f"invoice {number} is paid ({invoice.paid} UAH); reverse the payment first"
        )
    invoice.status = "cancelled"
    invoice.cancelled_at = audit.now()
    invoice.cancel_reason = reason.strip()
    audit.record(uow, "invoice.cancel", f"invoice {number}", "issued", reason.strip())
    return view(uow, invoice, day)


# -- payments ---------------------------------------------------------------


@dataclass(frozen=True)
class Payment:
    """A top-up to spread over its account's open invoices."""

    account_id: int
    entry_id: int
    amount: Decimal
    invoice_id: int | None = None  # the invoice the payer named, paid first


@dataclass
class _Open:
    """An open invoice while payments are spread over it (plain data: the
    statement import marks tens of thousands at once)."""

    id: int
    total: Decimal
    paid: Decimal


def apply_payments(uow: UnitOfWork, payments: Sequence[Payment]) -> int:
    """Mark the invoices top-ups pay: the named invoice first, then the
    account's open invoices oldest first. Returns how many invoices changed."""
    if not payments:
        return 0
    uow.session.flush()
    account_ids = sorted({p.account_id for p in payments})
    open_invoices: dict[int, list[_Open]] = defaultdict(list)
    for start in range(0, len(account_ids), 5000):
        chunk = account_ids[start : start + 5000]
        for invoice_id, account_id, total, paid in uow.session.execute(
            select(Invoice.id, Invoice.account_id, Invoice.total, Invoice.paid)
            .where(among(uow, Invoice.account_id, chunk), Invoice.status.in_(OPEN))
            .order_by(Invoice.issue_date, Invoice.id)
        ).all():
            open_invoices[account_id].append(_Open(invoice_id, total, paid))
    if not open_invoices:
        return 0
    allocations: list[dict[str, object]] = []
    changed: dict[int, _Open] = {}
    for payment in payments:
        candidates = open_invoices.get(payment.account_id, [])
        if payment.invoice_id is not None:
            candidates = sorted(candidates, key=lambda i: i.id != payment.invoice_id)
        left = payment.amount
        for invoice in candidates:
            due = invoice.total - invoice.paid
            if left <= 0:
                break
            if due <= 0:
                continue
            part = min(due, left)
            invoice.paid += part
            left -= part
            changed[invoice.id] = invoice
            allocations.append(
                {"invoice_id": invoice.id, "entry_id": payment.entry_id, "amount": part}
            )
    if not allocations:
        return 0
    insert_rows(uow, PAYMENTS, allocations)
    _write_paid(uow, list(changed.values()))
    _expire(uow, set(changed))
    return len(changed)


def _write_paid(uow: UnitOfWork, changed: list[_Open]) -> None:
    """Store what the invoices now have paid, and their status. PostgreSQL
    gets the rows as arrays (one `UPDATE … FROM unnest`); an executemany of
    30,000 UPDATEs took it three seconds."""
    rows = [(i.id, i.paid, "paid" if i.paid >= i.total else "partially_paid") for i in changed]
    if uow.dialect == "postgresql":
        statement = text(
            """
            UPDATE invoices AS i SET paid = v.paid, status = v.status
            FROM unnest(CAST(:ids AS integer[]), CAST(:paid AS bigint[]), CAST(:status AS text[]))
                AS v(id, paid, status)
            WHERE i.id = v.id
            """
        )
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            uow.session.execute(
                statement,
                {
                    "ids": [r[0] for r in chunk],
                    "paid": [to_minor(r[1], 2) for r in chunk],
                    "status": [r[2] for r in chunk],
                },
            )
        return
    uow.session.execute(
        update(INVOICES)
        .where(INVOICES.c.id == bindparam("b_id"))
        .values(paid=bindparam("b_paid"), status=bindparam("b_status")),
        [{"b_id": i, "b_paid": paid, "b_status": status} for i, paid, status in rows],
    )


def _expire(uow: UnitOfWork, invoice_ids: set[int]) -> None:
    """Invoices this session holds are stale after a Core update."""
    for instance in list(uow.session.identity_map.values()):
        if isinstance(instance, Invoice) and instance.id in invoice_ids:
            uow.session.expire(instance)


def order_invoice_ids(uow: UnitOfWork, invoice_ids: set[int]) -> set[int]:
    """Which of these invoices are for order-only services."""
    if not invoice_ids:
        return set()
    return set(
        uow.session.execute(
            select(Invoice.id).where(
                among(uow, Invoice.id, sorted(invoice_ids)), Invoice.kind == "service"
            )
        ).scalars()
    )


def pay_from_statement(uow: UnitOfWork, invoice_id: int, line_id: int, amount: Decimal) -> None:
    """An order-only service's invoice paid by a bank payment; any overpayment
    stays with the statement line for the accountant (it never tops up the
    personal account)."""
    invoice = uow.session.get(Invoice, invoice_id)
    assert invoice is not None
    part = min(amount, max(invoice.total - invoice.paid, Decimal("0.00")))
    if part <= 0:
        return
    invoice.paid += part
    invoice.status = "paid" if invoice.paid >= invoice.total else "partially_paid"
    uow.session.add(InvoicePayment(invoice_id=invoice.id, statement_line_id=line_id, amount=part))


def release_statement_payments(uow: UnitOfWork, line_ids: Sequence[int]) -> None:
    touched = set(
        uow.session.execute(
            select(InvoicePayment.invoice_id).where(InvoicePayment.statement_line_id.in_(line_ids))
        ).scalars()
    )
    uow.session.execute(
        delete(InvoicePayment).where(InvoicePayment.statement_line_id.in_(line_ids))
    )
    _recompute_paid(uow, touched)


def release_payments(uow: UnitOfWork, entry_ids: Iterable[int]) -> None:
    """A reversed top-up pays nothing any more: its allocations go, and the
    invoices' paid sums and statuses follow."""
    ids = list(entry_ids)
    touched: set[int] = set()
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        touched.update(
            uow.session.execute(
                select(InvoicePayment.invoice_id).where(InvoicePayment.entry_id.in_(chunk))
            ).scalars()
        )
        uow.session.execute(delete(InvoicePayment).where(InvoicePayment.entry_id.in_(chunk)))
    _recompute_paid(uow, touched)


def _recompute_paid(uow: UnitOfWork, invoice_ids: set[int]) -> None:
    for invoice_id in invoice_ids:
        paid = uow.session.execute(
            select(func.sum(InvoicePayment.amount)).where(InvoicePayment.invoice_id == invoice_id)
        ).scalar() or Decimal("0.00")
        invoice = uow.session.get(Invoice, invoice_id)
        assert invoice is not None
        if invoice.status == "cancelled":
            continue
        invoice.paid = paid
        invoice.status = (
            "issued" if paid <= 0 else "paid" if paid >= invoice.total else "partially_paid"
        )


# -- reading ----------------------------------------------------------------


def find_by_numbers(uow: UnitOfWork, numbers: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Invoice number → (invoice id, account id), cancelled invoices aside."""
    wanted = sorted(set(numbers))
    found: dict[str, tuple[int, int]] = {}
    for start in range(0, len(wanted), 5000):
        rows = uow.session.execute(
            select(Invoice.number, Invoice.id, Invoice.account_id).where(
                among(uow, Invoice.number, wanted[start : start + 5000]),
                Invoice.status != "cancelled",
            )
        ).all()
        found.update({number: (invoice_id, account_id) for number, invoice_id, account_id in rows})
    return found


INVOICE_STATUSES = ("issued", "partially_paid", "paid", "overdue", "cancelled")


@dataclass(frozen=True)
class InvoiceQuery:
    """Which invoices a list shows and in what order; `limit` None is all of them."""

    month: str | None = None  # YYYY-MM of the issue date
    account_number: str | None = None
    status: str | None = None  # one of INVOICE_STATUSES; overdue: open and past due
    text: str = ""  # part of the number, the client's name or code, the account number
    as_of: dt.date | None = None  # the day overdue is judged on; None: today
    sort: str = "number"
    descending: bool = False
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class InvoiceTotals:
    count: int
    total: Decimal  # cancelled invoices aside
    paid: Decimal


def _status_of(today: dt.date):  # type: ignore[no-untyped-def]
    """The status as the list shows it: an open invoice past its due date is overdue."""
    return case(
        (Invoice.status.in_(OPEN) & (Invoice.due_date < today), literal("overdue")),
        else_=Invoice.status,
    )


INVOICE_SORTS = {
    "number": Invoice.number,
    "date": Invoice.issue_date,
    "due": Invoice.due_date,
    "client": Client.sort_key,
    "account": Account.number,
    "kind": Invoice.kind,
    "period": Invoice.period,
    "total": Invoice.total,
    "paid": Invoice.paid,
    "status": None,  # the derived status, computed per query
}


def _invoices_where(uow: UnitOfWork, query: InvoiceQuery):  # type: ignore[no-untyped-def]
    statement = (
        select(Invoice, Account.number, Client.name)
        .join(Account, Account.id == Invoice.account_id)
        .join(Client, Client.id == Account.client_id)
    )
    if query.month:
        start = dt.date.fromisoformat(parse_month(query.month) + "-01")
        statement = statement.where(
            Invoice.issue_date >= start, Invoice.issue_date < add_months(start, 1)
        )
    if query.account_number:
        statement = statement.where(Account.number == query.account_number.strip())
    if query.status:
        if query.status not in INVOICE_STATUSES:
            choices = ", ".join(INVOICE_STATUSES)
            raise InputError(f"no invoice status {query.status!r}; choose {choices}")
        statement = statement.where(_status_of(_as_of(query)) == query.status)
    if query.text.strip():
        pattern = contains_pattern(query.text)
        # The client's search text is stored folded; the number is folded here,
        # since the number pattern is a setting and may mix cases.
        found = [
            folded(uow, Invoice.number).like(pattern, escape=ESCAPE),
            Client.search_text.like(pattern, escape=ESCAPE),
        ]
        amount = typed_amount(query.text)
        if amount is not None:
            found += [Invoice.total == amount, Invoice.paid == amount]
        day = written_date(query.text)
        if day is not None:
            found += [Invoice.issue_date == day, Invoice.due_date == day]
        statement = statement.where(or_(*found))
    return statement


def _as_of(query: InvoiceQuery) -> dt.date:
    return query.as_of or dt.date.today()


def find_invoices(uow: UnitOfWork, query: InvoiceQuery) -> list[InvoiceView]:
    """A page of invoices, filtered and sorted by the database."""
    today = _as_of(query)
    if query.sort not in INVOICE_SORTS:
        raise InputError(f"cannot sort by {query.sort!r}; choose {', '.join(INVOICE_SORTS)}")
    column = INVOICE_SORTS[query.sort]
    if column is None:
        column = _status_of(today)
    order = column.desc() if query.descending else column.asc()
    tie = Invoice.id.desc() if query.descending else Invoice.id.asc()
    statement = _invoices_where(uow, query).order_by(order, tie).offset(query.offset)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    return [
        _view(invoice, number, name, today)
        for invoice, number, name in uow.session.execute(statement).all()
    ]


def invoice_totals(uow: UnitOfWork, query: InvoiceQuery) -> InvoiceTotals:
    """How many invoices `query` finds, and their sum and payments (cancelled aside)."""
    live = Invoice.status != "cancelled"
    statement = _invoices_where(uow, query).with_only_columns(
        func.count(),
        func.sum(case((live, Invoice.total)), type_=Invoice.total.type),
        func.sum(case((live, Invoice.paid)), type_=Invoice.paid.type),
    )
    count, total, paid = uow.session.execute(statement.order_by(None)).one()
    zero = Decimal("0.00")
    return InvoiceTotals(int(count), total or zero, paid or zero)


def list_invoices(
    uow: UnitOfWork,
    *,
    month: str | None = None,
    account_number: str | None = None,
    status: str | None = None,
    today: dt.date | None = None,
) -> list[InvoiceView]:
    """Every invoice matching the filters, by issue date."""
    query = InvoiceQuery(
        month=month, account_number=account_number, status=status, as_of=today, sort="date"
    )
    return find_invoices(uow, query)


def view(uow: UnitOfWork, invoice: Invoice, today: dt.date) -> InvoiceView:
    account = uow.session.get(Account, invoice.account_id)
    assert account is not None
    client = uow.session.get(Client, account.client_id)
    assert client is not None
    return _view(invoice, account.number, client.name, today)


def show_invoice(uow: UnitOfWork, number: str, today: dt.date) -> InvoiceView:
    return view(uow, _by_number(uow, number), today)


def invoice_lines(uow: UnitOfWork, invoice_id: int) -> list[InvoiceLine]:
    return list(
        uow.session.execute(
            select(InvoiceLine)
            .where(InvoiceLine.invoice_id == invoice_id)
            .order_by(InvoiceLine.position)
        ).scalars()
    )


def suggested_amount(uow: UnitOfWork, total: Decimal) -> Decimal:
    """What to pay so a moving rate still covers the debit."""
    margin = Decimal(settings.get_setting(uow, "invoice.margin_percent"))
    return round_half_up(total * (1 + margin / 100))


def by_number(uow: UnitOfWork, number: str) -> Invoice:
    return _by_number(uow, number)


def _by_number(uow: UnitOfWork, number: str) -> Invoice:
    invoice = uow.session.execute(
        select(Invoice).where(Invoice.number == number.strip())
    ).scalar_one_or_none()
    if invoice is None:
        raise NotFound(f"invoice {number!r} does not exist")
    return invoice


def _view(invoice: Invoice, account: str, client: str, today: dt.date) -> InvoiceView:
    status = invoice.status
    if status in OPEN and invoice.due_date < today:
        status = "overdue"
    return InvoiceView(
        invoice.id,
        invoice.number,
        invoice.issue_date,
        invoice.due_date,
        client,
        account,
        invoice.kind,
        invoice.period,
        invoice.total,
        invoice.paid,
        status,
        invoice.eur_total,
        invoice.rate,
        invoice.markup_percent,
    )


def _unit_price(line: InvoiceLineDraft) -> Decimal:
    return (line.total / line.quantity).quantize(Decimal("0.01"))


def _line_row(invoice_id: int, position: int, line: InvoiceLineDraft) -> dict[str, object]:
    return {
        "invoice_id": invoice_id,
        "position": position,
        "service": line.service,
        "unit": line.unit,
        "quantity": line.quantity,
        "price": _unit_price(line),
        "total": line.total,
        "eur": line.eur,
    }

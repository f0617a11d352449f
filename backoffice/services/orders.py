"""Order-only services (SPEC §6.1): «Доопрацювання платформи» and the like.

An order has its own price in UAH, its own invoice and, once the work is done,
its own act. It never touches the personal account: the client pays the
invoice, and the act records the service rendered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from backoffice import bounds, validation
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Act, Invoice, ServiceOrder
from backoffice.errors import BackofficeError, NotFound
from backoffice.permissions import Permission, require
from backoffice.services import audit, invoices, ledger, months, sequences, settings, snapshots


@dataclass(frozen=True)
class OrderView:
    id: int
    account: str
    service: str
    amount: Decimal
    order_date: dt.date
    invoice: str
    act: str | None


def order_service(
    uow: UnitOfWork, account_number: str, service: str, amount: Decimal, day: dt.date
) -> OrderView:
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    account = ledger.find_account(uow, account_number)
    service = validation.text(service, what="service", limit=bounds.MAX_NAME, required=True)
    amount = validation.amount(amount, what="order amount", positive=True)
    snapshots.refuse_before_contract(uow, account.id, day, "an order's invoice")
    order = ServiceOrder(
        account_id=account.id,
        service=service.strip(),
        amount=amount,
        order_date=day,
        contract="",
        created_at=audit.now(),
        created_by=uow.actor,
    )
    uow.session.add(order)
    uow.session.flush()
    invoice = invoices.issue_invoice(
        uow,
        account.id,
        "service",
        day,
        [invoices.InvoiceLineDraft(service.strip(), amount)],
        order_id=order.id,
    )
    audit.record(uow, "order.create", f"order {order.id}", None, {"amount": amount})
    return OrderView(order.id, account.number, order.service, amount, day, invoice.number, None)


def complete_order(uow: UnitOfWork, order_id: int, day: dt.date) -> OrderView:
    """The work is done: the order's act, numbered with the monthly acts."""
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    order = uow.session.get(ServiceOrder, order_id)
    if order is None:
        raise NotFound(f"order {order_id} does not exist")
    if order.completed_on is not None:
        raise BackofficeError(f"order {order_id} was completed on {order.completed_on}")
    months.ensure_open(uow, {day})
    pattern = settings.get_setting(uow, "act.pattern")
    number = sequences.format_number(
        pattern, sequences.take_numbers(uow, f"act:{day.year}"), year=day.year
    )
    uow.session.add(
        Act(
            number=number,
            account_id=order.account_id,
            month=f"{day:%Y-%m}",
            act_date=day,
            total_eur=Decimal("0.00"),
            total_uah=order.amount,
            order_id=order.id,
            cancel_reason="",
        )
    )
    order.completed_on = day
    uow.session.flush()
    snapshots.fix_document(uow, "act", number)  # what it states, fixed (SPEC §11)
    audit.record(uow, "order.complete", f"order {order.id}", None, {"act": number})
    return view(uow, order)


def view(uow: UnitOfWork, order: ServiceOrder) -> OrderView:
    invoice = uow.session.execute(
        select(Invoice.number).where(Invoice.order_id == order.id).order_by(Invoice.id)
    ).scalar()
    act = uow.session.execute(
        select(Act.number).where(Act.order_id == order.id, Act.cancelled_at.is_(None))
    ).scalar()
    account = uow.session.get(Account, order.account_id)
    assert account is not None
    return OrderView(
        order.id, account.number, order.service, order.amount, order.order_date, invoice or "", act
    )


def list_orders(uow: UnitOfWork) -> list[OrderView]:
    return [
        view(uow, order)
        for order in uow.session.execute(select(ServiceOrder).order_by(ServiceOrder.id)).scalars()
    ]

"""The subscription as the window sees it: the constructor's order with its
invoice, the card of the running subscription, and the lifecycle actions with
the reason the accountant gave (SPEC §6.2).

Each function is one step of one unit of work; the caller commits. The rules
themselves stay in `subscriptions` and `invoices`: this module only puts
together what one click does, the way the CLI's `subscribe` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from backoffice.billing.policy import ChangePolicy, ChargeMode
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import CatalogOption, Invoice, SubscriptionOption
from backoffice.errors import BackofficeError, InputError, MissingRate
from backoffice.permissions import Permission, require
from backoffice.services import audit, invoices, ledger, subscriptions


@dataclass(frozen=True)
class PlacedOrder:
    subscription: subscriptions.SubscriptionView
    invoice: str | None  # the activation invoice of a purchase waiting for funds
    warning: str | None  # issued, but something the accountant should know


def place_order(
    uow: UnitOfWork,
    account_number: str,
    plan_code: str,
    options: Sequence[tuple[str, int]],
    months: int,
    auto_renew: bool,
    day: dt.date,
) -> PlacedOrder:
    """A constructor purchase: activated at once where the funds allow, else
    pending with its activation invoice (SPEC §6.2, §10)."""
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    view = subscriptions.subscribe(uow, account_number, plan_code, options, months, auto_renew, day)
    number = warning = None
    if view.status == "pending":
        try:
            with uow.session.begin_nested():
                number = invoices.issue_purchase_invoice(uow, view.id, day).number
        except MissingRate as exc:
            # the order stands; the invoice can be issued once the rate is in
            warning = f"no invoice issued: {exc}"
    if number is not None:
        warning = invoices.contract_warning(uow, number) or None
    return PlacedOrder(view, number, warning)


@dataclass(frozen=True)
class OptionLine:
    code: str
    name: str
    unit: str
    quantity: int
    status: str  # pending (waits for funds) | active
    renews: bool  # False: a boost pack for the current period only


@dataclass(frozen=True)
class SubscriptionCard:
    """The account's live (else latest) subscription, as the panel shows it."""

    account: str
    client: str
    balance: Decimal
    funds: Decimal
    plan_code: str
    plan_name: str
    plan_monthly_eur: Decimal
    status: str
    months: int
    auto_renew: bool
    ordered_on: dt.date
    period_start: dt.date | None
    period_end: dt.date | None  # exclusive
    options: tuple[OptionLine, ...]
    change_rule: ChangePolicy
    charge_mode: ChargeMode
    outstanding_eur: Decimal
    invoice: str | None  # its activation invoice, if one was issued


def subscription_card(uow: UnitOfWork, account_number: str) -> SubscriptionCard | None:
    require(uow, Permission.READ_BOOKS)
    account = ledger.find_account(uow, account_number)
    subscription = subscriptions.current_subscription(uow, account.id)
    if subscription is None:
        return None
    order = subscriptions.order_of(uow, subscription)
    lines = tuple(
        OptionLine(row.code, row.name, row.unit, option.quantity, option.status, option.renews)
        for option, row in uow.session.execute(
            select(SubscriptionOption, CatalogOption)
            .join(CatalogOption, CatalogOption.id == SubscriptionOption.option_id)
            .where(SubscriptionOption.subscription_id == subscription.id)
            .order_by(SubscriptionOption.id)
        ).all()
    )
    return SubscriptionCard(
        account=account.number,
        client=account.client.name,
        balance=account.balance,
        funds=subscriptions.funds_of(account),
        plan_code=order.plan.code,
        plan_name=order.plan.name,
        plan_monthly_eur=order.plan.monthly_price,
        status=subscription.status,
        months=subscription.months,
        auto_renew=subscription.auto_renew,
        ordered_on=subscription.ordered_on,
        period_start=subscription.period_start,
        period_end=subscription.period_end,
        options=lines,
        change_rule=order.policy.change_policy,
        charge_mode=order.policy.charge_mode,
        outstanding_eur=subscriptions.outstanding_total(uow, account.id),
        invoice=activation_invoice(uow, subscription.id),
    )


def activation_invoice(uow: UnitOfWork, subscription_id: int) -> str | None:
    return uow.session.execute(
        select(Invoice.number)
        .where(Invoice.subscription_id == subscription_id, Invoice.kind == "activation")
        .order_by(Invoice.id.desc())
        .limit(1)
    ).scalar()


def _reason(uow: UnitOfWork, action: str, account: str, reason: str) -> None:
    """The accountant's reason beside the action's own audit record."""
    text = reason.strip()
    if not text:
        raise InputError("a reason is required")
    audit.record(uow, f"{action}.reason", f"account {account}", None, text)


def change_plan(
    uow: UnitOfWork, account_number: str, plan_code: str, day: dt.date, reason: str
) -> subscriptions.SubscriptionView:
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    view = subscriptions.change_plan(uow, account_number, plan_code, day)
    _reason(uow, "subscription.change_plan", view.account, reason)
    return view


def suspend(
    uow: UnitOfWork, account_number: str, day: dt.date, reason: str
) -> subscriptions.SubscriptionView:
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    view = subscriptions.suspend(uow, account_number, day)
    _reason(uow, "subscription.suspend", view.account, reason)
    return view


def resume(
    uow: UnitOfWork, account_number: str, day: dt.date, reason: str
) -> subscriptions.SubscriptionView:
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    view = subscriptions.resume(uow, account_number, day)
    _reason(uow, "subscription.resume", view.account, reason)
    return view


@dataclass(frozen=True)
class AddedOptions:
    subscription: subscriptions.SubscriptionView
    invoice: str | None  # the options invoice when the funds did not cover them
    warning: str | None


def add_options(
    uow: UnitOfWork,
    account_number: str,
    options: Sequence[tuple[str, int]],
    day: dt.date,
    reason: str,
    *,
    boost: bool = False,
) -> AddedOptions:
    """Options (or a boost pack) for the rest of the paid period; what the
    funds do not cover waits, with its own invoice (SPEC §6.2)."""
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    if not options:
        raise InputError("choose at least one option")
    view = subscriptions.add_options(uow, account_number, options, day, boost=boost)
    _reason(uow, "subscription.add_options", view.account, reason)
    number = warning = None
    try:
        with uow.session.begin_nested():
            issued = invoices.issue_options_invoice(uow, account_number, day)
            number = issued.number if issued else None
    except MissingRate as exc:
        warning = f"no invoice issued: {exc}"
    if number is not None:
        warning = invoices.contract_warning(uow, number) or None
    return AddedOptions(view, number, warning)


def set_auto_renew(
    uow: UnitOfWork, account_number: str, auto_renew: bool, reason: str
) -> subscriptions.SubscriptionView:
    """Auto-renewal on or off for the live subscription: it decides whether the
    next period is debited or the subscription ends with this one (SPEC §6.2)."""
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    account = ledger.find_account(uow, account_number)
    subscription = subscriptions.live_subscription(uow, account.id)
    if subscription is None:
        raise BackofficeError(f"account {account.number} has no subscription")
    if subscription.auto_renew == auto_renew:
        state = "on" if auto_renew else "off"
        raise BackofficeError(f"account {account.number}: auto-renewal is already {state}")
    before = subscription.auto_renew
    subscription.auto_renew = auto_renew
    audit.record(uow, "subscription.auto_renew", f"account {account.number}", before, auto_renew)
    _reason(uow, "subscription.auto_renew", account.number, reason)
    uow.session.flush()
    return subscriptions.view_of(uow, subscription)

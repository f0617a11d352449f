"""What a constructor purchase or a plan change would cost, before anything is
posted (SPEC §6.1, §6.2, §6.7): read-only.

`load_terms` reads once what the constructor needs for one account and day
(plans with their policies, options, the day's rate, the markup, the funds);
`ConstructorTerms.quote` then prices any choice in memory, so a window can
redraw its breakdown on every click without a query. It prices through
`billing.pricing` exactly as `subscriptions.quote` and the activation debit
do (the tests hold all three to the kopiyka).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from backoffice import validation
from backoffice.billing.catalog import OptionSpec, OptionType, PlanSpec
from backoffice.billing.policy import BillingPolicy, ChangePolicy
from backoffice.billing.pricing import (
    PeriodPrice,
    Quote,
    allowed_periods,
    full_month_change_eur,
    make_quote,
    price_period,
)
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import CatalogOption, Plan
from backoffice.errors import BackofficeError, InputError, MissingRate, NotFound
from backoffice.money import eur_to_uah
from backoffice.permissions import Permission, require
from backoffice.services import catalog, ledger, rates, settings, subscriptions


@dataclass(frozen=True)
class ConstructorTerms:
    """Everything a constructor quote depends on, for one account and day."""

    account: str
    client: str
    day: dt.date
    funds: Decimal
    plans: tuple[PlanSpec, ...]
    policies: Mapping[str, BillingPolicy]  # plan code → its policy
    options: tuple[OptionSpec, ...]
    rate: Decimal | None  # None: no NBU rate for the day (`rate_problem` says so)
    markup_percent: Decimal
    rate_problem: str | None
    live_status: str | None  # a live subscription stands in the way of a new one

    def plan(self, code: str) -> PlanSpec:
        for plan in self.plans:
            if plan.code == code:
                return plan
        raise NotFound(f"plan {code!r} does not exist")

    def option(self, code: str) -> OptionSpec:
        for option in self.options:
            if option.code == code:
                return option
        raise NotFound(f"option {code!r} does not exist")

    def periods(self, plan_code: str) -> Mapping[int, Decimal]:
        """Months on offer → discount percent."""
        return allowed_periods(self.plan(plan_code), self.policies[plan_code])

    def price(self, plan_code: str, options: Sequence[tuple[str, int]], months: int) -> PeriodPrice:
        chosen = []
        for code, quantity in options:
            quantity = validation.quantity(quantity, what=f"option {code}: quantity")
            option = self.option(code)
            if option.type is OptionType.LIMIT and quantity <= 0:
                raise InputError(f"option {code}: quantity must be positive")
            chosen.append((option, quantity))
        return price_period(self.plan(plan_code), chosen, months, self.policies[plan_code])

    def quote(self, plan_code: str, options: Sequence[tuple[str, int]], months: int) -> Quote:
        """The breakdown `subscriptions.quote` gives; MissingRate without a rate."""
        price = self.price(plan_code, options, months)
        if self.rate is None:
            raise MissingRate(self.rate_problem or f"no NBU rate for EUR on {self.day}")
        return make_quote(price, self.plan(plan_code), self.rate, self.markup_percent, self.funds)


def load_terms(uow: UnitOfWork, account_number: str, day: dt.date) -> ConstructorTerms:
    require(uow, Permission.READ_BOOKS)
    account = ledger.find_account(uow, account_number)
    plans = []
    policies = {}
    latest = catalog.latest_versions(uow)
    for plan in uow.session.execute(
        select(Plan).where(Plan.archived.is_(False)).order_by(Plan.id)
    ).scalars():
        spec = catalog.spec_of(plan, latest[plan.id])
        plans.append(spec)
        policies[spec.code] = subscriptions.policy_for(uow, spec)
    options = tuple(
        catalog.option_spec(row)
        for row in uow.session.execute(
            select(CatalogOption)
            .where(CatalogOption.archived.is_(False))
            .order_by(CatalogOption.id)
        ).scalars()
    )
    rate: Decimal | None
    try:
        rate, problem = rates.rate_on(uow, day, "EUR"), None
    except MissingRate as exc:
        rate, problem = None, str(exc)
    live = subscriptions.live_subscription(uow, account.id)
    return ConstructorTerms(
        account=account.number,
        client=account.client.name,
        day=day,
        funds=subscriptions.funds_of(account),
        plans=tuple(plans),
        policies=policies,
        options=options,
        rate=rate,
        markup_percent=settings.fx_markup_percent(uow),
        rate_problem=problem,
        live_status=live.status if live is not None else None,
    )


@dataclass(frozen=True)
class ChangePreview:
    """What `subscriptions.change_plan` would post on the day.

    `eur` and `uah` are signed from the account's side: > 0 it pays (the new
    month in full, or the prorated difference of an upgrade), < 0 it gets a
    refund (a prorated downgrade), 0 nothing moves. `refusal` is the reason
    the change would be refused, if it would be.
    """

    account: str
    old_plan: str
    new_plan: str
    rule: ChangePolicy
    eur: Decimal
    rate: Decimal | None
    markup_percent: Decimal
    uah: Decimal
    funds: Decimal
    missing: Decimal
    days_left: int | None
    days_total: int | None
    refusal: str | None


def preview_change_plan(
    uow: UnitOfWork, account_number: str, plan_code: str, day: dt.date
) -> ChangePreview:
    require(uow, Permission.READ_BOOKS)
    account = ledger.find_account(uow, account_number)
    funds = subscriptions.funds_of(account)
    markup = settings.fx_markup_percent(uow)
    current = subscriptions.live_subscription(uow, account.id)
    old_name = subscriptions.order_of(uow, current).plan.name if current is not None else ""
    # the same rules the change itself applies, so a refusal shows before it is asked
    try:
        subscription, old, _version, plan = subscriptions.planned_change(
            uow, account, plan_code, day
        )
    except BackofficeError as exc:
        rule = (
            subscriptions.order_of(uow, current).policy.change_policy
            if current is not None
            else ChangePolicy.FULL_MONTH
        )
        return ChangePreview(
            account.number,
            old_name,
            plan_code,
            rule,
            Decimal("0.00"),
            None,
            markup,
            Decimal("0.00"),
            funds,
            Decimal("0.00"),
            None,
            None,
            str(exc),
        )
    rule = old.policy.change_policy
    days_left = days_total = None
    if rule is ChangePolicy.PRORATED:
        proration = subscriptions.prorated_difference(subscription, old, plan, day)
        eur, days_left, days_total = proration.eur, proration.remaining, proration.total
    else:
        eur = full_month_change_eur(plan, old.policy)
    rate: Decimal | None = None
    uah = Decimal("0.00")
    refusal = None
    if eur:
        try:
            rate = rates.rate_on(uow, day, "EUR")
        except MissingRate as exc:
            refusal = str(exc)
        else:
            # the service converts the absolute amount, then signs it
            uah = eur_to_uah(abs(eur), rate, markup) * (1 if eur > 0 else -1)
    missing = max(uah - funds, Decimal("0.00")) if uah > 0 else Decimal("0.00")
    return ChangePreview(
        account.number,
        old.plan.name,
        plan.name,
        rule,
        eur,
        rate,
        markup,
        uah,
        funds,
        missing,
        days_left,
        days_total,
        refusal,
    )

"""Prices of the tariff constructor: plan and options for a period, in EUR.

Pure arithmetic, no database: the constructor service, the daily run and the
invoices all price through here, so a price is computed one way only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from backoffice.billing.catalog import OptionSpec, OptionType, PlanSpec
from backoffice.billing.policy import BillingPolicy
from backoffice.errors import InputError
from backoffice.money import eur_to_uah, round_half_up

SUGGESTED_MONTHS = (1, 3, 5, 9, 15)


@dataclass(frozen=True)
class PriceLine:
    description: str
    eur_per_month: Decimal
    months: int
    eur: Decimal


@dataclass(frozen=True)
class PeriodPrice:
    lines: tuple[PriceLine, ...]
    months: int
    eur_before_discount: Decimal
    discount_percent: Decimal
    discount_eur: Decimal
    eur: Decimal


def allowed_periods(plan: PlanSpec, policy: BillingPolicy) -> Mapping[int, Decimal]:
    """Months on offer → discount percent: the plan's own table, else the policy's."""
    return plan.period_discounts or policy.period_discounts


def price_period(
    plan: PlanSpec,
    options: Sequence[tuple[OptionSpec, int]],
    months: int,
    policy: BillingPolicy,
) -> PeriodPrice:
    """The EUR price of `months` of a plan with extra option quantities.

    Flat and limit options cost unit price × quantity per month; metered
    options are bought as extra included quantity at unit price per unit.
    The period discount applies to the whole order, rounded half up once.
    """
    periods = allowed_periods(plan, policy)
    if months not in periods:
        offered = ", ".join(str(m) for m in periods) or "none"
        raise InputError(f"plan {plan.code} is not sold for {months} months (offered: {offered})")
    lines = [PriceLine(f"{plan.name}", plan.monthly_price, months, plan.monthly_price * months)]
    for option, quantity in options:
        if quantity <= 0:
            raise InputError(f"option {option.code}: quantity must be positive")
        per_month = option.unit_price * quantity
        label = f"{option.name}, {quantity} {option.unit}".strip().rstrip(",")
        if option.type is OptionType.METERED:
            label = f"{option.name}: +{quantity} {option.unit}".strip()
        lines.append(PriceLine(label, per_month, months, per_month * months))
    before = sum((line.eur for line in lines), Decimal("0.00"))
    discount_percent = periods[months]
    discount = round_half_up(before * discount_percent / Decimal(100))
    return PeriodPrice(tuple(lines), months, before, discount_percent, discount, before - discount)


@dataclass(frozen=True)
class Quote:
    """What the constructor shows before anything is bought."""

    price: PeriodPrice
    rate: Decimal
    markup_percent: Decimal
    uah: Decimal
    funds: Decimal
    missing: Decimal
    suggested_topups: Mapping[int, Decimal]


def make_quote(
    price: PeriodPrice,
    plan: PlanSpec,
    rate: Decimal,
    markup_percent: Decimal,
    funds: Decimal,
) -> Quote:
    uah = eur_to_uah(price.eur, rate, markup_percent)
    missing = max(uah - funds, Decimal("0.00"))
    suggestions = {
        months: eur_to_uah(plan.monthly_price * months, rate, markup_percent)
        for months in SUGGESTED_MONTHS
    }
    return Quote(price, rate, markup_percent, uah, funds, missing, suggestions)


def full_month_change_eur(plan: PlanSpec, policy: BillingPolicy) -> Decimal:
    """[S0 7.2] A full-month plan change costs the new plan's month: its
    one-month period price where it is sold monthly, else its monthly price."""
    if 1 in allowed_periods(plan, policy):
        return price_period(plan, (), 1, policy).eur
    return plan.monthly_price


@dataclass(frozen=True)
class Proration:
    """[S4] A prorated change: `eur` > 0 is paid, < 0 refunded, for `remaining`
    of the period's `total` days."""

    eur: Decimal
    remaining: int
    total: int


def prorate_change(
    old_eur: Decimal, new_eur: Decimal, start: dt.date, end: dt.date, day: dt.date
) -> Proration:
    total = (end - start).days
    remaining = (end - day).days
    return Proration(round_half_up((new_eur - old_eur) * remaining / total), remaining, total)


def plan_service_text(plan_name: str, start: dt.date, end: dt.date) -> str:
    """How a plan's period reads on the ledger and the act: end shown inclusive."""
    last = end - dt.timedelta(days=1)
    return f"Тариф «{plan_name}» за {start:%d.%m.%Y}–{last:%d.%m.%Y}"

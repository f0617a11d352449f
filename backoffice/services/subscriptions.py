"""Subscriptions (SPEC §6.2): order, activation, settlement of outstanding
charges, plan change, suspend and resume.

Every debit goes through `ledger.post_entries` with a source key naming what
it pays for, so a re-run never pays twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from backoffice import bounds, validation
from backoffice.billing import periods
from backoffice.billing.catalog import OptionSpec, OptionType, PlanSpec
from backoffice.billing.policy import Anchor, BillingPolicy, ChangePolicy, ChargeMode
from backoffice.billing.pricing import (
    PeriodPrice,
    Proration,
    Quote,
    full_month_change_eur,
    make_quote,
    plan_service_text,
    price_period,
    prorate_change,
)
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    CatalogOption,
    Charge,
    PlanVersion,
    Subscription,
    SubscriptionOption,
    UsageRecord,
)
from backoffice.domain import EntryDraft, EntryKind
from backoffice.errors import BackofficeError, InputError
from backoffice.money import round_half_up
from backoffice.permissions import Permission, require
from backoffice.services import access, audit, catalog, ledger, rates, recognition, settings

LIVE = ("pending", "active", "blocked", "suspended")


@dataclass(frozen=True)
class SubscriptionView:
    id: int
    account: str
    plan: str
    status: str
    months: int
    auto_renew: bool
    period_start: dt.date | None
    period_end: dt.date | None  # exclusive


@dataclass(frozen=True)
class Order:
    plan: PlanSpec
    version_id: int
    options: tuple[tuple[OptionSpec, int], ...]
    months: int
    policy: BillingPolicy


def policy_for(uow: UnitOfWork, plan: PlanSpec) -> BillingPolicy:
    return settings.billing_policy(uow, preset_name=plan.policy)


def funds_of(account: Account) -> Decimal:
    """Balance plus the credit line where credit is on (SPEC §6.5, §6.6)."""
    return account.balance + (account.credit_limit if account.credit_enabled else Decimal(0))


def quote(
    uow: UnitOfWork,
    account_number: str,
    plan_code: str,
    options: Sequence[tuple[str, int]],
    months: int,
    day: dt.date,
) -> Quote:
    """The tariff constructor: the full price breakdown, writing nothing."""
    account = ledger.find_account(uow, account_number)
    order = _order(uow, plan_code, options, months)
    price = price_period(order.plan, order.options, months, order.policy)
    conversion = rates.convert_eur(uow, price.eur, day)
    return make_quote(
        price, order.plan, conversion.rate, conversion.markup_percent, funds_of(account)
    )


def subscribe(
    uow: UnitOfWork,
    account_number: str,
    plan_code: str,
    options: Sequence[tuple[str, int]],
    months: int,
    auto_renew: bool,
    day: dt.date,
) -> SubscriptionView:
    """A constructor purchase: a pending subscription, activated at once where funds allow."""
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    account = ledger.find_account(uow, account_number)
    live = live_subscription(uow, account.id)
    if live is not None:
        raise BackofficeError(
            f"account {account.number} already has a {live.status} subscription; "
            "use change-plan to change it"
        )
    order = _order(uow, plan_code, options, months)
    price = price_period(order.plan, order.options, months, order.policy)  # refuses a bad period
    if price.eur > bounds.MAX_CHARGE_EUR:
        # its debit must fit one ledger entry, or the daily run could not post it
        raise InputError(
            f"the purchase costs {price.eur} EUR, over the limit of {bounds.MAX_CHARGE_EUR} EUR "
            "for one charge"
        )
    subscription = Subscription(
        account_id=account.id,
        plan_version_id=order.version_id,
        status="pending",
        months=months,
        auto_renew=auto_renew,
        ordered_on=day,
    )
    uow.session.add(subscription)
    uow.session.flush()
    for option, quantity in order.options:
        row = catalog.option_by_code(uow, option.code)
        uow.session.add(
            SubscriptionOption(
                subscription_id=subscription.id,
                option_id=row.id,
                quantity=quantity,
                status="pending",
                ordered_on=day,
            )
        )
    uow.session.flush()
    audit.record(
        uow,
        "subscription.order",
        f"account {account.number}",
        None,
        {"plan": plan_code, "months": months, "auto_renew": auto_renew},
    )
    settle_account(uow, account.id, day)
    return view_of(uow, subscription)


def settle_account(uow: UnitOfWork, account_id: int, day: dt.date) -> None:
    """Spend available funds on what waits for them: outstanding charges,
    oldest first, then a pending activation. Called after every top-up."""
    ledger.lock_accounts(uow, [account_id])
    account = uow.session.get(Account, account_id)
    assert account is not None
    uow.session.refresh(account)
    for charge in _outstanding(uow, account_id):
        if not _post_charge(uow, account, charge, day):
            break
    subscription = live_subscription(uow, account_id)
    if subscription is not None and subscription.status == "pending":
        _activate(uow, account, subscription, day)
    access.refresh(uow, [account_id], day)


def _activate(uow: UnitOfWork, account: Account, subscription: Subscription, day: dt.date) -> bool:
    order = order_of(uow, subscription)
    price = price_period(order.plan, order.options, subscription.months, order.policy)
    free = price.eur == 0  # a free plan needs no rate and no funds
    conversion = None if free else rates.convert_eur(uow, price.eur, day)
    if conversion is not None and funds_of(account) < conversion.uah:
        return False
    start, end = periods.first_period(order.policy.anchor, day, subscription.months)
    if conversion is not None and order.policy.charge_mode is not ChargeMode.DAILY:
        ledger.post_entries(
            uow,
            [
                EntryDraft(
                    account.id,
                    day,
                    EntryKind.DEBIT_ACTIVATION,
                    -conversion.uah,
                    comment=_describe(order, start, end),
                    eur=-price.eur,
                    rate=conversion.rate,
                    markup_percent=conversion.markup_percent,
                    source_key=f"activation:{subscription.id}",
                )
            ],
        )
        _recognise_over(uow, f"activation:{subscription.id}", subscription, day, start, end)
    subscription.status = "active"
    subscription.activated_on = day
    subscription.period_start, subscription.period_end = start, end
    for option in _options(uow, subscription.id):
        option.status = "active"
    uow.session.refresh(account)
    if conversion is not None and order.policy.charge_mode is ChargeMode.DAILY:
        # [S1] funds for the full price were needed; the price is debited day by day
        charge = daily_charge(uow, subscription, day)
        if charge is not None:
            _post_charge(uow, account, charge, day)
    return True


def _recognise_over(
    uow: UnitOfWork,
    source_key: str,
    subscription: Subscription,
    day: dt.date,
    start: dt.date,
    end: dt.date,
) -> None:
    """The debit just posted under `source_key` pays for [start, end): the
    acts recognise it over the months it covers (SPEC §11)."""
    recognition.record_periods(
        uow,
        [
            recognition.PaidPeriod(
                source_key, subscription.account_id, subscription.id, day, start, end
            )
        ],
    )


def daily_charge(uow: UnitOfWork, subscription: Subscription, day: dt.date) -> Charge | None:
    """[S1] The day's share of the monthly price: price / days in the month.
    Made once per subscription and day; None when it already exists or is zero."""
    key = f"daily:{subscription.id}:{day}"
    if uow.session.execute(select(Charge.id).where(Charge.source_key == key)).first():
        return None
    order = order_of(uow, subscription)
    first = day.replace(day=1)
    days_in_month = (periods.add_months(first, 1) - first).days
    monthly = price_period(order.plan, order.options, 1, order.policy).eur
    eur = round_half_up(monthly / days_in_month)
    if eur == 0:
        return None  # a free plan owes nothing; the ledger holds no zero amounts
    charge = Charge(
        account_id=subscription.account_id,
        subscription_id=subscription.id,
        kind=str(EntryKind.DEBIT_DAILY),
        eur=eur,
        description=f"Тариф «{order.plan.name}» за {day:%d.%m.%Y}",
        due_on=day,
        status="outstanding",
        source_key=key,
    )
    uow.session.add(charge)
    uow.session.flush()
    return charge


def _post_charge(uow: UnitOfWork, account: Account, charge: Charge, day: dt.date) -> bool:
    conversion = rates.convert_eur(uow, charge.eur, day)
    if funds_of(account) < conversion.uah:
        return False
    [entry_id] = ledger.post_entries(
        uow,
        [
            EntryDraft(
                account.id,
                day,
                EntryKind(charge.kind),
                -conversion.uah,
                comment=charge.description,
                eur=-charge.eur,
                rate=conversion.rate,
                markup_percent=conversion.markup_percent,
                source_key=charge.source_key,
            )
        ],
        return_ids=True,
    ).ids
    charge.status, charge.entry_id = "posted", entry_id
    if charge.source_key.startswith("option:"):
        option = uow.session.get(SubscriptionOption, int(charge.source_key.split(":")[1]))
        if option is not None and option.status == "pending":
            option.status = "active"
    if charge.subscription_id is not None and charge.kind == EntryKind.DEBIT_RENEWAL:
        subscription = uow.session.get(Subscription, charge.subscription_id)
        assert subscription is not None
        _start_paid_period(uow, subscription, day)
        assert subscription.period_start and subscription.period_end
        _recognise_over(
            uow,
            charge.source_key,
            subscription,
            day,
            subscription.period_start,
            subscription.period_end,
        )
    elif charge.subscription_id is not None and charge.kind == EntryKind.DEBIT_OPTION:
        subscription = uow.session.get(Subscription, charge.subscription_id)
        if subscription is not None and subscription.period_end is not None:
            # an option is bought for the rest of the paid period
            _recognise_over(uow, charge.source_key, subscription, day, day, subscription.period_end)
    uow.session.refresh(account)
    return True


def _start_paid_period(uow: UnitOfWork, subscription: Subscription, day: dt.date) -> None:
    """A renewal paid late: the next period if the payment falls in it, else
    a fresh period from the payment day (the full price buys a full period)."""
    assert subscription.period_end and subscription.activated_on
    policy = order_of(uow, subscription).policy
    start, end = periods.next_period(
        policy.anchor, subscription.period_end, subscription.months, subscription.activated_on
    )
    if day >= end:
        start, end = periods.first_period(policy.anchor, day, subscription.months)
    subscription.period_start, subscription.period_end = start, end
    if subscription.status == "blocked":
        subscription.status = "active"


def change_plan(
    uow: UnitOfWork, account_number: str, plan_code: str, day: dt.date
) -> SubscriptionView:
    """Change the plan of a running subscription under the policy's change rule."""
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    account = ledger.find_account(uow, account_number)
    subscription, old, new_version, new_plan = planned_change(uow, account, plan_code, day)
    policy = old.policy
    if policy.change_policy is ChangePolicy.PRORATED:
        _change_prorated(uow, account, subscription, old, new_plan, new_version, day)
    else:
        _change_full_month(uow, account, subscription, new_plan, new_version, policy, day)
    subscription.last_change_on = day
    # A change is refused while objects exceed the new plan's limits, so
    # nothing is over any more: the limit grace starts afresh if they go over.
    subscription.limit_exceeded_since = None
    audit.record(
        uow, "subscription.change_plan", f"account {account.number}", old.plan.code, plan_code
    )
    access.refresh(uow, [account.id], day)
    return view_of(uow, subscription)


def planned_change(
    uow: UnitOfWork, account: Account, plan_code: str, day: dt.date
) -> tuple[Subscription, Order, PlanVersion, PlanSpec]:
    """The running subscription, its order and the new plan, once every rule
    that refuses a change let it through (the preview asks the same)."""
    subscription = live_subscription(uow, account.id)
    if subscription is None or subscription.status not in ("active", "blocked"):
        raise BackofficeError(f"account {account.number} has no running subscription to change")
    old = order_of(uow, subscription)
    new_version = catalog.current_version(uow, plan_code)
    new_plan = catalog.plan_spec(uow, new_version)
    if new_plan.code == old.plan.code and new_version.id == subscription.plan_version_id:
        raise BackofficeError(f"account {account.number} is already on plan {plan_code}")
    _refuse_downgrade_below_objects(uow, account, subscription, new_plan)
    policy = old.policy
    if (
        policy.change_policy is ChangePolicy.PRORATED
        and policy.changes_per_day
        and subscription.last_change_on == day
    ):
        raise BackofficeError(
            f"account {account.number}: the plan was already changed on {day}; one change a day"
        )
    return subscription, old, new_version, new_plan


def _change_full_month(
    uow: UnitOfWork,
    account: Account,
    subscription: Subscription,
    plan: PlanSpec,
    version: PlanVersion,
    policy: BillingPolicy,
    day: dt.date,
) -> None:
    """[S0 7.2, 7.3]: the new plan for the current month in full, no refund;
    what was included in the old plan burns."""
    eur = full_month_change_eur(plan, policy)
    conversion = rates.convert_eur(uow, eur, day)
    if funds_of(account) < conversion.uah:
        raise BackofficeError(
            f"account {account.number}: plan {plan.code} costs {conversion.uah} UAH, "
            f"funds are {funds_of(account)}; top up {conversion.uah - funds_of(account)} first"
        )
    start, end = periods.first_period(policy.anchor, day, 1)
    ledger.post_entries(
        uow,
        [
            EntryDraft(
                account.id,
                day,
                EntryKind.DEBIT_ACTIVATION,
                -conversion.uah,
                comment=f"Зміна тарифу на «{plan.name}» з {day:%d.%m.%Y}",
                eur=-eur,
                rate=conversion.rate,
                markup_percent=conversion.markup_percent,
                source_key=f"change:{subscription.id}:{day}:{plan.code}",
            )
        ],
    )
    # the old plan is rendered up to the change; the new one over its month
    recognition.end_early(uow, subscription.id, day)
    _recognise_over(
        uow, f"change:{subscription.id}:{day}:{plan.code}", subscription, day, start, end
    )
    subscription.plan_version_id = version.id
    subscription.period_start, subscription.period_end = start, end
    subscription.months = 1
    subscription.status = "active"


def _change_prorated(
    uow: UnitOfWork,
    account: Account,
    subscription: Subscription,
    old: Order,
    plan: PlanSpec,
    version: PlanVersion,
    day: dt.date,
) -> None:
    """[S4]: an upgrade pays the difference for the unused days; a downgrade
    gets the difference back."""
    assert subscription.period_start and subscription.period_end
    proration = prorated_difference(subscription, old, plan, day)
    difference, remaining, total = proration.eur, proration.remaining, proration.total
    if difference:
        conversion = rates.convert_eur(uow, abs(difference), day)
        if difference > 0 and funds_of(account) < conversion.uah:
            raise BackofficeError(
                f"account {account.number}: the upgrade costs {conversion.uah} UAH for "
                f"{remaining} days, funds are {funds_of(account)}"
            )
        sign = -1 if difference > 0 else 1
        kind = EntryKind.DEBIT_ACTIVATION if difference > 0 else EntryKind.REFUND_PRORATION
        ledger.post_entries(
            uow,
            [
                EntryDraft(
                    account.id,
                    day,
                    kind,
                    sign * conversion.uah,
                    comment=f"Зміна тарифу «{old.plan.name}» → «{plan.name}», "
                    f"{remaining} з {total} днів",
                    eur=sign * abs(difference),
                    rate=conversion.rate,
                    markup_percent=conversion.markup_percent,
                    source_key=f"change:{subscription.id}:{day}:{plan.code}",
                )
            ],
        )
        # the difference (debit or refund) is for the rest of the paid period
        _recognise_over(
            uow,
            f"change:{subscription.id}:{day}:{plan.code}",
            subscription,
            day,
            day,
            subscription.period_end,
        )
    subscription.plan_version_id = version.id


def prorated_difference(
    subscription: Subscription, old: Order, plan: PlanSpec, day: dt.date
) -> Proration:
    """[S4] What changing to `plan` on the day pays (> 0) or refunds (< 0):
    both plans priced with the old options, for the days left of the period."""
    assert subscription.period_start and subscription.period_end
    months = subscription.months
    return prorate_change(
        price_period(old.plan, old.options, months, old.policy).eur,
        price_period(plan, old.options, months, old.policy).eur,
        subscription.period_start,
        subscription.period_end,
        day,
    )


def _refuse_downgrade_below_objects(
    uow: UnitOfWork, account: Account, subscription: Subscription, plan: PlanSpec
) -> None:
    """[S1] A plan whose limits are below the objects in use is refused, with the counts."""
    too_many = []
    for code, limit in plan.limits.items():
        option = catalog.option_by_code(uow, code)
        in_use = objects_in_use(uow, account.id, option.id)
        extra = _extra_quantity(uow, subscription.id, option.id)
        if in_use > limit + extra:
            too_many.append(f"{code}: {in_use} in use, the plan allows {limit + extra}")
    if too_many:
        raise BackofficeError(
            f"account {account.number}: plan {plan.code} is too small ({'; '.join(too_many)})"
        )


def objects_in_use(uow: UnitOfWork, account_id: int, option_id: int) -> int:
    """Objects counted by a limit option: the sum of the reported deltas."""
    return int(
        uow.session.execute(
            select(func.coalesce(func.sum(UsageRecord.quantity), 0)).where(
                UsageRecord.account_id == account_id, UsageRecord.option_id == option_id
            )
        ).scalar_one()
    )


def _extra_quantity(uow: UnitOfWork, subscription_id: int, option_id: int) -> int:
    return int(
        uow.session.execute(
            select(func.coalesce(func.sum(SubscriptionOption.quantity), 0)).where(
                SubscriptionOption.subscription_id == subscription_id,
                SubscriptionOption.option_id == option_id,
                SubscriptionOption.status == "active",
            )
        ).scalar_one()
    )


def suspend(uow: UnitOfWork, account_number: str, day: dt.date) -> SubscriptionView:
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    account = ledger.find_account(uow, account_number)
    subscription = live_subscription(uow, account.id)
    if subscription is None or subscription.status not in ("active", "blocked"):
        raise BackofficeError(f"account {account.number} has no running subscription to suspend")
    if order_of(uow, subscription).policy.charge_mode is ChargeMode.DAILY:
        daily_charge(uow, subscription, day)  # [S1] the day of suspension is still charged
    subscription.status = "suspended"
    recognition.end_early(uow, subscription.id, day)  # nothing rendered while suspended
    audit.record(uow, "subscription.suspend", f"account {account.number}", None, str(day))
    settle_account(uow, account.id, day)
    return view_of(uow, subscription)


def add_options(
    uow: UnitOfWork,
    account_number: str,
    options: Sequence[tuple[str, int]],
    day: dt.date,
    *,
    boost: bool = False,
) -> SubscriptionView:
    """Options added to a running subscription [S0 6.2]: a separate charge for
    the rest of the paid period (whole months); each option activates when its
    price is debited and stays inactive without funds. A boost pack [S3] is the
    same for the current period only."""
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    account = ledger.find_account(uow, account_number)
    subscription = live_subscription(uow, account.id)
    if subscription is None or subscription.status != "active":
        raise BackofficeError(f"account {account.number} has no active subscription to extend")
    assert subscription.period_end is not None
    months_left = max(1, _whole_months(day, subscription.period_end))
    for code, quantity in options:
        quantity = validation.quantity(quantity, what=f"option {code}: quantity")
        row = catalog.option_by_code(uow, code)
        if quantity <= 0:
            raise InputError(f"option {code}: quantity must be positive")
        added = SubscriptionOption(
            subscription_id=subscription.id,
            option_id=row.id,
            quantity=quantity,
            status="pending",
            ordered_on=day,
            renews=not boost,
        )
        uow.session.add(added)
        uow.session.flush()
        label = "Пакет" if boost else "Опція"
        uow.session.add(
            Charge(
                account_id=account.id,
                subscription_id=subscription.id,
                kind=str(EntryKind.DEBIT_OPTION),
                eur=row.unit_price * quantity * months_left,
                description=f"{label} «{row.name}», {quantity} {row.unit} × {months_left} міс.",
                due_on=day,
                status="outstanding",
                source_key=f"option:{added.id}",
            )
        )
    uow.session.flush()
    audit.record(
        uow,
        "subscription.add_options",
        f"account {account.number}",
        None,
        {"options": dict(options), "boost": boost},
    )
    settle_account(uow, account.id, day)
    return view_of(uow, subscription)


def _whole_months(day: dt.date, end: dt.date) -> int:
    """Months of the paid period still to come, the current one counted whole."""
    months = 0
    cursor = day
    while cursor < end:
        months += 1
        cursor = periods.add_months(cursor, 1)
    return months


def resume(uow: UnitOfWork, account_number: str, day: dt.date) -> SubscriptionView:
    require(uow, Permission.MANAGE_SUBSCRIPTIONS)
    account = ledger.find_account(uow, account_number)
    subscription = live_subscription(uow, account.id)
    if subscription is None or subscription.status != "suspended":
        raise BackofficeError(f"account {account.number} has no suspended subscription")
    subscription.status = "active"
    recognition.resume_rendering(uow, subscription.id, day)
    audit.record(uow, "subscription.resume", f"account {account.number}", None, str(day))
    if subscription.period_end is not None and subscription.period_end <= day:
        from backoffice.services import daily  # the renewal rule lives there

        daily.renew_due(uow, day, account_ids=[account.id])
    settle_account(uow, account.id, day)
    return view_of(uow, subscription)


# -- reading --------------------------------------------------------------------


def live_subscription(uow: UnitOfWork, account_id: int) -> Subscription | None:
    return uow.session.execute(
        select(Subscription)
        .where(Subscription.account_id == account_id, Subscription.status.in_(LIVE))
        .order_by(Subscription.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def current_subscription(uow: UnitOfWork, account_id: int) -> Subscription | None:
    """The live subscription, else the latest ended one."""
    return (
        live_subscription(uow, account_id)
        or uow.session.execute(
            select(Subscription)
            .where(Subscription.account_id == account_id)
            .order_by(Subscription.id.desc())
            .limit(1)
        ).scalar_one_or_none()
    )


def view_of(uow: UnitOfWork, subscription: Subscription) -> SubscriptionView:
    version = uow.session.get(PlanVersion, subscription.plan_version_id)
    assert version is not None
    plan = catalog.plan_spec(uow, version)
    account = uow.session.get(Account, subscription.account_id)
    assert account is not None
    return SubscriptionView(
        subscription.id,
        account.number,
        plan.code,
        subscription.status,
        subscription.months,
        subscription.auto_renew,
        subscription.period_start,
        subscription.period_end,
    )


def outstanding_total(uow: UnitOfWork, account_id: int) -> Decimal:
    """EUR of the charges waiting for funds (their UAH depends on the day they post)."""
    total = uow.session.execute(
        select(func.sum(Charge.eur)).where(
            Charge.account_id == account_id, Charge.status == "outstanding"
        )
    ).scalar()
    return total if total is not None else Decimal("0.00")


def order_of(uow: UnitOfWork, subscription: Subscription) -> Order:
    version = uow.session.get(PlanVersion, subscription.plan_version_id)
    assert version is not None
    plan = catalog.plan_spec(uow, version)
    options = tuple(
        (catalog.option_spec(row), option.quantity)
        for option, row in uow.session.execute(
            select(SubscriptionOption, CatalogOption)
            .join(CatalogOption, CatalogOption.id == SubscriptionOption.option_id)
            .where(
                SubscriptionOption.subscription_id == subscription.id,
                # a pending order is priced with all it ordered; a running one
                # with what is paid (added options activate when debited)
                SubscriptionOption.status.in_(
                    ("active", "pending") if subscription.status == "pending" else ("active",)
                ),
            )
            .order_by(SubscriptionOption.id)
        ).all()
    )
    return Order(plan, version.id, options, subscription.months, policy_for(uow, plan))


def _order(
    uow: UnitOfWork, plan_code: str, options: Sequence[tuple[str, int]], months: int
) -> Order:
    version = catalog.current_version(uow, plan_code)
    plan = catalog.plan_spec(uow, version)
    specs = []
    for code, quantity in options:
        quantity = validation.quantity(quantity, what=f"option {code}: quantity")
        option = catalog.option_spec(catalog.option_by_code(uow, code))
        if option.type is OptionType.LIMIT and quantity <= 0:
            raise InputError(f"option {code}: quantity must be positive")
        specs.append((option, quantity))
    return Order(plan, version.id, tuple(specs), months, policy_for(uow, plan))


def _options(uow: UnitOfWork, subscription_id: int) -> list[SubscriptionOption]:
    return list(
        uow.session.execute(
            select(SubscriptionOption).where(SubscriptionOption.subscription_id == subscription_id)
        ).scalars()
    )


def _outstanding(uow: UnitOfWork, account_id: int) -> list[Charge]:
    return list(
        uow.session.execute(
            select(Charge)
            .where(Charge.account_id == account_id, Charge.status == "outstanding")
            .order_by(Charge.due_on, Charge.id)
        ).scalars()
    )


def _periods(plan: PlanSpec, policy: BillingPolicy) -> dict[int, Decimal]:
    return dict(plan.period_discounts or policy.period_discounts)


def _describe(order: Order, start: dt.date, end: dt.date) -> str:
    return plan_service_text(order.plan.name, start, end)


def period_price(order: Order) -> PeriodPrice:
    return price_period(order.plan, order.options, order.months, order.policy)


__all__ = ["Anchor", "SubscriptionView", "change_plan", "quote", "resume", "subscribe", "suspend"]


def sign_up_free_plan(uow: UnitOfWork, account_numbers: Sequence[str], day: dt.date) -> int:
    """[S3] New clients get the free plan where the policy says so."""
    if not settings.billing_policy(uow).free_plan_on_signup:
        return 0
    free = catalog.free_plan_code(uow)
    if free is None:
        return 0
    for number in account_numbers:
        subscribe(uow, number, free, (), 1, True, day)
    return len(account_numbers)

"""The daily run (SPEC §12): renewals, overage, daily charges, outstanding
charges, expiry, credit limits, access, alerts, for one business day.

Work is loaded in bulk, priced in memory and posted through the ledger's bulk
path. Every debit has a source key, so running a day twice posts nothing the
second time. An account whose work fails (a missing rate, say) is reported
with the reason and left untouched; the others go on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Date,
    Table,
    and_,
    bindparam,
    case,
    func,
    insert,
    literal,
    select,
    type_coerce,
    update,
)

from backoffice import bounds
from backoffice.billing import periods
from backoffice.billing.catalog import OptionSpec, OptionType, PlanSpec
from backoffice.billing.policy import Anchor, BillingPolicy, ChargeMode
from backoffice.billing.pricing import plan_service_text, price_period
from backoffice.db.among import among
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    CatalogOption,
    Charge,
    DailyRun,
    LedgerEntry,
    MonthLock,
    OverageDebit,
    Subscription,
    SubscriptionOption,
    UsageRecord,
)
from backoffice.domain import EntryDraft, EntryKind
from backoffice.errors import BackofficeError, MissingRate
from backoffice.money import eur_to_uah, from_minor, round_half_up, to_minor
from backoffice.permissions import Permission, require
from backoffice.services import (
    access,
    alerts,
    audit,
    catalog,
    chain,
    invoices,
    ledger,
    limits,
    rates,
    recognition,
    settings,
)
from backoffice.services import subscriptions as subs
from backoffice.services.plan_book import PlanBook as _Plans
from backoffice.services.plan_book import renewal_options as _options_by_subscription

SUBSCRIPTIONS: Table = Subscription.__table__  # type: ignore[assignment]
CHARGES: Table = Charge.__table__  # type: ignore[assignment]
OVERAGE_DEBITS: Table = OverageDebit.__table__  # type: ignore[assignment]
DEBIT_KINDS = (
    "debit_activation",
    "debit_renewal",
    "debit_option",
    "debit_overage",
    "debit_daily",
)


@dataclass
class DayReport:
    day: dt.date
    renewed: int = 0
    outstanding_created: int = 0
    outstanding_posted: int = 0
    ended: int = 0
    overage_debits: int = 0
    daily_debits: int = 0
    expired: int = 0
    credit_limits: int = 0
    access_changed: int = 0
    alerts: int = 0
    invoices: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (account, reason)


@dataclass(frozen=True)
class DailyResult:
    days: tuple[DayReport, ...]

    @property
    def errors(self) -> list[tuple[str, str, str]]:
        return [(str(r.day), a, why) for r in self.days for a, why in r.errors]


def run_daily(uow: UnitOfWork, day: dt.date, *, since: dt.date | None = None) -> DailyResult:
    """Run `day`, first catching up any day missed since the last run (or
    since `since` when nothing has run yet)."""
    require(uow, Permission.RUN_DAILY)
    if uow.dialect == "postgresql":
        # The ledger's head before any account or subscription row (the lock
        # order of services/chain.py): the days refresh access and renew
        # without always posting, and a posting holding the head while it
        # waits for an account this run holds would deadlock with the run's
        # own later posting or the closing's numbering (bench/load.py).
        chain.lock_head(uow.session.connection())
    last = uow.session.execute(select(func.max(DailyRun.day))).scalar()
    if last is None:
        start = min(since or day, day)
    else:
        start = day if last >= day else last + dt.timedelta(days=1)
    locked = uow.session.execute(select(func.max(MonthLock.month))).scalar()
    if locked is not None:
        after_lock = periods.month_bounds(locked)[1]
        if day < after_lock:
            # closed months are a prefix of time: the day's own month is closed
            # (the latest closed one may be later, and is the wrong one to name)
            raise BackofficeError(f"{day} is in closed month {day:%Y-%m}: nothing can be run")
        start = max(start, after_lock)
    reports = []
    current = start
    while current <= day:
        # Days caught up before `day` refresh the access of the accounts
        # their work touched; `day` itself re-derives every account's access,
        # which also brings any state changed outside the runs up to date.
        reports.append(run_one_day(uow, current, refresh_all=current == day))
        current += dt.timedelta(days=1)
    result = DailyResult(tuple(reports))
    _audit_run(uow, day, result)
    return result


def _audit_run(uow: UnitOfWork, day: dt.date, result: DailyResult) -> None:
    """One record for the whole run, days caught up included: what it did, in sums."""
    totals: dict[str, object] = {"days": len(result.days)}
    if result.days:
        totals["from"] = result.days[0].day
    for name, value in DayReport(day).__dict__.items():
        if isinstance(value, int):
            totals[name] = sum(getattr(r, name) for r in result.days)
    totals["errors"] = len(result.errors)
    audit.record(uow, "daily.run", str(day), None, totals)


def run_one_day(uow: UnitOfWork, day: dt.date, *, refresh_all: bool = True) -> DayReport:
    """One business day. With `refresh_all` off, access is refreshed only for
    the accounts this day's work touched (all that the access rule reads
    about them can have changed today only through that work), so a quiet
    day costs little however many accounts there are."""
    report = DayReport(day)
    policy = settings.billing_policy(uow)
    touched: set[int] = set()
    renew_due(uow, day, report=report, touched=touched)
    _overage(uow, day, report, touched)
    limit_events = limits.check_limits(uow, day, touched)
    _daily_charges(uow, day, report, touched)
    touched |= _settle_outstanding(uow, day, report)
    _block_unpaid(uow, day, touched)
    _expire_balances(uow, day, policy.expiry_months, report, touched)
    _credit_limits(uow, day, policy.credit_percent, report, touched)
    changed = access.refresh_changed(uow, None if refresh_all else touched, day)
    report.access_changed = len(changed)
    # A block to alert about is a change of access, or charges of a blocked
    # account that this day's work made or paid: those accounts only.
    report.alerts = alerts.record_day(uow, day, touched.union(changed))
    report.alerts += alerts.record_limit_events(uow, day, limit_events)
    _invoice_run(uow, day, report)
    _record_run(uow, day, report)
    return report


def _invoice_run(uow: UnitOfWork, day: dt.date, report: DayReport) -> None:
    """The invoice run on its day (§12), and on the days after it in the
    month, which issue only what an earlier run missed."""
    try:
        with uow.session.begin_nested():
            report.invoices = len(invoices.invoice_run(uow, day).issued)
    except BackofficeError as exc:
        report.errors.append(("invoice run", str(exc)))


# -- renewals ---------------------------------------------------------------------


def renew_due(
    uow: UnitOfWork,
    day: dt.date,
    *,
    account_ids: Iterable[int] | None = None,
    report: DayReport | None = None,
    touched: set[int] | None = None,
) -> DayReport:
    """Renew (or end) every running subscription whose paid period is over;
    the accounts concerned are added to `touched`."""
    report = report or DayReport(day)
    statement = (
        select(
            Subscription.id,
            Subscription.account_id,
            Subscription.plan_version_id,
            Subscription.months,
            Subscription.auto_renew,
            Subscription.activated_on,
            Subscription.period_end,
            Account.number,
            Account.balance,
            Account.credit_enabled,
            Account.credit_limit,
        )
        .join(Account, Account.id == Subscription.account_id)
        .where(Subscription.status == "active", Subscription.period_end <= day)
        .order_by(Subscription.account_id)
    )
    if account_ids is not None:
        statement = statement.where(Subscription.account_id.in_(list(account_ids)))
    due = uow.session.execute(statement).all()
    if not due:
        return report
    if touched is not None:
        touched.update(s.account_id for s in due)
    plans = _Plans(uow)
    options = _options_by_subscription(uow, [s.id for s in due])
    charged = _open_charge_keys(uow, sorted({s.account_id for s in due}))
    try:
        conversion_rate = rates.rate_on(uow, day, "EUR")
    except MissingRate as exc:
        conversion_rate, missing = None, str(exc)
    terms = _RenewalTerms(plans, conversion_rate)
    funds: dict[int, Decimal] = {}
    drafts: list[EntryDraft] = []
    period_updates: list[dict[str, object]] = []
    ended: list[dict[str, object]] = []
    waiting: list[dict[str, object]] = []
    new_charges: list[dict[str, object]] = []
    paid_periods: list[recognition.PaidPeriod] = []
    for subscription in due:
        if not subscription.auto_renew:
            ended.append({"b_id": subscription.id, "b_ended": subscription.period_end})
            report.ended += 1
            continue
        # A price change applies from the next renewal: renew on the newest version.
        plan_version, plan, policy = plans.renewal_terms(subscription.plan_version_id)
        assert subscription.period_end and subscription.activated_on
        start, end = terms.next_period(policy, subscription)
        if policy.charge_mode is ChargeMode.DAILY:
            period_updates.append(_period(subscription.id, plan_version.id, start, end))
            report.renewed += 1
            continue
        eur = terms.price(
            plan_version.id, plan, options.get(subscription.id, ()), subscription.months, policy
        )
        if eur == 0:
            # A free plan renews without an entry (the ledger holds no zero
            # amounts), without a rate and whatever the funds.
            period_updates.append(_period(subscription.id, plan_version.id, start, end))
            report.renewed += 1
            continue
        key = f"renewal:{subscription.id}:{start}"
        if key in charged:
            continue  # waiting for funds already
        if conversion_rate is None:
            report.errors.append((subscription.number, missing))
            continue
        uah = terms.uah(eur, policy.fx_markup_percent)
        account_id = subscription.account_id
        if account_id not in funds:
            funds[account_id] = subscription.balance + (
                subscription.credit_limit if subscription.credit_enabled else Decimal(0)
            )  # as `subscriptions.funds_of`
        description = terms.text(plan.name, start, end)
        if funds[account_id] >= uah:
            funds[account_id] -= uah
            drafts.append(
                EntryDraft(
                    account_id,
                    day,
                    EntryKind.DEBIT_RENEWAL,
                    -uah,
                    description,
                    eur=-eur,
                    rate=conversion_rate,
                    markup_percent=policy.fx_markup_percent,
                    source_key=key,
                )
            )
            period_updates.append(_period(subscription.id, plan_version.id, start, end))
            paid_periods.append(
                recognition.PaidPeriod(key, account_id, subscription.id, day, start, end)
            )
            report.renewed += 1
        else:
            new_charges.append(
                {
                    "account_id": account_id,
                    "subscription_id": subscription.id,
                    "kind": str(EntryKind.DEBIT_RENEWAL),
                    "eur": eur,
                    "description": description,
                    "due_on": subscription.period_end,
                    "status": "outstanding",
                    "source_key": key,
                    "entry_id": None,
                }
            )
            grace_over = day >= subscription.period_end + grace_days(policy.payment_grace_hours)
            waiting.append(
                {
                    "b_id": subscription.id,
                    "b_version": plan_version.id,
                    "b_status": "blocked" if grace_over else "active",
                }
            )
            report.outstanding_created += 1
    _write(uow, insert(CHARGES), new_charges)
    _write(
        uow,
        update(SUBSCRIPTIONS)
        .where(SUBSCRIPTIONS.c.id == bindparam("b_id"))
        .values(status="ended", ended_on=bindparam("b_ended")),
        ended,
    )
    _write(
        uow,
        update(SUBSCRIPTIONS)
        .where(SUBSCRIPTIONS.c.id == bindparam("b_id"))
        .values(plan_version_id=bindparam("b_version"), status=bindparam("b_status")),
        waiting,
    )
    ledger.post_entries(uow, drafts)
    recognition.record_periods(uow, paid_periods)  # §11: split over the months covered
    _write(
        uow,
        update(SUBSCRIPTIONS)
        .where(SUBSCRIPTIONS.c.id == bindparam("b_id"))
        .values(
            plan_version_id=bindparam("b_version"),
            period_start=bindparam("b_start"),
            period_end=bindparam("b_end"),
        ),
        period_updates,
    )
    _end_boost_packs(uow, [update_["b_id"] for update_ in period_updates])
    uow.session.expire_all()
    return report


def _write(uow: UnitOfWork, statement: Any, rows: list[dict[str, object]]) -> None:
    """An executemany in chunks, in the rows' order."""
    for start in range(0, len(rows), 5_000):
        uow.session.execute(statement, rows[start : start + 5_000])


class _RenewalTerms:
    """Period, price and wording of renewals, each worked out once per
    distinct input: 100,000 renewals share a handful of plans and periods."""

    def __init__(self, plans: _Plans, conversion_rate: Decimal | None):
        self.plans = plans
        self.rate = conversion_rate
        self._periods: dict[tuple[object, ...], tuple[dt.date, dt.date]] = {}
        self._prices: dict[tuple[object, ...], Decimal] = {}
        self._uah: dict[tuple[Decimal, Decimal], Decimal] = {}
        self._texts: dict[tuple[str, dt.date, dt.date], str] = {}

    def next_period(self, policy: BillingPolicy, subscription: Any) -> tuple[dt.date, dt.date]:
        key: tuple[object, ...] = (policy.anchor, subscription.period_end, subscription.months)
        if policy.anchor is not Anchor.CALENDAR:
            key += (subscription.activated_on.day,)
        if key not in self._periods:
            self._periods[key] = periods.next_period(
                policy.anchor,
                subscription.period_end,
                subscription.months,
                subscription.activated_on,
            )
        return self._periods[key]

    def price(
        self,
        version_id: int,
        plan: PlanSpec,
        options: tuple[tuple[OptionSpec, int], ...],
        months: int,
        policy: BillingPolicy,
    ) -> Decimal:
        key = (version_id, months, options)
        if key not in self._prices:
            self._prices[key] = price_period(plan, options, months, policy).eur
        return self._prices[key]

    def uah(self, eur: Decimal, markup: Decimal) -> Decimal:
        assert self.rate is not None
        if (eur, markup) not in self._uah:
            self._uah[(eur, markup)] = eur_to_uah(eur, self.rate, markup)
        return self._uah[(eur, markup)]

    def text(self, plan_name: str, start: dt.date, end: dt.date) -> str:
        if (plan_name, start, end) not in self._texts:
            self._texts[(plan_name, start, end)] = plan_service_text(plan_name, start, end)
        return self._texts[(plan_name, start, end)]


def _end_boost_packs(uow: UnitOfWork, renewed: list[object]) -> None:
    """A boost pack [S3] lasts its period: it ends when the subscription renews."""
    options: Table = SubscriptionOption.__table__  # type: ignore[assignment]
    for start in range(0, len(renewed), 5_000):
        uow.session.execute(
            update(options)
            .where(
                among(uow, options.c.subscription_id, renewed[start : start + 5_000]),
                options.c.renews.is_(False),
                options.c.status == "active",
            )
            .values(status="expired")
        )


def _period(
    subscription_id: int, version_id: int, start: dt.date, end: dt.date
) -> dict[str, object]:
    return {"b_id": subscription_id, "b_version": version_id, "b_start": start, "b_end": end}


def _open_charge_keys(uow: UnitOfWork, account_ids: list[int]) -> set[str]:
    keys: set[str] = set()
    for start in range(0, len(account_ids), 5_000):
        keys.update(
            uow.session.execute(
                select(Charge.source_key).where(
                    among(uow, Charge.account_id, account_ids[start : start + 5_000])
                )
            ).scalars()
        )
    return keys


# -- overage and daily charges ------------------------------------------------------


def _overage(uow: UnitOfWork, day: dt.date, report: DayReport, touched: set[int]) -> None:
    """[S0 7.2] Usage above the included quantity, debited daily at unit price ×
    the overage multiplier, only for overage not debited before.

    The database returns only the counters that exceed what the plan includes
    by more than was debited already (extra quantities bought can only lower
    that, and are looked up for those few), and reads only subscriptions of
    accounts that report metered usage: a day costs what its usage costs,
    not a pass over every subscription."""
    plans = _Plans(uow)
    options = {o.id: o for o in uow.session.execute(select(CatalogOption)).scalars()}
    metered = [o.id for o in options.values() if o.type == str(OptionType.METERED)]
    if not metered:
        return
    # What each plan version includes of each metered option, as SQL over the
    # row's version and option (the catalog is small).
    whens = [
        (
            and_(Subscription.plan_version_id == version_id, UsageRecord.option_id == option_id),
            quantity,
        )
        for version_id in plans.versions
        for option_id in metered
        if (quantity := plans.spec(version_id).includes.get(options[option_id].code, 0))
    ]
    included_by_plan: Any = case(*whens, else_=0) if whens else literal(0)
    _report_unbounded_usage(uow, day, metered, report)
    with_usage = select(UsageRecord.account_id).where(
        UsageRecord.day <= day, UsageRecord.option_id.in_(metered)
    )
    maybe = uow.session.execute(
        select(
            Subscription.id,
            Subscription.account_id,
            Subscription.period_start,
            UsageRecord.option_id,
            func.sum(UsageRecord.quantity).label("used"),
            # one row each, for the rows above: the terms and what was debited
            Subscription.plan_version_id,
            OverageDebit.id.label("debit_id"),
            OverageDebit.quantity.label("debited"),
        )
        .join(
            UsageRecord,
            and_(
                UsageRecord.account_id == Subscription.account_id,
                UsageRecord.day >= Subscription.period_start,
                UsageRecord.day < Subscription.period_end,
                UsageRecord.day <= day,
                # a row beyond the bounds (entered before they were checked)
                # is reported above and left out: its sum could overflow
                UsageRecord.quantity.between(-bounds.MAX_QUANTITY, bounds.MAX_QUANTITY),
            ),
        )
        .outerjoin(
            OverageDebit,
            and_(
                OverageDebit.subscription_id == Subscription.id,
                OverageDebit.option_id == UsageRecord.option_id,
                OverageDebit.period_start == Subscription.period_start,
            ),
        )
        # a blocked subscription's period is still unpaid for, its overage too
        .where(
            Subscription.status.in_(("active", "blocked")),
            Subscription.account_id.in_(with_usage),
            UsageRecord.option_id.in_(metered),
        )
        .group_by(
            Subscription.id,
            Subscription.account_id,
            Subscription.period_start,
            UsageRecord.option_id,
            Subscription.plan_version_id,
            OverageDebit.id,
            OverageDebit.quantity,
        )
        .having(
            func.sum(UsageRecord.quantity)
            > func.coalesce(OverageDebit.quantity, 0) + included_by_plan
        )
        # SQLite's grouping order; on PostgreSQL the order of one account's
        # charges of a day (which one its funds pay first) is fixed by it too.
        .order_by(Subscription.id, UsageRecord.option_id)
    ).all()
    if not maybe:
        return
    extras = _extra_quantities(uow, sorted({row.id for row in maybe}))
    charges, new_debits, debit_updates = [], [], []
    for row in maybe:
        plan, policy = plans.spec(row.plan_version_id), plans.policy(row.plan_version_id)
        option = options[row.option_id]
        included = plan.includes.get(option.code, 0) + extras.get((row.id, row.option_id), 0)
        over = max(int(row.used) - included, 0)
        already = row.debited or 0
        if over <= already:
            continue
        multiplier = option.overage_multiplier or policy.overage_multiplier
        eur = round_half_up(option.unit_price * multiplier * (over - already))
        if eur == 0:
            continue  # a free option's overage owes nothing; the ledger holds no zero amounts
        if eur > bounds.MAX_CHARGE_EUR:
            # one absurd counter must not stop the run for every other account
            report.errors.append(
                (
                    _account_number(uow, row.account_id),
                    f"overage of {option.code} ({over - already} {option.unit}, {eur} EUR) "
                    f"is over the limit of {bounds.MAX_CHARGE_EUR} EUR for one charge; not charged",
                )
            )
            continue
        charges.append(
            {
                "account_id": row.account_id,
                "subscription_id": row.id,
                "kind": str(EntryKind.DEBIT_OVERAGE),
                "eur": eur,
                "description": f"Понад ліміт: {option.name}, {over - already} {option.unit} "
                f"× {option.unit_price} EUR × {multiplier}",
                "due_on": day,
                "status": "outstanding",
                "source_key": f"overage:{row.id}:{row.option_id}:{row.period_start}:{over}",
                "entry_id": None,
            }
        )
        if row.debit_id is None:
            new_debits.append(
                {
                    "subscription_id": row.id,
                    "option_id": row.option_id,
                    "period_start": row.period_start,
                    "quantity": over,
                }
            )
        else:
            debit_updates.append({"b_id": row.debit_id, "b_quantity": over})
        report.overage_debits += 1
        touched.add(row.account_id)
    for start in range(0, len(charges), 5_000):
        uow.session.execute(insert(CHARGES), charges[start : start + 5_000])
    if new_debits:
        uow.session.execute(insert(OVERAGE_DEBITS), new_debits)
    if debit_updates:
        uow.session.execute(
            update(OVERAGE_DEBITS)
            .where(OVERAGE_DEBITS.c.id == bindparam("b_id"))
            .values(quantity=bindparam("b_quantity")),
            debit_updates,
        )


def _report_unbounded_usage(
    uow: UnitOfWork, day: dt.date, metered: list[int], report: DayReport
) -> None:
    """Accounts whose current period holds a usage row beyond ±MAX_QUANTITY
    (only possible in data entered before the bounds were checked): named in
    the day's errors; the rest of their usage is still charged."""
    rows = uow.session.execute(
        select(Account.number, CatalogOption.code)
        .distinct()
        .join(UsageRecord, UsageRecord.account_id == Account.id)
        .join(CatalogOption, CatalogOption.id == UsageRecord.option_id)
        .join(
            Subscription,
            and_(
                Subscription.account_id == Account.id,
                UsageRecord.day >= Subscription.period_start,
                UsageRecord.day < Subscription.period_end,
            ),
        )
        .where(
            UsageRecord.day <= day,
            UsageRecord.option_id.in_(metered),
            Subscription.status.in_(("active", "blocked")),
            ~UsageRecord.quantity.between(-bounds.MAX_QUANTITY, bounds.MAX_QUANTITY),
        )
        .order_by(Account.number, CatalogOption.code)
    ).all()
    for number, code in rows:
        report.errors.append(
            (
                number,
                f"usage of {code} has a row beyond ±{bounds.MAX_QUANTITY}; "
                "left out of the overage until it is corrected",
            )
        )


def _account_number(uow: UnitOfWork, account_id: int) -> str:
    return str(uow.session.get(Account, account_id).number)  # type: ignore[union-attr]


def _extra_quantities(uow: UnitOfWork, subscription_ids: list[int]) -> dict[tuple[int, int], int]:
    """(subscription, option) → quantity bought on top of the plan: the active
    option rows, as `subscriptions.order_of` counts them for a running one."""
    found = {}
    for chunk in _chunks(subscription_ids):
        for sub_id, option_id, quantity in uow.session.execute(
            select(
                SubscriptionOption.subscription_id,
                SubscriptionOption.option_id,
                func.sum(SubscriptionOption.quantity),
            )
            .where(
                among(uow, SubscriptionOption.subscription_id, chunk),
                SubscriptionOption.status == "active",
            )
            .group_by(SubscriptionOption.subscription_id, SubscriptionOption.option_id)
        ).all():
            found[(sub_id, option_id)] = int(quantity)
    return found


class _Orders:
    """What `subscriptions.order_of` reads, for many subscriptions at once: the
    plan of the subscription's own version, its policy, and its options in
    option-row order (a pending order with all it ordered, a running one with
    the active options)."""

    def __init__(self, uow: UnitOfWork, subscription_ids: list[int]):
        self.plans = _Plans(uow)
        self.version_of: dict[int, int] = {}
        self.options: dict[int, list[tuple[OptionSpec, int]]] = defaultdict(list)
        specs = {
            row.id: catalog.option_spec(row)
            for row in uow.session.execute(select(CatalogOption)).scalars()
        }
        for chunk in _chunks(subscription_ids):
            priced: dict[int, tuple[str, ...]] = {}
            for sub_id, version_id, status in uow.session.execute(
                select(Subscription.id, Subscription.plan_version_id, Subscription.status).where(
                    among(uow, Subscription.id, chunk)
                )
            ).all():
                self.version_of[sub_id] = version_id
                priced[sub_id] = ("active", "pending") if status == "pending" else ("active",)
            for sub_id, option_id, quantity, status in uow.session.execute(
                select(
                    SubscriptionOption.subscription_id,
                    SubscriptionOption.option_id,
                    SubscriptionOption.quantity,
                    SubscriptionOption.status,
                )
                .where(among(uow, SubscriptionOption.subscription_id, chunk))
                .order_by(SubscriptionOption.id)
            ).all():
                if status in priced[sub_id]:
                    self.options[sub_id].append((specs[option_id], quantity))

    def terms(self, subscription_id: int) -> tuple[PlanSpec, BillingPolicy]:
        version_id = self.version_of[subscription_id]
        return self.plans.spec(version_id), self.plans.policy(version_id)

    def order_options(self, subscription_id: int) -> tuple[tuple[OptionSpec, int], ...]:
        return tuple(self.options[subscription_id])


def _chunks(ids: list[Any], size: int = 5_000) -> Iterable[list[Any]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _daily_charges(uow: UnitOfWork, day: dt.date, report: DayReport, touched: set[int]) -> None:
    """[S1] Daily charge mode: the monthly price / days in the month, each day."""
    daily_versions = _Plans(uow).version_ids_with(ChargeMode.DAILY)
    if not daily_versions:
        return
    running = (
        uow.session.execute(
            select(Subscription).where(
                Subscription.status.in_(("active", "suspended")),
                Subscription.activated_on <= day,
                Subscription.plan_version_id.in_(daily_versions),
            )
        )
        .scalars()
        .all()
    )
    if not running:
        return
    orders = _Orders(uow, [s.id for s in running])
    keys = [f"daily:{s.id}:{day}" for s in running]
    charged: set[str] = set()
    for start in range(0, len(keys), 5_000):
        charged.update(
            uow.session.execute(
                select(Charge.source_key).where(
                    among(uow, Charge.source_key, keys[start : start + 5_000])
                )
            ).scalars()
        )
    days_in_month = (periods.add_months(day.replace(day=1), 1) - day.replace(day=1)).days
    for subscription, key in zip(running, keys, strict=True):
        plan, policy = orders.terms(subscription.id)
        if subscription.status == "suspended" and subscription.last_change_on != day:
            continue  # suspended: only the day of suspension is still charged
        monthly = price_period(plan, orders.order_options(subscription.id), 1, policy).eur
        eur = round_half_up(monthly / days_in_month)
        if key in charged or eur == 0:
            continue  # a free plan owes nothing: no charge (the ledger holds no zero amounts)
        uow.session.add(
            Charge(
                account_id=subscription.account_id,
                subscription_id=subscription.id,
                kind=str(EntryKind.DEBIT_DAILY),
                eur=eur,
                description=f"Тариф «{plan.name}» за {day:%d.%m.%Y}",
                due_on=day,
                status="outstanding",
                source_key=key,
            )
        )
        report.daily_debits += 1
        touched.add(subscription.account_id)
    uow.session.flush()


def _settle_outstanding(uow: UnitOfWork, day: dt.date, report: DayReport) -> set[int]:
    """Spend the funds of every account on what waits for them, as
    `subscriptions.settle_account` does one account at a time; returns the
    accounts settled.

    Most waiting accounts cannot pay their oldest charge, and then
    `settle_account` would do nothing for them: one read of the oldest
    charges and the funds finds the few that can (or wait for an
    activation), and only those are locked and settled. Where the outcome
    can be decided in bulk (only overage and daily charges to pay), the
    debits are posted together, in the same order, and the access of those
    accounts refreshed once at the end (an account's access depends on its
    own rows only); the others go through `settle_account` one by one.
    """
    waiting = _payable_now(uow, day)
    if not waiting:
        return set()
    _lock_accounts(uow, waiting)  # all at once, in id order, as one by one would
    plan = _Settlements(uow, day, waiting)
    batch: list[int] = []
    posted: list[int] = []
    for account_id in waiting:
        if account_id in plan.due:
            if plan.due[account_id]:
                batch.append(account_id)
            continue
        plan.post(uow, batch, report)
        posted += batch
        batch = []
        before = _count_outstanding(uow, account_id)
        try:
            with uow.session.begin_nested():
                subs.settle_account(uow, account_id, day)
        except MissingRate as exc:
            account = uow.session.get(Account, account_id)
            report.errors.append((account.number if account else str(account_id), str(exc)))
            continue
        report.outstanding_posted += before - _count_outstanding(uow, account_id)
    plan.post(uow, batch, report)
    posted += batch
    if posted:
        access.refresh(uow, posted, day)  # what settling them ends with
    return set(waiting)


def _payable_now(uow: UnitOfWork, day: dt.date) -> list[int]:
    """Accounts `settle_account` may change today, in id order: those whose
    funds cover their oldest outstanding charge at the day's rate, and those
    with a pending activation. Without a rate for the day, every waiting
    account (each reports the missing rate)."""
    pending = set(
        uow.session.execute(
            select(Subscription.account_id).where(Subscription.status == "pending")
        ).scalars()
    )
    outstanding = select(Charge.account_id).where(Charge.status == "outstanding")
    try:
        price = _Kopiykas(uow, day)
    except MissingRate:
        return sorted(pending | set(uow.session.execute(outstanding).scalars()))
    # The database keeps only accounts with some charge their funds may
    # cover: kopiykas of a charge = EUR cents × rate × (1 + markup), rounded
    # half up, so with the factor rounded down (× 10⁴) and a kopiyka of slack
    # this never leaves out an account that can pay. The oldest charge, the
    # one that decides, is then priced exactly below.
    factor = int(price.rate * (1 + price.markup / 100) * 10_000)
    funds = type_coerce(Account.balance, BigInteger) + case(
        (Account.credit_enabled.is_(True), type_coerce(Account.credit_limit, BigInteger)),
        else_=0,
    )
    cents = type_coerce(Charge.eur, BigInteger)
    maybe = (
        outstanding.join(Account, Account.id == Charge.account_id)
        .where(funds * 10_000 + 10_000 >= cents * factor)
        .distinct()
    )
    oldest: dict[int, tuple[int, int]] = {}  # account → (charge EUR cents, funds kopiykas)
    for account_id, charge_cents, account_funds in uow.session.execute(
        select(Charge.account_id, cents, funds)
        .join(Account, Account.id == Charge.account_id)
        .where(Charge.status == "outstanding", Charge.account_id.in_(maybe))
        .order_by(Charge.account_id, Charge.due_on, Charge.id)
    ).all():
        if account_id not in oldest:
            oldest[account_id] = (charge_cents, account_funds)
    payable = {
        account_id
        for account_id, (charge_cents, account_funds) in oldest.items()
        # zero: refused one by one, as before
        if account_funds >= price(charge_cents) or price(charge_cents) == 0
    }
    return sorted(pending | payable)


class _Kopiykas:
    """UAH in kopiykas of a charge of so many EUR cents at the day's rate
    and the company markup, as `rates.convert_eur` prices it; worked out
    once per distinct amount."""

    def __init__(self, uow: UnitOfWork, day: dt.date):
        self.rate = rates.rate_on(uow, day, "EUR")
        self.markup = settings.fx_markup_percent(uow)
        self._known: dict[int, int] = {}

    def __call__(self, cents: int) -> int:
        if cents not in self._known:
            uah = eur_to_uah(from_minor(cents, 2), self.rate, self.markup)
            self._known[cents] = to_minor(uah, 2)
        return self._known[cents]


def _lock_accounts(uow: UnitOfWork, account_ids: list[int]) -> None:
    ledger.lock_accounts(uow, account_ids)


@dataclass(frozen=True)
class _Due:
    charge_id: int
    kind: str
    eur: Decimal
    uah: Decimal


# Charges whose posting (`subscriptions._post_charge`) is the entry and the
# charge's status only: a renewal also starts a period, an option activates.
_PLAIN_CHARGES = (str(EntryKind.DEBIT_OVERAGE), str(EntryKind.DEBIT_DAILY))


class _Settlements:
    """What `settle_account` would post on each of `account_ids`, where that
    is plain: `due[account]` lists the charges it would pay, oldest first,
    until the funds run short (empty: nothing to pay). Accounts left out go
    one by one: a charge to pay that is not plain, a pending activation, a
    debit of zero or a source key already posted (refused there, with its
    error), or no rate for the day (each account reports it)."""

    def __init__(self, uow: UnitOfWork, day: dt.date, account_ids: list[int]):
        self.day = day
        self.due: dict[int, list[_Due]] = {}
        try:
            price = _Kopiykas(uow, day)
        except MissingRate:
            return
        self.rate, self.markup = price.rate, price.markup
        # Outstanding charges oldest first, and funds, in minor units as
        # stored: only what is paid needs to become Decimal.
        charges: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
        live: dict[int, tuple[int, str]] = {}
        funds: dict[int, int] = {}
        for chunk in _chunks(account_ids):
            for account_id, charge_id, kind, cents in uow.session.execute(
                select(
                    Charge.account_id, Charge.id, Charge.kind, type_coerce(Charge.eur, BigInteger)
                )
                .where(Charge.status == "outstanding", among(uow, Charge.account_id, chunk))
                .order_by(Charge.due_on, Charge.id)
            ).all():
                charges[account_id].append((charge_id, kind, cents))
            for account_id, sub_id, status in uow.session.execute(
                select(Subscription.account_id, Subscription.id, Subscription.status).where(
                    Subscription.status.in_(subs.LIVE),
                    among(uow, Subscription.account_id, chunk),
                )
            ).all():
                if account_id not in live or sub_id > live[account_id][0]:
                    live[account_id] = (sub_id, status)
            for account_id, balance, credit_enabled, credit_limit in uow.session.execute(
                select(
                    Account.id,
                    type_coerce(Account.balance, BigInteger),
                    Account.credit_enabled,
                    type_coerce(Account.credit_limit, BigInteger),
                ).where(among(uow, Account.id, chunk))
            ).all():
                funds[account_id] = balance + (credit_limit if credit_enabled else 0)
        planned: dict[int, list[_Due]] = {}
        for account_id in account_ids:
            if live.get(account_id, (0, ""))[1] == "pending" or account_id not in charges:
                continue
            left = funds[account_id]  # as `funds_of`
            due: list[_Due] = []
            plain = True
            for charge_id, kind, cents in charges[account_id]:
                kopiykas = price(cents)
                if left < kopiykas:
                    break
                if kopiykas == 0 or kind not in _PLAIN_CHARGES:
                    plain = False
                    break
                left -= kopiykas
                due.append(_Due(charge_id, kind, from_minor(cents, 2), from_minor(kopiykas, 2)))
            if plain:
                planned[account_id] = due
        self.texts: dict[int, tuple[str, str]] = {}
        ids = [d.charge_id for due in planned.values() for d in due]
        for chunk in _chunks(ids):
            for charge_id, description, key in uow.session.execute(
                select(Charge.id, Charge.description, Charge.source_key).where(
                    among(uow, Charge.id, chunk)
                )
            ).all():
                self.texts[charge_id] = (description, key)
        keys = [key for _, key in self.texts.values()]
        posted: set[str | None] = set()
        for start in range(0, len(keys), 5_000):
            posted.update(
                uow.session.execute(
                    select(LedgerEntry.source_key).where(
                        among(uow, LedgerEntry.source_key, keys[start : start + 5_000])
                    )
                ).scalars()
            )
        for account_id, due in planned.items():
            if not any(self.texts[d.charge_id][1] in posted for d in due):
                self.due[account_id] = due

    def post(self, uow: UnitOfWork, account_ids: list[int], report: DayReport) -> None:
        """Post the planned debits of these accounts, in order, and mark their charges."""
        due = [d for account_id in account_ids for d in self.due[account_id]]
        if not due:
            return
        drafts = [
            EntryDraft(
                account_id,
                self.day,
                EntryKind(d.kind),
                -d.uah,
                comment=self.texts[d.charge_id][0],
                eur=-d.eur,
                rate=self.rate,
                markup_percent=self.markup,
                source_key=self.texts[d.charge_id][1],
            )
            for account_id in account_ids
            for d in self.due[account_id]
        ]
        assert ledger.post_entries(uow, drafts).posted == len(drafts)
        # Each charge gets its entry by their common (unique) source key, set
        # based: no RETURNING (SQLite runs it one row at a time) and no
        # UPDATE per charge.
        entries: Table = LedgerEntry.__table__  # type: ignore[assignment]
        for chunk in _chunks([d.charge_id for d in due]):
            uow.session.execute(
                update(CHARGES)
                .where(
                    among(uow, CHARGES.c.id, chunk),
                    entries.c.source_key == CHARGES.c.source_key,
                )
                .values(status="posted", entry_id=entries.c.id)
            )
        uow.session.expire_all()  # Charge rows the session holds are posted now
        report.outstanding_posted += len(due)


def _count_outstanding(uow: UnitOfWork, account_id: int) -> int:
    return int(
        uow.session.execute(
            select(func.count()).where(
                Charge.account_id == account_id, Charge.status == "outstanding"
            )
        ).scalar_one()
    )


grace_days = periods.grace_days  # kept here for callers of `daily.grace_days`


def _block_unpaid(uow: UnitOfWork, day: dt.date, touched: set[int]) -> None:
    """A renewal still unpaid once the payment grace has passed blocks access.
    The grace is the plan's policy's, as at the renewal (`renew_due`)."""
    plans = _Plans(uow)
    by_cutoff: dict[dt.date, list[int]] = defaultdict(list)
    for version_id in plans.versions:
        grace = grace_days(plans.policy(version_id).payment_grace_hours)
        by_cutoff[day - grace].append(version_id)
    if not by_cutoff:
        return
    cutoff: Any = case(
        *(
            (Subscription.plan_version_id.in_(ids), literal(last, Date()))
            for last, ids in by_cutoff.items()
        )
    )
    blocking = uow.session.execute(
        select(Subscription.id, Subscription.account_id)
        .join(Charge, Charge.subscription_id == Subscription.id)
        .where(
            Subscription.status == "active",
            Charge.status == "outstanding",
            Charge.kind == str(EntryKind.DEBIT_RENEWAL),
            Charge.due_on <= cutoff,
        )
        .distinct()
    ).all()
    for chunk in _chunks([sub_id for sub_id, _ in blocking]):
        uow.session.execute(
            update(SUBSCRIPTIONS)
            .where(among(uow, SUBSCRIPTIONS.c.id, chunk))
            .values(status="blocked")
        )
    touched.update(account_id for _, account_id in blocking)


# -- expiry and credit -------------------------------------------------------------------


def _expire_balances(
    uow: UnitOfWork, day: dt.date, months: int, report: DayReport, touched: set[int]
) -> None:
    """[S0 7.3] A positive balance expires `months` after the last top-up."""
    if months <= 0:
        return
    # add_months clamps the day (31 Jan + 1 month = 28 Feb), so the bound in
    # SQL keeps a few days of margin and the exact rule is applied below.
    bound = periods.add_months(day, -months) + dt.timedelta(days=4)
    candidates = uow.session.execute(
        select(
            Account.id, Account.number, Account.balance, Account.last_topup_date, Account.opened_on
        ).where(
            Account.balance > 0,
            func.coalesce(Account.last_topup_date, Account.opened_on) <= bound,
        )
    ).all()
    drafts = []
    for account_id, number, balance, last_topup, opened in candidates:
        since = last_topup or opened
        if periods.add_months(since, months) > day:
            continue
        drafts.append(
            EntryDraft(
                account_id,
                day,
                EntryKind.EXPIRY,
                -balance,
                f"Згорання залишку: {months} міс. без поповнень з {since:%d.%m.%Y}",
                source_key=f"expiry:{number}:{since}",
            )
        )
    report.expired = ledger.post_entries(uow, drafts).posted
    touched.update(d.account_id for d in drafts)


def _credit_limits(
    uow: UnitOfWork, day: dt.date, percent: Decimal, report: DayReport, touched: set[int]
) -> None:
    """[S1] Credit limit = percent of the average monthly debits of the last 12 months."""
    accounts = (
        uow.session.execute(select(Account).where(Account.credit_enabled.is_(True))).scalars().all()
    )
    if not accounts:
        return
    since = periods.add_months(day, -12)
    debits = dict(
        uow.session.execute(
            select(LedgerEntry.account_id, func.sum(LedgerEntry.amount))
            .join(Account, Account.id == LedgerEntry.account_id)
            .where(
                Account.credit_enabled.is_(True),
                LedgerEntry.kind.in_(DEBIT_KINDS),
                LedgerEntry.business_date >= since,
                LedgerEntry.business_date < day,
            )
            .group_by(LedgerEntry.account_id)
        ).all()
    )
    for account in accounts:
        total = -(debits.get(account.id) or Decimal(0))
        limit = round_half_up(total / 12 * percent / 100)
        if account.credit_limit != limit:
            account.credit_limit = limit
            report.credit_limits += 1
            touched.add(account.id)
    uow.session.flush()


def _record_run(uow: UnitOfWork, day: dt.date, report: DayReport) -> None:
    summary = json.dumps(
        {k: v for k, v in report.__dict__.items() if k != "day"}, default=str, ensure_ascii=False
    )
    row = uow.session.get(DailyRun, day)
    if row is None:
        uow.session.add(DailyRun(day=day, ran_at=audit.now(), ran_by=uow.actor, summary=summary))
    else:
        row.ran_at, row.ran_by, row.summary = audit.now(), uow.actor, summary
    uow.session.flush()

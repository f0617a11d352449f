"""Receiving money: a top-up, its prepayment bonus, and what it unblocks.

Every top-up path (manual, bank statement, processor registry) comes through
`receive_topup` (bank statements take a bulk path with the same steps), so
funds that arrive always mark the invoices they pay and pay the outstanding
charges and pending activations waiting for them (SPEC §6.2, §6.5, §6.7, §8).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from backoffice import bounds, validation
from backoffice.db.engine import UnitOfWork
from backoffice.domain import EntryDraft, EntryKind, PostedEntry
from backoffice.errors import MissingRate
from backoffice.money import eur_to_uah
from backoffice.permissions import Permission, require
from backoffice.services import invoices, ledger, rates, subscriptions


def receive_topup(
    uow: UnitOfWork,
    account_number: str,
    amount: Decimal,
    day: dt.date,
    reason: str,
    *,
    kind: EntryKind = EntryKind.TOPUP_MANUAL,
    source_key: str | None = None,
) -> PostedEntry:
    require(uow, Permission.POST_TOPUP)
    amount = validation.amount(amount, what="top-up amount", positive=True)
    reason = validation.text(reason, what="reason", limit=bounds.MAX_REASON, required=True)
    entry = ledger.post_topup(uow, account_number, amount, day, reason, kind, source_key)
    account = ledger.find_account(uow, account_number)
    invoices.apply_payments(uow, [invoices.Payment(account.id, entry.id, entry.amount)])
    try:
        with uow.session.begin_nested():
            prepayment_bonus(uow, account.id, entry, day)
            subscriptions.settle_account(uow, account.id, day)
    except MissingRate:
        pass  # the money is in; the daily run activates once the day's rate is known
    return entry


def prepayment_bonus(uow: UnitOfWork, account_id: int, entry: PostedEntry, day: dt.date) -> None:
    """[S2] A top-up covering 5 / 9 / 15 months of the plan earns 1 / 3 / 9 months."""
    subscription = subscriptions.live_subscription(uow, account_id)
    if subscription is None:
        return
    order = subscriptions.order_of(uow, subscription)
    table = order.policy.bonus_months
    if not table or order.plan.monthly_price <= 0:
        return
    monthly = eur_to_uah(
        order.plan.monthly_price, rates.rate_on(uow, day), order.policy.fx_markup_percent
    )
    earned = [bonus for months, bonus in table.items() if entry.amount >= monthly * months]
    if not earned:
        return
    months = max(earned)
    ledger.post_entries(
        uow,
        [
            EntryDraft(
                account_id,
                day,
                EntryKind.BONUS,
                monthly * months,
                f"Бонус за передоплату: {months} міс. тарифу «{order.plan.name}»",
                source_key=f"bonus:{entry.id}",
            )
        ],
    )

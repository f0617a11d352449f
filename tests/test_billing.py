"""The billing engine, scenario by scenario (SPEC §6, §7, §12).

Amounts are worked out by hand in each test: UAH = EUR × rate × 1.03,
rounded half up to the kopiyka.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Alert
from backoffice.domain import EntryKind
from backoffice.errors import BackofficeError, InputError, MonthLocked, NotFound
from backoffice.services import (
    catalog,
    clients,
    closing,
    daily,
    integrity,
    ledger,
    months,
    payments,
    rates,
    settings,
    subscriptions,
    usage,
)
from tests.conftest import snapshot
from tests.helpers import EDRPOU_A, EDRPOU_B, D, add_legal, day

CATALOG = Path(__file__).parent / "fixtures" / "catalog.json"
Factory = Callable[..., UnitOfWork]


def setup_billing(
    new_uow: Factory,
    *,
    policy: str = "S0",
    rate: str = "48.5123",
    first: str = "2026-10-01",
    last: str = "2026-12-31",
) -> None:
    with new_uow() as uow:
        settings.set_setting(uow, "policy", policy)
        catalog.import_catalog(uow, CATALOG)
        current = day(first)
        while current <= day(last):
            rates.set_rate(uow, current, "EUR", D(rate))
            current += dt.timedelta(days=1)
        uow.commit()


def set_rate(new_uow: Factory, on: str, value: str) -> None:
    with new_uow() as uow:
        rates.set_rate(uow, day(on), "EUR", D(value), reason="test")
        uow.commit()


def topup(new_uow: Factory, number: str, amount: str, on: str) -> None:
    with new_uow() as uow:
        payments.receive_topup(uow, number, D(amount), day(on), "оплата")
        uow.commit()


def subscribe(
    new_uow: Factory,
    number: str,
    plan: str = "business",
    *,
    on: str,
    months: int = 1,
    auto_renew: bool = True,
    options=(),
) -> subscriptions.SubscriptionView:
    with new_uow() as uow:
        view = subscriptions.subscribe(
            uow, number, plan, list(options), months, auto_renew, day(on)
        )
        uow.commit()
    return view


def run(new_uow: Factory, on: str) -> daily.DailyResult:
    with new_uow() as uow:
        result = daily.run_daily(uow, day(on))
        uow.commit()
    return result


def state(new_uow: Factory, number: str) -> tuple[Decimal, str, str | None, str | None]:
    with new_uow(read_only=True) as uow:
        view = clients.show_account(uow, number)
        sub = subscriptions.current_subscription(uow, view.account_id)
        return view.balance, str(view.access), view.block_reason, sub.status if sub else None


def entries(new_uow: Factory, number: str) -> list[tuple[str, str, Decimal]]:
    with new_uow(read_only=True) as uow:
        return [
            (str(e.business_date), str(e.kind), e.amount)
            for e in ledger.account_entries(uow, number)
        ]


def period(new_uow: Factory, number: str) -> tuple[dt.date | None, dt.date | None]:
    with new_uow(read_only=True) as uow:
        account = ledger.find_account(uow, number)
        sub = subscriptions.current_subscription(uow, account.id)
        assert sub is not None
        return sub.period_start, sub.period_end


# -- constructor and activation --------------------------------------------------


def test_quote_is_a_full_breakdown_and_writes_nothing(uow_factory, engine: Engine) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="1000.00")
    before = snapshot(engine)
    with uow_factory() as uow:
        q = subscriptions.quote(uow, number, "business", [("users", 2)], 3, day("2026-11-10"))
    # (100 + 2 × 5) × 3 = 330.00 EUR, −5% = 313.50 EUR; × 48.5123 × 1.03 = 15664.8642
    assert [line.eur for line in q.price.lines] == [D("300.00"), D("30.00")]
    assert (q.price.discount_eur, q.price.eur) == (D("16.50"), D("313.50"))
    assert (q.rate, q.markup_percent, q.uah) == (D("48.5123"), D("3"), D("15664.86"))
    assert (q.funds, q.missing) == (D("1000.00"), D("14664.86"))
    assert q.suggested_topups[1] == D("4996.77") and q.suggested_topups[15] == D("74951.50")
    assert snapshot(engine) == before


def test_activation_on_the_10th_debits_the_full_calendar_month(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="6000.00")
    view = subscribe(uow_factory, number, on="2026-11-10")
    assert view.status == "active"
    assert (view.period_start, view.period_end) == (day("2026-11-01"), day("2026-12-01"))
    # 100 EUR × 48.5123 × 1.03 = 4996.7669 → 4996.77, whatever the day of the month
    assert entries(uow_factory, number)[-1] == ("2026-11-10", "debit_activation", D("-4996.77"))
    assert state(uow_factory, number) == (D("1003.23"), "active", None, "active")


def test_top_up_still_short_because_the_rate_moved(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="4000.00")
    assert subscribe(uow_factory, number, on="2026-11-10").status == "pending"
    assert state(uow_factory, number)[1:] == ("blocked", "insufficient_funds", "pending")
    set_rate(uow_factory, "2026-11-12", "49.0000")
    # the invoice said 4996.77; on the 12th the price is 100 × 49 × 1.03 = 5047.00
    topup(uow_factory, number, "996.77", "2026-11-12")
    assert state(uow_factory, number) == (D("4996.77"), "blocked", "insufficient_funds", "pending")
    with uow_factory(read_only=True) as uow:
        assert subscriptions.quote(uow, number, "business", [], 1, day("2026-11-12")).missing == (
            D("50.23")
        )
    topup(uow_factory, number, "50.23", "2026-11-12")
    assert state(uow_factory, number) == (D("0.00"), "active", None, "active")


def test_purchase_errors(uow_factory, engine: Engine) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="100.00")
    before = snapshot(engine)
    with uow_factory() as uow, pytest.raises(NotFound, match="plan 'gold'"):
        subscriptions.subscribe(uow, number, "gold", [], 1, True, day("2026-11-10"))
    with uow_factory() as uow, pytest.raises(NotFound, match="option 'robots'"):
        subscriptions.subscribe(
            uow, number, "business", [("robots", 1)], 1, True, day("2026-11-10")
        )
    with uow_factory() as uow, pytest.raises(InputError, match="not sold for 2 months"):
        subscriptions.subscribe(uow, number, "business", [], 2, True, day("2026-11-10"))
    assert snapshot(engine) == before


# -- renewal, outstanding, blocking ----------------------------------------------


def test_renewal_on_the_1st_without_funds_then_with_them(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="5000.00")
    subscribe(uow_factory, number, on="2026-11-10")
    set_rate(uow_factory, "2026-12-01", "49.0000")
    report = run(uow_factory, "2026-12-01").days[-1]
    assert (report.renewed, report.outstanding_created) == (0, 1)
    # 3.23 UAH is not 100 × 49 × 1.03 = 5047.00: nothing posted, access blocked (0 h grace)
    assert state(uow_factory, number) == (D("3.23"), "blocked", "unpaid_renewal", "blocked")
    set_rate(uow_factory, "2026-12-03", "49.5000")
    topup(uow_factory, number, "6000.00", "2026-12-03")
    # posted at the rate of the day it is paid: 100 × 49.5 × 1.03 = 5098.50
    assert entries(uow_factory, number)[-1] == ("2026-12-03", "debit_renewal", D("-5098.50"))
    assert state(uow_factory, number) == (D("904.73"), "active", None, "active")
    assert period(uow_factory, number) == (day("2026-12-01"), day("2027-01-01"))


def test_renewal_with_funds_and_a_price_change_applies_at_renewal(uow_factory, tmp_path) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="20000.00")
    subscribe(uow_factory, number, on="2026-11-10")
    newer = tmp_path / "catalog.json"
    newer.write_text(CATALOG.read_text("utf-8").replace('"100.00"', '"120.00"'), "utf-8")
    with uow_factory() as uow:
        assert catalog.import_catalog(uow, newer).plan_versions_added == 1
        uow.commit()
    run(uow_factory, "2026-12-01")
    # 120 × 48.5123 × 1.03 = 5996.12
    assert entries(uow_factory, number)[-1] == ("2026-12-01", "debit_renewal", D("-5996.12"))
    assert run(uow_factory, "2026-12-01").days[-1].renewed == 0  # the same day again
    assert len(entries(uow_factory, number)) == 3


def test_without_auto_renewal_the_subscription_ends(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="6000.00")
    subscribe(uow_factory, number, on="2026-11-10", auto_renew=False)
    run(uow_factory, "2026-12-01")
    assert state(uow_factory, number) == (D("1003.23"), "blocked", "period_ended", "ended")


def test_payment_grace_of_24_hours(uow_factory) -> None:
    setup_billing(uow_factory, policy="S3")
    number = add_legal(uow_factory, opening="5000.00")
    subscribe(uow_factory, number, on="2026-11-10")  # anniversary: 10.11 → 10.12
    assert period(uow_factory, number) == (day("2026-11-10"), day("2026-12-10"))
    run(uow_factory, "2026-12-10")
    assert state(uow_factory, number)[1:] == ("active", None, "active")  # within the grace
    run(uow_factory, "2026-12-11")
    assert state(uow_factory, number)[1:] == ("blocked", "unpaid_renewal", "blocked")


def test_missing_rate_fails_one_account_and_not_the_others(uow_factory) -> None:
    setup_billing(uow_factory, last="2026-11-30")
    renewing = add_legal(uow_factory, opening="11000.00", edrpou=EDRPOU_A)
    ending = add_legal(uow_factory, name="ТОВ «Інше»", opening="6000.00", edrpou=EDRPOU_B)
    subscribe(uow_factory, renewing, on="2026-11-10")
    subscribe(uow_factory, ending, on="2026-11-10", auto_renew=False)
    result = run(uow_factory, "2026-12-01")
    assert result.errors == [("2026-12-01", renewing, "no NBU rate for EUR on 2026-12-01")]
    assert state(uow_factory, ending)[3] == "ended"
    assert state(uow_factory, renewing)[3] == "active"  # untouched, retried later
    set_rate(uow_factory, "2026-12-02", "48.5123")
    set_rate(uow_factory, "2026-12-01", "48.5123")
    assert run(uow_factory, "2026-12-02").errors == []
    assert entries(uow_factory, renewing)[-1] == ("2026-12-02", "debit_renewal", D("-4996.77"))


# -- usage and overage ---------------------------------------------------------------


def test_overage_on_two_days_is_debited_once_each(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="8000.00")
    subscribe(uow_factory, number, on="2026-11-10")  # 50 deliveries included
    with uow_factory() as uow:
        usage.add_usage(uow, number, "deliveries", 45, day("2026-11-11"))
        usage.add_usage(uow, number, "deliveries", 10, day("2026-11-12"))
        uow.commit()
    run(uow_factory, "2026-11-11")
    assert entries(uow_factory, number)[-1][1] == "debit_activation"  # 45 ≤ 50
    run(uow_factory, "2026-11-12")
    # 5 over × 1.00 EUR × 2 = 10 EUR × 48.5123 × 1.03 = 499.68
    assert entries(uow_factory, number)[-1] == ("2026-11-12", "debit_overage", D("-499.68"))
    with uow_factory() as uow:
        usage.add_usage(uow, number, "deliveries", 3, day("2026-11-13"))
        uow.commit()
    run(uow_factory, "2026-11-13")
    run(uow_factory, "2026-11-13")
    # only the 3 new: 6 EUR → 299.81
    assert entries(uow_factory, number)[-1] == ("2026-11-13", "debit_overage", D("-299.81"))
    assert len(entries(uow_factory, number)) == 4


# -- plan changes -------------------------------------------------------------------------


def test_full_month_change_debits_the_new_plan_in_full(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="7000.00")
    subscribe(uow_factory, number, "start", on="2026-11-05")  # 30 EUR → 1499.03
    with uow_factory() as uow:
        subscriptions.change_plan(uow, number, "business", day("2026-11-20"))
        uow.commit()
    assert entries(uow_factory, number)[-2:] == [
        ("2026-11-05", "debit_activation", D("-1499.03")),
        ("2026-11-20", "debit_activation", D("-4996.77")),
    ]
    assert state(uow_factory, number)[0] == D("504.20")


def test_prorated_downgrade_refunds_unused_days_once_a_day(uow_factory) -> None:
    setup_billing(uow_factory, policy="S4")
    number = add_legal(uow_factory, opening="6000.00")
    subscribe(uow_factory, number, on="2026-11-10")  # anniversary 10.11 → 10.12, 30 days
    with uow_factory() as uow:
        subscriptions.change_plan(uow, number, "start", day("2026-11-20"))
        uow.commit()
    # (30 − 100) × 20/30 = −46.67 EUR back: 46.67 × 48.5123 × 1.03 = 2331.9911
    assert entries(uow_factory, number)[-1] == ("2026-11-20", "refund_proration", D("2331.99"))
    with uow_factory() as uow, pytest.raises(BackofficeError, match="one change a day"):
        subscriptions.change_plan(uow, number, "business", day("2026-11-20"))


def test_downgrade_refused_while_objects_exceed_the_limits(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="9000.00")
    subscribe(uow_factory, number, on="2026-11-05")
    with uow_factory() as uow:
        usage.add_usage(uow, number, "users", 5, day("2026-11-06"))
        uow.commit()
    with (
        uow_factory() as uow,
        pytest.raises(BackofficeError, match="users: 5 in use, the plan allows 3"),
    ):
        subscriptions.change_plan(uow, number, "start", day("2026-11-07"))


def test_suspend_and_resume(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="6000.00")
    subscribe(uow_factory, number, on="2026-11-10")
    with uow_factory() as uow:
        subscriptions.suspend(uow, number, day("2026-11-15"))
        uow.commit()
    assert state(uow_factory, number)[1:] == ("blocked", "suspended", "suspended")
    run(uow_factory, "2026-12-01")  # no renewal while suspended
    assert len(entries(uow_factory, number)) == 2
    with uow_factory() as uow:
        subscriptions.resume(uow, number, day("2026-12-02"))
        uow.commit()
    # the period was over: it renews at once (1003.23 is not enough → outstanding)
    assert state(uow_factory, number)[1:] == ("blocked", "unpaid_renewal", "blocked")


# -- bonuses, expiry, credit -----------------------------------------------------------------


@pytest.mark.parametrize(("months", "bonus_months"), [(4, 0), (5, 1), (9, 3), (15, 9)])
def test_prepayment_bonus(uow_factory, months: int, bonus_months: int) -> None:
    setup_billing(uow_factory, policy="S2")
    number = add_legal(uow_factory, opening="4996.77")
    subscribe(uow_factory, number, on="2026-11-10")  # paid with the opening balance
    topup(uow_factory, number, str(D("4996.77") * months), "2026-11-11")
    bonuses = [e for e in entries(uow_factory, number) if e[1] == "bonus"]
    expected = [("2026-11-11", "bonus", D("4996.77") * bonus_months)] if bonus_months else []
    assert bonuses == expected


def test_balance_expires_exactly_12_months_after_the_last_topup(uow_factory) -> None:
    setup_billing(uow_factory, first="2026-11-01")
    number = add_legal(uow_factory, on="2025-11-01")
    topup(uow_factory, number, "700.00", "2025-11-10")
    run(uow_factory, "2026-11-09")
    assert state(uow_factory, number)[:2] == (D("700.00"), "active")
    run(uow_factory, "2026-11-10")
    assert entries(uow_factory, number)[-1] == ("2026-11-10", "expiry", D("-700.00"))
    assert state(uow_factory, number)[:3] == (D("0.00"), "blocked", "balance_expired")
    run(uow_factory, "2026-11-10")
    assert len(entries(uow_factory, number)) == 2
    topup(uow_factory, number, "1.00", "2026-11-11")
    assert state(uow_factory, number)[1] == "active"


def test_no_expiry_under_s4(uow_factory) -> None:
    setup_billing(uow_factory, policy="S4", first="2026-11-01")
    number = add_legal(uow_factory, on="2025-11-01")
    topup(uow_factory, number, "700.00", "2025-11-10")
    run(uow_factory, "2026-11-20")
    assert state(uow_factory, number)[0] == D("700.00")


def test_credit_lets_the_balance_go_down_to_the_limit(uow_factory) -> None:
    setup_billing(uow_factory, policy="S1")
    number = add_legal(uow_factory, opening="2000.00")
    with uow_factory() as uow:
        clients.set_credit(uow, number, True)
        ledger.post_entries(
            uow,
            [
                ledger.EntryDraft(
                    ledger.find_account(uow, number).id,
                    day("2026-10-15"),
                    EntryKind.DEBIT_OPTION,
                    D("-36000.00"),
                    "earlier services",
                )
            ],
        )
        uow.commit()
    run(uow_factory, "2026-11-01")
    with uow_factory(read_only=True) as uow:
        account = ledger.find_account(uow, number)
        # 36000 / 12 months × 100% = 3000.00
        assert (account.balance, account.credit_limit) == (D("-34000.00"), D("3000.00"))


def test_low_balance_and_period_alerts_are_recorded_once(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="6000.00")
    subscribe(uow_factory, number, on="2026-11-10", auto_renew=False)
    for on in ("2026-11-26", "2026-11-26", "2026-11-30"):
        run(uow_factory, on)
    with uow_factory(read_only=True) as uow:
        codes = [(a.code, a.recipients) for a in uow.session.execute(select(Alert)).scalars()]
    assert codes == [
        ("period_ends_3d", "buh@agro.com.ua"),
        ("period_ends_today", "buh@agro.com.ua"),
    ]


# -- closing -------------------------------------------------------------------------------


def test_closing_makes_acts_locks_the_month_and_journals(uow_factory, engine: Engine) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="8000.00", on="2026-11-01")
    subscribe(uow_factory, number, on="2026-11-10")
    before = snapshot(engine)
    with uow_factory() as uow:
        dry = closing.close_month(uow, "2026-11", dry_run=True)
    assert snapshot(engine) == before  # a dry run writes nothing
    assert [(a.account, a.debited, a.act_number) for a in dry.accounts] == [
        (number, D("4996.77"), "АКТ-2026-000001")
    ]
    with uow_factory() as uow:
        result = closing.close_month(uow, "2026-11")
        uow.commit()
    assert (result.acts, result.total_uah, result.daily_days) == (1, D("4996.77"), 30)
    with uow_factory(read_only=True) as uow:
        [(act, act_account, _)] = closing.list_acts(uow, "2026-11")
        assert act_account == number
        assert (act.number, act.act_date, act.total_eur, act.total_uah) == (
            "АКТ-2026-000001",
            day("2026-11-30"),
            D("100.00"),
            D("4996.77"),
        )
        [journal] = closing.journal(uow)
        assert (journal.month, journal.acts, journal.total_uah) == ("2026-11", 1, D("4996.77"))
        assert integrity.check_integrity(uow).ok
    after = snapshot(engine)
    with uow_factory() as uow:
        assert closing.close_month(uow, "2026-11").already_closed
        uow.commit()
    assert snapshot(engine) == after
    with uow_factory() as uow, pytest.raises(MonthLocked):
        payments.receive_topup(uow, number, D("1.00"), day("2026-11-30"), "late")


def test_closing_refuses_out_of_order_and_with_account_errors(uow_factory, engine: Engine) -> None:
    setup_billing(uow_factory, first="2026-10-01", last="2026-10-31")
    number = add_legal(uow_factory, opening="6000.00", on="2026-10-20")
    with uow_factory() as uow, pytest.raises(BackofficeError, match="2026-10 is still open"):
        closing.close_month(uow, "2026-11")
    subscribe(uow_factory, number, on="2026-10-20")
    with uow_factory() as uow:
        closing.close_month(uow, "2026-10")
        uow.commit()
    before = snapshot(engine)
    with uow_factory() as uow, pytest.raises(closing.ClosingRefused, match=number):
        closing.close_month(uow, "2026-11")  # the renewal on 1 Nov has no rate
    assert snapshot(engine) == before


def test_rerunning_any_day_changes_nothing(uow_factory, engine: Engine) -> None:
    setup_billing(uow_factory)
    a = add_legal(uow_factory, opening="5000.00", edrpou=EDRPOU_A)
    b = add_legal(uow_factory, name="ТОВ «Друга»", opening="20000.00", edrpou=EDRPOU_B)
    subscribe(uow_factory, a, on="2026-11-10")
    subscribe(uow_factory, b, on="2026-11-10", months=3)
    with uow_factory() as uow:
        usage.add_usage(uow, b, "deliveries", 70, day("2026-11-20"))
        uow.commit()
    for on in ("2026-11-20", "2026-12-01", "2026-12-02"):
        run(uow_factory, on)
        first = snapshot(engine)
        run(uow_factory, on)
        again = snapshot(engine)
        for table in ("ledger_entries", "charges", "acts", "alerts", "subscriptions", "accounts"):
            assert again[table] == first[table], (on, table)
    with uow_factory(read_only=True) as uow:
        assert integrity.check_integrity(uow).ok


def test_added_options_wait_for_funds_and_activate_when_debited(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="5000.00")
    subscribe(uow_factory, number, on="2026-11-10")  # leaves 3.23
    with uow_factory() as uow:
        subscriptions.add_options(uow, number, [("users", 2)], day("2026-11-15"))
        uow.commit()
    with uow_factory(read_only=True) as uow:
        account = ledger.find_account(uow, number)
        sub = subscriptions.live_subscription(uow, account.id)
        assert subscriptions.order_of(uow, sub).options == ()  # not paid: not active
        assert subscriptions.outstanding_total(uow, account.id) == D("10.00")
    topup(uow_factory, number, "600.00", "2026-11-16")
    # 2 users × 5 EUR × 1 month = 10 EUR × 48.5123 × 1.03 = 499.68
    assert entries(uow_factory, number)[-1] == ("2026-11-16", "debit_option", D("-499.68"))
    with uow_factory(read_only=True) as uow:
        sub = subscriptions.live_subscription(uow, ledger.find_account(uow, number).id)
        assert [(o.code, q) for o, q in subscriptions.order_of(uow, sub).options] == [("users", 2)]


def test_free_plan_on_sign_up_under_s3(uow_factory, tmp_path) -> None:
    free = tmp_path / "free.json"
    free.write_text(
        '{"plans": [{"code": "free", "name": "Безкоштовний", "kind": "free",'
        ' "monthly_price": "0.00"}]}',
        "utf-8",
    )
    setup_billing(uow_factory, policy="S3")
    with uow_factory() as uow:
        catalog.import_catalog(uow, free)
        uow.commit()
    number = add_legal(uow_factory, on="2026-11-03")
    assert state(uow_factory, number) == (D("0.00"), "active", None, "active")
    assert period(uow_factory, number) == (day("2026-11-03"), day("2026-12-03"))
    assert entries(uow_factory, number) == []


def test_daily_charge_mode_debits_a_share_each_day(uow_factory) -> None:
    setup_billing(uow_factory, policy="S1")
    number = add_legal(uow_factory, opening="6000.00")
    subscribe(uow_factory, number, on="2026-11-10")
    # 100 EUR / 30 days = 3.33 EUR a day × 48.5123 × 1.03 = 166.39
    assert entries(uow_factory, number)[-1] == ("2026-11-10", "debit_daily", D("-166.39"))
    run(uow_factory, "2026-11-11")
    run(uow_factory, "2026-11-11")
    assert [e for e in entries(uow_factory, number) if e[1] == "debit_daily"] == [
        ("2026-11-10", "debit_daily", D("-166.39")),
        ("2026-11-11", "debit_daily", D("-166.39")),
    ]
    with uow_factory() as uow:
        subscriptions.suspend(uow, number, day("2026-11-12"))
        uow.commit()
    run(uow_factory, "2026-11-13")
    days = [e[0] for e in entries(uow_factory, number) if e[1] == "debit_daily"]
    assert days == ["2026-11-10", "2026-11-11", "2026-11-12"]  # the day of suspension, no more


def test_limit_alerts_and_blocking_after_the_grace(uow_factory) -> None:
    setup_billing(uow_factory, policy="S3")
    number = add_legal(uow_factory, opening="6000.00")
    subscribe(uow_factory, number, on="2026-11-10")  # 10 users allowed
    with uow_factory() as uow:
        usage.add_usage(uow, number, "users", 9, day("2026-11-11"))
        uow.commit()
    run(uow_factory, "2026-11-11")
    with uow_factory() as uow:
        usage.add_usage(uow, number, "users", 2, day("2026-11-12"))  # 11 > 10
        uow.commit()
    run(uow_factory, "2026-11-12")
    assert state(uow_factory, number)[1] == "active"  # within the 24 h grace
    run(uow_factory, "2026-11-13")
    assert state(uow_factory, number)[1:3] == ("blocked", "limit_exceeded")
    with uow_factory(read_only=True) as uow:
        codes = [a.code for a in uow.session.execute(select(Alert).order_by(Alert.id)).scalars()]
    assert codes[:2] == ["usage_90", "usage_100"]
    with uow_factory() as uow:
        usage.add_usage(uow, number, "users", -2, day("2026-11-14"))
        uow.commit()
    run(uow_factory, "2026-11-14")
    assert state(uow_factory, number)[1] == "active"


def test_boost_pack_lasts_its_period(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="20000.00")
    subscribe(uow_factory, number, on="2026-11-10")
    with uow_factory() as uow:
        subscriptions.add_options(uow, number, [("deliveries", 100)], day("2026-11-15"), boost=True)
        uow.commit()
    # 100 deliveries × 1.00 EUR = 100 EUR → 4996.77
    assert entries(uow_factory, number)[-1] == ("2026-11-15", "debit_option", D("-4996.77"))
    run(uow_factory, "2026-12-01")
    # the renewal is the plan alone, and the pack is over
    assert entries(uow_factory, number)[-1] == ("2026-12-01", "debit_renewal", D("-4996.77"))
    with uow_factory(read_only=True) as uow:
        sub = subscriptions.live_subscription(uow, ledger.find_account(uow, number).id)
        assert subscriptions.order_of(uow, sub).options == ()


# -- limits, free plans, reopening, alert texts ------------------------------------------


def alerts_of(new_uow: Factory, code: str) -> list[tuple[str, str, str]]:
    with new_uow(read_only=True) as uow:
        return [
            (str(a.day), a.recipients, a.message)
            for a in uow.session.execute(
                select(Alert).where(Alert.code == code).order_by(Alert.id)
            ).scalars()
        ]


def test_limit_block_holds_until_the_plan_changes_and_is_alerted_once(
    uow_factory, tmp_path
) -> None:
    setup_billing(uow_factory, policy="S3")
    add_plan(uow_factory, tmp_path, {"code": "pro", "name": "Про", "monthly_price": "250.00",
             "includes": {"deliveries": 200}, "limits": {"users": 30}})  # fmt: skip
    number = add_legal(uow_factory, opening="20000.00")
    subscribe(uow_factory, number, on="2026-11-10")  # 10 users; 20000 − 4996.77 = 15003.23
    with uow_factory() as uow:
        usage.add_usage(uow, number, "users", 11, day("2026-11-12"))  # over from the 12th
        uow.commit()
    run(uow_factory, "2026-11-12")
    assert state(uow_factory, number)[1:3] == ("active", None)  # 24 h of grace
    assert run(uow_factory, "2026-11-13").days[-1].access_changed == 1
    assert state(uow_factory, number)[1:3] == ("blocked", "limit_exceeded")
    # the access rule itself knows the limit: no unblock-and-block-again
    assert run(uow_factory, "2026-11-13").days[-1].access_changed == 0
    assert run(uow_factory, "2026-11-14").days[-1].access_changed == 0
    assert state(uow_factory, number)[1:3] == ("blocked", "limit_exceeded")
    assert alerts_of(uow_factory, "blocked_limit") == [
        (
            "2026-11-13",
            "buh@agro.com.ua",
            f"Доступ за о/р {number} заблоковано: перевищено ліміт тарифу (з 12.11.2026)",
        )
    ]
    with uow_factory() as uow:
        subscriptions.change_plan(uow, number, "pro", day("2026-11-15"))
        uow.commit()
    # 250 × 48.5123 × 1.03 = 12491.91725 → 12491.92; 30 users allowed: access at once
    assert state(uow_factory, number) == (D("2511.31"), "active", None, "active")
    run(uow_factory, "2026-11-16")
    assert state(uow_factory, number)[1:3] == ("active", None)
    assert len(alerts_of(uow_factory, "blocked_limit")) == 1


def add_plan(new_uow: Factory, tmp_path: Path, plan: dict[str, object]) -> None:
    """Import the test catalog with one more plan (an import names the options it uses)."""
    document = json.loads(CATALOG.read_text("utf-8"))
    document["plans"].append(plan)
    path = tmp_path / f"{plan['code']}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    with new_uow() as uow:
        catalog.import_catalog(uow, path)
        uow.commit()


@pytest.mark.parametrize("policy", ["S0", "S1"])
def test_free_plan_posts_nothing_and_never_blocks_for_funds(
    uow_factory, tmp_path, policy: str
) -> None:
    setup_billing(uow_factory, policy=policy)
    free = {"code": "free", "name": "Безкоштовний", "kind": "free", "monthly_price": "0.00",
            "includes": {"deliveries": 5}, "limits": {"users": 2}}  # fmt: skip
    add_plan(uow_factory, tmp_path, free)
    number = add_legal(uow_factory, on="2026-11-03")
    assert subscribe(uow_factory, number, "free", on="2026-11-03").status == "active"
    result = run(uow_factory, "2026-12-02")  # daily charges of 0 (S1), the renewal of 1 Dec
    assert result.errors == []
    assert period(uow_factory, number) == (day("2026-12-01"), day("2027-01-01"))
    assert entries(uow_factory, number) == []
    with uow_factory() as uow:  # money owed for something else takes the balance below 0
        ledger.post_entries(
            uow,
            [
                ledger.EntryDraft(
                    ledger.find_account(uow, number).id,
                    day("2026-12-03"),
                    EntryKind.CORRECTION,
                    D("-100.00"),
                    "correction",
                )
            ],
        )
        uow.commit()
    run(uow_factory, "2026-12-03")
    assert state(uow_factory, number) == (D("-100.00"), "active", None, "active")
    if policy == "S1":
        with uow_factory() as uow:  # the day of suspension owes 0: no charge either
            subscriptions.suspend(uow, number, day("2026-12-04"))
            uow.commit()
        assert entries(uow_factory, number)[-1][1] == "correction"


def test_reopened_month_cancels_its_acts_and_closes_again(uow_factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="8000.00", on="2026-11-01")
    subscribe(uow_factory, number, on="2026-11-10")  # 100 EUR → 4996.77, 3003.23 left
    with uow_factory() as uow:
        closing.close_month(uow, "2026-11")
        uow.commit()
    with uow_factory() as uow:
        assert months.reopen_month(uow, "2026-11", "пропущене використання") == 1
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert closing.list_acts(uow, "2026-11") == []
        [(cancelled, _, _)] = closing.list_acts(uow, "2026-11", include_cancelled=True)
        assert (cancelled.number, cancelled.cancel_reason) == (
            "АКТ-2026-000001",
            "пропущене використання",
        )
        assert cancelled.cancelled_at is not None
    with uow_factory() as uow:
        usage.add_usage(uow, number, "deliveries", 55, day("2026-11-30"))  # 50 included
        uow.commit()
    run(uow_factory, "2026-11-30")  # the day again: 5 over × 1 EUR × 2 = 10 EUR → 499.68
    with uow_factory() as uow:
        result = closing.close_month(uow, "2026-11")
        uow.commit()
    assert (result.acts, result.total_uah) == (1, D("5496.45"))  # 4996.77 + 499.68
    with uow_factory(read_only=True) as uow:
        [(act, _, _)] = closing.list_acts(uow, "2026-11")
        assert (act.number, act.total_eur, act.total_uah) == (
            "АКТ-2026-000002",
            D("110.00"),
            D("5496.45"),
        )
        assert len(closing.list_acts(uow, "2026-11", include_cancelled=True)) == 2
        [journal] = closing.journal(uow)
        assert (journal.acts, journal.total_uah) == (1, D("5496.45"))
        assert json.loads(journal.summary)["earlier"][0]["total_uah"] == "4996.77"
        report = integrity.check_integrity(uow)  # cancelled acts keep their numbers: no gap
        assert report.ok, report.problems
    with uow_factory() as uow:
        assert closing.close_month(uow, "2026-11").already_closed


def test_blocked_payment_alert_names_what_is_unpaid(uow_factory) -> None:
    setup_billing(uow_factory)
    overage_only = add_legal(uow_factory, opening="5000.00", edrpou=EDRPOU_A)
    both = add_legal(uow_factory, name="ТОВ «Друга»", opening="5000.00", edrpou=EDRPOU_B)
    subscribe(uow_factory, overage_only, on="2026-11-10")  # 3.23 left each
    subscribe(uow_factory, both, on="2026-11-10")
    with uow_factory() as uow:
        usage.add_usage(uow, overage_only, "deliveries", 52, day("2026-11-20"))
        uow.commit()
    run(uow_factory, "2026-11-20")
    # 2 over × 1 EUR × 2 = 4 EUR → 199.87 UAH, more than 3.23: waits, and access is blocked
    assert state(uow_factory, overage_only)[1:] == ("blocked", "insufficient_funds", "active")
    assert state(uow_factory, both)[1:] == ("active", None, "active")
    run(uow_factory, "2026-11-30")
    with uow_factory() as uow:  # usage of the 28th reported late, after the run of the 30th
        usage.add_usage(uow, both, "deliveries", 52, day("2026-11-28"))
        uow.commit()
    run(uow_factory, "2026-12-01")  # neither can pay the renewal (100 EUR → 4996.77)
    run(uow_factory, "2026-12-01")
    assert state(uow_factory, both)[1:] == ("blocked", "unpaid_renewal", "blocked")
    assert [(on, m) for on, _, m in alerts_of(uow_factory, "blocked_payment")] == [
        (
            "2026-11-20",
            f"Доступ за о/р {overage_only} заблоковано: не оплачено понадлімітне використання",
        ),
        # one block, one alert: the renewal and the late overage wait together
        (
            "2026-12-01",
            f"Доступ за о/р {both} заблоковано: не оплачено продовження тарифу, "
            "понадлімітне використання",
        ),
    ]

"""The constructor's breakdown and the plan-change preview agree to the kopiyka
with what `subscribe` and `change-plan` then post (SPEC §6.1, §6.2).

On SQLite and PostgreSQL. Amounts by hand: UAH = EUR × 48.5123 × 1.03,
rounded half up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select

from backoffice.billing.policy import ChangePolicy
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord, Invoice
from backoffice.domain import EntryKind
from backoffice.errors import BackofficeError, MissingRate
from backoffice.services import ledger, subscription_orders, subscriptions, tariff_quotes
from tests.conftest import snapshot
from tests.helpers import D, add_legal, day
from tests.test_billing import set_rate, setup_billing, subscribe, topup

Factory = Callable[..., UnitOfWork]


def posted(new_uow: Factory, number: str) -> list[tuple[str, D, D | None]]:
    with new_uow(read_only=True) as uow:
        return [
            (str(e.kind), e.amount, e.eur)
            for e in ledger.account_entries(uow, number)
            if EntryKind(e.kind).name.startswith(("DEBIT", "REFUND"))
        ]


def terms(new_uow: Factory, number: str, on: str) -> tariff_quotes.ConstructorTerms:
    with new_uow(read_only=True) as uow:
        return tariff_quotes.load_terms(uow, number, day(on))


def test_terms_price_every_choice_as_the_service_quote_and_write_nothing(
    uow_factory: Factory, engine: Engine
) -> None:
    setup_billing(uow_factory, rate="41.2345")
    number = add_legal(uow_factory, opening="1234.56")
    before = snapshot(engine)
    loaded = terms(uow_factory, number, "2026-11-10")
    assert [p.code for p in loaded.plans] == ["business", "start"]
    assert dict(loaded.periods("business")) == {1: 0, 3: 5, 6: 10, 12: 15}
    for plan in ("business", "start"):
        for months in loaded.periods(plan):
            for options in ([], [("users", 3)], [("users", 1), ("deliveries", 17)]):
                with uow_factory(read_only=True) as uow:
                    expected = subscriptions.quote(
                        uow, number, plan, options, months, day("2026-11-10")
                    )
                assert loaded.quote(plan, options, months) == expected
    assert snapshot(engine) == before


def test_quote_equals_the_activation_debit(uow_factory: Factory) -> None:
    setup_billing(uow_factory, rate="41.2345")
    number = add_legal(uow_factory, opening="50000.00")
    quote = terms(uow_factory, number, "2026-11-10").quote("business", [("users", 3)], 6)
    # (100 + 15) × 6 = 690 EUR, −10% = 621.00 EUR; × 41.2345 × 1.03 = 26374.8232…
    assert (quote.price.eur, quote.uah, quote.missing) == (D("621.00"), D("26374.82"), D("0.00"))
    with uow_factory() as uow:
        placed = subscription_orders.place_order(
            uow, number, "business", [("users", 3)], 6, True, day("2026-11-10")
        )
        uow.commit()
    assert placed.subscription.status == "active" and placed.invoice is None
    assert posted(uow_factory, number) == [("debit_activation", -quote.uah, -quote.price.eur)]


def test_without_funds_the_order_waits_with_an_invoice_of_the_quoted_amount(
    uow_factory: Factory,
) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="1000.00")
    quote = terms(uow_factory, number, "2026-11-10").quote("business", [("users", 2)], 3)
    assert (quote.uah, quote.missing) == (D("15664.86"), D("14664.86"))
    with uow_factory() as uow:
        placed = subscription_orders.place_order(
            uow, number, "business", [("users", 2)], 3, False, day("2026-11-10")
        )
        uow.commit()
    assert placed.subscription.status == "pending" and placed.invoice is not None
    with uow_factory(read_only=True) as uow:
        invoice = uow.session.execute(
            select(Invoice).where(Invoice.number == placed.invoice)
        ).scalar_one()
        assert (invoice.kind, invoice.total, invoice.eur_total) == (
            "activation",
            quote.uah,
            quote.price.eur,
        )
        card = subscription_orders.subscription_card(uow, number)
    assert card is not None and card.invoice == placed.invoice
    assert (card.status, card.auto_renew, card.plan_name) == ("pending", False, "Бізнес")
    # the missing amount, topped up, activates it with exactly the quoted debit
    topup(uow_factory, number, str(quote.missing), "2026-11-10")
    assert posted(uow_factory, number) == [("debit_activation", -quote.uah, -quote.price.eur)]


def test_a_day_without_a_rate_prices_in_eur_and_says_why(uow_factory: Factory) -> None:
    setup_billing(uow_factory, first="2026-11-01", last="2026-11-05")
    number = add_legal(uow_factory)
    loaded = terms(uow_factory, number, "2026-11-20")
    assert loaded.rate is None and "2026-11-20" in (loaded.rate_problem or "")
    assert loaded.price("start", [], 1).eur == D("30.00")
    with pytest.raises(MissingRate):
        loaded.quote("start", [], 1)


def test_full_month_change_preview_equals_the_debit(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="20000.00")
    subscribe(uow_factory, number, "start", on="2026-11-02")
    set_rate(uow_factory, "2026-11-15", "49.0001")
    with uow_factory(read_only=True) as uow:
        preview = tariff_quotes.preview_change_plan(uow, number, "business", day("2026-11-15"))
    # the new month in full: 100 EUR × 49.0001 × 1.03 = 5047.0103
    assert preview.refusal is None and preview.rule is ChangePolicy.FULL_MONTH
    assert (preview.eur, preview.uah, preview.missing) == (D("100.00"), D("5047.01"), D("0.00"))
    with uow_factory() as uow:
        subscription_orders.change_plan(uow, number, "business", day("2026-11-15"), "клієнт просив")
        uow.commit()
    assert posted(uow_factory, number)[-1] == ("debit_activation", -preview.uah, -preview.eur)
    with uow_factory(read_only=True) as uow:
        reasons = uow.session.execute(
            select(AuditRecord.after).where(AuditRecord.action == "subscription.change_plan.reason")
        ).scalars()
        assert list(reasons) == ["клієнт просив"]


def test_prorated_previews_equal_the_refund_and_the_difference(uow_factory: Factory) -> None:
    setup_billing(uow_factory, policy="S4")
    number = add_legal(uow_factory, opening="20000.00")
    subscribe(uow_factory, number, "business", on="2026-11-10")  # 10.11 → 10.12, 30 days
    with uow_factory(read_only=True) as uow:
        down = tariff_quotes.preview_change_plan(uow, number, "start", day("2026-11-20"))
    assert down.rule is ChangePolicy.PRORATED and down.refusal is None
    assert (down.days_left, down.days_total) == (20, 30)
    assert down.eur < 0 and down.uah == D("-2331.99")  # test_billing's hand-worked refund
    with uow_factory() as uow:
        subscription_orders.change_plan(uow, number, "start", day("2026-11-20"), "менше людей")
        uow.commit()
    assert posted(uow_factory, number)[-1] == ("refund_proration", -down.uah, -down.eur)
    # a second change that day: the preview names the refusal the change would give
    with uow_factory(read_only=True) as uow:
        again = tariff_quotes.preview_change_plan(uow, number, "business", day("2026-11-20"))
        assert again.refusal is not None and "one change a day" in again.refusal
    with uow_factory(read_only=True) as uow:
        up = tariff_quotes.preview_change_plan(uow, number, "business", day("2026-11-21"))
    assert up.eur > 0 and up.days_left == 19
    with uow_factory() as uow:
        subscription_orders.change_plan(uow, number, "business", day("2026-11-21"), "знову більше")
        uow.commit()
    assert posted(uow_factory, number)[-1] == ("debit_activation", -up.uah, -up.eur)


def test_suspend_resume_and_auto_renew_keep_the_reason(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="20000.00")
    subscribe(uow_factory, number, "start", on="2026-11-02")
    with uow_factory() as uow:
        subscription_orders.set_auto_renew(uow, number, False, "клієнт іде")
        subscription_orders.suspend(uow, number, day("2026-11-05"), "пауза")
        uow.commit()
    with uow_factory() as uow, pytest.raises(BackofficeError, match="reason"):
        subscription_orders.resume(uow, number, day("2026-11-06"), "  ")
    with uow_factory() as uow:
        subscription_orders.resume(uow, number, day("2026-11-06"), "повернувся")
        uow.commit()
    with uow_factory(read_only=True) as uow:
        card = subscription_orders.subscription_card(uow, number)
        actions = list(
            uow.session.execute(
                select(AuditRecord.action, AuditRecord.after)
                .where(AuditRecord.action.like("subscription.%.reason"))
                .order_by(AuditRecord.id)
            ).all()
        )
    assert card is not None and (card.status, card.auto_renew) == ("active", False)
    assert actions == [
        ("subscription.auto_renew.reason", "клієнт іде"),
        ("subscription.suspend.reason", "пауза"),
        ("subscription.resume.reason", "повернувся"),
    ]


def test_options_added_without_funds_wait_with_their_invoice(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory, opening="1545.00")
    subscribe(uow_factory, number, "start", on="2026-11-02")  # 30 EUR = 1499.03 UAH
    with uow_factory() as uow:
        added = subscription_orders.add_options(
            uow, number, [("users", 2)], day("2026-11-10"), "ще двоє"
        )
        uow.commit()
    assert added.invoice is not None
    with uow_factory(read_only=True) as uow:
        card = subscription_orders.subscription_card(uow, number)
    assert card is not None
    assert [(o.code, o.quantity, o.status) for o in card.options] == [("users", 2, "pending")]
    assert card.outstanding_eur == D("10.00")

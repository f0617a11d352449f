"""Invoices (SPEC §10): the monthly run, numbering, purchase invoices, payments.

Rate 48.5123 and markup 3%: the business plan (100 EUR) is
100 × 48.5123 × 1.03 = 4996.7669 → 4996.77 UAH.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork
from backoffice.domain import ClientKind, ClientRecord
from backoffice.errors import BackofficeError
from backoffice.services import clients, invoices, ledger, settings, subscriptions
from tests.helpers import EDRPOU_B, RNOKPP_A, D, add_legal, day
from tests.test_billing import setup_billing, subscribe, topup

Factory = Callable[..., UnitOfWork]
BUSINESS_UAH = D("4996.77")


def run(new_uow: Factory, on: str) -> invoices.InvoiceRunResult:
    with new_uow() as uow:
        result = invoices.invoice_run(uow, day(on))
        uow.commit()
    return result


def listed(new_uow: Factory, today: str = "2026-11-25", **filters) -> list[invoices.InvoiceView]:
    with new_uow(read_only=True) as uow:
        return invoices.list_invoices(uow, today=day(today), **filters)


def active_legal(new_uow: Factory, *, edrpou: str | None = None, auto_renew: bool = True) -> str:
    number = add_legal(new_uow, edrpou=edrpou) if edrpou else add_legal(new_uow)
    topup(new_uow, number, "6000.00", "2026-11-10")
    subscribe(new_uow, number, on="2026-11-10", auto_renew=auto_renew)
    return number


def test_run_day_is_ten_days_before_month_end() -> None:
    assert invoices.run_day_of(2026, 11) == day("2026-11-20")
    assert invoices.run_day_of(2026, 12) == day("2026-12-21")
    assert invoices.run_day_of(2027, 2) == day("2027-02-18")


def test_invoice_run_issues_next_month_once_per_client(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = active_legal(uow_factory)
    no_renewal = active_legal(uow_factory, edrpou=EDRPOU_B, auto_renew=False)

    assert run(uow_factory, "2026-11-19").issued == ()  # before the run day
    first = run(uow_factory, "2026-11-20")
    assert first.months == ("2026-12",)
    assert first.issued == ("РФ-2026-000001",)
    again = run(uow_factory, "2026-11-20")
    later = run(uow_factory, "2026-11-27")
    assert again.issued == () and later.issued == ()
    assert again.already == 1

    [invoice] = listed(uow_factory)
    assert (invoice.account, invoice.kind, invoice.period) == (number, "renewal", "2026-12")
    assert invoice.total == BUSINESS_UAH
    assert invoice.due_date == day("2026-11-25")
    assert invoice.status == "issued"
    assert no_renewal not in {v.account for v in listed(uow_factory)}


def test_a_missed_run_day_is_caught_up_by_the_next_run(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    active_legal(uow_factory)
    result = run(uow_factory, "2026-11-23")  # nobody ran on the 20th
    assert result.issued == ("РФ-2026-000001",)


def test_individuals_get_no_run_invoice(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    with uow_factory() as uow:
        person = clients.add_client(
            uow,
            ClientRecord(kind=ClientKind.INDIVIDUAL, name="Петренко Іван", rnokpp=RNOKPP_A),
            day("2026-11-01"),
        ).account_number
        uow.commit()
    topup(uow_factory, person, "6000.00", "2026-11-10")
    subscribe(uow_factory, person, on="2026-11-10")
    assert run(uow_factory, "2026-11-20").issued == ()


def test_overdue_is_shown_after_the_due_date(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    active_legal(uow_factory)
    run(uow_factory, "2026-11-20")
    assert listed(uow_factory, today="2026-11-25")[0].status == "issued"
    assert listed(uow_factory, today="2026-11-26")[0].status == "overdue"


def test_the_list_filters_and_sorts_in_the_database(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    first = add_legal(uow_factory)
    second = add_legal(uow_factory, edrpou=EDRPOU_B)
    with uow_factory() as uow:
        a = invoices.issue_topup_invoice(uow, first, D("300.00"), day("2026-11-10")).number
        b = invoices.issue_topup_invoice(uow, second, D("100.00"), day("2026-11-10")).number
        c = invoices.issue_topup_invoice(uow, second, D("200.00"), day("2026-11-12")).number
        invoices.cancel_invoice(uow, c, "помилка", day("2026-11-12"))
        uow.commit()

    def found(today: str = "2026-11-15", **fields) -> list[str]:  # type: ignore[no-untyped-def]
        with uow_factory(read_only=True) as uow:
            query = invoices.InvoiceQuery(month="2026-11", as_of=day(today), **fields)
            return [v.number for v in invoices.find_invoices(uow, query)]

    assert found(sort="total") == [b, c, a]
    assert found(sort="total", descending=True, limit=2) == [a, c]
    assert found(sort="total", offset=1, limit=1) == [c]
    assert found(text=second) == [b, c]  # the account number, as the client's search text
    assert found(text=a.lower()) == [a]  # Cyrillic capitals aside, on SQLite too
    assert found(status="cancelled") == [c]
    assert found(text="200,00") == [c]  # a total as the list shows it
    assert found(text="12.11.2026") == [c]  # an issue date
    assert found(text="15.11.2026") == [a, b]  # a due date
    # Due five days after issue (invoice.due_days): on the 21st the first two are overdue.
    assert found(status="overdue") == []
    assert found(today="2026-11-21", status="overdue", sort="date") == [a, b]
    assert found(today="2026-11-21", status="issued") == []
    assert found(today="2026-11-21", sort="status") == [c, a, b]  # cancelled < overdue

    with uow_factory(read_only=True) as uow:
        totals = invoices.invoice_totals(uow, invoices.InvoiceQuery(month="2026-11"))
        assert totals == invoices.InvoiceTotals(3, D("400.00"), D("0.00"))  # cancelled aside
        empty = invoices.invoice_totals(uow, invoices.InvoiceQuery(month="2026-10"))
        assert empty == invoices.InvoiceTotals(0, D("0.00"), D("0.00"))
        with pytest.raises(BackofficeError, match="cannot sort by 'colour'"):
            invoices.find_invoices(uow, invoices.InvoiceQuery(sort="colour"))
        with pytest.raises(BackofficeError, match="no invoice status 'lost'"):
            invoices.find_invoices(uow, invoices.InvoiceQuery(status="lost"))
        with pytest.raises(BackofficeError, match="month '2026-13' is not YYYY-MM"):
            invoices.find_invoices(uow, invoices.InvoiceQuery(month="2026-13"))


def test_the_number_filter_ignores_case_in_any_script(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory)
    with uow_factory() as uow:
        settings.set_setting(uow, "invoice.pattern", "Рах-{year}-Inv-####")
        issued = invoices.issue_topup_invoice(uow, number, D("100.00"), day("2026-11-10")).number
        uow.commit()
    assert issued == "Рах-2026-Inv-0001"
    with uow_factory(read_only=True) as uow:
        for typed in ("рах-2026", "РАХ", "inv-0001", "Рах-2026-Inv-0001"):
            query = invoices.InvoiceQuery(text=typed, as_of=day("2026-11-10"))
            assert [v.number for v in invoices.find_invoices(uow, query)] == [issued], typed
        query = invoices.InvoiceQuery(text="рах_", as_of=day("2026-11-10"))
        assert invoices.find_invoices(uow, query) == []  # _ is a character, not a wildcard


def test_cancelled_invoice_keeps_its_number(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory)
    with uow_factory() as uow:
        first = invoices.issue_topup_invoice(uow, number, D("1000.00"), day("2026-11-10"))
        uow.commit()
        first_number = first.number
    with uow_factory() as uow:
        invoices.cancel_invoice(uow, first_number, "помилка в сумі", day("2026-11-10"))
        second = invoices.issue_topup_invoice(uow, number, D("1200.00"), day("2026-11-10"))
        uow.commit()
        second_number = second.number
    assert (first_number, second_number) == ("РФ-2026-000001", "РФ-2026-000002")
    statuses = {v.number: v.status for v in listed(uow_factory, today="2026-11-10")}
    assert statuses == {first_number: "cancelled", second_number: "issued"}
    with uow_factory() as uow, pytest.raises(BackofficeError, match="already cancelled"):
        invoices.cancel_invoice(uow, first_number, "ще раз", day("2026-11-10"))


def test_top_ups_mark_invoices_paid_oldest_first(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory)
    with uow_factory() as uow:
        a = invoices.issue_topup_invoice(uow, number, D("1000.00"), day("2026-11-10")).number
        b = invoices.issue_topup_invoice(uow, number, D("500.00"), day("2026-11-11")).number
        uow.commit()
    topup(uow_factory, number, "1200.00", "2026-11-12")
    with uow_factory(read_only=True) as uow:
        assert invoices.show_invoice(uow, a, day("2026-11-12")).status == "paid"
        view_b = invoices.show_invoice(uow, b, day("2026-11-12"))
    assert (view_b.status, view_b.paid) == ("partially_paid", D("200.00"))


def test_purchase_invoice_states_the_price_at_the_issue_rate(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory)
    view = subscribe(uow_factory, number, on="2026-11-10", months=3)
    assert view.status == "pending"
    with uow_factory() as uow:
        invoice = invoices.issue_purchase_invoice(uow, view.id, day("2026-11-10"))
        lines = invoices.invoice_lines(uow, invoice.id)
        uow.commit()
        total, eur = invoice.total, invoice.eur_total
    # 3 months × 100 EUR − 5% = 285 EUR; 285 × 48.5123 = 13826.0055; × 1.03 = 14240.7857 → 14240.79
    assert eur == D("285.00")
    assert total == D("14240.79")
    assert sum(line.total for line in lines) == total
    assert all(line.total > 0 for line in lines)


def test_numbers_have_no_gaps_under_two_workstations(engine: Engine, uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory)
    errors: list[BaseException] = []

    def workstation() -> None:
        try:
            for _ in range(10):
                with UnitOfWork(engine, actor="ws") as uow:
                    invoices.issue_topup_invoice(uow, number, D("10.00"), day("2026-11-10"))
                    uow.commit()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=workstation) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(v.number for v in listed(uow_factory))
    assert numbers == [f"РФ-2026-{n:06d}" for n in range(1, 21)]


def test_a_payment_naming_an_invoice_pays_it_first(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = add_legal(uow_factory)
    with uow_factory() as uow:
        old = invoices.issue_topup_invoice(uow, number, D("300.00"), day("2026-11-10")).number
        named = invoices.issue_topup_invoice(uow, number, D("500.00"), day("2026-11-11"))
        uow.commit()
        named_id, named_number = named.id, named.number
    with uow_factory() as uow:
        entry = ledger.post_topup(uow, number, D("500.00"), day("2026-11-12"), "оплата")
        account = clients.show_account(uow, number)
        invoices.apply_payments(
            uow, [invoices.Payment(account.account_id, entry.id, D("500.00"), named_id)]
        )
        uow.commit()
    statuses = {v.number: v.status for v in listed(uow_factory, today="2026-11-12")}
    assert statuses[named_number] == "paid"
    assert statuses[old] == "issued"


def test_options_waiting_for_funds_get_their_own_invoice(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    number = active_legal(uow_factory)  # 6000.00 − 4996.77 = 1003.23 left
    with uow_factory() as uow:
        subscriptions.add_options(uow, number, [("users", 50)], day("2026-11-10"))
        invoice = invoices.issue_options_invoice(uow, number, day("2026-11-10"))
        again = invoices.issue_options_invoice(uow, number, day("2026-11-10"))
        uow.commit()
        assert invoice is not None and again is not None
        assert again.number == invoice.number
        total, kind, eur = invoice.total, invoice.kind, invoice.eur_total
    # 50 users × 5 EUR × 1 month = 250 EUR; 250 × 48.5123 × 1.03 = 12491.917… → 12491.92
    assert (kind, eur, total) == ("options", D("250.00"), D("12491.92"))


def test_the_daily_run_makes_the_invoice_run_on_its_day(uow_factory: Factory) -> None:
    from backoffice.services import daily

    setup_billing(uow_factory)
    number = active_legal(uow_factory)
    with uow_factory() as uow:
        before = daily.run_daily(uow, day("2026-11-19")).days[-1].invoices
        on_day = daily.run_daily(uow, day("2026-11-20")).days[-1].invoices
        after = daily.run_daily(uow, day("2026-11-21")).days[-1].invoices
        uow.commit()
    assert (before, on_day, after) == (0, 1, 0)
    [invoice] = listed(uow_factory)
    assert (invoice.account, invoice.period) == (number, "2026-12")

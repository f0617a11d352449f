"""Order-only services (SPEC §6.1): own invoice, own act, never the personal account."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from backoffice.db.engine import UnitOfWork
from backoffice.documents.batch import render_batch
from backoffice.services import documents, invoices, orders, statements
from tests.helpers import EDRPOU_B, D, add_legal, day
from tests.test_statements import Payment, balance, configure, counts, load, onec

Factory = Callable[..., UnitOfWork]


def test_order_is_invoiced_paid_by_the_bank_and_acted(uow_factory: Factory, tmp_path: Path) -> None:
    configure(uow_factory)
    number = add_legal(uow_factory, edrpou=EDRPOU_B)
    with uow_factory() as uow:
        order = orders.order_service(
            uow, number, "Доопрацювання модуля інтеграції", D("12000.00"), day("2026-11-05")
        )
        uow.commit()
    assert order.invoice == "РФ-2026-000001"

    paid = onec(Payment("12000.00", f"Оплата за рахунком {order.invoice}, без ПДВ"))
    result = load(uow_factory, paid)
    assert counts(result) == (1, 0, 0, 1, 0)
    assert balance(uow_factory, number) == D("0.00")  # the account is not touched
    with uow_factory(read_only=True) as uow:
        assert invoices.show_invoice(uow, order.invoice, day("2026-11-12")).status == "paid"

    with uow_factory() as uow:
        done = orders.complete_order(uow, order.id, day("2026-11-20"))
        doc = documents.act_document(uow, done.act or "")
        uow.commit()
    assert done.act == "АКТ-2026-000001"
    assert [(line.service, line.total) for line in doc.lines] == [
        ("Доопрацювання модуля інтеграції", D("12000.00"))
    ]
    assert render_batch([doc], tmp_path / "act.pdf").stat().st_size > 1000

    with uow_factory() as uow:
        statements.undo_batch(uow, result.batch or 0, day("2026-11-21"), "помилкова виписка")
        uow.commit()
    with uow_factory(read_only=True) as uow:
        view = invoices.show_invoice(uow, order.invoice, day("2026-11-12"))
    assert (view.status, view.paid) == ("overdue", D("0.00"))  # due 10.11, unpaid again

"""The snapshot texts written in bulk are exactly the canonical text of the
document's record (SPEC §10, §11): `fix_documents` splices them from rows for
speed, and every print and `check` relies on them being the same."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import DocumentSnapshot
from backoffice.documents import snapshot
from backoffice.domain import ClientKind
from backoffice.money import from_minor
from backoffice.services import integrity, orders, settings, snapshots, usage
from tests.helpers import EDRPOU_B, RNOKPP_A, RNOKPP_B, D, add_legal, day
from tests.test_billing import subscribe
from tests.test_fixed_documents import add_person, close_november, topup_invoice
from tests.test_statements import configure

Factory = Callable[..., UnitOfWork]


def _stored(new_uow: Factory, kind: str) -> dict[str, tuple[str, str]]:
    with new_uow(read_only=True) as uow:
        rows = uow.session.execute(
            select(DocumentSnapshot.number, DocumentSnapshot.body, DocumentSnapshot.sha256).where(
                DocumentSnapshot.kind == kind
            )
        ).all()
    return {number: (body, sha) for number, body, sha in rows}


def test_bulk_texts_are_the_canonical_texts_of_the_records(
    uow_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # documents in several chunks, as a closing of over 5,000 accounts: on
    # PostgreSQL a chunk's reads must not run inside the previous one's COPY
    monkeypatch.setattr(snapshots, "CHUNK", 2)
    configure(uow_factory)
    with uow_factory() as uow:
        settings.set_setting(uow, "company.vat_payer", "true")
        uow.commit()
    legal = add_legal(uow_factory, edrpou=EDRPOU_B, opening="9000.00")
    person = add_person(
        uow_factory, ClientKind.INDIVIDUAL, "Бондаренко Андрій Миколайович", RNOKPP_A
    )
    sole = add_person(uow_factory, ClientKind.SOLE, "ФОП Петренко Олена Іванівна", RNOKPP_B)
    for account in (legal, person, sole):
        subscribe(uow_factory, account, on="2026-11-10")
    topup_invoice(uow_factory, legal)
    topup_invoice(uow_factory, person, on="2026-11-13")
    with uow_factory() as uow:
        usage.add_usage(uow, legal, "deliveries", 55, day("2026-11-11"))  # an overage line
        order = orders.order_service(
            uow, sole, "Доопрацювання модуля", D("1200.00"), day("2026-11-05")
        )
        uow.commit()
    with uow_factory() as uow:
        orders.complete_order(uow, order.id, day("2026-11-20"))
        uow.commit()
    close_november(uow_factory)

    for kind, records in (("invoice", snapshots.invoice_records), ("act", snapshots.act_records)):
        stored = _stored(uow_factory, kind)
        assert len(stored) >= 3
        with uow_factory(read_only=True) as uow:
            built = records(uow, sorted(stored))
        for number, (body, sha) in stored.items():
            assert body == snapshot.canonical(built[number]), number
            assert sha == snapshot.digest(body)
        texts = "".join(body for body, _ in stored.values())
        assert '"nbu_rate":"' in texts if kind == "invoice" else "понад включені" in texts
    with uow_factory(read_only=True) as uow:
        assert integrity.check_integrity(uow).ok


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from([2, 4]))
def test_amounts_written_from_minor_units_are_the_decimals_text(value: int, places: int) -> None:
    # the bulk texts write stored integers without making Decimals; the
    # records write str(Decimal): the snapshot texts must not tell them apart
    assert snapshots._minor_text(value, places) == str(from_minor(value, places))

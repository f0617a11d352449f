"""Issued reconciliation statements (SPEC §10, §13): numbered, their content
fixed as a snapshot with its hash; reprints render the snapshot, `check`
proves it unchanged."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
from sqlalchemy import select, text

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Client, DocumentSnapshot
from backoffice.documents.reconciliation_pdf import reconciliation_bytes
from backoffice.services import integrity, orders, settings, snapshots
from backoffice.services.reconciliation import issue_statement, issued_statement
from tests.helpers import EDRPOU_B, D, add_legal, day
from tests.test_billing import subscribe
from tests.test_cli import Cli
from tests.test_cli import cli as cli  # the fixture
from tests.test_fixed_documents import (
    act_text,
    close_november,
    pdf_text,
    snapshot_hash,
    topup_invoice,
)
from tests.test_statements import configure

Factory = Callable[..., UnitOfWork]
PERIOD = (day("2026-11-01"), day("2026-11-30"))


def issue(new_uow: Factory, account: str, on: str = "2026-12-02") -> str:
    with new_uow() as uow:
        number = issue_statement(uow, account, *PERIOD, day(on)).number
        uow.commit()
    return number


def statement_text(new_uow: Factory, number: str) -> str:
    with new_uow(read_only=True) as uow:
        return pdf_text(reconciliation_bytes(issued_statement(uow, number)))


def statements(new_uow: Factory) -> list[str]:
    with new_uow(read_only=True) as uow:
        return list(
            uow.session.execute(
                select(DocumentSnapshot.number)
                .where(DocumentSnapshot.kind == "reconcile")
                .order_by(DocumentSnapshot.id)
            ).scalars()
        )


def problems(new_uow: Factory) -> list[str]:
    with new_uow(read_only=True) as uow:
        return snapshots.problems(uow)


def test_a_statement_is_numbered_fixed_and_reprinted_as_issued(uow_factory: Factory) -> None:
    configure(uow_factory)
    with uow_factory() as uow:
        settings.set_setting(uow, "company.vat_payer", "true")
        uow.commit()
    account = add_legal(uow_factory, edrpou=EDRPOU_B, opening="8000.00")
    topup_invoice(uow_factory, account)
    subscribe(uow_factory, account, on="2026-11-10")
    with uow_factory() as uow:
        order = orders.order_service(
            uow, account, "Налаштування звітів", D("900.00"), day("2026-11-05")
        )
        order_act = orders.complete_order(uow, order.id, day("2026-11-20")).act
        uow.commit()
    assert order_act is not None
    close_november(uow_factory)

    number = issue(uow_factory, account)
    assert number == "АЗ-2026-000001"
    first = statement_text(uow_factory, number)
    assert f"№ {number}" in first and "ТОВ «Хмарні рішення»" in first
    assert "02.12.2026" in first  # drawn up on the day it was issued
    # issued again with nothing changed: the same statement, nothing new
    assert issue(uow_factory, account, on="2026-12-03") == number
    assert statements(uow_factory) == [number]
    hash_before = snapshot_hash(uow_factory, "reconcile", number)
    # an order's act, the one document kind not reprinted in test_fixed_documents
    order_before = act_text(uow_factory, order_act)
    assert "Налаштування звітів" in order_before and "ТОВ «Хмарні рішення»" in order_before

    with uow_factory() as uow:
        settings.set_setting(uow, "company.name", "ТОВ «Нова назва»")
        settings.set_setting(uow, "company.vat_payer", "false")
        client = uow.session.execute(select(Client).where(Client.edrpou == EDRPOU_B)).scalar_one()
        client.name = "ТОВ «Перейменований клієнт»"
        uow.commit()

    assert statement_text(uow_factory, number) == first
    assert "Нова назва" not in first and "Перейменований" not in first
    assert snapshot_hash(uow_factory, "reconcile", number) == hash_before
    assert act_text(uow_factory, order_act) == order_before
    # the new name makes a different statement: a new number
    second = issue(uow_factory, account, on="2026-12-04")
    assert second == "АЗ-2026-000002"
    assert "ТОВ «Нова назва»" in statement_text(uow_factory, second)
    assert problems(uow_factory) == []
    with uow_factory(read_only=True) as uow:
        assert integrity.check_integrity(uow).ok

    # a changed snapshot is what `check` reports
    tamper = "UPDATE document_snapshots SET body = replace(body, '8000', '9000') WHERE number = :n"
    with uow_factory() as uow:
        uow.session.execute(text(tamper), {"n": number})
        uow.commit()
    found = problems(uow_factory)
    assert len(found) == 1 and number in found[0] and "hash mismatch" in found[0]


def test_cli_issues_and_reprints_by_number(cli: Cli, tmp_path: Path) -> None:
    from tests.test_cli_bounds import COMPANY, prepare

    account = prepare(cli)
    cli("topup", account, "100.00", "--date", "2026-11-10", "--reason", "t")
    for key, value in COMPANY.items():
        cli("settings", "set", key, value)
    period = ["--from", "2026-11-01", "--to", "2026-11-30"]
    pdf = tmp_path / "zvirka.pdf"
    issued = cli("reconciliation", account, *period, "--date", "2026-12-01", "--out", str(pdf))
    assert "АЗ-2026-000001" in issued.stdout
    original = pdf_text(pdf.read_bytes())
    cli("settings", "set", "company.name", "ТОВ «Інша назва»")
    again = tmp_path / "again.pdf"
    cli("reconciliation", "--number", "АЗ-2026-000001", "--out", str(again))
    assert pdf_text(again.read_bytes()) == original
    sheet = tmp_path / "again.xlsx"
    cli("reconciliation", "--number", "АЗ-2026-000001", "--out", str(sheet))
    cells = [
        c
        for row in openpyxl.load_workbook(io.BytesIO(sheet.read_bytes())).active.iter_rows(
            values_only=True
        )
        for c in row
        if isinstance(c, str)
    ]
    assert any("АЗ-2026-000001" in c for c in cells)
    assert not any("Інша назва" in c for c in cells)
    refused = cli("reconciliation", "--number", "АЗ-2026-000009", "--out", str(pdf), expect=1)
    assert refused.stderr.count("error:") == 1

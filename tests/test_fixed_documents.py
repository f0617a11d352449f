"""Issued documents that never change (SPEC §10, §11, §16 `check`).

An invoice or act is fixed when issued (a snapshot with its hash); every
reprint reads the snapshot; `check` proves none changed; a cancelled invoice
prints «АНУЛЬОВАНО» without payment details; signers follow the client kind;
overage lines carry their real quantity and unit. The PDFs' text is read back
with pypdf.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, select, text

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord, Client, DocumentSnapshot
from backoffice.db.schema import alembic_config
from backoffice.documents import pdf_page
from backoffice.documents.act_pdf import act_bytes
from backoffice.documents.batch import document_story
from backoffice.documents.invoice_pdf import invoice_bytes
from backoffice.documents.numbers import format_period
from backoffice.documents.plural import agree_in_text, plural_form, with_unit
from backoffice.documents.records import ActDocument, InvoiceDocument
from backoffice.domain import ClientKind, ClientRecord
from backoffice.errors import InputError
from backoffice.services import (
    clients,
    closing,
    documents,
    integrity,
    invoices,
    settings,
    snapshots,
    usage,
)
from tests.helpers import EDRPOU_B, RNOKPP_A, RNOKPP_B, D, add_legal, day
from tests.test_billing import subscribe
from tests.test_statements import OUR_IBAN, configure

Factory = Callable[..., UnitOfWork]


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages).replace("\u00a0", " ")


def invoice_text(new_uow: Factory, number: str) -> str:
    with new_uow(read_only=True) as uow:
        return pdf_text(invoice_bytes(documents.invoice_document(uow, number)))


def act_text(new_uow: Factory, number: str) -> str:
    with new_uow(read_only=True) as uow:
        return pdf_text(act_bytes(documents.act_document(uow, number)))


def add_person(
    new_uow: Factory, kind: ClientKind, name: str, rnokpp: str, opening: str = "9000.00"
) -> str:
    with new_uow() as uow:
        added = clients.add_client(
            uow,
            ClientRecord(kind=kind, name=name, rnokpp=rnokpp, opening_balance=D(opening)),
            day("2026-11-01"),
        )
        uow.commit()
    return added.account_number


def topup_invoice(new_uow: Factory, account: str, on: str = "2026-11-12") -> str:
    with new_uow() as uow:
        number = invoices.issue_topup_invoice(uow, account, D("1500.00"), day(on)).number
        uow.commit()
    return number


def close_november(new_uow: Factory) -> None:
    with new_uow() as uow:
        closing.close_month(uow, "2026-11")
        uow.commit()


def act_of(new_uow: Factory, account: str) -> str:
    with new_uow(read_only=True) as uow:
        return next(
            act.number for act, number, _ in closing.list_acts(uow, "2026-11") if number == account
        )


def snapshot_hash(new_uow: Factory, kind: str, number: str) -> str | None:
    with new_uow(read_only=True) as uow:
        return snapshots.snapshot_hash(uow, kind, number)


def test_reprint_after_settings_and_client_changes_is_identical(uow_factory: Factory) -> None:
    configure(uow_factory)
    with uow_factory() as uow:
        settings.set_setting(uow, "company.vat_payer", "true")
        uow.commit()
    account = add_legal(uow_factory, edrpou=EDRPOU_B, opening="8000.00")
    invoice = topup_invoice(uow_factory, account)
    subscribe(uow_factory, account, on="2026-11-10")
    close_november(uow_factory)
    act = act_of(uow_factory, account)
    before = (invoice_text(uow_factory, invoice), act_text(uow_factory, act))
    hashes = (
        snapshot_hash(uow_factory, "invoice", invoice),
        snapshot_hash(uow_factory, "act", act),
    )
    assert "ТОВ «Хмарні рішення»" in before[0] and "У тому числі ПДВ" in before[1]

    with uow_factory() as uow:
        settings.set_setting(uow, "company.name", "ТОВ «Нова назва»")
        settings.set_setting(uow, "company.vat_payer", "false")
        client = uow.session.execute(select(Client).where(Client.edrpou == EDRPOU_B)).scalar_one()
        client.name = "ТОВ «Перейменований клієнт»"
        uow.commit()

    after = (invoice_text(uow_factory, invoice), act_text(uow_factory, act))
    assert after == before
    assert "Нова назва" not in after[0] + after[1] and "Без ПДВ" not in after[1]
    assert (
        snapshot_hash(uow_factory, "invoice", invoice),
        snapshot_hash(uow_factory, "act", act),
    ) == hashes
    # a document issued after the change states the new name
    assert "ТОВ «Нова назва»" in invoice_text(uow_factory, topup_invoice(uow_factory, account))
    with uow_factory(read_only=True) as uow:
        assert integrity.check_integrity(uow).ok


def test_cancelled_invoice_is_marked_and_has_no_payment_details(uow_factory: Factory) -> None:
    configure(uow_factory)
    account = add_legal(uow_factory, edrpou=EDRPOU_B)
    number = topup_invoice(uow_factory, account)
    live = invoice_text(uow_factory, number)
    assert OUR_IBAN in live and "Призначення платежу" in live and "АНУЛЬОВАНО" not in live
    hash_before = snapshot_hash(uow_factory, "invoice", number)
    with uow_factory() as uow:
        invoices.cancel_invoice(uow, number, "помилка в сумі", day("2026-11-13"))
        uow.commit()
    cancelled = invoice_text(uow_factory, number)
    assert "АНУЛЬОВАНО" in cancelled
    # no account to pay to: our IBAN nowhere (the buyer's own stays a requisite)
    assert OUR_IBAN not in cancelled and "Призначення платежу" not in cancelled
    assert "Реквізити для оплати" not in cancelled and "Рекомендована сума" not in cancelled
    assert snapshot_hash(uow_factory, "invoice", number) == hash_before  # the snapshot is kept


def test_signers_follow_the_client_kind(uow_factory: Factory) -> None:
    configure(uow_factory)
    person = add_person(
        uow_factory, ClientKind.INDIVIDUAL, "Бондаренко Андрій Миколайович", RNOKPP_A
    )
    sole = add_person(uow_factory, ClientKind.SOLE, "ФОП Петренко Олена Іванівна", RNOKPP_B)
    for account in (person, sole):
        subscribe(uow_factory, account, on="2026-11-10")
    close_november(uow_factory)

    individual = act_text(uow_factory, act_of(uow_factory, person))
    assert "Бондаренко А. М." in individual  # signs by name
    assert "Головний бухгалтер" not in individual
    assert individual.count("Директор") == 1  # our director alone: no director row for them
    assert individual.count("М.П.") == 1  # an individual has no seal

    proprietor = act_text(uow_factory, act_of(uow_factory, sole))
    lines = proprietor.split("\n")
    assert "ФОП" in lines and "Петренко О. І." in lines  # title and the filled name line
    assert proprietor.count("Директор") == 1 and proprietor.count("М.П.") == 2


def test_overage_line_prints_its_quantity_unit_and_plural(uow_factory: Factory) -> None:
    configure(uow_factory)
    account = add_legal(uow_factory, edrpou=EDRPOU_B, opening="9000.00")
    subscribe(uow_factory, account, on="2026-11-10")  # 50 deliveries included
    with uow_factory() as uow:
        usage.add_usage(uow, account, "deliveries", 55, day("2026-11-11"))
        uow.commit()
    close_november(uow_factory)
    number = act_of(uow_factory, account)
    with uow_factory(read_only=True) as uow:
        doc = documents.act_document(uow, number)
    [over] = [line for line in doc.lines if line.unit == "поставка"]
    # 5 over × 1.00 EUR × 2 = 10 EUR → 499.68 UAH
    assert (over.quantity, over.eur, over.total) == (D(5), D("2.00"), D("499.68"))
    assert over.price == D("99.94")
    printed = " ".join(act_text(uow_factory, number).split())
    assert "5 поставок" in printed and "1,00 EUR × 2" in printed
    assert "1.00 EUR" not in printed and "2.0000" not in printed


def test_plural_forms_of_units() -> None:
    assert [with_unit(n, "документ") for n in (1, 2, 5, 11, 21, 910)] == [
        "1 документ",
        "2 документи",
        "5 документів",
        "11 документів",
        "21 документ",
        "910 документів",
    ]
    assert with_unit(68, "поставка") == "68 поставок"
    assert plural_form(D("2.5"), "поставка") == "поставки"
    assert plural_form(3, "міс.") == "міс."  # abbreviations stay as they are
    assert agree_in_text("Понад ліміт: 910 документ × 0.20 EUR") == (
        "Понад ліміт: 910 документів × 0.20 EUR"
    )
    assert format_period("2027-01", "2027-03") == "січень – березень 2027\u00a0р."


def test_check_names_a_tampered_snapshot(uow_factory: Factory, engine: Engine) -> None:
    configure(uow_factory)
    account = add_legal(uow_factory, edrpou=EDRPOU_B)
    first = topup_invoice(uow_factory, account)
    second = topup_invoice(uow_factory, account)
    with uow_factory(read_only=True) as uow:
        assert integrity.check_integrity(uow).ok
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE document_snapshots SET body = REPLACE(body, '1500.00', '15.00') "
                "WHERE number = :number"
            ),
            {"number": second},
        )
    with uow_factory(read_only=True) as uow:
        problems = integrity.check_integrity(uow).problems
    assert any(f"invoice {second}" in p and "changed" in p for p in problems), problems
    assert not any(first in p for p in problems)

    # a rewrite that keeps the hash consistent still states another total
    with uow_factory() as uow:
        row = uow.session.execute(
            select(DocumentSnapshot).where(DocumentSnapshot.number == second)
        ).scalar_one()
        from backoffice.documents.snapshot import digest

        row.sha256 = digest(row.body)
        uow.commit()
    with uow_factory(read_only=True) as uow:
        problems = integrity.check_integrity(uow).problems
    assert any(f"invoice {second}" in p for p in problems), problems


def test_migration_snapshots_existing_documents(uow_factory: Factory, engine: Engine) -> None:
    from alembic import command

    configure(uow_factory)
    account = add_legal(uow_factory, edrpou=EDRPOU_B, opening="8000.00")
    invoice = topup_invoice(uow_factory, account)
    subscribe(uow_factory, account, on="2026-11-10")
    close_november(uow_factory)
    act = act_of(uow_factory, account)
    printed = (invoice_text(uow_factory, invoice), act_text(uow_factory, act))

    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")  # as before snapshots existed
        connection.commit()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()

    with uow_factory(read_only=True) as uow:
        rows = uow.session.execute(
            select(DocumentSnapshot.kind, DocumentSnapshot.number, DocumentSnapshot.source)
        ).all()
        audit = uow.session.execute(
            select(AuditRecord).where(AuditRecord.action == "documents.snapshot")
        ).scalar_one()
        assert integrity.check_integrity(uow).ok
    assert {(k, n) for k, n, _ in rows} >= {("invoice", invoice), ("act", act)}
    assert {s for _, _, s in rows} == {"migration"}
    assert '"acts": 1' in (audit.after or "") and audit.actor == "migration 0006"
    assert (invoice_text(uow_factory, invoice), act_text(uow_factory, act)) == printed


def test_contract_date_refuses_manual_and_flags_automatic_documents(uow_factory: Factory) -> None:
    configure(uow_factory)
    with uow_factory() as uow:
        added = clients.add_client(
            uow,
            ClientRecord(
                kind=ClientKind.LEGAL,
                name="ТОВ «Договір пізніше»",
                edrpou=EDRPOU_B,
                contract_no="45/2026",
                contract_date=day("2026-11-15"),
            ),
            day("2026-11-01"),
        )
        uow.commit()
    account = added.account_number
    with uow_factory() as uow, pytest.raises(InputError, match="before the contract"):
        invoices.issue_topup_invoice(uow, account, D("100.00"), day("2026-11-12"))
    later = topup_invoice(uow_factory, account, on="2026-11-20")
    assert "№ 45/2026 від 15.11.2026" in invoice_text(uow_factory, later)

    view = subscribe(uow_factory, account, on="2026-11-10")  # no funds: pending
    with uow_factory() as uow:
        early = invoices.issue_purchase_invoice(uow, view.id, day("2026-11-10")).number
        uow.commit()
    with uow_factory(read_only=True) as uow:
        warning = invoices.contract_warning(uow, early)
        assert documents.invoice_document(uow, early).contract == ""
    assert "dated 2026-11-15, after the document" in warning
    with uow_factory(read_only=True) as uow:
        flags = uow.session.execute(
            select(AuditRecord.after).where(AuditRecord.action == "documents.contract_after")
        ).scalars()
        assert any(early in (after or "") for after in flags)
    assert "45/2026" not in invoice_text(uow_factory, early)


def test_missing_contract_is_warned_about(uow_factory: Factory) -> None:
    configure(uow_factory)
    account = add_legal(uow_factory, edrpou=EDRPOU_B)
    number = topup_invoice(uow_factory, account)
    with uow_factory(read_only=True) as uow:
        assert "has no contract" in invoices.contract_warning(uow, number)


# -- layout of the longest values (no database) -----------------------------------


def _long_documents() -> tuple[InvoiceDocument, ActDocument]:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "tools"))
    import document_samples

    return document_samples.long_names()


def test_longest_values_lay_out_quickly() -> None:
    invoice, act = _long_documents()
    words = " ".join(["слово"] * 3000)
    for doc in (
        invoice,
        act,
        replace(invoice, buyer=replace(invoice.buyer, name=words), payment_purpose=words),
        replace(act, place="Щ" * 3000),
    ):
        start = time.perf_counter()
        render = invoice_bytes if isinstance(doc, InvoiceDocument) else act_bytes
        text_out = pdf_text(render(doc))  # type: ignore[arg-type]
        assert time.perf_counter() - start < 2.0
        assert doc.number in text_out


def test_failed_and_killed_pdf_runs_leave_no_temp_files(tmp_path: Path) -> None:
    invoice, _ = _long_documents()
    target = tmp_path / "invoice.pdf"
    orphan = tmp_path / f".{target.name}.999999999.deadbeef.tmp"  # a killed run's
    orphan.write_bytes(b"")

    def fail(_fh: object) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        pdf_page.write_atomically(target, fail)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # orphan and own temp gone
    assert document_story(invoice)  # the story builds
    pdf_page.write_atomically(target, lambda fh: fh.write(invoice_bytes(invoice)))
    assert [p.name for p in tmp_path.iterdir()] == ["invoice.pdf"]


def test_three_month_invoice_names_its_whole_period() -> None:
    invoice, _ = _long_documents()
    doc = replace(invoice, period="2027-01", period_to="2027-03", buyer=replace(invoice.buyer))
    assert "період: січень – березень 2027 р." in pdf_text(invoice_bytes(doc))


_ = dt  # dates are built through tests.helpers.day


def test_cli_warns_of_a_missing_contract_and_lists_it(db_url: str, tmp_path: Path) -> None:
    from tests.test_cli import Cli

    if not db_url.startswith("sqlite"):
        pytest.skip("the CLI's output does not depend on the database")
    cli = Cli(db_url, tmp_path)
    account = cli.json(
        "client", "add", "--name", "ТОВ «Без договору»", "--kind", "legal", "--edrpou", EDRPOU_B
    )["account"]
    issued = cli("invoices", "issue", account, "100.00", "--date", "2026-11-12")
    assert [line for line in issued.stderr.splitlines() if line.startswith("warning:")] == [
        "warning: client «ТОВ «Без договору»» has no contract on file: the document cites none"
    ]
    [listed] = cli.json("client", "list")
    assert (listed["contract"], listed["warnings"]) == (None, ["no_contract"])
    assert "NONE (warning)" in cli("client", "list").stdout

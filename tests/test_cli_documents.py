"""Statements, invoices, documents and exports through the CLI (SPEC §16).

One accountant's month: a purchase waits for money, the bank statement pays
its invoice, the unmatched payment is assigned, the month's documents are
printed and exported. Each refused command leaves the database unchanged.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
from sqlalchemy import Engine

from tests.conftest import snapshot
from tests.helpers import EDRPOU_B
from tests.test_cli import FIXTURES, Cli
from tests.test_cli import cli as cli
from tests.test_statements import OUR_IBAN, PAYER_IBAN_2, Payment, onec


def prepare(cli: Cli) -> str:
    cli("init")
    for key, value in (
        ("company.name", "ТОВ «Хмарні рішення»"),
        ("company.edrpou", "37193071"),
        ("company.iban", OUR_IBAN),
        ("company.bank", "АТ «Універсал Банк»"),
        ("company.address", "м. Київ, вул. Хрещатик, 1"),
    ):
        cli("settings", "set", key, value)
    account = cli.json(
        "client",
        "add",
        "--name",
        "ТОВ «Агро Трейд»",
        "--kind",
        "legal",
        "--edrpou",
        EDRPOU_B,
        "--email",
        "buh@agro.ua",
        "--date",
        "2026-11-01",
    )["account"]
    cli("catalog", "import", str(FIXTURES / "catalog.json"))
    cli("rates", "set", "2026-11-10", "EUR", "48.5123")
    cli("rates", "set", "2026-11-12", "EUR", "48.5123")
    return str(account)


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_statement_pays_the_purchase_invoice_and_documents_print(cli: Cli, tmp_path: Path) -> None:
    account = prepare(cli)
    ordered = cli.json("subscribe", account, "business", "--date", "2026-11-10")
    assert (ordered["status"], ordered["invoice"]) == ("pending", "РФ-2026-000001")

    statement = tmp_path / "statement.txt"
    statement.write_bytes(
        onec(
            Payment("5000.00", "Оплата за рахунком № РФ-2026-000001", number="11"),
            Payment("250.00", "Поповнення", payer_iban=PAYER_IBAN_2, number="12"),
        )
    )
    counts = cli.json("statements", "import", str(statement), "--date", "2026-11-12")
    assert counts == {
        "new": 2,
        "duplicate": 0,
        "skipped": 0,
        "matched": 1,
        "unmatched": 1,
        "skipped_by_reason": {},
    }
    again = cli.json("statements", "import", str(statement))
    assert again == {
        "new": 0,
        "duplicate": 2,
        "skipped": 0,
        "matched": 0,
        "unmatched": 0,
        "skipped_by_reason": {},
    }

    [waiting] = cli.json("statements", "unmatched")
    assert set(waiting) == {
        "id",
        "date",
        "amount",
        "payer",
        "payer_code",
        "payer_iban",
        "purpose",
        "candidates",
        "hint",
        "hint_text",
    }
    assert (waiting["amount"], waiting["payer_iban"]) == ("250.00", PAYER_IBAN_2)
    cli("statements", "assign", str(waiting["id"]), account, "--date", "2026-11-12")
    assert cli.json("statements", "unmatched") == []

    shown = cli.json("account", "show", account, "--date", "2026-11-12")
    # 5000.00 + 250.00 − 4996.77 (100 EUR × 48.5123 × 1.03)
    assert (shown["balance"], shown["subscription"]["status"]) == ("253.23", "active")
    [invoice] = cli.json("invoices", "list", "--month", "2026-11", "--date", "2026-11-12")
    assert set(invoice) == {
        "number",
        "date",
        "client",
        "account",
        "kind",
        "period",
        "total",
        "status",
    }
    assert (invoice["total"], invoice["status"]) == ("4996.77", "paid")

    batch = tmp_path / "invoices.pdf"
    cli("invoices", "pdf", "РФ-2026-000001", "--out", str(batch))
    words = text_of(batch)
    assert "РФ-2026-000001" in words and "4 996,77" in words
    assert f"особовий рахунок {account}" in words
    folder = tmp_path / "each"
    folder.mkdir()
    cli("invoices", "pdf", "РФ-2026-000001", "--out", str(folder))
    assert [p.suffix for p in folder.iterdir()] == [".pdf"]

    reconciliation = tmp_path / "zvirka.pdf"
    cli(
        "reconciliation",
        account,
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(reconciliation),
    )
    assert "звірки" in text_of(reconciliation).lower()

    workbook = tmp_path / "turnover.xlsx"
    exported = cli.json("export", "turnover", "--month", "2026-11", "--out", str(workbook))
    assert exported["rows"] == 1
    sheet = openpyxl.load_workbook(workbook).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Оборотно-сальдова відомість" in values
    assert account in values


def test_refused_commands_change_nothing(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    prepare(cli)
    before = snapshot(engine)
    foreign = tmp_path / "foreign.txt"
    foreign.write_bytes(onec(Payment("1.00", "x"), account="UA553052990000026009999999999"))
    assert "UA553052990000026009999999999" in cli.refused("statements", "import", str(foreign))
    broken = tmp_path / "broken.txt"
    broken.write_bytes(onec(Payment("1.00", "x")).replace("Сумма=1.00".encode("cp1251"), b"x=1"))
    assert "broken.txt" in cli.refused("statements", "import", str(broken))
    assert "does not exist" in cli.refused("invoices", "pdf", "РФ-2026-999999", "--out", "x.pdf")
    assert "after" in cli.refused(
        "export", "ledger", "--from", "2026-11-30", "--to", "2026-11-01", "--out", "x.xlsx"
    )
    assert cli.refused("export", "ledger", "--out", str(tmp_path / "none" / "x.xlsx"))
    assert snapshot(engine) == before

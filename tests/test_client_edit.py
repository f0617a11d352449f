"""Editing a client's requisites (SPEC §5, §10, §16 `client edit`) and the
import preview the window shows before a client workbook is imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from backoffice.db.models import AuditRecord
from backoffice.errors import InputError
from backoffice.services import clients
from backoffice.services.client_edits import ClientChanges, client_record, edit_client
from tests.conftest import snapshot
from tests.helpers import EDRPOU_A, EDRPOU_B, IBAN_PRIVAT, RNOKPP_A, add_legal, day
from tests.test_cli import Cli
from tests.test_fixed_documents import invoice_text, topup_invoice
from tests.test_statements import configure

IBAN_MONO = "UA213223130000026007233566001"


def test_edit_changes_requisites_and_audits_before_and_after(uow_factory) -> None:
    account = add_legal(uow_factory)
    with uow_factory() as uow:
        edited = edit_client(
            uow,
            account,
            ClientChanges(
                name="ТОВ «Агро Трейд Плюс»",
                ibans=(IBAN_MONO,),
                emails=("zvit@agro.ua", "buh@agro.ua"),
                contract_no="17/2026",
                contract_date=day("2026-10-01"),
            ),
            "лист клієнта від 05.12.2026",
        )
        uow.commit()
    assert set(edited.changed) == {"name", "ibans", "emails", "contract_no", "contract_date"}
    with uow_factory(read_only=True) as uow:
        record = client_record(uow, account)
        assert (record.name, record.ibans, record.emails) == (
            "ТОВ «Агро Трейд Плюс»",
            (IBAN_MONO,),
            ("zvit@agro.ua", "buh@agro.ua"),
        )
        assert (record.contract_no, record.contract_date) == ("17/2026", day("2026-10-01"))
        [view] = clients.list_accounts(uow, clients.AccountQuery(text="плюс"))
        assert view.number == account
        [audit] = (
            uow.session.execute(select(AuditRecord).where(AuditRecord.action == "client.edit"))
            .scalars()
            .all()
        )
    before, after = json.loads(audit.before), json.loads(audit.after)
    assert audit.subject == f"account {account}"
    assert before["name"] == "ТОВ «Агро Трейд»" and before["ibans"] == [IBAN_PRIVAT]
    assert after["name"] == "ТОВ «Агро Трейд Плюс»" and after["ibans"] == [IBAN_MONO]
    assert after["reason"] == "лист клієнта від 05.12.2026"


def test_same_values_again_change_nothing_and_audit_nothing(uow_factory) -> None:
    account = add_legal(uow_factory)
    for _ in range(2):
        with uow_factory() as uow:
            edit_client(uow, account, ClientChanges(name="ТОВ «Нове»"), "перейменування")
            uow.commit()
    with uow_factory(read_only=True) as uow:
        actions = uow.session.execute(
            select(AuditRecord.action).where(AuditRecord.action == "client.edit")
        ).all()
    assert len(actions) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (ClientChanges(edrpou="32855962"), "the check digit does not match"),
        (ClientChanges(ibans=("UA743052990000026007233566002",)), "IBAN"),
        (ClientChanges(emails=("buh(at)agro",)), r"e-mail 'buh\(at\)agro' is invalid"),
        (ClientChanges(name=" "), "client name is empty"),
        (ClientChanges(contract_date=day("2026-10-01")), "needs a contract number"),
        (ClientChanges(rnokpp=RNOKPP_A), "a legal entity has a ЄДРПОУ"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(
    uow_factory, engine: Engine, changes: ClientChanges, message: str
) -> None:
    account = add_legal(uow_factory)
    before = snapshot(engine)
    with uow_factory() as uow, pytest.raises(InputError, match=message):
        edit_client(uow, account, changes, "виправлення")
    assert snapshot(engine) == before


def test_code_of_another_client_and_empty_reason_are_refused(uow_factory) -> None:
    account = add_legal(uow_factory)
    add_legal(uow_factory, name="ТОВ «Інший»", edrpou=EDRPOU_B)
    with uow_factory() as uow, pytest.raises(InputError, match=f"code {EDRPOU_B} already exists"):
        edit_client(uow, account, ClientChanges(edrpou=EDRPOU_B), "виправлення")
    with uow_factory() as uow, pytest.raises(InputError, match="reason is empty"):
        edit_client(uow, account, ClientChanges(name="ТОВ «Б»"), "  ")


def test_invoice_issued_before_the_edit_reprints_the_old_name(uow_factory) -> None:
    configure(uow_factory)
    account = add_legal(uow_factory, edrpou=EDRPOU_B, opening="100.00")
    old = topup_invoice(uow_factory, account)
    printed = invoice_text(uow_factory, old)
    with uow_factory() as uow:
        edit_client(uow, account, ClientChanges(name="ТОВ «Зерно Нове»"), "перейменування")
        uow.commit()
    assert invoice_text(uow_factory, old) == printed
    assert "Агро Трейд" in printed and "Зерно Нове" not in printed
    assert "ТОВ «Зерно Нове»" in invoice_text(uow_factory, topup_invoice(uow_factory, account))


def test_cli_client_edit(db_url: str, tmp_path: Path, engine: Engine) -> None:
    cli = Cli(db_url, tmp_path)
    cli("init")
    account = cli(
        "client", "add", "--name", "ТОВ «Агро Трейд»", "--kind", "legal", "--edrpou", EDRPOU_A
    ).stdout.strip()
    shown = cli.json(
        "client",
        "edit",
        account,
        "--name",
        "ТОВ «Агро Трейд Плюс»",
        "--iban",
        IBAN_PRIVAT,
        "--iban",
        IBAN_MONO,
        "--contract",
        "17/2026",
        "--contract-date",
        "2026-10-01",
        "--reason",
        "лист клієнта",
    )
    assert shown["changed"]["name"] == {
        "before": "ТОВ «Агро Трейд»",
        "after": "ТОВ «Агро Трейд Плюс»",
    }
    assert shown["changed"]["ibans"]["after"] == [IBAN_PRIVAT, IBAN_MONO]
    [listed] = cli.json("client", "list")
    assert listed["client"] == "ТОВ «Агро Трейд Плюс»"
    assert listed["contract"] == {"number": "17/2026", "date": "2026-10-01"}

    before = snapshot(engine)
    for args in (
        ["--iban", "UA743052990000026007233566002"],
        ["--email", "buh(at)agro"],
        ["--contract-date", "2099-01-01"],
    ):
        message = cli.refused("client", "edit", account, *args, "--reason", "виправлення")
        assert args[1] in message
    cli("client", "edit", account, "--name", "X", expect=2)  # --reason is required
    after = snapshot(engine)
    after.pop("audit_log", None)
    assert {k: v for k, v in before.items() if k != "audit_log"} == after
    # --iban repeated replaces the list; --no-email empties it
    cli("client", "edit", account, "--iban", IBAN_MONO, "--reason", "закрили рахунок")
    assert (
        cli.json("client", "edit", account, "--iban", IBAN_MONO, "--reason", "x")["changed"] == {}
    )


def test_preview_names_every_bad_row_and_imports_nothing(uow_factory, tmp_path: Path) -> None:
    add_legal(uow_factory, edrpou=EDRPOU_B)
    path = tmp_path / "clients.csv"
    path.write_text(
        "kind;name;edrpou;rnokpp;iban\n"
        f"legal;ТОВ «Добрий»;{EDRPOU_A};;{IBAN_PRIVAT}\n"
        "legal;ТОВ «Поганий код»;32855962;;\n"
        f"legal;ТОВ «Вже є»;{EDRPOU_B};;\n"
        f"sole;ФОП Повтор;;{RNOKPP_A};\n"
        f"sole;ФОП Повтор 2;;{RNOKPP_A};\n",
        encoding="utf-8",
    )
    with uow_factory(read_only=True) as uow:
        preview = clients.preview_client_import(uow, path)
    fates = [(r.line, r.name, r.problem) for r in preview.rows]
    assert fates[0] == (2, "ТОВ «Добрий»", None)
    assert fates[1][:2] == (3, "ТОВ «Поганий код»") and "check digit" in (fates[1][2] or "")
    assert fates[2][2] is not None and "already exists" in fates[2][2]
    assert fates[3][2] is None
    assert fates[4][2] == "code 3163956443 repeats line 5"
    assert len(preview.problems) == 3
    with uow_factory() as uow, pytest.raises(clients.ClientImportError):
        clients.import_clients(uow, path, day("2026-11-01"))
    with uow_factory(read_only=True) as uow:
        assert clients.count_accounts(uow) == 1


def test_removing_the_contract_drops_its_date(uow_factory) -> None:
    account = add_legal(uow_factory)
    with uow_factory() as uow:
        edit_client(
            uow,
            account,
            ClientChanges(contract_no="17/2026", contract_date=day("2026-10-01")),
            "договір підписано",
        )
        edited = edit_client(uow, account, ClientChanges(contract_no=""), "договір розірвано")
        uow.commit()
    assert edited.changed == {
        "contract_no": ("17/2026", None),
        "contract_date": (day("2026-10-01"), None),
    }

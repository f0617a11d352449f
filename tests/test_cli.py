"""The CLI contract (SPEC §16), driven through a subprocess as a scheduler would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.conftest import snapshot
from tests.helpers import EDRPOU_A, IBAN_PRIVAT, RNOKPP_A

FIXTURES = Path(__file__).parent / "fixtures"


class Cli:
    def __init__(self, db_url: str, workdir: Path):
        self.db_url = db_url
        self.workdir = workdir

    def __call__(self, *args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "BACKOFFICE_USER": "accountant1"}
        env.pop("BACKOFFICE_DB", None)
        result = subprocess.run(
            [sys.executable, "-m", "backoffice", "--db", self.db_url, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=self.workdir,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        assert result.returncode == expect, (args, result.stdout, result.stderr)
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self(*args, "--json").stdout)

    def refused(self, *args: str) -> str:
        """Exit 1 with exactly one `error:` line on stderr; returns it."""
        result = self(*args, expect=1)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1, result.stderr
        return errors[0]


@pytest.fixture
def cli(db_url: str, tmp_path: Path) -> Cli:
    return Cli(db_url, tmp_path)


def test_accountant_day_through_the_cli(cli: Cli) -> None:
    assert "up to date" in cli("init").stdout
    added = cli.json(
        "client",
        "add",
        "--name",
        "ТОВ «Агро Трейд»",
        "--kind",
        "legal",
        "--edrpou",
        EDRPOU_A,
        "--iban",
        IBAN_PRIVAT,
        "--email",
        "buh@agro.ua",
        "--contract",
        "Д-7",
        "--contract-date",
        "2026-01-15",
        "--date",
        "2026-11-01",
    )
    account = added["account"]
    assert account == "OR-000001" and isinstance(added["client"], int)
    cli("topup", account, "1004.50", "--date", "2026-11-10", "--reason", "платіжка 115")
    cli("topup", account, "-5", "--date", "2026-11-10", "--reason", "x", expect=1)
    shown = cli.json("account", "show", account)
    assert {
        k: shown[k]
        for k in (
            "account",
            "client",
            "balance",
            "access",
            "block_reason",
            "outstanding",
            "subscription",
        )
    } == {
        "account": account,
        "client": "ТОВ «Агро Трейд»",
        "balance": "1004.50",
        "access": "active",
        "block_reason": None,
        "outstanding": "0.00",
        "subscription": None,
    }
    [entry] = cli.json("ledger", account)
    assert {k: entry[k] for k in ("date", "kind", "amount", "eur", "rate", "comment")} == {
        "date": "2026-11-10",
        "kind": "topup_manual",
        "amount": "1004.50",
        "eur": None,
        "rate": None,
        "comment": "платіжка 115",
    }
    assert entry["author"] == "accountant1"
    cli("reverse", str(entry["id"]), "--date", "2026-11-11", "--reason", "помилка")
    assert cli.json("account", "show", account)["balance"] == "0.00"
    assert [e["kind"] for e in cli.json("ledger", account, "--from", "2026-11-11")] == ["reversal"]
    cli("rates", "set", "2026-11-10", "EUR", "48.5123")
    imported = cli.json("rates", "import", str(FIXTURES / "nbu_rates.json"))
    assert imported == {"new": 1, "unchanged": 1, "corrected": 0, "skipped": 1}
    cli("settings", "set", "policy", "S2")
    assert cli.json("settings", "show")["settings"]["policy"] == "S2"
    [listed] = cli.json("client", "list")
    assert (listed["account"], listed["balance"], listed["code"]) == (account, "0.00", EDRPOU_A)
    assert cli.json("check")["ok"] is True


def test_client_import_and_demo_on_a_fresh_database(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(
        f"kind,name,rnokpp,opening_balance\nsole,ФОП Мельник Ірина Дмитрівна,{RNOKPP_A},250.75\n",
        encoding="utf-8",
    )
    cli("client", "import", str(path), "--date", "2026-10-31")
    assert cli.json("account", "show", "OR-000001")["balance"] == "250.75"
    # demo refuses a database that already has clients
    assert "already has 1 clients" in cli.refused("demo", "--clients", "5")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["topup", "OR-999999", "10.00", "--date", "2026-11-10", "--reason", "x"], "OR-999999"),
        (["topup", "OR-000001", "12,5.0", "--date", "2026-11-10", "--reason", "x"], "12,5.0"),
        (["topup", "OR-000001", "1e3", "--date", "2026-11-10", "--reason", "x"], "1e3"),
        (["topup", "OR-000001", "-5.00", "--date", "2026-11-10", "--reason", "x"], "-5.00"),
        (["topup", "OR-000001", "10.00", "--date", "2026-10-31", "--reason", "x"], "2026-10"),
        (
            ["client", "add", "--name", "ТОВ «Х»", "--kind", "legal", "--edrpou", "32855962"],
            "32855962",
        ),
        (
            [
                "client",
                "add",
                "--name",
                "ТОВ «Х»",
                "--kind",
                "legal",
                "--edrpou",
                EDRPOU_A,
                "--iban",
                "UA213052990000026007233566002",
            ],
            "UA213052990000026007233566002",
        ),
        (["reverse", "424242", "--date", "2026-11-10", "--reason", "x"], "424242"),
        (["rates", "set", "2026-11-10", "EUR", "48,5"], "48,5"),
        (["account", "show", "OR-404"], "OR-404"),
        (["settings", "set", "company.edrpou", "11111111"], "11111111"),
    ],
)
def test_bad_input_is_one_error_line_and_changes_nothing(
    cli: Cli, engine: Engine, args: list[str], named: str
) -> None:
    cli(
        "client",
        "add",
        "--name",
        "ФОП Мельник І.Д.",
        "--kind",
        "sole",
        "--rnokpp",
        RNOKPP_A,
        "--opening-balance",
        "10.00",
        "--date",
        "2026-10-05",
    )
    cli("months", "lock", "2026-10")
    before = snapshot(engine)
    message = cli.refused(*args)
    assert named in message
    assert snapshot(engine) == before


def test_broken_files_import_nothing(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    rates_file = tmp_path / "nbu.json"
    rates_file.write_text(
        '[{"cc":"EUR","rate":48.5,"exchangedate":"10.11.2026"},{"cc":"USD",', "utf-8"
    )
    clients_file = tmp_path / "clients.csv"
    clients_file.write_text(
        "kind,name,rnokpp,opening_balance\n"
        f"sole,ФОП Добрий,{RNOKPP_A},100.00\n"
        "sole,ФОП Поганий,3163956444,100.00\n",
        encoding="utf-8",
    )
    before = snapshot(engine)
    assert str(rates_file) in cli.refused("rates", "import", str(rates_file))
    result = cli("client", "import", str(clients_file), expect=1)
    assert f"{clients_file}: line 3: РНОКПП '3163956444' is invalid" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {clients_file}: 1 invalid row(s), nothing imported"
    )
    assert snapshot(engine) == before


def test_check_fails_on_a_tampered_balance(cli: Cli, engine: Engine) -> None:
    cli(
        "client",
        "add",
        "--name",
        "ФОП Мельник І.Д.",
        "--kind",
        "sole",
        "--rnokpp",
        RNOKPP_A,
        "--opening-balance",
        "10.00",
        "--date",
        "2026-10-05",
    )
    with engine.begin() as connection:
        connection.execute(text("UPDATE accounts SET balance = 0"))
    result = cli("check", expect=1)
    assert "account OR-000001: cached balance 0.00 differs from its entries 10.00" in result.stdout
    assert "error: integrity check found 1 problem(s)" in result.stderr


def test_uninitialised_database_is_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    message = Cli(url, tmp_path).refused("client", "list")
    assert "not initialised" in message and "backoffice init" in message

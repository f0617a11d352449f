"""The billing commands of SPEC §16 through a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.conftest import snapshot
from tests.helpers import EDRPOU_A
from tests.test_cli import Cli

CATALOG = Path(__file__).parent / "fixtures" / "catalog.json"


@pytest.fixture
def cli(db_url: str, tmp_path: Path) -> Cli:
    return Cli(db_url, tmp_path)


def prepare(cli: Cli) -> str:
    cli("catalog", "import", str(CATALOG))
    for day in ("2026-11-10", "2026-11-11", "2026-12-01"):
        cli("rates", "set", day, "EUR", "48.5123")
    return cli.json(
        "client",
        "add",
        "--name",
        "ТОВ «Агро Трейд»",
        "--kind",
        "legal",
        "--edrpou",
        EDRPOU_A,
        "--email",
        "buh@agro.ua",
        "--opening-balance",
        "100.00",
        "--date",
        "2026-11-01",
    )["account"]


def test_subscription_month_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    account = prepare(cli)
    quote = cli.json("quote", account, "business", "--months", "3", "--date", "2026-11-10")
    assert (quote["eur"], quote["uah"], quote["missing"]) == ("285.00", "14240.79", "14140.79")
    assert cli.json("subscribe", account, "business", "--date", "2026-11-10")["status"] == "pending"
    cli("topup", account, "5000.00", "--date", "2026-11-11", "--reason", "платіжка 7")
    shown = cli.json("account", "show", account, "--date", "2026-11-11")
    assert shown["balance"] == "103.23" and shown["access"] == "active"
    assert shown["subscription"] == {
        "plan": "business",
        "status": "active",
        "period_start": "2026-11-01",
        "period_end": "2026-11-30",
        "auto_renew": True,
        "months": 1,
    }
    usage = tmp_path / "usage.csv"
    usage.write_text(f"account,option,date,quantity\n{account},deliveries,2026-11-20,52\n", "utf-8")
    assert cli.json("usage", "import", str(usage)) == {"records": 1}
    cli("run-daily", "--date", "2026-12-01")
    shown = cli.json("account", "show", account, "--date", "2026-12-01")
    # the renewal (100 EUR) and 2 deliveries over (2 × 1 × 2 = 4 EUR) wait for funds
    assert (shown["access"], shown["block_reason"], shown["outstanding_eur"]) == (
        "blocked",
        "unpaid_renewal",
        "104.00",
    )
    assert shown["outstanding"] == "5196.64"  # 104 × 48.5123 × 1.03
    dry = cli.json("close", "2026-11", "--dry-run")
    assert (dry["dry_run"], dry["acts"], dry["total_uah"]) == (True, 1, "4996.77")
    closed = cli.json("close", "2026-11")
    assert closed["acts"] == 1 and not closed["already_closed"]
    assert "already closed" in cli("close", "2026-11").stdout
    [act] = cli.json("acts", "list", "--month", "2026-11")
    assert {k: act[k] for k in ("number", "date", "month", "client", "account", "total")} == {
        "number": "АКТ-2026-000001",
        "date": "2026-11-30",
        "month": "2026-11",
        "client": "ТОВ «Агро Трейд»",
        "account": account,
        "total": "4996.77",
    }
    assert cli.json("check")["ok"] is True


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["subscribe", "OR-000001", "gold", "--date", "2026-11-10"], "gold"),
        (
            ["subscribe", "OR-000001", "business", "--months", "2", "--date", "2026-11-10"],
            "2 months",
        ),
        (
            ["subscribe", "OR-000001", "business", "--option", "robots=2", "--date", "2026-11-10"],
            "robots",
        ),
        (["usage", "add", "OR-999999", "deliveries", "5", "--date", "2026-11-10"], "OR-999999"),
        (["close", "2026-12"], "2026-11 is still open"),
        (["change-plan", "OR-000001", "start", "--date", "2026-11-10"], "no running subscription"),
    ],
)
def test_billing_refusals_change_nothing(
    cli: Cli, engine: Engine, args: list[str], named: str
) -> None:
    prepare(cli)
    before = snapshot(engine)
    assert named in cli.refused(*args)
    assert snapshot(engine) == before


def test_daily_run_reports_the_failing_account(cli: Cli) -> None:
    account = prepare(cli)
    cli("topup", account, "20000.00", "--date", "2026-11-10", "--reason", "x")
    cli("subscribe", account, "business", "--date", "2026-11-10")
    result = cli("run-daily", "--date", "2026-12-02", expect=1)
    assert f"2026-12-02 {account}: no NBU rate for EUR on 2026-12-02" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "error: 1 account(s) failed; the others were processed"
    )

"""Issue 11 items 9 and 10 through the command line: every refusal is exit 1
with one `error:` line and the database unchanged; nothing raw reaches the
terminal."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from backoffice import cli as cli_main
from backoffice.cli import commands
from tests.conftest import snapshot
from tests.helpers import EDRPOU_A
from tests.test_cli import Cli

CATALOG = Path(__file__).parent / "fixtures" / "catalog.json"
HUGE = "50000000000000000.00"
# What argv can carry: no NUL, no surrogate that is not an escaped byte.
ARGV_CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
COMPANY = {
    "company.name": "ТОВ «Хмарні рішення»",
    "company.edrpou": "37193071",
    "company.iban": "UA743052990000026007233566001",
    "company.bank": "АТ «Універсал Банк»",
    "company.address": "м. Київ, вул. Хрещатик, 1",
}


class RawCli(Cli):
    def raw(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Whatever the exit code: for the fuzz test, which judges it itself."""
        env = {**os.environ, "BACKOFFICE_USER": "accountant1"}
        env.pop("BACKOFFICE_DB", None)
        return subprocess.run(
            [sys.executable, "-m", "backoffice", "--db", self.db_url, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=self.workdir,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )


@pytest.fixture
def cli(db_url: str, tmp_path: Path) -> RawCli:
    return RawCli(db_url, tmp_path)


def prepare(cli: Cli) -> str:
    cli("catalog", "import", str(CATALOG))
    cli("rates", "set", "2026-11-10", "EUR", "48.5123")
    return cli.json(
        "client",
        "add",
        "--name",
        "ТОВ «Агро Трейд»",
        "--kind",
        "legal",
        "--edrpou",
        EDRPOU_A,
        "--date",
        "2026-11-01",
    )["account"]


def test_huge_and_malformed_values_are_refused_with_exit_1(cli: Cli, engine: Engine) -> None:
    account = prepare(cli)
    before = snapshot(engine)
    refusals = [
        (["topup", account, HUGE, "--reason", "t"], "over the limit of 1000000000.00"),
        (["invoices", "issue", account, HUGE], "invoice amount"),
        (["order", "add", account, "--service", "Доопрацювання", "--amount", HUGE], "order"),
        (
            ["client", "add", "--name", "Б", "--kind", "individual", "--opening-balance", HUGE],
            "opening balance",
        ),
        (["rates", "set", "2026-12-08", "EUR", "99999999999999"], "out of range"),
        (["rates", "set", "2026-12-08", "EUR' OR 1=1 --", "49.1234"], "ISO 4217"),
        (["usage", "add", account, "deliveries", "9223372036854775807"], "quantity"),
        (["usage", "add", account, "deliveries", "１２"], "not a whole number"),
        (["subscribe", account, "business", "--option", "users=٣"], "not a whole number"),
        (["topup", account, " 5", "--reason", "t"], "not a decimal number"),
        (["topup", account, "+5", "--reason", "t"], "not a decimal number"),
        (["topup", account, "١٢", "--reason", "t"], "not a decimal number"),
        (["topup", account, "１２.５０", "--reason", "t"], "not a decimal number"),
        (["topup", account, "5", "--reason", "t", "--date", "1900-01-01"], "before 2000-01-01"),
        (["topup", account, "5", "--reason", "t", "--date", "9999-12-31"], "days ahead"),
        (["topup", account, "5", "--reason", "a\x1b[2Jb"], "control character U+001B"),
    ]
    for args, named in refusals:
        dated = args if "--date" in args else [*args, "--date", "2026-11-10"]
        if args[0] == "rates":
            dated = args
        line = cli.refused(*dated)
        assert named in line, (args, line)
        assert "\x1b" not in line
    assert snapshot(engine) == before


def test_unreadable_input_files_are_refused_with_exit_1(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    missing = tmp_path / "missing.csv"
    for command in (["client", "import"], ["rates", "import"], ["usage", "import"]):
        for path in (folder, missing):
            line = cli.refused(*command, str(path))
            assert str(path) in line, line
    for path in (folder, missing):
        assert str(path) in cli.refused("catalog", "import", str(path))


def test_usage_import_with_a_wrong_header_names_file_line_and_columns(
    cli: Cli, tmp_path: Path
) -> None:
    account = prepare(cli)
    wrong = tmp_path / "usage.csv"
    wrong.write_text(f"рахунок,option,date,quantity\n{account},deliveries,2026-11-10,5\n")
    assert cli.refused("usage", "import", str(wrong)) == (
        f"error: {wrong}: line 1: the header lacks column(s) account "
        "(needs account, option, date, quantity)"
    )


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 64 KiB file system, filled: every new file hits ENOSPC."""
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        with contextlib.suppress(OSError):
            (folder / "filler").write_bytes(b"\0" * 70_000)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_is_one_error_line_without_a_traceback(cli: Cli, full_disk: Path) -> None:
    account = prepare(cli)
    cli("topup", account, "100.00", "--date", "2026-11-10", "--reason", "t")
    for key, value in COMPANY.items():
        cli("settings", "set", key, value)
    cli("invoices", "issue", account, "100.00", "--date", "2026-11-10")
    period = ["--from", "2026-11-01", "--to", "2026-11-30"]
    for args in (
        ["reconciliation", account, *period, "--out", str(full_disk / "statement.xlsx")],
        ["reconciliation", account, *period, "--out", str(full_disk / "statement.pdf")],
        ["invoices", "pdf", "РФ-2026-000001", "--out", str(full_disk / "invoice.pdf")],
        ["export", "ledger", *period, "--out", str(full_disk / "ledger.xlsx")],
    ):
        result = cli(*args, expect=1)
        assert result.stderr.count("error:") == 1, result.stderr
        assert "No space left" in result.stderr or "no space left" in result.stderr
        assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
        assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # nothing partial


def test_client_list_never_prints_raw_terminal_escapes(cli: Cli, engine: Engine) -> None:
    prepare(cli)
    # a name stored before names were checked
    with engine.begin() as connection:
        connection.execute(text("UPDATE clients SET name = :name"), {"name": "ТОВ \x1b]0;pwn\x07А"})
    listed = cli("client", "list").stdout
    assert "\x1b" not in listed and "\x07" not in listed
    assert "ТОВ \\x1b]0;pwn\\x07А" in listed
    as_json = cli("client", "list", "--json").stdout
    assert "\x1b" not in as_json
    assert json.loads(as_json)[0]["client"] == "ТОВ \x1b]0;pwn\x07А"


def test_run_daily_in_a_closed_month_names_that_month(cli: Cli) -> None:
    cli("client", "add", "--name", "Б", "--kind", "individual", "--date", "2026-09-01")
    cli("months", "lock", "2026-09")
    cli("months", "lock", "2026-10")
    assert cli.refused("run-daily", "--date", "2026-09-15") == (
        "error: 2026-09-15 is in closed month 2026-09: nothing can be run"
    )


@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (MemoryError(), "not enough memory"),
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "out.pdf"), "out.pdf: no space left"),
        # an input file we may not read (as root a chmod cannot show it)
        (PermissionError(errno.EACCES, "Permission denied", "c.csv"), "c.csv: Permission denied"),
    ],
)
def test_memory_and_disk_errors_exit_1_and_leave_no_partial_output(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    raised: BaseException,
    said: str,
) -> None:
    out = tmp_path / "out.xlsx"

    def half_written(args: object) -> int:
        out.write_bytes(b"PK\x03\x04 half a workbook")
        raise raised

    monkeypatch.setattr(commands, "check", half_written)
    monkeypatch.setattr(cli_main, "_new_output", lambda args: out)
    code = cli_main.main(["--db", f"sqlite:///{tmp_path / 'x.sqlite'}", "check"])
    errors = capsys.readouterr().err.splitlines()
    assert code == 1
    assert len(errors) == 1 and errors[0].startswith("error: ") and said in errors[0]
    assert not out.exists()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    name=st.one_of(
        st.text(ARGV_CHARACTERS, max_size=40),
        st.text(ARGV_CHARACTERS, min_size=295, max_size=305),
        # bytes that are not UTF-8 arrive as lone surrogates (surrogateescape)
        st.sampled_from(["\udcff", "ТОВ \udce9А"]),
    )
)
def test_client_add_name_is_stored_exactly_or_refused_in_one_line(
    cli: RawCli, engine: Engine, name: str
) -> None:
    """Fuzz: any text as --name is either stored as given (trimmed) or refused
    with exit 1 and one error line; never an internal error (exit 3)."""
    result = cli.raw("client", "add", f"--name={name}", "--kind", "individual", "--json")
    if result.returncode == 0:
        client_id = json.loads(result.stdout)["client"]
        with engine.connect() as connection:
            stored = connection.execute(
                text("SELECT name FROM clients WHERE id = :id"), {"id": client_id}
            ).scalar_one()
        assert stored == name.strip()
    else:
        assert result.returncode == 1, result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and len(result.stderr.splitlines()) == 1, result.stderr

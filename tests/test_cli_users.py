"""Log-in and users through the CLI (SPEC §16), as a scheduler or a script runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from backoffice.db.engine import make_engine
from tests.conftest import snapshot

SCHEMAS = Path(__file__).parent / "fixtures" / "schemas"
ADMIN = {"BACKOFFICE_USER": "boss", "BACKOFFICE_PASSWORD": "the boss password"}


def run(db: str, *args: str, env: dict[str, str] | None = None, expect: int = 0) -> str:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BACKOFFICE_USER", "BACKOFFICE_PASSWORD", "BACKOFFICE_NEW"))
    }
    environment.pop("BACKOFFICE_DB", None)
    environment.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "backoffice", "--db", db, *args],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == expect, (args, result.stdout, result.stderr)
    if expect == 1:
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1, result.stderr
        return errors[0]
    return result.stdout


@pytest.fixture
def team_db(db_url: str) -> str:
    """A database whose first administrator `init` made, plus a manager."""
    assert "first administrator boss created" in run(db_url, "init", env=ADMIN)
    new = {**ADMIN, "BACKOFFICE_NEW_PASSWORD": "manager password"}
    assert "user mary added with role manager" in run(
        db_url, "user", "add", "mary", "--role", "manager", env=new
    )
    return db_url


MARY = {"BACKOFFICE_USER": "mary", "BACKOFFICE_PASSWORD": "manager password"}


def test_without_users_the_cli_needs_no_log_in(db_url: str) -> None:
    assert "up to date" in run(db_url, "init")  # no variables: stays single-user
    run(db_url, "client", "list")
    assert json.loads(run(db_url, "user", "list", "--json")) == []


def test_once_users_exist_every_command_logs_in(team_db: str) -> None:
    engine = make_engine(team_db)
    before = snapshot(engine)
    error = run(team_db, "client", "list", expect=1)
    assert error == (
        "error: this database has users: log in with BACKOFFICE_USER and "
        "BACKOFFICE_PASSWORD (or run the command on a terminal to be asked)"
    )
    assert snapshot(engine) == before
    run(team_db, "client", "list", env=MARY)
    engine.dispose()


def test_wrong_password_and_unknown_user_read_the_same(team_db: str) -> None:
    wrong = run(team_db, "client", "list", env={**MARY, "BACKOFFICE_PASSWORD": "nope"}, expect=1)
    unknown = run(team_db, "client", "list", env={**MARY, "BACKOFFICE_USER": "ghost"}, expect=1)
    assert wrong == unknown
    assert wrong.startswith("error: wrong user name or password")


def test_a_role_without_the_permission_is_refused(team_db: str) -> None:
    engine = make_engine(team_db)
    before = snapshot(engine)
    error = run(team_db, "months", "lock", "2026-10", env=MARY, expect=1)
    assert error == "error: user mary (role manager) may not close a month"
    error = run(team_db, "user", "add", "eve", "--role", "admin", env=MARY, expect=1)
    assert error == "error: user mary (role manager) may not manage users"
    assert snapshot(engine) == before
    engine.dispose()


def test_the_author_of_an_entry_is_the_logged_in_user(team_db: str) -> None:
    account = json.loads(
        run(
            team_db,
            "client",
            "add",
            "--name",
            "ТОВ «Агро»",
            "--kind",
            "legal",
            "--edrpou",
            "32855961",
            "--json",
            env=MARY,
        )
    )["account"]
    run(
        team_db,
        "topup",
        account,
        "100.00",
        "--date",
        "2026-12-07",
        "--reason",
        "payment",
        env=MARY,
        expect=1,
    )
    run(
        team_db,
        "topup",
        account,
        "100.00",
        "--date",
        "2026-12-07",
        "--reason",
        "payment",
        env=ADMIN,
    )
    entries = json.loads(run(team_db, "ledger", account, "--json", env=MARY))
    assert [e["author"] for e in entries] == ["boss"]


def test_user_commands(team_db: str) -> None:
    listed = json.loads(run(team_db, "user", "list", "--json", env=ADMIN))
    assert [(u["user"], u["role"], u["active"]) for u in listed] == [
        ("boss", "admin", True),
        ("mary", "manager", True),
    ]
    run(
        team_db,
        "user",
        "passwd",
        "mary",
        env={**ADMIN, "BACKOFFICE_NEW_PASSWORD": "a fresh password"},
    )
    run(team_db, "client", "list", env=MARY, expect=1)
    fresh = {**MARY, "BACKOFFICE_PASSWORD": "a fresh password"}
    run(team_db, "client", "list", env=fresh)
    # her own password: the log-in proves the old one
    run(team_db, "user", "passwd", "mary", env={**fresh, "BACKOFFICE_NEW_PASSWORD": "mine now 123"})
    run(team_db, "user", "disable", "mary", env=ADMIN)
    error = run(
        team_db, "client", "list", env={**MARY, "BACKOFFICE_PASSWORD": "mine now 123"}, expect=1
    )
    assert error.startswith("error: wrong user name or password")
    short = {**ADMIN, "BACKOFFICE_NEW_PASSWORD": "short"}
    error = run(team_db, "user", "add", "ivan", "--role", "auditor", env=short, expect=1)
    assert "at least 10 characters" in error
    error = run(team_db, "user", "add", "ivan", "--role", "boss", env=short, expect=1)
    assert "role 'boss' is unknown" in error
    missing = run(team_db, "user", "add", "ivan", "--role", "auditor", env=ADMIN, expect=1)
    assert "BACKOFFICE_NEW_PASSWORD" in missing


def test_lock_out_after_five_failures(team_db: str) -> None:
    bad = {**MARY, "BACKOFFICE_PASSWORD": "guessing"}
    for _ in range(5):
        run(team_db, "client", "list", env=bad, expect=1)
    run(team_db, "client", "list", env=MARY, expect=1)  # locked, right password or not
    engine = make_engine(team_db)
    with engine.connect() as connection:
        locked = connection.execute(text("SELECT locked_until FROM users WHERE name='mary'"))
        assert locked.scalar_one() is not None
    engine.dispose()
    listed = json.loads(run(team_db, "user", "list", "--json", env=ADMIN))
    assert next(u for u in listed if u["user"] == "mary")["locked_until"] is not None
    run(team_db, "user", "enable", "mary", env=ADMIN)
    run(team_db, "client", "list", env=MARY)


def test_init_refuses_a_short_first_password_and_writes_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'new.sqlite'}"
    error = run(db, "init", env={"BACKOFFICE_USER": "boss", "BACKOFFICE_PASSWORD": "x"}, expect=1)
    assert "at least 10 characters" in error
    assert "up to date" not in run(db, "init")  # the schema was not made by the refused run


def test_an_old_database_upgrades_and_gets_its_first_user(tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite"
    shutil.copyfile(SCHEMAS / "schema-0004.sqlite", database)
    db = f"sqlite:///{database}"
    before = run(db, "init", env=ADMIN)
    assert "first administrator boss created" in before
    run(db, "check", env=ADMIN)
    run(db, "check", expect=1)  # now everybody logs in
    accounts = json.loads(run(db, "client", "list", "--json", env=ADMIN))
    assert accounts  # the old books are all there

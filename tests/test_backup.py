"""Backup and restore (SPEC §15, §16): a restore gives back exactly what was saved,
refuses anything that is not our backup, and changes nothing when it refuses."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from backoffice.cli import backup_commands, commands, main
from backoffice.db.engine import make_engine
from backoffice.services import backup
from tests.conftest import snapshot
from tests.helpers import RNOKPP_A


class Run:
    """The CLI in this process: exit code, and the `error:` lines on stderr."""

    def __init__(self, db_url: str, capsys: pytest.CaptureFixture[str]):
        self.db_url = db_url
        self.capsys = capsys

    def __call__(self, *args: str, expect: int = 0) -> str:
        made: list[Engine] = []

        def tracked(url: str, **kwargs: Any) -> Engine:
            made.append(make_engine(url, **kwargs))
            return made[-1]

        # Each call is a process of its own in real use: its connections end with it.
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(commands, "make_engine", tracked)
            patch.setattr(backup_commands, "make_engine", tracked)
            code = main(["--db", self.db_url, *args])
        for engine in made:
            engine.dispose()
        out, err = self.capsys.readouterr()
        assert code == expect, (args, out, err)
        return out if expect == 0 else err

    def refused(self, *args: str) -> str:
        err = self(*args, expect=1)
        errors = [line for line in err.splitlines() if line.startswith("error:")]
        assert len(errors) == 1, err
        return errors[0]


@pytest.fixture
def run(db_url: str, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(db_url, capsys)


def fill(run: Run) -> None:
    run("client", "add", "--name", "ФОП Мельник І.Д.", "--kind", "sole", "--rnokpp", RNOKPP_A,
        "--opening-balance", "1000.00", "--date", "2026-10-05")  # fmt: skip
    run("topup", "OR-000001", "250.50", "--date", "2026-10-06", "--reason", "каса")


def ledger_totals(engine: Engine) -> tuple[int, int]:
    with engine.connect() as connection:
        count, total = connection.execute(
            text("SELECT count(*), coalesce(sum(amount), 0) FROM ledger_entries")
        ).one()
    return int(count), int(total)


def suffix(engine: Engine) -> str:
    return ".sqlite" if engine.dialect.name == "sqlite" else ".dump"


def test_restore_gives_back_exactly_what_was_saved(
    run: Run, engine: Engine, tmp_path: Path
) -> None:
    fill(run)
    saved = tmp_path / f"saved{suffix(engine)}"
    run("backup", str(saved))
    before = snapshot(engine)
    assert ledger_totals(engine) == (2, 125050)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600

    run("topup", "OR-000001", "99.99", "--date", "2026-10-07", "--reason", "after the backup")
    assert ledger_totals(engine) == (3, 135049)

    if engine.dialect.name == "postgresql":
        # Another workstation still connected: the live database cannot be replaced.
        with engine.connect():
            message = run.refused("restore", str(saved))
        assert "other sessions are connected" in message
        _assert_no_scratch_database_left(engine)
        assert ledger_totals(engine) == (3, 135049)
    engine.dispose()
    out = run("restore", str(saved))
    assert "check ok: 1 accounts, 2 entries" in out
    assert "the replaced database is kept as" in out
    engine.dispose()
    after = snapshot(engine)
    # The log as saved (the backup's own record came after the copy), then the restore's.
    saved_log, restored_log = before.pop("audit_log"), after.pop("audit_log")
    assert after == before
    assert [r[4] for r in saved_log][-1] == "backup.create"
    assert restored_log[:-1] == saved_log[:-1]
    assert restored_log[-1][4] == "backup.restore"
    assert "balance" in run("account", "show", "OR-000001")
    run("check")
    # The restored books go on as before: a new entry posts on top of them.
    run("topup", "OR-000001", "0.01", "--date", "2026-10-08", "--reason", "after the restore")
    assert ledger_totals(engine) == (3, 125051)
    if engine.dialect.name == "postgresql":
        _drop_kept_databases(engine)


def _drop_kept_databases(engine: Engine) -> None:
    name = engine.url.database
    admin = make_engine(engine.url.set(database="postgres").render_as_string(hide_password=False))
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        kept = connection.execute(
            text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
            {"p": f"{name[:35]}_before_restore_%"},
        ).scalars()
        for database in list(kept):
            connection.execute(text(f'DROP DATABASE "{database}" WITH (FORCE)'))
    admin.dispose()


def _refused_unchanged(run: Run, engine: Engine, source: Path, expected: str) -> None:
    before = snapshot(engine)
    engine.dispose()
    message = run.refused("restore", str(source))
    assert expected in message, message
    engine.dispose()
    assert snapshot(engine) == before


def test_restore_refuses_what_is_not_our_backup(run: Run, engine: Engine, tmp_path: Path) -> None:
    fill(run)
    random_file = tmp_path / "notes.txt"
    random_file.write_bytes(os.urandom(5000))
    _refused_unchanged(run, engine, random_file, "is not a backup of this program")

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
    expected = "is not a backup" if engine.dialect.name == "sqlite" else "is an SQLite backup"
    _refused_unchanged(run, engine, other, expected)

    saved = tmp_path / f"saved{suffix(engine)}"
    run("backup", str(saved))
    truncated = tmp_path / f"truncated{suffix(engine)}"
    truncated.write_bytes(saved.read_bytes()[: saved.stat().st_size // 3])
    before = snapshot(engine)
    engine.dispose()
    message = run.refused("restore", str(truncated))
    assert str(truncated) in message
    engine.dispose()
    assert snapshot(engine) == before

    _refused_unchanged(run, engine, tmp_path / "missing.sqlite", "no such backup file")
    if engine.dialect.name == "postgresql":
        _assert_no_scratch_database_left(engine)


def _assert_no_scratch_database_left(engine: Engine) -> None:
    with engine.connect() as connection:
        left = connection.execute(
            text("SELECT count(*) FROM pg_database WHERE datname LIKE :p"),
            {"p": f"{engine.url.database[:40]}_restore_%"},
        ).scalar_one()
    assert left == 0


def test_backup_never_overwrites_a_file_or_the_database(
    run: Run, engine: Engine, tmp_path: Path
) -> None:
    existing = tmp_path / "existing.sqlite"
    existing.write_text("keep me")
    assert "already exists" in run.refused("backup", str(existing))
    assert existing.read_text() == "keep me"
    assert "no such folder" in run.refused("backup", str(tmp_path / "nowhere" / "b.sqlite"))
    folder = tmp_path / "chosen"
    folder.mkdir()
    run("backup", str(folder))
    (made,) = folder.iterdir()
    assert made.name.endswith(suffix(engine))


# --- SQLite only -----------------------------------------------------------------


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Path:
    path = tmp_path / "books.sqlite"
    shutil.copyfile(sqlite_template, path)
    return path


@pytest.fixture
def srun(sqlite_db: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(f"sqlite:///{sqlite_db}", capsys)


def test_a_stale_wal_beside_the_database_does_not_come_back(
    srun: Run, sqlite_db: Path, tmp_path: Path
) -> None:
    fill(srun)
    saved = tmp_path / "saved.sqlite"
    srun("backup", str(saved))
    # Changes left in a -wal that was never checkpointed (a crash, or a copy of
    # the files taken while the program ran)...
    writer = sqlite3.connect(sqlite_db, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE accounts SET block_reason = 'stale-wal'")
    stale = tmp_path / "stale-wal"
    shutil.copyfile(f"{sqlite_db}-wal", stale)
    writer.close()
    shutil.copyfile(stale, f"{sqlite_db}-wal")

    srun("restore", str(saved))
    for _ in range(2):  # ...are gone now and after the file is opened again
        with sqlite3.connect(sqlite_db) as connection:
            notes = connection.execute("SELECT block_reason FROM accounts").fetchall()
        assert notes and all(n != "stale-wal" for (n,) in notes)
    srun("check")


def test_restore_refuses_a_newer_schema_and_a_failing_check(
    srun: Run, sqlite_db: Path, tmp_path: Path
) -> None:
    fill(srun)
    engine = make_engine(f"sqlite:///{sqlite_db}")
    newer = tmp_path / "newer.sqlite"
    srun("backup", str(newer))
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    _refused_unchanged(srun, engine, newer, "holds schema 9999, newer than this program knows")

    tampered = tmp_path / "tampered.sqlite"
    srun("backup", str(tampered))
    with sqlite3.connect(tampered) as connection:
        connection.execute("UPDATE accounts SET balance = 0")
    _refused_unchanged(srun, engine, tampered, "fails the integrity check")
    leftovers = [p.name for p in sqlite_db.parent.iterdir() if ".restore-" in p.name]
    assert leftovers == []
    engine.dispose()


def test_the_database_and_its_backups_are_the_owners_only(tmp_path: Path, capsys) -> None:
    database = tmp_path / "new" / "books.sqlite"
    run = Run(f"sqlite:///{database}", capsys)
    run("init")
    fill(run)
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    run("close", "2026-10")
    (automatic,) = (database.parent / "backups").iterdir()
    assert "before-close" in automatic.name
    assert stat.S_IMODE(automatic.stat().st_mode) == 0o600


def test_automatic_backups_are_rotated(sqlite_db: Path) -> None:
    engine = make_engine(f"sqlite:///{sqlite_db}")
    made = [backup.automatic_backup(engine, "before-close", keep=3) for _ in range(5)]
    kept = sorted((sqlite_db.parent / "backups").iterdir())
    assert kept == sorted(made[-3:])
    engine.dispose()


def test_a_sqlite_backup_is_refused_by_postgresql_and_back(
    srun: Run, engine: Engine, tmp_path: Path
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("crosses SQLite and PostgreSQL")
    fill(srun)
    saved = tmp_path / "saved.sqlite"
    srun("backup", str(saved))
    url = engine.url.render_as_string(hide_password=False)
    before = snapshot(engine)
    code = main(["--db", url, "restore", str(saved)])
    assert code == 1
    assert snapshot(engine) == before


def test_an_old_schema_is_backed_up_as_it_is_and_an_empty_database_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "schemas" / "schema-0002.sqlite", old)
    Run(f"sqlite:///{old}", capsys)("backup", str(tmp_path / "old-backup.sqlite"))
    with sqlite3.connect(tmp_path / "old-backup.sqlite") as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
    empty = Run(f"sqlite:///{tmp_path / 'empty.sqlite'}", capsys)
    assert "not initialised" in empty.refused("backup", str(tmp_path / "e.sqlite"))
    assert not (tmp_path / "e.sqlite").exists()


def test_a_restore_waits_for_a_writer_then_gives_up_changing_nothing(
    srun: Run, sqlite_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(srun)
    saved = tmp_path / "saved.sqlite"
    srun("backup", str(saved))
    srun("topup", "OR-000001", "1.00", "--date", "2026-10-07", "--reason", "after the backup")
    monkeypatch.setattr(backup, "BUSY_TIMEOUT_S", 0.5)
    writer = sqlite3.connect(sqlite_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another workstation in the middle of a posting
    try:
        assert "stayed busy" in srun.refused("restore", str(saved))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    engine = make_engine(f"sqlite:///{sqlite_db}")
    assert ledger_totals(engine) == (3, 125150)
    engine.dispose()

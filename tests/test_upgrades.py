"""Upgrades: a database saved at each earlier schema version opens in today's program.

The fixtures in tests/fixtures/schemas/ were written by the program as it was
at each revision (tools/make-schema-fixtures). `init` upgrades each to the
newest schema, whatever it is now, keeping every entry, and `check` passes.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine, MetaData, create_engine, insert, select, text

from backoffice.cli import main
from backoffice.db.engine import make_engine
from backoffice.db.schema import alembic_head, current_revision, upgrade_schema

SCHEMAS = Path(__file__).parent / "fixtures" / "schemas"
FIXTURES = sorted(SCHEMAS.glob("schema-*.sqlite"))


def revision_of(fixture: Path) -> str:
    return fixture.stem.removeprefix("schema-")


def books(engine: Engine) -> dict[str, object]:
    """What an upgrade must keep: every entry, every balance."""
    with engine.connect() as connection:
        entries = connection.execute(
            text("SELECT count(*), sum(amount), max(id) FROM ledger_entries")
        ).one()
        balances = connection.execute(
            text("SELECT number, balance FROM accounts ORDER BY number")
        ).all()
        locked = connection.execute(text("SELECT month FROM month_locks ORDER BY month")).all()
    return {
        "entries": tuple(entries),
        "balances": [tuple(b) for b in balances],
        "locked": [m for (m,) in locked],
    }


def test_every_earlier_schema_has_a_fixture() -> None:
    from backoffice.services.backup import known_revisions

    kept = {revision_of(f) for f in FIXTURES}
    assert {"0001", "0002", "0003", "0004"} <= kept
    assert kept <= set(known_revisions())


@pytest.mark.parametrize("fixture", FIXTURES, ids=revision_of)
def test_init_upgrades_an_old_database_keeping_every_entry(
    fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "books.sqlite"
    shutil.copyfile(fixture, database)
    url = f"sqlite:///{database}"
    engine = make_engine(url)
    before = books(engine)
    assert before["entries"][0] > 10 and before["locked"]
    engine.dispose()

    assert main(["--db", url, "init"]) == 0
    out = capsys.readouterr().out
    head = alembic_head()
    assert current_revision(engine) == head
    assert books(engine) == before
    assert main(["--db", url, "check"]) == 0
    assert "ok:" in capsys.readouterr().out
    engine.dispose()

    saved = sorted((tmp_path / "backups").glob("*.sqlite")) if revision_of(fixture) != head else []
    if revision_of(fixture) != head:
        # The file as it was before the upgrade, kept automatically.
        assert "backup before the upgrade" in out
        (backup,) = saved
        with closing(sqlite3.connect(backup)) as connection:
            (kept,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        assert kept == revision_of(fixture)


def test_a_restored_old_backup_is_upgraded_then_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    oldest = FIXTURES[0]
    database = tmp_path / "books.sqlite"
    url = f"sqlite:///{database}"
    assert main(["--db", url, "init"]) == 0
    assert main(["--db", url, "restore", str(oldest)]) == 0
    assert f"upgraded {revision_of(oldest)} → {alembic_head()}" in capsys.readouterr().out
    engine = make_engine(url)
    assert current_revision(engine) == alembic_head()
    engine.dispose()


# --- PostgreSQL: a 0004-level database filled with the 0004 fixture's rows --------


def test_postgresql_upgrades_from_0004_keeping_every_entry(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the SQLite upgrades are the fixtures above")
    url = engine.url.render_as_string(hide_password=False)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    upgrade_schema(engine, "0004")
    source = create_engine(f"sqlite:///{SCHEMAS / 'schema-0004.sqlite'}")
    _copy_rows(source, engine)
    before = books(source)
    source.dispose()
    assert books(engine) == before

    assert main(["--db", url, "init"]) == 0
    assert current_revision(engine) == alembic_head()
    assert books(engine) == before
    assert main(["--db", url, "check"]) == 0
    capsys.readouterr()


def _copy_rows(source: Engine, target: Engine) -> None:
    """Every row of the SQLite fixture into the same-revision PostgreSQL schema."""
    metadata = MetaData()
    metadata.reflect(source)
    tables = [t for t in metadata.sorted_tables if t.name != "alembic_version"]
    # Locks last: the ledger's trigger refuses entries dated in a locked month.
    tables.sort(key=lambda t: t.name == "month_locks")
    target_metadata = MetaData()
    target_metadata.reflect(target)
    with source.connect() as reading, target.begin() as writing:
        for table in tables:
            rows = [dict(r._mapping) for r in reading.execute(select(table))]
            if rows:
                writing.execute(insert(target_metadata.tables[table.name]), rows)
            if "id" in table.columns and rows:
                writing.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT max(id) FROM {table.name}))"
                    )
                )


# --- docs/migration.md: a client base with opening balances from another system ----


def test_the_migration_sample_imports_with_its_opening_balances(
    db_url: str, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = Path(__file__).parent.parent / "docs" / "migration-sample.xlsx"
    assert main(["--db", db_url, "client", "import", str(sample), "--date", "2026-01-01"]) == 0
    assert main(["--db", db_url, "check"]) == 0
    capsys.readouterr()
    with engine.connect() as connection:
        balances = connection.execute(
            text("SELECT number, balance FROM accounts ORDER BY number")
        ).all()
        openings = connection.execute(
            text("SELECT kind, business_date FROM ledger_entries ORDER BY id")
        ).all()
    assert [(n, int(b)) for n, b in balances] == [
        ("OR-000001", 1250000),
        ("OR-000002", -345075),
        ("OR-000003", 0),
        ("OR-000004", 79999),
    ]
    assert {(k, str(d)) for k, d in openings} == {("opening_balance", "2026-01-01")}

"""Test databases: every test that takes `engine` runs on SQLite and on PostgreSQL.

A migrated database is made once per session and copied per test (a file copy
on SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL). PostgreSQL comes
from `tools/with-postgres`, which exports BACKOFFICE_TEST_PG; under CI=true a
missing server fails the run instead of skipping.
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url

from backoffice.db.engine import UnitOfWork, make_engine
from backoffice.db.models import Base
from backoffice.db.schema import upgrade_schema

PG_ENV = "BACKOFFICE_TEST_PG"
_counter = itertools.count()


def _pg_server_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url and os.environ.get("CI") == "true":
        pytest.fail(f"{PG_ENV} is not set: CI needs PostgreSQL (run through tools/with-postgres)")
    return url


@pytest.fixture(autouse=True, scope="session")
def _secrets_kept_in_the_test_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Secrets go to a key file of the test run, never to the developer's own
    keyring or configuration folder (subprocesses inherit the variables)."""
    saved = {k: os.environ.get(k) for k in ("BACKOFFICE_SECRET_STORE", "BACKOFFICE_KEY_FILE")}
    os.environ["BACKOFFICE_SECRET_STORE"] = "file"
    os.environ["BACKOFFICE_KEY_FILE"] = str(tmp_path_factory.mktemp("secrets") / "secret.key")
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(autouse=True)
def _garbage_collected_in_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt tests collect cycles in the GUI thread only, as the application does.

    A collection started by a background job's allocation may free a Qt
    object outside the GUI thread, which crashes the process.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QThreadPool

    from ui.collector import GuiThreadCollector

    request.getfixturevalue("qapp")  # the collector's timer needs the application
    collector = GuiThreadCollector()
    collector.start()
    try:
        yield
    finally:
        # Automatic collection comes back only once no job's thread is left.
        assert QThreadPool.globalInstance().waitForDone(60_000), "a background job never ended"
        collector.stop()


def _books_open_from_2000(engine: Engine) -> None:
    """Scenarios post in any order from 2000 on: the books' first day is set
    (by default it is the first entry's month; test_books_integrity clears
    this to test that)."""
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO settings (key, value, updated_at, updated_by)"
                " VALUES ('books.first_day', '2000-01-01', '2026-01-01 00:00:00', 'tests')"
            )
        )


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    _books_open_from_2000(engine)
    engine.dispose()  # the last connection to close checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[tuple[str, str] | None]:
    server = _pg_server_url()
    if not server:
        yield None
        return
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"bo_template_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    template_url = make_url(server).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(template_url)
    upgrade_schema(engine)
    _books_open_from_2000(engine)
    engine.dispose()
    yield server, name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    sqlite_template: Path,
    pg_template: tuple[str, str] | None,
) -> Iterator[str]:
    """URL of a fresh, migrated database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite"
        shutil.copyfile(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    if pg_template is None:
        pytest.skip(f"PostgreSQL not available ({PG_ENV} unset)")
    server, template = pg_template
    name = f"bo_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield make_url(server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def uow_factory(engine: Engine) -> Callable[..., UnitOfWork]:
    def factory(**kwargs: Any) -> UnitOfWork:
        kwargs.setdefault("actor", "tester")
        return UnitOfWork(engine, **kwargs)

    return factory


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order: to prove a refused operation
    left the database exactly as it was."""
    state: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = connection.execute(select(table).order_by(*order)).all()
            state[table.name] = [tuple(row) for row in rows]
    return state

"""Database connections and the unit of work.

SQLite: one writer at a time. A writing unit of work starts with
`BEGIN IMMEDIATE`, so two workstations never interleave read-modify-write on
an account; readers use WAL and are not blocked. PostgreSQL: accounts are
locked row by row (`SELECT ... FOR UPDATE`) by the services that post.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from backoffice.permissions import Principal

ENV_DB = "BACKOFFICE_DB"


def default_database_url() -> str:
    folder = Path(user_data_dir("backoffice", appauthor=False))
    return f"sqlite:///{folder / 'backoffice.sqlite'}"


def resolve_database_url(cli_value: str | None) -> str:
    """`--db`, else `BACKOFFICE_DB`, else the file in the user's data folder."""
    return cli_value or os.environ.get(ENV_DB) or default_database_url()


def normalise_url(url: str) -> str:
    """Accept `postgresql://` as users type it; drive it with psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _create_owner_only(Path(parsed.database).expanduser())
        engine = create_engine(url, connect_args={"timeout": 60}, **kwargs)
        _prepare_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _create_owner_only(path: Path) -> None:
    """A new database file is readable by its owner only (SQLite gives its -wal and
    -shm the same mode); an existing file is left as it is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _prepare_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from pysqlite so BEGIN is ours to emit.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=60000")
        # 32 MiB of page cache instead of 2: the unique indexes of a bulk
        # insert (statement fingerprints, entry keys) are written in random
        # order, and a small cache rereads their pages from disk each time.
        cursor.execute("PRAGMA cache_size=-32768")
        cursor.close()
        # SQLite's lower() and LIKE fold ASCII only; `folded()` needs Cyrillic too.
        dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


class UnitOfWork:
    """A session per user action: commits only when told, rolls back otherwise.

    `principal` is the logged-in user whose role the services check (by
    default the user logged in to this process); `actor` is who the audit log
    and the ledger name as author: the principal's name where there is one.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        actor: str | None = None,
        read_only: bool = False,
        principal: Principal | None = None,
    ):
        from backoffice.permissions import current_principal

        self.engine = engine
        self.principal = principal or current_principal()
        self.actor = self.principal.name if self.principal else (actor or current_actor())
        self.read_only = read_only
        self._has_users: bool | None = None
        bind = engine.execution_options(sqlite_begin="DEFERRED") if read_only else engine
        self.session = Session(bind=bind, expire_on_commit=False, autoflush=True)
        self._committed = False

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            # A reader just closes: rollback would expire what it loaded,
            # and the caller may still be reading the objects it returned.
            if not self._committed and (exc is not None or not self.read_only):
                self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()
        self._committed = True

    def rollback(self) -> None:
        self.session.rollback()

    def has_users(self) -> bool:
        """Whether the database has users (then every action needs a logged-in one)."""
        if self._has_users is None:
            from backoffice.services.users import users_exist

            self._has_users = users_exist(self.session)
        return self._has_users


def current_actor() -> str:
    """Who is acting: the logged-in user name where one is set, else the OS user."""
    name = os.environ.get("BACKOFFICE_USER")
    if name:
        return name
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no passwd entry in some containers
        return "unknown"

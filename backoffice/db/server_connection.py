"""A PostgreSQL server as a workstation names it: host, port, database, user.

The password is never part of what is saved: it is kept in the OS keyring
(`secret_store.remember`, entry `postgresql/USER@HOST:PORT/DATABASE`) when the
user asks for that and a keyring is usable, else it is asked each time.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from backoffice import secret_store
from backoffice.db.engine import make_engine
from backoffice.errors import InputError

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 10


@dataclass(frozen=True)
class ServerConnection:
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None) -> str:
        """The SQLAlchemy URL (psycopg 3); the password escaped as URLs need."""
        for value, what in (
            (self.host, "server"),
            (self.database, "database"),
            (self.user, "user"),
        ):
            if not value.strip():
                raise InputError(f"the {what} is empty")
        if not 0 < self.port < 65536:
            raise InputError(f"port {self.port} is not between 1 and 65535")
        return URL.create(
            "postgresql+psycopg",
            username=self.user.strip(),
            password=password or None,
            host=self.host.strip(),
            port=self.port,
            database=self.database.strip(),
        ).render_as_string(hide_password=False)

    @property
    def keyring_entry(self) -> str:
        return f"postgresql/{self.user}@{self.host}:{self.port}/{self.database}"

    def remember_password(self, password: str) -> bool:
        return secret_store.remember(self.keyring_entry, password)

    def remembered_password(self) -> str | None:
        return secret_store.recall(self.keyring_entry)

    def forget_password(self) -> None:
        secret_store.forget_entry(self.keyring_entry)


def from_url(url: str) -> ServerConnection | None:
    """The server of a PostgreSQL URL (its password left out), or None for SQLite."""
    try:
        parsed = make_url(url)
    except Exception:  # not a URL at all: nothing to fill in
        return None
    if parsed.get_backend_name() != "postgresql":
        return None
    return ServerConnection(
        parsed.host or "localhost",
        parsed.port or DEFAULT_PORT,
        parsed.database or "",
        parsed.username or "",
    )


def password_of(url: str) -> str | None:
    try:
        return make_url(url).password  # type: ignore[return-value]
    except Exception:
        return None


def answers(engine: Engine) -> None:
    """Return once `engine`'s database answers a query; raises what the driver
    raises (a dead pooled connection is replaced first: pool_pre_ping)."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def try_connection(url: str) -> str:
    """Connect once and return the server's version; raises what the driver raises."""
    engine = make_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.connect() as connection:
            return str(connection.execute(text("SHOW server_version")).scalar())
    finally:
        engine.dispose()


def connection_lost(exc: BaseException) -> bool:
    """The database server went away or cannot be reached (PostgreSQL):
    the transaction was rolled back by the server, so nothing of it is kept."""
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        exc = exc.orig  # type: ignore[assignment]
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    if not isinstance(exc, psycopg.OperationalError):
        return False
    # No SQLSTATE: the client could not reach the server or lost it; 08…:
    # connection exceptions; 57P01-03: the server shut down or is starting.
    # Other operational errors (a lock timeout, a cancelled query) are not a loss.
    state = exc.sqlstate
    return state is None or state.startswith("08") or state in {"57P01", "57P02", "57P03"}

"""PostgreSQL backup and restore through pg_dump and pg_restore (custom format).

A restore goes into a new database beside the live one, is upgraded and
checked there, and only then takes the live database's name; the replaced
database is kept under `<name>_before_restore_<stamp>` for the administrator
to drop. The password travels in PGPASSWORD, never on a command line.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from backoffice.errors import BackofficeError
from backoffice.services.backup import (
    BackupResult,
    NotABackup,
    RestoreResult,
    _backup_target,
    _prove,
    judge_revision,
    owner_only,
)

PG_BIN_ENV = "BACKOFFICE_PG_BIN"
_TOOL_TIMEOUT_S = 6 * 3600


def pg_tool(name: str) -> str:
    """pg_dump/pg_restore: BACKOFFICE_PG_BIN, else PATH, else Debian's newest server folder."""
    folder = os.environ.get(PG_BIN_ENV)
    if folder and Path(folder, name).is_file():
        return str(Path(folder, name))
    found = shutil.which(name)
    if found:
        return found
    debian = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version_key)
    if debian:
        return debian[-1]
    raise BackofficeError(
        f"{name} is not installed: a PostgreSQL backup needs the PostgreSQL client programs "
        f"(Debian: apt-get install postgresql-client; Windows: the PostgreSQL installer's "
        f"command line tools), or set {PG_BIN_ENV} to the folder holding {name}"
    )


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path))


def _url(engine: Engine) -> URL:
    return make_url(str(engine.url.render_as_string(hide_password=False)))


def _libpq(url: URL, database: str | None = None) -> tuple[str, dict[str, str]]:
    """A libpq connection URI without the password, and the environment carrying it."""
    plain = url.set(drivername="postgresql", password=None)
    if database is not None:
        plain = plain.set(database=database)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str], what: str) -> str:
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=_TOOL_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        lines = [x for x in done.stderr.strip().splitlines() if x.strip()]
        raise BackofficeError(f"{what} failed: {lines[0] if lines else f'exit {done.returncode}'}")
    return done.stdout


def backup(engine: Engine, target: Path) -> BackupResult:
    url = _url(engine)
    final = _backup_target(None, target, ".dump", str(url.database))
    scratch = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.part")
    uri, env = _libpq(url)
    try:
        _run([pg_tool("pg_dump"), "--format=custom", f"--file={scratch}", uri], env, "pg_dump")
        owner_only(scratch)
        revision = _recognise(scratch)
        os.replace(scratch, final)
    finally:
        scratch.unlink(missing_ok=True)
    return BackupResult(final, revision, final.stat().st_size)


def _recognise(source: Path) -> str:
    """Our tables in the dump's table of contents, and the schema revision in its data."""
    env = dict(os.environ)
    try:
        listing = _run([pg_tool("pg_restore"), "--list", str(source)], env, "pg_restore --list")
    except BackofficeError as exc:
        raise NotABackup(f"{source} is not a readable backup: {exc}") from None
    tables = set(re.findall(r"^\d+;.*? TABLE \S+ (\w+) ", listing, re.M))
    data = _run(
        [pg_tool("pg_restore"), "--data-only", "--table=alembic_version", "--file=-", str(source)],
        env,
        "pg_restore",
    )
    found = re.search(r"^COPY \S*alembic_version .*FROM stdin;\n(\w+)\n", data, re.M)
    return judge_revision(source, tables, found.group(1) if found else None)


def restore(engine: Engine, source: Path) -> RestoreResult:
    backup_revision = _recognise(source)
    url = _url(engine)
    live = str(url.database)
    scratch = f"{live[:40]}_restore_{uuid.uuid4().hex[:8]}"
    engine.dispose()
    admin = _admin_engine(url)
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{scratch}"'))
        try:
            uri, env = _libpq(url, scratch)
            _run(
                [
                    pg_tool("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    f"--dbname={uri}",
                    str(source),
                ],
                env,
                f"restoring {source}",
            )
            scratch_url = url.set(database=scratch).render_as_string(hide_password=False)
            revision, report = _prove(scratch_url, source)
            previous = _swap(admin, live, scratch)
        except BaseException:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
            raise
    finally:
        admin.dispose()
    return RestoreResult(
        source, backup_revision, revision, report.accounts, report.entries, previous
    )


def _admin_engine(url: URL) -> Engine:
    """A connection outside the live database, to create and rename databases."""
    for maintenance in ("postgres", "template1"):
        candidate = create_engine(
            url.set(database=maintenance), isolation_level="AUTOCOMMIT", pool_pre_ping=True
        )
        try:
            with candidate.connect():
                return candidate
        except DBAPIError:
            candidate.dispose()
    raise BackofficeError(
        "cannot connect to the server's maintenance database (postgres or template1) "
        "to replace the database"
    )


def _swap(admin: Engine, live: str, scratch: str) -> str:
    """Give the proved copy the live name; keep the replaced database under another."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
    kept = f"{live[:35]}_before_restore_{stamp}"
    with admin.connect() as connection:
        try:
            connection.execute(text(f'ALTER DATABASE "{live}" RENAME TO "{kept}"'))
        except DBAPIError as exc:
            if "being accessed by other users" in str(exc.orig):
                raise BackofficeError(
                    f"other sessions are connected to database {live}: close the program on "
                    "every workstation and restore again; nothing was changed"
                ) from None
            raise
        try:
            connection.execute(text(f'ALTER DATABASE "{scratch}" RENAME TO "{live}"'))
        except DBAPIError:
            connection.execute(text(f'ALTER DATABASE "{kept}" RENAME TO "{live}"'))
            raise
    return kept

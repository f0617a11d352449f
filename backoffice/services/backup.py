"""Backup and restore of the whole database (SPEC §15, §16 `backup`, `restore`).

SQLite is copied with its online backup API, both ways: a backup is a
consistent snapshot even while others write, and a restore is written into
the live file through the same API, in one write transaction. Copying the
file back instead would let a stale `-wal` beside it replay old changes over
the restored data; through the API SQLite itself reconciles the live file's
WAL before the copy replaces every page.

A restore is proved before it touches anything: the backup is copied into a
scratch file beside the database, recognised as ours (our tables and a schema
revision this program knows), upgraded if it is older, and checked with
`check`. Only then is the live database replaced. PostgreSQL is handled in
`backup_pg` with pg_dump/pg_restore.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from backoffice.db.engine import UnitOfWork, make_engine
from backoffice.db.schema import current_revision, head_revision, upgrade_schema
from backoffice.errors import BackofficeError
from backoffice.permissions import Permission, Principal, Role, require_on
from backoffice.services import audit, integrity

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
OUR_TABLES = frozenset({"alembic_version", "accounts", "clients", "ledger_entries"})
AUTOMATIC_FOLDER = "backups"
AUTOMATIC_KEEP = 10
OWNER_ONLY = 0o600
BUSY_TIMEOUT_S = 60.0
"""How long a copy waits for another program's write to end before giving up."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    revision: str
    size: int


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    backup_revision: str
    revision: str
    accounts: int
    entries: int
    previous: str | None = None
    """Where the replaced database was kept (PostgreSQL keeps it under a new name)."""


class NotABackup(BackofficeError):
    """The file given to `restore` is not a backup this program made or can read."""


# --- what is ours -------------------------------------------------------------


def known_revisions() -> list[str]:
    """Every schema revision this program's migrations know, oldest first."""
    from alembic.script import ScriptDirectory

    from backoffice.db.schema import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def judge_revision(source: Path, tables: set[str], revision: str | None) -> str:
    """Refuse a file without our tables or with a schema this program does not know."""
    missing = OUR_TABLES - tables
    if missing:
        raise NotABackup(
            f"{source} is not a backup of this program: no {', '.join(sorted(missing))} table"
        )
    if not revision:
        raise NotABackup(f"{source} is not a backup of this program: no schema revision")
    known = known_revisions()
    if revision not in known:
        raise NotABackup(
            f"{source} holds schema {revision}, newer than this program knows "
            f"(up to {known[-1]}): install the newer program to restore it"
        )
    return revision


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_path(engine: Engine) -> Path:
    database = make_url(str(engine.url)).database
    if not database or database == ":memory:":
        raise BackofficeError("an in-memory database has nothing to back up")
    return Path(database).expanduser().resolve()


def owner_only(path: Path) -> None:
    """Readable and writable by the owner only (no-op where the OS has no such modes)."""
    with contextlib.suppress(OSError):
        os.chmod(path, OWNER_ONLY)


def create_owner_only(path: Path) -> None:
    """Create an empty file with mode 0600 from the start, not chmod-ed after."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY))


# --- entry points --------------------------------------------------------------


def backup_database(engine: Engine, target: Path) -> BackupResult:
    """Write a consistent copy of the whole database to `target` (a file or a folder).

    A database at an older schema is backed up as it is (before an upgrade is
    just when a copy is wanted); an empty one has nothing to save.
    """
    require_on(engine, Permission.MAINTAIN_DATABASE)
    if is_sqlite(engine) and not sqlite_path(engine).is_file():
        raise BackofficeError(f"database {sqlite_path(engine)} does not exist")
    if current_revision(engine) is None:
        raise BackofficeError("the database is not initialised: there is nothing to back up")
    if is_sqlite(engine):
        result = _backup_sqlite(engine, target)
    else:
        from backoffice.services import backup_pg

        result = backup_pg.backup(engine, target)
    _audit(
        engine, "backup.create", result.path, {"revision": result.revision, "bytes": result.size}
    )
    return result


def _audit(engine: Engine, action: str, path: Path, after: dict[str, object]) -> None:
    """The record of a backup or a restore, in its own short write after it.
    A database at an older schema is backed up unrecorded: its audit log
    cannot say where from yet."""
    if current_revision(engine) != head_revision():
        return
    with UnitOfWork(engine) as uow:
        audit.record(uow, action, str(path)[-120:], None, after)
        uow.commit()


def restore_database(engine: Engine, source: Path) -> RestoreResult:
    """Replace the database with the backup at `source`, once the backup is proved sound."""
    require_on(engine, Permission.MAINTAIN_DATABASE)
    source = Path(source).expanduser()
    if not source.is_file():
        raise BackofficeError(f"{source}: no such backup file")
    with source.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if is_sqlite(engine):
        if head.startswith(PG_DUMP_MAGIC):
            raise NotABackup(
                f"{source} is a PostgreSQL dump; restore it into a PostgreSQL database"
            )
        if head != SQLITE_MAGIC:
            raise NotABackup(f"{source} is not a backup of this program: not an SQLite database")
        return _restored(engine, _restore_sqlite(engine, source))
    if head == SQLITE_MAGIC:
        raise NotABackup(f"{source} is an SQLite backup; restore it into an SQLite database")
    if not head.startswith(PG_DUMP_MAGIC):
        raise NotABackup(
            f"{source} is not a backup of this program: not a pg_dump file in custom format"
        )
    from backoffice.services import backup_pg

    return _restored(engine, backup_pg.restore(engine, source))


def _restored(engine: Engine, result: RestoreResult) -> RestoreResult:
    """The restore recorded in the restored database: the replaced one's log is gone with it."""
    after = {"backup_revision": result.backup_revision, "entries": result.entries}
    if result.previous:
        after["previous"] = result.previous
    _audit(engine, "backup.restore", result.source, after)
    return result


def automatic_backup(engine: Engine, reason: str, *, keep: int = AUTOMATIC_KEEP) -> Path | None:
    """Back an existing SQLite database up into `backups/` beside it and keep the last `keep`.

    Taken before a migration and before a closing. PostgreSQL is the server
    administrator's to back up (pg_dump on a schedule), so nothing is done there.
    """
    if not is_sqlite(engine):
        return None
    live = sqlite_path(engine)
    if not live.is_file():
        return None
    with _connect(live) as connection:  # a plain read: the engine's BEGIN IMMEDIATE would wait
        if _sqlite_revision(connection) is None:
            return None  # a new database: nothing to lose yet
    folder = live.parent / AUTOMATIC_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{live.stem}-{stamp}-{reason}.sqlite"
    _backup_sqlite(engine, target)
    _rotate(folder, live.stem, keep)
    return target


def upgrade_with_backup(engine: Engine) -> Path | None:
    """Upgrade the schema, backing an existing SQLite database up first when it
    is behind; returns the backup's path, if one was taken."""
    from backoffice.db.schema import head_revision

    revision = current_revision(engine)
    saved = None
    if revision is not None and revision != head_revision():
        saved = automatic_backup(engine, "before-upgrade")
    upgrade_schema(engine)
    if is_sqlite(engine):
        owner_only(sqlite_path(engine))
    return saved


def _rotate(folder: Path, stem: str, keep: int) -> None:
    # The names sort by time: the stamp is fixed-width and comes first.
    made = sorted(folder.glob(f"{stem}-[0-9]*-*.sqlite"))
    for old in made[: max(0, len(made) - keep)]:
        old.unlink(missing_ok=True)


# --- SQLite --------------------------------------------------------------------


def _backup_target(live: Path | None, target: Path, suffix: str, stem: str) -> Path:
    """The file to write: inside `target` when it is a folder; never the live database."""
    target = Path(target).expanduser()
    if target.is_dir():
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        target = target / f"{stem}-{stamp}{suffix}"
    if target.is_symlink():
        raise BackofficeError(f"{target} is a symbolic link; give the backup's own path")
    if target.exists():
        raise BackofficeError(f"{target} already exists; a backup never overwrites a file")
    if not target.parent.is_dir():
        raise BackofficeError(f"{target.parent}: no such folder")
    resolved = target.resolve()
    if live and resolved in {live, *(live.with_name(live.name + s) for s in ("-wal", "-shm"))}:
        raise BackofficeError(f"{target} is the database itself; choose another file")
    return resolved


def _backup_sqlite(engine: Engine, target: Path) -> BackupResult:
    live = sqlite_path(engine)
    if not live.is_file():
        raise BackofficeError(f"database {live} does not exist")
    final = _backup_target(live, target, ".sqlite", live.stem)
    scratch = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.part")
    create_owner_only(scratch)
    try:
        with _connect(live) as source, _connect(scratch) as copy:
            try:
                _copy(source, copy)
            except _StillBusy:
                raise BackofficeError(
                    f"database {live} stayed busy for {BUSY_TIMEOUT_S:g} s; try again"
                ) from None
            # A backup stands alone: no -wal beside it to lose or to go stale.
            copy.execute("PRAGMA journal_mode=DELETE")
            revision = _sqlite_revision(copy)
        os.replace(scratch, final)
    finally:
        scratch.unlink(missing_ok=True)
    return BackupResult(final, revision or "", final.stat().st_size)


class _StillBusy(Exception):
    pass


def _copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """SQLite's online backup in one step, giving up after BUSY_TIMEOUT_S.

    Python retries a busy copy for ever; the progress callback is where it can
    be stopped (an exception there abandons the copy, the target untouched).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise _StillBusy

    source.backup(target, progress=progress, sleep=0.05)


@contextlib.contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()


def _sqlite_tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def _sqlite_revision(connection: sqlite3.Connection) -> str | None:
    if "alembic_version" not in _sqlite_tables(connection):
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _restore_sqlite(engine: Engine, source: Path) -> RestoreResult:
    live = sqlite_path(engine)
    engine.dispose()  # our own pooled connections must not hold the file
    scratch = live.with_name(f".{live.name}.restore-{uuid.uuid4().hex[:8]}")
    create_owner_only(scratch)
    try:
        # Only the backup's main file is read: a -wal lying beside it is not ours to apply.
        scratch.write_bytes(source.read_bytes())
        backup_revision = _recognise_sqlite(source, scratch)
        revision, report = _prove(f"sqlite:///{scratch}", source)
        # What is replaced stays recoverable, as PostgreSQL keeps the old database.
        kept = automatic_backup(engine, "before-restore")
        engine.dispose()
        _match_page_size(scratch, live)
        with _connect(scratch) as proved, _connect(live) as target:
            # One write transaction on the live file: all pages or none.
            try:
                _copy(proved, target)
            except _StillBusy:
                raise BackofficeError(
                    f"database {live} stayed busy for {BUSY_TIMEOUT_S:g} s: another program "
                    "is writing to it; close the program on every workstation and restore "
                    "again; nothing was changed"
                ) from None
            target.execute("PRAGMA journal_mode=WAL")
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        owner_only(live)
    finally:
        for leftover in (scratch, *(scratch.with_name(scratch.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    return RestoreResult(
        source,
        backup_revision,
        revision,
        report.accounts,
        report.entries,
        str(kept) if kept else None,
    )


def _match_page_size(scratch: Path, live: Path) -> None:
    """Give the proved copy the live file's page size: SQLite copies into a WAL
    database only between equal page sizes (a backup may come from elsewhere)."""
    with _connect(live) as target:
        (size,) = target.execute("PRAGMA page_size").fetchone()
    with _connect(scratch) as proved:
        proved.execute("PRAGMA journal_mode=DELETE")
        if proved.execute("PRAGMA page_size").fetchone()[0] != size:
            proved.execute(f"PRAGMA page_size={int(size)}")
            proved.execute("VACUUM")


def _recognise_sqlite(source: Path, scratch: Path) -> str:
    try:
        with _connect(scratch) as copy:
            verdict = copy.execute("PRAGMA quick_check").fetchone()
            if not verdict or verdict[0] != "ok":
                raise NotABackup(f"{source} is damaged: {verdict[0] if verdict else 'unreadable'}")
            tables, revision = _sqlite_tables(copy), _sqlite_revision(copy)
    except sqlite3.DatabaseError as exc:
        raise NotABackup(f"{source} is not a readable backup: {exc}") from None
    return judge_revision(source, tables, revision)


def _prove(url: str, source: Path) -> tuple[str, integrity.IntegrityReport]:
    """Bring a restored copy to this program's schema and run `check` on it."""
    proving = make_engine(url)
    try:
        upgrade_schema(proving)
        revision = current_revision(proving) or ""
        # the restore was allowed at its start; the backup's own users (if
        # any) decide nothing about proving it, so the proof reads as an auditor
        proof = Principal("restore-check", Role.AUDITOR)
        with UnitOfWork(proving, read_only=True, principal=proof) as uow:
            report = integrity.check_integrity(uow)
    finally:
        proving.dispose()
    if not report.ok:
        shown = "; ".join(report.problems[:3])
        raise BackofficeError(
            f"{source} fails the integrity check ({len(report.problems)} problem(s): {shown}); "
            "nothing was restored"
        )
    return revision, report

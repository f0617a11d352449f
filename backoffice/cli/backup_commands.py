"""`backup PATH` and `restore PATH`: a consistent copy of the whole database, and back."""

from __future__ import annotations

import argparse
from pathlib import Path

from backoffice.cli.commands import _engine
from backoffice.cli.login import log_in
from backoffice.cli.output import print_json
from backoffice.db.engine import make_engine, resolve_database_url
from backoffice.services import backup as backup_service


def backup(args: argparse.Namespace) -> int:
    engine = _engine(args, require_schema=False)  # an old schema is backed up as it is
    result = backup_service.backup_database(engine, Path(args.path))
    if args.json:
        print_json({"path": str(result.path), "revision": result.revision, "bytes": result.size})
    else:
        print(f"backup written to {result.path} (schema {result.revision}, {result.size} bytes)")
    return 0


def restore(args: argparse.Namespace) -> int:
    # The live database may be behind, ahead or missing: the backup decides the schema.
    engine = make_engine(resolve_database_url(args.db))
    log_in(engine)
    result = backup_service.restore_database(engine, Path(args.path))
    if args.json:
        print_json(
            {
                "source": str(result.source),
                "backup_revision": result.backup_revision,
                "revision": result.revision,
                "accounts": result.accounts,
                "entries": result.entries,
                "previous": result.previous,
            }
        )
        return 0
    upgraded = (
        f", upgraded {result.backup_revision} → {result.revision}"
        if result.backup_revision != result.revision
        else ""
    )
    print(
        f"restored {result.source}{upgraded}; check ok: "
        f"{result.accounts} accounts, {result.entries} entries"
    )
    if result.previous:
        print(f"the replaced database is kept as {result.previous}")
    return 0

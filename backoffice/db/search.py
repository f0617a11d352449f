"""Text search in SQL: a typed fragment found anywhere in a column, case aside."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func

from backoffice.db.engine import UnitOfWork

ESCAPE = "\\"


def contains_pattern(typed: str) -> str:
    """A LIKE pattern (with `ESCAPE`) finding `typed`, folded, anywhere: % and _ are
    characters here, not wildcards."""
    escaped = typed.strip().casefold()
    for special in (ESCAPE, "%", "_"):
        escaped = escaped.replace(special, ESCAPE + special)
    return f"%{escaped}%"


def folded(uow: UnitOfWork, column: Any) -> Any:
    """`column` folded for a comparison that ignores case, Cyrillic too: Python's
    casefold on SQLite (registered by `make_engine`), lower() on PostgreSQL
    (which folds every script in a UTF-8 database)."""
    if uow.dialect == "sqlite":
        return func.casefold(column)
    return func.lower(column)

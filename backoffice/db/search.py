"""Text search in SQL: a typed fragment found anywhere in a column, case aside,
and the amount a typed text may be (lists are searched by amounts too)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func

from backoffice.db.engine import UnitOfWork
from backoffice.money import CENT, written_amount

ESCAPE = "\\"


def contains_pattern(typed: str) -> str:
    """A LIKE pattern (with `ESCAPE`) finding `typed`, folded, anywhere: % and _ are
    characters here, not wildcards."""
    escaped = typed.strip().casefold()
    for special in (ESCAPE, "%", "_"):
        escaped = escaped.replace(special, ESCAPE + special)
    return f"%{escaped}%"


def folded(uow: UnitOfWork, column: Any) -> Any:
    """`column` folded for a comparison or an order that ignores case, Cyrillic too.

    SQLite: Python's casefold (registered by `make_engine`). PostgreSQL:
    lower(), which folds Cyrillic when the database's LC_CTYPE is a UTF-8
    locale (C.UTF-8, uk_UA.UTF-8, as `tools/with-postgres` makes), but only
    ASCII under plain C.
    """
    if uow.dialect == "sqlite":
        return func.casefold(column)
    return func.lower(column)


def typed_amount(typed: str) -> Decimal | None:
    """The amount `typed` is, written as the lists show it (`1 234,50`, `1234.5`), or None."""
    value = written_amount(typed)
    if value is None or value != value.quantize(CENT):
        return None
    return value.quantize(CENT)

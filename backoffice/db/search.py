"""Text search in SQL: a typed fragment found anywhere in a column, case aside,
and the amount or date a typed text may be (lists are searched by those too)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from sqlalchemy import func

from backoffice.db.engine import UnitOfWork

ESCAPE = "\\"
_SPACES = " \u00a0\u202f"
_AMOUNT = re.compile(rf"^(\d{{1,3}}([{_SPACES}]\d{{3}})+|\d+)([.,]\d{{1,2}})?$")
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")


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
    text = typed.strip()
    if not _AMOUNT.match(text):
        return None
    return Decimal("".join(ch for ch in text if ch not in _SPACES).replace(",", ".")).quantize(
        Decimal("0.01")
    )


def typed_date(typed: str) -> dt.date | None:
    """The date `typed` is (`15.11.2026` or `2026-11-15`), or None."""
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(typed.strip(), pattern).date()
        except ValueError:
            continue
    return None

"""`column IN (values)` for long lists of ids or keys, cheap on both databases."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, any_, func, literal, literal_column, select

from backoffice.db.engine import UnitOfWork


def among(uow: UnitOfWork, column: Any, values: Sequence[Any]) -> ColumnElement[bool]:
    """`column IN (values)` as one parameter.

    PostgreSQL gets an array (`= ANY`): an IN list there costs a bound
    parameter per value and was most of the time of the daily run's bulk
    look-ups. SQLite gets a JSON text read by `json_each`: an expanded IN
    list of 5,000 values took longer to compile than to run. Short lists, and
    values that are not plainly the column's own type, stay a plain IN.
    """
    if uow.dialect == "postgresql":
        return column == any_(literal(list(values), ARRAY(column.type)))  # type: ignore[no-any-return]
    if len(values) > 50 and _json_fits(column, values):
        listed = select(literal_column("value")).select_from(
            func.json_each(literal(json.dumps(list(values), ensure_ascii=False)))
        )
        return column.in_(listed)  # type: ignore[no-any-return]
    return column.in_(values)  # type: ignore[no-any-return]


def _json_fits(column: Any, values: Sequence[Any]) -> bool:
    """Integers for an integer column, strings for a text one: `json_each`
    values carry no column affinity, so an integer would not find the text
    '8' that a bound parameter would have been converted to."""
    try:
        wanted = column.type.python_type
    except NotImplementedError:
        return False
    if wanted not in (int, str):
        return False
    return all(type(v) is wanted for v in values)

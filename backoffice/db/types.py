"""Column types that keep money exact on every database.

SQLite has no exact decimal, so amounts are stored as integers in minor units
(kopiykas, euro cents, rate × 10⁴) and come back as `Decimal`. One type does it
for every money column, so the schema behaves the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from sqlalchemy import BigInteger, Dialect
from sqlalchemy.orm import mapped_column
from sqlalchemy.types import TypeDecorator

from backoffice.money import from_minor, to_minor


class ScaledDecimal(TypeDecorator[Decimal]):
    """A `Decimal` with a fixed number of places, stored as an exact BIGINT."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, places: int) -> None:
        super().__init__()
        self.places = places

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            # int is allowed for whole amounts; float never.
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"money column needs Decimal, got {type(value).__name__}")
            value = Decimal(value)
        return to_minor(value, self.places)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return from_minor(int(value), self.places)

    def copy(self, **kw: Any) -> ScaledDecimal:
        return ScaledDecimal(self.places)


def MoneyColumn() -> ScaledDecimal:
    return ScaledDecimal(2)


def RateColumn() -> ScaledDecimal:
    return ScaledDecimal(4)


# Declared once, used by every model: `amount: Mapped[Money]`.
Money = Annotated[Decimal, mapped_column(ScaledDecimal(2))]
Rate = Annotated[Decimal, mapped_column(ScaledDecimal(4))]

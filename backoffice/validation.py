"""One input-validation layer: every value typed or read from a file passes here
before a service writes it (SPEC §4 Bounds).

The services call these, so the CLI, the window and every importer refuse the
same values with the same message. The limits live in `backoffice.bounds`;
money and rates are parsed by `backoffice.money` and only bounded here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select

from backoffice import bounds
from backoffice.currencies import ISO_4217
from backoffice.db.among import among
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account
from backoffice.domain import EntryDraft
from backoffice.errors import InputError
from backoffice.money import money, rate

# Only ASCII digits: Python's `\d` and `int()` also take Arabic-Indic and
# full-width digits, which no bank or accountant here writes.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE = re.compile(r"-?[0-9]{1,18}")

# Shown in a refusal instead of an endless value: the message stays one line.
_SHOWN = 40


def shown(value: object) -> str:
    """A value as a refusal quotes it: repr (so controls show as escapes), cut short."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def amount(
    value: str | int | Decimal,
    *,
    what: str = "amount",
    positive: bool = False,
    limit: Decimal = bounds.MAX_AMOUNT,
) -> Decimal:
    """Money (two places, `money()`'s grammar) no larger than `limit` either side of zero."""
    checked = money(value, what=what)
    if positive and checked <= 0:
        raise InputError(f"{what} {checked} must be positive")
    if abs(checked) > limit:
        raise InputError(f"{what} {checked} is over the limit of {limit}")
    return checked


def exchange_rate(value: str | int | Decimal, *, what: str = "rate") -> Decimal:
    """A rate of four places within MIN_RATE..MAX_RATE (UAH per unit)."""
    checked = rate(value, what=what)
    if not bounds.MIN_RATE <= checked <= bounds.MAX_RATE:
        raise InputError(f"{what} {checked} is out of range {bounds.MIN_RATE}..{bounds.MAX_RATE}")
    return checked


def quantity(value: int | str, *, what: str = "quantity", signed: bool = False) -> int:
    """A whole number 0..MAX_QUANTITY (±MAX_QUANTITY for a usage delta: `signed`)."""
    if isinstance(value, bool):
        raise InputError(f"{what} {value!r} is not a whole number")
    if isinstance(value, str):
        text = value.strip()
        if not _WHOLE.fullmatch(text):
            raise InputError(f"{what} {shown(value)} is not a whole number")
        value = int(text)
    if not isinstance(value, int):
        raise InputError(f"{what} {shown(value)} is not a whole number")
    low = -bounds.MAX_QUANTITY if signed else 0
    if not low <= value <= bounds.MAX_QUANTITY:
        raise InputError(f"{what} {value} is out of range {low}..{bounds.MAX_QUANTITY}")
    return value


def currency(code: str, *, what: str = "currency") -> str:
    """An ISO 4217 alphabetic code, upper case."""
    text = code.strip().upper()
    if text not in ISO_4217:
        raise InputError(f"{what} {shown(code)} is not an ISO 4217 currency code")
    return text


def text(
    value: str | None,
    *,
    what: str,
    limit: int,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """Text as stored: stripped, at most `limit` characters, no control characters.

    Refused: C0/C1 controls (NUL, ESC, …), DEL, lone surrogates (bytes that
    were not UTF-8 on the command line) and, outside multi-line fields
    (notes), line breaks. Tabs count as controls too: a name has no columns.
    """
    stripped = (value or "").strip()
    if multiline:
        stripped = stripped.replace("\r\n", "\n")
    if required and not stripped:
        raise InputError(f"{what} is empty")
    if len(stripped) > limit:
        raise InputError(f"{what} is {len(stripped)} characters long, the limit is {limit}")
    for position, char in enumerate(stripped, start=1):
        if char == "\n" and multiline:
            continue
        if _forbidden(char):
            raise InputError(
                f"{what} has a control character U+{ord(char):04X} at position {position}"
            )
    return stripped


def _forbidden(char: str) -> bool:
    # Cc: C0, DEL, C1; Cs: surrogates; Zl/Zp: line and paragraph separators.
    return unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp")


def business_date(day: dt.date, *, what: str = "date", today: dt.date | None = None) -> dt.date:
    """A date the books can hold: from EARLIEST_DATE to MAX_DAYS_AHEAD after today."""
    latest = (today or dt.date.today()) + dt.timedelta(days=bounds.MAX_DAYS_AHEAD)
    if day < bounds.EARLIEST_DATE:
        raise InputError(f"{what} {day} is before {bounds.EARLIEST_DATE}")
    if day > latest:
        raise InputError(
            f"{what} {day} is more than {bounds.MAX_DAYS_AHEAD} days ahead (after {latest})"
        )
    return day


def iso_date(value: str, *, what: str = "date") -> dt.date:
    """`YYYY-MM-DD` in ASCII digits, a real calendar day within `business_date`'s range."""
    text = value.strip()
    if not _ISO_DATE.fullmatch(text):
        raise InputError(f"{what} {shown(value)} is not a date YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {shown(value)} is not a calendar date") from None
    return business_date(day, what=what)


def printable(value: object) -> str:
    """Text for a terminal: control characters shown as escapes (`\\x1b`), never
    sent raw, so a stored name cannot move the cursor or retitle the window."""
    text = "" if value is None else str(value)
    if not any(_forbidden(c) for c in text):
        return text
    return "".join(
        char.encode("unicode_escape").decode("ascii") if _forbidden(char) else char for char in text
    )


def check_posting(
    uow: UnitOfWork, drafts: Sequence[EntryDraft], deltas: dict[int, Decimal]
) -> None:
    """Refuse a posting with an entry over MAX_AMOUNT or leaving a balance beyond
    ±MAX_BALANCE, before anything is written. Called by the ledger with the
    accounts locked (PostgreSQL) or the database held (SQLite), so the balances
    read here are the ones the posting moves."""
    for draft in drafts:
        for what, value in (("amount", draft.amount), ("EUR amount", draft.eur)):
            if value is not None and abs(value) > bounds.MAX_AMOUNT:
                raise InputError(
                    f"{draft.kind} {what} {value} is over the limit of {bounds.MAX_AMOUNT}"
                )
    ids = sorted(deltas)
    for start in range(0, len(ids), 5_000):
        chunk = ids[start : start + 5_000]
        rows = uow.session.execute(
            select(Account.id, Account.number, Account.balance).where(among(uow, Account.id, chunk))
        ).all()
        for account_id, number, balance in rows:
            after = balance + deltas[account_id]
            if abs(after) > bounds.MAX_BALANCE:
                raise InputError(
                    f"account {number}: the balance would be {after}, "
                    f"beyond the limit of ±{bounds.MAX_BALANCE}"
                )


__all__ = [
    "amount",
    "business_date",
    "check_posting",
    "currency",
    "exchange_rate",
    "iso_date",
    "printable",
    "quantity",
    "shown",
    "text",
]

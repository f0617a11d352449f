"""How the screens write numbers, dates and addresses: pure functions, no Qt.

Ukrainian conventions (ДСТУ, CLDR `uk`): a no-break space groups thousands, a
comma separates kopiykas, dates are `DD.MM.YYYY`. Amounts stay `Decimal` all
the way: formatting goes through `Decimal.__format__`, never through float.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

from backoffice.errors import InputError
from backoffice.money import CENT, RATE_PLACES, money, written_amount

GROUP = "\u00a0"  # NO-BREAK SPACE: CLDR's `uk` group separator; keeps `1 234,50` on one line
DECIMAL = ","
MINUS = "-"  # hyphen-minus, not U+2212, so a copied amount pastes into Excel as a number
# The marks amounts are shown with: Ukrainian unless the window speaks English
# (`ui.languages.install_translations`), which writes 1,234.50.
_marks = {"group": GROUP, "decimal": DECIMAL}


def use_number_marks(group: str = GROUP, decimal: str = DECIMAL) -> None:
    _marks.update(group=group, decimal=decimal)


def format_amount(value: Decimal, *, signed: bool = False) -> str:
    """`Decimal("-1234.5")` → `-1 234,50`; with `signed`, positives get a `+`."""
    if not isinstance(value, Decimal):
        raise TypeError(f"format_amount needs a Decimal, got {type(value).__name__}")
    return _grouped(value.quantize(CENT), signed=signed)


def format_rate(value: Decimal) -> str:
    """An NBU rate with its four places: `48.5123` → `48,5123`."""
    if not isinstance(value, Decimal):
        raise TypeError(f"format_rate needs a Decimal, got {type(value).__name__}")
    return _grouped(value.quantize(RATE_PLACES), signed=False)


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else ""


def parse_amount(text: str, *, what: str = "amount") -> Decimal:
    """What a user types into an amount field, as money.

    Accepts the way amounts are written here (`1 234,50`, `1234,50`) as well
    as the plain `1234.50`, then leaves the rest (places, range) to `money()`,
    so the dialog refuses what every other front end refuses.
    """
    value = written_amount(text)
    if value is None:
        raise InputError(
            f"{what} {text.strip()!r} is not a number: type it like 1 234,50 or 1234.50"
        )
    return money(value, what=what)


def display_url(url: str) -> str:
    """A database URL fit for a status bar: the password replaced by `***`."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def _grouped(value: Decimal, *, signed: bool) -> str:
    # Decimal's own format spec groups exactly; then swap in the local marks.
    body = format(abs(value), ",f").replace(",", "\0").replace(".", _marks["decimal"])
    body = body.replace("\0", _marks["group"])
    if value < 0:
        return MINUS + body
    if signed and value > 0:
        return "+" + body
    return body

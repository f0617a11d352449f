"""Ukrainian number and date formatting for printed documents.

Amounts print as `1 234,50`: a comma before the kopiykas and a no-break space
(U+00A0) between thousands, the form Ukrainian accountants write by hand. The
no-break space keeps an amount on one line in a narrow table cell, and DejaVu
Sans has the glyph, so it prints as a plain space. (The narrow no-break space
U+202F would be typographically finer, but some viewers and `pdftotext` turn it
into odd characters; one consistent separator matters more.)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from backoffice.money import CENT, RATE_PLACES, round_half_up

THOUSANDS = "\u00a0"
"""The thousands separator used in every printed amount."""

MONTHS_GENITIVE = (
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
)
"""Month names as they stand after a day number: `30 листопада 2026 р.`"""

MONTHS_NOMINATIVE = (
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
)
"""Month names on their own: `листопад 2026 р.` (the period of an act)."""


def _need_decimal(value: object, what: str) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"{what} needs a Decimal, got {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"{what}: {value} is not a finite number")
    return value


def _group(digits: str) -> str:
    """`1234567` → `1 234 567` with the no-break separator."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return THOUSANDS.join(parts)


def format_amount(value: Decimal) -> str:
    """`Decimal('1234.5')` → `1 234,50`; negative amounts keep a minus sign."""
    value = round_half_up(_need_decimal(value, "format_amount"))
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):f}".partition(".")
    return f"{sign}{_group(whole)},{cents or '00'}"


def format_rate(value: Decimal) -> str:
    """An NBU rate with its four places: `45.1234` → `45,1234`."""
    value = _need_decimal(value, "format_rate").quantize(RATE_PLACES)
    whole, _, frac = f"{value:f}".partition(".")
    return f"{_group(whole)},{frac}"


def format_eur(value: Decimal) -> str:
    """A price in EUR, two places, same form as UAH amounts."""
    return format_amount(_need_decimal(value, "format_eur").quantize(CENT))


def format_quantity(value: Decimal) -> str:
    """A quantity without trailing zeros: `1`, `2,5`, `1 000`."""
    value = _need_decimal(value, "format_quantity")
    text = f"{value.normalize():f}"
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    return f"{sign}{_group(whole)}" + (f",{frac}" if frac else "")


def format_percent(value: Decimal) -> str:
    """A markup such as `3` or `3,5` followed by ` %` (no-break)."""
    return f"{format_quantity(_need_decimal(value, 'format_percent'))}\u00a0%"


def format_date(value: dt.date) -> str:
    """`2026-11-30` → `30.11.2026`."""
    return value.strftime("%d.%m.%Y")


def format_date_words(value: dt.date) -> str:
    """`2026-11-30` → `30 листопада 2026 р.`"""
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year}\u00a0р."


def format_month(period: str) -> str:
    """`2026-11` → `листопад 2026 р.`; an empty period stays empty."""
    if not period:
        return ""
    year, _, month = period.partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        raise ValueError(f"period {period!r} is not YYYY-MM")
    return f"{MONTHS_NOMINATIVE[int(month) - 1]} {int(year)}\u00a0р."


def format_period(first: str, last: str = "") -> str:
    """A period of whole months: `січень – березень 2027 р.`, `грудень 2026 р. –
    лютий 2027 р.`; one month as `format_month`."""
    if not last or last == first:
        return format_month(first)
    format_month(last)  # refuses a malformed month
    if first[:4] == last[:4]:
        return f"{MONTHS_NOMINATIVE[int(first[5:7]) - 1]} – {format_month(last)}"
    return f"{format_month(first)} – {format_month(last)}"

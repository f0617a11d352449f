"""Money and exchange rates: one constructor, exact decimals, half-up rounding.

Amounts are `Decimal` with two places (UAH, EUR); rates have four, as the NBU
publishes them. Nothing here accepts a float: a float has already lost the
kopiyka we are asked to keep.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from backoffice.errors import InputError

CENT = Decimal("0.01")
RATE_PLACES = Decimal("0.0001")

# A plain decimal string: optional minus, digits, optional dot and digits.
# No exponent, no thousands separators, no comma: `12,5.0` and `1e3` are typos,
# not amounts. No `+` and no surrounding spaces either (`" 5"`, `"+5"` are not
# how an amount is written on the command line or in a file column), and
# ASCII digits only: `\d` would take Arabic-Indic `١٢` and full-width `１２`.
_AMOUNT_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?")
# More digits than any bound allows: refused before Decimal arithmetic, whose
# 28-digit context would fail on them with InvalidOperation.
_MAX_DIGITS = 24

# How people write an amount here (`1 234,50`, `1234,50`, `1234.50`): a
# space, no-break space, thin space or narrow no-break space groups thousands.
_SPACES = " \u00a0\u2009\u202f"
_WRITTEN_GROUPED = re.compile(rf"^[+-]?[0-9]{{1,3}}([{_SPACES}][0-9]{{3}})+([.,][0-9]+)?$")
_WRITTEN_PLAIN = re.compile(r"^[+-]?[0-9]+([.,][0-9]+)?$")


def written_amount(text: str) -> Decimal | None:
    """The number `text` is, written as people write amounts here (`1 234,50`,
    `1234.5`), exactly as typed; None if it is not one. Places are the
    caller's to check (`money()`)."""
    cleaned = text.strip()
    if len(cleaned) > _MAX_DIGITS * 2:
        return None
    if _WRITTEN_GROUPED.match(cleaned):
        cleaned = "".join(ch for ch in cleaned if ch not in _SPACES)
    elif not _WRITTEN_PLAIN.match(cleaned):
        return None
    return Decimal(cleaned.replace(",", "."))


def money(value: str | int | Decimal, *, what: str = "amount") -> Decimal:
    """The one way to make an amount of money (UAH or EUR, two places).

    Accepts a decimal string with a dot, an int (whole units) or a Decimal.
    Refuses floats, exponents and anything with more than two decimal places,
    naming `what` in the error.
    """
    value = _exact(value, what)
    if value != value.quantize(CENT):
        raise InputError(f"{what} {value} has more than 2 decimal places")
    return value.quantize(CENT)


def rate(value: str | int | Decimal, *, what: str = "rate") -> Decimal:
    """An exchange rate with four decimal places, strictly positive."""
    value = _exact(value, what)
    if value != value.quantize(RATE_PLACES):
        raise InputError(f"{what} {value} has more than 4 decimal places")
    if value <= 0:
        raise InputError(f"{what} {value} must be positive")
    return value.quantize(RATE_PLACES)


def percent(value: str | int | Decimal, *, what: str = "percent") -> Decimal:
    """A percentage such as a markup (`3`, `3.5`); not money, so no rounding."""
    value = _exact(value, what)
    if value < 0 or value > 1000:
        raise InputError(f"{what} {value} is out of range 0..1000")
    return value


def round_half_up(value: Decimal) -> Decimal:
    """Round to 0.01 with halves away from zero, the accountants' rule."""
    if not isinstance(value, Decimal):
        raise TypeError(f"round_half_up needs a Decimal, got {type(value).__name__}")
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def eur_to_uah(eur: Decimal, nbu_rate: Decimal, markup_percent: Decimal) -> Decimal:
    """UAH = round_half_up(EUR × rate × (1 + markup)), SPEC §3."""
    for name, v in (("eur", eur), ("rate", nbu_rate), ("markup", markup_percent)):
        if not isinstance(v, Decimal):
            raise TypeError(f"eur_to_uah: {name} must be a Decimal")
    factor = Decimal(1) + markup_percent / Decimal(100)
    return round_half_up(eur * nbu_rate * factor)


def to_minor(value: Decimal, places: int) -> int:
    """Exact integer in minor units (kopiykas for places=2, rate×10⁴ for 4)."""
    scaled = value.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise InputError(f"{value} has more than {places} decimal places")
    return int(scaled)


def from_minor(value: int, places: int) -> Decimal:
    return Decimal(value).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def format_uah(value: Decimal) -> str:
    """`1234.5` → `1234.50`: the dot form used by the CLI and JSON."""
    return f"{value.quantize(CENT)}"


def _exact(value: str | int | Decimal, what: str) -> Decimal:
    if isinstance(value, bool | float):
        raise TypeError(f"{what}: money must not be built from {type(value).__name__}")
    if isinstance(value, int):
        if abs(value) >= 10**_MAX_DIGITS:
            raise InputError(f"{what} {_quoted(str(value))} is too large")
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError(f"{what} {value} is not a finite number")
        if value.adjusted() >= _MAX_DIGITS:
            raise InputError(f"{what} {value:.0f} is too large")
        return value
    if isinstance(value, str):
        if not _AMOUNT_RE.fullmatch(value):
            raise InputError(f"{what} {_quoted(value)} is not a decimal number like 1004.50")
        if len(value.lstrip("-").partition(".")[0].lstrip("0")) > _MAX_DIGITS:
            raise InputError(f"{what} {_quoted(value)} is too large")
        try:
            return Decimal(value)
        except InvalidOperation as exc:  # pragma: no cover - the regex guards this
            raise InputError(f"{what} {value!r} is not a number") from exc
    raise TypeError(f"{what}: cannot make money from {type(value).__name__}")


def _quoted(value: str) -> str:
    """The value as a refusal quotes it: repr, cut short so the message stays one line."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"

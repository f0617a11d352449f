"""Turning the text of one cell or field into a normalised value.

Every helper raises `RowError` with a reason an accountant understands; the
reader that called it adds the file name and line. No float ever leaves this
module: spreadsheet numbers are turned into decimal text in `float_text`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Sequence
from decimal import Decimal

from stdnum.ua import edrpou as stdnum_edrpou
from stdnum.ua import rntrc as stdnum_rntrc

from backoffice.errors import InputError
from backoffice.importers.statements.lines import RowError
from backoffice.money import money

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Latin letters that look like Cyrillic ones, as typed by accident in exported
# headers ("Призначення платежу" with a Latin i). Only applied to words that
# already hold Cyrillic, so "IBAN" stays Latin.
_LOOKALIKES = str.maketrans("aceiopxykmthb", "асеіорхукмтнв")
_AMOUNT_CHARS = re.compile(r"^[+-]?[\d.,]+$")
# ISO 4217 numeric codes seen in Ukrainian statements (PUMB writes 980).
_NUMERIC_CURRENCIES = {
    "980": "UAH", "840": "USD", "978": "EUR", "826": "GBP", "985": "PLN",
    "756": "CHF", "203": "CZK", "124": "CAD", "392": "JPY", "643": "RUB",
}  # fmt: skip
_CURRENCY_ALIASES = {"ГРН": "UAH", "ГРН.": "UAH", "UAN": "UAH", "RUR": "RUB"}


def collapse(text: str) -> str:
    """Whitespace (newlines, tabs, NBSP) collapsed to single spaces, trimmed.

    str.split() splits on exactly what the regex \\s matches (both use
    Python's Unicode whitespace test) and is several times faster."""
    return " ".join(text.split())


def header_key(text: str) -> str:
    """A header cell reduced to what matters for matching it to a column name."""
    text = collapse(text.replace("\ufeff", "").strip().strip('"')).lower()
    text = _WORD.sub(_fix_word, text)
    return text.rstrip(":").strip()


def _fix_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return word.translate(_LOOKALIKES) if _CYRILLIC.search(word) else word


def text_key(text: str) -> str:
    """Free text for keyword rules: lower-case, Latin lookalikes fixed."""
    return _WORD.sub(_fix_word, collapse(text).lower())


def float_text(value: float) -> str:
    """Decimal text for a number a spreadsheet stored as a float.

    Whole numbers (codes, document numbers, kopiykas) lose their ".0"; other
    values must be whole kopiykas up to binary noise, else the cell holds
    something we cannot read as money without guessing, and we say so.
    """
    if not math.isfinite(value):
        raise RowError(f"the cell holds {value!r}, not a number")
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    cents = value * 100
    if abs(cents - round(cents)) < 1e-6 and abs(value) < 1e13:
        return f"{value:.2f}"
    return repr(value)  # money() will refuse it, naming the value


def parse_amount(text: str, *, what: str = "amount", decimal_comma: bool = True) -> Decimal:
    """'1 234,50', '1234.50', '-12' -> Decimal with two places (sign kept)."""
    raw = text
    text = text.replace("\u00a0", "").replace(" ", "").replace("'", "")
    if not text or not _AMOUNT_CHARS.match(text):
        raise RowError(f"{what} {raw.strip()!r} is not a number")
    if "," in text:
        if not decimal_comma:
            raise RowError(f"{what} {raw.strip()!r} has a comma; this profile expects a dot")
        if "." in text:
            # Both marks: the last one is the decimal point, the other groups thousands.
            if text.rfind(",") > text.rfind("."):
                text = text.replace(".", "").replace(",", ".")
            else:
                text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
    try:
        # a bank's explicit plus sign; money() itself takes none
        return money(text.removeprefix("+"), what=what)
    except InputError as exc:
        raise RowError(str(exc)) from None


def kopiykas(text: str, *, what: str = "amount") -> Decimal:
    """A whole number of kopiykas ('123456' -> 1234.56)."""
    digits = text.strip()
    if not digits.isdigit():
        raise RowError(f"{what} {text.strip()!r} is not a whole number of kopiykas")
    return money(Decimal(int(digits)).scaleb(-2))


def parse_date(text: str, formats: Sequence[str], *, what: str = "date") -> dt.date:
    """The first of `formats` that reads `text`; ISO dates are always accepted.

    ISO is accepted because spreadsheet date cells arrive as ISO text.
    """
    return _parse_date(text, tuple(formats), what)


# A statement repeats a handful of dates and payer codes over thousands of
# lines; strptime and the checksum are the costly part, so both are cached.
@functools.lru_cache(maxsize=4096)
def _parse_date(text: str, formats: tuple[str, ...], what: str) -> dt.date:
    raw = collapse(text)
    if not raw:
        raise RowError(f"{what} is empty")
    impossible = False
    for fmt in (*formats, "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            value = dt.datetime.strptime(raw, fmt).date()
        except ValueError as exc:
            impossible = impossible or "out of range" in str(exc)
            continue
        if not 1990 <= value.year <= 2100:
            raise RowError(f"{what} {raw} is outside 1990..2100")
        return value
    if impossible or _looks_like_date(raw):
        raise RowError(f"{what} {raw} does not exist")
    raise RowError(f"{what} {raw!r} is not a date (expected {', '.join(formats)})")


def _looks_like_date(raw: str) -> bool:
    """31.02.2026 fails strptime with 'unconverted data' for some formats."""
    match = re.match(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})", raw)
    if not match:
        return False
    day, month, year = (int(g) for g in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return True
    return False


@functools.lru_cache(maxsize=65536)
def payer_code(raw: str) -> tuple[str, tuple[str, ...]]:
    """Digits of an ЄДРПОУ or РНОКПП, with warnings; never rejects a line.

    Spreadsheets store the code as a number, so `5394444.0` lost its leading
    zero: 5..7 digits are padded back to 8. Some banks pad ЄДРПОУ to 10 digits
    with zeros; a real РНОКПП never starts with "00" (that would be a birth in
    1900), so such a value is read as an ЄДРПОУ.
    """
    text = collapse(raw)
    if text.endswith(".0"):
        text = text[:-2]
    digits = re.sub(r"\D", "", text)
    if not digits or set(digits) == {"0"}:
        return "", ()
    if len(digits) == 10 and digits.startswith("00"):
        digits = digits[2:]
    if 5 <= len(digits) <= 7:
        digits = digits.zfill(8)
    if len(digits) == 8:
        if not stdnum_edrpou.is_valid(digits):
            return digits, (f"payer code {digits} fails the ЄДРПОУ checksum",)
        return digits, ()
    if len(digits) == 10:
        if not stdnum_rntrc.is_valid(digits):
            return digits, (f"payer code {digits} fails the РНОКПП checksum",)
        return digits, ()
    return "", (f"payer code {text!r} is neither an ЄДРПОУ (8 digits) nor a РНОКПП (10); ignored",)


@functools.lru_cache(maxsize=65536)
def account(raw: str) -> str:
    """An IBAN or account number: upper-case, no spaces; masks ('*') kept."""
    return "".join(raw.split()).upper()


def currency(raw: str, default: str = "UAH") -> str:
    text = collapse(raw).upper()
    if not text:
        return default
    if text.isdigit():
        code = _NUMERIC_CURRENCIES.get(text.zfill(3))
        if code is None:
            raise RowError(f"currency code {text} is unknown")
        return code
    text = _CURRENCY_ALIASES.get(text, text)
    if not re.fullmatch(r"[A-Z]{3}", text):
        raise RowError(f"currency {raw.strip()!r} is not an ISO code like UAH")
    return text


def masked_match(pattern: str, value: str) -> bool:
    """Whether `value` equals `pattern`, where `pattern` may be masked ('UA2435*…*1234').

    A mask must leave at least 6 characters visible, so 'UA*' matches nothing:
    skipping a client's payment as an own transfer is worse than keeping ours.
    """
    if not pattern or not value:
        return False
    if "*" not in pattern:
        return pattern == value
    head, tail = pattern.split("*", 1)[0], pattern.rsplit("*", 1)[1]
    if len(head) + len(tail) < 6:
        return False
    return value.startswith(head) and value.endswith(tail) and len(value) >= len(head + tail)


def is_own_account(account_text: str, own: frozenset[str]) -> bool:
    """Whether a statement's account is one of ours.

    Statements sometimes mask the middle of our IBAN (`UA2435*…1234`) or give
    the old account number that an IBAN ends with."""
    text = account(account_text)
    if "*" in text:
        head, _, tail = text.partition("*")
        tail = tail.strip("*")
        return any(i.startswith(head) and i.endswith(tail) for i in own)
    return any(text == i or (len(text) >= 5 and i.endswith(text)) for i in own)

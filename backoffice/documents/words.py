"""Amounts of money in Ukrainian words, as printed under a document's total.

`amount_in_words(Decimal('1234.50'))` →
`Одна тисяча двісті тридцять чотири гривні 50 копійок`.

Hryvnias are written in words, kopiykas in two digits: the usual accounting
style in Ukraine. The integer part comes from num2words (`lang='uk'`, plain
cardinal mode), which already agrees тисяча/мільйон/мільярд in gender and
number. What it cannot know is that гривня is feminine, so its last word
`один`/`два` is turned into `одна`/`дві` here. Its currency mode is not used:
it reads a plain int as kopiykas and rounds floats.

Negative amounts are refused (`InputError`): a document states a debt as a
positive amount and says in whose favour it is; a minus sign in words would
hide a sign error upstream.
"""

from __future__ import annotations

from decimal import Decimal

from num2words import num2words

from backoffice.errors import InputError
from backoffice.money import round_half_up

_FEMININE = {"один": "одна", "два": "дві"}
_MAX = Decimal(10) ** 15


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Ukrainian form for a count: 1 гривня, 2 гривні, 5 гривень, 11 гривень, 21 гривня."""
    n = abs(n)
    if n % 100 in (11, 12, 13, 14):
        return many
    if n % 10 == 1:
        return one
    if n % 10 in (2, 3, 4):
        return few
    return many


def integer_in_words(n: int, *, feminine: bool = False) -> str:
    """`21` → `двадцять один` (or `двадцять одна` for a feminine noun)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"integer_in_words needs an int, got {type(n).__name__}")
    if n < 0:
        raise InputError(f"{n} is negative; only amounts of zero or more are written in words")
    words = str(num2words(n, lang="uk")).split()
    if feminine and words[-1] in _FEMININE:
        words[-1] = _FEMININE[words[-1]]
    return " ".join(words)


def amount_in_words(amount: Decimal) -> str:
    """Hryvnias in words, kopiykas in digits, with the nouns agreeing.

    Only `Decimal` is accepted (a float raises `TypeError`); the amount is
    rounded half up to the kopiyka first. The first letter is a capital.
    """
    if not isinstance(amount, Decimal):
        raise TypeError(f"amount_in_words needs a Decimal, got {type(amount).__name__}")
    if not amount.is_finite():
        raise InputError(f"amount {amount} is not a finite number")
    amount = round_half_up(amount)
    if amount < 0:
        raise InputError(f"amount {amount} is negative; amounts in words must be zero or more")
    if amount >= _MAX:
        raise InputError(f"amount {amount} is too large to write in words")
    hryvnias = int(amount)
    kopiykas = int((amount - hryvnias) * 100)
    text = (
        f"{integer_in_words(hryvnias, feminine=True)} "
        f"{plural(hryvnias, 'гривня', 'гривні', 'гривень')} "
        f"{kopiykas:02d} {plural(kopiykas, 'копійка', 'копійки', 'копійок')}"
    )
    return text[0].upper() + text[1:]

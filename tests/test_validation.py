"""The validation layer and the parsers under it, fuzzed (issue 11 items 2, 10).

Whatever text comes in, a parser either returns a value that is exactly the
text's meaning or refuses with InputError (None for the `written_*` readers):
never another exception, never a value read from other scripts' digits.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice import bounds, validation
from backoffice.dates import written_date
from backoffice.errors import InputError
from backoffice.money import money, written_amount

ASCII_AMOUNT = re.compile(r"-?[0-9]+(\.[0-9]+)?")
# Text biased towards what breaks parsers: digits of every script, signs,
# separators, spaces of every kind, controls.
TRICKY = st.text(
    st.one_of(
        st.sampled_from("0123456789.,-+ \u00a0\u2009\u202f\t\n\x1be١٢３４"),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)


@given(TRICKY)
def test_money_reads_exactly_what_is_written_or_refuses(text: str) -> None:
    try:
        value = money(text)
    except InputError:
        return
    assert ASCII_AMOUNT.fullmatch(text), text
    assert value == Decimal(text) and value == value.quantize(Decimal("0.01"))


@given(st.from_regex(r"-?[0-9]{1,30}(\.[0-9]{1,30})?", fullmatch=True))
def test_money_of_any_length_is_a_value_or_a_refusal(text: str) -> None:
    try:
        value = money(text)
    except InputError as refusal:
        assert "decimal places" in str(refusal) or "too large" in str(refusal)
        return
    assert value == Decimal(text)


@given(TRICKY)
def test_amount_is_bounded(text: str) -> None:
    try:
        value = validation.amount(text)
    except InputError:
        return
    assert abs(value) <= bounds.MAX_AMOUNT


@given(st.one_of(TRICKY, st.sampled_from(["1\u00a0234,50", "١ ٢٣٤,٥٠", "+1 234.5"])))
def test_written_amount_is_a_number_in_ascii_digits_or_none(text: str) -> None:
    value = written_amount(text)
    if value is not None:
        assert all(c in "0123456789" for c in text if c.isdigit()), text
        assert value.is_finite()


@given(st.one_of(TRICKY, st.dates().map(dt.date.isoformat)))
def test_dates_are_ascii_calendar_days_within_range_or_refused(text: str) -> None:
    try:
        day = validation.iso_date(text)
    except InputError:
        pass
    else:
        assert text.strip() == day.isoformat()
        assert bounds.EARLIEST_DATE <= day <= dt.date.today() + dt.timedelta(bounds.MAX_DAYS_AHEAD)
    written = written_date(text)
    if written is not None:
        assert text.strip().isascii()


@given(st.text(max_size=400))
def test_text_is_stored_as_given_or_refused(value: str) -> None:
    try:
        stored = validation.text(value, what="name", limit=bounds.MAX_NAME)
    except InputError:
        return
    assert stored == value.strip() and len(stored) <= bounds.MAX_NAME
    assert validation.printable(stored) == stored  # nothing in it needs escaping


@pytest.mark.parametrize(
    ("code", "expected"), [("eur", "EUR"), (" USD ", "USD"), ("UAH", "UAH"), ("XAU", "XAU")]
)
def test_currencies_are_iso_4217(code: str, expected: str) -> None:
    assert validation.currency(code) == expected


@pytest.mark.parametrize("code", ["EUR' OR 1=1 --", "ZZZ", "EU", "ЕUR", "XXX", ""])
def test_other_currency_codes_are_refused(code: str) -> None:
    with pytest.raises(InputError, match="not an ISO 4217 currency code"):
        validation.currency(code)


@pytest.mark.parametrize(
    ("value", "signed", "ok"),
    [
        (0, False, True),
        (bounds.MAX_QUANTITY, False, True),
        (bounds.MAX_QUANTITY + 1, False, False),
        (-1, False, False),
        (-5, True, True),
        ("12", False, True),
        ("１２", False, False),
        ("9223372036854775807", True, False),
        (True, False, False),
    ],
)
def test_quantities(value: int | str, signed: bool, ok: bool) -> None:
    if ok:
        assert validation.quantity(value, signed=signed) == int(value)
    else:
        with pytest.raises(InputError):
            validation.quantity(value, signed=signed)


def test_printable_escapes_controls_and_keeps_letters() -> None:
    assert validation.printable("ТОВ \x1b[2J\x00\x9b\u2028А") == "ТОВ \\x1b[2J\\x00\\x9b\\u2028А"
    assert validation.printable("Агро «Трейд»") == "Агро «Трейд»"

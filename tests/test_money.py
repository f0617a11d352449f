"""Money: one constructor, no floats, half-up rounding at 0.01 (SPEC §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.db.types import ScaledDecimal
from backoffice.errors import InputError
from backoffice.money import (
    eur_to_uah,
    from_minor,
    money,
    rate,
    round_half_up,
    to_minor,
    written_amount,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1004.50", D("1004.50")), ("7", D("7.00")), ("-0.01", D("-0.01")), ("012.3", D("12.30"))],
)
def test_money_reads_plain_decimal_text(text: str, expected: Decimal) -> None:
    assert money(text) == expected
    assert str(money(text)) == str(expected)


@pytest.mark.parametrize(
    "text",
    [
        *["12,5.0", "1e3", "1,50", "12.", ".5", "NaN", "Infinity", "", "1 000"],
        # issue 11: signs, spaces and digits of other scripts are not how an amount is written
        *[" 5", "5 ", " 12.3 ", "+5", "١٢", "１２.５０", "5\n", "\x1b5"],
    ],
)
def test_money_refuses_malformed_text(text: str) -> None:
    with pytest.raises(InputError, match="not a decimal number"):
        money(text)


def test_money_refuses_floats_and_sub_kopiyka_amounts() -> None:
    with pytest.raises(TypeError):
        money(0.1)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="more than 2 decimal places"):
        money("0.005")
    with pytest.raises(InputError, match="more than 2 decimal places"):
        money(D("1.001"))


def test_rate_has_four_places_and_is_positive() -> None:
    assert rate("48.5123") == D("48.5123")
    with pytest.raises(InputError, match="more than 4"):
        rate("48.51234")
    with pytest.raises(InputError, match="positive"):
        rate("0")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),
        ("0.015", "0.02"),
        ("2.675", "2.68"),
        ("-0.005", "-0.01"),
        ("1.004", "1.00"),
    ],
)
def test_round_half_up(value: str, expected: str) -> None:
    assert round_half_up(D(value)) == D(expected)


def test_eur_to_uah_worked_example() -> None:
    # 100 EUR at 48.5123 with 3%: 100 × 48.5123 × 1.03 = 4996.7669 → 4996.77
    assert eur_to_uah(D("100.00"), D("48.5123"), D("3")) == D("4996.77")
    # 19.99 EUR at 45.0001 with 3%: 926.538... → 926.54 (half up at the third place)
    assert eur_to_uah(D("19.99"), D("45.0001"), D("3")) == D("926.54")
    # no markup
    assert eur_to_uah(D("1.00"), D("41.2345"), D("0")) == D("41.23")


def test_eur_to_uah_refuses_float() -> None:
    with pytest.raises(TypeError):
        eur_to_uah(100.0, D("48.5"), D("3"))  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_round_half_up_matches_integer_arithmetic(thousandths: int) -> None:
    """Against a reference in whole numbers: x/1000 rounded half away from zero."""
    value = D(thousandths).scaleb(-3)
    sign = -1 if thousandths < 0 else 1
    hundredths = sign * ((abs(thousandths) + 5) // 10)
    assert round_half_up(value) == D(hundredths).scaleb(-2)


@given(st.integers(min_value=-(10**17), max_value=10**17))
def test_minor_units_round_trip(kopiykas: int) -> None:
    amount = from_minor(kopiykas, 2)
    assert to_minor(amount, 2) == kopiykas
    column = ScaledDecimal(2)
    assert column.process_result_value(column.process_bind_param(amount, None), None) == amount  # type: ignore[arg-type]


def test_column_type_refuses_float() -> None:
    with pytest.raises(TypeError):
        ScaledDecimal(2).process_bind_param(1.5, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234,50", "1234.50"),
        ("1\u00a0234\u00a0567,8", "1234567.8"),
        ("1234.5", "1234.5"),
        ("-20", "-20"),
        (" 0,001 ", "0.001"),  # exact: places are money()'s to refuse
        ("12 34,50", None),
        ("1,234.50", None),
        ("1e3", None),
        ("20 грн", None),
        ("", None),
    ],
)
def test_an_amount_as_people_write_it(text: str, value: str | None) -> None:
    assert written_amount(text) == (None if value is None else Decimal(value))

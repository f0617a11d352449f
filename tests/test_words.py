"""Amounts in Ukrainian words and Ukrainian number formats, as printed on documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from backoffice.documents.numbers import (
    format_amount,
    format_date,
    format_date_words,
    format_month,
    format_quantity,
    format_rate,
)
from backoffice.documents.words import amount_in_words, integer_in_words, plural
from backoffice.errors import InputError

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0.01", "Нуль гривень 01 копійка"),
        ("0.02", "Нуль гривень 02 копійки"),
        ("0.05", "Нуль гривень 05 копійок"),
        ("0.11", "Нуль гривень 11 копійок"),
        ("0.21", "Нуль гривень 21 копійка"),
        ("0", "Нуль гривень 00 копійок"),
        ("1", "Одна гривня 00 копійок"),
        ("2", "Дві гривні 00 копійок"),
        ("5", "П'ять гривень 00 копійок"),
        ("11", "Одинадцять гривень 00 копійок"),
        ("12", "Дванадцять гривень 00 копійок"),
        ("14", "Чотирнадцять гривень 00 копійок"),
        ("21", "Двадцять одна гривня 00 копійок"),
        ("22.22", "Двадцять дві гривні 22 копійки"),
        ("101", "Сто одна гривня 00 копійок"),
        ("111", "Сто одинадцять гривень 00 копійок"),
        ("1001.01", "Одна тисяча одна гривня 01 копійка"),
        ("2000", "Дві тисячі гривень 00 копійок"),
        ("5150.00", "П'ять тисяч сто п'ятдесят гривень 00 копійок"),
        ("1234.50", "Одна тисяча двісті тридцять чотири гривні 50 копійок"),
        ("21000", "Двадцять одна тисяча гривень 00 копійок"),
        ("1000000", "Один мільйон гривень 00 копійок"),
        ("2000002", "Два мільйони дві гривні 00 копійок"),
        ("5000000", "П'ять мільйонів гривень 00 копійок"),
        (
            "1234567.89",
            "Один мільйон двісті тридцять чотири тисячі п'ятсот шістдесят сім гривень 89 копійок",
        ),
        ("3000000000", "Три мільярди гривень 00 копійок"),
    ],
)
def test_amount_in_words(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


def test_amount_is_rounded_half_up_to_the_kopiyka() -> None:
    assert amount_in_words(Decimal("1.005")) == "Одна гривня 01 копійка"
    assert amount_in_words(Decimal("1.994")) == "Одна гривня 99 копійок"
    assert amount_in_words(Decimal("1.995")) == "Дві гривні 00 копійок"


def test_floats_and_ints_are_refused() -> None:
    with pytest.raises(TypeError):
        amount_in_words(1234.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        amount_in_words(1234)  # type: ignore[arg-type]


def test_negative_and_absurd_amounts_are_refused() -> None:
    with pytest.raises(InputError, match="negative"):
        amount_in_words(Decimal("-0.01"))
    with pytest.raises(InputError):
        amount_in_words(Decimal("NaN"))
    with pytest.raises(InputError, match="too large"):
        amount_in_words(Decimal(10) ** 15)


@pytest.mark.parametrize(
    ("n", "form"),
    [
        (0, "гривень"),
        (1, "гривня"),
        (2, "гривні"),
        (4, "гривні"),
        (5, "гривень"),
        (11, "гривень"),
        (12, "гривень"),
        (14, "гривень"),
        (21, "гривня"),
        (22, "гривні"),
        (111, "гривень"),
        (1001, "гривня"),
        (1012, "гривень"),
    ],
)
def test_plural_forms(n: int, form: str) -> None:
    assert plural(n, "гривня", "гривні", "гривень") == form


def test_every_amount_up_to_ten_thousand_agrees() -> None:
    """The last word before «гривня» is feminine exactly when it is один/два."""
    for n in range(0, 10_001):
        words = integer_in_words(n, feminine=True).split()
        assert "один" not in words[-1:] and "два" not in words[-1:], n
        assert words[-1] != "одна" or (n % 10 == 1 and n % 100 != 11), n


def test_format_amount() -> None:
    assert format_amount(Decimal("1234.5")) == f"1{NBSP}234,50"
    assert format_amount(Decimal("0")) == "0,00"
    assert format_amount(Decimal("999.99")) == "999,99"
    assert format_amount(Decimal("1234567.891")) == f"1{NBSP}234{NBSP}567,89"
    assert format_amount(Decimal("-1000")) == f"-1{NBSP}000,00"
    with pytest.raises(TypeError):
        format_amount(1.5)  # type: ignore[arg-type]


def test_format_rate_quantity_dates() -> None:
    assert format_rate(Decimal("45.1234")) == "45,1234"
    assert format_rate(Decimal("45.1")) == "45,1000"
    assert format_quantity(Decimal("1.000")) == "1"
    assert format_quantity(Decimal("2.50")) == "2,5"
    assert format_quantity(Decimal("1000")) == f"1{NBSP}000"
    assert format_date(dt.date(2026, 11, 30)) == "30.11.2026"
    assert format_date(dt.date(2026, 1, 5)) == "05.01.2026"
    assert format_date_words(dt.date(2026, 11, 30)) == f"30 листопада 2026{NBSP}р."
    assert format_date_words(dt.date(2026, 5, 1)) == f"1 травня 2026{NBSP}р."
    assert format_month("2026-02") == f"лютий 2026{NBSP}р."
    assert format_month("") == ""
    with pytest.raises(ValueError, match="YYYY-MM"):
        format_month("2026-13")

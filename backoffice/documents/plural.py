"""Ukrainian plural forms of units: `1 документ`, `2 документи`, `5 документів`.

num2words writes numbers, not nouns; a noun agrees with the number before it
in one of three forms (one, few, many). The forms of the units the catalog
uses are data (`UNIT_FORMS`); a unit not listed, or an abbreviation such as
`міс.` or `шт.`, is printed as it is.
"""

from __future__ import annotations

import re
from decimal import Decimal

UNIT_FORMS: dict[str, tuple[str, str, str]] = {
    # singular (as the catalog names it): (one, few, many)
    "документ": ("документ", "документи", "документів"),
    "поставка": ("поставка", "поставки", "поставок"),
    "користувач": ("користувач", "користувачі", "користувачів"),
    "послуга": ("послуга", "послуги", "послуг"),
    "місяць": ("місяць", "місяці", "місяців"),
    "повідомлення": ("повідомлення", "повідомлення", "повідомлень"),
    "запит": ("запит", "запити", "запитів"),
    "рахунок": ("рахунок", "рахунки", "рахунків"),
    "накладна": ("накладна", "накладні", "накладних"),
    "замовлення": ("замовлення", "замовлення", "замовлень"),
    "склад": ("склад", "склади", "складів"),
    "точка": ("точка", "точки", "точок"),
    "магазин": ("магазин", "магазини", "магазинів"),
    "ліцензія": ("ліцензія", "ліцензії", "ліцензій"),
    "робоче місце": ("робоче місце", "робочі місця", "робочих місць"),
    "смс": ("смс", "смс", "смс"),
    "sms": ("sms", "sms", "sms"),
    "гігабайт": ("гігабайт", "гігабайти", "гігабайтів"),
    "година": ("година", "години", "годин"),
    "день": ("день", "дні", "днів"),
    "операція": ("операція", "операції", "операцій"),
    "чек": ("чек", "чеки", "чеків"),
}
"""Unit (its singular) → forms after 1, after 2–4, after 5–20 and 0."""

_FORMS_BY_ANY = {form: forms for forms in UNIT_FORMS.values() for form in forms}


def plural_form(quantity: Decimal | int, unit: str) -> str:
    """The form of `unit` that agrees with `quantity`.

    Whole numbers by their last two digits (11–14 take "many"); a fraction
    takes the "few" form's genitive singular in speech (`2,5 поставки`), which
    is the "few" form for every unit listed.
    """
    forms = _FORMS_BY_ANY.get(unit.strip().lower())
    if forms is None:
        return unit
    value = Decimal(quantity)
    if value != value.to_integral_value():
        return forms[1]
    n = abs(int(value))
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def with_unit(quantity: Decimal | int, unit: str, formatted: str | None = None) -> str:
    """`68 поставок`: the quantity (as `formatted`, if given) and its agreeing unit."""
    return f"{formatted if formatted is not None else quantity} {plural_form(quantity, unit)}"


_COUNTED = re.compile(r"(?<![\d.,])(\d+) (" + "|".join(map(re.escape, _FORMS_BY_ANY)) + r")\b")


def agree_in_text(text: str) -> str:
    """Every `N unit` in a free text (a ledger comment) put into agreement:
    `910 документ` → `910 документів`."""
    return _COUNTED.sub(lambda m: with_unit(int(m.group(1)), m.group(2)), text)

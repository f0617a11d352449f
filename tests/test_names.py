"""Client names sort in Ukrainian alphabetical order, legal forms aside."""

from __future__ import annotations

from backoffice.names import sort_key, without_legal_form


def test_legal_forms_and_quotes_are_set_aside() -> None:
    assert without_legal_form("ТОВ «Агро Трейд»") == "Агро Трейд"
    assert without_legal_form("Товариство з обмеженою відповідальністю «Зерно»") == "Зерно"
    assert without_legal_form("ФОП Мельник Ірина Дмитрівна") == "Мельник Ірина Дмитрівна"
    assert without_legal_form("Атлант") == "Атлант"  # "АТ" only as a separate word


def test_ukrainian_alphabet_order() -> None:
    names = [
        "ФОП Іваненко",
        "ТОВ «Яблуко»",
        "Ґудзь",
        "ПП «Євро»",
        "Агро",
        "Їжак",
        "Гончар",
        "3D Друк",
    ]
    assert sorted(names, key=sort_key) == [
        "3D Друк",
        "Агро",
        "Гончар",
        "Ґудзь",
        "ПП «Євро»",
        "ФОП Іваненко",
        "Їжак",
        "ТОВ «Яблуко»",
    ]

"""Client names as accountants read and sort them.

Lists sort by the name without its legal form ("ТОВ", "ФОП", "Товариство з
обмеженою відповідальністю" ...) in Ukrainian alphabetical order. SQLite
compares code points (І, Є, Ї before А; Ґ after Я) and PostgreSQL servers
differ in locale, so the order is precomputed as an ASCII key that every
database sorts the same way.
"""

from __future__ import annotations

import re

UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"

LEGAL_FORMS = (
    "товариство з обмеженою відповідальністю",
    "товариство з додатковою відповідальністю",
    "приватне акціонерне товариство",
    "публічне акціонерне товариство",
    "акціонерне товариство",
    "приватне підприємство",
    "державне підприємство",
    "комунальне підприємство",
    "фізична особа-підприємець",
    "фізична особа - підприємець",
    "тов",
    "тдв",
    "прат",
    "пат",
    "ат",
    "пп",
    "дп",
    "кп",
    "фоп",
)

_FORM_RE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(f) for f in LEGAL_FORMS) + r")(?=[\s«\"'])", re.IGNORECASE
)
_QUOTES = str.maketrans("", "", "«»\"'“”„")


def without_legal_form(name: str) -> str:
    return _FORM_RE.sub("", name).translate(_QUOTES).strip()


def sort_key(name: str) -> str:
    """ASCII key: Ukrainian letters in alphabet order, then Latin, digits first."""
    parts = []
    for char in without_legal_form(name).casefold():
        if char in UKRAINIAN:
            parts.append(f"c{UKRAINIAN.index(char):02d}")
        elif "a" <= char <= "z":
            parts.append(f"l{char}")
        elif char.isdigit():
            parts.append(f"0{char}")
        elif char.isspace():
            parts.append(" ")
        elif char.isalpha():  # other scripts: after everything, stable
            parts.append(f"z{ord(char):05d}")
    return "".join(parts)[:600]

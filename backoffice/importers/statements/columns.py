"""Reading a table of a bank no profile knows, by what its columns hold.

Two steps, both once per file (never per row):

1. Header words: every header cell is compared with the synonyms of each
   field, in Ukrainian, Russian and English, with abbreviations ("Наим.
   контр." is "Наименование контрагента": a word cut with a dot matches any
   word it begins).
2. Content: a sample of the data rows confirms each column (a date column
   holds dates, an amount column numbers, a code column ЄДРПОУ/РНОКПП with
   valid check digits, an IBAN column IBANs) and finds the date, payer code
   and payer IBAN when no header named them. A one-value column named only
   "Рахунок"/"ЄДРПОУ" is ours; one whose values differ is the payer's.

The result is an ordinary `MappingProfile` (so the rows are read by the same
code as a bank's profile, and the window can show it, let the user correct
it and save it under the bank's name).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.ua import edrpou as stdnum_edrpou
from stdnum.ua import rntrc as stdnum_rntrc

from backoffice.importers.statements import normalise as norm
from backoffice.importers.statements.lines import RowError
from backoffice.importers.statements.profiles import MappingProfile
from backoffice.importers.statements.sheets import Grid

AUTO_NAME = "read by content"
_HEADER_SEARCH_ROWS = 30
_SAMPLE_ROWS = 200

# Field -> header words, most specific first. Compared after header_key()
# (lower case, Latin lookalikes in Cyrillic words fixed, no trailing colon).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "payer_code": (
        "єдрпоу кореспондента", "єдрпоу контрагента", "код контрагента", "код кореспондента",
        "егрпоу контрагента", "окпо контрагента", "код егрпоу контрагента", "kor_okpo",
        "ідентифікаційний код контрагента", "єдрпоу/рнокпп контрагента", "counterparty code",
        "counterparty tax id", "код платника", "код плательщика", "єдрпоу платника",
    ),
    "payer_iban": (
        "рахунок кореспондента", "рахунок контрагента", "iban контрагента", "iban кореспондента",
        "счет контрагента", "счет корреспондента", "kor_acc", "counterparty iban",
        "counterparty account", "рахунок платника", "счет плательщика", "iban платника",
    ),
    "payer_name": (
        "кореспондент", "контрагент", "назва контрагента", "найменування контрагента",
        "наименование контрагента", "найменування кореспондента", "наименование корреспондента",
        "kor_name", "counterparty", "counterparty name", "платник", "плательщик", "payer",
        "назва кореспондента", "платник/одержувач",
    ),
    "purpose": (
        "призначення платежу", "назначение платежа", "призначення", "назначение", "purpose",
        "payment purpose", "description", "descript", "details", "деталі платежу", "опис",
        "опис операції",
    ),
    "date": (
        "дата операції", "дата проводки", "дата проведення", "дата проведения", "дата операции",
        "дата", "date", "booking date", "value date", "st_date", "дата валютування",
    ),
    "debit_equivalent": (
        "udb", "дебет (еквівалент)", "дебет еквівалент", "дебет в грн", "дебет, грн екв",
        "debit equivalent", "дебет (эквивалент)",
    ),
    "credit_equivalent": (
        "ucr", "кредит (еквівалент)", "кредит еквівалент", "кредит в грн", "кредит, грн екв",
        "credit equivalent", "кредит (эквивалент)",
    ),
    "debit": (
        "дебет", "debit", "db", "дт", "сума дебет", "сумма дебет", "списання", "списание",
        "видаток", "расход", "витрати", "debit amount", "оборот дебет",
    ),
    "credit": (
        "кредит", "credit", "cr", "кт", "сума кредит", "сумма кредит", "надходження",
        "поступление", "прихід", "приход", "зарахування", "credit amount", "оборот кредит",
    ),
    "amount": (
        "сума", "сумма", "amount", "sum", "сума операції", "сумма операции",
        "сума у валюті рахунку", "сумма в валюте счета",
    ),
    "direction": (
        "операція", "операция", "д/к", "дт/кт", "тип операції", "тип операции", "c/d",
        "credit/debit", "debit/credit", "ознака",
    ),
    "currency": ("валюта", "currency", "cur", "ccy", "cur_numb", "код валюти", "код валюты"),
    "our_account": (
        "наш рахунок", "наш iban", "наш счет", "рахунок клієнта", "acc_numb", "our account",
        "account", "рахунок", "счет", "iban",
    ),
    "our_code": ("наш єдрпоу", "ід.код", "ид.код", "єдрпоу", "егрпоу", "окпо"),
    "document_number": (
        "номер документа", "№ документа", "номер документу", "doc_no", "document number",
        "№ док", "номер",
    ),
    "bank_reference": ("референс", "reference", "референс операції", "bank reference", "ref"),
}  # fmt: skip

# Fields whose header name alone cannot tell ours from the payer's: decided by content.
_OURS_OR_PAYERS = {"our_account": "payer_iban", "our_code": "payer_code"}
_DATE_FORMATS = (
    "%d.%m.%Y", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%y", "%Y.%m.%d",
    "%Y.%m.%d %H:%M:%S", "%Y%m%d", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S",
)  # fmt: skip
_IBAN_LIKE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$")


@dataclass(frozen=True)
class Reading:
    """What the columns of a file were read as, for the result and the wizard."""

    profile: MappingProfile
    header_row: int
    """1-based row of the header."""
    found_by: dict[str, str]
    """Field -> 'header' or 'content'."""
    headers: dict[str, str]
    """Field -> the header text of its column."""

    def describe(self) -> str:
        parts = [
            f"{field} = {self.headers[field]!r}"
            + (" (by content)" if self.found_by[field] == "content" else "")
            for field, _ in self.profile.columns
        ]
        return "no bank profile fits; columns read by what they hold: " + ", ".join(parts)


def read_columns(grid: Grid) -> Reading | None:
    """A profile for `grid` read from its header words and contents, or None."""
    best: tuple[int, int, dict[str, int]] | None = None
    for index, (_, cells) in enumerate(grid[:_HEADER_SEARCH_ROWS]):
        found = _by_header(cells)
        has_amount = {"debit", "credit"} <= set(found) or "amount" in found
        if has_amount and (best is None or len(found) > len(best[2])):
            best = (index, grid[index][0], found)
    if best is None:
        return None
    index, row_number, columns = best
    header = grid[index][1]
    data = [
        cells
        for _, cells in grid[index + 1 : index + 1 + _SAMPLE_ROWS]
        if any(cells) and not _is_footer(cells)
    ]
    if not data:
        return None
    found_by = dict.fromkeys(columns, "header")
    for moved in _settle_ours_or_payers(columns, data):
        found_by[moved] = "header"
    date_formats = _confirm_date(columns, found_by, header, data)
    if date_formats is None:
        return None
    if not _confirm_amounts(columns, data):
        return None
    for field, test in (("payer_code", _is_code), ("payer_iban", _is_iban)):
        _confirm_or_find(field, test, columns, found_by, data)
    if "currency" in columns and not _mostly(columns["currency"], data, _is_currency):
        del columns["currency"]
    mode = _amount_mode(columns)
    if mode is None:
        return None
    ordered = sorted(columns.items(), key=lambda item: item[1])
    profile = MappingProfile(
        name=AUTO_NAME,
        description="columns read by their header words and contents",
        columns=tuple((field, (header[col],)) for field, col in ordered),
        optional=tuple(f for f, _ in ordered if f != "date" and f not in _needed(mode)),
        header_row=row_number,
        date_formats=date_formats,
        amount_mode=mode,
    )
    return Reading(
        profile,
        row_number,
        {f: found_by.get(f, "content") for f, _ in ordered},
        {f: header[c] for f, c in ordered},
    )


_FOOTER_WORDS = MappingProfile.__dataclass_fields__["footer_words"].default


def _is_footer(cells: list[str]) -> bool:
    """Разом, Сальдо ... rows are not data: the reader skips them too."""
    first = norm.text_key(next(c for c in cells if c))
    return any(first.startswith(word) for word in _FOOTER_WORDS)


def _needed(mode: str) -> tuple[str, ...]:
    return {
        "debit_credit": ("debit", "credit"),
        "signed": ("amount",),
        "direction": ("amount", "direction"),
    }[mode]


def _amount_mode(columns: dict[str, int]) -> str | None:
    if "debit" in columns and "credit" in columns:
        columns.pop("amount", None)
        columns.pop("direction", None)
        return "debit_credit"
    for field in ("debit", "credit", "debit_equivalent", "credit_equivalent"):
        columns.pop(field, None)
    if "amount" not in columns:
        return None
    return "direction" if "direction" in columns else "signed"


def header_field(text: str) -> tuple[str, int] | None:
    """(field, rank: how specific the match is, lower is better) a header cell names."""
    key = _key(text)
    if not key:
        return None
    for field, names in SYNONYMS.items():
        if key in names:
            return field, names.index(key)
    for field, names in SYNONYMS.items():
        for rank, name in enumerate(names):
            if _abbreviates(key, name):
                return field, rank + 100
    return None


def _key(text: str) -> str:
    return norm.header_key(text).replace("ё", "е")


def _abbreviates(key: str, name: str) -> bool:
    """'наим. контр.' abbreviates 'наименование контрагента': each word cut with a dot."""
    if "." not in key:
        return False
    short = key.replace(".", ". ").split()
    full = name.split()
    if len(short) != len(full):
        return False
    for part, word in zip(short, full, strict=True):
        if part.endswith("."):
            if len(part) < 3 or not word.startswith(part[:-1]):
                return False
        elif part != word:
            return False
    return True


def _by_header(cells: Sequence[str]) -> dict[str, int]:
    """Field -> column; where two columns name one field, the more specific name wins."""
    candidates = []
    for col, cell in enumerate(cells):
        match = header_field(cell)
        if match is not None:
            candidates.append((match[1], col, match[0]))
    found: dict[str, int] = {}
    for _, col, field in sorted(candidates):
        found.setdefault(field, col)
    return found


def _cell(cells: list[str], col: int) -> str:
    return cells[col].strip() if col < len(cells) else ""


def _values(col: int, data: list[list[str]]) -> list[str]:
    return [v for v in (_cell(c, col) for c in data) if v]


def _mostly(col: int, data: list[list[str]], test, share: float = 0.8) -> bool:  # type: ignore[no-untyped-def]
    values = _values(col, data)
    return bool(values) and sum(1 for v in values if test(v)) >= share * len(values)


def _settle_ours_or_payers(columns: dict[str, int], data: list[list[str]]) -> list[str]:
    """'Рахунок' or 'ЄДРПОУ' alone: ours when one value fills the column, else the
    payer's. Returns the fields that moved to the payer."""
    moved = []
    for ours, payers in _OURS_OR_PAYERS.items():
        col = columns.get(ours)
        if col is None or payers in columns:
            continue
        if len(set(_values(col, data))) > 1:
            columns[payers] = columns.pop(ours)
            moved.append(payers)
    return moved


def date_formats(values: list[str]) -> tuple[str, ...] | None:
    for fmt in _DATE_FORMATS:
        if all(_parses(v, fmt) for v in values):
            return (fmt,)
    return None


def _parses(value: str, fmt: str) -> bool:
    try:
        dt.datetime.strptime(norm.collapse(value), fmt)
    except ValueError:
        return False
    return True


def _confirm_date(
    columns: dict[str, int], found_by: dict[str, str], header: list[str], data: list[list[str]]
) -> tuple[str, ...] | None:
    """The date column's formats; a header column that holds no dates is replaced
    by the first column that does."""
    col = columns.get("date")
    if col is not None:
        values = _values(col, data)
        if len(values) == len(data) and (formats := date_formats(values)):
            return formats
    taken = set(columns.values())
    for other in range(max(len(c) for c in data)):
        if other in taken:
            continue
        values = _values(other, data)
        if len(values) == len(data) and (formats := date_formats(values)):
            columns["date"], found_by["date"] = other, "content"
            return formats
    return None


def _is_number(value: str) -> bool:
    try:
        norm.parse_amount(value)
    except RowError:
        return False
    return True


def _confirm_amounts(columns: dict[str, int], data: list[list[str]]) -> bool:
    for field in ("debit", "credit", "amount", "debit_equivalent", "credit_equivalent"):
        col = columns.get(field)
        # an empty column is fine (a day without debits); a word in it is not
        if col is not None and not all(_is_number(v) for v in _values(col, data)):
            if field in ("debit_equivalent", "credit_equivalent"):
                del columns[field]
                continue
            return False
    return True


def _is_code(value: str) -> bool:
    digits, _ = norm.payer_code(value)
    if len(digits) == 8:
        return stdnum_edrpou.is_valid(digits)
    return len(digits) == 10 and stdnum_rntrc.is_valid(digits)


def _is_iban(value: str) -> bool:
    text = norm.account(value)
    if not _IBAN_LIKE.match(text):
        return False
    try:
        IBAN(text)
    except SchwiftyException:
        return False
    return True


def _confirm_or_find(field, test, columns, found_by, data) -> None:  # type: ignore[no-untyped-def]
    """Keep a header's column when its values pass `test` at least half the time
    (anonymised and odd codes exist); else look for a column that does."""
    col = columns.get(field)
    if col is not None:
        if _mostly(col, data, test, share=0.5):
            return
        del columns[field]
    taken = set(columns.values())
    for other in range(max(len(c) for c in data)):
        if other in taken:
            continue
        values = _values(other, data)
        if len(values) >= len(data) / 2 and len(set(values)) > 1 and _mostly(other, data, test):
            columns[field], found_by[field] = other, "content"
            return


def _is_currency(value: str) -> bool:
    try:
        norm.currency(value)
    except RowError:
        return False
    return True

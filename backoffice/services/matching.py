"""Who paid: the matching rules of SPEC §8, as pure functions.

In order: an invoice number in the purpose, a personal account number in the
purpose, the payer's ЄДРПОУ/РНОКПП, the payer's IBAN learned from earlier
matches. The first rule that names exactly one account wins; a rule naming
two accounts leaves the line unmatched with both as candidates, because a
wrong automatic posting costs more than a line in the queue. Amount or name
alone is never enough.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Latin letters that look like Cyrillic ones: banks and payers mix them in
# purposes ("PФ-2026" with a Latin P), so both sides are folded to Latin.
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХІУ", "ABEKMHOPCTXIY")


def fold_homoglyphs(text: str) -> str:
    return text.upper().translate(_HOMOGLYPHS)


def number_regex(pattern: str) -> re.Pattern[str]:
    """`РФ-{year}-######` → a regex finding `РФ-2026-000123` in a folded
    purpose, lenient about separators (`РФ 2026 000123`, `РФ-2026/000123`)."""
    regex = ""
    for part in re.split(r"(\{year\}|#+|[-/ ._])", pattern):
        if not part:
            continue
        if part == "{year}":
            regex += r"(?:19|20)\d\d"
        elif part.startswith("#"):
            regex += rf"\d{{{len(part)}}}"
        elif part in "-/ ._":
            regex += r"[-/ ._№]?\s?"
        else:
            regex += re.escape(fold_homoglyphs(part))
    return re.compile(rf"(?<!\w){regex}(?!\d)")


def canonical_number(pattern: str, found: str) -> str:
    """The stored form of a number found leniently: its digits put back into
    the pattern (`PФ 2026 000123` → `РФ-2026-000123`)."""
    digits = re.findall(r"\d+", found)
    out = ""
    for part in re.split(r"(\{year\}|#+)", pattern):
        if part == "{year}" or part.startswith("#"):
            out += digits.pop(0) if digits else ""
        else:
            out += part
    return out


def numbers_in(folded_purpose: str, pattern: str, regex: re.Pattern[str]) -> list[str]:
    """Every number of `pattern` named in a purpose (folded with
    `fold_homoglyphs`), in stored form, in order."""
    found = [canonical_number(pattern, m.group()) for m in regex.finditer(folded_purpose)]
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Match:
    rule: str  # invoice | account | code | iban | '' (unmatched)
    account_id: int | None
    invoice_id: int | None = None
    candidates: tuple[int, ...] = ()  # account ids when a rule named several


@dataclass(frozen=True)
class Lookups:
    """What the database knows, fetched in bulk for a whole statement."""

    invoices: Mapping[str, tuple[int, int]]  # number → (invoice id, account id)
    accounts: Mapping[str, int]  # personal account number → account id
    codes: Mapping[str, Sequence[int]]  # ЄДРПОУ/РНОКПП → account ids
    ibans: Mapping[str, Sequence[int]]  # payer IBAN → account ids


def match_payment(
    invoice_numbers: Sequence[str],
    account_numbers: Sequence[str],
    payer_code: str,
    payer_iban: str,
    lookups: Lookups,
) -> Match:
    invoices = [lookups.invoices[n] for n in invoice_numbers if n in lookups.invoices]
    accounts = {account for _, account in invoices}
    if len(accounts) == 1:
        return Match("invoice", accounts.pop(), invoices[0][0])
    if len(accounts) > 1:
        return Match("", None, candidates=tuple(sorted(accounts)))
    named = {lookups.accounts[n] for n in account_numbers if n in lookups.accounts}
    if len(named) == 1:
        return Match("account", named.pop())
    if len(named) > 1:
        return Match("", None, candidates=tuple(sorted(named)))
    rules = (("code", payer_code, lookups.codes), ("iban", payer_iban, lookups.ibans))
    for rule, key, table in rules:
        owners = sorted(set(table.get(key, ()))) if key else []
        if len(owners) == 1:
            return Match(rule, owners[0])
        if len(owners) > 1:
            return Match("", None, candidates=tuple(owners))
    return Match("", None)

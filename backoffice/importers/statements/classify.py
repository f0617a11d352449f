"""Which statement lines must not become top-ups, and why (SPEC §8).

Only incoming UAH credits from someone other than ourselves are top-ups.
The rules are in the order an accountant would name the reason: a debit is
"debit" even when it is also a commission.
"""

from __future__ import annotations

import re

from backoffice.importers.statements import normalise as norm
from backoffice.importers.statements.lines import Direction, OwnCompany, StatementLine

BASE_CURRENCY = "UAH"
# State treasury accounts sit at the Treasury's bank code 899998.
_TREASURY_BANK = "899998"
# Ukrainian budget payments start with "*;101;" (tax code, ЄДРПОУ, ...).
_BUDGET_PURPOSE = re.compile(r"^\*\s*;\s*\d{3}\s*;")
_COMMISSION = re.compile(
    r"коміс|комис|commission|bank charge|плата за (?:розрахунков|обслуг)"
    r"|розрахунково-касов|рко\b"
)
_BANK_WORDS = re.compile(r"\bбанк|\bbank\b")


# Stems any commission purpose contains, checked before the costly
# normalisation of the text (most payments are not commissions).
_COMMISSION_STEMS = (
    "коміс", "комис", "комiс", "kom", "commission", "charge", "плата за розрахунков",
    "плата за обслуг", "розрахунково", "рко",
)  # fmt: skip


def _may_be_commission(purpose: str) -> bool:
    lowered = purpose.lower()
    return any(stem in lowered for stem in _COMMISSION_STEMS)


def classify(line: StatementLine, own: OwnCompany | None) -> str:
    """The skip reason for `line`, or '' when it may become a top-up."""
    if line.direction is Direction.DEBIT:
        return "debit"
    if line.currency != BASE_CURRENCY:
        return f"currency {line.currency}"
    if is_own_transfer(line, own):
        return "own transfer"
    if _may_be_commission(line.purpose):
        purpose = norm.text_key(line.purpose)
        name = norm.text_key(line.payer_name)
        looks_like_bank = bool(_BANK_WORDS.search(name)) or not (line.payer_code or line.payer_iban)
        if _COMMISSION.search(purpose) and looks_like_bank:
            return "bank commission"
    if _BUDGET_PURPOSE.match(line.purpose) or line.payer_iban[4:10] == _TREASURY_BANK:
        return "budget payment"
    return ""


def is_own_transfer(line: StatementLine, own: OwnCompany | None) -> bool:
    """Money from one of our own accounts or from our own company code."""
    codes = set(own.codes) if own else set()
    if line.our_code:
        codes.add(line.our_code)
    if line.payer_code and line.payer_code in codes:
        return True
    ibans = {norm.account(i) for i in own.ibans} if own else set()
    if line.our_account:
        ibans.add(line.our_account)
    payer = line.payer_iban
    return (
        any(norm.masked_match(ours, payer) or norm.masked_match(payer, ours) for ours in ibans)
        if payer
        else False
    )

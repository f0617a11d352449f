"""Which statement lines must not become top-ups, and why (SPEC §8).

Only three kinds of line are skipped without a person looking at them: a
debit, a line in a foreign currency, and money from our own company (our
ЄДРПОУ or one of our accounts). Words in the purpose or the payer's name
never skip a credit: proceeds of a currency sale say "КОМІСІЯ" and come from
a "БАНК", and skipping them lost real money. Such a credit gets a *hint*
instead, and when no client matches it waits in the unmatched queue where the
accountant ignores it (one by one or all with that hint) or assigns it.
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
_BANK_PURPOSE = re.compile(
    r"коміс|комис|commission|bank charge|плата за (?:розрахунков|обслуг)"
    r"|розрахунково-касов|рко\b|продаж\w* (?:іноземн\w* |иностранн\w* )?валют"
    r"|currency sale|sale of currency|відсот|процент|interest|депозит|deposit"
)
_BANK_WORDS = re.compile(r"\bбанк|\bbank\b")
# Stems checked on the lower-cased purpose before the costly normalisation (most
# purposes hold none); plain `in` tests, several times faster than one regex of them.
_STEMS = (
    "коміс", "комис", "комiс", "commission", "charge", "розрахунков", "обслуг", "рко",
    "продаж", "sale", "відсот", "вiдсот", "процент", "interest", "депозит", "deposit",
)  # fmt: skip

HINTS: dict[str, str] = {
    "bank": "looks like a bank credit: currency sale, interest, refund of commission",
    "budget": "looks like a budget payment or a treasury refund",
    "reversal": "a reversal of one of our own debits",
}
"""Hint code -> what the accountant is told in the unmatched queue."""


def classify(line: StatementLine, own: OwnCompany | None) -> str:
    """The skip reason for `line`, or '' when it may become a top-up."""
    if line.direction is Direction.DEBIT:
        return "debit"
    if line.currency != BASE_CURRENCY:
        return f"currency {line.currency}"
    if is_own_transfer(line, own):
        return "own transfer"
    return ""


def hint(line: StatementLine) -> str:
    """A hint code from HINTS for a credit that is probably not a client's payment, or ''."""
    if line.hint:
        return line.hint
    if _BUDGET_PURPOSE.match(line.purpose) or line.payer_iban[4:10] == _TREASURY_BANK:
        return "budget"
    lowered = line.purpose.lower()
    if any(stem in lowered for stem in _STEMS) and _BANK_PURPOSE.search(
        norm.text_key(line.purpose)
    ):
        return "bank"
    # "банк" may carry Latin lookalikes (а, н, к), never for its "б": test that first.
    name = line.payer_name.lower()
    if ("б" in name or "bank" in name) and _BANK_WORDS.search(norm.text_key(line.payer_name)):
        return "bank"
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

"""SWIFT MT940 customer statements, parsed by the `mt940` package.

The package merges silently what it cannot parse (a `:61:` with a typo in its
amount just vanishes), so every `:61:` line is checked here first and a bad
one is reported with its line number. The `:86:` details are read as SWIFT
`/TAG/value` pairs when they have them (ABN AMRO, SEPA), else as free text.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from typing import Any

import mt940

from backoffice.importers.statements import normalise as norm
from backoffice.importers.statements.lines import Direction, RowError, Statement, StatementLine
from backoffice.money import money

_TAG61 = re.compile(
    r"^:61:(?P<date>\d{6})(?P<entry>\d{4})?(?P<mark>R?[CD])[A-Z]?"
    r"(?P<amount>\d[\d,]{0,14})",
    re.IGNORECASE,
)
_STRUCT_TAG = re.compile(
    r"/(TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|ORDP|BENM|ID|OKPO|ADDR|"
    r"ISDT|RTRN|ULTB|ULTD|PURP|SUM|CNTP|SVCL)/"
)
_WRAP = 65  # SWIFT lines are cut at 65 characters, often mid-word


def looks_like_mt940(text: str) -> bool:
    return bool(re.search(r"^:20:", text, re.M)) and bool(
        re.search(r"^:(25|61|60[FM]):", text, re.M)
    )


def read_mt940(text: str) -> Statement:
    tag_lines = _check_tags(text)
    logging.getLogger("mt940").setLevel(logging.WARNING)
    try:
        statements = mt940.parse_statements(
            _without_statement_details(text), options=mt940.Options.all()
        )
    except Exception as exc:  # the package raises ValueError, RuntimeError, KeyError...
        raise RowError(f"not a readable MT940 statement ({exc})") from None
    transactions = [(st, tr) for st in statements for tr in st]
    if len(transactions) != len(tag_lines):
        raise RowError(
            f"{len(tag_lines)} :61: lines but {len(transactions)} transactions "
            "could be read: the file is damaged"
        )
    accounts: list[str] = []
    warnings: list[str] = []
    lines: list[StatementLine] = []
    for (st, tr), number in zip(transactions, tag_lines, strict=True):
        # ":25:/RO19INGB…": the slash only marks an account without a bank code
        account = norm.account(str(st.data.get("account_identification") or "")).lstrip("/")
        if account and account not in accounts:
            accounts.append(account)
        try:
            line = _line(tr.data, number, account)
        except RowError as exc:
            raise RowError(exc.reason, number) from None
        if line.currency == "":
            line = _with_currency(line, warnings)
        lines.append(line)
    if not statements:
        raise RowError("no :20: statement in the file")
    return Statement("", "mt940", tuple(accounts), tuple(lines), tuple(warnings))


_TAG = re.compile(r"^:(\d{2}[A-Z]?):")


def _without_statement_details(text: str) -> str:
    """The text without the `:86:` fields that do not follow a `:61:`.

    An `:86:` after `:62F:` (or `:64:`, `:65:`) describes the statement, not a
    payment; the package appends it to the last transaction's purpose, which
    would then match or mislead as if the payer had written it."""
    kept: list[str] = []
    previous = ""
    dropping = False
    for raw in text.splitlines():
        tag = _TAG.match(raw)
        if tag:
            dropping = tag.group(1) == "86" and previous != "61"
            previous = tag.group(1)
        elif raw.startswith("-") or raw.startswith("}"):
            dropping = False  # end of a message: its trailer belongs to no field
        if not dropping:
            kept.append(raw)
    return "\n".join(kept) + "\n"


def _check_tags(text: str) -> list[int]:
    """Line numbers of the :61: tags, each checked for a real date and amount."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.startswith(":61:"):
            continue
        match = _TAG61.match(raw)
        if not match:
            raise RowError(
                f"the :61: line {raw[:40]!r} has no valid date, C/D mark and amount", number
            )
        ymd = match.group("date")
        try:
            dt.date(2000 + int(ymd[:2]), int(ymd[2:4]), int(ymd[4:]))
        except ValueError:
            raise RowError(f"value date {ymd} (YYMMDD) does not exist", number) from None
        if match.group("amount").count(",") != 1:
            raise RowError(
                f"amount {match.group('amount')!r} needs exactly one decimal comma", number
            )
        found.append(number)
    return found


def _line(data: dict[str, Any], number: int, account: str) -> StatementLine:
    mark = str(data.get("status") or "").upper()
    direction = Direction.CREDIT if mark in ("C", "RD") else Direction.DEBIT
    amount_obj = data["amount"]
    amount = money(abs(Decimal(amount_obj.amount)), what="amount")
    currency = str(data.get("currency") or getattr(amount_obj, "currency", "") or "")
    details = str(data.get("transaction_details") or "")
    tags = _tags(details)
    name = data.get("applicant_name") or tags.get("NAME") or ""
    iban = data.get("applicant_iban") or tags.get("IBAN") or ""
    purpose = data.get("purpose") or tags.get("REMI") or ("" if tags else _free_text(details))
    reference = data.get("bank_reference") or ""
    if not reference and str(data.get("customer_reference") or "").upper() != "NONREF":
        reference = data.get("customer_reference") or ""
    code, warnings = norm.payer_code(tags.get("ID") or tags.get("OKPO") or "")
    extra = tuple(
        (k, v)
        for k, v in (
            ("id", data.get("id") or ""),
            ("extra_details", data.get("extra_details") or ""),
            ("end_to_end", tags.get("EREF", "")),
            ("details", details),
        )
        if v
    )
    return StatementLine(
        line_no=number,
        our_account=account,
        date=dt.date(data["date"].year, data["date"].month, data["date"].day),
        amount=amount,
        currency=norm.currency(currency) if currency else "",
        direction=direction,
        payer_name=norm.collapse(str(name)),
        payer_code=code,
        payer_iban=norm.account(str(iban)),
        purpose=norm.collapse(str(purpose)),
        bank_reference=norm.collapse(str(reference)),
        document_number="",
        hint="reversal" if mark == "RD" else "",
        extra=extra,
        warnings=warnings,
    )


def _with_currency(line: StatementLine, warnings: list[str]) -> StatementLine:
    note = "no opening balance (:60F:) names the currency; UAH assumed"
    if note not in warnings:
        warnings.append(note)
    return replace(line, currency="UAH")


def _tags(details: str) -> dict[str, str]:
    """'/NAME/X/REMI/Y' -> {'NAME': 'X', 'REMI': 'Y'}; {} for free text."""
    flat = details.replace("\r", "").replace("\n", "")
    parts = _STRUCT_TAG.split(flat)
    if len(parts) < 3:
        return {}
    out: dict[str, str] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        out.setdefault(key, value.strip().rstrip("/"))
    return out


def _free_text(details: str) -> str:
    """Join wrapped lines: a full 65-character line was cut mid-word, a shorter one was not."""
    parts = details.replace("\r", "").split("\n")
    out = parts[0]
    for previous, part in pairwise(parts):
        out += part if len(previous) >= _WRAP else " " + part
    return out

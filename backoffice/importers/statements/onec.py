"""1C ClientBankExchange 1.01-1.03 ("1CClientBankExchange" text files).

The file is a list of `Key=Value` lines with section markers:

    1CClientBankExchange        header keys (ВерсияФормата, РасчСчет=..., ...)
    СекцияРасчСчет ... КонецРасчСчет        one per account (and period)
    СекцияДокумент=<kind> ... КонецДокумента  one per payment
    КонецФайла

Russian banks write `ПлательщикИНН`/`БИК`; Ukrainian ones `ПлательщикОКПО`,
`МФО` or Ukrainian words, so each field has a list of aliases. The direction
is not in the file: a document is incoming when its recipient account is one
of the accounts the file is about (the `РасчСчет` lines). The section totals
(`ВсегоПоступило`/`ВсегоСписано`) are checked against the documents, which
catches files cut or edited by hand.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

from backoffice.importers.statements import normalise as norm
from backoffice.importers.statements.lines import Direction, RowError, Statement, StatementLine

MAGIC = "1CClientBankExchange"
_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y")
_KNOWN_VERSIONS = {"1.01", "1.02", "1.03"}

# Field -> keys that carry it, in order of preference. 'X' is replaced by the
# party prefixes: the payer (Плательщик/Платник) or recipient (Получатель/Отримувач).
_PARTY_KEYS = {
    "account": ("XСчет", "XРасчСчет", "XIBAN", "XРахунок"),
    "code": ("XИНН", "XОКПО", "XЄДРПОУ", "XЕДРПОУ", "XЕГРПОУ", "XКод"),
    "name": ("X1", "X", "XНазва", "XНаименование"),
}
_PAYER = ("Плательщик", "Платник")
_PAYEE = ("Получатель", "Отримувач")
_PURPOSE_KEYS = ("НазначениеПлатежа", "ПризначенняПлатежу", "ПризначенняПлатежа")
_REFERENCE_KEYS = ("Референс", "ИдентификаторДокумента", "ИдентификаторПлатежа")


@dataclass
class _Section:
    line: int
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class _Document:
    line: int
    kind: str
    # keys the line has no field for, kept in file order
    unknown: list[tuple[str, str]] = field(default_factory=list)
    # the first value of each key; a statement of 100,000 documents asks each
    # for some forty keys
    first: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, value: str) -> None:
        if key in _USED_KEYS:
            self.first.setdefault(key, value)
        else:
            self.unknown.append((key, value))

    def get(self, key: str) -> str | None:
        return self.first.get(key)


# Keys read into the line's fields; any other key of a document is kept in `extra`.
_USED_KEYS = frozenset(
    {"Номер", "Дата", "Сумма", "ДатаПоступило", "ДатаСписано", "Валюта"}
    | {
        pattern.replace("X", prefix)
        for prefixes in (_PAYER, _PAYEE)
        for prefix in prefixes
        for patterns in _PARTY_KEYS.values()
        for pattern in patterns
    }
    | {base + suffix for base in _PURPOSE_KEYS for suffix in ("", *map(str, range(1, 7)))}
    | set(_REFERENCE_KEYS)
)


# Purpose lines in the order they are joined: НазначениеПлатежа, …1, …2, …
_PURPOSE_ORDER = tuple(
    base + suffix for base in _PURPOSE_KEYS for suffix in ("", *map(str, range(1, 7)))
)


def looks_like_1c(text: str) -> bool:
    return text.lstrip("\ufeff \r\n\t").startswith(MAGIC)


def read_1c(text: str) -> Statement:
    """Parse the decoded text; raises RowError(reason, line) on any problem."""
    header, sections, documents = _split(text)
    warnings: list[str] = []
    version = header.get("ВерсияФормата", "")
    if version and version not in _KNOWN_VERSIONS:
        warnings.append(f"format version {version} is not 1.01-1.03; read as 1.03")
    accounts: list[str] = []
    for value in [*header_accounts(header), *(s.values.get("РасчСчет", "") for s in sections)]:
        acc = norm.account(value)
        if acc and acc not in accounts:
            accounts.append(acc)
    own = set(accounts)
    lines = [_line(doc, own, accounts) for doc in documents]
    _check_totals(sections, lines, warnings)
    return Statement("", "1c", tuple(accounts), tuple(lines), tuple(warnings))


def header_accounts(header: dict[str, str]) -> list[str]:
    return [v for k, v in header.items() if k == "РасчСчет" or k.startswith("РасчСчет#")]


def _split(text: str) -> tuple[dict[str, str], list[_Section], list[_Document]]:
    """Cut the file into header keys, account sections and documents."""
    header: dict[str, str] = {}
    sections: list[_Section] = []
    documents: list[_Document] = []
    section: _Section | None = None
    doc: _Document | None = None
    started = ended = False
    number = 0
    # One line at a time: a list of every line of a 30 MB statement would
    # double the memory the import needs.
    for number, raw in enumerate(io.StringIO(text.lstrip("\ufeff")), start=1):
        line = raw.strip()
        if not line:
            continue
        if not started:
            if line != MAGIC:
                raise RowError(f"the file does not start with {MAGIC}", number)
            started = True
            continue
        if ended:
            continue
        key, sep, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if key == "СекцияДокумент":
            _expect_closed(section, doc, number)
            doc = _Document(number, value)
        elif key == "КонецДокумента":
            if doc is None:
                raise RowError("КонецДокумента without СекцияДокумент", number)
            documents.append(doc)
            doc = None
        elif key == "СекцияРасчСчет":
            _expect_closed(section, doc, number)
            section = _Section(number)
        elif key == "КонецРасчСчет":
            if section is None:
                raise RowError("КонецРасчСчет without СекцияРасчСчет", number)
            sections.append(section)
            section = None
        elif key == "КонецФайла":
            _expect_closed(section, doc, number)
            ended = True
        elif not sep:
            raise RowError(f"expected Key=Value, found {line[:60]!r}", number)
        elif doc is not None:
            doc.add(key, value)
        elif section is not None:
            section.values.setdefault(key, value)
        else:
            # Several РасчСчет lines may stand in the header: keep them all.
            name = key if key not in header else f"{key}#{number}"
            header[name] = value
    if not started:
        raise RowError("the file is empty")
    if doc is not None:
        raise RowError("the document has no КонецДокумента: the file is truncated", doc.line)
    if section is not None:
        raise RowError(
            "the account section has no КонецРасчСчет: the file is truncated", section.line
        )
    if not ended:
        raise RowError("no КонецФайла at the end: the file is truncated", number)
    return header, sections, documents


def _expect_closed(section: _Section | None, doc: _Document | None, number: int) -> None:
    if doc is not None:
        raise RowError(f"the document started at line {doc.line} has no КонецДокумента", number)
    if section is not None:
        raise RowError(
            f"the account section started at line {section.line} has no КонецРасчСчет", number
        )


def _keys(prefixes: tuple[str, ...], what: str) -> tuple[str, ...]:
    return tuple(p.replace("X", prefix) for prefix in prefixes for p in _PARTY_KEYS[what])


# Every alias of each party field, in the order they are tried.
_ALIASES = {
    (prefixes, what): _keys(prefixes, what) for prefixes in (_PAYER, _PAYEE) for what in _PARTY_KEYS
}


def _party(doc: _Document, prefixes: tuple[str, ...], what: str) -> tuple[str, str]:
    """(key, value) of the first alias present for a party field, or ('', '')."""
    for key in _ALIASES[prefixes, what]:
        value = doc.get(key)
        if value is not None and value.strip():
            return key, value
    return "", ""


def _party_accounts(doc: _Document, prefixes: tuple[str, ...]) -> set[str]:
    found = set()
    for key in _ALIASES[prefixes, "account"]:
        value = doc.get(key)
        if value:
            found.add(norm.account(value))
    return found


def _line(doc: _Document, own: set[str], accounts: list[str]) -> StatementLine:
    payee_accounts = _party_accounts(doc, _PAYEE) & own
    payer_accounts = _party_accounts(doc, _PAYER) & own
    if payee_accounts:
        direction, counterparty, us = Direction.CREDIT, _PAYER, _PAYEE
        ours = sorted(payee_accounts)[0]
        date_key = "ДатаПоступило"
    else:
        direction, counterparty, us = Direction.DEBIT, _PAYEE, _PAYER
        ours = sorted(payer_accounts)[0] if payer_accounts else ""
        ours = ours or (accounts[0] if len(accounts) == 1 else "")
        date_key = "ДатаСписано"
    raw_date = doc.get(date_key) or doc.get("Дата") or ""
    try:
        date = norm.parse_date(raw_date, _DATE_FORMATS, what="date")
        amount = norm.parse_amount(doc.get("Сумма") or "", what="amount (Сумма)")
        currency = norm.currency(doc.get("Валюта") or "")
    except RowError as exc:
        raise RowError(exc.reason, doc.line) from None
    if amount <= 0:
        raise RowError(f"amount (Сумма) {amount} must be positive", doc.line)
    code_key, raw_code = _party(doc, counterparty, "code")
    code, warnings = norm.payer_code(raw_code)
    purpose_parts = [doc.first[key] for key in _PURPOSE_ORDER if doc.first.get(key)]
    reference = next((doc.get(k) or "" for k in _REFERENCE_KEYS if doc.get(k)), "")
    extra = (("СекцияДокумент", doc.kind), *doc.unknown)
    return StatementLine(
        line_no=doc.line,
        our_account=ours,
        date=date,
        amount=amount,
        currency=currency,
        direction=direction,
        payer_name=norm.collapse(_party(doc, counterparty, "name")[1]),
        payer_code=code,
        payer_iban=norm.account(_party(doc, counterparty, "account")[1]),
        purpose=norm.collapse(" ".join(purpose_parts)),
        bank_reference=norm.collapse(reference),
        document_number=norm.collapse(doc.get("Номер") or ""),
        extra=extra,
        warnings=tuple(f"{w} ({code_key})" for w in warnings),
        our_code=norm.payer_code(_party(doc, us, "code")[1])[0],
    )


def _check_totals(
    sections: list[_Section],
    lines: list[StatementLine],
    warnings: list[str],
) -> None:
    """Each account's documents must add up to its sections' ВсегоПоступило/ВсегоСписано."""
    by_account: dict[str, list[_Section]] = {}
    for section in sections:
        by_account.setdefault(norm.account(section.values.get("РасчСчет", "")), []).append(section)
    unattributed = sum(1 for ln in lines if not ln.our_account)
    for acc, group in by_account.items():
        for key, direction in (
            ("ВсегоПоступило", Direction.CREDIT),
            ("ВсегоСписано", Direction.DEBIT),
        ):
            stated = [s for s in group if s.values.get(key, "").strip()]
            if not stated:
                continue
            if direction is Direction.DEBIT and unattributed:
                warnings.append(
                    f"{unattributed} outgoing documents name none of our accounts; "
                    f"{key} of {acc} not checked"
                )
                continue
            try:
                total = sum(
                    (norm.parse_amount(s.values[key], what=key) for s in stated), Decimal("0.00")
                )
            except RowError as exc:
                raise RowError(exc.reason, stated[0].line) from None
            found = sum(
                (ln.amount for ln in lines if ln.our_account == acc and ln.direction is direction),
                Decimal("0.00"),
            )
            if found != total:
                raise RowError(
                    f"the documents of account {acc} add up to {found}, but the section says "
                    f"{key}={total}: the file is incomplete or was edited",
                    stated[0].line,
                )

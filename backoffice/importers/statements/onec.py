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

import re
from collections.abc import Iterator
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
    # the first value of each key a line field reads (_USED_KEYS)
    first: dict[str, str] = field(default_factory=dict)


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


_MARKERS = frozenset(
    {"СекцияДокумент", "КонецДокумента", "СекцияРасчСчет", "КонецРасчСчет", "КонецФайла"}
)


def looks_like_1c(text: str) -> bool:
    return text.lstrip("\ufeff \r\n\t").startswith(MAGIC)


def read_1c(text: str) -> Statement:
    """Parse the decoded text; raises RowError(reason, line) on any problem.

    Each document becomes a line as soon as it closes, so the file's key/value
    pairs are never all held at once (a third of the memory of a 100,000-line
    import). That needs our accounts first: they are taken from the
    `РасчСчет=` lines up front. In the odd file where that guess differs from
    what its header and sections say, or where reading with the guess fails,
    the text is read again the careful way: every document kept until the
    accounts are known, so the result and the first error reported are
    exactly what the file says."""
    guess = _accounts_named(text)
    try:
        header, sections, lines = _split(text, guess)
        accounts = _our_accounts(header, sections)
    except RowError:
        accounts = None
    if accounts != guess:
        header, sections, lines = _split(text, None)
        accounts = _our_accounts(header, sections)
    warnings: list[str] = []
    version = header.get("ВерсияФормата", "")
    if version and version not in _KNOWN_VERSIONS:
        warnings.append(f"format version {version} is not 1.01-1.03; read as 1.03")
    _check_totals(sections, lines, warnings)
    # counted over the text in one pass: a check per document cost the hot path
    without = len(lines) - len(_CURRENCY_KEY.findall(text))
    if without > 0:
        # Most 1C exports of Ukrainian banks omit it for UAH; still, say it was assumed.
        warnings.append(
            f"{without} of {len(lines)} documents name no currency (Валюта): taken as UAH"
        )
    return Statement("", "1c", tuple(accounts), tuple(lines), tuple(warnings))


_ACCOUNT_LINE = re.compile(r"^[ \t]*РасчСчет[ \t]*=(.*)$", re.MULTILINE)


def _accounts_named(text: str) -> list[str]:
    """Every `РасчСчет=` value of the file, in order: our accounts, unless a
    document carries such a key (then `read_1c` reads the file again)."""
    found: list[str] = []
    for value in _ACCOUNT_LINE.findall(text):
        acc = norm.account(value.strip())
        if acc and acc not in found:
            found.append(acc)
    return found


def _our_accounts(header: dict[str, str], sections: list[_Section]) -> list[str]:
    accounts: list[str] = []
    for value in [*header_accounts(header), *(s.values.get("РасчСчет", "") for s in sections)]:
        acc = norm.account(value)
        if acc and acc not in accounts:
            accounts.append(acc)
    return accounts


def header_accounts(header: dict[str, str]) -> list[str]:
    return [v for k, v in header.items() if k == "РасчСчет" or k.startswith("РасчСчет#")]


def _split(
    text: str, accounts: list[str] | None
) -> tuple[dict[str, str], list[_Section], list[StatementLine]]:
    """Cut the file into header keys, account sections and lines, each
    document read into its line against `accounts` when it closes; with
    `accounts` None, once the whole file is read, against the accounts its
    header and sections name."""
    header: dict[str, str] = {}
    sections: list[_Section] = []
    documents: list[StatementLine] = []
    kept: list[_Document] = []
    own = set(accounts or ())
    section: _Section | None = None
    doc: _Document | None = None
    started = ended = False
    number = 0
    for number, raw in enumerate(_text_lines(text.lstrip("\ufeff")), start=1):
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
        if doc is not None and sep and key not in _MARKERS:
            # most lines of a file: a key of the open document
            if key in _USED_KEYS:
                doc.first.setdefault(key, value)
            else:
                doc.unknown.append((key, value))
            continue
        if key == "СекцияДокумент":
            _expect_closed(section, doc, number)
            doc = _Document(number, value)
        elif key == "КонецДокумента":
            if doc is None:
                raise RowError("КонецДокумента without СекцияДокумент", number)
            if accounts is None:
                kept.append(doc)
            else:
                documents.append(_line(doc, own, accounts))
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
    if accounts is None:
        named = _our_accounts(header, sections)
        documents = [_line(doc, set(named), named) for doc in kept]
    return header, sections, documents


def _text_lines(text: str, block: int = 1 << 20) -> Iterator[str]:
    """The lines of `text` (split at LF; CR is stripped by the caller), a
    block of about a megabyte at a time: a list of every line of a 30 MB
    statement, or a StringIO copy of it, would double the memory the import
    needs."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + block)
        end = size if end < 0 else end + 1
        lines = text[start:end].split("\n")
        if end < size or text.endswith("\n"):
            lines.pop()  # the empty piece after the block's final LF
        yield from lines
        start = end


def _expect_closed(section: _Section | None, doc: _Document | None, number: int) -> None:
    if doc is not None:
        raise RowError(f"the document started at line {doc.line} has no КонецДокумента", number)
    if section is not None:
        raise RowError(
            f"the account section started at line {section.line} has no КонецРасчСчет", number
        )


def _keys(prefixes: tuple[str, ...], what: str) -> tuple[str, ...]:
    return tuple(p.replace("X", prefix) for prefix in prefixes for p in _PARTY_KEYS[what])


# Each key a line field reads → (field, rank): the field it feeds and its
# preference among the aliases (0 first). A document is read in one pass over
# its keys instead of asking for each of some forty aliases.
_FIELD_OF: dict[str, tuple[str, int]] = {}
for _side, _prefixes in (("payer", _PAYER), ("payee", _PAYEE)):
    for _what in _PARTY_KEYS:
        for _rank, _key in enumerate(_keys(_prefixes, _what)):
            _FIELD_OF.setdefault(_key, (f"{_side} {_what}", _rank))
for _rank, _key in enumerate(_PURPOSE_ORDER):
    _FIELD_OF.setdefault(_key, ("purpose", _rank))
for _rank, _key in enumerate(_REFERENCE_KEYS):
    _FIELD_OF.setdefault(_key, ("reference", _rank))
for _key in ("Номер", "Дата", "Сумма", "ДатаПоступило", "ДатаСписано", "Валюта"):
    _FIELD_OF.setdefault(_key, (_key, 0))


class _Fields:
    """A document's values by field: the preferred non-empty alias of each,
    every account named for each party, the purpose parts in order."""

    __slots__ = ("accounts", "best", "purpose")

    def __init__(self, doc: _Document) -> None:
        self.best: dict[str, tuple[int, str, str]] = {}
        self.accounts: dict[str, set[str]] = {"payer": set(), "payee": set()}
        purpose: list[tuple[int, str]] = []
        best = self.best
        for key, value in doc.first.items():
            if not value:
                continue
            field, rank = _FIELD_OF[key]
            if field == "purpose":
                purpose.append((rank, value))
                continue
            if field == "payer account" or field == "payee account":
                self.accounts[field[:5]].add(norm.account(value))
            held = best.get(field)
            if held is None or rank < held[0]:
                best[field] = (rank, value, key)
        purpose.sort()
        self.purpose = [value for _, value in purpose]

    def value(self, field: str) -> str:
        held = self.best.get(field)
        return held[1] if held is not None else ""

    def key(self, field: str) -> str:
        held = self.best.get(field)
        return held[2] if held is not None else ""


# The fields of each side of a payment: (code, name, account)
_SIDE_FIELDS = {
    side: (f"{side} code", f"{side} name", f"{side} account") for side in ("payer", "payee")
}


def _line(doc: _Document, own: set[str], accounts: list[str]) -> StatementLine:
    fields = _Fields(doc)
    value = fields.value
    payee_accounts = fields.accounts["payee"] & own
    payer_accounts = fields.accounts["payer"] & own
    if payee_accounts:
        direction, counterparty, us = Direction.CREDIT, "payer", "payee"
        ours = min(payee_accounts)
        date_key = "ДатаПоступило"
    else:
        direction, counterparty, us = Direction.DEBIT, "payee", "payer"
        ours = min(payer_accounts) if payer_accounts else ""
        ours = ours or (accounts[0] if len(accounts) == 1 else "")
        date_key = "ДатаСписано"
    code_field, name_field, account_field = _SIDE_FIELDS[counterparty]
    raw_date = value(date_key) or value("Дата")
    try:
        date = norm.parse_date(raw_date, _DATE_FORMATS, what="date")
        amount = norm.parse_amount(value("Сумма"), what="amount (Сумма)")
        currency = norm.currency(value("Валюта"))
    except RowError as exc:
        raise RowError(exc.reason, doc.line) from None
    if amount <= 0:
        raise RowError(f"amount (Сумма) {amount} must be positive", doc.line)
    code, warnings = norm.payer_code(value(code_field))
    return StatementLine(
        line_no=doc.line,
        our_account=ours,
        date=date,
        amount=amount,
        currency=currency,
        direction=direction,
        payer_name=norm.collapse(value(name_field)),
        payer_code=code,
        payer_iban=norm.account(value(account_field)),
        purpose=norm.collapse(" ".join(fields.purpose)),
        bank_reference=norm.collapse(value("reference")),
        document_number=norm.collapse(value("Номер")),
        extra=(("СекцияДокумент", doc.kind), *doc.unknown),
        warnings=tuple(f"{w} ({fields.key(code_field)})" for w in warnings) if warnings else (),
        our_code=norm.payer_code(value(_SIDE_FIELDS[us][0]))[0],
    )


_CURRENCY_KEY = re.compile(r"^Валюта=\s*\S", re.MULTILINE)


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

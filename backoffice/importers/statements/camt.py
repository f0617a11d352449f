"""ISO 20022 camt.053 (statement) and camt.054 (debit/credit notification).

Read with defusedxml, which refuses DTDs, entity expansion and external
references: a statement never needs them, and a "billion laughs" file would
otherwise eat the workstation's memory. Element names are matched by their
local name, so every camt version (001.02 ... 001.13) reads the same way.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from backoffice.importers.statements import normalise as norm
from backoffice.importers.statements.lines import Direction, RowError, Statement, StatementLine

_DATE_FORMATS = ("%Y-%m-%d",)
_ENTRY_START = re.compile(rb"<(?:[\w.-]+:)?Ntry[\s>]")


def camt_kind(data: bytes) -> str | None:
    """'camt053' / 'camt054' / 'camt052' from the namespace, None if not camt."""
    head = data[:4096]
    match = re.search(rb"camt\.(05[234])", head)
    return f"camt{match.group(1).decode()}" if match else None


def parse_xml(data: bytes) -> ET.Element:
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise RowError(
            f"the XML uses a DTD or entities, which statements never need: "
            f"refused for safety ({type(exc).__name__})"
        ) from None
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise RowError(
            f"not well-formed XML ({exc.msg if hasattr(exc, 'msg') else exc})", line
        ) from None


def read_camt(data: bytes) -> Statement:
    root = parse_xml(data)
    kind = camt_kind(data) or "camt053"
    if _local(root.tag) != "Document":
        raise RowError(f"the XML root is <{_local(root.tag)}>, not a camt <Document>", 1)
    # Entries appear in document order; their start lines come from the raw
    # bytes because ElementTree keeps no line numbers.
    starts = [data.count(b"\n", 0, m.start()) + 1 for m in _ENTRY_START.finditer(data)]
    accounts: list[str] = []
    lines: list[StatementLine] = []
    index = 0
    reports = [el for el in root.iter() if _local(el.tag) in ("Stmt", "Ntfctn", "Rpt")]
    if not reports:
        raise RowError("no <Stmt>, <Ntfctn> or <Rpt> in the camt file")
    for report in reports:
        account = norm.account(
            _text(report, "Acct", "Id", "IBAN") or _text(report, "Acct", "Id", "Othr", "Id")
        )
        report_ccy = _text(report, "Acct", "Ccy")
        if account and account not in accounts:
            accounts.append(account)
        for entry in _children(report, "Ntry"):
            number = starts[index] if index < len(starts) else 1
            index += 1
            try:
                lines.extend(_entry_lines(entry, number, account, report_ccy))
            except RowError as exc:
                raise RowError(exc.reason, number) from None
    return Statement("", kind, tuple(accounts), tuple(lines), ())


def _entry_lines(entry: ET.Element, number: int, account: str, ccy: str) -> list[StatementLine]:
    indicator = _text(entry, "CdtDbtInd")
    if indicator not in ("CRDT", "DBIT"):
        raise RowError(f"CdtDbtInd {indicator!r} is neither CRDT nor DBIT")
    reversal = _text(entry, "RvslInd").lower() == "true"
    # With RvslInd the indicator already gives the direction of this booking
    # (a CRDT reversal returns money debited before): not a client's payment.
    credit = indicator == "CRDT"
    amount_el = _first(entry, "Amt")
    if amount_el is None:
        raise RowError("the entry has no <Amt>")
    date_text = (
        _text(entry, "BookgDt", "Dt")
        or _text(entry, "BookgDt", "DtTm")[:10]
        or _text(entry, "ValDt", "Dt")
        or _text(entry, "ValDt", "DtTm")[:10]
    )
    date = norm.parse_date(date_text, _DATE_FORMATS, what="booking date")
    entry_ref = _text(entry, "AcctSvcrRef") or _text(entry, "NtryRef")
    details = [tx for d in _children(entry, "NtryDtls") for tx in _children(d, "TxDtls")]
    # A batch entry lists its transactions; split it when each names its own amount.
    split = len(details) > 1 and all(_tx_amount(tx) is not None for tx in details)
    parts = details if split else [details[0] if details else None]
    out = []
    for tx in parts:
        amount_src = _tx_amount(tx) if split and tx is not None else amount_el
        assert amount_src is not None
        amount = norm.parse_amount(amount_src.text or "", what="amount (Amt)", decimal_comma=False)
        if amount <= 0:
            raise RowError(f"amount (Amt) {amount} must be positive")
        party = "Dbtr" if credit else "Cdtr"
        code, warnings = norm.payer_code(_party_code(tx, party))
        tx_ref = _text(tx, "Refs", "AcctSvcrRef") if tx is not None else ""
        reference = tx_ref if split else (entry_ref or tx_ref)
        out.append(
            StatementLine(
                line_no=number,
                our_account=account,
                date=date,
                amount=amount,
                currency=norm.currency(amount_src.get("Ccy") or ccy),
                direction=Direction.CREDIT if credit else Direction.DEBIT,
                payer_name=norm.collapse(_party_name(tx, party)),
                payer_code=code,
                payer_iban=norm.account(
                    _text(tx, "RltdPties", party + "Acct", "Id", "IBAN")
                    or _text(tx, "RltdPties", party + "Acct", "Id", "Othr", "Id")
                ),
                purpose=norm.collapse(" ".join(_texts(tx, "RmtInf", "Ustrd"))),
                bank_reference=norm.collapse(reference),
                document_number=norm.collapse(
                    _text(tx, "Refs", "EndToEndId").replace("NOTPROVIDED", "")
                ),
                skip_reason="reversal" if reversal else "",
                warnings=warnings,
            )
        )
    return out


def _tx_amount(tx: ET.Element | None) -> ET.Element | None:
    if tx is None:
        return None
    found = _path(tx, "AmtDtls", "TxAmt", "Amt")
    return found[0] if found else next(iter(_children(tx, "Amt")), None)


def _party_name(tx: ET.Element | None, party: str) -> str:
    # camt.053.001.08+ wraps the party in <Pty>; older versions do not.
    return _text(tx, "RltdPties", party, "Nm") or _text(tx, "RltdPties", party, "Pty", "Nm")


def _party_code(tx: ET.Element | None, party: str) -> str:
    for base in (("RltdPties", party), ("RltdPties", party, "Pty")):
        for kind in ("OrgId", "PrvtId"):
            value = _text(tx, *base, "Id", kind, "Othr", "Id")
            if value:
                return value
    return ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ET.Element | None, name: str) -> list[ET.Element]:
    return [c for c in el if _local(c.tag) == name] if el is not None else []


def _path(el: ET.Element | None, *names: str) -> list[ET.Element]:
    current = [el] if el is not None else []
    for name in names:
        current = [c for parent in current for c in _children(parent, name)]
    return current


def _iter_texts(el: ET.Element | None, names: tuple[str, ...]) -> Iterator[str]:
    for found in _path(el, *names):
        if found.text and found.text.strip():
            yield found.text.strip()


def _texts(el: ET.Element | None, *names: str) -> list[str]:
    return list(_iter_texts(el, names))


def _text(el: ET.Element | None, *names: str) -> str:
    return next(_iter_texts(el, names), "")


def _first(el: ET.Element, name: str) -> ET.Element | None:
    found = _children(el, name)
    return found[0] if found else None

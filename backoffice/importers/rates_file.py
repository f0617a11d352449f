"""Exchange-rate files: NBU open-data JSON and XML, and plain CSV.

A pure function from bytes to rate rows. Numbers are parsed straight to
`Decimal` (json's parse_float), never through float.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import Decimal

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from backoffice.errors import InputError
from backoffice.money import rate as make_rate


@dataclass(frozen=True)
class RateRow:
    day: dt.date
    currency: str
    rate: Decimal
    where: str  # "line 3", "item 2": for messages


def parse_rates(data: bytes, name: str) -> list[RateRow]:
    text = _decode(data, name)
    stripped = text.lstrip()
    if not stripped:
        raise InputError(f"{name}: the file is empty")
    if stripped[0] in "[{":
        return _parse_json(stripped, name)
    if stripped[0] == "<":
        return _parse_xml(data, name)
    return _parse_csv(text, name)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1251")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not a text file") from None


def _parse_json(text: str, name: str) -> list[RateRow]:
    try:
        items = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: line {exc.lineno}: broken JSON: {exc.msg}") from None
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise InputError(f"{name}: expected a list of NBU rate objects")
    rows = []
    for index, item in enumerate(items, start=1):
        where = f"item {index}"
        if not isinstance(item, dict):
            raise InputError(f"{name}: {where}: not an object")
        rows.append(_row(name, where, item.get("exchangedate"), item.get("cc"), item.get("rate")))
    return rows


def _parse_xml(data: bytes, name: str) -> list[RateRow]:
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise InputError(f"{name}: refused unsafe XML ({type(exc).__name__})") from None
    except ElementTree.ParseError as exc:
        line = exc.position[0] if exc.position else "?"
        raise InputError(f"{name}: line {line}: broken XML: {exc}") from None
    elements = root.findall(".//currency")
    if not elements:
        raise InputError(f"{name}: no <currency> elements")
    return [
        _row(
            name,
            f"currency element {index}",
            element.findtext("exchangedate"),
            element.findtext("cc"),
            element.findtext("rate"),
        )
        for index, element in enumerate(elements, start=1)
    ]


def _parse_csv(text: str, name: str) -> list[RateRow]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines = [line for line in reader]
    if not lines:
        raise InputError(f"{name}: the file is empty")
    header = [cell.strip().lower() for cell in lines[0]]
    columns = {}
    for field, aliases in {
        "date": ("date", "exchangedate"),
        "currency": ("currency", "cc"),
        "rate": ("rate",),
    }.items():
        found = [header.index(a) for a in aliases if a in header]
        if not found:
            raise InputError(f"{name}: line 1: header needs columns date, currency, rate")
        columns[field] = found[0]
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(header):
            raise InputError(f"{name}: line {number}: expected {len(header)} columns")
        rows.append(
            _row(
                name,
                f"line {number}",
                cells[columns["date"]],
                cells[columns["currency"]],
                cells[columns["rate"]],
            )
        )
    return rows


def _row(name: str, where: str, day: object, currency: object, value: object) -> RateRow:
    if day is None or currency is None or value is None:
        raise InputError(f"{name}: {where}: needs exchangedate, cc and rate")
    parsed_day = _date(str(day), f"{name}: {where}")
    code = str(currency).strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise InputError(f"{name}: {where}: currency {code!r} is not a 3-letter code")
    try:
        parsed_rate = make_rate(value if isinstance(value, Decimal) else str(value).strip())
    except InputError as exc:
        raise InputError(f"{name}: {where}: {exc}") from None
    return RateRow(parsed_day, code, parsed_rate, where)


def _date(text: str, where: str) -> dt.date:
    text = text.strip()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise InputError(f"{where}: date {text!r} is not a valid date")

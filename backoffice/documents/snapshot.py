"""A document record as a fixed, hashable text (SPEC §10, §11: fixed documents).

An issued invoice or act states what it states for good: its record is
written once as canonical JSON (keys sorted, no spaces, amounts and dates as
strings) and the SHA-256 of that text is kept beside it, so `check` can prove
that no issued document changed. Every later print reads the record back from
this text, never from today's settings or client card.

`VERSION` is the shape of the text: a record field added later reads back as
its default from an older snapshot, so old snapshots stay readable unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import types
import typing
from decimal import Decimal
from typing import Any

from backoffice.documents.records import (
    ActDocument,
    DocumentLine,
    InvoiceDocument,
    Party,
    ReconciliationDocument,
    ReconciliationRow,
)

VERSION = 2
"""The snapshot text's shape; stored with each snapshot."""

Record = InvoiceDocument | ActDocument | ReconciliationDocument

KINDS: dict[str, type[Record]] = {
    "invoice": InvoiceDocument,
    "act": ActDocument,
    # a reconciliation statement (the kind column holds 12 characters)
    "reconcile": ReconciliationDocument,
}
"""Snapshot kind → the record it holds."""

NOT_STATED = frozenset({"cancelled"})
"""Record fields that are the document's state today, not what it states:
never part of a snapshot (a cancelled invoice keeps its snapshot)."""


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if f.init and f.name not in NOT_STATED
        )
    return names


def _plain(value: Any) -> Any:
    # Type checks in the order values come (strings and amounts first): the
    # closing fixes some 90,000 acts at once, so this is a hot path.
    kind = type(value)
    if kind is str or value is None or kind is bool or kind is int:
        return value
    if kind is Decimal:
        return str(value)
    if kind is dt.date:
        return value.isoformat()
    if kind is list or kind is tuple:
        return [_plain(v) for v in value]
    if kind is Party:
        return _party(value)
    if dataclasses.is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in _fields(kind)}
    return value


_PARTIES: dict[Party, dict[str, Any]] = {}


def _party(party: Party) -> dict[str, Any]:
    """A party as plain data; our company is the same on every document of a
    bulk run, so its few last forms are kept (a Party is frozen and hashable)."""
    plain = _PARTIES.get(party)
    if plain is None:
        plain = {name: _plain(getattr(party, name)) for name in _fields(Party)}
        if party.kind == "":  # ours: recurs; a buyer's would only fill the memo
            if len(_PARTIES) >= 8:
                _PARTIES.clear()
            _PARTIES[party] = plain
    return plain


def plain(record: Any) -> Any:
    """A record (or a part of one, e.g. a Party) as the plain data `canonical`
    encodes."""
    return _plain(record)


def canonical(doc: Record) -> str:
    """The record as canonical JSON: what is hashed and stored."""
    return json.dumps(_plain(doc), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(text: str) -> str:
    """SHA-256 of the snapshot text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read(kind: str, text: str) -> Record:
    """The record a snapshot holds."""
    record: Record = _build(KINDS[kind], json.loads(text))
    return record


_HINTS: dict[type, dict[str, Any]] = {}


def _build(cls: type, data: dict[str, Any]) -> Any:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.init and f.name in data:
            values[f.name] = _value(hints[f.name], data[f.name])
    return cls(**values)


def _value(hint: Any, raw: Any) -> Any:
    if raw is None:
        return None
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(a for a in args if a is not type(None))
        args = typing.get_args(hint)
    if hint is Decimal:
        return Decimal(raw)
    if hint is dt.date:
        return dt.date.fromisoformat(raw)
    if hint is Party:
        return _build(Party, raw)
    if args and args[0] in (DocumentLine, ReconciliationRow):
        return [_build(args[0], line) for line in raw]
    if args and args[0] is str:
        return tuple(raw)
    return raw

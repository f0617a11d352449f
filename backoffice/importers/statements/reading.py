"""The entry points: bytes or a path in, a whole `Statement` or one error out.

All or nothing: any problem raises `StatementFileError` naming the file, the
line and the reason, and nothing of the file is returned (SPEC §8).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from backoffice.bulk import paused_gc
from backoffice.importers.statements import detect
from backoffice.importers.statements import normalise as norm
from backoffice.importers.statements.camt import read_camt
from backoffice.importers.statements.classify import classify, hint
from backoffice.importers.statements.encoding import decode_text
from backoffice.importers.statements.lines import (
    MAX_STATEMENT_BYTES,
    OwnCompany,
    RowError,
    Statement,
    StatementFileError,
    StatementLine,
)
from backoffice.importers.statements.onec import read_1c
from backoffice.importers.statements.profiles import BUILTIN_PROFILES, MappingProfile, names_of
from backoffice.importers.statements.registry import read_registry
from backoffice.importers.statements.swift_mt940 import read_mt940
from backoffice.importers.statements.tabular import bind, read_rows

FIXED_FORMATS = ("auto", "1c", "mt940", "camt053", "camt054", "registry")


def read_statement(
    data: bytes,
    file_name: str,
    format: str = "auto",
    profiles: Sequence[MappingProfile] = (),
    own: OwnCompany | None = None,
) -> Statement:
    """Read a statement of any supported format; see the package docstring."""
    if len(data) > MAX_STATEMENT_BYTES:
        raise StatementFileError(file_name, _too_big(len(data)))
    known = (*profiles, *BUILTIN_PROFILES)
    with paused_gc():
        return _classified(data, file_name, format, known, own)


def _classified(
    data: bytes,
    file_name: str,
    format: str,
    known: Sequence[MappingProfile],
    own: OwnCompany | None,
) -> Statement:
    try:
        statement = _read(data, format, known)
    except RowError as exc:
        # A foreign statement is refused as foreign, whatever its rows hold.
        _refuse_foreign(file_name, exc.accounts, own)
        raise StatementFileError(file_name, exc.reason, exc.line) from None
    _refuse_foreign(file_name, statement.accounts, own)
    # Our own accounts in the file count as ours when telling own transfers.
    own_accounts = frozenset(a for a in statement.accounts if a)
    effective = OwnCompany(
        codes=own.codes if own else frozenset(),
        ibans=(own.ibans if own else frozenset()) | own_accounts,
    )
    lines = tuple(_with_skip_reason(line, effective) for line in statement.lines)
    return replace(statement, file_name=file_name, lines=lines)


def _refuse_foreign(file_name: str, accounts: Sequence[str], own: OwnCompany | None) -> None:
    """The statement's own accounts (title, header, rows) must all be ours."""
    if own is None or not own.ibans:
        return  # who we are is not known here: the service refuses the import then
    ours = frozenset(norm.account(i) for i in own.ibans)
    for account in accounts:
        if account and not norm.is_own_account(account, ours):
            raise StatementFileError(
                file_name,
                f"the statement is for account {account}, which is not ours "
                "(company.iban, company.accounts)",
            )


def _with_skip_reason(line: StatementLine, own: OwnCompany) -> StatementLine:
    if line.skip_reason:
        return line
    reason = classify(line, own)
    if reason:
        return replace(line, skip_reason=reason)
    found = hint(line)
    return replace(line, hint=found) if found != line.hint else line


def read_statement_file(
    path: Path,
    format: str = "auto",
    profiles: Sequence[MappingProfile] = (),
    own: OwnCompany | None = None,
) -> Statement:
    """Read a statement file; its size is checked before a byte is read."""
    path = Path(path)
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise StatementFileError(name, "file not found") from None
    except OSError as exc:
        raise StatementFileError(name, f"cannot open the file ({exc.strerror})") from None
    if not path.is_file():
        raise StatementFileError(name, "not a file")
    if info.st_size > MAX_STATEMENT_BYTES:
        raise StatementFileError(name, _too_big(info.st_size))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StatementFileError(name, f"cannot read the file ({exc.strerror})") from None
    return read_statement(data, name, format, profiles, own)


def fingerprints(statement: Statement) -> list[str]:
    """One stable id per line, for "already imported" checks across files.

    With a bank reference the id is the reference plus the account, date,
    amount, currency and direction: the reference alone is not trusted, since
    an MT940 customer reference ("INV-1") can repeat on another day, and
    trusting it would drop a real payment as a duplicate. Without one, every
    field that describes the payment. The occurrence number (#1, #2 ...) tells
    apart identical lines within one file (two equal payments on one day are
    two payments), while a re-import or an overlapping file gives the same ids.
    """
    seen: Counter[str] = Counter()
    out = []
    for line in statement.lines:
        parts = [
            line.our_account,
            line.date.isoformat(),
            str(line.amount),
            line.currency,
            line.direction.value,
        ]
        if line.bank_reference:
            parts = ["ref", line.bank_reference, *parts]
        else:
            parts = [
                "doc",
                *parts,
                line.payer_iban,
                line.payer_code,
                line.document_number,
                line.purpose,
            ]
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
        seen[digest] += 1
        out.append(f"{digest}#{seen[digest]}")
    return out


def _read(data: bytes, format: str, profiles: Sequence[MappingProfile]) -> Statement:
    # user profiles override built-ins; the built-ins' old ids (layout-a…) still work
    by_name = {n: p for p in reversed(profiles) for n in reversed(names_of(p))}
    if format not in FIXED_FORMATS and format not in by_name:
        names = ", ".join([*FIXED_FORMATS, *dict.fromkeys(p.name for p in profiles)])
        raise RowError(f"unknown statement format {format!r}; known: {names}")
    kind = detect.sniff(data)
    if format == "auto":
        format = kind if kind in ("1c", "mt940", "camt053", "camt054", "camt052") else "table"
    if format == "1c":
        return read_1c(decode_text(data)[0])
    if format == "mt940":
        return read_mt940(decode_text(data)[0])
    if format.startswith("camt"):
        return read_camt(data)
    if kind not in detect.TABLE_KINDS:
        raise RowError(f"this is a {kind} file, not a table for format {format!r}")
    profile = by_name.get(format)
    grid = detect.read_grid(data, kind, profile)
    if format == "registry" or (format == "table" and detect.is_registry(grid)):
        return read_registry(grid)
    if profile is None:
        layout = detect.choose_profile(grid, [p for p in profiles if by_name[p.name] is p], kind)
    else:
        layout, why = bind(profile, grid)
        if layout is None:
            raise RowError(why)
    return read_rows(grid, layout)


def _too_big(size: int) -> str:
    mib = 1024 * 1024
    return (
        f"the file is {size / mib:.0f} MB, more than the {MAX_STATEMENT_BYTES // mib} MB "
        "a statement may have; split it by period"
    )

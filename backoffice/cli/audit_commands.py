"""`audit list`: who changed what, when, from where, before → after (SPEC §14, §16)."""

from __future__ import annotations

import argparse

from backoffice.cli.commands import _engine
from backoffice.cli.output import print_json, print_table
from backoffice.db.engine import UnitOfWork
from backoffice.errors import InputError
from backoffice.services import audit

_CHANGE_WIDTH = 80


def audit_list(args: argparse.Namespace) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise InputError(f"--from {args.date_from} is after --to {args.date_to}")
    query = audit.AuditQuery(
        date_from=args.date_from,
        date_to=args.date_to,
        user=args.user or "",
        action=args.action or "",
        text=args.text or "",
    )
    with UnitOfWork(_engine(args), read_only=True) as uow:
        found = audit.entries(uow, query)
    if args.json:
        print_json([entry.as_json() for entry in found])
        return 0
    print_table(
        ("at (UTC)", "user", "workstation", "action", "object", "before → after"),
        [
            (e.at.isoformat(sep=" "), e.user, e.workstation, e.action, e.object, _change(e))
            for e in found
        ],
    )
    return 0


def _change(entry: audit.AuditEntry) -> str:
    """Before → after on one line, cut to a terminal's width (--json has it whole)."""
    before, after = entry.before or "", entry.after or ""
    text = f"{before} → {after}" if before else after
    text = " ".join(text.split())
    return text if len(text) <= _CHANGE_WIDTH else text[: _CHANGE_WIDTH - 1] + "…"

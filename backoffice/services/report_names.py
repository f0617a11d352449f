"""The Excel reports `export` offers (SPEC §13), by name, with what each takes;
kept apart so the command line and the window can list them without loading
the report code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportKind:
    description: str
    period: bool = False  # takes --from/--to (or --month)
    account: bool = False  # takes --account (required when `needs_account`)
    needs_account: bool = False


REPORT_KINDS: dict[str, ReportKind] = {
    "turnover": ReportKind("turnover balance sheet", period=True),
    "ledger": ReportKind("ledger entries", period=True, account=True),
    "acts": ReportKind("acts register", period=True),
    "invoices": ReportKind("invoices register with status", period=True),
    "debtors": ReportKind("debtors and blocked accounts"),
    "revenue": ReportKind("revenue by month, plan and service", period=True),
    "unmatched": ReportKind("unmatched payments"),
    "rates": ReportKind("NBU rates used", period=True),
    "closings": ReportKind("closing journal"),
    "reconciliation": ReportKind(
        "reconciliation statement", period=True, account=True, needs_account=True
    ),
}


def _usage(kind: ReportKind) -> str:
    options = (["--from", "--to"] if kind.period else []) + (["--account"] if kind.account else [])
    return f"{kind.description} ({', '.join(options)})" if options else kind.description


REPORTS: dict[str, str] = {name: _usage(kind) for name, kind in REPORT_KINDS.items()}

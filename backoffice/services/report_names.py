"""The Excel reports `export` offers (SPEC §13), by name; kept apart so the
command line can list them without loading the report code."""

REPORTS: dict[str, str] = {
    "turnover": "turnover balance sheet (--from, --to)",
    "ledger": "ledger entries (--from, --to, --account, --kind)",
    "acts": "acts register (--from, --to)",
    "invoices": "invoices register with status (--from, --to)",
    "debtors": "debtors and blocked accounts",
    "revenue": "revenue by month, plan and service (--from, --to)",
    "unmatched": "unmatched payments",
    "rates": "NBU rates used (--from, --to)",
    "closings": "closing journal",
    "reconciliation": "reconciliation statement (--account, --from, --to)",
}

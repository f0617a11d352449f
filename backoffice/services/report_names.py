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


# Every code a report may show, in the reader's words (SPEC §13: never an
# internal code). One table for all reports; `reader_words` falls back to
# the code only for a value nobody foresaw, and the tests scan every cell of
# every report against these codes.
ENTRY_KIND_WORDS: dict[str, str] = {
    "topup_bank": "Поповнення (банк)",
    "topup_processor": "Поповнення (платіжний сервіс)",
    "topup_manual": "Поповнення (вручну)",
    "opening_balance": "Вхідний залишок",
    "bonus": "Бонус",
    "debit_activation": "Активація",
    "debit_renewal": "Продовження",
    "debit_option": "Опції",
    "debit_overage": "Перевищення",
    "debit_daily": "Щоденне списання",
    "refund_proration": "Повернення за невикористані дні",
    "expiry": "Згоряння залишку",
    "reversal": "Сторно",
    "correction": "Коригування",
}
INVOICE_KIND_WORDS: dict[str, str] = {
    "activation": "Активація",
    "options": "Опції",
    "renewal": "Продовження",
    "topup": "Поповнення",
    "service": "Послуга за замовленням",
}
INVOICE_STATUS_WORDS: dict[str, str] = {
    "issued": "виставлено",
    "partially_paid": "оплачено частково",
    "paid": "оплачено",
    "overdue": "прострочено",
    "cancelled": "анульовано",
}
ACCESS_WORDS: dict[str, str] = {"active": "активний", "blocked": "заблоковано"}
BLOCK_REASON_WORDS: dict[str, str] = {
    "suspended": "призупинено",
    "unpaid_renewal": "не оплачено продовження",
    "insufficient_funds": "недостатньо коштів",
    "period_ended": "період закінчився",
    "balance_expired": "залишок згорів",
    "limit_exceeded": "перевищено ліміт",
}
SUBSCRIPTION_STATUS_WORDS: dict[str, str] = {
    "pending": "очікує оплати",
    "active": "діє",
    "blocked": "заблоковано",
    "suspended": "призупинено",
    "ended": "завершено",
}
ACT_STATE_WORDS: dict[str, str] = {"live": "чинний", "cancelled": "анульовано"}

READER_WORDS: dict[str, str] = {
    **SUBSCRIPTION_STATUS_WORDS,
    **ACCESS_WORDS,
    **INVOICE_STATUS_WORDS,
    **BLOCK_REASON_WORDS,
    **INVOICE_KIND_WORDS,
    **ENTRY_KIND_WORDS,
}
"""Every internal code → the reader's words (kinds, statuses, reasons)."""


def reader_words(code: str | None, table: dict[str, str] | None = None) -> str:
    """The reader's words for a code ('' for none)."""
    if not code:
        return ""
    return (table or READER_WORDS).get(code, READER_WORDS.get(code, code))

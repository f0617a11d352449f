"""The columns of the statement batches and of the unmatched queue."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication

from backoffice.exports import ColumnKind
from backoffice.services.statements import BatchView, UnmatchedLine
from ui.record_table import RecordColumn

K = ColumnKind
_CONTEXT: Final = "StatementLists"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def batch_columns() -> tuple[RecordColumn[BatchView], ...]:
    return (
        RecordColumn(_tr("Batch"), lambda b: b.id, K.INTEGER, "Пакет", sample="00000"),
        RecordColumn(
            _tr("File"), lambda b: b.file_name, K.TEXT, "Файл", tooltip=lambda b: b.file_name
        ),
        RecordColumn(_tr("Format"), lambda b: b.format, K.TEXT, "Формат", sample="camt053"),
        RecordColumn(
            _tr("Imported"),
            lambda b: b.imported_at,
            K.DATETIME,
            "Імпортовано",
            sample="00.00.0000 00:00",
        ),
        RecordColumn(_tr("By"), lambda b: b.imported_by, K.TEXT, "Ким", sample="accountant"),
        RecordColumn(_tr("New"), lambda b: b.new, K.INTEGER, "Нових", sample="00000"),
        RecordColumn(_tr("Dupl."), lambda b: b.duplicate, K.INTEGER, "Дублів", sample="0000"),
        RecordColumn(_tr("Skipped"), lambda b: b.skipped, K.INTEGER, "Пропущено", sample="0000"),
        RecordColumn(_tr("Matched"), lambda b: b.matched, K.INTEGER, "Розпізнано", sample="0000"),
        RecordColumn(
            _tr("Unmatched"), lambda b: b.unmatched, K.INTEGER, "Нерозпізнано", sample="0000"
        ),
        RecordColumn(
            _tr("Posted, UAH"),
            lambda b: b.posted_total,
            K.MONEY,
            "Зараховано, грн",
            sample="9 999 999,99",
        ),
        RecordColumn(
            _tr("Undone"), lambda b: b.undone_at, K.DATETIME, "Скасовано", sample="00.00.0000 00:00"
        ),
    )


def unmatched_columns() -> tuple[RecordColumn[UnmatchedLine], ...]:
    return (
        RecordColumn(
            _tr("Date"), lambda u: u.date, K.DATE, "Дата", order="date", sample="00.00.0000"
        ),
        RecordColumn(
            _tr("Amount, UAH"),
            lambda u: u.amount,
            K.MONEY,
            "Сума, грн",
            order="amount",
            sample="999 999,99",
        ),
        RecordColumn(
            _tr("Payer"),
            lambda u: u.payer,
            K.TEXT,
            "Платник",
            order="payer",
            sample="ТОВ «Платник Трейд»",
            tooltip=lambda u: u.payer,
        ),
        RecordColumn(
            _tr("Code"),
            lambda u: u.payer_code,
            K.TEXT,
            "ЄДРПОУ/РНОКПП",
            order="code",
            sample="0000000000",
        ),
        RecordColumn(
            _tr("IBAN"),
            lambda u: u.payer_iban,
            K.TEXT,
            "IBAN платника",
            order="iban",
            sample="UA000000000000000000000000000",
        ),
        RecordColumn(
            _tr("Purpose"),
            lambda u: u.purpose,
            K.TEXT,
            "Призначення",
            order="purpose",
            tooltip=lambda u: u.purpose,
        ),
        RecordColumn(
            _tr("Looks like"),
            lambda u: _hint_word(u.hint),
            K.TEXT,
            "Схоже на",
            sample="bank credit",
            tooltip=lambda u: _hint_text(u.hint),
        ),
        RecordColumn(
            _tr("Candidates"),
            lambda u: u.candidates,
            K.TEXT,
            "Можливі рахунки",
            sample="OR-0000000",
            tooltip=lambda u: _tr("Accounts the matching rules proposed") if u.candidates else None,
        ),
        RecordColumn(
            _tr("File"),
            lambda u: f"{u.file_name}:{u.line_no}",
            kind=K.TEXT,
            file_title="Файл:рядок",
            order="file",
            sample="demo-20261122.txt:000",
            tooltip=lambda u: _tr("{file}, line {line}").format(file=u.file_name, line=u.line_no),
        ),
    )


def _hint_word(hint: str) -> str:
    """A short word for the queue's column: what the credit looks like."""
    return {
        "bank": _tr("bank credit"),
        "budget": _tr("budget"),
        "reversal": _tr("reversal"),
    }.get(hint, "")


def _hint_text(hint: str) -> str | None:
    """The hint in full, for the tooltip."""
    return {
        "bank": _tr("Looks like a bank credit: currency sale, interest, refund of commission"),
        "budget": _tr("Looks like a budget payment or a treasury refund"),
        "reversal": _tr("A reversal of one of our own debits"),
    }.get(hint)

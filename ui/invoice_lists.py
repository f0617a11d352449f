"""The columns of the invoices list and the words for invoice kinds and statuses."""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from backoffice.exports import ColumnKind
from backoffice.services.invoices import InvoiceView
from ui.record_table import RecordColumn

K = ColumnKind
_CONTEXT: Final = "InvoiceLists"
# The service's statuses, in the order an accountant thinks of them.
STATUSES: Final = {
    "issued": QT_TRANSLATE_NOOP(_CONTEXT, "Issued"),
    "partially_paid": QT_TRANSLATE_NOOP(_CONTEXT, "Partially paid"),
    "paid": QT_TRANSLATE_NOOP(_CONTEXT, "Paid"),
    "overdue": QT_TRANSLATE_NOOP(_CONTEXT, "Overdue"),
    "cancelled": QT_TRANSLATE_NOOP(_CONTEXT, "Cancelled"),
}
KINDS: Final = {
    "activation": QT_TRANSLATE_NOOP(_CONTEXT, "Activation"),
    "options": QT_TRANSLATE_NOOP(_CONTEXT, "Options"),
    "renewal": QT_TRANSLATE_NOOP(_CONTEXT, "Renewal"),
    "topup": QT_TRANSLATE_NOOP(_CONTEXT, "Top-up"),
    "service": QT_TRANSLATE_NOOP(_CONTEXT, "Service"),
}
# In an exported file (read by other programs and people): Ukrainian, stable.
STATUS_WORDS: Final = {
    "issued": "виставлено",
    "partially_paid": "частково оплачено",
    "paid": "оплачено",
    "overdue": "прострочено",
    "cancelled": "скасовано",
}


# The long legal forms as they are abbreviated in a list (ДСТУ 3582 usage).
SHORT_FORMS: Final = {
    "товариство з обмеженою відповідальністю": "ТОВ",
    "товариство з додатковою відповідальністю": "ТДВ",
    "приватне акціонерне товариство": "ПрАТ",
    "публічне акціонерне товариство": "ПАТ",
    "акціонерне товариство": "АТ",
    "приватне підприємство": "ПП",
    "державне підприємство": "ДП",
    "комунальне підприємство": "КП",
    "фізична особа-підприємець": "ФОП",
    "фізична особа - підприємець": "ФОП",
}


def with_short_legal_form(name: str) -> str:
    """The name with its legal form abbreviated: "Товариство з обмеженою
    відповідальністю «Зерно Маркет»" → "ТОВ «Зерно Маркет»"; a name already
    short, or without a form, as it is."""
    folded = name.strip().casefold()
    for long, short in SHORT_FORMS.items():
        if folded.startswith(long):
            return f"{short} {name.strip()[len(long) :].strip()}"
    return name.strip()


_MONTH: Final = re.compile(r"\b(\d{4})-(\d{2})\b")


def month_text(period: str) -> str:
    """A period as months are written here: `2026-11` → `11.2026`."""
    return _MONTH.sub(r"\2.\1", period)


def _tr(text: object) -> str:
    return QCoreApplication.translate(_CONTEXT, str(text))


def status_text(status: str) -> str:
    return _tr(STATUSES.get(status, status))


def kind_text(kind: str) -> str:
    return _tr(KINDS.get(kind, kind))


def invoice_columns() -> tuple[RecordColumn[InvoiceView], ...]:
    return (
        RecordColumn(
            _tr("Number"),
            lambda i: i.number,
            K.TEXT,
            "Номер",
            order="number",
            sample="РФ-2026-000000",
        ),
        RecordColumn(
            _tr("Date"), lambda i: i.date, K.DATE, "Дата", order="date", sample="00.00.0000"
        ),
        RecordColumn(
            _tr("Due"),
            lambda i: i.due_date,
            K.DATE,
            "Сплатити до",
            order="due",
            sample="00.00.0000",
        ),
        RecordColumn(
            _tr("Client"),
            lambda i: i.client,
            K.TEXT,
            "Клієнт",
            tooltip=lambda i: i.client,
            # The list has no room for "Товариство з обмеженою відповідальністю"
            # but needs the form (ТОВ «Зерно Маркет» and ФОП Зерно Маркет are two
            # clients): the short form, the full name in the tooltip.
            shown=lambda i: with_short_legal_form(i.client),
            order="client",
        ),
        RecordColumn(
            _tr("Account"),
            lambda i: i.account,
            K.TEXT,
            "Рахунок",
            order="account",
            sample="OR-0000000",
        ),
        RecordColumn(
            _tr("Kind"),
            lambda i: kind_text(i.kind),
            K.TEXT,
            "Вид",
            order="kind",
            sample=max((kind_text(k) for k in KINDS), key=len),  # in the window's language
        ),
        RecordColumn(
            _tr("Period"),
            lambda i: i.period,
            K.TEXT,
            "Період",
            order="period",
            sample="00.0000",
            shown=lambda i: month_text(i.period),
        ),
        RecordColumn(
            _tr("Total, UAH"),
            lambda i: i.total,
            K.MONEY,
            "Сума, грн",
            order="total",
            sample="9 999 999,99",
        ),
        RecordColumn(
            _tr("Paid, UAH"),
            lambda i: i.paid,
            K.MONEY,
            "Оплачено, грн",
            order="paid",
            sample="9 999 999,99",
        ),
        RecordColumn(
            _tr("Status"),
            lambda i: status_text(i.status),
            K.TEXT,
            "Статус",
            sample=max((status_text(k) for k in STATUSES), key=len),
            warn=lambda i: i.status == "overdue",
            order="status",
        ),
    )

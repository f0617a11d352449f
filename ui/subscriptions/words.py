"""How the subscription screens write statuses, periods, percents and the
constructor's breakdown: English sources, translated in the `SubscriptionWords`
context; numbers through `ui.format`."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from backoffice.billing.pricing import PeriodPrice, Quote
from ui.format import format_amount, format_date, format_rate

_CONTEXT: Final = "SubscriptionWords"
# A changed or added thing the subscription screens reload on (see ui.background).
SUBSCRIPTIONS: Final = "subscriptions"

STATUSES: Final = {
    "pending": QT_TRANSLATE_NOOP(_CONTEXT, "Waiting for funds"),
    "active": QT_TRANSLATE_NOOP(_CONTEXT, "Active"),
    "blocked": QT_TRANSLATE_NOOP(_CONTEXT, "Blocked: renewal unpaid"),
    "suspended": QT_TRANSLATE_NOOP(_CONTEXT, "Suspended"),
    "ended": QT_TRANSLATE_NOOP(_CONTEXT, "Ended"),
}
OPTION_STATUSES: Final = {
    "pending": QT_TRANSLATE_NOOP(_CONTEXT, "waits for funds"),
    "active": QT_TRANSLATE_NOOP(_CONTEXT, "active"),
}
ERROR_STYLE: Final = "color: #c62828;"


def _tr(text: object) -> str:
    return QCoreApplication.translate(_CONTEXT, str(text))


def uah_text(value: Decimal) -> str:
    return _tr("{amount} UAH").format(amount=format_amount(value))


def status_text(status: str) -> str:
    return _tr(STATUSES.get(status, status))


def option_status_text(status: str) -> str:
    return _tr(OPTION_STATUSES.get(status, status))


def percent_text(value: Decimal) -> str:
    """`Decimal("5.00")` → `5`, `Decimal("2.5")` → `2,5`."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """A paid period, its exclusive end shown as the last day paid."""
    if start is None or end is None:
        return "—"
    return f"{format_date(start)} – {format_date(end - dt.timedelta(days=1))}"


def months_text(months: int, discount: Decimal) -> str:
    text = _months(months)
    if discount:
        text += f" (−{percent_text(discount)} %)"
    return text


def _months(months: int) -> str:
    return QCoreApplication.translate(_CONTEXT, "%n month(s)", None, months)


def _row(label: str, value: str, *, strong: bool = False, style: str = "") -> str:
    cell = f"<b>{value}</b>" if strong else value
    label = f"<b>{label}</b>" if strong else label
    attr = f' style="{style}"' if style else ""
    return f'<tr><td>{label}</td><td align="right" nowrap{attr}>{cell}</td></tr>'


def price_html(price: PeriodPrice) -> str:
    """The EUR part: one row per plan and option, the list price, the discount, the total."""
    rows = [
        _row(
            html.escape(line.description),
            _tr("{eur} × {months} = {total} EUR").format(
                eur=format_amount(line.eur_per_month),
                months=line.months,
                total=format_amount(line.eur),
            ),
        )
        for line in price.lines
    ]
    rows.append(_row(_tr("List price"), f"{format_amount(price.eur_before_discount)} EUR"))
    if price.discount_eur:
        rows.append(
            _row(
                _tr("Discount for {months} ({percent} %)").format(
                    months=_months(price.months), percent=percent_text(price.discount_percent)
                ),
                f"−{format_amount(price.discount_eur)} EUR",
            )
        )
    rows.append(_row(_tr("Total"), f"{format_amount(price.eur)} EUR", strong=True))
    return "".join(rows)


def quote_html(quote: Quote, day: dt.date) -> str:
    """The whole breakdown the constructor shows, as a rich-text table."""
    rows = [price_html(quote.price)]
    rows.append(
        _row(
            _tr("NBU rate on {date}").format(date=format_date(day)),
            _tr("{rate} UAH per EUR").format(rate=format_rate(quote.rate)),
        )
    )
    rows.append(_row(_tr("Markup"), f"{percent_text(quote.markup_percent)} %"))
    rows.append(_row(_tr("To pay"), uah_text(quote.uah), strong=True))
    rows.append(_row(_tr("Funds on the account"), uah_text(quote.funds)))
    if quote.missing:
        rows.append(
            _row(
                _tr("Missing"),
                uah_text(quote.missing),
                strong=True,
                style=ERROR_STYLE,
            )
        )
    suggested = "; ".join(
        f"{_months(months)}: {format_amount(uah)}" for months, uah in quote.suggested_topups.items()
    )
    funds_note = (
        _tr("The funds do not cover it: the subscription waits for a top-up, with an invoice.")
        if quote.missing
        else _tr("The funds cover it: the subscription activates at once.")
    )
    return (
        f"<table cellspacing='2' width='100%'>{''.join(rows)}</table>"
        f"<p>{funds_note}</p>"
        f"<p>{_tr('Suggested top-ups, UAH')}: {suggested}</p>"
    )

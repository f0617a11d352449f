"""Рахунок на оплату (SPEC §10) as a PDF, from an `InvoiceDocument`.

Contents, top to bottom: title with number and date, place of drawing up;
supplier and buyer requisites (code, ІПН, VAT status, IBAN, bank, address);
contract, personal account, kind, period, due date; the lines (№, service,
unit, quantity, EUR price when priced in EUR, price, sum) with the header
repeated on every page; total, VAT 20 % or «Без ПДВ», the total in words; a
note with the EUR amount, NBU rate and markup used and the caller's note that
the debit uses the rate of the debit day, with the suggested amount; a framed
box with the payment requisites and the exact payment purpose; signatures.
"""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from backoffice.documents import pdf_page as pp
from backoffice.documents import pdf_style as ps
from backoffice.documents.numbers import (
    format_amount,
    format_date,
    format_date_words,
    format_eur,
    format_percent,
    format_period,
    format_quantity,
    format_rate,
)
from backoffice.documents.records import (
    INVOICE_KINDS,
    DocumentLine,
    InvoiceDocument,
    check_lines,
    check_parties,
)
from backoffice.errors import BackofficeError

CANCELLED = "АНУЛЬОВАНО"
"""The mark across every page of a cancelled document."""


def check_invoice(doc: InvoiceDocument) -> None:
    """Refuse an invoice that would lack a legal requisite (BackofficeError)."""
    check_parties(doc.supplier, doc.buyer)
    check_lines(doc.number, doc.lines, doc.total)
    if not doc.number.strip():
        raise BackofficeError("invoice has no number")
    if doc.kind not in INVOICE_KINDS:
        raise BackofficeError(f"invoice {doc.number}: unknown kind {doc.kind!r}")
    if not doc.payment_purpose.strip():
        raise BackofficeError(f"invoice {doc.number}: payment purpose is empty")
    format_period(doc.period, doc.period_to)  # a malformed period raises here, not mid-layout


def invoice_title(doc: InvoiceDocument) -> str:
    return f"Рахунок на оплату № {doc.number} від {format_date_words(doc.date)}"


def _lines_table(doc: InvoiceDocument) -> ps.Table:
    with_eur = any(line.eur is not None for line in doc.lines)
    vat = " з ПДВ" if doc.supplier.vat_payer else ""
    labels = ["№", "Найменування послуги", "Од.", "К-сть"]
    widths = [8 * mm, 0.0, ps.unit_width([x.unit for x in doc.lines], least=16 * mm), 14 * mm]
    if with_eur:
        labels.append("Ціна, EUR")
        widths.append(20 * mm)
    labels += [f"Ціна{vat}, грн", f"Сума{vat}, грн"]
    widths += [25 * mm, 27 * mm]
    widths[1] = ps.WIDTH - sum(widths)
    service_w = widths[1] - 6

    def row(line: DocumentLine) -> list[object]:
        cells: list[object] = [
            str(line.number),
            ps.fit(line.service, service_w),
            ps.fit(line.unit, widths[2] - 6),
            format_quantity(line.quantity),
        ]
        if with_eur:
            cells.append(format_eur(line.eur) if line.eur is not None else "")
        return [*cells, format_amount(line.price), format_amount(line.total)]

    data: list[list[object]] = [ps.head(labels, widths)]
    data += [row(line) for line in doc.lines]
    style = ps.grid_style()
    style += [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
    ]
    return ps.Table(data, style, pad=(3, 3, 2.5, 3), colWidths=widths, repeatRows=1)


def _rate_notes(doc: InvoiceDocument) -> list[Flowable]:
    notes: list[str] = []
    rates = sorted({x.rate for x in doc.lines if x.rate is not None})
    rate = doc.nbu_rate if doc.nbu_rate is not None else (rates[0] if len(rates) == 1 else None)
    markups = sorted({x.markup_percent for x in doc.lines if x.markup_percent is not None})
    markup = doc.markup_percent
    if markup is None and len(markups) == 1:
        markup = markups[0]
    if rate is not None:
        sentence = (
            f"Ціни в гривнях розраховано з цін у EUR за курсом НБУ "
            f"{format_rate(rate)} грн/EUR на {format_date(doc.date)}"
        )
        if markup is not None:
            sentence += f" з націнкою {format_percent(markup)}"
        notes.append(sentence + ".")
    if doc.eur_total is not None:
        notes.append(f"Сума в EUR: {format_eur(doc.eur_total)} EUR.")
    if doc.rate_note:
        notes.append(doc.rate_note)
    out: list[Flowable] = [ps.para(" ".join(notes), style=ps.SMALL)] if notes else []
    if doc.suggested_amount is not None and not doc.cancelled:
        out.append(
            ps.para(
                "Рекомендована сума до сплати з урахуванням можливої зміни курсу: ",
                ps.Bold(f"{format_amount(doc.suggested_amount)} грн"),
                ".",
            )
        )
    return out


def _payment_box(doc: InvoiceDocument) -> ps.Table:
    s = doc.supplier
    amount = f"{format_amount(doc.total)} грн"
    if doc.suggested_amount is not None:
        amount += f" (рекомендовано {format_amount(doc.suggested_amount)} грн)"
    rows = [
        ("Отримувач:", f"{s.name}, {s.code_label}: {s.code}"),
        ("IBAN:", f"{s.iban} в {s.bank}"),
        ("Сума:", amount),
        ("Сплатити до:", format_date(doc.due_date)),
        ("Призначення платежу:", doc.payment_purpose),
    ]
    return ps.boxed("Реквізити для оплати", rows)


def invoice_story(doc: InvoiceDocument) -> list[Flowable]:
    """The invoice's flowables, starting with its page-numbering marker."""
    check_invoice(doc)
    footer = f"Рахунок № {doc.number} від {format_date(doc.date)}"
    cancelled = CANCELLED if doc.cancelled else ""
    story: list[Flowable] = [pp.DocumentStart(footer, cancelled)]
    story += ps.title_block(
        invoice_title(doc),
        f"{CANCELLED}: не підлягає оплаті" if doc.cancelled else "",
        f"Місце складання: {doc.place}",
    )
    # The supplier's rows are the same on every invoice of a batch: a `Stamp`
    # of their own, right above the other rows (a table without a grid, so
    # the two print as one). A cancelled invoice gives no account to pay to.
    us = replace(doc.supplier, iban="", bank="") if doc.cancelled else doc.supplier
    supplier: ps.InfoGroup = ("Постачальник:", ps.party_lines(us), True)
    story.append(pp.Stamp(f"invoice supplier {supplier!r}", lambda: ps.label_table([supplier])))
    info: list[ps.InfoGroup] = [
        ("Покупець:", ps.party_lines(doc.buyer, with_vat=doc.buyer.legal_entity), True),
    ]
    if doc.contract:
        info.append(("Договір:", [doc.contract], False))
    info.append(("Особовий рахунок:", [doc.account_number], True))
    kind = INVOICE_KINDS[doc.kind]
    if doc.period:
        kind += f", період: {format_period(doc.period, doc.period_to)}"
    info.append(("Вид рахунку:", [kind], False))
    if not doc.cancelled:
        info.append(("Сплатити до:", [format_date(doc.due_date)], True))
    story.append(ps.label_table(info))
    story.append(Spacer(1, 3 * mm))
    story.append(_lines_table(doc))
    story.append(Spacer(1, 1.5 * mm))
    story.append(
        KeepTogether(
            [
                ps.totals_block(doc.total, doc.vat),
                *ps.words_block(len(doc.lines), doc.total, doc.vat),
            ]
        )
    )
    story.append(Spacer(1, 2 * mm))
    story += _rate_notes(doc)
    story.append(Spacer(1, 3 * mm))
    if doc.cancelled:
        story.append(_signatures(doc))
    else:
        story.append(KeepTogether([_payment_box(doc), Spacer(1, 5 * mm), _signatures(doc)]))
    return story


def _signatures(doc: InvoiceDocument) -> Flowable:
    """The supplier's signatures: the same on every invoice of a batch, so a `Stamp`."""
    s = doc.supplier
    extra = [("Головний бухгалтер", s.accountant_name)] if s.accountant_name else []
    side = ps.party_side("Рахунок виписав:", s, *extra)
    return pp.Stamp(f"invoice signatures {side!r}", lambda: ps.signatures(side, seal=(True,)))


def invoice_bytes(doc: InvoiceDocument) -> bytes:
    """The invoice as PDF bytes (for previews and e-mail)."""
    buf = io.BytesIO()
    pp.build_pdf(invoice_story(doc), buf, title=invoice_title(doc), author=doc.supplier.name)
    return buf.getvalue()


def render_invoice(doc: InvoiceDocument, path: str | os.PathLike[str]) -> Path:
    """Write the invoice to `path` atomically; refuses before writing anything."""
    story = invoice_story(doc)
    return pp.write_atomically(
        path, lambda fh: pp.build_pdf(story, fh, title=invoice_title(doc), author=doc.supplier.name)
    )

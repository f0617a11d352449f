"""Акт надання послуг (SPEC §11) as a PDF, from an `ActDocument`.

Contents: title with number and date (the last day of the month), the month,
place of drawing up; executor and customer requisites; contract and personal
account; the statement that the services were rendered and accepted; every
service debit of the month as a line (№, debit date, service, unit, quantity,
EUR price, NBU rate, UAH price, sum; a markup column only when the markups
differ), header repeated on every page; total, VAT 20 % or «Без ПДВ», the
total in words; how UAH was computed from EUR; signatures of both sides.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from backoffice.documents import pdf_page as pp
from backoffice.documents import pdf_style as ps
from backoffice.documents.invoice_pdf import CANCELLED
from backoffice.documents.numbers import (
    format_amount,
    format_date,
    format_date_words,
    format_eur,
    format_month,
    format_percent,
    format_quantity,
    format_rate,
)
from backoffice.documents.records import ActDocument, DocumentLine, check_lines, check_parties
from backoffice.errors import BackofficeError


def check_act(doc: ActDocument) -> None:
    """Refuse an act that would lack a legal requisite (BackofficeError)."""
    check_parties(doc.supplier, doc.buyer, buyer_role="customer")
    check_lines(doc.number, doc.lines, doc.total)
    if not doc.number.strip():
        raise BackofficeError("act has no number")
    format_month(doc.month)  # a malformed month raises ValueError here, not mid-layout


def act_title(doc: ActDocument) -> str:
    return f"Акт надання послуг № {doc.number} від {format_date_words(doc.date)}"


def _lines_table(doc: ActDocument) -> ps.Table:
    markups = {x.markup_percent for x in doc.lines}
    with_markup = len(markups) > 1
    with_date = any(x.date is not None for x in doc.lines)
    with_period = any(x.period_from is not None for x in doc.lines)
    vat = " з ПДВ" if doc.supplier.vat_payer else ""
    cols: list[tuple[str, float]] = [("№", 7 * mm)]
    if with_period:
        cols.append(("Дата / період", 20 * mm))
    elif with_date:
        cols.append(("Дата", 18 * mm))
    cols += [
        ("Найменування послуги", 0.0),
        ("Од.", ps.unit_width([x.unit for x in doc.lines], least=13 * mm, size=8, pad=5)),
        ("К-сть", 11 * mm),
        ("Ціна, EUR", 16 * mm),
        ("Курс НБУ", 16.5 * mm),
    ]
    if with_markup:
        cols.append(("Націнка", 13 * mm))
    cols += [(f"Ціна{vat}, грн", 20 * mm), (f"Сума{vat}, грн", 22 * mm)]
    widths = [w for _, w in cols]
    service_col = widths.index(0.0)
    widths[service_col] = ps.WIDTH - sum(widths)

    def row(line: DocumentLine) -> list[object]:
        cells: list[object] = [str(line.number)]
        if with_period and line.period_from is not None and line.period_to is not None:
            cells.append(days_text(line.period_from, line.period_to))
        elif with_date or with_period:
            cells.append(format_date(line.date) if line.date else "")
        cells += [
            ps.fit(line.service, widths[service_col] - 5, size=8),
            ps.fit(line.unit, widths[service_col + 1] - 5, size=8),
            format_quantity(line.quantity),
            format_eur(line.eur) if line.eur is not None else "",
            format_rate(line.rate) if line.rate is not None else "",
        ]
        if with_markup:
            cells.append(
                format_percent(line.markup_percent) if line.markup_percent is not None else ""
            )
        return [*cells, format_amount(line.price), format_amount(line.total)]

    data: list[list[object]] = [ps.head([h for h, _ in cols], widths, pad=5)]
    data += [row(line) for line in doc.lines]
    style = ps.grid_style()
    style += [
        ("FONT", (0, 1), (-1, -1), ps.FONT, 8, 10),
        ("ALIGN", (0, 1), (service_col - 1, -1), "CENTER"),
        ("ALIGN", (service_col + 1, 1), (service_col + 1, -1), "CENTER"),
        ("ALIGN", (service_col + 2, 1), (-1, -1), "RIGHT"),
    ]
    return ps.Table(data, style, pad=(2.5, 2.5, 2.5, 3), colWidths=widths, repeatRows=1)


def days_text(first: dt.date, last: dt.date) -> str:
    """`01.10.2026–` over `31.10.2026`: the days an act line states of a
    longer paid period, on two lines of the narrow date column."""
    return f"{format_date(first)}–\n{format_date(last)}"


def _calculation_note(doc: ActDocument) -> list[Flowable]:
    markups = sorted({x.markup_percent for x in doc.lines if x.markup_percent is not None})
    if not any(x.eur is not None for x in doc.lines):
        return []
    sentence = (
        "Вартість послуг у гривнях визначено за офіційним курсом НБУ гривні до EUR "
        "на дату кожного списання"
    )
    if len(markups) == 1:
        sentence += (
            f" з націнкою {format_percent(markups[0])}: ціна, грн = ціна, EUR × "
            f"курс НБУ × (1 + {format_percent(markups[0])})"
        )
    elif markups:
        sentence += " з націнкою, зазначеною в рядку"
    eur_total = sum((x.eur * x.quantity for x in doc.lines if x.eur is not None), Decimal(0))
    note = sentence + ", з округленням до копійки."
    if any(x.period_from is not None for x in doc.lines):
        # a portion's EUR and UAH are each the debit's split by days, so the
        # formula above holds for the whole debit, not for its portion
        note += (
            " Рядки з періодом — частини списань за період, довший за місяць: формулою визначено"
            " вартість за весь період (зазначено в рядку); сума рядка = ця вартість × днів"
            " у місяці / днів періоду з округленням до копійки, а залишок від округлення"
            " відноситься на останній місяць періоду; так само визначено частку в EUR."
        )
    note += f" Разом у EUR: {format_eur(eur_total)}."
    return [ps.para(note, style=ps.SMALL)]


def act_story(doc: ActDocument) -> list[Flowable]:
    """The act's flowables, starting with its page-numbering marker."""
    check_act(doc)
    footer = f"Акт № {doc.number} від {format_date(doc.date)}"
    story: list[Flowable] = [pp.DocumentStart(footer, CANCELLED if doc.cancelled else "")]
    story += ps.title_block(
        act_title(doc),
        CANCELLED if doc.cancelled else "",
        f"за {format_month(doc.month)}",
        f"Місце складання: {doc.place}",
    )
    info: list[ps.InfoGroup] = [
        ("Виконавець:", ps.party_lines(doc.supplier), True),
        ("Замовник:", ps.party_lines(doc.buyer, with_vat=doc.buyer.legal_entity), True),
    ]
    if doc.contract:
        info.append(("Договір:", [doc.contract], False))
    info.append(("Особовий рахунок:", [doc.account_number], True))
    story.append(ps.label_table(info))
    story.append(Spacer(1, 2 * mm))
    story.append(
        ps.para(
            "Ми, що нижче підписалися, представники Виконавця та Замовника, склали цей акт про те, "
            f"що Виконавець надав, а Замовник прийняв такі послуги за {format_month(doc.month)}:"
        )
    )
    story.append(Spacer(1, 2 * mm))
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
    story.append(Spacer(1, 1.5 * mm))
    story += _calculation_note(doc)
    story.append(Spacer(1, 2 * mm))
    closing = ps.para(
        "Послуги надано в повному обсязі, у встановлені строки та належної якості. "
        "Сторони претензій одна до одної не мають."
    )
    story.append(
        KeepTogether(
            [
                closing,
                Spacer(1, 5 * mm),
                ps.signatures(
                    ps.party_side("Від Виконавця:", doc.supplier),
                    ps.party_side("Від Замовника:", doc.buyer),
                    seal=ps.seals(doc.supplier, doc.buyer),
                ),
            ]
        )
    )
    return story


def act_bytes(doc: ActDocument) -> bytes:
    """The act as PDF bytes (for previews and e-mail)."""
    buf = io.BytesIO()
    pp.build_pdf(act_story(doc), buf, title=act_title(doc), author=doc.supplier.name)
    return buf.getvalue()


def render_act(doc: ActDocument, path: str | os.PathLike[str]) -> Path:
    """Write the act to `path` atomically; refuses before writing anything."""
    story = act_story(doc)
    return pp.write_atomically(
        path, lambda fh: pp.build_pdf(story, fh, title=act_title(doc), author=doc.supplier.name)
    )

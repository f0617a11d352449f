"""Акт звірки взаєморозрахунків (SPEC §13) as a PDF, from a `ReconciliationDocument`.

The usual two-sided form: the left half holds the supplier's books (date,
document, debit, credit), the right half is left for the buyer to fill in from
its own books. Rows: opening balance, the period's documents, turnovers,
closing balance; the header repeats on every page. Under the table the debt
is stated in figures and in words with the party it is owed to, then both
sides sign.

Sign convention (see `ReconciliationDocument`): balance = debit − credit in
the supplier's books; positive means the buyer owes the supplier, negative
means the supplier owes the buyer (an unused prepayment).
"""

from __future__ import annotations

import io
import os
from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer

from backoffice.documents import pdf_page as pp
from backoffice.documents import pdf_style as ps
from backoffice.documents.numbers import format_amount, format_date
from backoffice.documents.records import Party, ReconciliationDocument, check_parties
from backoffice.documents.words import amount_in_words
from backoffice.errors import BackofficeError

TITLE = "Акт звірки взаєморозрахунків"
ZERO = Decimal("0.00")

# Legal forms written out → as they are abbreviated. A party is named in
# forms that need no declension (SPEC §13): "між ТОВ «Альфа» (Постачальник)
# та …", "За даними Постачальника", never "За даними Товариство …".
LEGAL_FORMS = (
    ("Товариство з обмеженою відповідальністю", "ТОВ"),
    ("Товариство з додатковою відповідальністю", "ТДВ"),
    ("Приватне акціонерне товариство", "ПрАТ"),
    ("Публічне акціонерне товариство", "ПАТ"),
    ("Акціонерне товариство", "АТ"),
    ("Приватне підприємство", "ПП"),
    ("Державне підприємство", "ДП"),
    ("Комунальне підприємство", "КП"),
    ("Фізична особа-підприємець", "ФОП"),
    ("Фізична особа - підприємець", "ФОП"),
)
SUPPLIER_ROLE = "Постачальник"
BUYER_ROLE = "Покупець"
FOOTER_SIZE = 7.5
PAGE_NUMBER_ROOM = stringWidth("Сторінка 999 з 999", ps.FONT, FOOTER_SIZE) + 6 * mm


def short_name(name: str) -> str:
    """`Товариство з обмеженою відповідальністю «Бета»` → `ТОВ «Бета»`."""
    for full, short in LEGAL_FORMS:
        if name.lower().startswith(full.lower()):
            return short + name[len(full) :]
    return name


def named(party: Party, role: str) -> str:
    """`ТОВ «Альфа» (Постачальник)`."""
    return f"{short_name(party.name)} ({role})"


def footer_text(text: str) -> str:
    """The footer line, cut with '…' so it ends before «Сторінка 1 з 4»."""
    room = ps.WIDTH - PAGE_NUMBER_ROOM
    if stringWidth(text, ps.FONT, FOOTER_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", ps.FONT, FOOTER_SIZE) > room:
        text = text[:-1]
    return text.rstrip(" ,") + "…"


def check_reconciliation(doc: ReconciliationDocument) -> None:
    """Refuse a statement with missing requisites or balances that do not add up."""
    check_parties(doc.supplier, doc.buyer)
    if doc.period_to < doc.period_from:
        raise BackofficeError(
            f"reconciliation period ends ({doc.period_to}) before it starts ({doc.period_from})"
        )
    amounts = [doc.opening_balance, doc.closing_balance]
    amounts += [v for r in doc.rows for v in (r.debit, r.credit)]
    if not all(isinstance(v, Decimal) for v in amounts):
        raise TypeError("reconciliation amounts must be Decimal")
    expected = doc.opening_balance + doc.rows_total_debit - doc.rows_total_credit
    if expected != doc.closing_balance:
        raise BackofficeError(
            f"reconciliation does not add up: opening {doc.opening_balance} + debit "
            f"{doc.rows_total_debit} − credit {doc.rows_total_credit} = {expected}, "
            f"but the closing balance is {doc.closing_balance}"
        )


def debt_statement(doc: ReconciliationDocument) -> str:
    """`Заборгованість на 30.11.2026 на користь Постачальника (ТОВ «…»)
    становить 1 234,50 грн (…)`: the creditor named by its role, declined,
    and its name in brackets, which needs no declension."""
    on = format_date(doc.period_to)
    balance = doc.closing_balance
    if balance == 0:
        return f"Заборгованість на {on} відсутня."
    creditor = doc.supplier if balance > 0 else doc.buyer
    role = "Постачальника" if balance > 0 else "Покупця"
    words = amount_in_words(abs(balance))
    words = words[0].lower() + words[1:]
    return (
        f"Заборгованість на {on} на користь {role} ({short_name(creditor.name)}) становить "
        f"{format_amount(abs(balance))} грн ({words})."
    )


def _split(balance: Decimal) -> tuple[str, str]:
    """A balance into the (debit, credit) cells of a saldo row."""
    if balance > 0:
        return format_amount(balance), ""
    if balance < 0:
        return "", format_amount(-balance)
    return format_amount(ZERO), ""


def _cell(value: Decimal) -> str:
    return format_amount(value) if value else ""


def _table(doc: ReconciliationDocument) -> ps.Table:
    half = ps.WIDTH / 2
    side = [17 * mm, 0.0, 20 * mm, 20 * mm]
    side[1] = half - sum(side)
    widths = side * 2
    data: list[list[object]] = [
        [
            ps.fit(
                f"За даними Постачальника ({short_name(doc.supplier.name)})",
                half - 6,
                font=ps.FONT_BOLD,
                size=8,
            ),
            *["", "", ""],
            ps.fit(
                f"За даними Покупця ({short_name(doc.buyer.name)})",
                half - 6,
                font=ps.FONT_BOLD,
                size=8,
            ),
            *["", "", ""],
        ],
        ps.head(["Дата", "Документ", "Дебет", "Кредит"] * 2, widths, pad=5),
    ]
    open_label = f"Сальдо на {format_date(doc.period_from)}"
    data.append([open_label, "", *_split(doc.opening_balance), open_label, "", "", ""])
    for r in doc.rows:
        data.append(
            [
                format_date(r.date),
                ps.fit(r.document, side[1] - 5, size=7.5),
                _cell(r.debit),
                _cell(r.credit),
                "",
                "",
                "",
                "",
            ]
        )
    data.append(
        [
            "Обороти за період",
            "",
            format_amount(doc.rows_total_debit),
            format_amount(doc.rows_total_credit),
            "Обороти за період",
            "",
            "",
            "",
        ]
    )
    close_label = f"Сальдо на {format_date(doc.period_to)}"
    data.append([close_label, "", *_split(doc.closing_balance), close_label, "", "", ""])

    last = len(data) - 1
    style = ps.grid_style(header_rows=2, total_rows=2)
    style += [
        ("FONT", (0, 2), (-1, -1), ps.FONT, 7.5, 9.5),
        ("SPAN", (0, 0), (3, 0)),
        ("SPAN", (4, 0), (7, 0)),
        ("ALIGN", (0, 2), (0, -1), "CENTER"),
        ("ALIGN", (2, 2), (3, -1), "RIGHT"),
        ("ALIGN", (6, 2), (7, -1), "RIGHT"),
        ("LINEAFTER", (3, 0), (3, -1), 1.2, colors.black),
    ]
    for row in (2, last - 1, last):
        style += [
            ("SPAN", (0, row), (1, row)),
            ("SPAN", (4, row), (5, row)),
            ("ALIGN", (0, row), (1, row), "LEFT"),
            ("ALIGN", (4, row), (5, row), "LEFT"),
            ("FONT", (0, row), (-1, row), ps.FONT_BOLD, 7.5, 9.5),
        ]
    style.append(("BACKGROUND", (0, 2), (-1, 2), ps.TOTAL_BG))
    return ps.Table(data, style, pad=(2.5, 2.5, 2.5, 3), colWidths=widths, repeatRows=2)


def reconciliation_story(doc: ReconciliationDocument) -> list[Flowable]:
    """The statement's flowables, starting with its page-numbering marker."""
    check_reconciliation(doc)
    period = f"з {format_date(doc.period_from)} по {format_date(doc.period_to)}"
    title = TITLE + (f" № {doc.number}" if doc.number else "")
    footer = footer_text(f"{TITLE} {period}, {short_name(doc.buyer.name)}")
    story: list[Flowable] = [pp.DocumentStart(footer)]
    subtitles = [
        f"за період {period}",
        f"між {named(doc.supplier, SUPPLIER_ROLE)} та {named(doc.buyer, BUYER_ROLE)}",
    ]
    if doc.contract:
        subtitles.append(f"за договором {doc.contract}")
    place = f"{doc.place}, " if doc.place else ""
    subtitles.append(f"Місце і дата складання: {place}{format_date(doc.drawn_up)}")
    story += ps.title_block(title, *subtitles)
    info: list[ps.InfoGroup] = [
        ("Постачальник:", ps.party_lines(doc.supplier), True),
        ("Покупець:", ps.party_lines(doc.buyer, with_vat=doc.buyer.legal_entity), True),
    ]
    if doc.account_number:
        info.append(("Особовий рахунок:", [doc.account_number], True))
    story.append(ps.label_table(info))
    story.append(Spacer(1, 2 * mm))
    story.append(
        ps.para(
            "Ми, що нижче підписалися, представники сторін, склали цей акт про те, що стан "
            "взаємних розрахунків за даними обліку такий:"
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(_table(doc))
    story.append(Spacer(1, 3 * mm))
    supplier = doc.supplier
    signers = [(supplier.signer_title, supplier.signer_name)]
    if supplier.accountant_name:
        signers.append(("Головний бухгалтер", supplier.accountant_name))
    story.append(
        KeepTogether(
            [
                ps.para(f"За даними Постачальника ({short_name(supplier.name)}):"),
                ps.para(ps.Bold(debt_statement(doc))),
                Spacer(1, 2 * mm),
                ps.para(f"За даними Покупця ({short_name(doc.buyer.name)}):"),
                HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=11),
                Spacer(1, 5 * mm),
                ps.signatures(
                    ("Від Постачальника:", supplier.name, signers),
                    ("Від Покупця:", doc.buyer.name, buyer_signers(doc.buyer)),
                ),
            ]
        )
    )
    return story


def buyer_signers(buyer: Party) -> list[tuple[str, str]]:
    """Who signs for the client, by its kind (SPEC §11): a company by its
    director and chief accountant (names left to fill in), a sole proprietor
    as ФОП with the name, an individual by name alone."""
    if not buyer.legal_entity:
        return [("", buyer.name)]
    if buyer.signer_title == "Фізична особа-підприємець":
        return [("ФОП", buyer.signer_name or short_name(buyer.name).removeprefix("ФОП "))]
    return [(buyer.signer_title, buyer.signer_name), ("Головний бухгалтер", "")]


def reconciliation_bytes(doc: ReconciliationDocument) -> bytes:
    """The statement as PDF bytes (for previews and e-mail)."""
    buf = io.BytesIO()
    pp.build_pdf(reconciliation_story(doc), buf, title=TITLE, author=doc.supplier.name)
    return buf.getvalue()


def render_reconciliation(doc: ReconciliationDocument, path: str | os.PathLike[str]) -> Path:
    """Write the statement to `path` atomically; refuses before writing anything."""
    story = reconciliation_story(doc)
    return pp.write_atomically(
        path, lambda fh: pp.build_pdf(story, fh, title=TITLE, author=doc.supplier.name)
    )

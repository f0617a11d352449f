"""The reconciliation statement as a sheet (SPEC §13), with what its PDF
has: the two-party layout (our books and the client's, each with debit and
credit; the client's half left blank to fill in), the opening balance, every
document, turnovers and the closing balance as formulas, the debt sentence
and both signature blocks. The autofilter covers the header and the
document rows only, never the turnovers or balances under them.

Drawn by `draw_reconciliation`, which the report writer calls for a report
that carries it (`Report.draw`), so the window, `export reconciliation` and
`reconciliation --out FILE.xlsx` all make the same sheet.
"""

from __future__ import annotations

from decimal import Decimal

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from backoffice.documents.numbers import format_date
from backoffice.documents.reconciliation_pdf import (
    BUYER_ROLE,
    SUPPLIER_ROLE,
    TITLE,
    buyer_signers,
    debt_statement,
    named,
    short_name,
)
from backoffice.documents.records import ReconciliationDocument
from backoffice.exports.cells import excel_date
from backoffice.exports.layout import MADE_AT_FORMAT, MAX_AUTO_WIDTH
from backoffice.exports.report import Report
from backoffice.exports.styles import Styles

SIDE = ("Дата", "Документ", "Дебет, грн", "Кредит, грн")
AMOUNT = '#,##0.00;-#,##0.00;""'  # a zero side of a balance stays empty


def title_lines(doc: ReconciliationDocument, report: Report) -> list[str]:
    period = f"за період з {format_date(doc.period_from)} по {format_date(doc.period_to)}"
    lines = [
        # the statement's own supplier: an issued one keeps the name it was issued under
        doc.supplier.name or report.company,
        TITLE + (f" № {doc.number}" if doc.number else ""),
        period,
        f"між {named(doc.supplier, SUPPLIER_ROLE)} та {named(doc.buyer, BUYER_ROLE)}",
    ]
    if doc.contract:
        lines.append(f"за договором {doc.contract}")
    if doc.account_number:
        lines.append(f"Особовий рахунок: {doc.account_number}")
    made = f"Сформовано: {report.made_at.strftime(MADE_AT_FORMAT)}"
    lines.append(f"{made}, {report.made_by}" if report.made_by else made)
    return lines


def draw_reconciliation(
    doc: ReconciliationDocument, book: xlsxwriter.Workbook, styles: Styles, report: Report
) -> int:
    """Add the statement's sheet to `book`, row by row in order (the writer
    streams); returns the number of document rows."""
    sheet = book.add_worksheet(report.sheet_name)
    f = _Formats(book, styles)
    lines = title_lines(doc, report)
    for r, line in enumerate(lines):
        sheet.write_string(r, 0, line, styles.title_line(r))
    row = len(lines) + 1
    supplier_side = f"За даними Постачальника ({short_name(doc.supplier.name)})"
    buyer_side = f"За даними Покупця ({short_name(doc.buyer.name)})"
    sheet.merge_range(row, 0, row, 3, supplier_side, styles.header)
    sheet.merge_range(row, 4, row, 7, buyer_side, styles.header)
    row += 1
    header = row
    for c, title in enumerate(SIDE * 2):
        sheet.write_string(row, c, title, styles.header)
    row += 1
    opening_row = row
    _balance_row(sheet, f, row, doc, f"Сальдо на {format_date(doc.period_from)}", None)
    sheet.write_number(row, 0, excel_date(doc.period_from), f.date)
    _balance_cells(sheet, f, row, doc.opening_balance)
    row += 1
    first = row
    longest = max(len(supplier_side), len(buyer_side)) // 2
    for r in doc.rows:
        sheet.write_number(row, 0, excel_date(r.date), f.date)
        sheet.write_string(row, 1, r.document, f.text)
        _amount(sheet, row, 2, r.debit, f.money)
        _amount(sheet, row, 3, r.credit, f.money)
        longest = max(longest, len(r.document))
        row += 1
    last = row - 1  # the last document row (the opening row when there are none)
    sheet.autofilter(header, 0, max(last, opening_row), 7)
    turnover = row
    sheet.write_string(row, 1, "Обороти за період", f.total_label)
    sheet.write_string(row, 5, "Обороти за період", f.total_label)
    for c, value in ((2, doc.rows_total_debit), (3, doc.rows_total_credit)):
        if doc.rows:
            top, bottom = xl_rowcol_to_cell(first, c), xl_rowcol_to_cell(last, c)
            sheet.write_formula(row, c, f"=SUM({top}:{bottom})", f.total, float(value))
        else:
            sheet.write_number(row, c, 0, f.total)
    for c in (0, 4, 6, 7):
        sheet.write_blank(row, c, None, f.total)
    row += 1
    _balance_row(sheet, f, row, doc, f"Сальдо на {format_date(doc.period_to)}", f.total)
    net = (
        f"({_cell(opening_row, 2)}-{_cell(opening_row, 3)}"
        f"+{_cell(turnover, 2)}-{_cell(turnover, 3)})"
    )
    closing = doc.closing_balance
    sheet.write_formula(row, 2, f"=MAX({net},0)", f.total, float(max(closing, Decimal(0))))
    sheet.write_formula(row, 3, f"=MAX(-{net},0)", f.total, float(max(-closing, Decimal(0))))
    row += 2
    sheet.write_string(row, 0, f"{supplier_side}:", f.text_plain)
    row += 1
    sheet.write_string(row, 0, debt_statement(doc), f.bold)
    row += 2
    sheet.write_string(row, 0, f"{buyer_side}:", f.text_plain)
    row += 1
    for c in range(8):
        sheet.write_blank(row, c, None, f.fill_line)
    row += 2
    row = _signatures(sheet, f, row, doc)
    _columns(sheet, min(longest + 3, MAX_AUTO_WIDTH))
    sheet.freeze_panes(header + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header - 1, header)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.set_footer("&C&P / &N")
    return len(doc.rows)


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook, styles: Styles) -> None:
        self.date = book.add_format({"num_format": "DD.MM.YYYY", "border": 1, "align": "center"})
        self.text = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        self.text_plain = book.add_format({})
        self.money = book.add_format({"num_format": AMOUNT, "border": 1})
        self.bold = book.add_format({"bold": True})
        self.total = book.add_format({"num_format": AMOUNT, "bold": True, "border": 1})
        self.total_label = book.add_format({"bold": True, "border": 1})
        self.fill_line = book.add_format({"bottom": 1})
        self.caption = book.add_format({"bold": True})
        self.sign_line = book.add_format({"bottom": 1})
        self.hint = book.add_format({"font_size": 7, "font_color": "#595959", "align": "center"})
        self.blank = book.add_format({"border": 1})


def _cell(row: int, col: int) -> str:
    return xl_rowcol_to_cell(row, col)


def _amount(sheet: Worksheet, row: int, col: int, value: Decimal, fmt: object) -> None:
    if value:
        sheet.write_number(row, col, float(value), fmt)
    else:
        sheet.write_blank(row, col, None, fmt)


def _balance_row(
    sheet: Worksheet,
    f: _Formats,
    row: int,
    doc: ReconciliationDocument,
    label: str,
    fmt: object | None,
) -> None:
    """The label on both halves; the client's amounts left blank to fill in."""
    label_fmt = f.total_label
    sheet.write_blank(row, 0, None, fmt or f.date)
    sheet.write_string(row, 1, label, label_fmt)
    sheet.write_blank(row, 4, None, f.blank)
    sheet.write_string(row, 5, label, label_fmt)
    sheet.write_blank(row, 6, None, f.blank)
    sheet.write_blank(row, 7, None, f.blank)


def _balance_cells(sheet: Worksheet, f: _Formats, row: int, balance: Decimal) -> None:
    """A balance into its debit (the client owes) or credit (we owe) cell."""
    sheet.write_number(row, 2, float(max(balance, Decimal(0))), f.total)
    sheet.write_number(row, 3, float(max(-balance, Decimal(0))), f.total)


def _signatures(sheet: Worksheet, f: _Formats, row: int, doc: ReconciliationDocument) -> int:
    supplier = doc.supplier
    ours = [(supplier.signer_title, supplier.signer_name)]
    if supplier.accountant_name:
        ours.append(("Головний бухгалтер", supplier.accountant_name))
    theirs = buyer_signers(doc.buyer)
    sheet.write_string(row, 0, "Від Постачальника:", f.caption)
    sheet.write_string(row, 4, "Від Покупця:", f.caption)
    row += 1
    sheet.write_string(row, 0, supplier.name, f.text_plain)
    sheet.write_string(row, 4, doc.buyer.name, f.text_plain)
    row += 2
    for i in range(max(len(ours), len(theirs))):
        for start, signers in ((0, ours), (4, theirs)):
            if i < len(signers):
                title, name = signers[i]
                if title:
                    sheet.write_string(row, start, title, f.text_plain)
                sheet.write_blank(row, start + 1, None, f.sign_line)
                if name:
                    sheet.write_string(row, start + 2, name, f.text_plain)
        row += 1
        for start, signers in ((0, ours), (4, theirs)):
            if i < len(signers):
                sheet.write_string(row, start + 1, "(підпис)", f.hint)
        row += 2
    sheet.write_string(row, 0, "М.П.", f.text_plain)
    if doc.buyer.legal_entity:
        sheet.write_string(row, 4, "М.П. (за наявності)", f.text_plain)
    return row + 1


def _columns(sheet: Worksheet, document_width: float) -> None:
    for start in (0, 4):
        sheet.set_column(start, start, 12)
        sheet.set_column(start + 1, start + 1, document_width)
        sheet.set_column(start + 2, start + 3, 15)


__all__ = ["draw_reconciliation", "title_lines"]

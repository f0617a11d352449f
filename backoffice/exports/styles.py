"""Cell formats of a report workbook, made once per workbook."""

from __future__ import annotations

import xlsxwriter
from xlsxwriter.format import Format

from backoffice.exports.layout import NUMBER_FORMATS
from backoffice.exports.report import ColumnKind

HEADER_FILL = "#DDEBF7"
MUTED_TEXT = "#595959"


class Styles:
    """Formats by role: title lines, header, data and totals per column kind."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self._titles = [
            book.add_format({"bold": True, "font_size": 12}),  # company
            book.add_format({"bold": True, "font_size": 14}),  # report title
        ]
        self._title_rest = book.add_format({"font_color": MUTED_TEXT})
        self.header = book.add_format(
            {
                "bold": True,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
                "border": 1,
                "bg_color": HEADER_FILL,
            }
        )
        self._data: dict[ColumnKind, Format] = {}
        self._total: dict[ColumnKind, Format] = {}
        for kind, number_format in NUMBER_FORMATS.items():
            # Text is indented a little: it often follows a right-aligned number or date.
            data = {"num_format": number_format} if number_format else {"indent": 1}
            self._data[kind] = book.add_format(data)
            # Thin line above, double line below, as accountants draw a total.
            total: dict[str, object] = {"bold": True, "top": 1, "bottom": 6}
            if number_format:
                total["num_format"] = number_format
            self._total[kind] = book.add_format(total)
        self.total_label = book.add_format({"bold": True, "top": 1, "bottom": 6})
        # Text that looks like a formula: Excel's quote prefix keeps it text
        # even after someone edits the cell.
        self.quoted_text = book.add_format({"indent": 1, "quote_prefix": True})

    def title_line(self, index: int) -> Format:
        return self._titles[index] if index < len(self._titles) else self._title_rest

    def data(self, kind: ColumnKind) -> Format:
        return self._data[kind]

    def total(self, kind: ColumnKind) -> Format:
        return self._total[kind]

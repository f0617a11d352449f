"""What every printed document is made of: colours, tables, blocks.

The fonts are `pdf_fonts`, running text `pdf_text` (re-exported here: `para`,
`Bold`, the text styles, `fit`), the page (numbering, building, writing)
`pdf_page`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Table as _Table
from reportlab.platypus.tables import LINECOMMANDS, CellStyle

from backoffice.documents.numbers import format_amount
from backoffice.documents.pdf_fonts import FONT, FONT_BOLD, FONT_ITALIC
from backoffice.documents.pdf_page import MUTED, WIDTH
from backoffice.documents.pdf_text import (
    BODY,
    SMALL,
    SUBTITLE,
    TITLE,
    Bold,
    TextBlock,
    TextStyle,
    fit,
    para,
)
from backoffice.documents.records import Party
from backoffice.documents.words import amount_in_words

__all__ = [
    "BODY",
    "FONT",
    "FONT_BOLD",
    "FONT_ITALIC",
    "MUTED",
    "SMALL",
    "SUBTITLE",
    "TITLE",
    "WIDTH",
    "Bold",
    "TextBlock",
    "TextStyle",
    "fit",
    "para",
]

GRID = colors.HexColor("#6b6b6b")
HEADER_BG = colors.HexColor("#e8ebef")
TOTAL_BG = colors.HexColor("#f4f5f7")


# --- tables -------------------------------------------------------------------


class Table(_Table):
    """A ReportLab Table whose cells start in DejaVu 8.5/10.5 with the given padding
    (ReportLab's default is Helvetica, which would then be referenced, unembedded,
    by empty cells), whose cells are styled once per shape (`_cell_styles`), and
    which does not lay itself out twice for the same width (KeepTogether measures
    its content, then the frame lays it out again)."""

    def __init__(
        self,
        data: list[list[Any]],
        commands: Sequence[tuple[Any, ...]] = (),
        *,
        pad: tuple[float, float, float, float] | None = None,
        **kw: Any,
    ) -> None:
        # ReportLab makes the parts of a split table through this constructor,
        # passing the (already styled) cell styles.
        if kw.get("cellStyles") is None:
            kw["cellStyles"], commands = _cell_styles(data, commands, pad)
        super().__init__(data, **kw)
        if commands:
            self.setStyle(list(commands))
        self._laid_out: tuple[float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        done = self._laid_out
        if done is not None and done[0] == availWidth and availHeight >= done[1]:
            return self._width, self._height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        complete = getattr(self, "_hmax", self._nrows) == self._nrows
        self._laid_out = (availWidth, self._height) if complete else None
        return size


_STYLED: dict[tuple[Any, ...], list[list[CellStyle]]] = {}
_NOT_PER_CELL = frozenset(
    {"BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT", "ROUNDEDCORNERS"}
    | set(LINECOMMANDS)
)


def _cell_styles(
    data: list[list[Any]],
    commands: Sequence[tuple[Any, ...]],
    pad: tuple[float, float, float, float] | None,
) -> tuple[list[list[CellStyle]], list[tuple[Any, ...]]]:
    """The cell styles of a table of `data` after its per-cell commands (fonts,
    alignment, padding), and the commands left for the table itself.

    ReportLab applies a per-cell command to each cell in its range, a tenth of
    an invoice's time, and an invoice's tables come in a few shapes only: the
    styles are made once per shape and commands and shared, as ReportLab only
    reads them once made. Not for commands on split rows ("splitlast"), which
    restyle cells when the table is split.
    """
    cell = _cell_style(pad)
    n_cols = max(map(len, data)) if data else 0
    if any(len(c) > 2 and (isinstance(c[1][1], str) or isinstance(c[2][1], str)) for c in commands):
        return [[cell("") for _ in range(n_cols)] for _ in data], list(commands)
    per_cell = [c for c in commands if c[0] not in _NOT_PER_CELL]
    key = (pad, len(data), n_cols, repr(per_cell))
    styles = _STYLED.get(key)
    if styles is None:
        styles = [[cell("") for _ in range(n_cols)] for _ in data]
        _Table(data, cellStyles=styles, style=per_cell)  # styles them in place
        if len(_STYLED) >= 256:
            _STYLED.clear()
        _STYLED[key] = styles
    return styles, [c for c in commands if c[0] in _NOT_PER_CELL]


_CELL_STYLES: dict[tuple[float, ...] | None, type[CellStyle]] = {}


def _cell_style(pad: tuple[float, float, float, float] | None) -> type[CellStyle]:
    style = _CELL_STYLES.get(pad)
    if style is None:
        attrs: dict[str, Any] = {"fontname": FONT, "fontsize": 8.5, "leading": 10.5}
        if pad is not None:
            sides = ("leftPadding", "rightPadding", "topPadding", "bottomPadding")
            attrs.update(zip(sides, pad, strict=True))
        style = _CELL_STYLES[pad] = type("BackofficeCell", (CellStyle,), attrs)
    return style


# --- blocks ---------------------------------------------------------------


def title_block(title: str, *subtitles: str) -> list[Flowable]:
    """The centred title and the lines under it (plain text)."""
    out: list[Flowable] = [para(title, style=TITLE)]
    out += [para(s, style=SUBTITLE) for s in subtitles if s]
    out.append(Spacer(1, 4 * mm))
    return out


def party_lines(party: Party, *, with_vat: bool = True) -> list[str]:
    """Name, then code, ІПН and VAT status, account, address, contacts."""
    lines = [party.name]
    ident = [f"{party.code_label}: {party.code}"] if party.code else []
    if party.ipn and party.vat_payer:  # ІПН is a VAT payer's number
        ident.append(f"ІПН: {party.ipn}")
    if with_vat:
        ident.append("платник ПДВ" if party.vat_payer else "не є платником ПДВ")
    if ident:
        lines.append(", ".join(ident))
    if party.iban:
        lines.append(f"IBAN: {party.iban}" + (f" в {party.bank}" if party.bank else ""))
    if party.address:
        lines.append(f"Адреса: {party.address}")
    contacts = [f"тел. {party.phone}" if party.phone else "", party.email]
    if any(contacts):
        lines.append(", ".join(c for c in contacts if c))
    return lines


InfoGroup = tuple[str, Sequence[str], bool]
"""(label, value lines, first value line bold) for `label_table`."""


def label_table(groups: Sequence[InfoGroup], *, label_width: float = 36 * mm) -> Table:
    """Bold labels on the left, their values on the right, no grid."""
    value_width = WIDTH - label_width
    data: list[list[str]] = []
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (0, -1), FONT_BOLD, 8.5, 10.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for label, lines, bold in groups:
        first = len(data)
        for i, line in enumerate(lines):
            font = FONT_BOLD if bold and i == 0 else FONT  # bold is wider: wrap as printed
            data.append([label if i == 0 else "", fit(line, value_width - 6, font=font)])
        if bold:
            style.append(("FONT", (1, first), (1, first), FONT_BOLD, 8.5, 10.5))
        style.append(("BOTTOMPADDING", (0, len(data) - 1), (-1, len(data) - 1), 4))
    return Table(data, style, pad=(0, 6, 0, 0), colWidths=[label_width, value_width], hAlign="LEFT")


def unit_width(units: Sequence[str], *, least: float, size: float = 8.5, pad: float = 6) -> float:
    """A unit column as wide as its widest unit (`користувач`), at least `least`:
    the usual `послуга` keeps the narrow column, a longer unit does not wrap."""
    widest = max((stringWidth(u, FONT, size) for u in units), default=0.0)
    return max(least, min(widest + pad + 1, 30 * mm))


def grid_style(header_rows: int = 1, *, total_rows: int = 0) -> list[tuple[Any, ...]]:
    """A thin grid, a shaded bold centred header; the caller sets alignment and padding
    (cells are DejaVu 8.5/10.5 unless set otherwise, see `Table`)."""
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 8, 9.5),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
    ]
    if total_rows:
        style += [
            ("FONT", (0, -total_rows), (-1, -1), FONT_BOLD, 8.5, 10.5),
            ("BACKGROUND", (0, -total_rows), (-1, -1), TOTAL_BG),
        ]
    return style


def head(labels: Sequence[str], widths: Sequence[float], *, pad: float = 6) -> list[str]:
    """Header cells wrapped to their columns (bold 8 pt, as `grid_style` sets)."""
    return [
        fit(label, w - pad, font=FONT_BOLD, size=8) for label, w in zip(labels, widths, strict=True)
    ]


def totals_block(total: Decimal, vat: Decimal | None, *, label: str = "Разом") -> Table:
    """Right-hand totals: the sum, the VAT in it (or «Без ПДВ»), the sum to pay."""
    vat_row = ["У тому числі ПДВ 20 %:", format_amount(vat)] if vat is not None else ["Без ПДВ", ""]
    data = [
        [f"{label}:", format_amount(total)],
        vat_row,
        ["Всього з ПДВ:" if vat is not None else "Всього:", format_amount(total)],
    ]
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 9, 11.5),
        ("FONT", (0, -1), (-1, -1), FONT_BOLD, 9.5, 12),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
    ]
    return Table(data, style, pad=(6, 3, 1.5, 1.5), colWidths=[55 * mm, 30 * mm], hAlign="RIGHT")


def words_block(count: int, total: Decimal, vat: Decimal | None) -> list[Flowable]:
    """`Всього найменувань 3, на суму 1 234,50 грн.` and the sum in words."""
    vat_words = f"у т. ч. ПДВ: {format_amount(vat)} грн" if vat is not None else "без ПДВ"
    return [
        Spacer(1, 2 * mm),
        para(f"Всього найменувань {count}, на суму {format_amount(total)} грн."),
        para(Bold(amount_in_words(total)), f", {vat_words}."),
    ]


def boxed(title: str, rows: Sequence[tuple[str, str]], *, label_width: float = 38 * mm) -> Table:
    """A framed, shaded box: a bold title, then label / bold value rows."""
    value_width = WIDTH - label_width
    data = [[title, ""]] + [
        [label, fit(value, value_width - 8, font=FONT_BOLD)] for label, value in rows
    ]
    style = [
        ("SPAN", (0, 0), (1, 0)),
        ("FONT", (0, 0), (0, 0), FONT_BOLD, 9, 11.5),
        ("FONT", (1, 1), (1, -1), FONT_BOLD, 8.5, 10.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, -1), TOTAL_BG),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
    ]
    return Table(data, style, pad=(5, 5, 1.5, 1.5), colWidths=[label_width, value_width])


Signer = tuple[str, str]
"""(title, name) of a person who signs; an empty name leaves a line to write it in."""
SignSide = tuple[str, str, Sequence[Signer]]
"""(caption such as «Від Виконавця:», party name or '', signers) for `signatures`."""


def party_side(caption: str, party: Party, *extra: Signer) -> SignSide:
    """A side signed by the party's own signer, plus any `extra` signers: a
    legal entity by position (`Директор`), a sole proprietor as `ФОП Name`,
    an individual by name alone (SPEC §11)."""
    return caption, party.name, [(party.signer_title, party.signer_name), *extra]


def seals(*parties: Party) -> tuple[bool, ...]:
    """Which sides get an «М.П.» place: not a private individual's."""
    return tuple(p.kind != "individual" for p in parties)


SIGNER_LINES = 2
"""A signer's name wraps onto at most this many lines (else it is shortened)."""


def fit_lines(value: str, width: float, lines: int, *, size: float = 8.5) -> str:
    """`fit`, cut to `lines` lines with an ellipsis."""
    wrapped = fit(value, width, size=size).split("\n")
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    last = wrapped[lines - 1]
    while last and stringWidth(last + "…", FONT, size) > width:
        last = last[:-1]
    return "\n".join([*wrapped[: lines - 1], last.rstrip() + "…"])


def signatures(
    left: SignSide, right: SignSide | None = None, *, seal: Sequence[bool] = ()
) -> Table:
    """Signature block, one or two sides: caption, party name, then for each signer
    `Директор ________ Коваленко І. П.` with «(підпис)» under the line; «М.П.»
    under a side whose `seal` is true."""
    side_w = WIDTH / 2 - 4 * mm
    sides = [left, right or ("", "", [])]
    title_w = [
        min(max([stringWidth(t, FONT, 8.5) for t, _ in s[2]] + [0]) + 6, side_w * 0.45)
        for s in sides
    ]
    widths: list[float] = []
    for i, tw in enumerate(title_w):
        line_w = (side_w - tw) * 0.45
        widths += [tw, line_w, side_w - tw - line_w] + ([8 * mm] if i == 0 else [])
    data: list[list[str]] = [
        [sides[0][0], "", "", "", sides[1][0], "", ""],
        [fit(sides[0][1], side_w), "", "", "", fit(sides[1][1], side_w), "", ""],
    ]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8.5, 10.5),
        ("SPAN", (0, 0), (2, 0)),
        ("SPAN", (4, 0), (6, 0)),
        ("SPAN", (0, 1), (2, 1)),
        ("SPAN", (4, 1), (6, 1)),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for k in range(max(len(sides[0][2]), len(sides[1][2]))):
        sign_row: list[str] = []
        caption_row: list[str] = []
        for i, (_, _, signers) in enumerate(sides):
            base = 4 * i
            if k < len(signers):
                title, name = signers[k]
                sign_row += [
                    fit(title, title_w[i] - 4),
                    "",
                    fit_lines(name, widths[base + 2] - 6, SIGNER_LINES),
                ]
                caption_row += ["", "(підпис)", "" if name else "(ПІБ)"]
                style.append(
                    ("LINEBELOW", (base + 1, len(data)), (base + 1, len(data)), 0.6, colors.black)
                )
                if not name:
                    style.append(
                        (
                            "LINEBELOW",
                            (base + 2, len(data)),
                            (base + 2, len(data)),
                            0.6,
                            colors.black,
                        )
                    )
            else:
                sign_row += ["", "", ""]
                caption_row += ["", "", ""]
            if i == 0:
                sign_row.append("")
                caption_row.append("")
        style += [
            ("TOPPADDING", (0, len(data)), (-1, len(data)), 7 * mm),
            ("LEFTPADDING", (2, len(data)), (2, len(data) + 1), 6),
            ("LEFTPADDING", (6, len(data)), (6, len(data) + 1), 6),
            ("FONT", (0, len(data) + 1), (-1, len(data) + 1), FONT, 6.5, 8),
            ("TEXTCOLOR", (0, len(data) + 1), (-1, len(data) + 1), MUTED),
            ("ALIGN", (0, len(data) + 1), (-1, len(data) + 1), "CENTER"),
        ]
        data += [sign_row, caption_row]
    if any(seal):
        marks = ["М.П." if i < len(seal) and seal[i] else "" for i in range(2)]
        data.append([marks[0], "", "", "", marks[1], "", ""])
        style.append(("TOPPADDING", (0, len(data) - 1), (-1, len(data) - 1), 3 * mm))
    return Table(data, style, pad=(0, 0, 0, 1), colWidths=widths, hAlign="LEFT")

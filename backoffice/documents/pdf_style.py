"""What every printed document shares: fonts, styles, blocks, page footer, writing.

* DejaVu Sans (regular, bold, oblique) is registered once per process and
  embedded (subset) in every PDF, so Cyrillic prints the same everywhere.
* `build_pdf` lays out a story on A4 with `NumberingCanvas`, which numbers
  pages *per document*: each document's story starts with a `DocumentStart`
  marker, every page draws a reference to a form XObject, and the forms are
  filled in once the document's page count is known ("Сторінка 2 з 3"). A
  one-page document gets empty forms, so no footer. This works in one pass,
  also in a batch file of thousands of documents.
* `write_atomically` writes to a temporary file in the target folder and
  `os.replace`s it, so a reader never sees half a PDF and a failure leaves
  nothing behind.
"""

from __future__ import annotations

import functools
import os
import secrets
import zlib
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from backoffice.documents.numbers import format_amount
from backoffice.documents.records import Party
from backoffice.documents.words import amount_in_words
from backoffice.errors import BackofficeError

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}
FONTS_ENV = "BACKOFFICE_FONTS_DIR"
_FONT_DIRS = (
    Path(__file__).resolve().parents[2] / "resources" / "fonts",  # source checkout
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian fonts-dejavu-core
)

PAGE = A4
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 12 * mm, 12 * mm, 16 * mm
WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
"""Usable width of the text frame (178 mm)."""

GRID = colors.HexColor("#6b6b6b")
HEADER_BG = colors.HexColor("#e8ebef")
TOTAL_BG = colors.HexColor("#f4f5f7")
MUTED = colors.HexColor("#555555")


def _fonts_dir() -> Path:
    candidates = [Path(os.environ[FONTS_ENV])] if os.environ.get(FONTS_ENV) else []
    for folder in [*candidates, *_FONT_DIRS]:
        if all((folder / name).is_file() for name in _FONT_FILES.values()):
            return folder
    looked = ", ".join(map(str, [*candidates, *_FONT_DIRS]))
    raise BackofficeError(
        f"DejaVu Sans fonts not found (looked in {looked}); "
        f"set {FONTS_ENV} to a folder holding {', '.join(_FONT_FILES.values())}"
    )


def register_fonts() -> None:
    """Register the DejaVu family with ReportLab; cheap after the first call."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = _fonts_dir()
    for name, filename in _FONT_FILES.items():
        font = TTFont(name, str(folder / filename))
        _reuse_subsets(font)
        pdfmetrics.registerFont(font)
    # No bold-oblique file ships; bold stands in for it.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


# Every document claims these characters first, in this order, so that the
# embedded font subset is the same from one document to the next (a document
# using other characters gets them appended and a subset of its own). The
# subset is then built and compressed once per process instead of once per
# document: about 4 ms of the 10 ms an invoice takes. The price is some 10 KB
# per font for glyphs a document may not use.
ALPHABET = (
    "".join(map(chr, range(32, 127)))
    + "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
    + "ЁЪЫЭёъыэ«»№–—’ʼ×…°\u00a0"
)


class _CachedFlate:
    """Flate compression that remembers its last few results (font subsets)."""

    pdfname = "FlateDecode"

    def __init__(self) -> None:
        self._done: dict[bytes, bytes] = {}

    def encode(self, content: bytes | str) -> bytes:
        data = content.encode("utf8") if isinstance(content, str) else content
        packed = self._done.get(data)
        if packed is None:
            if len(self._done) >= 8:
                self._done.clear()
            packed = self._done[data] = zlib.compress(data)
        return packed

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


_FLATE = _CachedFlate()


def _reuse_subsets(font: TTFont) -> None:
    """Build each distinct subset of `font` once per process (see ALPHABET)."""
    face = font.face
    build = face.makeSubset
    cached = functools.lru_cache(maxsize=8)(lambda codes: build(list(codes)))
    face.makeSubset = lambda subset: cached(tuple(subset))
    add = face.addSubsetObjects

    def add_subset(doc: Any, fontname: str, subset: list[int]) -> Any:
        ref = add(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if stream is not None and stream.filters:
            stream.filters = [_FLATE]
        return ref

    face.addSubsetObjects = add_subset


register_fonts()


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": FONT, "fontSize": 9, "leading": 11.5}
    return ParagraphStyle(f"bo-{name}", **{**base, **kw})


BODY = _style("body")
SMALL = _style("small", fontSize=7.5, leading=9.5, textColor=MUTED)
TITLE = _style("title", fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER)
SUBTITLE = _style("subtitle", fontSize=9.5, leading=12, alignment=TA_CENTER)
CELL = _style("cell", fontSize=8.5, leading=10.5)


def text(value: str) -> str:
    """Escape a record's text for Paragraph markup."""
    return escape(value)


def tstyle(
    commands: Sequence[tuple[Any, ...]], *, pad: tuple[float, float, float, float] | None = None
) -> TableStyle:
    """A TableStyle whose cells default to DejaVu (ReportLab's default is Helvetica,
    which would then be referenced, unembedded, by empty cells); `pad` sets the
    (left, right, top, bottom) padding of all cells before `commands` apply."""
    base: list[tuple[Any, ...]] = [("FONT", (0, 0), (-1, -1), FONT, 8.5, 10.5)]
    if pad is not None:
        sides = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
        base += [(side, (0, 0), (-1, -1), value) for side, value in zip(sides, pad, strict=True)]
    return TableStyle([*base, *commands])


def para(markup: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(markup, style)


def fit(value: str, width: float, *, font: str = FONT, size: float = 8.5) -> str:
    """Wrap plain text into a table cell `width` wide (lines joined by newlines).

    Table cells hold plain strings wherever one font suffices: a Paragraph
    costs about ten times as much to parse, wrap and draw, and an invoice
    would otherwise hold some fifty of them.
    """
    if not value:
        return ""
    value = value.replace("№ ", "№\u00a0")  # keep a number with its sign
    if "\n" not in value and stringWidth(value, font, size) <= width:
        return value
    lines: list[str] = []
    for paragraph in value.split("\n"):
        line = ""
        for word in paragraph.split(" "):  # only plain spaces: a no-break space holds
            candidate = f"{line} {word}" if line else word
            if line and stringWidth(candidate, font, size) > width:
                lines.append(line)
                candidate = word
            while stringWidth(candidate, font, size) > width and len(candidate) > 1:
                cut = _longest_prefix(candidate, width, font, size)
                lines.append(candidate[:cut])
                candidate = candidate[cut:]
            line = candidate
        lines.append(line)
    return "\n".join(lines)


def _longest_prefix(word: str, width: float, font: str, size: float) -> int:
    """How many characters of an overlong word fit on a line (at least one)."""
    cut = len(word) - 1
    while cut > 1 and stringWidth(word[:cut], font, size) > width:
        cut -= 1
    return cut


# --- blocks ---------------------------------------------------------------


def title_block(title: str, *subtitles: str) -> list[Flowable]:
    """The centred title and the lines under it (plain text, escaped here)."""
    out: list[Flowable] = [para(text(title), TITLE)]
    out += [para(text(s), SUBTITLE) for s in subtitles if s]
    out.append(Spacer(1, 4 * mm))
    return out


def party_lines(party: Party, *, with_vat: bool = True) -> list[str]:
    """Name, then code, ІПН and VAT status, account, address, contacts."""
    lines = [party.name]
    ident = [f"{party.code_label}: {party.code}"] if party.code else []
    if party.ipn:
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
            data.append([label if i == 0 else "", fit(line, value_width - 6)])
        if bold:
            style.append(("FONT", (1, first), (1, first), FONT_BOLD, 8.5, 10.5))
        style.append(("BOTTOMPADDING", (0, len(data) - 1), (-1, len(data) - 1), 4))
    table = Table(data, colWidths=[label_width, value_width], hAlign="LEFT")
    table.setStyle(tstyle(style, pad=(0, 6, 0, 0)))
    return table


def grid_style(header_rows: int = 1, *, total_rows: int = 0) -> list[tuple[Any, ...]]:
    """A thin grid, a shaded bold centred header; the caller sets alignment and padding."""
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5, 10.5),
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
    table = Table(data, colWidths=[55 * mm, 30 * mm], hAlign="RIGHT")
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 9, 11.5),
        ("FONT", (0, -1), (-1, -1), FONT_BOLD, 9.5, 12),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
    ]
    table.setStyle(tstyle(style, pad=(6, 3, 1.5, 1.5)))
    return table


def words_block(count: int, total: Decimal, vat: Decimal | None) -> list[Flowable]:
    """`Всього найменувань 3, на суму 1 234,50 грн.` and the sum in words."""
    vat_words = f"у т. ч. ПДВ: {format_amount(vat)} грн" if vat is not None else "без ПДВ"
    return [
        Spacer(1, 2 * mm),
        para(f"Всього найменувань {count}, на суму {format_amount(total)} грн."),
        para(f"<b>{text(amount_in_words(total))}</b>, {vat_words}."),
    ]


def boxed(title: str, rows: Sequence[tuple[str, str]], *, label_width: float = 38 * mm) -> Table:
    """A framed, shaded box: a bold title, then label / bold value rows."""
    value_width = WIDTH - label_width
    data = [[title, ""]] + [
        [label, fit(value, value_width - 8, font=FONT_BOLD)] for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, value_width])
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
    table.setStyle(tstyle(style, pad=(5, 5, 1.5, 1.5)))
    return table


Signer = tuple[str, str]
"""(title, name) of a person who signs; an empty name leaves a line to write it in."""
SignSide = tuple[str, str, Sequence[Signer]]
"""(caption such as «Від Виконавця:», party name or '', signers) for `signatures`."""


def party_side(caption: str, party: Party, *extra: Signer) -> SignSide:
    """A side signed by the party's own signer, plus any `extra` signers."""
    return caption, party.name, [(party.signer_title, party.signer_name), *extra]


def signatures(left: SignSide, right: SignSide | None = None) -> Table:
    """Signature block, one or two sides: caption, party name, then for each signer
    `Директор ________ Коваленко І. П.` with «(підпис)» under the line."""
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
                sign_row += [fit(title, title_w[i] - 4), "", fit(name, widths[base + 2] - 6)]
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
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(tstyle(style, pad=(0, 0, 0, 1)))
    return table


# --- page numbering -------------------------------------------------------


class DocumentStart(Flowable):
    """A zero-size marker that opens a document's page count in the canvas."""

    def __init__(self, footer: str) -> None:
        super().__init__()
        self.footer = footer
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        if isinstance(canv, NumberingCanvas):
            canv.start_document(self.footer)


class NumberingCanvas(Canvas):
    """Numbers pages per document, in one pass (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in (FONT, FONT_BOLD):
            pdfmetrics.getFont(name).splitString(ALPHABET, self._doc)
        self._seq = 0
        self._pages = 0
        self._footer = ""
        self._pending: list[tuple[int, int, str]] = []

    def start_document(self, footer: str) -> None:
        if self._seq:
            # The previous document ended on the previous page: the marker
            # draws before this page's end, so this page is not counted yet.
            self._pending.append((self._seq, self._pages, self._footer))
        self._seq += 1
        self._pages = 0
        self._footer = footer

    def page_footer(self) -> None:
        """Called at the end of each page: place this page's number form."""
        self._pages += 1
        self.doForm(f"bo_pg_{self._seq}_{self._pages}")

    def showPage(self) -> None:
        super().showPage()
        self._flush()

    def save(self) -> None:
        if self._seq:
            self._pending.append((self._seq, self._pages, self._footer))
            self._seq = 0
        self._flush()
        super().save()

    def _flush(self) -> None:
        for seq, pages, footer in self._pending:
            for page in range(1, pages + 1):
                self.beginForm(f"bo_pg_{seq}_{page}")
                if pages > 1:
                    self.setFont(FONT, 7.5)
                    self.setFillColor(MUTED)
                    self.drawString(MARGIN_LEFT, 9 * mm, footer)
                    self.drawRightString(
                        PAGE[0] - MARGIN_RIGHT, 9 * mm, f"Сторінка {page} з {pages}"
                    )
                self.endForm()
        self._pending.clear()


def _page_end(canvas: Canvas, _doc: BaseDocTemplate) -> None:
    if isinstance(canvas, NumberingCanvas):
        canvas.page_footer()


def build_pdf(story: list[Flowable], target: str | BinaryIO, *, title: str, author: str) -> None:
    """Lay out `story` on A4 into a file name or a binary file object."""
    doc = BaseDocTemplate(
        target,
        pagesize=PAGE,
        title=title,
        author=author,
        creator="backoffice",
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        invariant=1,
        initialFontName=FONT,
        initialFontSize=9,
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        WIDTH,
        PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate("page", [frame], onPageEnd=_page_end)])
    doc.build(story, canvasmaker=NumberingCanvas)


# --- writing --------------------------------------------------------------


def check_folder(folder: Path) -> None:
    """A clear refusal when a target folder is missing or read-only."""
    if not folder.is_dir():
        raise BackofficeError(f"folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackofficeError(f"folder {folder} is not writable")


def write_atomically(
    path: str | os.PathLike[str], write: Callable[[BinaryIO], object], *, fsync: bool = True
) -> Path:
    """Write through `write(file)` to a temp file beside `path`, then rename.

    On any error the temp file is removed and the target is left as it was.
    The file gets the usual permissions (0666 minus umask), not mkstemp's 0600.
    """
    target = Path(path)
    check_folder(target.parent)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise BackofficeError(f"cannot write {target}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target

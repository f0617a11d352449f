"""Running text of printed documents, drawn without ReportLab's Paragraph.

Table cells hold plain strings wrapped by `fit`, and running text is a
`TextBlock` of plain and `Bold` parts. A Paragraph parses markup and lays out
fragments, about ten times the cost, and an invoice would otherwise hold some
fifty of them; record text also needs no escaping this way. A `TextBlock` is
placed exactly as a Paragraph of the same style (first baseline one font size
below the top, then one leading per line, words wrapped at plain spaces).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from backoffice.documents.pdf_fonts import FONT, FONT_BOLD
from backoffice.documents.pdf_page import MUTED, NumberingCanvas


@dataclasses.dataclass(frozen=True)
class TextStyle:
    """How a `TextBlock` prints."""

    size: float = 9
    """Font size, points."""
    leading: float = 11.5
    """Distance between baselines, points."""
    font: str = FONT
    """Font of the plain parts."""
    bold_font: str = FONT_BOLD
    """Font of the `Bold` parts."""
    color: Color = colors.black
    centred: bool = False
    """Lines centred in the frame, else flush left."""


BODY = TextStyle()
SMALL = TextStyle(size=7.5, leading=9.5, color=MUTED)
TITLE = TextStyle(size=13, leading=16, font=FONT_BOLD, centred=True)
SUBTITLE = TextStyle(size=9.5, leading=12, centred=True)


class Bold(str):
    """A part of a `TextBlock` printed in the style's bold font."""


Run = tuple[str, str]
"""(font, text) printed in one go."""


class TextBlock(Flowable):
    """Running text in one style, plain and bold parts, wrapped at plain spaces."""

    def __init__(self, runs: Sequence[Run], style: TextStyle = BODY) -> None:
        super().__init__()
        self.runs = list(runs)
        self.style = style
        self._lines: list[tuple[float, list[Run]]] = []
        self._wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_at != availWidth:
            self._lines = _break_lines(self.runs, availWidth, self.style.size)
            self._wrapped_at = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit_lines = int((availHeight + 1e-6) // self.style.leading)
        if fit_lines < 1 or fit_lines >= len(self._lines):
            return []
        return [self._part(self._lines[:fit_lines]), self._part(self._lines[fit_lines:])]

    def _part(self, lines: list[tuple[float, list[Run]]]) -> TextBlock:
        part = TextBlock([run for _, runs in lines for run in runs], self.style)
        part._lines, part._wrapped_at = lines, self._wrapped_at
        return part

    def draw(self) -> None:
        canv = self.canv
        style = self.style
        canv.saveState()
        canv.setFillColor(style.color)
        y = self.height - style.size
        for width, runs in self._lines:
            x = (self.width - width) / 2 if style.centred else 0.0
            code = None
            if isinstance(canv, NumberingCanvas):
                code = canv.text_code(
                    x, y, [(font, style.size, text) for font, text in runs], style.leading
                )
            if code is not None:
                canv._code.append(code)
            else:
                tx = canv.beginText(x, y)
                for font, text in runs:
                    tx.setFont(font, style.size, style.leading)
                    tx.textOut(text)
                canv.drawText(tx)
            y -= style.leading
        canv.restoreState()


def _break_lines(runs: Sequence[Run], width: float, size: float) -> list[tuple[float, list[Run]]]:
    """Greedy line breaking at plain spaces (a no-break space holds), as Paragraph does;
    a space prints in the font of the part it is in. Returns (width, runs) per line."""
    words: list[list[Run]] = [[]]
    gaps: list[str] = []  # the font of the space before words[i + 1]
    for font, text in runs:
        for i, piece in enumerate(bounded(text).split(" ")):
            if i and words[-1]:
                words.append([])
                gaps.append(font)
            # a word wider than the line is cut into pieces that fit, each a word
            while piece and stringWidth(piece, font, size) > width and len(piece) > 1:
                cut = _longest_prefix(piece, width, font, size)
                if words[-1]:
                    words.append([])
                    gaps.append(font)
                words[-1].append((font, piece[:cut]))
                words.append([])
                gaps.append(font)
                piece = piece[cut:]
            if piece:
                words[-1].append((font, piece))
    if not words[-1]:
        words.pop()
        gaps = gaps[: max(len(words) - 1, 0)]
    lines: list[tuple[float, list[Run]]] = []
    line: list[Run] = []
    line_width = 0.0
    for i, word in enumerate(words):
        word_width = sum(stringWidth(text, font, size) for font, text in word)
        space = stringWidth(" ", gaps[i - 1], size) if i else 0.0
        if line and line_width + space + word_width > width + 1e-6:
            lines.append((line_width, line))
            line, line_width = [], 0.0
        elif line:
            line.append((gaps[i - 1], " "))
            line_width += space
        line += word
        line_width += word_width
    if line:
        lines.append((line_width, line))
    return [(w, _merge(runs)) for w, runs in lines]


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for font, text in runs:
        if merged and merged[-1][0] == font:
            merged[-1] = (font, merged[-1][1] + text)
        else:
            merged.append((font, text))
    return merged


def para(*parts: str, style: TextStyle = BODY) -> TextBlock:
    """A `TextBlock` of `parts`: plain strings, and `Bold` ones in bold."""
    return TextBlock(
        [(style.bold_font if isinstance(p, Bold) else style.font, p) for p in parts if p], style
    )


MAX_PRINTED = 2_000
"""Characters of one value a document prints at most. Every value the services
accept is shorter (backoffice/bounds.py: names 300, texts up to 2,000); a
longer one stored before those bounds is cut with an ellipsis rather than
laid out for minutes."""


def bounded(value: str) -> str:
    """`value`, cut to `MAX_PRINTED` characters with an ellipsis."""
    return value if len(value) <= MAX_PRINTED else value[: MAX_PRINTED - 1] + "…"


def fit(value: str, width: float, *, font: str = FONT, size: float = 8.5) -> str:
    """Wrap plain text into a table cell `width` wide (lines joined by newlines).

    Wrapped as `TextBlock` wraps; a word longer than the line is cut.
    """
    if not value:
        return ""
    value = bounded(value)
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
    """How many characters of an overlong word fit on a line (at least one):
    a binary search, so a long word costs a few widths per line, not one per
    character."""
    low, high = 1, len(word) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low

"""The page under every printed document: text drawing, numbering, building, writing.

* `build_pdf` lays out a story on A4 with `NumberingCanvas`, which numbers
  pages *per document*: each document's story starts with a `DocumentStart`
  marker, and once a document's last page is out, "Сторінка 2 з 3" is added
  to the operators of each of its pages (kept as text until the file is
  saved). A one-page document gets no footer. This works in one pass, also
  in a batch file of thousands of documents.
* `NumberingCanvas` writes a plain one-line string's text operators itself
  instead of through a ReportLab text object per string (the same operators,
  byte for byte), remembers them per string, and skips empty strings (empty
  table cells); page streams are Flate-compressed at a quicker level and
  without ASCII85. The fonts and their per-process caches are `pdf_fonts`.
* `Stamp` draws a block that recurs on every document of a batch (an
  invoice's supplier rows and signatures) once per file, as a form XObject.
* `write_atomically` writes to a temporary file in the target folder and
  `os.replace`s it, so a reader never sees half a PDF and a failure leaves
  nothing behind.
"""

from __future__ import annotations

import itertools
import os
import secrets
import signal
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from backoffice.documents.pdf_fonts import FONT, claim_alphabet
from backoffice.errors import BackofficeError

PAGE = A4
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 12 * mm, 12 * mm, 16 * mm
WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
"""Usable width of the text frame (178 mm)."""
MUTED = colors.HexColor("#555555")
MARK_COLOR = colors.HexColor("#c0392b")


# --- page numbering and text ------------------------------------------------


class DocumentStart(Flowable):
    """A zero-size marker that opens a document's page count in the canvas;
    `mark` (e.g. «АНУЛЬОВАНО») is printed across every page of the document."""

    def __init__(self, footer: str, mark: str = "") -> None:
        super().__init__()
        self.footer = footer
        self.mark = mark
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        if isinstance(canv, NumberingCanvas):
            canv.start_document(self.footer, self.mark)


class NumberingCanvas(Canvas):
    """Numbers pages per document, in one pass (see the module docstring), draws
    plain strings through `text_code`, and places `Stamp`s."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        claim_alphabet(self._doc)
        self._in_document = False
        self._footer = ""
        self._mark = ""
        self._pages: list[pdfdoc.PDFPage] = []
        self._pending: list[tuple[str, str, list[pdfdoc.PDFPage]]] = []
        self._runs: dict[tuple[str, float, str, str], str | None] = {}

    # Text: the operators ReportLab's drawString writes for a one-font string
    # ("BT 1 0 0 1 x y Tm /F1+0 9 Tf 11.5 TL (..) Tj T* ET"), without building a
    # text object per string; anything else (other fonts or options, several
    # lines) goes to ReportLab.

    def text_code(
        self,
        x: float,
        y: float,
        runs: Iterable[tuple[str, float, str]],
        leading: float | None = None,
    ) -> str | None:
        """The operators drawing `runs` of (font, size, text) from (x, y) on one
        line (leading: the canvas's by default), or None if a font is not ours."""
        lead = fp_str(self._leading if leading is None else leading)
        code = [f"BT 1 0 0 1 {fp_str(x, y)} Tm"]
        known = self._runs
        for name, size, text in runs:
            # A run's operators depend on the run alone within one PDF (a
            # character keeps its subset code), and labels, units and the
            # supplier's lines recur on every page: built once, looked up after.
            key = (name, size, lead, text)
            run = known.get(key, "")
            if run == "":
                if len(known) >= 20_000:
                    known.clear()
                run = known[key] = self._run_code(name, size, lead, text)
            if run is None:
                return None
            code.append(run)
        code.append("T* ET")
        return " ".join(code)

    def _run_code(self, name: str, size: float, lead: str, text: str) -> str | None:
        font = pdfmetrics.getFont(name)
        if not font._dynamicFont:
            return None
        doc = self._doc
        code = []
        current = -1
        for subset, chunk in font.splitString(text, doc):
            if subset != current:
                internal = font.getSubsetInternalName(subset, doc)
                code.append(f"{internal} {fp_str(size)} Tf {lead} TL")
                current = subset
            code.append(f"({escapePDF(chunk)}) Tj")
        return " ".join(code)

    def _fast(self, x: float, y: float, text: str, options: tuple[Any, ...], kw: Any) -> bool:
        if options or kw or not self.bottomup or "\n" in text:
            return False
        if not text:
            return True  # an empty cell: nothing to draw
        code = self.text_code(x, y, ((self._fontname, self._fontsize, text),))
        if code is None:
            return False
        self._code.append(code)
        return True

    def drawString(self, x: float, y: float, text: str, *options: Any, **kw: Any) -> None:
        if not self._fast(x, y, text, options, kw):
            super().drawString(x, y, text, *options, **kw)

    def drawRightString(self, x: float, y: float, text: str, *options: Any, **kw: Any) -> None:
        width = stringWidth(text, self._fontname, self._fontsize) if text else 0
        if not self._fast(x - width, y, text, options, kw):
            super().drawRightString(x, y, text, *options, **kw)

    def drawCentredString(self, x: float, y: float, text: str, *options: Any, **kw: Any) -> None:
        width = stringWidth(text, self._fontname, self._fontsize) if text else 0
        if not self._fast(x - 0.5 * width, y, text, options, kw):
            super().drawCentredString(x, y, text, *options, **kw)

    # Page numbers: a page's operators stay a plain string on its PDFPage until
    # the file is saved (`PDFPage.stream`, ReportLab 5.1), so once a document's
    # last page is out its footers are appended to its pages; a one-page
    # document gets none. (Before, each page placed a form XObject filled in
    # later: an object more per page, empty on most.)

    def start_document(self, footer: str, mark: str = "") -> None:
        if self._in_document:
            # The previous document ended on the previous page: the marker
            # draws before this page is shown, so this page is not counted yet.
            self._pending.append((self._footer, self._mark, self._pages))
        self._in_document = True
        self._footer = footer
        self._mark = mark
        self._pages = []

    def showPage(self) -> None:
        super().showPage()
        if self._in_document:
            self._pages.append(self._doc.Pages.pages[-1])
        self._flush()

    def save(self) -> None:
        if self._in_document:
            self._pending.append((self._footer, self._mark, self._pages))
            self._in_document = False
        self._flush()
        super().save()

    def _flush(self) -> None:
        for footer, mark, pages in self._pending:
            if mark:
                code = self._mark_code(mark)
                for page in pages:
                    page.stream += code
            if len(pages) < 2:
                continue
            for number, page in enumerate(pages, 1):
                page.stream += self._footer_code(footer, f"Сторінка {number} з {len(pages)}")
        self._pending.clear()

    def _mark_code(self, mark: str) -> str:
        """A large outlined word across the page (over the content, which shows
        through the letters' outlines): a cancelled document's «АНУЛЬОВАНО»."""
        page_code = self._code
        self._code = []
        try:
            self.saveState()
            self.translate(PAGE[0] / 2, PAGE[1] / 2)
            self.rotate(40)
            self.setStrokeColor(MARK_COLOR)
            self.setLineWidth(2)
            size = min(90.0, 0.85 * PAGE[0] * 1.2 / max(stringWidth(mark, FONT, 1), 1))
            text = self.beginText(-stringWidth(mark, FONT, size) / 2, -size / 3)
            text.setFont(FONT, size)
            text.setTextRenderMode(1)  # outline only
            text.textOut(mark)
            self.drawText(text)
            self.restoreState()
            return "\n".join(self._code) + "\n"
        finally:
            self._code = page_code

    def _footer_code(self, left: str, right: str) -> str:
        """The operators of a footer line, drawn by the canvas into a scratch list."""
        page_code = self._code
        self._code = []
        try:
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_LEFT, 9 * mm, left)
            self.drawRightString(PAGE[0] - MARGIN_RIGHT, 9 * mm, right)
            self.restoreState()
            return "\n".join(self._code) + "\n"
        finally:
            self._code = page_code

    # Stamps: see `Stamp`.

    def draw_stamp(self, stamp: Stamp) -> None:
        """Place `stamp` at the origin, drawing it into a form XObject the first time."""
        name = f"bo_stamp_{stamp.number}"
        if not self.hasForm(name):
            inner = stamp.inner
            pad = 20  # the form clips to its box: room for line ends and overhangs
            self.beginForm(name, -pad, -pad, stamp.width + pad, stamp.height + pad)
            inner.drawOn(self, 0, 0)
            self.endForm()
        self.doForm(name)


class Stamp(Flowable):
    """A block that is the same on many documents of one PDF (an invoice's
    signatures): drawn once into a form XObject, then placed by reference.
    It prints as the block would: same place, same operators.

    Its flowable is made by `make()` once per process for each `key` (the last
    few are kept), so neither building nor layout nor drawing is repeated."""

    _made: ClassVar[dict[str, tuple[int, Flowable]]] = {}

    def __init__(self, key: str, make: Callable[[], Flowable]) -> None:
        super().__init__()
        made = self._made.get(key)
        if made is None:
            if len(self._made) >= 16:
                self._made.clear()
            made = self._made[key] = (next(_stamp_numbers), make())
        self.number, self.inner = made
        self.hAlign = self.inner.hAlign

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = self.inner.split(availWidth, availHeight)
        return parts

    def draw(self) -> None:
        canv = self.canv
        if isinstance(canv, NumberingCanvas):
            canv.draw_stamp(self)
        else:
            self.inner.drawOn(canv, 0, 0)


_stamp_numbers = itertools.count(1)


class _QuickFlate:
    """Flate at level 3: half the time of the default level 6 on a page's
    operators, for some 10 % more bytes (about 400 on an invoice)."""

    pdfname = "FlateDecode"

    def encode(self, content: bytes | str) -> bytes:
        data = content.encode("utf8") if isinstance(content, str) else content
        return zlib.compress(data, 3)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


@contextmanager
def _quick_streams() -> Iterator[None]:
    """Page and form streams Flate-compressed only, at `_QuickFlate`'s level.

    ReportLab's default adds an ASCII85 layer (for 7-bit transports) that costs
    time and a quarter more bytes. Both settings are module globals of
    ReportLab read while the document is built, so they are set for the build
    and restored after it (the font streams have their own filter)."""
    saved = rl_config.useA85, pdfdoc.PDFZCompress
    rl_config.useA85, pdfdoc.PDFZCompress = 0, _QuickFlate()
    try:
        yield
    finally:
        rl_config.useA85, pdfdoc.PDFZCompress = saved


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
    doc.addPageTemplates([PageTemplate("page", [frame])])
    with _quick_streams():
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

    On any error, an interrupt or a SIGTERM the temp file is removed and the
    target is left as it was. A run killed outright (SIGKILL, power loss)
    cannot clean up: its temp file names its process, and the next write of
    the same target removes those of processes no longer running.
    The file gets the usual permissions (0666 minus umask), not mkstemp's 0600.
    """
    target = Path(path)
    check_folder(target.parent)
    _remove_orphans(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise BackofficeError(f"cannot write {target}: {exc.strerror}") from exc
    try:
        with _terminate_as_exit(), os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _remove_orphans(target: Path) -> None:
    """Remove temp files of `target` left by processes that no longer run."""
    prefix = f".{target.name}."
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        parts = name[len(prefix) :].split(".")
        if len(parts) != 3 or parts[2] != "tmp" or not parts[0].isdigit():
            continue
        if not _running(int(parts[0])):
            (target.parent / name).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's, or cannot tell: leave it
    return True


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """While a file is written, SIGTERM ends the process as an exception would
    (so the temp file is removed); only the main thread can set a handler."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    if previous is not signal.SIG_DFL:  # the program handles SIGTERM itself
        yield
        return
    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)

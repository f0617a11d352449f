"""The DejaVu fonts every printed document embeds, and what is cached about them.

DejaVu Sans (regular, bold, oblique) is registered once per process (on
import) and embedded, subset, in every PDF, so Cyrillic prints the same
everywhere.

Every document claims the characters of `ALPHABET` first (`claim_alphabet`),
so the embedded subset, its widths and its ToUnicode map are the same from
one document to the next: they are built, formatted and compressed once per
process, and a string's encoding into the subset is looked up instead of
recomputed. These hooks wrap ReportLab internals of the registered fonts only
(`TTFont.splitString`/`addObjects`, `TTFontFace.makeSubset`/
`addSubsetObjects`); checked against ReportLab 5.1.
"""

from __future__ import annotations

import functools
import os
import zlib
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

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
    # Package data: in a checkout, a wheel and the installer's folder alike.
    Path(__file__).resolve().parents[1] / "resources" / "fonts",
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian fonts-dejavu-core
)


def fonts_dir() -> Path:
    """The first folder holding all three DejaVu files (BACKOFFICE_FONTS_DIR first)."""
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
    folder = fonts_dir()
    for name, filename in _FONT_FILES.items():
        font = TTFont(name, str(folder / filename))
        _reuse_subsets(font)
        pdfmetrics.registerFont(font)
    # No bold-oblique file ships; bold stands in for it.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


# Every document claims these characters first, in this order (see the module
# docstring). A document using other characters gets them appended to the
# subset, which is then its own. The price is some 10 KB per font for glyphs
# a document may not use.
ALPHABET = (
    "".join(map(chr, range(32, 127)))
    + "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
    + "ЁЪЫЭёъыэ«»№–—’ʼ×…°\u00a0"
)
_IN_ALPHABET = frozenset(ALPHABET)
_CANONICAL = "_bo_alphabet_first"
"""Set on a PDFDocument whose fonts claimed ALPHABET before anything else."""


class _CachedFlate:
    """Flate compression that remembers its last few results (subsets, ToUnicode maps)."""

    pdfname = "FlateDecode"

    def __init__(self) -> None:
        self._done: dict[bytes, bytes] = {}

    def encode(self, content: bytes | str) -> bytes:
        data = content.encode("utf8") if isinstance(content, str) else content
        packed = self._done.get(data)
        if packed is None:
            if len(self._done) >= 16:
                self._done.clear()
            packed = self._done[data] = zlib.compress(data)
        return packed

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


_FLATE = _CachedFlate()


class _Formatted(pdfdoc.PDFObject):
    """A PDF object formatted once (a subset's /Widths array)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


@functools.lru_cache(maxsize=16)
def _widths_array(widths: tuple[float, ...]) -> _Formatted:
    return _Formatted(pdfdoc.PDFArray(widths).format(None))


def _reuse_subsets(font: TTFont) -> None:
    """Build, format and compress each distinct subset of `font` once per process."""
    face = font.face
    build = face.makeSubset
    cached = functools.lru_cache(maxsize=8)(lambda codes: build(list(codes)))
    face.makeSubset = lambda subset: cached(tuple(subset))
    add_subset = face.addSubsetObjects

    def add_subset_objects(doc: Any, fontname: str, subset: list[int]) -> Any:
        ref = add_subset(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if stream is not None and stream.filters:
            stream.filters = [_FLATE]
        return ref

    face.addSubsetObjects = add_subset_objects
    add_objects = font.addObjects

    def add_font_objects(doc: Any) -> None:
        state = font.state.get(doc)
        add_objects(doc)
        if state is None or state.internalName is None:
            return
        for n in range(len(state.subsets)):
            pdf_font = doc.idToObject.get(f"{state.internalName}+{n}")
            if pdf_font is None:
                continue
            pdf_font.Widths = _widths_array(tuple(pdf_font.Widths.sequence))
            cmap = doc.idToObject.get(f"toUnicodeCMap:{pdf_font.BaseFont}")
            if cmap is not None and cmap.filters:
                cmap.filters = [_FLATE]

    font.addObjects = add_font_objects
    split = font.splitString
    splits: dict[str, list[tuple[int, bytes]]] = {}

    def split_string(text: str, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        # Within ALPHABET every character has the same code in every
        # canonical document, so the answer depends on the text alone.
        if getattr(doc, _CANONICAL, False) and isinstance(text, str):
            done = splits.get(text)
            if done is not None:
                return done
            if _IN_ALPHABET.issuperset(text):
                if len(splits) >= 50_000:
                    splits.clear()
                done = splits[text] = split(text, doc, encoding)
                return done
        result: list[tuple[int, bytes]] = split(text, doc, encoding)
        return result

    font.splitString = split_string


register_fonts()


def claim_alphabet(doc: Any) -> None:
    """Give ALPHABET its fixed codes in a fresh PDFDocument (see the module docstring)."""
    for name in (FONT, FONT_BOLD):
        pdfmetrics.getFont(name).splitString(ALPHABET, doc)
    setattr(doc, _CANONICAL, True)

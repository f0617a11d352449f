"""Telling a statement's format from its bytes, and reading its cells.

File names lie (an `.xls` that is HTML or a PDF), headers lie (`Кодировка`),
so only the content decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from backoffice.importers.statements import sheets
from backoffice.importers.statements.camt import camt_kind
from backoffice.importers.statements.columns import read_columns
from backoffice.importers.statements.encoding import decode_text
from backoffice.importers.statements.lines import RowError
from backoffice.importers.statements.onec import looks_like_1c
from backoffice.importers.statements.profiles import MappingProfile
from backoffice.importers.statements.registry import registry_columns
from backoffice.importers.statements.swift_mt940 import looks_like_mt940
from backoffice.importers.statements.tabular import Layout, bind

TABLE_KINDS = ("xls", "xlsx", "html", "csv")


def sniff(data: bytes) -> str:
    """'1c', 'mt940', 'camt053'/'camt054'/'camt052', or a table kind from TABLE_KINDS."""
    if not data.strip(b" \t\r\n\x00"):
        raise RowError("the file is empty")
    if data.startswith(b"%PDF-"):
        raise RowError(
            "this is a PDF document, not a statement export; download the statement "
            "as 1C, MT940, camt.053, CSV, XLS or XLSX"
        )
    if data.startswith(sheets.OLE2_MAGIC):
        return "xls"
    if data.startswith(sheets.ZIP_MAGIC):
        if b"xl/" not in data[:65536] and b"[Content_Types].xml" not in data[:65536]:
            raise RowError("a ZIP archive that is not an XLSX workbook; unpack it first")
        return "xlsx"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if sheets.looks_like_html(head.decode("latin-1")):
            return "html"
        kind = camt_kind(data)
        if kind is None:
            raise RowError("an XML file, but not an ISO 20022 camt.053/camt.054 statement")
        return kind
    text, _ = decode_text(data)
    if looks_like_1c(text):
        return "1c"
    if looks_like_mt940(text):
        return "mt940"
    return "csv"


def read_grid(data: bytes, kind: str, profile: MappingProfile | None = None) -> sheets.Grid:
    """The cells of a table file of the sniffed `kind`."""
    if kind == "xls":
        return sheets.read_xls(data)
    if kind == "xlsx":
        return sheets.read_xlsx(data)
    delimiter = profile.delimiter if profile else "auto"
    encoding = profile.encoding if profile else "auto"
    return sheets.read_text_table(data, delimiter, encoding)


def is_registry(grid: sheets.Grid) -> bool:
    first = next((cells for _, cells in grid if any(cells)), None)
    return first is not None and registry_columns(first) is not None


def choose_profile(
    grid: sheets.Grid, profiles: Sequence[MappingProfile], kind: str = "csv"
) -> Layout:
    """The profile that recognises the most columns; user profiles win ties."""
    best: Layout | None = None
    for profile in profiles:
        layout, _ = bind(profile, grid)
        if layout is not None and (best is None or len(layout.columns) > len(best.columns)):
            best = layout
    if best is None:
        best = _by_content(grid)
    if best is None:
        first = next(((n, cells) for n, cells in grid if any(cells)), (1, []))
        shown = ";".join(first[1])[:120]
        names = ", ".join(p.name for p in profiles)
        raise RowError(
            f"no mapping profile matches this table (first row: {shown!r}); "
            f"known profiles: {names}; choose one or create a profile",
            first[0],
        )
    return best


def _by_content(grid: sheets.Grid) -> Layout | None:
    """No bank profile fits: the layout read from header words and cell contents."""
    reading = read_columns(grid)
    if reading is None:
        return None
    layout, _ = bind(reading.profile, grid)
    return replace(layout, note=reading.describe()) if layout is not None else None

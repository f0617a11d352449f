"""Limits on what an uploaded workbook may expand to (zip bombs, row bombs).

An XLSX is a ZIP archive of XML. A 1 MB file can declare a sheet of a few
gigabytes, or a few hundred megabytes of tiny rows; openpyxl would inflate and
parse all of it (issue 11: 8 GB of memory, ten minutes). Every reader of a
workbook (client and usage import, statement import) therefore:

1. checks the archive's directory before inflating a byte (`check_archive`):
   the number of members, each member's and the total declared size, the
   compression method, and the compression ratio of the big members. This
   costs a read of the central directory, nothing more;
2. counts rows and cells while reading (`bounded_rows`), so a sheet within
   the size limit still cannot hold more rows than any real statement.

What is actually inflated is bounded by the declared sizes checked in step 1:
Python's zipfile never returns more than a member's declared size, and a
member whose data inflate to more fails its CRC check (a "lying" size gives
"not a readable workbook", after at most the declared number of bytes).
Methods other than stored and deflated are refused: zipfile inflates bzip2 and
LZMA in unbounded steps, and no spreadsheet program writes them.

An old .xls (BIFF8) is not compressed: its size limit is the file's own (and
BIFF8's own 65,536 rows); `check_sheet_size` applies the same row and cell
limits to it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, TypeVar

MIB: Final = 1024 * 1024
MAX_MEMBERS: Final = 1_000  # an XLSX has a dozen parts; a hundred sheets and pictures fit
MAX_TOTAL_BYTES: Final = 512 * MIB  # all members together, inflated
MAX_MEMBER_BYTES: Final = 512 * MIB
# Parts other than the sheets (shared strings above all) are read whole into
# memory, where they take several times their size: a tighter limit.
MAX_HELD_BYTES: Final = 128 * MIB
STREAMED_PREFIX: Final = "xl/worksheets/"
MAX_RATIO: Final = 100  # real sheets compress 5-25 times; bombs a thousand times
RATIO_FLOOR: Final = 1 * MIB  # small parts (styles, an empty sheet) may compress more
MAX_ROWS: Final = 1_000_000  # ten times the largest statement we benchmark
MAX_CELLS: Final = 10_000_000
SAFE_METHODS: Final = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})

T = TypeVar("T", bound=Sequence[object])


class ArchiveRefused(ValueError):
    """A workbook beyond the limits; the reader adds the file's name."""


def check_archive(data: bytes) -> None:
    """Refuse an archive whose directory declares more than the limits allow.

    Raises zipfile.BadZipFile for bytes that are not a ZIP archive (the
    readers already report that as an unreadable workbook).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ArchiveRefused(
            f"the workbook holds {len(members):,} parts, more than the limit of {MAX_MEMBERS:,}"
        )
    total = 0
    for member in members:
        _check_member(member)
        total += member.file_size
        if total > MAX_TOTAL_BYTES:
            raise ArchiveRefused(
                f"the workbook expands to more than {MAX_TOTAL_BYTES // MIB} MB "
                "(the limit); split it or save it as CSV"
            )


def _check_member(member: zipfile.ZipInfo) -> None:
    name = member.filename
    if member.compress_type not in SAFE_METHODS:
        raise ArchiveRefused(f"part {name!r} is compressed with an unsupported method")
    size = member.file_size
    if size > MAX_MEMBER_BYTES:
        raise ArchiveRefused(
            f"part {name!r} expands to {size / MIB:,.0f} MB, "
            f"more than the limit of {MAX_MEMBER_BYTES // MIB} MB"
        )
    if size > MAX_HELD_BYTES and not name.startswith(STREAMED_PREFIX):
        raise ArchiveRefused(
            f"part {name!r} expands to {size / MIB:,.0f} MB, more than the limit of "
            f"{MAX_HELD_BYTES // MIB} MB for a part read whole"
        )
    if size > RATIO_FLOOR and size > MAX_RATIO * max(member.compress_size, 1):
        ratio = size / max(member.compress_size, 1)
        raise ArchiveRefused(
            f"part {name!r} expands {ratio:,.0f} times ({size / MIB:,.0f} MB), "
            f"more than the limit of {MAX_RATIO} times: not a spreadsheet's data (a zip bomb?)"
        )


def bounded_rows(rows: Iterable[T]) -> Iterator[T]:
    """The rows, refusing the one past MAX_ROWS or the cell past MAX_CELLS."""
    cells = 0
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise ArchiveRefused(f"the sheet has more than {MAX_ROWS:,} rows (the limit)")
        cells += len(row)
        if cells > MAX_CELLS:
            raise ArchiveRefused(
                f"the sheet has more than {MAX_CELLS:,} cells (the limit), at row {number:,}"
            )
        yield row


def check_sheet_size(rows: int, cells: int) -> None:
    """Refuse a sheet (an .xls, already read) of more rows or cells than the limits."""
    if rows > MAX_ROWS:
        raise ArchiveRefused(f"the sheet has {rows:,} rows, more than the limit of {MAX_ROWS:,}")
    if cells > MAX_CELLS:
        raise ArchiveRefused(f"the sheet has {cells:,} cells, more than the limit of {MAX_CELLS:,}")

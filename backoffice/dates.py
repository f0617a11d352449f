"""Dates as people write them here."""

from __future__ import annotations

import datetime as dt

WRITTEN_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


def written_date(text: str) -> dt.date | None:
    """The date `text` is (`2026-11-15` or `15.11.2026`), or None if it is not one."""
    if not text.strip().isascii():
        return None  # strptime's digits include other scripts' (`２０２６`)
    for pattern in WRITTEN_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None

"""Printing: documents from the books into one batch PDF, in the background.

Each job reads the document records in one read-only unit of work (a
consistent snapshot), checking for a cancel between documents, then lays
them out with `render_batch`, which writes the file atomically. The screen
opens the result with the system's PDF viewer (`open_document`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from backoffice.db.engine import UnitOfWork
from backoffice.documents.batch import render_batch
from backoffice.documents.records import Document
from backoffice.errors import BackofficeError
from backoffice.services.documents import act_document, act_numbers, invoice_document
from ui.background import Cancelled, JobProgress

if TYPE_CHECKING:
    from sqlalchemy import Engine

READ_SHARE = 40  # percent of the bar for reading; the rest is the layout


def print_invoices(
    engine: Engine, numbers: Sequence[str], path: Path, progress: JobProgress
) -> Path:
    with UnitOfWork(engine, read_only=True) as uow:
        docs = _read(numbers, lambda n: invoice_document(uow, n), progress)
    return _render(docs, path, progress)


def print_acts(engine: Engine, month: str, path: Path, progress: JobProgress) -> Path:
    with UnitOfWork(engine, read_only=True) as uow:
        numbers = act_numbers(uow, month)
        if not numbers:
            raise BackofficeError(f"there are no acts for {month}: is the month closed?")
        docs = _read(numbers, lambda n: act_document(uow, n), progress)
    return _render(docs, path, progress)


def _read(
    numbers: Sequence[str], read: Callable[[str], Document], progress: JobProgress
) -> list[Document]:
    docs = []
    for done, number in enumerate(numbers, start=1):
        if progress.is_interruption_requested():
            raise Cancelled
        docs.append(read(number))
        progress.set_progress_value(READ_SHARE * done // len(numbers))
    return docs


def _render(docs: Sequence[Document], path: Path, progress: JobProgress) -> Path:
    if progress.is_interruption_requested():
        raise Cancelled
    progress.set_status(f"{len(docs)} → {path.name}…")
    written = render_batch(docs, path)
    progress.set_progress_value(100)
    return written


def open_document(path: Path) -> bool:
    """Show the PDF in the system's viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

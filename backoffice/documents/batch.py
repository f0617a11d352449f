"""Many documents at once: one batch PDF, or one file each in a folder.

* `render_batch(docs, path, workers=2)`: invoices, acts and statements in any
  mix, in one PDF; each document starts on a new page and has its own page
  numbers. A large batch is cut at document boundaries into parts of at most
  `PART_SIZE` documents, laid out by a process pool and merged in order with
  pikepdf (qpdf) while the later parts are still being laid out; a part per
  worker at a time also bounds each worker's memory. Page numbers are per
  document, so they do not care where the parts are cut.
* `render_each(docs, folder, workers=2)`: one PDF per document, named from its
  number, rendered by a process pool (ReportLab layout is pure Python, so
  threads would not use the second core). Every file is written to a temp
  file in the folder and renamed, so nothing is ever half-written.

All documents are checked before anything is written: a missing requisite in
the 900th invoice refuses the whole run up front, naming the setting to fill.
The pools use the "spawn" start method: it is safe from a GUI process with
threads running (fork is not) and it is what Windows and macOS use anyway.
So a script calling `render_batch` or `render_each` with workers > 1 needs
the usual `if __name__ == "__main__":` guard (console entry points and the
GUI have it).
"""

from __future__ import annotations

import io
import itertools
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO, TypeVar

import pikepdf
from reportlab.platypus import Flowable, PageBreak

from backoffice.bulk import paused_gc
from backoffice.documents import pdf_page as pp
from backoffice.documents.act_pdf import act_story, act_title, check_act
from backoffice.documents.invoice_pdf import check_invoice, invoice_story, invoice_title
from backoffice.documents.numbers import format_date
from backoffice.documents.reconciliation_pdf import (
    TITLE as RECONCILIATION_TITLE,
)
from backoffice.documents.reconciliation_pdf import (
    check_reconciliation,
    reconciliation_story,
)
from backoffice.documents.records import (
    ActDocument,
    Document,
    InvoiceDocument,
    ReconciliationDocument,
)

_UNSAFE = re.compile(r"[^\w.-]+")
T = TypeVar("T")


def check_document(doc: Document) -> None:
    """Run the renderer's checks without laying anything out."""
    _dispatch(doc, check_invoice, check_act, check_reconciliation)


def document_story(doc: Document) -> list[Flowable]:
    """The flowables of any document, with its page-numbering marker first."""
    story: list[Flowable] = _dispatch(doc, invoice_story, act_story, reconciliation_story)
    return story


def document_title(doc: Document) -> str:
    title: str = _dispatch(doc, invoice_title, act_title, lambda _d: RECONCILIATION_TITLE)
    return title


def file_name(doc: Document) -> str:
    """A safe file name from the document's number: `РФ-2026-000123.pdf`.

    Letters (Cyrillic too), digits, `.`, `-` and `_` are kept; anything else
    (`/`, `\\`, spaces, `:`) becomes `_`. A statement without a number is named
    after the buyer's code and the period.
    """
    if isinstance(doc, ReconciliationDocument) and not doc.number:
        stem = (
            f"Звірка_{doc.buyer.code or doc.buyer.name}_"
            f"{format_date(doc.period_from)}-{format_date(doc.period_to)}"
        )
    else:
        stem = doc.number
    stem = _UNSAFE.sub("_", stem).strip("._") or "document"
    return f"{stem[:120]}.pdf"


PART_SIZE = 500
"""Most documents in one part of a batch file laid out by one worker. A part
of 500 invoices takes about a second and 100 MiB of the worker; a batch of
one part is laid out in the calling process, as starting a worker (Python,
ReportLab, the fonts) costs a third of a second."""


def render_batch(
    docs: Sequence[Document],
    path: str | os.PathLike[str],
    workers: int = 2,
    *,
    part_size: int = PART_SIZE,
) -> Path:
    """All `docs` in one PDF, each from a new page, written atomically.

    With `workers` > 1 and more than `part_size` documents, parts are laid
    out by that many spawn workers and merged (see the module docstring);
    otherwise the whole file is laid out here.
    """
    if not docs:
        raise ValueError("render_batch needs at least one document")
    target = Path(path)
    pp.check_folder(target.parent)
    for doc in docs:
        check_document(doc)
    first = docs[0]
    title = document_title(first) if len(docs) == 1 else f"Пакет документів ({len(docs)})"
    author = first.supplier.name
    parts = _parts(docs, workers, part_size)
    if len(parts) == 1:
        return pp.write_atomically(target, lambda fh: _build(docs, fh, title, author))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending = [pool.submit(_part_pdf, part, title, author) for part in parts]
        try:
            return pp.write_atomically(
                target, lambda fh: merge_pdfs((f.result() for f in pending), fh)
            )
        finally:
            for future in pending:  # after a failure, lay out no more parts
                future.cancel()


def _parts(docs: Sequence[T], workers: int, part_size: int) -> list[Sequence[T]]:
    """`docs` cut into parts of at most `part_size`, as even as can be, their
    number a multiple of `workers` (so the workers finish together); one part
    when `workers` is 1."""
    count = -(-len(docs) // max(part_size, 1))
    if workers <= 1 or count <= 1:
        return [docs]
    count = -(-count // workers) * workers
    size, extra = divmod(len(docs), count)
    bounds = [i * size + min(i, extra) for i in range(count + 1)]
    return [docs[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def _build(docs: Sequence[Document], target: BinaryIO, title: str, author: str) -> None:
    """Lay out `docs` into one PDF, each from a new page.

    The cyclic garbage collector is paused meanwhile: ReportLab makes some
    hundred thousand objects per hundred documents, and the collector's passes
    over them took a tenth of the time in a 3,000-invoice file. The cycles
    left (canvas and flowables pointing at each other) all are young objects,
    so the collector's first pass after the pause frees them.
    """
    with paused_gc():
        story: list[Flowable] = []
        for i, doc in enumerate(docs):
            if i:
                story.append(PageBreak())
            story += document_story(doc)
        pp.build_pdf(story, target, title=title, author=author)
        del story


def _part_pdf(docs: Sequence[Document], title: str, author: str) -> bytes:
    """A worker's part of a batch file, as PDF bytes."""
    buf = io.BytesIO()
    _build(docs, buf, title, author)
    return buf.getvalue()


def merge_pdfs(parts: Iterable[bytes], target: BinaryIO) -> None:
    """Write the pages of the PDFs `parts`, in order, as one PDF to `target`,
    with the first part's document info (title, author) and PDF version.

    Each part's pages go under a page-tree node of their own, copied page by
    page: qpdf's own page append (`pages.extend`) takes time growing with the
    pages already there (4 s for 10,000 pages; this, under a second). Streams
    are written as they are: all are Flate-compressed already.
    """
    merged = pikepdf.new()
    root = merged.Root.Pages
    version = ""
    sources = []  # qpdf reads the copied streams from their source when saving
    try:
        for data in parts:
            source = pikepdf.open(io.BytesIO(data))
            sources.append(source)
            if len(sources) == 1:
                merged.docinfo = merged.copy_foreign(source.docinfo)
                version = source.pdf_version
            kids = pikepdf.Array([merged.copy_foreign(page.obj) for page in source.pages])
            node = merged.make_indirect(
                pikepdf.Dictionary(Type=pikepdf.Name.Pages, Kids=kids, Count=len(kids), Parent=root)
            )
            for kid in kids:
                kid.Parent = node
            root.Kids.append(node)
        root.Count = sum(int(node.Count) for node in root.Kids)
        merged.save(
            target,
            min_version=version,
            compress_streams=False,  # else qpdf compresses them again, at 10 times the time
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            deterministic_id=True,
        )
    finally:
        for source in sources:
            source.close()
        merged.close()


def render_each(
    docs: Sequence[Document],
    folder: str | os.PathLike[str],
    workers: int = 2,
    *,
    fsync: bool = True,
) -> list[Path]:
    """One PDF per document in `folder`; returns the paths in the order of `docs`.

    Two documents with the same number get `_2`, `_3` … suffixes rather than
    overwrite each other. Existing files of the same name are replaced.
    """
    target = Path(folder)
    pp.check_folder(target)
    for doc in docs:
        check_document(doc)
    paths = _unique_paths(target, docs)
    jobs = list(zip(docs, paths, strict=True))
    size = max(1, min(64, len(jobs) // (max(workers, 1) * 8)))
    chunks = [(jobs[i : i + size], fsync) for i in range(0, len(jobs), size)]
    if workers <= 1 or len(chunks) <= 1:
        return [path for chunk in chunks for path in _render_chunk(chunk)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [path for done in pool.map(_render_chunk, chunks) for path in done]


def _render_chunk(chunk: tuple[list[tuple[Document, Path]], bool]) -> list[Path]:
    """Lay out each document in memory; a few threads write, fsync and rename.

    fsync waits for the disk (about 6 ms a file on the benchmark VM) and
    releases the GIL, so the writes overlap the layout of the next documents.
    """
    jobs, fsync = chunk
    with ThreadPoolExecutor(max_workers=4) as writers:
        pending = [writers.submit(_write, path, _pdf(doc), fsync) for doc, path in jobs]
        return [f.result() for f in pending]


def _pdf(doc: Document) -> bytes:
    buf = io.BytesIO()
    pp.build_pdf(document_story(doc), buf, title=document_title(doc), author=doc.supplier.name)
    return buf.getvalue()


def _write(path: Path, data: bytes, fsync: bool) -> Path:
    return pp.write_atomically(path, lambda fh: fh.write(data), fsync=fsync)


def _unique_paths(folder: Path, docs: Sequence[Document]) -> list[Path]:
    used: set[str] = set()  # casefolded: Windows and macOS folders ignore case
    out = []
    for doc in docs:
        name = file_name(doc)
        n = 1
        while name.casefold() in used:
            n += 1
            name = f"{file_name(doc)[:-4]}_{n}.pdf"
        used.add(name.casefold())
        out.append(folder / name)
    return out


def _dispatch(
    doc: Document,
    on_invoice: Callable[[InvoiceDocument], T],
    on_act: Callable[[ActDocument], T],
    on_reconciliation: Callable[[ReconciliationDocument], T],
) -> T:
    if isinstance(doc, InvoiceDocument):
        return on_invoice(doc)
    if isinstance(doc, ActDocument):
        return on_act(doc)
    if isinstance(doc, ReconciliationDocument):
        return on_reconciliation(doc)
    raise TypeError(f"not a document record: {type(doc).__name__}")

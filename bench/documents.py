"""Documents benchmark (issue 5): invoices to PDF, one file each and one batch file,
and a large ledger export to Excel.

    python bench/documents.py [--invoices 10000] [--workers 2] [--seed 2026]
                              [--ledger-rows 1000000] [--out docs/benchmarks.md]

Writes the section "## Documents (bench/documents.py)" of --out (the rest of
the file is kept byte for byte; `--out -` prints it instead).

Four runs over the same deterministic invoices (3-6 lines each, EUR prices,
NBU rate and markup, different buyers), each in a child process of its own so
that its peak RSS is its own (reported for the run's process and for its
largest pool worker, each of the workers peaking at most at that):

* `render_each`: `backoffice.documents.batch.render_each(docs, folder,
  workers)`, the real path: checks, a spawn process pool, layout, embedded
  DejaVu subsets, a temp file per document, fsync and rename.
* baseline, each: the same lines as a bare ReportLab table (the same columns
  as plain strings, DejaVu Sans since the text is Cyrillic, registered as a
  plain `TTFont` of its own, without the backoffice's font caches; no other
  style, no parties, totals or words) on one page per document, written with
  a plain `doc.build(path)`, through the same spawn pool, worker count and
  chunking.
* `render_batch`: every invoice in one PDF through
  `render_batch(docs, path, workers)`: parts of at most `PART_SIZE` invoices
  laid out by a spawn pool of `--workers` processes and merged in order with
  pikepdf (one process, no merge, with `--workers 1` or a batch of one part).
* baseline, batch: the bare tables in one PDF, a page break between them.

The records are built before the clock starts; pickling them to the workers
is inside it. Besides wall time each run reports its CPU time (user + sys of
the run's process and its pool workers), which does not depend on what else
the shared machine is doing.

`--ledger-rows N` (0 skips it) runs `run_export_bench(N)` of bench/exports.py:
the ledger through `write_report`, against openpyxl write-only rows of plain
values (the baseline) and XlsxWriter constant_memory plain rows.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import multiprocessing
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
for _path in (ROOT, BENCH):  # run as a script from anywhere; bench/exports.py by name
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from backoffice.documents.records import DocumentLine, InvoiceDocument, Party  # noqa: E402
from backoffice.money import eur_to_uah  # noqa: E402

TARGET_SECONDS = 60.0
TARGET_RATIO = 2.0
RUNS = ("each", "baseline_each", "batch", "baseline_batch")
RUN_NAMES = {
    "each": "`render_each` (one PDF per invoice)",
    "baseline_each": "baseline: bare table per file",
    "batch": "`render_batch` (one PDF)",
    "baseline_batch": "baseline: bare tables, one PDF",
}
SERVICES = (
    ("Тарифний пакет «Старт»", "міс.", "49.00"),
    ("Тарифний пакет «Бізнес»", "міс.", "120.00"),
    ("Тарифний пакет «Корпоративний»", "міс.", "390.00"),
    ("Опція «Додаткові користувачі»", "шт.", "4.00"),
    ("Опція «ЮЗД-операції», пакет 1 000", "послуга", "25.50"),
    ("Опція «Інтеграція з 1С/BAS»", "послуга", "15.00"),
    ("Позалімітні поставки (подвійна вартість)", "шт.", "0.50"),
    ("Опція «Електронний документообіг з контрагентами»", "послуга", "12.00"),
    ("Доопрацювання модуля інтеграції (за окремим замовленням)", "год", "35.00"),
)
CITIES = ("м. Київ", "м. Львів", "м. Одеса", "м. Дніпро", "м. Харків", "м. Вінниця")
NAMES = ("Агро", "Логістик", "Південь", "Сервіс", "Трейд", "Буд", "Інвест", "Мед", "Тех", "Фуд")


@dataclasses.dataclass(frozen=True)
class ResultRow:
    """One line of the printed table."""

    name: str
    """What ran."""
    count: int
    """Documents (or rows) produced."""
    seconds: float
    """Wall time of the measured part."""
    pages: int = 0
    """Pages produced (0 when not applicable)."""
    peak_rss_mib: float = 0.0
    """Peak RSS of the run's process."""
    worker_peak_mib: float = 0.0
    """Peak RSS of its largest pool worker (0 when it has none)."""
    baseline_seconds: float | None = None
    """Wall time of the baseline this row is compared with."""
    cpu_seconds: float = 0.0
    """User + sys CPU time of the run's process and its pool workers."""
    baseline_cpu_seconds: float | None = None
    """The same for the baseline."""
    note: str = ""


# --- records ------------------------------------------------------------------


def make_invoices(count: int, seed: int) -> list[InvoiceDocument]:
    """Deterministic, realistic invoices: 3-6 lines, EUR prices, different buyers."""
    rnd = random.Random(seed)
    supplier = Party(
        name="ТОВ «Хмарні рішення»",
        code="41234567",
        iban="UA213223130000026007233566001",
        bank="АТ КБ «ПриватБанк»",
        address="01001, м. Київ, вул. Хрещатик, 22, оф. 5",
        vat_payer=True,
        ipn="412345626590",
        phone="+380 44 123 45 67",
        email="billing@cloud.ua",
        signer_name="Коваленко І. П.",
        accountant_name="Шевчук О. В.",
    )
    markup = Decimal(3)
    docs = []
    for i in range(1, count + 1):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rnd.randrange(365))
        rate = Decimal(rnd.randrange(440_000, 470_000)).scaleb(-4)
        name = f"ТОВ «{rnd.choice(NAMES)}-{rnd.choice(NAMES)} {i}»"
        buyer = Party(
            name=name,
            code=f"{rnd.randrange(10**7, 10**8)}",
            iban=f"UA{rnd.randrange(10**26, 10**27)}",
            bank="АТ «Ощадбанк»",
            address=f"{rnd.randrange(1000, 99999):05d}, {rnd.choice(CITIES)}, "
            f"вул. Соборна, {rnd.randrange(1, 200)}",
        )
        lines = []
        for n, (service, unit, eur) in enumerate(rnd.sample(SERVICES, rnd.randint(3, 6)), 1):
            qty = Decimal(1 if unit != "шт." else rnd.randint(2, 40))
            price = eur_to_uah(Decimal(eur), rate, markup)
            lines.append(
                DocumentLine(n, service, unit, qty, price, price * qty, Decimal(eur), rate, markup)
            )
        total = sum((x.total for x in lines), Decimal("0.00"))
        number = f"РФ-2026-{i:06d}"
        account = f"26{i:05d}"
        docs.append(
            InvoiceDocument(
                number=number,
                date=day,
                due_date=day + dt.timedelta(days=10),
                place="м. Київ",
                supplier=supplier,
                buyer=buyer,
                contract=f"№ {i}/2026 від {day:%d.%m.%Y}",
                account_number=account,
                kind="renewal",
                period=f"{day:%Y-%m}",
                lines=lines,
                total=total,
                payment_purpose=f"Оплата за рахунком № {number}, особовий рахунок {account}",
                rate_note="Списання виконується за курсом НБУ на день списання.",
                suggested_amount=(total * Decimal("1.02")).quantize(Decimal("0.01")),
                eur_total=sum((x.eur * x.quantity for x in lines if x.eur), Decimal("0.00")),
                nbu_rate=rate,
                markup_percent=markup,
            )
        )
    return docs


# --- baseline -------------------------------------------------------------------

BARE_HEAD = ["№", "Найменування послуги", "Од.", "К-сть", "Ціна, EUR", "Ціна, грн", "Сума, грн"]
BARE_FONT = "BenchDejaVuSans"


def _bare_font() -> str:
    """DejaVu Sans as a plain ReportLab TTFont, without the backoffice's caches."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        from backoffice.documents.pdf_fonts import fonts_dir

        pdfmetrics.registerFont(TTFont(BARE_FONT, str(fonts_dir() / "DejaVuSans.ttf")))
    return BARE_FONT


def _bare_table(doc: InvoiceDocument) -> object:
    from reportlab.platypus import Table, TableStyle

    rows = [BARE_HEAD] + [
        [str(x.number), x.service, x.unit, str(x.quantity), str(x.eur), str(x.price), str(x.total)]
        for x in doc.lines
    ]
    return Table(rows, style=TableStyle([("FONT", (0, 0), (-1, -1), _bare_font(), 8)]))


def _bare_build(flowables: list[object], target: Path | BinaryIO) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    SimpleDocTemplate(str(target) if isinstance(target, Path) else target, pagesize=A4).build(
        flowables
    )


def _bare_one(job: tuple[InvoiceDocument, Path]) -> Path:
    doc, path = job
    _bare_build([_bare_table(doc)], path)
    return path


def bare_each(docs: Sequence[InvoiceDocument], folder: Path, workers: int) -> list[Path]:
    """Same pool, start method and chunking as `render_each`."""
    jobs = [(doc, folder / f"{doc.number}.pdf") for doc in docs]
    chunk = max(1, min(64, len(jobs) // (workers * 8)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_bare_one, jobs, chunksize=chunk))


def bare_batch(docs: Sequence[InvoiceDocument], path: Path) -> None:
    from reportlab.platypus import PageBreak

    story: list[object] = []
    for i, doc in enumerate(docs):
        if i:
            story.append(PageBreak())
        story.append(_bare_table(doc))
    _bare_build(story, path)


# --- runs -------------------------------------------------------------------------

_PAGE = re.compile(rb"/Type /Page[^s]")


def count_pages(paths: Sequence[Path]) -> int:
    """Page objects in our own uncompressed-object PDFs (no object streams)."""
    return sum(len(_PAGE.findall(p.read_bytes())) for p in paths)


def _peak_mib() -> tuple[float, float]:
    """Peak RSS of this process and of its largest reaped child (a pool worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own / 1024, kids / 1024  # KiB on Linux


def _cpu_seconds() -> float:
    """User + sys of this process and its reaped children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _run(name: str, count: int, seed: int, workers: int, folder: str, out: dict) -> None:
    from backoffice.documents.batch import render_batch, render_each

    docs = make_invoices(count, seed)
    target = Path(folder) / name
    target.mkdir()
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    if name == "each":
        paths = render_each(docs, target, workers)
    elif name == "baseline_each":
        paths = bare_each(docs, target, workers)
    elif name == "batch":
        paths = [render_batch(docs, target / "batch.pdf", workers)]
    else:
        bare_batch(docs, target / "batch.pdf")
        paths = [target / "batch.pdf"]
    seconds = time.perf_counter() - started
    peak, worker_peak = _peak_mib()
    out.update(
        seconds=seconds,
        cpu=_cpu_seconds() - cpu_before,
        peak=peak,
        worker_peak=worker_peak,
        files=len(paths),
        pages=count_pages(paths),
    )


def run_in_child(name: str, args: argparse.Namespace, folder: Path) -> dict:
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        out = manager.dict()
        proc = context.Process(
            target=_run, args=(name, args.invoices, args.seed, args.workers, str(folder), out)
        )
        proc.start()
        proc.join()
        if proc.exitcode != 0:
            raise SystemExit(f"{name}: child process failed with exit code {proc.exitcode}")
        return dict(out)


def run_pdf_bench(args: argparse.Namespace) -> list[ResultRow]:
    """The four PDF runs; baselines first, so a slow machine shows up in both."""
    folder = Path(tempfile.mkdtemp(prefix="bench-documents-", dir=args.dir))
    try:
        results = {}
        for name in ("baseline_each", "each", "baseline_batch", "batch"):
            results[name] = run_in_child(name, args, folder)
            print(f"  {name}: {results[name]['seconds']:.1f} s", file=sys.stderr, flush=True)
    finally:
        if args.keep:
            print(f"files kept in {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    base = {"each": "baseline_each", "batch": "baseline_batch"}
    notes = {
        "each": _workers(args.workers),
        "baseline_each": _workers(args.workers),
        "batch": _batch_note(args.invoices, args.workers),
        "baseline_batch": "1 process",
    }
    rows = []
    for name in RUNS:
        r = results[name]
        rows.append(
            ResultRow(
                name=RUN_NAMES[name],
                count=args.invoices,
                seconds=r["seconds"],
                pages=r["pages"],
                peak_rss_mib=r["peak"],
                worker_peak_mib=r["worker_peak"],
                baseline_seconds=results[base[name]]["seconds"] if name in base else None,
                cpu_seconds=r["cpu"],
                baseline_cpu_seconds=results[base[name]]["cpu"] if name in base else None,
                note=notes[name],
            )
        )
    return rows


def _batch_note(invoices: int, workers: int) -> str:
    """How `render_batch` lays out this many invoices (see its `_parts`)."""
    from backoffice.documents.batch import PART_SIZE

    if workers <= 1 or invoices <= PART_SIZE:
        return "1 process"
    return f"{_workers(workers)}, parts of ≤ {PART_SIZE:,} merged"


def _workers(n: int) -> str:
    return f"{n} worker{'' if n == 1 else 's'}"


# --- output -----------------------------------------------------------------------

SECTION = "## Documents (bench/documents.py)"
EXPORT_TARGET_RATIO = 1.5
EXPORT_TARGET_MB = 300
NOTE = """\
What dominates (cProfile of one 500-invoice part, as a worker lays it out):
about 30 % of an invoice's CPU time is ReportLab drawing its tables (some 80
cells: Table `_drawCell`, grid lines), a sixth building the story, a fifth
wrapping the text blocks and KeepTogether's measuring (which copies the frame
each time), and some 6 % each laying out the tables and writing the PDF
objects. Cheaper than before: the supplier's rows and the signatures, the
same on every invoice, are drawn once per file as form XObjects (`Stamp`);
table cell styles are made once per table shape instead of command by
command; a string's text operators are built once per file; page numbers are
appended to the page streams instead of a form XObject per page; and the
garbage collector is paused while a part is laid out. The batch file is cut
at document boundaries into parts of at most 500 invoices, laid out by the
spawn workers and merged in order with pikepdf as they arrive (10,000 pages
merge in under a second, in the parent, while the workers go on); a worker
holds one part at a time, so memory follows the part size, not the batch.
The bare baseline draws one table of ~50 cells and nothing else, in one
process: the CPU ratio is the invoice's extra content, the wall ratio also
the second core, so it holds only while that core is free (with other jobs
on the machine, the batch's wall time moves towards its CPU time)."""


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def render_pdf_table(rows: Sequence[ResultRow]) -> str:
    out = [
        "| Run | Invoices | Seconds | × baseline | CPU s | CPU ms / invoice | × baseline CPU "
        "| Pages/s | Peak RSS: process / worker | |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ratio = f"{r.seconds / r.baseline_seconds:.2f}×" if r.baseline_seconds else "1.00×"
        cpu_ratio = (
            f"{r.cpu_seconds / r.baseline_cpu_seconds:.2f}×" if r.baseline_cpu_seconds else "1.00×"
        )
        rate = f"{r.pages / r.seconds:,.0f}" if r.pages and r.seconds else ""
        out.append(
            f"| {r.name} | {r.count:,} | {r.seconds:.1f} | {ratio} | {r.cpu_seconds:.1f} "
            f"| {r.cpu_seconds / r.count * 1000:.2f} | {cpu_ratio} | {rate} "
            f"| {_peaks(r)} | {r.note} |"
        )
    return "\n".join(out)


def _peaks(r: ResultRow) -> str:
    worker = f" / {r.worker_peak_mib:,.0f}" if r.worker_peak_mib else ""
    return f"{r.peak_rss_mib:,.0f}{worker} MiB"


def _met(ok: bool) -> str:
    return "**met**" if ok else "**NOT met**"


def pdf_verdicts(rows: Sequence[ResultRow], invoices: int) -> list[str]:
    out = []
    for r, base, what in (
        (rows[0], rows[1], "one PDF per invoice"),
        (rows[2], rows[3], "one batch file"),
    ):
        scaled = r.seconds * 10_000 / invoices
        ratio = r.seconds / r.baseline_seconds if r.baseline_seconds else 0.0
        cpu_ratio = r.cpu_seconds / r.baseline_cpu_seconds if r.baseline_cpu_seconds else 0.0
        scaled_note = " (scaled to 10,000)" if invoices != 10_000 else ""
        out.append(
            f"- {what}: 10,000 invoices ≤ {TARGET_SECONDS:.0f} s: {scaled:.1f} s{scaled_note}, "
            f"{_met(scaled <= TARGET_SECONDS)}; ≤ {TARGET_RATIO:.0f}× the bare baseline: "
            f"{ratio:.2f}× wall, {_met(ratio <= TARGET_RATIO)} (CPU time {cpu_ratio:.2f}×, "
            f"{r.cpu_seconds / r.count * 1000:.2f} ms per invoice; {r.note}, "
            f"baseline {base.note})."
        )
    return out


def render_export_table(results: Sequence[dict[str, Any]]) -> str:
    out = [
        "| Writer | Rows | Seconds | × baseline | Rows/s | Peak RSS | File | Load at start |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        out.append(
            f"| {r['name']} | {r['rows']:,} | {r['seconds']:.1f} | {r['ratio']:.2f}× "
            f"| {r['rows_per_s']:,.0f} | {r['peak_mb']:.0f} MB | {r['file_mb']:.1f} MB "
            f"| {r['load']:.2f} |"
        )
    return "\n".join(out)


def export_verdict(results: Sequence[dict[str, Any]]) -> str:
    report = next(r for r in results if r["engine"] == "report")
    return (
        f"- `write_report`, {report['rows']:,} rows: ≤ {EXPORT_TARGET_RATIO}× the openpyxl "
        f"write-only baseline: {report['ratio']:.2f}×, "
        f"{_met(report['ratio'] <= EXPORT_TARGET_RATIO)}; peak RSS < {EXPORT_TARGET_MB} MB: "
        f"{report['peak_mb']:.0f} MB, {_met(report['peak_mb'] < EXPORT_TARGET_MB)}."
    )


def _versions() -> str:
    import importlib.metadata as md
    import platform
    import subprocess

    names = ("reportlab", "rl_accel", "pikepdf", "openpyxl", "xlsxwriter")
    found = []
    for name in names:
        with contextlib.suppress(md.PackageNotFoundError):
            found.append(f"{name} {md.version(name)}")
    rev = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"Python {platform.python_version()}, {', '.join(found)}; code: git {rev or '?'}"


def write_section(path: Path, section: str) -> None:
    """Write or replace this benchmark's section, keeping the rest byte for byte
    (as `write_section` of bench/closing.py, for this section's heading)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Benchmarks\n\n{section}")
        return
    lines = path.read_text().splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == SECTION), None)
    if start is None:
        body = "".join(lines).rstrip("\n")
        path.write_text(f"{body}\n\n{section}" if body else section)
        return
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    tail = "".join(lines[end:])
    path.write_text("".join(lines[:start]) + section + ("\n" + tail if tail else ""))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--invoices", type=int, default=10_000, help="0 skips the PDF part")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--ledger-rows", type=int, default=0, help="rows of the Excel export part (0 skips it)"
    )
    parser.add_argument("--dir", default=None, help="folder for the output (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the PDFs")
    parser.add_argument(
        "--out", default=str(ROOT / "docs" / "benchmarks.md"), help="markdown file, or -"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python bench/documents.py " + " ".join(sys.argv[1:] if argv is None else list(argv))
    started = dt.datetime.now(dt.UTC)
    parts: list[str] = []
    loads = [f"start {_load()}"]
    if args.invoices > 0:
        rows = run_pdf_bench(args)
        loads.append(f"after the PDF runs {_load()}")
        parts += [
            "### PDF invoices\n",
            f"{args.invoices:,} invoices (3–6 lines, EUR prices, NBU rate and markup, "
            f"different buyers); one file each through `render_each` with "
            f"{args.workers} spawn workers (fsync and rename per file), and one batch "
            f"file through `render_batch` ({_batch_note(args.invoices, args.workers)}). "
            "Baselines: the same lines as a bare ReportLab "
            "table on one page per invoice (plain `TTFont`, no other content), through the "
            "same pool, or in one file. CPU = user + sys of the run's process and its "
            "workers.\n",
            render_pdf_table(rows),
            "",
            *pdf_verdicts(rows, args.invoices),
            "",
        ]
    if args.ledger_rows > 0:
        from exports import run_export_bench  # bench/exports.py

        results = run_export_bench(args.ledger_rows)
        loads.append(f"after the export runs {_load()}")
        parts += [
            "### Ledger export to Excel\n",
            f"A {args.ledger_rows:,}-row, 10-column ledger (`run_export_bench` of "
            "bench/exports.py, each writer in a child process of its own; peak RSS is "
            "the child's VmHWM).\n",
            render_export_table(results),
            "",
            export_verdict(results),
            "",
        ]
    section = "\n".join(
        [
            SECTION,
            "",
            f"Generated by `{command.strip()}` on {started:%Y-%m-%d %H:%M} UTC "
            f"({(dt.datetime.now(dt.UTC) - started).total_seconds() / 60:.0f} min).",
            "",
            f"- Machine: {os.cpu_count()} CPUs shared with other jobs; {_versions()}.",
            f"- Load average (1 / 5 / 15 min): {'; '.join(loads)}.",
            "",
            *parts,
            NOTE,
            "",
        ]
    )
    print(section)
    if args.out != "-":
        write_section(Path(args.out), section)
        print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

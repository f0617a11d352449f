"""Document benchmark: --invoices invoices to PDF, one file each and one batch file.

    python bench/documents.py [--invoices 10000] [--workers 2] [--seed 2026]

Four runs over the same deterministic invoices (3-6 lines each, EUR prices,
NBU rate and markup, different buyers), each in a child process of its own so
that its peak RSS is its own (the figure includes the process pool's workers):

* `render_each`: `backoffice.documents.batch.render_each(docs, folder,
  workers)`, the real path: checks, a spawn process pool, layout, embedded
  DejaVu subsets, a temp file per document, fsync and rename.
* baseline, each: the same lines as a bare ReportLab table (the same columns
  as plain strings, DejaVu Sans since the text is Cyrillic, no other style,
  no parties, totals or words) on one page per document, written with a plain
  `doc.build(path)`, through the same spawn pool, worker count and chunking.
* `render_batch`: every invoice in one PDF (one process; ReportLab lays out
  one file in one thread).
* baseline, batch: the bare tables in one PDF, a page break between them.

The records are built before the clock starts; pickling them to the workers
is inside it. A markdown table is printed; `run_pdf_bench(args)` returns the
rows, so other parts (an Excel export, `--ledger-rows`) can be added to
`main()` as further sections.
"""

from __future__ import annotations

import argparse
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
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

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
    """Peak RSS of the run's process, or of its largest pool worker if larger."""
    baseline_seconds: float | None = None
    """Wall time of the baseline this row is compared with."""
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


def _bare_table(doc: InvoiceDocument) -> object:
    from reportlab.platypus import Table, TableStyle

    from backoffice.documents import pdf_style  # registers DejaVu

    rows = [BARE_HEAD] + [
        [str(x.number), x.service, x.unit, str(x.quantity), str(x.eur), str(x.price), str(x.total)]
        for x in doc.lines
    ]
    return Table(rows, style=TableStyle([("FONT", (0, 0), (-1, -1), pdf_style.FONT, 8)]))


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


def _peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024  # KiB on Linux


def _run(name: str, count: int, seed: int, workers: int, folder: str, out: dict) -> None:
    from backoffice.documents.batch import render_batch, render_each

    docs = make_invoices(count, seed)
    target = Path(folder) / name
    target.mkdir()
    started = time.perf_counter()
    if name == "each":
        paths = render_each(docs, target, workers)
    elif name == "baseline_each":
        paths = bare_each(docs, target, workers)
    elif name == "batch":
        paths = [render_batch(docs, target / "batch.pdf")]
    else:
        bare_batch(docs, target / "batch.pdf")
        paths = [target / "batch.pdf"]
    out.update(
        seconds=time.perf_counter() - started,
        peak=_peak_mib(),
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
                baseline_seconds=results[base[name]]["seconds"] if name in base else None,
                note=f"{args.workers} workers" if name.endswith("each") else "1 process",
            )
        )
    return rows


# --- output -----------------------------------------------------------------------


def render_table(rows: Sequence[ResultRow]) -> str:
    out = [
        "| Run | Count | Seconds | × baseline | Pages | Pages/s | Peak RSS | |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ratio = f"{r.seconds / r.baseline_seconds:.2f}×" if r.baseline_seconds else "1.00×"
        rate = f"{r.pages / r.seconds:,.0f}" if r.pages and r.seconds else ""
        out.append(
            f"| {r.name} | {r.count:,} | {r.seconds:.1f} | {ratio} | {r.pages:,} | {rate} "
            f"| {r.peak_rss_mib:,.0f} MiB | {r.note} |"
        )
    return "\n".join(out)


def verdict(rows: Sequence[ResultRow], invoices: int) -> str:
    each = rows[0]
    scaled = each.seconds * 10_000 / invoices
    ratio = each.seconds / each.baseline_seconds if each.baseline_seconds else 0.0
    return (
        f"Targets (one file each): 10,000 invoices ≤ {TARGET_SECONDS:.0f} s "
        f"(this run, scaled to 10,000: {scaled:.1f} s: "
        f"{'met' if scaled <= TARGET_SECONDS else 'NOT met'}); "
        f"≤ {TARGET_RATIO:.0f}× the bare baseline ({ratio:.2f}×: "
        f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})."
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--invoices", type=int, default=10_000, help="0 skips the PDF part")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--dir", default=None, help="folder for the output (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the PDFs")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sections: list[tuple[str, Callable[[argparse.Namespace], list[ResultRow]], bool]] = [
        ("PDF documents (bench/documents.py)", run_pdf_bench, args.invoices > 0),
        # A later `--ledger-rows` Excel-export part adds its section here.
    ]
    load = os.getloadavg()[0]
    for title, run, wanted in sections:
        if not wanted:
            continue
        rows = run(args)
        print(f"## {title}\n")
        print(
            f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs "
            f"(shared with other work), load average {load:.2f} → {os.getloadavg()[0]:.2f}\n"
        )
        print(render_table(rows))
        if run is run_pdf_bench:
            print("\n" + verdict(rows, args.invoices))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

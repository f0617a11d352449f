"""Excel export benchmark: a ledger of --rows rows through `write_report`.

    python bench/exports.py [--rows 1000000]

Three writers of the same 10-column ledger, each in a child process of its
own so that its peak RSS (VmHWM) is its own:

* `openpyxl write-only` (the baseline): `ws.append()` of the plain values,
  no styles, no title rows.
* `xlsxwriter constant_memory`: `write_row()` of the plain values, no styles.
* `write_report`: the real report (title rows, formats, widths, frozen header,
  autofilter, totals) through backoffice.exports.

The rows come from the same deterministic generator in every child, built
inside the timed region (the generator's cost is in all three). Wall time
covers the rows and saving the file; imports and process start are outside.
A markdown table is printed; `run_export_bench(rows)` returns the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from backoffice.exports import Column, ColumnKind, Report, write_report  # noqa: E402

ENGINES = ("openpyxl", "xlsxwriter", "report")
ENGINE_NAMES = {
    "openpyxl": "openpyxl write-only, plain values (baseline)",
    "xlsxwriter": "XlsxWriter constant_memory, plain values",
    "report": "write_report (XlsxWriter, full report)",
}
TARGET_RATIO = 1.5
TARGET_PEAK_MB = 300

COLUMNS = (
    Column("Дата", ColumnKind.DATE),
    Column("Рахунок", ColumnKind.TEXT),
    Column("Клієнт", ColumnKind.TEXT),
    Column("Вид", ColumnKind.TEXT),
    Column("Сума, грн", ColumnKind.MONEY, total=True),
    Column("Сума, EUR", ColumnKind.EUR, total=True),
    Column("Курс НБУ", ColumnKind.RATE),
    Column("Коментар", ColumnKind.TEXT),
    Column("№ проводки", ColumnKind.INTEGER),
    Column("Автор", ColumnKind.TEXT),
)
_PREFIXES = ("ТОВ", "ФОП", "ПП", "ТзОВ")
_NAMES = (
    "Ромашка", "Хмарні рішення", "Дніпро-Софт", "Карпати Трейд", "Поділля Агро",
    "Коваленко Олена Петрівна", "Шевчук Іван Миколайович", "Бджілка", "Інфоцентр",
)  # fmt: skip
_AUTHORS = ("Олена Коваль", "Андрій Бондар", "система")
_PLANS = ("Старт", "Бізнес", "Професійний")


def ledger_rows(count: int, seed: int = 2026) -> Iterator[tuple[object, ...]]:
    """Ledger entries as report rows: 80% bank top-ups, 20% renewals in EUR."""
    rng = random.Random(seed)
    clients = [f"{rng.choice(_PREFIXES)} «{rng.choice(_NAMES)}» {i}" for i in range(5000)]
    first = dt.date(2026, 10, 1)
    for n in range(count):
        client = n % len(clients)
        day = first + dt.timedelta(days=n * 31 // count)
        if rng.random() < 0.8:
            amount = Decimal(rng.randrange(10_000, 5_000_000)).scaleb(-2)
            yield (
                day, f"OR-{client + 1:06d}", clients[client], "Поповнення (банк)", amount,
                None, None, f"Платіжне доручення №{rng.randrange(1, 99999)}", n + 1,
                _AUTHORS[n % 2],
            )  # fmt: skip
        else:
            eur = Decimal(rng.choice((900, 1900, 2900, 4900, 9900))).scaleb(-2)
            rate = Decimal(rng.randrange(440_000, 460_000)).scaleb(-4)
            uah = (eur * rate * Decimal("1.03")).quantize(Decimal("0.01"))
            yield (
                day, f"OR-{client + 1:06d}", clients[client], "Списання (продовження)", -uah,
                -eur, rate, f"Тариф «{rng.choice(_PLANS)}», жовтень 2026", n + 1, _AUTHORS[2],
            )  # fmt: skip


def ledger_report(rows: int) -> Report:
    return Report(
        title="Журнал проводок",
        company="ТОВ «Хмарні рішення»",
        period="01.10.2026 – 31.10.2026",
        made_at=dt.datetime(2026, 11, 22, 10, 15),
        made_by="Олена Коваль",
        columns=COLUMNS,
        rows=ledger_rows(rows),
        sheet_name="Проводки",
    )


# -- the children ---------------------------------------------------------------


def _write_openpyxl(rows: int, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Проводки")
    sheet.append([c.title for c in COLUMNS])
    for row in ledger_rows(rows):
        sheet.append(row)
    book.save(path)


def _write_xlsxwriter(rows: int, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Проводки")
    sheet.write_row(0, 0, [c.title for c in COLUMNS])
    for r, row in enumerate(ledger_rows(rows), start=1):
        sheet.write_row(r, 0, row)
    book.close()


def _write_full_report(rows: int, path: Path) -> None:
    result = write_report(ledger_report(rows), path)
    assert result.rows == rows


WRITERS = {
    "openpyxl": _write_openpyxl,
    "xlsxwriter": _write_xlsxwriter,
    "report": _write_full_report,
}


def _peak_rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def child_main(engine: str, rows: int, path: Path) -> dict[str, Any]:
    started = time.perf_counter()
    WRITERS[engine](rows, path)
    seconds = time.perf_counter() - started
    return {
        "engine": engine,
        "rows": rows,
        "seconds": seconds,
        "peak_mb": _peak_rss_mb(),
        "file_mb": path.stat().st_size / 2**20,
    }


# -- the parent -----------------------------------------------------------------


def run_export_bench(rows: int) -> list[dict[str, Any]]:
    """Run each writer in a child process; figures per engine, baseline first.

    Each dict: engine, name, rows, seconds, rows_per_s, ratio (seconds over the
    baseline's), peak_mb, file_mb, load (1-minute load average at the start).
    """
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as tmp:
        for engine in ENGINES:
            load = os.getloadavg()[0]
            path = Path(tmp) / f"{engine}.xlsx"
            command = [sys.executable, __file__, "--child", engine, "--rows", str(rows)]
            out = subprocess.run(
                [*command, "--path", str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            result.update(name=ENGINE_NAMES[engine], load=load)
            result["rows_per_s"] = rows / result["seconds"]
            path.unlink()
            results.append(result)
    baseline = results[0]["seconds"]
    for result in results:
        result["ratio"] = result["seconds"] / baseline
    return results


def render(results: Sequence[dict[str, Any]]) -> str:
    lines = [
        "| writer | rows | seconds | rows/s | × baseline time | peak RSS MB | file MB | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['name']} | {r['rows']:,} | {r['seconds']:.1f} | {r['rows_per_s']:,.0f} "
            f"| {r['ratio']:.2f} | {r['peak_mb']:.0f} | {r['file_mb']:.1f} | {r['load']:.1f} |"
        )
    report = next(r for r in results if r["engine"] == "report")
    ok = report["ratio"] <= TARGET_RATIO and report["peak_mb"] < TARGET_PEAK_MB
    lines.append("")
    lines.append(
        f"Target: write_report within {TARGET_RATIO}× the baseline's time and under "
        f"{TARGET_PEAK_MB} MB: {'met' if ok else 'NOT met'}."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child_main(args.child, args.rows, args.path)))
        return 0
    print(render(run_export_bench(args.rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the snapshots of a closing cost: the bulk texts of its invoices and acts.

    python bench/snapshots.py --url DB_URL [--old SRC] [--repeat 3]

Runs against a database a closing left (`bench/closing.py --keep`): builds
the canonical texts of every invoice and act in it with `fix_documents`'
builders (`_invoice_texts`, `_act_texts`), reading but writing nothing, and
prints wall and CPU time per document. With `--old SRC` (a source tree of an
earlier commit, e.g. from `git archive`) its `services/snapshots.py` is timed
the same way, alternating with today's, so both see the same load: on a
shared machine the ratio is what can be trusted, not the seconds.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from typing import Any  # noqa: E402

from sqlalchemy import BigInteger, select, type_coerce  # noqa: E402

from backoffice.db.engine import UnitOfWork, make_engine  # noqa: E402
from backoffice.db.models import Account, Act, Invoice  # noqa: E402
from backoffice.services import snapshots  # noqa: E402


def load_old(source: Path) -> ModuleType:
    path = source / "backoffice" / "services" / "snapshots.py"
    spec = importlib.util.spec_from_file_location("old_snapshots", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def handed(uow: UnitOfWork) -> dict[str, dict[str, Any]]:
    """kind → the documents by number as the invoice run and the closing hand
    them to `fix_documents` (`given`), read here beforehand, untimed."""
    invoices = snapshots._invoice_rows  # the same rows, in minor units
    given: dict[str, dict[str, Any]] = {"invoice": {}, "act": {}}
    numbers = list(uow.session.execute(select(Invoice.number)).scalars())
    for chunk in snapshots._chunks(numbers):
        rows, lines, _ = invoices(uow, chunk, minor=True)
        for row in rows:
            given["invoice"][row.number] = snapshots.IssuedInvoice(
                *row[:13],
                lines=[snapshots.IssuedLine(*line[1:]) for line in lines[row.id]],
            )
    money = type_coerce(Act.total_uah, BigInteger)
    for row in uow.session.execute(
        select(Act.number, Act.account_id, Act.month, Act.act_date, money, Account.number)
        .join(Account, Account.id == Act.account_id)
        .where(Act.order_id.is_(None))
    ):
        given["act"][row[0]] = snapshots.IssuedAct(*row)
    return given


def run(module: ModuleType, url: str, *, hand: bool = False) -> dict[str, tuple[float, float, int]]:
    """kind → (wall s, CPU s, documents) of building every text of the kind;
    with `hand`, from the documents handed over as a run does (today's code)."""
    engine = make_engine(url)
    out: dict[str, tuple[float, float, int]] = {}
    cache = getattr(module, "_BUYER_TEXTS", None)
    if cache is not None:
        cache.clear()  # as at the start of a closing's process
    try:
        with UnitOfWork(engine, read_only=True) as uow:
            # invoices first: a closing's invoice runs come before its acts
            for kind, table, texts in (
                ("invoice", Invoice, module._invoice_texts),
                ("act", Act, module._act_texts),
            ):
                given = handed(uow)[kind] if hand else None
                numbers = (
                    list(given)
                    if given is not None
                    else list(uow.session.execute(select(table.number)).scalars())
                )
                wall, cpu = time.perf_counter(), time.process_time()
                if given is None:
                    count = sum(1 for _ in texts(uow, numbers))
                else:
                    count = sum(1 for _ in texts(uow, numbers, given))
                out[kind] = (time.perf_counter() - wall, time.process_time() - cpu, count)
    finally:
        engine.dispose()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--old", type=Path, help="source tree of an earlier commit")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    modules: dict[str, tuple[ModuleType, bool]] = {
        "today, read back": (snapshots, False),
        "today, handed over": (snapshots, True),
    }
    if args.old:
        modules["old (read back)"] = (load_old(args.old), False)
    totals: dict[str, dict[str, list[tuple[float, float, int]]]] = {
        name: {"invoice": [], "act": []} for name in modules
    }
    print(f"load average at start: {os.getloadavg()}")
    for _ in range(args.repeat):
        for name, (module, hand) in modules.items():
            for kind, measured in run(module, args.url, hand=hand).items():
                totals[name][kind].append(measured)
    print(f"load average at end: {os.getloadavg()}")
    print("| Code | Kind | Documents | Wall s (best) | CPU s (best) | CPU µs / document |")
    print("|---|---|---:|---:|---:|---:|")
    for name, kinds in totals.items():
        for kind, runs in kinds.items():
            wall = min(r[0] for r in runs)
            cpu = min(r[1] for r in runs)
            count = runs[0][2]
            per = cpu / count * 1e6 if count else 0.0
            print(f"| {name} | {kind} | {count:,} | {wall:.2f} | {cpu:.2f} | {per:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

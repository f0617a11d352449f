"""Statement import benchmark: 100,000 incoming payments for 50,000 clients.

    tools/with-postgres .venv/bin/python bench/import.py [--payments 100000]
        [--clients 50000] [--backends sqlite,postgresql] [--out docs/benchmarks.md|-]

Two files of the same payments are generated: a 1C ClientBankExchange
statement (windows-1251, CRLF) and a bank CSV in layout A (windows-1251, `;`,
decimal comma). A third of the payments name an open invoice in the purpose,
a third carry the payer's ЄДРПОУ, the rest come from a payer IBAN the books
know (half of them) or match nothing (the other half).

Per backend the database is set up once (schema through `upgrade_schema`;
clients, accounts, IBANs and invoices with Core executemany; timed apart)
and copied for each measured phase, which runs in a child process of its own
so its peak RSS is its own:

- read: `read_statement` + `fingerprints` of the file alone (baseline 1);
- import: `statements.import_statement_file` in one unit of work and commit
  (target ≤ 15 s, peak RSS ≤ 500 MB), then checks: the counts expected by
  construction, balances equal to the entries, `check_integrity`;
- re-import of the same file on that database: all duplicates (target ≤ 5 s);
- raw insert (baseline 2), on a fresh copy: the same top-up entries, read
  back from the imported database, with a Core insert and one balance UPDATE
  per account, in one transaction.

The section "## Statement import (bench/import.py)" of --out is written or
replaced; the other sections are kept.
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
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import bindparam, func, insert, select, update
from stdnum.ua import edrpou as stdnum_edrpou

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from closing import (  # noqa: E402  (bench/ on the path first)
    copy_database,
    create_database,
    drop_database,
    machine,
    peak_rss_mib,
    settle_database,
)

from backoffice.db.engine import UnitOfWork, make_engine  # noqa: E402
from backoffice.db.models import (  # noqa: E402
    Account,
    Client,
    ClientIban,
    Invoice,
    InvoiceLine,
    LedgerEntry,
)
from backoffice.db.schema import upgrade_schema  # noqa: E402

SECTION = "## Statement import (bench/import.py)"
OUR_IBAN = "UA213223130000026007233566001"
OUR_EDRPOU = "37193071"
DAY = dt.date(2026, 11, 12)
BACKENDS = ("sqlite", "postgresql")
TARGET_IMPORT_S = 15.0
TARGET_REIMPORT_S = 5.0
TARGET_RSS_MB = 500.0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- data ---------------------------------------------------------------------------------


def edrpou(n: int) -> str:
    base = f"{20000000 + n * 13:08d}"[:7]
    return base + stdnum_edrpou.calc_check_digit(base)


def iban(n: int) -> str:
    """A valid UA IBAN at PrivatBank (МФО 305299) for client n."""
    bban = f"305299{n:019d}"
    digits = "".join(str(int(c, 36)) for c in bban + "UA00")
    check = 98 - int(digits) % 97
    return f"UA{check:02d}{bban}"


def invoice_number(n: int) -> str:
    return f"РФ-2026-{n:06d}"


def payments(count: int, clients: int, seed: int) -> list[dict[str, Any]]:
    """The payments and how each is expected to match."""
    rng = random.Random(seed)
    result = []
    for i in range(count):
        client = rng.randrange(clients)
        amount = Decimal(rng.randint(10_000, 2_500_000)).scaleb(-2)
        third = i % 3
        row = {
            "number": f"{100000 + i}",
            "amount": amount,
            "payer": f"ТОВ «Платник {client}»",
            "code": "",
            "iban": f"UA89322001{i:019d}",  # an account the books do not know
            "purpose": "Оплата за послуги згідно договору, без ПДВ",
            "expect": "unmatched",
        }
        if third == 0:  # an invoice of the payer (client n has invoice n + 1)
            row["purpose"] = f"Оплата за рахунком № {invoice_number(client + 1)}, без ПДВ"
            row["expect"] = "invoice"
        elif third == 1:
            row["code"] = edrpou(client)
            row["expect"] = "code"
        elif i % 2 == 0 and client % 2 == 0:  # the even clients' IBANs are on file
            row["iban"] = iban(client)
            row["expect"] = "iban"
        result.append(row)
    return result


def onec_file(rows: list[dict[str, Any]]) -> bytes:
    total = sum((r["amount"] for r in rows), Decimal("0.00"))
    date = f"{DAY:%d.%m.%Y}"
    out = [
        "1CClientBankExchange",
        "ВерсияФормата=1.03",
        "Кодировка=Windows",
        f"ДатаНачала={date}",
        f"ДатаКонца={date}",
        f"РасчСчет={OUR_IBAN}",
        "СекцияРасчСчет",
        f"ДатаНачала={date}",
        f"ДатаКонца={date}",
        f"РасчСчет={OUR_IBAN}",
        "НачальныйОстаток=0.00",
        f"ВсегоПоступило={total}",
        "ВсегоСписано=0.00",
        f"КонечныйОстаток={total}",
        "КонецРасчСчет",
    ]
    for r in rows:
        out += [
            "СекцияДокумент=Платіжне доручення",
            f"Номер={r['number']}",
            f"Дата={date}",
            f"Сумма={r['amount']}",
            f"ПлательщикСчет={r['iban']}",
            f"ПлательщикОКПО={r['code']}",
            f"Плательщик1={r['payer']}",
            f"ПолучательСчет={OUR_IBAN}",
            f"ПолучательОКПО={OUR_EDRPOU}",
            f"НазначениеПлатежа={r['purpose']}",
            "КонецДокумента",
        ]
    out.append("КонецФайла")
    return ("\r\n".join(out) + "\r\n").encode("cp1251")


def csv_file(rows: list[dict[str, Any]]) -> bytes:
    header = (
        "ЄДРПОУ;МФО;Рахунок;Валюта;Дата операції;Код операції;МФО банка;Назва банка;"
        "Рахунок кореспондента;ЄДРПОУ кореспондента;Кореспондент;Номер документа;"
        "Дата документа;Дебет;Кредит;Призначення платежу;Гривневе покриття"
    )
    out = [header]
    date = f"{DAY:%d.%m.%Y}"
    for r in rows:
        amount = f"{r['amount']}".replace(".", ",")
        out.append(
            f"{OUR_EDRPOU};322313;{OUR_IBAN};UAH;{date} 10:00:00;1;305299;АТ КБ «ПриватБанк»;"
            f"{r['iban']};{r['code']};{r['payer']};{r['number']};{date};;{amount};"
            f"{r['purpose']};{amount}"
        )
    return ("\r\n".join(out) + "\r\n").encode("cp1251")


# -- setup ----------------------------------------------------------------------------------


def setup(url: str, clients: int) -> float:
    from backoffice.services import rates, settings

    start = time.perf_counter()
    engine = make_engine(url)
    upgrade_schema(engine)
    with UnitOfWork(engine, actor="bench") as uow:
        for key, value in (
            ("company.name", "ТОВ «Хмарні рішення»"),
            ("company.edrpou", OUR_EDRPOU),
            ("company.iban", OUR_IBAN),
            ("company.bank", "АТ «Універсал Банк»"),
            ("company.address", "м. Київ, вул. Хрещатик, 1"),
        ):
            settings.set_setting(uow, key, value)
        rates.set_rate(uow, DAY, "EUR", Decimal("48.5123"))
        uow.commit()
    now = dt.datetime(2026, 11, 1, 9, 0)
    with engine.begin() as conn:
        for first in range(0, clients, 10_000):
            chunk = range(first, min(clients, first + 10_000))
            conn.execute(
                insert(Client.__table__),
                [
                    {
                        "id": n + 1,
                        "kind": "legal",
                        "name": f"ТОВ «Платник {n}»",
                        "short_name": f"ТОВ «Платник {n}»",
                        "edrpou": edrpou(n),
                        "rnokpp": None,
                        "vat_payer": False,
                        "ipn": None,
                        "address": "",
                        "contract_no": None,
                        "contract_date": None,
                        "manager": "",
                        "notes": "",
                        "archived": False,
                        "created_at": now,
                        "search_text": f"тов платник {n} {edrpou(n)}",
                        "sort_key": f"платник {n:08d}",
                    }
                    for n in chunk
                ],
            )
            conn.execute(
                insert(Account.__table__),
                [
                    {
                        "id": n + 1,
                        "number": f"OR-{n + 1:06d}",
                        "client_id": n + 1,
                        "currency": "UAH",
                        "balance": Decimal("0.00"),
                        "access": "active",
                        "block_reason": None,
                        "credit_enabled": False,
                        "credit_limit": Decimal("0.00"),
                        "last_topup_date": None,
                        "opened_on": dt.date(2026, 11, 1),
                    }
                    for n in chunk
                ],
            )
            conn.execute(
                insert(ClientIban.__table__),
                [
                    {"client_id": n + 1, "iban": iban(n), "learned": False}
                    for n in chunk
                    if n % 2 == 0
                ],
            )
            conn.execute(
                insert(Invoice.__table__),
                [
                    {
                        "id": n + 1,
                        "number": invoice_number(n + 1),
                        "account_id": n + 1,
                        "kind": "topup",
                        "issue_date": dt.date(2026, 11, 1),
                        "due_date": dt.date(2026, 11, 6),
                        "period": "",
                        "total": Decimal("1500.00"),
                        "eur_total": None,
                        "rate": None,
                        "markup_percent": None,
                        "paid": Decimal("0.00"),
                        "status": "issued",
                        "subscription_id": None,
                        "order_id": None,
                        "run_key": None,
                        "created_at": now,
                        "created_by": "bench",
                        "cancelled_at": None,
                        "cancel_reason": "",
                    }
                    for n in chunk
                ],
            )
            conn.execute(
                insert(InvoiceLine.__table__),
                [
                    {
                        "invoice_id": n + 1,
                        "position": 1,
                        "service": "Поповнення",
                        "unit": "послуга",
                        "quantity": 1,
                        "price": Decimal("1500.00"),
                        "total": Decimal("1500.00"),
                        "eur": None,
                    }
                    for n in chunk
                ],
            )
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # the ids were given; move the sequences on
            for table in ("clients", "accounts", "invoices"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
    settle_database(engine)
    engine.dispose()
    return time.perf_counter() - start


# -- phases (each in a child process) ----------------------------------------------------


def phase_read(args: argparse.Namespace) -> dict[str, Any]:
    from backoffice.importers.statements import fingerprints, read_statement_file

    start = time.perf_counter()
    statement = read_statement_file(Path(args.file))
    fingerprints(statement)
    return {"seconds": time.perf_counter() - start, "lines": len(statement.lines)}


def phase_import(args: argparse.Namespace) -> dict[str, Any]:
    from backoffice.services import statements

    engine = make_engine(args.url)
    start = time.perf_counter()
    with UnitOfWork(engine, actor="bench") as uow:
        result = statements.import_statement_file(uow, Path(args.file), "auto", DAY)
        uow.commit()
    seconds = time.perf_counter() - start
    engine.dispose()
    return {
        "seconds": seconds,
        "new": result.new,
        "duplicate": result.duplicate,
        "matched": result.matched,
        "unmatched": result.unmatched,
        "skipped": result.skipped,
    }


def phase_raw(args: argparse.Namespace) -> dict[str, Any]:
    """The same top-up entries, taken from the imported database, inserted raw."""
    source = make_engine(args.source)
    columns = [c for c in LedgerEntry.__table__.columns if c.name != "id"]
    with source.connect() as conn:
        rows = [
            dict(r._mapping)
            for r in conn.execute(select(*columns).where(LedgerEntry.kind == "topup_bank")).all()
        ]
    source.dispose()
    deltas: dict[int, Decimal] = {}
    for row in rows:
        deltas[row["account_id"]] = deltas.get(row["account_id"], Decimal(0)) + row["amount"]
    engine = make_engine(args.url)
    table = LedgerEntry.__table__
    start = time.perf_counter()
    with engine.begin() as conn:
        for first in range(0, len(rows), 5000):
            conn.execute(insert(table), rows[first : first + 5000])
        conn.execute(
            update(Account.__table__)
            .where(Account.__table__.c.id == bindparam("b_id"))
            .values(balance=Account.__table__.c.balance + bindparam("b_delta")),
            [{"b_id": k, "b_delta": v} for k, v in deltas.items()],
        )
    seconds = time.perf_counter() - start
    engine.dispose()
    return {"seconds": seconds, "entries": len(rows)}


def phase_check(args: argparse.Namespace) -> dict[str, Any]:
    from backoffice.services import integrity

    engine = make_engine(args.url)
    with UnitOfWork(engine, read_only=True) as uow:
        report = integrity.check_integrity(uow)
        total = uow.session.execute(select(func.sum(LedgerEntry.amount))).scalar()
        cached = uow.session.execute(select(func.sum(Account.balance))).scalar()
        rules = dict(
            uow.session.execute(
                sqlalchemy.text(
                    "SELECT match_rule, count(*) FROM statement_lines "
                    "WHERE status = 'posted' GROUP BY match_rule"
                )
            ).all()
        )
    engine.dispose()
    return {
        "integrity_ok": not report.problems,
        "balances_equal": total == cached,
        "rules": {k: int(v) for k, v in rules.items()},
    }


PHASES = {"read": phase_read, "import": phase_import, "raw": phase_raw, "check": phase_check}


def run_child(phase: str, **options: str) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        command = [sys.executable, __file__, "--phase", phase, "--result", out.name]
        for key, value in options.items():
            command += [f"--{key}", value]
        subprocess.run(command, check=True)
        result: dict[str, Any] = json.loads(Path(out.name).read_text())
    return result


# -- one backend --------------------------------------------------------------------------


def database_url(backend: str, folder: Path, label: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / f'{label}.sqlite'}"
    base = sqlalchemy.engine.make_url(os.environ["BACKOFFICE_TEST_PG"])
    name = f"bench_import_{label}_{os.getpid()}"
    return base.set(database=name).render_as_string(hide_password=False)


def run_backend(backend: str, files: dict[str, Path], args: argparse.Namespace) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix=f"bench-import-{backend}-"))
    template = database_url(backend, folder, "template")
    create_database(backend, template)
    log(f"{backend}: setup of {args.clients:,} clients")
    out: dict[str, Any] = {"setup_s": setup(template, args.clients), "files": {}}
    for kind, path in files.items():
        work = database_url(backend, folder, f"work_{kind}")
        base = database_url(backend, folder, f"base_{kind}")
        copy_database(backend, template, work)
        copy_database(backend, template, base)
        log(f"{backend} {kind}: read")
        read = run_child("read", file=str(path))
        log(f"{backend} {kind}: import")
        first = run_child("import", url=work, file=str(path))
        log(f"{backend} {kind}: re-import")
        again = run_child("import", url=work, file=str(path))
        log(f"{backend} {kind}: raw insert")
        raw = run_child("raw", url=base, source=work)
        check = run_child("check", url=work)
        out["files"][kind] = {
            "read": read,
            "import": first,
            "reimport": again,
            "raw": raw,
            "check": check,
        }
        for url in (work, base):
            drop_database(backend, url)
    drop_database(backend, template)
    return out


# -- report -------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "**yes**" if ok else "**NO**"


def render(results: dict[str, Any], args: argparse.Namespace, expected: dict[str, int]) -> str:
    info = machine()
    lines = [
        SECTION,
        "",
        f"Run {results['when']} on {info['nproc']} CPUs ({info['cpu']}), {info['ram']}, "
        f"Python {info['python']}, SQLAlchemy {info['sqlalchemy']}, git {info['git']}. "
        f"Load average before/after: {results['load_before']} / {results['load_after']}.",
        "",
        f"`{results['command']}`: {args.payments:,} incoming payments for {args.clients:,} "
        "clients; by construction "
        + ", ".join(f"{v:,} {k}" for k, v in expected.items())
        + ". Each phase in its own process; peak RSS is that process's.",
        "",
    ]
    for backend, data in results["backends"].items():
        lines += [f"### {backend} (setup {data['setup_s']:.1f} s, not a target)", ""]
        lines += [
            "| file | phase | seconds | lines/s | peak RSS MB | × read | target | met |",
            "|---|---|---:|---:|---:|---:|---|---|",
        ]
        for kind, r in data["files"].items():
            read_s = r["read"]["seconds"]
            for phase, target in (
                ("read", None),
                ("import", TARGET_IMPORT_S),
                ("reimport", TARGET_REIMPORT_S),
                ("raw", None),
            ):
                p = r[phase]
                rate = args.payments / p["seconds"] if p["seconds"] else 0
                ok = (
                    ""
                    if target is None
                    else verdict(p["seconds"] <= target and p["rss_mb"] <= TARGET_RSS_MB)
                )
                name = {
                    "read": "read + split (baseline)",
                    "import": "import",
                    "reimport": "re-import (all duplicates)",
                    "raw": "raw insert of the top-ups (baseline)",
                }[phase]
                lines.append(
                    f"| {kind} | {name} | {p['seconds']:.2f} | {rate:,.0f} | {p['rss_mb']:.0f} | "
                    f"{p['seconds'] / read_s:.1f} | "
                    f"{'' if target is None else f'≤ {target:.0f} s, ≤ 500 MB'} | {ok} |"
                )
            imp, check = r["import"], r["check"]
            lines.append("")
            lines.append(
                f"{kind}: new {imp['new']:,}, matched {imp['matched']:,} "
                f"({', '.join(f'{k} {v:,}' for k, v in sorted(check['rules'].items()))}), "
                f"unmatched {imp['unmatched']:,}, skipped {imp['skipped']:,}; re-import "
                f"duplicates {r['reimport']['duplicate']:,}; balances equal the entries: "
                f"{verdict(check['balances_equal'])}; integrity check: "
                f"{verdict(check['integrity_ok'])}."
            )
            lines.append("")
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    if not path.exists():
        path.write_text(f"# Benchmarks\n\n{section}")
        return
    lines = path.read_text().splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == SECTION), None)
    if start is None:
        path.write_text("".join(lines).rstrip("\n") + "\n\n" + section)
        return
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    tail = "".join(lines[end:])
    path.write_text("".join(lines[:start]) + section + ("\n" + tail if tail else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--payments", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--phase", choices=list(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        result = PHASES[args.phase](args)
        result["rss_mb"] = peak_rss_mib()
        Path(args.result).write_text(json.dumps(result))
        return 0

    rows = payments(args.payments, args.clients, args.seed)
    expected: dict[str, int] = {}
    for row in rows:
        expected[row["expect"]] = expected.get(row["expect"], 0) + 1
    folder = Path(tempfile.mkdtemp(prefix="bench-import-files-"))
    files = {"1c": folder / "statement.txt", "csv": folder / "statement.csv"}
    files["1c"].write_bytes(onec_file(rows))
    files["csv"].write_bytes(csv_file(rows))
    results: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_before": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "command": " ".join(["bench/import.py", *(argv or sys.argv[1:])]),
        "backends": {},
    }
    for backend in args.backends.split(","):
        results["backends"][backend] = run_backend(backend, files, args)
    results["load_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    section = render(results, args, expected)
    if args.out == "-":
        print(section)
    else:
        write_section(Path(args.out), section)
        print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())

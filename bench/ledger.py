"""Ledger benchmark: bulk posting through the service layer, then all balances.

    python bench/ledger.py [--accounts 100000] [--entries 1000000]
                           [--backends sqlite,postgresql] [--out docs/benchmarks.md]

For each backend, in a child process of its own (so peak RSS is per backend):

1. Two fresh databases (a temp file for SQLite; CREATE DATABASE on the server
   named by BACKOFFICE_TEST_PG for PostgreSQL, see tools/with-postgres), schema
   through `upgrade_schema`, so the ledger triggers are in place in both.
2. Setup, timed apart: clients and accounts (Core executemany by default,
   `--setup service` for `clients.add_clients`), months before the benchmark
   month locked.
3. Service: the entries as `EntryDraft`s through `ledger.post_entries`, one
   `UnitOfWork` commit per batch of drafts.
4. Baseline: the same rows as plain dicts of integer kopiykas through a raw
   Core `insert()` executemany on the reflected table, plus one raw UPDATE per
   touched account for the cached balance and last top-up date, with the same
   batches and commits. The two databases must end up with the same accounts.
5. All balances (`ledger.balances_from_entries`, the grouped SUM) and the cached
   balances (`SELECT id, balance FROM accounts`), best and median of 3 runs;
   `integrity.check_integrity` once.

The section "## Ledger (bench/ledger.py)" of --out is written or replaced;
other sections of the file are kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import shlex
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import (
    Engine,
    MetaData,
    Table,
    bindparam,
    case,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from stdnum.ua import edrpou as stdnum_edrpou
from stdnum.ua import rntrc as stdnum_rntrc

from backoffice import names
from backoffice.db.engine import UnitOfWork, make_engine
from backoffice.db.models import Account, Client
from backoffice.db.models import Sequence as SequenceRow
from backoffice.db.schema import upgrade_schema
from backoffice.domain import ClientKind, ClientRecord, EntryDraft, EntryKind
from backoffice.money import eur_to_uah, from_minor, to_minor
from backoffice.services import clients, integrity, ledger, months

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Ledger (bench/ledger.py)"
PG_ENV = "BACKOFFICE_TEST_PG"
BACKENDS = ("sqlite", "postgresql")
ACTOR = "bench"

YEAR, MONTH = 2026, 10  # the open month every entry is dated in
MONTH_DAYS = 31
OPENED_ON = dt.date(2026, 1, 5)
DEBIT_SHARE = 0.2  # the rest are bank top-ups
EUR_PRICES = (900, 1900, 2900, 4900, 9900, 19900)  # euro cents per renewal
MARKUPS = (0, 20_000, 30_000, 35_000)  # percent × 10⁴: 0 %, 2 %, 3 %, 3.5 %
SETUP_CHUNK = 10_000
BALANCE_RUNS = 3

TARGET_RATIO = 0.5
TARGET_BALANCES_S = 1.0

# A raw entry: (account index, business date, kind, amount, eur, rate, markup,
# comment), money as integers in minor units.
RawEntry = tuple[int, dt.date, str, int, int | None, int | None, int | None, str]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def current_rss_mib() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


# -- inputs -------------------------------------------------------------------


def make_clients(count: int, rng: random.Random) -> list[dict[str, Any]]:
    """Valid-looking clients: half legal entities with a ЄДРПОУ, half sole
    proprietors with a РНОКПП, check digits right."""
    created_at = dt.datetime(2026, 1, 5, 9, 0, 0)
    rows = []
    for n in range(1, count + 1):
        if n % 2:
            body = f"{rng.randint(1_000_000, 4_499_999):07d}"
            edrpou, rnokpp = body + stdnum_edrpou.calc_check_digit(body), None
            kind, name, short = ClientKind.LEGAL, f"ТОВ «Клієнт {n:06d}»", f"ТОВ «К{n:06d}»"
        else:
            body = f"{rng.randint(200_000_000, 399_999_999):09d}"
            edrpou, rnokpp = None, body + stdnum_rntrc.calc_check_digit(body)
            kind, name, short = ClientKind.SOLE, f"ФОП Клієнт {n:06d}", ""
        rows.append(
            {
                "kind": str(kind),
                "name": name,
                "short_name": short,
                "edrpou": edrpou,
                "rnokpp": rnokpp,
                "vat_payer": False,
                "ipn": None,
                "address": f"01001, м. Київ, вул. Хрещатик, буд. {n % 120 + 1}",
                "contract_no": f"Д-2026/{n:06d}",
                "contract_date": dt.date(2026, 1, 1 + n % 28),
                "manager": "",
                "notes": "",
                "archived": False,
                "created_at": created_at,
                "search_text": clients.search_text(name, short, edrpou, rnokpp),
                "sort_key": names.sort_key(short or name),
            }
        )
    return rows


def make_entries(accounts: int, entries: int, rng: random.Random) -> list[RawEntry]:
    """`entries` spread evenly over the accounts, in date order (as statements
    and renewals arrive), accounts interleaved within a day."""
    rates = {}
    rate = 485_123
    for day in range(1, MONTH_DAYS + 1):
        rate += rng.randint(-1500, 1500)
        rates[dt.date(YEAR, MONTH, day)] = rate
    days = list(rates)
    uah_cache: dict[tuple[int, int, int], int] = {}
    raw: list[RawEntry] = []
    for j in range(entries):
        account = j % accounts
        day = rng.choice(days)
        number = f"OR-{account + 1:06d}"
        if rng.random() < DEBIT_SHARE:
            eur, markup = rng.choice(EUR_PRICES), rng.choice(MARKUPS)
            key = (eur, rates[day], markup)
            if key not in uah_cache:
                uah = eur_to_uah(from_minor(eur, 2), from_minor(key[1], 4), from_minor(markup, 4))
                uah_cache[key] = to_minor(uah, 2)
            comment = f"Продовження підписки, о/р {number}, {day:%m.%Y}"
            kind = str(EntryKind.DEBIT_RENEWAL)
            raw.append((account, day, kind, -uah_cache[key], eur, key[1], markup, comment))
        else:
            amount = rng.randint(100, 50_000) * 100 + rng.choice((0, 0, 50, 99))
            comment = f"Оплата за послуги платформи згідно рахунку, о/р {number}"
            raw.append((account, day, str(EntryKind.TOPUP_BANK), amount, None, None, None, comment))
    order = list(range(entries))
    rng.shuffle(order)
    order.sort(key=lambda i: raw[i][1])
    return [raw[i] for i in order]


def scaled(value: int | None, places: int) -> Decimal | None:
    return None if value is None else Decimal(value).scaleb(-places)


def make_drafts(raw: Sequence[RawEntry], account_ids: Sequence[int]) -> list[EntryDraft]:
    return [
        EntryDraft(
            account_id=account_ids[account],
            business_date=day,
            kind=EntryKind(kind),
            amount=Decimal(amount).scaleb(-2),
            comment=comment,
            eur=scaled(eur, 2),
            rate=scaled(rate, 4),
            markup_percent=scaled(markup, 4),
        )
        for account, day, kind, amount, eur, rate, markup, comment in raw
    ]


def batches(count: int, size: int) -> Iterator[tuple[int, int]]:
    size = size or count
    for start in range(0, count, size):
        yield start, min(start + size, count)


# -- databases ----------------------------------------------------------------


class Databases:
    """Fresh databases for one worker; removed at the end unless kept."""

    def __init__(self, backend: str, keep: bool):
        self.backend = backend
        self.keep = keep
        self.engines: list[Engine] = []
        self.created: list[str] = []
        self.tmp = tempfile.TemporaryDirectory(prefix="bench-ledger-")
        self.admin: Engine | None = None
        if backend == "postgresql":
            url = os.environ.get(PG_ENV)
            if not url:
                raise SystemExit(f"{PG_ENV} is not set: run under tools/with-postgres")
            self.server_url = make_url(url)
            self.admin = sqlalchemy.create_engine(self.server_url, isolation_level="AUTOCOMMIT")

    def fresh(self, label: str) -> Engine:
        if self.backend == "sqlite":
            url = f"sqlite:///{Path(self.tmp.name) / f'{label}.sqlite'}"
        else:
            assert self.admin is not None
            name = f"bench_ledger_{label}_{os.getpid()}"
            with self.admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            self.created.append(name)
            url = self.server_url.set(database=name).render_as_string(hide_password=False)
        engine = make_engine(url)
        self.engines.append(engine)
        return engine

    def location(self, engine: Engine) -> str:
        return engine.url.render_as_string(hide_password=True)

    def checkpoint(self, engine: Engine) -> None:
        """Flush the server's dirty pages between phases, so one phase does not
        pay for the previous one's writes."""
        if self.backend == "postgresql":
            with engine.connect() as conn:
                conn.execute(text("CHECKPOINT"))
            return
        raw = engine.raw_connection()  # outside a transaction: no BEGIN
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            raw.close()

    def server_version(self) -> str:
        if self.admin is None:
            return ""
        with self.admin.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar_one())

    def close(self) -> None:
        for engine in self.engines:
            engine.dispose()
        if self.admin is not None:
            if not self.keep:
                with self.admin.connect() as conn:
                    for name in self.created:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            self.admin.dispose()
        if self.keep:
            log(f"kept databases: {self.tmp.name} {' '.join(self.created)}")
        else:
            self.tmp.cleanup()


@contextmanager
def timer(into: dict[str, float], key: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        into[key] = into.get(key, 0.0) + time.perf_counter() - start


def setup_core(engine: Engine, client_rows: list[dict[str, Any]]) -> list[int]:
    """Clients and accounts with Core executemany; returns account ids in order."""
    clients_t, accounts_t = Client.__table__, Account.__table__
    account_ids: list[int] = []
    with engine.begin() as conn:
        for start in range(0, len(client_rows), SETUP_CHUNK):
            chunk = client_rows[start : start + SETUP_CHUNK]
            client_ids = conn.execute(
                insert(clients_t).returning(clients_t.c.id, sort_by_parameter_order=True), chunk
            ).scalars()
            accounts = [
                {
                    "number": f"OR-{start + offset + 1:06d}",
                    "client_id": client_id,
                    "currency": "UAH",
                    "balance": Decimal("0.00"),
                    "access": "active",
                    "block_reason": None,
                    "credit_enabled": False,
                    "credit_limit": Decimal("0.00"),
                    "last_topup_date": None,
                    "opened_on": OPENED_ON,
                }
                for offset, client_id in enumerate(client_ids)
            ]
            account_ids.extend(
                conn.execute(
                    insert(accounts_t).returning(accounts_t.c.id, sort_by_parameter_order=True),
                    accounts,
                ).scalars()
            )
        conn.execute(
            insert(SequenceRow.__table__), [{"name": "account", "value": len(client_rows)}]
        )
    return account_ids


def setup_service(engine: Engine, client_rows: list[dict[str, Any]]) -> list[int]:
    """Clients and accounts through `clients.add_clients`, one commit per chunk."""
    for start in range(0, len(client_rows), SETUP_CHUNK):
        records = [
            ClientRecord(
                kind=ClientKind(row["kind"]),
                name=row["name"],
                short_name=row["short_name"],
                edrpou=row["edrpou"],
                rnokpp=row["rnokpp"],
                address=row["address"],
                contract_no=row["contract_no"],
                contract_date=row["contract_date"],
            )
            for row in client_rows[start : start + SETUP_CHUNK]
        ]
        with UnitOfWork(engine, actor=ACTOR) as uow:
            clients.add_clients(uow, records, OPENED_ON)
            uow.commit()
    with engine.connect() as conn:
        return list(conn.execute(select(Account.id).order_by(Account.number)).scalars())


def lock_earlier_months(engine: Engine) -> None:
    """Months before the benchmark month are closed, as in a live database:
    through `months.lock_month`, so each has its seal in the closing journal
    (`check` verifies it)."""
    with UnitOfWork(engine, actor=ACTOR) as uow:
        for m in range(1, MONTH):
            months.lock_month(uow, f"{YEAR:04d}-{m:02d}")
        uow.commit()


def prepare(
    dbs: Databases, label: str, client_rows: list[dict[str, Any]], setup: str, out: dict
) -> tuple[Engine, list[int]]:
    engine = dbs.fresh(label)
    with timer(out, "schema_s"):
        upgrade_schema(engine)
    with timer(out, "setup_s"):
        ids = (setup_service if setup == "service" else setup_core)(engine, client_rows)
        lock_earlier_months(engine)
    assert len(ids) == len(client_rows)
    dbs.checkpoint(engine)
    return engine, ids


# -- the measured paths -------------------------------------------------------


def post_service(engine: Engine, drafts: list[EntryDraft], batch: int) -> int:
    posted = 0
    for start, end in batches(len(drafts), batch):
        with UnitOfWork(engine, actor=ACTOR) as uow:
            posted += ledger.post_entries(uow, drafts[start:end]).posted
            uow.commit()
    return posted


def post_baseline(
    engine: Engine, raw: list[RawEntry], account_ids: list[int], batch: int, out: dict
) -> None:
    """The same rows with raw Core: reflected table (plain BIGINT money), dicts
    of integer kopiykas, one UPDATE per touched account, a commit per batch."""
    meta = MetaData()
    entries = Table("ledger_entries", meta, autoload_with=engine)
    accounts = Table("accounts", meta, autoload_with=engine)
    day = bindparam("b_day", type_=sqlalchemy.Date())
    move = (
        update(accounts)
        .where(accounts.c.id == bindparam("b_id"))
        .values(balance=accounts.c.balance + bindparam("b_delta"))
    )
    move_and_topup = move.values(
        last_topup_date=case(
            (accounts.c.last_topup_date.is_(None), day),
            (accounts.c.last_topup_date < day, day),
            else_=accounts.c.last_topup_date,
        )
    )
    topup = str(EntryKind.TOPUP_BANK)
    created_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    for start, end in batches(len(raw), batch):
        with engine.begin() as conn:
            rows = []
            deltas: dict[int, int] = defaultdict(int)
            last_topup: dict[int, dt.date] = {}
            for account, day_, kind, amount, eur, rate, markup, comment in raw[start:end]:
                account_id = account_ids[account]
                rows.append(
                    {
                        "account_id": account_id,
                        "business_date": day_,
                        "created_at": created_at,
                        "kind": kind,
                        "amount": amount,
                        "eur": eur,
                        "rate": rate,
                        "markup_percent": markup,
                        "reverses_id": None,
                        "source_key": None,
                        "author": ACTOR,
                        "comment": comment,
                    }
                )
                deltas[account_id] += amount
                if kind == topup and (
                    account_id not in last_topup or last_topup[account_id] < day_
                ):
                    last_topup[account_id] = day_
            with timer(out, "baseline_insert_s"):
                conn.execute(insert(entries), rows)
            with_day = [
                {"b_id": a, "b_delta": deltas[a], "b_day": d} for a, d in last_topup.items()
            ]
            without = [
                {"b_id": a, "b_delta": v}
                for a, v in deltas.items()
                if a not in last_topup and v != 0
            ]
            if with_day:
                conn.execute(move_and_topup, with_day)
            if without:
                conn.execute(move, without)


def best_and_median(fn: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def all_balances(engine: Engine) -> dict[int, Decimal]:
    with UnitOfWork(engine, actor=ACTOR, read_only=True) as uow:
        return ledger.balances_from_entries(uow)


def cached_balances(engine: Engine) -> list[Any]:
    accounts = Account.__table__
    with UnitOfWork(engine, actor=ACTOR, read_only=True) as uow:
        return uow.session.execute(select(accounts.c.id, accounts.c.balance)).all()


def account_state(engine: Engine) -> list[tuple[Any, ...]]:
    accounts = Account.__table__
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                select(accounts.c.number, accounts.c.balance, accounts.c.last_topup_date).order_by(
                    accounts.c.number
                )
            )
        ]


def entry_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM ledger_entries")).scalar_one())


def run_check(engine: Engine) -> dict[str, Any]:
    """`integrity.check_integrity` once; an exception is reported, not fatal,
    so the other figures of the run are still written."""
    result: dict[str, Any] = {"check_error": None}
    with UnitOfWork(engine, actor=ACTOR, read_only=True) as uow:
        start = time.perf_counter()
        try:
            report = integrity.check_integrity(uow)
        except Exception as exc:
            result["check_s"] = time.perf_counter() - start
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            result["check_error"] = f"{type(exc).__name__}: {first}"
            log(f"check_integrity raised {result['check_error']}")
            return result
        result["check_s"] = time.perf_counter() - start
    result["check_accounts"], result["check_entries"] = report.accounts, report.entries
    result["check_problems"] = list(report.problems[:5])
    result["check_problem_count"] = len(report.problems)
    return result


# -- one backend, in its own process -------------------------------------------


def run_backend(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {"backend": backend, "load_start": os.getloadavg()[0]}
    rng = random.Random(args.seed)
    log(f"{backend}: generating {args.accounts:,} clients and {args.entries:,} entries")
    with timer(out, "inputs_s"):
        client_rows = make_clients(args.accounts, rng)
        raw = make_entries(args.accounts, args.entries, rng)
    out["debits"] = sum(1 for r in raw if r[2] == EntryKind.DEBIT_RENEWAL)
    dbs = Databases(backend, args.keep)
    try:
        out["server_version"] = dbs.server_version()

        # service path
        setup_times: dict[str, float] = {}
        engine, account_ids = prepare(dbs, "service", client_rows, args.setup, setup_times)
        out["schema_s"], out["setup_s"] = setup_times["schema_s"], setup_times["setup_s"]
        log(f"{backend}: setup {out['setup_s']:.1f} s at {dbs.location(engine)}")
        drafts = make_drafts(raw, account_ids)
        out["rss_inputs_mib"] = current_rss_mib()
        log(f"{backend}: posting {len(drafts):,} drafts through ledger.post_entries")
        start = time.perf_counter()
        posted = post_service(engine, drafts, args.batch)
        out["service_s"] = time.perf_counter() - start
        out["peak_rss_service_mib"] = peak_rss_mib()
        del drafts
        assert posted == args.entries == entry_count(engine), (posted, args.entries)
        log(f"{backend}: service {out['service_s']:.1f} s")
        dbs.checkpoint(engine)

        # all balances, on the database the service wrote
        best, median, sums = best_and_median(lambda: all_balances(engine), args.runs)
        out["sum_best_s"], out["sum_median_s"] = best, median
        out["sum_accounts"] = len(sums)
        best, median, cached = best_and_median(lambda: cached_balances(engine), args.runs)
        out["cached_best_s"], out["cached_median_s"] = best, median
        out["cached_accounts"] = len(cached)
        assert dict(cached) == {a: sums.get(a, Decimal("0.00")) for a, _ in cached}
        del sums, cached
        out.update(run_check(engine))
        log(f"{backend}: balances and check done")

        # baseline
        base_setup: dict[str, float] = {}
        base_engine, base_ids = prepare(dbs, "baseline", client_rows, "core", base_setup)
        log(f"{backend}: baseline raw Core insert of {len(raw):,} rows")
        start = time.perf_counter()
        post_baseline(base_engine, raw, base_ids, args.batch, out)
        out["baseline_s"] = time.perf_counter() - start
        assert entry_count(base_engine) == args.entries
        log(f"{backend}: baseline {out['baseline_s']:.1f} s")
        out["same_state"] = account_state(engine) == account_state(base_engine)
        out["peak_rss_mib"] = peak_rss_mib()
        out["load_end"] = os.getloadavg()[0]
    finally:
        dbs.close()
    return out


def worker_main(args: argparse.Namespace) -> int:
    result = run_backend(args.worker, args)
    Path(args.result_file).write_text(json.dumps(result, default=str))
    return 0


# -- report ----------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
        ram = f"{kib / 2**20:.1f} GiB"
    except (OSError, TypeError):
        pass
    try:
        rev = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        rev = "unknown"
    import psycopg

    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": cpu,
        "ram": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite": sqlite3.sqlite_version,
        "psycopg": psycopg.__version__,
        "git": rev,
    }


def seconds(value: float) -> str:
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def rate(rows: int, elapsed: float) -> str:
    return f"{rows / elapsed:,.0f} rows/s"


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**NOT met**"


def backend_table(r: dict[str, Any], args: argparse.Namespace) -> list[str]:
    n = args.entries
    ratio = r["baseline_s"] / r["service_s"]  # = service rate / baseline rate
    insert_only = r["baseline_insert_s"]
    setup_how = "`clients.add_clients`" if args.setup == "service" else "Core executemany"
    if r.get("check_error"):
        check = f"**FAILED** after {seconds(r['check_s'])}: `{r['check_error']}`"
    elif r["check_problem_count"]:
        check = f"{seconds(r['check_s'])}: **{r['check_problem_count']} problems**: " + "; ".join(
            r["check_problems"]
        )
    else:
        check = (
            f"{seconds(r['check_s'])}: no problems ({r['check_accounts']:,} accounts,"
            f" {r['check_entries']:,} entries)"
        )
    rows = [
        ("Schema (`upgrade_schema`)", seconds(r["schema_s"])),
        (f"Setup: {args.accounts:,} clients + accounts ({setup_how})", seconds(r["setup_s"])),
        (
            "**Service bulk posting** (`ledger.post_entries`)",
            f"{seconds(r['service_s'])}, **{rate(n, r['service_s'])}**",
        ),
        (
            "**Baseline**: raw Core insert + balance updates (the comparison)",
            f"{seconds(r['baseline_s'])}, **{rate(n, r['baseline_s'])}**",
        ),
        (
            "Baseline, inserts alone (time inside the INSERT executemany)",
            f"{seconds(insert_only)}, {rate(n, insert_only)}",
        ),
        ("Ratio service / baseline (rows/s)", f"**{ratio:.2f}×**"),
        (
            "**All balances**, grouped SUM (`ledger.balances_from_entries`)",
            f"best **{seconds(r['sum_best_s'])}**, median {seconds(r['sum_median_s'])}"
            f" ({r['sum_accounts']:,} accounts)",
        ),
        (
            "Cached balances read (`SELECT id, balance FROM accounts`)",
            f"best {seconds(r['cached_best_s'])}, median {seconds(r['cached_median_s'])}"
            f" ({r['cached_accounts']:,} rows)",
        ),
        ("`integrity.check_integrity`", check),
        (
            "Service and baseline databases agree (balances, last top-up)",
            "yes" if r["same_state"] else "**NO**",
        ),
        (
            "Peak RSS (benchmark process)",
            f"{r['peak_rss_service_mib']:,.0f} MiB after service posting "
            f"(inputs held: {r['rss_inputs_mib']:,.0f} MiB); {r['peak_rss_mib']:,.0f} MiB overall",
        ),
        (
            "Load average (1 min) at start / end of this backend",
            f"{r['load_start']:.2f} / {r['load_end']:.2f} ({os.cpu_count()} CPUs)",
        ),
        (f"Target: bulk ≥ {TARGET_RATIO}× baseline", verdict(ratio >= TARGET_RATIO)),
        (
            f"Target: all balances < {TARGET_BALANCES_S:g} s (best SUM)",
            verdict(r["sum_best_s"] < TARGET_BALANCES_S),
        ),
    ]
    name = "SQLite" if r["backend"] == "sqlite" else "PostgreSQL"
    version = f" {r['server_version']}" if r.get("server_version") else ""
    lines = [f"### {name}{version}", "", "| Measure | Result |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    return [*lines, ""]


def render(results: list[dict[str, Any]], args: argparse.Namespace, command: str) -> str:
    m = machine()
    n, a = args.entries, args.accounts
    batch = args.batch or n
    commits = -(-n // batch)
    debits = results[0]["debits"] if results else 0
    pg = next((r["server_version"] for r in results if r.get("server_version")), None)
    lines = [
        SECTION,
        "",
        f"Generated by `{command}` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        f"- Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, {m['os']}",
        f"- Python {m['python']}, SQLAlchemy {m['sqlalchemy']}, SQLite {m['sqlite']}, "
        f"psycopg {m['psycopg']}" + (f", PostgreSQL {pg} (tools/with-postgres)" if pg else ""),
        f"- Code: git {m['git']}",
        f"- Workload: {a:,} accounts, {n:,} entries ({n // max(a, 1)} per account) dated "
        f"{YEAR}-{MONTH:02d} (open; {YEAR}-01…{YEAR}-{MONTH - 1:02d} locked), in date order with "
        f"accounts interleaved; {n - debits:,} `topup_bank`, {debits:,} `debit_renewal` "
        "(negative, EUR/rate/markup set), amounts `Decimal` from integer kopiykas; "
        "no source keys.",
        f"- Posting: {batch:,} drafts per `UnitOfWork` commit ({commits} commits), "
        "`post_entries(uow, drafts)` without ids. The baseline uses the same batches and "
        "commits: a raw Core `insert()` executemany of dicts with integer kopiykas on the "
        "reflected table, then one raw `UPDATE accounts` per touched account (balance and "
        "last top-up date). Both run on fresh databases with the same schema and triggers "
        "(`upgrade_schema`); the ratio compares the service against that baseline.",
        f"- All balances and cached balances: best and median of {args.runs} runs, each in a "
        "fresh read-only `UnitOfWork`, right after posting.",
        "- Where the time goes, and proposed changes with their measured effect: "
        "[bench/README.md](../bench/README.md).",
        "",
    ]
    for r in results:
        lines += backend_table(r, args)
    return "\n".join(lines).rstrip() + "\n"


def write_section(path: Path, section: str) -> None:
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


# -- command line ----------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--backends", default=",".join(BACKENDS), help="sqlite,postgresql")
    parser.add_argument(
        "--out", default="docs/benchmarks.md", help="markdown file, or - for stdout"
    )
    parser.add_argument(
        "--batch", type=int, default=50_000, help="drafts per UnitOfWork commit; 0 = all in one"
    )
    parser.add_argument("--setup", choices=("core", "service"), default="core")
    parser.add_argument("--runs", type=int, default=BALANCE_RUNS)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--worker", choices=BACKENDS, help=argparse.SUPPRESS)
    parser.add_argument("--result-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(backends) - set(BACKENDS)
    if unknown or not backends:
        parser.error(f"--backends: choose from {', '.join(BACKENDS)}")
    if args.accounts < 1 or args.entries < 1 or args.batch < 0 or args.runs < 1:
        parser.error("--accounts, --entries and --runs must be positive, --batch ≥ 0")
    args.backend_list = backends
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    if "postgresql" in args.backend_list and not os.environ.get(PG_ENV):
        print(
            f"postgresql requested but {PG_ENV} is not set: run under tools/with-postgres, "
            "or pass --backends sqlite",
            file=sys.stderr,
        )
        return 2
    results = []
    for backend in args.backend_list:
        with tempfile.NamedTemporaryFile(suffix=".json") as result_file:
            command = [
                sys.executable,
                str(Path(__file__).resolve()),
                *(sys.argv[1:] if argv is None else argv),
                "--worker",
                backend,
                "--result-file",
                result_file.name,
            ]
            subprocess.run(command, check=True)
            results.append(json.loads(Path(result_file.name).read_text()))
    shown = ["bench/ledger.py", *(sys.argv[1:] if argv is None else argv)]
    command = "python " + shlex.join(shown)
    if "postgresql" in args.backend_list:
        command = "tools/with-postgres " + command
    section = render(results, args, command)
    if args.out == "-":
        sys.stdout.write(section)
    else:
        out = Path(args.out)
        write_section(out if out.is_absolute() else ROOT / out, section)
        log(f"wrote {SECTION!r} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

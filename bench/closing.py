"""Daily run and monthly closing benchmark: 100,000 renewals, then the closing.

    python bench/closing.py [--accounts 100000] [--backends sqlite,postgresql]
                            [--out docs/benchmarks.md]

For each backend, every phase runs in a child process of its own, so the peak
RSS of a measured phase is that phase's alone:

1. setup (timed apart, not a target): a fresh database (a temp file for
   SQLite; CREATE DATABASE on the server named by BACKOFFICE_TEST_PG for
   PostgreSQL, see tools/with-postgres), schema through `upgrade_schema`, the
   catalog through `catalog.import_catalog` (3 plans; metered, limit and flat
   options), EUR rates through `rates.set_rate`, then with Core executemany
   what `clients.add_clients` and `subscriptions.subscribe` would have left:
   clients with an e-mail, accounts opened on 1 Aug with an `opening_balance`
   entry, subscriptions activated on 1 Aug (3 months) or 1 Oct (1 month) with
   their `debit_activation` entry and options, all active with a paid period
   ending on 1 Nov (calendar anchor, policy S0), cached balances equal to the
   entries, Aug-Oct locked. 90% can pay the renewal, 10% cannot. 10% of the
   accounts report metered usage on days of November, above what is included.
   A new price of plan `start` is imported last, so those renew on version 2.
   The database is then copied for the baseline (file copy / TEMPLATE).
2. daily (measured): `daily.run_daily` for 1 November in one UnitOfWork and
   commit: the 100,000 renewals (debits, or outstanding charges and blocking).
3. between (timed apart): a fifth of the accounts that could not pay top up
   on a day of the month through `payments.receive_topup`, which pays the
   renewal late.
4. closing (measured): `closing.close_month` of November in one UnitOfWork and
   commit: it catches up the 29 daily runs (2-30 Nov: overage, outstanding
   charges, access, alerts) and makes the acts.
5. baseline and checks, on the copy made after setup: a raw Core insert of the
   same renewal entries of 1 November (read back from the service database,
   ids included) and one UPDATE of the cached balance per account, in one
   transaction; then (not timed) November's entries made before the closing,
   and, timed, a raw Core insert of what the closing wrote: its catch-up
   days' entries, the invoice run's invoices and lines, the acts and act
   lines, in one transaction. Checks on
   the service database: cached balances equal the entries, acts numbered
   without gaps, `integrity.check_integrity`.

The section "## Closing (bench/closing.py)" of --out is written or replaced;
other sections of the file are kept.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import Engine, MetaData, Table, bindparam, func, insert, select, text, update
from sqlalchemy.engine import make_url

from backoffice.billing.catalog import PlanSpec, parse_catalog
from backoffice.billing.policy import S0
from backoffice.billing.pricing import plan_service_text, price_period
from backoffice.db.engine import UnitOfWork, make_engine
from backoffice.db.models import (
    Account,
    Client,
    ClientEmail,
    LedgerEntry,
    Plan,
    PlanVersion,
    Subscription,
    SubscriptionOption,
    UsageRecord,
)
from backoffice.db.models import (
    Sequence as SequenceRow,
)
from backoffice.db.schema import upgrade_schema
from backoffice.domain import EntryKind
from backoffice.money import eur_to_uah, to_minor
from backoffice.services import (
    catalog,
    chain,
    closing,
    daily,
    integrity,
    ledger,
    months,
    payments,
    rates,
)

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Closing (bench/closing.py)"
PG_ENV = "BACKOFFICE_TEST_PG"
BACKENDS = ("sqlite", "postgresql")
PHASES = ("setup", "daily", "between", "closing", "baseline")
ACTOR = "bench"

MONTH = "2026-11"  # the month run and closed
FIRST = dt.date(2026, 11, 1)
LAST = dt.date(2026, 11, 30)
OPENED_ON = dt.date(2026, 8, 1)  # accounts opened, 3-month subscriptions activated
ACTIVATED_1M = dt.date(2026, 10, 1)  # 1-month subscriptions activated
LOCKED = ("2026-08", "2026-09", "2026-10")
RATES_FROM = dt.date(2026, 7, 25)
MARKUP = S0.fx_markup_percent
SETUP_CHUNK = 10_000

SHORT_SHARE = 0.10  # cannot pay the renewal on the 1st
USAGE_SHARE = 0.10  # metered usage above what is included, on days of the month
LATE_PAYER_SHARE = 0.20  # of the short ones: top up during the month

TARGET_S = 30.0
TARGET_RATIO = 5.0
TARGET_RSS_MIB = 1024.0

CATALOG = {
    "options": [
        {"code": "deliveries", "name": "Поставки", "unit": "поставка", "type": "metered",
         "unit_price": "1.00", "overage_multiplier": "2"},
        {"code": "edocs", "name": "Юридично значущі е-документи", "unit": "операція",
         "type": "metered", "unit_price": "0.20"},
        {"code": "users", "name": "Користувачі", "unit": "користувач", "type": "limit",
         "unit_price": "5.00"},
        {"code": "agents", "name": "Унікальні агенти", "unit": "агент", "type": "limit",
         "unit_price": "3.00"},
        {"code": "support", "name": "Пріоритетна підтримка", "unit": "міс.", "type": "flat",
         "unit_price": "15.00"},
    ],
    "plans": [
        {"code": "start", "name": "Старт", "monthly_price": "30.00",
         "includes": {"deliveries": 10, "edocs": 50}, "limits": {"users": 3, "agents": 5}},
        {"code": "business", "name": "Бізнес", "monthly_price": "100.00",
         "includes": {"deliveries": 50, "edocs": 300}, "limits": {"users": 10, "agents": 30},
         "period_discounts": {"1": "0", "3": "5", "6": "10", "12": "15"}},
        {"code": "pro", "name": "Професійний", "monthly_price": "250.00",
         "includes": {"deliveries": 200, "edocs": 1500}, "limits": {"users": 30, "agents": 100},
         "period_discounts": {"1": "0", "3": "5", "12": "15"}},
    ],
}  # fmt: skip
NEW_START_PRICE = "32.00"  # imported after the subscriptions: `start` renews on version 2
PLAN_WEIGHTS = (("start", 40), ("business", 45), ("pro", 15))
# (option, quantity choices, share of subscriptions that buy it)
EXTRAS = (
    ("users", (1, 2, 3, 5), 0.20),
    ("support", (1,), 0.08),
    ("deliveries", (10, 20), 0.05),
    ("agents", (5, 10), 0.05),
)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def peak_rss_mib() -> float:
    """This process's own peak RSS (VmHWM). Not getrusage's ru_maxrss: Linux
    carries it over fork and exec, so a phase would show at least its
    parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@contextmanager
def timer(into: dict[str, float], key: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        into[key] = into.get(key, 0.0) + time.perf_counter() - start


def days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    while start <= end:
        yield start
        start += dt.timedelta(days=1)


# -- the scenario -----------------------------------------------------------------


def eur_rates(seed: int) -> dict[dt.date, Decimal]:
    """A random walk around 48.5 UAH/EUR, one NBU rate a day."""
    rng = random.Random(seed * 7 + 1)
    value, out = 485_123, {}
    for day in days(RATES_FROM, LAST):
        value += rng.randint(-900, 900)
        out[day] = Decimal(value).scaleb(-4)
    return out


class Scenario:
    """Everything the setup writes and the checks expect, from one seed."""

    def __init__(self, accounts: int, seed: int):
        self.accounts = accounts
        self.seed = seed
        self.rates = eur_rates(seed)
        parsed = parse_catalog(json.dumps(CATALOG).encode(), "bench catalog")
        self.options = {o.code: o for o in parsed.options}
        self.plans = {p.code: p for p in parsed.plans}
        renewed = dict(self.plans)
        start = self.plans["start"]
        renewed["start"] = PlanSpec(
            start.code, start.name, Decimal(NEW_START_PRICE), start.kind, start.includes,
            start.limits, start.period_discounts, start.policy,
        )  # fmt: skip
        self.renewal_plans = renewed

    def account(self, n: int) -> dict[str, Any]:
        """Account n (0-based): plan, period, options, money, usage, late payment."""
        rng = random.Random(self.seed * 1_000_003 + n)
        plan = rng.choices([p for p, _ in PLAN_WEIGHTS], [w for _, w in PLAN_WEIGHTS])[0]
        months = 3 if plan != "start" and rng.random() < 0.1 else 1
        extras = [
            (code, rng.choice(quantities))
            for code, quantities, share in EXTRAS
            if rng.random() < share
        ]
        specs = [(self.options[code], q) for code, q in extras]
        activated = OPENED_ON if months == 3 else ACTIVATED_1M
        price = price_period(self.plans[plan], specs, months, S0).eur
        activation_uah = eur_to_uah(price, self.rates[activated], MARKUP)
        renewal_eur = price_period(self.renewal_plans[plan], specs, months, S0).eur
        renewal_uah = eur_to_uah(renewal_eur, self.rates[FIRST], MARKUP)
        short = rng.random() < SHORT_SHARE
        share = rng.uniform(0.05, 0.9) if short else rng.uniform(1.3, 3.0)
        remainder = (renewal_uah * Decimal(str(round(share, 3)))).quantize(Decimal("0.01"))
        usage = []
        if rng.random() < USAGE_SHARE:
            included = dict(self.renewal_plans[plan].includes)
            for code, q in extras:
                if code in included:
                    included[code] += q
            metered = ["deliveries"] + (["edocs"] if rng.random() < 0.5 else [])
            for code in metered:
                total = included[code] + rng.randint(1, 40 if code == "deliveries" else 200)
                cuts = sorted(rng.sample(range(1, total), rng.randint(2, 5)))
                parts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
                for part in parts:
                    usage.append((code, dt.date(2026, 11, rng.randint(2, 29)), part))
        late = None
        if short and rng.random() < LATE_PAYER_SHARE:
            late = dt.date(2026, 11, rng.randint(3, 27))
        return {
            "plan": plan,
            "months": months,
            "extras": extras,
            "activated": activated,
            "period": (activated, FIRST),
            "activation_eur": price,
            "activation_uah": activation_uah,
            "renewal_eur": renewal_eur,
            "renewal_uah": renewal_uah,
            "remainder": remainder,
            "short": short,
            "usage": usage,
            "late": late,
        }


# -- databases ------------------------------------------------------------------------


def server_admin() -> Engine:
    url = os.environ.get(PG_ENV)
    if not url:
        raise SystemExit(f"{PG_ENV} is not set: run under tools/with-postgres")
    return sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")


def database_url(backend: str, folder: Path, label: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / f'{label}.sqlite'}"
    url = make_url(os.environ[PG_ENV])
    return url.set(database=f"bench_closing_{label}_{os.getpid()}").render_as_string(
        hide_password=False
    )


def create_database(backend: str, url: str, template: str | None = None) -> None:
    if backend == "sqlite":
        return
    admin = server_admin()
    name = make_url(url).database
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        suffix = f' TEMPLATE "{make_url(template).database}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
    admin.dispose()


def copy_database(backend: str, source: str, target: str) -> None:
    if backend == "sqlite":
        for suffix in ("", "-wal"):  # the last connection to close has checkpointed
            if Path(make_url(source).database + suffix).exists():
                shutil.copyfile(
                    make_url(source).database + suffix, make_url(target).database + suffix
                )
        return
    create_database(backend, target, template=source)


def drop_database(backend: str, url: str) -> None:
    if backend == "sqlite":
        return
    admin = server_admin()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def settle_database(engine: Engine) -> None:
    """Between phases: write dirty pages out (and on PostgreSQL refresh the
    planner statistics, as autovacuum would after a bulk load), so a phase
    does not pay for the previous one's writes."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
            conn.execute(text("CHECKPOINT"))
        return
    raw = engine.raw_connection()  # outside a transaction: no BEGIN
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        raw.close()


def server_version(backend: str) -> str:
    if backend == "sqlite":
        return sqlite3.sqlite_version
    admin = server_admin()
    with admin.connect() as conn:
        version = str(conn.execute(text("SHOW server_version")).scalar_one())
    admin.dispose()
    return version


# -- phase 1: setup ---------------------------------------------------------------------


def setup(engine: Engine, scenario: Scenario, out: dict[str, Any]) -> None:
    with timer(out, "schema_s"):
        upgrade_schema(engine)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.json"
        path.write_text(json.dumps(CATALOG, ensure_ascii=False), "utf-8")
        with UnitOfWork(engine, actor=ACTOR) as uow:
            catalog.import_catalog(uow, path)
            for day, value in scenario.rates.items():
                rates.set_rate(uow, day, "EUR", value, source="bench")
            uow.commit()
        with engine.connect() as conn:
            versions = dict(
                conn.execute(
                    select(Plan.code, PlanVersion.id).join(
                        PlanVersion, PlanVersion.plan_id == Plan.id
                    )
                ).all()
            )
            option_ids = dict(conn.execute(text("SELECT code, id FROM catalog_options")).all())
        counts: dict[str, int] = defaultdict(int)
        for start in range(0, scenario.accounts, SETUP_CHUNK):
            stop = min(start + SETUP_CHUNK, scenario.accounts)
            with engine.begin() as conn:
                setup_chunk(conn, scenario, start, stop, versions, option_ids, counts)
        with engine.begin() as conn:
            conn.execute(
                insert(SequenceRow.__table__), [{"name": "account", "value": scenario.accounts}]
            )
        # The earlier months closed as a live database has them: locked, each
        # with its seal in the closing journal (`check` verifies them).
        with UnitOfWork(engine, actor=ACTOR) as uow:
            for month in LOCKED:
                months.lock_month(uow, month)
            uow.commit()
        # A price change: running subscriptions keep version 1 until the renewal.
        path.write_text(
            json.dumps(CATALOG, ensure_ascii=False).replace('"30.00"', f'"{NEW_START_PRICE}"'),
            "utf-8",
        )
        with UnitOfWork(engine, actor=ACTOR) as uow:
            assert catalog.import_catalog(uow, path).plan_versions_added == 1
            uow.commit()
    out.update(counts)


def setup_chunk(
    conn: Any,
    scenario: Scenario,
    start: int,
    stop: int,
    versions: dict[str, int],
    option_ids: dict[str, int],
    counts: dict[str, int],
) -> None:
    created = dt.datetime(2026, 8, 1, 9, 0)
    plans = [scenario.account(n) for n in range(start, stop)]
    numbers = [f"OR-{n + 1:06d}" for n in range(start, stop)]
    client_rows = []
    for n, number in zip(range(start, stop), numbers, strict=True):
        name = f"ТОВ «Клієнт {n + 1:06d}»"
        client_rows.append(
            {
                "kind": "legal", "name": name, "short_name": "", "edrpou": None,
                "rnokpp": None, "vat_payer": False, "ipn": None,
                "address": f"01001, м. Київ, вул. Хрещатик, буд. {n % 120 + 1}",
                "contract_no": f"Д-2026/{n + 1:06d}", "contract_date": OPENED_ON,
                "manager": "", "notes": "", "archived": False, "created_at": created,
                "search_text": f"{name.casefold()} {number.casefold()}",
                "sort_key": f"клієнт {n + 1:06d}",
            }
        )  # fmt: skip
    clients_t = Client.__table__
    client_ids = list(
        conn.execute(
            insert(clients_t).returning(clients_t.c.id, sort_by_parameter_order=True), client_rows
        ).scalars()
    )
    conn.execute(
        insert(ClientEmail.__table__),
        [
            {"client_id": cid, "email": f"buh{n + 1}@client.example.com"}
            for n, cid in zip(range(start, stop), client_ids, strict=True)
        ],
    )
    accounts_t = Account.__table__
    account_ids = list(
        conn.execute(
            insert(accounts_t).returning(accounts_t.c.id, sort_by_parameter_order=True),
            [
                {
                    "number": number, "client_id": cid, "currency": "UAH",
                    "balance": p["remainder"], "access": "active", "block_reason": None,
                    "credit_enabled": False, "credit_limit": Decimal("0.00"),
                    "last_topup_date": None, "opened_on": OPENED_ON,
                }
                for number, cid, p in zip(numbers, client_ids, plans, strict=True)
            ],
        ).scalars()
    )  # fmt: skip
    subs_t = Subscription.__table__
    sub_ids = list(
        conn.execute(
            insert(subs_t).returning(subs_t.c.id, sort_by_parameter_order=True),
            [
                {
                    "account_id": aid, "plan_version_id": versions[p["plan"]], "status": "active",
                    "months": p["months"], "auto_renew": True, "ordered_on": p["activated"],
                    "activated_on": p["activated"], "period_start": p["period"][0],
                    "period_end": p["period"][1], "ended_on": None, "last_change_on": None,
                }
                for aid, p in zip(account_ids, plans, strict=True)
            ],
        ).scalars()
    )  # fmt: skip
    option_rows = [
        {
            "subscription_id": sid,
            "option_id": option_ids[code],
            "quantity": quantity,
            "status": "active",
            "ordered_on": p["activated"],
        }
        for sid, p in zip(sub_ids, plans, strict=True)
        for code, quantity in p["extras"]
    ]
    if option_rows:
        conn.execute(insert(SubscriptionOption.__table__), option_rows)
    entries = []
    for aid, sid, number, p in zip(account_ids, sub_ids, numbers, plans, strict=True):
        entries.append(
            entry_row(aid, OPENED_ON, EntryKind.OPENING_BALANCE,
                      p["remainder"] + p["activation_uah"], f"opening:{number}", "")
        )  # fmt: skip
        comment = plan_service_text(scenario.plans[p["plan"]].name, *p["period"])
        entries.append(
            entry_row(aid, p["activated"], EntryKind.DEBIT_ACTIVATION, -p["activation_uah"],
                      f"activation:{sid}", comment, eur=-p["activation_eur"],
                      rate=scenario.rates[p["activated"]])
        )  # fmt: skip
    _insert_chained(conn, entries)
    usage_rows = [
        {
            "account_id": aid,
            "option_id": option_ids[code],
            "day": day,
            "quantity": quantity,
            "source": "platform",
            "created_at": created,
        }
        for aid, p in zip(account_ids, plans, strict=True)
        for code, day, quantity in p["usage"]
    ]
    if usage_rows:
        conn.execute(insert(UsageRecord.__table__), usage_rows)
    counts["accounts"] += stop - start
    counts["short"] += sum(p["short"] for p in plans)
    counts["with_usage"] += sum(bool(p["usage"]) for p in plans)
    counts["usage_records"] += len(usage_rows)
    counts["with_options"] += sum(bool(p["extras"]) for p in plans)
    counts["three_months"] += sum(p["months"] == 3 for p in plans)
    counts["late_payers"] += sum(p["late"] is not None for p in plans)
    counts["setup_entries"] += len(entries)


def _insert_chained(conn: sqlalchemy.Connection, entries: list[dict[str, Any]]) -> None:
    """The history's entries on the ledger's hash chain, as posting makes them
    (money as stored, in minor units)."""
    head = chain.lock_head(conn)
    link = chain.Link(head, chain.next_id(conn, head))
    stored = [
        {
            **e,
            "amount": to_minor(e["amount"], 2),
            "eur": None if e["eur"] is None else to_minor(e["eur"], 2),
            "rate": None if e["rate"] is None else to_minor(e["rate"], 4),
            "markup_percent": None
            if e["markup_percent"] is None
            else to_minor(e["markup_percent"], 4),
        }
        for e in entries
    ]
    conn.execute(insert(chain.RAW_ENTRIES), list(link.extend(stored)))
    chain.save_head(conn, link.last_id, link.last_hash)


def entry_row(
    account_id: int,
    day: dt.date,
    kind: EntryKind,
    amount: Decimal,
    key: str,
    comment: str,
    *,
    eur: Decimal | None = None,
    rate: Decimal | None = None,
) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "business_date": day,
        "created_at": dt.datetime.combine(day, dt.time(9, 0)),
        "kind": str(kind),
        "amount": amount,
        "eur": eur,
        "rate": rate,
        "markup_percent": MARKUP if eur is not None else None,
        "reverses_id": None,
        "source_key": key,
        "author": ACTOR,
        "comment": comment,
    }


# -- phases 2-4: the service ------------------------------------------------------------


def run_daily_phase(engine: Engine, out: dict[str, Any]) -> None:
    start = time.perf_counter()
    with UnitOfWork(engine, actor=ACTOR) as uow:
        result = daily.run_daily(uow, FIRST)
        out["daily_work_s"] = time.perf_counter() - start
        uow.commit()
    out["daily_s"] = time.perf_counter() - start
    [report] = result.days
    out["daily_report"] = {k: v for k, v in report.__dict__.items() if k not in ("day", "errors")}
    out["daily_errors"] = len(report.errors)


def run_between_phase(engine: Engine, scenario: Scenario, out: dict[str, Any]) -> None:
    """The short accounts that top up during the month, in date order, each
    through `payments.receive_topup` (which pays the waiting renewal)."""
    late = sorted(
        (p["late"], n, p) for n in range(scenario.accounts) if (p := scenario.account(n))["late"]
    )
    for index in range(0, len(late), 500):
        with UnitOfWork(engine, actor=ACTOR) as uow:
            for day, n, p in late[index : index + 500]:
                price = eur_to_uah(p["renewal_eur"], scenario.rates[day], MARKUP)
                amount = max(price - p["remainder"], Decimal("0.01")) + Decimal("500.00")
                payments.receive_topup(
                    uow, f"OR-{n + 1:06d}", amount, day, "Оплата за рахунком",
                    kind=EntryKind.TOPUP_BANK, source_key=f"bench:{n + 1}",
                )  # fmt: skip
            uow.commit()
    out["late_topups"] = len(late)


def run_closing_phase(engine: Engine, out: dict[str, Any]) -> None:
    """`close_month`, with the catch-up days and the acts timed apart by
    wrapping the functions it calls (instrumentation only)."""
    day_times: list[float] = []
    timings: dict[str, float] = {}
    real_day, real_acts = daily.run_one_day, closing._make_acts

    slowest: dict[str, Any] = {"seconds": -1.0}

    def timed_day(uow: UnitOfWork, day: dt.date, **kwargs: Any) -> daily.DayReport:
        started = time.perf_counter()
        report = None
        try:
            report = real_day(uow, day, **kwargs)
            return report
        finally:
            spent = time.perf_counter() - started
            day_times.append(spent)
            if spent > slowest["seconds"]:
                invoices = getattr(report, "invoices", 0) if report is not None else 0
                slowest.update(seconds=spent, day=day.isoformat(), invoices=invoices)

    def timed_acts(*args: Any, **kwargs: Any) -> None:
        with timer(timings, "acts_s"):
            real_acts(*args, **kwargs)

    with engine.connect() as conn:  # the closing's own entries come after this id
        out["entries_before_id"] = conn.execute(text("SELECT max(id) FROM ledger_entries")).scalar()
        out["invoices_before_id"] = conn.execute(text("SELECT max(id) FROM invoices")).scalar()
    daily.run_one_day, closing._make_acts = timed_day, timed_acts  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        with UnitOfWork(engine, actor=ACTOR) as uow:
            result = closing.close_month(uow, MONTH)
            out["closing_work_s"] = time.perf_counter() - start
            uow.commit()
        out["closing_s"] = time.perf_counter() - start
    finally:
        daily.run_one_day, closing._make_acts = real_day, real_acts  # type: ignore[assignment]
    out["catchup_s"] = sum(day_times)
    out["catchup_day_s"] = {
        "min": min(day_times, default=0.0),
        "median": statistics.median(day_times) if day_times else 0.0,
        "max": max(day_times, default=0.0),
    }
    out["slowest_day"] = slowest
    out["acts_s"] = timings.get("acts_s", 0.0)
    out["closing_days"] = result.daily_days
    out["acts"] = result.acts
    out["acts_total_uah"] = str(result.total_uah)
    out["closing_accounts"] = len(result.accounts)


# -- phase 5: baseline and checks --------------------------------------------------------


def reflected(engine: Engine, *names: str) -> list[Table]:
    meta = MetaData()
    return [Table(name, meta, autoload_with=engine) for name in names]


def run_baseline_phase(
    service: Engine, base: Engine, out: dict[str, Any], entries_before: int, invoices_before: int
) -> None:
    """Raw Core inserts of the rows the service wrote, on the copy made after
    setup: plain dicts of integers (the reflected tables have no money type)."""
    s_entries, s_acts, s_lines = reflected(service, "ledger_entries", "acts", "act_lines")
    b_entries, b_accounts, b_acts, b_lines = reflected(
        base, "ledger_entries", "accounts", "acts", "act_lines"
    )
    with service.connect() as conn:
        renewals = [
            dict(r._mapping)
            for r in conn.execute(
                select(s_entries)
                .where(
                    s_entries.c.business_date == FIRST,
                    s_entries.c.kind == str(EntryKind.DEBIT_RENEWAL),
                )
                .order_by(s_entries.c.id)
            )
        ]
    deltas: dict[int, int] = defaultdict(int)
    for row in renewals:
        deltas[row["account_id"]] += row["amount"]
    move = (
        update(b_accounts)
        .where(b_accounts.c.id == bindparam("b_id"))
        .values(balance=b_accounts.c.balance + bindparam("b_delta"))
    )
    settle_database(base)
    start = time.perf_counter()
    with base.begin() as conn:
        conn.execute(insert(b_entries), renewals)
        conn.execute(move, [{"b_id": a, "b_delta": d} for a, d in deltas.items()])
    out["baseline_daily_s"] = time.perf_counter() - start
    out["baseline_daily_rows"] = len(renewals)
    inserted = {row["id"] for row in renewals}
    del renewals

    # the rest of the month's entries, not timed, so the act lines have their entries
    with service.connect() as conn:
        rest = [
            dict(r._mapping)
            for r in conn.execute(
                select(s_entries).where(s_entries.c.business_date >= FIRST).order_by(s_entries.c.id)
            )
            if r.id not in inserted
        ]
        acts = [dict(r._mapping) for r in conn.execute(select(s_acts).order_by(s_acts.c.id))]
        lines = [dict(r._mapping) for r in conn.execute(select(s_lines).order_by(s_lines.c.id))]
    # what the closing wrote (its catch-up days' entries and the invoice run's
    # invoices) is timed with the acts
    written = [r for r in rest if r["id"] > entries_before]
    s_invoices, s_invoice_lines = reflected(service, "invoices", "invoice_lines")
    b_invoices, b_invoice_lines = reflected(base, "invoices", "invoice_lines")
    with service.connect() as conn:
        invoices = [
            dict(r._mapping)
            for r in conn.execute(select(s_invoices).where(s_invoices.c.id > invoices_before))
        ]
        invoice_lines = [
            dict(r._mapping)
            for r in conn.execute(
                select(s_invoice_lines).where(s_invoice_lines.c.invoice_id > invoices_before)
            )
        ]
    with base.begin() as conn:
        before = [r for r in rest if r["id"] <= entries_before]
        for chunk in range(0, len(before), 50_000):
            conn.execute(insert(b_entries), before[chunk : chunk + 50_000])
    del rest, before
    settle_database(base)
    start = time.perf_counter()
    with base.begin() as conn:
        for chunk in range(0, len(written), 50_000):
            conn.execute(insert(b_entries), written[chunk : chunk + 50_000])
        for table, rows in ((b_invoices, invoices), (b_invoice_lines, invoice_lines)):
            for chunk in range(0, len(rows), 50_000):
                conn.execute(insert(table), rows[chunk : chunk + 50_000])
        acts_start = time.perf_counter()
        conn.execute(insert(b_acts), acts)
        conn.execute(insert(b_lines), lines)
    out["baseline_acts_s"] = time.perf_counter() - acts_start
    out["baseline_closing_s"] = time.perf_counter() - start
    out["baseline_closing_entries"] = len(written)
    out["baseline_closing_invoices"] = len(invoices), len(invoice_lines)
    out["baseline_acts"], out["baseline_act_lines"] = len(acts), len(lines)


def run_checks(engine: Engine, out: dict[str, Any]) -> None:
    with UnitOfWork(engine, actor=ACTOR, read_only=True) as uow:
        sums = ledger.balances_from_entries(uow)
        cached = uow.session.execute(select(Account.id, Account.balance)).all()
        out["balances_differ"] = sum(1 for a, b in cached if sums.get(a, Decimal("0.00")) != b)
        session = uow.session
        out["entries_in_month"] = session.execute(
            select(func.count()).where(LedgerEntry.business_date >= FIRST)
        ).scalar_one()
        out["entries_by_kind"] = dict(
            session.execute(
                select(LedgerEntry.kind, func.count())
                .where(LedgerEntry.business_date >= FIRST)
                .group_by(LedgerEntry.kind)
            ).all()
        )
        out["subscriptions_by_status"] = dict(
            session.execute(
                select(Subscription.status, func.count()).group_by(Subscription.status)
            ).all()
        )
        out["access_blocked"] = session.execute(
            select(func.count()).where(Account.access == "blocked")
        ).scalar_one()
        out["alerts"] = dict(
            session.execute(text("SELECT code, count(*) FROM alerts GROUP BY code")).all()
        )
        out["act_counter"] = session.execute(
            text("SELECT value FROM sequences WHERE name = 'act:2026'")
        ).scalar()
        try:
            report = integrity.check_integrity(uow)
            out["integrity"] = "ok" if report.ok else "; ".join(report.problems[:3])
        except Exception as exc:  # report it, the figures still stand
            out["integrity"] = f"check failed: {type(exc).__name__}: {str(exc).splitlines()[0]}"


# -- one phase, in its own process -----------------------------------------------------------


def phase_main(args: argparse.Namespace) -> int:
    out: dict[str, Any] = {"phase": args.phase}
    scenario = Scenario(args.accounts, args.seed)
    engine = make_engine(args.url)
    profiler = cProfile.Profile() if args.profile and args.phase in ("daily", "closing") else None
    try:
        if args.phase == "setup":
            with timer(out, "setup_s"):
                setup(engine, scenario, out)
        elif args.phase == "daily":
            settle_database(engine)
            if profiler:
                profiler.enable()
            run_daily_phase(engine, out)
        elif args.phase == "between":
            with timer(out, "between_s"):
                run_between_phase(engine, scenario, out)
        elif args.phase == "closing":
            settle_database(engine)
            if profiler:
                profiler.enable()
            run_closing_phase(engine, out)
        elif args.phase == "baseline":
            base = make_engine(args.baseline_url)
            try:
                run_baseline_phase(engine, base, out, args.entries_before, args.invoices_before)
            finally:
                base.dispose()
            run_checks(engine, out)
    finally:
        if profiler:
            profiler.disable()
            profiler.dump_stats(f"{args.profile}.{args.backend}.{args.phase}.prof")
        engine.dispose()
    out["peak_rss_mib"] = peak_rss_mib()
    Path(args.result_file).write_text(json.dumps(out, default=str))
    return 0


def run_phase(args: argparse.Namespace, backend: str, phase: str, **urls: str) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".json") as result_file:
        command = [
            sys.executable, str(Path(__file__).resolve()),
            "--accounts", str(args.accounts), "--seed", str(args.seed),
            "--phase", phase, "--backend", backend, "--result-file", result_file.name,
            *[item for key, url in urls.items() for item in (f"--{key.replace('_', '-')}", url)],
        ]  # fmt: skip
        if args.profile:
            command += ["--profile", args.profile]
        subprocess.run(command, check=True)
        return json.loads(Path(result_file.name).read_text())


def run_backend(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {"backend": backend, "version": server_version(backend)}
    with tempfile.TemporaryDirectory(prefix="bench-closing-", dir=args.tmp) as folder:
        service = database_url(backend, Path(folder), "service")
        base = database_url(backend, Path(folder), "baseline")
        try:
            create_database(backend, service)
            log(f"{backend}: setup of {args.accounts:,} accounts")
            result["setup"] = run_phase(args, backend, "setup", url=service)
            copy_database(backend, service, base)
            log(f"{backend}: setup {result['setup']['setup_s']:.1f} s; daily run of {FIRST}")
            result["daily"] = run_phase(args, backend, "daily", url=service)
            log(f"{backend}: daily run {result['daily']['daily_s']:.1f} s; late top-ups")
            result["between"] = run_phase(args, backend, "between", url=service)
            log(f"{backend}: top-ups {result['between']['between_s']:.1f} s; closing {MONTH}")
            result["closing"] = run_phase(args, backend, "closing", url=service)
            log(f"{backend}: closing {result['closing']['closing_s']:.1f} s; baseline")
            result["baseline"] = run_phase(
                args,
                backend,
                "baseline",
                url=service,
                baseline_url=base,
                entries_before=str(result["closing"]["entries_before_id"] or 0),
                invoices_before=str(result["closing"]["invoices_before_id"] or 0),
            )
            log(f"{backend}: done")
        finally:
            if not args.keep:
                drop_database(backend, service)
                drop_database(backend, base)
            else:
                log(f"kept: {service} {base}")
                if backend == "sqlite":
                    kept = Path(tempfile.mkdtemp(prefix="bench-closing-kept-"))
                    for path in Path(folder).iterdir():
                        shutil.copy(path, kept / path.name)
                    log(f"SQLite files copied to {kept}")
    return result


# -- report ------------------------------------------------------------------------------------


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
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
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
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def verdict(ok: bool) -> str:
    return "**yes**" if ok else "**NO**"


def backend_table(r: dict[str, Any], accounts: int) -> list[str]:
    s, d, b, c, base = r["setup"], r["daily"], r["between"], r["closing"], r["baseline"]
    rep = d["daily_report"]
    daily_ratio = d["daily_s"] / base["baseline_daily_s"]
    acts_ratio = c["acts_s"] / base["baseline_acts_s"]
    closing_ratio = c["closing_s"] / base["baseline_closing_s"]
    rss = max(d["peak_rss_mib"], c["peak_rss_mib"])
    daily_ok = d["daily_s"] <= TARGET_S and daily_ratio <= TARGET_RATIO
    closing_ok = c["closing_s"] <= TARGET_S and closing_ratio <= TARGET_RATIO
    day = c["catchup_day_s"]
    kinds = ", ".join(f"{k} {v:,}" for k, v in sorted(base["entries_by_kind"].items()))
    statuses = ", ".join(f"{k} {v:,}" for k, v in sorted(base["subscriptions_by_status"].items()))
    alerts = ", ".join(f"{k} {v:,}" for k, v in sorted(base["alerts"].items()))
    checks = (
        f"cached balances = entries: {'yes' if not base['balances_differ'] else 'NO'}"
        f" ({base['balances_differ']} differ); act counter {base['act_counter']} for "
        f"{c['acts']:,} acts; `check_integrity`: {base['integrity']}"
    )
    rows = [
        (
            f"Setup: schema, catalog, rates, {accounts:,} clients, accounts, subscriptions, "
            "entries, usage (Core)",
            f"{seconds(s['setup_s'])} (schema {seconds(s['schema_s'])})",
        ),
        (
            f"**Daily run of {FIRST}** (`run_daily`, one UnitOfWork + commit)",
            f"**{seconds(d['daily_s'])}** (commit {seconds(d['daily_s'] - d['daily_work_s'])}):"
            f" {rep['renewed']:,} renewed, {rep['outstanding_created']:,} outstanding,"
            f" {rep['access_changed']:,} access changes, {rep['alerts']:,} alerts,"
            f" {d['daily_errors']} errors",
        ),
        (
            "Baseline: raw Core insert of the same renewal entries + balance UPDATE per account",
            f"{seconds(base['baseline_daily_s'])} ({base['baseline_daily_rows']:,} entries)",
        ),
        ("Ratio daily run / baseline", f"**{daily_ratio:.1f}×**"),
        (
            "Between (not measured): late top-ups through `payments.receive_topup`",
            f"{seconds(b['between_s'])} ({b['late_topups']:,} top-ups, renewals paid late)",
        ),
        (
            f"**Closing of {MONTH}** (`close_month`, one UnitOfWork + commit)",
            f"**{seconds(c['closing_s'])}** (commit "
            f"{seconds(c['closing_s'] - c['closing_work_s'])}): {c['acts']:,} acts,"
            f" {c['acts_total_uah']} UAH",
        ),
        (
            f"… catch-up: {c['closing_days']} daily runs (2-30 Nov)",
            f"{seconds(c['catchup_s'])} (a day: min {seconds(day['min'])}, median "
            f"{seconds(day['median'])}, max {seconds(day['max'])})",
        ),
        ("… acts (`_make_acts`)", seconds(c["acts_s"])),
        (
            "Baseline: raw Core insert of the same acts + act lines",
            f"{seconds(base['baseline_acts_s'])} ({base['baseline_acts']:,} acts, "
            f"{base['baseline_act_lines']:,} lines)",
        ),
        (
            "Baseline: raw Core insert of what the closing wrote",
            f"{seconds(base['baseline_closing_s'])} ({base['baseline_closing_entries']:,} entries, "
            f"{base['baseline_closing_invoices'][0]:,} invoices with "
            f"{base['baseline_closing_invoices'][1]:,} lines, {base['baseline_acts']:,} acts with "
            f"{base['baseline_act_lines']:,} lines)",
        ),
        (
            "Ratio closing / its baseline (acts alone / theirs)",
            f"**{closing_ratio:.1f}×** ({acts_ratio:.1f}×)",
        ),
        (
            "Peak RSS (measured phase's process)",
            f"daily {d['peak_rss_mib']:,.0f} MiB, closing {c['peak_rss_mib']:,.0f} MiB",
        ),
        ("November's entries by kind", kinds),
        ("Subscriptions after the closing", statuses),
        ("Alerts in the outbox", alerts),
        ("Checks", checks),
        (
            f"Target: daily run ≤ {TARGET_S:g} s and ≤ {TARGET_RATIO:g}× its baseline",
            verdict(daily_ok),
        ),
        (
            f"Target: closing ≤ {TARGET_S:g} s and ≤ {TARGET_RATIO:g}× its baseline",
            verdict(closing_ok),
        ),
        (f"Target: memory < {TARGET_RSS_MIB:,.0f} MiB", verdict(rss < TARGET_RSS_MIB)),
    ]
    name = "SQLite" if r["backend"] == "sqlite" else "PostgreSQL"
    lines = [f"### {name} {r['version']}", "", "| Measure | Result |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    return [*lines, ""]


def now() -> str:
    return f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"


def shown_command(args: argparse.Namespace, argv: Sequence[str]) -> str:
    """The command as run, without the options that only say where results go."""
    shown, skip = ["bench/closing.py"], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--json", "--from-json"):
            skip = True
        elif not arg.startswith(("--json=", "--from-json=")):
            shown.append(arg)
    command = "python " + shlex.join(shown)
    if "postgresql" in args.backend_list:
        command = "tools/with-postgres " + command
    return command


def render(results: list[dict[str, Any]], args: argparse.Namespace, command: str, when: str) -> str:
    m = machine()
    s = results[0]["setup"] if results else {}
    pg = next((r["version"] for r in results if r["backend"] == "postgresql"), None)
    lines = [
        SECTION,
        "",
        f"Generated by `{command}` on {when}.",
        "",
        f"- Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, {m['os']}",
        f"- Python {m['python']}, SQLAlchemy {m['sqlalchemy']}, SQLite {m['sqlite']}, "
        f"psycopg {m['psycopg']}" + (f", PostgreSQL {pg} (tools/with-postgres)" if pg else ""),
        f"- Code: git {m['git']}",
        f"- Workload: {args.accounts:,} accounts, policy S0 (calendar anchor, upfront), every "
        f"subscription active with its paid period ending on {FIRST}: plans start / business / "
        f"pro ({', '.join(f'{w}%' for _, w in PLAN_WEIGHTS)}; `start` renews at a new price), "
        f"{s.get('three_months', 0):,} for 3 months, {s.get('with_options', 0):,} with extra "
        f"options (limit, flat, metered); {s.get('short', 0):,} cannot pay the renewal "
        f"({s.get('late_payers', 0):,} of them top up later in the month); "
        f"{s.get('with_usage', 0):,} report metered usage above what is included "
        f"({s.get('usage_records', 0):,} usage records on 2-29 Nov); a NBU rate every day.",
        "- Each phase runs in its own process (peak RSS is the phase's own); between phases "
        "the WAL is checkpointed (SQLite) or `VACUUM ANALYZE` + `CHECKPOINT` run (PostgreSQL). "
        "Daily run and closing are timed around the service call and its commit. "
        "The catch-up and acts split comes from wrapping `daily.run_one_day` and "
        "`closing._make_acts` with timers.",
        "- Baselines run on a copy of the database made right after setup (file copy / "
        "`CREATE DATABASE … TEMPLATE`): the rows the service wrote, read back as plain "
        "integers (reflected tables), inserted with raw Core `insert()` executemany in one "
        "transaction: the renewal entries of the 1st plus one `UPDATE accounts` of the balance "
        "per account; for the closing, what it wrote (its catch-up days' entries, the invoice "
        "run's invoices and lines, the acts and act lines). Ratios are service time / "
        "baseline time.",
        "",
    ]
    for r in results:
        lines += backend_table(r, args.accounts)
    lines += ["Notes:", ""]
    for r in results:
        c = r["closing"]
        name = "SQLite" if r["backend"] == "sqlite" else "PostgreSQL"
        overage_a_day = r["baseline"]["entries_by_kind"].get("debit_overage", 0) // max(
            c["closing_days"], 1
        )
        notices = r["baseline"]["alerts"].get("period_ends_3d", 0)
        lines.append(
            f"- {name}: a catch-up day costs {seconds(c['catchup_day_s']['median'])} (median): "
            "access is refreshed only for the accounts the day's work touched (the last day "
            "re-derives every account's), only accounts whose funds may cover their oldest "
            "charge are settled, and the overage query returns only counters with new "
            f"overage. What is left is mostly that day's work (about {overage_a_day:,} "
            "overage debits a day) and the month's usage counters, summed again each day; "
            f"the two days of period-end notices ({notices:,} each) cost more; "
            f"{_slowest_day_text(c)}. "
            f"With the daily job run every day as scheduled, the closing is the acts: "
            f"{seconds(c['acts_s'])}."
        )
    return "\n".join(lines).rstrip() + "\n"


def _slowest_day_text(closing_result: dict[str, Any]) -> str:
    slowest = closing_result.get("slowest_day") or {}
    if not slowest.get("day"):
        return f"the slowest day took {seconds(closing_result['catchup_day_s']['max'])}"
    text = f"the slowest, {slowest['day']}, took {seconds(slowest['seconds'])}"
    if slowest.get("invoices"):
        text += (
            f": the invoice run (month end − 10) issued {slowest['invoices']:,} renewal "
            "invoices for December that day"
        )
    return text


def write_section(path: Path, section: str) -> None:
    """Write or replace this benchmark's section, keeping the others."""
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


# -- command line --------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--backends", default=",".join(BACKENDS), help="sqlite,postgresql")
    parser.add_argument(
        "--out", default="docs/benchmarks.md", help="markdown file, or - for stdout"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--tmp", help="folder for the SQLite files (default: the system's)")
    parser.add_argument(
        "--profile", help="cProfile the daily and closing phases into PREFIX.BACKEND.PHASE.prof"
    )
    parser.add_argument("--json", help="also write the raw results to this file")
    parser.add_argument(
        "--from-json", help="write the section from results saved with --json, running nothing"
    )
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--backend", choices=BACKENDS, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--baseline-url", help=argparse.SUPPRESS)
    parser.add_argument("--entries-before", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--invoices-before", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--result-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if set(backends) - set(BACKENDS) or not backends:
        parser.error(f"--backends: choose from {', '.join(BACKENDS)}")
    if args.accounts < 10:
        parser.error("--accounts must be at least 10")
    args.backend_list = backends
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.phase:
        return phase_main(args)
    if "postgresql" in args.backend_list and not os.environ.get(PG_ENV) and not args.from_json:
        print(
            f"postgresql requested but {PG_ENV} is not set: run under tools/with-postgres, "
            "or pass --backends sqlite",
            file=sys.stderr,
        )
        return 2
    if args.from_json:
        saved = json.loads(Path(args.from_json).read_text())
        results, command, when = saved["results"], saved["command"], saved["generated_at"]
        args.accounts = saved["accounts"]
    else:
        results = [run_backend(backend, args) for backend in args.backend_list]
        command, when = shown_command(args, sys.argv[1:] if argv is None else argv), now()
    if args.json:
        saved = {"command": command, "generated_at": when, "accounts": args.accounts}
        Path(args.json).write_text(json.dumps({**saved, "results": results}, indent=2))
    section = render(results, args, command, when)
    if args.out == "-":
        sys.stdout.write(section)
    else:
        out = Path(args.out)
        write_section(out if out.is_absolute() else ROOT / out, section)
        log(f"wrote {SECTION!r} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

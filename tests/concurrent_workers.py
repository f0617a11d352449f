"""Workstations as real processes, for tests/test_concurrency.py.

Each worker is a separate Python process (multiprocessing, spawn: nothing
shared with the parent but the database URL) with its own engine. It gets
ready (imports, connection), waits at a barrier so all start their work at
once, does it through the services as the CLI and the window do, and
reports each outcome: done, refused (a `BackofficeError`, the clean
refusal a user would read) or failed (anything else: a bug).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import traceback
from collections.abc import Callable, Sequence
from decimal import Decimal
from multiprocessing.synchronize import Barrier
from typing import Any

from backoffice.db.engine import UnitOfWork, make_engine
from backoffice.errors import BackofficeError

SPAWN = mp.get_context("spawn")
READY_TIMEOUT_S = 90  # a shared, loaded machine starts Python slowly
Outcome = tuple[str, Any]  # ("done", value) | ("refused", message) | ("failed", traceback)


def _once(action: Callable[[UnitOfWork], Any], engine: Any, actor: str) -> Outcome:
    try:
        with UnitOfWork(engine, actor=actor) as uow:
            value = action(uow)
            uow.commit()
        return ("done", value)
    except BackofficeError as exc:
        return ("refused", str(exc))
    except Exception:  # a bug, reported to the test rather than lost in the child
        return ("failed", traceback.format_exc())


def topups(engine: Any, actor: str, account: str, amounts: Sequence[str], on: str) -> list:
    from backoffice.services import payments

    out = []
    for amount in amounts:
        out.append(
            _once(
                lambda uow, amount=amount: str(
                    payments.receive_topup(
                        uow, account, Decimal(amount), dt.date.fromisoformat(on), "оплата"
                    ).amount
                ),
                engine,
                actor,
            )
        )
    return out


def dated_topups(engine: Any, actor: str, account: str, items: Sequence[tuple[str, str]]) -> list:
    from backoffice.services import payments

    return [
        _once(
            lambda uow, amount=amount, on=on: (
                on,
                str(
                    payments.receive_topup(
                        uow, account, Decimal(amount), dt.date.fromisoformat(on), "оплата"
                    ).amount
                ),
            ),
            engine,
            actor,
        )
        for amount, on in items
    ]


def spread_topups(
    engine: Any, actor: str, accounts: Sequence[str], items: Sequence[tuple[str, str]]
) -> list:
    """Top-ups going round `accounts`, each (amount, date) of `items` in turn."""
    from backoffice.services import payments

    return [
        _once(
            lambda uow, i=i, amount=amount, on=on: str(
                payments.receive_topup(
                    uow,
                    accounts[i % len(accounts)],
                    Decimal(amount),
                    dt.date.fromisoformat(on),
                    "оплата",
                ).amount
            ),
            engine,
            actor,
        )
        for i, (amount, on) in enumerate(items)
    ]


def statement_import(engine: Any, actor: str, data: bytes, name: str, on: str) -> list:
    from backoffice.services import statements

    def action(uow: UnitOfWork) -> tuple[int, int]:
        result = statements.import_statement_bytes(
            uow, data, name, "auto", dt.date.fromisoformat(on)
        )
        return result.new, result.duplicate

    return [_once(action, engine, actor)]


def topup_invoices(engine: Any, actor: str, account: str, count: int, on: str) -> list:
    from backoffice.services import invoices

    return [
        _once(
            lambda uow: (
                invoices.issue_topup_invoice(
                    uow, account, Decimal("100.00"), dt.date.fromisoformat(on)
                ).number
            ),
            engine,
            actor,
        )
        for _ in range(count)
    ]


def closing(engine: Any, actor: str, month: str) -> list:
    from backoffice.services import closing as closing_service

    return [
        _once(lambda uow: closing_service.close_month(uow, month).already_closed, engine, actor)
    ]


JOBS: dict[str, Callable[..., list[Outcome]]] = {
    "topups": topups,
    "dated_topups": dated_topups,
    "spread_topups": spread_topups,
    "statement_import": statement_import,
    "topup_invoices": topup_invoices,
    "closing": closing,
}


def _child(job: str, url: str, barrier: Barrier, queue: Any, index: int, args: tuple) -> None:
    try:
        engine = make_engine(url)
        with engine.connect():  # connected before the start, so all start at once
            pass
        work = JOBS[job]
        barrier.wait(READY_TIMEOUT_S)
        outcomes = work(engine, f"workstation-{index}", *args)
        engine.dispose()
    except Exception:
        barrier.abort()  # the others do not wait for a worker that died
        outcomes = [("failed", traceback.format_exc())]
    queue.put((index, outcomes))


def run_together(url: str, work: Sequence[tuple[str, tuple]]) -> list[list[Outcome]]:
    """Run each (job, args) of `work` in its own process, started together;
    the outcomes of each, in the order of `work`."""
    barrier = SPAWN.Barrier(len(work))
    queue = SPAWN.Queue()
    processes = [
        SPAWN.Process(target=_child, args=(job, url, barrier, queue, index, args), daemon=True)
        for index, (job, args) in enumerate(work)
    ]
    for process in processes:
        process.start()
    results: dict[int, list[Outcome]] = {}
    try:
        for _ in processes:
            index, outcomes = queue.get(timeout=READY_TIMEOUT_S + 120)
            results[index] = outcomes
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
    return [results[index] for index in range(len(work))]

"""The audit log (SPEC §14): every write leaves one record, the database keeps
the log append-only, and `audit list` finds records by date, user and action."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError

from backoffice.cli import main
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord, LedgerEntry
from backoffice.services import (
    audit,
    backup,
    catalog,
    clients,
    closing,
    daily,
    invoices,
    ledger,
    months,
    orders,
    outbox,
    payments,
    rates,
    settings,
    statements,
    subscriptions,
    usage,
)
from backoffice.services.audit_names import ACTION_NAMES, action_name
from tests.helpers import EDRPOU_A, EDRPOU_B, D, add_legal, day
from tests.test_billing import CATALOG, subscribe
from tests.test_clients import CSV_GOOD
from tests.test_statements import PAYER_IBAN_2, Payment, configure, onec

Factory = Callable[..., UnitOfWork]
FIXTURES = Path(__file__).parent / "fixtures"


# -- the database guards the log ------------------------------------------------


def _one_record(new_uow: Factory) -> None:
    with new_uow(actor="olena") as uow:
        audit.record(uow, "settings.set", "company.name", "Старе", "Нове")
        uow.commit()


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET after = 'підмінено'", "DELETE FROM audit_log"],
    ids=["update", "delete"],
)
def test_the_database_refuses_to_change_or_remove_a_record(
    engine: Engine, uow_factory: Factory, statement: str
) -> None:
    _one_record(uow_factory)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.exec_driver_sql(statement)
    with engine.connect() as connection:
        rows = connection.execute(select(AuditRecord.actor, AuditRecord.after)).all()
    assert rows == [("olena", "Нове")]


def test_postgresql_refuses_truncate_too(engine: Engine, uow_factory: Factory) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    _one_record(uow_factory)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.exec_driver_sql("TRUNCATE audit_log")


def test_a_record_names_the_workstation_and_masks_secrets(uow_factory: Factory) -> None:
    with uow_factory(actor="olena") as uow:
        audit.record(uow, "mail.send", "x", None, {"smtp_password": "p@ss", "host": "mail"})
        uow.commit()
    with uow_factory(read_only=True) as uow:
        [entry] = audit.entries(uow, audit.AuditQuery())
    assert entry.workstation == audit.workstation()
    assert entry.workstation.endswith(")") and " (" in entry.workstation
    assert "p@ss" not in (entry.after or "")
    assert json.loads(entry.after or "") == {"smtp_password": audit.MASK, "host": "mail"}


# -- every write leaves its record ----------------------------------------------


class World:
    """A configured company with one client on the business plan, topped up."""

    def __init__(self, new_uow: Factory, tmp: Path, engine: Engine):
        self.new_uow, self.tmp, self.engine = new_uow, tmp, engine
        configure(new_uow)
        self.number = add_legal(new_uow, edrpou=EDRPOU_B, on="2026-11-01")
        with new_uow() as uow:
            payments.receive_topup(uow, self.number, D("20000.00"), day("2026-11-09"), "аванс")
            uow.commit()
        subscribe(new_uow, self.number, on="2026-11-10")

    def write(self, work: Callable[[UnitOfWork], object]) -> object:
        with self.new_uow() as uow:
            result = work(uow)
            uow.commit()
        return result

    def last_entry(self) -> int:
        with self.new_uow(read_only=True) as uow:
            return int(uow.session.execute(select(func.max(LedgerEntry.id))).scalar_one())

    def unmatched_line(self) -> int:
        stray = Payment("700.00", "за послуги", payer_iban=PAYER_IBAN_2, number="77")
        self.write(lambda uow: statements.import_statement_bytes(uow, onec(stray), "s.txt"))
        with self.new_uow(read_only=True) as uow:
            return statements.list_unmatched(uow)[0].id


def _client_import(w: World) -> None:
    path = w.tmp / "clients.csv"
    path.write_text(CSV_GOOD, "utf-8")
    w.write(lambda uow: clients.import_clients(uow, path, day("2026-11-02")))


def _usage_import(w: World) -> None:
    path = w.tmp / "usage.csv"
    rows = [f"{w.number};deliveries;2026-11-{d:02d};3" for d in range(11, 21)]
    path.write_text("account;option;date;quantity\n" + "\n".join(rows) + "\n", "utf-8")
    w.write(lambda uow: usage.import_usage(uow, path))


def _rates_import(w: World) -> None:
    w.write(lambda uow: rates.import_rates(uow, FIXTURES / "nbu_rates.json", reason="НБУ"))


def _resume(w: World) -> None:
    w.write(lambda uow: subscriptions.suspend(uow, w.number, day("2026-11-20")))
    w.write(lambda uow: subscriptions.resume(uow, w.number, day("2026-11-25")))


def _assign(w: World) -> None:
    line = w.unmatched_line()
    w.write(lambda uow: statements.assign_line(uow, line, w.number))


def _ignore(w: World) -> None:
    line = w.unmatched_line()
    w.write(lambda uow: statements.ignore_line(uow, line, "не наш платіж"))


def _undo(w: World) -> None:
    paid = onec(Payment("100.00", f"Поповнення {w.number}", payer_code=EDRPOU_B, number="5"))
    result = w.write(lambda uow: statements.import_statement_bytes(uow, paid, "u.txt"))
    batch = result.batch  # type: ignore[attr-defined]
    w.write(lambda uow: statements.undo_batch(uow, batch, day("2026-11-13"), "не та виписка"))


def _cancel(w: World) -> None:
    invoice = w.write(
        lambda uow: invoices.issue_topup_invoice(uow, w.number, D("300.00"), day("2026-11-15"))
    )
    number = invoice.number  # type: ignore[attr-defined]
    w.write(lambda uow: invoices.cancel_invoice(uow, number, "помилка", day("2026-11-15")))


def _reverse(w: World) -> None:
    entry = w.last_entry()
    w.write(lambda uow: ledger.reverse_entry(uow, entry, day("2026-11-15"), "помилка"))


def _close(w: World) -> None:
    w.write(lambda uow: closing.close_month(uow, "2026-11"))


def _reopen(w: World) -> None:
    _close(w)
    w.write(lambda uow: months.reopen_month(uow, "2026-11", "виправлення"))


def _complete_order(w: World) -> None:
    order = w.write(
        lambda uow: orders.order_service(uow, w.number, "Навчання", D("900.00"), day("2026-11-15"))
    )
    order_id = order.id  # type: ignore[attr-defined]
    w.write(lambda uow: orders.complete_order(uow, order_id, day("2026-11-16")))


def _backup(w: World) -> None:
    if w.engine.dialect.name == "postgresql":
        try:
            from backoffice.services import backup_pg

            backup_pg.pg_tool("pg_dump")
        except Exception:
            pytest.skip("pg_dump is not installed")
    backup.backup_database(w.engine, w.tmp / "copy.backup")


WRITES: dict[str, tuple[str, Callable[[World], object]]] = {
    "client add": (
        "client.add",
        lambda w: add_legal(w.new_uow, name="ТОВ «Нове»", edrpou=EDRPOU_A, on="2026-11-02"),
    ),
    "client import": ("clients.import", _client_import),
    "settings set": (
        "settings.set",
        lambda w: w.write(lambda uow: settings.set_setting(uow, "company.name", "ТОВ «Інша»")),
    ),
    "catalog import": (
        "catalog.import",
        lambda w: w.write(lambda uow: catalog.import_catalog(uow, CATALOG)),
    ),
    "rate set": (
        "rate.set",
        lambda w: w.write(lambda uow: rates.set_rate(uow, day("2026-09-30"), "EUR", D("47.1"))),
    ),
    "rates import": ("rates.import", _rates_import),
    "top-up": (
        "ledger.topup_manual",
        lambda w: w.write(
            lambda uow: payments.receive_topup(uow, w.number, D("50"), day("2026-11-12"), "каса")
        ),
    ),
    "reversal": ("ledger.reverse", _reverse),
    "change plan": (
        "subscription.change_plan",
        lambda w: w.write(
            lambda uow: subscriptions.change_plan(uow, w.number, "start", day("2026-11-20"))
        ),
    ),
    "suspend": (
        "subscription.suspend",
        lambda w: w.write(lambda uow: subscriptions.suspend(uow, w.number, day("2026-11-20"))),
    ),
    "resume": ("subscription.resume", _resume),
    "subscribe": (
        "subscription.order",
        lambda w: subscribe(
            w.new_uow, add_legal(w.new_uow, edrpou=EDRPOU_A, on="2026-11-02"), on="2026-11-10"
        ),
    ),
    "usage add": (
        "usage.add",
        lambda w: w.write(
            lambda uow: usage.add_usage(uow, w.number, "deliveries", 5, day("2026-11-12"))
        ),
    ),
    "usage import": ("usage.import", _usage_import),
    "statement import": (
        "statements.import",
        lambda w: w.write(
            lambda uow: statements.import_statement_bytes(
                uow, onec(Payment("100.00", f"Поповнення {w.number}", payer_code=EDRPOU_B)), "a"
            )
        ),
    ),
    "statement assign": ("statements.assign", _assign),
    "statement ignore": ("statements.ignore", _ignore),
    "statement undo": ("statements.undo", _undo),
    "invoice issue": (
        "invoice.issue",
        lambda w: w.write(
            lambda uow: invoices.issue_topup_invoice(uow, w.number, D("300"), day("2026-11-15"))
        ),
    ),
    "invoice cancel": ("invoice.cancel", _cancel),
    "invoice run": (
        "invoice.run",
        lambda w: w.write(lambda uow: invoices.invoice_run(uow, day("2026-11-20"))),
    ),
    "daily run": (
        "daily.run",
        lambda w: w.write(lambda uow: daily.run_daily(uow, day("2026-11-14"))),
    ),
    "closing": ("month.close", _close),
    "reopen": ("month.reopen", _reopen),
    "order": ("order.complete", _complete_order),
    "mail queue": (
        "mail.queue",
        lambda w: w.write(
            lambda uow: outbox.queue_invoices(
                uow,
                [invoices.issue_topup_invoice(uow, w.number, D("300"), day("2026-11-15")).number],
            )
        ),
    ),
    "credit line": (
        "account.credit",
        lambda w: w.write(lambda uow: clients.set_credit(uow, w.number, True)),
    ),
    "backup": ("backup.create", _backup),
}


def _records_after(new_uow: Factory, first_id: int) -> list[AuditRecord]:
    with new_uow(read_only=True) as uow:
        return list(
            uow.session.execute(
                select(AuditRecord).where(AuditRecord.id > first_id).order_by(AuditRecord.id)
            ).scalars()
        )


@pytest.mark.parametrize("name", list(WRITES))
def test_each_write_leaves_its_record(
    name: str, engine: Engine, uow_factory: Factory, tmp_path: Path
) -> None:
    action, write = WRITES[name]
    world = World(uow_factory, tmp_path, engine)
    with uow_factory(read_only=True) as uow:
        last = uow.session.execute(select(func.max(AuditRecord.id))).scalar() or 0
    write(world)
    made = _records_after(uow_factory, last)
    mine = [r for r in made if r.action == action]
    assert len(mine) == 1, [(r.action, r.subject) for r in made]
    record = mine[0]
    assert record.workstation == audit.workstation()
    assert record.actor in {"tester", audit.workstation().split(" (")[1][:-1]}
    assert record.after is not None or record.before is not None
    assert action in ACTION_NAMES


def test_bulk_operations_leave_one_summary(uow_factory: Factory, tmp_path: Path, engine) -> None:
    world = World(uow_factory, tmp_path, engine)
    world.write(lambda uow: daily.run_daily(uow, day("2026-11-10")))
    with uow_factory(read_only=True) as uow:
        last = uow.session.execute(select(func.max(AuditRecord.id))).scalar() or 0
    _usage_import(world)
    _client_import(world)
    world.write(lambda uow: daily.run_daily(uow, day("2026-11-19")))  # catches up 9 days
    made = [
        (r.action, r.subject, json.loads(r.after or "{}"))
        for r in _records_after(uow_factory, last)
    ]
    assert [a for a, _, _ in made] == ["usage.import", "clients.import", "daily.run"]
    assert made[0][1:] == (
        "usage.csv",
        {"rows": 10, "accounts": 1, "from": "2026-11-11", "to": "2026-11-20"},
    )
    assert made[1][2]["clients"] == 3
    assert made[1][2]["opening_balances"] == "1300.25"
    assert made[2][2]["days"] == 9 and made[2][2]["from"] == "2026-11-11"


def test_a_reversal_shows_the_entry_before_and_the_reversal_after(
    uow_factory: Factory, tmp_path: Path, engine: Engine
) -> None:
    world = World(uow_factory, tmp_path, engine)
    _reverse(world)
    with uow_factory(read_only=True) as uow:
        [entry] = audit.entries(uow, audit.AuditQuery(action="ledger.reverse"))
    before, after = audit.decoded(entry.before), audit.decoded(entry.after)
    assert before["kind"] == "debit_activation"
    assert D(after["amount"]) == -D(before["amount"])
    assert after["reason"] == "помилка"


# -- audit list -------------------------------------------------------------------


def _history(new_uow: Factory) -> None:
    """Three users on three days; `at` is wall-clock time, so it is set here."""
    stamps = [
        ("olena", "client.add", "account OR-000001", dt.datetime(2026, 12, 1, 9, 0)),
        ("petro", "settings.set", "company.name", dt.datetime(2026, 12, 2, 10, 30)),
        ("olena", "client.edit", "account OR-000001", dt.datetime(2026, 12, 3, 23, 59, 59)),
    ]
    for actor, action, subject, at in stamps:
        with new_uow(actor=actor) as uow:
            uow.session.add(
                AuditRecord(
                    at=at,
                    actor=actor,
                    workstation="ws-03 (olena)" if actor == "olena" else "ws-07 (petro)",
                    action=action,
                    subject=subject,
                    before='{"name": "Альфа"}' if action == "client.edit" else None,
                    after='{"name": "Бета"}' if action != "settings.set" else "ТОВ «Хмара»",
                )
            )
            uow.commit()


def _listed(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> list[dict]:
    code = main(["--db", db_url, "audit", "list", "--json", *args])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


def test_audit_list_json_shape_and_filters(
    db_url: str, uow_factory: Factory, capsys: pytest.CaptureFixture[str]
) -> None:
    _history(uow_factory)
    everything = _listed(capsys, db_url)
    assert everything[2] == {
        "at": "2026-12-03 23:59:59",
        "user": "olena",
        "workstation": "ws-03 (olena)",
        "action": "client.edit",
        "object": "account OR-000001",
        "before": {"name": "Альфа"},
        "after": {"name": "Бета"},
    }
    assert [r["action"] for r in everything] == ["client.add", "settings.set", "client.edit"]
    assert [r["at"][:10] for r in _listed(capsys, db_url, "--from", "2026-12-02")] == [
        "2026-12-02",
        "2026-12-03",
    ]
    assert [r["at"][:10] for r in _listed(capsys, db_url, "--to", "2026-12-02")] == [
        "2026-12-01",
        "2026-12-02",
    ]
    # --to takes the whole day, to its last second
    assert len(_listed(capsys, db_url, "--from", "2026-12-03", "--to", "2026-12-03")) == 1
    assert {r["user"] for r in _listed(capsys, db_url, "--user", "olena")} == {"olena"}
    assert _listed(capsys, db_url, "--user", "nobody") == []
    assert [r["action"] for r in _listed(capsys, db_url, "--action", "client.")] == [
        "client.add",
        "client.edit",
    ]
    assert [r["user"] for r in _listed(capsys, db_url, "--action", "settings.set")] == ["petro"]
    assert [r["action"] for r in _listed(capsys, db_url, "--text", "хмар")] == ["settings.set"]


def test_audit_list_table_and_refusals(
    db_url: str, uow_factory: Factory, capsys: pytest.CaptureFixture[str]
) -> None:
    _history(uow_factory)
    assert main(["--db", db_url, "audit", "list", "--user", "petro"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "at",
        "(UTC)",
        "user",
        "workstation",
        "action",
        "object",
        "before",
        "→",
        "after",
    ]
    assert "2026-12-02 10:30:00" in lines[1] and "ws-07 (petro)" in lines[1]
    assert lines[1].endswith("ТОВ «Хмара»") and len(lines) == 2
    assert (
        main(["--db", db_url, "audit", "list", "--from", "2026-12-03", "--to", "2026-12-01"]) == 1
    )
    assert capsys.readouterr().err == "error: --from 2026-12-03 is after --to 2026-12-01\n"


def test_action_names_speak_both_languages() -> None:
    assert action_name("ledger.reverse") == "Проведення сторновано"
    assert action_name("ledger.reverse", "en") == "Entry reversed"
    assert action_name("something.new") == "something.new"
    assert all(uk and en for en, uk in ACTION_NAMES.values())


def test_reading_in_pages_and_orders(uow_factory: Factory) -> None:
    _history(uow_factory)
    with uow_factory(read_only=True) as uow:
        query = audit.AuditQuery(sort="user", descending=True, limit=2)
        first = audit.entries(uow, query)
        rest = audit.entries(uow, audit.AuditQuery(sort="user", descending=True, offset=2))
        assert [e.user for e in first + rest] == ["petro", "olena", "olena"]
        assert audit.summarize(uow, audit.AuditQuery(user="olena")).count == 2
        assert audit.users(uow) == ["olena", "petro"]
        assert audit.actions(uow) == ["client.add", "client.edit", "settings.set"]


def test_check_names_a_dropped_guard(engine: Engine, uow_factory: Factory) -> None:
    from backoffice.services import integrity

    with uow_factory(read_only=True) as uow:
        assert audit.guard_problems(uow) == []
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            connection.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
    with uow_factory(read_only=True) as uow:
        problems = integrity.check_integrity(uow).problems
    guard = "audit_log_no_delete" if engine.dialect.name == "sqlite" else "audit_log_no_change"
    assert problems == (
        f"audit log: guard {guard} is missing or disabled: records could be changed or removed",
    )


def test_the_object_of_a_record_reads_in_ukrainian_with_dates_as_written_here() -> None:
    from backoffice.services.audit_names import object_name

    assert object_name("account OR-000001") == "рахунок OR-000001"
    assert object_name("statement line 12") == "рядок виписки 12"
    assert object_name("2026-12-08") == "08.12.2026"
    assert object_name("EUR 2026-11-02") == "EUR 02.11.2026"
    assert object_name("account OR-000001", "en") == "account OR-000001"

"""`insert_rows`: COPY on PostgreSQL, the driver's executemany on SQLite; the
values stored exactly as the ORM would store them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError

from backoffice.db.bulk_insert import insert_rows
from backoffice.db.models import ClientIban, LedgerEntry
from backoffice.domain import EntryKind
from backoffice.services import ledger, months
from tests.conftest import snapshot
from tests.helpers import D, add_legal

ENTRIES = LedgerEntry.__table__


def entry_row(account_id: int, amount: str, key: str, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "account_id": account_id,
        "business_date": dt.date(2026, 11, 30),
        "created_at": dt.datetime(2026, 11, 30, 23, 59, 58, 123456),
        "kind": "topup_bank",
        "amount": D(amount),
        "eur": None,
        "rate": None,
        "markup_percent": None,
        "reverses_id": None,
        "source_key": key,
        "author": "бухгалтер",
        "comment": "п/д № 7, ТОВ «Ромашка»: оплата; «лапки» та \\ і \t таб",
    }
    row.update(extra)
    return row


def test_rows_come_back_exactly_as_written(uow_factory) -> None:
    number = add_legal(uow_factory, opening="0.00", on="2026-11-01")
    with uow_factory() as uow:
        account_id = ledger.find_account(uow, number).id
        rows = [
            entry_row(account_id, "1234567.89", "k1"),
            entry_row(account_id, "-0.01", "k2", eur=D("-10.00"), rate=D("48.5123")),
            entry_row(account_id, "0.50", "k3", markup_percent=D("3"), comment=""),
        ]
        assert insert_rows(uow, ENTRIES, rows) == 3
        uow.commit()
    with uow_factory(read_only=True) as uow:
        got = {
            e.source_key: e
            for e in uow.session.execute(
                select(LedgerEntry).where(LedgerEntry.source_key.in_(["k1", "k2", "k3"]))
            ).scalars()
        }
    assert got["k1"].amount == Decimal("1234567.89")
    assert got["k2"].amount == Decimal("-0.01")
    assert got["k2"].eur == Decimal("-10.00")
    assert got["k2"].rate == Decimal("48.5123")
    assert got["k3"].markup_percent == Decimal("3.0000")
    assert got["k1"].business_date == dt.date(2026, 11, 30)
    assert got["k1"].created_at == dt.datetime(2026, 11, 30, 23, 59, 58, 123456)
    assert got["k1"].comment == rows[0]["comment"]
    assert got["k3"].comment == ""
    assert got["k1"].eur is None and got["k1"].reverses_id is None


def test_a_failing_row_fails_the_whole_insert(uow_factory) -> None:
    number = add_legal(uow_factory, opening="0.00", on="2026-11-01")
    with uow_factory() as uow:
        account_id = ledger.find_account(uow, number).id
        rows = [entry_row(account_id, "1.00", "dup"), entry_row(account_id, "2.00", "dup")]
        with pytest.raises(IntegrityError):
            insert_rows(uow, ENTRIES, rows)
        uow.rollback()
    with uow_factory(read_only=True) as uow:
        keys = uow.session.execute(
            select(LedgerEntry.id).where(LedgerEntry.source_key == "dup")
        ).all()
    assert keys == []


def test_enum_members_and_missing_values_are_refused(uow_factory) -> None:
    number = add_legal(uow_factory, opening="0.00", on="2026-11-01")
    with uow_factory() as uow:
        account_id = ledger.find_account(uow, number).id
        with pytest.raises(TypeError, match="kind is an Enum"):
            insert_rows(
                uow, ENTRIES, [entry_row(account_id, "1.00", "e", kind=EntryKind.TOPUP_BANK)]
            )
        row = entry_row(account_id, "1.00", "m")
        del row["author"]
        with pytest.raises(ValueError, match="author has no value"):
            insert_rows(uow, ENTRIES, [row])
        with pytest.raises(TypeError, match="needs Decimal"):
            insert_rows(uow, ENTRIES, [{**entry_row(account_id, "1.00", "f"), "amount": 1.5}])
        assert insert_rows(uow, ClientIban.__table__, []) == 0


def test_the_database_refuses_a_bulk_insert_touching_a_locked_month(uow_factory, engine) -> None:
    number = add_legal(uow_factory, opening="0.00", on="2026-09-01")
    with uow_factory() as uow:
        months.lock_month(uow, "2026-09")
        months.lock_month(uow, "2026-10")
        uow.commit()
    before = snapshot(engine)
    with uow_factory() as uow:
        account_id = ledger.find_account(uow, number).id
        rows = [
            entry_row(account_id, "1.00", f"open{i}", business_date=dt.date(2026, 11, 1 + i))
            for i in range(20)
        ]
        rows.insert(7, entry_row(account_id, "1.00", "late", business_date=dt.date(2026, 10, 31)))
        with pytest.raises(DBAPIError, match="locked"):
            insert_rows(uow, ENTRIES, rows)
        uow.rollback()
    assert snapshot(engine) == before
    with uow_factory() as uow:
        assert insert_rows(uow, ENTRIES, [r for r in rows if r["source_key"] != "late"]) == 20
        uow.commit()

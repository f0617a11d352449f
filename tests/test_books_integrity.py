"""Closed months stay closed, and the books prove themselves (issue 11 items 1
and 4; SPEC §4 month lock, hash chain, §16 `check`). Both databases."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, text

from backoffice import bounds
from backoffice.db.engine import UnitOfWork
from backoffice.db.schema import alembic_config, current_revision, head_revision, upgrade_schema
from backoffice.domain import EntryDraft, EntryKind
from backoffice.errors import BackofficeError, InputError, MonthLocked
from backoffice.services import chain, closing, integrity, ledger, months, settings
from tests.conftest import snapshot
from tests.helpers import EDRPOU_A, EDRPOU_B, D, add_legal, day
from tests.test_cli import Cli
from tests.test_cli import cli as cli  # the fixture

UowFactory = Callable[..., UnitOfWork]


def problems(uow_factory: UowFactory) -> list[str]:
    with uow_factory(read_only=True) as uow:
        return list(integrity.check_integrity(uow).problems)


def topup(uow_factory: UowFactory, number: str, amount: str, on: str) -> None:
    with uow_factory() as uow:
        ledger.post_topup(uow, number, D(amount), day(on), "test")
        uow.commit()


def close(uow_factory: UowFactory, *month_names: str) -> None:
    for month in month_names:
        with uow_factory() as uow:
            closing.close_month(uow, month)
            uow.commit()


@pytest.fixture
def books(uow_factory: UowFactory) -> str:
    """September and October closed, November open: top-ups in each."""
    number = add_legal(uow_factory, opening="100.00", on="2026-09-05")
    topup(uow_factory, number, "20.00", "2026-09-20")
    topup(uow_factory, number, "50.00", "2026-10-05")
    close(uow_factory, "2026-09", "2026-10")
    topup(uow_factory, number, "7.00", "2026-11-03")
    assert problems(uow_factory) == []
    return number


# --- item 1: the lock date ------------------------------------------------------


def test_back_dated_topup_is_refused_through_the_cli(cli: Cli, engine: Engine) -> None:
    """The issue's probe: with 2026-09 and 2026-10 closed, a top-up dated
    1900-01-01 (or the last day of October) is refused, nothing changes, and
    November still closes."""
    number = cli.json(
        "client", "add", "--name", "ТОВ Тест", "--kind", "legal", "--edrpou", EDRPOU_A
    )["account"]
    cli("topup", number, "100.00", "--date", "2026-09-05", "--reason", "t")
    cli("topup", number, "50.00", "--date", "2026-10-05", "--reason", "t")
    cli("close", "2026-09")
    cli("close", "2026-10")
    before = snapshot(engine)
    # 1900 is refused before the books are asked: no business date is that old
    error = cli.refused("topup", number, "5.00", "--date", "1900-01-01", "--reason", "t")
    assert "1900-01-01 is before 2000-01-01" in error
    for date in ("2026-09-15", "2026-10-31"):
        error = cli.refused("topup", number, "5.00", "--date", date, "--reason", "t")
        assert "2026-10 is closed: nothing can be dated on or before 2026-10-31" in error
        assert f"(date {date})" in error
    assert snapshot(engine) == before
    cli("topup", number, "5.00", "--date", "2026-11-02", "--reason", "t")
    cli("close", "2026-11")
    assert cli.json("check")["ok"] is True


def test_every_posting_path_meets_the_lock_date(uow_factory: UowFactory, books: str) -> None:
    """The lock sits where entries are posted: a batch of drafts, a reversal
    and an opening balance are all refused on or before 2026-10-31."""
    with uow_factory(read_only=True) as uow:
        account_id = ledger.find_account(uow, books).id
        first_entry = ledger.account_entries(uow, books)[0].id
    drafts = [
        EntryDraft(account_id, day("2026-11-10"), EntryKind.BONUS, D("1.00")),
        EntryDraft(account_id, day("2026-08-01"), EntryKind.BONUS, D("1.00")),
    ]
    with uow_factory() as uow, pytest.raises(MonthLocked, match=r"\(date 2026-08-01\)"):
        ledger.post_entries(uow, drafts)
    with uow_factory() as uow, pytest.raises(MonthLocked, match="2026-10 is closed"):
        ledger.reverse_entry(uow, first_entry, day("2026-10-31"), "late")
    with pytest.raises(MonthLocked, match="2026-10 is closed"):
        add_legal(uow_factory, name="ТОВ Пізній", edrpou=EDRPOU_B, opening="1.00", on="2026-10-20")
    assert problems(uow_factory) == []


def test_the_database_refuses_any_date_up_to_the_last_closed_month(
    uow_factory: UowFactory, engine: Engine, books: str
) -> None:
    """Below the services, the guard treats closed months as a prefix: an
    entry dated before September (not itself a locked month) is refused too."""
    before = snapshot(engine)
    for date in ("2026-10-20", "2026-08-15", "1999-01-01"):
        with engine.connect() as connection, pytest.raises(Exception, match="locked"):
            connection.execute(
                text(
                    "INSERT INTO ledger_entries (account_id, business_date, created_at, kind,"
                    " amount, author, comment) VALUES (1, :day, '2026-12-01 00:00:00',"
                    " 'correction', 100, 'raw', '')"
                ),
                {"day": day(date)},
            )
            connection.commit()
    assert snapshot(engine) == before


def test_dates_before_the_first_day_or_far_ahead_are_refused(
    uow_factory: UowFactory, engine: Engine
) -> None:
    with uow_factory() as uow:  # the default: the test databases set a first day
        settings.set_setting(uow, "books.first_day", "")
        uow.commit()
    with pytest.raises(InputError, match="before the books' first day 2000-01-01"):
        add_legal(uow_factory, opening="1.00", on="1999-12-31")
    number = add_legal(uow_factory, opening="10.00", on="2026-10-15")
    before = snapshot(engine)
    with (
        uow_factory() as uow,
        pytest.raises(
            InputError, match="date 2026-09-30 is before the books' first day 2026-10-01"
        ),
    ):
        ledger.post_topup(uow, number, D("1.00"), day("2026-09-30"), "early")
    too_far = dt.date.today() + dt.timedelta(days=bounds.MAX_DAYS_AHEAD + 1)
    with uow_factory() as uow, pytest.raises(InputError, match=f"date {too_far} is more than"):
        ledger.post_topup(uow, number, D("1.00"), too_far, "far")
    assert snapshot(engine) == before
    # the setting moves the first day back; the horizon's last day is taken
    with uow_factory() as uow:
        settings.set_setting(uow, "books.first_day", "2026-09-01")
        uow.commit()
    topup(uow_factory, number, "1.00", "2026-09-01")
    topup(uow_factory, number, "1.00", str(too_far - dt.timedelta(days=1)))
    with uow_factory() as uow, pytest.raises(InputError, match="before 2000-01-01"):
        settings.set_setting(uow, "books.first_day", "1900-01-01")
    assert problems(uow_factory) == []


def test_only_the_last_closed_month_reopens(uow_factory: UowFactory, books: str) -> None:
    with (
        uow_factory() as uow,
        pytest.raises(BackofficeError, match="2026-09 cannot be reopened while 2026-10 is closed"),
    ):
        months.reopen_month(uow, "2026-09", "fix")
    with uow_factory() as uow:
        months.reopen_month(uow, "2026-10", "late statement")
        uow.commit()
    topup(uow_factory, books, "3.00", "2026-10-30")
    assert problems(uow_factory) == []  # reopened through the audit: no complaint
    close(uow_factory, "2026-10")
    assert problems(uow_factory) == []


def test_a_month_locked_on_an_empty_ledger_has_an_empty_seal(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        months.lock_month(uow, "2026-01")
        uow.commit()
    assert problems(uow_factory) == []
    add_legal(uow_factory, opening="1.00", on="2026-02-02")
    assert problems(uow_factory) == []


# --- item 4: rewriting a closed month below the services -------------------------


def _guards_off(connection: Connection) -> None:
    """What an attacker with the application's own database user can do: the
    owner may drop or disable the table's triggers."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("ALTER TABLE ledger_entries DISABLE TRIGGER USER"))
    else:
        for name in ("no_update", "no_delete", "month_lock"):
            connection.execute(text(f"DROP TRIGGER ledger_entries_{name}"))


def _slip_into_september(connection: Connection, *, forge: bool) -> None:
    """Delete the month locks, insert an entry dated in the closed September,
    raise the cached balance to match, restore the locks. `forge`: and give
    the entry a correct hash and move the chain head, as one who read the
    code would."""
    locks = connection.execute(text("SELECT month, locked_at, locked_by FROM month_locks")).all()
    connection.execute(text("DELETE FROM month_locks"))
    head = chain.lock_head(connection)
    new_id = chain.next_id(connection, head)
    created = dt.datetime(2026, 9, 30, 12, 0)
    content = [new_id, 1, dt.date(2026, 9, 10), "topup_manual", 50000, None, None, None]
    content += [None, None, "raw", "", created]
    forged = chain.hash_values(head.last_hash, content) if forge else None
    connection.execute(
        text(
            "INSERT INTO ledger_entries (id, account_id, business_date, created_at, kind, amount,"
            " author, comment, hash) VALUES (:id, 1, :day, :at, 'topup_manual', 50000, 'raw', '',"
            " :hash)"
        ),
        {"id": new_id, "day": dt.date(2026, 9, 10), "at": created, "hash": forged},
    )
    if forge:
        chain.save_head(connection, new_id, forged or "")
    connection.execute(text("UPDATE accounts SET balance = balance + 50000 WHERE id = 1"))
    for month, locked_at, locked_by in locks:
        connection.execute(
            text("INSERT INTO month_locks VALUES (:m, :at, :by)"),
            {"m": month, "at": locked_at, "by": locked_by},
        )


def _change_an_amount(connection: Connection) -> None:
    _guards_off(connection)
    connection.execute(text("UPDATE ledger_entries SET amount = amount + 100 WHERE id = 2"))
    connection.execute(text("UPDATE accounts SET balance = balance + 100 WHERE id = 1"))


def _delete_an_entry(connection: Connection) -> None:
    _guards_off(connection)
    connection.execute(text("DELETE FROM ledger_entries WHERE id = 2"))
    connection.execute(text("UPDATE accounts SET balance = balance - 2000 WHERE id = 1"))


def _delete_the_last_entry(connection: Connection) -> None:
    _guards_off(connection)
    connection.execute(text("DELETE FROM ledger_entries WHERE id = 4"))
    connection.execute(text("UPDATE accounts SET balance = balance - 700 WHERE id = 1"))


def _remove_a_lock(connection: Connection) -> None:
    connection.execute(text("DELETE FROM month_locks WHERE month = '2026-10'"))


TAMPERING: dict[str, tuple[Callable[[Connection], None], list[str]]] = {
    "lock removed, entry slipped in, lock restored": (
        lambda c: _slip_into_september(c, forge=False),
        [
            "ledger entry 5 (account OR-000001, 2026-09-10): its hash does not match",
            "month 2026-09 was changed after its closing: 3 entries, credit 620.00",
        ],
    ),
    "the same with a forged hash and chain head": (
        lambda c: _slip_into_september(c, forge=True),
        [
            "month 2026-09 was changed after its closing: 3 entries, credit 620.00",
            "month 2026-10 was changed after its closing: the last entry up to its end is 5",
        ],
    ),
    "an entry's amount changed": (
        _change_an_amount,
        ["ledger entry 2 (account OR-000001, 2026-09-20): its hash does not match"],
    ),
    "an entry deleted": (
        _delete_an_entry,
        [
            "ledger entry 3 (account OR-000001, 2026-10-05): its hash does not match",
            "month 2026-09 was changed after its closing: 1 entries",
        ],
    ),
    "the last entry deleted": (
        _delete_the_last_entry,
        ["the ledger ends at entry 3 but its chain head names entry 4"],
    ),
    "a month's lock removed": (
        _remove_a_lock,
        ["month 2026-10 was closed on", "is open with no reopening in the audit log"],
    ),
}


@pytest.mark.parametrize("how", list(TAMPERING))
def test_check_names_a_rewritten_closed_month(
    uow_factory: UowFactory, engine: Engine, books: str, how: str
) -> None:
    tamper, expected = TAMPERING[how]
    with engine.begin() as connection:
        tamper(connection)
    found = problems(uow_factory)
    assert found, how
    for words in expected:
        assert any(words in problem for problem in found), (words, found)
    # the cached balance was moved to match: only the chain and the seals tell
    assert not any("cached balance" in problem for problem in found)


def test_check_fails_through_the_cli_naming_the_entry(
    cli: Cli, engine: Engine, uow_factory: UowFactory, books: str
) -> None:
    with engine.begin() as connection:
        _change_an_amount(connection)
    result = cli("check", expect=1)
    assert "ledger entry 2 (account OR-000001, 2026-09-20)" in result.stdout + result.stderr


# --- the chain itself ----------------------------------------------------------------


def test_bulk_postings_chain_every_entry(uow_factory: UowFactory) -> None:
    """More rows than one insert batch (10,000 on SQLite, COPY on PostgreSQL):
    every entry hashed in one pass, ids in order, the head at the last."""
    number = add_legal(uow_factory, opening="1.00", on="2026-11-01")
    with uow_factory(read_only=True) as uow:
        account_id = ledger.find_account(uow, number).id
    drafts = [
        EntryDraft(account_id, day("2026-11-02"), EntryKind.BONUS, D("0.01"), f"n{i}")
        for i in range(12_345)
    ]
    with uow_factory() as uow:
        result = ledger.post_entries(uow, drafts, return_ids=True)
        uow.commit()
    assert result.ids == tuple(range(2, 12_347))
    assert problems(uow_factory) == []
    with uow_factory(read_only=True) as uow:
        assert ledger.balance_from_entries(uow, account_id) == D("124.45")


def test_concurrent_postings_keep_one_chain(uow_factory: UowFactory, engine: Engine) -> None:
    """Two postings at once: the second waits for the first's chain head
    (PostgreSQL: row lock; SQLite: the writer lock) and links after it."""
    number = add_legal(uow_factory, opening="1.00", on="2026-11-01")
    other = add_legal(uow_factory, name="ФОП Інший", edrpou=EDRPOU_B, on="2026-11-01")
    first = uow_factory()
    first.__enter__()
    ledger.post_topup(first, number, D("1.00"), day("2026-11-02"), "first")
    done = threading.Event()

    def second() -> None:
        with uow_factory() as uow:
            ledger.post_topup(uow, other, D("2.00"), day("2026-11-02"), "second")
            uow.commit()
        done.set()

    worker = threading.Thread(target=second)
    worker.start()
    assert not done.wait(1.0)  # waits for the head
    first.commit()
    first.__exit__(None, None, None)
    worker.join(30)
    assert done.is_set()
    assert problems(uow_factory) == []


# --- the migration ----------------------------------------------------------------------


@pytest.fixture
def at_0004(engine: Engine, uow_factory: UowFactory) -> Iterator[None]:
    """Books with entries, two closed months and a reopened one, taken back
    to the schema of 0004 (no hashes, no seals, the per-month guard)."""
    number = add_legal(uow_factory, opening="100.00", on="2026-08-05")
    topup(uow_factory, number, "20.00", "2026-09-20")
    close(uow_factory, "2026-08", "2026-09")
    with uow_factory() as uow:
        months.reopen_month(uow, "2026-09", "late")
        uow.commit()
    close(uow_factory, "2026-09")
    with uow_factory() as uow:
        months.lock_month(uow, "2026-10")  # locked without a closing
        uow.commit()
    topup(uow_factory, number, "7.00", "2026-11-03")
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        connection.commit()
    assert current_revision(engine) == "0004"
    yield


def test_migration_chains_existing_entries_and_seals_closed_months(
    engine: Engine, uow_factory: UowFactory, at_0004: None
) -> None:
    upgrade_schema(engine)
    assert current_revision(engine) == head_revision()
    assert problems(uow_factory) == []
    with engine.connect() as connection:
        seals = connection.execute(
            text("SELECT month, entries, last_entry_id FROM closings ORDER BY month")
        ).all()
        hashes = connection.execute(
            text("SELECT count(*) FROM ledger_entries WHERE hash IS NULL")
        ).scalar()
    assert [tuple(s) for s in seals] == [("2026-08", 1, 1), ("2026-09", 1, 2), ("2026-10", 0, 2)]
    assert hashes == 0
    # and from then on a rewrite is found
    with engine.begin() as connection:
        _guards_off(connection)
        connection.execute(text("UPDATE ledger_entries SET comment = 'x' WHERE id = 1"))
    assert any("ledger entry 1 " in p for p in problems(uow_factory))

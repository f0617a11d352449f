"""Gap-free counters for account and document numbers.

The counter row is locked while a number is taken, so two workstations on
PostgreSQL never draw the same number, and a rolled-back transaction gives
its number back.
"""

from __future__ import annotations

import re

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Sequence
from backoffice.services import chain


def take_numbers(uow: UnitOfWork, name: str, count: int = 1) -> int:
    """Reserve `count` consecutive values of counter `name`; returns the first."""
    if uow.dialect == "postgresql":
        # The ledger's chain head first, as every posting takes it before its
        # accounts: a document numbered before a posting in one transaction
        # cannot then wait on the head while the head's holder waits on the
        # counter (services/chain.py).
        chain.lock_head(uow.session.connection())
    insert = pg_insert if uow.dialect == "postgresql" else sqlite_insert
    uow.session.execute(
        insert(Sequence).values(name=name, value=0).on_conflict_do_nothing(index_elements=["name"])
    )
    current = uow.session.execute(
        select(Sequence.value).where(Sequence.name == name).with_for_update()
    ).scalar_one()
    uow.session.execute(update(Sequence).where(Sequence.name == name).values(value=current + count))
    return current + 1


def format_number(pattern: str, value: int, *, year: int | None = None) -> str:
    """`OR-######` with 123 → `OR-000123`; the run of # sets the width, and
    `{year}` is replaced by the document's year."""
    if year is not None:
        pattern = pattern.replace("{year}", str(year))
    run = re.search(r"#+", pattern)
    assert run is not None, "patterns are validated when set"
    return pattern[: run.start()] + str(value).zfill(len(run.group())) + pattern[run.end() :]

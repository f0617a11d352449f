"""`among`: long IN lists as one parameter, the same rows as a plain IN."""

from __future__ import annotations

from sqlalchemy import select

from backoffice.db.among import among
from backoffice.db.models import Account
from backoffice.services import ledger
from tests.helpers import EDRPOU_A, EDRPOU_B, add_legal


def test_long_lists_of_ids_and_numbers_find_what_in_finds(uow_factory) -> None:
    numbers = [
        add_legal(uow_factory, name=f"ТОВ «Клієнт {code}»", edrpou=code)
        for code in (EDRPOU_A, EDRPOU_B)
    ]
    with uow_factory(read_only=True) as uow:
        ids = [ledger.find_account(uow, n).id for n in numbers]
        wanted_ids = [*ids, *range(10_000, 10_080)]  # over 50: one parameter
        wanted_numbers = [*numbers, *(f"NO-{i}" for i in range(80))]
        by_id = uow.session.execute(
            select(Account.number).where(among(uow, Account.id, wanted_ids))
        ).scalars()
        by_number = uow.session.execute(
            select(Account.id).where(among(uow, Account.number, wanted_numbers))
        ).scalars()
        assert sorted(by_id) == sorted(numbers)
        assert sorted(by_number) == sorted(ids)
        # values not of the column's type fall back to a plain IN, which
        # converts them as before (an id given as text still finds its row)
        as_text = [str(i) for i in wanted_ids]
        found = uow.session.execute(
            select(Account.number).where(among(uow, Account.id, as_text))
        ).scalars()
        assert sorted(found) == sorted(numbers)
        empty = uow.session.execute(select(Account.id).where(among(uow, Account.id, []))).all()
        assert empty == []

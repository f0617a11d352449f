"""Small builders shared by the tests: a scenario reads as data, not set-up code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from backoffice.db.engine import UnitOfWork
from backoffice.domain import ClientKind, ClientRecord
from backoffice.services import clients

# Valid codes (check digits computed by python-stdnum) and IBANs of real banks.
EDRPOU_A = "32855961"
EDRPOU_B = "14360570"
RNOKPP_A = "3163956443"
RNOKPP_B = "2054948280"
IBAN_PRIVAT = "UA743052990000026007233566001"
IBAN_UNKNOWN_BANK = "UA783999990000026007000012345"

D = Decimal


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def add_legal(
    new_uow: Callable[..., UnitOfWork],
    *,
    name: str = "ТОВ «Агро Трейд»",
    edrpou: str = EDRPOU_A,
    opening: str | None = None,
    on: str = "2026-11-01",
) -> str:
    with new_uow() as uow:
        added = clients.add_client(
            uow,
            ClientRecord(
                kind=ClientKind.LEGAL,
                name=name,
                edrpou=edrpou,
                ibans=(IBAN_PRIVAT,),
                emails=("buh@agro.com.ua",),
                opening_balance=D(opening) if opening else None,
            ),
            day(on),
        )
        uow.commit()
    return added.account_number

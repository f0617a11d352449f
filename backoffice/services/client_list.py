"""The clients list of the window: accounts with their client's contract, so a
client whose documents will cite no contract stands out (SPEC §10)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backoffice.db.engine import UnitOfWork
from backoffice.domain import AccountView
from backoffice.permissions import Permission, require
from backoffice.services import clients, snapshots
from backoffice.services.clients import AccountQuery


@dataclass(frozen=True)
class ClientRow:
    account: AccountView
    contract_no: str | None
    contract_date: dt.date | None

    @property
    def without_contract(self) -> bool:
        return not self.contract_no


@dataclass(frozen=True)
class ClientCount:
    count: int


def client_rows(uow: UnitOfWork, query: AccountQuery) -> list[ClientRow]:
    """A page of `clients.list_accounts` (its filter and order) with contracts."""
    require(uow, Permission.READ_BOOKS)
    views = clients.list_accounts(uow, query)
    contracts = snapshots.contracts_of_clients(uow, [v.client_id for v in views])
    rows = []
    for view in views:
        contract = contracts.get(view.client_id)
        rows.append(
            ClientRow(view, contract[0] if contract else None, contract[1] if contract else None)
        )
    return rows


def client_count(uow: UnitOfWork, query: AccountQuery) -> ClientCount:
    return ClientCount(clients.count_accounts(uow, query))

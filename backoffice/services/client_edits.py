"""Changing a client's requisites after it was added (SPEC §5, §10, §16 `client edit`).

An edit is validated exactly as `client add` is (`clients.check_client`), is
audited with every changed field before → after and the reason, and never
touches an issued document: invoices and acts print their own snapshot.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from backoffice import bounds, names, validation
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Client, ClientEmail, ClientIban
from backoffice.domain import ClientKind, ClientRecord
from backoffice.errors import InputError
from backoffice.permissions import Permission, require
from backoffice.services import audit, clients, ledger

# Sentinel for "not given": None is a value some fields take (no contract).
_KEEP: Any = object()


@dataclass(frozen=True)
class ClientChanges:
    """What to change; a field left at KEEP stays as it is. `ibans` and
    `emails` replace the whole list."""

    name: str = _KEEP
    short_name: str = _KEEP
    edrpou: str | None = _KEEP
    rnokpp: str | None = _KEEP
    vat_payer: bool = _KEEP
    ipn: str | None = _KEEP
    address: str = _KEEP
    ibans: tuple[str, ...] = _KEEP
    emails: tuple[str, ...] = _KEEP
    contract_no: str | None = _KEEP
    contract_date: dt.date | None = _KEEP
    manager: str = _KEEP
    notes: str = _KEEP

    def given(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if getattr(self, f.name) is not _KEEP
        }


KEEP = _KEEP


@dataclass(frozen=True)
class EditedClient:
    """The outcome: the fields that changed (name → (before, after)) and any
    warnings (an IBAN of a bank not in the registry). No change, no audit."""

    account_number: str
    changed: dict[str, tuple[Any, Any]]
    warnings: tuple[str, ...] = ()


def client_record(uow: UnitOfWork, account: str) -> ClientRecord:
    """The client's requisites as they are now, for a card to show and edit."""
    require(uow, Permission.READ_BOOKS)
    return _record_of(ledger.find_account(uow, account).client)


def _record_of(client: Client) -> ClientRecord:
    return ClientRecord(
        kind=ClientKind(client.kind),
        name=client.name,
        short_name=client.short_name or "",
        edrpou=client.edrpou,
        rnokpp=client.rnokpp,
        vat_payer=client.vat_payer,
        ipn=client.ipn,
        address=client.address or "",
        ibans=tuple(i.iban for i in sorted(client.ibans, key=lambda i: i.id)),
        emails=tuple(e.email for e in sorted(client.emails, key=lambda e: e.id)),
        contract_no=client.contract_no,
        contract_date=client.contract_date,
        manager=client.manager or "",
        notes=client.notes or "",
    )


def edit_client(uow: UnitOfWork, account: str, changes: ClientChanges, reason: str) -> EditedClient:
    """Change a client's requisites; refuses (InputError) with nothing written
    when any new value is invalid or the code belongs to another client."""
    require(uow, Permission.MANAGE_CLIENTS)
    reason = validation.text(reason, what="reason", limit=bounds.MAX_REASON, required=True)
    found = ledger.find_account(uow, account)
    client = found.client
    before = _record_of(client)
    wanted = dataclasses.replace(before, **changes.given())
    if not (wanted.contract_no or "").strip() and "contract_date" not in changes.given():
        # dropping the contract drops its date too
        wanted = dataclasses.replace(wanted, contract_date=None)
    checked = clients.check_client(wanted)
    after = checked.record
    changed = {
        field.name: (getattr(before, field.name), getattr(after, field.name))
        for field in dataclasses.fields(ClientRecord)
        if field.name != "opening_balance"
        and getattr(before, field.name) != getattr(after, field.name)
    }
    if not changed:
        return EditedClient(found.number, {}, checked.warnings)
    if "edrpou" in changed or "rnokpp" in changed:
        _refuse_code_of_another(uow, client.id, after.edrpou or after.rnokpp)
    _write(uow, client, found, after)
    audit.record(
        uow,
        "client.edit",
        f"account {found.number}",
        {name: old for name, (old, _) in changed.items()},
        {**{name: new for name, (_, new) in changed.items()}, "reason": reason},
    )
    return EditedClient(found.number, changed, checked.warnings)


def _refuse_code_of_another(uow: UnitOfWork, client_id: int, code: str | None) -> None:
    if not code:
        return
    number = uow.session.execute(
        select(Account.number)
        .join(Client, Client.id == Account.client_id)
        .where(
            Client.id != client_id,
            Client.archived.is_(False),
            or_(Client.edrpou == code, Client.rnokpp == code),
        )
        .limit(1)
    ).scalar()
    if number is not None:
        raise InputError(f"a client with code {code} already exists (account {number})")


def _write(uow: UnitOfWork, client: Client, account: Account, r: ClientRecord) -> None:
    client.name = r.name
    client.short_name = r.short_name
    client.edrpou = r.edrpou
    client.rnokpp = r.rnokpp
    client.vat_payer = r.vat_payer
    client.ipn = r.ipn
    client.address = r.address
    client.contract_no = r.contract_no
    client.contract_date = r.contract_date
    client.manager = r.manager
    client.notes = r.notes
    client.search_text = clients.search_text(
        r.name, r.short_name, r.edrpou, r.rnokpp, account.number
    )
    client.sort_key = names.sort_key(r.short_name or r.name)
    # rows kept stay as they are (a learned IBAN stays learned); the rest go
    for row in list(client.ibans):
        if row.iban not in r.ibans:
            client.ibans.remove(row)
            uow.session.delete(row)
    known = {row.iban for row in client.ibans}
    client.ibans.extend(ClientIban(iban=i, learned=False) for i in r.ibans if i not in known)
    for email_row in list(client.emails):
        if email_row.email not in r.emails:
            client.emails.remove(email_row)
            uow.session.delete(email_row)
    known = {row.email for row in client.emails}
    client.emails.extend(ClientEmail(email=e) for e in r.emails if e not in known)
    uow.session.flush()

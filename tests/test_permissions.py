"""The permission matrix (SPEC §14), enforced in the services: every role
against every service that matters, called directly as a script would.

A role without the permission is refused with a message naming the user,
the role and the action, and the database is left exactly as it was; a role
with it gets the operation done."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork
from backoffice.domain import ClientKind, ClientRecord
from backoffice.permissions import (
    MATRIX,
    Permission,
    PermissionDenied,
    Principal,
    Role,
    current_principal,
    require,
    set_current_principal,
)
from backoffice.services import (
    audit,
    backup,
    catalog,
    client_card,
    client_edits,
    clients,
    daily,
    documents,
    invoices,
    ledger,
    months,
    payments,
    rates,
    reports,
    settings,
    subscription_orders,
    subscriptions,
    usage,
    users,
)
from tests.conftest import snapshot
from tests.helpers import EDRPOU_B, D, add_legal, day

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = day("2026-12-07")


@dataclass
class Books:
    engine: Engine
    account: str
    opening_entry: int
    invoice: str
    tmp: Path


@pytest.fixture
def books(engine: Engine, uow_factory: Callable[..., UnitOfWork], tmp_path: Path) -> Books:
    """A client with money, a subscription, rates, a catalog, a closed November,
    an issued invoice, and one administrator (so log-in is on)."""
    number = add_legal(uow_factory, opening="5000.00", on="2026-11-01")
    with uow_factory() as uow:
        catalog.import_catalog(uow, FIXTURES / "catalog.json")
        for d in range(1, 32):
            rates.set_rate(uow, dt.date(2026, 12, d), "EUR", D("45.0000"), source="test")
            rates.set_rate(uow, dt.date(2026, 11, min(d, 30)), "EUR", D("45.0000"), source="test")
        subscriptions.subscribe(uow, number, "business", [], 1, True, day("2026-12-01"))
        invoice = invoices.issue_topup_invoice(uow, number, D("100.00"), day("2026-12-02"))
        opening = ledger.account_entries(uow, number)[0].id
        uow.commit()
    with uow_factory() as uow:
        months.lock_month(uow, "2026-11")
        users.add_user(uow, "root-admin", Role.ADMIN, "a long admin password")
        uow.commit()
    return Books(engine, number, opening, invoice.number, tmp_path)


def _catalog_with_new_option(b: Books) -> Path:
    data = json.loads((FIXTURES / "catalog.json").read_text(encoding="utf-8"))
    data["options"].append(
        {"code": "stores", "name": "Склади", "unit": "склад", "type": "limit", "unit_price": "2.00"}
    )
    path = b.tmp / "catalog2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _new_client() -> ClientRecord:
    return ClientRecord(kind=ClientKind.LEGAL, name="ТОВ «Нова»", edrpou=EDRPOU_B)


# (permission the service needs, the call, whether a success writes something)
CASES: dict[str, tuple[Permission, Callable[[UnitOfWork, Books], Any], bool]] = {
    "topup": (
        Permission.POST_TOPUP,
        lambda u, b: payments.receive_topup(u, b.account, D("100.00"), TODAY, "payment"),
        True,
    ),
    "ledger.post_topup": (
        Permission.POST_TOPUP,
        lambda u, b: ledger.post_topup(u, b.account, D("1.00"), TODAY, "payment"),
        True,
    ),
    "reverse": (
        Permission.POST_REVERSAL,
        lambda u, b: ledger.reverse_entry(u, b.opening_entry, TODAY, "wrong client"),
        True,
    ),
    "credit": (
        Permission.POST_CORRECTION,
        lambda u, b: clients.set_credit(u, b.account, True),
        True,
    ),
    "client add": (
        Permission.MANAGE_CLIENTS,
        lambda u, b: clients.add_client(u, _new_client(), TODAY),
        True,
    ),
    "suspend": (
        Permission.MANAGE_SUBSCRIPTIONS,
        lambda u, b: subscriptions.suspend(u, b.account, TODAY),
        True,
    ),
    "usage": (
        Permission.RECORD_USAGE,
        lambda u, b: usage.add_usage(u, b.account, "deliveries", 3, TODAY),
        True,
    ),
    "invoice issue": (
        Permission.ISSUE_INVOICES,
        lambda u, b: invoices.issue_topup_invoice(u, b.account, D("50.00"), TODAY),
        True,
    ),
    "invoice cancel": (
        Permission.CANCEL_INVOICES,
        lambda u, b: invoices.cancel_invoice(u, b.invoice, "issued twice", TODAY),
        True,
    ),
    "invoice run": (
        Permission.RUN_INVOICES,
        lambda u, b: invoices.invoice_run(u, day("2026-12-21")),
        True,  # January's invoice of the auto-renewing subscription
    ),
    "run daily": (Permission.RUN_DAILY, lambda u, b: daily.run_daily(u, TODAY), True),
    "close month": (Permission.CLOSE_MONTH, lambda u, b: months.lock_month(u, "2026-12"), True),
    "reopen month": (
        Permission.REOPEN_MONTH,
        lambda u, b: months.reopen_month(u, "2026-11", "a late bank statement"),
        True,
    ),
    "settings": (
        Permission.EDIT_SETTINGS,
        lambda u, b: settings.set_setting(u, "company.name", "ТОВ «Постачальник»"),
        True,
    ),
    "catalog": (
        Permission.EDIT_CATALOG,
        lambda u, b: catalog.import_catalog(u, _catalog_with_new_option(b)),
        True,
    ),
    "rates": (
        Permission.SET_RATES,
        lambda u, b: rates.set_rate(u, TODAY, "USD", D("41.2000")),
        True,
    ),
    "users": (
        Permission.MANAGE_USERS,
        lambda u, b: users.add_user(u, "newcomer", Role.AUDITOR, "ten chars long"),
        True,
    ),
    "client edit": (
        Permission.MANAGE_CLIENTS,
        lambda u, b: client_edits.edit_client(
            u, b.account, client_edits.ClientChanges(name="ТОВ «Перейменована»"), "renamed"
        ),
        True,
    ),
    "correction": (
        Permission.POST_CORRECTION,
        lambda u, b: client_card.post_correction(u, b.account, D("-1.00"), TODAY, "bank fee"),
        True,
    ),
    "auto-renewal": (
        Permission.MANAGE_SUBSCRIPTIONS,
        lambda u, b: subscription_orders.set_auto_renew(u, b.account, False, "client asked"),
        True,
    ),
    "rate entered": (
        Permission.SET_RATES,
        lambda u, b: rates.enter_rate(u, TODAY, "USD", D("41.3000"), "from the bank"),
        True,
    ),
    "audit read": (
        Permission.VIEW_AUDIT,
        lambda u, b: audit.entries(u, audit.AuditQuery()),
        False,
    ),
    "ledger read": (
        Permission.READ_BOOKS,
        lambda u, b: ledger.account_entries(u, b.account),
        False,
    ),
    "invoice document": (
        Permission.PRINT_DOCUMENTS,
        lambda u, b: documents.invoice_document(u, b.invoice),
        False,
    ),
    "report": (
        Permission.EXPORT_REPORTS,
        lambda u, b: reports.build_report(
            u, "turnover", date_from=day("2026-12-01"), date_to=TODAY, today=TODAY
        ),
        False,
    ),
}


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
@pytest.mark.parametrize("case", list(CASES))
def test_each_role_against_each_service(books: Books, case: str, role: Role) -> None:
    permission, call, writes = CASES[case]
    principal = Principal(f"someone-{role.value}", role)
    before = snapshot(books.engine)
    with UnitOfWork(books.engine, principal=principal) as uow:
        if permission in MATRIX[role]:
            call(uow, books)
            uow.commit()
            done = True
        else:
            with pytest.raises(PermissionDenied) as refused:
                call(uow, books)
            done = False
    after = snapshot(books.engine)
    if done:
        assert (after != before) == writes
        for table in ("ledger_entries", "audit_log"):  # the author is the logged-in user
            for row in set(after[table]) - set(before[table]):
                assert principal.name in map(str, row), (table, row)
    else:
        assert str(refused.value) == (
            f"user {principal.name} (role {role.value}) may not {permission.value}"
        )
        assert after == before


def test_no_logged_in_user_is_refused_once_users_exist(books: Books) -> None:
    before = snapshot(books.engine)
    with UnitOfWork(books.engine) as uow:
        assert uow.principal is None
        with pytest.raises(PermissionDenied, match="no user is logged in"):
            payments.receive_topup(uow, books.account, D("1.00"), TODAY, "payment")
    assert snapshot(books.engine) == before


def test_a_database_without_users_runs_with_full_rights(
    uow_factory: Callable[..., UnitOfWork],
) -> None:
    number = add_legal(uow_factory)
    with uow_factory() as uow:
        entry = payments.receive_topup(uow, number, D("10.00"), TODAY, "payment")
        uow.commit()
    assert entry.author == "tester"


def test_the_process_principal_is_the_default_of_every_unit_of_work(books: Books) -> None:
    assert current_principal() is None
    set_current_principal(Principal("anna", Role.ACCOUNTANT))
    try:
        with UnitOfWork(books.engine) as uow:
            entry = payments.receive_topup(uow, books.account, D("7.00"), TODAY, "payment")
            uow.commit()
        assert entry.author == "anna"
        with UnitOfWork(books.engine) as uow, pytest.raises(PermissionDenied):
            months.reopen_month(uow, "2026-11", "why not")
    finally:
        set_current_principal(None)


def test_backup_needs_the_database_permission(books: Books) -> None:
    if not backup.is_sqlite(books.engine):
        pytest.skip("pg_dump is exercised by test_backup")
    target = books.tmp / "copy.sqlite"
    for role in (Role.CHIEF_ACCOUNTANT, Role.AUDITOR, Role.SCHEDULER):
        set_current_principal(Principal("x", role))
        try:
            with pytest.raises(PermissionDenied, match="may not back up"):
                backup.backup_database(books.engine, target)
        finally:
            set_current_principal(None)
    assert not target.exists()
    set_current_principal(Principal("boss", Role.ADMIN))
    try:
        backup.backup_database(books.engine, target)
    finally:
        set_current_principal(None)
    assert target.is_file()


def test_require_names_the_action() -> None:
    class Stub:
        principal = Principal("olha", Role.MANAGER)

    with pytest.raises(
        PermissionDenied, match=r"^user olha \(role manager\) may not close a month$"
    ):
        require(Stub(), Permission.CLOSE_MONTH)  # type: ignore[arg-type]


def test_matrix_shape() -> None:
    assert MATRIX[Role.ADMIN] == frozenset(Permission)
    assert Permission.PRINT_DOCUMENTS in MATRIX[Role.SCHEDULER]  # the mail's attachments
    assert MATRIX[Role.AUDITOR] == {
        Permission.READ_BOOKS,
        Permission.EXPORT_REPORTS,
        Permission.PRINT_DOCUMENTS,
        Permission.VIEW_AUDIT,
    }
    assert Permission.VIEW_AUDIT not in MATRIX[Role.ACCOUNTANT] | MATRIX[Role.MANAGER]
    writes = set(Permission) - MATRIX[Role.AUDITOR]
    assert not writes & MATRIX[Role.AUDITOR]
    assert Permission.RUN_DAILY in MATRIX[Role.SCHEDULER]
    assert Permission.RUN_INVOICES in MATRIX[Role.SCHEDULER]
    assert Permission.POST_TOPUP not in MATRIX[Role.SCHEDULER]
    assert Permission.POST_TOPUP not in MATRIX[Role.MANAGER]
    assert Permission.CLOSE_MONTH not in MATRIX[Role.MANAGER]
    # whoever may close a month may run the daily job the closing runs first
    for role, granted in MATRIX.items():
        if Permission.CLOSE_MONTH in granted:
            assert {Permission.RUN_DAILY, Permission.RUN_INVOICES} <= granted, role
        if Permission.ASSIGN_STATEMENT_LINES in granted:
            assert {Permission.POST_TOPUP, Permission.POST_REVERSAL} <= granted, role
        if Permission.MANAGE_CLIENTS in granted:  # a new client gets the free plan
            assert Permission.MANAGE_SUBSCRIPTIONS in granted, role


def test_the_documented_matrix_is_the_code() -> None:
    from backoffice.permissions_doc import DOC, WHERE, render

    assert set(WHERE) == set(Permission)
    assert DOC.read_text(encoding="utf-8") == render(), "run python -m backoffice.permissions_doc"

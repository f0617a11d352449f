"""Roles and what each may do: the one permission matrix (SPEC §14).

The services enforce it: a write service starts with `require(uow, Permission.X)`,
so a role without the permission is refused whether it comes through the
window, the CLI or a script calling the service directly.

A database without users runs single-user with full rights (as before users
existed); once a user exists, a unit of work without a logged-in principal is
refused everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from backoffice.errors import BackofficeError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from backoffice.db.engine import UnitOfWork


class Role(StrEnum):
    ADMIN = "admin"
    CHIEF_ACCOUNTANT = "chief_accountant"
    ACCOUNTANT = "accountant"
    MANAGER = "manager"
    AUDITOR = "auditor"
    SCHEDULER = "scheduler"


class Permission(StrEnum):
    """One kind of action each; the value is how a refusal names it."""

    READ_BOOKS = "read the books"
    VIEW_AUDIT = "read the audit log"
    EXPORT_REPORTS = "export reports"
    PRINT_DOCUMENTS = "print invoices and acts"
    POST_TOPUP = "post a top-up"
    POST_REVERSAL = "reverse an entry"
    POST_CORRECTION = "post a correction"
    MANAGE_CLIENTS = "add or change clients"
    MANAGE_SUBSCRIPTIONS = "change subscriptions"
    RECORD_USAGE = "record usage"
    IMPORT_STATEMENTS = "import bank statements"
    ASSIGN_STATEMENT_LINES = "assign or ignore statement lines"
    ISSUE_INVOICES = "issue invoices"
    CANCEL_INVOICES = "cancel invoices"
    RUN_INVOICES = "run the invoice run"
    RUN_DAILY = "run the daily job"
    CLOSE_MONTH = "close a month"
    REOPEN_MONTH = "reopen a month"
    EDIT_SETTINGS = "edit settings"
    EDIT_CATALOG = "edit the catalog"
    SET_RATES = "set exchange rates"
    FETCH_RATES = "fetch exchange rates"
    QUEUE_MAIL = "queue e-mails"
    SEND_MAIL = "send e-mails"
    MANAGE_USERS = "manage users"
    MAINTAIN_DATABASE = "back up, restore or upgrade the database"
    LOAD_DEMO = "load demo data"


_READ = frozenset({Permission.READ_BOOKS, Permission.EXPORT_REPORTS, Permission.PRINT_DOCUMENTS})

_ACCOUNTING = _READ | {
    Permission.POST_TOPUP,
    Permission.POST_REVERSAL,
    Permission.POST_CORRECTION,
    Permission.MANAGE_CLIENTS,
    Permission.MANAGE_SUBSCRIPTIONS,
    Permission.RECORD_USAGE,
    Permission.IMPORT_STATEMENTS,
    Permission.ASSIGN_STATEMENT_LINES,
    Permission.ISSUE_INVOICES,
    Permission.CANCEL_INVOICES,
    Permission.RUN_INVOICES,
    Permission.RUN_DAILY,
    Permission.CLOSE_MONTH,
    Permission.SET_RATES,
    Permission.FETCH_RATES,
    Permission.QUEUE_MAIL,
    Permission.SEND_MAIL,
}

MATRIX: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.CHIEF_ACCOUNTANT: frozenset(
        _ACCOUNTING
        | {
            Permission.REOPEN_MONTH,
            Permission.EDIT_SETTINGS,
            Permission.EDIT_CATALOG,
            Permission.VIEW_AUDIT,
        }
    ),
    Role.ACCOUNTANT: frozenset(_ACCOUNTING),
    # SPEC §1: managers keep client cards and print invoices and acts; a new
    # client gets the free plan and a purchase issues its invoice, so they may
    # issue invoices and change subscriptions, but never post money or close.
    Role.MANAGER: frozenset(
        _READ
        | {
            Permission.MANAGE_CLIENTS,
            Permission.MANAGE_SUBSCRIPTIONS,
            Permission.ISSUE_INVOICES,
            Permission.QUEUE_MAIL,
        }
    ),
    Role.AUDITOR: _READ | {Permission.VIEW_AUDIT},
    Role.SCHEDULER: frozenset(
        {
            Permission.READ_BOOKS,
            Permission.PRINT_DOCUMENTS,  # the PDFs attached to the mail it sends
            Permission.RUN_DAILY,
            Permission.RUN_INVOICES,
            Permission.FETCH_RATES,
            Permission.QUEUE_MAIL,
            Permission.SEND_MAIL,
        }
    ),
}

ROLE_NAMES = {
    Role.ADMIN: "administrator",
    Role.CHIEF_ACCOUNTANT: "chief accountant",
    Role.ACCOUNTANT: "accountant",
    Role.MANAGER: "manager",
    Role.AUDITOR: "auditor",
    Role.SCHEDULER: "scheduler",
}


class PermissionDenied(BackofficeError):
    """The logged-in user's role does not allow the operation."""

    def __init__(
        self,
        message: str,
        principal: Principal | None = None,
        permission: Permission | None = None,
    ) -> None:
        super().__init__(message)
        self.principal = principal
        self.permission = permission


@dataclass(frozen=True)
class Principal:
    """Who is logged in: the ledger's author and the audit's actor."""

    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return permission in MATRIX[self.role]


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise PermissionDenied(f"role {text!r} is unknown; roles: {known}") from None


_current: Principal | None = None


def current_principal() -> Principal | None:
    """The user logged in to this process (the window, or one CLI command)."""
    return _current


def set_current_principal(principal: Principal | None) -> None:
    global _current
    _current = principal


def require(uow: UnitOfWork, permission: Permission) -> None:
    """Refuse the operation unless the unit of work's user may do it."""
    principal = uow.principal
    if principal is None:
        if uow.has_users():
            raise PermissionDenied(f"no user is logged in: log in to {permission.value}")
        return  # single-user database: full rights, as before users existed
    if not principal.may(permission):
        raise PermissionDenied(
            f"user {principal.name} (role {principal.role.value}) may not {permission.value}",
            principal,
            permission,
        )


def require_on(engine: Engine, permission: Permission) -> None:
    """`require` for the operations on a whole database (backup, restore),
    which run outside any unit of work and on schemas of any age."""
    principal = current_principal()
    if principal is None:
        from backoffice.services.users import engine_has_users

        if engine_has_users(engine):
            raise PermissionDenied(f"no user is logged in: log in to {permission.value}")
        return
    if not principal.may(permission):
        raise PermissionDenied(
            f"user {principal.name} (role {principal.role.value}) may not {permission.value}",
            principal,
            permission,
        )

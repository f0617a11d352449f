"""The window's words for roles and permissions (the code's are English)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from backoffice.permissions import Permission, PermissionDenied, Role

ROLES = {
    Role.ADMIN: QT_TRANSLATE_NOOP("users", "Administrator"),
    Role.CHIEF_ACCOUNTANT: QT_TRANSLATE_NOOP("users", "Chief accountant"),
    Role.ACCOUNTANT: QT_TRANSLATE_NOOP("users", "Accountant"),
    Role.MANAGER: QT_TRANSLATE_NOOP("users", "Manager"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("users", "Auditor (read only)"),
    Role.SCHEDULER: QT_TRANSLATE_NOOP("users", "Scheduler (daily job)"),
}

# Each permission as the end of "… may not …".
ACTIONS = {
    Permission.READ_BOOKS: QT_TRANSLATE_NOOP("permissions", "read the books"),
    Permission.EXPORT_REPORTS: QT_TRANSLATE_NOOP("permissions", "export reports"),
    Permission.PRINT_DOCUMENTS: QT_TRANSLATE_NOOP("permissions", "print invoices and acts"),
    Permission.POST_TOPUP: QT_TRANSLATE_NOOP("permissions", "post a top-up"),
    Permission.POST_REVERSAL: QT_TRANSLATE_NOOP("permissions", "reverse an entry"),
    Permission.POST_CORRECTION: QT_TRANSLATE_NOOP("permissions", "post a correction"),
    Permission.MANAGE_CLIENTS: QT_TRANSLATE_NOOP("permissions", "add or change clients"),
    Permission.MANAGE_SUBSCRIPTIONS: QT_TRANSLATE_NOOP("permissions", "change subscriptions"),
    Permission.RECORD_USAGE: QT_TRANSLATE_NOOP("permissions", "record usage"),
    Permission.IMPORT_STATEMENTS: QT_TRANSLATE_NOOP("permissions", "import bank statements"),
    Permission.ASSIGN_STATEMENT_LINES: QT_TRANSLATE_NOOP(
        "permissions", "assign or ignore statement lines"
    ),
    Permission.ISSUE_INVOICES: QT_TRANSLATE_NOOP("permissions", "issue invoices"),
    Permission.CANCEL_INVOICES: QT_TRANSLATE_NOOP("permissions", "cancel invoices"),
    Permission.RUN_INVOICES: QT_TRANSLATE_NOOP("permissions", "run the invoice run"),
    Permission.RUN_DAILY: QT_TRANSLATE_NOOP("permissions", "run the daily job"),
    Permission.CLOSE_MONTH: QT_TRANSLATE_NOOP("permissions", "close a month"),
    Permission.REOPEN_MONTH: QT_TRANSLATE_NOOP("permissions", "reopen a month"),
    Permission.EDIT_SETTINGS: QT_TRANSLATE_NOOP("permissions", "edit settings"),
    Permission.EDIT_CATALOG: QT_TRANSLATE_NOOP("permissions", "edit the catalog"),
    Permission.SET_RATES: QT_TRANSLATE_NOOP("permissions", "set exchange rates"),
    Permission.FETCH_RATES: QT_TRANSLATE_NOOP("permissions", "fetch exchange rates"),
    Permission.QUEUE_MAIL: QT_TRANSLATE_NOOP("permissions", "queue e-mails"),
    Permission.SEND_MAIL: QT_TRANSLATE_NOOP("permissions", "send e-mails"),
    Permission.MANAGE_USERS: QT_TRANSLATE_NOOP("permissions", "manage users"),
    Permission.MAINTAIN_DATABASE: QT_TRANSLATE_NOOP(
        "permissions", "back up, restore or upgrade the database"
    ),
    Permission.LOAD_DEMO: QT_TRANSLATE_NOOP("permissions", "load demo data"),
}


def role_text(role: Role) -> str:
    return QCoreApplication.translate("users", ROLES[role])


def refusal_text(exc: PermissionDenied) -> str | None:
    """'User mary (manager) may not close a month.' in the window's language."""
    if exc.principal is None or exc.permission is None:
        return None
    return QCoreApplication.translate(
        "permissions", "User {user} ({role}) may not {action}."
    ).format(
        user=exc.principal.name,
        role=role_text(exc.principal.role).lower(),
        action=QCoreApplication.translate("permissions", ACTIONS[exc.permission]),
    )

"""The screens of the main window, one entry each, in the order the sidebar lists them.

Adding a screen is one line here: its key, English title (translated in the
"screens" context), icon, shortcut, where its class lives and the permission
it needs. A screen class is built as `Screen(engine, settings, parent)`, has
`title()`, and may have `reload_changed(changed)` (connected to
`change_hub().changed`), `refresh()` (F5) and an `open_screen` signal taking
another screen's key (the dashboard's tiles). A module that is not installed
is simply left out, so a screen can arrive in its own branch.

Entries without a class (`factory=None`) are parts of the main window itself:
the accounts and their ledger, the statements and the invoices.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget

SP = QStyle.StandardPixmap


@dataclass(frozen=True)
class ScreenEntry:
    key: str
    title: str
    """English; shown through `QCoreApplication.translate("screens", title)`."""
    icon: QStyle.StandardPixmap | None
    shortcut: str | None
    factory: str | None
    """"package.module:Class"; None for a part of the main window."""
    permission: str | None = None
    """The `backoffice.permissions.Permission` member the user needs to see it
    (None: everyone)."""

    def translated_title(self) -> str:
        return QCoreApplication.translate("screens", self.title)


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry(
        "dashboard",
        QT_TRANSLATE_NOOP("screens", "Overview"),
        SP.SP_DesktopIcon,
        "Ctrl+1",
        "ui.dashboard.dashboard_screen:DashboardScreen",
    ),
    ScreenEntry(
        "accounts",
        QT_TRANSLATE_NOOP("screens", "Clients and accounts"),
        SP.SP_DirHomeIcon,
        "Ctrl+2",
        None,
    ),
    ScreenEntry(
        "clients",
        QT_TRANSLATE_NOOP("screens", "Client cards"),
        SP.SP_FileDialogContentsView,
        None,
        "ui.clients.clients_screen:ClientsScreen",
    ),
    ScreenEntry(
        "statements", QT_TRANSLATE_NOOP("screens", "Statements"), SP.SP_ArrowDown, "Ctrl+3", None
    ),
    ScreenEntry(
        "invoices", QT_TRANSLATE_NOOP("screens", "Invoices"), SP.SP_FileIcon, "Ctrl+4", None
    ),
    ScreenEntry(
        "acts",
        QT_TRANSLATE_NOOP("screens", "Acts"),
        SP.SP_FileDialogDetailedView,
        "Ctrl+5",
        "ui.acts.acts_screen:ActsScreen",
    ),
    ScreenEntry(
        "closing",
        QT_TRANSLATE_NOOP("screens", "Closing"),
        SP.SP_DialogApplyButton,
        "Ctrl+6",
        "ui.closing.closing_screen:ClosingScreen",
    ),
    ScreenEntry(
        "reports",
        QT_TRANSLATE_NOOP("screens", "Reports"),
        SP.SP_FileDialogListView,
        "Ctrl+7",
        "ui.reports.reports_screen:ReportsScreen",
    ),
    ScreenEntry(
        "catalog",
        QT_TRANSLATE_NOOP("screens", "Catalog"),
        SP.SP_DirIcon,
        "Ctrl+8",
        "ui.catalog.catalog_screen:CatalogScreen",
    ),
    ScreenEntry(
        "rates",
        QT_TRANSLATE_NOOP("screens", "Rates"),
        SP.SP_BrowserReload,
        "Ctrl+9",
        "ui.rates.rates_screen:RatesScreen",
    ),
    ScreenEntry(
        "outbox",
        QT_TRANSLATE_NOOP("screens", "Alerts and e-mail"),
        SP.SP_MessageBoxInformation,
        "Ctrl+0",
        "ui.outbox.outbox_screen:OutboxScreen",
    ),
    ScreenEntry(
        "settings",
        QT_TRANSLATE_NOOP("screens", "Settings"),
        SP.SP_ComputerIcon,
        "Ctrl+,",
        "ui.settings.settings_screen:SettingsScreen",
        "EDIT_SETTINGS",
    ),
    ScreenEntry(
        "users",
        QT_TRANSLATE_NOOP("screens", "Users"),
        SP.SP_DirLinkIcon,
        None,
        "ui.users.users_screen:UsersScreen",
        None,  # everyone changes their own password there; admins manage users
    ),
    ScreenEntry(
        "audit",
        QT_TRANSLATE_NOOP("screens", "Audit"),
        SP.SP_FileDialogInfoView,
        None,
        "ui.audit.audit_screen:AuditScreen",
        "VIEW_AUDIT",
    ),
)

ScreenFactory = Callable[..., QWidget]


def screen_class(entry: ScreenEntry) -> ScreenFactory | None:
    """The entry's class, or None if its module is not installed (another
    branch's screen). A module that is there but fails to import is an error."""
    if entry.factory is None:
        return None
    module_name, _, class_name = entry.factory.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise
    made: ScreenFactory = getattr(module, class_name)
    return made


def available(
    allowed: Callable[[str], bool] = lambda _permission: True,
) -> Iterator[tuple[ScreenEntry, ScreenFactory | None]]:
    """The entries to show, with their classes (None: a part of the main window)."""
    for entry in SCREENS:
        if entry.permission is not None and not allowed(entry.permission):
            continue
        made = screen_class(entry)
        if entry.factory is not None and made is None:
            continue
        yield entry, made

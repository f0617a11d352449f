"""The statements and invoices tabs in the main window: menus, shortcuts, wiring.

Kept out of `main_window` so that window stays about accounts and ledgers.
Every action of a tab is also in a menu of the window (so the keyboard and
Alt reach it from any screen); triggering one shows its screen first. A change
a tab makes reloads the accounts (balances moved) and, after a statement
import or assignment, the invoices (payments mark them paid).

It knows the window only as the `TabHost` it needs, so the import runs one
way: `main_window` → `window_tabs`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QStatusBar, QWidget

from backoffice.exports import WriteResult
from ui.report_dialog import ReportDialog
from ui.screen_parts import make_action
from ui.session import business_date

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from backoffice.domain import AccountView
    from ui.account_table import AccountTableModel
    from ui.invoices_tab import InvoicesTab
    from ui.statements_tab import StatementsTab


class TabHost(Protocol):
    """What of the main window the tabs are wired into."""

    statements_tab: StatementsTab
    invoices_tab: InvoicesTab
    accounts: AccountTableModel
    file_menu: QMenu
    account_menu: QMenu
    view_menu: QMenu
    quit_action: QAction

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str: ...

    def menuBar(self) -> QMenuBar: ...

    def statusBar(self) -> QStatusBar: ...

    def current_account(self) -> AccountView | None: ...

    def show_widget(self, widget: QWidget) -> None: ...


STATUS_MESSAGE_MS = 10_000


@dataclass(frozen=True)
class TabActions:
    """The window-level actions made here (the tabs own theirs)."""

    report: QAction
    topup_invoice: QAction


def install_tabs(window: TabHost, engine: Engine, settings: QSettings) -> TabActions:
    statements, invoices = window.statements_tab, window.invoices_tab
    tr = window.tr

    menu = QMenu(tr("&Statements"), window)
    _fill(menu, statements.import_action, None, statements.undo_action)
    _fill(menu, statements.export_batches_action, None, statements.assign_action)
    _fill(menu, statements.ignore_action, statements.export_unmatched_action)
    window.menuBar().insertMenu(window.view_menu.menuAction(), menu)
    menu = QMenu(tr("&Invoices"), window)
    _fill(menu, invoices.run_action, invoices.topup_invoice_action, invoices.cancel_action, None)
    _fill(menu, invoices.print_action, invoices.print_listed_action, invoices.print_acts_action)
    _fill(menu, None, invoices.export_action)
    window.menuBar().insertMenu(window.view_menu.menuAction(), menu)

    def open_report() -> None:
        account = window.current_account()
        dialog = ReportDialog(
            engine, settings, business_date(), window, account=account.number if account else None
        )
        dialog.exported.connect(lambda result: _saved(window, result))
        dialog.exec()
        dialog.deleteLater()

    report = make_action(
        window,
        tr("Export &report…"),
        open_report,
        tr("Write a report (turnover, registers, debtors…) to an Excel workbook"),
        "Ctrl+Shift+E",
    )
    window.file_menu.insertAction(window.quit_action, report)
    window.file_menu.insertSeparator(window.quit_action)

    def topup_invoice() -> None:
        account = window.current_account()
        invoices.open_topup_invoice(account.number if account else None)

    topup_invoice_action = make_action(
        window,
        tr("Issue top-up &invoice…"),
        topup_invoice,
        tr("Issue an invoice for a sum the selected account's client asked to top up"),
    )
    window.account_menu.addAction(topup_invoice_action)

    for tab in (statements, invoices):
        tab.reveal.connect(lambda tab=tab: window.show_widget(tab))
        tab.message.connect(lambda text: window.statusBar().showMessage(text, STATUS_MESSAGE_MS))
        tab.changed.connect(lambda: window.accounts.reload(keep_loaded=True))
    statements.changed.connect(
        lambda: invoices.reload(keep_loaded=True) if invoices.loaded else None
    )
    return TabActions(report, topup_invoice_action)


def _fill(menu: QMenu, *actions: QAction | None) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)


def _saved(window: TabHost, result: WriteResult) -> None:
    window.statusBar().showMessage(
        window.tr("Report saved: {rows} rows in {path}").format(rows=result.rows, path=result.path),
        STATUS_MESSAGE_MS,
    )

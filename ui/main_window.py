"""The main window: a sidebar of screens (`ui.screens`) beside the screen shown.

Its own screen is the personal accounts on top and the current account's
ledger below; beside it the statements and invoices (`ui.statements_tab`,
`ui.invoices_tab`, wired by `ui.window_tabs`) and every screen the registry
lists (dashboard, closing, settings, outbox, …), each reached by a click, by
its Ctrl+digit shortcut or from View ▸ Go to. The status bar shows the
database, the user and the business date (`ui.session`), which can be set for
the session. File ▸ Export report… is `ui.report_dialog`.

It wires the pieces together and owns no business logic: the lists are
`AccountTableModel` / `LedgerTableModel`, postings are the dialogs' (each
calling one service), export is a background job, and every failure goes to
`ui.errors`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork, current_actor
from backoffice.domain import Access, AccountView, ClientKind, EntryKind, PostedEntry
from backoffice.permissions import current_principal
from backoffice.services.assigned_payments import assigned_payment
from backoffice.services.clients import show_account
from ui import account_table as at
from ui import errors, screens
from ui import ledger_table as lt
from ui.account_export import ExportResult, export_accounts
from ui.account_table import AccountTableModel
from ui.background import (
    ACCOUNTS,
    INVOICES,
    STATEMENTS,
    BackgroundOp,
    change_hub,
    wait_for_background_jobs,
)
from ui.backup_actions import BackupActions
from ui.format import display_url, format_amount
from ui.invoices_tab import InvoicesTab
from ui.languages import language_actions
from ui.ledger_table import LedgerTableModel, can_reverse
from ui.reason_dialog import ReasonDialog
from ui.reverse_dialog import ReverseDialog
from ui.screen_parts import empty_hint
from ui.session import business_date
from ui.statements_tab import StatementsTab
from ui.status_date import BusinessDateButton
from ui.topup_dialog import TopupDialog
from ui.unassign_dialog import unassign_dialog
from ui.window_tabs import install_tabs

if TYPE_CHECKING:
    from sqlalchemy import Engine

FILTER_DELAY_MS: Final = 300  # typing pauses this long before the list is queried
STATUS_MESSAGE_MS: Final = 10_000
MAX_COLUMN_CHARS: Final = 26  # the widest a column starts, in average characters
# Initial column widths from sample text; the user's own widths are restored
# from QSettings after the first run.
ACCOUNT_SAMPLES: Final = {
    at.NUMBER: "OR-0000000",
    at.KIND: "Sole proprietor",
    at.CODE: "ЄДРПОУ/РНОКПП",
    at.BALANCE: "-9 999 999,99",
    at.ACCESS: "Blocked: not enough money",
    at.LAST_TOPUP: "Last top-up",
}
LEDGER_SAMPLES: Final = {
    lt.DATE: "00.00.0000",
    lt.KIND: "Proration refund",
    lt.AMOUNT: "-9 999 999,99",
    lt.EUR: "-99 999,99",
    lt.RATE: "99,9999",
    lt.AUTHOR: "accountant",
    lt.ENTRY_ID: "00000000",
}


class MainWindow(QMainWindow):
    def __init__(
        self,
        engine: Engine,
        database_url: str,
        *,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        allowed: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        # Whether the user holds a permission (by name): the screens needing
        # one the user lacks are not built. Everyone may do everything until
        # users and roles are supplied.
        self._allowed = allowed or (lambda _permission: True)
        self._settings = settings if settings is not None else QSettings()
        self._exports: list[BackgroundOp] = []
        self._keep_account: str | None = None
        self.setWindowTitle(self.tr("Personal accounts"))

        self.accounts = AccountTableModel(engine, self)
        self.ledger = LedgerTableModel(engine, self)
        # The tabs work on the session's business date (the status bar sets it).
        self.statements_tab = StatementsTab(engine, self._settings, self, today=business_date)
        self.invoices_tab = InvoicesTab(engine, self._settings, self, today=business_date)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by client name, ЄДРПОУ/РНОКПП or account number   (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)

        self.account_view = self._table(self.accounts)
        self.ledger_view = self._table(self.ledger)
        self.ledger_title = QLabel()
        self.ledger_title.setTextFormat(Qt.TextFormat.RichText)
        self.count_label = QLabel()
        self.database_label = QLabel(
            self.tr("Database: {url}").format(url=display_url(database_url))
        )
        principal = current_principal()
        who = principal.name if principal is not None else current_actor()
        self.user_label = QLabel(self.tr("User: {name}").format(name=who))
        self.date_button = BusinessDateButton(self)

        self._make_actions()
        self._lay_out()
        self._connect()
        self._restore_settings()
        self._show_tab_tools(self.stack.currentIndex())
        change_hub().changed.connect(self.reload_changed)
        self.empty_hints = (
            empty_hint(self.account_view, self._no_accounts_hint),
            empty_hint(self.ledger_view, self._no_entries_hint),
        )
        # Turning sorting on sorts by the header's indicator: that is the first load.
        self.account_view.setSortingEnabled(True)
        self._update_actions()

    # -- building -------------------------------------------------------------

    def _table(self, model: AccountTableModel | LedgerTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setCornerButtonEnabled(False)
        view.verticalHeader().hide()
        rows = view.fontMetrics().height() + 8
        view.verticalHeader().setDefaultSectionSize(rows)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        return view

    def _make_actions(self) -> None:
        def action(
            text: str, shortcut: str | None, slot: Callable[[], object], tip: str
        ) -> QAction:
            made = QAction(text, self)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
            made.setStatusTip(tip)
            made.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            made.triggered.connect(slot)
            return made

        self.refresh_action = action(
            self.tr("&Refresh"), "F5", self.refresh, self.tr("Read the accounts again")
        )
        self.topup_action = action(
            self.tr("&Top-up…"),
            "Ctrl+T",
            self.open_topup,
            self.tr("Post a manual top-up to the selected account"),
        )
        self.reverse_action = action(
            self.tr("Re&verse entry…"),
            None,
            self.open_reverse,
            self.tr("Reverse the selected ledger entry"),
        )
        self.export_action = action(
            self.tr("&Export list…"),
            "Ctrl+E",
            self.choose_export_file,
            self.tr("Save the accounts as listed to an XLSX or CSV file"),
        )
        self.quit_action = action(self.tr("&Quit"), "Ctrl+Q", self.close, self.tr("Quit"))
        self.find_action = action(
            self.tr("&Filter accounts"),
            "Ctrl+F",
            self.focus_filter,
            self.tr("Filter the list of accounts"),
        )

        menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = menu
        menu.addAction(self.export_action)
        menu.addSeparator()
        self.backup_actions = BackupActions(self, self._engine, self.refresh)
        menu.addAction(self.backup_actions.backup_action)
        menu.addAction(self.backup_actions.restore_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        menu = self.menuBar().addMenu(self.tr("&Account"))
        menu.addAction(self.topup_action)
        menu.addAction(self.reverse_action)
        self.account_menu = menu
        menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu = menu
        menu.addAction(self.find_action)
        menu.addAction(self.refresh_action)
        menu.addSeparator()
        self.language_menu = menu.addMenu(self.tr("&Language"))
        self.language_actions = language_actions(self.language_menu, self._settings, self)
        for action in self.language_actions.values():
            action.triggered.connect(self._language_chosen)

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.toggleViewAction().setEnabled(False)  # never lose the toolbar by a stray click
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.refresh_action)
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)
        self.addToolBar(toolbar)
        # What acts on the selected account or entry: shown on the accounts tab only.
        self.account_toolbar = QToolBar(self.tr("Account"))
        self.account_toolbar.setObjectName("account_toolbar")
        self.account_toolbar.setMovable(False)
        self.account_toolbar.toggleViewAction().setEnabled(False)
        self.account_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.account_toolbar.addAction(self.topup_action)
        self.account_toolbar.addAction(self.reverse_action)
        self.addToolBar(self.account_toolbar)

        self.account_view.addAction(self.topup_action)
        self.account_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.ledger_view.addAction(self.reverse_action)
        self.ledger_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _lay_out(self) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(6, 6, 6, 0)
        filter_row = QHBoxLayout()
        label = QLabel(self.tr("&Filter:"))
        label.setBuddy(self.filter_edit)
        filter_row.addWidget(label)
        filter_row.addWidget(self.filter_edit, 1)
        top_layout.addLayout(filter_row)
        top_layout.addWidget(self.account_view)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(6, 0, 6, 0)
        bottom_layout.addWidget(self.ledger_title)
        bottom_layout.addWidget(self.ledger_view)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("accounts_ledger_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._build_screens()
        self.tab_actions = install_tabs(self, self._engine, self._settings)
        self.stack.currentChanged.connect(self._show_tab_tools)

        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.date_button)

        # The words of the kind and access columns in the window's language.
        account_samples = {
            **ACCOUNT_SAMPLES,
            at.KIND: max(map(at.kind_text, ClientKind), key=len),
            at.ACCESS: max(at.access_samples(), key=len),
        }
        kinds = max(map(lt.entry_kind_text, EntryKind), key=len)
        ledger_samples = {**LEDGER_SAMPLES, lt.KIND: kinds}
        self._initial_widths(self.account_view, account_samples, stretch=at.CLIENT)
        self._initial_widths(self.ledger_view, ledger_samples, stretch=lt.COMMENT)
        self.account_view.horizontalHeader().setSortIndicator(
            at.NUMBER, Qt.SortOrder.AscendingOrder
        )
        # A first run fills most of a laptop screen; later runs restore the user's size.
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width() * 9 // 10), min(800, screen.height() * 9 // 10))

    def _build_screens(self) -> None:
        """The sidebar and the stack of screens, in the registry's order."""
        own: dict[str, QWidget] = {
            "accounts": self.splitter,
            "statements": self.statements_tab,
            "invoices": self.invoices_tab,
        }
        self.stack = QStackedWidget()
        self.stack.setObjectName("main_screens")
        self.nav = QListWidget()
        self.nav.setObjectName("main_navigation")
        self.nav.setAccessibleName(self.tr("Screens"))
        self.nav.setSpacing(1)
        self.screens: dict[str, QWidget] = {}
        self.screen_entries: dict[str, screens.ScreenEntry] = {}
        self.go_menu = self.view_menu.addMenu(self.tr("&Go to"))
        self.screen_actions: dict[str, QAction] = {}
        for entry, made in screens.available(self._allowed):
            widget = (
                own.get(entry.key) if made is None else made(self._engine, self._settings, self)
            )
            if widget is None:
                continue
            self.screens[entry.key] = widget
            self.screen_entries[entry.key] = entry
            self.stack.addWidget(widget)
            title = entry.translated_title()
            item = QListWidgetItem(title)
            if entry.icon is not None:
                item.setIcon(self.style().standardIcon(entry.icon))
            if entry.shortcut:
                shortcut = QKeySequence(entry.shortcut).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
                item.setToolTip(f"{title} ({shortcut})")
            self.nav.addItem(item)
            go = QAction(title, self)
            if entry.shortcut:
                go.setShortcut(QKeySequence(entry.shortcut))
                go.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            go.setStatusTip(self.tr("Show the screen “{screen}”").format(screen=title))
            go.triggered.connect(lambda _checked=False, key=entry.key: self.show_screen(key))
            self.go_menu.addAction(go)
            self.addAction(go)  # the shortcut works whatever has the focus
            self.screen_actions[entry.key] = go
            if hasattr(widget, "open_screen"):
                widget.open_screen.connect(self.show_screen)
            if hasattr(widget, "message"):
                widget.message.connect(
                    lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS)
                )
            if hasattr(widget, "reload_changed") and made is not None:
                change_hub().changed.connect(widget.reload_changed)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.stack.currentChanged.connect(self._follow_stack)
        metrics = self.nav.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())),
            default=100,
        )
        self.nav.setMinimumWidth(min(widest + 48, 240))

        self.nav_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.nav_splitter.setObjectName("navigation_splitter")
        self.nav_splitter.setChildrenCollapsible(False)
        self.nav_splitter.addWidget(self.nav)
        self.nav_splitter.addWidget(self.stack)
        self.nav_splitter.setStretchFactor(0, 0)
        self.nav_splitter.setStretchFactor(1, 1)
        self.nav_splitter.setSizes([self.nav.minimumWidth(), 1000])
        self.setCentralWidget(self.nav_splitter)
        self.nav.setCurrentRow(0)

    def _follow_stack(self, index: int) -> None:
        """The sidebar marks the screen shown, however it was reached."""
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)

    def show_screen(self, key: str) -> bool:
        """Show the screen `key` of `ui.screens`; False if it is not in this window."""
        widget = self.screens.get(key)
        if widget is None:
            return False
        self.stack.setCurrentWidget(widget)
        return True

    def show_widget(self, widget: QWidget) -> None:
        self.stack.setCurrentWidget(widget)

    def current_screen(self) -> str | None:
        current = self.stack.currentWidget()
        return next((key for key, widget in self.screens.items() if widget is current), None)

    def _initial_widths(self, view: QTableView, samples: dict[int, str], stretch: int) -> None:
        header = view.horizontalHeader()
        metrics = view.fontMetrics()
        model = view.model()
        for column, sample in samples.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            text_width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            # A long block reason is in the tooltip and the ledger's title: the
            # client's name keeps its room.
            text_width = min(text_width, metrics.averageCharWidth() * MAX_COLUMN_CHARS)
            header.resizeSection(column, text_width + 28)  # padding + sort arrow
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self.filter_timer.start)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.filter_timer.timeout.connect(self.apply_filter)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_edit)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.filter_edit.clear)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filter_edit)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._leave_filter)
        self.accounts.total_changed.connect(self._show_total)
        self.accounts.load_failed.connect(self._show_load_error)
        self.ledger.load_failed.connect(self._show_load_error)
        self.accounts.modelAboutToBeReset.connect(self._remember_account)
        self.accounts.modelReset.connect(self._restore_account)
        self.account_view.selectionModel().currentRowChanged.connect(self._on_account_changed)
        self.ledger_view.selectionModel().currentRowChanged.connect(self._update_actions)
        self.ledger.modelReset.connect(self._update_actions)
        self.account_view.activated.connect(self.open_client_card)

    def open_client_card(self) -> QWidget | None:
        """Enter or a double click on an account opens its client card."""
        account = self.current_account()
        if account is None:
            return None
        try:
            from ui.clients.client_card import open_client_card
        except ImportError:  # a build without the clients screen
            return None
        return open_client_card(self._engine, account.number, self, today=business_date())

    # -- what the user does ---------------------------------------------------

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def apply_filter(self) -> None:
        self.filter_timer.stop()
        self.accounts.set_filter(self.filter_edit.text())

    def _leave_filter(self) -> None:
        """↓ in the filter: apply it now and go to the list, as in a search box."""
        self.apply_filter()
        self.account_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh(self) -> None:
        self.accounts.reload(keep_loaded=True)
        current = self.stack.currentWidget()
        if isinstance(current, InvoicesTab):
            current.reload(keep_loaded=True)
        elif isinstance(current, StatementsTab):
            current.reload()
        elif hasattr(current, "refresh"):
            current.refresh()
        self.statusBar().showMessage(self.tr("Refreshed"), 2_000)

    def current_account(self) -> AccountView | None:
        index = self.account_view.currentIndex()
        return self.accounts.account(index.row()) if index.isValid() else None

    def current_entry(self) -> PostedEntry | None:
        index = self.ledger_view.currentIndex()
        return self.ledger.entry(index.row()) if index.isValid() else None

    def select_account(self, number: str, *, fetch_pages: int = 5) -> bool:
        """Make `number` the current account, loading up to `fetch_pages` more
        pages to find it (a top-up can move it down a list sorted by balance)."""
        row = self.accounts.row_of(number)
        while row is None and fetch_pages > 0 and self.accounts.canFetchMore(QModelIndex()):
            self.accounts.fetchMore(QModelIndex())
            fetch_pages -= 1
            row = self.accounts.row_of(number)
        if row is None:
            return False
        self._select_row(self.account_view, row)
        return True

    def make_topup_dialog(self) -> TopupDialog | None:
        account = self.current_account()
        if account is None:
            return None
        try:  # the balance as it is now, not as it was when the list was read
            with UnitOfWork(self._engine, read_only=True) as uow:
                account = show_account(uow, account.number)
        except Exception as exc:
            errors.show_error(self, exc)
            return None
        dialog = TopupDialog(self._engine, account, self)
        dialog.posted.connect(self._on_posted)
        return dialog

    def open_topup(self) -> None:
        dialog = self.make_topup_dialog()
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()

    def make_reverse_dialog(self) -> ReverseDialog | ReasonDialog | None:
        """A reversal; for a top-up from a bank payment, the unassignment that
        also returns the payment to the unmatched queue."""
        entry = self.current_entry()
        if entry is None or not can_reverse(entry):
            return None
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                payment = assigned_payment(uow, entry.id)
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Cannot read the database"))
            return None
        if payment is not None:
            return unassign_dialog(self, self._engine, entry, payment)
        dialog = ReverseDialog(self._engine, entry, self)
        dialog.posted.connect(self._on_posted)
        return dialog

    def open_reverse(self) -> None:
        dialog = self.make_reverse_dialog()
        if dialog is None:
            return
        if dialog.exec() and isinstance(dialog, ReasonDialog):
            self.after_unassign()
        dialog.deleteLater()

    def after_unassign(self) -> None:
        """The payment is back in the queue: the balance, the ledger and the queue moved."""
        self.accounts.reload(keep_loaded=True)
        if self.statements_tab.loaded:
            self.statements_tab.reload()
        self.statusBar().showMessage(
            self.tr("Top-up reversed; the payment is back among the unmatched payments"),
            STATUS_MESSAGE_MS,
        )

    def choose_export_file(self) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, StatementsTab | InvoicesTab):  # Ctrl+E exports the list shown
            current.export_current()
            return
        folder = str(self._settings.value("export/folder", str(Path.home())))
        suggested = Path(folder) / f"accounts-{dt.date.today().isoformat()}.xlsx"
        xlsx = self.tr("Excel workbook (*.xlsx)")
        csv = self.tr("CSV for Excel, semicolon-separated (*.csv)")
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export accounts"), str(suggested), f"{xlsx};;{csv}"
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".csv" if chosen == csv else ".xlsx")
        self._settings.setValue("export/folder", str(path.parent))
        self.start_export(path)

    def start_export(self, path: Path) -> BackgroundOp:
        """Write the list as filtered and sorted now; the window stays usable."""
        query = self.accounts.query
        op = BackgroundOp(
            self,
            lambda progress: export_accounts(self._engine, query, path, progress),
            label=self.tr("Exporting {n} accounts to {name}…").format(
                n=QLocale().toString(self.accounts.total), name=path.name
            ),
        )
        op.done.connect(self._on_exported)
        op.cancelled.connect(
            lambda: self.statusBar().showMessage(self.tr("Export cancelled"), STATUS_MESSAGE_MS)
        )
        op.finished.connect(lambda: self._forget(op))
        self._exports.append(op)
        return op.start()

    # -- reactions --------------------------------------------------------------

    def _on_posted(self, entry: PostedEntry) -> None:
        """After a top-up or reversal: the balance and the ledger changed."""
        self.accounts.reload(keep_loaded=True)  # reselects the account, reloads its ledger
        row = self.ledger.row_of(entry.id)
        if row is not None:
            self._select_row(self.ledger_view, row)
        self.statusBar().showMessage(
            self.tr("Entry {id}: {amount} UAH posted to account {account}").format(
                id=entry.id, amount=format_amount(entry.amount, signed=True), account=entry.account
            ),
            STATUS_MESSAGE_MS,
        )

    def _on_exported(self, result: ExportResult) -> None:
        self.statusBar().showMessage(
            self.tr("Exported {n} accounts to {path}").format(
                n=QLocale().toString(result.rows), path=result.path
            ),
            STATUS_MESSAGE_MS,
        )

    def _show_load_error(self, exc: BaseException) -> None:
        errors.show_error(self, exc, self.tr("Cannot read the database"))

    def _forget(self, op: BackgroundOp) -> None:
        if op in self._exports:
            self._exports.remove(op)
        op.deleteLater()

    def _on_account_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        account = self.accounts.account(current.row()) if current.isValid() else None
        self.ledger.show_account(account.number if account else None)
        if account is None:
            self.ledger_title.setText(self.tr("<b>Ledger</b> — no account selected"))
        else:
            title = self.tr("<b>Ledger of {number}</b> — {client}, balance {balance} UAH").format(
                number=account.number,
                client=html.escape(account.client_name),
                balance=format_amount(account.balance),
            )
            if account.access is Access.BLOCKED:  # say why, where the accountant looks
                why = html.escape(at.access_with_reason(account))
                title += f" · <span style='color:#c62828'>{why}</span>"
            self.ledger_title.setText(title)
        if self.ledger.rowCount():
            self.ledger_view.scrollToBottom()  # the latest entries are what one looks for
        self._update_actions()

    def _remember_account(self) -> None:
        account = self.current_account()
        self._keep_account = account.number if account else self._keep_account

    def _restore_account(self) -> None:
        """After the list was read again: the same account if it is still listed,
        else the first one, so the ledger never shows an account not in the list."""
        number, self._keep_account = self._keep_account, None
        if number is not None and self.select_account(number):
            return
        if self.accounts.rowCount():
            self._select_row(self.account_view, 0)
        else:
            self._on_account_changed(QModelIndex(), QModelIndex())

    def _select_row(self, view: QTableView, row: int) -> None:
        index = view.model().index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        view.selectionModel().setCurrentIndex(index, flags)
        view.scrollTo(index)

    def _show_total(self, total: int) -> None:
        # %Ln: the number grouped as the system locale writes it (20 000 in Ukrainian).
        text = (
            self.tr("%Ln account", "", total) if total == 1 else self.tr("%Ln accounts", "", total)
        )
        if self.accounts.query.text:
            text += " " + self.tr("matching “{text}”").format(text=self.accounts.query.text)
        self.count_label.setText(text)

    def reload_changed(self, changed: frozenset[str]) -> None:
        """After a background operation: read again only the lists it changed
        (and of the tabs, only those already read)."""
        if ACCOUNTS in changed:
            self.accounts.reload(keep_loaded=True)
        if STATEMENTS in changed and self.statements_tab.loaded:
            self.statements_tab.reload()
        if INVOICES in changed and self.invoices_tab.loaded:
            self.invoices_tab.reload(keep_loaded=True)

    def _language_chosen(self) -> None:
        self.statusBar().showMessage(
            self.tr("The language changes when the program is started again"), STATUS_MESSAGE_MS
        )

    def _no_accounts_hint(self) -> str:
        if self.accounts.query.text:
            return self.tr("No personal account matches “{text}”. Esc clears the filter.").format(
                text=self.accounts.query.text
            )
        return self.tr(
            "No clients yet. Clients and their personal accounts are added by importing "
            "the clients' workbook; then top-ups and statements fill the balances."
        )

    def _no_entries_hint(self) -> str:
        if self.ledger.account_number is None:
            return self.tr("Choose an account above to see its entries.")
        return self.tr(
            "No entries on this account yet: a top-up (Ctrl+T) or an imported statement adds them."
        )

    def _show_tab_tools(self, index: int) -> None:
        """Top-up, Reverse and the accounts count belong to the accounts tab only."""
        on_accounts = self.stack.widget(index) is self.splitter
        self.account_toolbar.setVisible(on_accounts)
        self.count_label.setVisible(on_accounts)

    def _update_actions(self) -> None:
        self.topup_action.setEnabled(self.current_account() is not None)
        entry = self.current_entry()
        self.reverse_action.setEnabled(entry is not None and can_reverse(entry))

    # -- settings -----------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self._settings
        for key, restore in (
            ("main/geometry", self.restoreGeometry),
            ("main/state", self.restoreState),
            ("main/splitter", self.splitter.restoreState),
            ("main/navigation", self.nav_splitter.restoreState),
            ("main/accounts_header", self.account_view.horizontalHeader().restoreState),
            ("main/ledger_header", self.ledger_view.horizontalHeader().restoreState),
        ):
            value = s.value(key)
            if isinstance(value, QByteArray):
                restore(value)
        # The screen of the last session; the overview on the first start.
        self.show_screen(str(s.value("main/screen", "dashboard")))

    def save_settings(self) -> None:
        s = self._settings
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/navigation", self.nav_splitter.saveState())
        s.setValue("main/screen", self.current_screen() or "dashboard")
        s.setValue("main/accounts_header", self.account_view.horizontalHeader().saveState())
        s.setValue("main/ledger_header", self.ledger_view.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        for op in [*self._exports, *self.statements_tab.jobs, *self.invoices_tab.jobs]:
            op.cancel()
        for screen in self.screens.values():
            for op in getattr(screen, "jobs", ()):
                if op not in (*self.statements_tab.jobs, *self.invoices_tab.jobs):
                    op.cancel()
        wait_for_background_jobs()
        super().closeEvent(event)

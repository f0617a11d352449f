"""`backoffice-gui`: open the database and show the main window.

    backoffice-gui [--db URL] [--connect] [--screenshot PATH]

The database is `--db`, else `BACKOFFICE_DB`, else the PostgreSQL server this
workstation last connected to through the connection dialog (`--connect`
opens that dialog first), else the file in the user's data folder
(ui/connection/startup.py). A server that cannot be reached opens the dialog.
A database whose schema is behind the program is upgraded only when the user
agrees; nothing else is started first.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from backoffice.db.engine import make_engine
from backoffice.db.schema import current_revision, head_revision
from backoffice.permissions import Permission, current_principal
from backoffice.services import backup
from ui import errors
from ui.collector import GuiThreadCollector
from ui.connection import reconnect, startup
from ui.format import display_url
from ui.languages import chosen_language, install_translations
from ui.main_window import MainWindow
from ui.users.login_dialog import log_in_at_start

if TYPE_CHECKING:
    from sqlalchemy import Engine

ICON = (
    Path(__file__).resolve().parent.parent / "backoffice" / "resources" / "icons" / "backoffice.svg"
)
SCREENSHOT_DELAY_MS = 300


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(
        prog="backoffice-gui", description="Back-office billing: personal accounts and ledgers."
    )
    parser.add_argument("--db", help="database URL (default: $BACKOFFICE_DB or the user's file)")
    parser.add_argument(
        "--connect", action="store_true", help="choose the PostgreSQL server in a dialog first"
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PATH",
        help="save a PNG of the main window once it is filled, then quit",
    )
    # What argparse does not know (-style, -platform, …) is Qt's.
    return parser.parse_known_args(argv)


def make_application(qt_args: list[str]) -> QApplication:
    app = QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName("backoffice")
    app.setApplicationName("backoffice")
    install_translations(app, chosen_language(QSettings()))
    app.setApplicationDisplayName(QApplication.translate("app", "Back office"))
    if ICON.is_file():  # package data of backoffice, beside ui/ when installed
        app.setWindowIcon(QIcon(str(ICON)))
    GuiThreadCollector(app).start()
    return app


def open_database(url: str, parent: QWidget | None = None) -> Engine | None:
    """The engine for `url` with its schema at the program's revision, or None
    (the user was told why). An older schema is upgraded if the user agrees."""
    tr = QApplication.translate
    shown = display_url(url)
    try:
        engine = make_engine(url)
        revision = current_revision(engine)
    except Exception as exc:  # a malformed URL, a server down, a file that is no database
        errors.show_error(parent, exc, tr("app", "Cannot open {url}").format(url=shown))
        return None
    head = head_revision()
    if revision == head:
        return engine
    if revision is None:
        question = tr("app", "The database {url} is empty.\n\nCreate the tables now?")
    else:
        question = tr(
            "app",
            "The database {url} has schema {revision}; this program needs {head}.\n\n"
            "Upgrade it now? Make a backup first if other people use it, and make sure "
            "nobody works in it with an older program.",
        )
    answer = QMessageBox.question(
        parent,
        tr("app", "Database schema"),
        question.format(url=shown, revision=revision, head=head),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        backup.upgrade_with_backup(engine)  # an SQLite file is backed up first
    except Exception as exc:
        QGuiApplication.restoreOverrideCursor()
        errors.show_error(parent, exc, tr("app", "Schema upgrade failed"))
        return None
    QGuiApplication.restoreOverrideCursor()
    return engine


def permitted(permission: str) -> bool:
    """Whether the logged-in user may use a screen needing `permission` (a
    `Permission` member's name); single-user databases allow everything."""
    principal = current_principal()
    return principal is None or principal.may(Permission[permission])


def take_screenshot(window: MainWindow, path: Path) -> None:
    """Save the filled window as PNG and quit (docs, and a look under Xvfb)."""

    def grab() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(path), "PNG")
        window.close()
        QApplication.exit(0 if ok else 1)

    QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application(qt_args)
    url = startup.start_url(args.db, QSettings(), choose=args.connect)
    engine = open_database(url) if url is not None else None
    if engine is None:
        return 1
    reconnect.watch(engine)  # a lost server: Retry in the error box comes back to it
    go_on, _who = log_in_at_start(engine)  # the window's units of work act as this user
    if not go_on:
        return 1
    settings = None
    if args.screenshot is not None:  # the default layout, not this user's
        scratch = Path(tempfile.mkdtemp(prefix="backoffice-screenshot-"))
        settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(engine, url, settings=settings, allowed=permitted)
    window.show()
    # What start-up made lives as long as the program: keep it out of the
    # collector's full passes, which run in the GUI thread (ui.collector) and
    # would otherwise rescan it all, a stall of hundreds of milliseconds.
    gc.freeze()
    if args.screenshot is not None:
        take_screenshot(window, args.screenshot)
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Which database the window opens at start, when a server is involved.

`--db` or BACKOFFICE_DB win, as for the CLI. Without them, a workstation
that connected to a PostgreSQL server through the dialog goes back to it
(its password from the keyring, else asked); otherwise it opens the user's
SQLite file. A server that cannot be reached opens the dialog with the
reason, instead of ending the program.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from backoffice.db import server_connection
from backoffice.db.engine import ENV_DB, resolve_database_url
from ui import errors
from ui.connection.connection_dialog import ask_connection, remembered_url, saved_connection


def start_url(cli_db: str | None, settings: QSettings, *, choose: bool = False) -> str | None:
    """The URL to open, or None when the user cancelled the dialog."""
    if choose:
        return reachable(ask_connection(settings), settings)
    if cli_db or os.environ.get(ENV_DB):
        return reachable(resolve_database_url(cli_db), settings)
    if saved_connection(settings) is not None:
        return reachable(remembered_url(settings) or ask_connection(settings), settings)
    return resolve_database_url(None)


def reachable(url: str | None, settings: QSettings, parent: QWidget | None = None) -> str | None:
    """`url` once its server answers; a server URL that fails goes back to the
    dialog with the reason, until it answers or the user cancels. A SQLite
    URL is returned as it is (opening it says what is wrong)."""
    while url is not None:
        server = server_connection.from_url(url)
        if server is None:
            return url
        try:
            server_connection.try_connection(url)
        except Exception as exc:  # a server down, a wrong password, no such database
            reason = errors.error_text(exc)
            detail = _first_line(exc)
            message = QApplication.translate(
                "connection", "Could not connect to {server}: {reason}\n{detail}"
            ).format(
                server=f"{server.host}:{server.port}/{server.database}",
                reason=reason,
                detail=detail,
            )
            url = ask_connection(settings, parent, initial=server, message=message)
            continue
        return url
    return None


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(exc).__name__

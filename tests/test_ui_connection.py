"""The connection dialog and a server lost mid-work (issue 15, item 4).

The keyring is an in-memory fake (tests/test_secrets.py's); without it
(conftest turns the real one off) the password is asked each time. The lost
server is simulated by `pg_terminate_backend` of the session's connection
from another connection, which is what the client sees when the server
restarts or the network drops.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from backoffice.db.engine import UnitOfWork, make_engine
from backoffice.db.server_connection import ServerConnection, from_url
from backoffice.services import integrity, payments
from tests.helpers import D, add_legal, day
from tests.test_billing import state
from tests.test_secrets import MemoryKeyring
from tests.test_secrets import memory_keyring as memory_keyring
from ui import errors
from ui.background import change_hub
from ui.connection import reconnect, startup
from ui.connection.connection_dialog import ConnectionDialog, remembered_url, saved_connection

Factory = Callable[..., UnitOfWork]
PASSWORD = "п@ss:w/rd#1"
only_postgres = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def _no_engine_watched_after_the_test() -> Iterator[None]:
    yield
    reconnect._engines.clear()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _fill(dialog: ConnectionDialog, password: str = PASSWORD) -> None:
    dialog.host_edit.setText("db.office.local")
    dialog.port_edit.setValue(5433)
    dialog.database_edit.setText("books")
    dialog.user_edit.setText("olena")
    dialog.password_edit.setText(password)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_remembered_password_goes_to_the_keyring_never_to_the_settings(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    dialog = ConnectionDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.remember_box.isEnabled()
    _fill(dialog)
    dialog.remember_box.setChecked(True)
    dialog.accept()

    url = make_url(dialog.url())
    assert (url.host, url.port, url.database, url.username, url.password) == (
        "db.office.local",
        5433,
        "books",
        "olena",
        PASSWORD,
    )
    saved = (tmp_path / "settings.ini").read_text()
    assert "db.office.local" in saved and "olena" in saved
    assert PASSWORD not in saved and "ss:w" not in saved
    assert list(memory_keyring.entries.items()) == [
        (("backoffice", "postgresql/olena@db.office.local:5433/books"), PASSWORD)
    ]
    # The next start: the same server, its password from the keyring.
    assert saved_connection(settings) == ServerConnection("db.office.local", 5433, "books", "olena")
    assert remembered_url(settings) == dialog.url()
    again = ConnectionDialog(settings)
    qtbot.addWidget(again)
    assert again.password_edit.text() == PASSWORD
    assert again.remember_box.isChecked()
    # Unticked: forgotten.
    again.remember_box.setChecked(False)
    again.accept()
    assert memory_keyring.entries == {}
    assert remembered_url(settings) is None


def test_without_a_keyring_the_password_is_asked_each_time(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = ConnectionDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.remember_box.isEnabled()
    assert "never written to disk" in dialog.remember_box.toolTip()
    _fill(dialog)
    dialog.accept()
    assert make_url(dialog.url()).password == PASSWORD
    assert PASSWORD not in (tmp_path / "settings.ini").read_text()
    assert remembered_url(settings) is None
    again = ConnectionDialog(settings)
    qtbot.addWidget(again)
    assert again.host_edit.text() == "db.office.local" and again.password_edit.text() == ""


def test_connect_needs_server_database_and_user(qtbot: QtBot, settings: QSettings) -> None:
    dialog = ConnectionDialog(settings)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.user_edit.setText("")
    assert not ok.isEnabled() and not dialog.test_button.isEnabled()
    _fill(dialog)
    assert ok.isEnabled() and dialog.test_button.isEnabled()
    assert not dialog.test_button.autoDefault()  # Enter connects, never tests by surprise


@only_postgres
def test_test_connection_says_what_the_server_answered(
    qtbot: QtBot, settings: QSettings, db_url: str
) -> None:
    url = make_url(db_url)
    dialog = ConnectionDialog(settings)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText(url.host or "")
    dialog.port_edit.setValue(url.port or 5432)
    dialog.database_edit.setText(url.database or "")
    dialog.user_edit.setText(url.username or "")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "PostgreSQL" in dialog.status.text(), timeout=20_000)
    assert dialog.status.text().startswith("Connected: PostgreSQL 1")

    dialog.port_edit.setValue(_free_port())  # nobody listens there
    dialog.test_button.click()
    qtbot.waitUntil(
        lambda: "Connected" not in dialog.status.text() and "…" not in dialog.status.text(),
        timeout=20_000,
    )
    assert "cannot be reached" in dialog.status.text()


def test_a_server_that_does_not_answer_at_start_opens_the_dialog_with_the_reason(
    qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[ServerConnection | None, str]] = []

    def ask(_settings, _parent=None, *, initial=None, message=""):  # type: ignore[no-untyped-def]
        asked.append((initial, message))
        return None  # the user cancels

    monkeypatch.setattr(startup, "ask_connection", ask)
    url = f"postgresql://olena:x@127.0.0.1:{_free_port()}/books"
    assert startup.start_url(url, settings) is None
    assert asked[0][0] == ServerConnection("127.0.0.1", make_url(url).port or 0, "books", "olena")
    assert asked[0][1].startswith(f"Could not connect to 127.0.0.1:{make_url(url).port}/books")
    # A SQLite file never asks.
    assert startup.start_url("sqlite:///x.sqlite", settings) == "sqlite:///x.sqlite"
    assert from_url("sqlite:///x.sqlite") is None


def _terminate(db_url: str, pid: int) -> None:
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    admin.dispose()


@only_postgres
def test_a_lost_server_mid_posting_writes_nothing_and_the_next_action_works(
    qtbot: QtBot, db_url: str, engine: Engine, uow_factory: Factory
) -> None:
    account = add_legal(uow_factory)
    with pytest.raises(OperationalError) as lost, UnitOfWork(engine, actor="olena") as uow:
        payments.receive_topup(uow, account, D("500.00"), day("2026-11-12"), "оплата")
        uow.session.flush()  # the entry and the new balance are on the server, uncommitted
        pid = uow.session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        _terminate(db_url, pid)
        uow.commit()

    assert errors.connection_lost(lost.value)
    assert errors.error_text(lost.value) == (
        "The connection to the database server was lost, or it cannot be reached."
    )
    box = errors.error_box(None, lost.value)
    assert box.standardButtons() == (
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close
    )
    assert "the server undid all of it" in box.informativeText()
    # Nothing half-written; the next action gets a fresh connection (pre-ping).
    assert state(uow_factory, account)[0] == D("0.00")
    with uow_factory() as uow:
        payments.receive_topup(uow, account, D("500.00"), day("2026-11-12"), "оплата")
        uow.commit()
    assert state(uow_factory, account)[0] == D("500.00")
    with uow_factory(read_only=True) as uow:
        assert integrity.check_integrity(uow).ok

    # Retry: the server answers, and every screen is told to reload.
    reconnect.watch(engine)
    with qtbot.waitSignal(change_hub().changed, timeout=10_000) as reloaded:
        assert errors.retry_connection() is None
    assert "accounts" in reloaded.args[0]


def test_retry_while_the_server_is_still_down_says_so(qtbot: QtBot) -> None:
    down = make_engine(f"postgresql://nobody@127.0.0.1:{_free_port()}/books")
    reconnect.watch(down)
    try:
        still = errors.retry_connection()
        assert still is not None and errors.connection_lost(still)
    finally:
        down.dispose()


def test_other_database_errors_are_not_a_lost_server() -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError as SaOperational

    locked = SaOperational("INSERT …", {}, sqlite3.OperationalError("database is locked"))
    assert not errors.connection_lost(locked)
    assert errors.error_text(locked).startswith("Internal error")


@only_postgres
def test_a_window_operation_cut_off_by_the_server_is_shown_once_and_the_next_one_works(
    qtbot: QtBot,
    db_url: str,
    engine: Engine,
    uow_factory: Factory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.background import BackgroundOp

    account = add_legal(uow_factory)
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    parent = QWidget()
    qtbot.addWidget(parent)

    def cut_off(_progress: object) -> None:
        with UnitOfWork(engine, actor="olena") as uow:
            payments.receive_topup(uow, account, D("250.00"), day("2026-11-12"), "оплата")
            uow.session.flush()
            _terminate(db_url, uow.session.execute(text("SELECT pg_backend_pid()")).scalar_one())
            uow.commit()

    def post(_progress: object) -> None:
        with UnitOfWork(engine, actor="olena") as uow:
            payments.receive_topup(uow, account, D("250.00"), day("2026-11-12"), "оплата")
            uow.commit()

    first = BackgroundOp(parent, cut_off, label="…")
    with qtbot.waitSignal(first.finished, timeout=20_000):
        first.start()
    assert len(shown) == 1 and errors.connection_lost(shown[0])
    assert state(uow_factory, account)[0] == D("0.00")

    second = BackgroundOp(parent, post, label="…")
    with qtbot.waitSignal(second.done, timeout=20_000):
        second.start()
    assert len(shown) == 1
    assert state(uow_factory, account)[0] == D("250.00")

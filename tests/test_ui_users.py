"""The log-in dialog, the users screen and the window's refusal (pytest-qt, offscreen)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork
from backoffice.permissions import (
    Permission,
    PermissionDenied,
    Principal,
    Role,
    current_principal,
    set_current_principal,
)
from backoffice.services import users
from ui import errors
from ui.users.login_dialog import LoginDialog
from ui.users.users_screen import NewUserDialog, UsersScreen

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SHOTS = os.environ.get("BACKOFFICE_SCREENSHOTS")


@pytest.fixture(autouse=True)
def _nobody_logged_in() -> Iterator[None]:
    set_current_principal(None)
    yield
    set_current_principal(None)


@pytest.fixture
def team(engine: Engine, uow_factory: Callable[..., UnitOfWork]) -> Engine:
    with uow_factory() as uow:
        users.add_user(uow, "admin", Role.ADMIN, "admin password 1")
        uow.commit()
    with UnitOfWork(engine, principal=Principal("admin", Role.ADMIN)) as uow:
        users.add_user(uow, "olena", Role.ACCOUNTANT, "olena password 1")
        uow.commit()
    return engine


def _shot(widget: object, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))  # type: ignore[attr-defined]


def _ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_login_refuses_then_accepts(qtbot, team: Engine) -> None:
    dialog = LoginDialog(team)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("olena")
    dialog.password.setText("not her password")
    _ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.isVisible()
    assert "Wrong user name or password" in dialog.message.text()
    assert "5 failed attempts" in dialog.message.text()
    assert dialog.password.text() == ""
    _shot(dialog, "login-refused.png")
    dialog.password.setText("olena password 1")
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.principal == Principal("olena", Role.ACCOUNTANT)


def test_the_screen_adds_and_disables_users(qtbot, team: Engine, monkeypatch) -> None:
    set_current_principal(Principal("admin", Role.ADMIN))
    screen = UsersScreen(team, QSettings())
    qtbot.addWidget(screen)
    screen.resize(760, 360)
    screen.show()
    assert screen.title() == "Users"
    assert [u.name for u in screen.model.rows] == ["admin", "olena"]

    dialog = NewUserDialog(team, screen)
    qtbot.addWidget(dialog)
    dialog.name.setText("petro")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MANAGER.value))
    dialog.password.setText("petro password 1")
    dialog.again.setText("petro password 2")
    _ok(dialog)
    assert "differ" in dialog.message.text()
    dialog.again.setText("petro password 1")
    _ok(dialog)
    assert dialog.added is not None and dialog.added.role is Role.MANAGER
    screen.reload()
    assert [u.name for u in screen.model.rows] == ["admin", "olena", "petro"]

    screen.table.selectRow(2)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen.disable_button.click()
    qtbot.waitUntil(lambda: not screen.model.rows[2].active)
    index = screen.model.index(2, 2)
    assert screen.model.data(index, Qt.ItemDataRole.DisplayRole) == "disabled"
    _shot(screen, "users-screen.png")
    with pytest.raises(users.AuthenticationFailed):
        users.authenticate(team, "petro", "petro password 1")


def test_a_non_administrator_sees_no_list(qtbot, team: Engine) -> None:
    set_current_principal(Principal("olena", Role.ACCOUNTANT))
    screen = UsersScreen(team, QSettings())
    qtbot.addWidget(screen)
    assert screen.model.rows == []
    assert "Only an administrator" in screen.notice.text()
    assert not screen.add_button.isEnabled()


def test_the_window_words_a_refusal(qapp) -> None:
    refused = PermissionDenied(
        "user mary (role manager) may not close a month",
        Principal("mary", Role.MANAGER),
        Permission.CLOSE_MONTH,
    )
    assert errors.error_text(refused) == "User mary (manager) may not close a month."
    assert current_principal() is None


def test_the_window_shows_only_the_screens_the_role_may_use(
    qtbot: QtBot, engine: Engine, tmp_path: Path
) -> None:
    """An auditor reads the audit log and no settings; an accountant the reverse."""

    from backoffice.permissions import Principal, Role, set_current_principal
    from ui.app import permitted
    from ui.main_window import MainWindow

    shown: dict[Role, set[str]] = {}
    try:
        for role in (Role.AUDITOR, Role.ACCOUNTANT):
            set_current_principal(Principal("olena", role))
            settings = QSettings(str(tmp_path / f"{role}.ini"), QSettings.Format.IniFormat)
            window = MainWindow(engine, str(engine.url), settings=settings, allowed=permitted)
            qtbot.addWidget(window)
            shown[role] = set(window.screen_entries)
            assert "olena" in window.user_label.text()
    finally:
        set_current_principal(None)
    assert "audit" in shown[Role.AUDITOR] and "settings" not in shown[Role.AUDITOR]
    assert "settings" not in shown[Role.ACCOUNTANT] and "audit" not in shown[Role.ACCOUNTANT]
    assert "accounts" in shown[Role.AUDITOR] and "users" in shown[Role.ACCOUNTANT]

"""The log-in asked at start once the database has users (SPEC §14).

A database without users opens as before, single-user with full rights. The
refusal reads the same whatever went wrong (unknown name, wrong password,
disabled or locked user), so the dialog never tells who exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from backoffice.permissions import Principal, set_current_principal
from backoffice.services import users
from backoffice.services.users import AuthenticationFailed

if TYPE_CHECKING:
    from sqlalchemy import Engine


class LoginDialog(QDialog):
    """Name and password; `principal` is who logged in once accepted."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.principal: Principal | None = None
        self.setWindowTitle(self.tr("Log in"))
        self.setModal(True)

        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.name)
        form.addRow(self.tr("Password:"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Enter your user name and password."), self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _try(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        if not name or not password:
            self._refuse(self.tr("Enter the user name and the password."))
            return
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            # argon2 takes a moment on purpose; a log-in is one click, not a job
            self.principal = users.authenticate(self._engine, name, password)
        except AuthenticationFailed as refused:
            self._refuse(
                self.tr(
                    "Wrong user name or password, or this user may not log in now. "
                    "After {attempts} failed attempts a name is locked for {minutes} minutes."
                ).format(attempts=refused.attempts, minutes=refused.minutes)
            )
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()

    def _refuse(self, text: str) -> None:
        self.password.clear()
        self.message.setText(text)
        self.message.show()
        self.adjustSize()  # room for the message's lines
        self.password.setFocus()


def log_in_at_start(engine: Engine, parent: QWidget | None = None) -> tuple[bool, Principal | None]:
    """(go on, who): a database without users goes on single-user (None);
    with users, the dialog decides, and the principal becomes the process's
    (every unit of work of the window acts as that user)."""
    if not users.engine_has_users(engine):
        return True, None
    dialog = LoginDialog(engine, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.principal is None:
        return False, None
    set_current_principal(dialog.principal)
    return True, dialog.principal

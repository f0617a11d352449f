"""A new password: one's own (proving the old one) or, for an administrator,
anyone's (a reset)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.errors import BackofficeError
from backoffice.services import users
from ui import errors

if TYPE_CHECKING:
    from sqlalchemy import Engine


class PasswordDialog(QDialog):
    """Sets the password of `name`; asks for the old one when `own` is True."""

    def __init__(
        self, engine: Engine, name: str, *, own: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._name = name
        self._own = own
        self.setWindowTitle(
            self.tr("Change my password") if own else self.tr("New password for {name}")
        )
        self.setWindowTitle(self.windowTitle().format(name=name))
        self.old = QLineEdit(self)
        self.old.setObjectName("old")
        self.new = QLineEdit(self)
        self.new.setObjectName("new")
        self.again = QLineEdit(self)
        self.again.setObjectName("again")
        for edit in (self.old, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        if own:
            form.addRow(self.tr("Current password:"), self.old)
        else:
            self.old.hide()
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("The same again:"), self.again)
        hint = QLabel(
            self.tr("At least {count} characters.").format(count=users.MIN_PASSWORD_LENGTH), self
        )
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change password"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _save(self) -> None:
        if self.new.text() != self.again.text():
            self._refuse(self.tr("The two new passwords differ."))
            return
        try:
            with UnitOfWork(self._engine) as uow:
                users.change_password(
                    uow,
                    self._name,
                    self.new.text(),
                    old_password=self.old.text() if self._own else None,
                )
                uow.commit()
        except BackofficeError as exc:
            self._refuse(errors.error_text(exc))
            return
        self.accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

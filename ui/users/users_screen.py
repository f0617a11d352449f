"""The users screen (administrators): who may log in, with which role;
add, disable, enable, reset a password."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.errors import BackofficeError
from backoffice.permissions import Permission, Role, current_principal
from backoffice.services import users
from backoffice.services.users import UserView
from ui import errors
from ui.background import change_hub
from ui.format import format_date
from ui.users.password_dialog import PasswordDialog
from ui.users.words import role_text

if TYPE_CHECKING:
    from sqlalchemy import Engine

USERS = "users"  # what `change_hub().changed` names when users change

_Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UserView] = []

    def set_rows(self, rows: list[UserView]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("User"), self.tr("Role"), self.tr("State"), self.tr("Password changed"))[
            section
        ]

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        user = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return user.name
        if column == 1:
            return role_text(user.role)
        if column == 2:
            if not user.active:
                return self.tr("disabled")
            if user.locked_until is not None:
                return self.tr("locked until {time}").format(
                    time=user.locked_until.strftime("%H:%M")
                )
            return self.tr("active")
        return format_date(user.password_changed_at.date())


class NewUserDialog(QDialog):
    """Name, role and first password of a new user."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.added: UserView | None = None
        self.setWindowTitle(self.tr("New user"))
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role_text(role), role.value)
        self.role.setCurrentIndex(list(Role).index(Role.ACCOUNTANT))
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.again = QLineEdit(self)
        self.again.setObjectName("again")
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("The same again:"), self.again)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add user"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr("At least {count} characters.").format(count=users.MIN_PASSWORD_LENGTH),
                self,
            )
        )
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def _save(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("The two passwords differ."))
            self.message.show()
            return
        try:
            with UnitOfWork(self._engine) as uow:
                self.added = users.add_user(
                    uow, self.name.text(), Role(self.role.currentData()), self.password.text()
                )
                uow.commit()
        except BackofficeError as exc:
            self.message.setText(errors.error_text(exc))
            self.message.show()
            return
        self.accept()


class UsersScreen(QWidget):
    """Who may log in. Only administrators see the list; others are told so."""

    def __init__(self, engine: Engine, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self.model = UsersModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("users")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add user…"), self)
        self.disable_button = QPushButton(self.tr("Disable"), self)
        self.enable_button = QPushButton(self.tr("Enable"), self)
        self.password_button = QPushButton(self.tr("Reset password…"), self)
        self.own_password_button = QPushButton(self.tr("Change my password…"), self)
        for button in (
            self.add_button,
            self.disable_button,
            self.enable_button,
            self.password_button,
            self.own_password_button,
        ):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add)
        self.disable_button.clicked.connect(self._disable)
        self.enable_button.clicked.connect(self._enable)
        self.password_button.clicked.connect(self._reset_password)
        self.own_password_button.clicked.connect(self._own_password)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.disable_button,
            self.enable_button,
            self.password_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.own_password_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        change_hub().changed.connect(self.reload_changed)
        self.reload()

    def title(self) -> str:
        return self.tr("Users")

    def reload_changed(self, changed: frozenset[str]) -> None:
        if USERS in changed:
            self.reload()

    def reload(self) -> None:
        principal = current_principal()
        self.own_password_button.setVisible(principal is not None)
        if principal is not None and not principal.may(Permission.MANAGE_USERS):
            self.model.set_rows([])
            self.notice.setText(self.tr("Only an administrator manages users."))
            self.notice.show()
            self._update_buttons()
            return
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                rows = users.list_users(uow)
        except Exception as exc:
            errors.show_error_once(self, exc, self.tr("Users"))
            rows = []
        self.model.set_rows(rows)
        if not rows:
            self.notice.setText(
                self.tr(
                    "Nobody logs in yet: the program runs for one person with full rights. "
                    "The first user you add is an administrator; from then on everybody "
                    "logs in."
                )
            )
            self.notice.show()
        else:
            self.notice.hide()
        self._update_buttons()

    def selected(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        principal = current_principal()
        admin = principal is None or principal.may(Permission.MANAGE_USERS)
        user = self.selected()
        self.add_button.setEnabled(admin)
        self.disable_button.setEnabled(admin and user is not None and user.active)
        self.enable_button.setEnabled(
            admin and user is not None and (not user.active or user.locked_until is not None)
        )
        self.password_button.setEnabled(admin and user is not None)

    def _add(self) -> None:
        dialog = NewUserDialog(self._engine, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            change_hub().changed.emit(frozenset({USERS}))

    def _disable(self) -> None:
        user = self.selected()
        if user is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Disable user"),
            self.tr("Disable {name}? They will no longer be able to log in.").format(
                name=user.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._change(users.disable_user, user.name)

    def _enable(self) -> None:
        user = self.selected()
        if user is not None:
            self._change(users.enable_user, user.name)

    def _change(self, service: Any, name: str) -> None:
        try:
            with UnitOfWork(self._engine) as uow:
                service(uow, name)
                uow.commit()
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Users"))
            return
        change_hub().changed.emit(frozenset({USERS}))

    def _reset_password(self) -> None:
        user = self.selected()
        if user is not None:
            PasswordDialog(self._engine, user.name, own=False, parent=self).exec()

    def _own_password(self) -> None:
        principal = current_principal()
        if principal is not None:
            PasswordDialog(self._engine, principal.name, own=True, parent=self).exec()

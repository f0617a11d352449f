"""Connect to a server…: the PostgreSQL server a workstation works on.

Server, port, database and user are kept in QSettings (group "connection");
the password never is. With "Remember the password" it goes to the OS
keyring (`ServerConnection.remember_password`) where one is usable; where
none is, the box is disabled and the password is asked at every start.
"Test connection" connects once off the GUI thread and says what happened.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backoffice import secret_store
from backoffice.db import server_connection
from backoffice.db.server_connection import DEFAULT_PORT, ServerConnection
from backoffice.errors import BackofficeError
from ui import errors
from ui.background import BackgroundOp

GROUP = "connection"
# Tests still connecting: kept alive even if their dialog is closed first, so
# the thread never runs a job whose Python objects were freed under it.
_running: set[BackgroundOp] = set()
ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"


def saved_connection(settings: QSettings) -> ServerConnection | None:
    """The server this workstation connected to last, or None."""
    host = str(settings.value(f"{GROUP}/host", "") or "")
    if not host:
        return None
    try:
        port = int(settings.value(f"{GROUP}/port", DEFAULT_PORT))
    except (TypeError, ValueError):
        port = DEFAULT_PORT
    return ServerConnection(
        host,
        port,
        str(settings.value(f"{GROUP}/database", "") or ""),
        str(settings.value(f"{GROUP}/user", "") or ""),
    )


def save_connection(settings: QSettings, server: ServerConnection) -> None:
    """Where to connect, without the password (that is the keyring's or nobody's)."""
    settings.setValue(f"{GROUP}/host", server.host)
    settings.setValue(f"{GROUP}/port", server.port)
    settings.setValue(f"{GROUP}/database", server.database)
    settings.setValue(f"{GROUP}/user", server.user)
    settings.remove(f"{GROUP}/password")  # an old or hand-made one: never kept here
    settings.sync()


class ConnectionDialog(QDialog):
    """After `exec()` returns Accepted, `url()` is the URL to open."""

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        initial: ServerConnection | None = None,
        message: str = "",
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._url = ""
        self._test: BackgroundOp | None = None
        self.setWindowTitle(self.tr("Connect to the database server"))
        self.setMinimumWidth(460)
        start = initial or saved_connection(settings)

        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(bool(message))

        self.host_edit = QLineEdit(start.host if start else "")
        self.host_edit.setPlaceholderText(self.tr("e.g. db.office.local or 192.168.1.10"))
        self.port_edit = QSpinBox()
        self.port_edit.setRange(1, 65535)
        self.port_edit.setValue(start.port if start else DEFAULT_PORT)
        self.port_edit.setGroupSeparatorShown(False)
        self.database_edit = QLineEdit(start.database if start else "backoffice")
        self.user_edit = QLineEdit(start.user if start else "")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self.tr("&Remember the password in the system keyring"))
        if secret_store.keyring_usable():
            remembered = start.remembered_password() if start else None
            if remembered is not None:
                self.password_edit.setText(remembered)
            self.remember_box.setChecked(remembered is not None)
        else:
            self.remember_box.setEnabled(False)
            self.remember_box.setToolTip(
                self.tr(
                    "This computer has no system keyring: the password is asked at every "
                    "start and is never written to disk."
                )
            )

        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host_edit)
        form.addRow(self.tr("&Port:"), self.port_edit)
        form.addRow(self.tr("&Database:"), self.database_edit)
        form.addRow(self.tr("&User:"), self.user_edit)
        form.addRow(self.tr("Pass&word:"), self.password_edit)
        form.addRow(self.remember_box)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.textChanged.connect(self._check)
        self._check()
        (self.password_edit if start and start.user else self.host_edit).setFocus()

    def server(self) -> ServerConnection:
        return ServerConnection(
            self.host_edit.text().strip(),
            self.port_edit.value(),
            self.database_edit.text().strip(),
            self.user_edit.text().strip(),
        )

    def url(self) -> str:
        return self._url

    def _typed_url(self) -> str:
        return self.server().url(self.password_edit.text())

    def _check(self) -> None:
        server = self.server()
        filled = bool(server.host and server.database and server.user)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(filled)
        self.test_button.setEnabled(filled and (self._test is None or not self._test.running))

    def _say(self, text: str, style: str = "") -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)
        self.status.show()

    def test_connection(self) -> None:
        """Connect once, off the GUI thread; the answer goes under the fields."""
        try:
            url = self._typed_url()
        except BackofficeError as exc:
            self._say(errors.error_text(exc), ERROR_STYLE)
            return
        self._say(self.tr("Connecting…"))
        self._test = BackgroundOp(
            self,
            lambda _progress: server_connection.try_connection(url),
            label=self.tr("Connecting…"),
            show_errors=False,
        )
        _running.add(self._test)
        self._test.finished.connect(lambda op=self._test: _running.discard(op))
        self._test.done.connect(self._tested)
        self._test.failed.connect(self._test_failed)
        self._test.finished.connect(self._check)
        self._test.start()
        self._check()

    def _tested(self, version: object) -> None:
        self._say(self.tr("Connected: PostgreSQL {version}.").format(version=version), OK_STYLE)

    def _test_failed(self, exc: BaseException) -> None:
        self._say(errors.error_text(exc), ERROR_STYLE)

    def accept(self) -> None:
        try:
            self._url = self._typed_url()
        except BackofficeError as exc:
            self._say(errors.error_text(exc), ERROR_STYLE)
            return
        server = self.server()
        save_connection(self._settings, server)
        if self.remember_box.isChecked() and self.password_edit.text():
            if not server.remember_password(self.password_edit.text()):
                # Said before connecting, so nobody counts on a password not kept.
                self.remember_box.setChecked(False)
                self._say(
                    self.tr(
                        "The system keyring refused the password: it is not kept. "
                        "Press Connect again to connect without keeping it."
                    ),
                    ERROR_STYLE,
                )
                return
        else:
            server.forget_password()
        super().accept()


def ask_connection(
    settings: QSettings,
    parent: QWidget | None = None,
    *,
    initial: ServerConnection | None = None,
    message: str = "",
) -> str | None:
    """Show the dialog; the URL chosen, or None when the user cancelled."""
    dialog = ConnectionDialog(settings, parent, initial=initial, message=message)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.url()


def remembered_url(settings: QSettings) -> str | None:
    """The saved server's URL when its password is in the keyring (a start
    without questions), else None."""
    server = saved_connection(settings)
    if server is None or not server.user or not server.database:
        return None
    password = server.remembered_password()
    if password is None:
        return None
    try:
        return server.url(password)
    except BackofficeError:
        return None

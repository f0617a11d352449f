"""New client…: the requisites checked as typed, then `clients.add_client`.

Saving is possible only when every field is right; the new personal account
number is shown once the client is added (and `added(number)` emitted).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from backoffice.db.engine import UnitOfWork
from backoffice.services.clients import add_client
from ui import errors
from ui.background import ACCOUNTS, change_hub
from ui.clients.requisites_form import RequisitesForm

if TYPE_CHECKING:
    from sqlalchemy import Engine


class NewClientDialog(QDialog):
    added = Signal(str)  # the new account number

    def __init__(
        self, engine: Engine, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._today = today or dt.date.today()
        self.account_number: str | None = None
        self.setWindowTitle(self.tr("New client"))
        self.setMinimumWidth(640)
        hint = QLabel(
            self.tr(
                "A personal account is opened for the client; its number is shown after saving."
            )
        )
        hint.setWordWrap(True)
        self.form = RequisitesForm(self, today=self._today)
        self.form.set_read_only(False, kind_fixed=False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Add client"))
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.save_button.setEnabled(self.form.record() is not None)

    def accept(self) -> None:
        record = self.form.record()
        if record is None:
            return
        try:
            with UnitOfWork(self._engine) as uow:
                added = add_client(uow, record, self._today)
                uow.commit()
        except Exception as exc:  # refusals and bugs alike: say so, keep what was typed
            errors.show_error(self, exc, self.tr("Client not added"))
            return
        self.account_number = added.account_number
        change_hub().changed.emit(frozenset({ACCOUNTS}))
        self.added.emit(added.account_number)
        self.show_added(added.account_number)
        super().accept()

    def show_added(self, number: str) -> None:
        """Says the new account number (a test replaces this)."""
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr("The client is added. Personal account: {number}").format(number=number),
        )

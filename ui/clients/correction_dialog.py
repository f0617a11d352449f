"""Correction…: a correcting entry of either sign on a personal account, with a reason.

For an error no single reversal fixes. The amount is checked as it is typed;
nothing is posted on Enter alone: OK stays off until amount and reason are
there, and a confirmation names the account and the amount.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.domain import PostedEntry
from backoffice.errors import BackofficeError
from backoffice.services.client_card import post_correction
from ui import errors
from ui.format import format_amount, parse_amount
from ui.reason_dialog import date_edit, date_of

if TYPE_CHECKING:
    from sqlalchemy import Engine

ERROR_STYLE = "color: #c62828;"


class CorrectionDialog(QDialog):
    def __init__(
        self,
        engine: Engine,
        account_number: str,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.account_number = account_number
        self.entry: PostedEntry | None = None
        self.setWindowTitle(self.tr("Correction of account {number}").format(number=account_number))
        self.setMinimumWidth(460)
        hint = QLabel(
            self.tr(
                "A correcting entry: a positive amount adds to the balance, "
                "a negative one takes from it."
            )
        )
        hint.setWordWrap(True)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("-0,00")
        self.amount_error = QLabel()
        self.amount_error.setStyleSheet(ERROR_STYLE)
        self.amount_error.hide()
        self.date_edit = date_edit(today or dt.date.today())
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("what was wrong, and the document"))
        form = QFormLayout()
        form.addRow(self.tr("&Amount, UAH:"), self.amount_edit)
        form.addRow(self.amount_error)
        form.addRow(self.tr("Business &date:"), self.date_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Post correction"))
        ok.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.amount_edit.textChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)
        self._check()

    def amount(self) -> Decimal | None:
        try:
            value = parse_amount(self.amount_edit.text(), what="amount")
        except BackofficeError:
            return None
        return value if value != 0 else None

    def _check(self) -> None:
        problem = ""
        if self.amount_edit.text().strip():
            try:
                value = parse_amount(self.amount_edit.text(), what="amount")
            except BackofficeError as exc:
                problem = errors.error_text(exc)
            else:
                if value == 0:
                    problem = self.tr("A correction of zero changes nothing.")
        self.amount_error.setText(problem)
        self.amount_error.setVisible(bool(problem))
        ready = self.amount() is not None and bool(self.reason_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def confirm(self, amount: Decimal) -> bool:
        """Asked before posting (a test answers it)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Post a correction of {amount} UAH to account {number}?").format(
                amount=format_amount(amount, signed=True), number=self.account_number
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Post"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Do not post"))
        return box.exec() == QMessageBox.StandardButton.Yes.value

    def accept(self) -> None:
        amount = self.amount()
        reason = self.reason_edit.text().strip()
        if amount is None or not reason or not self.confirm(amount):
            return
        try:
            with UnitOfWork(self._engine) as uow:
                self.entry = post_correction(
                    uow, self.account_number, amount, date_of(self.date_edit), reason
                )
                uow.commit()
        except Exception as exc:  # refusals and bugs alike: say so, keep what was typed
            errors.show_error(self, exc, self.tr("Correction not posted"))
            return
        super().accept()

"""Top-up… : a manual top-up of the selected personal account.

The amount is checked as it is typed (by `money()`, through `parse_amount`,
so the dialog refuses exactly what the CLI refuses) and the problem is shown
under the field. OK posts with `payments.receive_topup` in one unit of work; a
refusal from the service goes to `ui.errors` and the dialog stays open with
what was typed.
"""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.domain import AccountView, PostedEntry
from backoffice.errors import BackofficeError
from backoffice.services.payments import receive_topup
from ui import errors
from ui.format import format_amount, parse_amount
from ui.session import business_date

if TYPE_CHECKING:
    from sqlalchemy import Engine

ERROR_STYLE = "color: #c62828;"


def today() -> dt.date:
    return business_date()


class TopupDialog(QDialog):
    """Emits `posted(entry)` after the top-up is committed."""

    posted = Signal(object)

    def __init__(self, engine: Engine, account: AccountView, parent: QWidget | None = None):
        super().__init__(parent)
        self._engine = engine
        self.account = account
        self.entry: PostedEntry | None = None
        self.setWindowTitle(self.tr("Top up account {number}").format(number=account.number))
        self.setMinimumWidth(460)

        who = QLabel(
            self.tr("<b>{number}</b> — {client}<br>Balance: {balance} UAH").format(
                number=account.number,
                client=html.escape(account.client_name),
                balance=format_amount(account.balance),
            )
        )
        who.setWordWrap(True)

        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("0,00")
        self.amount_edit.setAccessibleName(self.tr("Amount"))
        self.amount_error = QLabel()
        self.amount_error.setStyleSheet(ERROR_STYLE)
        self.amount_error.setWordWrap(True)
        self.amount_error.hide()

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.setDate(QDate(today()))

        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. payment by invoice 123 of 20.11.2026"))

        form = QFormLayout()
        form.addRow(self.tr("&Amount, UAH:"), self.amount_edit)
        form.addRow(self.amount_error)  # the whole width: a refusal is a sentence
        form.addRow(self.tr("Business &date:"), self.date_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Post top-up"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.amount_edit.textChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)
        self._check()

    def amount(self) -> Decimal | None:
        """The typed amount as money, or None while it is not a valid one."""
        try:
            value = parse_amount(self.amount_edit.text(), what=self.tr("amount"))
        except BackofficeError:
            return None
        return value if value > 0 else None

    def business_date(self) -> dt.date:
        day = self.date_edit.date()
        return dt.date(day.year(), day.month(), day.day())

    def _check(self) -> None:
        text = self.amount_edit.text().strip()
        problem = ""
        if text:
            try:
                value = parse_amount(text, what=self.tr("amount"))
            except BackofficeError as exc:
                problem = errors.error_text(exc)
            else:
                if value <= 0:
                    problem = self.tr("A top-up must be more than zero.")
        if problem != self.amount_error.text() or bool(problem) != self.amount_error.isVisible():
            self.amount_error.setText(problem)
            self.amount_error.setVisible(bool(problem))
            self._fit_height()
        ready = self.amount() is not None and bool(self.reason_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _fit_height(self) -> None:
        """Grow to show every line of a wrapped message: a form layout sizes the
        dialog by its one-line hint and would cut the sentence off."""
        layout = self.layout()
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if self.height() < needed:
            self.resize(self.width(), needed)

    def accept(self) -> None:
        """Post the top-up; close only when it is committed."""
        amount = self.amount()
        if amount is None or not self.reason_edit.text().strip():
            self._check()
            return
        try:
            with UnitOfWork(self._engine) as uow:
                entry = receive_topup(
                    uow,
                    self.account.number,
                    amount,
                    self.business_date(),
                    self.reason_edit.text(),
                )
                uow.commit()
        except Exception as exc:  # refusals and bugs alike: say so, keep what was typed
            errors.show_error(self, exc, self.tr("Top-up not posted"))
            return
        self.entry = entry
        self.posted.emit(entry)
        super().accept()

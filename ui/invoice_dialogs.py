"""Invoice run… and Issue top-up invoice… : one service call each, on OK.

As in the other dialogs, OK runs the service in one unit of work and closes
only once it is committed; a refusal is shown and what was typed stays.
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
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.errors import BackofficeError
from backoffice.services.invoices import InvoiceRunResult, invoice_run, issue_topup_invoice
from ui import errors
from ui.account_picker import AccountPicker
from ui.format import parse_amount
from ui.reason_dialog import date_edit, date_of
from ui.topup_dialog import ERROR_STYLE

if TYPE_CHECKING:
    from sqlalchemy import Engine


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class InvoiceRunDialog(QDialog):
    """`result_value` is the run's result once OK succeeded."""

    def __init__(self, engine: Engine, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.result_value: InvoiceRunResult | None = None
        self.setWindowTitle(self.tr("Invoice run"))
        self.setMinimumWidth(460)
        text = QLabel(
            self.tr(
                "Issues next month's renewal invoices to legal entities with auto-renewal, "
                "from ten days before the end of the month. A repeated run issues only "
                "what is missing."
            )
        )
        text.setWordWrap(True)
        self.date_edit = date_edit(today)
        self.date_edit.setToolTip(self.tr("The business date of the run"))
        form = QFormLayout()
        form.addRow(self.tr("Business &date:"), self.date_edit)
        self.buttons = _buttons(self, self.tr("&Run"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        try:
            with UnitOfWork(self._engine) as uow:
                result = invoice_run(uow, date_of(self.date_edit))
                uow.commit()
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Invoice run failed"))
            return
        self.result_value = result
        super().accept()


class TopupInvoiceDialog(QDialog):
    """`number` is the issued invoice's number once OK succeeded."""

    def __init__(
        self,
        engine: Engine,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        account: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.number: str | None = None
        self.setWindowTitle(self.tr("Issue top-up invoice"))
        self.resize(820, 520)

        self.picker = AccountPicker(engine, (account,) if account else (), self)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("0,00")
        self.amount_edit.setToolTip(self.tr("The sum the client asked an invoice for, in UAH"))
        self.amount_error = QLabel()
        self.amount_error.setStyleSheet(ERROR_STYLE)
        self.amount_error.hide()
        self.date_edit = date_edit(today)
        self.date_edit.setToolTip(self.tr("The invoice's date"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.amount_edit.setMinimumWidth(160)
        form.addRow(self.tr("A&mount, UAH:"), self.amount_edit)
        form.addRow("", self.amount_error)
        form.addRow(self.tr("Invoice &date:"), self.date_edit)
        self.buttons = _buttons(self, self.tr("&Issue invoice"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.amount_edit.textChanged.connect(self._check)
        self.picker.view.selectionModel().selectionChanged.connect(self._check)
        self.picker.model.modelReset.connect(self._check)
        self.picker.chosen.connect(lambda _n: self.amount_edit.setFocus())
        self._check()

    def amount(self) -> Decimal | None:
        try:
            value = parse_amount(self.amount_edit.text(), what=self.tr("amount"))
        except BackofficeError:
            return None
        return value if value > 0 else None

    def _check(self) -> None:
        text = self.amount_edit.text().strip()
        problem = ""
        if text and self.amount() is None:
            try:
                parse_amount(text, what=self.tr("amount"))
            except BackofficeError as exc:
                problem = errors.error_text(exc)
            else:
                problem = self.tr("An invoice must be for more than zero.")
        self.amount_error.setText(problem)
        self.amount_error.setVisible(bool(problem))
        ready = self.amount() is not None and self.picker.current_number() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def accept(self) -> None:
        amount, account = self.amount(), self.picker.current_number()
        if amount is None or account is None:
            return
        try:
            with UnitOfWork(self._engine) as uow:
                # The service hands back its invoice row; only its number leaves here.
                number = str(
                    issue_topup_invoice(uow, account, amount, date_of(self.date_edit)).number
                )
                uow.commit()
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Invoice not issued"))
            return
        self.number = number
        super().accept()

"""Assign to account… : post an unmatched bank payment to the account chosen.

The payment is shown on top, the matching rules' candidates are offered
first, and any account can be found by typing. Nothing posts on a stray
Enter: no account is chosen unless a rule proposed one, no button is the
default, and Assign asks a confirmation that names the client, the account
and the amount, with "No" as its default. Only then `statements.assign_line`
runs in one unit of work (which also teaches the payer's IBAN); a refusal is
shown and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.domain import AccountView
from backoffice.services.statements import UnmatchedLine, assign_line
from ui import errors
from ui.account_picker import AccountPicker
from ui.format import format_amount, format_date
from ui.reason_dialog import date_edit, date_of

if TYPE_CHECKING:
    from sqlalchemy import Engine


_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class AssignDialog(QDialog):
    """`entry_id` is the posted top-up once the confirmed assignment succeeded;
    `account` the account it went to."""

    def __init__(
        self,
        engine: Engine,
        line: UnmatchedLine,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.line = line
        self.entry_id: int | None = None
        self.account: AccountView | None = None
        self.setWindowTitle(self.tr("Assign payment to an account"))
        self.resize(820, 560)

        what = QLabel(
            self.tr(
                "<b>{amount} UAH</b> of {date} from <b>{payer}</b> "
                "(code {code}, IBAN {iban})<br>{purpose}<br>"
                "<span style='color:gray'>{file}, line {line}</span>"
            ).format(
                amount=format_amount(line.amount),
                date=format_date(line.date),
                payer=html.escape(line.payer),
                code=line.payer_code or "—",
                iban=line.payer_iban or "—",
                purpose=html.escape(line.purpose),
                file=html.escape(line.file_name),
                line=line.line_no,
            )
        )
        what.setWordWrap(True)
        self.picker = AccountPicker(engine, line.candidates, self)
        self.date_edit = date_edit(max(today, line.date))
        self.date_edit.setToolTip(self.tr("The day the money unblocks services"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Business &date:"), self.date_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Assign…"))
        self._no_default_button()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.picker, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.picker.chosen.connect(lambda _number: self.accept())  # asks before posting
        self.picker.view.selectionModel().selectionChanged.connect(self._check)
        self.picker.model.modelReset.connect(self._check)
        self._check()
        (self.picker.view if line.candidates else self.picker.filter_edit).setFocus()

    def _check(self) -> None:
        ready = self.picker.current_number() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _no_default_button(self) -> None:
        for button in self.buttons.buttons():  # Enter anywhere must not press one
            button.setAutoDefault(False)
            button.setDefault(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._no_default_button()  # the button box made its Accept button default when shown

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QDialog presses a default button on Enter; there is none to press here
        # (the list's own Enter shortcut asks the confirmation).
        if event.key() in _ENTER_KEYS:
            event.accept()
            return
        super().keyPressEvent(event)

    def confirmation_box(self, account: AccountView) -> QMessageBox:
        """The question before posting, built but not shown (tests inspect it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Assign payment"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            self.tr(
                "Post <b>{amount} UAH</b> from {payer} to account <b>{account}</b> "
                "of <b>{client}</b>?"
            ).format(
                amount=format_amount(self.line.amount),
                payer=html.escape(self.line.payer),
                account=account.number,
                client=html.escape(account.client_name),
            )
        )
        box.setInformativeText(self.tr("The client's balance grows by this amount."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Post"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Do not post"))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter is the safe answer
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box

    def accept(self) -> None:
        """Ask, then post: the one way a payment leaves this dialog assigned."""
        account = self.picker.current_account()
        if account is None or self.entry_id is not None:  # posted already: never twice
            return
        box = self.confirmation_box(account)
        answer = box.exec()
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with UnitOfWork(self._engine) as uow:
                entry_id = assign_line(uow, self.line.id, account.number, date_of(self.date_edit))
                uow.commit()
        except Exception as exc:  # refusals and bugs alike: say so, keep the choice
            errors.show_error(self, exc, self.tr("Payment not assigned"))
            return
        self.entry_id = entry_id
        self.account = account
        super().accept()

"""Assign to account… : post an unmatched bank payment to the account chosen.

The payment is shown on top, the matching rules' candidates are offered
first, and any account can be found by typing. OK calls
`statements.assign_line` in one unit of work (which also teaches the payer's
IBAN); a refusal is shown and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.services.statements import UnmatchedLine, assign_line
from ui import errors
from ui.account_picker import AccountPicker
from ui.format import format_amount, format_date
from ui.reason_dialog import date_edit, date_of

if TYPE_CHECKING:
    from sqlalchemy import Engine


class AssignDialog(QDialog):
    """`entry_id` is the posted top-up once OK succeeded."""

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
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Assign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.picker, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.picker.chosen.connect(lambda _number: self.accept())
        self.picker.view.selectionModel().selectionChanged.connect(self._check)
        self.picker.model.modelReset.connect(self._check)
        self._check()
        (self.picker.view if line.candidates else self.picker.filter_edit).setFocus()

    def _check(self) -> None:
        ready = self.picker.current_number() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def accept(self) -> None:
        number = self.picker.current_number()
        if number is None:
            return
        try:
            with UnitOfWork(self._engine) as uow:
                entry_id = assign_line(uow, self.line.id, number, date_of(self.date_edit))
                uow.commit()
        except Exception as exc:  # refusals and bugs alike: say so, keep the choice
            errors.show_error(self, exc, self.tr("Payment not assigned"))
            return
        self.entry_id = entry_id
        super().accept()

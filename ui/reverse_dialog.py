"""Reverse entry… : undo a ledger entry with a reversal that names it.

Entries are never edited or deleted; `ledger.reverse_entry` posts the
opposite amount. The dialog shows what will be reversed, asks for the
business date (not before the entry's) and a reason, and posts on OK.
"""

from __future__ import annotations

import datetime as dt
import html
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
from backoffice.domain import PostedEntry
from backoffice.services.ledger import reverse_entry
from ui import errors
from ui.format import format_amount, format_date
from ui.ledger_table import entry_kind_text

if TYPE_CHECKING:
    from sqlalchemy import Engine


class ReverseDialog(QDialog):
    """Emits `posted(reversal)` after the reversal is committed."""

    posted = Signal(object)

    def __init__(
        self,
        engine: Engine,
        entry: PostedEntry,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.original = entry
        self.reversal: PostedEntry | None = None
        self.setWindowTitle(self.tr("Reverse entry {id}").format(id=entry.id))
        self.setMinimumWidth(460)

        what = QLabel(
            self.tr(
                "Entry <b>{id}</b> of account {account}, {date}:<br>"
                "{kind} <b>{amount}</b> UAH — {comment}<br><br>"
                "A reversal of <b>{opposite}</b> UAH will be posted."
            ).format(
                id=entry.id,
                account=entry.account,
                date=format_date(entry.business_date),
                kind=entry_kind_text(entry.kind),
                amount=format_amount(entry.amount, signed=True),
                comment=html.escape(entry.comment),
                opposite=format_amount(-entry.amount, signed=True),
            )
        )
        what.setWordWrap(True)

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.setMinimumDate(QDate(entry.business_date))
        self.date_edit.setDate(QDate(max(today or dt.date.today(), entry.business_date)))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("why the entry was wrong"))

        form = QFormLayout()
        form.addRow(self.tr("Business &date:"), self.date_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Reverse"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._check)

        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        ready = bool(self.reason_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def accept(self) -> None:
        if not self.reason_edit.text().strip():
            return
        day = self.date_edit.date()
        business_date = dt.date(day.year(), day.month(), day.day())
        try:
            with UnitOfWork(self._engine) as uow:
                reversal = reverse_entry(
                    uow, self.original.id, business_date, self.reason_edit.text()
                )
                uow.commit()
        except Exception as exc:  # refusals and bugs alike: say so, keep what was typed
            errors.show_error(self, exc, self.tr("Entry not reversed"))
            return
        self.reversal = reversal
        self.posted.emit(reversal)
        super().accept()

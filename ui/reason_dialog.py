"""A confirmation that needs a reason (and perhaps a business date).

Used by Undo batch…, Ignore…, Cancel invoice…: what will happen is shown on
top, the reason is required, and OK runs `apply(day, reason)` — one service
call in one unit of work, given by the screen. A refusal goes to `ui.errors`
and the dialog stays open with what was typed, as the top-up dialog does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
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

from ui import errors

Apply = Callable[[dt.date, str], object]


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setDate(QDate(day))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


class ReasonDialog(QDialog):
    """`result_value` holds what `apply` returned once it succeeded."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        what: str,
        ok_text: str,
        apply: Apply,
        today: dt.date,
        with_date: bool = True,
        placeholder: str = "",
        keep_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self.result_value: object = None
        self.setWindowTitle(title)
        self.setMinimumWidth(480)

        text = self.what_label = QLabel(what)
        text.setWordWrap(True)
        self.date_edit = date_edit(today)
        self.date_edit.setToolTip(self.tr("The business date of what is posted"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(placeholder)
        self.reason_edit.setToolTip(self.tr("Required: it is kept in the audit log"))

        form = QFormLayout()
        if with_date:
            form.addRow(self.tr("Business &date:"), self.date_edit)
        else:
            self.date_edit.hide()
        form.addRow(self.tr("&Reason:"), self.reason_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        if keep_text:  # "Cancel" beside "Cancel invoice" would read as the same thing
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(keep_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._check)

        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        ready = bool(self.reason_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def accept(self) -> None:
        reason = self.reason_edit.text().strip()
        if not reason:
            return
        try:
            self.result_value = self._apply(date_of(self.date_edit), reason)
        except Exception as exc:  # refusals and bugs alike: say so, keep what was typed
            errors.show_error(self, exc, self.windowTitle())
            return
        super().accept()

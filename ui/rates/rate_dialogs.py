"""The Rates screen's dialogs: a rate typed by hand, and the NBU fetch's period.

Neither has a default button: Enter in a field does not store a rate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.errors import InputError
from backoffice.money import written_amount
from backoffice.validation import exchange_rate
from ui import errors
from ui.format import format_date, format_rate
from ui.reason_dialog import date_edit, date_of

# (day, currency, rate, reason) → the service's outcome ('new', 'corrected', …)
ApplyRate = Callable[[dt.date, str, Decimal, str], str]
# (day, currency) → the rate stored now, for the question before a correction
StoredRate = Callable[[dt.date, str], Decimal | None]
Confirm = Callable[[QWidget, str], bool]


def parse_rate(text: str) -> Decimal:
    """A rate as typed: `48,5123` or `48.5123`, four places at most."""
    value = written_amount(text)
    if value is None:
        raise InputError(f"rate {text.strip()!r} is not a number: type it like 48,5123")
    return exchange_rate(value, what="rate")


class ManualRateDialog(QDialog):
    """Date, currency, rate and a required reason; OK stores through the service."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        currencies: list[str],
        day: dt.date,
        apply: ApplyRate,
        stored: StoredRate,
        confirm: Confirm,
        currency: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self._stored = stored
        self._confirm = confirm
        self.outcome: str | None = None
        self.setWindowTitle(self.tr("Enter a rate"))
        self.setMinimumWidth(440)

        intro = QLabel(
            self.tr(
                "The NBU's official rate, UAH per unit. A rate already used by posted "
                "debits is corrected only after a question; every entry keeps its reason."
            )
        )
        intro.setWordWrap(True)
        self.date_edit = date_edit(day)
        self.currency_box = QComboBox()
        self.currency_box.addItems(currencies)
        if currency and currency in currencies:
            self.currency_box.setCurrentText(currency)
        self.rate_edit = QLineEdit()
        self.rate_edit.setPlaceholderText("48,5123")
        self.rate_edit.setToolTip(self.tr("UAH per unit, up to four decimal places"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. the NBU service was unreachable"))
        self.reason_edit.setToolTip(self.tr("Required: it is kept in the audit log"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")

        form = QFormLayout()
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("&Currency:"), self.currency_box)
        form.addRow(self.tr("&Rate, UAH:"), self.rate_edit)
        form.addRow(self.tr("R&eason:"), self.reason_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("Save rate"))
        self.save_button.setAutoDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.rate_edit.textChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        problem = ""
        if self.rate_edit.text().strip():
            try:
                parse_rate(self.rate_edit.text())
            except InputError:
                problem = self.tr("The rate is a positive number with up to four decimals.")
        self.problem.setText(problem)
        ready = (
            not problem
            and bool(self.rate_edit.text().strip())
            and bool(self.reason_edit.text().strip())
        )
        self.save_button.setEnabled(ready)

    def accept(self) -> None:
        try:
            value = parse_rate(self.rate_edit.text())
        except InputError as exc:
            errors.show_error(self, exc, self.windowTitle())
            return
        reason = self.reason_edit.text().strip()
        if not reason:
            return
        day, currency = date_of(self.date_edit), self.currency_box.currentText()
        try:
            before = self._stored(day, currency)
            if before is not None and before != value:
                question = self.tr(
                    "{currency} on {day} is {old} already. Replace it with {new}? "
                    "The correction is kept in the audit log."
                ).format(
                    currency=currency,
                    day=format_date(day),
                    old=format_rate(before),
                    new=format_rate(value),
                )
                if not self._confirm(self, question):
                    return
            self.outcome = self._apply(day, currency, value, reason)
        except Exception as exc:  # a refusal: say so, keep what was typed
            errors.show_error(self, exc, self.windowTitle())
            return
        super().accept()


class FetchDialog(QDialog):
    """The period to fetch the NBU's rates for: one day, or a range."""

    def __init__(self, parent: QWidget | None, *, first: dt.date, last: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fetch from the NBU"))
        self.setMinimumWidth(440)
        intro = QLabel(
            self.tr(
                "The NBU's official rates of the currencies kept (Settings) for every day "
                "from the first date to the last. Days already stored are skipped; a stored "
                "rate that differs is left as it is and listed."
            )
        )
        intro.setWordWrap(True)
        self.from_edit = date_edit(first)
        self.to_edit = date_edit(last)
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Fetch"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.from_edit.dateChanged.connect(self._check)
        self.to_edit.dateChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(date_of(self.from_edit) <= date_of(self.to_edit))

    def period(self) -> tuple[dt.date, dt.date]:
        return date_of(self.from_edit), date_of(self.to_edit)

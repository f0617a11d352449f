"""The business date in the status bar: shows it and lets the user set it for the session.

A date other than today is shown in bold so nobody posts into another day
without seeing it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.format import format_date
from ui.session import session


class BusinessDateButton(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("business_date")
        self.setAutoRaise(True)
        self.setToolTip(self.tr("The date operations are done on; click to set another"))
        self.clicked.connect(self.choose)
        session().business_date_changed.connect(self._show)
        self._show(session().business_date)

    def _show(self, day: dt.date) -> None:
        self.setText(self.tr("Business date: {date}").format(date=format_date(day)))
        font = self.font()
        font.setBold(day != dt.date.today())
        self.setFont(font)

    def choose(self) -> None:
        dialog = BusinessDateDialog(session().business_date, self)
        if dialog.exec():
            session().set_business_date(dialog.chosen())
        dialog.deleteLater()


class BusinessDateDialog(QDialog):
    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Business date"))
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        note = QLabel(
            self.tr(
                "Operations of this session (daily run, closing, postings) take this date. "
                "The next start is today again."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        today = QPushButton(self.tr("Today"))
        buttons.addButton(today, QDialogButtonBox.ButtonRole.ActionRole)
        today.clicked.connect(self._today)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def _today(self) -> None:
        today = dt.date.today()
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))

    def chosen(self) -> dt.date:
        value: dt.date = self.calendar.selectedDate().toPython()  # type: ignore[assignment]
        return value

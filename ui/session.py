"""What holds for the whole session of the window: the business date.

Every service takes an explicit date (SPEC §1); the window's screens take
theirs from here. It is today unless the user set another one for this
session (in the status bar); it is never stored, so the next start is today.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal


class Session(QObject):
    business_date_changed = Signal(object)  # dt.date

    def __init__(self) -> None:
        super().__init__()
        self._date: dt.date | None = None

    @property
    def business_date(self) -> dt.date:
        return self._date or dt.date.today()

    def set_business_date(self, day: dt.date | None) -> None:
        """`day`, or None for today (following the clock past midnight)."""
        self._date = None if day == dt.date.today() else day
        self.business_date_changed.emit(self.business_date)


_session: Session | None = None


def session() -> Session:
    global _session
    if _session is None:
        _session = Session()
    return _session


def business_date() -> dt.date:
    """The session's business date (a function, for the screens that take `today`)."""
    return session().business_date

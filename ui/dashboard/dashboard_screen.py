"""The overview: the figures an accountant starts the day with, each a tile that
opens the screen where it is dealt with. Read off the GUI thread, again after
any operation changed something while the overview is shown."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from backoffice.db.engine import UnitOfWork
from backoffice.services import overview
from ui.background import BackgroundOp, JobProgress
from ui.dashboard.tile import Tile
from ui.format import format_amount, format_date
from ui.session import session

if TYPE_CHECKING:
    from sqlalchemy import Engine

COLUMNS = 4


def month_text(month: str) -> str:
    year, number = month.split("-")
    return f"{number}.{year}"


class DashboardScreen(QWidget):
    open_screen = Signal(str)  # a key of ui.screens

    def __init__(self, engine: Engine, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self.jobs: list[BackgroundOp] = []
        self.figures: overview.DayFigures | None = None
        self._stale = True
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)

        self.tiles: dict[str, Tile] = {}
        self.targets: dict[str, str] = {}
        for key, caption, target in (
            ("unmatched", self.tr("Unmatched payments"), "statements"),
            ("blocked", self.tr("Blocked accounts"), "accounts"),
            ("invoices", self.tr("Invoices awaiting payment"), "invoices"),
            ("daily", self.tr("Last daily run"), "closing"),
            ("invoice_run", self.tr("Next invoice run"), "invoices"),
            ("months", self.tr("Open months"), "closing"),
            ("mail", self.tr("Messages waiting in the outbox"), "outbox"),
            ("rates", self.tr("Missing exchange rates"), "rates"),
        ):
            tile = Tile(caption)
            tile.setToolTip(self.tr("Open the screen where this is dealt with"))
            tile.clicked.connect(lambda target=target: self.open_screen.emit(target))
            self.tiles[key] = tile
            self.targets[key] = target

        grid = QGridLayout()
        grid.setSpacing(12)
        for n, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, n // COLUMNS, n % COLUMNS)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.heading)
        inner_layout.addLayout(grid)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        session().business_date_changed.connect(self._changed)
        self._show_heading(session().business_date)

    def title(self) -> str:
        return self.tr("Overview")

    # -- reading ----------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.reload()

    def refresh(self) -> None:
        self.reload()

    def reload_changed(self, _changed: frozenset[str]) -> None:
        self._changed()

    def _changed(self, *_args: object) -> None:
        """Read again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> BackgroundOp:
        self._stale = False
        today = session().business_date

        def read(_progress: JobProgress) -> overview.DayFigures:
            with UnitOfWork(self._engine, read_only=True) as uow:
                return overview.day_figures(uow, today)

        op = BackgroundOp(self, read, label=self.tr("Reading the overview…"))
        op.done.connect(self.show_figures)
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        return op.start()

    def _forget(self, op: BackgroundOp) -> None:
        if op in self.jobs:
            self.jobs.remove(op)
        op.deleteLater()

    def _show_heading(self, day: dt.date) -> None:
        self.heading.setText(self.tr("Overview for {date}").format(date=format_date(day)))

    # -- showing ----------------------------------------------------------------

    def show_figures(self, f: overview.DayFigures) -> None:
        self.figures = f
        self._show_heading(f.day)
        n = QLocale().toString
        self.tiles["unmatched"].show_figure(
            n(f.unmatched_count),
            self.tr("{amount} UAH to assign").format(amount=format_amount(f.unmatched_amount))
            if f.unmatched_count
            else self.tr("Every payment found its account"),
            attention=f.unmatched_count > 0,
        )
        self.tiles["blocked"].show_figure(
            n(f.blocked_accounts),
            self.tr("of {n} accounts").format(n=n(f.accounts)),
            attention=f.blocked_accounts > 0,
        )
        detail = self.tr("{amount} UAH to be paid").format(
            amount=format_amount(f.open_invoices_amount)
        )
        if f.overdue_invoices:
            detail += ", " + self.tr("{n} overdue").format(n=n(f.overdue_invoices))
        self.tiles["invoices"].show_figure(
            n(f.open_invoices), detail, attention=f.overdue_invoices > 0
        )
        run = f.last_daily_run
        if run is None:
            self.tiles["daily"].show_figure(
                self.tr("never"), self.tr("The daily job has not run yet"), attention=True
            )
        else:
            late = run.day < f.day - dt.timedelta(days=1)
            if run.errors:
                result = self.tr("{n} account(s) failed").format(n=run.errors)
            else:
                result = self.tr("went through")
            self.tiles["daily"].show_figure(
                format_date(run.day),
                self.tr("{result}; run at {time} by {user}").format(
                    result=result, time=run.ran_at.strftime("%d.%m.%Y %H:%M"), user=run.ran_by
                ),
                attention=bool(run.errors) or late,
            )
        days_left = (f.next_invoice_run - f.day).days
        self.tiles["invoice_run"].show_figure(
            format_date(f.next_invoice_run),
            self.tr("today") if days_left == 0 else self.tr("in %n day(s)", "", days_left),
            attention=days_left == 0,
        )
        closable = [m for m in f.open_months if m < f"{f.day:%Y-%m}"]
        self.tiles["months"].show_figure(
            n(len(f.open_months)),
            self.tr("open: {months}; {closed} closed").format(
                months=", ".join(month_text(m) for m in f.open_months) or "—",
                closed=n(f.closed_months),
            ),
            attention=bool(closable),
        )
        self.tiles["mail"].show_figure(
            n(f.mail_waiting),
            self.tr("{n} failed, to retry").format(n=n(f.mail_failed))
            if f.mail_failed
            else self.tr("nothing failed"),
            attention=f.mail_failed > 0,
        )
        missing_days = sorted({day for day, _currency in f.missing_rates})
        self.tiles["rates"].show_figure(
            n(len(f.missing_rates)),
            self.tr("missing on {days}").format(
                days=", ".join(format_date(d) for d in missing_days[-3:])
            )
            if missing_days
            else self.tr("every rate of the last {n} days is there").format(
                n=overview.RATE_DAYS_CHECKED
            ),
            attention=bool(missing_days),
        )
        for tile in self.tiles.values():
            tile.setAttribute(Qt.WidgetAttribute.WA_Hover)

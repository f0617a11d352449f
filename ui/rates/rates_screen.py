"""The Rates screen (SPEC §9): the NBU rates by day and currency for a period,
the days without a rate flagged, a rate typed by hand with its reason, a file
import, the fetch from the NBU's service, and the list's export.

Every write goes through `backoffice.services.rates` / `rate_fetch`; the
fetch and the import run off the GUI thread (`ui.background`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.exports import ColumnKind
from backoffice.services import rate_fetch, rates
from backoffice.services.rate_fetch import RateFetch
from backoffice.services.rates import RateDay, RateImport
from ui import errors
from ui.background import BackgroundOp, JobProgress, change_hub, service_progress
from ui.format import format_date, format_rate
from ui.list_export import choose_path, snapshot, start_list_export
from ui.rates.rate_dialogs import FetchDialog, ManualRateDialog
from ui.reason_dialog import date_edit, date_of
from ui.record_table import RecordColumn, RecordSortProxy, RecordTableModel, make_view
from ui.screen_parts import add_context_actions, button_row, empty_hint, filter_field, make_action

if TYPE_CHECKING:
    from sqlalchemy import Engine

RATES: Final = "rates"  # what an operation changed: the rates table (change_hub)
_CONTEXT: Final = "RatesScreen"
K = ColumnKind


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def rate_columns() -> tuple[RecordColumn[RateDay], ...]:
    return (
        RecordColumn(_tr("Date"), lambda r: r.day, K.DATE, "Дата", sample="00.00.0000"),
        RecordColumn(_tr("Currency"), lambda r: r.currency, K.TEXT, "Валюта", sample="EUR"),
        RecordColumn(
            _tr("Rate, UAH"),
            lambda r: r.rate,
            K.RATE,
            "Курс, грн",
            sample="99 999,9999",
            shown=lambda r: "—" if r.rate is None else format_rate(r.rate),
            warn=lambda r: r.missing,
        ),
        RecordColumn(
            _tr("State"),
            lambda r: _tr("no rate") if r.missing else "",
            K.TEXT,
            "Стан",
            sample="немає курсу",
            warn=lambda r: r.missing,
        ),
        RecordColumn(_tr("Source"), lambda r: _source(r), K.TEXT, "Джерело"),
        RecordColumn(
            _tr("Stored"),
            lambda r: r.updated_at,
            K.DATETIME,
            "Записано",
            sample="00.00.0000 00:00",
        ),
    )


def _source(row: RateDay) -> str:
    if row.missing:
        return ""
    if row.source == "manual":
        return _tr("entered by hand")
    if row.source == "NBU":
        return _tr("NBU service")
    if row.source.startswith("NBU "):  # a weekend: the last working day's rate
        published = dt.date.fromisoformat(row.source[4:])
        return _tr("NBU service, rate of {day}").format(day=format_date(published))
    return row.source  # the file it was imported from


def ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        parent.windowTitle(),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class RatesScreen(QWidget):
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        engine: Engine,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self._today = today
        self.loaded = False
        self.jobs: list[BackgroundOp] = []
        self.last_fetch: RateFetch | None = None
        self.last_import: RateImport | None = None
        self.confirm: Callable[[QWidget, str], bool] = ask  # tests answer for the user
        self.currencies: list[str] = []
        self.missing: list[RateDay] = []

        last = today()
        self.from_edit = date_edit((last.replace(day=1) - dt.timedelta(days=1)).replace(day=1))
        self.to_edit = date_edit(last)
        self.missing_only = QCheckBox(self.tr("Only days &without a rate"))
        self.rows: RecordTableModel[RateDay] = RecordTableModel(rate_columns(), self)
        self.proxy = RecordSortProxy(self.rows, self)
        self.view = make_view(self.proxy, sort=(0, Qt.SortOrder.DescendingOrder))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary.setMargin(6)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome = QLabel()  # what the last fetch or import did
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._make_actions()
        self._lay_out()
        self.empty = empty_hint(
            self.view,
            self.tr(
                "No rates in this period: Fetch from the NBU… (Ctrl+Shift+F) asks the NBU, "
                "Import file… reads a saved file."
            ),
        )
        self.from_edit.dateChanged.connect(lambda _d: self.reload())
        self.to_edit.dateChanged.connect(lambda _d: self.reload())
        self.missing_only.toggled.connect(lambda _on: self.reload())
        self.view.doubleClicked.connect(lambda _index: self.open_manual())
        change_hub().changed.connect(self.reload_changed)

    def title(self) -> str:
        return self.tr("Exchange rates")

    def _make_actions(self) -> None:
        self.manual_action = make_action(
            self,
            self.tr("&Enter rate…"),
            self.open_manual,
            self.tr("Type a day's rate by hand, with the reason"),
            "Ctrl+Shift+R",
        )
        self.import_action = make_action(
            self,
            self.tr("&Import file…"),
            self.open_import,
            self.tr("Read rates from an NBU JSON or XML file, or a CSV (date, currency, rate)"),
        )
        self.fetch_action = make_action(
            self,
            self.tr("&Fetch from the NBU…"),
            self.open_fetch,
            self.tr("Ask the NBU's service for its official rates of a day or a period"),
            "Ctrl+Shift+F",
        )
        self.export_action = make_action(
            self,
            self.tr("E&xport…"),
            self.export,
            self.tr("Save the rates as listed to an XLSX or CSV file"),
        )
        add_context_actions(self.view, [self.manual_action, self.export_action])

    def _lay_out(self) -> None:
        self.filter = filter_field(self.proxy, self.view, self.tr("Filter by date, currency"))
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Period from")))
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.to_edit)
        period.addSpacing(16)
        period.addWidget(self.missing_only)
        period.addStretch(1)
        period.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.summary)
        layout.addLayout(
            button_row(
                [
                    self.fetch_action,
                    self.manual_action,
                    self.import_action,
                    None,
                    self.export_action,
                ]
            )
        )
        layout.addLayout(period)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.outcome)

    # -- reading ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:  # read when first looked at, not at start-up
            self.reload()

    def reload_changed(self, changed: frozenset[str]) -> None:
        if RATES in changed and self.loaded:
            self.reload()

    def period(self) -> tuple[dt.date, dt.date]:
        return date_of(self.from_edit), date_of(self.to_edit)

    def reload(self) -> None:
        first, last = self.period()
        if last < first:
            self.rows.set_records([])
            self.summary.setText(self.tr("The period ends before it starts."))
            return
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                table = rates.rate_days(uow, first, last)
                self.currencies = rates.kept_currencies(uow)
        except Exception as exc:
            errors.show_error_once(self, exc, self.tr("Cannot read the rates"))
            return
        self.loaded = True
        missing = [row for row in table if row.missing]
        self.rows.set_records(missing if self.missing_only.isChecked() else table)
        self.missing = missing
        self.summary.setText(self._summary_text(first, last, table, missing))
        self.summary.setStyleSheet("color: #b00020" if missing else "")

    def _summary_text(
        self, first: dt.date, last: dt.date, table: list[RateDay], missing: list[RateDay]
    ) -> str:
        period = f"{format_date(first)} – {format_date(last)}"
        kept = ", ".join(self.currencies)
        if not missing:
            return self.tr("{period}: every day has a rate ({currencies}).").format(
                period=period, currencies=kept
            )
        days = sorted({row.day for row in missing})
        shown = ", ".join(format_date(d) for d in days[:5]) + (", …" if len(days) > 5 else "")
        return self.tr(
            "{period}: {n} days without a rate of {currencies} ({days}). Debits of such a "
            "day wait for its rate: fetch it from the NBU or enter it."
        ).format(period=period, n=len(days), currencies=kept, days=shown)

    def current_row(self) -> RateDay | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.rows.record(self.proxy.source_row(index.row()))

    # -- writing ------------------------------------------------------------------

    def make_manual_dialog(self) -> ManualRateDialog:
        row = self.current_row()
        engine = self._engine

        def apply(day: dt.date, currency: str, value: Decimal, reason: str) -> str:
            with UnitOfWork(engine) as uow:
                outcome = rates.enter_rate(uow, day, currency, value, reason)
                uow.commit()
            change_hub().changed.emit(frozenset({RATES}))
            return outcome

        def stored(day: dt.date, currency: str) -> Decimal | None:
            with UnitOfWork(engine, read_only=True) as uow:
                return rates.stored_rate(uow, day, currency)

        if not self.loaded:
            self.reload()
        return ManualRateDialog(
            self,
            currencies=list(self.currencies),
            day=row.day if row is not None else self._today(),
            currency=row.currency if row is not None else None,
            apply=apply,
            stored=stored,
            confirm=lambda parent, question: self.confirm(parent, question),
        )

    def open_manual(self) -> None:
        dialog = self.make_manual_dialog()
        if dialog.exec():
            self.message.emit(self.tr("Rate saved"))
        dialog.deleteLater()

    def open_import(self) -> None:
        folder = str(self._settings.value("rates/folder", str(Path.home())))
        name, _chosen = QFileDialog.getOpenFileName(
            self,
            self.tr("Import rates"),
            folder,
            self.tr("Rates files (*.json *.xml *.csv);;All files (*)"),
        )
        if name:
            self._settings.setValue("rates/folder", str(Path(name).parent))
            self.start_import(Path(name))

    def start_import(self, path: Path) -> BackgroundOp:
        engine = self._engine

        def job(_progress: JobProgress) -> RateImport:
            with UnitOfWork(engine) as uow:
                result = rates.import_rates(uow, path)
                uow.commit()
            return result

        op = BackgroundOp(
            self,
            job,
            label=self.tr("Importing {name}…").format(name=path.name),
            changes={RATES},
        )
        op.done.connect(lambda result: self._imported(path, result))
        return self._keep(op).start()

    def _imported(self, path: Path, result: RateImport) -> None:
        self.last_import = result
        text = self.tr(
            "{name}: {new} new, {corrected} corrected, {unchanged} unchanged, "
            "{skipped} of other currencies skipped."
        ).format(
            name=path.name,
            new=result.new,
            corrected=result.corrected,
            unchanged=result.unchanged,
            skipped=result.skipped,
        )
        self.outcome.setText(text)
        self.message.emit(text)

    def open_fetch(self) -> None:
        first, last = self.period()
        today = self._today()
        dialog = FetchDialog(self, first=min(first, today), last=min(last, today))
        if dialog.exec():
            self.start_fetch(*dialog.period())
        dialog.deleteLater()

    def start_fetch(self, first: dt.date, last: dt.date) -> BackgroundOp:
        engine = self._engine

        def job(progress: JobProgress) -> RateFetch:
            with UnitOfWork(engine) as uow:
                result = rate_fetch.fetch_rates(
                    uow, first, last, progress=service_progress(progress)
                )
                uow.commit()
            return result

        label = self.tr("Fetching the NBU rates for {first} – {last}…").format(
            first=format_date(first), last=format_date(last)
        )
        op = BackgroundOp(self, job, label=label, changes={RATES})
        op.done.connect(self._fetched)
        return self._keep(op).start()

    def _fetched(self, result: RateFetch) -> None:
        self.last_fetch = result
        text = self.tr(
            "NBU rates for {first} – {last}: {new} new, {unchanged} already stored."
        ).format(
            first=format_date(result.date_from),
            last=format_date(result.date_to),
            new=result.new,
            unchanged=result.unchanged,
        )
        if result.conflicts:
            listed = "; ".join(
                self.tr("{currency} {day}: stored {stored}, the NBU says {nbu}").format(
                    currency=c.currency,
                    day=format_date(c.day),
                    stored=format_rate(c.stored),
                    nbu=format_rate(c.fetched),
                )
                for c in result.conflicts
            )
            text += " " + self.tr(
                "Left as stored, check them (Enter rate… corrects one): {list}."
            ).format(list=listed)
        self.outcome.setText(text)
        self.outcome.setStyleSheet("color: #b00020" if result.conflicts else "")
        self.message.emit(text)

    def _keep(self, op: BackgroundOp) -> BackgroundOp:
        self.jobs.append(op)
        op.finished.connect(lambda: self.jobs.remove(op) if op in self.jobs else None)
        return op

    def export(self) -> None:
        path = choose_path(self, self._settings, self.tr("Export list"), "rates")
        if path is not None:
            self.start_export(path)

    def start_export(self, path: Path) -> BackgroundOp:
        shown = snapshot(self.proxy, "Курси НБУ", "rates")
        op = start_list_export(self, self._engine, shown, path)
        op.done.connect(lambda r: self.message.emit(self.tr("Saved {p}").format(p=r.path)))
        return op

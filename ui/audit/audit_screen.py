"""The audit log screen: every write, who, when, from which workstation.

The log grows with every change, so the list is read a page at a time and the
database filters and sorts it (`backoffice.services.audit`). Dates are the
days of the records' time, in UTC as the log keeps it (as `audit list` does).
The pane below the list shows the chosen record's before → after, field by
field. Nothing here writes: the log is read-only for everyone, and the
database itself refuses to change it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.exports import ColumnKind
from backoffice.services import audit
from backoffice.services.audit import AuditEntry, AuditQuery, AuditSummary
from backoffice.services.audit_names import action_name, object_name
from ui import errors
from ui.audit.audit_detail import detail_html, one_line
from ui.background import BackgroundOp, change_hub
from ui.list_export import choose_path, start_paged_export
from ui.record_table import PagedRecordModel, RecordColumn, current_record, make_view
from ui.screen_parts import add_context_actions, button_row, empty_hint, filter_field, make_action

if TYPE_CHECKING:
    from sqlalchemy import Engine

K = ColumnKind


def window_language() -> str:
    """The language the window speaks (set by ui.languages at start)."""
    return "en" if QLocale().language() == QLocale.Language.English else "uk"


class AuditScreen(QWidget):
    """The audit log viewer (screen convention: engine, settings, parent)."""

    message = Signal(str)

    def __init__(self, engine: Engine, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self._language = window_language()
        self.jobs: list[BackgroundOp] = []

        self.records: PagedRecordModel[AuditEntry, AuditQuery, AuditSummary] = PagedRecordModel(
            self._columns(),
            engine,
            audit.entries,
            audit.summarize,
            AuditQuery(sort="at", descending=True),
            self,
        )
        self.records.summary_changed.connect(self._show_count)
        self.records.load_failed.connect(
            lambda exc: errors.show_error_once(self, exc, self.tr("Cannot read the audit log"))
        )
        self.view = make_view(self.records, sort=(0, Qt.SortOrder.DescendingOrder))
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("Choose a record to see what it changed"))
        self.count_label = QLabel()

        today = dt.date.today()
        self.from_check = QCheckBox(self.tr("&From:"))
        self.from_edit = self._date_edit(today - dt.timedelta(days=30))
        self.to_check = QCheckBox(self.tr("&To:"))
        self.to_edit = self._date_edit(today)
        self.user_combo = QComboBox()
        self.user_combo.setToolTip(self.tr("Only this user's records"))
        self.action_combo = QComboBox()
        self.action_combo.setToolTip(self.tr("Only records of this kind"))
        self._fill_choices()

        self.export_action = make_action(
            self,
            self.tr("&Export list…"),
            self.export,
            self.tr("Save the records as listed to an XLSX or CSV file"),
        )
        self.refresh_action = make_action(
            self, self.tr("&Refresh"), self.refresh, self.tr("Read the log again"), "F5"
        )
        add_context_actions(self.view, [self.export_action])
        self._lay_out()
        self.empty_hint = empty_hint(
            self.view,
            lambda: self.tr("No records match the filters: widen the dates or clear the filters"),
        )

        for check in (self.from_check, self.to_check):
            check.toggled.connect(lambda _on: self.reload())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.reload())
        self.user_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.action_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.records.modelReset.connect(self._show_detail)
        change_hub().changed.connect(self.reload_changed)

    def title(self) -> str:
        return self.tr("Audit log")

    # -- building -----------------------------------------------------------------------

    def _columns(self) -> tuple[RecordColumn[AuditEntry], ...]:
        language = self._language
        return (
            RecordColumn(
                self.tr("Time, UTC"),
                lambda r: r.at,
                K.DATETIME,
                "Час, UTC",
                order="at",
                sample="00.00.0000 00:00:00",
                shown=lambda r: r.at.strftime("%d.%m.%Y %H:%M:%S"),
            ),
            RecordColumn(
                self.tr("User"),
                lambda r: r.user,
                K.TEXT,
                "Користувач",
                order="user",
                sample="W" * 10,
            ),
            RecordColumn(
                self.tr("Workstation"),
                lambda r: r.workstation,
                K.TEXT,
                "Робоче місце",
                order="workstation",
                sample="W" * 14,
            ),
            RecordColumn(
                self.tr("Action"),
                lambda r: action_name(r.action, language),
                K.TEXT,
                "Дія",
                order="action",
                sample="W" * 20,
                tooltip=lambda r: r.action,
            ),
            RecordColumn(
                self.tr("Object"),
                lambda r: r.object,
                K.TEXT,
                "Об'єкт",
                shown=lambda r: object_name(r.object, language),
                order="object",
                sample="W" * 14,
                tooltip=lambda r: r.object,
            ),
            RecordColumn(
                self.tr("Before"),
                lambda r: r.before or "",
                K.TEXT,
                "Було",
                shown=lambda r: one_line(r.before, language),
                sample="W" * 12,
            ),
            RecordColumn(
                self.tr("After"),
                lambda r: r.after or "",
                K.TEXT,
                "Стало",
                shown=lambda r: one_line(r.after, language),
            ),
        )

    def _date_edit(self, day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setCalendarPopup(True)
        return edit

    def _fill_choices(self) -> None:
        """Users and kinds of action the log holds, keeping what is chosen."""
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                users, actions = audit.users(uow), audit.actions(uow)
        except Exception as exc:
            errors.show_error_once(self, exc, self.tr("Cannot read the audit log"))
            return
        chosen_user, chosen_action = self.user_combo.currentData(), self.action_combo.currentData()
        self.user_combo.blockSignals(True)
        self.action_combo.blockSignals(True)
        try:
            self.user_combo.clear()
            self.user_combo.addItem(self.tr("All users"), "")
            for user in users:
                self.user_combo.addItem(user, user)
            self.action_combo.clear()
            self.action_combo.addItem(self.tr("All actions"), "")
            named = sorted(
                ((action_name(a, self._language), a) for a in actions), key=lambda n: n[0]
            )
            for name, code in named:
                self.action_combo.addItem(name, code)
                self.action_combo.setItemData(
                    self.action_combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole
                )
            for combo, chosen in (
                (self.user_combo, chosen_user),
                (self.action_combo, chosen_action),
            ):
                found = combo.findData(chosen) if chosen else 0
                combo.setCurrentIndex(max(found, 0))
        finally:
            self.user_combo.blockSignals(False)
            self.action_combo.blockSignals(False)

    def _lay_out(self) -> None:
        self.filter_edit = filter_field(
            lambda _text: self.reload(),
            self.view,
            self.tr("Filter by object, workstation, before or after"),
        )
        user_label = QLabel(self.tr("&User:"))
        user_label.setBuddy(self.user_combo)
        action_label = QLabel(self.tr("&Action:"))
        action_label.setBuddy(self.action_combo)
        filters = QHBoxLayout()
        for widget in (self.from_check, self.from_edit, self.to_check, self.to_edit):
            filters.addWidget(widget)
        filters.addSpacing(12)
        filters.addWidget(user_label)
        filters.addWidget(self.user_combo)
        filters.addSpacing(12)
        filters.addWidget(action_label)
        filters.addWidget(self.action_combo)
        filters.addSpacing(12)
        filters.addWidget(self.filter_edit, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(filters)
        layout.addLayout(button_row([self.refresh_action, None, self.export_action]))
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

    # -- reading ------------------------------------------------------------------------

    def query(self) -> AuditQuery:
        """The filters on screen, in the order on screen."""
        current = self.records.query
        return AuditQuery(
            date_from=_day(self.from_edit) if self.from_check.isChecked() else None,
            date_to=_day(self.to_edit) if self.to_check.isChecked() else None,
            user=self.user_combo.currentData() or "",
            action=self.action_combo.currentData() or "",
            text=self.filter_edit.text(),
            sort=current.sort,
            descending=current.descending,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.records.loaded:
            self.reload()

    def reload(self, *, keep_loaded: bool = False) -> None:
        self.records.load(self.query(), keep_loaded=keep_loaded)

    def refresh(self) -> None:
        self._fill_choices()
        self.reload(keep_loaded=True)

    def reload_changed(self, changed: frozenset[str]) -> None:
        """Any write adds a record: read the log again if it is on screen."""
        del changed
        if self.records.loaded and self.isVisible():
            self.refresh()

    def _show_count(self, summary: AuditSummary) -> None:
        self.count_label.setText(self.tr("{n} records").format(n=QLocale().toString(summary.count)))

    def _show_detail(self) -> None:
        entry = current_record(self.view)
        if entry is None:
            self.detail.clear()
            return
        name = action_name(entry.action, self._language)
        self.detail.setHtml(detail_html(entry, name, self._language))

    # -- export -------------------------------------------------------------------------

    def export(self) -> None:
        path = choose_path(self, self._settings, self.tr("Export the audit log"), "audit")
        if path is not None:
            self.start_export(path)

    def start_export(self, path: Path) -> BackgroundOp:
        op = start_paged_export(self, self._engine, self.records, "Журнал змін", "Журнал", path)
        op.done.connect(lambda r: self.message.emit(self.tr("Saved {p}").format(p=r.path)))
        self.jobs.append(op)
        op.finished.connect(lambda: self.jobs.remove(op) if op in self.jobs else None)
        return op


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())

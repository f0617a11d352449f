"""Alerts and e-mail: the outbox with each message's delivery state.

Send now sends what waits (and retries what failed) with the SMTP settings;
Queue alerts puts the alerts not yet queued into the outbox; View shows a
message as it is sent. Sending runs off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.services import outbox
from ui import errors
from ui.background import BackgroundOp, JobProgress
from ui.screen_parts import empty_hint

if TYPE_CHECKING:
    from sqlalchemy import Engine

OUTBOX: Final = "outbox"
ALL, WAITING, FAILED, SENT = range(4)


def when(moment: dt.datetime | None) -> str:
    return moment.strftime("%d.%m.%Y %H:%M") if moment else ""


class OutboxScreen(QWidget):
    message = Signal(str)

    def __init__(self, engine: Engine, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self.jobs: list[BackgroundOp] = []
        self.loaded = False
        self.messages: list[outbox.OutboxView] = []

        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("State"),
                self.tr("What"),
                self.tr("To"),
                self.tr("Subject"),
                self.tr("Queued"),
                self.tr("Sent"),
                self.tr("Attempts and last error"),
            ]
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.open_view())
        self.hint = empty_hint(
            self.view,
            self.tr(
                "The outbox is empty. Invoices, acts and alerts are put here to be e-mailed "
                "(Queue alerts, or from the invoices)."
            ),
        )

        self.filter_combo = QComboBox()
        for text in (
            self.tr("All messages"),
            self.tr("Waiting"),
            self.tr("Failed"),
            self.tr("Sent"),
        ):
            self.filter_combo.addItem(text)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._fill())
        self.send_button = QPushButton(self.tr("&Send now"))
        self.send_button.setToolTip(self.tr("Send what waits and retry what failed"))
        self.queue_button = QPushButton(self.tr("&Queue alerts"))
        self.queue_button.setToolTip(self.tr("Put the alerts not yet e-mailed into the outbox"))
        self.view_button = QPushButton(self.tr("&View…"))
        for button in (self.send_button, self.queue_button, self.view_button):
            button.setAutoDefault(False)
        self.send_button.clicked.connect(self.send_now)
        self.queue_button.clicked.connect(self.queue_alerts)
        self.view_button.clicked.connect(self.open_view)
        self.count_label = QLabel()

        row = QHBoxLayout()
        label = QLabel(self.tr("&Show:"))
        label.setBuddy(self.filter_combo)
        row.addWidget(label)
        row.addWidget(self.filter_combo)
        row.addSpacing(12)
        row.addWidget(self.send_button)
        row.addWidget(self.queue_button)
        row.addWidget(self.view_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Alerts and e-mail")

    # -- reading ----------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.loaded:
            self.reload()

    def refresh(self) -> None:
        self.reload()

    def reload_changed(self, changed: frozenset[str]) -> None:
        if self.loaded and changed & {OUTBOX, "invoices", "months"}:
            self.reload()

    def reload(self) -> BackgroundOp:
        self.loaded = True

        def read(_progress: JobProgress) -> list[outbox.OutboxView]:
            with UnitOfWork(self._engine, read_only=True) as uow:
                return outbox.list_outbox(uow)

        return self._run(read, self.tr("Reading the outbox…"), self._show)

    def _show(self, messages: list[outbox.OutboxView]) -> None:
        self.messages = messages[::-1]  # the newest on top
        self._fill()

    def state_of(self, message: outbox.OutboxView) -> int:
        if message.sent_at is not None:
            return SENT
        return FAILED if message.attempts else WAITING

    def shown(self) -> list[outbox.OutboxView]:
        wanted = self.filter_combo.currentIndex()
        return [m for m in self.messages if wanted == ALL or self.state_of(m) == wanted]

    def _fill(self) -> None:
        states = {
            WAITING: self.tr("waiting"),
            FAILED: self.tr("failed"),
            SENT: self.tr("sent"),
        }
        kinds = {
            "invoice": self.tr("invoice"),
            "act": self.tr("act"),
            "alert": self.tr("alert"),
        }
        self.model.setRowCount(0)
        for message in self.shown():
            state = self.state_of(message)
            tries = ""
            if message.attempts:
                tries = self.tr("%n attempt(s)", "", message.attempts)
                if message.last_error:
                    tries += ": " + errors.error_text(Exception(message.last_error))
            cells = [
                QStandardItem(states[state]),
                QStandardItem(kinds.get(message.key.split(":")[0], message.key)),
                QStandardItem(message.recipients),
                QStandardItem(message.subject),
                QStandardItem(when(message.created_at)),
                QStandardItem(when(message.sent_at)),
                QStandardItem(tries),
            ]
            if state == FAILED:
                cells[0].setForeground(Qt.GlobalColor.darkRed)
            cells[0].setData(message.key, Qt.ItemDataRole.UserRole)
            self.model.appendRow(cells)
        self.view.resizeColumnsToContents()
        waiting = sum(1 for m in self.messages if self.state_of(m) != SENT)
        self.count_label.setText(
            self.tr("{waiting} waiting of {total}").format(
                waiting=waiting, total=len(self.messages)
            )
        )
        self._update_buttons()

    def current_key(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        key = self.model.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        return str(key) if key else None

    def _update_buttons(self) -> None:
        busy = any(op.running for op in self.jobs)
        self.send_button.setEnabled(
            not busy and any(self.state_of(m) != SENT for m in self.messages)
        )
        self.queue_button.setEnabled(not busy)
        self.view_button.setEnabled(self.current_key() is not None)

    # -- actions ------------------------------------------------------------------

    def send_now(self) -> BackgroundOp:
        def send(_progress: JobProgress) -> outbox.SendSummary:
            return outbox.send_pending(self._engine)

        return self._run(
            send, self.tr("Sending e-mail…"), self._sent, changes=(OUTBOX,), reload=True
        )

    def _sent(self, summary: outbox.SendSummary) -> None:
        text = self.tr("{sent} sent, {failed} failed").format(
            sent=summary.sent, failed=summary.failed
        )
        self.count_label.setText(text)
        self.message.emit(text)

    def queue_alerts(self) -> BackgroundOp:
        def queue(_progress: JobProgress) -> outbox.QueueResult:
            with UnitOfWork(self._engine) as uow:
                result = outbox.queue_alerts(uow)
                uow.commit()
            return result

        return self._run(
            queue,
            self.tr("Queuing alerts…"),
            lambda result: self.message.emit(
                self.tr("{n} alert(s) queued").format(n=result.queued)
            ),
            changes=(OUTBOX,),
            reload=True,
        )

    def make_view_dialog(self) -> QDialog | None:
        key = self.current_key()
        message = next((m for m in self.messages if m.key == key), None)
        if message is None:
            return None
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                body = outbox.message_body(uow, message.key)
        except Exception as exc:
            errors.show_error(self, exc)
            return None
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Message"))
        dialog.resize(560, 420)
        form = QFormLayout()
        form.addRow(self.tr("To:"), QLabel(message.recipients))
        form.addRow(self.tr("Subject:"), QLabel(message.subject))
        text = QPlainTextEdit(body)
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addLayout(form)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        return dialog

    def open_view(self) -> None:
        dialog = self.make_view_dialog()
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()

    def _run(self, job, label, done, *, changes=(), reload=False) -> BackgroundOp:  # type: ignore[no-untyped-def]
        op = BackgroundOp(self, job, label=label, changes=changes)
        op.done.connect(done)
        if reload:
            op.finished.connect(self.reload)
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        op.start()
        self._update_buttons()
        return op

    def _forget(self, op: BackgroundOp) -> None:
        if op in self.jobs:
            self.jobs.remove(op)
        op.deleteLater()
        self._update_buttons()

"""Run a job off the GUI thread and hand its outcome back to the GUI thread.

The job is a plain function taking a `JobProgress` (after Orange3's
`concurrent.py`): it reports with `set_status` / `set_progress_value` and
polls `is_interruption_requested`, raising `Cancelled` to stop. The screen
supplies only what happens on success and on failure (after Anki's
`CollectionOp`); failures go to `ui.errors` unless the screen says otherwise.

    op = BackgroundOp(window, job, label="Exporting…")
    op.done.connect(on_done)        # GUI thread, with the job's return value
    op.start()

A progress dialog with Cancel appears only if the job is still running after
`SHOW_PROGRESS_AFTER_MS`, so quick jobs do not flash a window.

A service that reports how far it is takes a `Progress` callable (a fraction
0.0–1.0); `service_progress(progress)` makes one that moves the bar and stops
the job (raising `Cancelled`, so the unit of work rolls back) once Cancel was
pressed. An op started with `changes={"accounts", …}` announces them on
`change_hub().changed` after success, so only the screens showing those
things reload.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from typing import Any, Final, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui import errors

SHOW_PROGRESS_AFTER_MS = 600

# What an operation may change; screens reload on the names they show.
ACCOUNTS: Final = "accounts"  # balances, access, the ledger
STATEMENTS: Final = "statements"  # batches and the unmatched queue
INVOICES: Final = "invoices"  # invoices paid or released


class Cancelled(Exception):
    """Raised by a job that saw `is_interruption_requested()`; not an error."""


class JobProgress(Protocol):
    def set_status(self, text: str) -> None: ...

    def set_progress_value(self, percent: int) -> None: ...

    def is_interruption_requested(self) -> bool: ...


def service_progress(progress: JobProgress) -> Callable[[float], None]:
    """The `Progress` a service takes, reporting to `progress` (worker thread)."""

    def report(fraction: float) -> None:
        if progress.is_interruption_requested():
            raise Cancelled  # the service's unit of work rolls back
        progress.set_progress_value(int(fraction * 100))

    return report


class ChangeHub(QObject):
    """`changed(names)` after an operation changed the things `names` says."""

    changed = Signal(object)  # frozenset[str]


_hub: ChangeHub | None = None


def change_hub() -> ChangeHub:
    global _hub
    if _hub is None:
        _hub = ChangeHub()
    return _hub


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the worker arrive queued."""

    status = Signal(str)
    progress = Signal(int)
    succeeded = Signal(object)
    failed = Signal(object)


class _State:
    """The `JobProgress` a job gets. Called from the worker thread only."""

    def __init__(self, relay: _Relay, cancel: threading.Event) -> None:
        self._relay = relay
        self._cancel = cancel
        self._last_percent = -1

    def set_status(self, text: str) -> None:
        self._relay.status.emit(text)

    def set_progress_value(self, percent: int) -> None:
        percent = max(0, min(100, int(percent)))
        if percent != self._last_percent:  # one signal per percent, not per row
            self._last_percent = percent
            self._relay.progress.emit(percent)

    def is_interruption_requested(self) -> bool:
        return self._cancel.is_set()


class _Worker(QRunnable):
    def __init__(self, job: Callable[[JobProgress], Any], state: _State, relay: _Relay) -> None:
        super().__init__()
        self._job = job
        self._state = state
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._job(self._state)
        except BaseException as exc:  # delivered to the GUI thread, never lost here
            self._deliver(self._relay.failed, exc)
        else:
            self._deliver(self._relay.succeeded, result)

    @staticmethod
    def _deliver(signal: Any, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window that asked was closed meanwhile
            signal.emit(value)


class BackgroundOp(QObject):
    """One run of `job` in the global thread pool.

    Signals (all in the GUI thread): `done(result)` on success, `failed(exc)`
    on an exception other than `Cancelled`, `cancelled()`, and `finished()`
    after any of them.
    """

    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        job: Callable[[JobProgress], Any],
        *,
        label: str,
        show_errors: bool = True,
        changes: Iterable[str] = (),
    ) -> None:
        super().__init__(parent)
        self._changes = frozenset(changes)
        self._parent = parent
        self._label = label
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._running = False
        self._percent = 0
        self.dialog: QProgressDialog | None = None
        self._worker = _Worker(job, _State(self._relay, self._cancel), self._relay)
        self._worker.setAutoDelete(False)  # Python keeps it; freed with this object
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_progress)
        self._relay.status.connect(self._on_status)
        self._relay.progress.connect(self._on_progress)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)
        if show_errors:
            self.failed.connect(lambda exc: errors.show_error(self._parent, exc))

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> BackgroundOp:
        self._running = True
        self._show_timer.start(SHOW_PROGRESS_AFTER_MS)
        QThreadPool.globalInstance().start(self._worker)
        return self

    def cancel(self) -> None:
        """Ask the job to stop; it does so at its next check."""
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def _show_progress(self) -> None:
        if not self._running:
            return
        # Our own timer rather than QProgressDialog's minimumDuration, whose
        # clock depends on when setValue() happens to be called.
        dialog = QProgressDialog(self._label, self.tr("Cancel"), 0, 100, self._parent)
        dialog.setWindowTitle(self._label.rstrip("…. "))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(self._percent)
        dialog.canceled.connect(self.cancel)
        dialog.show()
        self.dialog = dialog

    def _on_status(self, text: str) -> None:
        self._label = text
        if self.dialog is not None and not self._cancel.is_set():
            self.dialog.setLabelText(text)

    def _on_progress(self, percent: int) -> None:
        self._percent = percent
        if self.dialog is not None:
            self.dialog.setValue(percent)

    def _on_succeeded(self, result: object) -> None:
        self._finish()
        if self._cancel.is_set():
            self.cancelled.emit()
        else:
            if self._changes:  # the screens are fresh before `done` reports
                change_hub().changed.emit(self._changes)
            self.done.emit(result)
        self.finished.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(exc)
        self.finished.emit()

    def _finish(self) -> None:
        self._running = False
        self._show_timer.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def wait_for_background_jobs(timeout_ms: int = 30_000) -> bool:
    """Before quitting: let running jobs end so none writes into a dead window."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

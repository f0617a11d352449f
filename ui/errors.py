"""The one place where a failed operation becomes a message to the user.

A `BackofficeError` is a refusal the user can act on: its text is the message.
Anything else is a bug: say so plainly and keep the traceback under
"Show Details…" for the report.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from backoffice.errors import BackofficeError


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def error_text(exc: BaseException) -> str:
    """What the user reads: the service's own sentence, or a plain 'internal error'."""
    if isinstance(exc, BackofficeError):
        message = str(exc)
        return message[:1].upper() + message[1:]
    return _tr("Internal error: {kind}: {message}").format(kind=type(exc).__name__, message=exc)


def error_box(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """The message box for `exc`, built but not shown (tests inspect it)."""
    refused = isinstance(exc, BackofficeError)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if refused else QMessageBox.Icon.Critical)
    box.setWindowTitle(title or (_tr("Not done") if refused else _tr("Internal error")))
    box.setText(error_text(exc))
    if refused:
        box.setInformativeText(_tr("Nothing was changed."))
    else:
        box.setInformativeText(
            _tr("Nothing was changed. Please report this, with the details, to the developers.")
        )
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Tell the user why an operation failed; modal, returns when dismissed."""
    error_box(parent, exc, title).exec()


_showing: set[int] = set()


def show_error_once(parent: QWidget, exc: BaseException, title: str | None = None) -> None:
    """`show_error`, unless `parent` is showing one already: a list filtered as
    one types asks the database at every pause, and a server that is down
    would otherwise stack a box per pause."""
    if id(parent) in _showing:
        return
    _showing.add(id(parent))
    try:
        show_error(parent, exc, title)
    finally:
        _showing.discard(id(parent))

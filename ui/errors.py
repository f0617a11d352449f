"""The one place where a failed operation becomes a message to the user.

A `BackofficeError` is a refusal the user can act on: its text is the message,
but the services word it for the command line (`needs --account`, setting
keys, ISO dates). `error_text` rewords the refusals the window can meet into
the accountant's words, translated (`KNOWN`), and writes any date in it as
07.12.2026. A lost connection to the database server is no bug either: one
sentence, and a Retry that waits for the server (`ui.connection.reconnect`).
Anything else is a bug: say so plainly and keep the traceback under "Show
Details…" for the report.
"""

from __future__ import annotations

import re
import traceback
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from backoffice.db.server_connection import connection_lost
from backoffice.errors import BackofficeError
from backoffice.permissions import PermissionDenied
from ui.users.words import refusal_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


# A service's refusal (matched anywhere in its text; what precedes the match,
# such as a file name and line, is kept) → the window's sentence, whose
# {names} are the pattern's groups.
KNOWN: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), text)
    for pattern, text in (
        (
            r"the reconciliation statement needs --account",
            QT_TRANSLATE_NOOP("errors", "Choose the personal account for the reconciliation."),
        ),
        (
            r"the \w+ report needs --account",
            QT_TRANSLATE_NOOP("errors", "Choose the personal account this report is for."),
        ),
        (
            r"the statement is for account (?P<account>\S+), which is not ours "
            r"\(company\.iban, company\.accounts\)",
            QT_TRANSLATE_NOOP(
                "errors",
                "the statement is of account {account}, which is not among our bank "
                "accounts. Check the file, or add the account to the company's bank accounts.",
            ),
        ),
        (
            r"our bank accounts are not set: .*",
            QT_TRANSLATE_NOOP(
                "errors",
                "Our company's bank accounts are not set: enter them in the company "
                "settings first, so a statement can be told ours.",
            ),
        ),
        (
            r"no mapping profile matches this table \(first row: (?P<row>.*)\); "
            r"known profiles: .*; choose one or create a profile",
            QT_TRANSLATE_NOOP(
                "errors",
                "the columns of this table were not recognised (first row: {row}). "
                "Choose the bank under “Read as”, or ask for a profile of this bank.",
            ),
        ),
        (
            r"statement line \d+ is \w+, not unmatched",
            QT_TRANSLATE_NOOP(
                "errors",
                "This payment is no longer waiting: it was assigned or ignored meanwhile. "
                "The list is shown again.",
            ),
        ),
        (
            r"statement line \d+ is \w+, not posted",
            QT_TRANSLATE_NOOP("errors", "This payment is not on an account any more."),
        ),
        (
            r"statement batch (?P<id>\d+) was undone on (?P<day>\S+)",
            QT_TRANSLATE_NOOP("errors", "Batch {id} was already undone on {day}."),
        ),
        (
            r"entry (?P<id>\d+) was already reversed by entry (?P<by>\d+)",
            QT_TRANSLATE_NOOP("errors", "Entry {id} was already reversed by entry {by}."),
        ),
        (
            r"entry (?P<id>\d+) is itself a reversal; post a correct entry instead",
            QT_TRANSLATE_NOOP(
                "errors", "Entry {id} is a reversal itself: post a correcting entry instead."
            ),
        ),
        (
            r"reversal date (?P<day>\S+) is before the entry's date (?P<entry>\S+)",
            QT_TRANSLATE_NOOP(
                "errors", "The reversal date {day} is before the entry's own date {entry}."
            ),
        ),
        (
            r"account '(?P<number>[^']+)' does not exist",
            QT_TRANSLATE_NOOP("errors", "There is no personal account {number}."),
        ),
        (
            r"top-up amount \S+ must be positive",
            QT_TRANSLATE_NOOP("errors", "A top-up must be more than zero."),
        ),
        (
            r"(a top-up|a reversal|undoing a batch|ignoring a payment|cancelling an invoice)"
            r" needs a reason",
            QT_TRANSLATE_NOOP("errors", "Write the reason: it is kept in the audit log."),
        ),
        (
            r"invoice (?P<number>\S+) is already cancelled",
            QT_TRANSLATE_NOOP("errors", "Invoice {number} is already cancelled."),
        ),
        (
            r"\w+ '(?P<text>[^']*)' is not a number: type it like 1 234,50 or 1234.50",
            QT_TRANSLATE_NOOP("errors", "“{text}” is not an amount: type it like 1 234,50."),
        ),
    )
)
ISO_DATE: Final = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def error_text(exc: BaseException) -> str:
    """What the user reads: the refusal in the window's words, or a plain 'internal error'."""
    if connection_lost(exc):
        return _tr("The connection to the database server was lost, or it cannot be reached.")
    if isinstance(exc, PermissionDenied) and (refused := refusal_text(exc)) is not None:
        return refused
    if isinstance(exc, BackofficeError):
        return _sentence(_reworded(str(exc)))
    return _tr("Internal error: {kind}: {message}").format(kind=type(exc).__name__, message=exc)


def _reworded(message: str) -> str:
    for pattern, text in KNOWN:
        found = pattern.search(message)
        if found is not None:
            groups = {k: v for k, v in found.groupdict().items() if v is not None}
            return message[: found.start()] + _tr(text).format(**groups) + message[found.end() :]
    return message


def _sentence(message: str) -> str:
    """Dates as 07.12.2026; a capital first letter, unless the message starts with
    a file name (`vypyska.txt: …` stays as the file is called)."""
    message = ISO_DATE.sub(r"\3.\2.\1", message)
    first = re.split(r"[\s:]", message, maxsplit=1)[0]
    if re.fullmatch(r"[a-z]+", first):
        return message[:1].upper() + message[1:]
    return message


def error_box(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """The message box for `exc`, built but not shown (tests inspect it)."""
    if connection_lost(exc):
        return _lost_box(parent, exc, title)
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


def _lost_box(parent: QWidget | None, exc: BaseException, title: str | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or _tr("No connection to the server"))
    box.setText(error_text(exc))
    box.setInformativeText(
        _tr(
            "The operation was not done: the server undid all of it. When the server is "
            "back (ask your administrator), press Retry, then do the operation again."
        )
    )
    box.setDetailedText(str(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    return box


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Tell the user why an operation failed; modal, returns when dismissed.

    A lost server: Retry tries to reach it again; the box closes once it
    answers (the screens reload) or when the user closes it. The operation
    itself is not repeated by the program: it may not be safe to do twice
    without the user seeing what is there now."""
    box = error_box(parent, exc, title)
    while True:
        choice = box.exec()
        if not connection_lost(exc) or choice != QMessageBox.StandardButton.Retry:
            return
        still = retry_connection()
        if still is None:
            return
        box.setText(_tr("The database server still does not answer."))
        box.setDetailedText(str(still))


def retry_connection() -> BaseException | None:
    """Try the window's database again; None once it answers."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor, QGuiApplication

    from ui.connection import reconnect

    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        return reconnect.reconnect()
    finally:
        QGuiApplication.restoreOverrideCursor()


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

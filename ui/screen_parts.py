"""Small widgets the list screens share: actions, their buttons, a filter field."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTableView, QToolButton, QWidget

from ui.record_table import RecordSortProxy


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    tip: str,
    shortcut: str | None = None,
) -> QAction:
    """An action with a status tip and a tooltip naming its shortcut."""
    action = QAction(text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def action_button(action: QAction) -> QToolButton:
    """A button that follows `action` (text, tooltip, enabled) and Tab reaches."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def button_row(actions: Sequence[QAction | None], *extra: QWidget) -> QHBoxLayout:
    """Buttons for `actions` (None: a gap), then `extra` widgets on the right."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for action in actions:
        if action is None:
            row.addSpacing(12)
        else:
            row.addWidget(action_button(action))
    row.addStretch(1)
    for widget in extra:
        row.addWidget(widget)
    return row


FILTER_DELAY_MS = 250  # a pause in typing before a paged list asks the database


def filter_field(
    target: RecordSortProxy | Callable[[str], object], view: QTableView, placeholder: str
) -> QLineEdit:
    """A field that filters as one types; Esc clears it, ↓ goes to `view`.

    A proxy filters at each key; a function (a paged list's query) is called
    once typing pauses, or at once on Enter.
    """
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setToolTip(placeholder)
    edit.setClearButtonEnabled(True)
    edit.setMinimumWidth(220)
    if isinstance(target, RecordSortProxy):
        edit.textChanged.connect(target.setFilterFixedString)
    else:
        apply = target
        timer = QTimer(edit)
        timer.setSingleShot(True)
        timer.setInterval(FILTER_DELAY_MS)
        timer.timeout.connect(lambda: apply(edit.text()))
        edit.textChanged.connect(lambda _text: timer.start())
        edit.returnPressed.connect(timer.stop)
        edit.returnPressed.connect(lambda: apply(edit.text()))
    escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), edit)
    escape.setContext(Qt.ShortcutContext.WidgetShortcut)
    escape.activated.connect(edit.clear)
    down = QShortcut(QKeySequence(Qt.Key.Key_Down), edit)
    down.setContext(Qt.ShortcutContext.WidgetShortcut)
    down.activated.connect(lambda: view.setFocus(Qt.FocusReason.ShortcutFocusReason))
    return edit


def add_context_actions(view: QTableView, actions: Sequence[QAction]) -> None:
    """The actions as the view's context menu (right click, or the Menu key)."""
    for action in actions:
        view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)


class EmptyHint(QObject):
    """A grey sentence over an empty list saying what to do to fill it.

    A label on the view's viewport, shown while the model has no rows and
    kept centred as the view is resized; clicks go through to the view.
    """

    def __init__(self, view: QTableView, text: str | Callable[[], str]) -> None:
        super().__init__(view)
        self._view = view
        self._text = text
        self.label = QLabel(view.viewport())
        self.label.setObjectName("empty_hint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet("color: gray; padding: 12px;")
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self.update)
        self.update()

    def update(self, *_args: object) -> None:
        empty = self._view.model().rowCount() == 0
        if empty:
            self.label.setText(self._text() if callable(self._text) else self._text)
            self.label.setGeometry(self._view.viewport().rect())
        self.label.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.label.setGeometry(self._view.viewport().rect())
        return False


def empty_hint(view: QTableView, text: str | Callable[[], str]) -> EmptyHint:
    return EmptyHint(view, text)

"""One audit record made readable: before → after, field by field where both
are objects, else each side as pretty JSON or plain text (HTML, escaped)."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from backoffice.services import audit
from backoffice.services.audit_names import field_name

_CONTEXT = "AuditDetail"
CHANGED = "#fff3cd"  # a changed field's row: the pale amber the lists use for warnings


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def one_line(text: str | None, language: str = "uk", limit: int = 120) -> str:
    """A stored value on one line for a list cell: JSON objects as `field: value, …`,
    the fields named in `language`."""
    value = audit.decoded(text)
    if value is None:
        return ""
    if isinstance(value, dict):
        shown = ", ".join(f"{field_name(k, language)}: {_plain(v)}" for k, v in value.items())
    else:
        shown = _plain(value)
    shown = " ".join(shown.split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def field_changes(before: Any, after: Any) -> list[tuple[str, Any, Any, bool]]:
    """(field, before, after, changed) for two objects, fields in the order
    first seen; a field only on one side is changed from or to nothing."""
    names = list(dict.fromkeys([*before, *after]))
    rows = []
    for name in names:
        old, new = before.get(name), after.get(name)
        rows.append((name, old, new, old != new))
    return rows


def detail_html(entry: audit.AuditEntry, action: str, language: str = "uk") -> str:
    """The detail pane's text for `entry`; `action` is its name in the window's `language`."""
    e = html.escape
    head = (
        f"<h3>{e(action)}</h3>"
        f"<p><b>{e(entry.object)}</b><br>"
        f"{e(entry.at.strftime('%d.%m.%Y %H:%M:%S'))} UTC · {e(entry.user)}"
        f" · {e(entry.workstation or _tr('workstation unknown'))}"
        f"<br><small>{e(entry.action)}</small></p>"
    )
    before, after = audit.decoded(entry.before), audit.decoded(entry.after)
    if isinstance(before, dict) and isinstance(after, dict):
        return head + _diff_table(before, after, language)
    if before is None and isinstance(after, dict):
        return head + _diff_table({}, after, language, only_after=True)
    parts = [head]
    if before is not None:
        parts.append(f"<p><b>{e(_tr('Before'))}</b></p>{_pre(before)}")
    if after is not None:
        parts.append(f"<p><b>{e(_tr('After'))}</b></p>{_pre(after)}")
    if before is None and after is None:
        parts.append(f"<p>{e(_tr('No values recorded.'))}</p>")
    return "".join(parts)


def _pre(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)
    return f"<pre>{html.escape(text)}</pre>"


def _diff_table(
    before: dict[str, Any], after: dict[str, Any], language: str, *, only_after: bool = False
) -> str:
    e = html.escape
    header = (
        f"<tr><th align='left'>{e(_tr('Field'))}</th>"
        + ("" if only_after else f"<th align='left'>{e(_tr('Before'))}</th>")
        + f"<th align='left'>{e(_tr('After'))}</th></tr>"
    )
    rows = []
    for name, old, new, changed in field_changes(before, after):
        style = f" style='background-color:{CHANGED}'" if changed and not only_after else ""
        cells = f"<td title='{e(name)}'>{e(field_name(name, language))}</td>"
        if not only_after:
            cells += f"<td>{e(_plain(old))}</td>"
        cells += f"<td>{e(_plain(new))}</td>"
        rows.append(f"<tr{style}>{cells}</tr>")
    return (
        "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'>"
        + header
        + "".join(rows)
        + "</table>"
    )

"""How the CLI prints: JSON with money as strings, or plain aligned tables."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from backoffice.validation import printable

_UNESCAPED = re.compile("[\u0080-\u009f\u2028\u2029]")


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot print {type(value).__name__} as JSON")


def print_json(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2, default=_default)
    # json escapes C0 controls itself, not C1 (U+0080..U+009F, a terminal's CSI
    # among them) nor line separators: escaped here, still the same JSON.
    sys.stdout.write(_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], *, right: frozenset[int] = frozenset()
) -> None:
    text_rows = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in text_rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    sys.stdout.write(line(headers) + "\n")
    for row in text_rows:
        sys.stdout.write(line(row) + "\n")


def print_pairs(pairs: Sequence[tuple[str, Any]]) -> None:
    width = max((len(k) for k, _ in pairs), default=0)
    for key, value in pairs:
        sys.stdout.write(f"{key.ljust(width)}  {_cell(value)}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"warning: {printable(message)}\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    # stored text never reaches the terminal raw: an ESC in a name would
    # move the cursor or retitle the window
    return printable(value)

"""The audit log: who changed what, when, from which workstation, before → after.

Every write service leaves one record in its unit of work, so the record is
committed with the change or not at all. A bulk operation (an import of many
lines, the daily run) leaves one summary record, never one per row. The table
is append-only: the database refuses UPDATE and DELETE on it (migration 0011).
Secrets never reach it: values under a secret-looking key are masked.
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import json
import re
import socket
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select, text

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord
from backoffice.db.search import ESCAPE, contains_pattern, folded
from backoffice.permissions import Permission, require

MASK = "••••••"
# keys whose values are secrets wherever they appear in a before/after value
_SECRET_KEY = re.compile(r"password|secret|token|api[_-]?key|credential", re.IGNORECASE)
_WORKSTATION_LIMIT = 120


def record(
    uow: UnitOfWork, action: str, subject: str, before: Any = None, after: Any = None
) -> None:
    uow.session.add(
        AuditRecord(
            at=now(),
            actor=uow.actor,
            workstation=workstation(),
            action=action,
            subject=subject[:120],
            before=_text(before),
            after=_text(after),
        )
    )


def now() -> dt.datetime:
    """Wall-clock time of a write (not the business date), UTC, naive for both databases."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


@functools.cache
def workstation() -> str:
    """This computer and its OS user, e.g. "ws-03 (olena)": the program's user
    (`actor`) may log in anywhere, the workstation says where it was."""
    try:
        host = socket.gethostname() or "unknown"
    except OSError:
        host = "unknown"
    try:
        user = getpass.getuser()
    except Exception:  # no passwd entry in some containers
        user = "unknown"
    return f"{host} ({user})"[:_WORKSTATION_LIMIT]


def masked(value: Any) -> Any:
    """`value` with every secret-looking key's value replaced by `MASK`."""
    if isinstance(value, dict):
        return {
            k: (MASK if _SECRET_KEY.search(str(k)) and v is not None else masked(v))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [masked(v) for v in value]
    return value


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(masked(value), ensure_ascii=False, default=str, sort_keys=True)


def decoded(text: str | None) -> Any:
    """A stored before/after as a value: a JSON object or list back as one, other text as is."""
    if text is None or not text.startswith(("{", "[")):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


# -- reading -----------------------------------------------------------------


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    user: str
    workstation: str
    action: str
    object: str
    before: str | None
    after: str | None

    def as_json(self) -> dict[str, Any]:
        """The shape of `audit list --json` (SPEC §16)."""
        return {
            "at": self.at.isoformat(sep=" "),
            "user": self.user,
            "workstation": self.workstation,
            "action": self.action,
            "object": self.object,
            "before": decoded(self.before),
            "after": decoded(self.after),
        }


@dataclass(frozen=True)
class AuditQuery:
    """Which records a list shows and in what order; `limit` None is all of them."""

    date_from: dt.date | None = None  # the day of `at` (UTC), inclusive
    date_to: dt.date | None = None  # inclusive
    user: str = ""  # exactly this user (the actor)
    action: str = ""  # an action code, or a prefix ending in "." ("statements.")
    text: str = ""  # part of the object, the workstation, before or after, case aside
    sort: str = "at"
    descending: bool = False
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class AuditSummary:
    count: int


AUDIT_SORTS = {
    "at": AuditRecord.at,
    "user": AuditRecord.actor,
    "workstation": AuditRecord.workstation,
    "action": AuditRecord.action,
    "object": AuditRecord.subject,
}


def _filtered(uow: UnitOfWork, statement: Select[Any], query: AuditQuery) -> Select[Any]:
    r = AuditRecord
    if query.date_from is not None:
        statement = statement.where(r.at >= dt.datetime.combine(query.date_from, dt.time()))
    if query.date_to is not None:
        end = dt.datetime.combine(query.date_to + dt.timedelta(days=1), dt.time())
        statement = statement.where(r.at < end)
    if query.user.strip():
        statement = statement.where(r.actor == query.user.strip())
    action = query.action.strip()
    if action.endswith("."):
        statement = statement.where(r.action.startswith(action, autoescape=True))
    elif action:
        statement = statement.where(r.action == action)
    if query.text.strip():
        pattern = contains_pattern(query.text)
        statement = statement.where(
            or_(
                *(
                    folded(uow, column).like(pattern, escape=ESCAPE)
                    for column in (r.subject, r.workstation, r.before, r.after)
                )
            )
        )
    return statement


def summarize(uow: UnitOfWork, query: AuditQuery) -> AuditSummary:
    require(uow, Permission.VIEW_AUDIT)
    statement = _filtered(uow, select(func.count()).select_from(AuditRecord), query)
    return AuditSummary(int(uow.session.execute(statement).scalar_one()))


def entries(uow: UnitOfWork, query: AuditQuery) -> list[AuditEntry]:
    """The records `query` finds, in its order (ties in the order written)."""
    require(uow, Permission.VIEW_AUDIT)
    r = AuditRecord
    if query.sort not in AUDIT_SORTS:
        raise ValueError(f"cannot sort the audit log by {query.sort!r}")
    column = AUDIT_SORTS[query.sort]
    statement = _filtered(
        uow,
        select(r.id, r.at, r.actor, r.workstation, r.action, r.subject, r.before, r.after),
        query,
    )
    if query.descending:
        statement = statement.order_by(column.desc(), r.id.desc())
    else:
        statement = statement.order_by(column, r.id)
    if query.offset:
        statement = statement.offset(query.offset)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    return [AuditEntry(*row) for row in uow.session.execute(statement).all()]


def users(uow: UnitOfWork) -> list[str]:
    """Everyone who has a record, for a filter's choices."""
    require(uow, Permission.VIEW_AUDIT)
    statement = select(AuditRecord.actor).distinct().order_by(AuditRecord.actor)
    return list(uow.session.execute(statement).scalars())


def actions(uow: UnitOfWork) -> list[str]:
    """Every action code that has a record, for a filter's choices."""
    require(uow, Permission.VIEW_AUDIT)
    statement = select(AuditRecord.action).distinct().order_by(AuditRecord.action)
    return list(uow.session.execute(statement).scalars())


# -- integrity ---------------------------------------------------------------------

_GUARDS = {
    "sqlite": ("audit_log_no_update", "audit_log_no_delete"),
    "postgresql": ("audit_log_no_change", "audit_log_no_truncate"),
}


def guard_problems(uow: UnitOfWork) -> list[str]:
    """For `check`: the database's own guards of the log are in place and on
    (whoever drops or disables one could rewrite the log unseen)."""
    wanted = _GUARDS.get(uow.dialect, ())
    if uow.dialect == "sqlite":
        statement = text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    else:
        # 'D': disabled (ALTER TABLE ... DISABLE TRIGGER)
        statement = text(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'"
        )
    present = set(uow.session.execute(statement).scalars())
    return [
        f"audit log: guard {name} is missing or disabled: records could be changed or removed"
        for name in wanted
        if name not in present
    ]

"""The audit log: who changed what, when, before → after."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord


def record(
    uow: UnitOfWork, action: str, subject: str, before: Any = None, after: Any = None
) -> None:
    uow.session.add(
        AuditRecord(
            at=now(),
            actor=uow.actor,
            action=action,
            subject=subject,
            before=_text(before),
            after=_text(after),
        )
    )


def now() -> dt.datetime:
    """Wall-clock time of a write (not the business date), UTC, naive for both databases."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)

"""Migration 0009 (SPEC §11): the debits posted before service periods were
recorded get theirs, so the acts of months not closed yet split them; a
closed month's act, and the debits it stated, stay as they are."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Engine, select, text

from backoffice.db.models import AuditRecord as AuditLog
from backoffice.db.models import ServicePeriod
from backoffice.db.schema import alembic_config, upgrade_schema
from tests.helpers import EDRPOU_B, D, add_legal
from tests.test_billing import entries, setup_billing, subscribe
from tests.test_recognition import acts_of, close


def _downgrade_to_0008(engine: Engine) -> None:
    """Later migrations undone (0009's backfill has nothing to undo)."""
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")
        connection.commit()


def _as_at_0008(engine: Engine) -> None:
    """The database as version 0008 left it: debits without period rows."""
    _downgrade_to_0008(engine)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM service_periods"))


def test_backfill_splits_open_months_and_leaves_closed_acts(engine: Engine, uow_factory) -> None:
    setup_billing(uow_factory, first="2026-08-01", last="2026-12-31")
    closed = add_legal(uow_factory, opening="20000.00", on="2026-08-01")
    subscribe(uow_factory, closed, on="2026-08-10", months=3)  # 01.08–31.10
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM service_periods"))
    close(uow_factory, "2026-08")  # stated whole, as before 0007
    (_, _, august, _), *_ = acts_of(uow_factory, closed)
    assert august == -entries(uow_factory, closed)[-1][2]

    open_ = add_legal(uow_factory, opening="20000.00", on="2026-09-01", edrpou=EDRPOU_B)
    subscribe(uow_factory, open_, on="2026-09-10", months=3)  # 01.09–30.11, 14240.79
    one_month = add_legal(uow_factory, opening="20000.00", on="2026-09-01", edrpou="30000005")
    subscribe(uow_factory, one_month, on="2026-09-10", months=1)  # inside September
    _as_at_0008(engine)

    upgrade_schema(engine)

    with uow_factory(read_only=True) as uow:
        periods = uow.session.execute(
            select(ServicePeriod.starts_on, ServicePeriod.ends_on, ServicePeriod.subscription_id)
        ).all()
        audit = uow.session.execute(
            select(AuditLog.actor, AuditLog.after).where(AuditLog.action == "recognition.backfill")
        ).one()
    # only the open month's 3-month debit: the closed one and the one-month one get none
    assert [(p.starts_on, p.ends_on) for p in periods] == [
        (dt.date(2026, 9, 1), dt.date(2026, 12, 1))
    ]
    assert periods[0].subscription_id is not None
    assert audit.actor == "migration 0009"
    assert json.loads(audit.after)["backfilled"] == 1

    for month in ("2026-09", "2026-10", "2026-11"):
        close(uow_factory, month)
    # the backfilled debit is split by days as a new one (see test_recognition)
    assert [(m, uah) for m, _, uah, _ in acts_of(uow_factory, open_)] == [
        ("2026-09", D("4694.77")),
        ("2026-10", D("4851.26")),
        ("2026-11", D("4694.76")),
    ]
    # the closed August act is untouched and no later act states its debit again
    closed_acts = [(m, uah) for m, _, uah, _ in acts_of(uow_factory, closed)]
    assert closed_acts[0] == ("2026-08", august)
    assert [a for a in closed_acts if "2026-09" <= a[0] <= "2026-10"] == []


def test_backfill_twice_changes_nothing(engine: Engine, uow_factory) -> None:
    setup_billing(uow_factory, first="2026-09-01", last="2026-12-31")
    number = add_legal(uow_factory, opening="20000.00", on="2026-09-01")
    subscribe(uow_factory, number, on="2026-09-10", months=3)
    # a database made at 0009 already has the row the debit recorded
    _downgrade_to_0008(engine)
    upgrade_schema(engine)
    with uow_factory(read_only=True) as uow:
        assert len(uow.session.execute(select(ServicePeriod.entry_id)).all()) == 1
        assert not uow.session.execute(
            select(AuditLog.id).where(AuditLog.action == "recognition.backfill")
        ).all()

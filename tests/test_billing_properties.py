"""Properties of the engine under random histories: re-running a day or a
closing changes nothing, nothing is ever dated in a closed month, and every
balance is the sum of its entries."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from backoffice.errors import BackofficeError
from backoffice.services import closing, daily, integrity, payments
from tests.conftest import snapshot
from tests.helpers import EDRPOU_A, EDRPOU_B, D, add_legal
from tests.test_billing import setup_billing, subscribe

START = dt.date(2026, 10, 1)

steps = st.lists(
    st.one_of(
        st.tuples(st.just("topup"), st.integers(0, 1), st.integers(1, 60), st.integers(1, 900_000)),
        st.tuples(st.just("run"), st.integers(0, 0), st.integers(1, 60), st.integers(0, 0)),
        st.tuples(st.just("close"), st.integers(0, 0), st.integers(0, 0), st.integers(0, 0)),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history=steps)
def test_reruns_change_nothing_and_balances_hold(uow_factory, engine: Engine, history) -> None:
    with engine.connect() as connection:
        fresh = connection.execute(text("SELECT count(*) FROM accounts")).scalar_one() == 0
    if fresh:
        setup_billing(uow_factory, first="2026-10-01", last="2027-01-31")
        add_legal(uow_factory, opening="6000.00", edrpou=EDRPOU_A, on="2026-10-01")
        add_legal(
            uow_factory, name="ТОВ «Друга»", opening="100.00", edrpou=EDRPOU_B, on="2026-10-01"
        )
        subscribe(uow_factory, "OR-000001", on="2026-10-02")
        subscribe(uow_factory, "OR-000002", on="2026-10-02")
    today = START
    for action, who, days, amount in history:
        with engine.connect() as connection:
            last = connection.execute(text("SELECT max(day) FROM daily_runs")).scalar()
            locked = connection.execute(text("SELECT max(month) FROM month_locks")).scalar()
        if last is not None:
            today = max(today, dt.date.fromisoformat(str(last)[:10]))
        if locked is not None:
            year, month = int(locked[:4]), int(locked[5:7])
            today = max(today, dt.date(year + month // 12, month % 12 + 1, 1))
        target = today + dt.timedelta(days=days)
        if target > dt.date(2027, 1, 31):
            continue
        if action == "topup":
            with uow_factory() as uow:
                payments.receive_topup(uow, f"OR-00000{who + 1}", D(amount).scaleb(-2), target, "p")
                uow.commit()
        elif action == "run":
            for _ in range(2):
                with uow_factory() as uow:
                    daily.run_daily(uow, target)
                    uow.commit()
                if _ == 0:
                    first = snapshot(engine)
            again = snapshot(engine)
            for table in ("ledger_entries", "charges", "acts", "alerts", "accounts"):
                assert again[table] == first[table]
        else:
            month = f"{today.year:04d}-{today.month:02d}"
            if today.replace(day=1) + dt.timedelta(days=40) > dt.date(2027, 1, 31):
                continue
            with uow_factory() as uow:
                try:
                    closing.close_month(uow, month)
                except BackofficeError:  # refused (out of order, account errors): fine
                    continue
                uow.commit()
            closed = snapshot(engine)
            with uow_factory() as uow:
                assert closing.close_month(uow, month).already_closed
                uow.commit()
            assert snapshot(engine) == closed
        with engine.connect() as connection:
            in_locked = connection.execute(
                text(
                    "SELECT count(*) FROM ledger_entries e JOIN month_locks m"
                    " ON m.month = substr(CAST(e.business_date AS TEXT), 1, 7)"
                    " WHERE e.created_at > m.locked_at"
                )
            ).scalar_one()
        assert in_locked == 0
        with uow_factory(read_only=True) as uow:
            report = integrity.check_integrity(uow)
            assert report.ok, report.problems

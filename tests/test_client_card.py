"""What the client card reads and the correction it posts (SPEC §4, §5)."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select

from backoffice.db.models import AuditRecord
from backoffice.domain import EntryKind
from backoffice.errors import InputError
from backoffice.services import clients, integrity, payments
from backoffice.services.client_card import (
    LedgerQuery,
    balance_by_day,
    ledger_page,
    ledger_summary,
    post_correction,
)
from tests.conftest import snapshot
from tests.helpers import D, add_legal, day


def test_ledger_pages_carry_the_running_balance(uow_factory) -> None:
    account = add_legal(uow_factory, opening="10.00", on="2026-11-01")
    with uow_factory() as uow:
        for n in range(1, 8):  # 1.01, 2.02, … on days 2..8; two on the 5th
            on = day(f"2026-11-{min(n + 1, 5) if n < 5 else n:02d}")
            payments.receive_topup(uow, account, D(f"{n}.{n:02d}"), on, f"платіжка {n}")
        uow.commit()
    with uow_factory(read_only=True) as uow:
        everything = ledger_page(uow, LedgerQuery(account))
        second_page = ledger_page(uow, LedgerQuery(account, offset=3, limit=3))
        oldest_first = ledger_page(uow, LedgerQuery(account, descending=False, limit=2))
        topups = ledger_page(uow, LedgerQuery(account, only_topups=True))
        assert ledger_summary(uow, LedgerQuery(account)).count == 8
        assert ledger_summary(uow, LedgerQuery(account, only_topups=True)).count == 7
        chart = balance_by_day(uow, account)
        balance = clients.show_account(uow, account).balance
    assert everything[0].balance_after == balance == D("38.28")
    # each line's balance is the next older line's plus its own amount
    for newer, older in itertools.pairwise(everything):
        assert newer.balance_after == older.balance_after + newer.entry.amount
    assert second_page == everything[3:6]
    assert [line.balance_after for line in oldest_first] == [D("10.00"), D("11.01")]
    assert all(line.entry.kind is EntryKind.TOPUP_MANUAL for line in topups)
    assert chart[0] == (day("2026-11-01"), D("10.00")) and chart[-1][1] == D("38.28")
    assert len(chart) == len({line.entry.business_date for line in everything})


def test_correction_posts_with_a_reason_and_is_audited(uow_factory, engine: Engine) -> None:
    account = add_legal(uow_factory, opening="100.00")
    before = snapshot(engine)
    for amount, reason, message in (
        (D("0.00"), "x", "changes nothing"),
        (D("-5.00"), "  ", "reason is empty"),
        (D("2000000000.00"), "x", "over the limit"),
    ):
        with uow_factory() as uow, pytest.raises(InputError, match=message):
            post_correction(uow, account, amount, day("2026-11-03"), reason)
    assert snapshot(engine) == before
    with uow_factory() as uow:
        entry = post_correction(
            uow, account, D("-40.50"), day("2026-11-03"), "подвійне зарахування"
        )
        uow.commit()
    assert (entry.kind, entry.amount, entry.comment) == (
        EntryKind.CORRECTION,
        Decimal("-40.50"),
        "подвійне зарахування",
    )
    with uow_factory(read_only=True) as uow:
        assert clients.show_account(uow, account).balance == D("59.50")
        [audit] = uow.session.execute(
            select(AuditRecord).where(AuditRecord.action == "ledger.correction")
        ).scalars()
        assert json.loads(audit.after)["reason"] == "подвійне зарахування"
        assert integrity.check_integrity(uow).ok

"""Act lines that are a month's portion of a longer paid period (SPEC §11):
they print the portion's own days, not the debit's date, and the figures a
reader sees on the act reconcile to the kopiyka."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from sqlalchemy import select

from backoffice.db.models import Act
from backoffice.documents.act_pdf import act_bytes
from backoffice.money import round_half_up
from backoffice.services import documents
from tests.helpers import D, add_legal
from tests.test_billing import setup_billing, subscribe
from tests.test_fixed_documents import pdf_text
from tests.test_recognition import close, recognition_account
from tests.test_statements import configure

COST = re.compile(
    r"вартість за (\d+) дн\. ([\d\s]+,\d\d) грн, ([\d\s]+,\d\d) EUR\): .*?(\d+) з (\d+) дн\."
)


def amount(text: str) -> Decimal:
    return D(re.sub(r"\s", "", text).replace(",", "."))


def test_portions_print_their_days_and_reconcile_with_the_debit(uow_factory) -> None:
    setup_billing(uow_factory, first="2026-09-01", last="2026-12-31")
    configure(uow_factory)  # our company's requisites
    number = add_legal(uow_factory, opening="20000.00", on="2026-09-01")
    # 285 EUR × 48.5123 × 1.03 = 14240.79 for 01.09–30.11 (91 days), debited on 10.09
    subscribe(uow_factory, number, on="2026-09-10", months=3)
    for month in ("2026-09", "2026-10", "2026-11"):
        close(uow_factory, month)
    with uow_factory(read_only=True) as uow:
        account_id = recognition_account(uow, number)
        numbers = list(
            uow.session.execute(
                select(Act.number).where(Act.account_id == account_id).order_by(Act.month)
            ).scalars()
        )
        docs = [documents.act_document(uow, n) for n in numbers]
    assert [(x.lines[0].period_from, x.lines[0].period_to) for x in docs] == [
        (dt.date(2026, 9, 1), dt.date(2026, 9, 30)),
        (dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
        (dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
    ]
    stated: list[Decimal] = []
    eur_stated: list[Decimal] = []
    days = ("01.09.2026– 30.09.2026", "01.10.2026– 31.10.2026", "01.11.2026– 30.11.2026")
    for doc, shown in zip(docs, days, strict=True):
        text = pdf_text(act_bytes(doc))
        flat = re.sub(r"\s*\n\s*", " ", text)
        assert shown in flat  # the portion's own days
        assert "10.09.2026" not in text  # never the debit's date
        assert "Дата / період" in flat
        found = COST.search(flat)
        assert found is not None, flat
        period_days, cost, eur_cost, part, of = found.groups()
        assert (int(period_days), int(of)) == (91, 91)
        line = doc.lines[0]
        assert amount(cost) == D("14240.79") and amount(eur_cost) == D("285.00")
        # the whole debit's cost is EUR × NBU rate × (1 + markup), to the kopiyka
        assert line.rate is not None and line.markup_percent is not None
        factor = 1 + line.markup_percent / 100
        assert round_half_up(amount(eur_cost) * line.rate * factor) == amount(cost)
        # the printed line sum is the cost × days / period days (the last
        # month takes the rounding remainder), and the act's total is it
        share = round_half_up(amount(cost) * int(part) / int(of))
        if doc.month != "2026-11":
            assert line.total == share
        else:
            assert line.total == amount(cost) - sum(stated)
            assert abs(line.total - share) <= D("0.01")
        eur_share = round_half_up(amount(eur_cost) * int(part) / int(of))
        if doc.month != "2026-11":
            assert line.eur == eur_share
        else:
            assert line.eur == amount(eur_cost) - sum(eur_stated)
        assert doc.total == line.total
        stated.append(line.total)
        assert line.eur is not None
        eur_stated.append(line.eur)
        assert "частини списань за період, довший за місяць" in flat
    assert sum(stated) == D("14240.79")
    assert sum(eur_stated) == D("285.00")

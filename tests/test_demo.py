"""The demo data set is believable: valid codes and IBANs, rates, consistent ledger."""

from __future__ import annotations

from sqlalchemy import select
from stdnum.ua import edrpou, rntrc

from backoffice import codes
from backoffice.db.models import Client, ClientIban
from backoffice.services import clients, demo, integrity, rates, settings
from tests.helpers import day


def test_demo_makes_valid_clients_rates_and_balances(uow_factory) -> None:
    with uow_factory() as uow:
        result = demo.make_demo(uow, client_count=60, today=day("2026-11-22"), seed=7)
        uow.commit()
    assert result.clients == 60
    with uow_factory(read_only=True) as uow:
        all_clients = uow.session.execute(select(Client)).scalars().all()
        kinds = {c.kind for c in all_clients}
        assert kinds == {"legal", "sole", "individual"}
        for client in all_clients:
            if client.kind == "legal":
                assert edrpou.is_valid(client.edrpou)
            else:
                assert rntrc.is_valid(client.rnokpp)
        for iban in uow.session.execute(select(ClientIban.iban)).scalars():
            assert codes.iban(iban).warning is None
        assert rates.rate_on(uow, day("2026-11-22"))
        assert rates.rate_on(uow, day("2026-08-24"))  # 90 days back
        assert len(rates.list_rates(uow, currency="EUR")) == 91
        assert settings.missing_company_requisites(uow) == []
        assert clients.count_accounts(uow) == 60
        assert integrity.check_integrity(uow).ok

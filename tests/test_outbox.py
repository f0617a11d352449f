"""The e-mail outbox against a real SMTP server on 127.0.0.1 (aiosmtpd).

An invoice is queued once, sent once with its PDF attached; a server that is
down leaves the message pending with its error, and the next send delivers it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork
from backoffice.errors import BackofficeError
from backoffice.services import invoices, outbox, settings
from tests.helpers import D, add_legal, day
from tests.smtp_server import free_port, smtp_server
from tests.test_statements import configure

Factory = Callable[..., UnitOfWork]


def mail_settings(new_uow: Factory, port: int) -> None:
    with new_uow() as uow:
        for key, value in (
            ("smtp.host", "127.0.0.1"),
            ("smtp.port", str(port)),
            ("smtp.security", "none"),
            ("smtp.sender", "billing@hmara.ua"),
            ("company.address", "м. Київ, вул. Хрещатик, 1"),
        ):
            settings.set_setting(uow, key, value)
        uow.commit()


def an_invoice(new_uow: Factory) -> str:
    configure(new_uow)
    number = add_legal(new_uow)  # e-mail buh@agro.com.ua
    with new_uow() as uow:
        invoice = invoices.issue_topup_invoice(uow, number, D("1500.00"), day("2026-11-10"))
        uow.commit()
        return invoice.number


def test_invoice_is_queued_once_and_sent_once_with_its_pdf(
    engine: Engine, uow_factory: Factory
) -> None:
    number = an_invoice(uow_factory)
    with smtp_server() as server:
        mail_settings(uow_factory, server.port)
        with uow_factory() as uow:
            first = outbox.queue_invoices(uow, [number])
            second = outbox.queue_invoices(uow, [number])
            uow.commit()
        assert (first.queued, second.queued, second.already) == (1, 0, 1)

        summary = outbox.send_pending(engine)
        again = outbox.send_pending(engine)
        assert (summary.sent, summary.failed) == (1, 0)
        assert (again.sent, again.failed) == (0, 0)

        [received] = server.received
    assert received.rcpt_tos == ("buh@agro.com.ua",)
    assert received.message["Subject"] == f"Рахунок № {number} від 10.11.2026"
    [attachment] = list(received.message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    pdf = attachment.get_content()
    assert pdf.startswith(b"%PDF-")
    with uow_factory(read_only=True) as uow:
        [view] = outbox.list_outbox(uow)
    assert view.sent_at is not None and view.attempts == 1


def test_server_down_keeps_the_message_for_a_retry(engine: Engine, uow_factory: Factory) -> None:
    number = an_invoice(uow_factory)
    port = free_port()
    mail_settings(uow_factory, port)
    with uow_factory() as uow:
        outbox.queue_invoices(uow, [number])
        uow.commit()
    summary = outbox.send_pending(engine)
    assert (summary.sent, summary.failed) == (0, 1)
    assert f"127.0.0.1:{port}" in summary.errors[0]
    with uow_factory(read_only=True) as uow:
        [view] = outbox.list_outbox(uow, pending_only=True)
    assert view.attempts == 1 and f"127.0.0.1:{port}" in view.last_error

    with smtp_server() as server:
        mail_settings(uow_factory, server.port)
        assert outbox.send_pending(engine).sent == 1
        assert len(server.received) == 1
    with uow_factory(read_only=True) as uow:
        assert outbox.list_outbox(uow, pending_only=True) == []


def test_sending_needs_smtp_settings(engine: Engine, uow_factory: Factory) -> None:
    an_invoice(uow_factory)
    with pytest.raises(BackofficeError, match=r"smtp\.host"):
        outbox.send_pending(engine)

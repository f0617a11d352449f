"""SMTP sending against a real server on 127.0.0.1 (aiosmtpd, see tests/smtp_server.py)."""

from __future__ import annotations

import dataclasses
import ssl
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from backoffice.errors import InputError
from backoffice.mail import (
    Attachment,
    OutgoingMessage,
    SmtpSettings,
    build_email,
    send_messages,
)
from backoffice.mail.smtp import message_id
from tests.smtp_server import (
    RunningServer,
    free_port,
    self_signed_cert,
    server_tls_context,
    smtp_server,
)

# The AUTH-without-TLS server is on purpose (the plain AUTH test).
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

SENDER = "Білінг <billing@example.ua>"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
INVOICE = OutgoingMessage(
    key="invoice-15",
    recipients=("owner@client.example.ua", "accountant@client.example.ua"),
    subject="Рахунок №15 за листопад 2026",
    body="Доброго дня!\n\nНадсилаємо рахунок №15 на суму 1 234,50 грн.\n",
    attachments=(Attachment("Рахунок №15.pdf", PDF),),
)


def settings(server: RunningServer, **changes: object) -> SmtpSettings:
    base = SmtpSettings(host=server.host, port=server.port, security="none", sender=SENDER)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def alert(key: str, *recipients: str) -> OutgoingMessage:
    return OutgoingMessage(key, recipients, f"Сповіщення {key}", "Баланс нижче порогу.")


def parse(email: EmailMessage) -> EmailMessage:
    parsed = BytesParser(policy=policy.default).parsebytes(email.as_bytes())
    assert isinstance(parsed, EmailMessage)
    return parsed


@pytest.fixture(scope="module")
def cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    made = self_signed_cert(tmp_path_factory.mktemp("tls"))
    if made is None:
        pytest.skip("openssl is not installed: no certificate for the TLS tests")
    return made


# -- the message ------------------------------------------------------------------------


def test_build_email_encodes_cyrillic_and_derives_message_id() -> None:
    email = build_email(INVOICE, SENDER)
    raw = email.as_bytes()
    assert raw.isascii()  # 7-bit clean: RFC 2047 headers, base64 parts
    parsed = parse(email)
    assert parsed["Subject"] == "Рахунок №15 за листопад 2026"
    assert parsed["From"] == SENDER
    assert parsed["To"] == "owner@client.example.ua, accountant@client.example.ua"
    assert parsed["Message-ID"] == "<backoffice.invoice-15@example.ua>"
    body = parsed.get_body(("plain",))
    assert body is not None
    assert body.get_content().replace("\r\n", "\n") == INVOICE.body  # mail lines end in CRLF
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_filename() == "Рахунок №15.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == PDF


def test_message_id_is_stable_and_safe() -> None:
    assert message_id("alert/7 ü", SENDER) == message_id("alert/7 ü", SENDER)
    assert message_id("alert/7 ü", SENDER) == "<backoffice.alert=2F7=20=C3=BC@example.ua>"
    assert message_id("a/b", SENDER) != message_id("a=2Fb", SENDER)


@pytest.mark.parametrize(
    ("message", "error"),
    [
        (dataclasses.replace(INVOICE, recipients=()), "no recipients"),
        (dataclasses.replace(INVOICE, recipients=("not an address",)), "not an e-mail address"),
        (dataclasses.replace(INVOICE, subject="a\r\nBcc: x@evil.example"), "linefeed"),
        (
            dataclasses.replace(INVOICE, attachments=(Attachment("a", b"", "pdf"),)),
            "not a MIME type",
        ),
    ],
)
def test_malformed_messages_are_refused(message: OutgoingMessage, error: str) -> None:
    with pytest.raises(InputError, match=error):
        build_email(message, SENDER)


# -- sending ----------------------------------------------------------------------------


def test_plain_send_with_cyrillic_subject_and_pdf() -> None:
    with smtp_server() as server:
        [result] = send_messages(settings(server), [INVOICE])
    assert result == dataclasses.replace(result, key="invoice-15", sent=True, error="")
    [got] = server.received
    assert got.mail_from == "billing@example.ua"
    assert got.rcpt_tos == INVOICE.recipients
    assert got.message["Subject"] == INVOICE.subject
    assert got.message["Message-ID"] == "<backoffice.invoice-15@example.ua>"
    [attachment] = list(got.message.iter_attachments())
    assert attachment.get_filename() == "Рахунок №15.pdf"
    assert attachment.get_content() == PDF


def test_one_connection_sends_a_batch_in_order() -> None:
    messages = [alert(f"a{n}", f"c{n}@client.example.ua") for n in range(5)]
    with smtp_server() as server:
        results = send_messages(settings(server), messages)
    assert [(r.key, r.sent) for r in results] == [(m.key, True) for m in messages]
    assert [r.message["Subject"] for r in server.received] == [m.subject for m in messages]


def test_nothing_to_send_does_not_connect() -> None:
    unreachable = SmtpSettings(host="127.0.0.1", port=free_port(), security="none", sender=SENDER)
    assert send_messages(unreachable, []) == []


def test_auth_with_user_and_password() -> None:
    with smtp_server(users={"billing": "пароль-1"}) as server:
        good = send_messages(settings(server, user="billing", password="пароль-1"), [INVOICE])
        bad = send_messages(settings(server, user="billing", password="wrong"), [INVOICE])
        anonymous = send_messages(settings(server), [INVOICE])
    assert good[0].sent and good[0].error == ""
    assert not bad[0].sent
    assert bad[0].error.startswith(f"SMTP server 127.0.0.1:{server.port}: login refused")
    assert not anonymous[0].sent and "530" in anonymous[0].error
    assert len(server.received) == 1


def test_starttls_with_a_trusted_self_signed_certificate(cert: tuple[Path, Path]) -> None:
    context = server_tls_context(*cert)
    with smtp_server(users={"billing": "secret"}, starttls=context) as server:
        tls = settings(server, security="starttls", user="billing", password="secret")
        trusted = send_messages(dataclasses.replace(tls, ca_file=str(cert[0])), [INVOICE])
        untrusted = send_messages(tls, [INVOICE])
        plain = send_messages(settings(server), [INVOICE])
    assert trusted[0].sent, trusted[0].error
    assert not untrusted[0].sent and "TLS certificate not trusted" in untrusted[0].error
    assert not plain[0].sent and "530" in plain[0].error  # STARTTLS required first
    assert len(server.received) == 1


def test_ssl_from_the_first_byte(cert: tuple[Path, Path]) -> None:
    with smtp_server(implicit_tls=server_tls_context(*cert)) as server:
        [result] = send_messages(settings(server, security="ssl", ca_file=str(cert[0])), [INVOICE])
    assert result.sent, result.error
    assert server.received[0].message["Subject"] == INVOICE.subject


def test_server_down_fails_every_message_naming_it() -> None:
    port = free_port()
    down = SmtpSettings(host="127.0.0.1", port=port, security="none", sender=SENDER)
    results = send_messages(down, [alert("a1", "x@client.example.ua"), INVOICE])
    assert [(r.key, r.sent) for r in results] == [("a1", False), ("invoice-15", False)]
    assert {r.error for r in results} == {f"SMTP server 127.0.0.1:{port}: connection refused"}


def test_starttls_to_a_server_without_it() -> None:
    with smtp_server() as server:
        [result] = send_messages(settings(server, security="starttls"), [INVOICE])
    assert not result.sent
    assert result.error == f"SMTP server 127.0.0.1:{server.port}: does not offer STARTTLS"


def test_a_refused_recipient_fails_that_message_only() -> None:
    messages = [
        alert("a1", "one@client.example.ua"),
        alert("a2", "refuse-me@client.example.ua"),
        alert("a3", "three@client.example.ua"),
    ]
    with smtp_server() as server:
        results = send_messages(settings(server), messages)
    assert [(r.key, r.sent) for r in results] == [("a1", True), ("a2", False), ("a3", True)]
    assert results[1].error.startswith("all recipients refused: refuse-me@client.example.ua (550")
    assert results[1].refused == ("refuse-me@client.example.ua",)
    assert [r.rcpt_tos for r in server.received] == [
        ("one@client.example.ua",),
        ("three@client.example.ua",),
    ]


def test_partly_refused_recipients_still_count_as_sent() -> None:
    message = alert("a1", "owner@client.example.ua", "refuse@client.example.ua")
    with smtp_server() as server:
        [result] = send_messages(settings(server), [message])
    assert result.sent
    assert result.refused == ("refuse@client.example.ua",)
    assert result.error.startswith("not delivered to: refuse@client.example.ua (550")
    assert server.received[0].rcpt_tos == ("owner@client.example.ua",)


def test_a_malformed_message_fails_alone() -> None:
    messages = [alert("a1", "not an address"), alert("a2", "two@client.example.ua")]
    with smtp_server() as server:
        results = send_messages(settings(server), messages)
    assert [(r.key, r.sent) for r in results] == [("a1", False), ("a2", True)]
    assert "'not an address' is not an e-mail address" in results[0].error


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"host": ""}, "not a server name"),
        ({"port": 0}, "not between 1 and 65535"),
        ({"security": "tls"}, "not one of none, starttls, ssl"),
        ({"sender": "billing"}, "not an e-mail address"),
        ({"timeout": 0}, "must be positive"),
        ({"password": "x"}, "user is empty"),
        ({"ca_file": "/no/such/ca.pem"}, "does not exist"),
    ],
)
def test_invalid_settings_raise(changes: dict[str, object], error: str) -> None:
    base = SmtpSettings(host="127.0.0.1", port=25, security="none", sender=SENDER)
    with pytest.raises(InputError, match=error):
        send_messages(dataclasses.replace(base, **changes), [INVOICE])  # type: ignore[arg-type]


def test_password_is_not_in_repr() -> None:
    s = SmtpSettings(host="h", port=25, security="none", sender=SENDER, password="secret")
    assert "secret" not in repr(s)


def test_default_context_is_verifying() -> None:
    # No ca_file: the system's trust store, hostname checked.
    assert ssl.create_default_context().verify_mode == ssl.CERT_REQUIRED

"""E-mail over SMTP: alerts and documents to clients (SPEC §7).

Plain data in, results out; the outbox that decides what to send and records
what went lives elsewhere. `send_messages` opens one connection for a batch
and reports per message: a refused recipient or a rejected message fails that
message only, and a server that cannot be reached fails them all with an error
naming it. Only settings that cannot work raise (InputError).
"""

from __future__ import annotations

import base64
import re
import smtplib
import socket
import ssl
from collections.abc import Iterable
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from pathlib import Path
from typing import Literal

from backoffice.errors import InputError

Security = Literal["none", "starttls", "ssl"]
SECURITY_MODES: tuple[Security, ...] = ("none", "starttls", "ssl")

# CRLF line ends; bodies in 7-bit (base64 or quoted-printable) so that
# servers without 8BITMIME take them too. Headers use RFC 2047/2231 encoding.
_POLICY = policy.SMTP.clone(cte_type="7bit")
_MESSAGE_ID_SAFE = re.compile(r"[A-Za-z0-9._-]")


@dataclass(frozen=True, kw_only=True)
class SmtpSettings:
    """How to reach the outgoing mail server."""

    host: str
    """Server name or address."""
    port: int
    """Usually 25 or 587 (starttls) or 465 (ssl)."""
    security: Security
    """'none': plain; 'starttls': upgrade after connecting; 'ssl': TLS from the start."""
    sender: str
    """From address, e.g. 'billing@example.ua' or 'Білінг <billing@example.ua>'."""
    user: str = ""
    """Login; '' sends without AUTH."""
    password: str = field(default="", repr=False)
    """Password for `user`; never shown in repr or logs."""
    timeout: float = 20
    """Seconds to wait for the server at each step."""
    ca_file: str = ""
    """PEM file of the CA (or self-signed certificate) to trust instead of the system's."""


@dataclass(frozen=True)
class Attachment:
    """A file attached to a message."""

    file_name: str
    """Name the recipient sees, e.g. 'Рахунок №15.pdf'."""
    content: bytes
    """The file's bytes."""
    mime_type: str = "application/pdf"
    """'type/subtype'."""


@dataclass(frozen=True)
class OutgoingMessage:
    """One e-mail to send."""

    key: str
    """Unique id from the outbox; the Message-ID is made from it, so a resend keeps it."""
    recipients: tuple[str, ...]
    """Addresses, at least one."""
    subject: str
    body: str
    """Plain text."""
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class SendResult:
    """What happened to one message.

    sent=True with a non-empty error means the server took the message for
    some recipients and refused the others (listed in `refused`); sending it
    again would deliver it twice to those that got it.
    """

    key: str
    sent: bool
    error: str
    """'' when sent to every recipient."""
    refused: tuple[str, ...] = ()
    """Recipients the server refused."""


def check_settings(settings: SmtpSettings) -> None:
    """Raise InputError naming the first setting that cannot work."""
    if not settings.host or any(ch.isspace() for ch in settings.host):
        raise InputError(f"SMTP host {settings.host!r} is not a server name")
    if not 0 < settings.port < 65536:
        raise InputError(f"SMTP port {settings.port} is not between 1 and 65535")
    if settings.security not in SECURITY_MODES:
        raise InputError(
            f"SMTP security {settings.security!r} is not one of {', '.join(SECURITY_MODES)}"
        )
    if not _address(settings.sender):
        raise InputError(f"Sender {settings.sender!r} is not an e-mail address")
    if settings.timeout <= 0:
        raise InputError(f"SMTP timeout {settings.timeout} must be positive")
    if settings.password and not settings.user:
        raise InputError("SMTP password is set but the user is empty")
    if settings.ca_file and not Path(settings.ca_file).is_file():
        raise InputError(f"CA file {settings.ca_file} does not exist")


def build_email(message: OutgoingMessage, sender: str) -> EmailMessage:
    """The message as MIME: UTF-8 subject, body and file names; Message-ID from the key."""
    if not message.key:
        raise InputError("A message needs a key")
    if not message.recipients:
        raise InputError(f"Message {message.key}: no recipients")
    for recipient in message.recipients:
        if not _address(recipient):
            raise InputError(f"Message {message.key}: {recipient!r} is not an e-mail address")
    email = EmailMessage(policy=_POLICY)
    try:
        email["From"] = sender
        email["To"] = ", ".join(message.recipients)
        email["Subject"] = message.subject
        email["Date"] = formatdate(localtime=True)
        email["Message-ID"] = message_id(message.key, sender)
        email.set_content(message.body)
        for attachment in message.attachments:
            maintype, _, subtype = attachment.mime_type.partition("/")
            if not maintype or not subtype:
                raise InputError(f"{attachment.mime_type!r} is not a MIME type")
            email.add_attachment(
                attachment.content,
                maintype=maintype,
                subtype=subtype,
                filename=attachment.file_name,
            )
    except ValueError as exc:  # a line break in a header, and the like
        raise InputError(f"Message {message.key}: {exc}") from exc
    return email


def message_id(key: str, sender: str) -> str:
    """`<backoffice.KEY@sender-domain>`, KEY with unsafe characters as =XX bytes."""
    local = "".join(
        ch if _MESSAGE_ID_SAFE.fullmatch(ch) else "".join(f"={b:02X}" for b in ch.encode())
        for ch in key
    )
    domain = _address(sender).rpartition("@")[2]
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        domain = "localhost"
    return f"<backoffice.{local}@{domain}>"


def send_messages(settings: SmtpSettings, messages: Iterable[OutgoingMessage]) -> list[SendResult]:
    """Send the messages over one connection; one result per message, in order."""
    check_settings(settings)
    batch = list(messages)
    if not batch:
        return []
    try:
        server = _connect(settings)
    except (OSError, smtplib.SMTPException) as exc:
        error = _server_error(settings, exc)
        return [SendResult(m.key, sent=False, error=error) for m in batch]
    results: list[SendResult] = []
    lost = ""
    try:
        for message in batch:
            if lost:
                results.append(SendResult(message.key, sent=False, error=lost))
                continue
            try:
                results.append(_send_one(server, settings, message))
            except (OSError, smtplib.SMTPServerDisconnected) as exc:
                lost = _server_error(settings, exc, "connection lost")
                results.append(SendResult(message.key, sent=False, error=lost))
    finally:
        _hang_up(server)
    return results


def _send_one(server: smtplib.SMTP, settings: SmtpSettings, message: OutgoingMessage) -> SendResult:
    try:
        email = build_email(message, settings.sender)
    except InputError as exc:
        return SendResult(message.key, sent=False, error=str(exc))
    try:
        refused = server.send_message(
            email, from_addr=_address(settings.sender), to_addrs=list(message.recipients)
        )
    except smtplib.SMTPRecipientsRefused as exc:
        return SendResult(
            message.key,
            sent=False,
            error=f"all recipients refused: {_refusals(exc.recipients)}",
            refused=tuple(exc.recipients),
        )
    except smtplib.SMTPServerDisconnected:
        raise  # the batch is over; send_messages fails the rest
    except smtplib.SMTPResponseException as exc:  # sender refused, data rejected
        return SendResult(message.key, sent=False, error=f"refused: {_reply(exc)}")
    except smtplib.SMTPException as exc:  # e.g. an address needs SMTPUTF8 the server lacks
        return SendResult(message.key, sent=False, error=str(exc))
    if refused:
        return SendResult(
            message.key,
            sent=True,
            error=f"not delivered to: {_refusals(refused)}",
            refused=tuple(refused),
        )
    return SendResult(message.key, sent=True, error="")


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    server: smtplib.SMTP
    if settings.security == "ssl":
        server = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=_tls_context(settings)
        )
    else:
        server = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        server.ehlo()
        if settings.security == "starttls":
            if not server.has_extn("starttls"):
                raise smtplib.SMTPNotSupportedError("does not offer STARTTLS")
            server.starttls(context=_tls_context(settings))
            server.ehlo()
        if settings.user:
            _login(server, settings.user, settings.password)
    except BaseException:
        server.close()
        raise
    return server


def _login(server: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH; smtplib's login() cannot send a non-ASCII password, so that case is
    AUTH PLAIN with UTF-8 credentials (RFC 4616) done here."""
    if (user + password).isascii():
        server.login(user, password)
        return
    mechanisms = server.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in mechanisms:
        raise smtplib.SMTPException("offers no AUTH PLAIN for a password with non-ASCII letters")
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = server.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=settings.ca_file or None)


def _hang_up(server: smtplib.SMTP) -> None:
    try:
        server.quit()
    except (OSError, smtplib.SMTPException):
        server.close()


def _server_error(settings: SmtpSettings, exc: BaseException, what: str = "") -> str:
    """'SMTP server mail.example.ua:587: connection refused', and so on."""
    reason: str
    if isinstance(exc, ConnectionRefusedError):
        reason = "connection refused"
    elif isinstance(exc, socket.gaierror):
        reason = "unknown host"
    elif isinstance(exc, TimeoutError):
        reason = f"no answer within {settings.timeout:g} s"
    elif isinstance(exc, ssl.SSLCertVerificationError):
        reason = f"TLS certificate not trusted ({exc.verify_message})"
    elif isinstance(exc, ssl.SSLError):
        reason = f"TLS failed ({exc.reason or exc})"
    elif isinstance(exc, smtplib.SMTPAuthenticationError):
        reason = f"login refused for {settings.user!r}: {_reply(exc)}"
    elif isinstance(exc, smtplib.SMTPResponseException):
        reason = _reply(exc)
    elif isinstance(exc, smtplib.SMTPServerDisconnected):
        reason = "closed the connection"
    elif isinstance(exc, OSError):
        reason = exc.strerror or str(exc) or type(exc).__name__
    else:
        reason = str(exc) or type(exc).__name__
    if what:
        reason = f"{what}: {reason}"
    return f"SMTP server {settings.host}:{settings.port}: {reason}"


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{exc.smtp_code} {text}"


def _refusals(refused: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(
        f"{address} ({code} {reply.decode('utf-8', 'replace')})"
        for address, (code, reply) in refused.items()
    )


def _address(text: str) -> str:
    """The bare address in 'Name <a@b>' or 'a@b'; '' if it is not one."""
    if "\r" in text or "\n" in text:
        return ""
    _, address = parseaddr(text)
    local, at, domain = address.rpartition("@")
    return address if at and local and "." in domain else ""

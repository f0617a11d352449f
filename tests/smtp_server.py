"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, recording what it receives.

    with smtp_server(users={"billing": "secret"}) as server:
        send_messages(settings(server), ...)
        server.received[0].message["Subject"]

Recipients whose address starts with 'refuse' are refused with 550.
`self_signed_cert(folder)` makes a certificate for 127.0.0.1 with the openssl
command (None if it is missing), for the STARTTLS and SSL variants.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

HOST = "127.0.0.1"
REFUSED_PREFIX = "refuse"


@dataclass(frozen=True)
class Received:
    """One message as the server got it."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    message: EmailMessage


@dataclass
class RecordingHandler:
    """aiosmtpd handler: refuses 'refuse…' recipients, keeps every message."""

    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if address.startswith(REFUSED_PREFIX):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        message = BytesParser(policy=policy.default).parsebytes(raw)
        assert isinstance(message, EmailMessage)
        self.received.append(
            Received(str(envelope.mail_from), tuple(envelope.rcpt_tos), raw, message)
        )
        return "250 Message accepted for delivery"


@dataclass(frozen=True)
class RunningServer:
    host: str
    port: int
    handler: RecordingHandler

    @property
    def received(self) -> list[Received]:
        return self.handler.received


def free_port() -> int:
    """A port nothing listens on (right now)."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _authenticator(users: dict[str, str]) -> Any:
    def authenticate(
        server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode()
        ok = users.get(login) == auth_data.password.decode()
        # handled=False: aiosmtpd itself answers 535 to a failed login.
        return AuthResult(success=ok, handled=False)

    return authenticate


@contextmanager
def smtp_server(
    *,
    users: dict[str, str] | None = None,
    starttls: ssl.SSLContext | None = None,
    implicit_tls: ssl.SSLContext | None = None,
) -> Iterator[RunningServer]:
    """Run a server for the block.

    `users`: require AUTH with these logins (allowed without TLS unless
    `starttls` is given). `starttls`: offer and require STARTTLS with this
    server context. `implicit_tls`: TLS from the first byte (port 465 style).
    """
    handler = RecordingHandler()
    kwargs: dict[str, Any] = {}
    if users is not None:
        kwargs.update(
            authenticator=_authenticator(users),
            auth_required=True,
            auth_require_tls=starttls is not None,
        )
    if starttls is not None:
        kwargs.update(tls_context=starttls, require_starttls=True)
    if implicit_tls is not None:
        kwargs.update(ssl_context=implicit_tls, server_hostname=HOST)
    controller = Controller(handler, hostname=HOST, port=free_port(), **kwargs)
    controller.start()
    try:
        yield RunningServer(HOST, controller.port, handler)
    finally:
        controller.stop()


def self_signed_cert(folder: Path) -> tuple[Path, Path] | None:
    """(certificate, key) PEM files for 127.0.0.1 and localhost; None without openssl."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    args = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    args += ["-subj", "/CN=localhost"]
    args += ["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
    args += ["-keyout", str(key), "-out", str(cert)]
    subprocess.run([openssl, *args], check=True, capture_output=True, timeout=60)
    return cert, key


def server_tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context

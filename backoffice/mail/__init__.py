"""Outgoing e-mail (SPEC §7): messages as plain records, sent over SMTP."""

from backoffice.mail.smtp import (
    Attachment,
    OutgoingMessage,
    SendResult,
    SmtpSettings,
    build_email,
    send_messages,
)

__all__ = [
    "Attachment",
    "OutgoingMessage",
    "SendResult",
    "SmtpSettings",
    "build_email",
    "send_messages",
]

"""The e-mail outbox: invoices, acts and alerts to clients (SPEC §7, §10, §11).

Queuing is a write like any other (one row per document, keyed so a second
queuing adds nothing). Sending reads what is pending, renders the PDFs, sends
over one SMTP connection and then records each result: a sent message gets
its time and is never sent again; a failure keeps its error and is retried by
the next `send`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Act, Alert, Client, ClientEmail, Invoice, OutboxMessage
from backoffice.documents.numbers import format_amount, format_date
from backoffice.errors import BackofficeError
from backoffice.mail.smtp import Attachment, OutgoingMessage, SmtpSettings, send_messages
from backoffice.permissions import Permission, require
from backoffice.services import audit, documents, settings


@dataclass(frozen=True)
class QueueResult:
    queued: int
    already: int
    without_email: tuple[str, ...]  # account numbers of clients with no e-mail


@dataclass(frozen=True)
class OutboxView:
    key: str
    recipients: str
    subject: str
    created_at: dt.datetime
    sent_at: dt.datetime | None
    attempts: int
    last_error: str


@dataclass(frozen=True)
class SendSummary:
    sent: int
    failed: int
    errors: tuple[str, ...]  # "key: reason"


def queue_invoices(uow: UnitOfWork, numbers: list[str]) -> QueueResult:
    require(uow, Permission.QUEUE_MAIL)
    rows = uow.session.execute(
        select(Invoice, Account.number, Account.client_id)
        .join(Account, Account.id == Invoice.account_id)
        .where(Invoice.number.in_(numbers), Invoice.status != "cancelled")
    ).all()
    company = settings.get_setting(uow, "company.name")
    items = [
        (
            f"invoice:{invoice.number}",
            client_id,
            account,
            f"Рахунок № {invoice.number} від {format_date(invoice.issue_date)}",
            f"Добрий день!\n\nНадсилаємо рахунок № {invoice.number} на суму "
            f"{format_amount(invoice.total)} грн (особовий рахунок {account}), сплатити до "
            f"{format_date(invoice.due_date)}. Рахунок у вкладенні.\n\nЗ повагою,\n{company}",
            "invoice",
            invoice.id,
        )
        for invoice, account, client_id in rows
    ]
    return _queue(uow, items)


def queue_acts(uow: UnitOfWork, month: str) -> QueueResult:
    require(uow, Permission.QUEUE_MAIL)
    rows = uow.session.execute(
        select(Act, Account.number, Account.client_id)
        .join(Account, Account.id == Act.account_id)
        .where(Act.month == month, Act.cancelled_at.is_(None))
        .order_by(Act.number)
    ).all()
    company = settings.get_setting(uow, "company.name")
    items = [
        (
            f"act:{act.number}",
            client_id,
            account,
            f"Акт надання послуг № {act.number} за {month}",
            f"Добрий день!\n\nНадсилаємо акт надання послуг № {act.number} за {month} на суму "
            f"{format_amount(act.total_uah)} грн (особовий рахунок {account}). Просимо "
            f"підписати та повернути один примірник.\n\nЗ повагою,\n{company}",
            "act",
            act.id,
        )
        for act, account, client_id in rows
    ]
    return _queue(uow, items)


def queue_alerts(uow: UnitOfWork) -> QueueResult:
    """Alerts recorded by the daily run that have recipients and were not queued yet."""
    require(uow, Permission.QUEUE_MAIL)
    rows = uow.session.execute(
        select(Alert, Account.number)
        .join(Account, Account.id == Alert.account_id)
        .where(Alert.sent_at.is_(None))
        .order_by(Alert.id)
    ).all()
    queued = already = 0
    without: list[str] = []
    existing = _existing_keys(uow, [f"alert:{a.id}" for a, _ in rows])
    for alert, account in rows:
        key = f"alert:{alert.id}"
        if key in existing:
            already += 1
            continue
        if not alert.recipients.strip():
            without.append(account)
            continue
        uow.session.add(
            OutboxMessage(
                key=key,
                recipients=alert.recipients,
                subject=f"Особовий рахунок {account}: {alert.message.splitlines()[0][:200]}",
                body=alert.message,
                document_kind="",
                document_id=None,
                created_at=audit.now(),
                attempts=0,
                last_error="",
            )
        )
        queued += 1
    result = QueueResult(queued, already, tuple(without))
    _audit_queue(uow, "alerts", result)
    return result


def _audit_queue(uow: UnitOfWork, what: str, result: QueueResult) -> None:
    if result.queued:
        summary = {
            "queued": result.queued,
            "already": result.already,
            "without_email": len(result.without_email),
        }
        audit.record(uow, "mail.queue", what, None, summary)


def _queue(uow: UnitOfWork, items: list[tuple[str, int, str, str, str, str, int]]) -> QueueResult:
    existing = _existing_keys(uow, [item[0] for item in items])
    emails = _emails(uow, {item[1] for item in items})
    queued = already = 0
    without: list[str] = []
    for key, client_id, account, subject, body, kind, document_id in items:
        if key in existing:
            already += 1
            continue
        recipients = emails.get(client_id, [])
        if not recipients:
            without.append(account)
            continue
        uow.session.add(
            OutboxMessage(
                key=key,
                recipients=", ".join(recipients),
                subject=subject,
                body=body,
                document_kind=kind,
                document_id=document_id,
                created_at=audit.now(),
                attempts=0,
                last_error="",
            )
        )
        queued += 1
    result = QueueResult(queued, already, tuple(without))
    _audit_queue(uow, items[0][5] + "s" if items else "documents", result)
    return result


def list_outbox(uow: UnitOfWork, pending_only: bool = False) -> list[OutboxView]:
    statement = select(OutboxMessage).order_by(OutboxMessage.id)
    if pending_only:
        statement = statement.where(OutboxMessage.sent_at.is_(None))
    return [
        OutboxView(
            m.key, m.recipients, m.subject, m.created_at, m.sent_at, m.attempts, m.last_error
        )
        for m in uow.session.execute(statement).scalars()
    ]


def smtp_settings(uow: UnitOfWork) -> SmtpSettings:
    values = settings.all_settings(uow)
    missing = [k for k in ("smtp.host", "smtp.sender") if not values.get(k)]
    if missing:
        raise BackofficeError(f"e-mail is not set up: set {', '.join(missing)}")
    return SmtpSettings(
        host=values["smtp.host"],
        port=int(values["smtp.port"]),
        security=values["smtp.security"],  # type: ignore[arg-type]
        sender=values["smtp.sender"],
        user=values["smtp.user"],
        password=settings.read_secret(uow, "smtp.password"),  # the mask in `values`
    )


def send_pending(engine: Engine, actor: str | None = None) -> SendSummary:
    """Send every pending message; record each result in its own short write."""
    from backoffice.documents.act_pdf import act_bytes
    from backoffice.documents.invoice_pdf import invoice_bytes

    with UnitOfWork(engine, actor=actor, read_only=True) as uow:
        require(uow, Permission.SEND_MAIL)
        smtp = smtp_settings(uow)
        pending = list(
            uow.session.execute(
                select(OutboxMessage)
                .where(OutboxMessage.sent_at.is_(None))
                .order_by(OutboxMessage.id)
            ).scalars()
        )
        messages: list[OutgoingMessage] = []
        render_errors: dict[str, str] = {}
        for row in pending:
            attachments: tuple[Attachment, ...] = ()
            try:
                if row.document_kind == "invoice":
                    invoice = uow.session.get(Invoice, row.document_id)
                    assert invoice is not None
                    doc = documents.invoice_document(uow, invoice.number)
                    attachments = (Attachment(f"{_safe(invoice.number)}.pdf", invoice_bytes(doc)),)
                elif row.document_kind == "act":
                    act = uow.session.get(Act, row.document_id)
                    assert act is not None
                    doc_act = documents.act_document(uow, act.number)
                    attachments = (Attachment(f"{_safe(act.number)}.pdf", act_bytes(doc_act)),)
            except BackofficeError as exc:
                render_errors[row.key] = str(exc)
                continue
            messages.append(
                OutgoingMessage(
                    key=row.key,
                    recipients=tuple(r.strip() for r in row.recipients.split(",") if r.strip()),
                    subject=row.subject,
                    body=row.body,
                    attachments=attachments,
                )
            )
    results = send_messages(smtp, messages)
    outcome = {r.key: ("" if r.sent else r.error) for r in results}
    outcome.update(render_errors)
    with UnitOfWork(engine, actor=actor) as uow:
        now = audit.now()
        for row in uow.session.execute(
            select(OutboxMessage).where(OutboxMessage.key.in_(list(outcome)))
        ).scalars():
            row.attempts += 1
            error = outcome[row.key]
            if error:
                row.last_error = error
            else:
                row.sent_at, row.last_error = now, ""
                if row.key.startswith("alert:"):
                    alert = uow.session.get(Alert, int(row.key.split(":")[1]))
                    if alert is not None:
                        alert.sent_at = now
        errors = tuple(f"{key}: {error}" for key, error in outcome.items() if error)
        if outcome:
            audit.record(
                uow,
                "mail.send",
                f"{len(outcome)} message(s)",
                None,
                {"sent": len(outcome) - len(errors), "failed": len(errors), "smtp": smtp.host},
            )
        uow.commit()
    return SendSummary(len(outcome) - len(errors), len(errors), errors)


def _existing_keys(uow: UnitOfWork, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 5000):
        found.update(
            uow.session.execute(
                select(OutboxMessage.key).where(OutboxMessage.key.in_(keys[start : start + 5000]))
            ).scalars()
        )
    return found


def _emails(uow: UnitOfWork, client_ids: set[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    ids = sorted(client_ids)
    for start in range(0, len(ids), 5000):
        for client_id, email in uow.session.execute(
            select(ClientEmail.client_id, ClientEmail.email)
            .join(Client, Client.id == ClientEmail.client_id)
            .where(ClientEmail.client_id.in_(ids[start : start + 5000]))
            .order_by(ClientEmail.id)
        ).all():
            result.setdefault(client_id, []).append(email)
    return result


def _safe(number: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in number)


def send_test_message(uow: UnitOfWork, to: str = "") -> str:
    """Send one short message with the saved SMTP settings to `to` (default:
    the sender itself), outside the outbox; the address it went to. A refusal
    by the server raises, naming its reason."""
    require(uow, Permission.EDIT_SETTINGS)
    smtp = smtp_settings(uow)
    recipient = to.strip() or smtp.sender
    [result] = send_messages(
        smtp,
        [
            OutgoingMessage(
                key=f"test:{audit.now():%Y%m%d%H%M%S}",
                recipients=(recipient,),
                subject="Перевірка пошти",
                body="Це перевірочний лист: налаштування пошти працюють.",
            )
        ],
    )
    if not result.sent:
        raise BackofficeError(f"the test message was not sent: {result.error}")
    return recipient


def message_body(uow: UnitOfWork, key: str) -> str:
    """The text of the outbox message `key`, as it is sent."""
    body = uow.session.execute(select(OutboxMessage.body).where(OutboxMessage.key == key)).scalar()
    if body is None:
        raise BackofficeError(f"no message {key!r} in the outbox")
    return body

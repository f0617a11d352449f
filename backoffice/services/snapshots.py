"""Issued documents that never change (SPEC §10, §11): their records, fixed.

When an invoice or an act is issued, `fix_documents` builds its record from
the books, settings and client card of that moment and stores it as a
snapshot (`documents.snapshot`: canonical JSON and its SHA-256). Every later
print, e-mail and batch reads the record back (`read_document`), so a new
company name, VAT status or client name applies only to documents issued
after the change. `problems` is what `check` says about the snapshots.

The builders are set-based: the closing fixes some 90,000 acts and the
invoice run as many invoices in one go, with a few queries per 5,000
documents and no ORM objects. They select named columns only, so the
migration that snapshots the documents issued before (0006) can run them
against a schema that later migrations extend.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    Connection,
    Table,
    func,
    inspect,
    literal,
    select,
    type_coerce,
)

from backoffice.billing.periods import add_months
from backoffice.billing.recognition import ServicePeriod as PaidPeriod
from backoffice.billing.recognition import portion_days
from backoffice.db.among import among
from backoffice.db.bulk_insert import insert_rows
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    Act,
    ActLine,
    Client,
    ClientEmail,
    ClientIban,
    DocumentSnapshot,
    Invoice,
    InvoiceLine,
    LedgerEntry,
    ServiceOrder,
    ServicePeriod,
    Subscription,
)
from backoffice.documents import snapshot
from backoffice.documents.numbers import format_amount, format_date, format_eur, format_quantity
from backoffice.documents.plural import agree_in_text, with_unit
from backoffice.documents.records import (
    ActDocument,
    DocumentLine,
    InvoiceDocument,
    Party,
    ReconciliationDocument,
    vat_included,
)
from backoffice.domain import ClientKind
from backoffice.errors import InputError
from backoffice.money import from_minor, round_half_up
from backoffice.services import audit, settings

SNAPSHOTS: Table = DocumentSnapshot.__table__  # type: ignore[assignment]
CHUNK = 5_000
"""Documents per query: IN lists stay well under SQLite's variable limit."""

RATE_NOTE = (
    "Списання з особового рахунку виконується за курсом НБУ на день списання; "
    "якщо курс зміниться, різниця лишається на особовому рахунку або буде потрібна доплата."
)


# --- the parties -------------------------------------------------------------


def supplier(uow: UnitOfWork) -> Party:
    """Our company as the settings state it now."""
    values = settings.all_settings(uow)
    return Party(
        name=values["company.name"],
        code=values["company.edrpou"],
        code_label="ЄДРПОУ",
        iban=values["company.iban"],
        bank=values["company.bank"],
        address=values["company.address"],
        vat_payer=values["company.vat_payer"] == "true",
        # ІПН identifies a VAT payer; a company that is not one prints none
        ipn=values["company.ipn"] if values["company.vat_payer"] == "true" else "",
        phone=values["company.phone"],
        email=values["company.email"],
        signer_name=values["company.director"],
        signer_title="Директор",
        accountant_name=values["company.accountant"],
    )


def place(uow: UnitOfWork) -> str:
    city = settings.get_setting(uow, "company.city")
    return f"м. {city}" if city and not city.startswith(("м.", "с.", "смт")) else city


def initials(full_name: str) -> str:
    """`Петренко Олена Іванівна` → `Петренко О. І.`: a signer's name as it is
    written beside a signature (one line). Other shapes stay as they are."""
    words = full_name.split()
    if len(words) in (2, 3) and all(w[:1].isalpha() and w[:1].isupper() for w in words):
        return " ".join([words[0], *(f"{w[0]}." for w in words[1:])])
    return full_name.strip()


@dataclass(frozen=True)
class _Client:
    id: int
    kind: str
    name: str
    edrpou: str | None
    rnokpp: str | None
    vat_payer: bool
    ipn: str | None
    address: str
    contract_no: str | None
    contract_date: dt.date | None
    email: str = ""
    iban: str = ""


def buyer_party(client: _Client) -> Party:
    """The client as a party, signing as its kind does (SPEC §11): a legal
    entity by position (the name is written in by hand), a sole proprietor as
    «ФОП Name», an individual by name alone."""
    kind = ClientKind(client.kind)
    if kind is ClientKind.LEGAL:
        code, label = client.edrpou or "", "ЄДРПОУ"
        title, signer = "Директор", ""
    else:
        code, label = client.rnokpp or "", "РНОКПП"
        bare = re.sub(r"^\s*(ФОП|фізична особа-підприємець)\s+", "", client.name, flags=re.I)
        title = "ФОП" if kind is ClientKind.SOLE else ""
        signer = initials(bare)
    return Party(
        name=client.name,
        code=code,
        code_label=label,
        iban=client.iban,
        address=client.address,
        vat_payer=client.vat_payer,
        ipn=(client.ipn or "") if client.vat_payer else "",
        email=client.email,
        signer_name=signer,
        signer_title=title,
        legal_entity=kind is not ClientKind.INDIVIDUAL,
        kind=kind.value,
    )


def contract_text(client: _Client, day: dt.date | None = None) -> str:
    """`№ 12/2026 від 01.02.2026`; '' when there is none, or when it is dated
    after the document (`day`): a document cannot rest on a later contract."""
    if not client.contract_no:
        return ""
    if day is not None and client.contract_date is not None and client.contract_date > day:
        return ""
    date = f" від {format_date(client.contract_date)}" if client.contract_date else ""
    return f"№ {client.contract_no}{date}"


def contract_warning(client: _Client, day: dt.date) -> str:
    """Why the document will cite no contract, or ''."""
    if not client.contract_no:
        return f"client «{client.name}» has no contract on file: the document cites none"
    if client.contract_date is not None and client.contract_date > day:
        return (
            f"client «{client.name}»: contract № {client.contract_no} is dated "
            f"{client.contract_date}, after the document ({day}): the document cites no contract"
        )
    return ""


def clients_of_accounts(uow: UnitOfWork, account_ids: Sequence[int]) -> dict[int, _Client]:
    """account id → its client, with the first e-mail and IBAN on file."""
    out: dict[int, _Client] = {}
    for chunk in _chunks(sorted(set(account_ids))):
        rows = (
            _core(uow)
            .execute(
                select(
                    Account.id.label("account_id"),
                    Client.id,
                    Client.kind,
                    Client.name,
                    Client.edrpou,
                    Client.rnokpp,
                    Client.vat_payer,
                    Client.ipn,
                    Client.address,
                    Client.contract_no,
                    Client.contract_date,
                )
                .join(Client, Client.id == Account.client_id)
                .where(_among(uow, Account.id, chunk))
            )
            .all()
        )
        client_ids = sorted({row.id for row in rows})
        emails = _first_per_client(
            uow,
            select(ClientEmail.client_id, ClientEmail.email)
            .where(_among(uow, ClientEmail.client_id, client_ids))
            .order_by(ClientEmail.id.desc()),
        )
        ibans = _first_per_client(
            uow,
            # one the client gave us before one learned from a payment
            select(ClientIban.client_id, ClientIban.iban)
            .where(_among(uow, ClientIban.client_id, client_ids))
            .order_by(ClientIban.learned.desc(), ClientIban.id.desc()),
        )
        for row in rows:
            out[row.account_id] = _Client(
                *row[1:], email=emails.get(row.id, ""), iban=ibans.get(row.id, "")
            )
    return out


def client_of_account(uow: UnitOfWork, account_id: int) -> _Client:
    return clients_of_accounts(uow, [account_id])[account_id]


def _first_per_client(uow: UnitOfWork, statement: Any) -> dict[int, str]:
    # rows come last-wanted first: the dict keeps the last one written
    return {client_id: value for client_id, value in _core(uow).execute(statement).all()}


# --- invoices ----------------------------------------------------------------


def payment_purpose(number: str, account: str, total: Decimal, vat: Decimal | None) -> str:
    """The text the payer copies into the payment order; the statement import
    finds both numbers in it (`matching.numbers_in`)."""
    tax = f"у т.ч. ПДВ {format_amount(vat)} грн" if vat is not None else "без ПДВ"
    return f"Оплата за рахунком № {number}, особовий рахунок {account}, {tax}"


def invoice_records(uow: UnitOfWork, numbers: Sequence[str]) -> dict[str, InvoiceDocument]:
    """number → the invoice's record as the books, settings and client card
    state it now."""
    us, where = supplier(uow), place(uow)
    margin = Decimal(settings.get_setting(uow, "invoice.margin_percent"))
    out: dict[str, InvoiceDocument] = {}
    for chunk in _chunks(list(numbers)):
        invoices, lines, clients = _invoice_rows(uow, chunk)
        for invoice in invoices:
            client = clients[invoice.account_id]
            out[invoice.number] = _invoice_record(
                invoice, lines[invoice.id], client, us, where, margin
            )
    return out


def _invoice_rows(
    uow: UnitOfWork, numbers: Sequence[str], *, minor: bool = False
) -> tuple[list[Any], dict[int, list[Any]], dict[int, _Client]]:
    """The invoices `numbers` (at most a chunk), their lines by invoice id and
    their clients by account id, in three set-based queries; with `minor`
    their money as the stored integers (see `_act_rows`)."""

    def money(column: Any) -> Any:
        return type_coerce(column, BigInteger).label(column.key) if minor else column

    invoices = (
        _core(uow)
        .execute(
            select(
                Invoice.id,
                Invoice.number,
                Invoice.account_id,
                Invoice.kind,
                Invoice.issue_date,
                Invoice.due_date,
                Invoice.period,
                money(Invoice.total),
                money(Invoice.eur_total),
                money(Invoice.rate),
                money(Invoice.markup_percent),
                Account.number.label("account"),
                Subscription.months,
            )
            .join(Account, Account.id == Invoice.account_id)
            .outerjoin(Subscription, Subscription.id == Invoice.subscription_id)
            .where(_among(uow, Invoice.number, numbers))
        )
        .all()
    )
    lines: dict[int, list[Any]] = defaultdict(list)
    for line in (
        _core(uow)
        .execute(
            select(
                InvoiceLine.invoice_id,
                InvoiceLine.position,
                InvoiceLine.service,
                InvoiceLine.unit,
                InvoiceLine.quantity,
                money(InvoiceLine.price),
                money(InvoiceLine.total),
                money(InvoiceLine.eur),
            )
            .where(_among(uow, InvoiceLine.invoice_id, [i.id for i in invoices]))
            .order_by(InvoiceLine.invoice_id, InvoiceLine.position)
        )
        .all()
    ):
        lines[line.invoice_id].append(line)
    clients = clients_of_accounts(uow, [i.account_id for i in invoices])
    return invoices, lines, clients


def _invoice_record(
    invoice: Any, lines: list[Any], client: _Client, us: Party, where: str, margin: Decimal
) -> InvoiceDocument:
    priced_in_eur = invoice.rate is not None
    doc_lines = [
        DocumentLine(
            number=line.position,
            service=readable(line.service),
            unit=line.unit,
            quantity=Decimal(line.quantity),
            price=line.price,
            total=line.total,
            eur=line.eur,
            rate=invoice.rate if line.eur is not None else None,
            markup_percent=invoice.markup_percent if line.eur is not None else None,
        )
        for line in lines
    ]
    vat = vat_included(invoice.total, us.vat_payer)
    months = invoice.months or 1
    period_to = ""
    if invoice.period and invoice.kind in ("activation", "renewal") and months > 1:
        start = dt.date.fromisoformat(f"{invoice.period}-01")
        period_to = f"{add_months(start, months - 1):%Y-%m}"
    return InvoiceDocument(
        number=invoice.number,
        date=invoice.issue_date,
        due_date=invoice.due_date,
        place=where,
        supplier=us,
        buyer=buyer_party(client),
        contract=contract_text(client, invoice.issue_date),
        account_number=invoice.account,
        kind=invoice.kind,
        period=invoice.period,
        lines=doc_lines,
        total=invoice.total,
        payment_purpose=payment_purpose(invoice.number, invoice.account, invoice.total, vat),
        rate_note=RATE_NOTE if priced_in_eur else "",
        suggested_amount=(
            round_half_up(invoice.total * (1 + margin / 100)) if priced_in_eur else None
        ),
        eur_total=invoice.eur_total,
        nbu_rate=invoice.rate,
        markup_percent=invoice.markup_percent,
        period_to=period_to,
    )


# --- acts --------------------------------------------------------------------


def act_records(uow: UnitOfWork, numbers: Sequence[str]) -> dict[str, ActDocument]:
    """number → the act's record as the books, settings and client card state it now."""
    us, where = supplier(uow), place(uow)
    out: dict[str, ActDocument] = {}
    for chunk in _chunks(list(numbers)):
        acts, lines, orders, clients = _act_rows(uow, chunk, act_line)
        for act in acts:
            client = clients[act.account_id]
            contract, act_lines = _act_content(act, lines, orders, client)
            out[act.number] = ActDocument(
                number=act.number,
                date=act.act_date,
                month=act.month,
                place=where,
                supplier=us,
                buyer=buyer_party(client),
                contract=contract,
                account_number=act.account,
                lines=act_lines,
                total=act.total_uah,
            )
    return out


class IssuedInvoice(NamedTuple):
    """An invoice the invoice run has just made, as `_invoice_rows` would read
    it back (money in minor units), with its lines (`IssuedLine`)."""

    id: int
    number: str
    account_id: int
    kind: str
    issue_date: dt.date
    due_date: dt.date
    period: str | None
    total: int
    eur_total: int | None
    rate: int | None
    markup_percent: int | None
    account: str
    months: int | None
    lines: list[IssuedLine]


class IssuedLine(NamedTuple):
    position: int
    service: str
    unit: str
    quantity: int
    price: int
    total: int
    eur: int | None


class IssuedAct(NamedTuple):
    """A monthly act the closing has just made, as `_act_rows` would read it
    back (money in minor units)."""

    number: str
    account_id: int
    month: str
    act_date: dt.date
    total_uah: int
    account: str
    order_id: None = None


def _act_rows(
    uow: UnitOfWork,
    numbers: Sequence[str],
    make_line: Callable[[int, Any], Any],
    *,
    minor: bool = False,
    given: Sequence[IssuedAct] | None = None,
) -> tuple[Sequence[Any], dict[str, list[Any]], dict[int, Any], dict[int, _Client]]:
    """The acts `numbers` (at most a chunk), the lines of the monthly ones by
    act number, the orders of the others by id and the clients by account id.
    `make_line` makes a line from its number and debit (`act_line`). With
    `minor` the money of the acts and lines comes as the stored integers
    (minor units), for the bulk texts to write without Decimals; `given` are
    the acts just made by the closing (not read back)."""

    def money(column: Any) -> Any:
        return type_coerce(column, BigInteger).label(column.key) if minor else column

    acts: Sequence[Any] = (
        given
        if given is not None
        else (
            _core(uow)
            .execute(
                select(
                    Act.id,
                    Act.number,
                    Act.account_id,
                    Act.month,
                    Act.act_date,
                    money(Act.total_uah),
                    Act.order_id,
                    Account.number.label("account"),
                )
                .join(Account, Account.id == Act.account_id)
                .where(_among(uow, Act.number, numbers))
            )
            .all()
        )
    )
    lines: dict[str, list[Any]] = defaultdict(list)
    monthly = [a.number for a in acts if a.order_id is None]
    statement = (
        select(
            Act.number.label("act_number"),
            ActLine.service,
            money(ActLine.eur),
            money(ActLine.rate),
            money(ActLine.uah),
            LedgerEntry.business_date,
            money(LedgerEntry.markup_percent),
            LedgerEntry.kind,
            Act.month.label("act_month"),
        )
        .join(Act, Act.id == ActLine.act_id)
        .join(LedgerEntry, LedgerEntry.id == ActLine.entry_id)
        .where(_among(uow, Act.number, monthly))
        .order_by(ActLine.act_id, LedgerEntry.business_date, ActLine.id)
    )
    if _has_periods(uow):
        statement = statement.add_columns(
            ServicePeriod.starts_on, ServicePeriod.ends_on, ServicePeriod.rendered_until
        ).outerjoin(
            ServicePeriod,
            ServicePeriod.entry_id == func.coalesce(LedgerEntry.reverses_id, LedgerEntry.id),
        )
    else:
        # the migration that snapshots old documents (0006) runs before
        # service periods exist: no line is a portion then
        statement = statement.add_columns(
            literal(None).label("starts_on"),
            literal(None).label("ends_on"),
            literal(None).label("rendered_until"),
        )
    for row in _core(uow).execute(statement).all():
        found = lines[row.act_number]
        found.append(make_line(len(found) + 1, row))
    orders = {
        row.id: row
        for row in _core(uow)
        .execute(
            select(
                ServiceOrder.id,
                ServiceOrder.service,
                ServiceOrder.amount,
                ServiceOrder.contract,
            ).where(
                _among(uow, ServiceOrder.id, [a.order_id for a in acts if a.order_id is not None])
            )
        )
        .all()
    }
    clients = clients_of_accounts(uow, [a.account_id for a in acts])
    return acts, lines, orders, clients


def _act_content(
    act: Any, lines: dict[str, list[Any]], orders: dict[int, Any], client: _Client
) -> tuple[str, list[Any]]:
    """The contract an act cites and its lines: an order's act has the
    order's one line and cites the order's contract when it names one."""
    contract = contract_text(client, act.act_date)
    if act.order_id is None:
        return contract, lines[act.number]
    order = orders[act.order_id]
    line = DocumentLine(1, order.service, "послуга", Decimal(1), order.amount, order.amount)
    return order.contract or contract, [line]


_OVERAGE = re.compile(
    r"^(?P<head>.*?),\s*(?P<qty>\d+) (?P<unit>\S.*?) × (?P<price>\d+(?:\.\d+)?) EUR"
    r" × (?P<mult>\d+(?:\.\d+)?)$"
)


def line_period(row: Any) -> tuple[dt.date, dt.date] | tuple[None, None]:
    """The days an act line states when it is its month's portion of a debit
    for a longer period (the line's debit has a service period), else Nones.
    A debit posted in the act's month states its period from its start (the
    closing puts the months before the debit on its first act)."""
    if row.starts_on is None:
        return None, None
    month = row.act_month
    period = PaidPeriod(row.starts_on, row.ends_on, row.rendered_until)
    first = row.business_date >= dt.date(int(month[:4]), int(month[5:7]), 1)
    return portion_days(period, month, from_start=first) or (None, None)


def act_line(number: int, row: Any) -> DocumentLine:
    """An act line from its ledger debit. An overage debit carries its real
    quantity, unit and unit price (the option's price × the overage
    multiplier), read from the debit's text «…, 68 поставка × 0.50 EUR × 2».
    A portion of a longer period states its own days, not the debit's date."""
    match = _OVERAGE.match(row.service) if row.kind == "debit_overage" else None
    period_from, period_to = line_period(row)
    if match is None or int(match["qty"]) <= 0:
        return DocumentLine(
            number=number,
            service=readable(row.service),
            unit="послуга",
            quantity=Decimal(1),
            price=row.uah,
            total=row.uah,
            eur=row.eur,
            rate=row.rate,
            markup_percent=row.markup_percent,
            date=row.business_date,
            period_from=period_from,
            period_to=period_to,
        )
    quantity = int(match["qty"])
    unit = match["unit"]
    unit_eur = Decimal(match["price"]) * Decimal(match["mult"])
    service = (
        f"{match['head']}, {with_unit(quantity, unit, format_quantity(Decimal(quantity)))} "
        f"понад включені, {format_eur(Decimal(match['price']))} EUR × "
        f"{format_quantity(Decimal(match['mult']))}"
    )
    return DocumentLine(
        number=number,
        service=service,
        unit=unit,
        quantity=Decimal(quantity),
        price=round_half_up(row.uah / quantity),
        total=row.uah,
        eur=unit_eur.normalize()
        if unit_eur.as_tuple().exponent < -2
        else unit_eur.quantize(Decimal("0.01")),
        rate=row.rate,
        markup_percent=row.markup_percent,
        date=row.business_date,
        period_from=period_from,
        period_to=period_to,
    )


_DOT_EUR = re.compile(r"(\d+)\.(\d+)(?= EUR)")
_TIMES = re.compile(r"× (\d+\.\d+)")


def readable(text: str) -> str:
    """A ledger or line text as a document prints it: units agreeing with their
    numbers (`910 документів`), decimal commas (`0,50 EUR × 2`)."""
    text = agree_in_text(text)
    text = _DOT_EUR.sub(r"\1,\2", text)
    return _TIMES.sub(lambda m: "× " + format_quantity(Decimal(m.group(1))), text)


# --- fixing and reading --------------------------------------------------------


def fix_documents(
    uow: UnitOfWork,
    kind: str,
    numbers: Sequence[str],
    *,
    source: str = "issue",
    given: Mapping[str, Any] | None = None,
) -> int:
    """Store the snapshot of each issued document `numbers` of `kind`
    (`invoice` or `act`): its record now, as canonical JSON with its hash.
    Called where documents are issued, in the same transaction.

    The text is the one `snapshot.canonical` gives the document's record
    (tests hold them equal), written straight from the rows: the closing fixes
    some 90,000 acts and its invoice run as many invoices, so the parts every
    document of a run shares (our company, each client) are encoded once.
    `given` are the documents by number as the run that issued them made
    them (`IssuedInvoice`, `IssuedAct`): they are not read back."""
    texts = {"invoice": _invoice_texts, "act": _act_texts}[kind]
    flagged: list[str] = []
    now = audit.now()
    sha256 = hashlib.sha256
    count = 0
    for chunk in _chunks(list(numbers)):
        # each chunk is read in full before it is written: on PostgreSQL the
        # rows go in by COPY, and no query may run on the connection meanwhile
        rows = [
            {
                "kind": kind,
                "number": number,
                "version": snapshot.VERSION,
                "body": text,
                "sha256": sha256(text.encode("utf-8")).hexdigest(),
                "created_at": now,
                "source": source,
            }
            for number, text in texts(uow, chunk, given, flagged)
        ]
        count += insert_rows(uow, SNAPSHOTS, rows)
    if source == "issue":
        _flag_contracts(uow, kind, flagged)
    return count


# --- canonical text in bulk ----------------------------------------------------
#
# `snapshot.canonical` sorts the keys of the record's plain form. A record's
# keys sort as: account_number, buyer, (the document's own fields), supplier,
# total; so a text is spliced from the encoded buyer (once per client), the
# document's own fields (one small dict) and the encoded supplier (once).

_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _scalar(value: Any) -> Any:
    """A field as `snapshot.canonical` writes it (amounts and dates as text)."""
    kind = type(value)
    if kind is Decimal:
        return str(value)
    if kind is dt.date:
        return value.isoformat()
    return value


def _line(line: DocumentLine) -> dict[str, Any]:
    return {
        "number": line.number,
        "service": line.service,
        "unit": line.unit,
        "quantity": _scalar(line.quantity),
        "price": _scalar(line.price),
        "total": _scalar(line.total),
        "eur": _scalar(line.eur),
        "rate": _scalar(line.rate),
        "markup_percent": _scalar(line.markup_percent),
        "date": _scalar(line.date),
        "period_from": _scalar(line.period_from),
        "period_to": _scalar(line.period_to),
    }


def _spliced(account: str, buyer: str, own: dict[str, Any], us: str, total: Any) -> str:
    return (
        f'{{"account_number":{_encode(account)},"buyer":{buyer},'
        f'{_encode(own)[1:-1]},"supplier":{us},"total":{_encode(_scalar(total))}}}'
    )


_PARTY = tuple(f.name for f in dataclasses.fields(Party))


class _Buyers(dict[int, str]):
    """client id → the client's party, encoded once per run."""

    def __init__(self, clients: dict[int, _Client]) -> None:
        super().__init__()
        self.clients = clients

    def of(self, account_id: int) -> str:
        client = self.clients[account_id]
        text = self.get(client.id)
        if text is None:
            text = self[client.id] = _buyer_text(client)
        return text


_BUYER_TEXTS: dict[_Client, str] = {}


def _buyer_text(client: _Client) -> str:
    """The client's party, encoded. Kept by the client card's whole content
    (a changed card is another key), so the acts of a closing reuse what its
    invoice runs encoded for the same clients."""
    text = _BUYER_TEXTS.get(client)
    if text is None:
        if len(_BUYER_TEXTS) >= 250_000:
            _BUYER_TEXTS.clear()
        party = buyer_party(client)  # str and bool fields only: plain as they are
        text = _BUYER_TEXTS[client] = _encode({name: getattr(party, name) for name in _PARTY})
    return text


def _invoice_texts(
    uow: UnitOfWork,
    numbers: Sequence[str],
    given: Mapping[str, Any] | None = None,
    flagged: list[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """(number, canonical text) of each invoice `numbers`, as `invoice_records`
    and `snapshot.canonical` would give it; `given`: the invoices by number as
    the invoice run made them (`IssuedInvoice`), not read back. The numbers of
    invoices dated before their client's contract go to `flagged`."""
    us = supplier(uow)
    ours, where = _encode(snapshot.plain(us)), place(uow)
    margin = Decimal(settings.get_setting(uow, "invoice.margin_percent"))
    texts = _memo(readable)
    for chunk in _chunks(list(numbers)):
        if given is None:
            invoices, lines, clients = _invoice_rows(uow, chunk, minor=True)
        else:
            invoices = [given[number] for number in chunk]
            lines = {i.id: i.lines for i in invoices}
            clients = clients_of_accounts(uow, [i.account_id for i in invoices])
        buyers = _Buyers(clients)
        for invoice in invoices:
            client = clients[invoice.account_id]
            if flagged is not None and _before_contract(client, invoice.issue_date):
                flagged.append(invoice.number)
            own = _invoice_fields(invoice, lines[invoice.id], us, where, margin, texts)
            own["contract"] = contract_text(client, invoice.issue_date)
            buyer = buyers.of(invoice.account_id)
            total = _minor_text(invoice.total, 2)
            yield invoice.number, _spliced(invoice.account, buyer, own, ours, total)


def _invoice_fields(
    invoice: Any,
    lines: list[Any],
    us: Party,
    where: str,
    margin: Decimal,
    texts: Callable[[str], str],
) -> dict[str, Any]:
    """An invoice's own fields as `_invoice_record` states them, plain, from
    rows read in minor units."""
    priced_in_eur = invoice.rate is not None
    in_eur = (_minor_text(invoice.rate, 4), _minor_text(invoice.markup_percent, 4))
    plain_lines = [
        {
            "number": line.position,
            "service": texts(line.service),
            "unit": line.unit,
            "quantity": str(line.quantity),
            "price": _minor_text(line.price, 2),
            "total": _minor_text(line.total, 2),
            "eur": _minor_text(line.eur, 2),
            "rate": in_eur[0] if line.eur is not None else None,
            "markup_percent": in_eur[1] if line.eur is not None else None,
            "date": None,
            "period_from": None,
            "period_to": None,
        }
        for line in lines
    ]
    total = from_minor(invoice.total, 2)
    vat = vat_included(total, us.vat_payer)
    months = invoice.months or 1
    period_to = ""
    if invoice.period and invoice.kind in ("activation", "renewal") and months > 1:
        start = dt.date.fromisoformat(f"{invoice.period}-01")
        period_to = f"{add_months(start, months - 1):%Y-%m}"
    suggested = round_half_up(total * (1 + margin / 100)) if priced_in_eur else None
    return {
        "date": _scalar(invoice.issue_date),
        "due_date": _scalar(invoice.due_date),
        "eur_total": _minor_text(invoice.eur_total, 2),
        "kind": invoice.kind,
        "lines": plain_lines,
        "markup_percent": in_eur[1],
        "nbu_rate": in_eur[0],
        "number": invoice.number,
        "payment_purpose": payment_purpose(invoice.number, invoice.account, total, vat),
        "period": invoice.period,
        "period_to": period_to,
        "place": where,
        "rate_note": RATE_NOTE if priced_in_eur else "",
        "suggested_amount": _scalar(suggested),
    }


def _act_texts(
    uow: UnitOfWork,
    numbers: Sequence[str],
    given: Mapping[str, Any] | None = None,
    flagged: list[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """(number, canonical text) of each act `numbers`, as `act_records` and
    `snapshot.canonical` would give it; `given`: the acts by number, as the
    closing made them (`IssuedAct`), not read back. The numbers of acts
    dated before their client's contract go to `flagged`."""
    ours, where = _encode(snapshot.plain(supplier(uow))), place(uow)
    texts = _memo(readable)

    def plain_line(number: int, row: Any) -> dict[str, Any]:
        # a debit that is not an overage is one service: `act_line` without
        # its record; an overage (a few per cent) goes through it. Money
        # comes as the stored integers and is written as their text.
        if row.kind == "debit_overage":
            return _line(act_line(number, _DecimalRow(row)))
        uah = _minor_text(row.uah, 2)
        period_from, period_to = line_period(row) if row.starts_on else (None, None)
        return {
            "number": number,
            "service": texts(row.service),
            "unit": "послуга",
            "quantity": "1",
            "price": uah,
            "total": uah,
            "eur": _minor_text(row.eur, 2),
            "rate": _minor_text(row.rate, 4),
            "markup_percent": _minor_text(row.markup_percent, 4),
            "date": _scalar(row.business_date),
            "period_from": _scalar(period_from),
            "period_to": _scalar(period_to),
        }

    for chunk in _chunks(list(numbers)):
        issued = [given[number] for number in chunk] if given is not None else None
        acts, lines, orders, clients = _act_rows(uow, chunk, plain_line, minor=True, given=issued)
        buyers = _Buyers(clients)
        for act in acts:
            client = clients[act.account_id]
            if flagged is not None and _before_contract(client, act.act_date):
                flagged.append(act.number)
            contract, act_lines = _act_content(act, lines, orders, client)
            if act.order_id is not None:
                act_lines = [_line(line) for line in act_lines]
            own = {
                "contract": contract,
                "date": _scalar(act.act_date),
                "lines": act_lines,
                "month": act.month,
                "number": act.number,
                "place": where,
            }
            buyer = buyers.of(act.account_id)
            total = _minor_text(act.total_uah, 2)
            yield act.number, _spliced(act.account, buyer, own, ours, total)


def _minor_text(value: int | None, places: int) -> str | None:
    """Stored minor units as `str(from_minor(value, places))` writes them
    (`-1234.50`), without making a Decimal: the closing writes some 300,000
    amounts."""
    if value is None:
        return None
    whole, part = divmod(abs(value), 10**places)
    return f"{'-' if value < 0 else ''}{whole}.{part:0{places}d}"


class _DecimalRow:
    """An act line row read in minor units, its money as Decimals (for
    `act_line`)."""

    def __init__(self, row: Any) -> None:
        self._row = row
        self.eur = None if row.eur is None else from_minor(row.eur, 2)
        self.rate = None if row.rate is None else from_minor(row.rate, 4)
        self.uah = from_minor(row.uah, 2)
        self.markup_percent = (
            None if row.markup_percent is None else from_minor(row.markup_percent, 4)
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, name)


def _memo(make: Callable[[str], str]) -> Callable[[str], str]:
    """`make` remembered for a run: a few hundred distinct debit texts recur
    on every act of a closing."""
    seen: dict[str, str] = {}

    def memo(text: str) -> str:
        found = seen.get(text)
        if found is None:
            found = seen[text] = make(text)
        return found

    return memo


def _before_contract(client: _Client, day: dt.date) -> bool:
    return client.contract_date is not None and client.contract_date > day


def _flag_contracts(uow: UnitOfWork, kind: str, flagged: list[str]) -> None:
    """An audit row naming the documents just issued that cite no contract
    because theirs is dated after them (SPEC: a document dated before its
    contract is flagged; a manual invoice is refused before this)."""
    if flagged:
        flagged = sorted(flagged)
        audit.record(
            uow,
            "documents.contract_after",
            f"{len(flagged)} {kind}(s) dated before their client's contract",
            None,
            {"first": flagged[:20], "count": len(flagged), "cited": "no contract"},
        )


def fix_document(uow: UnitOfWork, kind: str, number: str) -> None:
    """`fix_documents` for one document."""
    fix_documents(uow, kind, [number])


def fix_record(uow: UnitOfWork, kind: str, number: str, record: snapshot.Record) -> str:
    """Store the snapshot of a document issued from a record built whole (a
    reconciliation statement); returns its hash."""
    text = snapshot.canonical(record)
    sha = snapshot.digest(text)
    insert_rows(
        uow,
        SNAPSHOTS,
        [
            {
                "kind": kind,
                "number": number,
                "version": snapshot.VERSION,
                "body": text,
                "sha256": sha,
                "created_at": audit.now(),
                "source": "issue",
            }
        ],
    )
    return sha


def read_document(uow: UnitOfWork, kind: str, number: str) -> snapshot.Record | None:
    """The fixed record of an issued document, or None if it has no snapshot."""
    body = uow.session.execute(
        select(DocumentSnapshot.body).where(
            DocumentSnapshot.kind == kind, DocumentSnapshot.number == number
        )
    ).scalar()
    return None if body is None else snapshot.read(kind, body)


def snapshot_hash(uow: UnitOfWork, kind: str, number: str) -> str | None:
    return uow.session.execute(
        select(DocumentSnapshot.sha256).where(
            DocumentSnapshot.kind == kind, DocumentSnapshot.number == number
        )
    ).scalar()


def refuse_before_contract(uow: UnitOfWork, account_id: int, day: dt.date, what: str) -> None:
    """A document made by hand may not be dated before its client's contract."""
    client = client_of_account(uow, account_id)
    if client.contract_date is not None and client.contract_no and client.contract_date > day:
        raise InputError(
            f"{what} dated {day} is before the contract № {client.contract_no} of "
            f"{client.contract_date} of client «{client.name}»: date it on or after the contract"
        )


def issue_warning(uow: UnitOfWork, account_id: int, day: dt.date) -> str:
    """The warning to show when a document is issued for this account on `day`, or ''."""
    return contract_warning(client_of_account(uow, account_id), day)


def contracts_of_clients(
    uow: UnitOfWork, client_ids: Sequence[int]
) -> dict[int, tuple[str, dt.date | None] | None]:
    """client id → (contract number, date), or None for a client without a
    contract: the client list shows who will get documents citing none."""
    out: dict[int, tuple[str, dt.date | None] | None] = {}
    for chunk in _chunks(sorted(set(client_ids))):
        for client_id, number, date in uow.session.execute(
            select(Client.id, Client.contract_no, Client.contract_date).where(Client.id.in_(chunk))
        ).all():
            out[client_id] = (number, date) if number else None
    return out


# --- check -------------------------------------------------------------------


def problems(uow: UnitOfWork) -> list[str]:
    """What `check` reports: a snapshot whose text no longer has its hash, or
    whose number or total is not the document's; an issued document without
    a snapshot. The first of each kind is named."""
    found: list[str] = []
    for kind, table, total_col in (
        ("invoice", Invoice, Invoice.total),
        ("act", Act, Act.total_uah),
    ):
        totals = dict(uow.session.execute(select(table.number, total_col)).all())
        seen: set[str] = set()
        bad: list[str] = []
        rows = uow.session.execute(
            select(DocumentSnapshot.number, DocumentSnapshot.body, DocumentSnapshot.sha256)
            .where(DocumentSnapshot.kind == kind)
            .order_by(DocumentSnapshot.id)
            .execution_options(yield_per=CHUNK)
        )
        for number, body, sha in rows:
            seen.add(number)
            if snapshot.digest(body) != sha:
                bad.append(f"{kind} {number}: its snapshot was changed (hash mismatch)")
                continue
            stated = json.loads(body)
            if stated.get("number") != number or str(totals.get(number)) != stated.get("total"):
                bad.append(f"{kind} {number}: its snapshot does not state the issued document")
        missing = sorted(set(totals) - seen)
        if missing:
            bad.append(f"{len(missing)} {kind}(s) without a snapshot, first {missing[0]}")
        if bad:
            more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
            found.append(f"issued documents changed: {bad[0]}{more}")
    found += _statement_problems(uow)
    return found


def _statement_problems(uow: UnitOfWork) -> list[str]:
    """The reconciliation statements: their snapshots are their register (no
    table of their own), so each must keep its hash, state its own number
    and balance (opening + debits − credits = closing)."""
    bad: list[str] = []
    for number, body, sha in uow.session.execute(
        select(DocumentSnapshot.number, DocumentSnapshot.body, DocumentSnapshot.sha256)
        .where(DocumentSnapshot.kind == "reconcile")
        .order_by(DocumentSnapshot.id)
    ).all():
        if snapshot.digest(body) != sha:
            bad.append(
                f"reconciliation statement {number}: its snapshot was changed (hash mismatch)"
            )
            continue
        doc = snapshot.read("reconcile", body)
        assert isinstance(doc, ReconciliationDocument)
        moved = doc.rows_total_debit - doc.rows_total_credit
        if doc.number != number or doc.opening_balance + moved != doc.closing_balance:
            bad.append(f"statement {number}: its snapshot does not add up")
    if not bad:
        return []
    more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
    return [f"issued reconciliation statements changed: {bad[0]}{more}"]


def _among(uow: UnitOfWork, column: Any, values: Sequence[Any]) -> Any:
    """`column IN values` for a chunk of up to 5,000 values, as one bound
    parameter (`db.among`): as 5,000 parameters each query cost some 60 ms
    to send and plan on PostgreSQL, and on SQLite longer to compile than to
    run."""
    return among(uow, column, values)


def _has_periods(uow: UnitOfWork) -> bool:
    return inspect(_core(uow)).has_table(ServicePeriod.__tablename__)


def _core(uow: UnitOfWork) -> Connection:
    """The unit of work's connection, after a flush: the bulk reads select
    plain columns, which Core returns without the ORM's row handling (a third
    of their time)."""
    uow.session.flush()
    return uow.session.connection()


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]

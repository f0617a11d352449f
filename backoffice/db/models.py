"""Tables. ORM rows stay inside the persistence layer and the services.

Every index names the query that needs it. Money columns are exact integers
behind `ScaledDecimal` (see types.py).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from backoffice.db.types import Money, Rate, ScaledDecimal

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(80))


class Sequence(Base):
    """Document and account counters; a row is locked while a number is taken."""

    __tablename__ = "sequences"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class Client(Base):
    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(200), default="")
    edrpou: Mapped[str | None] = mapped_column(String(8))
    rnokpp: Mapped[str | None] = mapped_column(String(10))
    vat_payer: Mapped[bool] = mapped_column(Boolean, default=False)
    ipn: Mapped[str | None] = mapped_column(String(12))
    address: Mapped[str] = mapped_column(String(500), default="")
    contract_no: Mapped[str | None] = mapped_column(String(60))
    contract_date: Mapped[dt.date | None] = mapped_column(Date)
    manager: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # casefolded name and codes: SQLite's LIKE folds only ASCII, and the
    # client list is filtered by Cyrillic names.
    search_text: Mapped[str] = mapped_column(String(600), default="")
    # Ukrainian alphabetical order without the legal form (backoffice/names.py)
    sort_key: Mapped[str] = mapped_column(String(600), default="", index=True)

    ibans: Mapped[list[ClientIban]] = relationship(back_populates="client")
    emails: Mapped[list[ClientEmail]] = relationship(back_populates="client")
    accounts: Mapped[list[Account]] = relationship(back_populates="client")

    __table_args__ = (
        # statement matching by payer code (later) and duplicate checks on add
        Index(None, "edrpou"),
        Index(None, "rnokpp"),
    )


class ClientIban(Base):
    __tablename__ = "client_ibans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    iban: Mapped[str] = mapped_column(String(34))
    learned: Mapped[bool] = mapped_column(Boolean, default=False)

    client: Mapped[Client] = relationship(back_populates="ibans")

    __table_args__ = (
        UniqueConstraint("client_id", "iban"),
        Index(None, "iban"),  # payer IBAN → client when matching payments
    )


class ClientEmail(Base):
    __tablename__ = "client_emails"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    email: Mapped[str] = mapped_column(String(254))

    client: Mapped[Client] = relationship(back_populates="emails")

    __table_args__ = (UniqueConstraint("client_id", "email"),)


class Account(Base):
    """A personal account (особовий рахунок). `balance` is a cache of the
    sum of its entries, written in the same transaction as every entry and
    proven by `backoffice check`."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    currency: Mapped[str] = mapped_column(String(3), default="UAH")
    balance: Mapped[Money] = mapped_column(default=Decimal("0.00"))
    access: Mapped[str] = mapped_column(String(10), default="active")
    block_reason: Mapped[str | None] = mapped_column(String(40))
    credit_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    credit_limit: Mapped[Money] = mapped_column(default=Decimal("0.00"))
    last_topup_date: Mapped[dt.date | None] = mapped_column(Date)
    opened_on: Mapped[dt.date] = mapped_column(Date)

    client: Mapped[Client] = relationship(back_populates="accounts")


# 64-bit ids on PostgreSQL; SQLite's INTEGER PRIMARY KEY is already 64-bit and
# only autoincrements under that exact spelling.
EntryId = BigInteger().with_variant(Integer, "sqlite")


class LedgerEntry(Base):
    """Append-only: the database refuses UPDATE and DELETE (see migrations)."""

    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(EntryId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    business_date: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(24))
    amount: Mapped[Money]
    eur: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    rate: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    markup_percent: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    reverses_id: Mapped[int | None] = mapped_column(
        EntryId, ForeignKey("ledger_entries.id"), unique=True
    )
    # Idempotency: a source (statement line, renewal of a period, ...) posts
    # at most one entry, whatever happens to re-runs.
    source_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    author: Mapped[str] = mapped_column(String(80))
    comment: Mapped[str] = mapped_column(Text, default="")
    # SHA-256 of the previous entry's hash and this entry's content (the
    # chain, services/chain.py); NULL only where a row was put in by hand
    hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        # the account's ledger in date order, and balances as SUM(amount) per
        # account (covering, so the sum never touches the table)
        Index(None, "account_id", "business_date", "id"),
        Index("ix_ledger_entries_account_amount", "account_id", "amount"),
        # month lock checks and period reports
        Index(None, "business_date"),
        # balance expiry looks up each account's last top-up by kind
        Index(None, "kind", "account_id", "business_date"),
    )


class LedgerChain(Base):
    """The head of the ledger's hash chain: one row (id 1), locked by every
    posting, holding the last entry's id and hash (services/chain.py)."""

    __tablename__ = "ledger_chain"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_entry_id: Mapped[int | None] = mapped_column(EntryId)
    last_hash: Mapped[str] = mapped_column(String(64))


class ExchangeRate(Base):
    __tablename__ = "exchange_rates"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    rate: Mapped[Rate]
    source: Mapped[str] = mapped_column(String(120), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class MonthLock(Base):
    __tablename__ = "month_locks"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM
    locked_at: Mapped[dt.datetime] = mapped_column(DateTime)
    locked_by: Mapped[str] = mapped_column(String(80))


class AuditRecord(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(80))
    # host name and OS user, e.g. "ws-03 (olena)"; '' for records made before 0011
    workstation: Mapped[str] = mapped_column(String(120), server_default="")
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(120))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "at"),)


class User(Base):
    """Who may log in. The password is kept only as an argon2 hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    password_changed_at: Mapped[dt.datetime] = mapped_column(DateTime)


# -- billing: catalog, subscriptions, charges, runs, acts ---------------------


class CatalogOption(Base):
    """An option of the tariff constructor, priced in EUR (SPEC §6.1)."""

    __tablename__ = "catalog_options"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(60), default="")
    type: Mapped[str] = mapped_column(String(12))  # metered | limit | flat
    unit_price: Mapped[Money]
    overage_multiplier: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Plan(Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="preset")  # preset|custom|free
    policy: Mapped[str | None] = mapped_column(String(4))  # preset override, e.g. S4
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class PlanVersion(Base):
    """A plan's price and quantities from a date on; running subscriptions
    keep their version until the next renewal."""

    __tablename__ = "plan_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    version: Mapped[int] = mapped_column(Integer)
    monthly_price: Mapped[Money]
    includes: Mapped[str] = mapped_column(Text, default="{}")  # JSON option → quantity
    limits: Mapped[str] = mapped_column(Text, default="{}")  # JSON option → cap
    period_discounts: Mapped[str] = mapped_column(Text, default="{}")  # JSON months → %
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("plan_id", "version"),)


class Subscription(Base):
    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    plan_version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"))
    status: Mapped[str] = mapped_column(String(10))  # pending|active|blocked|suspended|ended
    months: Mapped[int] = mapped_column(Integer)
    auto_renew: Mapped[bool] = mapped_column(Boolean)
    ordered_on: Mapped[dt.date] = mapped_column(Date)
    activated_on: Mapped[dt.date | None] = mapped_column(Date)
    # The paid period, end exclusive: [period_start, period_end).
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    last_change_on: Mapped[dt.date | None] = mapped_column(Date)
    # The day objects first went over a limit option's cap [S3]; None while within.
    limit_exceeded_since: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        Index(None, "account_id", "status"),
        Index(None, "status", "period_end"),  # renewals due on a day
    )


class SubscriptionOption(Base):
    __tablename__ = "subscription_options"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id"), index=True)
    option_id: Mapped[int] = mapped_column(ForeignKey("catalog_options.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))  # pending | active | expired
    ordered_on: Mapped[dt.date] = mapped_column(Date)
    # A boost pack [S3] is for the current period only; options renew with the plan.
    renews: Mapped[bool] = mapped_column(Boolean, default=True)


class Charge(Base):
    """A debit the funds did not cover (SPEC §6.5): kept outstanding, posted
    as soon as funds allow, at the rate of the day it is posted."""

    __tablename__ = "charges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    subscription_id: Mapped[int | None] = mapped_column(ForeignKey("subscriptions.id"))
    kind: Mapped[str] = mapped_column(String(24))
    eur: Mapped[Money]
    description: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))  # outstanding | posted | cancelled
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    entry_id: Mapped[int | None] = mapped_column(EntryId, ForeignKey("ledger_entries.id"))

    __table_args__ = (Index(None, "status", "account_id"),)


class DailyRun(Base):
    __tablename__ = "daily_runs"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    ran_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ran_by: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(Text, default="{}")


class Closing(Base):
    """The closing journal: who closed which month, when, with what totals."""

    __tablename__ = "closings"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(80))
    accounts: Mapped[int] = mapped_column(Integer)
    acts: Mapped[int] = mapped_column(Integer)
    total_uah: Mapped[Money]
    summary: Mapped[str] = mapped_column(Text, default="{}")
    # The month's seal (services/chain.py): its entries' count and totals and
    # the last entry dated up to its end, as at the closing; `check` recomputes
    entries: Mapped[int | None] = mapped_column(BigInteger)
    credit: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    debit: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    last_entry_id: Mapped[int | None] = mapped_column(EntryId)
    last_hash: Mapped[str | None] = mapped_column(String(64))


class Act(Base):
    """An act of services rendered for one account and month (SPEC §11)."""

    __tablename__ = "acts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    month: Mapped[str] = mapped_column(String(7))
    act_date: Mapped[dt.date] = mapped_column(Date)
    total_eur: Mapped[Money]
    total_uah: Mapped[Money]
    # An order-only service has its own act, apart from the monthly one.
    order_id: Mapped[int | None] = mapped_column(ForeignKey("service_orders.id"))
    # A reopened month cancels its acts; the next closing makes new ones.
    # A cancelled act keeps its number.
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # one live monthly act per account and month
        Index(
            "uq_acts_live_monthly",
            "account_id",
            "month",
            unique=True,
            sqlite_where=text("cancelled_at IS NULL AND order_id IS NULL"),
            postgresql_where=text("cancelled_at IS NULL AND order_id IS NULL"),
        ),
        Index(None, "month"),
    )


class ActLine(Base):
    __tablename__ = "act_lines"

    id: Mapped[int] = mapped_column(EntryId, primary_key=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("acts.id"), index=True)
    # the closing sums what earlier acts stated of a period's debit (§11)
    entry_id: Mapped[int] = mapped_column(EntryId, ForeignKey("ledger_entries.id"), index=True)
    service: Mapped[str] = mapped_column(String(300))
    eur: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    rate: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    uah: Mapped[Money]


class ServicePeriod(Base):
    """The period a debit paid for, when it reaches past the month the debit
    was posted in (SPEC §11): the closings recognise the debit on the acts of
    the months it covers. A debit without a row is stated whole on the act of
    its own month."""

    __tablename__ = "service_periods"

    entry_id: Mapped[int] = mapped_column(
        EntryId, ForeignKey("ledger_entries.id"), primary_key=True
    )
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    subscription_id: Mapped[int | None] = mapped_column(ForeignKey("subscriptions.id"))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date, index=True)  # exclusive
    # An early end (suspension, a full-month plan change): rendered up to here.
    rendered_until: Mapped[dt.date | None] = mapped_column(Date)


class UsageRecord(Base):
    """Usage of an option on a day, as the platform reports it (a delta)."""

    __tablename__ = "usage_records"

    id: Mapped[int] = mapped_column(EntryId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    option_id: Mapped[int] = mapped_column(ForeignKey("catalog_options.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (
        # counters per account, option and period
        Index(None, "account_id", "option_id", "day"),
        # the daily run's overage: which accounts reported usage up to a day
        Index(None, "day"),
    )


class OverageDebit(Base):
    """How much overage of an option in a period has been debited already,
    so the daily run debits only what is new."""

    __tablename__ = "overage_debits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id"))
    option_id: Mapped[int] = mapped_column(ForeignKey("catalog_options.id"))
    period_start: Mapped[dt.date] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("subscription_id", "option_id", "period_start"),)


class Alert(Base):
    """The alerts outbox (SPEC §7): one row per event, whatever the re-runs."""

    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    code: Mapped[str] = mapped_column(String(24))
    event_key: Mapped[str] = mapped_column(String(160), unique=True)
    day: Mapped[dt.date] = mapped_column(Date)
    recipients: Mapped[str] = mapped_column(Text, default="")
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index(None, "sent_at"),)


class StatementBatch(Base):
    """One imported statement file: an atomic batch that can be undone whole."""

    __tablename__ = "statement_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(260))
    file_hash: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(60))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(80))
    lines_total: Mapped[int] = mapped_column(Integer)
    new: Mapped[int] = mapped_column(Integer)
    duplicate: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[int] = mapped_column(Integer)
    matched: Mapped[int] = mapped_column(Integer)
    unmatched: Mapped[int] = mapped_column(Integer)
    total_posted: Mapped[Money]
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str] = mapped_column(String(80), default="")
    undo_reason: Mapped[str] = mapped_column(Text, default="")


class StatementLine(Base):
    """A line of an imported statement and what became of it."""

    __tablename__ = "statement_lines"

    id: Mapped[int] = mapped_column(EntryId, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("statement_batches.id"))
    fingerprint: Mapped[str] = mapped_column(String(80))
    line_no: Mapped[int] = mapped_column(Integer)
    our_account: Mapped[str] = mapped_column(String(40), default="")
    value_date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Money]
    fee: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    currency: Mapped[str] = mapped_column(String(3))
    direction: Mapped[str] = mapped_column(String(6))
    payer_name: Mapped[str] = mapped_column(String(300), default="")
    payer_code: Mapped[str] = mapped_column(String(12), default="")
    payer_iban: Mapped[str] = mapped_column(String(40), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    bank_reference: Mapped[str] = mapped_column(String(80), default="")
    document_number: Mapped[str] = mapped_column(String(40), default="")
    # posted | order (paid an order-only invoice) | unmatched | skipped | ignored | undone
    status: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text, default="")  # why skipped or ignored
    # invoice, account, code, iban or manual
    match_rule: Mapped[str] = mapped_column(String(10), default="")
    candidates: Mapped[str] = mapped_column(Text, default="")  # account ids, comma-separated
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    entry_id: Mapped[int | None] = mapped_column(EntryId, ForeignKey("ledger_entries.id"))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
    # what an unmatched credit looks like: bank | budget | reversal | '' (never skips it)
    hint: Mapped[str] = mapped_column(String(20), default="", server_default="")

    __table_args__ = (
        # a payment counts once, whatever the re-imports; an undone line may come again
        Index(
            "uq_statement_lines_live_fingerprint",
            "fingerprint",
            unique=True,
            sqlite_where=text("status <> 'undone'"),
            postgresql_where=text("status <> 'undone'"),
        ),
        Index(None, "batch_id"),
        # the unmatched queue
        Index(None, "status", "value_date"),
    )


class MappingProfileRow(Base):
    """A user's column mapping for a bank's CSV/XLS layout, as JSON."""

    __tablename__ = "mapping_profiles"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    definition: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime)
    saved_by: Mapped[str] = mapped_column(String(80))


class ServiceOrder(Base):
    """An order-only service (§6.1): its own price, invoice and act; it never
    touches the personal account."""

    __tablename__ = "service_orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    service: Mapped[str] = mapped_column(String(300))
    amount: Mapped[Money]
    order_date: Mapped[dt.date] = mapped_column(Date)
    contract: Mapped[str] = mapped_column(String(120), default="")
    completed_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(80))


class Invoice(Base):
    """An invoice (SPEC §10). A cancelled invoice keeps its number."""

    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    kind: Mapped[str] = mapped_column(String(12))  # activation|options|renewal|topup|service
    issue_date: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(7), default="")  # YYYY-MM it pays for
    total: Mapped[Money]
    eur_total: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))
    rate: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    markup_percent: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    paid: Mapped[Money]
    status: Mapped[str] = mapped_column(String(16))  # issued|partially_paid|paid|cancelled
    subscription_id: Mapped[int | None] = mapped_column(ForeignKey("subscriptions.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("service_orders.id"))
    # the invoice run's key: one renewal invoice per account and month
    run_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(80))
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index(None, "account_id", "status"),  # open invoices of a payer
        Index(None, "issue_date"),  # the register by month
    )


class InvoiceLine(Base):
    __tablename__ = "invoice_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    service: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int] = mapped_column(Integer)
    price: Mapped[Money]
    total: Mapped[Money]
    eur: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))


class InvoicePayment(Base):
    """Which top-up (or statement line) paid how much of which invoice."""

    __tablename__ = "invoice_payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    # a top-up pays an account's invoices; an order-only service's invoice is
    # paid straight from the statement line, never through the account
    entry_id: Mapped[int | None] = mapped_column(
        EntryId, ForeignKey("ledger_entries.id"), index=True
    )
    statement_line_id: Mapped[int | None] = mapped_column(
        EntryId, ForeignKey("statement_lines.id"), index=True
    )
    amount: Mapped[Money]


class OutboxMessage(Base):
    """An e-mail to send (invoice, act, alert): sent at most once, failures kept."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)  # invoice:N, act:N, alert:N
    recipients: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    document_kind: Mapped[str] = mapped_column(String(12), default="")  # invoice|act|''
    document_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index(None, "sent_at"),)


class DocumentSnapshot(Base):
    """What an issued invoice or act states, fixed when it is issued (SPEC §10,
    §11): its record as canonical JSON and the SHA-256 of that text. Every
    print reads it back; `check` recomputes the hash. Written once, never
    updated: a cancelled document keeps its snapshot."""

    __tablename__ = "document_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # invoice | act
    number: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)  # documents.snapshot.VERSION
    body: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # 'issue', or 'migration' for documents issued before snapshots existed
    source: Mapped[str] = mapped_column(String(12))

    # the print of a document finds its snapshot by kind and number
    __table_args__ = (UniqueConstraint("kind", "number"),)

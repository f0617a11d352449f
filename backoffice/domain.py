"""Value objects of the domain: kinds, states and the records services return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class ClientKind(StrEnum):
    LEGAL = "legal"  # юридична особа: ЄДРПОУ
    SOLE = "sole"  # ФОП: РНОКПП
    INDIVIDUAL = "individual"  # фізична особа: РНОКПП


class EntryKind(StrEnum):
    """Ledger entry kinds, SPEC §4."""

    TOPUP_BANK = "topup_bank"
    TOPUP_PROCESSOR = "topup_processor"
    TOPUP_MANUAL = "topup_manual"
    OPENING_BALANCE = "opening_balance"
    BONUS = "bonus"
    DEBIT_ACTIVATION = "debit_activation"
    DEBIT_RENEWAL = "debit_renewal"
    DEBIT_OPTION = "debit_option"
    DEBIT_OVERAGE = "debit_overage"
    DEBIT_DAILY = "debit_daily"
    REFUND_PRORATION = "refund_proration"
    EXPIRY = "expiry"
    REVERSAL = "reversal"
    CORRECTION = "correction"

    @property
    def is_topup(self) -> bool:
        return self in TOPUP_KINDS


TOPUP_KINDS = frozenset({EntryKind.TOPUP_BANK, EntryKind.TOPUP_PROCESSOR, EntryKind.TOPUP_MANUAL})


class Access(StrEnum):
    ACTIVE = "active"
    BLOCKED = "blocked"


@dataclass(frozen=True)
class EntryDraft:
    """An entry about to be posted. `amount` is signed: + into the account."""

    account_id: int
    business_date: dt.date
    kind: EntryKind
    amount: Decimal
    comment: str = ""
    eur: Decimal | None = None
    rate: Decimal | None = None
    markup_percent: Decimal | None = None
    reverses_id: int | None = None
    source_key: str | None = None


@dataclass(frozen=True)
class PostedEntry:
    id: int
    account: str
    business_date: dt.date
    kind: EntryKind
    amount: Decimal
    eur: Decimal | None
    rate: Decimal | None
    markup_percent: Decimal | None
    reverses_id: int | None
    reversed_by_id: int | None
    author: str
    comment: str
    created_at: dt.datetime


@dataclass(frozen=True)
class AccountView:
    """What a screen or the CLI shows of a personal account."""

    account_id: int
    number: str
    client_id: int
    client_name: str
    client_short_name: str  # the short name, or the full one where none is kept
    client_kind: ClientKind
    tax_code: str | None
    balance: Decimal
    access: Access
    block_reason: str | None
    last_topup_date: dt.date | None


@dataclass(frozen=True)
class ClientRecord:
    """A client as read or written by the client services."""

    kind: ClientKind
    name: str
    short_name: str = ""
    edrpou: str | None = None
    rnokpp: str | None = None
    vat_payer: bool = False
    ipn: str | None = None
    address: str = ""
    ibans: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    contract_no: str | None = None
    contract_date: dt.date | None = None
    manager: str = ""
    notes: str = ""
    opening_balance: Decimal | None = None


@dataclass(frozen=True)
class AddedClient:
    client_id: int
    account_number: str
    warnings: tuple[str, ...] = field(default=())

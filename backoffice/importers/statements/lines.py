"""The normalised statement records every reader produces, and its one error.

Readers are pure functions from bytes to a `Statement`; the database side
(matching, posting, de-duplication) only ever sees these records, so it never
needs to know which bank or format a line came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from backoffice.errors import InputError

MAX_STATEMENT_BYTES = 50 * 1024 * 1024


class Direction(StrEnum):
    CREDIT = "credit"  # money into our account
    DEBIT = "debit"  # money out of our account


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One payment document of a statement, as the bank reported it."""

    line_no: int
    """1-based line (text formats) or row (spreadsheets) where the document starts."""
    our_account: str
    """Our IBAN or account number as the file gives it (may be masked), '' if unknown."""
    date: dt.date
    """Booking (or value) date."""
    amount: Decimal
    """Positive, two places, always built with `money()`."""
    currency: str
    """ISO 4217 letter code; 'UAH' when the format does not say."""
    direction: Direction
    payer_name: str
    """The counterparty: for a credit the payer, for a debit the recipient."""
    payer_code: str
    """ЄДРПОУ (8 digits, leading zeros restored) or РНОКПП (10 digits), else ''."""
    payer_iban: str
    """Counterparty IBAN or account, upper-case, no spaces, '' if none."""
    purpose: str
    """Payment purpose with whitespace collapsed."""
    bank_reference: str
    """A reference the bank guarantees unique, '' when the format has none."""
    document_number: str
    skip_reason: str = ""
    """Why this line must not become a top-up ('debit', 'currency USD', ...), '' if it may."""
    fee: Decimal | None = None
    """Payment-processor registries: the processor's fee on top of `amount`."""
    extra: tuple[tuple[str, str], ...] = ()
    """Keys the reader did not map (1C), in file order, so nothing the bank sent is lost."""
    warnings: tuple[str, ...] = ()
    """Doubts that do not stop the import, e.g. a payer code failing its checksum."""
    our_code: str = ""
    """Our own ЄДРПОУ/РНОКПП when the file states it per line (layouts A and B)."""
    hint: str = ""
    """What a credit looks like when it is probably not a client's payment ('bank',
    'budget', 'reversal'; see classify.HINTS), for the unmatched queue. A hint never
    skips a line: only the accountant decides that a credit is not a top-up."""


@dataclass(frozen=True)
class Statement:
    file_name: str
    format: str
    """'1c', 'mt940', 'camt053', 'camt054', 'registry' or a mapping profile name."""
    accounts: tuple[str, ...]
    """Our accounts the file covers, in the order first seen."""
    lines: tuple[StatementLine, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class OwnCompany:
    """Who "we" are, so transfers between our own accounts are not top-ups."""

    codes: frozenset[str] = frozenset()
    ibans: frozenset[str] = frozenset()


class StatementFileError(InputError):
    """A statement file that cannot be imported; nothing from it is used.

    The message always reads "<file>: line N: <reason>" (or "<file>: <reason>")
    so the accountant can open the file at the right place.
    """

    def __init__(self, file_name: str, reason: str, line: int | None = None) -> None:
        self.file_name = file_name
        self.line = line
        self.reason = reason
        where = f"{file_name}: line {line}: " if line is not None else f"{file_name}: "
        super().__init__(where + reason)


class RowError(InputError):
    """Raised inside a reader for one line; the reader adds the file name.

    Lets small helpers (amount, date, code parsing) raise without knowing the
    file they work on. `accounts` are our accounts the file names in its title
    or rows even though it could not be read: the "is this ours" check comes
    first, since a foreign statement is refused whatever its rows hold.
    """

    def __init__(
        self, reason: str, line: int | None = None, accounts: tuple[str, ...] = ()
    ) -> None:
        self.line = line
        self.reason = reason
        self.accounts = accounts
        super().__init__(reason)

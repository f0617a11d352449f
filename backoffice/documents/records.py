"""The data a document renderer prints: plain frozen records, no database.

The caller (a service function) fills these from the database; the renderers
only lay them out. Amounts are `Decimal` UAH with two places, EUR prices two
places, NBU rates four places (SPEC §3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from backoffice.errors import BackofficeError
from backoffice.money import round_half_up

VAT_RATE_PERCENT = Decimal(20)
"""The standard Ukrainian VAT rate; VAT is included in the document total."""

INVOICE_KINDS = {
    "activation": "активація тарифного пакета",
    "options": "додаткові опції",
    "renewal": "продовження тарифного пакета",
    "topup": "поповнення особового рахунку",
    "service": "послуги за замовленням",
}
"""`InvoiceDocument.kind` → the words printed after «Вид рахунку:»."""


@dataclass(frozen=True, slots=True)
class Party:
    """A supplier or a buyer as it stands on a primary document."""

    name: str
    """Full legal name: `ТОВ «Хмарні рішення»`, `ФОП Петренко Олена Іванівна`."""
    code: str
    """ЄДРПОУ (8 digits) for a legal entity, РНОКПП (10 digits) for a person; '' if none."""
    code_label: str = "ЄДРПОУ"
    """Which code `code` is: `ЄДРПОУ` or `РНОКПП`."""
    iban: str = ""
    """Account `UA..` (29 characters); '' for a buyer who pays from anywhere."""
    bank: str = ""
    """Bank name, e.g. `АТ КБ «ПриватБанк»`."""
    address: str = ""
    """Legal address in one line."""
    vat_payer: bool = False
    """Registered VAT payer: a supplier's documents then show VAT 20 %."""
    ipn: str = ""
    """ІПН, the 12-digit VAT payer number; '' if not a VAT payer."""
    phone: str = ""
    """Contact phone, optional."""
    email: str = ""
    """Contact e-mail, optional."""
    signer_name: str = ""
    """Who signs for this party: `Коваленко І. П.`; '' leaves a blank line to fill in."""
    signer_title: str = "Директор"
    """The signer's position: `Директор`, `Фізична особа-підприємець`."""
    accountant_name: str = ""
    """Chief accountant who co-signs invoices; '' prints no accountant line."""
    legal_entity: bool = True
    """A company or a ФОП, which must be named by its code; False for a private
    individual (a buyer who may have no code on file)."""
    kind: str = ""
    """The client kind of a buyer (`legal`, `sole`, `individual`), which decides
    how it signs (SPEC §11); '' for our own company, a legal entity."""


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """One line of an invoice or an act."""

    number: int
    """Line number, from 1."""
    service: str
    """What is sold: `Тарифний пакет «Бізнес», грудень 2026`."""
    unit: str
    """Unit of measure: `послуга`, `міс.`, `шт.`."""
    quantity: Decimal
    """How many units."""
    price: Decimal
    """Price per unit, UAH (VAT included when the supplier is a VAT payer)."""
    total: Decimal
    """Line sum, UAH."""
    eur: Decimal | None = None
    """Price per unit in EUR the UAH price was computed from; None for UAH-only lines."""
    rate: Decimal | None = None
    """NBU EUR rate used for this line (four places)."""
    markup_percent: Decimal | None = None
    """Markup over the NBU rate, percent (`3` for 3 %)."""
    date: dt.date | None = None
    """Debit date of an act line; None on invoices."""
    period_from: dt.date | None = None
    """First day of the days an act line states, when it is the month's
    portion of a debit for a longer period (SPEC §11); None otherwise."""
    period_to: dt.date | None = None
    """Last day of those days."""


@dataclass(frozen=True, slots=True)
class InvoiceDocument:
    """Рахунок на оплату (SPEC §10)."""

    number: str
    """Invoice number from the yearly sequence: `РФ-2026-000123`."""
    date: dt.date
    """Issue date."""
    due_date: dt.date
    """Pay by this date."""
    place: str
    """Place of drawing up (city): `м. Київ`."""
    supplier: Party
    """Our company, with its signer and accountant."""
    buyer: Party
    """The client."""
    contract: str
    """`№ 12/2026 від 01.02.2026`, or '' when there is no written contract."""
    account_number: str
    """The client's personal account (особовий рахунок): `2600001`."""
    kind: str
    """One of `INVOICE_KINDS`: activation, options, renewal, topup, service."""
    period: str
    """Service month `2026-12`, or ''."""
    lines: Sequence[DocumentLine]
    """Invoice lines, at least one."""
    total: Decimal
    """Total to pay, UAH; equals the sum of the lines."""
    payment_purpose: str
    """Exact text for the payment order; the bank import matches on it."""
    rate_note: str = ""
    """Explanation that the debit uses the NBU rate of the debit day (SPEC §10)."""
    suggested_amount: Decimal | None = None
    """Amount to pay with a margin for rate changes, UAH; None to omit."""
    eur_total: Decimal | None = None
    """Total in EUR, when the lines are priced in EUR."""
    nbu_rate: Decimal | None = None
    """NBU EUR rate of the issue date."""
    markup_percent: Decimal | None = None
    """Markup over the NBU rate, percent."""
    period_to: str = ""
    """Last month `2027-03` of a multi-month period starting at `period`; '' for one month."""
    cancelled: bool = False
    """Cancelled after issue: prints «АНУЛЬОВАНО», without payment details.
    The invoice's state today, not part of its snapshot."""

    @property
    def vat(self) -> Decimal | None:
        """VAT included in the total (total/6), or None: «Без ПДВ»."""
        return vat_included(self.total, self.supplier.vat_payer)


@dataclass(frozen=True, slots=True)
class ActDocument:
    """Акт надання послуг for one client and month (SPEC §11)."""

    number: str
    """Act number from the yearly sequence: `АКТ-2026-000012`."""
    date: dt.date
    """Date of the act, the last day of `month`."""
    month: str
    """Service month `2026-11`."""
    place: str
    """Place of drawing up (city)."""
    supplier: Party
    """Our company (executor, Виконавець)."""
    buyer: Party
    """The client (customer, Замовник)."""
    contract: str
    """`№ 12/2026 від 01.02.2026`, or ''."""
    account_number: str
    """The client's personal account."""
    lines: Sequence[DocumentLine]
    """Every service debit of the month, with EUR, rate, markup and date."""
    total: Decimal
    """Total of the lines, UAH."""
    cancelled: bool = False
    """Cancelled after issue (its state today, not part of its snapshot)."""

    @property
    def vat(self) -> Decimal | None:
        """VAT included in the total, or None: «Без ПДВ»."""
        return vat_included(self.total, self.supplier.vat_payer)


@dataclass(frozen=True, slots=True)
class ReconciliationRow:
    """One document in a reconciliation statement, from the supplier's books."""

    date: dt.date
    """Document date."""
    document: str
    """`Акт № АКТ-2026-000012`, `Платіжне доручення № 123`, `Бонус`."""
    debit: Decimal = Decimal("0.00")
    """Debit in the supplier's books: services rendered (the buyer owes more)."""
    credit: Decimal = Decimal("0.00")
    """Credit in the supplier's books: payments and bonuses received for the buyer."""


@dataclass(frozen=True, slots=True)
class ReconciliationDocument:
    """Акт звірки взаєморозрахунків for one client and period (SPEC §13).

    Sign convention: balances are the supplier's account with the buyer,
    debit minus credit. **Positive = the buyer owes the supplier** (дебіторська
    заборгованість); **negative = the supplier owes the buyer**, e.g. an unused
    prepayment. So for a prepaid personal account,
    `opening_balance = -(personal account balance at the start)`.
    """

    supplier: Party
    """Our company."""
    buyer: Party
    """The client."""
    contract: str
    """`№ 12/2026 від 01.02.2026`, or ''."""
    period_from: dt.date
    """First day of the period."""
    period_to: dt.date
    """Last day of the period; the closing balance is as of this day."""
    opening_balance: Decimal
    """Balance before `period_from`, debit minus credit (see the class docstring)."""
    rows: Sequence[ReconciliationRow]
    """The period's documents in date order."""
    closing_balance: Decimal
    """Balance at the end of `period_to`; must equal opening + debits − credits."""
    place: str = ""
    """Place of drawing up (city)."""
    date: dt.date | None = None
    """Date of drawing up; None prints `period_to`."""
    account_number: str = ""
    """The client's personal account, '' to omit."""
    number: str = ""
    """Statement number, '' when statements are not numbered."""
    rows_total_debit: Decimal = field(init=False)
    """Debit turnover of the period (computed)."""
    rows_total_credit: Decimal = field(init=False)
    """Credit turnover of the period (computed)."""

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "rows_total_debit", sum((r.debit for r in self.rows), Decimal("0.00"))
        )
        object.__setattr__(
            self, "rows_total_credit", sum((r.credit for r in self.rows), Decimal("0.00"))
        )

    @property
    def drawn_up(self) -> dt.date:
        """The date printed as the statement's date."""
        return self.date or self.period_to


Document = InvoiceDocument | ActDocument | ReconciliationDocument
"""Anything `batch.render_batch` and `batch.render_each` accept."""


def vat_included(total: Decimal, vat_payer: bool) -> Decimal | None:
    """VAT 20 % contained in a VAT-inclusive total: total × 20/120, half up."""
    if not vat_payer:
        return None
    return round_half_up(total * VAT_RATE_PERCENT / (Decimal(100) + VAT_RATE_PERCENT))


# The setting key a user must fill for each missing supplier requisite.
COMPANY_SETTINGS = (
    ("name", "company.name"),
    ("code", "company.edrpou"),
    ("iban", "company.iban"),
    ("bank", "company.bank"),
    ("address", "company.address"),
)


def check_parties(supplier: Party, buyer: Party, *, buyer_role: str = "buyer") -> None:
    """Refuse a document whose parties lack what Ukrainian law requires."""
    missing = [key for attr, key in COMPANY_SETTINGS if not getattr(supplier, attr).strip()]
    if missing:
        raise BackofficeError(f"company requisites incomplete: set {', '.join(missing)}")
    if not buyer.name.strip():
        raise BackofficeError(f"{buyer_role} has no name")
    if buyer.legal_entity and not buyer.code.strip():
        raise BackofficeError(
            f"{buyer_role} «{buyer.name}» has no ЄДРПОУ/РНОКПП: fill in the client's code"
        )


def check_lines(number: str, lines: Sequence[DocumentLine], total: Decimal) -> None:
    """The lines must exist and add up to the stated total."""
    if not lines:
        raise BackofficeError(f"document {number} has no lines")
    for value in (total, *(x.total for x in lines), *(x.price for x in lines)):
        if not isinstance(value, Decimal):
            raise TypeError(f"document {number}: amounts must be Decimal, got {value!r}")
    line_sum = sum((x.total for x in lines), Decimal("0.00"))
    if line_sum != total:
        raise BackofficeError(
            f"document {number}: lines add up to {line_sum}, but the total is {total}"
        )

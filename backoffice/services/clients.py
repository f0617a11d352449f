"""Clients and their personal accounts (SPEC §5)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, or_, select

from backoffice import bounds, codes, names, validation
from backoffice.dates import written_date
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Client, ClientEmail, ClientIban
from backoffice.db.search import ESCAPE, contains_pattern
from backoffice.domain import (
    Access,
    AccountView,
    AddedClient,
    ClientKind,
    ClientRecord,
    EntryDraft,
    EntryKind,
)
from backoffice.errors import BackofficeError, InputError
from backoffice.importers.table_file import TableRow, read_table
from backoffice.money import money
from backoffice.permissions import Permission, require
from backoffice.services import audit, ledger, sequences, settings

ACCOUNT_SEQUENCE = "account"


@dataclass(frozen=True)
class CheckedClient:
    record: ClientRecord
    warnings: tuple[str, ...]


def check_client(record: ClientRecord) -> CheckedClient:
    """Validate and normalise a client; raises InputError naming the first problem."""
    name = validation.text(record.name, what="client name", limit=bounds.MAX_NAME, required=True)
    kind = ClientKind(record.kind)
    edrpou = rnokpp = None
    if kind is ClientKind.LEGAL:
        if record.rnokpp:
            raise InputError("a legal entity has a ЄДРПОУ, not a РНОКПП")
        if not record.edrpou:
            raise InputError(f"legal entity {name!r} needs a ЄДРПОУ")
        edrpou = codes.edrpou(record.edrpou)
    else:
        if record.edrpou:
            raise InputError(f"a {kind.value} client has a РНОКПП, not a ЄДРПОУ")
        if kind is ClientKind.SOLE and not record.rnokpp:
            raise InputError(f"sole proprietor {name!r} needs a РНОКПП")
        rnokpp = codes.rnokpp(record.rnokpp) if record.rnokpp else None
    ipn = codes.ipn(record.ipn) if record.ipn else None
    if record.vat_payer and ipn is None:
        raise InputError(f"VAT payer {name!r} needs an ІПН")
    warnings: list[str] = []
    ibans: list[str] = []
    for text in record.ibans:
        checked = codes.iban(text)
        if checked.iban not in ibans:
            ibans.append(checked.iban)
        if checked.warning:
            warnings.append(checked.warning)
    emails = tuple(dict.fromkeys(codes.email(e) for e in record.emails))
    if record.contract_date and not record.contract_no:
        raise InputError("a contract date needs a contract number")
    if record.contract_date:
        validation.business_date(record.contract_date, what="contract date")
    opening = record.opening_balance
    if opening is not None:
        opening = validation.amount(opening, what="opening balance")
    normalised = dataclasses.replace(
        record,
        kind=kind,
        name=name,
        short_name=_text(record.short_name, "short name", bounds.MAX_SHORT_NAME),
        address=_text(record.address, "address", bounds.MAX_ADDRESS),
        manager=_text(record.manager, "manager", bounds.MAX_MANAGER),
        notes=validation.text(record.notes, what="notes", limit=bounds.MAX_NOTES, multiline=True),
        edrpou=edrpou,
        rnokpp=rnokpp,
        ipn=ipn,
        ibans=tuple(ibans),
        emails=emails,
        contract_no=_text(record.contract_no, "contract number", bounds.MAX_CONTRACT_NO) or None,
        opening_balance=opening,
    )
    return CheckedClient(normalised, tuple(warnings))


def _text(value: str | None, what: str, limit: int) -> str:
    return validation.text(value, what=what, limit=limit)


def add_client(uow: UnitOfWork, record: ClientRecord, business_date: dt.date) -> AddedClient:
    """Add a client, open its personal account and post any opening balance."""
    require(uow, Permission.MANAGE_CLIENTS)
    [added] = add_clients(uow, [record], business_date)
    return added


def add_clients(
    uow: UnitOfWork, records: list[ClientRecord], business_date: dt.date
) -> list[AddedClient]:
    """Add many clients at once (demo, migrations from other systems)."""
    require(uow, Permission.MANAGE_CLIENTS)
    from backoffice.services import subscriptions  # signs up to plans; imports us

    checked = [check_client(record) for record in records]
    _refuse_existing_codes(uow, [one.record for one in checked])
    added = _insert_clients(uow, checked, business_date)
    subscriptions.sign_up_free_plan(uow, [a.account_number for a in added], business_date)
    if len(added) > 1:  # one client is recorded with its details by _insert_clients
        audit.record(uow, "clients.add", _range(added), None, {"clients": len(added)})
    return added


def _range(added: list[AddedClient]) -> str:
    """The accounts a bulk addition opened, as the audit log names them."""
    first, last = added[0].account_number, added[-1].account_number
    return f"accounts {first}…{last}" if first != last else f"account {first}"


@dataclass(frozen=True)
class ImportRow:
    """One row of a client workbook and its fate: `problem` None means it would
    be imported (the preview in the window shows every row)."""

    line: int
    name: str
    code: str | None
    problem: str | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    rows: tuple[ImportRow, ...]
    checked: tuple[CheckedClient, ...]

    @property
    def problems(self) -> list[str]:
        return [f"{self.path}: line {r.line}: {r.problem}" for r in self.rows if r.problem]


def preview_client_import(uow: UnitOfWork, path: Path) -> ImportPreview:
    """Check every row of a client file as `import_clients` would, writing nothing."""
    rows = read_table(path)
    if not rows:
        raise InputError(f"{path}: no client rows")
    shown: list[ImportRow] = []
    checked: list[tuple[int, CheckedClient]] = []
    seen_codes: dict[str, int] = {}
    for row in rows:
        raw_name = next(
            (row.values[a].strip() for a in COLUMN_ALIASES["name"] if a in row.values), ""
        )
        try:
            one = check_client(record_from_row(row))
        except (InputError, ValueError) as exc:
            shown.append(ImportRow(row.line, raw_name, None, str(exc)))
            continue
        code = one.record.edrpou or one.record.rnokpp
        if code and code in seen_codes:
            shown.append(
                ImportRow(
                    row.line, one.record.name, code, f"code {code} repeats line {seen_codes[code]}"
                )
            )
            continue
        if code:
            seen_codes[code] = row.line
        checked.append((row.line, one))
        shown.append(ImportRow(row.line, one.record.name, code, None, one.warnings))
    existing = _existing_codes(uow, [one.record for _, one in checked])
    clashing = {
        line: f"a client with code {code} already exists ({existing[code]})"
        for line, one in checked
        if (code := one.record.edrpou or one.record.rnokpp) in existing
    }
    if clashing:
        shown = [
            dataclasses.replace(r, problem=clashing[r.line]) if r.line in clashing else r
            for r in shown
        ]
    return ImportPreview(
        path,
        tuple(shown),
        tuple(one for line, one in checked if line not in clashing),
    )


def import_clients(uow: UnitOfWork, path: Path, business_date: dt.date) -> list[AddedClient]:
    """Bulk add from CSV/XLSX. Every row is checked first; any bad row imports nothing.

    Raises `ClientImportError` listing every bad row with its reason.
    """
    require(uow, Permission.MANAGE_CLIENTS)
    preview = preview_client_import(uow, path)
    if preview.problems:
        raise ClientImportError(path, preview.problems)
    from backoffice.services import subscriptions

    added = _insert_clients(uow, list(preview.checked), business_date)
    subscriptions.sign_up_free_plan(uow, [a.account_number for a in added], business_date)
    summary: dict[str, object] = {"clients": len(added)}
    if added:
        summary["accounts"] = _range(added)
    opening = sum((one.record.opening_balance or 0 for one in preview.checked), Decimal("0.00"))
    summary["opening_balances"] = opening
    audit.record(uow, "clients.import", path.name[:120], None, summary)
    return added


class ClientImportError(InputError):
    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(
            f"{path}: {len(problems)} invalid row(s), nothing imported; first: {problems[0]}"
        )


COLUMN_ALIASES = {
    "kind": ("kind", "тип"),
    "name": ("name", "назва", "найменування", "піб"),
    "short_name": ("short_name", "коротка назва"),
    "edrpou": ("edrpou", "єдрпоу"),
    "rnokpp": ("rnokpp", "рнокпп", "іпн фо"),
    "vat_payer": ("vat_payer", "платник пдв"),
    "ipn": ("ipn", "іпн"),
    "address": ("address", "адреса"),
    "iban": ("iban", "ibans", "рахунок"),
    "email": ("email", "emails", "e-mail", "ел. пошта"),
    "contract_no": ("contract_no", "договір", "номер договору"),
    "contract_date": ("contract_date", "дата договору"),
    "manager": ("manager", "менеджер"),
    "notes": ("notes", "примітки"),
    "opening_balance": ("opening_balance", "balance", "залишок", "сальдо"),
}

KIND_WORDS = {
    "legal": ClientKind.LEGAL,
    "юо": ClientKind.LEGAL,
    "юридична особа": ClientKind.LEGAL,
    "sole": ClientKind.SOLE,
    "фоп": ClientKind.SOLE,
    "individual": ClientKind.INDIVIDUAL,
    "фо": ClientKind.INDIVIDUAL,
    "фізична особа": ClientKind.INDIVIDUAL,
}


def record_from_row(row: TableRow) -> ClientRecord:
    def value(field: str) -> str:
        for alias in COLUMN_ALIASES[field]:
            if alias in row.values:
                return row.values[alias].strip()
        return ""

    kind_text = value("kind").lower()
    if kind_text not in KIND_WORDS:
        raise InputError(f"kind {kind_text!r} is not legal, sole or individual")
    kind = KIND_WORDS[kind_text]
    edrpou = _code_text(value("edrpou"), 8)
    rnokpp = _code_text(value("rnokpp"), 10)
    contract_date = None
    if value("contract_date"):
        contract_date = parse_date(value("contract_date"), what="contract date")
    vat = value("vat_payer").lower() in ("1", "true", "yes", "так", "+")
    balance_text = value("opening_balance").replace(" ", "")
    return ClientRecord(
        kind=kind,
        name=value("name"),
        short_name=value("short_name"),
        edrpou=edrpou or None,
        rnokpp=rnokpp or None,
        vat_payer=vat,
        ipn=_code_text(value("ipn"), 12) or None,
        address=value("address"),
        ibans=tuple(_split(value("iban"))),
        emails=tuple(_split(value("email"))),
        contract_no=value("contract_no") or None,
        contract_date=contract_date,
        manager=value("manager"),
        notes=value("notes"),
        opening_balance=money(balance_text, what="opening balance") if balance_text else None,
    )


def parse_date(text: str, *, what: str = "date") -> dt.date:
    day = written_date(text)
    if day is None:
        raise InputError(f"{what} {text!r} is not a date (YYYY-MM-DD or DD.MM.YYYY)")
    return day


def _code_text(text: str, width: int) -> str:
    """Codes that went through a spreadsheet lose leading zeros (5394444 for
    05394444); put them back."""
    text = text.strip()
    if text.isdigit() and len(text) < width and len(text) >= width - 2:
        return text.zfill(width)
    return text


def _split(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").replace(";", " ").split() if part]


def _existing_codes(uow: UnitOfWork, records: list[ClientRecord]) -> dict[str, str]:
    """code → 'account NUMBER' for codes already held by an active client."""
    wanted = {r.edrpou or r.rnokpp for r in records} - {None}
    found: dict[str, str] = {}
    chunk_size = 1000
    items = sorted(c for c in wanted if c)
    for start in range(0, len(items), chunk_size):
        chunk = items[start : start + chunk_size]
        rows = uow.session.execute(
            select(Client.edrpou, Client.rnokpp, Account.number)
            .join(Account, Account.client_id == Client.id)
            .where(
                Client.archived.is_(False),
                or_(Client.edrpou.in_(chunk), Client.rnokpp.in_(chunk)),
            )
        ).all()
        for edrpou, rnokpp, number in rows:
            found[edrpou or rnokpp or ""] = f"account {number}"
    return found


def _refuse_existing_codes(uow: UnitOfWork, records: list[ClientRecord]) -> None:
    existing = _existing_codes(uow, records)
    if existing:
        code, where = next(iter(existing.items()))
        raise BackofficeError(f"a client with code {code} already exists ({where})")


def _insert_clients(
    uow: UnitOfWork, checked: list[CheckedClient], business_date: dt.date
) -> list[AddedClient]:
    pattern = settings.get_setting(uow, "account.pattern")
    first = sequences.take_numbers(uow, ACCOUNT_SEQUENCE, len(checked))
    created_at = audit.now()
    accounts: list[tuple[Account, CheckedClient]] = []
    for offset, one in enumerate(checked):
        r = one.record
        client = Client(
            kind=str(r.kind),
            name=r.name,
            short_name=r.short_name,
            edrpou=r.edrpou,
            rnokpp=r.rnokpp,
            vat_payer=r.vat_payer,
            ipn=r.ipn,
            address=r.address,
            contract_no=r.contract_no,
            contract_date=r.contract_date,
            manager=r.manager,
            notes=r.notes,
            archived=False,
            created_at=created_at,
        )
        client.ibans = [ClientIban(iban=i, learned=False) for i in r.ibans]
        client.emails = [ClientEmail(email=e) for e in r.emails]
        number = sequences.format_number(pattern, first + offset)
        client.search_text = search_text(r.name, r.short_name, r.edrpou, r.rnokpp, number)
        client.sort_key = names.sort_key(r.short_name or r.name)
        account = Account(
            number=number,
            client=client,
            currency="UAH",
            balance=Decimal("0.00"),
            access=str(Access.ACTIVE),
            credit_enabled=False,
            credit_limit=Decimal("0.00"),
            opened_on=business_date,
        )
        uow.session.add(client)
        accounts.append((account, one))
    uow.session.flush()
    openings = [
        EntryDraft(
            account_id=account.id,
            business_date=business_date,
            kind=EntryKind.OPENING_BALANCE,
            amount=one.record.opening_balance,
            comment="",
            source_key=f"opening:{account.number}",
        )
        for account, one in accounts
        if one.record.opening_balance
    ]
    ledger.post_entries(uow, openings)
    if len(accounts) == 1:
        account, one = accounts[0]
        audit.record(
            uow,
            "client.add",
            f"account {account.number}",
            None,
            {
                "name": one.record.name,
                "kind": str(one.record.kind),
                "code": one.record.edrpou or one.record.rnokpp,
                "opening_balance": one.record.opening_balance,
            },
        )
    return [AddedClient(a.client_id, a.number, one.warnings) for a, one in accounts]


def search_text(*parts: str | None) -> str:
    return " ".join(p for p in parts if p).casefold()


# -- reading ---------------------------------------------------------------

SORT_COLUMNS = {
    "number": Account.number,
    "name": Client.sort_key,
    "kind": Client.kind,
    "code": func.coalesce(Client.edrpou, Client.rnokpp),
    "balance": Account.balance,
    "access": Account.access,
    "last_topup": Account.last_topup_date,
}


@dataclass(frozen=True)
class AccountQuery:
    text: str = ""
    sort: str = "number"
    descending: bool = False
    offset: int = 0
    limit: int | None = None
    include_archived: bool = False


def _filtered(query: AccountQuery):  # type: ignore[no-untyped-def]
    statement = select(Account, Client).join(Client, Client.id == Account.client_id)
    if not query.include_archived:
        statement = statement.where(Client.archived.is_(False))
    if query.text.strip():
        pattern = contains_pattern(query.text)
        statement = statement.where(Client.search_text.like(pattern, escape=ESCAPE))
    return statement


def list_accounts(uow: UnitOfWork, query: AccountQuery = AccountQuery()) -> list[AccountView]:
    """A page of personal accounts, filtered and sorted by the database."""
    require(uow, Permission.READ_BOOKS)
    if query.sort not in SORT_COLUMNS:
        raise InputError(f"cannot sort by {query.sort!r}; choose {', '.join(SORT_COLUMNS)}")
    column = SORT_COLUMNS[query.sort]
    order = column.desc() if query.descending else column.asc()
    statement = _filtered(query).order_by(order, Account.id).offset(query.offset)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    return [account_view(a, c) for a, c in uow.session.execute(statement).all()]


def count_accounts(uow: UnitOfWork, query: AccountQuery = AccountQuery()) -> int:
    statement = _filtered(query).with_only_columns(func.count()).order_by(None)
    return int(uow.session.execute(statement).scalar_one())


def account_view(account: Account, client: Client) -> AccountView:
    return AccountView(
        account_id=account.id,
        number=account.number,
        client_id=client.id,
        client_name=client.name,
        client_short_name=client.short_name or client.name,
        client_kind=ClientKind(client.kind),
        tax_code=client.edrpou or client.rnokpp,
        balance=account.balance,
        access=Access(account.access),
        block_reason=account.block_reason,
        last_topup_date=account.last_topup_date,
    )


def show_account(uow: UnitOfWork, number: str) -> AccountView:
    account = ledger.find_account(uow, number)
    return account_view(account, account.client)


def set_credit(uow: UnitOfWork, number: str, enabled: bool) -> None:
    """Switch the credit line of an account [S1]; the daily run sets its limit."""
    require(uow, Permission.POST_CORRECTION)
    account = ledger.find_account(uow, number)
    if account.credit_enabled != enabled:
        audit.record(uow, "account.credit", f"account {number}", account.credit_enabled, enabled)
        account.credit_enabled = enabled
        if not enabled:
            account.credit_limit = Decimal("0.00")

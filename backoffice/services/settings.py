"""Settings kept in the database: company requisites, policy, FX markup, patterns.

Every key is declared here with its validator and default, so a typo in
`settings set` is refused instead of silently stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import event, select

from backoffice import codes, secret_store
from backoffice.billing.policy import (
    SCALAR_FIELDS,
    BillingPolicy,
    parse_policy_value,
    preset,
    with_overrides,
)
from backoffice.bounds import EARLIEST_DATE
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Setting
from backoffice.errors import InputError
from backoffice.money import money, percent
from backoffice.permissions import Permission, require
from backoffice.services import audit


def _text(value: str) -> str:
    return value.strip()


def _bool(value: str) -> str:
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on", "так"):
        return "true"
    if lowered in ("0", "false", "no", "off", "ні"):
        return "false"
    raise InputError(f"{value!r} is not true or false")


def _bank_account(value: str) -> str:
    """One of our bank accounts: an IBAN with a valid checksum, or a domestic
    account number (digits only) as older statements still carry it.

    The one rule of both company.iban and company.accounts, so the two never
    disagree about the same account. MT940 writes `:25:/RO19…`: the slash is
    not part of the account."""
    item = re.sub(r"\s+", "", value).upper().lstrip("/")
    if re.fullmatch(r"\d{5,34}", item):
        return item
    if re.match(r"[A-Z]{2}", item):
        return codes.iban(item).iban  # refuses a bad checksum, saying so
    raise InputError(f"{value.strip()!r} is not an IBAN or an account number")


def _iban(value: str) -> str:
    return _bank_account(value)


def _markup(value: str) -> str:
    return str(percent(value, what="fx.markup_percent"))


def _policy(value: str) -> str:
    preset(value)
    return value.strip().upper()


def _amount(value: str) -> str:
    return str(money(value, what="amount"))


def _whole(value: str) -> str:
    if not value.strip().isdigit():
        raise InputError(f"{value!r} is not a whole number ≥ 0")
    return str(int(value))


def _currencies(value: str) -> str:
    items = [c.strip().upper() for c in value.split(",") if c.strip()]
    if not items or any(not re.fullmatch(r"[A-Z]{3}", c) for c in items):
        raise InputError(f"{value!r} is not a comma-separated list of currency codes")
    return ",".join(items)


def _accounts(value: str) -> str:
    """Our other bank accounts, comma-separated: IBANs, or old-style numbers
    that some statements still carry."""
    return ",".join(_bank_account(item) for item in value.split(",") if item.strip())


def _security(value: str) -> str:
    lowered = value.strip().lower()
    if lowered not in ("none", "starttls", "ssl"):
        raise InputError(f"{value!r} is not one of none, starttls, ssl")
    return lowered


def _port(value: str) -> str:
    if not value.strip().isdigit() or not 0 < int(value) < 65536:
        raise InputError(f"{value!r} is not a TCP port")
    return str(int(value))


def _secret(value: str) -> str:
    """A password as typed (spaces are part of it); the message never repeats it."""
    if any(ch in value for ch in "\r\n\x00"):
        raise InputError("a line break or NUL cannot be part of a password")
    if len(value) > MAX_SECRET_LENGTH:
        raise InputError(f"longer than {MAX_SECRET_LENGTH} characters")
    return value


def _number_pattern(value: str) -> str:
    text = value.strip()
    if len(re.findall(r"#+", text)) != 1 or len(text) > 30:
        raise InputError(
            f"number pattern {text!r} must have one run of # for the digits, like OR-######"
        )
    return text


def _first_day(value: str) -> str:
    """The books' first day (ISO date), or empty: the first entry's month."""
    if not value.strip():
        return ""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{value!r} is not a date YYYY-MM-DD") from None
    if day < EARLIEST_DATE:
        raise InputError(f"{day} is before {EARLIEST_DATE}, the earliest date the books take")
    return day.isoformat()


DEFAULT_RATES_URL = (
    "https://bank.gov.ua/NBUStatService/v1/statdirectory/exchange"
    "?valcode={currency}&date={date}&json"
)


def _source_url(value: str) -> str:
    """`rates.source_url`: an http(s) address template; empty: the NBU's own."""
    text = value.strip()
    if not text:
        return DEFAULT_RATES_URL
    if not text.lower().startswith(("http://", "https://")) or len(text) > 1000:
        raise InputError(f"{text[:80]!r} is not an http:// or https:// address")
    if "{currency}" not in text:
        raise InputError("the address needs {currency} where the currency code goes")
    if "{date}" not in text and not ("{start}" in text and "{end}" in text):
        raise InputError("the address needs {date}, or {start} and {end} for a range")
    return text


@dataclass(frozen=True)
class SettingSpec:
    default: str
    parse: Callable[[str], str]
    help: str


SPECS: dict[str, SettingSpec] = {
    "company.name": SettingSpec("", _text, "supplier's full legal name"),
    "company.edrpou": SettingSpec("", lambda v: codes.edrpou(v), "supplier's ЄДРПОУ"),
    "company.iban": SettingSpec("", _iban, "supplier's IBAN for payments"),
    "company.bank": SettingSpec("", _text, "supplier's bank name"),
    "company.address": SettingSpec("", _text, "supplier's legal address"),
    "company.vat_payer": SettingSpec("false", _bool, "supplier is a VAT payer"),
    "company.ipn": SettingSpec("", lambda v: codes.ipn(v), "supplier's ІПН (VAT payers)"),
    "company.phone": SettingSpec("", _text, "supplier's phone"),
    "company.email": SettingSpec("", lambda v: codes.email(v), "supplier's e-mail"),
    "company.director": SettingSpec("", _text, "who signs documents"),
    "company.accountant": SettingSpec("", _text, "chief accountant"),
    "company.city": SettingSpec("Київ", _text, "place of issue on documents"),
    "policy": SettingSpec("S0", _policy, "billing policy preset S0..S4"),
    "fx.markup_percent": SettingSpec("3", _markup, "markup over the NBU rate, %"),
    "rates.fallback_days": SettingSpec(
        "0", _whole, "use the last known rate up to N days back (0 = off)"
    ),
    "rates.currencies": SettingSpec("EUR,USD", _currencies, "currencies kept from NBU files"),
    "rates.source_url": SettingSpec(
        DEFAULT_RATES_URL,
        _source_url,
        "NBU rates address: {currency} and {date} (YYYYMMDD), or {start} and {end}",
    ),
    "account.pattern": SettingSpec("OR-######", _number_pattern, "personal account numbers"),
    "act.pattern": SettingSpec("АКТ-{year}-######", _number_pattern, "act numbers, per year"),
    "invoice.pattern": SettingSpec("РФ-{year}-######", _number_pattern, "invoice numbers"),
    "invoice.due_days": SettingSpec("5", _whole, "days to pay an invoice"),
    "invoice.margin_percent": SettingSpec(
        "2", _markup, "margin on suggested amounts for a rate that moves, %"
    ),
    "company.accounts": SettingSpec(
        "", _accounts, "our other bank accounts whose statements are imported"
    ),
    "alerts.low_balance_uah": SettingSpec("500.00", _amount, "low-balance notice below, UAH"),
    "smtp.host": SettingSpec("", _text, "SMTP server for e-mail"),
    "smtp.port": SettingSpec("587", _port, "SMTP port"),
    "smtp.security": SettingSpec("starttls", _security, "none, starttls or ssl"),
    "smtp.user": SettingSpec("", _text, "SMTP user name"),
    "smtp.password": SettingSpec("", _secret, "SMTP password (kept encrypted, never shown)"),
    "smtp.sender": SettingSpec("", lambda v: codes.email(v), "From address of e-mails"),
    "lockout.attempts": SettingSpec("5", _whole, "failed log-ins that lock a user name"),
    "lockout.minutes": SettingSpec("15", _whole, "minutes a user name stays locked"),
    "books.first_day": SettingSpec(
        "", _first_day, "no entry before this date (empty: the first entry's month)"
    ),
}


# Settings never shown, logged or audited, and not stored in plain text: the
# table holds a reference that backoffice.secret_store resolves.
SECRET_KEYS = frozenset({"smtp.password"})
MAX_SECRET_LENGTH = 1024


def is_known(key: str) -> bool:
    return key in SPECS or (key.startswith("policy.") and key[7:] in SCALAR_FIELDS)


def parse_setting(key: str, value: str) -> str:
    if key in SPECS:
        try:
            return SPECS[key].parse(value)
        except InputError as exc:
            raise InputError(f"setting {key}: {exc}") from None
    if key.startswith("policy.") and key[7:] in SCALAR_FIELDS:
        try:
            parse_policy_value(key[7:], value)
        except InputError as exc:
            raise InputError(f"setting {key}: {exc}") from None
        return value.strip()
    known = ", ".join([*SPECS, "policy.<field>"])
    raise InputError(f"setting {key!r} is unknown; known settings: {known}")


def set_setting(uow: UnitOfWork, key: str, value: str) -> str:
    """Validate and store one setting; audited. Returns the stored text (a
    secret's mask for a secret)."""
    require(uow, Permission.EDIT_SETTINGS)
    if key in SECRET_KEYS:
        return _set_secret(uow, key, value)
    stored = parse_setting(key, value)
    row = uow.session.get(Setting, key)
    before = row.value if row else None
    _store(uow, row, key, stored)
    if before != stored:
        audit.record(uow, "settings.set", key, before, stored)
    return stored


def _set_secret(uow: UnitOfWork, key: str, value: str) -> str:
    """Seal the secret (keyring or encrypted) and audit only that it changed."""
    secret = parse_setting(key, value)
    row = uow.session.get(Setting, key)
    before = row.value if row else None
    _store(uow, row, key, secret_store.seal(key, secret))
    if before:
        # The replaced keyring entry goes once the new reference is committed;
        # a rollback keeps the old one working.
        event.listen(uow.session, "after_commit", lambda _s: secret_store.forget(before), once=True)
    audit.record(uow, "settings.set", key, _masked(before), _masked(secret))
    return _masked(secret) or ""


def seal_plain_secrets(uow: UnitOfWork) -> list[str]:
    """Seal secrets an earlier version stored in plain text; the keys sealed."""
    sealed = []
    for key in sorted(SECRET_KEYS):
        row = uow.session.get(Setting, key)
        if row is None or not row.value or secret_store.is_sealed(row.value):
            continue
        _store(uow, row, key, secret_store.seal(key, row.value))
        audit.record(uow, "settings.seal", key, secret_store.MASK, secret_store.MASK)
        sealed.append(key)
    return sealed


def read_secret(uow: UnitOfWork, key: str) -> str:
    """The secret itself, for the code that uses it (the mail sender); '' if unset."""
    if key not in SECRET_KEYS:
        raise InputError(f"setting {key!r} is not a secret")
    row = uow.session.get(Setting, key)
    return secret_store.unseal(key, row.value) if row and row.value else ""


def _store(uow: UnitOfWork, row: Setting | None, key: str, stored: str) -> None:
    if row is None:
        uow.session.add(
            Setting(key=key, value=stored, updated_at=audit.now(), updated_by=uow.actor)
        )
    else:
        row.value, row.updated_at, row.updated_by = stored, audit.now(), uow.actor


def _masked(value: str | None) -> str | None:
    """A secret as shown anywhere: the mask when set, '' when cleared, None when never set."""
    if value is None:
        return None
    return secret_store.MASK if value else ""


def stored_settings(uow: UnitOfWork) -> dict[str, str]:
    return dict(uow.session.execute(select(Setting.key, Setting.value)).all())


def all_settings(uow: UnitOfWork) -> dict[str, str]:
    """Every declared setting with its value or default, plus stored policy
    overrides; a secret shows only its mask (read it with `read_secret`)."""
    stored = stored_settings(uow)
    merged = {key: stored.get(key, spec.default) for key, spec in SPECS.items()}
    merged.update({k: v for k, v in stored.items() if k.startswith("policy.")})
    for key in SECRET_KEYS:
        merged[key] = _masked(merged[key]) or ""
    return merged


def get_setting(uow: UnitOfWork, key: str) -> str:
    """A setting's value or default; a secret's mask (see `read_secret`)."""
    if key not in SPECS:
        raise InputError(f"setting {key!r} is unknown")
    row = uow.session.get(Setting, key)
    value = row.value if row else SPECS[key].default
    return (_masked(value) or "") if key in SECRET_KEYS else value


def billing_policy(uow: UnitOfWork, preset_name: str | None = None) -> BillingPolicy:
    """The company's policy: the preset (or a plan's own, `preset_name`), the
    `policy.*` overrides, the FX markup."""
    stored = stored_settings(uow)
    overrides = {k[7:]: v for k, v in stored.items() if k.startswith("policy.")}
    if "fx.markup_percent" in stored:
        overrides["fx_markup_percent"] = stored["fx.markup_percent"]
    return with_overrides(preset(preset_name or stored.get("policy", "S0")), overrides)


def low_balance_threshold(uow: UnitOfWork) -> Decimal:
    return money(get_setting(uow, "alerts.low_balance_uah"))


def fx_markup_percent(uow: UnitOfWork) -> Decimal:
    return billing_policy(uow).fx_markup_percent


def missing_company_requisites(uow: UnitOfWork) -> list[str]:
    """Settings a primary document cannot do without (checked by the renderers later)."""
    values = all_settings(uow)
    required = ("company.name", "company.edrpou", "company.iban", "company.bank")
    return [key for key in required if not values.get(key)]

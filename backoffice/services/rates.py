"""NBU exchange rates (SPEC §9) and the EUR → UAH conversion of debits (§3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from backoffice import validation
from backoffice.bounds import MAX_REASON
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import ExchangeRate, LedgerEntry
from backoffice.errors import BackofficeError, InputError, MissingRate
from backoffice.importers.rates_file import parse_rates
from backoffice.money import eur_to_uah
from backoffice.permissions import Permission, require
from backoffice.services import audit, settings

MAX_RATE_FILE = 20 * 1024 * 1024


@dataclass(frozen=True)
class RateImport:
    new: int = 0
    unchanged: int = 0
    corrected: int = 0
    skipped: int = 0  # currencies we do not keep


@dataclass(frozen=True)
class Conversion:
    eur: Decimal
    rate: Decimal
    markup_percent: Decimal
    uah: Decimal


def set_rate(
    uow: UnitOfWork,
    day: dt.date,
    currency: str,
    value: Decimal,
    *,
    source: str = "manual",
    reason: str | None = None,
) -> str:
    """Store a rate. Returns 'new', 'unchanged' or 'corrected'.

    A rate already used by posted entries changes only with a reason, and
    every change is audited: a rate never changes silently.
    """
    require(uow, Permission.SET_RATES)
    outcome = store_rate(uow, day, currency, value, source=source, reason=reason)
    if outcome == "new":
        audit.record(uow, "rate.set", f"{currency.upper()} {day}", None, str(value))
    return outcome


def store_rate(
    uow: UnitOfWork,
    day: dt.date,
    currency: str,
    value: Decimal,
    *,
    source: str,
    reason: str | None,
) -> str:
    """`set_rate` without its permission check and without the record of a new
    rate: an import or a fetch checks its own permission and records itself
    once; a correction is recorded one by one wherever it comes from."""
    currency = validation.currency(currency)
    value = validation.exchange_rate(value, what=f"rate {currency}")
    validation.business_date(day, what="rate date")
    row = uow.session.get(ExchangeRate, (day, currency))
    if row is None:
        uow.session.add(
            ExchangeRate(
                day=day, currency=currency, rate=value, source=source, updated_at=audit.now()
            )
        )
        return "new"
    if row.rate == value:
        return "unchanged"
    used = _entries_using(uow, day) if currency == "EUR" else 0
    if used and not reason:
        raise BackofficeError(
            f"rate {currency} on {day} ({row.rate}) is used by {used} posted entries; "
            "give a reason to record a correction"
        )
    audit.record(
        uow,
        "rate.correct",
        f"{currency} {day}",
        str(row.rate),
        f"{value}" + (f" ({reason})" if reason else ""),
    )
    row.rate, row.source, row.updated_at = value, source, audit.now()
    return "corrected"


def import_rates(uow: UnitOfWork, path: Path, *, reason: str | None = None) -> RateImport:
    """Load an NBU JSON/XML or CSV file; all rows or none."""
    require(uow, Permission.SET_RATES)
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    if path.stat().st_size > MAX_RATE_FILE:
        raise InputError(f"{path}: file is too large for a rates file")
    rows = parse_rates(path.read_bytes(), str(path))
    if not rows:
        raise InputError(f"{path}: no rates in the file")
    kept = set(settings.get_setting(uow, "rates.currencies").split(","))
    counts = {"new": 0, "unchanged": 0, "corrected": 0, "skipped": 0}
    for row in rows:
        if row.currency not in kept:
            counts["skipped"] += 1
            continue
        try:
            outcome = store_rate(
                uow, row.day, row.currency, row.rate, source=path.name, reason=reason
            )
        except BackofficeError as exc:
            raise BackofficeError(f"{path}: {row.where}: {exc}") from None
        counts[outcome] += 1
    audit.record(uow, "rates.import", path.name[:120], None, counts)
    return RateImport(**counts)


def rate_on(uow: UnitOfWork, day: dt.date, currency: str = "EUR") -> Decimal:
    """The NBU rate for the day; with `rates.fallback_days` > 0 the last known
    rate up to that many days back. Otherwise MissingRate names date and currency."""
    row = uow.session.get(ExchangeRate, (day, currency))
    if row is not None:
        return row.rate
    fallback = int(settings.get_setting(uow, "rates.fallback_days"))
    if fallback > 0:
        earlier = uow.session.execute(
            select(ExchangeRate.rate)
            .where(
                ExchangeRate.currency == currency,
                ExchangeRate.day < day,
                ExchangeRate.day >= day - dt.timedelta(days=fallback),
            )
            .order_by(ExchangeRate.day.desc())
            .limit(1)
        ).scalar()
        if earlier is not None:
            return earlier
    raise MissingRate(f"no NBU rate for {currency} on {day.isoformat()}")


def convert_eur(uow: UnitOfWork, eur: Decimal, day: dt.date) -> Conversion:
    """EUR price → UAH debit at the day's NBU rate plus the markup."""
    nbu = rate_on(uow, day, "EUR")
    markup = settings.fx_markup_percent(uow)
    return Conversion(eur, nbu, markup, eur_to_uah(eur, nbu, markup))


def list_rates(
    uow: UnitOfWork,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    currency: str | None = None,
) -> list[tuple[dt.date, str, Decimal]]:
    statement = select(ExchangeRate.day, ExchangeRate.currency, ExchangeRate.rate)
    if date_from:
        statement = statement.where(ExchangeRate.day >= date_from)
    if date_to:
        statement = statement.where(ExchangeRate.day <= date_to)
    if currency:
        statement = statement.where(ExchangeRate.currency == currency.upper())
    statement = statement.order_by(ExchangeRate.day, ExchangeRate.currency)
    return [tuple(r) for r in uow.session.execute(statement).all()]  # type: ignore[misc]


def _entries_using(uow: UnitOfWork, day: dt.date) -> int:
    return int(
        uow.session.execute(
            select(func.count()).where(
                LedgerEntry.business_date == day, LedgerEntry.rate.is_not(None)
            )
        ).scalar_one()
    )


def estimate_uah(uow: UnitOfWork, eur: Decimal, day: dt.date) -> Decimal:
    """What EUR would cost in UAH on `day`: the day's rate, else the latest
    known before it, with the markup. For display only; debits use rate_on."""
    if not eur:
        return Decimal("0.00")
    known = uow.session.execute(
        select(ExchangeRate.rate)
        .where(ExchangeRate.currency == "EUR", ExchangeRate.day <= day)
        .order_by(ExchangeRate.day.desc())
        .limit(1)
    ).scalar()
    if known is None:
        raise MissingRate(f"no NBU rate for EUR on or before {day.isoformat()}")
    return eur_to_uah(eur, known, settings.fx_markup_percent(uow))


@dataclass(frozen=True)
class RateDay:
    """One day and currency of the rates table; `rate` None: the day has none."""

    day: dt.date
    currency: str
    rate: Decimal | None
    source: str = ""
    updated_at: dt.datetime | None = None

    @property
    def missing(self) -> bool:
        return self.rate is None


MAX_TABLE_DAYS = 3 * 366  # a table of three years is 2,200 rows for two currencies


def rate_days(uow: UnitOfWork, date_from: dt.date, date_to: dt.date) -> list[RateDay]:
    """Every stored rate of the range, and a `missing` row for each day a
    configured currency (`rates.currencies`) has none: the gaps the debits of
    that day would stop at."""
    if date_to < date_from:
        raise InputError(f"the period ends ({date_to}) before it starts ({date_from})")
    days = (date_to - date_from).days + 1
    if days > MAX_TABLE_DAYS:
        raise InputError(f"{days} days asked; the table shows at most {MAX_TABLE_DAYS} days")
    kept = kept_currencies(uow)
    stored = {
        (row.day, row.currency): row
        for row in uow.session.execute(
            select(ExchangeRate).where(ExchangeRate.day >= date_from, ExchangeRate.day <= date_to)
        ).scalars()
    }
    currencies = sorted(set(kept) | {currency for _day, currency in stored})
    table = []
    for n in range(days):
        day = date_from + dt.timedelta(days=n)
        for currency in currencies:
            row = stored.get((day, currency))
            if row is not None:
                table.append(RateDay(day, currency, row.rate, row.source, row.updated_at))
            elif currency in kept:
                table.append(RateDay(day, currency, None))
    return table


def enter_rate(uow: UnitOfWork, day: dt.date, currency: str, value: Decimal, reason: str) -> str:
    """A rate typed by hand, with the reason why (kept in the audit log).
    Returns 'new', 'unchanged' or 'corrected', as set_rate."""
    require(uow, Permission.SET_RATES)
    reason = validation.text(reason, what="reason", limit=MAX_REASON, required=True)
    before = uow.session.get(ExchangeRate, (day, currency.strip().upper()))
    outcome = set_rate(uow, day, currency, value, source="manual", reason=reason)
    if outcome == "new" and before is None:
        audit.record(uow, "rate.enter", f"{currency.upper()} {day}", None, f"{value} ({reason})")
    return outcome


def stored_rate(uow: UnitOfWork, day: dt.date, currency: str) -> Decimal | None:
    row = uow.session.get(ExchangeRate, (day, currency.strip().upper()))
    return None if row is None else row.rate


def kept_currencies(uow: UnitOfWork) -> list[str]:
    return [c for c in settings.get_setting(uow, "rates.currencies").split(",") if c]

"""The NBU's official rates fetched from its public JSON service (SPEC §9, §16
`rates fetch`).

The address is a template kept in the setting `rates.source_url`:
`{currency}` is replaced by the currency code and `{date}` by the day as
YYYYMMDD (the NBU's per-day service, one request per currency and day). A
template with `{start}` and `{end}` instead asks once per currency for the
whole range (the NBU's `exchange_site` service).

Everything is downloaded before anything is stored, so a failed request
leaves the database as it was; then all days go in one transaction. A day
already stored with the same rate is skipped; a day stored with another rate
is left alone and reported as a conflict: a rate never changes silently
(`rates set ... --reason` corrects it, audited).
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from backoffice import validation
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import ExchangeRate
from backoffice.errors import BackofficeError, InputError
from backoffice.importers.rates_file import RateRow, parse_rates
from backoffice.permissions import Permission, require
from backoffice.services import audit, rates, settings

# The NBU's range service, for a `rates.source_url` that asks once per range.
RANGE_SOURCE_URL = (
    "https://bank.gov.ua/NBU_Exchange/exchange_site"
    "?start={start}&end={end}&valcode={currency}&sort=exchangedate&order=asc&json"
)
TIMEOUT_SECONDS = 20.0
MAX_DAYS = 366  # one fetch at most a year: 732 requests for two currencies, per day
MAX_ANSWER = 2 * 1024 * 1024
# A weekend or holiday rate is the last working day's: the NBU may answer a
# Sunday with Friday's record. Older than this is not a carry-over.
CARRY_OVER_DAYS = 7

Progress = Callable[[float], None]


class FetchError(BackofficeError):
    """The NBU service could not be asked, or answered something unusable."""


@dataclass(frozen=True)
class RateConflict:
    day: dt.date
    currency: str
    stored: Decimal
    fetched: Decimal


@dataclass(frozen=True)
class RateFetch:
    date_from: dt.date
    date_to: dt.date
    currencies: tuple[str, ...]
    new: int = 0
    unchanged: int = 0
    conflicts: tuple[RateConflict, ...] = ()


def fetch_rates(
    uow: UnitOfWork,
    date_from: dt.date,
    date_to: dt.date | None = None,
    *,
    progress: Progress | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> RateFetch:
    """Fetch and store the configured currencies' rates for every day of the range."""
    require(uow, Permission.FETCH_RATES)
    date_to = date_to or date_from
    validation.business_date(date_from, what="--from")
    validation.business_date(date_to, what="--to")
    if date_to < date_from:
        raise InputError(f"--to {date_to} is before --from {date_from}")
    days = (date_to - date_from).days + 1
    if days > MAX_DAYS:
        raise InputError(f"{days} days asked; fetch at most {MAX_DAYS} days at a time")
    template = settings.get_setting(uow, "rates.source_url")
    currencies = tuple(c for c in settings.get_setting(uow, "rates.currencies").split(",") if c)
    if not (uow.session.new or uow.session.dirty or uow.session.deleted):
        # End the read of the settings: no connection should sit idle inside a
        # transaction while the NBU answers (a year is 732 requests).
        uow.session.rollback()
    fetched = _download_all(template, currencies, date_from, date_to, progress, timeout)
    new = unchanged = 0
    conflicts: list[RateConflict] = []
    for (day, currency), (value, source) in sorted(fetched.items()):
        row = uow.session.get(ExchangeRate, (day, currency))
        if row is not None and row.rate != value:
            conflicts.append(RateConflict(day, currency, row.rate, value))
            continue
        outcome = rates.store_rate(uow, day, currency, value, source=source, reason=None)
        if outcome == "new":
            new += 1
        else:
            unchanged += 1
    result = RateFetch(date_from, date_to, currencies, new, unchanged, tuple(conflicts))
    if new or conflicts:
        audit.record(
            uow,
            "rate.fetch",
            f"{','.join(currencies)} {date_from}..{date_to}",
            None,
            {"new": new, "unchanged": unchanged, "conflicts": len(conflicts)},
        )
    return result


def _download_all(
    template: str,
    currencies: tuple[str, ...],
    date_from: dt.date,
    date_to: dt.date,
    progress: Progress | None,
    timeout: float,
) -> dict[tuple[dt.date, str], tuple[Decimal, str]]:
    per_range = "{date}" not in template
    days = [date_from + dt.timedelta(days=n) for n in range((date_to - date_from).days + 1)]
    steps = len(currencies) if per_range else len(currencies) * len(days)
    done = 0
    found: dict[tuple[dt.date, str], tuple[Decimal, str]] = {}
    for currency in currencies:
        if per_range:
            url = _fill(template, currency=currency, start=date_from, end=date_to)
            rows = _ask(url, currency, f"{currency} {date_from}..{date_to}", timeout)
            found.update(_range_days(rows, currency, days))
            done += 1
            if progress is not None:
                progress(done / steps)
            continue
        for day in days:
            url = _fill(template, currency=currency, day=day)
            rows = _ask(url, currency, f"{currency} on {day}", timeout)
            found[(day, currency)] = _one_day(rows, currency, day)
            done += 1
            if progress is not None:
                progress(done / steps)
    return found


def _fill(
    template: str,
    *,
    currency: str,
    day: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> str:
    # str.replace, not str.format: an address may hold other braces or percents.
    url = template.replace("{currency}", currency)
    for key, value in (("{date}", day), ("{start}", start), ("{end}", end)):
        if value is not None:
            url = url.replace(key, value.strftime("%Y%m%d"))
    return url


def _ask(url: str, currency: str, what: str, timeout: float) -> list[RateRow]:
    """The rows the NBU answered for `url`, or a FetchError saying why not."""
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "backoffice rates fetch"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            data = answer.read(MAX_ANSWER + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(
            f"NBU rates for {what}: the server answered HTTP {exc.code} {exc.reason}"
        ) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"NBU rates for {what}: no answer within {timeout:g} s") from None
        raise FetchError(f"NBU rates for {what}: cannot reach {_host(url)}: {reason}") from None
    except TimeoutError:
        raise FetchError(f"NBU rates for {what}: no answer within {timeout:g} s") from None
    except OSError as exc:
        raise FetchError(f"NBU rates for {what}: the connection failed: {exc}") from None
    if len(data) > MAX_ANSWER:
        raise FetchError(f"NBU rates for {what}: the answer is too large for a rates list")
    return _rows(data, currency, what)


def _rows(data: bytes, currency: str, what: str) -> list[RateRow]:
    text = data.decode("utf-8-sig", errors="replace").strip()
    try:
        items = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as exc:
        raise FetchError(
            f"NBU rates for {what}: the answer is not JSON (line {exc.lineno}: {exc.msg})"
        ) from None
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise FetchError(f"NBU rates for {what}: the answer is not a list of rates")
    try:
        rows = parse_rates(text.encode(), f"NBU rates for {what}") if items else []
    except InputError as exc:
        raise FetchError(str(exc)) from None
    return [row for row in rows if row.currency == currency]


def _one_day(rows: list[RateRow], currency: str, day: dt.date) -> tuple[Decimal, str]:
    usable = [row for row in rows if day - dt.timedelta(days=CARRY_OVER_DAYS) <= row.day <= day]
    if not usable:
        raise FetchError(f"the NBU answered no {currency} rate for {day}")
    row = max(usable, key=lambda r: r.day)
    return row.rate, _source(row.day, day)


def _range_days(
    rows: list[RateRow], currency: str, days: list[dt.date]
) -> dict[tuple[dt.date, str], tuple[Decimal, str]]:
    by_day = {row.day: row.rate for row in rows}
    found: dict[tuple[dt.date, str], tuple[Decimal, str]] = {}
    for day in days:
        known = [d for d in by_day if day - dt.timedelta(days=CARRY_OVER_DAYS) <= d <= day]
        if not known:
            raise FetchError(f"the NBU answered no {currency} rate for {day}")
        latest = max(known)
        found[(day, currency)] = (by_day[latest], _source(latest, day))
    return found


def _source(published: dt.date, day: dt.date) -> str:
    if published == day:
        return "NBU"
    return f"NBU {published.isoformat()}"  # carried over from the last working day


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url

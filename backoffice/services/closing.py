"""The monthly closing (SPEC §12): catch up the daily runs, make the acts,
lock the month, write the journal. All or nothing; a dry run writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Table,
    and_,
    case,
    column,
    func,
    insert,
    select,
    table,
    text,
    type_coerce,
)
from sqlalchemy.orm import aliased

from backoffice.billing import recognition
from backoffice.billing.periods import month_bounds
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    Act,
    ActLine,
    Client,
    Closing,
    DailyRun,
    LedgerEntry,
    ServicePeriod,
)
from backoffice.documents.numbers import MONTHS_NOMINATIVE, format_amount, format_eur
from backoffice.errors import BackofficeError
from backoffice.money import from_minor, to_minor
from backoffice.permissions import Permission, require
from backoffice.services import audit, daily, months, sequences, settings, snapshots

ACT_KINDS = (*daily.DEBIT_KINDS, "refund_proration")
ACTS: Table = Act.__table__  # type: ignore[assignment]
ACT_LINES: Table = ActLine.__table__  # type: ignore[assignment]
# act_lines with its money columns as stored (exact integers in minor units,
# see db/types.py), for copying ledger amounts without a Decimal round trip
RAW_ACT_LINES = table(
    "act_lines",
    column("act_id"),
    column("entry_id"),
    column("service"),
    column("eur", BigInteger),
    column("rate", BigInteger),
    column("uah", BigInteger),
)


@dataclass(frozen=True)
class AccountClosing:
    account: str
    client: str
    debited: Decimal  # UAH of services in the month (what the act says)
    act_number: str | None
    access: str
    block_reason: str | None


@dataclass
class ClosingResult:
    month: str
    dry_run: bool
    already_closed: bool = False
    accounts: list[AccountClosing] = field(default_factory=list)
    acts: int = 0
    total_uah: Decimal = Decimal("0.00")
    daily_days: int = 0


class ClosingRefused(BackofficeError):
    def __init__(self, month: str, errors: list[tuple[str, str, str]]):
        self.errors = errors
        first = "; ".join(f"{account} ({day}): {why}" for day, account, why in errors[:3])
        super().__init__(
            f"month {month} not closed: {len(errors)} account error(s) in the daily runs: {first}"
        )


def close_month(uow: UnitOfWork, month: str, *, dry_run: bool = False) -> ClosingResult:
    require(uow, Permission.CLOSE_MONTH)
    month = months.parse_month(month)
    result = ClosingResult(month, dry_run)
    _exclusive(uow)
    if month in months.locked_months(uow):
        result.already_closed = True
        return result
    first = months.first_entry_month(uow)
    if first is None:
        raise BackofficeError("the ledger is empty: there is no month to close")
    if month < first:
        raise BackofficeError(f"month {month} is before the first entry ({first})")
    start, end = month_bounds(month)
    previous = months.locked_months(uow)
    expected_first = first if not previous else months.next_month(previous[-1])
    if month != expected_first:
        raise BackofficeError(
            f"month {expected_first} is still open: months close in order, so {month} cannot"
        )
    last_day = end - dt.timedelta(days=1)
    last_run = uow.session.execute(select(func.max(DailyRun.day))).scalar()
    if last_run is not None and last_run >= last_day:
        run = daily.DailyResult(())  # every day of the month has run already
    else:
        run = daily.run_daily(uow, last_day, since=start)
    result.daily_days = len(run.days)
    if run.errors:
        uow.rollback()
        raise ClosingRefused(month, run.errors)
    _make_acts(uow, month, start, end, result)
    _journal(uow, result)
    audit.record(
        uow,
        "month.close",
        month,
        None,
        {"accounts": len(result.accounts), "acts": result.acts, "total_uah": result.total_uah},
    )
    months.lock_month(uow, month)  # seals the month in the journal row just written
    uow.session.flush()
    if dry_run:
        uow.rollback()
    return result


def _journal(uow: UnitOfWork, result: ClosingResult) -> None:
    """One journal row per month. A month closed again after a reopening
    keeps the earlier closings in its summary, newest last."""
    summary: dict[str, Any] = {"daily_days": result.daily_days}
    row = uow.session.get(Closing, result.month)
    if row is None:
        row = Closing(month=result.month)
        uow.session.add(row)
    else:
        earlier = json.loads(row.summary or "{}")
        summary["earlier"] = [
            *earlier.pop("earlier", []),
            {
                "closed_at": row.closed_at.isoformat(sep=" "),
                "closed_by": row.closed_by,
                "accounts": row.accounts,
                "acts": row.acts,
                "total_uah": str(row.total_uah),
                **earlier,
            },
        ]
    row.closed_at, row.closed_by = audit.now(), uow.actor
    row.accounts, row.acts, row.total_uah = len(result.accounts), result.acts, result.total_uah
    row.summary = json.dumps(summary, ensure_ascii=False)


def _exclusive(uow: UnitOfWork) -> None:
    """Two closings never run at once. PostgreSQL: a transaction-scoped
    advisory lock; SQLite: the writer's BEGIN IMMEDIATE already serialises."""
    if uow.dialect == "postgresql":
        got = uow.session.execute(
            text("SELECT pg_try_advisory_xact_lock(hashtext('backoffice.close_month'))")
        ).scalar()
        if not got:
            raise BackofficeError("another monthly closing is running; try again when it ends")


def _make_acts(
    uow: UnitOfWork, month: str, start: dt.date, end: dt.date, result: ClosingResult
) -> None:
    """One act per account whose services of the month net to a debit.

    An act states what was rendered in the month (SPEC §11): every service
    entry of the month whose paid period lies within it, whole, and the
    month's portion of each debit for a longer period (`service_periods`).
    The whole entries are summed by one grouped query and copied to the
    lines by one INSERT … SELECT (they never pass through Python); the
    portions are worked out in Python, only for the debits that have a
    period row. Money stays in minor units, as stored."""
    original = aliased(LedgerEntry)
    periods = aliased(ServicePeriod)
    of_month = (
        LedgerEntry.business_date >= start,
        LedgerEntry.business_date < end,
        (LedgerEntry.kind.in_(ACT_KINDS))
        | ((LedgerEntry.kind == "reversal") & original.kind.in_(ACT_KINDS)),
        periods.entry_id.is_(None),  # split debits are stated by their portions
    )
    covered_by = periods.entry_id == func.coalesce(LedgerEntry.reverses_id, LedgerEntry.id)
    totals = (
        select(
            LedgerEntry.account_id,
            func.sum(type_coerce(LedgerEntry.amount, BigInteger)).label("amount"),
            func.sum(type_coerce(LedgerEntry.eur, BigInteger)).label("eur"),
        )
        .outerjoin(original, original.id == LedgerEntry.reverses_id)
        .outerjoin(periods, covered_by)
        .where(*of_month)
        .group_by(LedgerEntry.account_id)
    )
    # amounts as the ledger signs them: a debit is negative
    amounts: dict[int, int] = {}
    cents: dict[int, int] = {}
    for account_id, amount, eur in uow.session.execute(totals):
        amounts[account_id], cents[account_id] = int(amount), int(eur or 0)
    portions = _portions(uow, month, start, end)
    for p in portions:
        amounts[p.account_id] = amounts.get(p.account_id, 0) - p.uah
        cents[p.account_id] = cents.get(p.account_id, 0) - p.eur
    info = _accounts(uow, sorted(amounts))
    billable = sorted(account_id for account_id, kopiykas in amounts.items() if -kopiykas > 0)
    pattern = settings.get_setting(uow, "act.pattern")
    year = start.year
    first_number = sequences.take_numbers(uow, f"act:{year}", len(billable)) if billable else 0
    act_rows: list[dict[str, Any]] = []
    for offset, account_id in enumerate(billable):
        act_rows.append(
            {
                "number": sequences.format_number(pattern, first_number + offset, year=year),
                "account_id": account_id,
                "month": month,
                "act_date": end - dt.timedelta(days=1),
                "total_eur": -from_minor(cents[account_id], 2),
                "total_uah": -from_minor(amounts[account_id], 2),
            }
        )
    _insert_acts(uow, act_rows)
    # The lines of the acts just made: the month has no other live monthly
    # acts (one per account and month, `uq_acts_live_monthly`), and only
    # billable accounts have one.
    live = and_(
        ACTS.c.account_id == LedgerEntry.account_id,
        ACTS.c.month == month,
        ACTS.c.cancelled_at.is_(None),
        ACTS.c.order_id.is_(None),
    )
    amount = type_coerce(LedgerEntry.amount, BigInteger)
    eur = type_coerce(LedgerEntry.eur, BigInteger)
    lines = (
        select(
            ACTS.c.id,
            LedgerEntry.id,
            case(
                (func.coalesce(LedgerEntry.comment, "") == "", LedgerEntry.kind),
                else_=LedgerEntry.comment,
            ),
            -eur,
            type_coerce(LedgerEntry.rate, BigInteger),
            -amount,
        )
        .select_from(LedgerEntry)
        .join(ACTS, live)
        .outerjoin(original, original.id == LedgerEntry.reverses_id)
        .outerjoin(periods, covered_by)
        .where(*of_month)
        .order_by(LedgerEntry.account_id, LedgerEntry.business_date, LedgerEntry.id)
    )
    uow.session.execute(
        RAW_ACT_LINES.insert().from_select(
            ["act_id", "entry_id", "service", "eur", "rate", "uah"], lines
        )
    )
    _insert_portion_lines(uow, month, portions, set(billable))
    # what each act states, fixed in bulk (SPEC §11)
    snapshots.fix_documents(
        uow,
        "act",
        [a["number"] for a in act_rows],
        given={
            a["number"]: snapshots.IssuedAct(
                a["number"],
                a["account_id"],
                month,
                a["act_date"],
                -amounts[a["account_id"]],
                info[a["account_id"]].number,
            )
            for a in act_rows
        },
    )
    numbers = {a["account_id"]: a["number"] for a in act_rows}
    for account_id in sorted(amounts):
        row = info[account_id]
        result.accounts.append(
            AccountClosing(
                row.number,
                row.name,
                -from_minor(amounts[account_id], 2),
                numbers.get(account_id),
                row.access,
                row.block_reason,
            )
        )
    result.acts = len(act_rows)
    result.total_uah = sum((a["total_uah"] for a in act_rows), Decimal("0.00"))


@dataclass(frozen=True)
class _Portion:
    """The month's portion of a split debit, in minor units, positive for a debit."""

    account_id: int
    entry_id: int
    uah: int
    eur: int
    rate: int | None
    service: str


def _portions(uow: UnitOfWork, month: str, start: dt.date, end: dt.date) -> list[_Portion]:
    """What the month's act states of each debit for a longer period: the
    recognition up to this month less what earlier live acts stated of it
    (so a portion of a month before the debit, or one a month without an act
    left, comes on this act)."""
    periods = aliased(ServicePeriod)
    # what earlier live acts stated of the entry: an index lookup per
    # candidate (act_lines by entry_id), never a scan of all act lines
    earlier = (
        select(ActLine.id)
        .join(Act, Act.id == ActLine.act_id)
        .where(
            ActLine.entry_id == LedgerEntry.id,
            Act.cancelled_at.is_(None),
            Act.order_id.is_(None),
            Act.month < month,
        )
    )

    def stated(value: Any) -> Any:
        return earlier.with_only_columns(
            func.coalesce(func.sum(type_coerce(value, BigInteger)), 0)
        ).scalar_subquery()

    rows = uow.session.execute(
        select(
            LedgerEntry.account_id,
            LedgerEntry.id,
            type_coerce(LedgerEntry.amount, BigInteger),
            type_coerce(LedgerEntry.eur, BigInteger),
            type_coerce(LedgerEntry.rate, BigInteger),
            LedgerEntry.kind,
            LedgerEntry.comment,
            LedgerEntry.business_date,
            periods.starts_on,
            periods.ends_on,
            periods.rendered_until,
            stated(ActLine.uah),
            stated(ActLine.eur),
        )
        # the debit itself or its reversal, each found by its own index (an
        # expression such as coalesce() would scan the ledger)
        .join(
            periods,
            (LedgerEntry.id == periods.entry_id) | (LedgerEntry.reverses_id == periods.entry_id),
        )
        .where(
            LedgerEntry.business_date < end,
            (periods.ends_on > start)
            | (LedgerEntry.business_date >= start)
            | periods.rendered_until.is_not(None),
        )
        .order_by(LedgerEntry.account_id, LedgerEntry.business_date, LedgerEntry.id)
    ).all()
    found: list[_Portion] = []
    for (
        account_id,
        entry_id,
        amount,
        eur,
        rate,
        kind,
        comment,
        posted,
        s,
        e,
        until,
        uah0,
        eur0,
    ) in rows:
        period = recognition.ServicePeriod(s, e, until)
        uah = recognition.recognised_through(-int(amount), period, month) - int(uah0)
        cents = recognition.recognised_through(-int(eur or 0), period, month) - int(eur0)
        if uah == 0 and cents == 0:
            continue
        service = _portion_text(
            comment or kind, period, month, posted >= start, -int(amount), -int(eur or 0)
        )
        found.append(_Portion(account_id, entry_id, uah, cents, rate, service[:300]))
    return found


def _portion_text(
    what: str,
    period: recognition.ServicePeriod,
    month: str,
    first: bool,
    uah: int,
    eur: int,
) -> str:
    """`Тариф «Старт» за 01.09.2026–30.11.2026 (вартість за 91 дн. 14 240,79 грн,
    285,00 EUR): за жовтень 2026 р., 31 з 91 дн.`: the debit's whole cost
    beside the days, so a reader can check the portion (cost × days / period
    days, to the kopiyka; the rounding remainder on the last month)."""
    days = recognition.days_rendered(period, month, from_start=first)
    total = (period.ends_on - period.starts_on).days
    name = MONTHS_NOMINATIVE[int(month[5:7]) - 1]
    cost = f"{format_amount(from_minor(abs(uah), 2))} грн"
    if eur:
        cost += f", {format_eur(from_minor(abs(eur), 2))} EUR"
    return (
        f"{what} (вартість за {total} дн. {cost}): за {name} {month[:4]} р., {days} з {total} дн."
    )


def _insert_portion_lines(
    uow: UnitOfWork, month: str, portions: list[_Portion], billable: set[int]
) -> None:
    """The portions' lines on the acts just made (an account whose month
    nets to nothing has no act; its portions come on its next one)."""
    wanted = [p for p in portions if p.account_id in billable]
    if not wanted:
        return
    act_of = dict(
        uow.session.execute(
            select(ACTS.c.account_id, ACTS.c.id).where(
                ACTS.c.month == month, ACTS.c.cancelled_at.is_(None), ACTS.c.order_id.is_(None)
            )
        ).all()
    )
    rows = [
        {
            "act_id": act_of[p.account_id],
            "entry_id": p.entry_id,
            "service": p.service,
            "eur": p.eur or None,
            "rate": p.rate,
            "uah": p.uah,
        }
        for p in wanted
    ]
    for start in range(0, len(rows), 5_000):
        uow.session.execute(RAW_ACT_LINES.insert(), rows[start : start + 5_000])


def _accounts(uow: UnitOfWork, account_ids: list[int]) -> dict[int, Any]:
    """Number, client and access of the accounts the closing reports on."""
    found: dict[int, Any] = {}
    for chunk_start in range(0, len(account_ids), 5_000):
        chunk = account_ids[chunk_start : chunk_start + 5_000]
        for row in uow.session.execute(
            select(
                Account.id,
                Account.number,
                Client.name,
                Account.access,
                Account.block_reason,
            )
            .join(Client, Client.id == Account.client_id)
            .where(Account.id.in_(chunk))
        ):
            found[row.id] = row
    return found


def _insert_acts(uow: UnitOfWork, act_rows: list[dict[str, Any]]) -> None:
    """The acts in chunks of 5,000: on PostgreSQL one INSERT … SELECT FROM
    unnest(arrays) per chunk (several times faster there than an
    executemany of single rows), elsewhere an executemany."""
    for start in range(0, len(act_rows), 5_000):
        chunk = act_rows[start : start + 5_000]
        if uow.dialect != "postgresql":
            uow.session.execute(insert(ACTS), chunk)
            continue
        uow.session.execute(
            text(
                """
                INSERT INTO acts (number, account_id, month, act_date, total_eur, total_uah,
                                  cancel_reason)
                SELECT t.number, t.account_id, :month, :act_date, t.eur, t.uah, ''
                FROM unnest(CAST(:numbers AS varchar[]), CAST(:accounts AS integer[]),
                            CAST(:eur AS bigint[]), CAST(:uah AS bigint[]))
                    AS t(number, account_id, eur, uah)
                """
            ),
            {
                "month": chunk[0]["month"],
                "act_date": chunk[0]["act_date"],
                "numbers": [a["number"] for a in chunk],
                "accounts": [a["account_id"] for a in chunk],
                # money as stored: exact minor units (db/types.py)
                "eur": [to_minor(a["total_eur"], 2) for a in chunk],
                "uah": [to_minor(a["total_uah"], 2) for a in chunk],
            },
        )


def list_acts(
    uow: UnitOfWork, month: str, *, include_cancelled: bool = False
) -> list[tuple[Act, str, str]]:
    """The month's acts in number order: the live ones, or with the acts
    cancelled by a reopening too (`include_cancelled`)."""
    month = months.parse_month(month)
    statement = (
        select(Act, Account.number, Client.name)
        .join(Account, Account.id == Act.account_id)
        .join(Client, Client.id == Account.client_id)
        .where(Act.month == month)
        .order_by(Act.number)
    )
    if not include_cancelled:
        statement = statement.where(Act.cancelled_at.is_(None))
    return [(act, number, client) for act, number, client in uow.session.execute(statement).all()]


def journal(uow: UnitOfWork) -> list[Closing]:
    return list(uow.session.execute(select(Closing).order_by(Closing.month)).scalars())


__all__ = ["ClosingRefused", "close_month", "journal", "list_acts"]

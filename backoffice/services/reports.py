"""Reports for bookkeeping (SPEC §13), as plain `Report` records.

Each function reads the books with a few grouped queries and returns a
`Report` whose rows the Excel writer streams; the ledger export yields its
rows from a server-side cursor, so a million entries never sit in memory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    Act,
    ActLine,
    Charge,
    Client,
    Closing,
    ExchangeRate,
    LedgerEntry,
    Plan,
    PlanVersion,
    Subscription,
)
from backoffice.documents.numbers import format_date
from backoffice.documents.records import ReconciliationDocument, vat_included
from backoffice.domain import EntryKind
from backoffice.errors import BackofficeError, InputError
from backoffice.exports import Column, ColumnKind, Report
from backoffice.permissions import Permission, require
from backoffice.services import invoices, rates, recognition, settings
from backoffice.services import statements as statement_service
from backoffice.services.report_names import (
    ACCESS_WORDS,
    BLOCK_REASON_WORDS,
    ENTRY_KIND_WORDS,
    INVOICE_KIND_WORDS,
    INVOICE_STATUS_WORDS,
    REPORT_KINDS,
    REPORTS,
    reader_words,
)

K = ColumnKind
ZERO = Decimal("0.00")

KIND_TITLES = {
    EntryKind.DEBIT_ACTIVATION: "Активація",
    EntryKind.DEBIT_RENEWAL: "Продовження",
    EntryKind.DEBIT_OPTION: "Опції",
    EntryKind.DEBIT_OVERAGE: "Перевищення",
    EntryKind.DEBIT_DAILY: "Щоденне списання",
}


def _report(
    uow: UnitOfWork,
    title: str,
    period: str,
    columns: tuple[Column, ...],
    rows: object,
    sheet: str,
) -> Report:
    return Report(
        title=title,
        company=settings.get_setting(uow, "company.name") or "—",
        period=period,
        made_at=dt.datetime.now().replace(microsecond=0),
        made_by=uow.actor,
        columns=columns,
        rows=rows,  # type: ignore[arg-type]
        sheet_name=sheet,
        subject=title,
    )


def _period(date_from: dt.date, date_to: dt.date) -> str:
    if date_from > date_to:
        raise InputError(f"period from {date_from} is after to {date_to}")
    return f"{format_date(date_from)} – {format_date(date_to)}"


def turnover_sheet(uow: UnitOfWork, date_from: dt.date, date_to: dt.date) -> Report:
    """Оборотно-сальдова відомість: every account, movement or not: opening,
    movements by kind, closing, and the prepayment (paid, not yet rendered)
    at the end. A migrated client's opening balance (kind opening_balance)
    is an opening balance, whenever it was entered: it counts in the column
    «Залишок на початок», never as a correction."""
    period = _period(date_from, date_to)
    opening = dict(
        uow.session.execute(
            select(LedgerEntry.account_id, func.sum(LedgerEntry.amount))
            .where(
                (LedgerEntry.business_date < date_from)
                | (
                    (LedgerEntry.kind == EntryKind.OPENING_BALANCE.value)
                    & (LedgerEntry.business_date <= date_to)
                )
            )
            .group_by(LedgerEntry.account_id)
        ).all()
    )
    moves: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for account_id, kind, total in uow.session.execute(
        select(LedgerEntry.account_id, LedgerEntry.kind, func.sum(LedgerEntry.amount))
        .where(
            LedgerEntry.business_date >= date_from,
            LedgerEntry.business_date <= date_to,
            LedgerEntry.kind != EntryKind.OPENING_BALANCE.value,
        )
        .group_by(LedgerEntry.account_id, LedgerEntry.kind)
    ).all():
        moves[account_id][kind] = total
    prepaid = recognition.prepaid(uow, date_to)
    accounts = uow.session.execute(
        select(Account.id, Account.number, Client.name, Client.edrpou, Client.rnokpp)
        .join(Client, Client.id == Account.client_id)
        .where(Account.opened_on <= date_to)
        .order_by(Client.sort_key, Account.number)
    ).all()

    def rows() -> Iterator[list[object]]:
        for account_id, number, name, edrpou, rnokpp in accounts:
            start = opening.get(account_id, ZERO)
            m = moves.get(account_id, {})
            topups = sum(
                (m.get(k, ZERO) for k in ("topup_bank", "topup_processor", "topup_manual")), ZERO
            )
            services = -sum((m.get(k, ZERO) for k in KIND_TITLES if k != "debit_overage"), ZERO)
            other = sum((m.get(k, ZERO) for k in ("reversal", "correction")), ZERO)
            end = start + sum(m.values(), ZERO)
            yield [
                number,
                name,
                edrpou or rnokpp or "",
                start,
                topups,
                m.get("bonus", ZERO),
                services,
                -m.get("debit_overage", ZERO),
                m.get("refund_proration", ZERO),
                -m.get("expiry", ZERO),
                other,
                end,
                prepaid.get(account_id, ZERO),
            ]

    columns = (
        Column("Особовий рахунок", K.TEXT),
        Column("Клієнт", K.TEXT),
        Column("Код", K.TEXT),
        Column("Залишок на початок", K.MONEY, total=True),
        Column("Поповнення", K.MONEY, total=True),
        Column("Бонуси", K.MONEY, total=True),
        Column("Списано за послуги", K.MONEY, total=True),
        Column("Перевищення", K.MONEY, total=True),
        Column("Повернення", K.MONEY, total=True),
        Column("Згоряння залишку", K.MONEY, total=True),
        Column("Сторно та коригування", K.MONEY, total=True),
        Column("Залишок на кінець", K.MONEY, total=True),
        Column("Передоплата на кінець", K.MONEY, total=True),
    )
    return _report(uow, "Оборотно-сальдова відомість", period, columns, rows(), "ОСВ")


def ledger_report(
    uow: UnitOfWork,
    date_from: dt.date,
    date_to: dt.date,
    account_number: str | None = None,
    kind: str | None = None,
) -> Report:
    period = _period(date_from, date_to)
    statement = (
        select(
            LedgerEntry.business_date,
            Account.number,
            Client.name,
            LedgerEntry.kind,
            LedgerEntry.amount,
            LedgerEntry.eur,
            LedgerEntry.rate,
            LedgerEntry.comment,
            LedgerEntry.id,
            LedgerEntry.author,
        )
        .join(Account, Account.id == LedgerEntry.account_id)
        .join(Client, Client.id == Account.client_id)
        .where(LedgerEntry.business_date >= date_from, LedgerEntry.business_date <= date_to)
        .order_by(LedgerEntry.business_date, LedgerEntry.id)
    )
    if account_number:
        statement = statement.where(Account.number == account_number.strip())
    if kind:
        statement = statement.where(LedgerEntry.kind == EntryKind(kind).value)

    def rows() -> Iterator[tuple[object, ...]]:
        result = uow.session.execute(statement.execution_options(yield_per=5000))
        for row in result:
            values = list(row)
            values[3] = ENTRY_KIND_WORDS.get(values[3], values[3])  # the reader's words
            yield values

    columns = (
        Column("Дата", K.DATE),
        Column("Особовий рахунок", K.TEXT),
        Column("Клієнт", K.TEXT),
        Column("Вид", K.TEXT),
        Column("Сума, грн", K.MONEY, total=True),
        Column("EUR", K.EUR, total=True),
        Column("Курс НБУ", K.RATE),
        Column("Коментар", K.TEXT),
        Column("№ запису", K.INTEGER),
        Column("Автор", K.TEXT),
    )
    return _report(uow, "Журнал операцій", period, columns, rows(), "Журнал")


def acts_register(uow: UnitOfWork, date_from: dt.date, date_to: dt.date) -> Report:
    """The acts by number: month as a date, the UAH net of VAT and the VAT
    beside it (VAT 20 % is included in the act's total when the company pays
    VAT, as the act itself states it), the state in words."""
    period = _period(date_from, date_to)
    vat_payer = _vat_payer(uow)
    data = uow.session.execute(
        select(
            Act.number,
            Act.act_date,
            Act.month,
            Account.number,
            Client.name,
            func.coalesce(Client.edrpou, Client.rnokpp, ""),
            Act.total_eur,
            Act.total_uah,
            Act.cancelled_at,
        )
        .join(Account, Account.id == Act.account_id)
        .join(Client, Client.id == Account.client_id)
        .where(Act.act_date >= date_from, Act.act_date <= date_to)
        .order_by(Act.number)
    ).all()

    def rows() -> Iterator[list[object]]:
        for number, date, month, account, client, code, eur, uah, cancelled_at in data:
            vat = vat_included(uah, vat_payer) or ZERO
            state = "анульовано" if cancelled_at is not None else "чинний"
            net = uah - vat
            yield [number, date, _month(month), account, client, code, eur, net, vat, uah, state]

    columns = (
        Column("Номер акта", K.TEXT),
        Column("Дата", K.DATE),
        Column("Місяць", K.MONTH),
        Column("Особовий рахунок", K.TEXT),
        Column("Клієнт", K.TEXT),
        Column("Код", K.TEXT),
        Column("Сума, EUR", K.EUR, total=True),
        Column("Сума без ПДВ, грн", K.MONEY, total=True),
        Column("ПДВ, грн", K.MONEY, total=True),
        Column("Сума з ПДВ, грн", K.MONEY, total=True),
        Column("Стан", K.TEXT),
    )
    return _report(uow, "Реєстр актів наданих послуг", period, columns, rows(), "Акти")


def _vat_payer(uow: UnitOfWork) -> bool:
    return settings.get_setting(uow, "company.vat_payer") == "true"


def _month(month: str | None) -> dt.date | None:
    """`2026-11` → 1 November 2026, a real date the sheet shows as 11.2026."""
    if not month:
        return None
    return dt.date(int(month[:4]), int(month[5:7]), 1)


def invoices_register(
    uow: UnitOfWork, date_from: dt.date, date_to: dt.date, today: dt.date
) -> Report:
    period = _period(date_from, date_to)
    views = [v for v in invoices.list_invoices(uow, today=today) if date_from <= v.date <= date_to]
    data = [
        [
            v.number,
            v.date,
            v.due_date,
            v.account,
            v.client,
            reader_words(v.kind, INVOICE_KIND_WORDS),
            _month(v.period),
            v.total,
            v.paid,
            v.total - v.paid if v.status != "cancelled" else ZERO,
            reader_words(v.status, INVOICE_STATUS_WORDS),
        ]
        for v in views
    ]
    columns = (
        Column("Номер рахунку", K.TEXT),
        Column("Дата", K.DATE),
        Column("Сплатити до", K.DATE),
        Column("Особовий рахунок", K.TEXT),
        Column("Клієнт", K.TEXT),
        Column("Вид", K.TEXT),
        Column("Період", K.MONTH),
        Column("Сума, грн", K.MONEY, total=True),
        Column("Сплачено, грн", K.MONEY, total=True),
        Column("Залишок до сплати, грн", K.MONEY, total=True),
        Column("Стан", K.TEXT),
    )
    return _report(uow, "Реєстр рахунків", period, columns, data, "Рахунки")


def debtors_report(uow: UnitOfWork, today: dt.date) -> Report:
    """Accounts that owe (negative balance or outstanding charges) or are
    blocked. The debt is in UAH: what the balance is short of plus the
    outstanding charges at today's rate (they are priced in EUR and debited
    at the rate of the day they are paid), with their EUR beside."""
    outstanding = dict(
        uow.session.execute(
            select(Charge.account_id, func.sum(Charge.eur))
            .where(Charge.status == "outstanding")
            .group_by(Charge.account_id)
        ).all()
    )
    found = uow.session.execute(
        select(
            Account.id,
            Account.number,
            Client.name,
            func.coalesce(Client.edrpou, Client.rnokpp),
            Account.balance,
            Account.access,
            Account.block_reason,
        )
        .join(Client, Client.id == Account.client_id)
        .where(
            (Account.balance < 0)
            | (Account.access == "blocked")
            | Account.id.in_(select(Charge.account_id).where(Charge.status == "outstanding"))
        )
        .order_by(Account.balance, Account.number)
    ).all()
    data = []
    for account_id, number, name, code, balance, access, reason in found:
        eur = outstanding.get(account_id, ZERO)
        try:
            charges_uah: Decimal | None = rates.estimate_uah(uow, eur, today)
        except BackofficeError:  # no rate known yet: the EUR column still says it
            charges_uah = None
        # what it takes to settle: the charges less the funds on the account
        # (or plus what the balance is below zero)
        owed = max((charges_uah or ZERO) - balance, ZERO)
        data.append(
            [
                number,
                name,
                code or "",
                balance,
                charges_uah,
                eur,
                owed,
                reader_words(access, ACCESS_WORDS),
                reader_words(reason, BLOCK_REASON_WORDS),
            ]
        )
    columns = (
        Column("Особовий рахунок", K.TEXT),
        Column("Клієнт", K.TEXT),
        Column("Код", K.TEXT),
        Column("Залишок, грн", K.MONEY, total=True),
        Column("Неоплачено, грн (курс дня)", K.MONEY, total=True),
        Column("Неоплачено, EUR", K.EUR, total=True),
        Column("Борг разом, грн", K.MONEY, total=True),
        Column("Доступ", K.TEXT),
        Column("Причина блокування", K.TEXT),
    )
    return _report(
        uow,
        "Боржники та заблоковані рахунки",
        f"на {format_date(today)}",
        columns,
        data,
        "Боржники",
    )


def revenue_report(uow: UnitOfWork, date_from: dt.date, date_to: dt.date) -> Report:
    """Revenue by month, plan and kind of service, EUR and UAH: what the acts
    dated in the period state (SPEC §11: a period paid in advance is revenue
    of the months it covers, not of the day it was debited), net of VAT with
    the VAT beside it; bonuses apart, by the month they were given (they are
    not revenue). The plan is the account's subscription's plan."""
    period = _period(date_from, date_to)
    plan_of = (
        select(Subscription.account_id, func.max(Subscription.plan_version_id).label("version"))
        .group_by(Subscription.account_id)
        .subquery()
    )
    original = aliased(LedgerEntry)
    kind = func.coalesce(original.kind, LedgerEntry.kind)  # a reversal counts as what it undoes
    rendered = uow.session.execute(
        select(
            Act.month,
            func.coalesce(Plan.name, "—"),
            kind,
            func.sum(ActLine.eur),
            func.sum(ActLine.uah),
        )
        .join(Act, Act.id == ActLine.act_id)
        .join(LedgerEntry, LedgerEntry.id == ActLine.entry_id)
        .outerjoin(original, original.id == LedgerEntry.reverses_id)
        .outerjoin(plan_of, plan_of.c.account_id == Act.account_id)
        .outerjoin(PlanVersion, PlanVersion.id == plan_of.c.version)
        .outerjoin(Plan, Plan.id == PlanVersion.plan_id)
        .where(Act.cancelled_at.is_(None), Act.act_date >= date_from, Act.act_date <= date_to)
        .group_by(Act.month, Plan.name, kind)
    ).all()
    month = func.substr(func.cast(LedgerEntry.business_date, _text_type()), 1, 7)
    bonuses = uow.session.execute(
        select(month, func.sum(LedgerEntry.amount))
        .where(
            LedgerEntry.business_date >= date_from,
            LedgerEntry.business_date <= date_to,
            LedgerEntry.kind == EntryKind.BONUS.value,
        )
        .group_by(month)
    ).all()
    vat_payer = _vat_payer(uow)

    def row(m: str, plan: str, code: str, eur: Decimal | None, uah: Decimal) -> list[object]:
        # VAT 20 % is included in the acts of a VAT payer (as the acts state it)
        vat = vat_included(uah, vat_payer)
        words = ENTRY_KIND_WORDS.get(code, code)
        return [_month(m), plan, words, eur, uah - (vat or ZERO), vat, uah, None]

    rows = [row(*values) for values in rendered]
    rows += [[_month(m), "—", "Бонуси", None, None, None, None, total] for m, total in bonuses]
    rows.sort(key=lambda r: (r[0], str(r[1]), str(r[2])))
    columns = (
        Column("Місяць", K.MONTH),
        Column("Тарифний план", K.TEXT),
        Column("Вид послуги", K.TEXT),
        Column("Виручка, EUR", K.EUR, total=True),
        Column("Виручка без ПДВ, грн", K.MONEY, total=True),
        Column("ПДВ, грн", K.MONEY, total=True),
        Column("Разом з ПДВ, грн", K.MONEY, total=True),
        Column("Бонуси (не виручка), грн", K.MONEY, total=True),
    )
    return _report(
        uow, "Виручка за планами та послугами (за актами)", period, columns, rows, "Виручка"
    )


def _text_type():  # type: ignore[no-untyped-def]
    from sqlalchemy import String

    return String(10)


def unmatched_report(uow: UnitOfWork) -> Report:
    data = [
        [
            u.id,
            u.date,
            u.amount,
            u.payer,
            u.payer_code,
            u.payer_iban,
            u.purpose,
            ", ".join(u.candidates),
            u.file_name,
            u.line_no,
        ]
        for u in statement_service.list_unmatched(uow)
    ]
    columns = (
        Column("№", K.INTEGER),
        Column("Дата", K.DATE),
        Column("Сума, грн", K.MONEY, total=True),
        Column("Платник", K.TEXT, width=36),
        Column("Код платника", K.TEXT),
        Column("IBAN платника", K.TEXT, width=32),
        Column("Призначення платежу", K.TEXT, width=60),
        Column("Можливі рахунки", K.TEXT),
        Column("Файл", K.TEXT),
        Column("Рядок", K.INTEGER),
    )
    return _report(uow, "Нерозпізнані платежі", "", columns, data, "Нерозпізнані")


def rates_report(uow: UnitOfWork, date_from: dt.date, date_to: dt.date) -> Report:
    period = _period(date_from, date_to)
    used = (
        select(LedgerEntry.business_date.label("day"), func.count().label("entries"))
        .where(LedgerEntry.rate.is_not(None))
        .group_by(LedgerEntry.business_date)
        .subquery()
    )
    data = uow.session.execute(
        select(
            ExchangeRate.day,
            ExchangeRate.currency,
            ExchangeRate.rate,
            func.coalesce(used.c.entries, 0),
            ExchangeRate.source,
        )
        .outerjoin(used, and_(used.c.day == ExchangeRate.day, ExchangeRate.currency == "EUR"))
        .where(ExchangeRate.day >= date_from, ExchangeRate.day <= date_to)
        .order_by(ExchangeRate.day, ExchangeRate.currency)
    ).all()
    columns = (
        Column("Дата", K.DATE),
        Column("Валюта", K.TEXT),
        Column("Курс НБУ", K.RATE),
        Column("Записів за курсом", K.INTEGER, total=True),
        Column("Джерело", K.TEXT, width=30),
    )
    return _report(uow, "Використані курси НБУ", period, columns, data, "Курси")


def closings_report(uow: UnitOfWork) -> Report:
    data = [
        [_month(c.month), c.closed_at, c.closed_by, c.accounts, c.acts, c.total_uah]
        for c in uow.session.execute(select(Closing).order_by(Closing.month)).scalars()
    ]
    columns = (
        Column("Місяць", K.MONTH),
        Column("Закрито", K.DATETIME),
        Column("Ким", K.TEXT),
        Column("Рахунків", K.INTEGER, total=True),
        Column("Актів", K.INTEGER, total=True),
        Column("Сума актів, грн", K.MONEY, total=True),
    )
    return _report(uow, "Журнал закриття місяців", "", columns, data, "Закриття")


def reconciliation_report(
    uow: UnitOfWork, account_number: str, date_from: dt.date, date_to: dt.date
) -> Report:
    """The reconciliation statement as a sheet with the content of its PDF
    (exports/reconciliation_xlsx.py draws it)."""
    from backoffice.services.reconciliation import reconciliation_document

    return reconciliation_sheet(
        uow, reconciliation_document(uow, account_number, date_from, date_to)
    )


def reconciliation_sheet(uow: UnitOfWork, doc: ReconciliationDocument) -> Report:
    """A statement (an issued one, as issued) as a sheet with the content of its PDF."""
    from functools import partial

    from backoffice.exports.reconciliation_xlsx import draw_reconciliation

    title = f"Акт звірки взаєморозрахунків, особовий рахунок {doc.account_number}"
    if doc.number:
        title += f", № {doc.number}"
    report = _report(uow, title, _period(doc.period_from, doc.period_to), (), (), "Акт звірки")
    return dataclasses.replace(report, draw=partial(draw_reconciliation, doc))


def build_report(
    uow: UnitOfWork,
    name: str,
    *,
    date_from: dt.date,
    date_to: dt.date,
    today: dt.date,
    account: str | None = None,
    kind: str | None = None,
) -> Report:
    require(uow, Permission.EXPORT_REPORTS)
    builders: dict[str, Callable[[], Report]] = {
        "turnover": lambda: turnover_sheet(uow, date_from, date_to),
        "ledger": lambda: ledger_report(uow, date_from, date_to, account, kind),
        "acts": lambda: acts_register(uow, date_from, date_to),
        "invoices": lambda: invoices_register(uow, date_from, date_to, today),
        "debtors": lambda: debtors_report(uow, today),
        "revenue": lambda: revenue_report(uow, date_from, date_to),
        "unmatched": lambda: unmatched_report(uow),
        "rates": lambda: rates_report(uow, date_from, date_to),
        "closings": lambda: closings_report(uow),
        "reconciliation": lambda: _reconciliation(uow, account, date_from, date_to),
    }
    if name not in builders:
        raise InputError(f"report {name!r} is unknown; known reports: {', '.join(REPORTS)}")
    if REPORT_KINDS[name].needs_account and not account:
        raise InputError(f"the {name} report needs --account")
    return builders[name]()


def _reconciliation(
    uow: UnitOfWork, account: str | None, date_from: dt.date, date_to: dt.date
) -> Report:
    if not account:
        raise InputError("the reconciliation statement needs --account")
    return reconciliation_report(uow, account, date_from, date_to)

"""A believable demo data set: Ukrainian clients with valid codes and IBANs,
opening balances, some top-ups and 90 days of NBU rates.

Deterministic for a seed, so screenshots and tests see the same data.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from decimal import Decimal

from schwifty import IBAN
from sqlalchemy import func, insert, select
from stdnum.ua import edrpou as stdnum_edrpou
from stdnum.ua import rntrc as stdnum_rntrc

from backoffice.billing.catalog import parse_catalog
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, CatalogOption, Client, LedgerEntry, UsageRecord
from backoffice.domain import ClientKind, ClientRecord
from backoffice.errors import BackofficeError
from backoffice.money import from_minor
from backoffice.permissions import Permission, require
from backoffice.services import (
    audit,
    catalog,
    clients,
    daily,
    demo_statements,
    rates,
    settings,
    subscriptions,
)

RATE_DAYS = 90

# Bank codes (МФО) of real Ukrainian banks, present in schwifty's registry.
BANK_CODES = ("305299", "300465", "380805", "300335", "322001", "351005", "300528", "325365")

COMPANY = {
    "company.name": "ТОВ «Хмарні Бізнес Рішення»",
    "company.address": "04053, м. Київ, вул. Січових Стрільців, буд. 21, офіс 14",
    "company.bank": "АТ КБ «ПриватБанк»",
    "company.vat_payer": "true",
    "company.phone": "+380 44 228 15 40",
    "company.email": "billing@cloudbiz.com.ua",
    "company.director": "Коваленко Олена Миколаївна",
    "company.accountant": "Шевчук Ірина Петрівна",
    "company.city": "Київ",
}

FIRMS = [
    ("Агро", "agro"),
    ("Світанок", "svitanok"),
    ("Дніпро", "dnipro"),
    ("Карпати", "karpaty"),
    ("Полісся", "polissia"),
    ("Будмайстер", "budmaister"),
    ("Логістик", "logistyk"),
    ("Експрес", "express"),
    ("Фарма", "farma"),
    ("Техно", "tekhno"),
    ("Зерно", "zerno"),
    ("Медтех", "medtekh"),
    ("Укрпостач", "ukrpostach"),
    ("Енергія", "energiia"),
    ("Вектор", "vektor"),
    ("Галичина", "halychyna"),
    ("Слобожанщина", "slobozhanshchyna"),
    ("Торгсервіс", "torhservis"),
    ("Інвест", "invest"),
    ("Подільський Млин", "podilskyimlyn"),
]
FIRM_SUFFIX = [
    ("Трейд", "trade"),
    ("Груп", "group"),
    ("Плюс", "plus"),
    ("Сервіс", "servis"),
    ("Україна", "ukraina"),
    ("Постач", "postach"),
    ("Маркет", "market"),
]
FORMS = ["ТОВ", "ТОВ", "ТОВ", "ПП", "ПрАТ"]
SURNAMES = [
    ("Шевченко", "shevchenko"),
    ("Коваленко", "kovalenko"),
    ("Бондаренко", "bondarenko"),
    ("Ткаченко", "tkachenko"),
    ("Кравченко", "kravchenko"),
    ("Олійник", "oliinyk"),
    ("Мельник", "melnyk"),
    ("Поліщук", "polishchuk"),
    ("Лисенко", "lysenko"),
    ("Савченко", "savchenko"),
    ("Руденко", "rudenko"),
    ("Марченко", "marchenko"),
    ("Іваненко", "ivanenko"),
    ("Гончаренко", "honcharenko"),
    ("Мороз", "moroz"),
]
MEN = [
    ("Андрій", "Андрійович"),
    ("Олександр", "Олександрович"),
    ("Дмитро", "Дмитрович"),
    ("Тарас", "Тарасович"),
    ("Богдан", "Богданович"),
    ("Сергій", "Сергійович"),
]
WOMEN = [
    ("Олена", "Андріївна"),
    ("Наталія", "Олександрівна"),
    ("Ірина", "Дмитрівна"),
    ("Оксана", "Тарасівна"),
    ("Марія", "Богданівна"),
    ("Світлана", "Сергіївна"),
]
CITIES = [
    ("м. Київ", "01001"),
    ("м. Львів", "79000"),
    ("м. Харків", "61000"),
    ("м. Одеса", "65000"),
    ("м. Дніпро", "49000"),
    ("м. Вінниця", "21000"),
    ("м. Житомир", "10000"),
    ("м. Полтава", "36000"),
]
STREETS = [
    "вул. Шевченка",
    "вул. Франка",
    "просп. Незалежності",
    "вул. Грушевського",
    "вул. Садова",
    "вул. Лесі Українки",
    "вул. Соборна",
    "вул. Гетьмана Мазепи",
]


@dataclass(frozen=True)
class DemoResult:
    clients: int
    entries: int
    rates: int
    subscriptions: int = 0


DEMO_CATALOG = {
    "options": [
        {
            "code": "deliveries",
            "name": "Поставки",
            "unit": "поставка",
            "type": "metered",
            "unit_price": "0.50",
            "overage_multiplier": "2",
        },
        {
            "code": "edocs",
            "name": "Юридично значущі е-документи",
            "unit": "документ",
            "type": "metered",
            "unit_price": "0.20",
        },
        {
            "code": "users",
            "name": "Користувачі",
            "unit": "користувач",
            "type": "limit",
            "unit_price": "5.00",
        },
        {
            "code": "integration",
            "name": "Модуль інтеграції з 1С",
            "unit": "міс.",
            "type": "flat",
            "unit_price": "15.00",
        },
    ],
    "plans": [
        {
            "code": "start",
            "name": "Старт",
            "monthly_price": "29.00",
            "includes": {"deliveries": 100, "edocs": 50},
            "limits": {"users": 3},
            "period_discounts": {"1": "0", "3": "5", "6": "10", "12": "15"},
        },
        {
            "code": "business",
            "name": "Бізнес",
            "monthly_price": "99.00",
            "includes": {"deliveries": 500, "edocs": 300},
            "limits": {"users": 10},
            "period_discounts": {"1": "0", "3": "5", "6": "10", "12": "15"},
        },
        {
            "code": "corporate",
            "name": "Корпоративний",
            "monthly_price": "249.00",
            "includes": {"deliveries": 2000, "edocs": 1500},
            "limits": {"users": 50},
            "period_discounts": {"1": "0", "3": "5", "6": "10", "12": "15"},
        },
    ],
}


def make_demo(
    uow: UnitOfWork, *, client_count: int, today: dt.date, seed: int = 2026
) -> DemoResult:
    require(uow, Permission.LOAD_DEMO)
    existing = uow.session.execute(select(func.count()).select_from(Client)).scalar_one()
    if existing:
        raise BackofficeError(
            f"the database already has {existing} clients; demo fills an empty database"
        )
    if client_count < 1 or client_count > 200_000:
        raise BackofficeError("demo --clients must be between 1 and 200000")
    rng = random.Random(seed)
    _company(uow, rng)
    rate_count = _rates(uow, rng, today)
    records = [_client(rng, n) for n in range(1, client_count + 1)]
    start = today - dt.timedelta(days=RATE_DAYS)
    added = clients.add_clients(uow, records, start)
    numbers = [a.account_number for a in added]
    catalog.store_catalog(uow, parse_catalog(json.dumps(DEMO_CATALOG).encode(), "demo catalog"))
    subscribed = _subscriptions(uow, rng, numbers, start + dt.timedelta(days=1))
    _usage(uow, rng, numbers, start, today)
    planned = _planned_topups(rng, numbers, start, today)
    current = start + dt.timedelta(days=1)
    while current <= today:  # money arrives day by day, and each day is run after it
        demo_statements.import_day(uow, rng, current, planned.get(current, []))
        daily.run_daily(uow, current)  # with the invoice run on its day
        current += dt.timedelta(days=1)
    entries = uow.session.execute(select(func.count()).select_from(LedgerEntry)).scalar_one()
    audit.record(
        uow, "demo.fill", f"demo {seed}", None, {"clients": client_count, "entries": entries}
    )
    return DemoResult(client_count, int(entries), rate_count, subscribed)


def _company(uow: UnitOfWork, rng: random.Random) -> None:
    for key, value in COMPANY.items():
        settings.set_setting(uow, key, value)
    settings.set_setting(uow, "company.edrpou", _edrpou(rng))
    settings.set_setting(uow, "company.iban", _iban(rng, "305299"))
    settings.set_setting(uow, "company.ipn", f"{rng.randint(10**11, 10**12 - 1)}")


def _rates(uow: UnitOfWork, rng: random.Random, today: dt.date) -> int:
    # A random walk in ten-thousandths, around the level of late 2026.
    eur, usd = 485123, 415870
    count = 0
    for back in range(RATE_DAYS, -1, -1):
        day = today - dt.timedelta(days=back)
        eur += rng.randint(-1500, 1500)
        usd += rng.randint(-1100, 1100)
        rates.set_rate(uow, day, "EUR", from_minor(eur, 4), source="demo")
        rates.set_rate(uow, day, "USD", from_minor(usd, 4), source="demo")
        count += 2
    return count


def _client(rng: random.Random, n: int) -> ClientRecord:
    roll = rng.random()
    city, postcode = rng.choice(CITIES)
    address = f"{postcode}, {city}, {rng.choice(STREETS)}, буд. {rng.randint(1, 120)}"
    opening = None
    if rng.random() < 0.7:
        opening = from_minor(rng.randint(50_000, 3_000_000), 2)
    contract = (f"Д-{2025 + n % 2}/{n:05d}", dt.date(2025 + n % 2, 1 + n % 12, 1 + n % 28))
    if roll < 0.5:
        (word, latin), (suffix, latin2) = rng.choice(FIRMS), rng.choice(FIRM_SUFFIX)
        form = rng.choice(FORMS)
        vat = rng.random() < 0.6
        code = _edrpou(rng)
        return ClientRecord(
            kind=ClientKind.LEGAL,
            name=f"{_long_form(form)} «{word} {suffix}»",
            short_name=f"{form} «{word} {suffix}»",
            edrpou=code,
            vat_payer=vat,
            ipn=code[:7] + f"{rng.randint(10000, 99999)}" if vat else None,
            address=address,
            ibans=(_iban(rng, rng.choice(BANK_CODES)),),
            emails=(f"buh@{latin}-{latin2}.com.ua",),
            contract_no=contract[0],
            contract_date=contract[1],
            manager=rng.choice(["Петренко О.", "Гнатюк Л.", "Сидоренко В."]),
            opening_balance=opening,
        )
    surname, latin = rng.choice(SURNAMES)
    if rng.random() < 0.5:
        first, patronymic = rng.choice(MEN)
    else:
        # -енко, -ук, -ник and Мороз are the same for women
        first, patronymic = rng.choice(WOMEN)
    person = f"{surname} {first} {patronymic}"
    sole = roll < 0.8
    return ClientRecord(
        kind=ClientKind.SOLE if sole else ClientKind.INDIVIDUAL,
        name=f"ФОП {person}" if sole else person,
        short_name=f"ФОП {surname} {first[0]}.{patronymic[0]}." if sole else "",
        rnokpp=_rnokpp(rng),
        address=address,
        ibans=(_iban(rng, rng.choice(BANK_CODES)),) if sole else (),
        emails=(f"{latin}.{n}@ukr.net",),
        contract_no=contract[0],
        contract_date=contract[1],
        opening_balance=opening,
    )


def _planned_topups(
    rng: random.Random, numbers: list[str], start: dt.date, today: dt.date
) -> dict[dt.date, list[tuple[str, Decimal]]]:
    planned: dict[dt.date, list[tuple[str, Decimal]]] = {}
    span = (today - start).days
    for number in numbers:
        for _ in range(rng.randint(0, 3)):
            day = start + dt.timedelta(days=rng.randint(1, span))
            amount = Decimal(rng.choice([1500, 2500, 5000, 7500, 12000, 25000]))
            planned.setdefault(day, []).append((number, amount.quantize(Decimal("0.01"))))
    return planned


def _subscriptions(uow: UnitOfWork, rng: random.Random, numbers: list[str], day: dt.date) -> int:
    """Two clients in three buy a plan; some cannot pay yet and stay pending."""
    count = 0
    for number in numbers:
        if rng.random() > 0.67:
            continue
        plan = rng.choices(["start", "business", "corporate"], weights=[5, 4, 1])[0]
        options = [("integration", 1)] if rng.random() < 0.2 else []
        months = rng.choices([1, 3, 12], weights=[8, 1, 1])[0]
        subscriptions.subscribe(uow, number, plan, options, months, rng.random() < 0.9, day)
        count += 1
    return count


def _usage(
    uow: UnitOfWork, rng: random.Random, numbers: list[str], start: dt.date, today: dt.date
) -> None:
    """A quarter of the clients report deliveries weekly, and their users."""
    ids = dict(
        uow.session.execute(
            select(Account.number, Account.id).where(Account.number.in_(numbers))
        ).all()
    )
    options = dict(uow.session.execute(select(CatalogOption.code, CatalogOption.id)).all())
    rows = []
    for number in rng.sample(numbers, k=max(1, len(numbers) // 4)):
        per_day = rng.randint(1, 12)
        for offset in range(0, (today - start).days, 7):
            rows.append(
                _usage_row(
                    ids[number],
                    options["deliveries"],
                    start + dt.timedelta(days=offset + 1),
                    per_day * 7,
                )
            )
        rows.append(_usage_row(ids[number], options["users"], start, rng.randint(1, 4)))
    uow.session.execute(insert(UsageRecord), rows)


def _usage_row(account_id: int, option_id: int, day: dt.date, quantity: int) -> dict[str, object]:
    return {
        "account_id": account_id,
        "option_id": option_id,
        "day": day,
        "quantity": quantity,
        "source": "demo",
        "created_at": audit.now(),
    }


def _long_form(form: str) -> str:
    return {
        "ТОВ": "Товариство з обмеженою відповідальністю",
        "ПП": "Приватне підприємство",
        "ПрАТ": "Приватне акціонерне товариство",
    }[form]


def _edrpou(rng: random.Random) -> str:
    body = f"{rng.randint(1_000_000, 4_499_999):07d}"
    return body + stdnum_edrpou.calc_check_digit(body)


def _rnokpp(rng: random.Random) -> str:
    body = f"{rng.randint(200_000_000, 399_999_999):09d}"
    return body + stdnum_rntrc.calc_check_digit(body)


def _iban(rng: random.Random, bank_code: str) -> str:
    account = f"2600{rng.randint(10**10, 10**11 - 1)}"[:14].ljust(14, "0")
    return IBAN.generate("UA", bank_code=bank_code, account_code=account.zfill(19)).compact

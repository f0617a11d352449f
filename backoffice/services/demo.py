"""A believable demo data set: Ukrainian clients with valid codes and IBANs,
opening balances, some top-ups and 90 days of NBU rates.

Deterministic for a seed, so screenshots and tests see the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from schwifty import IBAN
from sqlalchemy import func, select
from stdnum.ua import edrpou as stdnum_edrpou
from stdnum.ua import rntrc as stdnum_rntrc

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Client
from backoffice.domain import ClientKind, ClientRecord, EntryDraft, EntryKind
from backoffice.errors import BackofficeError
from backoffice.money import from_minor
from backoffice.services import clients, ledger, rates, settings

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


def make_demo(
    uow: UnitOfWork, *, client_count: int, today: dt.date, seed: int = 2026
) -> DemoResult:
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
    entries = sum(1 for r in records if r.opening_balance)
    entries += _topups(uow, rng, [a.account_number for a in added], start, today)
    return DemoResult(client_count, entries, rate_count)


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


def _topups(
    uow: UnitOfWork, rng: random.Random, accounts: list[str], start: dt.date, today: dt.date
) -> int:
    ids = dict(
        uow.session.execute(
            select(Account.number, Account.id).where(Account.number.in_(accounts))
        ).all()
    )
    drafts = []
    span = (today - start).days
    for number in accounts:
        for _ in range(rng.randint(0, 3)):
            day = start + dt.timedelta(days=rng.randint(1, span))
            amount = Decimal(rng.choice([1500, 2500, 5000, 7500, 12000, 25000]))
            drafts.append(
                EntryDraft(
                    ids[number],
                    day,
                    EntryKind.TOPUP_BANK,
                    amount.quantize(Decimal("0.01")),
                    f"Оплата за послуги платформи, о/р {number}",
                )
            )
    drafts.sort(key=lambda d: d.business_date)
    ledger.post_entries(uow, drafts)
    return len(drafts)


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

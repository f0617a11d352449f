"""Demo bank statements: each day's payments as the 1C file a bank would send.

The demo posts its money through the same statement import accountants use,
so the demo database shows batches, matched lines, learned IBANs, paid
invoices and a few payments in the unmatched queue.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Client, ClientIban, Invoice
from backoffice.services import settings, statements


@dataclass(frozen=True)
class BankPayment:
    amount: Decimal
    payer: str
    payer_code: str
    payer_iban: str
    purpose: str
    number: str


def onec_statement(account: str, day: dt.date, payments: list[BankPayment]) -> bytes:
    """A 1C ClientBankExchange 1.03 statement of incoming payments, windows-1251."""
    total = sum((p.amount for p in payments), Decimal("0.00"))
    date = f"{day:%d.%m.%Y}"
    lines = [
        "1CClientBankExchange",
        "ВерсияФормата=1.03",
        "Кодировка=Windows",
        "Отправитель=Демо-банк",
        f"ДатаНачала={date}",
        f"ДатаКонца={date}",
        f"РасчСчет={account}",
        "СекцияРасчСчет",
        f"ДатаНачала={date}",
        f"ДатаКонца={date}",
        f"РасчСчет={account}",
        "НачальныйОстаток=0.00",
        f"ВсегоПоступило={total}",
        "ВсегоСписано=0.00",
        f"КонечныйОстаток={total}",
        "КонецРасчСчет",
    ]
    for p in payments:
        lines += [
            "СекцияДокумент=Платіжне доручення",
            f"Номер={p.number}",
            f"Дата={date}",
            f"Сумма={p.amount}",
            f"ПлательщикСчет={p.payer_iban}",
            f"ПлательщикОКПО={p.payer_code}",
            f"Плательщик1={p.payer}",
            f"ПолучательСчет={account}",
            f"НазначениеПлатежа={p.purpose}",
            "КонецДокумента",
        ]
    lines.append("КонецФайла")
    return ("\r\n".join(lines) + "\r\n").encode("cp1251")


def import_day(
    uow: UnitOfWork,
    rng: random.Random,
    day: dt.date,
    planned: list[tuple[str, Decimal]],
) -> statements.ImportResult | None:
    """The day's statement: the planned payments, each naming the payer's
    open invoice, its account, or only its code; now and then a stranger's
    payment that nothing matches."""
    if not planned:
        return None
    our_iban = settings.get_setting(uow, "company.iban")
    numbers = [number for number, _ in planned]
    payers = {
        number: (short or name, edrpou or rnokpp or "", iban or "")
        for number, short, name, edrpou, rnokpp, iban in uow.session.execute(
            select(
                Account.number,
                Client.short_name,
                Client.name,
                Client.edrpou,
                Client.rnokpp,
                ClientIban.iban,
            )
            .join(Client, Client.id == Account.client_id)
            .outerjoin(ClientIban, ClientIban.client_id == Client.id)
            .where(Account.number.in_(numbers))
        ).all()
    }
    open_invoices = dict(
        uow.session.execute(
            select(Account.number, Invoice.number)
            .join(Account, Account.id == Invoice.account_id)
            .where(Account.number.in_(numbers), Invoice.status.in_(("issued", "partially_paid")))
        ).all()
    )
    payments = []
    for i, (number, amount) in enumerate(planned, 1):
        name, code, iban = payers[number]
        invoice = open_invoices.get(number)
        roll = rng.random()
        if invoice and roll < 0.8:
            purpose = f"Оплата за рахунком № {invoice}, без ПДВ"
        elif roll < 0.6:
            purpose = f"Оплата за послуги платформи, о/р {number}, без ПДВ"
        else:
            purpose = "Оплата за інформаційні послуги згідно договору, без ПДВ"
        payments.append(BankPayment(amount, name, code, iban, purpose, f"{day:%j}{i:04d}"))
    if rng.random() < 0.15:
        payments.append(
            BankPayment(
                Decimal(rng.choice([700, 1200, 3000])).quantize(Decimal("0.01")),
                "ФОП Невідомий Платник",
                "",
                "UA573052990000026000000000999",
                "Поповнення рахунку",
                f"{day:%j}9999",
            )
        )
    data = onec_statement(our_iban, day, payments)
    return statements.import_statement_bytes(uow, data, f"demo-{day:%Y%m%d}.txt", "1c", day)

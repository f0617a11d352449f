"""Bank statements end to end (SPEC §8): import → match → post → settle → undo.

Each test writes a 1C ClientBankExchange file (the format most Ukrainian
banks export) as text, imports it, and asserts balances, entries and invoices.
Rate 48.5123, markup 3%: the business plan costs 4996.77 UAH.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import ClientIban
from backoffice.domain import ClientKind, ClientRecord
from backoffice.errors import BackofficeError, InputError
from backoffice.services import clients, invoices, ledger, settings, statements
from tests.conftest import snapshot
from tests.helpers import EDRPOU_A, EDRPOU_B, IBAN_PRIVAT, RNOKPP_A, D, add_legal, day
from tests.test_billing import setup_billing, state, subscribe

Factory = Callable[..., UnitOfWork]
OUR_IBAN = "UA213223130000026007233566001"
PAYER_IBAN_2 = "UA903052990000026004011111111"


@dataclass(frozen=True)
class Payment:
    amount: str
    purpose: str
    payer_code: str = ""
    payer_iban: str = IBAN_PRIVAT
    number: str = "1"
    date: str = "12.11.2026"
    payer: str = "ТОВ Платник"
    incoming: bool = True


def onec(*payments: Payment, account: str = OUR_IBAN) -> bytes:
    """A 1C ClientBankExchange statement of `account`, windows-1251."""
    incoming = sum((D(p.amount) for p in payments if p.incoming), D("0.00"))
    outgoing = sum((D(p.amount) for p in payments if not p.incoming), D("0.00"))
    lines = [
        "1CClientBankExchange",
        "ВерсияФормата=1.03",
        "Кодировка=Windows",
        "ДатаНачала=12.11.2026",
        "ДатаКонца=12.11.2026",
        f"РасчСчет={account}",
        "СекцияРасчСчет",
        "ДатаНачала=12.11.2026",
        "ДатаКонца=12.11.2026",
        f"РасчСчет={account}",
        "НачальныйОстаток=0.00",
        f"ВсегоПоступило={incoming}",
        f"ВсегоСписано={outgoing}",
        f"КонечныйОстаток={incoming - outgoing}",
        "КонецРасчСчет",
    ]
    for p in payments:
        payer_account, payee_account = (
            (p.payer_iban, account) if p.incoming else (account, p.payer_iban)
        )
        lines += [
            "СекцияДокумент=Платежное поручение",
            f"Номер={p.number}",
            f"Дата={p.date}",
            f"Сумма={p.amount}",
            f"ПлательщикСчет={payer_account}",
            f"ПлательщикОКПО={p.payer_code if p.incoming else EDRPOU_A}",
            f"Плательщик1={p.payer if p.incoming else 'ТОВ Хмарні рішення'}",
            f"ПолучательСчет={payee_account}",
            f"ПолучательОКПО={EDRPOU_A if p.incoming else p.payer_code}",
            f"Получатель1={'ТОВ Хмарні рішення' if p.incoming else p.payer}",
            f"НазначениеПлатежа={p.purpose}",
            "КонецДокумента",
        ]
    lines.append("КонецФайла")
    return ("\r\n".join(lines) + "\r\n").encode("cp1251")


def configure(new_uow: Factory) -> None:
    setup_billing(new_uow)
    with new_uow() as uow:
        for key, value in (
            ("company.name", "ТОВ «Хмарні рішення»"),
            ("company.edrpou", "37193071"),
            ("company.iban", OUR_IBAN),
            ("company.bank", "АТ «Універсал Банк»"),
            ("company.address", "м. Київ, вул. Хрещатик, 1"),
            ("company.director", "Коваленко І. П."),
        ):
            settings.set_setting(uow, key, value)
        uow.commit()


def load(
    new_uow: Factory, data: bytes, name: str = "st.txt", on: str = "2026-11-12"
) -> statements.ImportResult:
    with new_uow() as uow:
        result = statements.import_statement_bytes(uow, data, name, "auto", day(on))
        uow.commit()
    return result


def counts(result: statements.ImportResult) -> tuple[int, int, int, int, int]:
    return result.new, result.duplicate, result.skipped, result.matched, result.unmatched


def balance(new_uow: Factory, number: str) -> Decimal:
    return state(new_uow, number)[0]


def test_payment_naming_its_invoice_activates_and_pays_it(uow_factory: Factory) -> None:
    configure(uow_factory)
    number = add_legal(uow_factory, edrpou=EDRPOU_B)
    view = subscribe(uow_factory, number, on="2026-11-10")
    with uow_factory() as uow:
        invoice = invoices.issue_purchase_invoice(uow, view.id, day("2026-11-10")).number
        uow.commit()
    assert invoice == "РФ-2026-000001"

    paid = onec(Payment("5000.00", "Оплата по рах. PФ 2026 000001 без ПДВ", payer_code="00000000"))
    result = load(uow_factory, paid)
    assert counts(result) == (1, 0, 0, 1, 0)
    assert result.posted_total == D("5000.00")
    # 5000.00 top-up − 4996.77 activation
    assert state(uow_factory, number) == (D("3.23"), "active", None, "active")
    with uow_factory(read_only=True) as uow:
        assert invoices.show_invoice(uow, invoice, day("2026-11-12")).status == "paid"
        kinds = [str(e.kind) for e in ledger.account_entries(uow, number)]
    assert kinds == ["topup_bank", "debit_activation"]

    again = load(uow_factory, paid)
    assert counts(again) == (0, 1, 0, 0, 0)
    assert again.batch is None
    assert balance(uow_factory, number) == D("3.23")


def test_matching_by_account_number_code_and_learned_iban(uow_factory: Factory) -> None:
    configure(uow_factory)
    by_account = add_legal(uow_factory, edrpou=EDRPOU_B, name="ТОВ «Перший»")
    with uow_factory() as uow:
        person = clients.add_client(
            uow,
            ClientRecord(kind=ClientKind.INDIVIDUAL, name="Петренко Іван", rnokpp=RNOKPP_A),
            day("2026-11-01"),
        ).account_number
        uow.commit()
    result = load(
        uow_factory,
        onec(
            Payment(
                "100.00",
                f"Поповнення о/р {by_account.lower()}",
                payer_code="00000000",
                payer_iban=PAYER_IBAN_2,
                number="1",
            ),
            Payment(
                "200.00",
                "Оплата послуг",
                payer_code=RNOKPP_A,
                payer_iban="UA283052990000026001000000001",
                number="2",
            ),
            Payment(
                "300.00",
                "Оплата послуг",
                payer_code="12345678",
                payer_iban="UA413052990000026002000000002",
                number="3",
            ),
        ),
    )
    assert counts(result) == (3, 0, 0, 2, 1)
    assert balance(uow_factory, by_account) == D("100.00")
    assert balance(uow_factory, person) == D("200.00")

    # the account-number match taught the payer's IBAN: the next payment from it matches
    later = load(
        uow_factory,
        onec(Payment("50.00", "Оплата", payer_iban=PAYER_IBAN_2, number="4", date="13.11.2026")),
        name="st2.txt",
    )
    assert counts(later) == (1, 0, 0, 1, 0)
    assert balance(uow_factory, by_account) == D("150.00")


def test_two_candidates_stay_unmatched_with_both_named(uow_factory: Factory) -> None:
    configure(uow_factory)
    first = add_legal(uow_factory, edrpou=EDRPOU_B, name="ТОВ «Перший»")
    second = add_legal(uow_factory, edrpou=EDRPOU_A, name="ТОВ «Другий»")
    result = load(uow_factory, onec(Payment("10.00", f"Оплата {first} та {second}")))
    assert counts(result) == (1, 0, 0, 0, 1)
    with uow_factory(read_only=True) as uow:
        [line] = statements.list_unmatched(uow)
    assert set(line.candidates) == {first, second}
    assert balance(uow_factory, first) == balance(uow_factory, second) == D("0.00")


def test_the_unmatched_queue_filters_and_sorts_in_the_database(uow_factory: Factory) -> None:
    configure(uow_factory)
    data = onec(
        Payment("30.00", "За послуги згідно ДОГОВОРУ 7", number="1", payer="ТОВ Альфа"),
        Payment("10.00", "Поповнення 100%_бонус", number="2", payer="ФОП Бета", date="11.11.2026"),
        Payment("20.00", "Оплата", number="3", payer="пп Гамма", payer_iban=PAYER_IBAN_2),
    )
    assert counts(load(uow_factory, data, name="Виписка.txt")) == (3, 0, 0, 0, 3)
    first = add_legal(uow_factory, edrpou=EDRPOU_B, name="ТОВ «Перший»")
    second = add_legal(uow_factory, edrpou=EDRPOU_A, name="ТОВ «Другий»")
    data = onec(Payment("40.00", f"Оплата {first} та {second}", number="4", payer="ТОВ Дельта"))
    assert counts(load(uow_factory, data, name="Виписка.txt")) == (1, 0, 0, 0, 1)

    def payers(**fields) -> list[str]:  # type: ignore[no-untyped-def]
        with uow_factory(read_only=True) as uow:
            query = statements.UnmatchedQuery(**fields)
            return [u.payer for u in statements.find_unmatched(uow, query)]

    # oldest payment first; then by line within a day
    assert payers() == ["ФОП Бета", "ТОВ Альфа", "пп Гамма", "ТОВ Дельта"]
    assert payers(sort="amount", descending=True)[:2] == ["ТОВ Дельта", "ТОВ Альфа"]
    assert payers(sort="amount", offset=1, limit=1) == ["пп Гамма"]
    # words sort as people sort them, case aside
    assert payers(sort="payer") == ["пп Гамма", "ТОВ Альфа", "ТОВ Дельта", "ФОП Бета"]
    # the same file name twice: each batch's lines together, in file order
    assert payers(sort="file") == ["ТОВ Альфа", "ФОП Бета", "пп Гамма", "ТОВ Дельта"]
    assert payers(text="договору") == ["ТОВ Альфа"]  # the purpose, Cyrillic case aside
    assert payers(text="ГАММА") == ["пп Гамма"]
    assert payers(text=PAYER_IBAN_2.lower()) == ["пп Гамма"]
    assert payers(text="%_б") == ["ФОП Бета"]  # % and _ are characters, not wildcards
    assert len(payers(text="виписка")) == 4  # the file's name
    assert payers(text="20,00") == ["пп Гамма"]  # an amount as the list shows it
    assert payers(text="11.11.2026") == ["ФОП Бета"]  # a date as the list shows it
    assert payers(text=second.lower()) == ["ТОВ Дельта"]  # a candidate account
    assert payers(text="омега") == []

    with uow_factory(read_only=True) as uow:
        totals = statements.unmatched_totals(uow, statements.UnmatchedQuery(text="а"))
        assert totals == statements.UnmatchedTotals(4, D("100.00"))
        none = statements.unmatched_totals(uow, statements.UnmatchedQuery(text="омега"))
        assert none == statements.UnmatchedTotals(0, D("0.00"))
        with pytest.raises(InputError, match="cannot sort by 'colour'"):
            statements.find_unmatched(uow, statements.UnmatchedQuery(sort="colour"))


def test_assign_posts_teaches_the_iban_and_can_be_undone(uow_factory: Factory) -> None:
    configure(uow_factory)
    number = add_legal(uow_factory, edrpou=EDRPOU_B)
    load(uow_factory, onec(Payment("700.00", "За послуги", payer_iban=PAYER_IBAN_2)))
    with uow_factory(read_only=True) as uow:
        [line] = statements.list_unmatched(uow)
    with uow_factory() as uow:
        statements.assign_line(uow, line.id, number, day("2026-11-12"))
        uow.commit()
    assert balance(uow_factory, number) == D("700.00")
    with uow_factory(read_only=True) as uow:
        assert statements.list_unmatched(uow) == []
        learned = uow.session.execute(
            select(ClientIban.learned).where(ClientIban.iban == PAYER_IBAN_2)
        ).scalar_one()
    assert learned is True

    # a wrong assignment: reversed, back in the queue, assigned again
    with uow_factory() as uow:
        statements.unassign_line(uow, line.id, day("2026-11-13"), "не той клієнт")
        uow.commit()
    assert balance(uow_factory, number) == D("0.00")
    with uow_factory() as uow:
        assert [u.id for u in statements.list_unmatched(uow)] == [line.id]
        statements.assign_line(uow, line.id, number, day("2026-11-13"))
        uow.commit()
    assert balance(uow_factory, number) == D("700.00")


def test_overlapping_file_adds_only_new_lines_and_identical_twins_both_count(
    uow_factory: Factory,
) -> None:
    configure(uow_factory)
    number = add_legal(uow_factory, edrpou=EDRPOU_B)
    twin = Payment("100.00", f"Поповнення {number}", number="7")
    first = load(uow_factory, onec(twin, twin))
    assert counts(first) == (2, 0, 0, 2, 0)
    overlapping = onec(twin, twin, Payment("40.00", f"Поповнення {number}", number="8"))
    second = load(uow_factory, overlapping, name="st-overlap.txt")
    assert counts(second) == (1, 2, 0, 1, 0)
    assert balance(uow_factory, number) == D("240.00")


def test_debits_and_own_transfers_are_skipped(uow_factory: Factory) -> None:
    configure(uow_factory)
    number = add_legal(uow_factory, edrpou=EDRPOU_B)
    result = load(
        uow_factory,
        onec(
            Payment("100.00", f"Поповнення {number}", number="1"),
            Payment("55.00", "Оплата оренди", payer_code=EDRPOU_B, incoming=False, number="2"),
            Payment(
                "900.00",
                "Переказ власних коштів",
                payer_code="37193071",
                payer_iban="UA153052990000026003000000003",
                number="3",
            ),
        ),
    )
    assert counts(result) == (3, 0, 2, 1, 0)
    assert balance(uow_factory, number) == D("100.00")


def test_undo_reverses_the_batch_and_frees_its_lines(uow_factory: Factory) -> None:
    configure(uow_factory)
    number = add_legal(uow_factory, edrpou=EDRPOU_B)
    data = onec(Payment("300.00", f"Поповнення {number}"))
    batch = load(uow_factory, data).batch
    assert batch is not None
    with uow_factory() as uow:
        assert statements.undo_batch(uow, batch, day("2026-11-14"), "не та виписка") == 1
        uow.commit()
    assert balance(uow_factory, number) == D("0.00")
    with uow_factory(read_only=True) as uow:
        entries = [(str(e.kind), e.amount) for e in ledger.account_entries(uow, number)]
        view = clients.show_account(uow, number)
    assert entries == [("topup_bank", D("300.00")), ("reversal", D("-300.00"))]
    assert view.last_topup_date is None
    with uow_factory() as uow, pytest.raises(BackofficeError, match="was undone"):
        statements.undo_batch(uow, batch, day("2026-11-14"), "ще раз")
    # the freed lines come in again
    assert counts(load(uow_factory, data)) == (1, 0, 0, 1, 0)
    assert balance(uow_factory, number) == D("300.00")


def test_statement_of_a_foreign_account_is_refused_and_changes_nothing(
    engine: Engine, uow_factory: Factory
) -> None:
    configure(uow_factory)
    add_legal(uow_factory, edrpou=EDRPOU_B)
    before = snapshot(engine)
    foreign = "UA553052990000026009999999999"
    with pytest.raises(InputError, match=foreign):
        load(uow_factory, onec(Payment("1.00", "x"), account=foreign))
    assert snapshot(engine) == before


def test_broken_file_imports_nothing(engine: Engine, uow_factory: Factory) -> None:
    configure(uow_factory)
    add_legal(uow_factory, edrpou=EDRPOU_B)
    before = snapshot(engine)
    truncated = onec(Payment("1.00", "x")).split("КонецДокумента".encode("cp1251"))[0]
    with pytest.raises(InputError, match=r"st\.txt"):
        load(uow_factory, truncated)
    assert snapshot(engine) == before


def test_import_needs_our_accounts_set(uow_factory: Factory) -> None:
    setup_billing(uow_factory)
    with pytest.raises(BackofficeError, match=r"company\.iban"):
        load(uow_factory, onec(Payment("1.00", "x")))

"""Render every document kind in its telling cases to PNG, for looking at.

    .venv/bin/python tools/document_samples.py [OUT_FOLDER]   (default docs/documents)

Cases: an invoice of one line (VAT payer, legal entity), a cancelled invoice,
a 3-month invoice of a company that is not a VAT payer to a sole proprietor,
an act of many lines with overage to an individual, and an invoice and an act
with 300-character names and word-less strings (the longest values allowed).
Each PDF becomes `NAME.png` (first page, 60 dpi, 16 colours) with `pdftoppm`.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from backoffice.documents.act_pdf import render_act
from backoffice.documents.invoice_pdf import render_invoice
from backoffice.documents.records import ActDocument, DocumentLine, InvoiceDocument, Party
from backoffice.documents.snapshot import canonical, read
from backoffice.money import eur_to_uah

D = Decimal
RATE, MARKUP = D("45.1234"), D("3")
SUPPLIER = Party(
    name="ТОВ «Хмарні рішення»",
    code="41234567",
    iban="UA213223130000026007233566001",
    bank="АТ КБ «ПриватБанк»",
    address="01001, м. Київ, вул. Хрещатик, 22, оф. 5",
    vat_payer=True,
    ipn="412345626590",
    phone="+380 44 123 45 67",
    email="billing@cloud.ua",
    signer_name="Коваленко І. П.",
    accountant_name="Шевчук О. В.",
)
LEGAL = Party(
    name="ТОВ «Агро-Логістик Південь»",
    code="38765432",
    iban="UA903052992990004149123456789",
    address="65012, м. Одеса, вул. Преображенська, 10",
    kind="legal",
)
SOLE = Party(
    name="ФОП Петренко Олена Іванівна",
    code="3012345678",
    code_label="РНОКПП",
    address="79000, м. Львів, вул. Городоцька, 5",
    signer_title="ФОП",
    signer_name="Петренко О. І.",
    kind="sole",
)
INDIVIDUAL = Party(
    name="Бондаренко Андрій Миколайович",
    code="",
    code_label="РНОКПП",
    signer_title="",
    signer_name="Бондаренко А. М.",
    legal_entity=False,
    kind="individual",
)


def _line(n: int, service: str, eur: str, qty: int = 1, unit: str = "послуга") -> DocumentLine:
    unit_uah = eur_to_uah(D(eur), RATE, MARKUP)
    return DocumentLine(n, service, unit, D(qty), unit_uah, unit_uah * qty, D(eur), RATE, MARKUP)


def invoice(buyer: Party = LEGAL, lines: list[DocumentLine] | None = None) -> InvoiceDocument:
    lines = lines or [_line(1, "Тарифний план «Бізнес», січень 2027", "100.00")]
    total = sum((x.total for x in lines), D("0.00"))
    return InvoiceDocument(
        number="РФ-2026-000124",
        date=dt.date(2026, 12, 21),
        due_date=dt.date(2026, 12, 31),
        place="м. Київ",
        supplier=SUPPLIER,
        buyer=buyer,
        contract="№ 12/2026 від 01.02.2026",
        account_number="2600001",
        kind="renewal",
        period="2027-01",
        lines=lines,
        total=total,
        payment_purpose="Оплата за рахунком № РФ-2026-000124, особовий рахунок 2600001",
        rate_note="Списання з особового рахунку виконується за курсом НБУ на день списання.",
        suggested_amount=(total * D("1.03")).quantize(D("0.01")),
        eur_total=sum((x.eur * x.quantity for x in lines if x.eur), D("0.00")),
        nbu_rate=RATE,
        markup_percent=MARKUP,
    )


def act(buyer: Party = INDIVIDUAL, count: int = 30) -> ActDocument:
    lines = [
        replace(
            _line(i, f"Тарифний план «Бізнес», щоденне списання {i}", "3.20"),
            date=dt.date(2026, 11, min(i, 30)),
        )
        for i in range(1, count)
    ]
    over = eur_to_uah(D("68.00"), RATE, MARKUP)
    lines.append(
        DocumentLine(
            count,
            "Понад ліміт: Поставки, 68 поставок понад включені, 0,50 EUR × 2",
            "поставка",
            D(68),
            (over / 68).quantize(D("0.01")),
            over,
            D("1.00"),
            RATE,
            MARKUP,
            dt.date(2026, 11, 30),
        )
    )
    return ActDocument(
        number="АКТ-2026-000195",
        date=dt.date(2026, 11, 30),
        month="2026-11",
        place="м. Київ",
        supplier=SUPPLIER,
        buyer=buyer,
        contract="",
        account_number="2600002",
        lines=lines,
        total=sum((x.total for x in lines), D("0.00")),
    )


def split_period_act() -> ActDocument:
    """October's act of a 3-month tariff bought on 10.09 for 01.09–30.11 (91
    days, 285,00 EUR, 14 240,79 грн): the month's portion with its own days
    and the debit's whole cost, beside a whole debit of the month."""
    portion = DocumentLine(
        1,
        "Тариф «Бізнес» за 01.09.2026–30.11.2026 (вартість за 91 дн. 14 240,79 грн, "
        "285,00 EUR): за жовтень 2026 р., 31 з 91 дн.",
        "послуга",
        D(1),
        D("4851.26"),
        D("4851.26"),
        D("97.09"),
        D("48.5123"),
        MARKUP,
        dt.date(2026, 9, 10),
        dt.date(2026, 10, 1),
        dt.date(2026, 10, 31),
    )
    whole = replace(
        _line(2, "Опція «Користувачі», жовтень 2026", "5.00"), date=dt.date(2026, 10, 1)
    )
    return ActDocument(
        number="АКТ-2026-000034",
        date=dt.date(2026, 10, 31),
        month="2026-10",
        place="м. Київ",
        supplier=SUPPLIER,
        buyer=LEGAL,
        contract="№ 12/2026 від 01.02.2026",
        account_number="2600003",
        lines=[portion, whole],
        total=portion.total + whole.total,
    )


def long_names() -> tuple[InvoiceDocument, ActDocument]:
    """The longest values allowed: 300-character names, one of them without a space."""
    words = ("Товариство з обмеженою відповідальністю «Дуже Довга Назва " * 8)[:300]
    wordless = "Ш" * 300
    buyer = replace(LEGAL, name=words, address="А" * 500)
    us = replace(SUPPLIER, name=wordless, signer_name="Я" * 120, bank="Б" * 200)
    inv = invoice(buyer, [_line(1, "Х" * 300, "100.00"), _line(2, words, "5.00")])
    inv = replace(inv, supplier=us, contract="№ " + "7" * 60)
    return inv, replace(act(replace(SOLE, name=wordless, signer_name=wordless), 3), supplier=us)


def samples() -> dict[str, InvoiceDocument | ActDocument]:
    three_months = replace(
        invoice(
            SOLE,
            [
                _line(
                    1,
                    "Тарифний план «Бізнес», січень 2027, 3 міс. (знижка 5 % за оплату 3 міс.)",
                    "285.00",
                ),
                _line(2, "Опція «Користувачі»: 3 користувачі × 3 міс.", "5.00", 9, "користувач"),
            ],
        ),
        supplier=replace(SUPPLIER, vat_payer=False, ipn=""),
        period_to="2027-03",
    )
    long_invoice, long_act = long_names()
    return {
        "invoice_one_line": invoice(),
        "invoice_cancelled": replace(invoice(), cancelled=True),
        "invoice_sole_proprietor_no_vat_3_months": three_months,
        "act_individual_many_lines": act(INDIVIDUAL, 60),
        "act_sole_proprietor": act(SOLE, 4),
        "act_split_period": split_period_act(),
        "invoice_long_names": long_invoice,
        "act_long_names": long_act,
    }


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, doc in samples().items():
            doc = replace(
                read("invoice" if isinstance(doc, InvoiceDocument) else "act", canonical(doc)),
                cancelled=doc.cancelled,
            )
            pdf = Path(tmp) / f"{name}.pdf"
            (render_invoice if isinstance(doc, InvoiceDocument) else render_act)(doc, pdf)  # type: ignore[operator]
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    pdf,
                    out / name,
                ],
                check=True,
            )
            _shrink(out / f"{name}.png")
            print(out / f"{name}.png")


def _shrink(png: Path) -> None:
    """16 colours are plenty for a document's picture: a quarter of the bytes."""
    from PIL import Image

    Image.open(png).convert("RGB").quantize(colors=16).save(png, optimize=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/documents"))

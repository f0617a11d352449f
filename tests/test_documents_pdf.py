"""PDF documents: invoice, act, reconciliation statement, batches (SPEC §10, §11, §13).

Golden tests: the text `pdftotext -layout` reads back from a rendered PDF,
with runs of spaces collapsed, must contain the lines of
`tests/fixtures/documents/*.txt` in that order. Set BACKOFFICE_UPDATE_GOLDEN=1
to rewrite those files from the current output (then read the diff!).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import pytest

from backoffice.documents import batch, pdf_page
from backoffice.documents.act_pdf import act_bytes, render_act
from backoffice.documents.batch import file_name, render_batch, render_each
from backoffice.documents.invoice_pdf import invoice_bytes, render_invoice
from backoffice.documents.reconciliation_pdf import debt_statement, render_reconciliation
from backoffice.documents.records import (
    ActDocument,
    Document,
    DocumentLine,
    InvoiceDocument,
    Party,
    ReconciliationDocument,
    ReconciliationRow,
)
from backoffice.errors import BackofficeError
from backoffice.money import eur_to_uah

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdfinfo) not installed"
)

GOLDEN = Path(__file__).parent / "fixtures" / "documents"
D = Decimal

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
    signer_title="Директор",
    accountant_name="Шевчук О. В.",
)
BUYER = Party(
    name="ТОВ «Агро-Логістик Південь»",
    code="38765432",
    iban="UA903052992990004149123456789",
    bank="АТ «Ощадбанк»",
    address="65012, м. Одеса, вул. Преображенська, 10",
    signer_name="Мельник С. А.",
)
RATE, MARKUP = D("45.1234"), D("3")


def _line(
    n: int, service: str, qty: str, eur: str, rate: Decimal = RATE, day: dt.date | None = None
) -> DocumentLine:
    price = eur_to_uah(D(eur), rate, MARKUP)
    unit = "послуга" if qty == "1" else "шт."
    return DocumentLine(n, service, unit, D(qty), price, price * D(qty), D(eur), rate, MARKUP, day)


def make_invoice(**changes: object) -> InvoiceDocument:
    lines = [
        _line(1, "Тарифний пакет «Бізнес», грудень 2026", "1", "120.00"),
        _line(2, "Опція «Додаткові користувачі» (5 шт.)", "5", "4.00"),
        _line(3, "Опція «ЮЗД-операції», пакет 1 000", "1", "25.50"),
    ]
    total = sum((x.total for x in lines), D("0.00"))
    doc = InvoiceDocument(
        number="РФ-2026-000123",
        date=dt.date(2026, 12, 1),
        due_date=dt.date(2026, 12, 10),
        place="м. Київ",
        supplier=SUPPLIER,
        buyer=BUYER,
        contract="№ 12/2026 від 01.02.2026",
        account_number="2600001",
        kind="renewal",
        period="2026-12",
        lines=lines,
        total=total,
        payment_purpose=(
            "Оплата згідно рахунку № РФ-2026-000123, особовий рахунок 2600001, у т.ч. ПДВ"
        ),
        rate_note="Списання з особового рахунку виконується за курсом НБУ на дату списання + 3 %.",
        suggested_amount=D("7845.81"),
        eur_total=D("165.50"),
        nbu_rate=RATE,
        markup_percent=MARKUP,
    )
    return dataclasses.replace(doc, **changes)  # type: ignore[arg-type]


def make_act(n_lines: int = 6, **changes: object) -> ActDocument:
    specs = [
        (1, "Тарифний пакет «Бізнес», листопад 2026", "1", "120.00", D("44.9012")),
        (1, "Опція «Додаткові користувачі» (5 шт.)", "5", "4.00", D("44.9012")),
        (5, "Позалімітні ЮЗД-операції (подвійна вартість)", "37", "0.20", D("45.0110")),
        (12, "Позалімітні поставки (подвійна вартість)", "12", "0.50", D("45.2231")),
        (19, "Опція «Інтеграція з 1С/BAS»", "1", "15.00", D("45.1003")),
        (26, "Позалімітні ЮЗД-операції (подвійна вартість)", "8", "0.20", D("45.3120")),
    ]
    lines = []
    for i in range(n_lines):
        day, service, qty, eur, rate = specs[i % len(specs)]
        lines.append(_line(i + 1, service, qty, eur, rate, dt.date(2026, 11, day)))
    doc = ActDocument(
        number="АКТ-2026-000012",
        date=dt.date(2026, 11, 30),
        month="2026-11",
        place="м. Київ",
        supplier=SUPPLIER,
        buyer=BUYER,
        contract="№ 12/2026 від 01.02.2026",
        account_number="2600001",
        lines=lines,
        total=sum((x.total for x in lines), D("0.00")),
    )
    return dataclasses.replace(doc, **changes)  # type: ignore[arg-type]


def make_reconciliation(opening: str = "-1250.40", **changes: object) -> ReconciliationDocument:
    rows = [
        ReconciliationRow(dt.date(2026, 11, 3), "Платіжне доручення № 1187", credit=D("8000.00")),
        ReconciliationRow(dt.date(2026, 11, 10), "Бонус за рекомендацію", credit=D("500.00")),
        ReconciliationRow(dt.date(2026, 11, 30), "Акт № АКТ-2026-000012", debit=D("7868.65")),
    ]
    doc = ReconciliationDocument(
        supplier=SUPPLIER,
        buyer=BUYER,
        contract="№ 12/2026 від 01.02.2026",
        period_from=dt.date(2026, 11, 1),
        period_to=dt.date(2026, 11, 30),
        opening_balance=D(opening),
        rows=rows,
        closing_balance=D(opening) + D("7868.65") - D("8500.00"),
        place="м. Київ",
        account_number="2600001",
    )
    return dataclasses.replace(doc, **changes)  # type: ignore[arg-type]


# --- helpers --------------------------------------------------------------


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of the whole PDF, or of one page."""
    only = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", "-layout", *only, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.replace("\u00a0", " ")


def lines_of(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(re.findall(r"^(\w+):[ \t]*(.*)$", out.stdout, re.M))


def pages(path: Path) -> int:
    return int(pdf_info(path)["Pages"])


def titles_of(text: str) -> list[str]:
    """Each document's title up to its date, in the order printed."""
    starts = ("Рахунок на оплату №", "Акт надання послуг №", "Акт звірки взаєморозрахунків")
    return [x.split(" від ")[0] for x in lines_of(text) if x.startswith(starts)]


def assert_golden(name: str, path: Path) -> None:
    """Every line of the golden file occurs, in order, among the PDF's text lines."""
    actual = lines_of(pdf_text(path))
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("BACKOFFICE_UPDATE_GOLDEN"):
        golden.write_text("\n".join(actual) + "\n", encoding="utf-8")
    expected = [x for x in golden.read_text(encoding="utf-8").splitlines() if x.strip()]
    at = 0
    for want in expected:
        try:
            at = actual.index(want, at) + 1
        except ValueError:
            pytest.fail(
                f"{name}: line not found (in order): {want!r}\n--- got:\n" + "\n".join(actual)
            )


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- golden documents -----------------------------------------------------


def test_invoice_golden(tmp_path: Path) -> None:
    path = render_invoice(make_invoice(), tmp_path / "invoice.pdf")
    assert path == tmp_path / "invoice.pdf"
    assert_golden("invoice", path)
    assert pages(path) == 1
    assert "Сторінка" not in pdf_text(path)  # one page: no page numbers
    assert folder_listing(tmp_path) == ["invoice.pdf"]


def test_act_golden(tmp_path: Path) -> None:
    path = render_act(make_act(), tmp_path / "act.pdf")
    assert_golden("act", path)


def test_reconciliation_golden(tmp_path: Path) -> None:
    path = render_reconciliation(make_reconciliation(), tmp_path / "rec.pdf")
    assert_golden("reconciliation", path)


def test_invoice_of_a_supplier_without_vat(tmp_path: Path) -> None:
    supplier = dataclasses.replace(SUPPLIER, vat_payer=False, ipn="", accountant_name="")
    doc = make_invoice(supplier=supplier, payment_purpose="Оплата згідно рахунку № 1, без ПДВ")
    assert doc.vat is None
    text = " ".join(lines_of(pdf_text(render_invoice(doc, tmp_path / "i.pdf"))))
    assert "не є платником ПДВ" in text
    assert "Без ПДВ" in text and "Всього: 7 691,97" in text
    assert "без ПДВ." in text and "ПДВ 20 %" not in text
    assert "Головний бухгалтер" not in text


def test_vat_is_one_sixth_of_the_total_rounded_half_up() -> None:
    assert make_invoice(total=D("7691.97"), lines=[]).vat == D("1282.00")  # 1281.995
    assert make_invoice(total=D("100.00"), lines=[]).vat == D("16.67")


@pytest.mark.parametrize(
    ("opening", "statement"),
    [
        (
            "-1250.40",
            "Заборгованість на 30.11.2026 на користь Покупця (ТОВ «Агро-Логістик Південь») "
            "становить 1 881,75 грн (одна тисяча вісімсот вісімдесят одна гривня 75 копійок).",
        ),
        (
            "1000.00",
            "Заборгованість на 30.11.2026 на користь Постачальника (ТОВ «Хмарні рішення») "
            "становить 368,65 грн (триста шістдесят вісім гривень 65 копійок).",
        ),
        ("631.35", "Заборгованість на 30.11.2026 відсутня."),
    ],
)
def test_debt_statement_names_the_creditor(opening: str, statement: str) -> None:
    assert debt_statement(make_reconciliation(opening)).replace("\u00a0", " ") == statement


def test_reconciliation_that_does_not_add_up_is_refused(tmp_path: Path) -> None:
    doc = make_reconciliation(closing_balance=D("0.00"))
    with pytest.raises(BackofficeError, match="does not add up"):
        render_reconciliation(doc, tmp_path / "r.pdf")
    assert folder_listing(tmp_path) == []


# --- fonts and page layout --------------------------------------------------


def test_fonts_are_dejavu_and_embedded(tmp_path: Path) -> None:
    path = render_batch([make_invoice(), make_act(), make_reconciliation()], tmp_path / "b.pdf")
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]
    names = {row[0].split("+")[-1] for row in rows}
    assert names == {"DejaVuSans", "DejaVuSans-Bold"}, out.stdout
    for row in rows:
        emb = row[-5]  # columns: name type encoding emb sub uni object ID
        assert emb == "yes", out.stdout


def test_long_act_repeats_the_header_and_numbers_its_pages(tmp_path: Path) -> None:
    path = render_act(make_act(n_lines=70), tmp_path / "long.pdf")
    n = pages(path)
    assert n >= 2
    text = pdf_text(path)
    assert text.count("Найменування послуги") == n
    for page in range(1, n + 1):
        assert f"Сторінка {page} з {n}" in text
    assert "Дев'яносто три тисячі" in text


def test_bytes_api_returns_a_pdf() -> None:
    assert invoice_bytes(make_invoice()).startswith(b"%PDF-")
    assert act_bytes(make_act()).startswith(b"%PDF-")


# --- refusals ---------------------------------------------------------------


def test_missing_company_requisites_name_the_settings(tmp_path: Path) -> None:
    supplier = dataclasses.replace(SUPPLIER, code="", iban=" ", bank="")
    with pytest.raises(BackofficeError) as err:
        render_invoice(make_invoice(supplier=supplier), tmp_path / "i.pdf")
    assert str(err.value) == (
        "company requisites incomplete: set company.edrpou, company.iban, company.bank"
    )
    with pytest.raises(BackofficeError, match=r"set company\.name, company\.address"):
        render_act(
            make_act(supplier=dataclasses.replace(SUPPLIER, name="", address="")),
            tmp_path / "a.pdf",
        )
    assert folder_listing(tmp_path) == []


def test_legal_entity_buyer_needs_a_code(tmp_path: Path) -> None:
    no_code = dataclasses.replace(BUYER, code="")
    with pytest.raises(BackofficeError, match="no ЄДРПОУ/РНОКПП"):
        render_invoice(make_invoice(buyer=no_code), tmp_path / "i.pdf")
    assert folder_listing(tmp_path) == []
    person = dataclasses.replace(no_code, name="Петренко Олена Іванівна", legal_entity=False)
    render_invoice(make_invoice(buyer=person), tmp_path / "i.pdf")
    assert folder_listing(tmp_path) == ["i.pdf"]


def test_lines_must_add_up_to_the_total(tmp_path: Path) -> None:
    with pytest.raises(BackofficeError, match="lines add up to"):
        render_invoice(make_invoice(total=D("1.00")), tmp_path / "i.pdf")
    with pytest.raises(BackofficeError, match="unknown kind"):
        render_invoice(make_invoice(kind="gift"), tmp_path / "i.pdf")


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BackofficeError, match="does not exist"):
        render_invoice(make_invoice(), tmp_path / "nope" / "i.pdf")
    with pytest.raises(BackofficeError, match="does not exist"):
        render_each([make_invoice()], tmp_path / "nope")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BackofficeError, match="not writable"):
            render_invoice(make_invoice(), folder / "i.pdf")
    finally:
        folder.chmod(0o700)


def test_unwritable_target_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kw: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pdf_page.os, "open", refuse)
    with pytest.raises(BackofficeError, match=r"cannot write .*i\.pdf: Permission denied"):
        render_invoice(make_invoice(), tmp_path / "i.pdf")


def test_failure_while_writing_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "i.pdf"
    target.write_bytes(b"old")

    def broken(_story: object, target: object, **_kw: object) -> None:
        target.write(b"%PDF-1.4 half")  # type: ignore[attr-defined]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pdf_page, "build_pdf", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        render_invoice(make_invoice(), target)
    assert target.read_bytes() == b"old"
    assert folder_listing(tmp_path) == ["i.pdf"]


# --- batches ----------------------------------------------------------------


def test_batch_file_pages_and_numbering_per_document(tmp_path: Path) -> None:
    long_act = make_act(n_lines=70, number="АКТ-2026-000099")
    n_long = pages(render_act(long_act, tmp_path / "long.pdf"))
    docs = [make_invoice(), long_act, make_reconciliation(), make_act()]
    path = render_batch(docs, tmp_path / "batch.pdf")
    assert pages(path) == 3 + n_long
    text = pdf_text(path)
    assert text.count("Сторінка 1 з") == 1  # only the long act is numbered
    assert f"Сторінка {n_long} з {n_long}" in text
    assert titles_of(text) == [
        "Рахунок на оплату № РФ-2026-000123",
        "Акт надання послуг № АКТ-2026-000099",
        "Акт звірки взаєморозрахунків",
        "Акт надання послуг № АКТ-2026-000012",
    ]


def mixed_batch() -> list[Document]:
    """Eleven documents: invoices 1-4, a long act, statement, invoices 5-8, a short act."""
    invoices = [make_invoice(number=f"РФ-2026-{i:06d}") for i in range(1, 9)]
    long_act = make_act(n_lines=70, number="АКТ-2026-000099")
    return [*invoices[:4], long_act, make_reconciliation(), *invoices[4:], make_act()]


def test_batch_in_parts_by_two_workers_keeps_order_and_numbering(tmp_path: Path) -> None:
    docs = mixed_batch()
    n_long = pages(render_act(docs[4], tmp_path / "long.pdf"))
    # Parts of at most 2 documents: 6 parts; the long act begins the third.
    path = render_batch(docs, tmp_path / "batch.pdf", workers=2, part_size=2)
    assert folder_listing(tmp_path) == ["batch.pdf", "long.pdf"]  # no temp files left
    info = pdf_info(path)
    assert int(info["Pages"]) == len(docs) - 1 + n_long
    assert info["Title"] == f"Пакет документів ({len(docs)})"
    assert info["Author"] == SUPPLIER.name
    text = pdf_text(path)
    assert titles_of(text) == [
        *(f"Рахунок на оплату № РФ-2026-{i:06d}" for i in range(1, 5)),
        "Акт надання послуг № АКТ-2026-000099",
        "Акт звірки взаєморозрахунків",
        *(f"Рахунок на оплату № РФ-2026-{i:06d}" for i in range(5, 9)),
        "Акт надання послуг № АКТ-2026-000012",
    ]
    # Per-document numbering: only the long act (pages 5..), "1 з N" to "N з N".
    assert text.count("Сторінка") == n_long
    for n in range(1, n_long + 1):
        assert f"Сторінка {n} з {n_long}" in pdf_text(path, page=4 + n)
    # The first and the last page read exactly as their documents printed alone.
    first, last = pdf_text(path, page=1), pdf_text(path, page=int(info["Pages"]))
    assert first == pdf_text(render_invoice(docs[0], tmp_path / "first.pdf"))
    assert last == pdf_text(render_act(docs[-1], tmp_path / "last.pdf"))
    assert "Рахунок на оплату № РФ-2026-000001" in first and "Рахунок виписав:" in first
    assert "Акт надання послуг № АКТ-2026-000012" in last


def test_batch_in_one_process_prints_the_same_text(tmp_path: Path) -> None:
    docs = mixed_batch()
    merged = render_batch(docs, tmp_path / "two.pdf", workers=2, part_size=3)
    single = render_batch(docs, tmp_path / "one.pdf", workers=1, part_size=3)
    assert pdf_text(single) == pdf_text(merged)
    assert pdf_info(single)["Title"] == pdf_info(merged)["Title"]
    assert pages(single) == pages(merged)


def test_batch_failing_in_a_worker_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "batch.pdf"
    target.write_bytes(b"old")
    # Passes the checks, but a line's service is not text: the layout fails in the worker.
    # (A value too long for a page no longer fails: documents cut it, see
    # test_fixed_documents.test_longest_values_lay_out_quickly.)
    good = make_invoice(number="РФ-2026-000002")
    broken = dataclasses.replace(
        good, lines=[dataclasses.replace(good.lines[0], service=12345), *good.lines[1:]]
    )
    docs = [make_invoice(number="РФ-2026-000001"), broken, make_act(), make_reconciliation()]
    with pytest.raises(TypeError):
        render_batch(docs, target, workers=2, part_size=1)
    assert target.read_bytes() == b"old"
    assert folder_listing(tmp_path) == ["batch.pdf"]


def test_batch_failing_while_merging_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "batch.pdf"
    target.write_bytes(b"old")

    def broken(parts: Iterable[bytes], target: BinaryIO) -> None:
        target.write(next(iter(parts))[:100])
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(batch, "merge_pdfs", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        render_batch(mixed_batch(), target, workers=2, part_size=2)
    assert target.read_bytes() == b"old"
    assert folder_listing(tmp_path) == ["batch.pdf"]


def test_batch_refuses_everything_up_front(tmp_path: Path) -> None:
    bad = make_invoice(number="РФ-2026-000900", supplier=dataclasses.replace(SUPPLIER, iban=""))
    with pytest.raises(BackofficeError, match=r"set company\.iban"):
        render_batch([*mixed_batch(), bad], tmp_path / "batch.pdf", workers=2, part_size=2)
    assert folder_listing(tmp_path) == []


@pytest.mark.parametrize(
    ("count", "workers", "part_size", "sizes"),
    [
        (1001, 2, 500, [251, 250, 250, 250]),  # 3 parts needed, 4 for 2 workers
        (10_000, 2, 500, [500] * 20),
        (500, 2, 500, [500]),  # one part: laid out in this process
        (7, 2, 2, [2, 2, 2, 1]),
        (3, 2, 1, [1, 1, 1]),  # no empty parts
        (1001, 1, 500, [1001]),
    ],
)
def test_batch_parts(count: int, workers: int, part_size: int, sizes: list[int]) -> None:
    parts = batch._parts(list(range(count)), workers, part_size)
    assert [len(p) for p in parts] == sizes
    assert [x for part in parts for x in part] == list(range(count))


def test_render_each_uses_a_process_pool_and_names_files_by_number(tmp_path: Path) -> None:
    docs = [make_invoice(number=f"РФ-2026-{i:06d}") for i in range(1, 6)]
    docs += [make_act(), make_reconciliation(), make_invoice(number="РФ-2026-000001")]
    paths = render_each(docs, tmp_path, workers=2)
    assert [p.name for p in paths] == [
        *(f"РФ-2026-{i:06d}.pdf" for i in range(1, 6)),
        "АКТ-2026-000012.pdf",
        "Звірка_38765432_01.11.2026-30.11.2026.pdf",
        "РФ-2026-000001_2.pdf",
    ]
    assert folder_listing(tmp_path) == sorted(p.name for p in paths)  # no temp files left
    for path in paths:
        assert pages(path) == 1
    assert "РФ-2026-000004" in pdf_text(paths[3])


def test_render_each_refuses_everything_up_front(tmp_path: Path) -> None:
    bad = make_invoice(number="РФ-2026-000900", supplier=dataclasses.replace(SUPPLIER, iban=""))
    with pytest.raises(BackofficeError, match=r"set company\.iban"):
        render_each([make_invoice(), bad], tmp_path, workers=2)
    assert folder_listing(tmp_path) == []


def test_file_names_are_sanitised() -> None:
    assert file_name(make_invoice(number="РФ/2026:001 ч.2")) == "РФ_2026_001_ч.2.pdf"
    assert file_name(make_invoice(number="../../etc/passwd")) == "etc_passwd.pdf"
    assert file_name(make_reconciliation(number="З-7")) == "З-7.pdf"


def test_markup_characters_print_as_text(tmp_path: Path) -> None:
    buyer = dataclasses.replace(BUYER, name="ТОВ «A&B <Трейд>»")
    doc = make_invoice(number="РФ-2026-<7>&", buyer=buyer, rate_note="Курс < 50 & > 40")
    text = " ".join(lines_of(pdf_text(render_invoice(doc, tmp_path / "i.pdf"))))
    assert "Рахунок на оплату № РФ-2026-<7>& від 1 грудня 2026 р." in text
    assert "ТОВ «A&B <Трейд>»" in text and "Курс < 50 & > 40" in text

"""The Rates screen on SQLite and PostgreSQL: a rate typed by hand, the days
without a rate, the NBU fetch against a local server, the export."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord
from backoffice.services import rates, settings
from tests.helpers import D, day
from tests.nbu_server import NbuStub, nbu_server
from tests.test_ui_main_window import type_text
from ui import errors
from ui.rates.rates_screen import RatesScreen

TODAY = dt.date(2026, 11, 12)


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    monkeypatch.setattr(
        errors, "show_error_once", lambda _parent, exc, _title=None: shown.append(exc)
    )
    return shown


@pytest.fixture
def screen(qtbot: QtBot, engine: Engine, tmp_path: Path) -> RatesScreen:
    with UnitOfWork(engine) as uow:
        settings.set_setting(uow, "rates.currencies", "EUR,USD")
        uow.commit()
    made = RatesScreen(
        engine, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), today=lambda: TODAY
    )
    qtbot.addWidget(made)
    made.resize(1000, 600)
    made.show()
    made.from_edit.setDate(QDate(2026, 11, 9))
    made.to_edit.setDate(QDate(2026, 11, 12))
    return made


@pytest.fixture
def nbu() -> Iterator[NbuStub]:
    with nbu_server() as stub:
        yield stub


def shown_rows(screen: RatesScreen) -> list[tuple[str, ...]]:
    model = screen.proxy
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]


def test_typing_a_rate_stores_it_and_the_table_shows_it(
    qtbot: QtBot, screen: RatesScreen, engine: Engine, shown_errors: list[BaseException]
) -> None:
    dialog = screen.make_manual_dialog()
    dialog.date_edit.setDate(QDate(2026, 11, 10))
    dialog.currency_box.setCurrentText("EUR")
    qtbot.keyClicks(dialog.rate_edit, "48,5x")
    assert not dialog.save_button.isEnabled() and dialog.problem.text()
    dialog.rate_edit.clear()
    qtbot.keyClicks(dialog.rate_edit, "48,5123")
    qtbot.keyClick(dialog.rate_edit, Qt.Key.Key_Return)  # Enter alone stores nothing
    assert dialog.isVisible() or dialog.result() == 0
    assert not dialog.save_button.isEnabled()  # no reason yet
    type_text(dialog.reason_edit, "НБУ недоступний")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome == "new" and not shown_errors
    with UnitOfWork(engine, read_only=True) as uow:
        assert rates.rate_on(uow, day("2026-11-10")) == D("48.5123")
        audit = uow.session.execute(
            select(AuditRecord.action, AuditRecord.after).where(AuditRecord.action == "rate.enter")
        ).one()
    assert audit.after == "48.5123 (НБУ недоступний)"
    qtbot.waitUntil(lambda: ("10.11.2026", "EUR", "48,5123") in shown_rows(screen))


def test_a_correction_is_asked_first(qtbot: QtBot, screen: RatesScreen, engine: Engine) -> None:
    with UnitOfWork(engine) as uow:
        rates.set_rate(uow, day("2026-11-10"), "EUR", D("48.0000"))
        uow.commit()
    asked: list[str] = []
    screen.confirm = lambda _parent, question: asked.append(question) or False
    dialog = screen.make_manual_dialog()
    dialog.date_edit.setDate(QDate(2026, 11, 10))
    dialog.currency_box.setCurrentText("EUR")
    qtbot.keyClicks(dialog.rate_edit, "48.6")
    type_text(dialog.reason_edit, "помилка введення")
    dialog.save_button.click()
    assert "48,0000" in asked[0] and "48,6000" in asked[0]
    with UnitOfWork(engine, read_only=True) as uow:
        assert rates.rate_on(uow, day("2026-11-10")) == D("48.0000")  # the answer was No


def test_days_without_a_rate_are_flagged(qtbot: QtBot, screen: RatesScreen, engine: Engine) -> None:
    with UnitOfWork(engine) as uow:
        for n in (9, 10, 11, 12):
            rates.set_rate(uow, day(f"2026-11-{n:02d}"), "EUR", D("48.0000"))
        for n in (9, 12):
            rates.set_rate(uow, day(f"2026-11-{n:02d}"), "USD", D("41.0000"))
        uow.commit()
    screen.reload()
    assert len(shown_rows(screen)) == 8
    assert "2 days without a rate" in screen.summary.text()
    assert "10.11.2026, 11.11.2026" in screen.summary.text()
    screen.missing_only.setChecked(True)
    assert sorted(shown_rows(screen)) == [
        ("10.11.2026", "USD", "—"),
        ("11.11.2026", "USD", "—"),
    ]


def test_fetch_from_the_nbu_fills_the_table(
    qtbot: QtBot, screen: RatesScreen, engine: Engine, nbu: NbuStub
) -> None:
    with UnitOfWork(engine) as uow:
        settings.set_setting(uow, "rates.source_url", nbu.day_url)
        settings.set_setting(uow, "rates.currencies", "EUR")
        rates.set_rate(uow, day("2026-11-11"), "EUR", D("48.0000"))
        uow.commit()
    for n, value in ((10, "48.5123"), (11, "48.6000"), (12, "48.7000")):
        nbu.rates[("EUR", day(f"2026-11-{n:02d}"))] = value
    screen.reload()
    op = screen.start_fetch(day("2026-11-10"), day("2026-11-12"))
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    result = screen.last_fetch
    assert result is not None and result.new == 2 and len(result.conflicts) == 1
    assert "48,6000" in screen.outcome.text()  # the conflict is named
    qtbot.waitUntil(lambda: ("12.11.2026", "EUR", "48,7000") in shown_rows(screen))
    assert ("11.11.2026", "EUR", "48,0000") in shown_rows(screen)


def test_a_failed_fetch_says_why(
    qtbot: QtBot,
    screen: RatesScreen,
    engine: Engine,
    nbu: NbuStub,
    shown_errors: list[BaseException],
) -> None:
    with UnitOfWork(engine) as uow:
        settings.set_setting(uow, "rates.source_url", nbu.day_url)
        uow.commit()
    nbu.status = 500
    op = screen.start_fetch(day("2026-11-12"), day("2026-11-12"))
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    assert "HTTP 500" in str(shown_errors[0])


def test_export_writes_the_rows_shown(
    qtbot: QtBot, screen: RatesScreen, engine: Engine, tmp_path: Path
) -> None:
    with UnitOfWork(engine) as uow:
        rates.set_rate(uow, day("2026-11-10"), "EUR", D("48.5123"))
        uow.commit()
    screen.reload()
    path = tmp_path / "rates.xlsx"
    op = screen.start_export(path)
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    sheet = openpyxl.load_workbook(path).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row and row[1] in ("EUR", "USD")]
    assert len(rows) == 8  # 4 days × 2 currencies, the missing ones too
    eur = next(r for r in rows if r[1] == "EUR" and r[2] is not None)
    assert str(eur[0])[:10] == "2026-11-10" and D(str(eur[2])) == D("48.5123")

"""The Catalog screen on SQLite and PostgreSQL: a price change is the plan's
next version, shown in its history; options change in place, audited; a
catalog file imported from the screen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork
from backoffice.errors import InputError
from backoffice.services import catalog
from tests.helpers import D
from tests.test_ui_main_window import type_text
from ui import errors
from ui.catalog.catalog_screen import CatalogScreen

CATALOG = Path(__file__).parent / "fixtures" / "catalog.json"


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    monkeypatch.setattr(
        errors, "show_error_once", lambda _parent, exc, _title=None: shown.append(exc)
    )
    return shown


@pytest.fixture
def screen(qtbot: QtBot, engine: Engine, tmp_path: Path) -> CatalogScreen:
    with UnitOfWork(engine) as uow:
        catalog.import_catalog(uow, CATALOG)
        uow.commit()
    made = CatalogScreen(engine, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(made)
    made.resize(1000, 600)
    made.show()
    return made


def history_shown(screen: CatalogScreen) -> list[tuple[str, ...]]:
    model = screen.history_view.model()
    return [(model.index(r, 0).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def test_a_price_change_is_a_new_version_in_the_history(
    qtbot: QtBot, screen: CatalogScreen, engine: Engine, shown_errors: list[BaseException]
) -> None:
    screen.select_plan("business")
    assert history_shown(screen) == [("1", "100,00")]
    asked: list[str] = []
    screen.confirm = lambda _parent, question: asked.append(question) or True
    dialog = screen.make_plan_dialog(new=False)
    assert dialog is not None and dialog.code_edit.isReadOnly()
    dialog.price_edit.clear()
    qtbot.keyClicks(dialog.price_edit, "1 2x")
    assert not dialog.save_button.isEnabled() and dialog.problem.text()
    dialog.price_edit.clear()
    qtbot.keyClicks(dialog.price_edit, "110,50")
    dialog.discounts[12].setText("20")
    dialog.included["deliveries"].setValue(60)
    dialog.save_button.click()
    assert not shown_errors and "version 2" in asked[0]
    assert dialog.outcome == "plan_versions_added"
    with UnitOfWork(engine, read_only=True) as uow:
        latest = catalog.current_version(uow, "business")
        spec = catalog.plan_spec(uow, latest)
    assert (latest.version, latest.monthly_price) == (2, D("110.50"))
    assert spec.period_discounts[12] == D("20") and spec.includes["deliveries"] == 60
    qtbot.waitUntil(lambda: history_shown(screen) == [("2", "110,50"), ("1", "100,00")])
    assert screen.current_plan() is not None and screen.current_plan().version == 2


def test_a_new_plan_is_checked_like_an_imported_one(
    qtbot: QtBot, screen: CatalogScreen, engine: Engine, shown_errors: list[BaseException]
) -> None:
    dialog = screen.make_plan_dialog(new=True)
    assert dialog is not None
    qtbot.keyClicks(dialog.code_edit, "pro plan")  # a space is not allowed in a code
    type_text(dialog.name_edit, "Професійний")
    qtbot.keyClicks(dialog.price_edit, "250")
    dialog.limit["users"].setValue(25)
    dialog.save_button.click()
    assert isinstance(shown_errors[0], InputError) and "code" in str(shown_errors[0])
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, "pro")
    dialog.save_button.click()
    assert dialog.outcome == "plans_added"
    with UnitOfWork(engine, read_only=True) as uow:
        version = catalog.current_version(uow, "pro")
        assert json.loads(version.limits) == {"users": 25}
    qtbot.waitUntil(lambda: any(p.code == "pro" for p in screen.plans.records()))


def test_an_option_change_is_audited_and_listed(
    qtbot: QtBot, screen: CatalogScreen, engine: Engine
) -> None:
    screen.tabs.setCurrentIndex(1)
    screen.select_option("users")
    dialog = screen.make_option_dialog(new=False)
    assert dialog is not None
    dialog.price_edit.clear()
    qtbot.keyClicks(dialog.price_edit, "6,00")
    dialog.save_button.click()
    assert dialog.outcome == "options_changed"
    with UnitOfWork(engine, read_only=True) as uow:
        assert catalog.option_by_code(uow, "users").unit_price == D("6.00")
    model = screen.option_history_view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    texts = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert any("6.00" in t for t in texts)


def test_import_from_the_screen(
    qtbot: QtBot, screen: CatalogScreen, engine: Engine, tmp_path: Path
) -> None:
    document = json.loads(CATALOG.read_text(encoding="utf-8"))
    document["plans"][0]["monthly_price"] = "130.00"
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    op = screen.start_import(path)
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    assert screen.last_import is not None and screen.last_import.plan_versions_added == 1
    code = document["plans"][0]["code"]
    qtbot.waitUntil(lambda: any(p.code == code and p.version == 2 for p in screen.plans.records()))

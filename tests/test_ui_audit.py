"""The audit log screen: filters are the service's, the detail pane reads
before → after field by field, and the export writes the list as shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork
from backoffice.services.audit_names import action_name, field_name
from tests.test_audit import _history
from ui import errors
from ui.audit.audit_screen import AuditScreen

Factory = Callable[..., UnitOfWork]


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    return shown


@pytest.fixture
def screen(qtbot: QtBot, engine: Engine, uow_factory: Factory, tmp_path: Path) -> AuditScreen:
    _history(uow_factory)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    made = AuditScreen(engine, settings)
    qtbot.addWidget(made)
    made.resize(1200, 600)
    made.show()
    qtbot.waitExposed(made)
    return made


def shown(screen: AuditScreen) -> list[tuple[str, str]]:
    return [(r.user, r.action) for r in screen.records.records()]


def test_the_log_newest_first_and_filtered_by_the_service(
    screen: AuditScreen, shown_errors: list[BaseException]
) -> None:
    assert screen.title()
    assert shown(screen) == [
        ("olena", "client.edit"),
        ("petro", "settings.set"),
        ("olena", "client.add"),
    ]
    assert screen.count_label.text().startswith("3")
    screen.user_combo.setCurrentIndex(screen.user_combo.findData("petro"))
    assert shown(screen) == [("petro", "settings.set")]
    screen.user_combo.setCurrentIndex(0)
    screen.action_combo.setCurrentIndex(screen.action_combo.findData("client.add"))
    assert shown(screen) == [("olena", "client.add")]
    assert screen.action_combo.currentText() == action_name("client.add", screen._language)
    screen.action_combo.setCurrentIndex(0)

    screen.from_edit.setDate(QDate(2026, 12, 2))
    screen.to_edit.setDate(QDate(2026, 12, 2))
    screen.from_check.setChecked(True)
    assert shown(screen) == [("olena", "client.edit"), ("petro", "settings.set")]
    screen.to_check.setChecked(True)
    assert shown(screen) == [("petro", "settings.set")]
    screen.from_check.setChecked(False)
    screen.to_check.setChecked(False)

    screen.filter_edit.setText("Хмара")
    screen.filter_edit.returnPressed.emit()
    assert shown(screen) == [("petro", "settings.set")]
    assert shown_errors == []


def test_the_detail_pane_shows_what_changed_field_by_field(screen: AuditScreen) -> None:
    screen.view.selectRow(0)  # client.edit: name Альфа → Бета
    text = screen.detail.toPlainText()
    assert "account OR-000001" in text and "ws-03 (olena)" in text
    assert "03.12.2026 23:59:59 UTC" in text
    assert field_name("name", screen._language) in text and "Альфа" in text and "Бета" in text
    assert "#fff3cd" in screen.detail.toHtml()  # the changed row is marked
    screen.view.selectRow(1)  # a plain value, no object
    assert "ТОВ «Хмара»" in screen.detail.toPlainText()


def test_the_export_writes_every_record_as_listed(
    qtbot: QtBot, screen: AuditScreen, tmp_path: Path
) -> None:
    screen.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [u for u, _ in shown(screen)] == ["olena", "olena", "petro"]
    target = tmp_path / "audit.csv"
    op = screen.start_export(target)
    with qtbot.waitSignal(op.finished, timeout=30_000):
        pass
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(";")[:5] == ["Час, UTC", "Користувач", "Робоче місце", "Дія", "Об'єкт"]
    rows = [line.split(";") for line in lines[1:]]
    assert [r[1] for r in rows] == ["olena", "olena", "petro"]
    assert rows[2][2] == "ws-07 (petro)"
    assert rows[2][3] == action_name("settings.set", screen._language)
    assert rows[2][0].startswith("2026-12-02 10:30")  # the CSV writer's own date-time
    assert rows[2][6] == "ТОВ «Хмара»"


def test_a_new_record_appears_on_refresh(screen: AuditScreen, uow_factory: Factory) -> None:
    from backoffice.services import audit

    with uow_factory(actor="ivan") as uow:
        audit.record(uow, "month.close", "2026-11", None, {"acts": 3})
        uow.commit()
    screen.refresh()
    assert shown(screen)[0] == ("ivan", "month.close")
    assert screen.user_combo.findData("ivan") > 0

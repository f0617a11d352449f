"""File ▸ Back up… and Restore… in the window: the same services as the CLI."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from backoffice.db.engine import UnitOfWork, make_engine
from backoffice.services import ledger
from backoffice.services.clients import show_account
from tests.helpers import add_legal, day
from ui import errors
from ui.main_window import MainWindow


@pytest.fixture
def books(tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    path = tmp_path / "books.sqlite"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    add_legal(lambda: UnitOfWork(engine, actor="tester"), opening="1000.00")
    yield engine
    engine.dispose()


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    return shown


@pytest.fixture
def window(qtbot: QtBot, books: Engine, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/screen", "accounts")  # where these tests start
    made = MainWindow(books, str(books.url), settings=settings)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def balance(engine: Engine) -> Decimal:
    with UnitOfWork(engine, read_only=True) as uow:
        return show_account(uow, "OR-000001").balance


def test_back_up_then_restore_from_the_window(
    qtbot: QtBot, window: MainWindow, books: Engine, tmp_path: Path, shown_errors: list
) -> None:
    assert window.backup_actions.backup_action in window.file_menu.actions()
    folder = tmp_path / "backups-chosen"
    folder.mkdir()
    op = window.backup_actions.back_up_to(folder)
    with qtbot.waitSignal(op.finished, timeout=30_000):
        pass
    (saved,) = folder.iterdir()
    assert str(saved) in window.statusBar().currentMessage()

    with UnitOfWork(books, actor="tester") as uow:
        ledger.post_topup(uow, "OR-000001", Decimal("50.00"), day("2026-11-03"), "каса")
        uow.commit()
    assert balance(books) == Decimal("1050.00")

    op = window.backup_actions.restore_from(saved)
    with qtbot.waitSignal(op.finished, timeout=30_000):
        pass
    assert shown_errors == []
    assert balance(books) == Decimal("1000.00")
    assert "check ok" in window.statusBar().currentMessage()


def test_a_file_that_is_not_a_backup_is_refused_in_the_window(
    qtbot: QtBot, window: MainWindow, books: Engine, tmp_path: Path, shown_errors: list
) -> None:
    stranger = tmp_path / "photo.jpg"
    stranger.write_bytes(b"\xff\xd8\xff" + bytes(4000))
    op = window.backup_actions.restore_from(stranger)
    with qtbot.waitSignal(op.finished, timeout=30_000):
        pass
    assert len(shown_errors) == 1
    assert "is not a backup of this program" in str(shown_errors[0])
    assert balance(books) == Decimal("1000.00")

"""The window's shell and its own screens, driven as a user would: the sidebar
and its shortcuts, the overview's tiles, a month previewed, confirmed and
closed, settings typed and saved (and seen by `settings show`), the outbox
sending and retrying. Runs on SQLite and PostgreSQL (the `engine` fixture).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from backoffice.cli import main as cli
from backoffice.db.engine import UnitOfWork
from backoffice.services import demo, invoices, months, outbox, overview, settings
from tests.helpers import EDRPOU_A, add_legal
from tests.smtp_server import free_port, smtp_server
from tests.test_statements import configure
from ui import errors, screens
from ui.background import BackgroundOp
from ui.closing.closing_screen import ClosingScreen
from ui.dashboard.dashboard_screen import DashboardScreen
from ui.main_window import MainWindow
from ui.outbox.outbox_screen import FAILED, SENT, OutboxScreen
from ui.session import session
from ui.settings.settings_screen import SettingsScreen

DEMO_DAY = dt.date(2026, 11, 22)
Factory = Callable[..., UnitOfWork]


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, _title=None: shown.append(exc))
    return shown


@pytest.fixture(autouse=True)
def business_date() -> Iterator[dt.date]:
    session().set_business_date(DEMO_DAY)
    yield DEMO_DAY
    session().set_business_date(None)


@pytest.fixture
def demo_books(engine: Engine) -> Engine:
    with UnitOfWork(engine) as uow:
        demo.make_demo(uow, client_count=8, today=DEMO_DAY, seed=3)
        uow.commit()
    return engine


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def make_window(qtbot: QtBot, engine: Engine, qsettings: QSettings) -> MainWindow:
    window = MainWindow(engine, str(engine.url), settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def finish(qtbot: QtBot, op: BackgroundOp | None) -> None:
    """Wait for a background operation started just now (its signals are queued)."""
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=120_000):
        pass


def shown(widget_of: Callable[[], object], qtbot: QtBot, rows: Callable[[], int]) -> None:
    qtbot.waitUntil(lambda: rows() > 0, timeout=60_000)


# -- the shell ----------------------------------------------------------------------


def test_every_registered_screen_is_in_the_sidebar_and_reached_by_its_shortcut(
    qtbot: QtBot, engine: Engine, qsettings: QSettings, shown_errors: list[BaseException]
) -> None:
    window = make_window(qtbot, engine, qsettings)
    available = [entry.key for entry, _made in screens.available()]
    assert list(window.screens) == available
    assert window.nav.count() == len(available)
    assert {"dashboard", "accounts", "statements", "invoices", "closing", "settings"} <= set(
        available
    )
    assert window.current_screen() == "dashboard"  # the first start opens the overview

    window.activateWindow()
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    qtbot.keyClick(window.nav, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() == "closing"
    assert window.nav.currentRow() == available.index("closing")
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # the arrows walk the sidebar
    assert window.current_screen() == available[available.index("closing") + 1]
    qtbot.keyClick(window.nav, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() == "accounts"
    assert window.account_toolbar.isVisible()
    window.close()
    assert shown_errors == []

    again = make_window(qtbot, engine, qsettings)
    assert again.current_screen() == "accounts"  # the last screen comes back


def test_a_screen_whose_module_is_absent_is_left_out() -> None:
    missing = screens.ScreenEntry("nowhere", "Nowhere", None, None, "ui.nowhere.screen:Screen")
    assert screens.screen_class(missing) is None
    entries = [entry.key for entry, _made in screens.available()]
    assert "nowhere" not in entries
    assert entries.index("dashboard") < entries.index("accounts") < entries.index("settings")


def test_the_status_bar_shows_user_and_business_date(
    qtbot: QtBot, engine: Engine, qsettings: QSettings
) -> None:
    window = make_window(qtbot, engine, qsettings)
    assert "22.11.2026" in window.date_button.text()
    session().set_business_date(dt.date(2026, 12, 1))
    assert "01.12.2026" in window.date_button.text()
    assert window.date_button.font().bold()  # not today: said loudly


# -- the overview -------------------------------------------------------------------


def test_the_overview_shows_the_services_figures_and_its_tiles_open_screens(
    qtbot: QtBot, demo_books: Engine, qsettings: QSettings, shown_errors: list[BaseException]
) -> None:
    window = make_window(qtbot, demo_books, qsettings)
    dashboard = window.screens["dashboard"]
    assert isinstance(dashboard, DashboardScreen)
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=60_000)
    with UnitOfWork(demo_books, read_only=True) as uow:
        expected = overview.day_figures(uow, DEMO_DAY)
    assert dashboard.figures == expected
    assert dashboard.tiles["blocked"].value_label.text() == str(expected.blocked_accounts)
    assert dashboard.tiles["unmatched"].value_label.text() == str(expected.unmatched_count)
    assert dashboard.tiles["months"].attention  # August can be closed

    dashboard.tiles["unmatched"].setFocus()
    qtbot.keyClick(dashboard.tiles["unmatched"], Qt.Key.Key_Return)
    assert window.current_screen() == "statements"
    window.show_screen("dashboard")
    qtbot.mouseClick(dashboard.tiles["months"], Qt.MouseButton.LeftButton)
    assert window.current_screen() == "closing"
    assert shown_errors == []


# -- closing ------------------------------------------------------------------------


def test_a_month_is_previewed_confirmed_closed_and_reopened(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    demo_books: Engine,
    qsettings: QSettings,
    shown_errors: list[BaseException],
) -> None:
    screen = ClosingScreen(demo_books, qsettings)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.months_model.rowCount() > 0, timeout=60_000)
    assert screen.current_month() == "2026-08"  # the next month to close is chosen
    assert not screen.close_button.isEnabled()  # no closing without a preview

    finish(qtbot, screen.start_preview())
    preview = screen.preview
    assert preview is not None and preview.dry_run and preview.month == "2026-08"
    with UnitOfWork(demo_books, read_only=True) as uow:
        assert months.locked_months(uow) == []  # the dry run wrote nothing
    assert screen.preview_model.rowCount() == len(preview.accounts)
    assert "08.2026" in screen.summary_label.text()
    assert screen.close_button.isEnabled()

    asked: list[str] = []

    def answer(box: QMessageBox, button: QMessageBox.StandardButton) -> int:
        asked.append(box.text())
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        return button.value

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, QMessageBox.StandardButton.No))
    assert screen.close_month() is None  # "do not close": nothing happens
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: answer(box, QMessageBox.StandardButton.Yes)
    )
    with qtbot.waitSignal(screen.message, timeout=120_000) as said:
        screen.close_month()
    assert len(asked) == 2
    assert "08.2026" in asked[0] and f"{preview.acts} " in asked[0]

    with UnitOfWork(demo_books, read_only=True) as uow:
        assert months.locked_months(uow) == ["2026-08"]
        [journal] = [s for s in overview.month_states(uow, DEMO_DAY) if s.month == "2026-08"]
    assert journal.acts == preview.acts and journal.total_uah == preview.total_uah
    assert "08.2026" in said.args[0]
    qtbot.waitUntil(lambda: screen.current_state() is not None and screen.current_state().closed)
    assert shown_errors == []

    screen.select_month("2026-08")
    dialog = screen.make_reopen_dialog()
    assert dialog is not None
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason first
    dialog.reason_edit.setText("акт виправлено")
    ok.click()
    assert dialog.result()
    with UnitOfWork(demo_books, read_only=True) as uow:
        assert months.locked_months(uow) == []


def test_the_daily_job_runs_for_the_date_chosen(
    qtbot: QtBot, demo_books: Engine, qsettings: QSettings, shown_errors: list[BaseException]
) -> None:
    screen = ClosingScreen(demo_books, qsettings)
    qtbot.addWidget(screen)
    screen.day_edit.setDate(DEMO_DAY + dt.timedelta(days=1))
    finish(qtbot, screen.start_daily())
    assert shown_errors == []
    with UnitOfWork(demo_books, read_only=True) as uow:
        run = overview.last_daily_run(uow)
    assert run is not None and run.day == DEMO_DAY + dt.timedelta(days=1)
    assert "1" in screen.daily_label.text()


# -- settings -----------------------------------------------------------------------


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    edit.del_()
    qtbot.keyClicks(edit, text)


def test_settings_are_checked_as_typed_and_saved_for_settings_show(
    qtbot: QtBot,
    engine: Engine,
    qsettings: QSettings,
    capsys: pytest.CaptureFixture[str],
    shown_errors: list[BaseException],
) -> None:
    screen = SettingsScreen(engine, qsettings)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.loaded)
    edrpou = screen.fields["company.edrpou"]
    assert isinstance(edrpou.widget, QLineEdit)
    type_into(qtbot, edrpou.widget, "1234567")
    assert edrpou.error.isVisible() and edrpou.error.text()
    assert not screen.save_button.isEnabled()  # nothing wrong is saved

    type_into(qtbot, edrpou.widget, EDRPOU_A)
    assert not edrpou.error.isVisible()
    name = screen.fields["company.name"].widget
    assert isinstance(name, QLineEdit)
    type_into(qtbot, name, "TOV Hmara")
    screen.fields["company.vat_payer"].put("true")
    screen.fields["policy"].put("S3")
    screen.fields["company.accounts"].put("UA743052990000026007233566001")
    grace = screen.fields["policy.payment_grace_hours"].widget
    assert isinstance(grace, QLineEdit)
    type_into(qtbot, grace, "48")
    assert sorted(screen.dirty_keys()) == [
        "company.accounts",
        "company.edrpou",
        "company.name",
        "company.vat_payer",
        "policy",
        "policy.payment_grace_hours",
    ]
    assert screen.save_button.isEnabled()
    with qtbot.waitSignal(screen.saved, timeout=60_000):
        screen.save()
    assert shown_errors == []
    assert screen.dirty_keys() == []

    assert cli(["--db", str(engine.url.render_as_string(hide_password=False)), "settings",
                "show", "--json"]) == 0  # fmt: skip
    shown = json.loads(capsys.readouterr().out)
    values = shown["settings"]
    assert values["company.edrpou"] == EDRPOU_A and values["company.name"] == "TOV Hmara"
    assert values["company.vat_payer"] == "true" and values["policy"] == "S3"
    assert values["company.accounts"] == "UA743052990000026007233566001"
    assert shown["effective_policy"]["payment_grace_hours"] == "48"
    assert shown["effective_policy"]["anchor"] == "anniversary"  # S3's


def test_the_smtp_password_is_stored_unseen_and_a_test_message_sent(
    qtbot: QtBot, engine: Engine, qsettings: QSettings, shown_errors: list[BaseException]
) -> None:
    screen = SettingsScreen(engine, qsettings)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.loaded)
    with smtp_server() as server:
        screen.fields["smtp.host"].put("127.0.0.1")
        screen.fields["smtp.port"].put(str(server.port))
        screen.fields["smtp.security"].put("none")
        screen.fields["smtp.sender"].put("billing@hmara.ua")
        assert not screen.test_button.isEnabled()  # unsaved settings are not what is tested
        with qtbot.waitSignal(screen.saved, timeout=60_000):
            screen.save()
        assert screen.test_button.isEnabled()
        with qtbot.waitSignal(screen.message, timeout=60_000) as said:
            screen.send_test()
        assert "billing@hmara.ua" in said.args[0]
        [received] = server.received
    assert received.rcpt_tos == ("billing@hmara.ua",)
    assert shown_errors == []

    password = screen.fields["smtp.password"].widget
    assert isinstance(password, QLineEdit)
    password.setText("s3cret pass")
    with qtbot.waitSignal(screen.saved, timeout=60_000):
        screen.save()
    assert password.text() == ""  # never shown back
    with UnitOfWork(engine, read_only=True) as uow:
        assert settings.read_secret(uow, "smtp.password") == "s3cret pass"
        assert settings.all_settings(uow)["smtp.password"] != "s3cret pass"


# -- the outbox ---------------------------------------------------------------------


def test_the_outbox_shows_a_failure_and_retries_it(
    qtbot: QtBot, engine: Engine, qsettings: QSettings, shown_errors: list[BaseException]
) -> None:
    def new_uow(**kwargs: object) -> UnitOfWork:
        return UnitOfWork(engine, actor="tester", **kwargs)  # type: ignore[arg-type]

    configure(new_uow)
    number = add_legal(new_uow)
    with new_uow() as uow:
        invoice = invoices.issue_topup_invoice(uow, number, Decimal("1500.00"), DEMO_DAY)
        outbox.queue_invoices(uow, [invoice.number])
        for key, value in (
            ("smtp.host", "127.0.0.1"),
            ("smtp.port", str(free_port())),
            ("smtp.security", "none"),
            ("smtp.sender", "billing@hmara.ua"),
        ):
            settings.set_setting(uow, key, value)
        uow.commit()

    screen = OutboxScreen(engine, qsettings)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=60_000)
    assert screen.send_button.isEnabled()
    with qtbot.waitSignal(screen.message, timeout=60_000) as said:
        screen.send_now()
    assert "1" in said.args[0]
    qtbot.waitUntil(lambda: bool(screen.messages) and screen.messages[0].attempts == 1)
    [failed] = screen.messages
    assert screen.state_of(failed) == FAILED
    screen.filter_combo.setCurrentIndex(FAILED)
    assert screen.model.rowCount() == 1
    assert "127.0.0.1" in screen.model.item(0, 6).text()

    screen.view.selectRow(0)
    dialog = screen.make_view_dialog()
    assert dialog is not None
    dialog.deleteLater()

    with smtp_server() as server:
        with new_uow() as uow:
            settings.set_setting(uow, "smtp.port", str(server.port))
            uow.commit()
        with qtbot.waitSignal(screen.message, timeout=60_000):
            screen.send_now()
        qtbot.waitUntil(lambda: screen.state_of(screen.messages[0]) == SENT, timeout=60_000)
        assert len(server.received) == 1
    assert screen.model.rowCount() == 0  # the filter shows failed ones only
    assert shown_errors == []


def test_the_window_modules_import_one_way() -> None:
    """main_window → window_tabs, never back (the circle the issue named)."""
    import ast

    import ui.window_tabs as tabs

    tree = ast.parse(Path(tabs.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module is not None
    }
    assert "ui.main_window" not in imported


def test_a_screen_needing_a_permission_the_user_lacks_is_not_built(
    qtbot: QtBot, engine: Engine, qsettings: QSettings
) -> None:
    window = MainWindow(
        engine, str(engine.url), settings=qsettings, allowed=lambda name: name != "EDIT_SETTINGS"
    )
    qtbot.addWidget(window)
    assert "settings" not in window.screens and "closing" in window.screens
    assert "settings" not in window.screen_actions

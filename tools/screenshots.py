"""Screenshots of the window's screens for the docs, in the language users see.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py --db URL [--out docs]
        [--language uk] [--month 2026-11] [--date 2026-11-22]

Opens the main window on `URL` (a demo database: `backoffice demo`) with a
scratch layout and the business date `--date` (the demo's day), shows each
screen of `ui.screens` until its lists are read, and saves one PNG per screen
(`main-window.png` for the accounts, `statements-window.png`,
`invoices-window.png`, then `<screen>-window.png`: overview, closing, settings,
…) with `QWidget.grab()` (no display needed under the offscreen platform).
Look at each one before committing it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backoffice.db.engine import make_engine  # noqa: E402
from ui.languages import install_translations  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.session import session  # noqa: E402

# The files the first three screens always had; the others are `<key>-window.png`.
NAMES = {
    "accounts": "main-window.png",
    "statements": "statements-window.png",
    "invoices": "invoices-window.png",
}
SIZE = (1280, 800)


def settle(app: QApplication, rounds: int = 20) -> None:
    """Let the screens' background reads end and their results arrive."""
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--language", default="uk")
    parser.add_argument("--month", help="the invoices tab's month, YYYY-MM")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="the business date")
    args = parser.parse_args(argv)

    app = QApplication([sys.argv[0]])
    app.setApplicationName("backoffice")
    installed = install_translations(app, args.language)
    scratch = Path(tempfile.mkdtemp(prefix="backoffice-screenshots-"))
    settings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
    engine = make_engine(args.db)
    if args.date:
        session().set_business_date(args.date)
    window = MainWindow(engine, "sqlite:///var/demo.sqlite", settings=settings)
    window.resize(*SIZE)
    window.show()
    settle(app)
    if args.month:
        year, month = (int(part) for part in args.month.split("-"))
        window.invoices_tab.month_edit.setDate(QDate(year, month, 1))
    args.out.mkdir(parents=True, exist_ok=True)
    for key in window.screens:
        window.show_screen(key)
        settle(app)
        if key == "accounts" and window.accounts.rowCount():
            window.account_view.selectRow(2)
        elif key == "statements" and window.statements_tab.unmatched.rowCount():
            window.statements_tab.unmatched_view.selectRow(0)
        elif key == "invoices" and window.invoices_tab.invoices.rowCount():
            window.invoices_tab.view.selectRow(0)
        elif key == "closing":
            closing = window.screens[key]
            closing.start_preview()  # type: ignore[attr-defined]
        settle(app, 60 if key == "closing" else 20)
        path = args.out / NAMES.get(key, f"{key}-window.png")
        if not window.grab().save(str(path), "PNG"):
            print(f"error: cannot write {path}", file=sys.stderr)
            return 1
        print(path)
    window.close()
    for translator in installed:
        app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())

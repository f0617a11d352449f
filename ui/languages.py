"""The window's language: Ukrainian by default, English second.

The source strings are English, in `self.tr()` / `QCoreApplication.translate`;
`ui/translations/backoffice_uk.ts` holds their Ukrainian (kept in step
by `tools/translations.py`, compiled to the `.qm` loaded here). Qt's own
translations are loaded beside ours so that its buttons ("Cancel", "Yes")
speak the same language; amounts follow the language too (1 234,50 or
1,234.50), dates stay 07.12.2026 in both. The choice is made in View ▸ Language (stored in
QSettings) and applies from the next start; without one, an English system
gets English and any other gets Ukrainian.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from ui.format import use_number_marks

TRANSLATIONS: Final = Path(__file__).resolve().parent / "translations"
LANGUAGE_KEY: Final = "ui/language"
# code → (the language, its name as its speakers write it)
LANGUAGES: Final = {
    "uk": (QLocale.Language.Ukrainian, "Українська"),
    "en": (QLocale.Language.English, "English"),
}
DEFAULT: Final = "uk"


def chosen_language(settings: QSettings) -> str:
    """The language set in View ▸ Language, else English for an English
    system, else Ukrainian."""
    stored = str(settings.value(LANGUAGE_KEY, "") or "")
    if stored in LANGUAGES:
        return stored
    return "en" if QLocale.system().language() == QLocale.Language.English else DEFAULT


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's strings and ours in `language`, and its way of writing numbers
    (`QLocale().toString`). Returns the translators installed: English needs
    none, the source strings are English."""
    locale = QLocale(LANGUAGES.get(language, LANGUAGES[DEFAULT])[0])
    QLocale.setDefault(locale)
    if language == "en":
        use_number_marks(",", ".")
    else:
        use_number_marks()
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("backoffice", str(TRANSLATIONS)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def language_actions(menu: QMenu, settings: QSettings, parent: QObject) -> dict[str, QAction]:
    """View ▸ Language: one checkable action per language, each named in its own
    language; choosing one stores it for the next start."""
    group = QActionGroup(parent)
    current = chosen_language(settings)
    made = {}
    for code, (_language, name) in LANGUAGES.items():
        action = QAction(name, group)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked, code=code: _store(settings, code))
        menu.addAction(action)
        made[code] = action
    return made


def _store(settings: QSettings, code: str) -> None:
    settings.setValue(LANGUAGE_KEY, code)
    settings.sync()


def remove_translations(app: QCoreApplication, installed: list[QTranslator]) -> None:
    for translator in installed:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
    use_number_marks()

"""The settings screen: company requisites, our bank accounts, policy preset and
overrides, numbering, rates, e-mail (SMTP, with a test message) and language.

Each field is checked as it is typed by the same rule `settings set` applies
(`backoffice.services.settings.parse_setting`), its refusal shown under it;
Save stores what changed in one unit of work through the settings service,
which audits every change. The SMTP password goes to the secret store and is
never shown: an empty password field keeps the stored one.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backoffice.billing.policy import PRESETS, S0, SCALAR_FIELDS, describe
from backoffice.db.engine import UnitOfWork
from backoffice.errors import InputError
from backoffice.services import outbox, settings
from ui import errors
from ui.background import BackgroundOp, JobProgress
from ui.languages import LANGUAGE_KEY, LANGUAGES, chosen_language

if TYPE_CHECKING:
    from sqlalchemy import Engine

SETTINGS: Final = "settings"  # what `change_hub` says after a save
PASSWORD: Final = "smtp.password"
# Policy fields chosen from a list rather than typed.
CHOICE_FIELDS: Final = {
    name: (
        [member.value for member in type(default)]
        if isinstance(default, StrEnum)
        else ["true", "false"]
    )
    for name in SCALAR_FIELDS
    for default in [getattr(S0, name)]
    if isinstance(default, StrEnum | bool)
}


class Field:
    """One setting's editor, its refusal label and how to read and show its text."""

    def __init__(
        self,
        key: str,
        widget: QWidget,
        get: Callable[[], str],
        put: Callable[[str], None],
        changed: Any,
    ) -> None:
        self.key = key
        self.widget = widget
        self.get = get
        self.put = put
        self.error = QLabel()
        self.error.setObjectName("field_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.changed = changed


class SettingsScreen(QWidget):
    message = Signal(str)
    saved = Signal(int)  # how many settings were stored

    def __init__(
        self, engine: Engine, settings_store: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._qsettings = settings_store
        self.jobs: list[BackgroundOp] = []
        self.loaded = False
        self.stored: dict[str, str] = {}
        self.fields: dict[str, Field] = {}
        self.errors_shown: dict[str, str] = {}

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("&Undo changes"))
        self.revert_button.setAutoDefault(False)
        self.revert_button.clicked.connect(self.reload)
        self.state_label = QLabel()
        self.test_button = QPushButton(self.tr("Send a &test message"))
        self.test_button.setAutoDefault(False)
        self.test_button.setToolTip(self.tr("Send one message with the saved settings"))
        self.test_button.clicked.connect(self.send_test)
        self.test_to = QLineEdit()
        self.test_to.setPlaceholderText(self.tr("to the sender's address"))
        self.language_combo = QComboBox()
        for code, (_language, name) in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            self.language_combo.findData(chosen_language(self._qsettings))
        )
        self.language_combo.activated.connect(self._language_chosen)
        self.preset_note = QLabel()
        self.preset_note.setWordWrap(True)
        self.preset_note.setStyleSheet("color: palette(placeholder-text);")
        self._lay_out()
        self._update_state()

    def title(self) -> str:
        return self.tr("Settings")

    # -- building -------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        return {
            "company.name": self.tr("Full legal name"),
            "company.edrpou": self.tr("ЄДРПОУ"),
            "company.ipn": self.tr("ІПН (VAT payers)"),
            "company.vat_payer": self.tr("VAT payer"),
            "company.iban": self.tr("IBAN for payments"),
            "company.bank": self.tr("Bank"),
            "company.address": self.tr("Legal address"),
            "company.city": self.tr("Place of issue"),
            "company.phone": self.tr("Phone"),
            "company.email": self.tr("E-mail"),
            "company.director": self.tr("Director (signs documents)"),
            "company.accountant": self.tr("Chief accountant"),
            "company.accounts": self.tr("Other bank accounts, one a line"),
            "policy": self.tr("Preset"),
            "fx.markup_percent": self.tr("Markup over the NBU rate, %"),
            "account.pattern": self.tr("Personal accounts"),
            "act.pattern": self.tr("Acts"),
            "invoice.pattern": self.tr("Invoices"),
            "invoice.due_days": self.tr("Days to pay an invoice"),
            "invoice.margin_percent": self.tr("Margin on suggested amounts, %"),
            "rates.currencies": self.tr("Currencies kept"),
            "rates.fallback_days": self.tr("Use the last known rate up to, days"),
            "rates.source_url": self.tr("Address of the NBU rates"),
            "alerts.low_balance_uah": self.tr("Low-balance notice below, UAH"),
            "books.first_day": self.tr("First day of the books"),
            "smtp.host": self.tr("Server"),
            "smtp.port": self.tr("Port"),
            "smtp.security": self.tr("Security"),
            "smtp.user": self.tr("User"),
            PASSWORD: self.tr("Password"),
            "smtp.sender": self.tr("Sender address"),
        }

    def _policy_labels(self) -> dict[str, str]:
        return {
            "anchor": self.tr("Period anchor"),
            "charge_mode": self.tr("Charge mode"),
            "change_policy": self.tr("Plan change"),
            "changes_per_day": self.tr("Plan changes a day (0: no limit)"),
            "payment_grace_hours": self.tr("Payment grace, hours"),
            "limit_grace_hours": self.tr("Limit grace, hours"),
            "expiry_months": self.tr("Balance expires after, months (0: never)"),
            "overage_multiplier": self.tr("Overage multiplier"),
            "fx_markup_percent": self.tr("FX markup, %"),
            "credit_enabled": self.tr("Credit"),
            "credit_percent": self.tr("Credit, % of average monthly debits"),
            "low_balance_notice": self.tr("Low-balance notice"),
            "suspend_allowed": self.tr("Suspend and resume"),
            "free_plan_on_signup": self.tr("Free plan on sign-up"),
            "limit_alerts": self.tr("Limit alerts"),
            "processor_fee_percent": self.tr("Payment processor fee, %"),
        }

    def _choice_words(self) -> dict[str, str]:
        """Codes the settings store, in the accountant's words."""
        return {
            "true": self.tr("yes"),
            "false": self.tr("no"),
            "calendar": self.tr("calendar month"),
            "anniversary": self.tr("from the day of purchase"),
            "upfront": self.tr("the whole period upfront"),
            "daily": self.tr("day by day"),
            "full_month": self.tr("from the next full month"),
            "prorated": self.tr("at once, prorated"),
            "starttls": self.tr("STARTTLS (port 587)"),
            "ssl": self.tr("SSL (port 465)"),
            "none": self.tr("no encryption"),
        }

    def _lay_out(self) -> None:
        labels = self._labels()
        groups: list[tuple[str, list[str]]] = [
            (
                self.tr("Company requisites"),
                [
                    "company.name",
                    "company.edrpou",
                    "company.vat_payer",
                    "company.ipn",
                    "company.address",
                    "company.city",
                    "company.phone",
                    "company.email",
                    "company.director",
                    "company.accountant",
                ],
            ),
            (
                self.tr("Our bank accounts"),
                ["company.iban", "company.bank", "company.accounts"],
            ),
            (self.tr("Billing policy"), ["policy", "fx.markup_percent"]),
            (
                self.tr("Numbering"),
                [
                    "account.pattern",
                    "invoice.pattern",
                    "act.pattern",
                    "invoice.due_days",
                    "invoice.margin_percent",
                ],
            ),
            (
                self.tr("Exchange rates"),
                ["rates.currencies", "rates.fallback_days", "rates.source_url"],
            ),
            (
                self.tr("E-mail (SMTP)"),
                ["smtp.host", "smtp.port", "smtp.security", "smtp.user", PASSWORD, "smtp.sender"],
            ),
            (self.tr("Alerts and books"), ["alerts.low_balance_uah", "books.first_day"]),
        ]
        placed = {key for _title, keys in groups for key in keys}
        others = [key for key in settings.SPECS if key not in placed]
        if others:
            groups.append((self.tr("Other"), others))

        inner = QWidget()
        columns = QHBoxLayout(inner)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        for n, (title, keys) in enumerate(groups):
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for key in keys:
                if key not in settings.SPECS:
                    continue  # a setting of another version (rates.source_url)
                field = self._field(key)
                label = QLabel(labels.get(key, key) + ":")
                label.setBuddy(field.widget)
                column = QVBoxLayout()
                column.setSpacing(2)
                column.addWidget(field.widget)
                column.addWidget(field.error)
                form.addRow(label, column)
            if title == self.tr("Billing policy"):
                form.addRow(self.preset_note)
                policy_labels = self._policy_labels()
                for name in SCALAR_FIELDS:
                    field = self._field(f"policy.{name}")
                    label = QLabel(policy_labels.get(name, name) + ":")
                    label.setBuddy(field.widget)
                    column = QVBoxLayout()
                    column.setSpacing(2)
                    column.addWidget(field.widget)
                    column.addWidget(field.error)
                    form.addRow(label, column)
            if title == self.tr("E-mail (SMTP)"):
                row = QHBoxLayout()
                row.addWidget(self.test_to, 1)
                row.addWidget(self.test_button)
                form.addRow(self.tr("Test:"), row)
            (left if n in (0, 1, 3, 6) else right).addWidget(box)
        language_box = QGroupBox(self.tr("Language"))
        language_form = QFormLayout(language_box)
        language_form.addRow(self.tr("Language of the window:"), self.language_combo)
        right.addWidget(language_box)
        left.addStretch(1)
        right.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _field(self, key: str) -> Field:
        field: Field
        if key == "company.vat_payer":
            box = QCheckBox()
            field = Field(
                key,
                box,
                lambda: "true" if box.isChecked() else "false",
                lambda text: box.setChecked(text == "true"),
                box.toggled,
            )
        elif key in ("policy", "smtp.security") or key[7:] in CHOICE_FIELDS:
            combo = QComboBox()
            words = self._choice_words()
            if key == "policy":
                choices = list(PRESETS)
            elif key == "smtp.security":
                choices = ["starttls", "ssl", "none"]
            else:
                combo.addItem(self.tr("as the preset"), "")
                choices = CHOICE_FIELDS[key[7:]]
            for choice in choices:
                combo.addItem(words.get(choice, choice), choice)
            field = Field(
                key,
                combo,
                lambda: str(combo.currentData()),
                lambda text: combo.setCurrentIndex(max(0, combo.findData(text))),
                combo.currentIndexChanged,
            )
        elif key == "company.accounts":
            lines = QPlainTextEdit()
            lines.setTabChangesFocus(True)
            lines.setFixedHeight(lines.fontMetrics().height() * 4 + 12)
            field = Field(
                key,
                lines,
                lambda: ",".join(
                    line.strip() for line in lines.toPlainText().splitlines() if line.strip()
                ),
                lambda text: lines.setPlainText("\n".join(i for i in text.split(",") if i)),
                lines.textChanged,
            )
        else:
            edit = QLineEdit()
            if key == PASSWORD:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setPlaceholderText(self.tr("not set"))
            field = Field(key, edit, edit.text, edit.setText, edit.textChanged)
        field.widget.setObjectName(key)
        field.changed.connect(lambda *_args, key=key: self._check(key))
        self.fields[key] = field
        return field

    # -- reading ----------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.loaded:
            self.reload()

    def refresh(self) -> None:
        self.reload()

    def reload_changed(self, changed: frozenset[str]) -> None:
        if self.loaded and SETTINGS in changed and not self.dirty_keys():
            self.reload()

    def reload(self) -> None:
        """Read the stored settings (a few rows: done at once, not in the background)."""
        self.loaded = True
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                values = settings.all_settings(uow)
        except Exception as exc:
            errors.show_error(self, exc, self.tr("Cannot read the database"))
            return
        self.stored = values
        for key, field in self.fields.items():
            field.widget.blockSignals(True)
            field.put("" if key == PASSWORD else values.get(key, ""))
            field.widget.blockSignals(False)
        password = self.fields.get(PASSWORD)
        if password is not None and isinstance(password.widget, QLineEdit):
            password.widget.setPlaceholderText(
                self.tr("stored; type a new one to change it")
                if values.get(PASSWORD)
                else self.tr("not set")
            )
        self.errors_shown.clear()
        for field in self.fields.values():
            field.error.hide()
        self._show_preset()
        self._update_state()

    # -- checking as typed ------------------------------------------------------

    def _check(self, key: str) -> None:
        field = self.fields[key]
        text = field.get()
        problem = ""
        if key.startswith("policy.") and not text.strip():
            if key in self.stored:
                problem = self.tr("An override cannot be removed here: type the preset's value")
        elif key == PASSWORD and not text:
            problem = ""  # keeps the stored one
        else:
            try:
                settings.parse_setting(key, text)
            except InputError as exc:
                problem = errors.error_text(exc)
        if problem:
            self.errors_shown[key] = problem
            field.error.setText(problem)
        else:
            self.errors_shown.pop(key, None)
        field.error.setVisible(bool(problem))
        if key == "policy":
            self._show_preset()
        self._update_state()

    def _show_preset(self) -> None:
        field = self.fields.get("policy")
        if field is None:
            return
        name = field.get()
        values = describe(PRESETS.get(name, PRESETS["S0"]))
        words = self._choice_words()
        for policy_name in SCALAR_FIELDS:
            edit = self.fields[f"policy.{policy_name}"].widget
            value = words.get(values[policy_name], values[policy_name])
            if isinstance(edit, QLineEdit):
                edit.setPlaceholderText(self.tr("preset: {value}").format(value=value))
            elif isinstance(edit, QComboBox) and policy_name in CHOICE_FIELDS:
                edit.setItemText(0, self.tr("as the preset: {value}").format(value=value))
        self.preset_note.setText(
            self.tr("Empty fields below take the preset's value; a value typed overrides it.")
        )

    def dirty_keys(self) -> list[str]:
        """The settings whose field differs from what is stored."""
        dirty = []
        for key, field in self.fields.items():
            text = field.get()
            if key == PASSWORD:
                if text:
                    dirty.append(key)
            elif key.startswith("policy."):
                if text.strip() and text.strip() != self.stored.get(key, ""):
                    dirty.append(key)
            elif text != self.stored.get(key, settings.SPECS[key].default):
                dirty.append(key)
        return dirty

    def _update_state(self) -> None:
        dirty = self.dirty_keys() if self.loaded else []
        self.save_button.setEnabled(bool(dirty) and not self.errors_shown)
        self.revert_button.setEnabled(bool(dirty))
        self.test_button.setEnabled(self.loaded and not dirty)
        if self.errors_shown:
            self.state_label.setText(
                self.tr("%n field(s) to correct before saving", "", len(self.errors_shown))
            )
        elif dirty:
            self.state_label.setText(self.tr("%n change(s) not saved", "", len(dirty)))
        else:
            self.state_label.setText("")

    # -- saving -------------------------------------------------------------------

    def save(self) -> BackgroundOp | None:
        dirty = self.dirty_keys()
        if not dirty or self.errors_shown:
            return None
        values = {key: self.fields[key].get() for key in dirty}

        def store(_progress: JobProgress) -> int:
            with UnitOfWork(self._engine) as uow:
                for key, value in values.items():
                    settings.set_setting(uow, key, value)
                uow.commit()
            return len(values)

        op = BackgroundOp(self, store, label=self.tr("Saving the settings…"), changes=(SETTINGS,))
        op.done.connect(self._saved)
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        self.save_button.setEnabled(False)
        return op.start()

    def _saved(self, count: int) -> None:
        self.reload()
        text = self.tr("%n setting(s) saved", "", count)
        self.state_label.setText(text)
        self.message.emit(text)
        self.saved.emit(count)

    def send_test(self) -> BackgroundOp:
        to = self.test_to.text()

        def send(_progress: JobProgress) -> str:
            with UnitOfWork(self._engine, read_only=True) as uow:
                return outbox.send_test_message(uow, to)

        op = BackgroundOp(self, send, label=self.tr("Sending a test message…"))
        op.done.connect(
            lambda address: self.message.emit(
                self.tr("The test message went to {address}").format(address=address)
            )
        )
        op.finished.connect(lambda: self._forget(op))
        self.jobs.append(op)
        return op.start()

    def _forget(self, op: BackgroundOp) -> None:
        if op in self.jobs:
            self.jobs.remove(op)
        op.deleteLater()
        self._update_state()

    def _language_chosen(self) -> None:
        self._qsettings.setValue(LANGUAGE_KEY, self.language_combo.currentData())
        self._qsettings.sync()
        self.message.emit(self.tr("The language changes when the program is started again"))

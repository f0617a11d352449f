"""Editing one plan or one option of the catalog.

A plan's changed terms become its next version (the service decides); the
dialog only gathers what was typed into the shape of a `catalog import` item,
so the window and the file are checked by the same rules. No default button:
Enter in a field saves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backoffice.errors import InputError
from backoffice.money import written_amount
from backoffice.services.catalog import OptionRow, PlanVersionRow
from ui import errors
from ui.format import format_amount

Save = Callable[[dict[str, object]], str]
MAX_INCLUDED = 1_000_000_000
DISCOUNT_MONTHS = (1, 3, 6, 12)
POLICIES = ("", "S0", "S1", "S2", "S3", "S4")


def typed_number(text: str) -> str:
    """`1 234,50` or `1234.50` as the import's decimal string; '' stays ''."""
    if not text.strip():
        return ""
    value = written_amount(text)
    if value is None:
        raise InputError(f"{text.strip()!r} is not a number: type it like 1 234,50")
    return str(value)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def _buttons(dialog: QDialog, save_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    save = QPushButton(save_text)
    box.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    for button in box.buttons():
        if isinstance(button, QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, save


class PlanDialog(QDialog):
    """A new plan (`plan` None) or the next version of one."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        plan: PlanVersionRow | None,
        options: list[OptionRow],
        save: Save,
        confirm: Callable[[QWidget, str], bool],
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self._options = options
        self._save = save
        self._confirm = confirm
        self.outcome: str | None = None
        self.setWindowTitle(self.tr("New plan") if plan is None else self.tr("Change plan"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "Prices in EUR a month. Changed terms become the plan's next version from "
                "today: new subscriptions and renewals take it, running periods keep theirs."
            )
        )
        intro.setWordWrap(True)
        self.code_edit = QLineEdit(plan.code if plan else "")
        self.code_edit.setReadOnly(plan is not None)
        self.code_edit.setPlaceholderText("business")
        self.code_edit.setToolTip(self.tr("Latin letters, digits, - or _; cannot change later"))
        self.name_edit = QLineEdit(plan.name if plan else "")
        self.kind_box = QComboBox()
        for kind, label in (
            ("preset", self.tr("ready-made")),
            ("custom", self.tr("custom")),
            ("free", self.tr("free")),
        ):
            self.kind_box.addItem(label, kind)
        if plan:
            self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(plan.kind)))
        self.policy_box = QComboBox()
        for code in POLICIES:
            self.policy_box.addItem(code or self.tr("company's policy"), code)
        if plan and plan.policy:
            self.policy_box.setCurrentIndex(max(0, self.policy_box.findData(plan.policy)))
        self.price_edit = QLineEdit(format_amount(plan.monthly_price) if plan else "")
        self.price_edit.setPlaceholderText("100,00")

        self.quantities = QTableWidget(len(options), 3)
        self.quantities.setHorizontalHeaderLabels(
            [self.tr("Option"), self.tr("Included a month"), self.tr("Limit")]
        )
        self.quantities.verticalHeader().hide()
        header = self.quantities.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.included: dict[str, QSpinBox] = {}
        self.limit: dict[str, QSpinBox] = {}
        for row, option in enumerate(options):
            item = QTableWidgetItem(f"{option.name} ({option.unit})")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(option.code)
            self.quantities.setItem(row, 0, item)
            for column, store, values in (
                (1, self.included, plan.includes if plan else {}),
                (2, self.limit, plan.limits if plan else {}),
            ):
                spin = QSpinBox()
                spin.setRange(0, MAX_INCLUDED)
                spin.setSpecialValueText("—")  # 0: none
                spin.setValue(int(values.get(option.code, 0)))
                store[option.code] = spin
                self.quantities.setCellWidget(row, column, spin)
        self.quantities.setMinimumHeight(min(260, 40 + 30 * len(options)))

        discounts = dict(plan.period_discounts) if plan else {}
        months = sorted(set(DISCOUNT_MONTHS) | set(discounts))
        self.discounts: dict[int, QLineEdit] = {}
        discount_form = QFormLayout()
        for month in months:
            edit = QLineEdit(_plain(discounts[month]) if month in discounts else "")
            edit.setPlaceholderText(self.tr("policy"))
            edit.setMaximumWidth(90)
            self.discounts[month] = edit
            discount_form.addRow(self.tr("{n} months, %:").format(n=month), edit)
        discount_note = QLabel(
            self.tr("All empty: the policy's discounts. Any filled: only those periods.")
        )
        discount_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Code:"), self.code_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Kind:"), self.kind_box)
        form.addRow(self.tr("&Policy:"), self.policy_box)
        form.addRow(self.tr("&Price, EUR a month:"), self.price_edit)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.buttons, self.save_button = _buttons(self, self.tr("Save plan"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Included quantities and limits:")))
        layout.addWidget(self.quantities)
        layout.addWidget(QLabel(self.tr("Discounts for paying several months ahead:")))
        layout.addLayout(discount_form)
        layout.addWidget(discount_note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.code_edit, self.name_edit, self.price_edit, *self.discounts.values()):
            edit.textChanged.connect(self._check)
        self._check()

    def item(self) -> dict[str, object]:
        """What was typed, as an item of the catalog file (SPEC §16)."""
        return {
            "code": self.code_edit.text().strip(),
            "name": self.name_edit.text().strip(),
            "kind": self.kind_box.currentData(),
            "policy": self.policy_box.currentData() or None,
            "monthly_price": typed_number(self.price_edit.text()) or None,
            "includes": {c: s.value() for c, s in self.included.items() if s.value()},
            "limits": {c: s.value() for c, s in self.limit.items() if s.value()},
            "period_discounts": {
                str(m): typed_number(e.text())
                for m, e in self.discounts.items()
                if e.text().strip()
            },
        }

    def _check(self) -> None:
        problem = ""
        try:
            item = self.item()
            if not item["code"] or not item["name"] or not item["monthly_price"]:
                problem = self.tr("Code, name and price are needed.")
        except InputError:
            problem = self.tr("Price and discounts are numbers, like 100,00 and 5.")
        self.problem.setText(problem if self.price_edit.text().strip() else "")
        self.save_button.setEnabled(not problem)

    def accept(self) -> None:
        try:
            item = self.item()
        except InputError as exc:
            errors.show_error(self, exc, self.windowTitle())
            return
        if self._plan is not None:
            question = self.tr(
                "Save the plan «{name}» as version {n}? Subscriptions keep version {old} "
                "until their next renewal."
            ).format(name=item["name"], n=self._plan.version + 1, old=self._plan.version)
            if not self._confirm(self, question):
                return
        try:
            self.outcome = self._save(item)
        except Exception as exc:  # a refusal: say so, keep what was typed
            errors.show_error(self, exc, self.windowTitle())
            return
        super().accept()


class OptionDialog(QDialog):
    """A new option or a change of one (options change in place, audited)."""

    def __init__(self, parent: QWidget | None, *, option: OptionRow | None, save: Save) -> None:
        super().__init__(parent)
        self._save = save
        self.outcome: str | None = None
        self.setWindowTitle(self.tr("New option") if option is None else self.tr("Change option"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "An option's price applies from now to every subscription that has it; "
                "the change is kept in the option's history."
            )
        )
        intro.setWordWrap(True)
        self.code_edit = QLineEdit(option.code if option else "")
        self.code_edit.setReadOnly(option is not None)
        self.code_edit.setPlaceholderText("users")
        self.name_edit = QLineEdit(option.name if option else "")
        self.unit_edit = QLineEdit(option.unit if option else "")
        self.unit_edit.setPlaceholderText(self.tr("user"))
        self.type_box = QComboBox()
        for code, label in (
            ("metered", self.tr("metered: usage counted")),
            ("limit", self.tr("limit: a cap on objects")),
            ("flat", self.tr("flat: a monthly fee")),
        ):
            self.type_box.addItem(label, code)
        if option:
            self.type_box.setCurrentIndex(max(0, self.type_box.findData(option.type)))
        self.price_edit = QLineEdit(format_amount(option.unit_price) if option else "")
        self.price_edit.setPlaceholderText("1,00")
        multiplier = option.overage_multiplier if option else None
        self.multiplier_edit = QLineEdit("" if multiplier is None else _plain(multiplier))
        self.multiplier_edit.setPlaceholderText(self.tr("policy"))
        form = QFormLayout()
        form.addRow(self.tr("&Code:"), self.code_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Unit:"), self.unit_edit)
        form.addRow(self.tr("&Type:"), self.type_box)
        form.addRow(self.tr("&Price, EUR per unit:"), self.price_edit)
        form.addRow(self.tr("&Overage multiplier:"), self.multiplier_edit)
        self.buttons, self.save_button = _buttons(self, self.tr("Save option"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.code_edit, self.name_edit, self.price_edit):
            edit.textChanged.connect(self._check)
        self._check()

    def item(self) -> dict[str, object]:
        multiplier = typed_number(self.multiplier_edit.text())
        return {
            "code": self.code_edit.text().strip(),
            "name": self.name_edit.text().strip(),
            "unit": self.unit_edit.text().strip(),
            "type": self.type_box.currentData(),
            "unit_price": typed_number(self.price_edit.text()) or None,
            "overage_multiplier": multiplier or None,
        }

    def _check(self) -> None:
        ready = all(e.text().strip() for e in (self.code_edit, self.name_edit, self.price_edit))
        self.save_button.setEnabled(ready)

    def accept(self) -> None:
        try:
            self.outcome = self._save(self.item())
        except Exception as exc:  # a refusal: say so, keep what was typed
            errors.show_error(self, exc, self.windowTitle())
            return
        super().accept()

"""A client's requisites as a form, each field checked as it is typed.

The checks are the services' own (`backoffice.codes`, `validation`,
`clients.check_client`), so the form refuses exactly what `client add` and
`client edit` refuse; only their wording is the window's: the reason is shown
in Ukrainian under the field at fault, and `record()` is None while any field
has one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from backoffice import bounds, codes, validation
from backoffice.dates import written_date
from backoffice.domain import ClientKind, ClientRecord
from backoffice.errors import BackofficeError
from backoffice.services.clients import check_client
from ui import errors
from ui.account_table import kind_text
from ui.format import format_date

ERROR_STYLE = "color: #c62828;"
WARNING_STYLE = "color: #8d6e00;"


def _lines(text: str) -> list[str]:
    return [p for p in text.replace(",", " ").replace(";", " ").split() if p]


class RequisitesForm(QWidget):
    """Emits `changed()` at every keystroke; `problems` maps a field to its reason."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._today = today or dt.date.today()
        self.problems: dict[str, str] = {}
        self.warnings: list[str] = []

        self.kind_combo = QComboBox()
        for kind in ClientKind:
            self.kind_combo.addItem(kind_text(kind), kind)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(bounds.MAX_NAME + 1)
        self.short_name_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.code_label = QLabel()
        self.vat_check = QCheckBox(self.tr("VAT payer"))
        self.ipn_edit = QLineEdit()
        self.ipn_edit.setPlaceholderText(self.tr("12 digits"))
        self.address_edit = QLineEdit()
        self.ibans_edit = QPlainTextEdit()
        self.ibans_edit.setPlaceholderText(self.tr("one IBAN a line: UA…"))
        self.ibans_edit.setFixedHeight(60)
        self.emails_edit = QPlainTextEdit()
        self.emails_edit.setPlaceholderText(self.tr("one e-mail a line"))
        self.emails_edit.setFixedHeight(50)
        self.contract_no_edit = QLineEdit()
        self.contract_date_edit = QLineEdit()
        self.contract_date_edit.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.manager_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(50)

        self.errors: dict[str, QLabel] = {}
        self._form = form = QFormLayout(self)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        for field, label, editor in (
            ("name", self.tr("&Name:"), self.name_edit),
            ("short_name", self.tr("&Short name:"), self.short_name_edit),
            ("code", self.code_label, self.code_edit),
            ("", "", self.vat_check),
            ("ipn", self.tr("&ІПН:"), self.ipn_edit),
            ("address", self.tr("&Address:"), self.address_edit),
            ("ibans", self.tr("&IBANs:"), self.ibans_edit),
            ("emails", self.tr("&E-mails:"), self.emails_edit),
            ("contract_no", self.tr("&Contract No:"), self.contract_no_edit),
            ("contract_date", self.tr("Contract &date:"), self.contract_date_edit),
            ("manager", self.tr("&Manager:"), self.manager_edit),
            ("notes", self.tr("N&otes:"), self.notes_edit),
        ):
            form.addRow(label, editor)
            if field:
                self._add_error_row(field)

        for edit in (
            self.name_edit,
            self.short_name_edit,
            self.code_edit,
            self.ipn_edit,
            self.address_edit,
            self.contract_no_edit,
            self.contract_date_edit,
            self.manager_edit,
        ):
            edit.textChanged.connect(self._check)
        for text in (self.ibans_edit, self.emails_edit, self.notes_edit):
            text.textChanged.connect(self._check)
        self.vat_check.toggled.connect(self._check)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _add_error_row(self, field: str) -> None:
        """The reason of a field, on its own row under it, hidden while there is none."""
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setObjectName(f"error_{field}")
        self._form.addRow("", label)
        self._form.setRowVisible(label, False)
        self.errors[field] = label

    # -- what the dialog asks ------------------------------------------------

    def kind(self) -> ClientKind:
        return ClientKind(self.kind_combo.currentData())

    def set_record(self, record: ClientRecord) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(record.kind))
        self.name_edit.setText(record.name)
        self.short_name_edit.setText(record.short_name)
        self.code_edit.setText(record.edrpou or record.rnokpp or "")
        self.vat_check.setChecked(record.vat_payer)
        self.ipn_edit.setText(record.ipn or "")
        self.address_edit.setText(record.address)
        self.ibans_edit.setPlainText("\n".join(record.ibans))
        self.emails_edit.setPlainText("\n".join(record.emails))
        self.contract_no_edit.setText(record.contract_no or "")
        self.contract_date_edit.setText(format_date(record.contract_date))
        self.manager_edit.setText(record.manager)
        self.notes_edit.setPlainText(record.notes)
        self._check()

    def set_read_only(self, read_only: bool, *, kind_fixed: bool = True) -> None:
        for edit in (
            self.name_edit,
            self.short_name_edit,
            self.code_edit,
            self.ipn_edit,
            self.address_edit,
            self.contract_no_edit,
            self.contract_date_edit,
            self.manager_edit,
        ):
            edit.setReadOnly(read_only)
        for text in (self.ibans_edit, self.emails_edit, self.notes_edit):
            text.setReadOnly(read_only)
        self.vat_check.setEnabled(not read_only)
        self.kind_combo.setEnabled(not read_only and not kind_fixed)

    def record(self) -> ClientRecord | None:
        """The client as typed, checked by the service; None while a field is wrong."""
        if self.problems:
            return None
        return self._record()

    def _record(self) -> ClientRecord:
        kind = self.kind()
        code = self.code_edit.text().strip() or None
        return ClientRecord(
            kind=kind,
            name=self.name_edit.text(),
            short_name=self.short_name_edit.text(),
            edrpou=code if kind is ClientKind.LEGAL else None,
            rnokpp=None if kind is ClientKind.LEGAL else code,
            vat_payer=self.vat_check.isChecked(),
            ipn=self.ipn_edit.text().strip() or None,
            address=self.address_edit.text(),
            ibans=tuple(_lines(self.ibans_edit.toPlainText())),
            emails=tuple(_lines(self.emails_edit.toPlainText())),
            contract_no=self.contract_no_edit.text().strip() or None,
            contract_date=written_date(self.contract_date_edit.text().strip())
            if self.contract_date_edit.text().strip()
            else None,
            manager=self.manager_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    # -- checks ----------------------------------------------------------------

    def _kind_changed(self) -> None:
        legal = self.kind() is ClientKind.LEGAL
        self.code_label.setText(self.tr("ЄДРПОУ:") if legal else self.tr("РНОКПП:"))
        self.code_edit.setPlaceholderText(self.tr("8 digits") if legal else self.tr("10 digits"))
        self._check()

    def _check(self) -> None:
        problems: dict[str, str] = {}
        self.warnings = []
        for field, edit, limit in (
            ("name", self.name_edit, bounds.MAX_NAME),
            ("short_name", self.short_name_edit, bounds.MAX_SHORT_NAME),
            ("address", self.address_edit, bounds.MAX_ADDRESS),
            ("manager", self.manager_edit, bounds.MAX_MANAGER),
            ("contract_no", self.contract_no_edit, bounds.MAX_CONTRACT_NO),
        ):
            problem = self._text_problem(edit.text(), limit, required=field == "name")
            if problem:
                problems[field] = problem
        notes = self._text_problem(self.notes_edit.toPlainText(), bounds.MAX_NOTES, multiline=True)
        if notes:
            problems["notes"] = notes
        code = self._code_problem()
        if code:
            problems["code"] = code
        ipn = self._ipn_problem()
        if ipn:
            problems["ipn"] = ipn
        ibans = self._ibans_problem()
        if ibans:
            problems["ibans"] = ibans
        emails = [e for e in _lines(self.emails_edit.toPlainText()) if not _valid_email(e)]
        if emails:
            problems["emails"] = self.tr("“{email}” is not an e-mail address.").format(
                email=emails[0]
            )
        contract = self._contract_date_problem()
        if contract:
            problems["contract_date"] = contract
        if not problems:
            try:  # what only the whole client can tell
                check_client(self._record())
            except BackofficeError as exc:
                problems["name"] = errors.error_text(exc)
        self.problems = problems
        for field, label in self.errors.items():
            text = problems.get(field, "")
            if field == "ibans" and not text and self.warnings:
                label.setStyleSheet(WARNING_STYLE)
                text = "\n".join(self.warnings)
            else:
                label.setStyleSheet(ERROR_STYLE)
            label.setText(text)
            self._form.setRowVisible(label, bool(text))
        self._fit_window()
        self.changed.emit()

    def _fit_window(self) -> None:
        """Grow the dialog to show every line of a wrapped reason: a form layout
        sizes it by the one-line hint and would run the sentence over the next
        field (as the top-up dialog does)."""
        window = self.window()
        layout = window.layout()
        if window is self or layout is None:
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(window.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if window.height() < needed:
            window.resize(window.width(), needed)

    def _text_problem(
        self, text: str, limit: int, *, required: bool = False, multiline: bool = False
    ) -> str:
        stripped = text.strip()
        if required and not stripped:
            return self.tr("Required.")
        if len(stripped) > limit:
            return self.tr("Too long: at most {limit} characters.").format(limit=limit)
        try:
            validation.text(text, what="text", limit=limit, multiline=multiline)
        except BackofficeError:
            return self.tr("Contains a control character: retype it.")
        return ""

    def _code_problem(self) -> str:
        kind = self.kind()
        text = self.code_edit.text().strip()
        if not text:
            if kind is ClientKind.LEGAL:
                return self.tr("A legal entity needs its ЄДРПОУ.")
            if kind is ClientKind.SOLE:
                return self.tr("A sole proprietor needs a РНОКПП.")
            return ""
        digits = 8 if kind is ClientKind.LEGAL else 10
        try:
            codes.edrpou(text) if kind is ClientKind.LEGAL else codes.rnokpp(text)
        except BackofficeError as exc:
            message = str(exc)
            if "check digit" in message:
                return self.tr("The check digit does not match: look for a typo.")
            if "digits only" in message:
                return self.tr("Digits only.")
            return self.tr("It has {digits} digits.").format(digits=digits)
        return ""

    def _ipn_problem(self) -> str:
        text = self.ipn_edit.text().strip()
        if not text:
            return self.tr("A VAT payer needs its ІПН.") if self.vat_check.isChecked() else ""
        try:
            codes.ipn(text)
        except BackofficeError:
            return self.tr("ІПН has 12 digits.")
        return ""

    def _ibans_problem(self) -> str:
        for text in _lines(self.ibans_edit.toPlainText()):
            try:
                checked = codes.iban(text)
            except BackofficeError as exc:
                message = str(exc).lower()
                if "checksum" in message:
                    why = self.tr("the check digits do not match")
                elif "length" in message:
                    why = self.tr("wrong length")
                elif "country" in message:
                    why = self.tr("unknown country code")
                else:
                    why = self.tr("wrong characters")
                return self.tr("IBAN {iban}: {why}.").format(iban=text, why=why)
            if checked.warning:
                self.warnings.append(
                    self.tr("IBAN {iban}: its bank is not in the register; check it.").format(
                        iban=checked.iban
                    )
                )
        return ""

    def _contract_date_problem(self) -> str:
        text = self.contract_date_edit.text().strip()
        if not text:
            return ""
        day = written_date(text)
        if day is None:
            return self.tr("Type a date like 07.12.2026.")
        if not self.contract_no_edit.text().strip():
            return self.tr("A contract date needs the contract number.")
        try:
            validation.business_date(day, what="contract date", today=self._today)
        except BackofficeError:
            return self.tr("The date is outside what the books can hold.")
        return ""


def _valid_email(text: str) -> bool:
    try:
        codes.email(text)
    except BackofficeError:
        return False
    return True

"""The tariff constructor (SPEC §6.1, §6.2): plan, options, months and
auto-renewal, with the price breakdown redrawn on every change.

What the breakdown depends on (catalog, policies, the day's rate, the funds)
is read once per business date off the GUI thread (`tariff_quotes.load_terms`);
each change is then priced in memory by the same code the service prices
with, so the window never waits on the database while the user clicks.
Subscribing asks first, naming the account and the amount (No is the default
answer), runs in the background, and leaves the activation invoice at hand to
save as PDF.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.billing.catalog import OptionType
from backoffice.billing.policy import ChargeMode
from backoffice.billing.pricing import Quote
from backoffice.db.engine import UnitOfWork
from backoffice.errors import BackofficeError
from backoffice.services import subscription_orders, tariff_quotes
from ui import errors
from ui.background import ACCOUNTS, INVOICES, BackgroundOp, JobProgress
from ui.format import format_amount
from ui.print_jobs import open_document, print_invoices
from ui.reason_dialog import date_edit, date_of
from ui.subscriptions.jobs import Jobs
from ui.subscriptions.words import (
    ERROR_STYLE,
    SUBSCRIPTIONS,
    months_text,
    period_text,
    price_html,
    quote_html,
    status_text,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

MAX_QUANTITY = 100_000


class SubscriptionDialog(QDialog):
    """Emits `subscribed(PlacedOrder)` once the order is committed."""

    subscribed = Signal(object)

    def __init__(
        self,
        engine: Engine,
        account_number: str,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.account_number = account_number
        self.terms: tariff_quotes.ConstructorTerms | None = None
        self.quote: Quote | None = None
        self.placed: subscription_orders.PlacedOrder | None = None
        self.jobs = Jobs()
        self.open_printed = True  # open the saved PDF in the system viewer
        self._loading: BackgroundOp | None = None
        self._reload_again = False
        self._ordering = False
        self.setWindowTitle(
            self.tr("New subscription: account {number}").format(number=account_number)
        )
        self.setMinimumWidth(860)

        self.who = QLabel(self.tr("Account {number}").format(number=account_number))
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.RichText)

        self.date_edit = date_edit(today or dt.date.today())
        self.date_edit.setToolTip(self.tr("The business date: its NBU rate prices the order"))
        self.plan_combo = QComboBox()
        self.plan_combo.setAccessibleName(self.tr("Plan"))
        self.months_combo = QComboBox()
        self.months_combo.setAccessibleName(self.tr("Months"))
        self.auto_renew = QCheckBox(self.tr("Renew automatically at the end of the period"))
        self.auto_renew.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("Business &date:"), self.date_edit)
        form.addRow(self.tr("&Plan:"), self.plan_combo)
        form.addRow(self.tr("&Months:"), self.months_combo)
        form.addRow("", self.auto_renew)

        self.options_box = QGroupBox(self.tr("Options (quantity above the plan)"))
        self.options_form = QFormLayout(self.options_box)
        self.option_spins: dict[str, QSpinBox] = {}

        self.breakdown = QLabel(self.tr("Reading the catalog and the rate…"))
        self.breakdown.setTextFormat(Qt.TextFormat.RichText)
        self.breakdown.setWordWrap(True)
        self.breakdown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.breakdown.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.breakdown)
        scroll.setMinimumHeight(340)
        breakdown_box = QGroupBox(self.tr("Price"))
        QVBoxLayout(breakdown_box).addWidget(scroll)

        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.hide()

        self.subscribe_button = QPushButton(self.tr("&Subscribe…"))
        self.print_button = QPushButton(self.tr("Save &invoice as PDF…"))
        self.print_button.hide()
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.subscribe_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.subscribe_button, self.print_button, self.close_button):
            # nothing that buys or posts answers a stray Enter
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.print_button.hide()  # shown once an invoice is issued
        self.subscribe_button.clicked.connect(self.ask_and_subscribe)
        self.print_button.clicked.connect(self.choose_invoice_file)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.options_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(breakdown_box, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

        self.plan_combo.currentIndexChanged.connect(self._plan_changed)
        self.months_combo.currentIndexChanged.connect(self.refresh)
        self.date_edit.dateChanged.connect(self._date_changed)
        self._set_enabled(False)
        self.load_terms()

    # -- what the choice depends on ---------------------------------------------------------

    def business_date(self) -> dt.date:
        return date_of(self.date_edit)

    def load_terms(self) -> None:
        """Read the catalog, the rate and the funds of the business date, off the GUI thread."""
        if self._loading is not None:  # a date typed while a read runs: read again after it
            self._reload_again = True
            return
        number, day, engine = self.account_number, self.business_date(), self._engine

        def job(_progress: JobProgress) -> tariff_quotes.ConstructorTerms:
            with UnitOfWork(engine, read_only=True) as uow:
                return tariff_quotes.load_terms(uow, number, day)

        op = BackgroundOp(self, job, label=self.tr("Reading the catalog…"), show_errors=False)
        op.done.connect(self._terms_loaded)
        op.failed.connect(self._terms_failed)
        op.finished.connect(self._loaded)
        self._loading = op
        self.jobs.start(op)

    def _loaded(self) -> None:
        self._loading = None
        if self._reload_again:
            self._reload_again = False
            self.load_terms()

    def _terms_failed(self, exc: BaseException) -> None:
        self._show_problem(errors.error_text(exc))

    def _terms_loaded(self, terms: tariff_quotes.ConstructorTerms) -> None:
        first = self.terms is None
        self.terms = terms
        self.who.setText(
            self.tr("<b>{number}</b> — {client}<br>Funds: {funds} UAH").format(
                number=terms.account,
                client=html.escape(terms.client),
                funds=format_amount(terms.funds),
            )
        )
        if first:
            self._fill_catalog(terms)
        self._set_enabled(self.placed is None)
        self.refresh()
        self.layout().activate()  # the options arrived after the dialog was laid out

    def _fill_catalog(self, terms: tariff_quotes.ConstructorTerms) -> None:
        self.plan_combo.blockSignals(True)
        for plan in terms.plans:
            self.plan_combo.addItem(
                self.tr("{name} — {eur} EUR a month").format(
                    name=plan.name, eur=format_amount(plan.monthly_price)
                ),
                plan.code,
            )
        self.plan_combo.setCurrentIndex(-1)  # nothing chosen for the user
        self.plan_combo.blockSignals(False)
        for option in terms.options:
            spin = QSpinBox()
            spin.setRange(0, MAX_QUANTITY)
            spin.setAccessibleName(option.name)
            per = (
                self.tr("{eur} EUR per {unit}, bought as extra included quantity")
                if option.type is OptionType.METERED
                else self.tr("{eur} EUR per {unit} a month")
            )
            spin.setToolTip(per.format(eur=format_amount(option.unit_price), unit=option.unit))
            spin.valueChanged.connect(self.refresh)
            self.option_spins[option.code] = spin
            self.options_form.addRow(f"{option.name}:", spin)
        if not terms.options:
            self.options_form.addRow(QLabel(self.tr("The catalog has no options.")))

    def _date_changed(self) -> None:
        self.load_terms()

    def _plan_changed(self) -> None:
        plan = self.plan_code()
        self.months_combo.blockSignals(True)
        chosen = self.months_combo.currentData()
        self.months_combo.clear()
        if plan is not None and self.terms is not None:
            for months, discount in self.terms.periods(plan).items():
                self.months_combo.addItem(months_text(months, discount), months)
            index = self.months_combo.findData(chosen)
            self.months_combo.setCurrentIndex(max(index, 0))
        self.months_combo.blockSignals(False)
        self.refresh()

    # -- the choice and its price -----------------------------------------------------------

    def plan_code(self) -> str | None:
        code = self.plan_combo.currentData()
        return str(code) if code is not None else None

    def months(self) -> int | None:
        months = self.months_combo.currentData()
        return int(months) if months is not None else None

    def chosen_options(self) -> list[tuple[str, int]]:
        return [(code, spin.value()) for code, spin in self.option_spins.items() if spin.value()]

    def choose(
        self, plan: str, months: int, options: dict[str, int] | None = None, auto_renew: bool = True
    ) -> None:
        """Make a choice as a user would (tests and callers that preselect)."""
        self.plan_combo.setCurrentIndex(self.plan_combo.findData(plan))
        self.months_combo.setCurrentIndex(self.months_combo.findData(months))
        for code, spin in self.option_spins.items():
            spin.setValue((options or {}).get(code, 0))
        self.auto_renew.setChecked(auto_renew)

    def refresh(self) -> None:
        """Price the current choice (in memory) and redraw the breakdown."""
        self.quote = None
        terms, plan, months = self.terms, self.plan_code(), self.months()
        problem = ""
        if terms is None:
            return
        if terms.live_status is not None and self.placed is None:
            problem = self.tr(
                "The account already has a subscription ({status}): change it from the "
                "subscription panel."
            ).format(status=status_text(terms.live_status))
        if plan is None or months is None:
            self.breakdown.setText(self.tr("Choose a plan and the months."))
        else:
            try:
                price = terms.price(plan, self.chosen_options(), months)
                if terms.rate is None:
                    self.breakdown.setText(f"<table width='100%'>{price_html(price)}</table>")
                    problem = problem or self.tr(
                        "No NBU rate for {date}: enter or fetch the rate to see the price in UAH."
                    ).format(date=self.date_edit.text())
                else:
                    self.quote = terms.quote(plan, self.chosen_options(), months)
                    self.breakdown.setText(quote_html(self.quote, terms.day))
            except BackofficeError as exc:
                self.breakdown.setText("")
                problem = errors.error_text(exc)
        self._show_problem(problem)
        self.subscribe_button.setEnabled(
            self.placed is None and self.quote is not None and terms.live_status is None
        )

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.plan_combo, self.months_combo, self.auto_renew, self.options_box):
            widget.setEnabled(enabled)
        self.date_edit.setEnabled(self.placed is None)
        if not enabled:
            self.subscribe_button.setEnabled(False)

    # -- subscribing ------------------------------------------------------------------------

    def confirmation_box(self) -> QMessageBox:
        """The question before ordering, built but not shown (tests inspect it)."""
        assert self.terms is not None and self.quote is not None
        terms, quote = self.terms, self.quote
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Subscribe"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            self.tr(
                "Subscribe account <b>{account}</b> of <b>{client}</b> to plan «{plan}» for "
                "{months}: <b>{uah} UAH</b> ({eur} EUR)?"
            ).format(
                account=terms.account,
                client=html.escape(terms.client),
                plan=html.escape(self.plan_combo.currentText().split(" — ")[0]),
                months=self.months_combo.currentText(),
                uah=format_amount(quote.uah),
                eur=format_amount(quote.price.eur),
            )
        )
        plan = self.plan_code()
        daily = plan is not None and terms.policies[plan].charge_mode is ChargeMode.DAILY
        box.setInformativeText(
            self.tr(
                "The funds cover the full price; it is debited day by day "
                "(the monthly price divided by the days of the month)."
            )
            if daily and not quote.missing
            else self.tr("{uah} UAH will be debited from the account now.").format(
                uah=format_amount(quote.uah)
            )
            if not quote.missing
            else self.tr(
                "The funds are {missing} UAH short: the subscription will wait for a top-up, "
                "and an activation invoice will be issued."
            ).format(missing=format_amount(quote.missing))
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Subscribe"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Do not subscribe"))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter is the safe answer
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box

    def ask_and_subscribe(self) -> BackgroundOp | None:
        if self.quote is None or self.placed is not None or self._busy():
            return None
        box = self.confirmation_box()
        answer = box.exec()
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.start_subscribe()

    def _busy(self) -> bool:
        return self.jobs.busy()

    def start_subscribe(self) -> BackgroundOp:
        plan, months = self.plan_code(), self.months()
        assert plan is not None and months is not None
        number, engine, day = self.account_number, self._engine, self.business_date()
        options, auto_renew = self.chosen_options(), self.auto_renew.isChecked()

        def job(_progress: JobProgress) -> subscription_orders.PlacedOrder:
            with UnitOfWork(engine) as uow:
                placed = subscription_orders.place_order(
                    uow, number, plan, options, months, auto_renew, day
                )
                uow.commit()
            return placed

        self.subscribe_button.setEnabled(False)
        self._ordering = True
        op = BackgroundOp(
            self,
            job,
            label=self.tr("Subscribing…"),
            changes={ACCOUNTS, INVOICES, SUBSCRIPTIONS},
        )
        op.done.connect(self._subscribed)
        op.failed.connect(lambda _exc: self.refresh())
        op.finished.connect(self._ordered)
        return self.jobs.start(op)

    def _subscribed(self, placed: subscription_orders.PlacedOrder) -> None:
        self.placed = placed
        self._set_enabled(False)
        view = placed.subscription
        if view.status == "active":
            text = self.tr("Subscribed: <b>{status}</b>, paid {period}.").format(
                status=status_text(view.status),
                period=period_text(view.period_start, view.period_end),
            )
        else:
            text = self.tr("Subscribed: <b>{status}</b>.").format(status=status_text(view.status))
        if placed.invoice:
            text += " " + self.tr("Activation invoice <b>{number}</b> issued.").format(
                number=html.escape(placed.invoice)
            )
            self.print_button.show()
            self.print_button.setEnabled(True)
        if placed.warning:
            text += "<br>" + html.escape(errors.error_text(BackofficeError(placed.warning)))
        self.outcome.setText(text)
        self.outcome.show()
        self.subscribed.emit(placed)

    # -- the invoice ------------------------------------------------------------------------

    def choose_invoice_file(self) -> None:
        if self.placed is None or not self.placed.invoice:
            return
        stem = self.placed.invoice.replace("/", "-")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save PDF"),
            str(Path.home() / f"{stem}.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if name:
            self.start_print(Path(name) if Path(name).suffix else Path(name).with_suffix(".pdf"))

    def start_print(self, path: Path) -> BackgroundOp:
        assert self.placed is not None and self.placed.invoice
        numbers, engine = [self.placed.invoice], self._engine
        op = BackgroundOp(
            self,
            lambda progress: print_invoices(engine, numbers, path, progress),
            label=self.tr("Saving the invoice to {name}…").format(name=path.name),
        )
        op.done.connect(self._printed)
        return self.jobs.start(op)

    def _printed(self, path: Path) -> None:
        self.outcome.setText(
            self.outcome.text()
            + "<br>"
            + self.tr("Saved {path}").format(path=html.escape(str(path)))
        )
        if self.open_printed:
            open_document(path)

    def _ordered(self) -> None:
        self._ordering = False

    def reject(self) -> None:
        if self._ordering:
            return  # an order being written: close once it is
        super().reject()

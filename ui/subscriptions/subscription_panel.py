"""The subscription of one personal account, for the client card to embed
(SPEC §6.2): plan, status, paid period, auto-renewal and options, with the
lifecycle actions.

Every action asks first and takes the accountant's reason (it goes to the
audit log beside the action's own record): a plan change shows its refund or
difference before it is confirmed, computed by the same rules the change
applies (`tariff_quotes.preview_change_plan`). Reads and the plan change run
off the GUI thread; after any change the panel announces it on `change_hub`
and reads the card again.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backoffice.billing.policy import ChangePolicy
from backoffice.db.engine import UnitOfWork
from backoffice.services import subscription_orders, tariff_quotes
from backoffice.services.subscription_orders import SubscriptionCard
from ui import errors
from ui.background import ACCOUNTS, INVOICES, BackgroundOp, JobProgress, change_hub
from ui.format import format_amount, format_date, format_rate
from ui.reason_dialog import ReasonDialog, date_edit, date_of
from ui.subscriptions.constructor_dialog import MAX_QUANTITY, SubscriptionDialog
from ui.subscriptions.jobs import Jobs
from ui.subscriptions.words import (
    ERROR_STYLE,
    SUBSCRIPTIONS,
    option_status_text,
    period_text,
    status_text,
    uah_text,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

CHANGES = frozenset({ACCOUNTS, INVOICES, SUBSCRIPTIONS})
__all__ = ["ChangePlanDialog", "OptionsDialog", "SubscriptionPanel", "status_text"]


def _no_default(*buttons: QPushButton) -> None:
    for button in buttons:  # nothing that posts answers a stray Enter
        button.setAutoDefault(False)
        button.setDefault(False)


class SubscriptionPanel(QWidget):
    """`message(text)` says what was done, for the window's status bar."""

    message = Signal(str)

    def __init__(
        self,
        engine: Engine,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self._today = today
        self.account_number: str | None = None
        self.card: SubscriptionCard | None = None
        self.card_loaded = False
        self.jobs = Jobs()

        self.summary = QLabel(self.tr("No account chosen."))
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.new_button = QPushButton(self.tr("&New subscription…"))
        self.change_button = QPushButton(self.tr("&Change plan…"))
        self.options_button = QPushButton(self.tr("Add &options…"))
        self.suspend_button = QPushButton(self.tr("&Suspend…"))
        self.resume_button = QPushButton(self.tr("&Resume…"))
        self.renew_button = QPushButton(self.tr("Auto-renewal…"))
        self.new_button.setToolTip(self.tr("The tariff constructor: plan, options, months"))
        self.change_button.setToolTip(self.tr("Shows the refund or the difference first"))
        self.suspend_button.setToolTip(self.tr("No further debits; access blocked until resumed"))
        buttons = (
            self.new_button,
            self.change_button,
            self.options_button,
            self.suspend_button,
            self.resume_button,
            self.renew_button,
        )
        _no_default(*buttons)
        self.new_button.clicked.connect(self.open_constructor)
        self.change_button.clicked.connect(self.open_change_plan)
        self.options_button.clicked.connect(self.open_add_options)
        self.suspend_button.clicked.connect(self.suspend)
        self.resume_button.clicked.connect(self.resume)
        self.renew_button.clicked.connect(self.toggle_auto_renew)

        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        box = QGroupBox(self.tr("Subscription"))
        inner = QVBoxLayout(box)
        inner.addWidget(self.summary)
        inner.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        change_hub().changed.connect(self.reload_changed)
        self._enable()

    def title(self) -> str:
        return self.tr("Subscription")

    # -- reading ----------------------------------------------------------------------------

    def set_account(self, number: str | None) -> None:
        self.account_number = number
        self.reload()

    def reload_changed(self, changed: frozenset[str]) -> None:
        if changed & CHANGES:
            self.reload()

    def reload(self) -> None:
        number, engine = self.account_number, self._engine
        self.card_loaded = False
        if number is None:
            self.card = None
            self._show()
            return

        def job(_progress: JobProgress) -> SubscriptionCard | None:
            with UnitOfWork(engine, read_only=True) as uow:
                return subscription_orders.subscription_card(uow, number)

        op = BackgroundOp(self, job, label=self.tr("Reading the subscription…"))
        op.done.connect(lambda card: self._card_read(number, card))
        self.jobs.start(op)

    def _card_read(self, number: str, card: SubscriptionCard | None) -> None:
        if number != self.account_number:
            return  # another account was chosen meanwhile
        self.card = card
        self.card_loaded = True
        self._show()

    def _show(self) -> None:
        card = self.card
        if self.account_number is None:
            self.summary.setText(self.tr("No account chosen."))
        elif card is None:
            self.summary.setText(
                self.tr(
                    "Account {number} has no subscription: choose a plan with New subscription."
                ).format(number=self.account_number)
            )
        else:
            self.summary.setText(self.summary_html(card))
        self._enable()
        self.layout().activate()  # the card's rows arrived after the panel was laid out

    def summary_html(self, card: SubscriptionCard) -> str:
        yes, no = self.tr("yes"), self.tr("no")
        rows = [
            (
                self.tr("Plan"),
                f"<b>{html.escape(card.plan_name)}</b>, "
                + self.tr("{eur} EUR a month").format(eur=format_amount(card.plan_monthly_eur)),
            ),
            (self.tr("Status"), f"<b>{status_text(card.status)}</b>"),
            (self.tr("Paid period"), period_text(card.period_start, card.period_end)),
            (self.tr("Bought for"), self.tr("%n month(s)", None, card.months)),
            (self.tr("Auto-renewal"), yes if card.auto_renew else no),
            (self.tr("Ordered"), format_date(card.ordered_on)),
            (self.tr("Funds"), uah_text(card.funds)),
        ]
        if card.outstanding_eur:
            rows.append(
                (
                    self.tr("Waiting for funds"),
                    f"<span style='{ERROR_STYLE}'>{format_amount(card.outstanding_eur)} EUR</span>",
                )
            )
        if card.invoice:
            rows.append((self.tr("Activation invoice"), html.escape(card.invoice)))
        options = (
            "<br>".join(
                html.escape(f"{o.name}: {o.quantity} {o.unit}")
                + f" — {option_status_text(o.status)}"
                + ("" if o.renews else " " + self.tr("(this period only)"))
                for o in card.options
            )
            or "—"
        )
        rows.append((self.tr("Options"), options))
        body = "".join(f"<tr><td>{k}:\u00a0</td><td>{v}</td></tr>" for k, v in rows)
        return f"<table>{body}</table>"

    def _enable(self) -> None:
        card = self.card
        busy = self.account_number is None or not self.card_loaded
        live = card is not None and card.status != "ended"
        running = live and card is not None and card.status in ("active", "blocked")
        self.new_button.setEnabled(not busy and not live)
        self.change_button.setEnabled(not busy and running)
        self.options_button.setEnabled(not busy and card is not None and card.status == "active")
        self.suspend_button.setEnabled(not busy and running)
        self.resume_button.setEnabled(not busy and card is not None and card.status == "suspended")
        self.renew_button.setEnabled(not busy and live)
        if card is not None:
            self.renew_button.setText(
                self.tr("Auto-renewal &off…") if card.auto_renew else self.tr("Auto-renewal &on…")
            )

    # -- actions ----------------------------------------------------------------------------

    def _changed(self, text: str) -> None:
        change_hub().changed.emit(CHANGES)  # the card reloads through reload_changed
        self.message.emit(text)

    def open_constructor(self) -> None:
        if self.account_number is None:
            return
        dialog = SubscriptionDialog(self._engine, self.account_number, self, today=self._today())
        dialog.subscribed.connect(
            lambda placed: self.message.emit(
                self.tr("Account {number}: subscribed, {status}").format(
                    number=placed.subscription.account,
                    status=status_text(placed.subscription.status),
                )
            )
        )
        dialog.exec()
        dialog.deleteLater()

    def open_change_plan(self) -> None:
        if self.account_number is None or self.card is None:
            return
        dialog = ChangePlanDialog(self._engine, self.card, self._today(), self)
        if dialog.exec() and dialog.result_value is not None:
            self._changed(
                self.tr("Account {number}: plan changed to {plan}").format(
                    number=self.card.account, plan=dialog.result_value.plan
                )
            )
        dialog.deleteLater()

    def open_add_options(self) -> None:
        if self.account_number is None or self.card is None:
            return
        dialog = OptionsDialog(self._engine, self.card, self._today(), self)
        if dialog.exec() and dialog.result_value is not None:
            added = dialog.result_value
            text = self.tr("Account {number}: options added").format(number=self.card.account)
            if added.invoice:
                text += "; " + self.tr("invoice {number} issued").format(number=added.invoice)
            self._changed(text)
        dialog.deleteLater()

    def _reason_action(
        self,
        title: str,
        what: str,
        ok_text: str,
        apply: Callable[[dt.date, str], object],
        *,
        with_date: bool = True,
        done: str,
    ) -> None:
        dialog = ReasonDialog(
            self,
            title=title,
            what=what,
            ok_text=ok_text,
            apply=apply,
            today=self._today(),
            with_date=with_date,
            keep_text=self.tr("&Keep as it is"),
        )
        _no_default(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        if dialog.exec():
            self._changed(done)
        dialog.deleteLater()

    def suspend(self) -> None:
        card = self.card
        if card is None:
            return
        engine = self._engine

        def apply(day: dt.date, reason: str) -> object:
            with UnitOfWork(engine) as uow:
                view = subscription_orders.suspend(uow, card.account, day, reason)
                uow.commit()
            return view

        self._reason_action(
            self.tr("Suspend subscription"),
            self.tr(
                "Suspend the subscription of account <b>{number}</b> ({client})? No further "
                "debits are made and access is blocked until it is resumed."
            ).format(number=card.account, client=html.escape(card.client)),
            self.tr("&Suspend"),
            apply,
            done=self.tr("Account {number}: subscription suspended").format(number=card.account),
        )

    def resume(self) -> None:
        card = self.card
        if card is None:
            return
        engine = self._engine

        def apply(day: dt.date, reason: str) -> object:
            with UnitOfWork(engine) as uow:
                view = subscription_orders.resume(uow, card.account, day, reason)
                uow.commit()
            return view

        self._reason_action(
            self.tr("Resume subscription"),
            self.tr(
                "Resume the subscription of account <b>{number}</b> ({client})? A period that "
                "ended meanwhile is renewed where the funds allow."
            ).format(number=card.account, client=html.escape(card.client)),
            self.tr("&Resume"),
            apply,
            done=self.tr("Account {number}: subscription resumed").format(number=card.account),
        )

    def toggle_auto_renew(self) -> None:
        card = self.card
        if card is None:
            return
        engine, turn_on = self._engine, not card.auto_renew

        def apply(_day: dt.date, reason: str) -> object:
            with UnitOfWork(engine) as uow:
                view = subscription_orders.set_auto_renew(uow, card.account, turn_on, reason)
                uow.commit()
            return view

        what = (
            self.tr(
                "Turn auto-renewal on for account <b>{number}</b>: the next period will be "
                "debited when this one ends."
            )
            if turn_on
            else self.tr(
                "Turn auto-renewal off for account <b>{number}</b>: the subscription "
                "ends with its paid period."
            )
        )
        self._reason_action(
            self.tr("Auto-renewal"),
            what.format(number=card.account),
            self.tr("Turn &on") if turn_on else self.tr("Turn &off"),
            apply,
            with_date=False,
            done=self.tr("Account {number}: auto-renewal changed").format(number=card.account),
        )


class ChangePlanDialog(QDialog):
    """Choose the new plan; the refund or difference is shown before anything is asked."""

    def __init__(
        self, engine: Engine, card: SubscriptionCard, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.card = card
        self.preview: tariff_quotes.ChangePreview | None = None
        self.result_value: object = None
        self.jobs = Jobs()
        self._asked = 0  # the newest preview asked for; older answers are dropped
        self._writing = False
        self.setWindowTitle(self.tr("Change plan: account {number}").format(number=card.account))
        self.setMinimumWidth(520)

        who = QLabel(
            self.tr("<b>{number}</b> — {client}<br>Now: «{plan}», {status}").format(
                number=card.account,
                client=html.escape(card.client),
                plan=html.escape(card.plan_name),
                status=status_text(card.status),
            )
        )
        who.setWordWrap(True)
        self.plan_combo = QComboBox()
        self.date_edit = date_edit(today)
        self.preview_label = QLabel(self.tr("Choose the new plan."))
        self.preview_label.setTextFormat(Qt.TextFormat.RichText)
        self.preview_label.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("e.g. the client asked by letter of 05.11.2026")
        )

        form = QFormLayout()
        form.addRow(self.tr("New &plan:"), self.plan_combo)
        form.addRow(self.tr("Business &date:"), self.date_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Change plan…"))
        _no_default(ok, self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.buttons)

        self.plan_combo.currentIndexChanged.connect(self.ask_preview)
        self.date_edit.dateChanged.connect(self.ask_preview)
        self.reason_edit.textChanged.connect(self._check)
        self._load_plans()
        self._check()

    def _load_plans(self) -> None:
        number, engine, day = self.card.account, self._engine, date_of(self.date_edit)

        def job(_progress: JobProgress) -> tariff_quotes.ConstructorTerms:
            with UnitOfWork(engine, read_only=True) as uow:
                return tariff_quotes.load_terms(uow, number, day)

        op = BackgroundOp(self, job, label=self.tr("Reading the catalog…"))
        op.done.connect(self._plans_loaded)
        self.jobs.start(op)

    def _plans_loaded(self, terms: tariff_quotes.ConstructorTerms) -> None:
        self.plan_combo.blockSignals(True)
        for plan in terms.plans:
            if plan.code != self.card.plan_code:
                self.plan_combo.addItem(
                    self.tr("{name} — {eur} EUR a month").format(
                        name=plan.name, eur=format_amount(plan.monthly_price)
                    ),
                    plan.code,
                )
        self.plan_combo.setCurrentIndex(-1)
        self.plan_combo.blockSignals(False)

    def plan_code(self) -> str | None:
        code = self.plan_combo.currentData()
        return str(code) if code is not None else None

    def ask_preview(self) -> None:
        plan = self.plan_code()
        self.preview = None
        self._check()
        if plan is None:
            return
        self._asked += 1
        asked, number, engine, day = (
            self._asked,
            self.card.account,
            self._engine,
            date_of(self.date_edit),
        )
        self.preview_label.setText(self.tr("Working out the price…"))

        def job(_progress: JobProgress) -> tariff_quotes.ChangePreview:
            with UnitOfWork(engine, read_only=True) as uow:
                return tariff_quotes.preview_change_plan(uow, number, plan, day)

        op = BackgroundOp(self, job, label=self.tr("Working out the price…"))
        op.done.connect(lambda preview: self._previewed(asked, preview))
        self.jobs.start(op)

    def _previewed(self, asked: int, preview: tariff_quotes.ChangePreview) -> None:
        if asked != self._asked:
            return
        self.preview = preview
        self.preview_label.setText(self.preview_html(preview))
        self._check()

    def preview_html(self, p: tariff_quotes.ChangePreview) -> str:
        lines = []
        if p.rule is ChangePolicy.PRORATED:
            rule = self.tr("Prorated: the difference for the {left} days left of {total}.").format(
                left=p.days_left if p.days_left is not None else "—",
                total=p.days_total if p.days_total is not None else "—",
            )
        else:
            rule = self.tr(
                "Full month: the new plan's month is debited in full, no refund; what the old "
                "plan included burns."
            )
        lines.append(rule)
        if p.refusal:
            lines.append(
                f"<span style='{ERROR_STYLE}'>"
                + html.escape(
                    self.tr("The change would be refused: {reason}").format(
                        reason=errors.error_text(Exception(p.refusal))
                    )
                )
                + "</span>"
            )
            return "<br>".join(lines)
        eur, uah = abs(p.eur), abs(p.uah)
        if p.eur > 0:
            lines.append(
                self.tr("<b>To pay: {uah} UAH</b> ({eur} EUR)").format(
                    uah=format_amount(uah), eur=format_amount(eur)
                )
            )
        elif p.eur < 0:
            lines.append(
                self.tr("<b>Refund to the account: {uah} UAH</b> ({eur} EUR)").format(
                    uah=format_amount(uah), eur=format_amount(eur)
                )
            )
        else:
            lines.append(self.tr("Nothing is debited or refunded."))
        if p.rate is not None:
            lines.append(
                self.tr("NBU rate {rate}, markup {markup} %").format(
                    rate=format_rate(p.rate), markup=p.markup_percent.normalize()
                )
            )
        lines.append(self.tr("Funds: {funds} UAH").format(funds=format_amount(p.funds)))
        if p.missing:
            lines.append(
                f"<span style='{ERROR_STYLE}'>"
                + self.tr("Missing {missing} UAH: top up first.").format(
                    missing=format_amount(p.missing)
                )
                + "</span>"
            )
        return "<br>".join(lines)

    def _check(self) -> None:
        ready = (
            self.preview is not None
            and not self.preview.refusal
            and not self.preview.missing
            and bool(self.reason_edit.text().strip())
            and not self._writing
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def confirmation_box(self) -> QMessageBox:
        assert self.preview is not None
        p = self.preview
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Change plan"))
        box.setTextFormat(Qt.TextFormat.RichText)
        if p.eur > 0:
            money = self.tr("{uah} UAH will be debited.").format(uah=format_amount(p.uah))
        elif p.eur < 0:
            money = self.tr("{uah} UAH will be refunded.").format(uah=format_amount(-p.uah))
        else:
            money = self.tr("No money moves.")
        box.setText(
            self.tr(
                "Change the plan of account <b>{number}</b> from «{old}» to «{new}»? {money}"
            ).format(
                number=p.account,
                old=html.escape(p.old_plan),
                new=html.escape(p.new_plan),
                money=f"<b>{money}</b>",
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Change plan"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Keep the plan"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box

    def accept(self) -> None:
        plan = self.plan_code()
        reason = self.reason_edit.text().strip()
        if self.preview is None or plan is None or not reason or self.preview.refusal:
            return
        box = self.confirmation_box()
        answer = box.exec()
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            return
        number, engine, day = self.card.account, self._engine, date_of(self.date_edit)

        def job(_progress: JobProgress) -> object:
            with UnitOfWork(engine) as uow:
                view = subscription_orders.change_plan(uow, number, plan, day, reason)
                uow.commit()
            return view

        op = BackgroundOp(self, job, label=self.tr("Changing the plan…"))
        self._writing = True
        op.finished.connect(self._written)
        op.done.connect(self._changed)
        op.failed.connect(lambda _exc: self.ask_preview())
        self.jobs.start(op)
        self._check()

    def _written(self) -> None:
        self._writing = False
        self._check()

    def _changed(self, view: object) -> None:
        self.result_value = view
        super().accept()


class OptionsDialog(QDialog):
    """Options (or a boost pack) added to the running subscription."""

    def __init__(
        self, engine: Engine, card: SubscriptionCard, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.card = card
        self.result_value: subscription_orders.AddedOptions | None = None
        self.spins: dict[str, QSpinBox] = {}
        self.jobs = Jobs()
        self.setWindowTitle(self.tr("Add options: account {number}").format(number=card.account))
        self.setMinimumWidth(480)
        what = QLabel(
            self.tr(
                "Options are charged for the rest of the paid period ({period}), whole months; "
                "what the funds do not cover waits with its own invoice."
            ).format(period=period_text(card.period_start, card.period_end))
        )
        what.setWordWrap(True)
        self.options_form = QFormLayout()
        self.boost = QCheckBox(self.tr("A boost pack: for the current period only"))
        self.date_edit = date_edit(today)
        self.reason_edit = QLineEdit()
        form = QFormLayout()
        form.addRow("", self.boost)
        form.addRow(self.tr("Business &date:"), self.date_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add options…"))
        _no_default(ok, self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(self.options_form)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._check)
        self._load()
        self._check()

    def _load(self) -> None:
        number, engine, day = self.card.account, self._engine, date_of(self.date_edit)

        def job(_progress: JobProgress) -> tariff_quotes.ConstructorTerms:
            with UnitOfWork(engine, read_only=True) as uow:
                return tariff_quotes.load_terms(uow, number, day)

        op = BackgroundOp(self, job, label=self.tr("Reading the catalog…"))
        op.done.connect(self._loaded)
        self.jobs.start(op)

    def _loaded(self, terms: tariff_quotes.ConstructorTerms) -> None:
        for option in terms.options:
            spin = QSpinBox()
            spin.setRange(0, MAX_QUANTITY)
            spin.setToolTip(
                self.tr("{eur} EUR per {unit} a month").format(
                    eur=format_amount(option.unit_price), unit=option.unit
                )
            )
            spin.valueChanged.connect(self._check)
            self.spins[option.code] = spin
            self.options_form.addRow(f"{option.name}:", spin)

    def chosen(self) -> Sequence[tuple[str, int]]:
        return [(code, spin.value()) for code, spin in self.spins.items() if spin.value()]

    def _check(self) -> None:
        ready = bool(self.chosen()) and bool(self.reason_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def accept(self) -> None:
        options, reason = list(self.chosen()), self.reason_edit.text().strip()
        if not options or not reason:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        box.setText(
            self.tr("Add {options} to the subscription of account {number}?").format(
                options=", ".join(f"{code} × {qty}" for code, qty in options),
                number=self.card.account,
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Add"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Do not add"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with UnitOfWork(self._engine) as uow:
                self.result_value = subscription_orders.add_options(
                    uow,
                    self.card.account,
                    options,
                    date_of(self.date_edit),
                    reason,
                    boost=self.boost.isChecked(),
                )
                uow.commit()
        except Exception as exc:  # refusals and bugs alike: say so, keep what was typed
            errors.show_error(self, exc, self.windowTitle())
            return
        super().accept()

"""The Catalog screen (SPEC §6.1): plans with their versions and the options
of the tariff constructor, edited in dialogs, imported from a catalog JSON
file, and each plan's history of versions with their dates.

A plan's price change is a new version (`backoffice.services.catalog`):
running subscriptions keep their version until renewal. Options change in
place; their history comes from the audit log.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backoffice.db.engine import UnitOfWork
from backoffice.exports import ColumnKind
from backoffice.services import catalog
from backoffice.services.catalog import CatalogImport, OptionChange, OptionRow, PlanVersionRow
from ui import errors
from ui.background import BackgroundOp, JobProgress, change_hub
from ui.catalog.catalog_dialogs import OptionDialog, PlanDialog
from ui.format import format_amount
from ui.record_table import (
    RecordColumn,
    RecordSortProxy,
    RecordTableModel,
    current_record,
    make_view,
)
from ui.screen_parts import add_context_actions, button_row, empty_hint, filter_field, make_action

if TYPE_CHECKING:
    from sqlalchemy import Engine

CATALOG: Final = "catalog"  # what an operation changed: plans and options (change_hub)
_CONTEXT: Final = "CatalogScreen"
K = ColumnKind


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _quantities(values: dict[str, int]) -> str:
    return ", ".join(f"{code} {quantity}" for code, quantity in sorted(values.items()))


def _discounts(values: dict[int, Decimal]) -> str:
    if not values:
        return _tr("policy's")
    return ", ".join(
        _tr("{n} mo. {p}%").format(n=months, p=format(percent.normalize(), "f"))
        for months, percent in values.items()
    )


def _kind(kind: str) -> str:
    return {"preset": _tr("ready-made"), "custom": _tr("custom"), "free": _tr("free")}.get(
        kind, kind
    )


def plan_columns() -> tuple[RecordColumn[PlanVersionRow], ...]:
    return (
        RecordColumn(_tr("Code"), lambda p: p.code, K.TEXT, "Код", sample="business-plus"),
        RecordColumn(_tr("Plan"), lambda p: p.name, K.TEXT, "Тариф", sample="Бізнес Плюс"),
        RecordColumn(_tr("Kind"), lambda p: _kind(p.kind), K.TEXT, "Вид", sample="індивідуальний"),
        RecordColumn(_tr("Version"), lambda p: p.version, K.INTEGER, "Версія", sample="000"),
        RecordColumn(_tr("Since"), lambda p: p.since.date(), K.DATE, "Діє з", sample="00.00.0000"),
        RecordColumn(
            _tr("EUR a month"),
            lambda p: p.monthly_price,
            K.EUR,
            "EUR на місяць",
            sample="9 999,99",
        ),
        RecordColumn(
            _tr("Includes"),
            lambda p: _quantities(p.includes),
            K.TEXT,
            "Включено",
            tooltip=lambda p: _quantities(p.includes),
        ),
        RecordColumn(
            _tr("Limits"), lambda p: _quantities(p.limits), K.TEXT, "Ліміти", sample="users 10"
        ),
        RecordColumn(
            _tr("Discounts"),
            lambda p: _discounts(p.period_discounts),
            K.TEXT,
            "Знижки",
            sample="3 міс. 5%, 6 міс. 10%",
        ),
        RecordColumn(
            _tr("Subscriptions"), lambda p: p.subscriptions, K.INTEGER, "Підписок", sample="00000"
        ),
    )


def history_columns() -> tuple[RecordColumn[PlanVersionRow], ...]:
    return (
        RecordColumn(_tr("Version"), lambda p: p.version, K.INTEGER, "Версія", sample="000"),
        RecordColumn(
            _tr("Since"), lambda p: p.since, K.DATETIME, "Діє з", sample="00.00.0000 00:00"
        ),
        RecordColumn(
            _tr("EUR a month"), lambda p: p.monthly_price, K.EUR, "EUR", sample="9 999,99"
        ),
        RecordColumn(_tr("Includes"), lambda p: _quantities(p.includes), K.TEXT, "Включено"),
        RecordColumn(_tr("Limits"), lambda p: _quantities(p.limits), K.TEXT, "Ліміти"),
        RecordColumn(_tr("Discounts"), lambda p: _discounts(p.period_discounts), K.TEXT, "Знижки"),
        RecordColumn(
            _tr("Subscriptions"), lambda p: p.subscriptions, K.INTEGER, "Підписок", sample="00000"
        ),
    )


def _option_type(kind: str) -> str:
    return {"metered": _tr("metered"), "limit": _tr("limit"), "flat": _tr("flat fee")}.get(
        kind, kind
    )


def option_columns() -> tuple[RecordColumn[OptionRow], ...]:
    return (
        RecordColumn(_tr("Code"), lambda o: o.code, K.TEXT, "Код", sample="deliveries"),
        RecordColumn(_tr("Option"), lambda o: o.name, K.TEXT, "Опція"),
        RecordColumn(_tr("Unit"), lambda o: o.unit, K.TEXT, "Одиниця", sample="користувач"),
        RecordColumn(
            _tr("Type"), lambda o: _option_type(o.type), K.TEXT, "Тип", sample="за обсягом"
        ),
        RecordColumn(
            _tr("EUR per unit"), lambda o: o.unit_price, K.EUR, "EUR за од.", sample="9 999,99"
        ),
        RecordColumn(
            _tr("Overage ×"),
            lambda o: o.overage_multiplier,
            K.TEXT,
            "Понад ліміт ×",
            sample="policy's",
            shown=lambda o: (
                _tr("policy's")
                if o.overage_multiplier is None
                else format(o.overage_multiplier.normalize(), "f")
            ),
        ),
    )


def _terms(before: str | None, after: str | None, side: str) -> str:
    """An audited option change as the accountant reads it: only what changed."""
    try:
        old = json.loads(before) if before else {}
        new = json.loads(after) if after else {}
    except ValueError:
        return (before if side == "before" else after) or ""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return ""
    names = {
        "name": _tr("name"),
        "unit": _tr("unit"),
        "type": _tr("type"),
        "unit_price": _tr("EUR per unit"),
        "overage_multiplier": _tr("overage ×"),
    }
    shown = old if side == "before" else new
    keys = [k for k in names if k in shown and (not old or old.get(k) != new.get(k))]
    return "; ".join(f"{names[k]}: {_term(k, shown[k])}" for k in keys)


def _term(key: str, value: object) -> str:
    if value is None:
        return _tr("policy's")
    return _option_type(str(value)) if key == "type" else str(value)


def option_history_columns() -> tuple[RecordColumn[OptionChange], ...]:
    return (
        RecordColumn(_tr("When"), lambda c: c.at, K.DATETIME, "Коли", sample="00.00.0000 00:00"),
        RecordColumn(_tr("Who"), lambda c: c.actor, K.TEXT, "Хто", sample="accountant"),
        RecordColumn(
            _tr("Change"),
            lambda c: _tr("added") if c.action.endswith("add") else _tr("changed"),
            K.TEXT,
            "Зміна",
            sample="змінено",
        ),
        RecordColumn(_tr("Before"), lambda c: _terms(c.before, c.after, "before"), K.TEXT, "Було"),
        RecordColumn(
            _tr("After"),
            lambda c: _terms(c.before, c.after, "after"),
            K.TEXT,
            "Стало",
            tooltip=lambda c: c.after,
        ),
    )


def _select(view: QTableView, proxy: RecordSortProxy, wanted: Callable[[Any], bool]) -> None:
    for row, record in enumerate(proxy.shown_records()):
        if wanted(record):
            view.selectRow(row)
            return


def ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        parent.windowTitle(),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class CatalogScreen(QWidget):
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        engine: Engine,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self.loaded = False
        self.jobs: list[BackgroundOp] = []
        self.last_import: CatalogImport | None = None
        self.options: list[OptionRow] = []
        self.confirm: Callable[[QWidget, str], bool] = ask  # tests answer for the user

        self.plans: RecordTableModel[PlanVersionRow] = RecordTableModel(plan_columns(), self)
        self.plan_proxy = RecordSortProxy(self.plans, self)
        self.plan_view = make_view(self.plan_proxy)
        self.history: RecordTableModel[PlanVersionRow] = RecordTableModel(
            history_columns(), self, greyed=lambda p: not p.latest
        )
        self.history_view = make_view(
            RecordSortProxy(self.history, self), sort=(0, Qt.SortOrder.DescendingOrder)
        )
        self.option_model: RecordTableModel[OptionRow] = RecordTableModel(option_columns(), self)
        self.option_proxy = RecordSortProxy(self.option_model, self)
        self.option_view = make_view(self.option_proxy)
        self.option_changes: RecordTableModel[OptionChange] = RecordTableModel(
            option_history_columns(), self
        )
        self.option_history_view = make_view(
            RecordSortProxy(self.option_changes, self), sort=(0, Qt.SortOrder.DescendingOrder)
        )
        self.history_title = QLabel()
        self.option_history_title = QLabel()

        self._make_actions()
        self._lay_out()
        self.empty_hints = (
            empty_hint(
                self.plan_view,
                self.tr("No plans yet: New plan… adds one, Import catalog… reads a JSON file."),
            ),
            empty_hint(
                self.option_view,
                self.tr("No options yet: New option… adds one, Import catalog… reads a file."),
            ),
        )
        self.plan_view.selectionModel().selectionChanged.connect(self._plan_chosen)
        self.option_view.selectionModel().selectionChanged.connect(self._option_chosen)
        self.plan_view.doubleClicked.connect(lambda _index: self.open_plan(new=False))
        self.option_view.doubleClicked.connect(lambda _index: self.open_option(new=False))
        change_hub().changed.connect(self.reload_changed)
        self._update_actions()

    def title(self) -> str:
        return self.tr("Catalog")

    def _make_actions(self) -> None:
        self.new_plan_action = make_action(
            self, self.tr("&New plan…"), lambda: self.open_plan(new=True), self.tr("Add a plan")
        )
        self.edit_plan_action = make_action(
            self,
            self.tr("&Change plan…"),
            lambda: self.open_plan(new=False),
            self.tr("Change the selected plan's price or terms: its next version"),
        )
        self.new_option_action = make_action(
            self,
            self.tr("New &option…"),
            lambda: self.open_option(new=True),
            self.tr("Add an option of the tariff constructor"),
        )
        self.edit_option_action = make_action(
            self,
            self.tr("Change op&tion…"),
            lambda: self.open_option(new=False),
            self.tr("Change the selected option's name, unit or price"),
        )
        self.import_action = make_action(
            self,
            self.tr("&Import catalog…"),
            self.open_import,
            self.tr("Read options and plans from a catalog JSON file"),
        )
        add_context_actions(self.plan_view, [self.edit_plan_action])
        add_context_actions(self.option_view, [self.edit_option_action])

    def _lay_out(self) -> None:
        plans_page = QWidget()
        box = QVBoxLayout(plans_page)
        box.addLayout(
            button_row(
                [self.new_plan_action, self.edit_plan_action, None, self.import_action],
                filter_field(self.plan_proxy, self.plan_view, self.tr("Filter plans")),
            )
        )
        history = QGroupBox(self.tr("Versions of the plan"))
        inner = QVBoxLayout(history)
        inner.addWidget(self.history_title)
        inner.addWidget(self.history_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.plan_view)
        split.addWidget(history)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        box.addWidget(split, 1)

        options_page = QWidget()
        box = QVBoxLayout(options_page)
        box.addLayout(
            button_row(
                [self.new_option_action, self.edit_option_action, None, self.import_action],
                filter_field(self.option_proxy, self.option_view, self.tr("Filter options")),
            )
        )
        changes = QGroupBox(self.tr("Changes of the option"))
        inner = QVBoxLayout(changes)
        inner.addWidget(self.option_history_title)
        inner.addWidget(self.option_history_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.option_view)
        split.addWidget(changes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        box.addWidget(split, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(plans_page, self.tr("&Plans"))
        self.tabs.addTab(options_page, self.tr("Op&tions"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.tabs, 1)

    # -- reading ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.reload()

    def reload_changed(self, changed: frozenset[str]) -> None:
        if CATALOG in changed and self.loaded:
            self.reload()

    def reload(self) -> None:
        chosen_plan = self.current_plan()
        chosen_option = self.current_option()
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                plans = catalog.plan_rows(uow)
                self.options = catalog.option_rows(uow)
        except Exception as exc:
            errors.show_error_once(self, exc, self.tr("Cannot read the catalog"))
            return
        self.loaded = True
        self.plans.set_records(plans)
        self.option_model.set_records(self.options)
        if chosen_plan is not None:
            _select(self.plan_view, self.plan_proxy, lambda p: p.code == chosen_plan.code)
        if chosen_option is not None:
            _select(self.option_view, self.option_proxy, lambda o: o.code == chosen_option.code)
        self._plan_chosen()
        self._option_chosen()

    def current_plan(self) -> PlanVersionRow | None:
        return current_record(self.plan_view)

    def current_option(self) -> OptionRow | None:
        return current_record(self.option_view)

    def select_plan(self, code: str) -> None:
        _select(self.plan_view, self.plan_proxy, lambda p: p.code == code)

    def select_option(self, code: str) -> None:
        _select(self.option_view, self.option_proxy, lambda o: o.code == code)

    def _plan_chosen(self) -> None:
        plan = self.current_plan()
        self._update_actions()
        if plan is None:
            self.history.set_records([])
            self.history_title.setText(self.tr("Choose a plan to see its versions."))
            return
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                versions = catalog.plan_history(uow, plan.code)
        except Exception as exc:
            errors.show_error_once(self, exc, self.tr("Cannot read the catalog"))
            return
        self.history.set_records(versions)
        self.history_title.setText(
            self.tr(
                "«{name}»: {n} versions. The newest applies to new subscriptions and "
                "renewals; a running period keeps the version it was bought at."
            ).format(name=plan.name, n=len(versions))
        )

    def _option_chosen(self) -> None:
        option = self.current_option()
        self._update_actions()
        if option is None:
            self.option_changes.set_records([])
            self.option_history_title.setText(self.tr("Choose an option to see its changes."))
            return
        try:
            with UnitOfWork(self._engine, read_only=True) as uow:
                changes = catalog.option_history(uow, option.code)
        except Exception as exc:
            errors.show_error_once(self, exc, self.tr("Cannot read the catalog"))
            return
        self.option_changes.set_records(changes)
        self.option_history_title.setText(
            self.tr("«{name}»: {price} EUR per {unit}.").format(
                name=option.name, price=format_amount(option.unit_price), unit=option.unit
            )
        )

    def _update_actions(self) -> None:
        self.edit_plan_action.setEnabled(self.current_plan() is not None)
        self.edit_option_action.setEnabled(self.current_option() is not None)

    # -- writing ------------------------------------------------------------------

    def _saver(
        self, save: Callable[[UnitOfWork, dict[str, object]], str]
    ) -> Callable[[dict[str, object]], str]:
        engine = self._engine

        def apply(item: dict[str, object]) -> str:
            with UnitOfWork(engine) as uow:
                outcome = save(uow, item)
                uow.commit()
            change_hub().changed.emit(frozenset({CATALOG}))
            return outcome

        return apply

    def make_plan_dialog(self, *, new: bool) -> PlanDialog | None:
        plan = None if new else self.current_plan()
        if not new and plan is None:
            return None
        if not self.loaded:
            self.reload()
        return PlanDialog(
            self,
            plan=plan,
            options=list(self.options),
            save=self._saver(catalog.save_plan),
            confirm=lambda parent, question: self.confirm(parent, question),
        )

    def open_plan(self, *, new: bool) -> None:
        dialog = self.make_plan_dialog(new=new)
        if dialog is None:
            return
        if dialog.exec():
            self.message.emit(self._said(dialog.outcome or ""))
        dialog.deleteLater()

    def make_option_dialog(self, *, new: bool) -> OptionDialog | None:
        option = None if new else self.current_option()
        if not new and option is None:
            return None
        return OptionDialog(self, option=option, save=self._saver(catalog.save_option))

    def open_option(self, *, new: bool) -> None:
        dialog = self.make_option_dialog(new=new)
        if dialog is None:
            return
        if dialog.exec():
            self.message.emit(self._said(dialog.outcome or ""))
        dialog.deleteLater()

    def _said(self, outcome: str) -> str:
        return {
            "plans_added": self.tr("Plan added"),
            "plan_versions_added": self.tr("The plan's new version is saved"),
            "options_added": self.tr("Option added"),
            "options_changed": self.tr("Option changed"),
        }.get(outcome, self.tr("Nothing changed"))

    def open_import(self) -> None:
        folder = str(self._settings.value("catalog/folder", str(Path.home())))
        name, _chosen = QFileDialog.getOpenFileName(
            self, self.tr("Import catalog"), folder, self.tr("Catalog (*.json);;All files (*)")
        )
        if name:
            self._settings.setValue("catalog/folder", str(Path(name).parent))
            self.start_import(Path(name))

    def start_import(self, path: Path) -> BackgroundOp:
        engine = self._engine

        def job(_progress: JobProgress) -> CatalogImport:
            with UnitOfWork(engine) as uow:
                result = catalog.import_catalog(uow, path)
                uow.commit()
            return result

        op = BackgroundOp(
            self, job, label=self.tr("Importing {name}…").format(name=path.name), changes={CATALOG}
        )
        op.done.connect(lambda result: self._imported(path, result))
        self.jobs.append(op)
        op.finished.connect(lambda: self.jobs.remove(op) if op in self.jobs else None)
        return op.start()

    def _imported(self, path: Path, result: CatalogImport) -> None:
        self.last_import = result
        self.message.emit(
            self.tr(
                "{name}: {plans} plans added, {versions} new versions, {options} options "
                "added, {changed} changed, {unchanged} unchanged."
            ).format(
                name=path.name,
                plans=result.plans_added,
                versions=result.plan_versions_added,
                options=result.options_added,
                changed=result.options_changed,
                unchanged=result.unchanged,
            )
        )

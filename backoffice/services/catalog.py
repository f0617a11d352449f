"""The catalog in the database: import (audited), plan versions, look-ups."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from sqlalchemy import func, select

from backoffice.billing.catalog import (
    Catalog,
    OptionSpec,
    OptionType,
    PlanKind,
    PlanSpec,
    parse_catalog,
    parse_option,
    parse_plan,
)
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord, CatalogOption, Plan, PlanVersion, Subscription
from backoffice.errors import InputError, NotFound
from backoffice.permissions import Permission, require
from backoffice.services import audit

MAX_CATALOG = 5 * 1024 * 1024


@dataclass(frozen=True)
class CatalogImport:
    options_added: int = 0
    options_changed: int = 0
    plans_added: int = 0
    plan_versions_added: int = 0
    unchanged: int = 0


def import_catalog(uow: UnitOfWork, path: Path) -> CatalogImport:
    require(uow, Permission.EDIT_CATALOG)
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    if path.stat().st_size > MAX_CATALOG:
        raise InputError(f"{path}: file is too large for a catalog")
    result = store_catalog(uow, parse_catalog(path.read_bytes(), str(path)))
    # each option and plan version changed has its own record with before → after
    audit.record(uow, "catalog.import", path.name[:120], None, result.__dict__)
    return result


def store_catalog(uow: UnitOfWork, catalog: Catalog) -> CatalogImport:
    """Add new options and plans, change options in place, version changed plans."""
    require(uow, Permission.EDIT_CATALOG)
    counts = dict.fromkeys(
        ("options_added", "options_changed", "plans_added", "plan_versions_added", "unchanged"), 0
    )
    for option in catalog.options:
        counts[_store_option(uow, option)] += 1
    uow.session.flush()
    for plan in catalog.plans:
        counts[_store_plan(uow, plan)] += 1
    return CatalogImport(**counts)


def _store_option(uow: UnitOfWork, spec: OptionSpec) -> str:
    row = uow.session.execute(
        select(CatalogOption).where(CatalogOption.code == spec.code)
    ).scalar_one_or_none()
    values = {
        "name": spec.name,
        "unit": spec.unit,
        "type": str(spec.type),
        "unit_price": spec.unit_price,
        "overage_multiplier": spec.overage_multiplier,
    }
    if row is None:
        uow.session.add(CatalogOption(code=spec.code, archived=False, **values))
        audit.record(uow, "catalog.option_add", spec.code, None, values)
        return "options_added"
    before = {key: getattr(row, key) for key in values}
    if before == values:
        return "unchanged"
    for key, value in values.items():
        setattr(row, key, value)
    audit.record(uow, "catalog.option_change", spec.code, before, values)
    return "options_changed"


def _store_plan(uow: UnitOfWork, spec: PlanSpec) -> str:
    plan = uow.session.execute(select(Plan).where(Plan.code == spec.code)).scalar_one_or_none()
    outcome = "plan_versions_added"
    if plan is None:
        plan = Plan(code=spec.code, name=spec.name, kind=str(spec.kind), policy=spec.policy)
        uow.session.add(plan)
        uow.session.flush()
        outcome = "plans_added"
    else:
        plan.name, plan.kind, plan.policy = spec.name, str(spec.kind), spec.policy
    latest = _latest_version(uow, plan.id)
    terms = _terms(spec)
    if latest is not None and _version_terms(latest) == terms:
        return "unchanged"
    version = (latest.version + 1) if latest else 1
    uow.session.add(PlanVersion(plan_id=plan.id, version=version, created_at=audit.now(), **terms))
    audit.record(
        uow,
        "catalog.plan_version",
        f"{spec.code} v{version}",
        _version_terms(latest) if latest else None,
        terms,
    )
    return outcome


def _terms(spec: PlanSpec) -> dict[str, object]:
    return {
        "monthly_price": spec.monthly_price,
        "includes": json.dumps(dict(spec.includes), sort_keys=True),
        "limits": json.dumps(dict(spec.limits), sort_keys=True),
        "period_discounts": json.dumps(
            {str(k): str(v) for k, v in spec.period_discounts.items()}, sort_keys=True
        ),
    }


def _version_terms(version: PlanVersion) -> dict[str, object]:
    return {
        "monthly_price": version.monthly_price,
        "includes": version.includes,
        "limits": version.limits,
        "period_discounts": version.period_discounts,
    }


def _latest_version(uow: UnitOfWork, plan_id: int) -> PlanVersion | None:
    return uow.session.execute(
        select(PlanVersion)
        .where(PlanVersion.plan_id == plan_id)
        .order_by(PlanVersion.version.desc())
        .limit(1)
    ).scalar_one_or_none()


def current_version(uow: UnitOfWork, plan_code: str) -> PlanVersion:
    plan = uow.session.execute(select(Plan).where(Plan.code == plan_code)).scalar_one_or_none()
    if plan is None or plan.archived:
        raise NotFound(f"plan {plan_code!r} does not exist")
    latest = _latest_version(uow, plan.id)
    if latest is None:  # pragma: no cover - a plan is stored with its first version
        raise NotFound(f"plan {plan_code!r} has no price")
    return latest


def latest_versions(uow: UnitOfWork) -> dict[int, PlanVersion]:
    """plan id → its newest version, one query (renewals of many subscriptions)."""
    newest = (
        select(PlanVersion.plan_id, func.max(PlanVersion.version).label("version"))
        .group_by(PlanVersion.plan_id)
        .subquery()
    )
    rows = uow.session.execute(
        select(PlanVersion).join(
            newest,
            (newest.c.plan_id == PlanVersion.plan_id) & (newest.c.version == PlanVersion.version),
        )
    ).scalars()
    return {row.plan_id: row for row in rows}


def plan_spec(uow: UnitOfWork, version: PlanVersion) -> PlanSpec:
    plan = uow.session.get(Plan, version.plan_id)
    assert plan is not None
    return spec_of(plan, version)


def spec_of(plan: Plan, version: PlanVersion) -> PlanSpec:
    return PlanSpec(
        code=plan.code,
        name=plan.name,
        monthly_price=version.monthly_price,
        kind=PlanKind(plan.kind),
        includes=MappingProxyType(json.loads(version.includes)),
        limits=MappingProxyType(json.loads(version.limits)),
        period_discounts=MappingProxyType(
            dict(
                sorted(
                    (int(k), Decimal(v)) for k, v in json.loads(version.period_discounts).items()
                )
            )
        ),
        policy=plan.policy,
    )


def option_by_code(uow: UnitOfWork, code: str) -> CatalogOption:
    row = uow.session.execute(
        select(CatalogOption).where(CatalogOption.code == code)
    ).scalar_one_or_none()
    if row is None or row.archived:
        raise NotFound(f"option {code!r} does not exist")
    return row


def option_spec(row: CatalogOption) -> OptionSpec:
    return OptionSpec(
        row.code, row.name, row.unit, OptionType(row.type), row.unit_price, row.overage_multiplier
    )


@dataclass(frozen=True)
class PlanRow:
    code: str
    name: str
    version: int
    monthly_price: Decimal
    periods: str


def list_plans(uow: UnitOfWork) -> list[PlanRow]:
    latest = latest_versions(uow)
    rows = []
    for plan in uow.session.execute(select(Plan).order_by(Plan.code)).scalars():
        version = latest[plan.id]
        spec = spec_of(plan, version)
        periods = ", ".join(f"{m}:{d}%" for m, d in spec.period_discounts.items()) or "policy"
        rows.append(PlanRow(plan.code, plan.name, version.version, version.monthly_price, periods))
    return rows


def free_plan_code(uow: UnitOfWork) -> str | None:
    return uow.session.execute(
        select(Plan.code)
        .where(Plan.kind == str(PlanKind.FREE), Plan.archived.is_(False))
        .order_by(Plan.id)
        .limit(1)
    ).scalar()


# -- the catalog screen: edits one plan or option at a time ---------------------


@dataclass(frozen=True)
class PlanVersionRow:
    """One version of a plan: its terms and since when they apply."""

    code: str
    name: str
    kind: str
    policy: str | None
    version: int
    since: dt.datetime  # new subscriptions and renewals take it from then on
    monthly_price: Decimal
    includes: dict[str, int]
    limits: dict[str, int]
    period_discounts: dict[int, Decimal]
    subscriptions: int  # subscriptions on this version now
    latest: bool


@dataclass(frozen=True)
class OptionRow:
    code: str
    name: str
    unit: str
    type: str
    unit_price: Decimal
    overage_multiplier: Decimal | None


@dataclass(frozen=True)
class OptionChange:
    at: dt.datetime
    actor: str
    action: str  # catalog.option_add | catalog.option_change
    before: str | None
    after: str | None


def plan_rows(uow: UnitOfWork) -> list[PlanVersionRow]:
    """Every plan at its newest version, archived ones left out."""
    newest = latest_versions(uow)
    plans = uow.session.execute(
        select(Plan).where(Plan.archived.is_(False)).order_by(Plan.code)
    ).scalars()
    counts = _subscriptions_per_version(uow)
    return [_version_row(plan, newest[plan.id], counts, True) for plan in plans]


def plan_history(uow: UnitOfWork, code: str) -> list[PlanVersionRow]:
    """The plan's versions, newest first."""
    plan = uow.session.execute(select(Plan).where(Plan.code == code)).scalar_one_or_none()
    if plan is None:
        raise NotFound(f"plan {code!r} does not exist")
    versions = list(
        uow.session.execute(
            select(PlanVersion)
            .where(PlanVersion.plan_id == plan.id)
            .order_by(PlanVersion.version.desc())
        ).scalars()
    )
    counts = _subscriptions_per_version(uow)
    return [_version_row(plan, v, counts, n == 0) for n, v in enumerate(versions)]


def save_plan(uow: UnitOfWork, item: dict[str, object]) -> str:
    """A plan as edited in the window, checked as `catalog import` checks it.

    Returns 'plans_added', 'plan_versions_added' (changed terms: a new version,
    while running subscriptions keep theirs until renewal) or 'unchanged'.
    """
    require(uow, Permission.EDIT_CATALOG)
    spec = parse_plan(item)
    known = set(uow.session.execute(select(CatalogOption.code)).scalars())
    unknown = sorted(code for code in (*spec.includes, *spec.limits) if code not in known)
    if unknown:
        raise InputError(f"plan {spec.code}: unknown option {', '.join(unknown)}")
    if spec.policy is not None and spec.policy not in {"S0", "S1", "S2", "S3", "S4"}:
        raise InputError(f"plan {spec.code}: policy {spec.policy!r} is not one of S0..S4")
    outcome = _store_plan(uow, spec)
    uow.session.flush()
    return outcome


def option_rows(uow: UnitOfWork) -> list[OptionRow]:
    return [
        OptionRow(o.code, o.name, o.unit, o.type, o.unit_price, o.overage_multiplier)
        for o in uow.session.execute(
            select(CatalogOption)
            .where(CatalogOption.archived.is_(False))
            .order_by(CatalogOption.code)
        ).scalars()
    ]


def save_option(uow: UnitOfWork, item: dict[str, object]) -> str:
    """An option as edited in the window: 'options_added', 'options_changed'
    (changed in place, audited) or 'unchanged'."""
    require(uow, Permission.EDIT_CATALOG)
    outcome = _store_option(uow, parse_option(item))
    uow.session.flush()
    return outcome


def option_history(uow: UnitOfWork, code: str) -> list[OptionChange]:
    """An option's changes, newest first, from the audit log (options change in place)."""
    rows = uow.session.execute(
        select(
            AuditRecord.at,
            AuditRecord.actor,
            AuditRecord.action,
            AuditRecord.before,
            AuditRecord.after,
        )
        .where(
            AuditRecord.subject == code,
            AuditRecord.action.in_(("catalog.option_add", "catalog.option_change")),
        )
        .order_by(AuditRecord.at.desc(), AuditRecord.id.desc())
    ).all()
    return [OptionChange(*row) for row in rows]


def _subscriptions_per_version(uow: UnitOfWork) -> dict[int, int]:
    return dict(
        uow.session.execute(
            select(Subscription.plan_version_id, func.count())
            .where(Subscription.status != "ended")
            .group_by(Subscription.plan_version_id)
        ).all()
    )


def _version_row(
    plan: Plan, version: PlanVersion, counts: dict[int, int], latest: bool
) -> PlanVersionRow:
    spec = spec_of(plan, version)
    return PlanVersionRow(
        code=plan.code,
        name=plan.name,
        kind=plan.kind,
        policy=plan.policy,
        version=version.version,
        since=version.created_at,
        monthly_price=version.monthly_price,
        includes=dict(spec.includes),
        limits=dict(spec.limits),
        period_discounts=dict(spec.period_discounts),
        subscriptions=counts.get(version.id, 0),
        latest=latest,
    )

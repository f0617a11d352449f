"""The catalog of the tariff constructor (SPEC §6.1) as plain values.

`parse_catalog` reads the JSON of `catalog import` (SPEC §16) and reports
every problem it finds, naming the item, before anything is stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from backoffice import validation
from backoffice.errors import InputError
from backoffice.money import percent

# Column widths of catalog_options / plans.
MAX_CODE = 60
MAX_CATALOG_NAME = 200
MAX_UNIT = 60


class OptionType(StrEnum):
    METERED = "metered"  # usage counted; included quantity resets each period
    LIMIT = "limit"  # a cap on objects; no overage
    FLAT = "flat"  # a monthly add-on fee


class PlanKind(StrEnum):
    PRESET = "preset"
    CUSTOM = "custom"
    FREE = "free"


@dataclass(frozen=True)
class OptionSpec:
    code: str
    name: str
    unit: str
    type: OptionType
    unit_price: Decimal  # EUR per unit per month (flat, limit) or per unit used (metered)
    overage_multiplier: Decimal | None = None  # None: the policy's


@dataclass(frozen=True)
class PlanSpec:
    code: str
    name: str
    monthly_price: Decimal  # EUR
    kind: PlanKind = PlanKind.PRESET
    includes: MappingProxyType[str, int] = field(default_factory=lambda: MappingProxyType({}))
    limits: MappingProxyType[str, int] = field(default_factory=lambda: MappingProxyType({}))
    # months → discount percent; empty: the policy's
    period_discounts: MappingProxyType[int, Decimal] = field(
        default_factory=lambda: MappingProxyType({})
    )
    policy: str | None = None


@dataclass(frozen=True)
class Catalog:
    options: tuple[OptionSpec, ...]
    plans: tuple[PlanSpec, ...]


def parse_catalog(data: bytes, name: str) -> Catalog:
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: line {exc.lineno}: broken JSON: {exc.msg}") from None
    if not isinstance(document, dict):
        raise InputError(f"{name}: expected an object with 'options' and 'plans'")
    problems: list[str] = []
    options = _each(document.get("options", []), name, "option", _option, problems)
    known = {o.code for o in options}
    plans = _each(document.get("plans", []), name, "plan", _plan, problems)
    for plan in plans:
        for code in (*plan.includes, *plan.limits):
            if code not in known:
                problems.append(f"{name}: plan {plan.code}: unknown option {code!r}")
    _duplicates([o.code for o in options], name, "option", problems)
    _duplicates([p.code for p in plans], name, "plan", problems)
    if problems:
        raise InputError("; ".join(problems))
    return Catalog(tuple(options), tuple(plans))


def parse_plan(item: dict[str, Any]) -> PlanSpec:
    """One plan as `catalog import` reads it (a plan edited in the window)."""
    try:
        return _plan(item)
    except (ValueError, TypeError) as exc:
        raise InputError(str(exc)) from None


def parse_option(item: dict[str, Any]) -> OptionSpec:
    """One option as `catalog import` reads it (an option edited in the window)."""
    try:
        return _option(item)
    except (ValueError, TypeError) as exc:
        raise InputError(str(exc)) from None


def _each(items: Any, name: str, what: str, parse: Any, problems: list[str]) -> list[Any]:
    if not isinstance(items, list):
        problems.append(f"{name}: '{what}s' must be a list")
        return []
    parsed = []
    for index, item in enumerate(items, start=1):
        label = item.get("code", f"#{index}") if isinstance(item, dict) else f"#{index}"
        try:
            if not isinstance(item, dict):
                raise InputError("not an object")
            parsed.append(parse(item))
        except (InputError, ValueError, TypeError) as exc:
            problems.append(f"{name}: {what} {label}: {exc}")
    return parsed


def _option(item: dict[str, Any]) -> OptionSpec:
    multiplier = item.get("overage_multiplier")
    return OptionSpec(
        code=_code(item),
        name=_name(item),
        unit=validation.text(str(item.get("unit", "")), what="unit", limit=MAX_UNIT),
        type=OptionType(item.get("type", "")),
        unit_price=_eur(item.get("unit_price"), "unit_price"),
        overage_multiplier=percent(str(multiplier), what="overage_multiplier")
        if multiplier is not None
        else None,
    )


def _plan(item: dict[str, Any]) -> PlanSpec:
    discounts = item.get("period_discounts") or {}
    if not isinstance(discounts, dict):
        raise InputError("period_discounts must be an object of months → percent")
    parsed_discounts: dict[int, Decimal] = {}
    for months, value in discounts.items():
        if not str(months).isdigit() or int(months) < 1:
            raise InputError(f"period {months!r} is not a number of months")
        parsed_discounts[int(months)] = percent(str(value), what=f"discount for {months} months")
    policy = item.get("policy")
    return PlanSpec(
        code=_code(item),
        name=_name(item),
        monthly_price=_eur(item.get("monthly_price"), "monthly_price"),
        kind=PlanKind(item.get("kind", "preset")),
        includes=MappingProxyType(_quantities(item.get("includes"), "includes")),
        limits=MappingProxyType(_quantities(item.get("limits"), "limits")),
        period_discounts=MappingProxyType(dict(sorted(parsed_discounts.items()))),
        policy=str(policy).upper() if policy else None,
    )


def _code(item: dict[str, Any]) -> str:
    code = str(item.get("code", "")).strip()
    # ASCII only: `isalnum` alone also takes other scripts' letters and digits
    if not code or not code.replace("_", "").replace("-", "").isalnum() or not code.isascii():
        raise InputError(f"code {validation.shown(code)} must be letters, digits, - or _")
    if len(code) > MAX_CODE:
        raise InputError(f"code {validation.shown(code)} is longer than {MAX_CODE} characters")
    return code


def _name(item: dict[str, Any]) -> str:
    return validation.text(
        str(item.get("name") or item["code"]), what="name", limit=MAX_CATALOG_NAME, required=True
    )


def _eur(value: Any, what: str) -> Decimal:
    if value is None:
        raise InputError(f"{what} is missing")
    amount = validation.amount(str(value), what=what)
    if amount < 0:
        raise InputError(f"{what} {amount} is negative")
    return amount


def _quantities(value: Any, what: str) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(f"{what} must be an object of option → quantity")
    result = {}
    for code, quantity in value.items():
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
            raise InputError(f"{what}.{code} must be a whole number ≥ 0")
        result[str(code)] = validation.quantity(quantity, what=f"{what}.{code}")
    return result


def _duplicates(codes: list[str], name: str, what: str, problems: list[str]) -> None:
    seen = set()
    for code in codes:
        if code in seen:
            problems.append(f"{name}: {what} {code} appears twice")
        seen.add(code)

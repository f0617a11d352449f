"""The billing policy: every rule that differs between the source documents.

One `BillingPolicy` value is read by the engine; presets S0..S4 reproduce each
source (SPEC §6.9). Each preset starts from S0 and changes only what its
source says, so the table below is the whole difference between them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from backoffice.errors import InputError


class Anchor(StrEnum):
    CALENDAR = "calendar"
    ANNIVERSARY = "anniversary"


class ChargeMode(StrEnum):
    UPFRONT = "upfront"
    DAILY = "daily"


class ChangePolicy(StrEnum):
    FULL_MONTH = "full_month"
    PRORATED = "prorated"


def _frozen(mapping: dict[int, Any]) -> MappingProxyType[int, Any]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class BillingPolicy:
    anchor: Anchor = Anchor.CALENDAR
    charge_mode: ChargeMode = ChargeMode.UPFRONT
    change_policy: ChangePolicy = ChangePolicy.FULL_MONTH
    changes_per_day: int = 0  # 0 = unlimited
    payment_grace_hours: int = 0
    limit_grace_hours: int = 24
    expiry_months: int = 12  # 0 = balances never expire
    overage_multiplier: Decimal = Decimal("2")
    fx_markup_percent: Decimal = Decimal("3")
    credit_enabled: bool = False
    credit_percent: Decimal = Decimal("100")
    low_balance_notice: bool = False
    suspend_allowed: bool = False
    free_plan_on_signup: bool = False
    limit_alerts: bool = False
    processor_fee_percent: Decimal = Decimal("0")
    # months covered by a top-up → bonus months
    bonus_months: MappingProxyType[int, int] = field(default_factory=lambda: _frozen({}))
    # purchase period in months → discount percent
    period_discounts: MappingProxyType[int, Decimal] = field(
        default_factory=lambda: _frozen({1: Decimal("0")})
    )


S0 = BillingPolicy()

PRESETS: dict[str, BillingPolicy] = {
    "S0": S0,
    "S1": dataclasses.replace(
        S0,
        charge_mode=ChargeMode.DAILY,
        credit_enabled=True,
        low_balance_notice=True,
        suspend_allowed=True,
    ),
    "S2": dataclasses.replace(
        S0,
        bonus_months=_frozen({5: 1, 9: 3, 15: 9}),
        processor_fee_percent=Decimal("3.9"),
    ),
    "S3": dataclasses.replace(
        S0,
        anchor=Anchor.ANNIVERSARY,
        payment_grace_hours=24,
        limit_grace_hours=24,
        free_plan_on_signup=True,
        limit_alerts=True,
    ),
    "S4": dataclasses.replace(
        S0,
        anchor=Anchor.ANNIVERSARY,
        change_policy=ChangePolicy.PRORATED,
        changes_per_day=1,
        expiry_months=0,
        period_discounts=_frozen(
            {1: Decimal("0"), 3: Decimal("5"), 6: Decimal("10"), 12: Decimal("15")}
        ),
    ),
}

# Fields an administrator may override one by one (`settings set policy.X V`).
SCALAR_FIELDS = {
    f.name: f.type
    for f in dataclasses.fields(BillingPolicy)
    if f.name not in ("bonus_months", "period_discounts")
}


def preset(name: str) -> BillingPolicy:
    try:
        return PRESETS[name.upper()]
    except KeyError:
        raise InputError(
            f"policy {name!r} is unknown; choose one of {', '.join(PRESETS)}"
        ) from None


def parse_policy_value(name: str, text: str) -> Any:
    """Parse the text of one overridable field, refusing what does not fit."""
    default = getattr(S0, name, None)
    if name not in SCALAR_FIELDS:
        raise InputError(
            f"policy value {name!r} is unknown; known: {', '.join(sorted(SCALAR_FIELDS))}"
        )
    text = text.strip()
    if isinstance(default, bool):
        if text.lower() in ("1", "true", "yes", "on"):
            return True
        if text.lower() in ("0", "false", "no", "off"):
            return False
        raise InputError(f"policy.{name} must be true or false, not {text!r}")
    if isinstance(default, StrEnum):
        choices = [member.value for member in type(default)]
        if text not in choices:
            raise InputError(f"policy.{name} must be one of {', '.join(choices)}, not {text!r}")
        return type(default)(text)
    if isinstance(default, int):
        if not text.isdigit():
            raise InputError(f"policy.{name} must be a whole number ≥ 0, not {text!r}")
        return int(text)
    if isinstance(default, Decimal):
        from backoffice.money import percent

        return percent(text, what=f"policy.{name}")
    raise InputError(f"policy.{name} cannot be set")  # pragma: no cover


def with_overrides(base: BillingPolicy, overrides: dict[str, str]) -> BillingPolicy:
    values = {name: parse_policy_value(name, text) for name, text in overrides.items()}
    return dataclasses.replace(base, **values)


def describe(policy: BillingPolicy) -> dict[str, str]:
    """Flat text view for `settings show`."""
    out: dict[str, str] = {}
    for f in dataclasses.fields(policy):
        value = getattr(policy, f.name)
        if isinstance(value, MappingProxyType):
            out[f.name] = ", ".join(f"{k}:{v}" for k, v in value.items()) or "none"
        elif isinstance(value, bool):
            out[f.name] = "true" if value else "false"
        else:
            out[f.name] = str(value)
    return out

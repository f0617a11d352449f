"""Settings in the database and the billing policy presets (SPEC §6.9)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backoffice.billing.policy import PRESETS, S0, Anchor, ChangePolicy, ChargeMode
from backoffice.errors import InputError
from backoffice.services import settings
from tests.helpers import EDRPOU_A, IBAN_PRIVAT


def test_company_requisites_are_validated_and_stored(uow_factory) -> None:
    with uow_factory() as uow:
        settings.set_setting(uow, "company.name", "ТОВ «Хмарні Рішення»")
        settings.set_setting(uow, "company.edrpou", EDRPOU_A)
        settings.set_setting(uow, "company.iban", "ua74 3052 9900 0002 6007 2335 6600 1")
        settings.set_setting(uow, "company.vat_payer", "так")
        uow.commit()
    with uow_factory(read_only=True) as uow:
        values = settings.all_settings(uow)
        assert values["company.iban"] == IBAN_PRIVAT
        assert values["company.vat_payer"] == "true"
        assert settings.missing_company_requisites(uow) == ["company.bank"]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("company.edrpou", "32855962", "check digit"),
        ("company.iban", "UA00", "IBAN"),
        ("policy", "S9", "unknown; choose one of S0, S1, S2, S3, S4"),
        ("fx.markup_percent", "3,5", "not a decimal"),
        ("policy.expiry_months", "-1", "whole number"),
        ("policy.anchor", "weekly", "calendar, anniversary"),
        ("company.nmae", "x", "unknown"),
    ],
)
def test_bad_settings_are_refused(uow_factory, key: str, value: str, message: str) -> None:
    with uow_factory() as uow, pytest.raises(InputError, match=message):
        settings.set_setting(uow, key, value)


def test_presets_differ_from_s0_only_where_their_source_says() -> None:
    s1, s2, s3, s4 = (PRESETS[name] for name in ("S1", "S2", "S3", "S4"))
    assert (S0.anchor, S0.charge_mode, S0.change_policy) == (
        Anchor.CALENDAR,
        ChargeMode.UPFRONT,
        ChangePolicy.FULL_MONTH,
    )
    assert (S0.payment_grace_hours, S0.expiry_months, S0.overage_multiplier) == (0, 12, 2)
    assert S0.fx_markup_percent == Decimal("3") and not S0.credit_enabled and not S0.bonus_months
    assert (s1.charge_mode, s1.credit_enabled, s1.credit_percent) == (ChargeMode.DAILY, True, 100)
    assert dict(s2.bonus_months) == {5: 1, 9: 3, 15: 9}
    assert s2.processor_fee_percent == Decimal("3.9")
    assert (s3.anchor, s3.payment_grace_hours, s3.free_plan_on_signup) == (
        Anchor.ANNIVERSARY,
        24,
        True,
    )
    assert (s4.change_policy, s4.changes_per_day, s4.expiry_months) == (ChangePolicy.PRORATED, 1, 0)
    assert {k: int(v) for k, v in s4.period_discounts.items()} == {1: 0, 3: 5, 6: 10, 12: 15}
    # Everything else is S0's: compare field by field.
    changed = {
        "S1": {"charge_mode", "credit_enabled", "low_balance_notice", "suspend_allowed"},
        "S2": {"bonus_months", "processor_fee_percent"},
        "S3": {"anchor", "payment_grace_hours", "free_plan_on_signup", "limit_alerts"},
        "S4": {"anchor", "change_policy", "changes_per_day", "expiry_months", "period_discounts"},
    }
    for name, fields in changed.items():
        differing = {
            f for f in S0.__dataclass_fields__ if getattr(PRESETS[name], f) != getattr(S0, f)
        }
        assert differing == fields, name


def test_effective_policy_reads_preset_overrides_and_markup(uow_factory) -> None:
    with uow_factory() as uow:
        settings.set_setting(uow, "policy", "s4")
        settings.set_setting(uow, "policy.expiry_months", "6")
        settings.set_setting(uow, "fx.markup_percent", "2.5")
        policy = settings.billing_policy(uow)
    assert policy.anchor is Anchor.ANNIVERSARY
    assert policy.expiry_months == 6
    assert policy.fx_markup_percent == Decimal("2.5")

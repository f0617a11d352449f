"""Plans, versions, policies and renewal options, loaded once for a bulk run
(the daily run's renewals, the invoice run): the catalog is small, the
subscriptions many."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from backoffice.billing.catalog import OptionSpec, PlanSpec
from backoffice.billing.policy import BillingPolicy, ChargeMode
from backoffice.db.among import among
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import CatalogOption, Plan, PlanVersion, SubscriptionOption
from backoffice.services import catalog, settings


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + 5_000] for i in range(0, len(ids), 5_000)]


class PlanBook:
    """Plans, versions and their policies, loaded once per run (the catalog is small)."""

    def __init__(self, uow: UnitOfWork):
        self.versions = {v.id: v for v in uow.session.execute(select(PlanVersion)).scalars()}
        self.plans = {p.id: p for p in uow.session.execute(select(Plan)).scalars()}
        self.latest = catalog.latest_versions(uow)
        self.policies = {
            plan.id: settings.billing_policy(uow, preset_name=plan.policy)
            for plan in self.plans.values()
        }
        self._specs: dict[int, PlanSpec] = {}

    def spec(self, version_id: int) -> PlanSpec:
        """The plan as of this version (what `catalog.plan_spec` gives), made once."""
        if version_id not in self._specs:
            version = self.versions[version_id]
            self._specs[version_id] = catalog.spec_of(self.plans[version.plan_id], version)
        return self._specs[version_id]

    def policy(self, version_id: int) -> BillingPolicy:
        return self.policies[self.versions[version_id].plan_id]

    def renewal_terms(self, version_id: int) -> tuple[PlanVersion, PlanSpec, BillingPolicy]:
        plan_id = self.versions[version_id].plan_id
        newest = self.latest[plan_id]
        return newest, self.spec(newest.id), self.policies[plan_id]

    def version_ids_with(self, mode: ChargeMode) -> list[int]:
        return [
            v.id for v in self.versions.values() if self.policies[v.plan_id].charge_mode is mode
        ]


def renewal_options(
    uow: UnitOfWork, ids: list[int]
) -> dict[int, tuple[tuple[OptionSpec, int], ...]]:
    """The options a renewal is priced with: active, boost packs left out."""
    specs = {
        row.id: catalog.option_spec(row)
        for row in uow.session.execute(select(CatalogOption)).scalars()
    }
    found: dict[int, list[tuple[OptionSpec, int]]] = defaultdict(list)
    for chunk in _chunks(ids):
        for sub_id, option_id, quantity in uow.session.execute(
            select(
                SubscriptionOption.subscription_id,
                SubscriptionOption.option_id,
                SubscriptionOption.quantity,
            ).where(
                among(uow, SubscriptionOption.subscription_id, chunk),
                SubscriptionOption.status == "active",
                SubscriptionOption.renews.is_(True),  # boost packs end with their period
            )
        ).all():
            found[sub_id].append((specs[option_id], quantity))
    return {key: tuple(value) for key, value in found.items()}

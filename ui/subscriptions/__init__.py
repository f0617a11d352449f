"""Subscriptions in the window: the tariff constructor and the subscription panel (SPEC §6)."""

"""The Catalog screen: plans and options of the tariff constructor (SPEC §6.1)."""

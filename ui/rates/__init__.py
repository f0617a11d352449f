"""The Rates screen: the NBU rates by day and currency (SPEC §9)."""

"""Choosing the PostgreSQL server, and getting back to it when it was lost."""

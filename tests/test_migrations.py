"""Schema migrations: the models and the Alembic history describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from backoffice.db.models import Base
from backoffice.db.schema import current_revision, head_revision, upgrade_schema


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_init_is_idempotent_and_at_head(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    upgrade_schema(engine)
    upgrade_schema(engine)
    assert current_revision(engine) == head_revision()


def test_upgrade_from_an_empty_database(tmp_path) -> None:
    from backoffice.db.engine import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    assert current_revision(engine) is None
    upgrade_schema(engine)
    assert {"accounts", "ledger_entries", "month_locks"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_ledger_guards_are_installed(engine: Engine) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            names = (
                connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                .scalars()
                .all()
            )
        else:
            names = (
                connection.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
                .scalars()
                .all()
            )
    assert {"ledger_entries_month_lock"} <= set(names)
    assert any("no_update" in n or "no_change" in n for n in names)


def test_schema_head_constant_is_alembics_head() -> None:
    from backoffice.db.schema import SCHEMA_HEAD, alembic_head

    assert alembic_head() == SCHEMA_HEAD

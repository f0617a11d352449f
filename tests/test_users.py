"""Users (SPEC §14): argon2 hashes, log-in, lock-out, disabling, passwords, audit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select, text

from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord, User
from backoffice.errors import InputError
from backoffice.permissions import PermissionDenied, Principal, Role
from backoffice.services import settings, users
from backoffice.services.users import AuthenticationFailed
from tests.conftest import snapshot

ADMIN = Principal("admin", Role.ADMIN)
AT = dt.datetime(2026, 12, 7, 9, 0)


@pytest.fixture
def team(engine: Engine, uow_factory: Callable[..., UnitOfWork]) -> Engine:
    with uow_factory() as uow:
        users.add_user(uow, "admin", Role.ADMIN, "admin password 1")
        uow.commit()
    with UnitOfWork(engine, principal=ADMIN) as uow:
        users.add_user(uow, "olena", Role.ACCOUNTANT, "olena password 1")
        users.add_user(uow, "petro", Role.MANAGER, "petro password 1")
        uow.commit()
    return engine


def test_log_in_gives_the_role_and_the_hash_is_argon2(team: Engine) -> None:
    principal = users.authenticate(team, "olena", "olena password 1", at=AT)
    assert principal == Principal("olena", Role.ACCOUNTANT)
    with team.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM users WHERE name='olena'"))
        hashed = stored.scalar_one()
    assert hashed.startswith("$argon2id$") and "olena password 1" not in hashed


def test_refusals_do_not_tell_whether_the_name_exists(team: Engine) -> None:
    with pytest.raises(AuthenticationFailed) as wrong:
        users.authenticate(team, "olena", "not her password", at=AT)
    with pytest.raises(AuthenticationFailed) as unknown:
        users.authenticate(team, "nobody", "not her password", at=AT)
    assert str(wrong.value) == str(unknown.value)
    assert "wrong user name or password" in str(wrong.value)


def test_five_failures_lock_the_name_for_fifteen_minutes(team: Engine) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.authenticate(team, "olena", "wrong password!", at=AT)
    # locked: the right password is refused too, with the same message
    with pytest.raises(AuthenticationFailed) as locked:
        users.authenticate(team, "olena", "olena password 1", at=AT + dt.timedelta(minutes=14))
    with pytest.raises(AuthenticationFailed) as unknown:
        users.authenticate(team, "ghost", "olena password 1", at=AT)
    assert str(locked.value) == str(unknown.value)
    after = users.authenticate(team, "olena", "olena password 1", at=AT + dt.timedelta(minutes=16))
    assert after.name == "olena"
    with team.connect() as connection:
        row = connection.execute(select(User).where(User.name == "olena")).one()
    assert row.failed_attempts == 0 and row.locked_until is None


def test_lock_out_rule_comes_from_the_settings(team: Engine) -> None:
    with UnitOfWork(team, principal=ADMIN) as uow:
        settings.set_setting(uow, "lockout.attempts", "2")
        settings.set_setting(uow, "lockout.minutes", "60")
        uow.commit()
    for _ in range(2):
        with pytest.raises(AuthenticationFailed, match="2 failed attempts lock a name for 60"):
            users.authenticate(team, "petro", "wrong password!", at=AT)
    with pytest.raises(AuthenticationFailed):
        users.authenticate(team, "petro", "petro password 1", at=AT + dt.timedelta(minutes=59))
    assert users.authenticate(team, "petro", "petro password 1", at=AT + dt.timedelta(minutes=61))


def test_a_disabled_user_cannot_log_in(team: Engine) -> None:
    with UnitOfWork(team, principal=ADMIN) as uow:
        users.disable_user(uow, "petro")
        uow.commit()
    with pytest.raises(AuthenticationFailed):
        users.authenticate(team, "petro", "petro password 1", at=AT)
    with UnitOfWork(team, principal=ADMIN) as uow:
        users.enable_user(uow, "petro")
        uow.commit()
    assert users.authenticate(team, "petro", "petro password 1", at=AT).role is Role.MANAGER


def test_the_last_administrator_and_oneself_cannot_be_disabled(team: Engine) -> None:
    before = snapshot(team)
    with UnitOfWork(team, principal=ADMIN) as uow, pytest.raises(InputError, match="yourself"):
        users.disable_user(uow, "admin")
    other = Principal("other", Role.ADMIN)
    with UnitOfWork(team, principal=other) as uow, pytest.raises(InputError, match="last active"):
        users.disable_user(uow, "admin")
    assert snapshot(team) == before


def test_password_rules_and_taken_names(team: Engine) -> None:
    before = snapshot(team)
    with UnitOfWork(team, principal=ADMIN) as uow:
        with pytest.raises(InputError, match="at least 10 characters"):
            users.add_user(uow, "ivan", Role.AUDITOR, "short")
        with pytest.raises(InputError, match="taken"):
            users.add_user(uow, "olena", Role.AUDITOR, "long enough password")
        with pytest.raises(InputError, match="no spaces"):
            users.add_user(uow, "ivan petrenko", Role.AUDITOR, "long enough password")
    assert snapshot(team) == before


def test_first_user_must_be_an_administrator(engine: Engine) -> None:
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="first user"):
        users.add_user(uow, "clerk", Role.ACCOUNTANT, "long enough password")


def test_own_password_change_needs_the_old_one(team: Engine) -> None:
    olena = Principal("olena", Role.ACCOUNTANT)
    with UnitOfWork(team, principal=olena) as uow:
        with pytest.raises(PermissionDenied, match="current password is wrong"):
            users.change_password(uow, "olena", "brand new password", old_password="guess")
        with pytest.raises(PermissionDenied, match="may not manage users"):
            users.change_password(uow, "petro", "brand new password")
        users.change_password(uow, "olena", "brand new password", old_password="olena password 1")
        uow.commit()
    with pytest.raises(AuthenticationFailed):
        users.authenticate(team, "olena", "olena password 1", at=AT)
    assert users.authenticate(team, "olena", "brand new password", at=AT).name == "olena"


def test_user_changes_are_audited_without_the_hash(team: Engine) -> None:
    with UnitOfWork(team, principal=ADMIN) as uow:
        users.change_password(uow, "petro", "reset by admin 1")
        users.set_role(uow, "petro", Role.AUDITOR)
        users.disable_user(uow, "petro")
        uow.commit()
    with team.connect() as connection:
        rows = connection.execute(
            select(AuditRecord.actor, AuditRecord.action, AuditRecord.subject, AuditRecord.after)
            .where(AuditRecord.action.like("user.%"))
            .order_by(AuditRecord.id)
        ).all()
        hashes = connection.execute(select(User.password_hash)).scalars().all()
    assert [(r.action, r.subject) for r in rows] == [
        ("user.add", "admin"),
        ("user.add", "olena"),
        ("user.add", "petro"),
        ("user.password", "petro"),
        ("user.role", "petro"),
        ("user.disable", "petro"),
    ]
    assert rows[-1].actor == "admin"
    for row in rows:
        assert not any(h in str(row) for h in hashes)
        assert "$argon2" not in str(row) and "reset by admin" not in str(row)


def test_list_users_is_for_administrators(team: Engine) -> None:
    with UnitOfWork(team, principal=ADMIN, read_only=True) as uow:
        listed = users.list_users(uow)
    assert [(u.name, u.role, u.active) for u in listed] == [
        ("admin", Role.ADMIN, True),
        ("olena", Role.ACCOUNTANT, True),
        ("petro", Role.MANAGER, True),
    ]
    auditor = Principal("a", Role.AUDITOR)
    with (
        UnitOfWork(team, principal=auditor, read_only=True) as uow,
        pytest.raises(PermissionDenied),
    ):
        users.list_users(uow)

"""Users: adding, disabling, passwords, and logging in (SPEC §14).

Passwords are kept as argon2 hashes only. A refused log-in never says whether
the name exists: an unknown name, a wrong password, a disabled or locked-out
user all get the same message. After `lockout.attempts` failures in a row a
name is locked for `lockout.minutes`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session

from backoffice import validation
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Setting, User
from backoffice.errors import BackofficeError, InputError, NotFound
from backoffice.permissions import Permission, PermissionDenied, Principal, Role, require
from backoffice.services import audit

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
MAX_NAME_LENGTH = 80
LOCKOUT_ATTEMPTS = 5
LOCKOUT_MINUTES = 15

_hasher = PasswordHasher()
# Verified against when the name is unknown, so a refusal takes as long either way.
_NO_USER_HASH = _hasher.hash("not a password of anybody")


class AuthenticationFailed(BackofficeError):
    """A log-in refused; the message is the same whatever the reason."""

    def __init__(self, attempts: int, minutes: int) -> None:
        super().__init__(refusal(attempts, minutes))
        self.attempts = attempts
        self.minutes = minutes


@dataclass(frozen=True)
class UserView:
    name: str
    role: Role
    active: bool
    locked_until: dt.datetime | None
    created_at: dt.datetime
    password_changed_at: dt.datetime


def refusal(attempts: int = LOCKOUT_ATTEMPTS, minutes: int = LOCKOUT_MINUTES) -> str:
    return (
        "wrong user name or password, or the user may not log in "
        f"({attempts} failed attempts lock a name for {minutes} minutes)"
    )


def users_exist(session: Session) -> bool:
    return session.execute(select(User.id).limit(1)).first() is not None


def engine_has_users(engine: Engine) -> bool:
    """Whether log-in is needed; False for a database older than the users table."""
    # a reader: never queues behind a writer (a restore waits for those itself)
    with engine.execution_options(sqlite_begin="DEFERRED").connect() as connection:
        if not inspect(connection).has_table("users"):
            return False
        return connection.execute(select(User.id).limit(1)).first() is not None


def now() -> dt.datetime:
    return audit.now()


def check_name(name: str) -> str:
    shown = validation.text(name, what="user name", limit=MAX_NAME_LENGTH).strip()
    if not shown:
        raise InputError("user name: empty")
    if any(c.isspace() for c in shown):
        raise InputError(f"user name {shown!r}: no spaces allowed")
    return shown


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"password: at least {MIN_PASSWORD_LENGTH} characters are needed")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError(f"password: longer than {MAX_PASSWORD_LENGTH} characters")
    if not password.strip():
        raise InputError("password: only spaces")
    return password


def add_user(uow: UnitOfWork, name: str, role: Role, password: str) -> UserView:
    """A new user; the first user of a database may only be an administrator
    (and needs no log-in: there is nobody to log in as)."""
    first = not uow.has_users()
    if first:
        if role is not Role.ADMIN:
            raise InputError("the first user must be an administrator (role admin)")
    else:
        require(uow, Permission.MANAGE_USERS)
    name = check_name(name)
    check_password(password)
    if _find(uow, name) is not None:
        raise InputError(f"user {name}: the name is taken")
    at = now()
    user = User(
        name=name,
        role=role.value,
        password_hash=_hasher.hash(password),
        active=True,
        failed_attempts=0,
        locked_until=None,
        created_at=at,
        password_changed_at=at,
    )
    uow.session.add(user)
    uow.session.flush()
    uow._has_users = True
    audit.record(uow, "user.add", name, None, {"role": role.value, "active": True})
    return _view(user)


def list_users(uow: UnitOfWork) -> list[UserView]:
    require(uow, Permission.MANAGE_USERS)
    rows = uow.session.scalars(select(User).order_by(func.lower(User.name))).all()
    return [_view(u) for u in rows]


def disable_user(uow: UnitOfWork, name: str) -> UserView:
    require(uow, Permission.MANAGE_USERS)
    user = _existing(uow, name)
    if uow.principal is not None and uow.principal.name == user.name:
        raise InputError(f"user {user.name}: you may not disable yourself")
    if user.active and Role(user.role) is Role.ADMIN and _active_admins(uow) <= 1:
        raise InputError(f"user {user.name}: the last active administrator cannot be disabled")
    if user.active:
        user.active = False
        audit.record(uow, "user.disable", user.name, {"active": True}, {"active": False})
    return _view(user)


def enable_user(uow: UnitOfWork, name: str) -> UserView:
    require(uow, Permission.MANAGE_USERS)
    user = _existing(uow, name)
    if not user.active or user.locked_until is not None:
        before = {"active": user.active, "locked_until": user.locked_until}
        user.active, user.failed_attempts, user.locked_until = True, 0, None
        audit.record(uow, "user.enable", user.name, before, {"active": True})
    return _view(user)


def set_role(uow: UnitOfWork, name: str, role: Role) -> UserView:
    require(uow, Permission.MANAGE_USERS)
    user = _existing(uow, name)
    before = Role(user.role)
    if before is Role.ADMIN and role is not Role.ADMIN and _active_admins(uow) <= 1:
        raise InputError(f"user {user.name}: the last active administrator keeps the role")
    if before is not role:
        user.role = role.value
        audit.record(uow, "user.role", user.name, before.value, role.value)
    return _view(user)


def change_password(
    uow: UnitOfWork, name: str, new_password: str, *, old_password: str | None = None
) -> None:
    """A user changes their own password (giving the old one); an administrator
    sets anyone's. Never audits the password or its hash, only that it changed."""
    principal = uow.principal
    own = principal is not None and principal.name == check_name(name)
    if not own:
        require(uow, Permission.MANAGE_USERS)
    user = _existing(uow, name)
    own_only = own and principal is not None and not principal.may(Permission.MANAGE_USERS)
    if own_only and (old_password is None or not _verify(user.password_hash, old_password)):
        raise PermissionDenied("the current password is wrong; the password is unchanged")
    check_password(new_password)
    user.password_hash = _hasher.hash(new_password)
    user.password_changed_at = now()
    user.failed_attempts, user.locked_until = 0, None
    audit.record(uow, "user.password", user.name, None, "changed")


def authenticate(
    engine: Engine, name: str, password: str, *, at: dt.datetime | None = None
) -> Principal:
    """Check a log-in. It reads without taking the writer's lock (a log-in must
    not wait behind a closing); a failure is counted in a short write of its
    own, committed before the refusal, so the lock-out holds across processes."""
    at = at or now()
    name = name.strip()
    with UnitOfWork(engine, actor=name or "?", read_only=True) as uow:
        attempts, minutes = lockout_rule(uow)
        user = _find(uow, name)
        locked = user is not None and user.locked_until is not None and user.locked_until > at
        if user is None or not user.active or locked:
            _verify(_NO_USER_HASH, password)  # as slow as a real check
            raise AuthenticationFailed(attempts, minutes)
        stored, role = user.password_hash, Role(user.role)
        clean = not user.failed_attempts and user.locked_until is None
    if not _verify(stored, password):
        _count_failure(engine, name, at, attempts, minutes)
        raise AuthenticationFailed(attempts, minutes)
    if not clean or _hasher.check_needs_rehash(stored):
        with UnitOfWork(engine, actor=name) as uow:
            user = _find(uow, name)
            if user is not None:
                user.failed_attempts, user.locked_until = 0, None
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(password)
                uow.commit()
    return Principal(name, role)


def _count_failure(engine: Engine, name: str, at: dt.datetime, attempts: int, minutes: int) -> None:
    with UnitOfWork(engine, actor=name) as uow:
        user = uow.session.scalars(select(User).where(User.name == name).with_for_update()).first()
        if user is None:
            return
        user.failed_attempts += 1
        if user.failed_attempts >= attempts:
            user.failed_attempts = 0
            user.locked_until = at + dt.timedelta(minutes=minutes)
            audit.record(uow, "user.locked", user.name, None, {"until": user.locked_until})
        uow.commit()


def lockout_rule(uow: UnitOfWork) -> tuple[int, int]:
    """(failed attempts, minutes locked): the settings `lockout.attempts` and
    `lockout.minutes` where set, else 5 and 15."""
    rows = dict(
        uow.session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_(("lockout.attempts", "lockout.minutes"))
            )
        ).all()
    )
    return (
        _positive(rows.get("lockout.attempts"), LOCKOUT_ATTEMPTS),
        _positive(rows.get("lockout.minutes"), LOCKOUT_MINUTES),
    )


def _positive(text: str | None, default: int) -> int:
    try:
        value = int(text) if text else default
    except ValueError:
        return default
    return value if value > 0 else default


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _find(uow: UnitOfWork, name: str) -> User | None:
    return uow.session.scalars(select(User).where(User.name == name.strip())).first()


def _existing(uow: UnitOfWork, name: str) -> User:
    user = _find(uow, name)
    if user is None:
        raise NotFound(f"user {name.strip()!r} does not exist")
    return user


def _active_admins(uow: UnitOfWork) -> int:
    return (
        uow.session.scalar(
            select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.active)
        )
        or 0
    )


def _view(user: User) -> UserView:
    return UserView(
        name=user.name,
        role=Role(user.role),
        active=user.active,
        locked_until=user.locked_until,
        created_at=user.created_at,
        password_changed_at=user.password_changed_at,
    )

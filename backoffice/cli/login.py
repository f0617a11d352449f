"""Who runs a command: the log-in of the CLI (SPEC §16).

A database without users runs single-user with full rights, as before users
existed. Once a user exists, every command logs in with BACKOFFICE_USER and
BACKOFFICE_PASSWORD, or asks on a terminal, once per command (argon2 is slow
on purpose).
"""

from __future__ import annotations

import os
import sys

from sqlalchemy import Engine

from backoffice.errors import BackofficeError, InputError
from backoffice.permissions import Principal, current_principal, set_current_principal
from backoffice.services import users

ENV_USER = "BACKOFFICE_USER"
ENV_PASSWORD = "BACKOFFICE_PASSWORD"
ENV_NEW_PASSWORD = "BACKOFFICE_NEW_PASSWORD"


def on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def log_in(engine: Engine) -> Principal | None:
    """The principal of this command; None on a database without users."""
    principal = current_principal()
    if principal is not None:
        return principal
    if not users.engine_has_users(engine):
        return None
    name, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if name is None or password is None:
        if not on_terminal():
            raise BackofficeError(
                f"this database has users: log in with {ENV_USER} and {ENV_PASSWORD} "
                "(or run the command on a terminal to be asked)"
            )
        import getpass

        name = name or input("user: ")
        password = password if password is not None else getpass.getpass("password: ")
    principal = users.authenticate(engine, name, password)
    set_current_principal(principal)
    global _proved_password
    _proved_password = password
    return principal


_proved_password: str | None = None


def proved_password() -> str | None:
    """The password this command logged in with: proof enough for a user
    changing their own password in the same command."""
    return _proved_password


def log_out() -> None:
    global _proved_password
    _proved_password = None
    set_current_principal(None)


def first_admin_credentials() -> tuple[str, str] | None:
    """The first administrator `init` creates: from BACKOFFICE_USER and
    BACKOFFICE_PASSWORD, else asked on a terminal (an empty name keeps the
    database single-user); None when neither is there."""
    name, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if name and password is not None:
        return name, password
    if not on_terminal():
        return None
    import getpass

    name = name or input("first administrator's user name (empty: no users yet): ").strip()
    if not name:
        return None
    return name, _asked_twice(getpass.getpass)


def new_password(for_whom: str) -> str:
    """A new password: BACKOFFICE_NEW_PASSWORD, else asked twice on a terminal."""
    password = os.environ.get(ENV_NEW_PASSWORD)
    if password is not None:
        return password
    if not on_terminal():
        raise InputError(
            f"the new password of {for_whom}: set {ENV_NEW_PASSWORD} or run on a terminal"
        )
    import getpass

    return _asked_twice(getpass.getpass)


def _asked_twice(ask: object) -> str:
    assert callable(ask)
    first = ask("new password: ")
    if ask("the same password again: ") != first:
        raise InputError("the two passwords differ; nothing was changed")
    return str(first)

"""`backoffice user ...`: users and their roles (SPEC §14, §16)."""

from __future__ import annotations

import argparse

from sqlalchemy import Engine

from backoffice.cli.commands import _engine
from backoffice.cli.login import new_password, proved_password
from backoffice.cli.output import print_json, print_table
from backoffice.db.engine import UnitOfWork
from backoffice.permissions import Permission, current_principal, parse_role, require
from backoffice.services import users


def user_add(args: argparse.Namespace) -> int:
    role = parse_role(args.role)
    engine = _engine(args)
    _may_manage_users(engine)  # refused before a password is asked for
    password = new_password(args.name)
    with UnitOfWork(engine) as uow:
        added = users.add_user(uow, args.name, role, password)
        uow.commit()
    if args.json:
        print_json({"user": added.name, "role": added.role.value})
    else:
        print(f"user {added.name} added with role {added.role.value}")
    return 0


def user_list(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        rows = users.list_users(uow)
    if args.json:
        print_json(
            [
                {
                    "user": u.name,
                    "role": u.role.value,
                    "active": u.active,
                    "locked_until": u.locked_until,
                    "created_at": u.created_at,
                    "password_changed_at": u.password_changed_at,
                }
                for u in rows
            ]
        )
    else:
        print_table(
            ["user", "role", "active", "locked until", "password changed"],
            [
                [
                    u.name,
                    u.role.value,
                    "yes" if u.active else "no",
                    u.locked_until or "",
                    u.password_changed_at,
                ]
                for u in rows
            ],
        )
    return 0


def user_disable(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        view = users.disable_user(uow, args.name)
        uow.commit()
    print(f"user {view.name} disabled")
    return 0


def user_enable(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        view = users.enable_user(uow, args.name)
        uow.commit()
    print(f"user {view.name} enabled")
    return 0


def user_role(args: argparse.Namespace) -> int:
    role = parse_role(args.role)
    with UnitOfWork(_engine(args)) as uow:
        view = users.set_role(uow, args.name, role)
        uow.commit()
    print(f"user {view.name} has role {view.role.value}")
    return 0


def user_passwd(args: argparse.Namespace) -> int:
    engine = _engine(args)
    principal = current_principal()
    if principal is None or principal.name != args.name.strip():
        _may_manage_users(engine)
    password = new_password(args.name)
    with UnitOfWork(engine) as uow:
        users.change_password(uow, args.name, password, old_password=proved_password())
        uow.commit()
    print(f"password of {args.name} changed")
    return 0


def _may_manage_users(engine: Engine) -> None:
    with UnitOfWork(engine, read_only=True) as uow:
        if uow.has_users():  # the first user needs nobody's permission
            require(uow, Permission.MANAGE_USERS)

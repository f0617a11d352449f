"""CLI command handlers: parse, call one service in a unit of work, print."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine

from backoffice.billing.policy import describe
from backoffice.cli.output import print_json, print_pairs, print_table, warn
from backoffice.db.engine import UnitOfWork, make_engine, resolve_database_url
from backoffice.db.schema import current_revision, head_revision, upgrade_schema
from backoffice.domain import ClientKind, ClientRecord
from backoffice.errors import BackofficeError
from backoffice.money import money, rate
from backoffice.services import clients, integrity, ledger, months, rates, settings
from backoffice.services import demo as demo_service


def _engine(args: argparse.Namespace, *, require_schema: bool = True) -> Engine:
    url = resolve_database_url(args.db)
    engine = make_engine(url)
    if require_schema:
        revision = current_revision(engine)
        if revision is None:
            raise BackofficeError(
                f"database {engine.url.render_as_string()} is not initialised: "
                "run `backoffice init` first"
            )
        if revision != head_revision():
            raise BackofficeError(
                f"database schema is at {revision}, the program needs {head_revision()}: "
                "run `backoffice init` to upgrade"
            )
    return engine


def init(args: argparse.Namespace) -> int:
    engine = _engine(args, require_schema=False)
    before = current_revision(engine)
    upgrade_schema(engine)
    after = current_revision(engine)
    if args.json:
        print_json({"database": engine.url.render_as_string(), "from": before, "to": after})
    elif before == after:
        print(f"schema is up to date ({after})")
    else:
        print(f"schema upgraded {before or 'empty'} → {after}")
    return 0


def demo(args: argparse.Namespace) -> int:
    engine = _engine(args, require_schema=False)
    upgrade_schema(engine)
    with UnitOfWork(engine) as uow:
        result = demo_service.make_demo(
            uow, client_count=args.clients, today=args.date, seed=args.seed
        )
        uow.commit()
    if args.json:
        print_json(result.__dict__)
    else:
        print(
            f"demo data: {result.clients} clients, {result.entries} entries, "
            f"{result.rates} rates up to {args.date}"
        )
    return 0


def settings_set(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        stored = settings.set_setting(uow, args.key, args.value)
        uow.commit()
    print(f"{args.key} = {stored}")
    return 0


def settings_show(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        values = settings.all_settings(uow)
        policy = describe(settings.billing_policy(uow))
    if args.json:
        print_json({"settings": values, "effective_policy": policy})
    else:
        print_pairs(sorted(values.items()))
        print("\neffective billing policy:")
        print_pairs([(f"  {k}", v) for k, v in policy.items()])
    return 0


def client_add(args: argparse.Namespace) -> int:
    record = ClientRecord(
        kind=ClientKind(args.kind),
        name=args.name,
        short_name=args.short_name,
        edrpou=args.edrpou,
        rnokpp=args.rnokpp,
        vat_payer=args.vat_payer,
        ipn=args.ipn,
        address=args.address,
        ibans=tuple(args.iban),
        emails=tuple(args.email),
        contract_no=args.contract,
        contract_date=args.contract_date,
        manager=args.manager,
        opening_balance=money(args.opening_balance, what="opening balance")
        if args.opening_balance
        else None,
    )
    with UnitOfWork(_engine(args)) as uow:
        added = clients.add_client(uow, record, args.date)
        uow.commit()
    for message in added.warnings:
        warn(message)
    if args.json:
        print_json({"client": added.client_id, "account": added.account_number})
    else:
        print(added.account_number)
    return 0


def client_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    with UnitOfWork(_engine(args)) as uow:
        try:
            added = clients.import_clients(uow, path, args.date)
        except clients.ClientImportError as exc:
            for problem in exc.problems:
                sys.stderr.write(f"  {problem}\n")
            raise BackofficeError(
                f"{path}: {len(exc.problems)} invalid row(s), nothing imported"
            ) from None
        uow.commit()
    for one in added:
        for message in one.warnings:
            warn(message)
    if args.json:
        print_json({"imported": len(added), "accounts": [a.account_number for a in added]})
    else:
        print(f"imported {len(added)} clients from {path}")
    return 0


def client_list(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        views = clients.list_accounts(uow, clients.AccountQuery(text=args.filter))
    if args.json:
        print_json(
            [
                {
                    "client": v.client_name,
                    "client_id": v.client_id,
                    "account": v.number,
                    "kind": str(v.client_kind),
                    "code": v.tax_code,
                    "balance": v.balance,
                    "access": str(v.access),
                }
                for v in views
            ]
        )
    else:
        print_table(
            ["account", "client", "kind", "code", "balance", "access"],
            [
                [v.number, v.client_name, v.client_kind, v.tax_code, v.balance, v.access]
                for v in views
            ],
            right=frozenset({4}),
        )
    return 0


def account_show(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        view = clients.show_account(uow, args.account)
    shown = {
        "account": view.number,
        "client": view.client_name,
        "balance": view.balance,
        "access": str(view.access),
        "block_reason": view.block_reason,
        # Outstanding charges and subscriptions arrive with the billing engine.
        "outstanding": Decimal("0.00"),
        "subscription": None,
        "last_topup_date": view.last_topup_date,
    }
    if args.json:
        print_json(shown)
    else:
        print_pairs(list(shown.items()))
    return 0


def ledger_list(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        entries = ledger.account_entries(uow, args.account, args.date_from, args.date_to)
    if args.json:
        print_json(
            [
                {
                    "id": e.id,
                    "date": e.business_date,
                    "kind": str(e.kind),
                    "amount": e.amount,
                    "eur": e.eur,
                    "rate": e.rate,
                    "comment": e.comment,
                    "reverses": e.reverses_id,
                    "reversed_by": e.reversed_by_id,
                    "author": e.author,
                }
                for e in entries
            ]
        )
    else:
        print_table(
            ["id", "date", "kind", "amount", "eur", "rate", "comment"],
            [[e.id, e.business_date, e.kind, e.amount, e.eur, e.rate, e.comment] for e in entries],
            right=frozenset({0, 3, 4, 5}),
        )
    return 0


def topup(args: argparse.Namespace) -> int:
    amount = money(args.amount, what="top-up amount")
    with UnitOfWork(_engine(args)) as uow:
        entry = ledger.post_topup(uow, args.account, amount, args.date, args.reason)
        balance = ledger.find_account(uow, args.account).balance
        uow.commit()
    if args.json:
        print_json({"entry": entry.id, "account": entry.account, "balance": balance})
    else:
        print(f"entry {entry.id}: +{entry.amount} to {entry.account}, balance {balance}")
    return 0


def reverse(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        entry = ledger.reverse_entry(uow, args.entry_id, args.date, args.reason)
        uow.commit()
    if args.json:
        print_json({"entry": entry.id, "reverses": args.entry_id, "amount": entry.amount})
    else:
        print(f"entry {entry.id} reverses entry {args.entry_id}: {entry.amount}")
    return 0


def rates_set(args: argparse.Namespace) -> int:
    value = rate(args.rate, what="rate")
    with UnitOfWork(_engine(args)) as uow:
        outcome = rates.set_rate(
            uow, args.day, args.currency, value, source="manual", reason=args.reason
        )
        uow.commit()
    print(f"{args.currency.upper()} {args.day} = {value} ({outcome})")
    return 0


def rates_import(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        result = rates.import_rates(uow, Path(args.file), reason=args.reason)
        uow.commit()
    if args.json:
        print_json(result.__dict__)
    else:
        print(
            f"{args.file}: {result.new} new, {result.corrected} corrected, "
            f"{result.unchanged} unchanged, {result.skipped} skipped"
        )
    return 0


def rates_list(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        rows = rates.list_rates(uow, args.date_from, args.date_to, args.currency)
    if args.json:
        print_json([{"date": d, "currency": c, "rate": r} for d, c, r in rows])
    else:
        print_table(["date", "currency", "rate"], rows, right=frozenset({2}))
    return 0


def months_list(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        closed = months.locked_months(uow)
    if args.json:
        print_json(closed)
    else:
        print("\n".join(closed) if closed else "no closed months")
    return 0


def months_lock(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        months.lock_month(uow, args.month)
        uow.commit()
    print(f"month {args.month} closed")
    return 0


def months_reopen(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        months.reopen_month(uow, args.month, args.reason)
        uow.commit()
    print(f"month {args.month} reopened")
    return 0


def check(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        report = integrity.check_integrity(uow)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "accounts": report.accounts,
                "entries": report.entries,
                "problems": list(report.problems),
            }
        )
    else:
        for problem in report.problems:
            print(problem)
    if not report.ok:
        raise BackofficeError(f"integrity check found {len(report.problems)} problem(s)")
    if not args.json:
        print(f"ok: {report.accounts} accounts, {report.entries} entries")
    return 0

"""CLI command handlers: parse, call one service in a unit of work, print."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine

from backoffice import validation
from backoffice.billing.policy import describe
from backoffice.cli import login
from backoffice.cli.output import print_json, print_pairs, print_table, warn
from backoffice.db.engine import UnitOfWork, make_engine, resolve_database_url
from backoffice.db.schema import current_revision, head_revision, upgrade_schema
from backoffice.domain import ClientKind, ClientRecord
from backoffice.errors import BackofficeError, InputError, MissingRate
from backoffice.money import money, rate
from backoffice.permissions import Permission, Role, require_on
from backoffice.services import (
    backup,
    catalog,
    client_edits,
    clients,
    closing,
    daily,
    integrity,
    invoices,
    ledger,
    months,
    payments,
    rate_fetch,
    rates,
    recognition,
    settings,
    snapshots,
    subscription_orders,
    subscriptions,
    usage,
    users,
)
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
    login.log_in(engine)
    return engine


def init(args: argparse.Namespace) -> int:
    engine = _engine(args, require_schema=False)
    before = current_revision(engine)
    if before is not None and before != head_revision():
        require_on(engine, Permission.MAINTAIN_DATABASE)
    first = None if users.engine_has_users(engine) else login.first_admin_credentials()
    if first is not None:  # refused before anything is written
        users.check_name(first[0])
        users.check_password(first[1])
    saved = backup.upgrade_with_backup(engine)
    if saved is not None and not args.json:
        print(f"backup before the upgrade: {saved}")
    after = current_revision(engine)
    with UnitOfWork(engine) as uow:  # a password an earlier version kept in plain text
        settings.seal_plain_secrets(uow)
        uow.commit()
    admin = _first_admin(engine, first) if first is not None else None
    if admin is not None and not args.json:
        print(f"first administrator {admin} created")
    if args.json:
        print_json({"database": engine.url.render_as_string(), "from": before, "to": after})
    elif before == after:
        print(f"schema is up to date ({after})")
    else:
        print(f"schema upgraded {before or 'empty'} → {after}")
    return 0


def _first_admin(engine: Engine, credentials: tuple[str, str]) -> str:
    """On a database without users, the administrator BACKOFFICE_USER and
    BACKOFFICE_PASSWORD (or a terminal) name; from then on everyone logs in."""
    name, password = credentials
    with UnitOfWork(engine, actor=name) as uow:
        added = users.add_user(uow, name, Role.ADMIN, password)
        uow.commit()
    return added.name


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
    value = args.value if args.value is not None else _secret_value(args.key)
    with UnitOfWork(_engine(args)) as uow:
        stored = settings.set_setting(uow, args.key, value)
        uow.commit()
    print(f"{args.key} = {stored}")
    return 0


def _secret_value(key: str) -> str:
    """A secret kept off the command line (and so out of `ps` and the shell's
    history): asked without echo on a terminal, else the first line of stdin."""
    if key not in settings.SECRET_KEYS:
        raise InputError(f"settings set {key}: the value is missing")
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"{key}: ")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def settings_show(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        values = settings.all_settings(uow)  # secrets come masked
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


def client_edit(args: argparse.Namespace) -> int:
    given: dict[str, object] = {}
    for field, value in (
        ("name", args.name),
        ("short_name", args.short_name),
        ("address", args.address),
        ("manager", args.manager),
        ("contract_no", args.contract),
        ("contract_date", args.contract_date),
    ):
        if value is not None:
            given[field] = value
    if args.iban is not None and args.no_iban:
        raise InputError("--iban and --no-iban: choose one")
    if args.email is not None and args.no_email:
        raise InputError("--email and --no-email: choose one")
    if args.iban is not None or args.no_iban:
        given["ibans"] = tuple(args.iban or ())
    if args.email is not None or args.no_email:
        given["emails"] = tuple(args.email or ())
    if not given:
        raise InputError("nothing to change: give --name, --iban, --email, --contract or another")
    changes = client_edits.ClientChanges(**given)  # type: ignore[arg-type]
    with UnitOfWork(_engine(args)) as uow:
        edited = client_edits.edit_client(uow, args.account, changes, args.reason)
        uow.commit()
    for message in edited.warnings:
        warn(message)
    if args.json:
        print_json(
            {
                "account": edited.account_number,
                "changed": {k: {"before": b, "after": a} for k, (b, a) in edited.changed.items()},
            }
        )
    elif edited.changed:
        for field, (before, after) in edited.changed.items():
            print(f"{field}: {_shown_value(before)} -> {_shown_value(after)}")
    else:
        print(f"account {edited.account_number}: nothing changed")
    return 0


def _shown_value(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "-"
    return "-" if value in (None, "") else str(value)


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
        # a client without a contract gets documents citing none: shown here
        contracts = snapshots.contracts_of_clients(uow, [v.client_id for v in views])
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
                    "contract": _contract_json(contracts.get(v.client_id)),
                    "warnings": [] if contracts.get(v.client_id) else ["no_contract"],
                }
                for v in views
            ]
        )
    else:
        print_table(
            ["account", "client", "kind", "code", "balance", "access", "contract"],
            [
                [
                    v.number,
                    v.client_name,
                    v.client_kind,
                    v.tax_code,
                    v.balance,
                    v.access,
                    _contract_cell(contracts.get(v.client_id)),
                ]
                for v in views
            ],
            right=frozenset({4}),
        )
    return 0


def _contract_json(contract: tuple[str, dt.date | None] | None) -> dict[str, object] | None:
    if contract is None:
        return None
    return {"number": contract[0], "date": contract[1]}


def _contract_cell(contract: tuple[str, dt.date | None] | None) -> str:
    if contract is None:
        return "NONE (warning)"
    return f"{contract[0]} of {contract[1]}" if contract[1] else contract[0]


def account_show(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        view = clients.show_account(uow, args.account)
        subscription = subscriptions.current_subscription(uow, view.account_id)
        shown_subscription = None
        if subscription is not None:
            sub = subscriptions.view_of(uow, subscription)
            shown_subscription = {
                "plan": sub.plan,
                "status": sub.status,
                "period_start": sub.period_start,
                # the last paid day; the period's end is exclusive inside
                "period_end": sub.period_end - dt.timedelta(days=1) if sub.period_end else None,
                "auto_renew": sub.auto_renew,
                "months": sub.months,
            }
        outstanding_eur = subscriptions.outstanding_total(uow, view.account_id)
        outstanding = rates.estimate_uah(uow, outstanding_eur, args.date)
        # paid for months after this one, not yet on any act (SPEC §11)
        prepaid = recognition.prepaid(uow, args.date, [view.account_id]).get(
            view.account_id, Decimal("0.00")
        )
    shown = {
        "account": view.number,
        "client": view.client_name,
        "balance": view.balance,
        "access": str(view.access),
        "block_reason": view.block_reason,
        "outstanding": outstanding,
        "outstanding_eur": outstanding_eur,
        "prepaid": prepaid,
        "subscription": shown_subscription,
        "last_topup_date": view.last_topup_date,
    }
    if args.json:
        print_json(shown)
    else:
        print_pairs([(k, v) for k, v in shown.items() if k != "subscription"])
        if shown_subscription:
            print_pairs([(f"subscription.{k}", v) for k, v in shown_subscription.items()])
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
        entry = payments.receive_topup(uow, args.account, amount, args.date, args.reason)
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


def rates_fetch(args: argparse.Namespace) -> int:
    date_from = args.date_from or (args.date_to if args.date_to else args.date)
    date_to = args.date_to or date_from
    with UnitOfWork(_engine(args)) as uow:
        result = rate_fetch.fetch_rates(uow, date_from, date_to)
        uow.commit()
    conflicts = [
        {"date": c.day, "currency": c.currency, "stored": c.stored, "nbu": c.fetched}
        for c in result.conflicts
    ]
    if args.json:
        print_json(
            {
                "from": result.date_from,
                "to": result.date_to,
                "currencies": list(result.currencies),
                "new": result.new,
                "unchanged": result.unchanged,
                "conflicts": conflicts,
            }
        )
    else:
        print(
            f"NBU rates {result.date_from}..{result.date_to} ({', '.join(result.currencies)}): "
            f"{result.new} new, {result.unchanged} unchanged, {len(conflicts)} conflicts"
        )
    for c in result.conflicts:
        # Not an error: the other days are stored; this one waits for a person.
        warn(
            f"{c.currency} {c.day}: stored {c.stored}, the NBU says {c.fetched}; "
            "left as stored (correct it with `rates set ... --reason`)"
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
        cancelled = months.reopen_month(uow, args.month, args.reason)
        uow.commit()
    if args.json:
        print_json({"month": args.month, "acts_cancelled": cancelled})
    else:
        print(f"month {args.month} reopened; {cancelled} act(s) cancelled (numbers kept)")
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


def catalog_import(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        result = catalog.import_catalog(uow, Path(args.file))
        uow.commit()
    if args.json:
        print_json(result.__dict__)
    else:
        print(
            f"{args.file}: {result.options_added} options added, {result.options_changed} "
            f"changed; {result.plans_added} plans added, {result.plan_versions_added} new "
            f"price versions; {result.unchanged} unchanged"
        )
    return 0


def catalog_list(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        plans = catalog.list_plans(uow)
    if args.json:
        print_json([p.__dict__ for p in plans])
    else:
        print_table(
            ["plan", "name", "version", "EUR/month", "periods"],
            [[p.code, p.name, p.version, p.monthly_price, p.periods] for p in plans],
            right=frozenset({2, 3}),
        )
    return 0


def _options(texts: list[str]) -> list[tuple[str, int]]:
    parsed = []
    for text in texts:
        code, _, quantity = text.partition("=")
        what = f"--option {validation.shown(text)}: quantity"
        parsed.append((code.strip(), validation.quantity(quantity, what=what) if quantity else 1))
    return parsed


def quote(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        q = subscriptions.quote(
            uow, args.account, args.plan, _options(args.option), args.months, args.date
        )
    shown = {
        "lines": [
            {
                "service": line.description,
                "eur_per_month": line.eur_per_month,
                "months": line.months,
                "eur": line.eur,
            }
            for line in q.price.lines
        ],
        "eur_before_discount": q.price.eur_before_discount,
        "discount_percent": q.price.discount_percent,
        "discount_eur": q.price.discount_eur,
        "eur": q.price.eur,
        "rate": q.rate,
        "markup_percent": q.markup_percent,
        "uah": q.uah,
        "funds": q.funds,
        "missing": q.missing,
        "suggested_topups": {str(k): v for k, v in q.suggested_topups.items()},
    }
    if args.json:
        print_json(shown)
    else:
        print_table(
            ["service", "EUR/month", "months", "EUR"],
            [
                [line.description, line.eur_per_month, line.months, line.eur]
                for line in q.price.lines
            ],
            right=frozenset({1, 2, 3}),
        )
        print_pairs([(k, v) for k, v in shown.items() if k not in ("lines", "suggested_topups")])
        print_pairs([(f"top up for {k} months", v) for k, v in q.suggested_topups.items()])
    return 0


def _print_subscription(
    args: argparse.Namespace, view: subscriptions.SubscriptionView, invoice: str | None = None
) -> None:
    shown = {
        "account": view.account,
        "plan": view.plan,
        "status": view.status,
        "months": view.months,
        "auto_renew": view.auto_renew,
        "period_start": view.period_start,
        "period_end": view.period_end - dt.timedelta(days=1) if view.period_end else None,
    }
    if invoice is not None:
        shown["invoice"] = invoice
    if args.json:
        print_json(shown)
    else:
        print(
            f"{view.account}: plan {view.plan}, {view.status}"
            + (
                f", paid {shown['period_start']} – {shown['period_end']}"
                if view.period_start
                else ""
            )
            + (f"; invoice {invoice}" if invoice else "")
        )


def subscribe(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        placed = subscription_orders.place_order(
            uow,
            args.account,
            args.plan,
            _options(args.option),
            args.months,
            not args.no_auto_renew,
            args.date,
        )
        uow.commit()
    if placed.warning:
        warn(placed.warning)
    _print_subscription(args, placed.subscription, placed.invoice)
    return 0


def add_options(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        view = subscriptions.add_options(
            uow, args.account, _options(args.option), args.date, boost=args.boost
        )
        invoice = None
        try:
            with uow.session.begin_nested():
                issued = invoices.issue_options_invoice(uow, args.account, args.date)
                invoice = issued.number if issued else None
        except MissingRate as exc:
            warn(f"no invoice issued: {exc}")
        if invoice and (warning := invoices.contract_warning(uow, invoice)):
            warn(warning)
        uow.commit()
    _print_subscription(args, view, invoice)
    return 0


def change_plan(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        view = subscriptions.change_plan(uow, args.account, args.plan, args.date)
        uow.commit()
    _print_subscription(args, view)
    return 0


def suspend(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        view = subscriptions.suspend(uow, args.account, args.date)
        uow.commit()
    _print_subscription(args, view)
    return 0


def resume(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        view = subscriptions.resume(uow, args.account, args.date)
        uow.commit()
    _print_subscription(args, view)
    return 0


def usage_add(args: argparse.Namespace) -> int:
    quantity = validation.quantity(args.quantity, signed=True)
    with UnitOfWork(_engine(args)) as uow:
        usage.add_usage(uow, args.account, args.option, quantity, args.date)
        uow.commit()
    print(f"{args.account}: {args.option} {quantity:+d} on {args.date}")
    return 0


def usage_import(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        count = usage.import_usage(uow, Path(args.file))
        uow.commit()
    if args.json:
        print_json({"records": count})
    else:
        print(f"{args.file}: {count} usage records")
    return 0


def run_daily(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        result = daily.run_daily(uow, args.date)
        uow.commit()
    reports = [
        {k: (str(v) if isinstance(v, dt.date) else v) for k, v in r.__dict__.items()}
        for r in result.days
    ]
    if args.json:
        print_json(
            {
                "days": reports,
                "errors": [{"date": d, "account": a, "reason": why} for d, a, why in result.errors],
            }
        )
    else:
        for report in reports:
            counts = ", ".join(
                f"{k.replace('_', ' ')} {v}"
                for k, v in report.items()
                if k not in ("day", "errors") and v
            )
            print(f"{report['day']}: {counts or 'nothing to do'}")
    for day, account, why in result.errors:
        sys.stderr.write(f"  {day} {account}: {why}\n")
    if result.errors:
        raise BackofficeError(f"{len(result.errors)} account(s) failed; the others were processed")
    return 0


def close(args: argparse.Namespace) -> int:
    engine = _engine(args)
    if not args.dry_run:
        backup.automatic_backup(engine, "before-close")
    with UnitOfWork(engine) as uow:
        try:
            result = closing.close_month(uow, args.month, dry_run=args.dry_run)
        except closing.ClosingRefused as exc:
            for day, account, why in exc.errors:
                sys.stderr.write(f"  {day} {account}: {why}\n")
            raise
        if not args.dry_run:
            uow.commit()
    shown = {
        "month": result.month,
        "dry_run": result.dry_run,
        "already_closed": result.already_closed,
        "acts": result.acts,
        "total_uah": result.total_uah,
        "daily_days": result.daily_days,
        "accounts": [a.__dict__ for a in result.accounts],
    }
    if args.json:
        print_json(shown)
    elif result.already_closed:
        print(f"month {result.month} is already closed; nothing changed")
    else:
        print_table(
            ["account", "client", "debited", "act", "access", "reason"],
            [
                [a.account, a.client, a.debited, a.act_number, a.access, a.block_reason]
                for a in result.accounts
            ],
            right=frozenset({2}),
        )
        verb = "would close" if result.dry_run else "closed"
        print(f"{verb} {result.month}: {result.acts} acts, {result.total_uah} UAH")
    return 0


def acts_list(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        acts = closing.list_acts(uow, args.month, include_cancelled=args.all)
    rows = [
        {
            "number": act.number,
            "date": act.act_date,
            "month": act.month,
            "client": client,
            "account": number,
            "total": act.total_uah,
            "total_eur": act.total_eur,
            "status": "cancelled" if act.cancelled_at else "issued",
        }
        for act, number, client in acts
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["number", "date", "client", "account", "total", "status"],
            [
                [r["number"], r["date"], r["client"], r["account"], r["total"], r["status"]]
                for r in rows
            ],
            right=frozenset({4}),
        )
    return 0

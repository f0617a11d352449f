"""CLI handlers for bank statements and invoices (SPEC §16)."""

from __future__ import annotations

import argparse
from pathlib import Path

from backoffice.cli.commands import _engine
from backoffice.cli.output import print_json, print_pairs, print_table, warn
from backoffice.db.engine import UnitOfWork
from backoffice.errors import InputError
from backoffice.importers.statements.classify import HINTS
from backoffice.money import money
from backoffice.services import invoices


def statements_import(args: argparse.Namespace) -> int:
    from backoffice.services import statements

    with UnitOfWork(_engine(args)) as uow:
        result = statements.import_statement_file(uow, Path(args.file), args.format, args.date)
        uow.commit()
    for text in result.warnings:
        warn(f"{args.file}: {text}")
    summary = statements.batch_summary(result)
    if args.json:
        print_json(summary)
    else:
        print_pairs(
            [
                ("file", result.file_name),
                ("format", result.format),
                ("batch", result.batch if result.batch is not None else "nothing new"),
                *summary.items(),
                ("posted, UAH", result.posted_total),
            ]
        )
    return 0


def statements_unmatched(args: argparse.Namespace) -> int:
    from backoffice.services import statements

    with UnitOfWork(_engine(args), read_only=True) as uow:
        lines = statements.list_unmatched(uow)
    rows = [
        {
            "id": line.id,
            "date": line.date,
            "amount": line.amount,
            "payer": line.payer,
            "payer_code": line.payer_code,
            "payer_iban": line.payer_iban,
            "purpose": line.purpose,
            "candidates": list(line.candidates),
            "hint": line.hint,
            "hint_text": HINTS.get(line.hint, ""),
        }
        for line in lines
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["id", "date", "amount", "payer", "code", "purpose", "candidates"],
            [
                [r["id"], r["date"], r["amount"], r["payer"], r["payer_code"],
                 str(r["purpose"])[:60], ", ".join(r["candidates"])]  # type: ignore[arg-type]
                for r in rows
            ],
            right=frozenset({2}),
        )  # fmt: skip
    return 0


def statements_assign(args: argparse.Namespace) -> int:
    from backoffice.services import statements

    with UnitOfWork(_engine(args)) as uow:
        entry_id = statements.assign_line(uow, args.line, args.account, args.date)
        uow.commit()
    if args.json:
        print_json({"line": args.line, "account": args.account, "entry": entry_id})
    else:
        print(f"statement line {args.line} posted to {args.account} (entry {entry_id})")
    return 0


def statements_unassign(args: argparse.Namespace) -> int:
    from backoffice.services import statements

    with UnitOfWork(_engine(args)) as uow:
        statements.unassign_line(uow, args.line, args.date, args.reason)
        uow.commit()
    print(f"statement line {args.line} reversed and back in the unmatched queue")
    return 0


def statements_ignore(args: argparse.Namespace) -> int:
    """One line by its id, or every unmatched line with a hint (`--hint bank`)."""
    from backoffice.services import statements

    if (args.line is None) == (args.hint is None):
        raise InputError("name either a statement line or --hint (bank, budget, reversal)")
    with UnitOfWork(_engine(args)) as uow:
        if args.hint is not None:
            count = statements.ignore_lines_with_hint(uow, args.hint, args.reason)
        else:
            statements.ignore_line(uow, args.line, args.reason)
        uow.commit()
    if args.hint is not None:
        print(f"{count} unmatched statement lines with hint {args.hint} ignored")
    else:
        print(f"statement line {args.line} ignored")
    return 0


def statements_batches(args: argparse.Namespace) -> int:
    from backoffice.services import statements

    with UnitOfWork(_engine(args), read_only=True) as uow:
        batches = statements.list_batches(uow)
    rows = [b.__dict__ for b in batches]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["batch", "file", "imported", "by", "new", "dup", "skip", "matched", "unmatched",
             "posted", "undone"],
            [
                [b.id, b.file_name, b.imported_at, b.imported_by, b.new, b.duplicate, b.skipped,
                 b.matched, b.unmatched, b.posted_total, b.undone_at]
                for b in batches
            ],
            right=frozenset({4, 5, 6, 7, 8, 9}),
        )  # fmt: skip
    return 0


def statements_undo(args: argparse.Namespace) -> int:
    from backoffice.services import statements

    with UnitOfWork(_engine(args)) as uow:
        count = statements.undo_batch(uow, args.batch, args.date, args.reason)
        uow.commit()
    if args.json:
        print_json({"batch": args.batch, "reversed": count})
    else:
        print(f"batch {args.batch} undone: {count} top-ups reversed")
    return 0


def statements_profiles(args: argparse.Namespace) -> int:
    from backoffice.services import statements

    with UnitOfWork(_engine(args), read_only=True) as uow:
        names = statements.profile_names(uow)
    if args.json:
        print_json([{"name": n, "source": s} for n, s in names])
    else:
        print_table(["profile", "source"], names)
    return 0


def statements_profile_save(args: argparse.Namespace) -> int:
    from backoffice.services import statements

    text = Path(args.file).read_text(encoding="utf-8")
    with UnitOfWork(_engine(args)) as uow:
        profile = statements.save_profile(uow, text)
        uow.commit()
    print(f"mapping profile {profile.name} saved")
    return 0


# -- invoices ------------------------------------------------------------------


def _invoice_row(view: invoices.InvoiceView) -> dict[str, object]:
    return {
        "number": view.number,
        "date": view.date,
        "client": view.client,
        "account": view.account,
        "kind": view.kind,
        "period": view.period,
        "total": view.total,
        "status": view.status,
    }


def invoices_run(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        result = invoices.invoice_run(uow, args.date)
        uow.commit()
    for error in result.errors:
        warn(error)
    if args.json:
        print_json(
            {
                "date": result.day,
                "run_day": result.run_day,
                "months": list(result.months),
                "issued": list(result.issued),
                "already": result.already,
                "errors": list(result.errors),
            }
        )
    elif not result.months:
        print(f"{result.day}: the invoice run starts on {result.run_day}; nothing to do")
    else:
        print(
            f"{result.day}: {len(result.issued)} invoices issued for {', '.join(result.months)}"
            f" ({result.already} issued before)"
        )
    return 0


def invoices_list(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args), read_only=True) as uow:
        views = invoices.list_invoices(
            uow, month=args.month, account_number=args.account, status=args.status, today=args.date
        )
    rows = [_invoice_row(v) for v in views]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["number", "date", "client", "account", "kind", "period", "total", "status"],
            [list(r.values()) for r in rows],
            right=frozenset({6}),
        )
    return 0


def invoices_issue(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        invoice = invoices.issue_topup_invoice(
            uow, args.account, money(args.amount, what="amount"), args.date
        )
        view = invoices.view(uow, invoice, args.date)
        warning = invoices.contract_warning(uow, invoice.number)
        uow.commit()
    if warning:
        warn(warning)
    if args.json:
        print_json({**_invoice_row(view), "warning": warning or None})
    else:
        print(f"invoice {view.number}: {view.total} UAH to {view.account}")
    return 0


def invoices_cancel(args: argparse.Namespace) -> int:
    with UnitOfWork(_engine(args)) as uow:
        view = invoices.cancel_invoice(uow, args.number, args.reason, args.date)
        uow.commit()
    print(f"invoice {view.number} cancelled; its number stays taken")
    return 0


# -- order-only services -------------------------------------------------------


def order_add(args: argparse.Namespace) -> int:
    from backoffice.services import orders

    with UnitOfWork(_engine(args)) as uow:
        view = orders.order_service(
            uow, args.account, args.service, money(args.amount, what="amount"), args.date
        )
        warning = invoices.contract_warning(uow, view.invoice)
        uow.commit()
    if warning:
        warn(warning)
    if args.json:
        print_json(view.__dict__)
    else:
        print(f"order {view.id}: {view.service}, {view.amount} UAH; invoice {view.invoice}")
    return 0


def order_complete(args: argparse.Namespace) -> int:
    from backoffice.services import orders

    with UnitOfWork(_engine(args)) as uow:
        view = orders.complete_order(uow, args.order, args.date)
        uow.commit()
    if args.json:
        print_json(view.__dict__)
    else:
        print(f"order {view.id} completed: act {view.act}")
    return 0


def order_list(args: argparse.Namespace) -> int:
    from backoffice.services import orders

    with UnitOfWork(_engine(args), read_only=True) as uow:
        views = orders.list_orders(uow)
    if args.json:
        print_json([v.__dict__ for v in views])
    else:
        print_table(
            ["order", "account", "service", "amount", "date", "invoice", "act"],
            [[v.id, v.account, v.service, v.amount, v.order_date, v.invoice, v.act] for v in views],
            right=frozenset({3}),
        )
    return 0

"""CLI handlers for documents and exports: PDFs of invoices, acts and
reconciliation statements; Excel reports (SPEC §10, §11, §13, §16).

ReportLab and the report code load only when a command needs them, so the
other commands start quickly."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from backoffice.cli.commands import _engine
from backoffice.cli.output import print_json
from backoffice.db.engine import UnitOfWork
from backoffice.errors import InputError
from backoffice.services import months

if TYPE_CHECKING:
    from backoffice.documents.records import Document


def _write_pdfs(docs: list[Document], out: Path, args: argparse.Namespace) -> int:
    """`--out FOLDER` (existing): one PDF each; `--out FILE.pdf`: one batch file."""
    from backoffice.documents.batch import render_batch, render_each

    if not docs:
        raise InputError("no documents to print")
    if out.is_dir():
        paths = render_each(docs, out)
    elif out.suffix.lower() == ".pdf":
        paths = [render_batch(docs, out)]
    else:
        raise InputError(f"--out {out}: give an existing folder or a file name ending in .pdf")
    if args.json:
        print_json({"documents": len(docs), "files": [str(p) for p in paths]})
    else:
        print(f"{len(docs)} document(s) written to {out}")
    return 0


def invoices_pdf(args: argparse.Namespace) -> int:
    from backoffice.services import documents

    with UnitOfWork(_engine(args), read_only=True) as uow:
        docs: list[Document] = list(documents.invoice_documents(uow, args.numbers))
    return _write_pdfs(docs, Path(args.out), args)


def acts_pdf(args: argparse.Namespace) -> int:
    from backoffice.services import documents

    if not args.numbers and not args.month:
        raise InputError("name the acts, or give --month for all acts of a month")
    with UnitOfWork(_engine(args), read_only=True) as uow:
        numbers = list(args.numbers) or documents.act_numbers(uow, months.parse_month(args.month))
        docs: list[Document] = [documents.act_document(uow, n) for n in numbers]
    return _write_pdfs(docs, Path(args.out), args)


def reconciliation(args: argparse.Namespace) -> int:
    """Issue the statement of ACCOUNT for --from..--to (numbered, its content
    fixed, SPEC §10, §13) and write it; or, with --number, write an issued
    statement again exactly as it was issued."""
    from backoffice.documents.reconciliation_pdf import render_reconciliation
    from backoffice.exports import write_report
    from backoffice.services import reports
    from backoffice.services.reconciliation import issue_statement, issued_statement

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise InputError(f"--out {out}: the file name must end in .pdf or .xlsx")
    if args.number:
        if args.account or args.date_from or args.date_to:
            raise InputError("--number reprints an issued statement: give no account or period")
    elif not (args.account and args.date_from and args.date_to):
        raise InputError("give ACCOUNT --from --to to issue a statement, or --number to reprint")
    with UnitOfWork(_engine(args), read_only=bool(args.number)) as uow:
        if args.number:
            doc = issued_statement(uow, args.number)
        else:
            doc = issue_statement(uow, args.account, args.date_from, args.date_to, args.date)
        # the file first: a statement that could not be written is not issued
        if suffix == ".pdf":
            render_reconciliation(doc, out)
        else:
            write_report(reports.reconciliation_sheet(uow, doc), out)
        if not args.number:
            uow.commit()
    print(f"reconciliation statement {doc.number} of {doc.account_number} written to {out}")
    return 0


def export(args: argparse.Namespace) -> int:
    from backoffice.exports import write_table
    from backoffice.services import reports

    out = Path(args.out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise InputError(f"--out {out}: the file name must end in .xlsx or .csv")
    date_from, date_to = _period(args)
    with UnitOfWork(_engine(args), read_only=True) as uow:
        report = reports.build_report(
            uow,
            args.report,
            date_from=date_from,
            date_to=date_to,
            today=args.date,
            account=args.account,
            kind=args.kind,
        )
        result = write_table(report, out)  # the window's writer too
    if args.json:
        print_json({"report": args.report, "rows": result.rows, "file": str(result.path)})
    else:
        print(f"{args.report}: {result.rows} rows written to {result.path}")
    return 0


def _period(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    """--month M, or --from/--to; the default is the month of --date."""
    if args.month:
        month = months.parse_month(args.month)
        start = dt.date.fromisoformat(f"{month}-01")
    else:
        start = args.date_from or args.date.replace(day=1)
    if args.month or not args.date_to:
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        end = following - dt.timedelta(days=1)
    else:
        end = args.date_to
    if args.date_from and not args.month:
        start = args.date_from
    if start > end:
        raise InputError(f"period from {start} is after to {end}")
    return start, end


# -- e-mail --------------------------------------------------------------------


def mail_queue(args: argparse.Namespace) -> int:
    from backoffice.services import invoices, outbox

    with UnitOfWork(_engine(args)) as uow:
        if args.what == "invoices":
            numbers = args.numbers or [
                v.number
                for v in invoices.list_invoices(uow, month=args.month, today=args.date)
                if v.status != "cancelled"
            ]
            result = outbox.queue_invoices(uow, numbers)
        elif args.what == "acts":
            if not args.month:
                raise InputError("mail queue acts needs --month")
            result = outbox.queue_acts(uow, months.parse_month(args.month))
        else:
            result = outbox.queue_alerts(uow)
        uow.commit()
    if args.json:
        print_json(
            {
                "queued": result.queued,
                "already": result.already,
                "without_email": list(result.without_email),
            }
        )
    else:
        print(f"{result.queued} queued, {result.already} queued before")
        if result.without_email:
            print(f"no e-mail address: {', '.join(result.without_email)}")
    return 0


def mail_send(args: argparse.Namespace) -> int:
    from backoffice.errors import BackofficeError
    from backoffice.services import outbox

    summary = outbox.send_pending(_engine(args))
    if args.json:
        print_json({"sent": summary.sent, "failed": summary.failed, "errors": list(summary.errors)})
    else:
        print(f"{summary.sent} sent, {summary.failed} failed")
    for error in summary.errors:
        sys.stderr.write(f"  {error}\n")
    if summary.failed:
        raise BackofficeError(f"{summary.failed} message(s) not sent; they stay for a retry")
    return 0


def mail_list(args: argparse.Namespace) -> int:
    from backoffice.cli.output import print_table
    from backoffice.services import outbox

    with UnitOfWork(_engine(args), read_only=True) as uow:
        views = outbox.list_outbox(uow, pending_only=args.pending)
    if args.json:
        print_json([v.__dict__ for v in views])
    else:
        print_table(
            ["message", "to", "subject", "sent", "attempts", "error"],
            [[v.key, v.recipients, v.subject, v.sent_at, v.attempts, v.last_error] for v in views],
        )
    return 0

"""The argument grammar of `backoffice` (SPEC §16). Handlers live in commands.py."""

from __future__ import annotations

import argparse
import datetime as dt
import re

from backoffice import __version__
from backoffice.cli import audit_commands as ac
from backoffice.cli import backup_commands as bc
from backoffice.cli import commands as c
from backoffice.cli import document_commands as dc
from backoffice.cli import statement_commands as sc
from backoffice.cli import user_commands as uc


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    # Defaults are filled here, not with set_defaults: the shared option
    # actions would carry one parser's default into every subcommand.
    for name, default in (("db", None), ("json", False), ("verbose", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    return args


def build_parser() -> argparse.ArgumentParser:
    # --db, --json and -v are accepted before or after the command name.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database URL")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="backoffice",
        description="Back-office billing: personal accounts, ledger, rates, clients.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"backoffice {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler, help_text: str, parent=sub):  # type: ignore[no-untyped-def]
        p = parent.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    command("init", c.init, "create or upgrade the schema to the latest migration")

    p = command("demo", c.demo, "fill a demo data set: clients, balances, 90 days of rates")
    p.add_argument("--clients", type=int, default=200)
    p.add_argument("--seed", type=int, default=2026)
    _date(p)

    settings = command("settings", None, "company requisites and billing policy")
    settings_sub = settings.add_subparsers(dest="settings_command", metavar="ACTION")
    p = command("set", c.settings_set, "set one setting", settings_sub)
    p.add_argument("key")
    p.add_argument(
        "value", nargs="?", help="left out for a secret (smtp.password): asked, or read from stdin"
    )
    command("show", c.settings_show, "show every setting and the effective policy", settings_sub)

    client = command("client", None, "clients and their personal accounts")
    client_sub = client.add_subparsers(dest="client_command", metavar="ACTION")
    p = command("add", c.client_add, "add a client and open its personal account", client_sub)
    p.add_argument("--name", required=True)
    p.add_argument("--short-name", default="")
    p.add_argument("--kind", required=True, choices=["legal", "sole", "individual"])
    codes = p.add_mutually_exclusive_group()
    codes.add_argument("--edrpou")
    codes.add_argument("--rnokpp")
    p.add_argument("--vat-payer", action="store_true")
    p.add_argument("--ipn")
    p.add_argument("--address", default="")
    p.add_argument("--iban", action="append", default=[])
    p.add_argument("--email", action="append", default=[])
    p.add_argument("--contract")
    p.add_argument("--contract-date", type=parse_date)
    p.add_argument("--manager", default="")
    p.add_argument("--opening-balance")
    _date(p)
    p = command(
        "edit",
        c.client_edit,
        "change a client's requisites (audited; documents already issued keep theirs)",
        client_sub,
    )
    p.add_argument("account")
    p.add_argument("--name")
    p.add_argument("--short-name")
    p.add_argument("--address")
    p.add_argument("--manager")
    p.add_argument(
        "--iban",
        action="append",
        help="repeat for several; the IBANs given replace the whole list",
    )
    p.add_argument("--no-iban", action="store_true", help="remove every IBAN")
    p.add_argument(
        "--email",
        action="append",
        help="repeat for several; the e-mails given replace the whole list",
    )
    p.add_argument("--no-email", action="store_true", help="remove every e-mail")
    p.add_argument("--contract", help='contract number ("" removes the contract and its date)')
    p.add_argument("--contract-date", type=parse_date)
    p.add_argument("--reason", required=True)
    p = command("import", c.client_import, "bulk add clients with opening balances", client_sub)
    p.add_argument("file")
    _date(p)
    p = command("list", c.client_list, "list clients with accounts and balances", client_sub)
    p.add_argument("--filter", default="", help="part of a name, code or account number")

    account = command("account", None, "personal accounts")
    account_sub = account.add_subparsers(dest="account_command", metavar="ACTION")
    p = command("show", c.account_show, "balance, access and subscription", account_sub)
    p.add_argument("account")
    _date(p)

    p = command("ledger", c.ledger_list, "entries of a personal account")
    p.add_argument("account")
    p.add_argument("--from", dest="date_from", type=parse_date)
    p.add_argument("--to", dest="date_to", type=parse_date)

    p = command("topup", c.topup, "manual top-up of a personal account")
    p.add_argument("account")
    p.add_argument("amount")
    p.add_argument("--reason", required=True)
    _date(p)

    p = command("reverse", c.reverse, "reverse a ledger entry")
    p.add_argument("entry_id", type=int)
    p.add_argument("--reason", required=True)
    _date(p)

    rates = command("rates", None, "NBU exchange rates")
    rates_sub = rates.add_subparsers(dest="rates_command", metavar="ACTION")
    p = command("set", c.rates_set, "set one rate", rates_sub)
    p.add_argument("day", type=parse_date)
    p.add_argument("currency")
    p.add_argument("rate")
    p.add_argument("--reason", help="needed to correct a rate already used by entries")
    p = command("import", c.rates_import, "import NBU JSON/XML or CSV", rates_sub)
    p.add_argument("file")
    p.add_argument("--reason", help="needed to correct a rate already used by entries")
    p = command(
        "fetch", c.rates_fetch, "the NBU's official rates (setting rates.source_url)", rates_sub
    )
    p.add_argument("--from", dest="date_from", type=parse_date, help="first day (default: --date)")
    p.add_argument("--to", dest="date_to", type=parse_date, help="last day (default: --from)")
    _date(p)
    p = command("list", c.rates_list, "list stored rates", rates_sub)
    p.add_argument("--from", dest="date_from", type=parse_date)
    p.add_argument("--to", dest="date_to", type=parse_date)
    p.add_argument("--currency")

    months = command("months", None, "month locks (closing comes with the billing engine)")
    months_sub = months.add_subparsers(dest="months_command", metavar="ACTION")
    command("list", c.months_list, "closed months", months_sub)
    p = command("lock", c.months_lock, "lock a month: no entry may be dated in it", months_sub)
    p.add_argument("month")
    p = command("reopen", c.months_reopen, "reopen the latest closed month (audited)", months_sub)
    p.add_argument("month")
    p.add_argument("--reason", required=True)

    command("check", c.check, "integrity: cached balances, locked months, reversals")
    log = command("audit", None, "the audit log: every write, who, when, before → after")
    log_sub = log.add_subparsers(dest="audit_command", metavar="ACTION")
    p = command("list", ac.audit_list, "records of the audit log, oldest first", log_sub)
    p.add_argument("--from", dest="date_from", type=parse_date, help="first day (UTC)")
    p.add_argument("--to", dest="date_to", type=parse_date, help="last day (UTC)")
    p.add_argument("--user", help="only this user's records")
    p.add_argument("--action", help="an action code (client.add), or a prefix with a dot (client.)")
    p.add_argument("--text", help="part of the object, workstation, before or after")
    user = command("user", None, "users who log in, and their roles")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION")
    roles = "admin, chief_accountant, accountant, manager, auditor, scheduler"
    p = command("add", uc.user_add, "add a user (password: BACKOFFICE_NEW_PASSWORD)", user_sub)
    p.add_argument("name")
    p.add_argument("--role", required=True, help=roles)
    command("list", uc.user_list, "users, roles, who is disabled or locked", user_sub)
    p = command("disable", uc.user_disable, "stop a user logging in", user_sub)
    p.add_argument("name")
    p = command("enable", uc.user_enable, "let a disabled or locked user log in again", user_sub)
    p.add_argument("name")
    p = command("role", uc.user_role, "change a user's role", user_sub)
    p.add_argument("name")
    p.add_argument("role", help=roles)
    p = command("passwd", uc.user_passwd, "set a new password (BACKOFFICE_NEW_PASSWORD)", user_sub)
    p.add_argument("name")

    p = command("backup", bc.backup, "a consistent copy of the whole database to PATH")
    p.add_argument("path", help="a new file, or an existing folder to put the backup in")
    p = command("restore", bc.restore, "replace the database with a backup, once it is checked")
    p.add_argument("path", help="a file written by `backoffice backup`")

    cat = command("catalog", None, "options and plans of the tariff constructor")
    cat_sub = cat.add_subparsers(dest="catalog_command", metavar="ACTION")
    p = command("import", c.catalog_import, "load options and plans from JSON", cat_sub)
    p.add_argument("file")
    command("list", c.catalog_list, "plans with their current prices", cat_sub)

    for name, handler, text in (
        ("quote", c.quote, "the tariff constructor: price breakdown, writes nothing"),
        (
            "subscribe",
            c.subscribe,
            "order a plan: pending subscription, activated where funds allow",
        ),
    ):
        p = command(name, handler, text)
        p.add_argument("account")
        p.add_argument("plan")
        p.add_argument("--option", action="append", default=[], metavar="CODE[=QTY]")
        p.add_argument("--months", type=int, default=1)
        if name == "subscribe":
            p.add_argument("--no-auto-renew", action="store_true")
        _date(p)
    p = command("add-options", c.add_options, "add options (or a --boost pack) to a subscription")
    p.add_argument("account")
    p.add_argument("--option", action="append", required=True, metavar="CODE[=QTY]")
    p.add_argument("--boost", action="store_true", help="for the current period only")
    _date(p)
    p = command("change-plan", c.change_plan, "change the plan of a running subscription")
    p.add_argument("account")
    p.add_argument("plan")
    _date(p)
    for name, handler in (("suspend", c.suspend), ("resume", c.resume)):
        p = command(name, handler, f"{name} the account's subscription")
        p.add_argument("account")
        _date(p)

    usage = command("usage", None, "usage of options per account and day")
    usage_sub = usage.add_subparsers(dest="usage_command", metavar="ACTION")
    p = command("add", c.usage_add, "usage on a day (a delta)", usage_sub)
    p.add_argument("account")
    p.add_argument("option")
    p.add_argument("quantity")  # checked by the validation layer: ASCII digits, bounded
    _date(p)
    p = command("import", c.usage_import, "CSV/XLSX: account, option, date, quantity", usage_sub)
    p.add_argument("file")

    p = command("run-daily", c.run_daily, "the daily job for a day (catches up missed days)")
    _date(p)
    p = command("close", c.close, "monthly closing: daily runs, acts, lock, journal")
    p.add_argument("month")
    p.add_argument("--dry-run", action="store_true")

    acts = command("acts", None, "acts of services rendered")
    acts_sub = acts.add_subparsers(dest="acts_command", metavar="ACTION")
    p = command("list", c.acts_list, "acts of a month", acts_sub)
    p.add_argument("--month", required=True)
    p.add_argument("--all", action="store_true", help="with the acts a reopening cancelled")
    p = command("pdf", dc.acts_pdf, "print acts: one PDF each, or one batch file", acts_sub)
    p.add_argument("numbers", nargs="*", metavar="NUMBER")
    p.add_argument("--month", help="all acts of the month")
    p.add_argument("--out", required=True, help="an existing folder, or FILE.pdf")

    p = command(
        "reconciliation",
        dc.reconciliation,
        "issue a reconciliation statement (numbered, fixed), or reprint one: PDF or Excel",
    )
    p.add_argument("account", nargs="?")
    p.add_argument("--from", dest="date_from", type=parse_date)
    p.add_argument("--to", dest="date_to", type=parse_date)
    p.add_argument("--number", help="reprint the issued statement of this number")
    p.add_argument("--out", required=True, help="FILE.pdf or FILE.xlsx")
    _date(p)

    from backoffice.services.report_names import REPORTS

    p = command(
        "export",
        dc.export,
        "Excel reports: " + "; ".join(f"{k}: {v}" for k, v in REPORTS.items()),
    )
    p.add_argument("report", choices=list(REPORTS))
    p.add_argument("--from", dest="date_from", type=parse_date)
    p.add_argument("--to", dest="date_to", type=parse_date)
    p.add_argument("--month")
    p.add_argument("--account")
    p.add_argument("--kind", help="ledger: only entries of this kind")
    p.add_argument("--out", required=True, help="FILE.xlsx or FILE.csv")
    _date(p)

    _statement_commands(command)
    _invoice_commands(command)

    order = command("order", None, "order-only services: own invoice and act")
    order_sub = order.add_subparsers(dest="order_command", metavar="ACTION")
    p = command("add", sc.order_add, "order a service at an agreed price (invoice)", order_sub)
    p.add_argument("account")
    p.add_argument("--service", required=True)
    p.add_argument("--amount", required=True)
    _date(p)
    p = command("complete", sc.order_complete, "the work is done: its act", order_sub)
    p.add_argument("order", type=int)
    _date(p)
    command("list", sc.order_list, "orders with their invoices and acts", order_sub)

    mail = command("mail", None, "e-mail of invoices, acts and alerts through the outbox")
    mail_sub = mail.add_subparsers(dest="mail_command", metavar="ACTION")
    p = command("queue", dc.mail_queue, "put documents or alerts in the outbox", mail_sub)
    p.add_argument("what", choices=["invoices", "acts", "alerts"])
    p.add_argument("numbers", nargs="*", metavar="NUMBER", help="invoice numbers")
    p.add_argument("--month")
    _date(p)
    command("send", dc.mail_send, "send what waits in the outbox (SMTP settings)", mail_sub)
    p = command("list", dc.mail_list, "the outbox", mail_sub)
    p.add_argument("--pending", action="store_true")
    return parser


def _statement_commands(command) -> None:  # type: ignore[no-untyped-def]
    st = command("statements", None, "bank statements: import, match, undo")
    st_sub = st.add_subparsers(dest="statements_command", metavar="ACTION")
    p = command("import", sc.statements_import, "import a statement file as one batch", st_sub)
    p.add_argument("file")
    p.add_argument(
        "--format",
        default="auto",
        help="auto, 1c, mt940, camt053, camt054, registry or a mapping profile name",
    )
    _date(p)
    command("unmatched", sc.statements_unmatched, "payments waiting for an account", st_sub)
    p = command("assign", sc.statements_assign, "post an unmatched payment to an account", st_sub)
    p.add_argument("line", type=int)
    p.add_argument("account")
    _date(p)
    p = command("unassign", sc.statements_unassign, "reverse a wrong assignment", st_sub)
    p.add_argument("line", type=int)
    p.add_argument("--reason", required=True)
    _date(p)
    p = command("ignore", sc.statements_ignore, "drop an unmatched payment from the queue", st_sub)
    p.add_argument("line", type=int, nargs="?")
    p.add_argument("--hint", help="every unmatched line with this hint: bank, budget, reversal")
    p.add_argument("--reason", required=True)
    command("batches", sc.statements_batches, "imported files and their counts", st_sub)
    p = command("undo", sc.statements_undo, "reverse a whole imported batch", st_sub)
    p.add_argument("batch", type=int)
    p.add_argument("--reason", required=True)
    _date(p)
    command("profiles", sc.statements_profiles, "CSV/XLS mapping profiles", st_sub)
    p = command("save-profile", sc.statements_profile_save, "save a mapping profile (JSON)", st_sub)
    p.add_argument("file")


def _invoice_commands(command) -> None:  # type: ignore[no-untyped-def]
    inv = command("invoices", None, "invoices: the monthly run, lists, PDFs")
    inv_sub = inv.add_subparsers(dest="invoices_command", metavar="ACTION")
    p = command("run", sc.invoices_run, "the invoice run of a day (month end − 10)", inv_sub)
    _date(p)
    p = command("list", sc.invoices_list, "invoices, by month", inv_sub)
    p.add_argument("--month")
    p.add_argument("--account")
    p.add_argument("--status", choices=["issued", "partially_paid", "paid", "overdue", "cancelled"])
    _date(p)
    p = command("issue", sc.invoices_issue, "an invoice to top up an account", inv_sub)
    p.add_argument("account")
    p.add_argument("amount")
    _date(p)
    p = command("pdf", dc.invoices_pdf, "print invoices: one PDF each, or one batch", inv_sub)
    p.add_argument("numbers", nargs="+", metavar="NUMBER")
    p.add_argument("--out", required=True, help="an existing folder, or FILE.pdf")
    p = command("cancel", sc.invoices_cancel, "cancel an unpaid invoice", inv_sub)
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    _date(p)


def _date(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--date",
        type=parse_date,
        default=dt.date.today(),
        help="business date YYYY-MM-DD (default: today)",
    )


def parse_date(text: str) -> dt.date:
    # ASCII digits, four-two-two: strptime alone takes `２０２６-1-5`. The range
    # (EARLIEST_DATE .. today + MAX_DAYS_AHEAD) is checked before the command
    # runs, as a refusal (exit 1), in backoffice.cli.main.
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None

"""docs/permissions.md, written from the matrix in backoffice.permissions.

`python -m backoffice.permissions_doc` rewrites the file; a test fails when
the file and the code disagree, so the document never drifts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from backoffice.permissions import MATRIX, Permission, Role

DOC = Path(__file__).resolve().parent.parent / "docs" / "permissions.md"

# Where each permission is checked: the services that start with its `require`.
WHERE = {
    Permission.READ_BOOKS: (
        "ledger.account_entries, clients.list_accounts, integrity.check, client_card, "
        "client_list, subscription_orders.subscription_card, tariff_quotes, overview"
    ),
    Permission.VIEW_AUDIT: "audit.entries, summarize (`audit list`, the audit log screen)",
    Permission.EXPORT_REPORTS: "reports.build_report (`export`)",
    Permission.PRINT_DOCUMENTS: (
        "documents.invoice_document, act_document (PDFs, e-mails); "
        "reconciliation.issue_statement, issued_statement"
    ),
    Permission.POST_TOPUP: "ledger.post_topup, payments.receive_topup (`topup`)",
    Permission.POST_REVERSAL: "ledger.reverse_entry (`reverse`)",
    Permission.POST_CORRECTION: "clients.set_credit, client_card.post_correction",
    Permission.MANAGE_CLIENTS: (
        "clients.add_client, add_clients, import_clients; client_edits.edit_client (`client edit`)"
    ),
    Permission.MANAGE_SUBSCRIPTIONS: (
        "subscriptions.subscribe, change_plan, suspend, resume, add_options; orders; "
        "subscription_orders (the window's constructor, auto-renewal)"
    ),
    Permission.RECORD_USAGE: "usage.add_usage, import_usage",
    Permission.IMPORT_STATEMENTS: "statements.import_statement, undo_batch, save_profile",
    Permission.ASSIGN_STATEMENT_LINES: (
        "statements.assign_line, unassign_line, ignore_line, ignore_lines_with_hint"
    ),
    Permission.ISSUE_INVOICES: "invoices.issue_purchase/options/topup_invoice",
    Permission.CANCEL_INVOICES: "invoices.cancel_invoice",
    Permission.RUN_INVOICES: "invoices.invoice_run (`invoices run`)",
    Permission.RUN_DAILY: "daily.run_daily (`run-daily`)",
    Permission.CLOSE_MONTH: "closing.close_month, months.lock_month (`close`)",
    Permission.REOPEN_MONTH: "months.reopen_month",
    Permission.EDIT_SETTINGS: "settings.set_setting, outbox.send_test_message",
    Permission.EDIT_CATALOG: "catalog.import_catalog, store_catalog, save_plan, save_option",
    Permission.SET_RATES: "rates.set_rate, import_rates, enter_rate",
    Permission.FETCH_RATES: "rate_fetch.fetch_rates (`rates fetch`, the NBU)",
    Permission.QUEUE_MAIL: "outbox.queue_invoices, queue_acts, queue_alerts",
    Permission.SEND_MAIL: "outbox.send_pending (`mail send`)",
    Permission.MANAGE_USERS: "users.add_user, list_users, disable_user, set_role, passwords",
    Permission.MAINTAIN_DATABASE: "backup.backup_database, restore_database; `init` upgrading",
    Permission.LOAD_DEMO: "demo.make_demo",
}

HEADER = """\
# Users, roles and permissions

The matrix below is written from `backoffice/permissions.py` by
`python -m backoffice.permissions_doc`; a test fails when the two disagree.

## How it is enforced

- Every write service starts with `require(uow, Permission.X)`: a role without
  the permission is refused (`PermissionDenied`) whether it comes through the
  window, the CLI or a script calling the service, and nothing is written.
  The CLI prints `error: user mary (role manager) may not close a month` and
  exits 1; the window shows the same sentence.
- A database **without users** runs single-user with full rights, as every
  database made before users existed. The first user is an administrator made
  by `backoffice init` with `BACKOFFICE_USER` and `BACKOFFICE_PASSWORD` (or
  asked on a terminal). From then on every command logs in with those
  variables (or asks on a terminal), and the window asks at start.
- Passwords: at least 10 characters, kept only as argon2 hashes. Five failed
  log-ins in a row lock the name for 15 minutes (settings `lockout.attempts`,
  `lockout.minutes`). A refusal reads the same whether the name is unknown, the
  password wrong, or the user disabled or locked.
- The logged-in user is the author of every ledger entry and the actor of
  every audit record. Adding, disabling, enabling a user, a role change and a
  password change are audited (never the password or its hash).

## Decisions

- **Manager** (SPEC §1: keeps client cards, prints invoices and acts): adds
  and edits clients, changes subscriptions (a new client is signed up for the
  free plan, a purchase issues its invoice), issues invoices and queues them
  for e-mail. A manager never posts money, reverses, cancels an invoice,
  imports statements or closes a month.
- **Chief accountant**: everything an accountant does, plus reopening a closed
  month, settings and the catalog. Users and the database (backup, restore,
  upgrade) are the administrator's alone.
- **Auditor**: reads, exports and prints; nothing else.
- **Scheduler** (the account cron or the Task Scheduler runs as): the daily
  job, the invoice run, fetching rates, and the mail those produce (with
  the invoice and act PDFs it attaches).

## The matrix
"""


def render() -> str:
    roles = list(Role)
    lines = [
        HEADER,
        "| permission | " + " | ".join(r.value for r in roles) + " | checked in |",
        "|---|" + "---|" * len(roles) + "---|",
    ]
    for permission in Permission:
        marks = " | ".join("✔" if permission in MATRIX[r] else "" for r in roles)
        lines.append(f"| {permission.value} | {marks} | {WHERE[permission]} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

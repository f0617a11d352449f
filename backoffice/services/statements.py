"""Bank statements: import as one atomic batch, match, post, and undo (SPEC §8).

Reading the file is a pure stage (`backoffice.importers.statements`); this
module decides what each line becomes. A line counts once whatever the
re-imports: its fingerprint is unique among live lines. Matched credits are
posted as top-ups in bulk, then the invoices they pay are marked and the
accounts with something waiting (a pending activation, an outstanding charge)
are settled. An undo reverses the batch's top-ups and frees its lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Integer, Table, cast, exists, func, literal, or_, select, text, update
from sqlalchemy.exc import IntegrityError

from backoffice import bounds, validation
from backoffice.bulk import paused_gc
from backoffice.dates import written_date
from backoffice.db.among import among
from backoffice.db.bulk_insert import insert_rows
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import (
    Account,
    Charge,
    Client,
    ClientIban,
    LedgerEntry,
    MappingProfileRow,
    StatementBatch,
    StatementLine,
    Subscription,
)
from backoffice.db.search import ESCAPE, contains_pattern, folded, typed_amount
from backoffice.domain import EntryDraft, EntryKind
from backoffice.errors import BackofficeError, InputError, MissingRate, NotFound
from backoffice.importers.statements import (
    HINTS,
    Direction,
    MappingProfile,
    OwnCompany,
    Statement,
    fingerprints,
    read_statement,
    read_statement_file,
)
from backoffice.importers.statements import StatementLine as ReadLine
from backoffice.importers.statements import normalise as norm
from backoffice.importers.statements.columns import AUTO_NAME
from backoffice.importers.statements.lines import MAX_STATEMENT_BYTES
from backoffice.importers.statements.preview import Preview, preview
from backoffice.permissions import Permission, require
from backoffice.services import access, audit, invoices, ledger, matching, payments, settings
from backoffice.services import subscriptions as subs

CHUNK = 5_000
LINES: Table = StatementLine.__table__  # type: ignore[assignment]


class _Outcome(NamedTuple):
    """What became of a new line of a statement."""

    status: str  # posted | order | unmatched | skipped
    reason: str = ""
    rule: str = ""
    candidates: str = ""
    account_id: int | None = None
    invoice_id: int | None = None


class _Posted(NamedTuple):
    """A line posted as a top-up: what the steps after the posting need."""

    account_id: int
    payer_iban: str
    rule: str
    invoice_id: int | None


_NO_NUMBERS: tuple[list[str], list[str]] = ([], [])


# How far a long import or undo is, 0.0 to 1.0; for a progress bar. It may
# raise to stop the work: the caller's unit of work then rolls back.
Progress = Callable[[float], None]


def _report(progress: Progress | None, fraction: float) -> None:
    if progress is not None:
        progress(fraction)


@dataclass(frozen=True)
class ImportResult:
    batch: int | None  # None when the file held nothing new
    file_name: str
    format: str
    new: int
    duplicate: int
    skipped: int
    matched: int
    unmatched: int
    posted_total: Decimal
    warnings: tuple[str, ...]
    skipped_by_reason: dict[str, int] = field(default_factory=dict)
    """Skipped new lines counted by their reason ('debit', 'currency USD', 'own transfer')."""


@dataclass(frozen=True)
class UnmatchedLine:
    id: int
    date: dt.date
    amount: Decimal
    payer: str
    payer_code: str
    payer_iban: str
    purpose: str
    candidates: tuple[str, ...]  # account numbers
    file_name: str
    line_no: int
    hint: str = ""
    """A code from HINTS ('bank', 'budget', 'reversal') or ''."""


@dataclass(frozen=True)
class BatchView:
    id: int
    file_name: str
    format: str
    imported_at: dt.datetime
    imported_by: str
    new: int
    duplicate: int
    skipped: int
    matched: int
    unmatched: int
    posted_total: Decimal
    undone_at: dt.datetime | None


def import_statement_file(
    uow: UnitOfWork,
    path: Path,
    fmt: str = "auto",
    day: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    statement = read_statement_file(path, fmt, user_profiles(uow), own_company(uow))
    with path.open("rb") as fh:  # hashed as a stream: the bytes are not kept for it
        file_hash = hashlib.file_digest(fh, "sha256").hexdigest()
    _report(progress, 0.2)
    return import_statement(uow, statement, file_hash, day, progress)


def import_statement_bytes(
    uow: UnitOfWork, data: bytes, file_name: str, fmt: str = "auto", day: dt.date | None = None
) -> ImportResult:
    statement = read_statement(data, file_name, fmt, user_profiles(uow), own_company(uow))
    return import_statement(uow, statement, hashlib.sha256(data).hexdigest(), day)


def import_statement(
    uow: UnitOfWork,
    statement: Statement,
    file_hash: str,
    day: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Post what is new and matched; queue what is new and unmatched; count the rest.

    `day` is the business date for settling what the money unblocks; the
    top-ups themselves are dated by the statement."""
    require(uow, Permission.IMPORT_STATEMENTS)
    with paused_gc():
        try:
            return _import(uow, statement, file_hash, day, progress)
        except IntegrityError as exc:
            # PostgreSQL: a simultaneous import of the same lines committed
            # first; ours waited on the unique fingerprint index and lost.
            if "fingerprint" not in str(exc.orig) and "source_key" not in str(exc.orig):
                raise
            raise BackofficeError(
                f"{statement.file_name}: already imported (another import of the same "
                "lines finished first); nothing was added"
            ) from None


def _import(
    uow: UnitOfWork,
    statement: Statement,
    file_hash: str,
    day: dt.date | None,
    progress: Progress | None = None,
) -> ImportResult:
    _refuse_foreign_accounts(uow, statement)
    prints = fingerprints(statement)
    known = _live_fingerprints(uow, prints)
    fresh = [
        (fp, line) for fp, line in zip(prints, statement.lines, strict=True) if fp not in known
    ]
    duplicate = len(prints) - len(fresh)
    if not fresh:
        return ImportResult(
            None,
            statement.file_name,
            statement.format,
            0,
            duplicate,
            0,
            0,
            0,
            Decimal("0.00"),
            statement.warnings,
        )

    topup_kind = (
        EntryKind.TOPUP_PROCESSOR if statement.format == "registry" else EntryKind.TOPUP_BANK
    )
    candidates = [line for _, line in fresh if not _skip_reason(line)]
    lookups, found = _lookups(uow, candidates)
    _report(progress, 0.35)
    batch = StatementBatch(
        file_name=statement.file_name[-260:],
        file_hash=file_hash,
        format=statement.format,
        imported_at=audit.now(),
        imported_by=uow.actor,
        lines_total=len(prints),
        new=len(fresh),
        duplicate=duplicate,
        skipped=0,
        matched=0,
        unmatched=0,
        total_posted=Decimal("0.00"),
        undone_by="",
        undo_reason="",
    )
    uow.session.add(batch)
    uow.session.flush()

    outcomes: list[_Outcome] = []
    drafts: list[EntryDraft] = []
    posted: list[_Posted] = []
    order_rows: list[dict[str, object]] = []
    order_invoices = invoices.order_invoice_ids(
        uow, {invoice_id for invoice_id, _ in lookups.invoices.values()}
    )
    for fingerprint, line in fresh:
        reason = _skip_reason(line)
        if reason:
            outcomes.append(_Outcome("skipped", reason=reason))
            continue
        invoice_numbers, account_numbers = found.get(id(line), _NO_NUMBERS)
        match = matching.match_payment(
            invoice_numbers, account_numbers, line.payer_code, line.payer_iban, lookups
        )
        if match.account_id is None:
            outcomes.append(_Outcome("unmatched", candidates=_ids_text(match.candidates)))
        elif match.invoice_id in order_invoices:
            # an order-only service is paid straight, never through the account
            outcomes.append(
                _Outcome("order", "", "invoice", "", match.account_id, match.invoice_id)
            )
            order_rows.append(
                {"fingerprint": fingerprint, "invoice_id": match.invoice_id, "amount": line.amount}
            )
        else:
            outcomes.append(
                _Outcome("posted", "", match.rule, "", match.account_id, match.invoice_id)
            )
            drafts.append(
                EntryDraft(
                    match.account_id,
                    line.date,
                    topup_kind,
                    line.amount,
                    _comment(line),
                    source_key=f"stmt:{batch.id}:{len(drafts)}",
                )
            )
            posted.append(_Posted(match.account_id, line.payer_iban, match.rule, match.invoice_id))
    del found

    _report(progress, 0.45)
    last_before = uow.session.execute(select(func.max(LedgerEntry.id))).scalar() or 0
    ledger.post_entries(uow, drafts, new_keys=True)  # the keys name the new batch
    entry_ids = _entry_ids(uow, last_before, [str(d.source_key) for d in drafts])
    _report(progress, 0.65)
    next_entry = iter(entry_ids).__next__
    # The rows are made one at a time as the insert takes them: 100,000 dicts
    # of 22 values held at once were a third of the import's memory.
    insert_rows(
        uow,
        LINES,
        (
            _line_row(
                batch.id,
                fingerprint,
                line,
                outcome,
                next_entry() if outcome.status == "posted" else None,
            )
            for (fingerprint, line), outcome in zip(fresh, outcomes, strict=True)
        ),
    )
    if uow.dialect == "postgresql" and len(outcomes) >= 10_000:
        # Fresh statistics, or the next import's duplicate look-up is planned
        # for the table as it was before (a sequential scan per chunk).
        uow.session.execute(text("ANALYZE statement_lines"))
    _pay_order_invoices(uow, order_rows)
    _report(progress, 0.8)

    counts: dict[str, int] = defaultdict(int)
    by_reason: dict[str, int] = defaultdict(int)
    for outcome in outcomes:
        counts[outcome.status] += 1
        if outcome.status == "skipped":
            by_reason[outcome.reason] += 1
    counts["posted"] += counts["order"]
    total = sum((d.amount for d in drafts), Decimal("0.00"))
    batch.skipped, batch.matched, batch.unmatched = (
        counts["skipped"],
        counts["posted"],
        counts["unmatched"],
    )
    batch.total_posted = total

    _learn_ibans(uow, posted)
    if drafts:
        settle_day = day or max(d.business_date for d in drafts)
        _after_topups(uow, posted, drafts, entry_ids, settle_day)
    _report(progress, 0.95)
    audit.record(
        uow,
        "statements.import",
        f"batch {batch.id}",
        None,
        {
            "file": statement.file_name,
            "hash": batch.file_hash,
            "new": batch.new,
            "duplicate": duplicate,
            "matched": batch.matched,
            "unmatched": batch.unmatched,
            "skipped": batch.skipped,
            "total": total,
        },
    )
    return ImportResult(
        batch.id,
        statement.file_name,
        statement.format,
        batch.new,
        duplicate,
        batch.skipped,
        batch.matched,
        batch.unmatched,
        total,
        statement.warnings,
        dict(sorted(by_reason.items())),
    )


def _after_topups(
    uow: UnitOfWork,
    posted: Sequence[_Posted],
    drafts: Sequence[EntryDraft],
    entry_ids: Sequence[int],
    day: dt.date,
) -> None:
    """What money that arrives does: pays invoices, earns bonuses, settles
    outstanding charges and pending activations, unblocks."""
    if not drafts:
        return
    invoices.apply_payments(
        uow,
        [
            invoices.Payment(d.account_id, entry_id, d.amount, p.invoice_id)
            for p, d, entry_id in zip(posted, drafts, entry_ids, strict=True)
        ],
    )
    account_ids = sorted({d.account_id for d in drafts})
    waiting = _accounts_waiting(uow, account_ids)
    with_bonus = _accounts_with_bonus_policy(uow, account_ids)
    for draft, entry_id in zip(drafts, entry_ids, strict=True):
        if draft.account_id in with_bonus:
            entry = ledger.entry_by_id(uow, entry_id)
            try:
                with uow.session.begin_nested():
                    payments.prepayment_bonus(uow, draft.account_id, entry, draft.business_date)
            except MissingRate:
                pass  # no rate that day: no bonus figure; the accountant can post it
    for account_id in sorted(waiting | with_bonus):
        try:
            with uow.session.begin_nested():
                subs.settle_account(uow, account_id, day)
        except MissingRate:
            pass  # the money is in; the daily run activates once the day's rate is known
    access.refresh(uow, account_ids, day)


def _entry_ids(uow: UnitOfWork, last_before: int, keys: list[str]) -> list[int]:
    """The ids of the entries just posted, in the order of their keys (read
    back by key: RETURNING on SQLite inserts row by row). They are all above
    the highest id before the posting, so one range of the primary key holds
    them (with, on a busy server, a few of other postings)."""
    if not keys:
        return []
    wanted = set(keys)
    found: dict[str, int] = {}
    for key, entry_id in uow.session.execute(
        select(LedgerEntry.source_key, LedgerEntry.id).where(LedgerEntry.id > last_before)
    ).all():
        if key in wanted:
            found[key] = entry_id
    return [found[key] for key in keys]


def _pay_order_invoices(uow: UnitOfWork, order_rows: Sequence[dict[str, object]]) -> None:
    if not order_rows:
        return
    ids = dict(
        uow.session.execute(
            select(StatementLine.fingerprint, StatementLine.id).where(
                StatementLine.fingerprint.in_([str(r["fingerprint"]) for r in order_rows]),
                StatementLine.status == "order",
            )
        ).all()
    )
    for row in order_rows:
        invoices.pay_from_statement(
            uow,
            int(row["invoice_id"]),
            ids[str(row["fingerprint"])],
            row["amount"],  # type: ignore[arg-type, call-overload]
        )


def _accounts_waiting(uow: UnitOfWork, account_ids: Sequence[int]) -> set[int]:
    waiting: set[int] = set()
    for start in range(0, len(account_ids), CHUNK):
        chunk = account_ids[start : start + CHUNK]
        waiting.update(
            uow.session.execute(
                select(Subscription.account_id).where(
                    among(uow, Subscription.account_id, chunk), Subscription.status == "pending"
                )
            ).scalars()
        )
        waiting.update(
            uow.session.execute(
                select(Charge.account_id).where(
                    among(uow, Charge.account_id, chunk), Charge.status == "outstanding"
                )
            ).scalars()
        )
    return waiting


def _accounts_with_bonus_policy(uow: UnitOfWork, account_ids: Sequence[int]) -> set[int]:
    """Prepayment bonuses are rare (S2 or a plan's own policy); most imports
    skip the per-payment check entirely."""
    company = settings.billing_policy(uow)
    if not company.bonus_months and not _any_plan_policy(uow):
        return set()
    result: set[int] = set()
    for start in range(0, len(account_ids), CHUNK):
        chunk = account_ids[start : start + CHUNK]
        result.update(
            uow.session.execute(
                select(Subscription.account_id).where(
                    among(uow, Subscription.account_id, chunk),
                    Subscription.status.in_(subs.LIVE),
                )
            ).scalars()
        )
    return result


def _any_plan_policy(uow: UnitOfWork) -> bool:
    from backoffice.db.models import Plan

    return bool(
        uow.session.execute(select(func.count()).where(Plan.policy.is_not(None))).scalar_one()
    )


# -- the unmatched queue -------------------------------------------------------


@dataclass(frozen=True)
class UnmatchedQuery:
    """Which unmatched payments a list shows and in what order; `limit` None is all."""

    text: str = ""  # part of the payer's name, code or IBAN, the purpose, the file name
    sort: str = "date"
    descending: bool = False
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class UnmatchedTotals:
    count: int
    amount: Decimal


UNMATCHED_SORTS = {
    "date": (StatementLine.value_date,),
    "amount": (StatementLine.amount,),
    "payer": (StatementLine.payer_name,),
    "code": (StatementLine.payer_code,),
    "iban": (StatementLine.payer_iban,),
    "purpose": (StatementLine.purpose,),
    # the same file name comes every day (1C's kl_to_1c.txt): a batch's lines stay together
    "file": (StatementBatch.file_name, StatementLine.batch_id, StatementLine.line_no),
}
_TEXT_SORTS = frozenset({"payer", "code", "iban", "purpose", "file"})


def _unmatched_where(uow: UnitOfWork, query: UnmatchedQuery):  # type: ignore[no-untyped-def]
    statement = (
        select(StatementLine, StatementBatch.file_name)
        .join(StatementBatch, StatementBatch.id == StatementLine.batch_id)
        .where(StatementLine.status == "unmatched")
    )
    if not query.text.strip():
        return statement
    pattern = contains_pattern(query.text)
    found = [
        folded(uow, column).like(pattern, escape=ESCAPE)
        for column in (
            StatementLine.payer_name,
            StatementLine.payer_code,
            StatementLine.payer_iban,
            StatementLine.purpose,
            StatementBatch.file_name,
        )
    ]
    found.append(_names_candidate(uow, pattern))
    amount = typed_amount(query.text)
    if amount is not None:
        found.append(StatementLine.amount == amount)
    day = written_date(query.text)
    if day is not None:
        found.append(StatementLine.value_date == day)
    return statement.where(or_(*found))


def _names_candidate(uow: UnitOfWork, pattern: str):  # type: ignore[no-untyped-def]
    """A line one of whose candidate accounts has a number like `pattern`.

    Candidates are account ids, comma-separated. The accounts that fit are
    one uncorrelated subquery, which both databases evaluate once; the line's
    own list is split in place (json_each on SQLite, string_to_array on
    PostgreSQL). Matching account numbers line by line scanned every account
    for every line: minutes for a 25,000-line queue.
    """
    fitting = select(Account.id).where(folded(uow, Account.number).like(pattern, escape=ESCAPE))
    if uow.dialect == "sqlite":
        listed = func.json_each("[" + StatementLine.candidates + "]").table_valued("value")
    else:
        listed = (
            func.unnest(func.string_to_array(StatementLine.candidates, ","))
            .table_valued("value")
            .render_derived(name="listed")  # AS listed(value): unnest names no column itself
        )
    return (StatementLine.candidates != "") & exists(
        select(literal(1)).select_from(listed).where(cast(listed.c.value, Integer).in_(fitting))
    )


def find_unmatched(uow: UnitOfWork, query: UnmatchedQuery) -> list[UnmatchedLine]:
    """A page of the unmatched queue, filtered and sorted by the database."""
    if query.sort not in UNMATCHED_SORTS:
        raise InputError(f"cannot sort by {query.sort!r}; choose {', '.join(UNMATCHED_SORTS)}")
    columns = [*UNMATCHED_SORTS[query.sort], StatementLine.id]
    if query.sort in _TEXT_SORTS:  # as people sort words: case aside
        columns[0] = folded(uow, columns[0])
    order = [c.desc() if query.descending else c.asc() for c in columns]
    statement = _unmatched_where(uow, query).order_by(*order).offset(query.offset)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    rows = uow.session.execute(statement).all()
    ids = {int(i) for line, _ in rows for i in line.candidates.split(",") if i}
    numbers = _account_numbers(uow, ids)
    return [
        UnmatchedLine(
            line.id,
            line.value_date,
            line.amount,
            line.payer_name,
            line.payer_code,
            line.payer_iban,
            line.purpose,
            tuple(numbers[int(i)] for i in line.candidates.split(",") if i),
            file_name,
            line.line_no,
            line.hint,
        )
        for line, file_name in rows
    ]


def unmatched_totals(uow: UnitOfWork, query: UnmatchedQuery) -> UnmatchedTotals:
    """How many payments `query` finds and their sum."""
    statement = _unmatched_where(uow, query).with_only_columns(
        func.count(), func.sum(StatementLine.amount, type_=StatementLine.amount.type)
    )
    count, amount = uow.session.execute(statement.order_by(None)).one()
    return UnmatchedTotals(int(count), amount or Decimal("0.00"))


def list_unmatched(uow: UnitOfWork) -> list[UnmatchedLine]:
    """The whole queue, oldest payment first."""
    return find_unmatched(uow, UnmatchedQuery())


def assign_line(
    uow: UnitOfWork, line_id: int, account_number: str, day: dt.date | None = None
) -> int:
    """Post an unmatched line to the account an accountant chose, and learn
    the payer's IBAN for next time. Returns the top-up entry id."""
    require(uow, Permission.ASSIGN_STATEMENT_LINES)
    line = _line(uow, line_id)
    if line.status != "unmatched":
        raise BackofficeError(f"statement line {line_id} is {line.status}, not unmatched")
    account = ledger.find_account(uow, account_number)
    batch = uow.session.get(StatementBatch, line.batch_id)
    assert batch is not None
    kind = EntryKind.TOPUP_PROCESSOR if batch.format == "registry" else EntryKind.TOPUP_BANK
    draft = EntryDraft(
        account.id,
        line.value_date,
        kind,
        line.amount,
        _comment_of(line),
        source_key=f"stmt-line:{line.id}:{_assignments(uow, line.id)}",
    )
    entry_id = ledger.post_entries(uow, [draft], return_ids=True).ids[0]
    line.status, line.match_rule, line.account_id, line.entry_id = (
        "posted",
        "manual",
        account.id,
        entry_id,
    )
    batch.matched += 1
    batch.unmatched -= 1
    batch.total_posted += line.amount
    learned = learn_iban(uow, account.client_id, line.payer_iban)
    posted = _Posted(account.id, line.payer_iban, "manual", None)
    _after_topups(uow, [posted], [draft], [entry_id], day or line.value_date)
    audit.record(
        uow,
        "statements.assign",
        f"statement line {line.id}",
        "unmatched",
        {"account": account.number, "amount": line.amount, "learned_iban": learned},
    )
    return entry_id


def unassign_line(uow: UnitOfWork, line_id: int, day: dt.date, reason: str) -> None:
    """A wrong assignment: reverse its top-up and put the line back in the queue."""
    require(uow, Permission.ASSIGN_STATEMENT_LINES)
    line = _line(uow, line_id)
    if line.status != "posted" or line.entry_id is None:
        raise BackofficeError(f"statement line {line_id} is {line.status}, not posted")
    _reverse_topups(uow, [line.entry_id], day, reason)
    batch = uow.session.get(StatementBatch, line.batch_id)
    assert batch is not None
    batch.matched -= 1
    batch.unmatched += 1
    batch.total_posted -= line.amount
    before = line.account_id
    line.status, line.match_rule, line.account_id, line.entry_id, line.invoice_id = (
        "unmatched",
        "",
        None,
        None,
        None,
    )
    audit.record(uow, "statements.unassign", f"statement line {line.id}", before, reason)


def ignore_line(uow: UnitOfWork, line_id: int, reason: str) -> None:
    require(uow, Permission.ASSIGN_STATEMENT_LINES)
    line = _line(uow, line_id)
    if line.status != "unmatched":
        raise BackofficeError(f"statement line {line_id} is {line.status}, not unmatched")
    validation.text(reason, what="reason", limit=bounds.MAX_REASON)  # length, no control characters
    if not reason.strip():
        raise InputError("ignoring a payment needs a reason")
    line.status, line.reason = "ignored", reason.strip()
    audit.record(uow, "statements.ignore", f"statement line {line.id}", "unmatched", reason)


def ignore_lines_with_hint(uow: UnitOfWork, hint_code: str, reason: str) -> int:
    """Ignore every unmatched line with this hint (e.g. all bank credits at once).

    Returns how many lines were ignored; each is audited like a single ignore."""
    require(uow, Permission.ASSIGN_STATEMENT_LINES)
    if hint_code not in HINTS:
        raise InputError(f"unknown hint {hint_code!r}; choose {', '.join(HINTS)}")
    validation.text(reason, what="reason", limit=bounds.MAX_REASON)  # length, no control characters
    if not reason.strip():
        raise InputError("ignoring a payment needs a reason")
    lines = list(
        uow.session.execute(
            select(StatementLine)
            .where(StatementLine.status == "unmatched", StatementLine.hint == hint_code)
            .order_by(StatementLine.id)
        ).scalars()
    )
    for line in lines:
        line.status, line.reason = "ignored", reason.strip()
        audit.record(uow, "statements.ignore", f"statement line {line.id}", "unmatched", reason)
    return len(lines)


def _learn_ibans(uow: UnitOfWork, posted: Sequence[_Posted]) -> None:
    """Every automatic match teaches its payer IBAN, so the next payment from
    that account matches even without a code or an invoice number."""
    pairs = {
        (p.account_id, p.payer_iban)
        for p in posted
        # longer than an IBAN can be (34): not an account number worth learning
        if p.payer_iban and len(p.payer_iban) <= 34 and p.rule != "iban"
    }
    if not pairs:
        return
    clients = _clients_of(uow, {a for a, _ in pairs})
    wanted = {(clients[a], iban) for a, iban in pairs}
    known = _known_ibans(uow, wanted)
    new = sorted(wanted - known)
    if new:
        insert_rows(
            uow,
            ClientIban.__table__,  # type: ignore[arg-type]
            [{"client_id": c, "iban": iban, "learned": True} for c, iban in new],
        )


def _clients_of(uow: UnitOfWork, account_ids: set[int]) -> dict[int, int]:
    result: dict[int, int] = {}
    ordered = sorted(account_ids)
    for start in range(0, len(ordered), CHUNK):
        result.update(
            uow.session.execute(
                select(Account.id, Account.client_id).where(
                    among(uow, Account.id, ordered[start : start + CHUNK])
                )
            ).all()
        )
    return result


def _known_ibans(uow: UnitOfWork, wanted: set[tuple[int, str]]) -> set[tuple[int, str]]:
    known: set[tuple[int, str]] = set()
    for chunk in _chunks({iban for _, iban in wanted}):
        known.update(
            uow.session.execute(
                select(ClientIban.client_id, ClientIban.iban).where(
                    among(uow, ClientIban.iban, chunk)
                )
            ).all()
        )
    return known


def learn_iban(uow: UnitOfWork, client_id: int, iban: str) -> bool:
    iban = iban.strip().upper()
    if not iban:
        return False
    exists = uow.session.execute(
        select(ClientIban.id).where(ClientIban.client_id == client_id, ClientIban.iban == iban)
    ).first()
    if exists:
        return False
    uow.session.add(ClientIban(client_id=client_id, iban=iban, learned=True))
    return True


# -- batches -------------------------------------------------------------------


def list_batches(uow: UnitOfWork) -> list[BatchView]:
    return [
        BatchView(
            b.id,
            b.file_name,
            b.format,
            b.imported_at,
            b.imported_by,
            b.new,
            b.duplicate,
            b.skipped,
            b.matched,
            b.unmatched,
            b.total_posted,
            b.undone_at,
        )
        for b in uow.session.execute(select(StatementBatch).order_by(StatementBatch.id)).scalars()
    ]


def undo_batch(
    uow: UnitOfWork,
    batch_id: int,
    day: dt.date,
    reason: str,
    progress: Progress | None = None,
) -> int:
    """Reverse every top-up of a batch and free its lines, so the file can be
    imported again. Returns how many top-ups were reversed."""
    require(uow, Permission.IMPORT_STATEMENTS)
    batch = uow.session.get(StatementBatch, batch_id)
    if batch is None:
        raise NotFound(f"statement batch {batch_id} does not exist")
    if batch.undone_at is not None:
        raise BackofficeError(
            f"statement batch {batch_id} was undone on {batch.undone_at:%Y-%m-%d}"
        )
    validation.text(reason, what="reason", limit=bounds.MAX_REASON)  # length, no control characters
    if not reason.strip():
        raise InputError("undoing a batch needs a reason")
    entry_ids = list(
        uow.session.execute(
            select(StatementLine.entry_id).where(
                StatementLine.batch_id == batch_id, StatementLine.entry_id.is_not(None)
            )
        ).scalars()
    )
    _report(progress, 0.05)
    _reverse_topups(
        uow, entry_ids, day, f"Скасування виписки {batch.file_name}: {reason}", progress
    )
    _report(progress, 0.9)
    order_lines = list(
        uow.session.execute(
            select(StatementLine.id).where(
                StatementLine.batch_id == batch_id, StatementLine.status == "order"
            )
        ).scalars()
    )
    if order_lines:
        invoices.release_statement_payments(uow, order_lines)
    uow.session.execute(
        update(StatementLine)
        .where(StatementLine.batch_id == batch_id)
        .values(status="undone", entry_id=None, invoice_id=None)
    )
    batch.undone_at, batch.undone_by, batch.undo_reason = audit.now(), uow.actor, reason.strip()
    audit.record(
        uow,
        "statements.undo",
        f"batch {batch_id}",
        None,
        {"reversed": len(entry_ids), "reason": reason},
    )
    return len(entry_ids)


def _reverse_topups(
    uow: UnitOfWork,
    entry_ids: Sequence[int],
    day: dt.date,
    reason: str,
    progress: Progress | None = None,
) -> None:
    """Reverse top-ups and the prepayment bonuses they earned, in bulk; `progress`
    goes from 0.05 to 0.9 of the caller's work."""
    if not entry_ids:
        return
    keys = [f"bonus:{i}" for i in entry_ids]
    rows = []
    for start in range(0, len(entry_ids), CHUNK):
        rows += uow.session.execute(
            select(LedgerEntry.id, LedgerEntry.account_id, LedgerEntry.amount).where(
                LedgerEntry.id.in_(entry_ids[start : start + CHUNK])
            )
        ).all()
        rows += uow.session.execute(
            select(LedgerEntry.id, LedgerEntry.account_id, LedgerEntry.amount).where(
                LedgerEntry.source_key.in_(keys[start : start + CHUNK])
            )
        ).all()
        _report(progress, 0.05 + 0.2 * (start + CHUNK) / len(entry_ids))
    reversed_before: set[int] = set()
    ids = [entry_id for entry_id, _, _ in rows]
    for start in range(0, len(ids), CHUNK):
        reversed_before.update(
            uow.session.execute(
                select(LedgerEntry.reverses_id).where(
                    LedgerEntry.reverses_id.in_(ids[start : start + CHUNK])
                )
            ).scalars()
        )
    drafts = [
        EntryDraft(
            account_id, day, EntryKind.REVERSAL, -amount, reason.strip(), reverses_id=entry_id
        )
        for entry_id, account_id, amount in rows
        if entry_id not in reversed_before
    ]
    _report(progress, 0.3)
    ledger.post_entries(uow, drafts)
    _report(progress, 0.5)
    accounts = sorted({d.account_id for d in drafts})
    for n, account_id in enumerate(accounts, 1):
        ledger._recompute_last_topup(uow, account_id)
        if n % 200 == 0:
            _report(progress, 0.5 + 0.3 * n / len(accounts))
    _report(progress, 0.8)
    invoices.release_payments(uow, entry_ids)
    access.refresh(uow, accounts, day)


# -- mapping profiles ----------------------------------------------------------


def user_profiles(uow: UnitOfWork) -> list[MappingProfile]:
    return [
        MappingProfile.from_json(text)
        for text in uow.session.execute(
            select(MappingProfileRow.definition).order_by(MappingProfileRow.name)
        ).scalars()
    ]


def save_profile(uow: UnitOfWork, definition: str) -> MappingProfile:
    require(uow, Permission.IMPORT_STATEMENTS)
    from backoffice.importers.statements import BUILTIN_PROFILES

    try:
        profile = MappingProfile.from_json(definition)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"mapping profile: {exc}") from exc
    taken = {n for p in BUILTIN_PROFILES for n in (p.name, *p.aliases)}
    taken |= {"auto", AUTO_NAME, *(name for name, _ in FIXED_FORMATS)}
    for name in (profile.name, *profile.aliases):
        if name in taken:
            raise InputError(f"mapping profile {name!r} is built in; choose another name")
    row = uow.session.get(MappingProfileRow, profile.name)
    before = row.definition if row else None
    text = profile.to_json()
    if row is None:
        uow.session.add(
            MappingProfileRow(
                name=profile.name, definition=text, saved_at=audit.now(), saved_by=uow.actor
            )
        )
    else:
        row.definition, row.saved_at, row.saved_by = text, audit.now(), uow.actor
    audit.record(uow, "statements.profile", f"profile {profile.name}", before, text)
    return profile


def preview_statement_file(
    uow: UnitOfWork, path: Path, fmt: str = "auto", mapping: MappingProfile | None = None
) -> Preview:
    """How the import would read `path` (with `mapping`, an unsaved profile, when
    given): the wizard's preview. Reads the database, changes nothing."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_STATEMENT_BYTES:
            return Preview(
                "",
                "",
                (),
                None,
                {},
                (),
                f"the file is larger than {MAX_STATEMENT_BYTES // 2**20} MB",
            )
        data = path.read_bytes()
    except OSError as exc:
        return Preview("", "", (), None, {}, (), f"cannot read the file ({exc.strerror})")
    profiles = user_profiles(uow)
    if mapping is not None:
        profiles = [mapping, *profiles]
        fmt = mapping.name
    return preview(data, path.name, fmt, profiles, own_company(uow))


def own_company(uow: UnitOfWork) -> OwnCompany:
    values = settings.all_settings(uow)
    codes = frozenset(c for c in [values.get("company.edrpou", "")] if c)
    ibans = {values.get("company.iban", "")} | set(values.get("company.accounts", "").split(","))
    return OwnCompany(codes=codes, ibans=frozenset(i for i in ibans if i))


# -- helpers -------------------------------------------------------------------


def _refuse_foreign_accounts(uow: UnitOfWork, statement: Statement) -> None:
    own = own_company(uow)
    if not own.ibans:
        raise BackofficeError(
            "our bank accounts are not set: set company.iban (and company.accounts for others)"
        )
    ours = frozenset(norm.account(i) for i in own.ibans)
    for account in statement.accounts:
        if not norm.is_own_account(account, ours):
            raise InputError(
                f"{statement.file_name}: the statement is for account {account}, which is not "
                "ours (company.iban, company.accounts)"
            )


def _skip_reason(line: ReadLine) -> str:
    if line.skip_reason:
        return line.skip_reason
    if line.direction is not Direction.CREDIT:
        return "debit"
    if line.currency != "UAH":
        return f"currency {line.currency}"
    return ""


def _live_fingerprints(uow: UnitOfWork, prints: Sequence[str]) -> set[str]:
    known: set[str] = set()
    for start in range(0, len(prints), CHUNK):
        known.update(
            uow.session.execute(
                select(StatementLine.fingerprint).where(
                    among(uow, StatementLine.fingerprint, prints[start : start + CHUNK]),
                    StatementLine.status != "undone",
                )
            ).scalars()
        )
    return known


Found = dict[int, tuple[list[str], list[str]]]  # id(line) → (invoice numbers, account numbers)


def _lookups(uow: UnitOfWork, lines: Sequence[ReadLine]) -> tuple[matching.Lookups, Found]:
    """Everything the matching rules need for these lines, in a few queries."""
    invoice_pattern = settings.get_setting(uow, "invoice.pattern")
    account_pattern = settings.get_setting(uow, "account.pattern")
    invoice_re = matching.number_regex(invoice_pattern)
    account_re = matching.number_regex(account_pattern)
    found: Found = {}
    all_invoices: set[str] = set()
    all_accounts: set[str] = set()
    codes: set[str] = set()
    ibans: set[str] = set()
    for line in lines:
        purpose = matching.fold_homoglyphs(line.purpose)
        numbers = (
            matching.numbers_in(purpose, invoice_pattern, invoice_re),
            matching.numbers_in(purpose, account_pattern, account_re),
        )
        if numbers[0] or numbers[1]:
            found[id(line)] = numbers
            all_invoices.update(numbers[0])
            all_accounts.update(numbers[1])
        if line.payer_code:
            codes.add(line.payer_code)
        if line.payer_iban:
            ibans.add(line.payer_iban)
    lookups = matching.Lookups(
        invoices=invoices.find_by_numbers(uow, all_invoices),
        accounts=_accounts_by_number(uow, all_accounts),
        codes=_accounts_by_code(uow, codes),
        ibans=_accounts_by_iban(uow, ibans),
    )
    return lookups, found


def _chunks(values: set[str]) -> list[list[str]]:
    ordered = sorted(values)
    return [ordered[i : i + CHUNK] for i in range(0, len(ordered), CHUNK)]


def _accounts_by_number(uow: UnitOfWork, numbers: set[str]) -> dict[str, int]:
    result: dict[str, int] = {}
    for chunk in _chunks(numbers):
        result.update(
            uow.session.execute(
                select(Account.number, Account.id).where(among(uow, Account.number, chunk))
            ).all()
        )
    return result


def _accounts_by_code(uow: UnitOfWork, codes: set[str]) -> dict[str, list[int]]:
    result: dict[str, list[int]] = defaultdict(list)
    for chunk in _chunks(codes):
        for edrpou, rnokpp, account_id in uow.session.execute(
            select(Client.edrpou, Client.rnokpp, Account.id)
            .join(Account, Account.client_id == Client.id)
            .where(among(uow, Client.edrpou, chunk) | among(uow, Client.rnokpp, chunk))
        ).all():
            for code in (edrpou, rnokpp):
                if code in codes:
                    result[code].append(account_id)
    return result


def _accounts_by_iban(uow: UnitOfWork, ibans: set[str]) -> dict[str, list[int]]:
    result: dict[str, list[int]] = defaultdict(list)
    for chunk in _chunks(ibans):
        for iban, account_id in uow.session.execute(
            select(ClientIban.iban, Account.id)
            .join(Account, Account.client_id == ClientIban.client_id)
            .where(among(uow, ClientIban.iban, chunk))
        ).all():
            result[iban].append(account_id)
    return result


def _account_numbers(uow: UnitOfWork, ids: set[int]) -> dict[int, str]:
    result: dict[int, str] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        result.update(
            uow.session.execute(
                select(Account.id, Account.number).where(
                    among(uow, Account.id, ordered[start : start + CHUNK])
                )
            ).all()
        )
    return result


def _line_row(
    batch_id: int,
    fingerprint: str,
    line: ReadLine,
    outcome: _Outcome,
    entry_id: int | None,
) -> dict[str, object]:
    return {
        "batch_id": batch_id,
        "fingerprint": fingerprint,
        "line_no": line.line_no,
        "our_account": line.our_account[:40],
        "value_date": line.date,
        "amount": line.amount,
        "fee": line.fee,
        "currency": line.currency[:3],
        "direction": str(line.direction),
        "payer_name": line.payer_name[:300],
        "payer_code": line.payer_code[:12],
        "payer_iban": line.payer_iban[:40],
        "purpose": line.purpose,
        "bank_reference": line.bank_reference[:80],
        "document_number": line.document_number[:40],
        "status": outcome.status,
        "reason": outcome.reason,
        "match_rule": outcome.rule,
        "candidates": outcome.candidates,
        "account_id": outcome.account_id,
        "entry_id": entry_id,
        "invoice_id": outcome.invoice_id,
        "hint": line.hint,  # kept on matched lines too: an unassigned one goes back with it
    }


def _comment(line: ReadLine) -> str:
    document = f"п/д № {line.document_number}, " if line.document_number else ""
    return f"{document}{line.payer_name}: {line.purpose}"[:1000]


def _comment_of(line: StatementLine) -> str:
    document = f"п/д № {line.document_number}, " if line.document_number else ""
    return f"{document}{line.payer_name}: {line.purpose}"[:1000]


def _ids_text(ids: Sequence[int]) -> str:
    return ",".join(str(i) for i in ids)


def _assignments(uow: UnitOfWork, line_id: int) -> int:
    """How many times the line was posted by hand before (a reassignment
    after a reversal needs a fresh source key)."""
    return int(
        uow.session.execute(
            select(func.count()).where(LedgerEntry.source_key.like(f"stmt-line:{line_id}:%"))
        ).scalar_one()
    )


def _line(uow: UnitOfWork, line_id: int) -> StatementLine:
    line = uow.session.get(StatementLine, line_id)
    if line is None:
        raise NotFound(f"statement line {line_id} does not exist")
    return line


FIXED_FORMATS = (
    ("1c", "1C ClientBankExchange"),
    ("mt940", "SWIFT MT940"),
    ("camt053", "ISO 20022 camt.053"),
    ("camt054", "ISO 20022 camt.054"),
    ("registry", "payment-processor registry"),
)


def profile_names(uow: UnitOfWork) -> list[tuple[str, str]]:
    """(name, where from) of every format and profile a statement can be read with."""
    from backoffice.importers.statements import BUILTIN_PROFILES

    names = [(name, text) for name, text in FIXED_FORMATS]
    names += [
        (p.name, "built-in profile" + (f", also {', '.join(p.aliases)}" if p.aliases else ""))
        for p in BUILTIN_PROFILES
    ]
    names += [(p.name, "saved profile") for p in user_profiles(uow)]
    return names


def batch_summary(result: ImportResult) -> dict[str, object]:
    """The §16 JSON of `statements import`, with the skipped lines by reason."""
    return {
        "new": result.new,
        "duplicate": result.duplicate,
        "skipped": result.skipped,
        "matched": result.matched,
        "unmatched": result.unmatched,
        "skipped_by_reason": dict(result.skipped_by_reason),
    }

"""`backoffice`: the command line, a client of the same services as the GUI (SPEC §16).

Exit codes: 0 success; 1 the operation was refused (bad input, unknown
account, locked month, failed check, an unreadable input file, a full disk,
not enough memory), with one `error:` line on stderr; 2 the command line
itself is wrong (argparse); 3 an internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from backoffice import bounds, validation
from backoffice.cli import commands, login
from backoffice.cli.parser import build_parser, parse_arguments
from backoffice.errors import BackofficeError

EXIT_REFUSED = 1
EXIT_INTERNAL = 3

# The dates a command takes (SPEC §16); each must be one the books can hold.
_DATE_ARGUMENTS = {
    "date": "--date",
    "day": "date",
    "contract_date": "--contract-date",
    "date_from": "--from",
    "date_to": "--to",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(list(argv) if argv is not None else None)
    if not getattr(args, "handler", None):
        build_parser().print_help(sys.stderr)
        return 2
    # A writer that fails on a full disk may fail again when the garbage
    # collector closes it; that second report is noise after our one line.
    sys.unraisablehook = _quiet_unraisable
    out = _new_output(args)
    login.log_out()  # each command logs in for itself, also when run in-process
    try:
        code = _run(args)
    finally:
        login.log_out()
    if code != 0 and out is not None:
        _remove_partial(out)
    return code


def _run(args: argparse.Namespace) -> int:
    try:
        _check_arguments(args)
        return int(args.handler(args) or 0)
    except BackofficeError as exc:
        _error(str(exc))
        return EXIT_REFUSED
    except DBAPIError as exc:
        _error(f"the database refused the operation: {_first_line(exc.orig)}")
        return EXIT_REFUSED
    except BrokenPipeError:  # `backoffice client list | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        _error("interrupted; nothing was committed")
        return EXIT_REFUSED
    except MemoryError:
        _error("not enough memory for this operation; nothing was committed")
        return EXIT_REFUSED
    except OSError as exc:  # an unreadable input, a full disk, a folder we may not write
        _error(_os_error(exc, getattr(args, "out", None)))
        return EXIT_REFUSED
    except Exception as exc:  # a bug: say so plainly, keep the traceback for -v
        if getattr(args, "verbose", False):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc}")
        return EXIT_INTERNAL


def _check_arguments(args: argparse.Namespace) -> None:
    """Dates and reasons, whatever the command: the services check their own
    inputs too; these are the ones some services take without a look (a
    reversal's or a cancellation's reason, a listing's period)."""
    for name, shown in _DATE_ARGUMENTS.items():
        value = getattr(args, name, None)
        if isinstance(value, dt.date):
            validation.business_date(value, what=shown)
    reason = getattr(args, "reason", None)
    if isinstance(reason, str):
        validation.text(reason, what="--reason", limit=bounds.MAX_REASON)


def _os_error(exc: OSError, out: str | None) -> str:
    reason = exc.strerror or type(exc).__name__
    if exc.errno == errno.ENOSPC:
        reason = "no space left on the disk"
    # a write on an open file names none: then it is the output being written
    where = exc.filename if exc.filename is not None else (out or "a file")
    return f"{where}: {reason}; nothing was committed"


def _new_output(args: argparse.Namespace) -> Path | None:
    """The `--out` file this run would create (None for a folder or a file
    that exists already): removed again if the command fails, so no partial
    PDF or workbook is left behind."""
    out = getattr(args, "out", None)
    if not out:
        return None
    path = Path(out)
    return None if path.exists() or path.is_symlink() else path


def _remove_partial(path: Path) -> None:
    try:
        if path.is_file() and not path.is_symlink():
            path.unlink()
    except OSError:
        pass  # the refusal was printed; a file we cannot remove stays visible


def _quiet_unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    if isinstance(unraisable.exc_value, OSError | MemoryError):
        return
    sys.__unraisablehook__(unraisable)


def _error(message: str) -> None:
    # one line, and no raw control character from the input reaches the terminal
    sys.stderr.write(f"error: {validation.printable(message)}\n")


def _first_line(value: object) -> str:
    return str(value).strip().splitlines()[0] if str(value).strip() else repr(value)


def run() -> None:
    sys.exit(main())


__all__ = ["commands", "main", "run"]

if __name__ == "__main__":  # pragma: no cover
    run()

"""`backoffice`: the command line, a client of the same services as the GUI (SPEC §16).

Exit codes: 0 success; 1 the operation was refused (bad input, unknown
account, locked month, failed check), with one `error:` line on stderr;
2 the command line itself is wrong (argparse); 3 an internal error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from backoffice.cli import commands
from backoffice.cli.parser import build_parser, parse_arguments
from backoffice.errors import BackofficeError

EXIT_REFUSED = 1
EXIT_INTERNAL = 3


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(list(argv) if argv is not None else None)
    if not getattr(args, "handler", None):
        build_parser().print_help(sys.stderr)
        return 2
    try:
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
    except Exception as exc:  # a bug: say so plainly, keep the traceback for -v
        if getattr(args, "verbose", False):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc}")
        return EXIT_INTERNAL


def _error(message: str) -> None:
    sys.stderr.write(f"error: {message}\n")


def _first_line(value: object) -> str:
    return str(value).strip().splitlines()[0] if str(value).strip() else repr(value)


def run() -> None:
    sys.exit(main())


__all__ = ["commands", "main", "run"]

if __name__ == "__main__":  # pragma: no cover
    run()

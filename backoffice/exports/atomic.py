"""Write a file all-or-nothing: a temp file next to the target, then os.replace.

The temp file lives in the target's folder so the final rename stays on one
file system (and so is atomic). On any error, or a cancel, the temp file is
removed and an existing target is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from backoffice.errors import BackofficeError


def cannot_write(path: Path, exc: OSError) -> BackofficeError:
    reason = exc.strerror or str(exc)
    return BackofficeError(f"Cannot write {path}: {reason}")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temp path in `path`'s folder; on a clean exit it becomes `path`."""
    path = Path(path)
    try:
        temp = _create_temp(path)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        yield temp
        os.replace(temp, path)
    except OSError as exc:
        _remove(temp)
        raise cannot_write(path, exc) from exc
    except BaseException:
        _remove(temp)
        raise


def _create_temp(path: Path) -> Path:
    """An empty new file next to `path`, with the umask's usual permissions.

    Not tempfile.mkstemp: its files are private (0600), and os.replace would
    hand that on to an export meant to be shared like any other document.
    """
    for _ in range(100):
        temp = path.with_name(f".~{path.stem}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


def _remove(temp: Path) -> None:
    with contextlib.suppress(OSError):
        temp.unlink()

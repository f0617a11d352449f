"""Secrets (the SMTP password) kept out of the database's plain text.

The settings table holds only a reference to a secret, never the secret:

* `keyring:<entry>`: the secret is in the operating system's keyring (Windows
  Credential Manager, macOS Keychain, the Secret Service of a Linux desktop),
  reached through the `keyring` package, under the service "backoffice".
* `fernet:<token>`: where no keyring is usable (a server, a container), the
  secret is encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from the
  `cryptography` package) under a key kept in a file of the user's
  configuration folder (created 0600), not beside the database: a copy of the
  database, or a backup of it, does not carry the password.

Either way the secret stays on the computer (and for the OS user) where it was
set: another workstation sharing a PostgreSQL database must set it again (or
be given the same key file through BACKOFFICE_KEY_FILE). A value with neither
prefix is a plain-text secret stored by an earlier version; it is still read,
and `seal_plain` turns it into a reference (done by `init`).

BACKOFFICE_SECRET_STORE=file skips the keyring (tests, or a service account
whose keyring would prompt); BACKOFFICE_KEY_FILE names the key file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Any, Final

from platformdirs import user_config_path

from backoffice.errors import BackofficeError

SERVICE: Final = "backoffice"
KEYRING: Final = "keyring:"
FERNET: Final = "fernet:"
MASK: Final = "********"
STORE_ENV: Final = "BACKOFFICE_SECRET_STORE"
KEY_FILE_ENV: Final = "BACKOFFICE_KEY_FILE"


class SecretUnavailable(BackofficeError):
    """A stored secret that this computer cannot read back."""


def is_sealed(stored: str) -> bool:
    return stored.startswith((KEYRING, FERNET))


def seal(name: str, secret: str) -> str:
    """Keep `secret` away from the database; returns what the database stores."""
    if not secret:
        return ""
    backend = _usable_keyring()
    if backend is not None:
        entry = f"{name}/{secrets.token_hex(8)}"
        try:
            backend.set_password(SERVICE, entry, secret)
        except Exception:  # a locked or broken keyring: use the key file
            pass
        else:
            return KEYRING + entry
    return FERNET + _fernet().encrypt(secret.encode("utf-8")).decode("ascii")


def unseal(name: str, stored: str) -> str:
    """The secret behind `stored` (as `seal` made it, or legacy plain text)."""
    if stored.startswith(KEYRING):
        return _from_keyring(name, stored[len(KEYRING) :])
    if stored.startswith(FERNET):
        return _decrypt(name, stored[len(FERNET) :])
    return stored


def forget(stored: str) -> None:
    """Remove a replaced secret from the keyring (nothing to do for the others)."""
    if not stored.startswith(KEYRING):
        return
    backend = _usable_keyring()
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.delete_password(SERVICE, stored[len(KEYRING) :])


def key_file() -> Path:
    override = os.environ.get(KEY_FILE_ENV)
    if override:
        return Path(override)
    return user_config_path("backoffice", appauthor=False) / "secret.key"


def _usable_keyring() -> Any | None:
    if os.environ.get(STORE_ENV, "").strip().lower() == "file":
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        usable = not isinstance(backend, fail.Keyring) and float(backend.priority) > 0
    except Exception:  # a keyring that cannot even be asked is not usable
        return None
    return backend if usable else None


def _from_keyring(name: str, entry: str) -> str:
    backend = _usable_keyring()
    secret = None
    if backend is not None:
        try:
            secret = backend.get_password(SERVICE, entry)
        except Exception as exc:  # any keyring failure is one message
            raise SecretUnavailable(f"{name}: the system keyring did not answer ({exc})") from None
    if secret is None:
        raise SecretUnavailable(
            f"{name} is kept in the keyring of the computer where it was set; "
            f"set it again here: backoffice settings set {name} …"
        )
    return str(secret)


def _decrypt(name: str, token: str) -> str:
    from cryptography.fernet import InvalidToken

    path = key_file()
    if not path.is_file():
        raise SecretUnavailable(
            f"{name} was encrypted with a key this computer does not have ({path}); "
            f"set it again here: backoffice settings set {name} …"
        )
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError, ValueError):
        raise SecretUnavailable(
            f"{name} was encrypted with another key than {path}; "
            f"set it again here: backoffice settings set {name} …"
        ) from None


def _fernet() -> Any:
    from cryptography.fernet import Fernet

    return Fernet(_read_or_make_key(key_file()))


def _read_or_make_key(path: Path) -> bytes:
    """The key in `path`, made (readable by its owner only) on first use."""
    from cryptography.fernet import Fernet

    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise BackofficeError(f"cannot read the key file {path}: {exc.strerror}") from None
    # Written under a temporary name and linked into place: a process that
    # loses the race reads the winner's whole key, never a half-written one.
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(Fernet.generate_key())
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
        return path.read_bytes().strip()
    except OSError as exc:
        raise BackofficeError(f"cannot create the key file {path}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def keyring_usable() -> bool:
    """Whether this computer has an OS keyring the program may use."""
    return _usable_keyring() is not None


def remember(entry: str, secret: str) -> bool:
    """Keep `secret` in the OS keyring under `entry`; False where there is no
    usable keyring (the caller then asks for it each time: never a file)."""
    backend = _usable_keyring()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, entry, secret)
    except Exception:  # a locked or refusing keyring: not remembered
        return False
    return True


def recall(entry: str) -> str | None:
    """The secret kept under `entry`, or None (none kept, or no keyring)."""
    backend = _usable_keyring()
    if backend is None:
        return None
    try:
        secret = backend.get_password(SERVICE, entry)
    except Exception:  # a locked keyring: as if nothing were kept
        return None
    return None if secret is None else str(secret)


def forget_entry(entry: str) -> None:
    backend = _usable_keyring()
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.delete_password(SERVICE, entry)

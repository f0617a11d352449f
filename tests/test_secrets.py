"""The SMTP password (issue 11 item 8, issue 15 item 5): never echoed, shown,
audited or stored in plain text; the mail sender still reads it back.

conftest points BACKOFFICE_KEY_FILE at the test run's folder and turns the
keyring off; the keyring tests put an in-memory keyring in its place.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from backoffice import secret_store
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import AuditRecord, Setting
from backoffice.errors import BackofficeError, InputError
from backoffice.secret_store import MASK, SecretUnavailable
from backoffice.services import audit, outbox, settings
from tests.conftest import snapshot
from tests.smtp_server import smtp_server
from tests.test_cli import Cli
from tests.test_cli import cli as cli
from tests.test_outbox import an_invoice, mail_settings

Factory = Callable[..., UnitOfWork]
SECRET = "S3cr3t-пароль"
PASSWORD = "smtp.password"


def _everything(engine: Engine) -> str:
    """Every row of every table as one text: the secret must not be in it."""
    return repr(snapshot(engine))


def _stored(engine: Engine) -> str:
    with UnitOfWork(engine, read_only=True) as uow:
        return uow.session.execute(
            select(Setting.value).where(Setting.key == "smtp.password")
        ).scalar_one()


def _audit(engine: Engine) -> list[tuple[str, str | None, str | None]]:
    with UnitOfWork(engine, read_only=True) as uow:
        rows = uow.session.execute(
            select(AuditRecord.action, AuditRecord.before, AuditRecord.after)
            .where(AuditRecord.subject == "smtp.password")
            .order_by(AuditRecord.id)
        ).all()
    return [tuple(row) for row in rows]


def test_the_cli_never_prints_the_password(cli: Cli, engine: Engine) -> None:
    set_out = cli("settings", "set", "smtp.password", SECRET)
    assert SECRET not in set_out.stdout + set_out.stderr
    assert set_out.stdout.strip() == f"smtp.password = {MASK}"

    shown = cli("settings", "show")
    assert SECRET not in shown.stdout + shown.stderr
    assert "smtp.password" in shown.stdout and MASK in shown.stdout
    as_json = json.loads(cli("settings", "show", "--json").stdout)
    assert as_json["settings"]["smtp.password"] == MASK

    assert SECRET not in _everything(engine)  # settings, audit, anything
    assert _stored(engine).startswith(secret_store.FERNET)
    assert _audit(engine) == [("settings.set", None, MASK)]

    cli("settings", "set", "smtp.password", "")  # cleared
    assert json.loads(cli("settings", "show", "--json").stdout)["settings"]["smtp.password"] == ""
    assert _audit(engine)[-1] == ("settings.set", MASK, "")


def test_the_password_can_stay_off_the_command_line(
    cli: Cli, engine: Engine, uow_factory: Factory
) -> None:
    """Left out, it is read from stdin (asked without echo on a terminal)."""
    env = {**os.environ}
    env.pop("BACKOFFICE_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "backoffice", "--db", cli.db_url, "settings", "set", PASSWORD],
        input=SECRET + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stdout + result.stderr
    with uow_factory(read_only=True) as uow:
        assert settings.read_secret(uow, "smtp.password") == SECRET
    assert "value is missing" in cli.refused("settings", "set", "smtp.host")


def test_a_refused_password_is_not_repeated(cli: Cli, engine: Engine) -> None:
    before = snapshot(engine)
    error = cli.refused("settings", "set", "smtp.password", "S3cr3t\nRCPT TO:<x@evil>")
    assert "S3cr3t" not in error and "line break" in error
    assert snapshot(engine) == before


def test_the_key_file_is_private_and_not_beside_the_database(
    uow_factory: Factory, engine: Engine
) -> None:
    with uow_factory() as uow:
        settings.set_setting(uow, "smtp.password", SECRET)
        uow.commit()
    key = secret_store.key_file()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    if engine.url.get_backend_name() == "sqlite":
        assert key.parent != Path(str(engine.url.database)).parent
    with uow_factory(read_only=True) as uow:
        assert settings.read_secret(uow, "smtp.password") == SECRET
        assert settings.get_setting(uow, "smtp.password") == MASK
        assert settings.all_settings(uow)["smtp.password"] == MASK


def test_the_default_key_file_is_in_the_users_config_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(secret_store.KEY_FILE_ENV)
    assert secret_store.key_file().name == "secret.key"
    assert "backoffice" in secret_store.key_file().parts


def test_mail_is_sent_with_the_stored_password(engine: Engine, uow_factory: Factory) -> None:
    number = an_invoice(uow_factory)
    with smtp_server(users={"billing": SECRET}) as server:
        mail_settings(uow_factory, server.port)
        with uow_factory() as uow:
            settings.set_setting(uow, "smtp.user", "billing")
            settings.set_setting(uow, "smtp.password", SECRET)
            outbox.queue_invoices(uow, [number])
            uow.commit()
        summary = outbox.send_pending(engine)
        assert (summary.sent, summary.failed) == (1, 0), summary.errors
        assert len(server.received) == 1


def test_a_plain_text_password_of_an_earlier_version_keeps_working_and_init_seals_it(
    cli: Cli, engine: Engine, uow_factory: Factory
) -> None:
    with uow_factory() as uow:  # as an earlier version stored it
        uow.session.add(
            Setting(
                key="smtp.password",
                value="old-plain",
                updated_at=audit.now(),
                updated_by="old",
            )
        )
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert settings.read_secret(uow, "smtp.password") == "old-plain"
        assert settings.all_settings(uow)["smtp.password"] == MASK

    cli("init")
    assert _stored(engine).startswith(secret_store.FERNET)
    assert "old-plain" not in _everything(engine)
    assert _audit(engine) == [("settings.seal", MASK, MASK)]
    with uow_factory(read_only=True) as uow:
        assert settings.read_secret(uow, "smtp.password") == "old-plain"
    cli("init")  # idempotent: nothing more to seal
    assert len(_audit(engine)) == 1


def test_another_key_is_a_clear_refusal(
    uow_factory: Factory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with uow_factory() as uow:
        settings.set_setting(uow, "smtp.password", SECRET)
        settings.set_setting(uow, "smtp.host", "127.0.0.1")
        settings.set_setting(uow, "smtp.sender", "billing@hmara.ua")
        uow.commit()
    monkeypatch.setenv(secret_store.KEY_FILE_ENV, str(tmp_path / "missing.key"))
    with uow_factory(read_only=True) as uow, pytest.raises(SecretUnavailable, match="set it again"):
        outbox.smtp_settings(uow)
    monkeypatch.setenv(secret_store.KEY_FILE_ENV, str(tmp_path / "other.key"))
    secret_store.seal("x", "y")  # makes another key
    with uow_factory(read_only=True) as uow, pytest.raises(SecretUnavailable, match="another key"):
        settings.read_secret(uow, "smtp.password")


def test_only_secrets_are_read_as_secrets(uow_factory: Factory) -> None:
    with uow_factory(read_only=True) as uow, pytest.raises(InputError, match="not a secret"):
        settings.read_secret(uow, "smtp.user")


# -- where a keyring is usable ------------------------------------------------------------


class MemoryKeyring:
    """A keyring backend as the `keyring` package defines one, in memory."""

    priority = 10

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, password: str) -> None:
        self.entries[service, user] = password

    def get_password(self, service: str, user: str) -> str | None:
        return self.entries.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        del self.entries[service, user]


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    keyring = pytest.importorskip("keyring")
    backend = MemoryKeyring()
    monkeypatch.setenv(secret_store.STORE_ENV, "auto")
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    yield backend


def test_the_keyring_keeps_the_password_where_one_is_usable(
    uow_factory: Factory, engine: Engine, memory_keyring: MemoryKeyring
) -> None:
    with uow_factory() as uow:
        settings.set_setting(uow, "smtp.password", SECRET)
        uow.commit()
    stored = _stored(engine)
    assert stored.startswith(secret_store.KEYRING)
    assert list(memory_keyring.entries.values()) == [SECRET]
    with uow_factory(read_only=True) as uow:
        assert settings.read_secret(uow, "smtp.password") == SECRET

    with uow_factory() as uow:  # a change rolled back keeps the old entry working
        settings.set_setting(uow, "smtp.password", "never-committed")
    with uow_factory(read_only=True) as uow:
        assert settings.read_secret(uow, "smtp.password") == SECRET

    with uow_factory() as uow:
        settings.set_setting(uow, "smtp.password", "new-one")
        uow.commit()
    with uow_factory(read_only=True) as uow:
        assert settings.read_secret(uow, "smtp.password") == "new-one"
    assert SECRET not in memory_keyring.entries.values()  # the replaced entry is gone
    assert SECRET not in _everything(engine) and "new-one" not in _everything(engine)

    memory_keyring.entries.clear()  # another computer, or the entry removed by hand
    with uow_factory(read_only=True) as uow, pytest.raises(BackofficeError, match="set it again"):
        settings.read_secret(uow, "smtp.password")


def test_a_keyring_that_fails_falls_back_to_the_key_file(
    uow_factory: Factory, engine: Engine, memory_keyring: MemoryKeyring
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("locked")

    memory_keyring.set_password = broken  # type: ignore[method-assign]
    with uow_factory() as uow:
        settings.set_setting(uow, "smtp.password", SECRET)
        uow.commit()
    assert _stored(engine).startswith(secret_store.FERNET)
    with uow_factory(read_only=True) as uow:
        assert settings.read_secret(uow, "smtp.password") == SECRET
    assert os.environ[secret_store.STORE_ENV] == "auto"

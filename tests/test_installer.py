"""The installer (SPEC §15): build_installer.py makes a one-folder application that
runs with no source checkout: its version, a new database, the window, a PDF in
Cyrillic. Built once for the module (a few minutes on two cores)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from backoffice import __version__

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

COMPANY = {
    "company.name": "ТОВ «Хмарні рішення»",
    "company.edrpou": "14360570",
    "company.iban": "UA743052990000026007233566001",
    "company.bank": "АТ КБ «ПриватБанк»",
    "company.address": "м. Київ, вул. Січових Стрільців, 1",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PyInstaller is not installed (it is in the dev extra)")
        pytest.skip("PyInstaller is not installed: pip install -e '.[installer]'")
    out = tmp_path_factory.mktemp("installer")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_installer.py"),
            f"--dist={out / 'dist'}",
            f"--work={out / 'work'}",
        ],
        check=True,
        capture_output=True,
        timeout=1200,
    )
    return out / "dist" / "backoffice"


def run(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # Away from the checkout and its virtual environment: the folder must be enough.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "BACKOFFICE_"))
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(cwd)
    done = subprocess.run(
        [str(program), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


def test_the_built_program_runs_without_a_checkout(built: Path, tmp_path: Path) -> None:
    cli = built / "backoffice"
    assert (built / "_internal" / "backoffice" / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert run(cli, "--version", cwd=tmp_path).stdout.strip() == f"backoffice {__version__}"

    db = f"sqlite:///{tmp_path / 'books.sqlite'}"
    assert "schema upgraded empty" in run(cli, "--db", db, "init", cwd=tmp_path).stdout
    for key, value in COMPANY.items():
        run(cli, "--db", db, "settings", "set", key, value, cwd=tmp_path)
    run(cli, "--db", db, "client", "add", "--name", "ТОВ «Світанок»", "--kind", "legal",
        "--edrpou", "32855961", "--date", "2026-11-02", cwd=tmp_path)  # fmt: skip
    run(cli, "--db", db, "invoices", "issue", "OR-000001", "1500.00", "--date", "2026-11-02",
        cwd=tmp_path)  # fmt: skip
    (invoice,) = json.loads(run(cli, "--db", db, "invoices", "list", "--json", cwd=tmp_path).stdout)
    pdf = tmp_path / "invoice.pdf"
    run(cli, "--db", db, "invoices", "pdf", invoice["number"], "--out", str(pdf), cwd=tmp_path)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Рахунок на оплату № {invoice['number']}" in text
    assert "ТОВ «Світанок»" in text

    screenshot = tmp_path / "window.png"
    run(built / "backoffice-gui", "--db", db, "--screenshot", str(screenshot), cwd=tmp_path)
    assert screenshot.read_bytes().startswith(b"\x89PNG") and screenshot.stat().st_size > 5000


def test_a_wheel_carries_the_fonts_icon_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("backoffice-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "backoffice/resources/fonts/DejaVuSans.ttf",
        "backoffice/resources/fonts/DejaVuSans-Bold.ttf",
        "backoffice/resources/fonts/DejaVuSans-Oblique.ttf",
        "backoffice/resources/icons/backoffice.svg",
        "backoffice/migrations/env.py",
    } <= names
    assert any(n.startswith("backoffice/migrations/versions/0001") for n in names)

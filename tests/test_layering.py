"""The core never imports Qt: the CLI and schedulers run without a GUI stack."""

from __future__ import annotations

import subprocess
import sys


def test_backoffice_loads_no_pyside6() -> None:
    code = (
        "import sys, pkgutil, importlib, backoffice\n"
        "for m in pkgutil.walk_packages(backoffice.__path__, 'backoffice.'):\n"
        "    if '.migrations' in m.name or m.name == 'backoffice.__main__':\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        "loaded = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(len(loaded), loaded[:3])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("0 "), result.stdout

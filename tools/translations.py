"""Keep the window's translations in step with its source: update the .ts, build the .qm.

    python tools/translations.py [--seed SEED.json] [--check | --compile]

Reads every translatable string of `ui/` (`self.tr`, `QCoreApplication.translate`,
`QT_TRANSLATE_NOOP` and the modules' `_tr` helpers), in the context Qt will
look it up in at run time, and writes `ui/translations/backoffice_uk.ts`
(Qt Linguist XML): translations already there are kept, strings no longer in
the code are dropped, new ones are added unfinished (or from `--seed`, a JSON
object of English source → Ukrainian). Then `pyside6-lrelease` compiles the
`.qm` the application loads. `--check` only reports what is untranslated and
exits 1 if anything is (for CI); `--compile` only builds the `.qm` from the
`.ts` as it is (the set-up's step).

`pyside6-lupdate` is not used: its Python parser files `tr = window.tr` and
`QApplication.translate("app", …)` aliases under wrong contexts.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
FOLDER = ROOT / "ui" / "translations"
LANGUAGES = {"uk": "uk_UA"}
# `x.tr(...)` on an object whose class the source does not say: PySide6 looks
# a string up in the object's class, then in each base class up to QObject.
ANY_OBJECT = "QObject"
KNOWN_OBJECTS = {"window": "MainWindow"}
TRANSLATE = {"translate", "QT_TRANSLATE_NOOP"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    file: str
    line: int
    numerus: bool = False  # tr(text, disambiguation, n): one form per plural of the language


Translation = str | list[str]  # a plural message has a list of forms


class _Module(ast.NodeVisitor):
    """The messages of one module."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.constants = _constants(self.tree)
        self.helpers = _helpers(self.tree, self.constants)  # `_tr` → its context
        self.messages: list[Message] = []
        self._classes: list[str] = []
        self._aliases: list[dict[str, str | None]] = [{}]  # name → context (None: 1st arg)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._classes.append(node.name)
        self.generic_visit(node)
        self._classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._aliases.append(dict(self._aliases[-1]))
        for statement in ast.walk(node):
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = statement.targets[0]
                if isinstance(target, ast.Name) and isinstance(statement.value, ast.Attribute):
                    context = self._attribute_context(statement.value)
                    if context is not False:
                        self._aliases[-1][target.id] = context  # type: ignore[assignment]
        self.generic_visit(node)
        self._aliases.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def _attribute_context(self, value: ast.Attribute) -> str | bool | None:
        """`x.tr` → its context; `Q…Application.translate` → None (the first
        argument says); anything else → False."""
        if value.attr == "tr" and isinstance(value.value, ast.Name):
            owner = value.value.id
            if owner == "self" and self._classes:
                return self._classes[-1]
            return KNOWN_OBJECTS.get(owner, ANY_OBJECT)
        if value.attr == "translate":
            return None
        return False

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        function = node.func
        args = node.args
        if isinstance(function, ast.Attribute):
            context = self._attribute_context(function)
            if context is False:
                return
        elif isinstance(function, ast.Name):
            if function.id in self.helpers:
                context = self.helpers[function.id]
            elif function.id in TRANSLATE:
                context = None
            elif function.id in self._aliases[-1]:
                context = self._aliases[-1][function.id]
            else:
                return
        else:
            return
        if context is None:  # translate(context, source)
            if len(args) < 2:
                return
            context = self._text(args[0])
            args = args[1:]
        source = self._text(args[0]) if args else None
        if isinstance(context, str) and source:
            where = str(self.path.relative_to(ROOT))
            self.messages.append(Message(context, source, where, node.lineno, len(args) >= 3))

    def _text(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        return None


def _constants(tree: ast.Module) -> dict[str, str]:
    found = {}
    for node in tree.body:
        target = value = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if (
            isinstance(target, ast.Name)
            and isinstance(value, ast.Constant)
            and isinstance(value.value, str)
        ):
            found[target.id] = value.value
    return found


def _helpers(tree: ast.Module, constants: dict[str, str]) -> dict[str, str]:
    """Module functions that are `return QCoreApplication.translate(CONTEXT, text)`."""
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for call in ast.walk(node):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate"
                and call.args
            ):
                first = call.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found[node.name] = first.value
                elif isinstance(first, ast.Name) and first.id in constants:
                    found[node.name] = constants[first.id]
    return found


def extract(folder: Path = UI) -> list[Message]:
    """Every message of the window, each (context, source) once, in source order."""
    seen: set[tuple[str, str]] = set()
    messages = []
    for path in sorted(folder.rglob("*.py")):  # the screens' packages too (ui/users/, …)
        module = _Module(path)
        module.visit(module.tree)
        for message in module.messages:
            key = (message.context, message.source)
            if key not in seen:
                seen.add(key)
                messages.append(message)
    return messages


def read_ts(path: Path) -> dict[tuple[str, str], Translation]:
    """(context, source) → finished translation of an existing .ts."""
    if not path.exists():
        return {}
    found: dict[tuple[str, str], Translation] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if forms and all(forms):
                found[(name, source)] = forms
            elif translation.text and translation.text.strip():
                found[(name, source)] = translation.text
    return found


def write_ts(
    path: Path,
    language: str,
    messages: list[Message],
    translations: dict[tuple[str, str], Translation],
) -> list[Message]:
    """Write the .ts; return the messages still without a translation."""
    root = ET.Element("TS", version="2.1", language=language)
    missing = []
    contexts: dict[str, list[Message]] = {}
    for message in messages:
        contexts.setdefault(message.context, []).append(message)
    for name in sorted(contexts):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for message in contexts[name]:
            element = ET.SubElement(context, "message")
            if message.numerus:
                element.set("numerus", "yes")
            # relative to the .ts, as Qt Linguist writes it
            ET.SubElement(
                element, "location", filename=f"../../{message.file}", line=str(message.line)
            )
            ET.SubElement(element, "source").text = message.source
            translated = translations.get((name, message.source))
            translation = ET.SubElement(element, "translation")
            if isinstance(translated, list) and message.numerus:
                for form in translated:
                    ET.SubElement(translation, "numerusform").text = form
            elif isinstance(translated, str) and not message.numerus:
                translation.text = translated
            else:
                translation.set("type", "unfinished")
                missing.append(message)
    ET.indent(root, space="    ")
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def lrelease_command() -> list[str]:
    """`pyside6-lrelease` beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise SystemExit("error: pyside6-lrelease not found: install PySide6 (pip install -e .)")
    return [found]


def compile_qm(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, help="JSON of English source → translation")
    parser.add_argument("--check", action="store_true", help="report untranslated; write nothing")
    parser.add_argument("--compile", action="store_true", help="only build the .qm files")
    args = parser.parse_args(argv)
    if args.compile:
        for short in LANGUAGES:
            compile_qm(FOLDER / f"backoffice_{short}.ts")
        return 0
    seed = json.loads(args.seed.read_text(encoding="utf-8")) if args.seed else {}
    messages = extract()
    status = 0
    for short, language in LANGUAGES.items():
        ts = FOLDER / f"backoffice_{short}.ts"
        translations = read_ts(ts)
        for message in messages:
            key = (message.context, message.source)
            if key not in translations and message.source in seed:
                translations[key] = seed[message.source]
        if args.check:
            missing = [m for m in messages if (m.context, m.source) not in translations]
        else:
            missing = write_ts(ts, language, messages, translations)
            compile_qm(ts)
        for message in missing:
            print(f"{message.file}:{message.line}: untranslated: {message.source!r}")
        if missing:
            status = 1
        print(f"{ts.name}: {len(messages)} messages, {len(missing)} untranslated", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())

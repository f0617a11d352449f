"""Column-mapping profiles for CSV/XLS/XLSX statements, and the built-in ones.

A profile says which column holds which field, by header name (with
alternatives: banks rename columns, translate them to Russian, or type a Latin
`i` inside Cyrillic words) or, for files without a header, by position
(`"#5"` is the fifth column). Users save their own profiles in the database as
JSON, so a profile is plain data that round-trips through `to_json`/`from_json`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from importlib import resources
from typing import Any

from backoffice.errors import InputError

# What a column may be mapped to. 'amount' with amount_mode 'signed' or
# 'direction'; 'debit'/'credit' with 'debit_credit'.
# 'debit_equivalent'/'credit_equivalent': the same amounts again in another
# currency (PUMB's UDB/UCR in UAH), read when the account-currency pair is zero.
# 'purpose_extra': a second purpose column appended to the first (Crédit Agricole).
FIELDS = (
    "date", "amount", "debit", "credit", "direction", "our_account", "our_code", "currency",
    "payer_name", "payer_code", "payer_iban", "purpose", "bank_reference", "document_number",
    "debit_equivalent", "credit_equivalent", "purpose_extra",
)  # fmt: skip
AMOUNT_MODES = ("debit_credit", "signed", "direction")
_DMY = ("%d.%m.%Y", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%y")


@dataclass(frozen=True)
class MappingProfile:
    """How to read one bank's table export."""

    name: str
    description: str = ""
    columns: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(field, header names or '#N' positions to try, in order)."""
    optional: tuple[str, ...] = ()
    """Fields whose column may be missing from a file without the profile failing to match."""
    header_row: int | None = None
    """1-based row of the header; None: looked for in the first 30 rows; 0: no header."""
    data_offset: int = 1
    """Rows from the header (or summary row) to the first data row."""
    date_formats: tuple[str, ...] = _DMY
    decimal_comma: bool = True
    """Accept a comma as the decimal mark (Kredobank, XLS exports in Ukrainian locale)."""
    amount_mode: str = "debit_credit"
    credit_words: tuple[str, ...] = ("кредит", "credit", "c", "cr", "кт", "надходження")
    debit_words: tuple[str, ...] = ("дебет", "debit", "d", "dr", "дт", "списання")
    kopiykas: bool = False
    """Amounts are whole kopiykas (layout D)."""
    encoding: str = "auto"
    delimiter: str = "auto"
    our_account: str = ""
    """Our account when the file has no column for it and no title row names it."""
    default_currency: str = "UAH"
    summary_row: int = 0
    """1-based row before the data holding account/currency/row count (layout D), 0: none."""
    summary_columns: tuple[tuple[str, int], ...] = ()
    """('account' | 'currency' | 'count', 1-based position) in the summary row."""
    column_count: int = 0
    """Headerless files: the number of columns every data row has; used to recognise them."""
    footer_words: tuple[str, ...] = ("разом", "всього", "итого", "оборот", "сальдо", "залишок")
    aliases: tuple[str, ...] = ()
    """Other names the profile answers to (the built-ins' old ids `layout-a`…`layout-e`)."""

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise InputError(f"mapping profile {self.name!r}: " + "; ".join(problems))

    def column(self, field: str) -> tuple[str, ...]:
        for name, alternatives in self.columns:
            if name == field:
                return alternatives
        return ()

    @property
    def positional(self) -> bool:
        return self.header_row == 0

    def problems(self) -> list[str]:
        out = []
        if not self.name.strip():
            out.append("the name is empty")
        mapped = {name for name, _ in self.columns}
        out += [f"unknown field {name!r}" for name in mapped - set(FIELDS)]
        if self.amount_mode not in AMOUNT_MODES:
            out.append(f"amount_mode must be one of {', '.join(AMOUNT_MODES)}")
        needed = {
            "debit_credit": ("debit", "credit"),
            "signed": ("amount",),
            "direction": ("amount", "direction"),
        }.get(self.amount_mode, ())
        out += [f"no column for {f!r}" for f in ("date", *needed) if f not in mapped]
        for name, alternatives in self.columns:
            positions = [a.startswith("#") for a in alternatives]
            if not alternatives:
                out.append(f"field {name!r} has no column names")
            elif self.positional and not all(positions):
                out.append(f"field {name!r}: a file without a header needs '#N' positions")
            elif any(
                p and not a[1:].isdigit() for p, a in zip(positions, alternatives, strict=True)
            ):
                out.append(f"field {name!r}: a position must read like '#5'")
        if self.delimiter not in ("auto", ";", ",", "\t", "|"):
            out.append("delimiter must be auto, ';', ',', tab or '|'")
        return out

    def to_json(self) -> str:
        data = asdict(self)
        data["columns"] = {name: list(alts) for name, alts in self.columns}
        data["summary_columns"] = dict(self.summary_columns)
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> MappingProfile:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"mapping profile JSON is invalid: {exc}") from None
        if not isinstance(data, dict):
            raise InputError("mapping profile JSON must be an object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"mapping profile has unknown keys: {', '.join(unknown)}")
        try:
            return cls(**{key: _from_json_value(key, value) for key, value in data.items()})
        except (TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"mapping profile JSON has a value of the wrong type: {exc}") from None


def _from_json_value(key: str, value: Any) -> Any:
    if key == "columns":
        return tuple((str(k), tuple(str(a) for a in v)) for k, v in dict(value).items())
    if key == "summary_columns":
        return tuple((str(k), int(v)) for k, v in dict(value).items())
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return value


def _builtin_profiles() -> tuple[MappingProfile, ...]:
    """The banks' layouts shipped as data: `backoffice/resources/bank-profiles/*.json`.

    Read through importlib.resources, so they are found in a checkout, in an
    installed wheel (package data) and in a frozen build that bundles the
    package's data files. Adding a bank is adding a file; the files are read
    in name order, which decides between two profiles that fit equally well.
    """
    folder = resources.files("backoffice").joinpath("resources", "bank-profiles")
    found = sorted(
        (item for item in folder.iterdir() if item.name.endswith(".json")), key=lambda i: i.name
    )
    out: list[MappingProfile] = []
    for item in found:
        try:
            out.append(MappingProfile.from_json(item.read_text(encoding="utf-8")))
        except InputError as exc:
            raise InputError(f"built-in bank profile {item.name}: {exc}") from None
    return tuple(out)


BUILTIN_PROFILES: tuple[MappingProfile, ...] = _builtin_profiles()


def names_of(profile: MappingProfile) -> tuple[str, ...]:
    """Every name `profile` answers to: its own, then its aliases."""
    return (profile.name, *profile.aliases)

"""Ukrainian identifiers: ЄДРПОУ, РНОКПП, ІПН, IBAN, e-mail.

Check digits come from python-stdnum and schwifty; this module only turns
their exceptions into messages an accountant can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.exceptions import ValidationError
from stdnum.ua import edrpou as stdnum_edrpou
from stdnum.ua import rntrc as stdnum_rntrc

from backoffice.errors import InputError

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def edrpou(value: str) -> str:
    """A legal entity's 8-digit ЄДРПОУ with a valid check digit."""
    code = str(value).strip()
    try:
        return stdnum_edrpou.validate(code)
    except ValidationError as exc:
        raise InputError(f"ЄДРПОУ {code!r} is invalid: {_reason(exc)}") from exc


def rnokpp(value: str) -> str:
    """A person's 10-digit РНОКПП with a valid check digit."""
    code = str(value).strip()
    try:
        return stdnum_rntrc.validate(code)
    except ValidationError as exc:
        raise InputError(f"РНОКПП {code!r} is invalid: {_reason(exc)}") from exc


def ipn(value: str) -> str:
    """A VAT payer's 12-digit individual tax number (ІПН)."""
    code = str(value).strip()
    if not re.fullmatch(r"\d{12}", code):
        raise InputError(f"ІПН {code!r} is invalid: it must have 12 digits")
    return code


@dataclass(frozen=True)
class CheckedIban:
    iban: str
    bank_name: str | None
    warning: str | None


def iban(value: str) -> CheckedIban:
    """A valid IBAN in compact form; a warning when its bank is not in the registry."""
    text = str(value).strip()
    try:
        parsed = IBAN(text)
    except SchwiftyException as exc:
        raise InputError(f"IBAN {text!r} is invalid: {exc}") from exc
    compact = parsed.compact
    bank = parsed.bank
    warning = None
    if bank is None:
        warning = f"IBAN {compact}: bank code {parsed.bank_code} is not in the bank registry"
    return CheckedIban(compact, bank.name if bank else None, warning)


def email(value: str) -> str:
    text = str(value).strip()
    if not _EMAIL_RE.match(text):
        raise InputError(f"e-mail {text!r} is invalid")
    return text


def _reason(exc: ValidationError) -> str:
    return {
        "InvalidChecksum": "the check digit does not match",
        "InvalidLength": "wrong number of digits",
        "InvalidFormat": "it must contain digits only",
    }.get(type(exc).__name__, str(exc))

"""Bank statement readers: pure functions from bytes to normalised lines.

No database and no Qt here. `read_statement` detects the format (1C
ClientBankExchange, SWIFT MT940, ISO 20022 camt.053/054, CSV/XLS/XLSX through
mapping profiles, payment-processor registries), reads every line or raises
one `StatementFileError`, and marks the lines that must not become top-ups
with a `skip_reason`. Matching and posting are later stages elsewhere.
"""

from backoffice.importers.statements.classify import HINTS, classify, hint
from backoffice.importers.statements.lines import (
    MAX_STATEMENT_BYTES,
    Direction,
    OwnCompany,
    Statement,
    StatementFileError,
    StatementLine,
)
from backoffice.importers.statements.profiles import BUILTIN_PROFILES, MappingProfile
from backoffice.importers.statements.reading import (
    fingerprints,
    read_statement,
    read_statement_file,
)

__all__ = [
    "BUILTIN_PROFILES",
    "HINTS",
    "MAX_STATEMENT_BYTES",
    "Direction",
    "MappingProfile",
    "OwnCompany",
    "Statement",
    "StatementFileError",
    "StatementLine",
    "classify",
    "fingerprints",
    "hint",
    "read_statement",
    "read_statement_file",
]

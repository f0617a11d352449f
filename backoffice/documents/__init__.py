"""Printed documents: invoices, acts, reconciliation statements (PDF).

Renderers take the frozen records of `records` and never touch the database;
a service function fills the records and calls one of these. `words` writes
amounts in Ukrainian words, `numbers` formats amounts and dates the Ukrainian
way. Importing a renderer registers the DejaVu fonts (see `pdf_style`).
"""

from backoffice.documents.records import (
    ActDocument,
    Document,
    DocumentLine,
    InvoiceDocument,
    Party,
    ReconciliationDocument,
    ReconciliationRow,
)

__all__ = [
    "ActDocument",
    "Document",
    "DocumentLine",
    "InvoiceDocument",
    "Party",
    "ReconciliationDocument",
    "ReconciliationRow",
]

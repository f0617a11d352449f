"""Excel exports of reports (SPEC §13): plain report records in, .xlsx files out."""

from backoffice.exports.report import (
    Column,
    ColumnKind,
    ExportCancelled,
    Report,
    WriteResult,
)
from backoffice.exports.xlsx_writer import write_report, write_workbook

__all__ = [
    "Column",
    "ColumnKind",
    "ExportCancelled",
    "Report",
    "WriteResult",
    "write_report",
    "write_workbook",
]

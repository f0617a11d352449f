"""Exports of reports (SPEC §13): plain report records in, .xlsx or .csv files out."""

from backoffice.exports.csv_writer import csv_number, write_csv, write_table
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
    "csv_number",
    "write_csv",
    "write_report",
    "write_table",
    "write_workbook",
]

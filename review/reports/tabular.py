"""Plain tables and their writers: CSV, XLSX (one or more sheets) and Markdown.

Every tabular export (Table 3.1, the search log, raw records, works, decisions, included studies)
builds a ``Table`` and hands it to one of these writers, so the formats behave the same everywhere.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Excel shows "ø" correctly in a CSV only when the file starts with a byte order mark; files meant
# for other programs (ASReview, `review decide --csv`) are written without one.
EXCEL_CSV_ENCODING = "utf-8-sig"
PLAIN_CSV_ENCODING = "utf-8"
XLSX_MAX_WIDTH = 60
XLSX_SHEET_NAME_MAX = 31  # Excel's limit
_XLSX_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    title: str = ""
    bold_last_row: bool = False  # a total row
    notice: str = ""  # a warning every format shows above the table (synthetic stand-ins)


# A spreadsheet reads a cell starting with one of these as a formula (=HYPERLINK(…), =cmd|…, +, -, @;
# a leading tab or carriage return is dropped on import and the rest read as a formula too).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def spreadsheet_cell(value: Any) -> tuple[Any, bool]:
    """What a spreadsheet gets for ``value``: (a number or text, whether the text looks like a formula).

    Record text comes from outside (a title, a note, a reason) and may start like a formula. Every
    tabular export writes its cells through this one function: CSV cells that look like a formula get
    the single-quote prefix OWASP recommends; XLSX cells are typed as text (never a formula).
    """
    if _is_number(value):
        return value, False
    text = cell_text(value)
    return text, text.startswith(FORMULA_START)


def csv_cell(value: Any) -> str:
    text, formula_like = spreadsheet_cell(value)
    return "'" + text if formula_like else cell_text(text)


def write_csv(table: Table, path: Path, *, excel: bool = True) -> None:
    encoding = EXCEL_CSV_ENCODING if excel else PLAIN_CSV_ENCODING
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        if table.notice:  # a leading '#' line, which our table importer skips
            handle.write(f"# {table.notice}\n")
        writer.writerow([csv_cell(c) for c in table.columns])
        for row in table.rows:
            writer.writerow([csv_cell(v) for v in row])


def _md_cell(value: Any) -> str:
    return cell_text(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown_table(table: Table) -> str:
    lines = [f"> {_md_cell(table.notice)}", ""] if table.notice else []
    if table.title:
        lines += [f"**{_md_cell(table.title)}**", ""]
    lines.append("| " + " | ".join(_md_cell(c) for c in table.columns) + " |")
    lines.append("|" + "|".join("---" for _ in table.columns) + "|")
    for n, row in enumerate(table.rows):
        cells = [_md_cell(v) for v in row]
        if table.bold_last_row and n == len(table.rows) - 1:
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_markdown(table: Table, path: Path) -> None:
    Path(path).write_text(markdown_table(table), encoding="utf-8")


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (31 characters, none of []:*?/\\)."""
    base = (name.translate(_XLSX_FORBIDDEN).strip() or "Sheet")[:XLSX_SHEET_NAME_MAX]
    candidate, n = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        candidate = base[: XLSX_SHEET_NAME_MAX - len(suffix)] + suffix
        n += 1
    taken.add(candidate)
    return candidate


def _append_row(sheet, values: Sequence[Any]) -> None:
    """One row of cells: numbers stay numbers, everything else is a text cell, never a formula."""
    sheet.append([None] * len(values) if values else [])
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        content, formula_like = spreadsheet_cell(value)
        if content == "" or content is None:
            continue
        cell = sheet.cell(row=row, column=column)
        if isinstance(content, str):
            # openpyxl refuses control characters an XLSX file cannot hold; a damaged title keeps the rest
            from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # openpyxl: loaded only for a workbook

            cell.value = ILLEGAL_CHARACTERS_RE.sub("", content)
            cell.data_type = "s"  # assigned text starting with "=" would otherwise become a formula
            if formula_like:
                cell.quotePrefix = True  # editing the cell in Excel keeps it text
        else:
            cell.value = content


def _fill_sheet(sheet, table: Table) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    if table.notice:
        _append_row(sheet, [table.notice])
        sheet.cell(row=1, column=1).font = Font(bold=True, color="C00000")
    _append_row(sheet, table.columns)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in table.rows:
        _append_row(sheet, row)
    if table.bold_last_row and table.rows:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for index, column in enumerate(table.columns, start=1):
        values = [column] + [cell_text(r[index - 1]) for r in table.rows]
        width = min(XLSX_MAX_WIDTH, max(len(v) for v in values) + 2)
        sheet.column_dimensions[get_column_letter(index)].width = width
        if width == XLSX_MAX_WIDTH:
            for cell in sheet[get_column_letter(index)][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3" if table.notice else "A2"


def write_xlsx(sheets: Sequence[tuple[str, Table]], path: Path) -> None:
    from openpyxl import Workbook  # loaded only when a workbook is written

    """One sheet per (name, table), in the order given."""
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for name, table in sheets:
        _fill_sheet(book.create_sheet(sheet_name(name, taken)), table)
    if not sheets:
        book.create_sheet("Sheet")
    book.save(path)

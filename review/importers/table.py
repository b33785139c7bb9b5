"""Spreadsheets: Publish or Perish CSV (11/23/24/26 columns), Oria "Export to Excel", other CSV/XLSX.

Columns are found by header name, never by position, so every PoP layout and any extra column work
alike; every cell is kept in ``fields`` under its original header, mapped or not.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from review.encoding import read_text, repair_value
from review.errors import InputError
from review.importers import limits
from review.importers.build import (
    RecordSpec,
    build_record,
    find_database,
    name_databases,
    new_result,
    note_repairs,
    with_roles,
)
from review.importers.mappings import POP_SOURCE_UNKNOWN, POP_URL_KEYS, TABLE_DATABASES, TABLE_ROLES, pop_data_source
from review.messages import Message
from review.model import ImportResult, Problem, RawRecord
from review.normalise import fold

FORMAT_CSV, FORMAT_POP, FORMAT_XLSX = "csv", "pop-csv", "xlsx"
_DELIMITERS = (",", ";", "\t")
_PRIMO_ID = re.compile(r"^(alma\d|cdi_)", re.IGNORECASE)
# A cell this long or with this many line breaks usually means an unbalanced quote swallowed rows.
_SUSPECT_CELL_LINES = 200
csv.field_size_limit(16 * 1024 * 1024)


def header_key(name: str) -> str:
    """'Article URL', 'ArticleURL' and 'article_url' → 'articleurl'; 'Språk' → 'sprak'."""
    return re.sub(r"[^a-z0-9]", "", fold(name or ""))


def read(path: Path) -> ImportResult:
    """CSV or TSV in any encoding ``review.encoding`` understands."""
    decoded = read_text(path)
    result = new_result(path.name, FORMAT_CSV, decoded)
    _fill(result, _csv_rows(decoded.text, path.name), path.name)
    return result


def read_xlsx(path: Path) -> ImportResult:
    """The first worksheet of an Excel workbook, header in its first non-empty row."""
    result = ImportResult(file_name=path.name, format=FORMAT_XLSX, encoding="xlsx")
    rows = list(_xlsx_rows(path, result))
    _fill(result, iter(rows), path.name)
    return result


def _fill(result: ImportResult, rows: Iterator[tuple[int, list[str]]], file_name: str) -> None:
    header_line, header = _header(rows, file_name)
    keys = [header_key(name) for name in header]
    database = find_database(TABLE_DATABASES, columns=keys)
    roles = with_roles(TABLE_ROLES, database)
    if not any(key in roles["title"] for key in keys):
        raise InputError(
            file_name,
            Message("no title column in the header row"),
            line=header_line,
            expected=Message("a column named Title (found: {items})", items=", ".join(h for h in header if h)[:200]),
        )
    table = list(rows)
    is_pop = database is not None and database.name == "Publish or Perish"
    author_style = database.author_style if database and database.author_style else "auto"
    snippets = False
    if is_pop:
        result.format = FORMAT_POP
        columns = [index for index, key in enumerate(keys) if key in POP_URL_KEYS]
        searched = pop_data_source(cells[i] for _, cells in table for i in columns if i < len(cells))
        if searched is None:
            result.problems.append(Problem(POP_SOURCE_UNKNOWN, fatal=False))
        searched = searched or "Google Scholar"  # Publish or Perish's default
        snippets = searched == "Google Scholar"  # Scholar gives snippets; the other sources real abstracts
        result.database = f"{searched} (Publish or Perish)"
    spec = RecordSpec(
        result.format,
        roles,
        author_style=author_style,
        abstract_is_snippet=snippets,
        vancouver=bool(database and database.vancouver),
    )
    named: list[str] = []
    position = 0
    for line, cells in table:
        if not any(cell.strip() for cell in cells):
            continue
        position += 1
        fields, view = _row_fields(header, keys, cells)
        if len(cells) > len(header):
            result.problems.append(
                Problem(
                    Message(
                        "{count} cell(s) beyond the header were kept as extra columns", count=len(cells) - len(header)
                    ),
                    position,
                    line,
                    fatal=False,
                )
            )
        if any(cell.count("\n") > _SUSPECT_CELL_LINES for cell in cells):
            result.problems.append(
                Problem(
                    Message("a cell spans hundreds of lines; check for an unbalanced quote"),
                    position,
                    line,
                    fatal=False,
                )
            )
        for key in roles.get("database", ()):
            named.extend(view.get(key, ()))
        record = build_record(
            fields, spec, file_name=file_name, position=position, line=line, view=view, problems=result.problems
        )
        if record is not None:
            result.records.append(record)
    if not is_pop:
        result.database = name_databases(named) or (database.name if database else None)
    result.source = "scholar" if snippets else guess_source(result.records)
    for record in result.records:
        record.source = result.source


def _header(rows: Iterator[tuple[int, list[str]]], file_name: str) -> tuple[int, list[str]]:
    for line, cells in rows:
        if any(cell.strip() for cell in cells):
            return line, [cell.strip() for cell in cells]
    raise InputError(
        file_name,
        Message("no header row"),
        expected=Message("a header row naming the columns, then one row per record"),
    )


def _row_fields(header: list[str], keys: list[str], cells: list[str]):
    fields: dict[str, list[str]] = {}
    view: dict[str, list[str]] = {}
    for index, cell in enumerate(cells):
        name = header[index] if index < len(header) else f"(extra column {index + 1})"
        key = keys[index] if index < len(keys) else ""
        name = name or f"(column {index + 1})"
        fields.setdefault(name, []).append(cell)
        if key and cell.strip():
            view.setdefault(key, []).append(cell)
    return fields, view


def _csv_rows(text: str, file_name: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) per row; leading '#' lines (notes, such as a synthetic-data label) are skipped.

    A quote that is opened and never closed makes the csv module read on across line breaks until the
    next quote, merging rows into one. A row that spans several lines but does not have the header's
    number of cells is that merge, and refuses the file with the line where the quote opened.
    """
    lines = text.split("\n")
    skip = 0
    while skip < len(lines) and (lines[skip].startswith("#") or not lines[skip].strip()):
        skip += 1
    if skip == len(lines):
        raise InputError(file_name, Message("no header row"), expected=Message("a header row naming the columns"))
    delimiter = max(_DELIMITERS, key=lines[skip].count)
    reader = csv.reader(io.StringIO("\n".join(lines[skip:])), delimiter=delimiter)
    previous_end = rows = 0
    width = None
    try:
        for cells in reader:
            first = skip + previous_end + 1
            last = skip + reader.line_num
            if width is None:
                width = len(cells)
            elif last > first and len(cells) != width and any("\n" in cell for cell in cells):
                raise InputError(
                    file_name,
                    Message(
                        "a quoted cell opened on this line is not closed where it should be, so lines "
                        "{first}-{last} were read as one row of {count} cell(s) instead of {width}",
                        first=first,
                        last=last,
                        count=len(cells),
                        width=width,
                    ),
                    line=first,
                    expected=Message("a closing double quote for every opening one"),
                )
            rows += 1
            if rows % 1000 == 0:
                limits.check_time()
            yield first, cells
            previous_end = reader.line_num
    except csv.Error as exc:
        raise InputError(
            file_name,
            Message("the CSV is malformed ({exc})", exc=exc),
            line=skip + previous_end + 1,
            expected=Message("comma-, semicolon- or tab-separated values with balanced quotes"),
        ) from None


def _xlsx_rows(path: Path, result: ImportResult) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of the first sheet. Only openpyxl's own calls are wrapped in a catch-all (a
    damaged workbook can make it raise almost anything); a bug in our handling of the cells is not
    turned into a user message, so the fuzz tests see it."""
    limits.check_workbook(path)  # zip bombs are refused before openpyxl inflates anything
    workbook = _openpyxl(path, lambda: load_workbook(path, read_only=True, data_only=True))
    try:
        sheet = _openpyxl(path, lambda: workbook.worksheets[0])
        declared_rows, declared_columns = _openpyxl(path, lambda: (sheet.max_row or 0, sheet.max_column or 0))
        limits.check_table_size(path.name, declared_rows, declared_columns, declared=True)
        # Forget the declared size: openpyxl would pad every row to it and silently drop cells beyond it.
        # Rows and columns are counted as they come instead, since a sheet may also declare nothing.
        sheet.reset_dimensions()
        rows = _openpyxl(path, lambda: sheet.iter_rows(values_only=True))
        number = 0
        repaired_rows: list[int] = []
        while True:
            row = _openpyxl(path, lambda: next(rows, None))
            if row is None:
                break
            number += 1
            if number % 1000 == 0:
                limits.check_time()
            limits.check_table_size(path.name, number, len(row))
            cells = []
            fixed = 0
            for value in row:
                text = _cell_text(value)
                text, repaired = repair_value(text)
                fixed += repaired
                cells.append(text)
            if fixed:
                result.repaired_mojibake += fixed
                repaired_rows.append(number)
            while cells and not cells[-1]:
                cells.pop()
            if cells:  # empty rows are skipped by the reader anyway; keeping them could fill memory
                yield number, cells
        note_repairs(result.problems, repaired_rows)
    finally:
        workbook.close()


def _openpyxl(path: Path, call):
    """Run one openpyxl call; whatever a damaged workbook makes it raise becomes one clear error."""
    try:
        return call()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl internals must not reach the user
        raise InputError(
            path.name,
            Message("not a readable Excel workbook ({error_type})", error_type=type(exc).__name__),
            expected=Message("an .xlsx file saved by Excel or an export tool"),
        ) from None


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    return str(value)


def guess_source(records: Iterable[RawRecord]) -> str:
    """Oria when record ids look like Primo's; Scholar when links point to it; else other."""
    records = list(records)
    for record in records:
        if record.source_id and _PRIMO_ID.match(record.source_id):
            return "oria"
    if any(record.url and "scholar.google" in record.url for record in records):
        return "scholar"
    return "other"

"""Files that would stall or swamp an import end in one clear error (issue #25, "tiny files").

The hostile workbooks are built here from a small synthetic one: a sheet that declares the largest
size Excel allows, one that inflates from a few kilobytes to hundreds of megabytes, and sheets with
too many rows or columns. Each must be refused quickly, naming the file and the limit.
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from review.errors import InputError
from review.importers import limits, read_file, table

SHEET = "xl/worksheets/sheet1.xml"
HEAD = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="{dimension}"/><sheetData>'
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" t="inlineStr"><is><t>Year</t></is></c></row>'
)


def workbook_with_sheet(path: Path, sheet_xml: str | bytes) -> Path:
    """A synthetic workbook whose first sheet is replaced by ``sheet_xml``."""
    base = path.with_suffix(".base.xlsx")
    book = Workbook()
    book.active.append(["Title", "Year"])
    book.save(base)
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == SHEET:
                data = sheet_xml.encode() if isinstance(sheet_xml, str) else sheet_xml
            target.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    base.unlink()
    return path


def refused(path: Path, *words: str) -> str:
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        read_file(path)
    assert time.monotonic() - started < 20, "the limit was found too late"
    message = str(caught.value)
    assert path.name in message
    for word in words:
        assert word in message, message
    return message


def test_a_sheet_declaring_excels_largest_size_is_refused_at_once(tmp_path):
    xml = (
        HEAD.format(dimension="A1:XFD1048576")
        + HEADER_ROW
        + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    )
    path = workbook_with_sheet(tmp_path / "declared.xlsx", xml)
    assert path.stat().st_size < 10_000
    refused(path, "declares", "rows", "limit")


def test_a_sheet_with_a_far_away_cell_and_no_declared_size_stops_at_the_row_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits.LIMITS, "rows", 50_000)
    xml = (
        HEAD.replace('<dimension ref="{dimension}"/>', "")
        + HEADER_ROW
        + '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>'
    )
    refused(workbook_with_sheet(tmp_path / "far.xlsx", xml), "more than 50,000 rows")


def test_a_row_wider_than_the_column_limit_is_refused(tmp_path):
    xml = (
        HEAD.replace('<dimension ref="{dimension}"/>', "")
        + HEADER_ROW
        + '<row r="2"><c r="XFD2"><v>1</v></c></row></sheetData></worksheet>'
    )
    refused(workbook_with_sheet(tmp_path / "wide.xlsx", xml), "16,384 columns", "limit")


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    filler = "<!--" + "x" * 30_000_000 + "-->"  # 30 MB that deflate packs into about 30 KB
    xml = HEAD.format(dimension="A1:B2") + HEADER_ROW + "</sheetData>" + filler + "</worksheet>"
    path = workbook_with_sheet(tmp_path / "bomb.xlsx", xml)
    assert path.stat().st_size < 100_000
    refused(path, "inflates", "not opened")


def test_the_total_uncompressed_size_is_limited(tmp_path, monkeypatch):
    monkeypatch.setattr(limits.LIMITS, "uncompressed_bytes", 20_000)
    xml = HEAD.format(dimension="A1:B2") + HEADER_ROW + "<!--" + "ab" * 10_000 + "--></sheetData></worksheet>"
    refused(workbook_with_sheet(tmp_path / "big.xlsx", xml), "inflates to", "limit")


def test_reading_a_file_stops_at_the_time_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits.LIMITS, "seconds", 0.0)
    path = tmp_path / "slow.ris"
    path.write_text("".join(f"TY  - JOUR\nTI  - Synthetic title {n}\nER  - \n" for n in range(3000)))
    refused(path, "took longer than the limit")


def test_a_text_file_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits.LIMITS, "file_bytes", 100)
    path = tmp_path / "large.ris"
    path.write_text("TY  - JOUR\nTI  - " + "Synthetic " * 50 + "\nER  - \n")
    refused(path, "more than the limit")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_refused_without_being_opened(tmp_path):
    pipe = tmp_path / "export.ris"
    os.mkfifo(pipe)
    refused(pipe, "not a regular file")  # opening it would block until a writer appears


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "export.ris"
    folder.mkdir()
    refused(folder, "folder")


def test_a_normal_workbook_still_imports(tmp_path):
    book = Workbook()
    book.active.append(["Title", "Year"])
    book.active.append(["Synthetic title", 2020])
    book.save(tmp_path / "fine.xlsx")
    result = table.read_xlsx(tmp_path / "fine.xlsx")
    assert [(r.title, r.year) for r in result.records] == [("Synthetic title", 2020)]


def test_cells_beyond_a_declared_size_that_is_too_small_are_kept(tmp_path):
    xml = (
        HEAD.format(dimension="A1:A1")
        + HEADER_ROW
        + '<row r="2"><c r="A2" t="inlineStr"><is><t>Synthetic</t></is></c><c r="B2"><v>2021</v></c></row>'
        + "</sheetData></worksheet>"
    )
    result = read_file(workbook_with_sheet(tmp_path / "small.xlsx", xml))
    assert [(r.title, r.year) for r in result.records] == [("Synthetic", 2021)]


# --- CSV with an unclosed quote --------------------------------------------------------------------


def test_an_unclosed_quote_that_merges_two_rows_is_refused_with_its_line(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text(
        '# SYNTHETIC\nTitle,Authors,Year\n"Unclosed title,Nordmann,2019\nSecond,"Hansen",2020\nThird,Lie,2021\n',
        encoding="utf-8",
    )
    message = refused(path, "line 3", "lines 3-4", "quote")
    assert message.startswith("quote.csv, line 3")


def test_an_unclosed_quote_running_to_the_end_is_refused(tmp_path):
    path = tmp_path / "quote_end.csv"
    path.write_text('Title,Authors,Year\nFirst,Lie,2018\n"Unclosed,Nordmann,2019\nSecond,Hansen,2020\n')
    refused(path, "line 3", "quote")


def test_a_quoted_cell_with_line_breaks_is_still_one_cell(tmp_path):
    path = tmp_path / "multiline.csv"
    path.write_text('Title,Abstract,Year\n"A title","First line\nsecond, line",2019\nSecond,,2020\n')
    result = read_file(path)
    assert [(r.title, r.abstract, r.year, r.line) for r in result.records] == [
        ("A title", "First line second, line", 2019, 2),
        ("Second", None, 2020, 4),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_importing_a_named_pipe_refuses_it_and_stores_nothing(tmp_path, store, protocol):
    """The import used to hash the file's bytes before any check, and waited on the pipe forever."""
    from review.ingest import SearchInfo, count_raw, import_files

    good = tmp_path / "good.ris"
    good.write_text("TY  - JOUR\nTI  - Synthetic title\nER  - \n")
    pipe = tmp_path / "pipe.ris"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="not a regular file"):
        import_files(store, protocol, [good, pipe], SearchInfo())
    with store.read() as conn:
        assert count_raw(conn) == 0


def test_an_endnote_file_cut_inside_its_xml_declaration_is_an_input_error(tmp_path):
    """Found by the EndNote fuzz test once it called the reader without the registry's catch-all."""
    from review.importers import endnote_xml

    path = tmp_path / "cut.xml"
    path.write_bytes(b'\xef\xbb\xbf<?xml version="')
    with pytest.raises(InputError, match="cut.xml"):
        endnote_xml.read(path)

"""Spreadsheets: Publish or Perish layouts by header name, generic CSV, Excel workbooks."""

import pytest
from openpyxl import Workbook

from review.errors import InputError
from review.importers import read_file
from review.model import Author


def test_pop_26_columns(fixture):
    result = read_file(fixture("pop_26col.csv"))
    assert (result.format, result.source, result.encoding) == ("pop-csv", "scholar", "utf-8-sig")
    assert result.problems == []
    first, second, third = result.records
    assert first.title == "Karriereveiledning for nyankomne flyktninger"
    assert first.authors == [Author("Nordmann", "KA"), Author("Hansen", "O")] and not first.authors_truncated
    assert (first.year, first.venue, first.publisher) == (2021, "Tidsskrift for eksempelforskning", "eksempel.no")
    assert first.cluster_id == "1234567890123456789" and first.cited_by == 12
    assert first.doi == "10.9999/example.2021.02" and first.issns == ["0000-0019"]
    assert first.pages == "101-120" and first.url == "https://example.org/a1"
    assert first.abstract == "Fiktivt sammendrag om veiledning …" and first.abstract_is_snippet
    assert first.peer_reviewed is None and first.doc_type == "other" and first.line == 3
    assert first.fields["GSRank"] == ["3"] and first.fields["RelatedURL"][0].startswith("https://scholar")
    assert second.authors_truncated and [a.family for a in second.authors] == ["Lie", "Berg", "Dahl"]
    assert second.doc_type == "other"  # "masteroppgaven" in the snippet only: venue/host/title say nothing
    assert third.doc_type == "book" and third.cluster_id == "42" and third.abstract is None
    assert not third.abstract_is_snippet


def test_pop_11_columns_and_thesis_marker_in_title(fixture):
    result = read_file(fixture("pop_11col.csv"))
    assert result.format == "pop-csv" and len(result.records) == 2
    first, second = result.records
    assert first.venue == "Søkelys på arbeidslivet" and first.cluster_id == "777" and first.cited_by == 5
    assert first.doc_type == "other"
    assert second.doc_type == "thesis"  # "kandidatspeciale" in the title


def test_pop_24_columns_with_an_extra_column_kept(fixture):
    (record,) = read_file(fixture("pop_24col_extra.csv")).records
    assert record.fields["TotalPages"] == ["20"] and record.abstract == "Kort utdrag"
    assert record.doi == "10.9999/ex.d" and record.cluster_id == "99"


def test_semicolon_cp1252_spreadsheet_with_norwegian_headers(fixture):
    result = read_file(fixture("csv_oria_semicolon_cp1252.csv"))
    assert (result.format, result.encoding, result.source) == ("csv", "cp1252", "oria")
    first, second = result.records
    assert first.title == "Flyktninger i Tromsø"
    assert first.authors == [Author("Sørensen", "Åse"), Author("Lærum", "Øystein")]
    assert (first.year, first.doc_type, first.language, first.peer_reviewed) == (2017, "article", "no", True)
    assert first.source_id == "alma991000000000702201" and first.issns == ["0000-0019"]
    assert first.fields["Lokal merknad"] == ["SYNTHETIC test record"]  # unknown column kept
    assert (second.doc_type, second.language, second.peer_reviewed) == ("report", "no", False)


def test_csv_without_title_column(fixture):
    with pytest.raises(InputError) as caught:
        read_file(fixture("csv_no_title.csv"))
    message = str(caught.value)
    assert "csv_no_title.csv" in message and "title column" in message and "Author, Year, Journal" in message
    assert caught.value.line == 2


def test_row_with_more_cells_than_header_keeps_them(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text("Title,Year\nEn tittel,2020,overskudd\n,\nTo,2021\n")
    result = read_file(path)
    assert [r.title for r in result.records] == ["En tittel", "To"]
    assert result.records[0].fields["(extra column 3)"] == ["overskudd"]
    assert [(p.record, p.line, p.fatal) for p in result.problems] == [(1, 2, False)]


def test_multiline_cell_keeps_line_numbers(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text('Title,Abstract\nFørste,"linje en\nlinje to"\nAndre,kort\n')
    result = read_file(path)
    assert [r.line for r in result.records] == [2, 4]


def test_xlsx_workbook(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Title", "Author", "Publication Date", "Type", "Language", "Record ID", "Extra"])
    sheet.append(["Veiledning i Tromsø", "Nordmann, Kari; Hansen, Ola", 2021, "Article", "nor", "cdi_x1", "SYNTHETIC"])
    sheet.append([None, None, None])
    sheet.append(["TromsÃ¸ igjen", "Lie, Per", 2019.0, "Book", "swe", "cdi_x2", None])
    path = tmp_path / "oria.xlsx"
    workbook.save(path)
    result = read_file(path)
    assert (result.format, result.encoding, result.source) == ("xlsx", "xlsx", "oria")
    first, second = result.records
    assert first.authors == [Author("Nordmann", "Kari"), Author("Hansen", "Ola")] and first.year == 2021
    assert (first.doc_type, first.language, first.line) == ("article", "no", 2)
    assert first.fields["Extra"] == ["SYNTHETIC"]
    assert second.title == "Tromsø igjen" and second.year == 2019 and second.line == 4
    assert result.repaired_mojibake == 1


def test_broken_xlsx_is_an_input_error(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(InputError, match="broken.xlsx"):
        read_file(path)

"""`review export DIR search-appendix`: one row per search from its search record (SYNTHETIC store)."""

import csv

from docx import Document
from reports_testdata import check_golden

from review.cli import main
from review.reports.registry import ExportData, export


def test_search_appendix_markdown_golden(store, protocol, tmp_path):
    from review import __version__

    out = export(ExportData(store, protocol), "search-appendix", tmp_path / "searches.md")
    # The method names the tool's version; the golden file stays the same across releases.
    check_golden("search_appendix.md", out.read_text(encoding="utf-8").replace(__version__, "VERSION"))


def test_one_row_per_search_and_an_unrecorded_string_says_so(review_dir, tmp_path, capsys):
    out = tmp_path / "searches.csv"
    assert main(["export", str(review_dir), "search-appendix", "-o", str(out)]) == 0
    rows = list(csv.reader(open(out, encoding="utf-8-sig", newline="")))
    header, searches, dedup = rows[0], rows[1:-1], rows[-1]
    assert len(searches) == 4  # four searches in the synthetic store, none planned-only rows
    string = header.index("Søkestreng slik den ble kjørt")
    by_file_order = [r[string] for r in searches]
    # Search 2 (Scholar) was imported without its string: never the protocol's Oria string with '*'.
    assert "not recorded" in by_file_order and not any("*" in s and "scholar" in s for s in by_file_order)
    scholar_no = searches[by_file_order.index("not recorded")]
    assert scholar_no[header.index("Database")] == "Google Scholar"
    assert scholar_no[header.index("Treff oppgitt")] == "not recorded"  # no hit count was given
    assert scholar_no[header.index("Poster eksportert")] == "2"
    oria_no = searches[0]
    assert oria_no[header.index("Treff oppgitt")] == "40" and oria_no[header.index("Poster eksportert")] == "3"
    assert "view=47BIBSYS_NETWORK:Oria" in oria_no[header.index("Grensesnitt og innstillinger")]
    assert "expanded=no" in oria_no[header.index("Grensesnitt og innstillinger")]
    assert "tab=not recorded" in oria_no[header.index("Grensesnitt og innstillinger")]
    assert dedup[1] == "Fjerning av duplikater" and "DOI" in dedup[string] and "Duplikater ble fjernet" in dedup[string]


def test_docx_has_the_table_and_the_dedup_method(store, protocol, tmp_path):
    out = export(ExportData(store, protocol), "search-appendix", tmp_path / "searches.docx")
    document = Document(out)
    table = document.tables[0]
    assert len(table.rows) == 1 + 4
    assert table.rows[0].cells[4].text == "Søkestreng slik den ble kjørt"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Fjerning av duplikater" in text and "review dedup" in text and "Par avgjort av en person: 0" in text


def test_round_limits_the_appendix_to_that_rounds_searches(review_dir, tmp_path, capsys):
    assert main(["export", str(review_dir), "search-appendix", "--round", "1", "-o", str(tmp_path / "a.md")]) == 0
    assert main(["export", str(review_dir), "search-appendix", "--round", "3", "-o", str(tmp_path / "b.md")]) == 1
    assert "no round 3" in capsys.readouterr().err

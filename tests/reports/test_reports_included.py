"""Included studies from the SYNTHETIC store: golden files and round trips through rispy and bibtexparser."""

import bibtexparser
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from reports_testdata import check_golden, docx_text, xlsx_text

from review.reports import collect
from review.reports.included import included_table, write_bibtex, write_included_docx, write_included_xlsx, write_ris
from review.reports.tabular import write_csv


def _included(store, protocol):
    with store.read() as conn:
        return collect.collect_included(conn, protocol)


def test_csv_and_xlsx(store, protocol, tmp_path):
    works = _included(store, protocol)
    write_csv(included_table(works, "no"), tmp_path / "i.csv")
    write_included_xlsx(works, protocol.appendix_groups, tmp_path / "i.xlsx", "no")
    check_golden("included.csv", (tmp_path / "i.csv").read_text(encoding="utf-8-sig"))
    text = xlsx_text(tmp_path / "i.xlsx")
    sheets = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert sheets == ["Alle", "Norske rapporter", "Fagfellevurderte artikler", "Uten gruppe"]
    check_golden("included.xlsx.txt", text)


def test_ris_round_trip(store, protocol, tmp_path):
    works = _included(store, protocol)
    write_ris(works, tmp_path / "i.ris", "no")
    text = (tmp_path / "i.ris").read_text(encoding="utf-8")
    assert text.startswith("TY  - ")  # no reference numbers before TY: EndNote and Zotero expect TY first
    check_golden("included.ris", text)
    entries = rispy.loads(text)
    assert len(entries) == 4
    article = next(e for e in entries if e["type_of_reference"] == "JOUR")
    assert article["authors"] == ["Doe, Jane", "Roe, Richard", "Poe, Edgar Allan"]
    assert article["secondary_title"] == "Journal of Synthetic Guidance"
    assert (article["start_page"], article["end_page"], article["doi"]) == ("101", "120", "10.9999/synth.2019.3")
    assert {e["title"] for e in entries} == {w.title for w in works}


def test_bibtex_round_trip(store, protocol, tmp_path):
    works = _included(store, protocol)
    write_bibtex(works, tmp_path / "i.bib", "no")
    text = (tmp_path / "i.bib").read_text(encoding="utf-8")
    check_golden("included.bib", text)
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    assert not library.failed_blocks
    assert len(library.entries) == 4
    by_type = {e.entry_type: e for e in library.entries}
    article = by_type["article"]
    assert [n.last[0] for n in article["author"]] == ["Doe", "Roe", "Poe"]
    assert article["journal"] == "Journal of Synthetic Guidance"
    # the unbalanced brace in the synthetic title is dropped rather than breaking the file
    assert article["title"] == "Narrative <career> counselling & refugees: a *synthetic* study draft"
    organisation = next(e for e in library.entries if "mottak" in e["title"])
    assert [n.last for n in organisation["author"]] == [["{Eksempel Analyse AS}"]]
    assert len({e.key for e in library.entries}) == 4


def test_docx(store, protocol, tmp_path):
    works = _included(store, protocol)
    labels = {f.id: f.label for f in protocol.families}
    write_included_docx(works, tmp_path / "i.docx", "no", labels)
    text = docx_text(tmp_path / "i.docx")
    assert "Nordmann, K. & Hansen, O. P. (2018). Karriereveiledning for nyankomne" in text
    check_golden("included.docx.txt", text)


def test_our_own_importers_read_the_ris_and_bibtex_exports_back(store, protocol, tmp_path):
    from review.importers import read_file

    works = list(_included(store, protocol))
    by_year = {w.year: w for w in works}  # the synthetic works have distinct years
    write_ris(works, tmp_path / "i.ris", "no")
    write_bibtex(works, tmp_path / "i.bib", "no")
    for name in ("i.ris", "i.bib"):
        result = read_file(tmp_path / name)
        assert not [p for p in result.problems if p.fatal], name
        assert sorted(r.year for r in result.records) == sorted(by_year), name
        for record in result.records:
            original = by_year[record.year]
            assert record.doc_type == original.doc_type, (name, record.title)
            assert record.title.replace("{", "") == original.title.replace("{", ""), (name, record.title)
            if all(a.given for a in original.authors):
                # Persons only: a one-field organisation name in RIS has no comma, and readers may split it.
                assert [a.family for a in record.authors] == [a.family for a in original.authors], name

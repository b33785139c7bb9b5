"""Google Scholar result pages: markers, bylines, snippets, cluster ids, CAPTCHA and other pages."""

import pytest

from review.errors import InputError
from review.importers import read_file
from review.model import Author


def test_result_page(fixture):
    result = read_file(fixture("scholar_results.html"))
    assert (result.format, result.source, result.problems) == ("scholar-html", "scholar", [])
    pdf, citation, thesis, book = result.records
    assert pdf.title == "Karriereveiledning for nyankomne flyktninger"
    assert pdf.authors == [Author("Nordmann", "KA"), Author("Hansen", "O"), Author("Lie", "P")]
    assert pdf.authors_truncated
    assert (pdf.venue, pdf.year, pdf.publisher) == ("Tidsskrift for eksempelforskning", 2021, "example.org")
    assert pdf.abstract.startswith("Denne artikkelen undersøker karriereveiledning") and pdf.abstract_is_snippet
    assert pdf.source_id == "QhDl7b8ZhqwJ" and pdf.cluster_id == "1234567890123456789"
    assert pdf.cited_by == 17 and pdf.url == "https://example.org/a1" and pdf.doc_type == "other"
    assert pdf.fields["title_marker"] == ["[PDF]"] and pdf.line is not None
    assert citation.title == "Vägledning för nyanlända i Sverige" and citation.url is None
    assert (citation.year, citation.venue, citation.publisher) == (2018, None, "Eksempelforlaget")
    assert citation.cited_by == 3 and citation.cluster_id == "42" and citation.abstract is None
    assert thesis.doc_type == "other"  # host duo.uio.no and snippet only
    assert book.doc_type == "book" and book.venue == "Masterspeciale, Aalborg Universitet"
    assert all(r.peer_reviewed is None and r.language is None for r in result.records)


def test_thesis_marker_in_scholar_venue(tmp_path, fixture):
    text = fixture("scholar_results.html").read_text(encoding="utf-8").replace("[BOOK]", "[PDF]").replace("[B]", "")
    path = tmp_path / "page.html"
    path.write_text(text, encoding="utf-8")
    assert read_file(path).records[3].doc_type == "thesis"


@pytest.mark.parametrize(
    "name, words",
    [("scholar_captcha.html", "CAPTCHA"), ("scholar_not_results.html", "not a Google Scholar result page")],
)
def test_pages_without_results_are_input_errors(fixture, name, words):
    with pytest.raises(InputError) as caught:
        read_file(fixture(name))
    assert words in str(caught.value) and name in str(caught.value)

"""BibTeX reader: Scholar "Cite" LaTeX escapes, Publish or Perish keys, unclosed entries."""

import pytest

from review.errors import InputError
from review.importers import read_file
from review.importers.latex import decode_latex
from review.model import Author


def test_scholar_cite_bibtex_escapes_decoded(fixture):
    result = read_file(fixture("bibtex_scholar_cite.bib"))
    # Scholar's Cite keys (surname, year, first title word) and its short field set say where it came from
    assert result.format == "bibtex" and result.source == "scholar" and result.problems == []
    article, book, phd = result.records
    assert article.title == "Karriereveiledning for nyankomne flyktninger: 50% i arbeid"
    assert article.authors == [
        Author("Nordmann", "Kari"),
        Author("Sørensen", "Per"),
        Author("Björk", "Åsa"),
        Author("Østby", "Lars"),
        Author("Lærum", "åge"),
        Author("Ström", "Eva"),
    ]
    assert article.publisher == "Eksempel & Sønner"
    assert article.venue == "Tidsskrift for eksempelforskning" and article.pages == "101-120"
    assert (article.year, article.volume, article.issue, article.doc_type) == (2021, "5", "2", "article")
    assert article.fields["author"][0].startswith("Nordmann, Kari and S{\\o}rensen")  # raw value kept
    assert article.line == 2
    assert book.title == "Karrierevejledning i Danmark" and book.doc_type == "book"
    assert phd.doc_type == "thesis" and phd.venue == "Universitetet i Eksempel"


def test_publish_or_perish_bibtex(fixture):
    result = read_file(fixture("bibtex_pop.bib"))
    assert result.encoding == "utf-8-sig" and result.source == "scholar"
    first, second = result.records
    assert first.title == "Veiledning & integrering"
    assert first.authors == [Author("Nordmann", "KA"), Author("Hansen", "O")]
    assert second.doc_type == "thesis" and second.venue == "Masteroppgave i pedagogikk"
    assert second.authors == [Author("Lie", "P")] and second.authors_truncated
    assert all(r.source == "scholar" for r in result.records)


def test_unclosed_entry_is_a_file_error(fixture):
    with pytest.raises(InputError) as caught:
        read_file(fixture("bibtex_unclosed.bib"))
    assert caught.value.line == 7 and "not closed" in str(caught.value)
    assert "bibtex_unclosed.bib" in str(caught.value)


def test_duplicate_keys_are_imported_with_a_note(tmp_path):
    path = tmp_path / "dup.bib"
    path.write_text("@article{a, title={One}, year={2020}}\n@article{a, title={Two}, year={2021}}\n")
    result = read_file(path)
    assert [r.title for r in result.records] == ["One", "Two"]
    assert [p.fatal for p in result.problems] == [False]


@pytest.mark.parametrize(
    "raw, expected",
    [
        (r"S{\o}rensen", "Sørensen"),
        (r"{\AA}se", "Åse"),
        (r"{\aa}", "å"),
        (r"{\ae}", "æ"),
        (r"{\AE}", "Æ"),
        (r"{\O}", "Ø"),
        (r"\O{}stby", "Østby"),
        (r"Bj{\"o}rk", "Björk"),
        (r"\"{o}", "ö"),
        (r"\&", "&"),
        (r"50\% of {BIG} data", "50% of BIG data"),
        (r"\'{e}tude", "étude"),
        (r"Fran\c{c}ois", "François"),
        ("<script>x</script>", "<script>x</script>"),
        (r"$x$ and \unknown", r"$x$ and \unknown"),
    ],
)
def test_latex_decoding(raw, expected):
    assert decode_latex(raw) == expected


SCHOLAR_CITE = """@book{nordmann2020evaluering,
  title={Evaluering av lokale integreringsprosjekter},
  author={Nordmann, K and Hansen, O},
  year={2020},
  publisher={Fafo}
}
"""


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (SCHOLAR_CITE, "scholar"),
        # a reference manager's export of the same entry: another key style, or fields Scholar never writes
        (SCHOLAR_CITE.replace("nordmann2020evaluering", "nordmann_evaluering_2020"), "other"),
        (SCHOLAR_CITE.replace("nordmann2020evaluering", "Nordmann2020"), "other"),
        (SCHOLAR_CITE.replace("publisher={Fafo}", "publisher={Fafo},\n  url={https://fafo.no/r1}"), "other"),
        (SCHOLAR_CITE.replace("publisher={Fafo}", "publisher={Fafo},\n  abstract={Rapporten ...}"), "other"),
        # the key's year is not the entry's: not a key Scholar made from this entry
        (SCHOLAR_CITE.replace("year={2020}", "year={2019}"), "other"),
    ],
)
def test_scholars_cite_export_is_recognised_by_its_keys_and_fields(tmp_path, text, source):
    """Scholar gives a report @book, so which tool wrote the file decides how much its types are worth."""
    path = tmp_path / "cite.bib"
    path.write_text(text, encoding="utf-8")
    result = read_file(path)
    assert result.source == source and [r.source for r in result.records] == [source]

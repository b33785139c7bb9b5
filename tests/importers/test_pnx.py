"""Primo PNX JSON: API responses, plain doc lists, $$Q suffixes, peer review, packed dates."""

import pytest

from review.errors import InputError
from review.importers import read_file
from review.importers.pnx import records_from_pnx, strip_subfields
from review.model import Author


def test_search_response(fixture):
    result = read_file(fixture("pnx_response.json"))
    assert (result.format, result.source) == ("pnx-json", "oria")
    article, thesis = result.records
    assert article.title == "Karriereveiledning for flyktninger"
    assert article.authors == [Author("Nordmann", "Kari"), Author("Hansen", "Ola")]
    assert article.year == 2021 and article.peer_reviewed is True and article.doc_type == "article"
    assert article.source_id == "cdi_example_pnx_1" and article.doi == "10.9999/example.pnx.1"
    assert article.venue == "Tidsskrift for eksempelforskning" and article.pages == "101-120"
    assert article.language == "no" and article.issns == ["0000-0019"]
    assert article.fields["display.title"] == ["Karriereveiledning for flyktninger$$QKarriereveiledning"]
    assert article.fields["doc.context"] == ["PC"]
    assert thesis.authors == [Author("Lie", "Per")]  # display.creator with $$Q stripped
    assert (thesis.doc_type, thesis.language, thesis.peer_reviewed, thesis.year) == ("thesis", "sv", None, 2019)
    (problem,) = result.problems
    assert problem.record == 3 and problem.fatal


def test_plain_list_of_docs(fixture):
    result = read_file(fixture("pnx_doclist.json"))
    assert len(result.records) == 1 and result.problems[0].record == 2


def test_records_from_pnx_for_the_search_client():
    docs = [{"pnx": {"display": {"title": ["T"], "creator": ["A, B ; C, D"]}, "addata": {"date": ["19991231"]}}}]
    result = records_from_pnx(docs, "search")
    (record,) = result.records
    assert record.authors == [Author("A", "B"), Author("C", "D")] and record.year == 1999
    assert record.file_name == "search" and record.position == 1


def test_subfields():
    assert strip_subfields("Nordmann, Kari$$QNordmann") == "Nordmann, Kari"
    assert strip_subfields("$$CISSN: $$V0000-0019") == "0000-0019"


@pytest.mark.parametrize("text", ['{"docs": 5}', '{"docs": [', '"text"', "[1, 2"])
def test_bad_json_is_an_input_error(tmp_path, text):
    path = tmp_path / "bad.json"
    path.write_text(text)
    try:
        result = read_file(path)
    except InputError as exc:
        assert "bad.json" in str(exc)
    else:
        assert result.records == [] and result.problems

"""read_file: picking readers, overriding the source, whole-file errors, EndNote XML."""

import pytest

from review.errors import InputError, UnknownFormatError
from review.importers import SUPPORTED_FORMATS, read_file, sniff
from review.model import Author


def test_source_override_applies_to_result_and_records(fixture):
    result = read_file(fixture("ris_oria.ris"), source="scholar")
    assert result.source == "scholar" and {r.source for r in result.records} == {"scholar"}


def test_unknown_source_is_refused(fixture):
    with pytest.raises(InputError, match="unknown source"):
        read_file(fixture("ris_oria.ris"), source="pubmed")


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("export.txt", "TY  - JOUR\nT1  - Tittel\nER  - \n", "ris"),
        ("export.txt", "% note\n@article{k, title={Tittel}}\n", "bibtex"),
        ("export", "Title,Year,Source\nTittel,2020,X\n", "pop-csv_or_csv"),
        ("export.dat", '{"docs": [{"pnx": {"display": {"title": ["Tittel"]}}}]}', "pnx-json"),
    ],
)
def test_content_sniffing_when_the_suffix_says_nothing(tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = read_file(path)
    assert result.records[0].title == "Tittel"
    assert result.format == expected or expected == "pop-csv_or_csv" and result.format == "csv"


def test_unknown_format_lists_supported_ones(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("Just some prose without any structure.\n")
    with pytest.raises(UnknownFormatError) as caught:
        read_file(path)
    for format_id, _, _ in SUPPORTED_FORMATS:
        assert format_id in str(caught.value)
    assert "notes.md" in str(caught.value)


@pytest.mark.parametrize("suffix", [".ris", ".bib", ".csv", ".json", ".html", ".xml", ".txt"])
def test_empty_file_is_an_input_error(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty"):
        read_file(path)


@pytest.mark.parametrize("suffix", [".ris", ".bib", ".csv", ".json", ".html", ".xml"])
def test_binary_file_is_an_input_error(tmp_path, suffix):
    path = tmp_path / f"picture{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary"):
        read_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "gone.ris")


def test_utf16_ris(tmp_path):
    path = tmp_path / "excel.ris"
    path.write_bytes("TY  - JOUR\r\nT1  - Tromsø\r\nER  - \r\n".encode("utf-16"))
    result = read_file(path)
    assert result.encoding == "utf-16" and result.records[0].title == "Tromsø"


def test_sniff_is_safe_on_any_bytes():
    assert sniff(b"") is None
    assert sniff(b"PK\x03\x04rest") == "xlsx"
    assert sniff(b"\xff\xfe" + "TY  - JOUR\n".encode("utf-16-le")) == "ris"


def test_endnote_xml(fixture):
    result = read_file(fixture("endnote_library.xml"))
    assert result.format == "endnote-xml" and result.problems == []
    article, chapter = result.records
    assert article.title == "Karriereveiledning & flyktninger"
    assert article.authors == [Author("Nordmann", "Kari"), Author("Hansen", "Ola")]
    assert (article.venue, article.year, article.doi) == (
        "Tidsskrift for eksempelforskning",
        2021,
        "10.9999/example.enw.1",
    )
    assert (article.doc_type, article.language, article.pages, article.issns) == (
        "article",
        "no",
        "101-120",
        ["0000-0019"],
    )
    assert article.keywords == ["karriereveiledning", "flyktninger"] and article.line == 4
    assert chapter.doc_type == "chapter" and chapter.year == 2018


def test_endnote_xml_entities_are_not_expanded(tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<xml><records><record><titles><title>A &e; B</title></titles></record></records></xml>"
    )
    try:
        result = read_file(path)
    except InputError:
        return
    assert "root:" not in result.records[0].title

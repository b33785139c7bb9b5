"""Fuzzing the importers: whatever bytes a file holds, a reader returns records or raises the
project's own InputError, never another exception.

Hypothesis builds files in the shape of each format (RIS, BibTeX, CSV, Google Scholar HTML) and
then breaks them: unbalanced braces, stray tags, cut-off records, odd line ends, byte-order marks,
cp1252/UTF-16 bytes, control characters, Nordic letters. Each reader module is called directly, so
a bug cannot hide behind the registry's catch-all; the registry (``read_file``) is fuzzed too.
All generated content is synthetic.

Profiles (REVIEW_FUZZ_PROFILE): "ci" (default, 10,000+ cases in total, a few minutes on two cores),
"deep" (ten times more), "smoke" (a quick look while editing).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

importers = pytest.importorskip("review.importers", reason="the importers are not in this tree yet")

from review.errors import InputError  # noqa: E402
from review.importers import bibtex, ris, scholar_html, table  # noqa: E402
from review.model import ImportResult  # noqa: E402

pytestmark = pytest.mark.slow

PROFILES = {"smoke": 1, "ci": 10, "deep": 100}
SCALE = PROFILES[os.environ.get("REVIEW_FUZZ_PROFILE", "ci")]
# Examples per test at scale 1; the ci total over the tests below is 10,250.
BASE_EXAMPLES = {"ris": 300, "bibtex": 250, "csv": 250, "html": 150, "bytes": 75}



@pytest.fixture(scope="session")
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def fuzz_settings(kind: str):
    return settings(max_examples=BASE_EXAMPLES[kind] * SCALE, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# --- text pieces -----------------------------------------------------------------------------------

NORDIC = "æøåÆØÅäöÄÖüéèÞþðÐ"
TRICKY = "\x00\x01\x0b\x0c\x1b\x7f\u00a0\u200b\u2028\u2029\ufeff\ufffd{}\\\"'%@#;,\t<>&=…–—"
PIECES = st.sampled_from(["Nordmann", "Kari", "karriereveiledning", "2019", "10.9999/x.1", "et al", "and",
                          "Tromsø", "Göteborg", "Ålesund", "Ärlig", "https://example.org/a?b=1&c=2", " ", ""])
TEXT = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    st.text(alphabet=NORDIC + TRICKY + "abc XYZ 0123.-", max_size=40),
    st.lists(PIECES, max_size=6).map(" ".join),
)
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@st.composite
def damaged(draw, text: str) -> bytes:
    """Encode a document, then maybe cut it short or splice random bytes into it."""
    data = encode(text, draw(ENCODINGS))
    action = draw(st.sampled_from(["keep", "keep", "truncate", "splice"]))
    if action == "truncate" and data:
        data = data[:draw(st.integers(0, len(data)))]
    elif action == "splice":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=16)) + data[at:]
    return data


# --- RIS -------------------------------------------------------------------------------------------

RIS_TAGS = ["TY", "T1", "TI", "T2", "AU", "A1", "A2", "PY", "Y1", "DA", "JF", "JO", "T3", "SN", "DO", "UR",
            "AB", "N2", "N1", "KW", "LA", "PB", "VL", "IS", "SP", "EP", "ID", "M3", "CY", "ER", "XX", "Z9"]


@st.composite
def ris_documents(draw) -> bytes:
    end = draw(LINE_ENDS)
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        fields = [("TY", draw(st.sampled_from(["JOUR", "RPRT", "BOOK", "THES", "GEN", "", "zz"])))]
        fields += draw(st.lists(st.tuples(st.sampled_from(RIS_TAGS), TEXT), max_size=10))
        if draw(st.booleans()):
            fields.append(("ER", ""))
        for tag, value in fields:
            separator = draw(st.sampled_from(["  - ", "  - ", " - ", "  -", "- "]))
            lines.append(f"{tag}{separator}{value}")
            if draw(st.integers(0, 9)) == 0:
                lines.append(draw(TEXT))  # a continuation or stray line
    return draw(damaged(end.join(lines) + draw(st.sampled_from(["", end]))))


# --- BibTeX ----------------------------------------------------------------------------------------

BIB_FIELDS = ["title", "author", "year", "journal", "booktitle", "publisher", "doi", "url", "abstract",
              "keywords", "note", "isbn", "issn", "pages", "volume", "number", "school", "type", "language"]


@st.composite
def bib_value(draw) -> str:
    text = draw(TEXT)
    style = draw(st.sampled_from(["braces", "quotes", "bare", "nested", "latex", "unbalanced"]))
    if style == "braces":
        return "{" + text + "}"
    if style == "quotes":
        return '"' + text + '"'
    if style == "bare":
        return draw(st.sampled_from(["2019", "jan", "x # y", text[:8]]))
    if style == "nested":
        return "{{" + text + "} {\\o}}"
    if style == "latex":
        return "{" + draw(st.sampled_from(["{\\o}", "{\\aa}", '{\\"o}', "\\&", "\\%", "{\\AE}", "\\'e", "$x^2$",
                                            "\\textit{", "\\"])) + text + "}"
    return draw(st.sampled_from(["{", "}", '"', "{{}"])) + text


@st.composite
def bibtex_documents(draw) -> bytes:
    end = draw(LINE_ENDS)
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["article", "book", "techreport", "phdthesis", "misc", "string", "comment",
                                     "preamble", "ARTICLE", "unknown"]))
        key = draw(st.sampled_from(["nordmann2019", "pop12", "", "a,b", "ø", "k e y"]))
        fields = draw(st.lists(st.tuples(st.sampled_from(BIB_FIELDS + ["", "tITle", "x-y"]), bib_value()),
                               max_size=8))
        body = ("," + end).join(f"  {name} = {value}" for name, value in fields)
        opening, closing = draw(st.sampled_from([("{", "}"), ("(", ")"), ("{", ""), ("{", "}}")]))
        parts.append(f"@{kind}{opening}{key},{end}{body}{end}{closing}")
        if draw(st.integers(0, 4)) == 0:
            parts.append(draw(TEXT))  # text between entries
    return draw(damaged((end * 2).join(parts)))


# --- CSV -------------------------------------------------------------------------------------------

CSV_COLUMNS = ["Cites", "Authors", "Title", "Year", "Source", "Publisher", "ArticleURL", "CitesURL", "GSRank",
               "QueryDate", "Type", "DOI", "ISSN", "CitationURL", "Volume", "Issue", "StartPage", "EndPage",
               "ECC", "CitesPerYear", "CitesPerAuthor", "AuthorCount", "Age", "Abstract", "FullTextURL",
               "RelatedURL", "Tittel", "Forfatter", "År", "Språk", "Fagfellevurdert", "title", ""]


def csv_cell(value: str, delimiter: str) -> str:
    if any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def csv_documents(draw) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    end = draw(LINE_ENDS)
    header = draw(st.lists(st.sampled_from(CSV_COLUMNS), min_size=1, max_size=12))
    rows = [delimiter.join(csv_cell(h, delimiter) for h in header)]
    for _ in range(draw(st.integers(0, 6))):
        width = len(header) + draw(st.integers(-2, 2))  # ragged rows
        cells = [draw(TEXT) for _ in range(max(0, width))]
        quote = draw(st.booleans())
        rows.append(delimiter.join(csv_cell(c, delimiter) if quote else c.replace(delimiter, " ") for c in cells))
    if draw(st.booleans()):
        rows.insert(0, "# SYNTHETIC fuzz data")
    return draw(damaged(end.join(rows) + end))


# --- Google Scholar HTML ---------------------------------------------------------------------------

@st.composite
def scholar_documents(draw) -> bytes:
    results = []
    for _ in range(draw(st.integers(0, 4))):
        title = draw(TEXT)
        marker = draw(st.sampled_from(["", "[PDF] ", "[CITATION] ", "[BOK] ", "[HTML] "]))
        byline = draw(TEXT) + draw(st.sampled_from([" - ", " - 2019 - ", "… - ", ""])) + draw(TEXT)
        link = draw(st.sampled_from(['<a href="https://example.org/x">', "<a>", '<a href="">', ""]))
        cites = draw(st.sampled_from(["", '<a href="/scholar?cites=123">Sitert av 7</a>',
                                      '<a href="/scholar?cluster=9">Alle 3 versjonene</a>',
                                      '<a href="?cites=x">Cited by x</a>']))
        inner = (f'<div class="gs_ri"><h3 class="gs_rt"><span>{marker}</span>{link}{title}</a></h3>'
                 f'<div class="gs_a">{byline}</div><div class="gs_rs">{draw(TEXT)}</div>'
                 f'<div class="gs_fl">{cites}</div></div>')
        if draw(st.integers(0, 5)) == 0:
            inner = inner[:draw(st.integers(0, len(inner)))]  # a cut-off result
        results.append(f'<div class="gs_r gs_or gs_scl" data-cid="{draw(TEXT)}">{inner}</div>')
    head = draw(st.sampled_from(["<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>",
                                 "<html><body>", "", "<!-- SYNTHETIC fuzz data --><html>"]))
    middle = draw(st.sampled_from(["", '<div id="gs_captcha_ccl">robot</div>', "<form id='gs_captcha_f'>",
                                   "<div id='gs_res_ccl_mid'>"]))
    return draw(damaged(head + middle + "".join(results) + draw(st.sampled_from(["</body></html>", "", "</div>"]))))


# --- the property ----------------------------------------------------------------------------------

def read_or_input_error(reader, directory: Path, data: bytes, suffix: str) -> None:
    path = directory / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        result = reader(path)
    except InputError as exc:
        assert path.name in str(exc), f"the message does not name the file: {exc}"
        return
    assert isinstance(result, ImportResult)
    for record in result.records:
        assert isinstance(record.title, str) and isinstance(record.fields, dict)


@fuzz_settings("ris")
@given(ris_documents())
def test_ris_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(ris.read, fuzz_dir, data, ".ris")


@fuzz_settings("bibtex")
@given(bibtex_documents())
def test_bibtex_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(bibtex.read, fuzz_dir, data, ".bib")


@fuzz_settings("csv")
@given(csv_documents())
def test_csv_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(table.read, fuzz_dir, data, ".csv")


@fuzz_settings("html")
@given(scholar_documents())
def test_scholar_html_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(scholar_html.read, fuzz_dir, data, ".html")


@fuzz_settings("bytes")
@given(st.binary(max_size=2000), st.sampled_from([".ris", ".bib", ".csv", ".html", ".txt", ".json", ".xml", ""]))
def test_registry_on_arbitrary_bytes(fuzz_dir, data, suffix):
    read_or_input_error(importers.read_file, fuzz_dir, data, suffix)

"""Fuzzing the importers: whatever bytes a file holds, a reader returns records or raises the
project's own InputError, never another exception.

Hypothesis builds files in the shape of each format (RIS, MEDLINE, BibTeX, CSV, Excel, PNX JSON,
EndNote XML, Google Scholar HTML) and then breaks them: unbalanced braces, stray tags, cut-off
records, odd line ends, byte-order marks, cp1252/UTF-16 bytes, control characters, Nordic letters.
Each reader module is called directly, so a bug cannot hide behind the registry's catch-all, and a
record that the shared normaliser skipped for an internal error fails the test too (that catch-all
keeps one bad record from stopping an import, but must never fire). The registry (``read_file``)
is fuzzed as well. All generated content is synthetic.

Profiles (REVIEW_FUZZ_PROFILE): "ci" (default, 10,000+ cases in total, a few minutes on two cores),
"deep" (ten times more), "smoke" (a quick look while editing).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

importers = pytest.importorskip("review.importers", reason="the importers are not in this tree yet")

from review.errors import InputError  # noqa: E402
from review.importers import bibtex, endnote_xml, medline, pnx, ris, scholar_html, table  # noqa: E402
from review.importers.build import INTERNAL_ERROR  # noqa: E402
from review.importers.mappings import POP_COLUMNS  # noqa: E402
from review.model import ImportResult  # noqa: E402

pytestmark = pytest.mark.slow

PROFILES = {"smoke": 1, "ci": 10, "deep": 100}
SCALE = PROFILES[os.environ.get("REVIEW_FUZZ_PROFILE", "ci")]
# Examples per test at scale 1; the ci total over the tests below is 14,850.
BASE_EXAMPLES = {
    "ris": 300,
    "medline": 100,
    "bibtex": 250,
    "csv": 250,
    "xlsx": 60,
    "pnx": 150,
    "endnote": 150,
    "html": 150,
    "bytes": 75,
}


@pytest.fixture(scope="session")
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def fuzz_settings(kind: str):
    return settings(
        max_examples=BASE_EXAMPLES[kind] * SCALE,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --- text pieces -----------------------------------------------------------------------------------
# Documents are built with a ``random.Random`` that Hypothesis seeds (one draw per case): drawing every
# character through Hypothesis made generation 10x slower than reading. A failure prints the input.

NORDIC = "æøåÆØÅäöÄÖüéèÞþðÐ"
TRICKY = "\x00\x01\x0b\x0c\x1b\x7f\u00a0\u200b\u2028\u2029\ufeff\ufffd{}\\\"'%@#;,\t<>&=…–—\r\n"
WORDS = [
    "Nordmann",
    "Kari",
    "karriereveiledning",
    "2019",
    "10.9999/x.1",
    "et al",
    "and",
    "Tromsø",
    "Göteborg",
    "Ålesund",
    "Ärlig",
    "https://example.org/a?b=1&c=2",
    "SYNTHETIC",
    "",
    " ",
]
LINE_ENDS = ["\n", "\r\n", "\r"]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]


def text(rng: random.Random, size: int = 30) -> str:
    style = rng.randrange(4)
    if style == 0:  # anything in Unicode but surrogates
        return "".join(
            chr(c) for c in (rng.randrange(0x110000) for _ in range(rng.randrange(size))) if not 0xD800 <= c <= 0xDFFF
        )
    if style == 1:
        return "".join(rng.choice(NORDIC + TRICKY + "abc XYZ 0123.-") for _ in range(rng.randrange(size)))
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(6)))


def damaged(rng: random.Random, document: str) -> bytes:
    """Encode a document, then maybe cut it short or splice random bytes into it."""
    data = document.encode(rng.choice(ENCODINGS), errors="replace")
    action = rng.randrange(4)
    if action == 2 and data:
        data = data[: rng.randrange(len(data) + 1)]
    elif action == 3:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.randbytes(rng.randrange(16)) + data[at:]
    return data


def documents(build):
    return st.randoms(use_true_random=True).map(lambda rng: damaged(rng, build(rng)))


# --- RIS -------------------------------------------------------------------------------------------

RIS_TAGS = [
    "TY",
    "T1",
    "TI",
    "T2",
    "AU",
    "A1",
    "A2",
    "PY",
    "Y1",
    "DA",
    "JF",
    "JO",
    "T3",
    "SN",
    "DO",
    "UR",
    "AB",
    "N2",
    "N1",
    "KW",
    "LA",
    "PB",
    "VL",
    "IS",
    "SP",
    "EP",
    "ID",
    "M3",
    "CY",
    "ER",
    "XX",
    "Z9",
]


def ris_document(rng: random.Random) -> str:
    end = rng.choice(LINE_ENDS)
    lines = []
    for _ in range(rng.randrange(6)):
        fields = [("TY", rng.choice(["JOUR", "RPRT", "BOOK", "THES", "GEN", "", "zz"]))]
        fields += [(rng.choice(RIS_TAGS), text(rng)) for _ in range(rng.randrange(11))]
        if rng.random() < 0.7:
            fields.append(("ER", ""))
        for tag, value in fields:
            lines.append(tag + rng.choice(["  - ", "  - ", "  - ", " - ", "  -", "- "]) + value)
            if rng.random() < 0.1:
                lines.append(text(rng))  # a continuation or stray line
    return end.join(lines) + rng.choice(["", end])


# --- BibTeX ----------------------------------------------------------------------------------------

BIB_FIELDS = [
    "title",
    "author",
    "year",
    "journal",
    "booktitle",
    "publisher",
    "doi",
    "url",
    "abstract",
    "keywords",
    "note",
    "isbn",
    "issn",
    "pages",
    "volume",
    "number",
    "school",
    "type",
    "language",
    "",
    "tITle",
    "x-y",
]
LATEX = ["{\\o}", "{\\aa}", '{\\"o}', "\\&", "\\%", "{\\AE}", "\\'e", "$x^2$", "\\textit{", "\\"]


def bib_value(rng: random.Random) -> str:
    value = text(rng)
    style = rng.randrange(6)
    if style == 0:
        return "{" + value + "}"
    if style == 1:
        return '"' + value + '"'
    if style == 2:
        return rng.choice(["2019", "jan", "x # y", value[:8]])
    if style == 3:
        return "{{" + value + "} {\\o}}"
    if style == 4:
        return "{" + rng.choice(LATEX) + value + "}"
    return rng.choice(["{", "}", '"', "{{}"]) + value  # unbalanced


def bibtex_document(rng: random.Random) -> str:
    end = rng.choice(LINE_ENDS)
    parts = []
    for _ in range(rng.randrange(5)):
        kind = rng.choice(
            [
                "article",
                "book",
                "techreport",
                "phdthesis",
                "misc",
                "string",
                "comment",
                "preamble",
                "ARTICLE",
                "unknown",
            ]
        )
        key = rng.choice(["nordmann2019", "pop12", "", "a,b", "ø", "k e y"])
        body = ("," + end).join(f"  {rng.choice(BIB_FIELDS)} = {bib_value(rng)}" for _ in range(rng.randrange(9)))
        opening, closing = rng.choice([("{", "}"), ("(", ")"), ("{", ""), ("{", "}}")])
        parts.append(f"@{kind}{opening}{key},{end}{body}{end}{closing}")
        if rng.random() < 0.2:
            parts.append(text(rng))  # text between entries
    return (end * 2).join(parts)


# --- CSV -------------------------------------------------------------------------------------------

CSV_COLUMNS = [
    *POP_COLUMNS,
    "Tittel",
    "Forfatter",
    "År",
    "Språk",
    "Fagfellevurdert",
    "title",
    "",
]


def csv_cell(value: str, delimiter: str) -> str:
    if any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_document(rng: random.Random) -> str:
    delimiter = rng.choice([",", ";", "\t", "|"])
    end = rng.choice(LINE_ENDS)
    header = [rng.choice(CSV_COLUMNS) for _ in range(1 + rng.randrange(12))]
    rows = [delimiter.join(csv_cell(h, delimiter) for h in header)]
    for _ in range(rng.randrange(7)):
        cells = [text(rng) for _ in range(max(0, len(header) + rng.randint(-2, 2)))]  # ragged rows
        quote = rng.random() < 0.5
        rows.append(delimiter.join(csv_cell(c, delimiter) if quote else c.replace(delimiter, " ") for c in cells))
    if rng.random() < 0.5:
        rows.insert(0, "# SYNTHETIC fuzz data")
    return end.join(rows) + end


# --- Google Scholar HTML ---------------------------------------------------------------------------


def scholar_document(rng: random.Random) -> str:
    results = []
    for _ in range(rng.randrange(5)):
        marker = rng.choice(["", "[PDF] ", "[CITATION] ", "[BOK] ", "[HTML] "])
        byline = text(rng) + rng.choice([" - ", " - 2019 - ", "… - ", ""]) + text(rng)
        link = rng.choice(['<a href="https://example.org/x">', "<a>", '<a href="">', ""])
        cites = rng.choice(
            [
                "",
                '<a href="/scholar?cites=123">Sitert av 7</a>',
                '<a href="/scholar?cluster=9">Alle 3 versjonene</a>',
                '<a href="?cites=x">Cited by x</a>',
            ]
        )
        inner = (
            f'<div class="gs_ri"><h3 class="gs_rt"><span>{marker}</span>{link}{text(rng)}</a></h3>'
            f'<div class="gs_a">{byline}</div><div class="gs_rs">{text(rng)}</div>'
            f'<div class="gs_fl">{cites}</div></div>'
        )
        if rng.random() < 0.2:
            inner = inner[: rng.randrange(len(inner) + 1)]  # a cut-off result
        results.append(f'<div class="gs_r gs_or gs_scl" data-cid="{text(rng, 8)}">{inner}</div>')
    head = rng.choice(
        [
            "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>",
            "<html><body>",
            "",
            "<!-- SYNTHETIC fuzz data --><html>",
        ]
    )
    middle = rng.choice(
        ["", '<div id="gs_captcha_ccl">robot</div>', "<form id='gs_captcha_f'>", "<div id='gs_res_ccl_mid'>"]
    )
    return head + middle + "".join(results) + rng.choice(["</body></html>", "", "</div>"])


# --- MEDLINE / PubMed ------------------------------------------------------------------------------

MEDLINE_TAGS = [
    "PMID",
    "TI",
    "AB",
    "FAU",
    "AU",
    "AD",
    "DP",
    "TA",
    "JT",
    "LID",
    "AID",
    "IS",
    "VI",
    "IP",
    "PG",
    "PT",
    "LA",
    "MH",
    "OT",
    "CN",
    "BTI",
    "SO",
    "XX",
    "STAT",
    "DEP",
]


def medline_document(rng: random.Random) -> str:
    end = rng.choice(LINE_ENDS)
    lines = []
    for _ in range(rng.randrange(5)):
        lines.append(f"PMID- {rng.choice(['12345678', '', 'x', text(rng, 8)])}")
        for _ in range(rng.randrange(12)):
            tag = rng.choice(MEDLINE_TAGS)
            lines.append(f"{tag:<4}- {text(rng)}")
            if rng.random() < 0.2:
                lines.append("      " + text(rng))  # a continuation line
        if rng.random() < 0.7:
            lines.append("")
    return end.join(lines)


# --- Excel -----------------------------------------------------------------------------------------


def xlsx_bytes(rng: random.Random) -> bytes:
    """A workbook written by openpyxl from fuzzed cells, then maybe damaged like the text formats."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    header = [rng.choice(CSV_COLUMNS) for _ in range(1 + rng.randrange(10))]
    sheet.append(header)
    for _ in range(rng.randrange(6)):
        row = []
        for _ in range(len(header) + rng.randint(-2, 2)):
            kind = rng.randrange(5)
            value = text(rng)
            # openpyxl refuses characters that XML 1.0 forbids; a real workbook cannot hold them either.
            value = "".join(
                c
                for c in value
                if c in "\t\n\r" or (ord(c) >= 32 and not 0xD800 <= ord(c) <= 0xDFFF and ord(c) not in (0xFFFE, 0xFFFF))
            )
            row.append([value, rng.randint(-(10**12), 10**12), rng.random() * 3000, None, "=1+1"][kind])
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    action = rng.randrange(4)
    if action == 2:
        data = data[: rng.randrange(len(data) + 1)]
    elif action == 3:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.randbytes(rng.randrange(16)) + data[at:]
    return data


# --- Primo PNX JSON --------------------------------------------------------------------------------

PNX_FIELDS = [
    "display.title",
    "display.creator",
    "display.type",
    "addata.au",
    "addata.date",
    "addata.doi",
    "addata.jtitle",
    "addata.abstract",
    "addata.issn",
    "addata.isbn",
    "addata.spage",
    "addata.epage",
    "control.recordid",
    "display.lds50",
    "facets.language",
    "display.identifier",
    "links.linktorsrc",
]


def pnx_value(rng: random.Random):
    kind = rng.randrange(7)
    if kind == 0:
        return [text(rng) for _ in range(rng.randrange(3))]
    if kind == 1:
        return text(rng) + rng.choice(["$$Q" + text(rng, 5), "$$Cdoi$$V10.9999/x", "$$V", "$$"])
    if kind == 2:
        return rng.choice([None, 0, 1.5, True, {}, [], [None], [1, 2], {"a": [1]}])
    if kind == 3:
        return [rng.choice(["20190115", "2019", "peer_reviewed", "$$Cdoi$$V", "cdi_x"])]
    return [text(rng)]


def pnx_document(rng: random.Random) -> str:
    import json

    docs = []
    for _ in range(rng.randrange(5)):
        pnx_part: dict = {}
        for _ in range(rng.randrange(10)):
            section, _, name = rng.choice(PNX_FIELDS).partition(".")
            pnx_part.setdefault(section, {})[name] = pnx_value(rng)
        if rng.random() < 0.2:
            pnx_part[rng.choice(["display", "addata"])] = pnx_value(rng)  # a section that is not an object
        docs.append(
            rng.choice([{"pnx": pnx_part}, pnx_part, {"pnx": pnx_part, "context": text(rng)}, text(rng), None, 5])
        )
    shape = rng.randrange(4)
    data = {"info": {"total": len(docs)}, "docs": docs} if shape < 2 else docs if shape == 2 else {"docs": text(rng)}
    return json.dumps(data, ensure_ascii=rng.random() < 0.5)


# --- EndNote XML -----------------------------------------------------------------------------------

ENDNOTE_PATHS = [
    "titles/title",
    "contributors/authors/author",
    "dates/year",
    "periodical/full-title",
    "abstract",
    "electronic-resource-num",
    "isbn",
    "accession-num",
    "urls/related-urls/url",
    "keywords/keyword",
    "pages",
    "volume",
    "language",
    "ref-type",
    "titles/secondary-title",
]


def xml_text(rng: random.Random) -> str:
    value = text(rng)
    value = "".join(c for c in value if c in "\t\n\r" or (ord(c) >= 32 and not 0xD800 <= ord(c) <= 0xDFFF))
    if rng.random() < 0.8:
        value = value.replace("&", "&amp;").replace("<", "&lt;")
    return value


def endnote_element(rng: random.Random, path: str) -> str:
    names = path.split("/")
    inner = xml_text(rng)
    if rng.random() < 0.5:
        inner = f'<style face="normal" font="default" size="100%">{inner}</style>'
    attributes = ' name="Journal Article"' if names[-1] == "ref-type" and rng.random() < 0.7 else ""
    opening = "".join(f"<{name}>" for name in names[:-1]) + f"<{names[-1]}{attributes}>"
    return opening + inner + "".join(f"</{name}>" for name in reversed(names))


def endnote_document(rng: random.Random) -> str:
    records = []
    for _ in range(rng.randrange(5)):
        body = "".join(endnote_element(rng, rng.choice(ENDNOTE_PATHS)) for _ in range(rng.randrange(10)))
        records.append(f"<record>{body}</record>")
    declaration = rng.choice(['<?xml version="1.0" encoding="UTF-8" ?>', "", '<?xml version="1.0"?>'])
    document = declaration + rng.choice(["<xml><records>", "<records>", "<xml>"]) + "".join(records)
    return document + rng.choice(["</records></xml>", "</records>", "</xml>", ""])


# --- the property ----------------------------------------------------------------------------------


def read_or_input_error(reader, directory: Path, data: bytes, suffix: str) -> None:
    path = directory / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        result = reader(path)
    except InputError as exc:
        assert path.name in str(exc), f"the message does not name the file: {exc}"
        return
    except Exception as exc:
        raise AssertionError(f"{type(exc).__name__} escaped the reader on input {data[:600]!r}") from exc
    assert isinstance(result, ImportResult)
    for record in result.records:
        assert isinstance(record.title, str) and isinstance(record.fields, dict)
    hidden = [str(problem) for problem in result.problems if problem.message.startswith(INTERNAL_ERROR)]
    assert not hidden, f"a record was skipped for an internal error {hidden} on input {data[:600]!r}"


@fuzz_settings("ris")
@given(documents(ris_document))
def test_ris_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(ris.read, fuzz_dir, data, ".ris")


@fuzz_settings("medline")
@given(documents(medline_document))
def test_medline_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(medline.read, fuzz_dir, data, ".nbib")


@fuzz_settings("xlsx")
@given(st.randoms(use_true_random=True).map(xlsx_bytes))
def test_excel_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(table.read_xlsx, fuzz_dir, data, ".xlsx")


@fuzz_settings("pnx")
@given(documents(pnx_document))
def test_pnx_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(pnx.read, fuzz_dir, data, ".json")


@fuzz_settings("endnote")
@given(documents(endnote_document))
def test_endnote_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(endnote_xml.read, fuzz_dir, data, ".xml")


@fuzz_settings("bibtex")
@given(documents(bibtex_document))
def test_bibtex_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(bibtex.read, fuzz_dir, data, ".bib")


@fuzz_settings("csv")
@given(documents(csv_document))
def test_csv_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(table.read, fuzz_dir, data, ".csv")


@fuzz_settings("html")
@given(documents(scholar_document))
def test_scholar_html_reader_imports_or_raises_input_error(fuzz_dir, data):
    read_or_input_error(scholar_html.read, fuzz_dir, data, ".html")


@fuzz_settings("bytes")
@given(st.binary(max_size=2000), st.sampled_from([".ris", ".bib", ".csv", ".html", ".txt", ".json", ".xml", ""]))
def test_registry_on_arbitrary_bytes(fuzz_dir, data, suffix):
    read_or_input_error(importers.read_file, fuzz_dir, data, suffix)

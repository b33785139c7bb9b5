"""Issue #18: an organisation as author ("Opinion AS", "Kunnskapsdepartementet", "IMDi") is one name.

"Opinion AS" was read as the surname "Opinion" with the initials "AS": the company became a person, so
deduplication took it for a named author. A company's legal form (AS, ASA, A/S, AB, ApS, Oy, …) after a
name makes it an organisation, except where the source writes people as surname plus initials
(PubMed's "Lunde AS"): there "AS" stays initials. Every file here is a small SYNTHETIC export.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from review.importers import read_file
from review.importers.build import split_authors
from review.model import Author
from review.normalise import parse_author

ORGANISATIONS = (
    "Opinion AS",
    "Kunnskapsdepartementet",
    "IMDi",
    "Ideas2evidence ASA",
    "Rambøll Management Consulting A/S",
    "Sweco AB",
    "Oxford Research ApS",
    "Synthetic Analys Oy",
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def names(record) -> list[tuple[str, str]]:
    return [(a.family, a.given) for a in record.authors]


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_an_oria_ris_author_with_a_legal_form_is_one_organisation(tmp_path, name):
    ris = (
        f"TY  - RPRT\nT1  - Synthetic evaluation of career guidance\nAU  - {name}\nPY  - 2017\n"
        "PB  - Opinion\nDB  - Oria\nER  - \n"
    )
    record = read_file(write(tmp_path, "oria.ris", ris), source="oria").records[0]
    assert names(record) == [(name, "")]


def test_an_organisation_beside_people_stays_whole(tmp_path):
    ris = (
        "TY  - RPRT\nT1  - Synthetic report\nAU  - Opinion AS\nAU  - Nordmann, Kari\nAU  - Berg, Ola\n"
        "PY  - 2017\nER  - \n"
    )
    record = read_file(write(tmp_path, "oria.ris", ris), source="oria").records[0]
    assert names(record) == [("Opinion AS", ""), ("Nordmann", "Kari"), ("Berg", "Ola")]


def test_scholar_bibtex_and_publish_or_perish_read_the_company_whole(tmp_path):
    bib = "@book{syn2017,\n  title={Synthetic evaluation},\n  author={Opinion AS},\n  year={2017}\n}\n"
    assert names(read_file(write(tmp_path, "cite.bib", bib), source="scholar").records[0]) == [("Opinion AS", "")]
    pop = (
        "Cites,Authors,Title,Year,Source,Publisher,ArticleURL,CitesURL,GSRank,QueryDate,Type\n"
        '0,"Opinion AS, KA Nordmann",Synthetic evaluation,2017,,,https://example.org/x,'
        "https://scholar.google.com/scholar?cites=1,1,2023-01-10,\n"
    )
    record = read_file(write(tmp_path, "pop.csv", pop), source="scholar").records[0]
    assert names(record) == [("Opinion AS", ""), ("Nordmann", "KA")]


def test_initials_that_spell_a_legal_form_stay_initials_where_names_are_surname_and_initials(tmp_path):
    # A list in surname-plus-initials style (PubMed's AU, Vancouver CSV cells): "AS" and "AB" are initials.
    authors, _ = split_authors(["Lunde AS, Berg O, Smith AB"], "auto")
    assert authors == [Author("Lunde", "AS"), Author("Berg", "O"), Author("Smith", "AB")]
    medline = "PMID- 39990111\nTI  - A synthetic single-author article.\nAU  - Lunde AS\nDP  - 2020\n\n"
    record = read_file(write(tmp_path, "pubmed.nbib", medline)).records[0]
    assert names(record) == [("Lunde", "AS")]
    ovid = "TY  - JOUR\nTI  - A synthetic single-author article\nAU  - Lunde AS\nPY  - 2020\nDB  - Ovid MEDLINE(R)\nER  - \n"
    assert names(read_file(write(tmp_path, "ovid.ris", ovid)).records[0]) == [("Lunde", "AS")]
    pubmed = "PMID,Title,Authors,Journal/Book,Publication Year\n1,T,Lunde AS,Eur J Ex,2020\n"
    assert names(read_file(write(tmp_path, "pubmed.csv", pubmed)).records[0]) == [("Lunde", "AS")]


def test_parse_author_reads_a_legal_form_as_a_company_unless_told_names_are_vancouver():
    assert parse_author("Opinion AS", vancouver=False) == Author("Opinion AS")
    assert parse_author("Smith AB") == Author("Smith", "AB")  # no context: the Vancouver reading, as before
    # Forms that never look like initials name a company in any source.
    assert parse_author("Oxford Research ApS") == Author("Oxford Research ApS")
    assert parse_author("COWI A/S") == Author("COWI A/S")
    assert parse_author("Synthetic Analys Oy") == Author("Synthetic Analys Oy")


def test_the_reference_list_names_the_company_not_a_person_with_initials(tmp_path):
    """What a reader of Vedlegg 1 saw: "Opinion, A. S. (2017)" for the company Opinion AS."""
    from review.reports.references import reference_line

    ris = "TY  - RPRT\nT1  - Synthetic evaluation\nAU  - Opinion AS\nPY  - 2017\nER  - \n"
    record = read_file(write(tmp_path, "oria.ris", ris), source="oria").records[0]
    assert reference_line(record.authors, 2017, record.title) == "Opinion AS (2017). Synthetic evaluation."

"""Issue #19: real exports from the other databases a team searches imported damaged with exit code 0.

One test per reported failure, each on a small synthetic file in the shape of that database's export
(made-up records, DOI prefix 10.9999). The golden tests in test_databases.py check whole files.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from review.dedup.keys import record_keys
from review.importers import read_file
from review.ingest import SearchInfo, import_files
from review.model import Author
from review.normalise import parse_author
from review.store import schema

MEDLINE = """PMID- 39990101
TI  - First synthetic record with a title that goes on
      over two lines.
FAU - Nordmann, Kari
AU  - Nordmann K
FAU - Berg, Ola
AU  - Berg O
DP  - 2020 Jan
JT  - Synthetic journal
LID - 10.9999/sj.2020.1 [doi]

PMID- 39990102
TI  - Second synthetic record.
FAU - Lie, Per
AU  - Lie P
DP  - 2021
AID - S0000-0000(21)00001-1 [pii]
AID - 10.9999/sj.2021.2 [doi]
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def authors(record) -> list[tuple[str, str]]:
    return [(a.family, a.given) for a in record.authors]


def test_a_pubmed_file_is_read_as_medline_one_record_each_with_its_pmid(tmp_path):
    for name in ("pubmed.nbib", "pubmed-export.txt", "saved-as.ris"):
        result = read_file(write(tmp_path, name, MEDLINE))
        assert result.format == "medline" and result.database == "PubMed"
        assert [(r.title, r.year, r.doi, r.source_id) for r in result.records] == [
            (
                "First synthetic record with a title that goes on over two lines.",
                2020,
                "10.9999/sj.2020.1",
                "pmid:39990101",
            ),
            ("Second synthetic record.", 2021, "10.9999/sj.2021.2", "pmid:39990102"),
        ]
        assert authors(result.records[0]) == [("Nordmann", "Kari"), ("Berg", "Ola")]


def test_a_pmid_is_an_identifier_dedup_compares_across_sources(tmp_path):
    nbib = read_file(write(tmp_path, "a.nbib", MEDLINE)).records[0]
    table = read_file(
        write(
            tmp_path,
            "b.csv",
            "PMID,Title,Authors,Journal/Book,Publication Year\n"
            "39990101,Første syntetiske post,Nordmann K,Synthetic journal,2020\n",
        )
    )
    assert record_keys(nbib).source_id == record_keys(table.records[0]).source_id == "pmid:39990101"


def test_ebscohost_ris_gives_the_doi_from_l3(tmp_path):
    ris = (
        "TY  - JOUR\nTI  - Synthetic title\nAU  - Nordmann, Kari\nPY  - 2019\nDB  - ERIC\nDP  - EBSCOhost\n"
        "L3  - 10.9999/nje.2019.045\nER  - \n"
    )
    result = read_file(write(tmp_path, "ebsco.ris", ris))
    assert result.records[0].doi == "10.9999/nje.2019.045"
    assert result.database == "ERIC; EBSCOhost" and result.problems == []


def test_a_doi_found_only_in_a_link_is_kept_and_reported_as_a_guess(tmp_path):
    ris = "TY  - JOUR\nTI  - Synthetic title\nUR  - https://doi.org/10.9999/x.1\nER  - \n"
    result = read_file(write(tmp_path, "generic.ris", ris))
    assert result.records[0].doi == "10.9999/x.1"
    assert [str(p) for p in result.problems] == ["record 1, line 1: no DOI field; the DOI was taken from UR"]


def test_vancouver_names_keep_surname_and_initials_apart():
    assert parse_author("Liu R.") == Author("Liu", "R.")
    assert parse_author("Smith AB") == Author("Smith", "AB")
    assert parse_author("van der Berg JA") == Author("van der Berg", "JA")
    assert parse_author("KA Nordmann") == Author("Nordmann", "KA")
    assert parse_author("Nordmann, Kari") == Author("Nordmann", "Kari")
    assert parse_author("Kari Nordmann") == Author("Nordmann", "Kari")


def test_organisations_stay_whole():
    for name in (
        "Statistisk sentralbyrå",
        "Utlendingsdirektoratet",
        "Synthetic Study Group",
        "Norwegian Directorate of Examples",
    ):
        assert parse_author(name) == Author(name)


def test_csv_cells_of_several_names_are_split(tmp_path):
    csv = (
        'Title,Authors\nOne,"Kari Nordmann, Ola Berg"\nTwo,"Nordmann KA, Berg O, Liu R."\n'
        'Three,"Nordmann, Kari"\nFour,"Nordmann, Kari; Berg, Ola"\n'
    )
    records = read_file(write(tmp_path, "names.csv", csv)).records
    assert [authors(r) for r in records] == [
        [("Nordmann", "Kari"), ("Berg", "Ola")],
        [("Nordmann", "KA"), ("Berg", "O"), ("Liu", "R.")],
        [("Nordmann", "Kari")],
        [("Nordmann", "Kari"), ("Berg", "Ola")],
    ]


def test_database_column_names_are_recognised(tmp_path):
    cases = {
        "embase.csv": 'Title,Author Names,Source title,Publication Year\nT,"Liu R., Berg O.",Eur J Ex,2020\n',
        "pubmed.csv": 'PMID,Title,Authors,Journal/Book,Publication Year\n1,T,"Liu R, Berg O",Eur J Ex,2020\n',
        "ieee.csv": "Document Title,Authors,Publication,Publication Year\nT,R. Liu; O. Berg,Eur J Ex,2020\n",
        "springer.csv": "Item Title,Publication Title,Authors,Publication Year,Item DOI,Content Type\n"
        "T,Eur J Ex,Rui LiuOla Berg,2020,10.9999/x,Article\n",
        "asreview.csv": 'record_id,title,first_authors,publication_year,journal\n1,T,"Liu, R.",2020,Eur J Ex\n',
    }
    for name, text in cases.items():
        record = read_file(write(tmp_path, name, text)).records[0]
        assert record.title == "T" and record.venue == "Eur J Ex" and record.year == 2020, name
        assert record.authors[0].family == "Liu", name
        if name != "asreview.csv":
            assert [a.family for a in record.authors] == ["Liu", "Berg"], name


def test_web_of_science_bibtex_dois_lose_their_escapes(tmp_path):
    bib = "@article{ WOS:000000000000009,\nTitle = {T},\nDOI = {10.9999/978-3-030-1\\_3},\n}\n"
    result = read_file(write(tmp_path, "wos.bib", bib))
    assert result.records[0].doi == "10.9999/978-3-030-1_3" and result.database == "Web of Science"


POP_HEADER = "Cites,Authors,Title,Year,Source,Publisher,ArticleURL,CitesURL,GSRank,QueryDate,Abstract\n"


def test_publish_or_perish_from_another_database_is_not_google_scholar(tmp_path):
    row = (
        "3,K Nordmann,T,2021,Eur J Ex,,https://www.semanticscholar.org/paper/1,,1,2025-01-01,"
        "A full synthetic abstract.\n"
    )
    result = read_file(write(tmp_path, "pop.csv", POP_HEADER + row))
    assert result.source == "other" and result.database == "Semantic Scholar (Publish or Perish)"
    assert result.records[0].abstract_is_snippet is False
    scholar = read_file(
        write(
            tmp_path,
            "pop_gs.csv",
            POP_HEADER
            + row.replace(
                "https://www.semanticscholar.org/paper/1,",
                "https://example.org/1,https://scholar.google.com/scholar?cites=1",
            ),
        )
    )
    assert scholar.source == "scholar" and scholar.records[0].abstract_is_snippet is True


def test_publish_or_perish_csv_and_bibtex_tell_the_database_the_same_way(tmp_path):
    """Both exports are read by one rule: a link names the database; with no link the file is taken as
    Google Scholar's, and the reader says so in a warning (synthetic records)."""
    no_link = read_file(write(tmp_path, "pop.csv", POP_HEADER + "3,K Nordmann,T,2021,Eur J Ex,,,,1,2025-01-01,\n"))
    bib = "@article{pop1,\n title={T},\n author={Nordmann, K},\n year={2021},\n url={%s}\n}\n"
    bib_no_link = read_file(write(tmp_path, "pop.bib", bib.replace(",\n url={%s}", "")))
    bib_link = read_file(write(tmp_path, "pop_s2.bib", bib % "https://www.semanticscholar.org/paper/1"))
    for result in (no_link, bib_no_link):
        assert result.database == "Google Scholar (Publish or Perish)", result.file_name
        assert any("does not show which database it searched" in p.message for p in result.problems), result.file_name
    assert bib_link.database == "Semantic Scholar (Publish or Perish)"
    assert not any("does not show which database" in p.message for p in bib_link.problems)


def test_a_database_name_containing_oria_does_not_make_the_file_oria(tmp_path):
    ris = "TY  - RPRT\nTI  - T\nDB  - University of Pretoria Repository\nER  - \n"
    assert read_file(write(tmp_path, "up.ris", ris)).source == "other"
    assert (
        read_file(write(tmp_path, "oria.ris", ris.replace("University of Pretoria Repository", "Oria"))).source
        == "oria"
    )


def test_a_gbk_file_is_decoded_as_chinese(tmp_path):
    csv = "Title,Authors,Year\n" + "".join(f"难民职业指导研究第{i}部分,王伟; 李娜,202{i}\n" for i in range(4))
    result = read_file(write(tmp_path, "cnki.csv", csv, encoding="gbk"))
    assert result.encoding in ("gbk", "gb18030", "gb2312")
    assert result.records[0].title == "难民职业指导研究第0部分"


def test_untitled_records_with_a_doi_are_kept_st_is_a_title_and_jats_is_removed(tmp_path):
    ris = (
        "TY  - JOUR\nDO  - 10.9999/x.2\nAB  - <jats:p>Synthetic <jats:italic>abstract</jats:italic>.</jats:p>\n"
        "ER  - \nTY  - CHAP\nST  - Short title\nER  - \nTY  - JOUR\nPY  - 2020\nER  - \n"
    )
    result = read_file(write(tmp_path, "odd.ris", ris))
    assert [(r.title, r.doi, r.abstract) for r in result.records] == [
        ("", "10.9999/x.2", "Synthetic abstract ."),
        ("Short title", None, None),
    ]
    assert [str(p) for p in result.problems] == [
        "record 1, line 1: the record has no title; kept for its DOI",
        "record 1, line 1: markup (JATS or HTML tags) removed from the abstract",
        "record 2, line 5: no title; the ST field was used as the title",
        "record 3, line 8: the record has no title, DOI or abstract and was skipped",
    ]


@pytest.mark.slow
def test_the_cli_prints_each_problem_naming_file_record_and_line_and_stores_the_database(tmp_path, review_dir):
    path = write(
        tmp_path,
        "ebsco.ris",
        "TY  - JOUR\nTI  - T\nDB  - ERIC\nDP  - EBSCOhost\nM3  - 10.9999/y\nER  - \nTY  - JOUR\nER  - \n",
    )
    out = subprocess.run(
        [sys.executable, "-m", "review", "import", str(review_dir), str(path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent.parent,
    )
    assert out.returncode == 0, out.stderr
    assert "Warning: ebsco.ris, record 1, line 1: no DOI field; the DOI was taken from M3" in out.stdout
    assert "Skipped: ebsco.ris, record 2, line 7: the record has no title, DOI or abstract" in out.stdout
    assert "(ERIC; EBSCOhost)" in out.stdout


def test_the_database_is_recorded_on_the_import(tmp_path, store, protocol):
    import_files(store, protocol, [write(tmp_path, "a.nbib", MEDLINE)], SearchInfo())
    with store.read() as conn:
        row = conn.execute(select(schema.imports.c.source, schema.imports.c.database)).one()
        problems = conn.execute(select(schema.imports.c.problems)).scalar()
    assert tuple(row) == ("other", "PubMed") and json.loads(problems) == []


def test_a_store_made_before_the_database_column_gains_it(tmp_path):
    """The migration adds imports.database to a store whose imports table was made without it."""
    from sqlalchemy import create_engine, inspect, text

    from review.store import migrations

    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    position = migrations.MIGRATIONS.index(migrations._add_import_database)
    with engine.begin() as conn:
        schema.metadata.create_all(conn, tables=[schema.schema_version])
        for version, step in enumerate(migrations.MIGRATIONS[:position], start=1):
            step(conn)
            conn.execute(schema.schema_version.insert().values(version=version, applied_at="2026-01-01"))
        conn.execute(text("ALTER TABLE imports DROP COLUMN database"))  # as the previous version made it
        assert "database" not in {c["name"] for c in inspect(conn).get_columns("imports")}
        migrations.upgrade(conn)
        assert "database" in {c["name"] for c in inspect(conn).get_columns("imports")}


def test_each_repaired_line_is_a_problem_line(tmp_path):
    ris = "TY  - JOUR\nTI  - TromsÃ¸ og BodÃ¸\nAU  - SÃ¸rensen, Ã…se\nER  - \n"
    result = read_file(write(tmp_path, "mojibake.ris", ris))
    assert result.records[0].title == "Tromsø og Bodø" and result.repaired_mojibake == 2
    assert [str(p) for p in result.problems] == [
        'line 2: double-encoded UTF-8 repaired (such as "Ã¸" for "ø")',
        'line 3: double-encoded UTF-8 repaired (such as "Ã¸" for "ø")',
    ]


def test_a_value_cut_to_its_column_width_is_reported(tmp_path):
    ris = "TY  - JOUR\nTI  - T\nVL  - " + "9" * 60 + "\nER  - \n"
    result = read_file(write(tmp_path, "long.ris", ris))
    assert result.records[0].volume == "9" * 50
    assert [str(p) for p in result.problems] == [
        "record 1, line 1: volume cut to 50 characters (the whole value is kept with the record)"
    ]

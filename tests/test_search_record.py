"""The search record (PRISMA-S) as a user builds it with `review import`, and a store made before search
records existed. The export files are the synthetic fixtures under tests/fixtures."""

import sqlite3

import pytest
from sqlalchemy import text

from review.cli import main
from review.store import open_store
from review.store.migrations import MIGRATIONS
from tests.conftest import REPO
from tests.importers.test_bibtex import SCHOLAR_CITE

FIXTURES = REPO / "tests" / "fixtures"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def review(tmp_path, capsys):
    path = tmp_path / "r"
    run(capsys, "init", path)
    return path


def searches(review):
    with sqlite3.connect(review / "review.sqlite") as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute("select * from searches order by id")]


def test_an_import_without_query_is_not_recorded_never_the_protocols_string(review, capsys):
    code, _, err = run(
        capsys,
        "import",
        review,
        FIXTURES / "scholar_results.html",
        "--source",
        "scholar",
        "--family",
        "no",
        "--hits",
        "146",
        "--searched",
        "2022-09-26",
    )
    assert code == 0, err
    [search] = searches(review)
    assert search["query"] is None and search["query_origin"] == "not recorded"
    assert search["hits"] == 146  # the hit count the source reported, in its own column
    assert search["filters"] is None  # ... and not inside the filters
    with sqlite3.connect(review / "review.sqlite") as db:
        assert db.execute("select query, filters from imports").fetchone() == (None, None)
        assert db.execute("select count(*) from raw_records where query is not null").fetchone() == (0,)
    out = review / "log.csv"
    assert run(capsys, "export", review, "search-log", "-o", out)[0] == 0
    import csv

    rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    ran = [r for r in rows if r["files"]]
    assert len(ran) == 1 and ran[0]["query"] == "not recorded" and ran[0]["query_recorded"] == "not recorded"
    assert ran[0]["hits"] == "146" and "146" not in ran[0]["filters"]
    assert ran[0]["interface"] == "Google Scholar web interface"


def test_the_facts_a_methods_section_needs_are_stored(review, capsys):
    code, _, err = run(
        capsys,
        "import",
        review,
        FIXTURES / "ris_oria.ris",
        FIXTURES / "ris_cp1252.ris",
        "--source",
        "oria",
        "--family",
        "no",
        "--query",
        "karriereveiledning* AND flyktning*",
        "--searched",
        "2022-09-26",
        "--filters",
        "Utgivelsesår 2016–2022; uten studentoppgaver",
        "--hits",
        "105",
        "--setting",
        "view=47BIBSYS_NETWORK:Oria",
        "--setting",
        "expanded=no",
        "--setting",
        "tab=Everything",
        "--setting",
        "scope=MyInst_and_CI",
        "--run-by",
        "Anna",
    )
    assert code == 0, err
    [search] = searches(review)  # two files given together are one search
    assert search["database"] == "Oria" and search["interface"] == "oria-web"
    assert search["query"] == "karriereveiledning* AND flyktning*" and search["query_origin"] == "as run"
    assert (search["searched"], search["hits"], search["run_by"]) == ("2022-09-26", 105, "Anna")
    assert search["filters"] == "Utgivelsesår 2016–2022; uten studentoppgaver"
    import json

    assert json.loads(search["settings"]) == {
        "view": "47BIBSYS_NETWORK:Oria",
        "expanded": "no",
        "tab": "Everything",
        "scope": "MyInst_and_CI",
    }
    with sqlite3.connect(review / "review.sqlite") as db:
        assert db.execute("select count(distinct search_id), sum(n_records) from imports").fetchone() == (1, 4)


def test_publish_or_perish_is_recognised_and_its_settings_checked(review, capsys):
    code, _, err = run(
        capsys,
        "import",
        review,
        FIXTURES / "pop_26col.csv",
        "--source",
        "scholar",
        "--family",
        "no",
        "--setting",
        "version=8.12.4612",
        "--setting",
        "source=Google Scholar",
    )
    assert code == 0, err
    [search] = searches(review)
    # The database as the file names it (the importer's reading), the interface from the file's layout.
    assert search["database"].startswith("Google Scholar") and search["interface"] == "pop"
    code, _, err = run(capsys, "import", review, FIXTURES / "pop_11col.csv", "--family", "no", "--setting", "veiw=x")
    assert code == 1 and "no setting 'veiw'" in err and "version, source, max_results" in err
    assert len(searches(review)) == 1  # nothing stored by the refused import


def test_a_store_made_before_search_records_gets_one_search_per_import(tmp_path):
    review = tmp_path / "old"
    main(["init", str(review)])
    (review / "review.sqlite").unlink()
    # The previous version's store: migration 1 only, with an import as that version stored it
    # (the protocol's string filled in, the hit count inside the filters).
    from sqlalchemy import create_engine

    from review.store import schema
    from review.timeutil import now_iso

    engine = create_engine(f"sqlite:///{review / 'review.sqlite'}")
    with engine.begin() as conn:
        schema.metadata.create_all(conn, tables=[schema.schema_version])
        conn.execute(
            text(
                "CREATE TABLE rounds (id INTEGER PRIMARY KEY, label VARCHAR(100) NOT NULL, "
                "year_from INTEGER NOT NULL, year_to INTEGER NOT NULL, opened_at VARCHAR(32) NOT NULL)"
            )
        )
        old_imports = [c for c in schema.imports.columns if c.name != "search_id"]
        cols = ", ".join(c.name for c in old_imports)
        conn.execute(text(f"CREATE TABLE imports ({cols})"))
        conn.execute(text("INSERT INTO rounds VALUES (1, 'Round 1', 2016, 2022, :t)"), {"t": now_iso()})
        conn.execute(
            text(
                "INSERT INTO imports (id, round_id, file_name, file_hash, format, source, family, query, "
                "searched, filters, encoding, repaired_mojibake, n_records, n_problems, problems, "
                "imported_at) VALUES (1, 1, 'no.ris', 'h', 'ris', 'oria', 'no', 'karriereveiledning*', "
                "'2022-09-26', '{\"text\": \"2016-2022\", \"hits\": 105}', 'utf-8', 0, 3, 0, '[]', :t)"
            ),
            {"t": now_iso()},
        )
        conn.execute(text("INSERT INTO schema_version VALUES (1, :t)"), {"t": now_iso()})
    engine.dispose()
    # Only the tables migration 2 touches exist; the rest of v1 is not needed to check this step.
    from review.store.migrations import _add_search_records

    engine = create_engine(f"sqlite:///{review / 'review.sqlite'}")
    with engine.begin() as conn:
        _add_search_records(conn)
        row = conn.execute(text("select query, query_origin, hits, filters, interface from searches")).one()
        linked = conn.execute(text("select search_id from imports")).scalar_one()
    engine.dispose()
    assert row == ("karriereveiledning*", "recorded before search records", 105, "2016-2022", "oria-web")
    assert linked == 1
    assert _add_search_records in MIGRATIONS


def test_a_fresh_store_and_a_reopened_one_have_the_search_table(tmp_path):
    main(["init", str(tmp_path / "r")])
    for _ in range(2):
        store = open_store(tmp_path / "r")
        with store.read() as conn:
            assert conn.execute(text("select count(*) from searches")).scalar_one() == 0
        store.close()


def test_a_manifest_entry_carries_the_whole_search_record(review, capsys, tmp_path):
    import shutil

    shutil.copy(FIXTURES / "pop_26col.csv", tmp_path / "no_pop.csv")
    manifest = tmp_path / "searches.toml"
    manifest.write_text(
        """[[search]]
file = "no_pop.csv"
source = "scholar"
family = "no"
query = "karriereveiledning flyktning"
searched = "2025-10-14"
hits = 146
interface = "pop"
run_by = "Bjørn"
settings = { version = "8.12.4612", source = "Google Scholar" }
""",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "update", review, "--years", "2023-2025", "--manifest", manifest)
    assert code == 0, err
    [search] = searches(review)
    assert (search["round_id"], search["interface"], search["run_by"], search["hits"]) == (2, "pop", "Bjørn", 146)
    import json

    assert json.loads(search["settings"]) == {"version": "8.12.4612", "source": "Google Scholar"}


def test_a_string_from_before_search_records_is_flagged_in_the_appendix():
    from review.reports.search_appendix import _row
    from review.searches import SearchRecord

    legacy = SearchRecord(
        id=1,
        round_id=1,
        round_label="Round 1",
        family="no",
        source="oria",
        database="Oria",
        interface="oria-web",
        settings={},
        query="karriereveiledning*",
        query_origin="recorded before search records",
        searched=None,
        filters=None,
        hits=None,
        records=3,
        files=["no.ris"],
        run_by=None,
        method="export",
        reuses=None,
        notes=None,
    )
    assert _row(legacy)[4] == (
        "karriereveiledning* [recorded before search records: may be the protocol's string; check]"
    )
    legacy.query_origin = "as run"
    assert _row(legacy)[4] == "karriereveiledning*"


# Scholar's Cite entry with its key renamed, as a reference manager does: the file alone no longer says Scholar
SCHOLAR_BOOK = SCHOLAR_CITE.replace("nordmann2020evaluering", "report1")


@pytest.mark.parametrize(
    ("options", "source"),
    [
        ((), "other"),  # nothing in the file or the command says where it came from
        (("--interface", "scholar-web"), "scholar"),
        (("--database", "Google Scholar"), "scholar"),
        (("--interface", "pop"), "scholar"),
        (("--interface", "pop", "--setting", "source=Crossref"), "other"),
        (("--interface", "oria-web"), "oria"),
        (("--interface", "scholar-web", "--source", "other"), "other"),  # said outright, it stands
    ],
)
def test_the_search_a_file_came_from_names_its_source(review, capsys, tmp_path, options, source):
    """A Scholar BibTeX file whose keys were renamed cannot be recognised; when the person says it was a Scholar
    search, its records are Scholar's, whose @book is a guess: the dedup rules must know it."""
    path = tmp_path / "scholar.bib"
    path.write_text(SCHOLAR_BOOK, encoding="utf-8")
    code, out, err = run(capsys, "import", review, path, "--family", "no", *options)
    assert code == 0, err
    assert f"source {source}," in out
    with sqlite3.connect(review / "review.sqlite") as db:
        assert db.execute("select distinct source from raw_records").fetchall() == [(source,)]

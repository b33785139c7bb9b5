"""Synthetic stand-in records (issue 24): the file's mark is read at import, kept through the store and
its migration, never lends a value to a real work, and shows on the screening card."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from review.dedup.best import best_fields, counting_family
from review.model import Author, RawRecord
from review.store.migrations import MIGRATIONS, _add_synthetic_marks
from review.synthetic import MARKER_NOTE, fields_say_synthetic
from review.ui.cards import plain_work_line, work_card_html
from review.ui.highlight import TermMatcher


def record(**kw) -> RawRecord:
    base = dict(
        source="oria",
        title="Karriereveiledning for NAV-brukere",
        authors=[Author("Kjærgård", "R.")],
        year=2019,
        doc_type="report",
        publisher="Universitetet i Sørøst-Norge",
    )
    base.update(kw)
    return RawRecord(**base)


def test_the_marks_the_bundled_files_use_are_recognised():
    assert fields_say_synthetic({"N1": [MARKER_NOTE + ": et tidligere funnet verk"]})  # RIS
    assert fields_say_synthetic({"Note": [MARKER_NOTE]})  # Publish or Perish CSV, extra column
    assert fields_say_synthetic({"data-synthetic": ["1"]})  # saved Scholar page
    assert fields_say_synthetic({"note": ["Synthetic stand-in record (not a real publication)"]})  # our BibTeX
    assert fields_say_synthetic({"synthetic": ["1"]})  # our tabular exports
    assert not fields_say_synthetic({"N1": ["Fafo-rapport 2023:08 (metadata syntetisk)"], "synthetic": ["0"]})
    assert not fields_say_synthetic({"T1": ["A synthetic stand-in record of a title"]})  # only notes count


def test_a_real_record_wins_every_field_over_a_stand_in():
    real = record()
    fake = record(
        doi="10.5555/update.usn.2019.nav",
        isbns=["9788299900000"],
        url="https://example.org/x",
        abstract="Made up.",
        synthetic=True,
    )
    best = best_fields([fake, real])
    assert best["doi"] is None and best["isbns"] == "[]" and best["url"] is None and best["abstract"] is None
    assert best["synthetic"] is False
    assert best_fields([fake])["synthetic"] is True and best_fields([fake])["doi"] == "10.5555/update.usn.2019.nav"
    fake.family, real.family = "no", "sv"
    assert counting_family([fake, real], ["no", "sv"]) == "sv" and counting_family([fake], ["no", "sv"]) == "no"


def test_the_card_and_list_line_label_a_stand_in():
    view = {
        "id": 3,
        "title": "Tittel",
        "authors": [["Berg", "Nils"]],
        "year": 2020,
        "families": ["no"],
        "sources": ["oria"],
        "records": [{}],
        "doc_type": "report",
        "synthetic": True,
    }
    matcher = TermMatcher([])
    assert "SYNTHETIC: a made-up stand-in record" in work_card_html(view, matcher)
    assert plain_work_line(view).startswith("#3 [SYNTHETIC] Tittel")
    view["synthetic"] = False
    assert "SYNTHETIC" not in work_card_html(view, matcher) + plain_work_line(view)


def test_a_store_from_before_the_mark_gets_it_from_the_imported_fields(tmp_path):
    from review.cli import main
    from review.store import open_store

    review = tmp_path / "r"
    assert main(["init", str(review)]) == 0
    ris = tmp_path / "a.ris"
    ris.write_text(
        "TY  - RPRT\nT1  - Ekte rapport\nAU  - Berg, Nils\nPY  - 2020\nID  - alma991\nER  - \n\n"
        "TY  - RPRT\nT1  - Oppdiktet rapport\nAU  - Dahl, Kari\nPY  - 2021\nID  - alma992\n"
        f"N1  - {MARKER_NOTE}\nER  - \n",
        encoding="utf-8",
    )
    assert main(["import", str(review), str(ris), "--family", "no"]) == 0
    assert main(["dedup", str(review)]) == 0
    db = next(Path(review).glob("*.sqlite"))
    version = MIGRATIONS.index(_add_synthetic_marks) + 1
    with sqlite3.connect(db) as conn:  # make it look like a store written before the migration
        conn.execute("alter table raw_records drop column synthetic")
        conn.execute("alter table works drop column synthetic")
        conn.execute("delete from schema_version where version >= ?", (version,))
    open_store(review).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("select title, synthetic from raw_records order by id").fetchall() == [
            ("Ekte rapport", 0),
            ("Oppdiktet rapport", 1),
        ]
        assert conn.execute("select title, synthetic from works order by id").fetchall() == [
            ("Ekte rapport", 0),
            ("Oppdiktet rapport", 1),
        ]

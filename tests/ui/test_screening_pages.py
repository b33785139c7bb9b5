"""Issue #16 (page half) and #25 (key bounce) through Streamlit's AppTest: nothing typed beside a
decision is lost, going back shows what was there, notes are seen, any work can be opened from a list,
maybes wait in their own queue, import feedback is honest, ranked order never blocks the page, and a
press names the work it was drawn for. All records are synthetic."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from review.protocol import load_protocol
from review.store import schema
from screening.decisions import Decision, history, record
from tests.conftest import set_stage_mode
from tests.ui.conftest import card, decide_button, no_errors, plain, press

pytestmark = pytest.mark.slow  # every test drives the app in Streamlit's AppTest: seconds each

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REASON = "Ikke karriereveiledning"


def shown_work(at) -> int:
    return int(re.search(r'data-work="(\d+)"', card(at)).group(1))


def texts(at) -> list[str]:
    return [t.value for t in at.text]


def include(store, protocol, work_id, *stages, reviewer="Anna"):
    for stage in stages:
        record(store, protocol, Decision(work_id=work_id, stage=stage, decision="include", reviewer=reviewer))


# ---- Save with the decision -------------------------------------------------------------------


def test_stage2_ratings_typed_but_not_saved_are_stored_with_the_include(app, store, protocol, works):
    include(store, protocol, works[0], 1)
    at = app("Anna", "fulltext")
    assert shown_work(at) == works[0]
    for criterion in protocol.quality_criteria:
        at.radio(key=f"q_{works[0]}_{criterion.id}").set_value("yes")
    at.text_input(key=f"qn_{works[0]}_validity").input("synthetic rating note")
    press(at, 2, "include")  # no "Save ratings" first
    no_errors(at)
    with store.read() as conn:
        ratings = conn.execute(select(schema.quality_ratings)).all()
        decisions = history(conn, works[0], 2)
    assert len(ratings) == 6 and {r.rating for r in ratings} == {"yes"}
    assert {r.note for r in ratings if r.criterion == "validity"} == {"synthetic rating note"}
    assert [d["decision"] for d in decisions] == ["include"]
    assert not at.warning  # the include saw the ratings stored beside it: no "no quality ratings" flag


def test_a_refused_press_stores_neither_the_decision_nor_the_ratings_and_keeps_the_form(app, store, protocol, works):
    include(store, protocol, works[0], 1)
    at = app("Anna", "fulltext")
    criterion = protocol.quality_criteria[0].id
    at.radio(key=f"q_{works[0]}_{criterion}").set_value("no")
    press(at, 2, "exclude")  # stage 2 needs a reason to exclude
    assert any("needs a reason" in e.value for e in at.error)
    with store.read() as conn:
        assert conn.execute(select(schema.quality_ratings)).all() == []
        assert history(conn, works[0], 2) == []
    assert at.radio(key=f"q_{works[0]}_{criterion}").value == "no"


def test_stage3_summary_typed_but_not_saved_is_stored_with_the_include(app, store, protocol, works):
    include(store, protocol, works[0], 1, 2)
    at = app("Anna", "final")
    w = works[0]
    at.text_area(key=f"sum_aim_{w}").input("Synthetic aim")
    at.text_area(key=f"sum_findings_{w}").input("Synthetic findings")
    press(at, 3, "include")
    no_errors(at)
    with store.read() as conn:
        rows = conn.execute(select(schema.summaries)).all()
    assert [(r.aim, r.method, r.findings, r.author) for r in rows] == [
        ("Synthetic aim", "", "Synthetic findings", "Anna")
    ]
    at.button(key="s3_undo").click().run()  # back to it and decide again unchanged: no second version
    press(at, 3, "include")
    with store.read() as conn:
        assert len(conn.execute(select(schema.summaries)).all()) == 1


# ---- Going back shows what was there; notes are visible ---------------------------------------


def test_undo_fills_in_the_earlier_reasons_and_note_and_deciding_again_keeps_them(app, store, works):
    at = app("Anna", "screening")
    at.multiselect(key="s1_reasons").select(REASON).run()
    at.text_input(key="s1_note").input("synthetic: only about schools").run()
    press(at, 1, "exclude")
    assert shown_work(at) == works[1]
    at.button(key="s1_undo").click().run()
    no_errors(at)
    assert shown_work(at) == works[0]
    assert at.multiselect(key="s1_reasons").value == [REASON]
    assert at.text_input(key="s1_note").value == "synthetic: only about schools"
    assert f"Your decision: exclude ({REASON}), note: synthetic: only about schools" in texts(at)
    press(at, 1, "exclude")  # unchanged
    with store.read() as conn:
        rows = history(conn, works[0], 1)
    assert [(r["decision"], r["reasons"], r["note"]) for r in rows] == [
        ("exclude", f'["{REASON}"]', "synthetic: only about schools")
    ] * 2


def test_notes_show_to_the_other_reviewer_once_both_voted_and_in_the_conflict_queue(app, review_dir, store, works):
    set_stage_mode(review_dir, 1, "dual")
    protocol = load_protocol(review_dir)
    record(
        store,
        protocol,
        Decision(
            work_id=works[0],
            stage=1,
            decision="exclude",
            reviewer="Bjørn",
            reasons=[REASON],
            note="synthetic note by Bjørn",
        ),
    )
    at = app("Anna", "screening")
    assert not any("synthetic note by Bjørn" in t for t in texts(at))  # blinded until Anna votes
    press(at, 1, "include")
    at.button(key="s1_undo").click().run()
    assert f"Bjørn voted: exclude ({REASON}), note: synthetic note by Bjørn" in texts(at)
    conflicts = no_errors(app("Anna", "conflicts"))
    assert f"Bjørn: exclude ({REASON})\n    Note: synthetic note by Bjørn" in texts(conflicts)


# ---- A list of works per stage -----------------------------------------------------------------


def test_the_list_finds_a_work_by_title_and_opens_it_to_change_the_decision(app, store, protocol, works):
    for w in works[:6]:
        record(store, protocol, Decision(work_id=w, stage=1, decision="include", reviewer="Anna"))
    at = app("Anna", "works")
    no_errors(at)
    at.text_input(key="list_text").input("nummer 2").run()
    assert list(at.dataframe[0].value["#"]) == [works[1]]
    at.text_input(key="list_text").input("").run()
    at.selectbox(key="list_status").set_value("open").run()
    assert list(at.dataframe[0].value["#"]) == works[6:]
    at.selectbox(key="list_status").set_value(None).run()
    at.selectbox(key="list_pick").set_value(works[1]).run()
    at.button(key="list_open").click().run()
    no_errors(at)
    assert shown_work(at) == works[1]  # five decisions back, without pressing U five times
    at.switch_page("views/screening.py")  # AppTest keeps its own page for later runs; the browser stays here
    press(at, 1, "exclude")
    no_errors(at)
    with store.read() as conn:
        assert [r["decision"] for r in history(conn, works[1], 1)] == ["include", "exclude"]
    assert shown_work(at) == works[6]  # and on with the queue


def test_the_list_filters_by_reviewer_maybe_and_conflict_without_showing_blinded_votes(app, review_dir, store, works):
    set_stage_mode(review_dir, 1, "dual")
    protocol = load_protocol(review_dir)
    votes = {works[0]: ("include", "exclude"), works[1]: ("maybe", None), works[2]: (None, "exclude")}
    for w, (anna, bjorn) in votes.items():
        if anna:
            record(store, protocol, Decision(work_id=w, stage=1, decision=anna, reviewer="Anna"))
        if bjorn:
            record(store, protocol, Decision(work_id=w, stage=1, decision=bjorn, reviewer="Bjørn", reasons=[REASON]))
    at = app("Anna", "works")
    at.checkbox(key="list_conflict").check().run()
    assert list(at.dataframe[0].value["#"]) == [works[0]]
    at.checkbox(key="list_conflict").uncheck().run()
    at.checkbox(key="list_maybe").check().run()
    assert list(at.dataframe[0].value["#"]) == [works[1]]
    at.checkbox(key="list_maybe").uncheck().run()
    at.selectbox(key="list_reviewer").set_value("Bjørn").run()
    assert list(at.dataframe[0].value["#"]) == [works[0]]  # Bjørn's vote on works[2] is still blind to Anna


# ---- Maybe is not decided ----------------------------------------------------------------------


def test_maybes_wait_in_their_own_queue_and_the_stage_is_never_done_while_any_remain(app, store, protocol, works):
    for w in works[1:]:
        record(store, protocol, Decision(work_id=w, stage=1, decision="include", reviewer="Anna"))
    at = app("Anna", "screening")
    press(at, 1, "maybe")
    no_errors(at)
    assert not any("Nothing left" in s.value for s in at.success)
    assert any("1 work(s) you marked maybe still wait" in i.value for i in at.info)
    at.button(key="s1_to_maybes").click().run()
    no_errors(at)
    assert shown_work(at) == works[0]
    assert any("1 work(s) you marked maybe wait" in c.value for c in at.caption)
    press(at, 1, "include")
    no_errors(at)
    assert any("Nothing left" in s.value for s in at.success)


def test_stage2_offers_the_maybes_too(app, store, protocol, works):
    include(store, protocol, works[0], 1)
    record(store, protocol, Decision(work_id=works[0], stage=2, decision="maybe", reviewer="Anna"))
    at = app("Anna", "fulltext")
    no_errors(at)
    assert not any("No open works" in s.value for s in at.success)
    at.button(key="s2_to_maybes").click().run()
    assert shown_work(at) == works[0]


# ---- Key bounce: a press names the work it was drawn for ---------------------------------------


def test_a_press_that_left_before_the_next_work_was_drawn_is_ignored(app, store, works):
    at = app("Anna", "screening")
    first = decide_button(at, 1, "include")
    first.click().run()  # decides works[0]; the page now shows works[1]
    assert shown_work(at) == works[1]
    first.click().run()  # the same button again: a bounce the browser sent before it drew works[1]
    no_errors(at)
    with store.read() as conn:
        assert [r["decision"] for r in history(conn, works[0], 1)] == ["include"]
        assert history(conn, works[1], 1) == []
    assert shown_work(at) == works[1]


# ---- Import feedback ---------------------------------------------------------------------------


def test_a_refused_multi_file_upload_names_the_files_keeps_the_form_and_leaves_no_file(app, review_dir, store):
    at = app("Anna", "import_files")
    at.file_uploader(key="import_files").upload("ris_oria.ris", (FIXTURES / "ris_oria.ris").read_bytes(), "text/plain")
    at.file_uploader(key="import_files").upload("notes.txt", b"just some text, not an export\n", "text/plain")
    at.selectbox(key="import_family").set_value("sv")
    at.text_area(key="import_query").input("synthetic query")
    at.button(key="FormSubmitter:import_form-Import").click().run()
    assert not at.exception
    message = plain(at.error[0].value)
    assert "none of these files was stored: ris_oria.ris, notes.txt" in message
    assert "notes.txt: the file format was not recognised" in message
    uploads = review_dir / "exports" / "uploads"
    assert not uploads.exists() or list(uploads.iterdir()) == []
    assert at.selectbox(key="import_family").value == "sv"
    assert at.text_area(key="import_query").value == "synthetic query"
    with store.read() as conn:
        assert conn.execute(select(schema.imports.c.id)).scalars().all() == [1]


def test_a_clean_file_is_a_success_and_a_repaired_one_a_warning_with_the_count(app):
    at = app("Anna", "import_files")
    for name in ("ris_oria.ris", "ris_mojibake.ris"):
        at.file_uploader(key="import_files").upload(name, (FIXTURES / name).read_bytes(), "text/plain")
    at.button(key="FormSubmitter:import_form-Import").click().run()
    no_errors(at)
    assert any(plain(s.value).startswith("ris_oria.ris:") for s in at.success)
    warned = [plain(w.value) for w in at.warning if plain(w.value).startswith("ris_mojibake.ris:")]
    assert len(warned) == 1 and re.search(r"\d+ double-encoded value\(s\) repaired", warned[0])
    assert not any(plain(s.value).startswith("ris_mojibake.ris:") for s in at.success)


# ---- Ranked order never blocks the page --------------------------------------------------------


def test_switching_to_ranked_draws_the_page_at_once_in_random_order(app, store, works, monkeypatch):
    import screening.ranked as ranked

    release = threading.Event()
    real = ranked.background_ranker

    def slow(*args, **kwargs):  # stands in for the seconds of importing the model library
        release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(ranked, "background_ranker", slow)
    try:
        at = app("Anna", "screening")
        at.segmented_control(key="s1_order").set_value("ranked").run(timeout=20)
        no_errors(at)
        assert any("Random order until the model is ready" in plain(c.value) for c in at.caption)
        press(at, 1, "include")
        no_errors(at)
        with store.read() as conn:
            modes = conn.execute(select(schema.decisions.c.order_mode)).scalars().all()
        assert modes == ["random"]
    finally:
        release.set()


def test_the_estimate_of_relevant_works_left_is_a_whole_number_of_works():
    from screening.prioritise.stopping import relevant_left_text, stopping_advice

    assert relevant_left_text(2.37) == "about 2 relevant works"
    assert relevant_left_text(0.6) == "about 1 relevant work"
    assert relevant_left_text(0.2) == "fewer than 1 relevant work"
    advice = stopping_advice([1] * 5 + [0] * 3, 200, 3.46)
    assert "about 3 relevant works left" in advice.message and "3.5" not in advice.message

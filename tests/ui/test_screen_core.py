"""Core functions the UI calls: screen state with undo, reviewers, attachments, worklists."""

import pytest

from review.errors import ReviewError
from review.protocol import load_protocol
from screening.attachments import add_file, add_link, attachment_path, attachments_for
from screening.decisions import Decision, history, record
from screening.screen_view import screen_state, stage_worklist
from screening.team import add_reviewer, reviewer_choices
from screening.undo import own_latest, recent_works, step_back
from tests.conftest import set_stage_mode


def decide(store, protocol, work, decision, reviewer="Anna", stage=1, reasons=()):
    return record(
        store,
        protocol,
        Decision(work_id=work, stage=stage, decision=decision, reviewer=reviewer, reasons=list(reasons)),
    )


@pytest.mark.slow
def test_queue_moves_on_after_each_decision_and_undo_goes_back(store, protocol, works):
    with store.read() as conn:
        assert screen_state(conn, protocol, 1, "Anna").work_id == works[0]
    decide(store, protocol, works[0], "include")
    decide(store, protocol, works[1], "exclude")
    with store.read() as conn:
        assert screen_state(conn, protocol, 1, "Anna").work_id == works[2]
        back1 = screen_state(conn, protocol, 1, "Anna", back=1)
        back2 = screen_state(conn, protocol, 1, "Anna", back=2)
        too_far = screen_state(conn, protocol, 1, "Anna", back=3)
    assert (back1.work_id, back1.revisiting, back1.own["decision"]) == (works[1], True, "exclude")
    assert back2.work_id == works[0]
    assert too_far.work_id == works[2] and too_far.back == 0 and too_far.notes


def test_changed_decision_is_appended_and_becomes_the_latest(store, protocol, works):
    decide(store, protocol, works[0], "include")
    decide(store, protocol, works[1], "include")
    decide(store, protocol, works[0], "exclude", reasons=["Ikke karriereveiledning"])
    with store.read() as conn:
        assert [r["decision"] for r in history(conn, works[0], 1)] == ["include", "exclude"]
        assert recent_works(conn, 1, "Anna") == [works[0], works[1]]
        assert step_back(conn, 1, "Anna", 2) == works[1]
        assert own_latest(conn, works[0], 1, "Anna")["reasons"] == ["Ikke karriereveiledning"]
        state = screen_state(conn, protocol, 1, "Anna")
    assert state.progress.decided == 2 and state.progress.by_reviewer == {"Anna": 2}


def test_blinded_vote_is_counted_but_not_shown(review_dir, store, works):
    set_stage_mode(review_dir, 1, "dual")
    protocol = load_protocol(review_dir)
    decide(store, protocol, works[0], "include", reviewer="Bjørn")
    with store.read() as conn:
        anna = screen_state(conn, protocol, 1, "Anna")
    assert anna.work_id == works[0] and anna.votes == {} and anna.hidden_votes == 1 and anna.dual
    decide(store, protocol, works[0], "exclude", reviewer="Anna")
    with store.read() as conn:
        anna = screen_state(conn, protocol, 1, "Anna", pick=works[0])
    assert set(anna.votes) == {"Anna", "Bjørn"} and anna.hidden_votes == 0


def test_stage_worklist_shows_status(store, protocol, works):
    decide(store, protocol, works[0], "include")
    decide(store, protocol, works[1], "include")
    decide(store, protocol, works[0], "include", stage=2)
    with store.read() as conn:
        items = stage_worklist(conn, protocol, 2, "Anna")
    assert [(i.work_id, i.status) for i in items] == [(works[0], "include"), (works[1], "open")]


def test_reviewers_listed_and_added(store, protocol):
    with store.read() as conn:
        assert reviewer_choices(conn, protocol)[:2] == ["Anna", "Bjørn"]
    assert add_reviewer(store, protocol, "  Cecilie   Dahl ") == "Cecilie Dahl"
    for bad in ("", "consensus"):
        with pytest.raises(ReviewError):
            add_reviewer(store, protocol, bad)
    with store.read() as conn:
        assert reviewer_choices(conn, protocol)[-1] == "Cecilie Dahl"


def test_attachments_links_and_files(review_dir, store, works):
    add_link(store, works[0], "https://example.org/report.pdf", "Anna")
    with pytest.raises(ReviewError, match="not a web link"):
        add_link(store, works[0], "javascript:alert(1)", "Anna")
    add_file(store, review_dir, works[0], "../../rapport.pdf", b"%PDF synthetic", "Anna")
    add_file(store, review_dir, works[0], "rapport.pdf", b"%PDF other", "Anna")
    with pytest.raises(ReviewError, match="no work"):
        add_file(store, review_dir, 9999, "x.pdf", b"x", "Anna")
    with store.read() as conn:
        rows = attachments_for(conn, works[0])
    assert [r["kind"] for r in rows] == ["url", "file", "file"]
    assert rows[1]["location"] == f"attachments/{works[0]}/rapport.pdf"
    assert attachment_path(review_dir, rows[2]).read_bytes() == b"%PDF other"
    assert attachment_path(review_dir, {"kind": "file", "location": "../review.toml"}) is None


def test_given_order_is_walked_past_decided_works_and_falls_back_to_import_order(store, protocol, works, monkeypatch):
    import screening.queue as queue

    monkeypatch.setattr(queue, "RANKING_BATCH", 2)  # several batches with ten works
    with store.read() as conn:
        shuffle = queue.shuffled(conn, 1, "Anna")
        assert sorted(shuffle) == works
        assert queue.next_work(conn, protocol, 1, "Anna", order="random") == shuffle[0]
        assert queue.next_work(conn, protocol, 1, "Anna", order="random", ranking=shuffle) == shuffle[0]
    for work in shuffle[:5]:
        decide(store, protocol, work, "exclude")
    with store.read() as conn:
        assert queue.next_work(conn, protocol, 1, "Anna", order="random") == shuffle[5]
        assert queue.next_work(conn, protocol, 1, "Anna", ranking=shuffle) == shuffle[5]
        partial = shuffle[:5]  # all decided: the rest follows in import order
        assert queue.next_work(conn, protocol, 1, "Anna", ranking=partial) == min(shuffle[5:])
        p = queue.progress(conn, 1)
    assert (p.eligible, p.decided, p.pending) == (10, 5, 5)


def test_ranked_queue_from_the_prioritiser(store, protocol, works):
    pytest.importorskip("screening.prioritise", reason="prioritiser not installed in this version")
    from screening.auto import PROTOCOL_REVIEWER
    from screening.ranked import labels, ranked_queue

    decide(store, protocol, works[0], "include")
    decide(store, protocol, works[1], "exclude")
    decide(store, protocol, works[2], "maybe")
    record(
        store,
        protocol,
        Decision(
            work_id=works[3],
            stage=1,
            decision="exclude",
            reviewer=PROTOCOL_REVIEWER,
            reasons=["Studentoppgave"],
            automatic=True,
        ),
    )
    with store.read() as conn:
        assert labels(conn) == {works[0]: 1, works[1]: 0}  # maybe and rule-based exclusions say nothing
        ranked = ranked_queue(conn)
        first = screen_state(conn, protocol, 1, "Anna", order="ranked", ranking=ranked.order).work_id
    assert ranked.mode_used == "ranked" and ranked.expected_remaining is not None
    assert set(ranked.order) == set(works) - {works[0], works[1]}
    assert first == next(w for w in ranked.order if w not in (works[2], works[3]))


def test_background_ranker_serves_a_queue_without_waiting(store, protocol, works):
    pytest.importorskip("screening.prioritise.background", reason="prioritiser not installed in this version")
    from screening.ranked import background_ranker, ranked_from

    decide(store, protocol, works[0], "include")
    decide(store, protocol, works[1], "exclude")
    with store.read() as conn:
        ranker = background_ranker(conn)
        try:
            first = ranked_from(conn, ranker)  # before any training: the prioritiser's fallback order
            assert set(first.order) == set(works[2:]) and first.mode_used in ("random", "ranked")
            assert ranker.wait_idle(60)
            ready = ranked_from(conn, ranker)
        finally:
            ranker.close()
    assert ready.mode_used == "ranked" and set(ready.order) == set(works[2:])

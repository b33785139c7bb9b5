"""Screening rules: stages, reasons, append-only history, dual mode, blinding, reconciliation, kappa, flow."""

import pytest
from sqlalchemy import select

from review.errors import ReviewError
from review.protocol import load_protocol
from review.store import open_store, schema
from screening.agreement import agreement, cohen_kappa, conflicts, reconcile
from screening.auto import apply_protocol_exclusions
from screening.blinding import visible_decision_rows, visible_votes
from screening.decisions import Decision, history, latest_final, record
from screening.flow import compute_flow
from screening.quality import assess, save_ratings
from screening.queue import next_work, progress
from screening.summaries import latest_summaries, save_summary
from tests.conftest import add_records, set_stage_mode, singleton_works, synthetic_records


def decide(store, protocol, work, stage, decision, reviewer="Anna", reasons=(), **kw):
    return record(
        store,
        protocol,
        Decision(work_id=work, stage=stage, decision=decision, reviewer=reviewer, reasons=list(reasons), **kw),
    )


def test_stage_two_needs_include_at_stage_one(store, protocol, works):
    with pytest.raises(ReviewError, match="cannot enter stage 2"):
        decide(store, protocol, works[0], 2, "include")
    decide(store, protocol, works[0], 1, "exclude")
    with pytest.raises(ReviewError, match="is exclude, not include"):
        decide(store, protocol, works[0], 2, "include")
    decide(store, protocol, works[0], 1, "include")  # a changed mind
    decide(store, protocol, works[0], 2, "exclude", reasons=["Ikke relevant ved gjennomlesning"])


def test_reason_required_at_stage_two_and_three_only(store, protocol, works):
    decide(store, protocol, works[0], 1, "exclude")  # optional at stage 1
    decide(store, protocol, works[1], 1, "include")
    with pytest.raises(ReviewError, match="needs a reason"):
        decide(store, protocol, works[1], 2, "exclude")


def test_custom_reason_is_kept_and_new_reviewer_added(store, protocol, works):
    result = decide(store, protocol, works[0], 1, "exclude", reviewer="Cecilie", reasons=["Skrevet på islandsk"])
    assert result.custom_reasons == ["Skrevet på islandsk"]
    with store.read() as conn:
        assert "Cecilie" in conn.execute(select(schema.reviewers.c.name)).scalars().all()
        from screening.decisions import reasons_for

        assert reasons_for(conn, protocol, 1)[-1] == "Skrevet på islandsk"


def test_history_is_kept_and_latest_final_wins(store, protocol, works):
    decide(store, protocol, works[0], 1, "include")
    decide(store, protocol, works[0], 1, "exclude", reasons=["Ikke karriereveiledning"])
    with store.read() as conn:
        assert [h["decision"] for h in history(conn, works[0])] == ["include", "exclude"]
        assert latest_final(conn, 1)[works[0]]["decision"] == "exclude"


def test_flow_is_computed_from_the_log_and_changes_with_one_decision(store, protocol, works):
    for w in works[:6]:
        decide(store, protocol, w, 1, "include")
    for w in works[6:]:
        decide(store, protocol, w, 1, "exclude", reasons=["Ikke karriereveiledning"])
    for w in works[:4]:
        decide(store, protocol, w, 2, "include")
    for w in works[:3]:
        decide(store, protocol, w, 3, "include")
    flow = compute_flow(store, protocol)
    assert (flow.unique, flow.stages[1].included, flow.stages[2].included, flow.included) == (10, 6, 4, 3)
    assert flow.stages[1].excluded_by_reason == {"Ikke karriereveiledning": 4}
    assert flow.stages[2].pending == 2
    assert flow.families[0].family == "no" and flow.families[0].passed == {1: 6, 2: 4, 3: 3}
    decide(store, protocol, works[2], 3, "exclude", reasons=["Svakt empirisk grunnlag"])
    flow = compute_flow(store, protocol)
    assert flow.included == 2 and flow.stages[3].excluded_by_reason == {"Svakt empirisk grunnlag": 1}
    decide(store, protocol, works[0], 1, "exclude")  # upstream change removes it downstream too
    flow = compute_flow(store, protocol)
    assert (flow.stages[1].included, flow.stages[2].included, flow.included) == (5, 3, 1)


def test_protocol_exclusions_are_automatic_and_can_be_overturned(store, protocol):
    records = synthetic_records(3)
    records[0].doc_type = "thesis"
    records[1].year = 2012
    add_records(store, protocol, records)
    works = singleton_works(store)
    assert apply_protocol_exclusions(store, protocol) == 2
    assert apply_protocol_exclusions(store, protocol) == 0  # applied once
    flow = compute_flow(store, protocol)
    assert flow.stages[1].excluded_by_reason == {"Studentoppgave": 1, "Utenfor tidsrommet": 1}
    assert flow.stages[1].excluded_automatically == 2
    decide(store, protocol, works[0], 1, "include", note="a doctoral thesis, not a student thesis")
    assert compute_flow(store, protocol).stages[1].included == 1


def test_quality_rule_and_stage2_flag(store, protocol, works):
    good = {
        "validity": "yes",
        "reliability": "yes",
        "generalisability": "partly",
        "research_question": "yes",
        "method_design": "unclear",
        "coherence": "partly",
    }
    assert assess(protocol, good).acceptable
    bad = dict(good, validity="no")
    verdict = assess(protocol, bad)
    assert not verdict.acceptable and "rated no" in verdict.reason
    assert not assess(protocol, {"validity": "yes"}).acceptable  # five criteria missing
    decide(store, protocol, works[0], 1, "include")
    flagged = decide(store, protocol, works[0], 2, "include")
    assert flagged.warnings and "no quality ratings" in flagged.warnings[0]  # flagged, not refused
    save_ratings(store, protocol, works[0], "Anna", {k: (v, None) for k, v in good.items()})
    assert decide(store, protocol, works[0], 2, "include").warnings == []


def test_summary_latest_wins_and_group_checked(store, protocol, works):
    save_summary(store, protocol, works[0], aim="a1", method="m", findings="f", group="Norske rapporter", author="A")
    save_summary(store, protocol, works[0], aim="a2", method="m", findings="f", group="Norske rapporter", author="A")
    with store.read() as conn:
        assert latest_summaries(conn)[works[0]]["aim"] == "a2"
    with pytest.raises(ReviewError, match="unknown appendix group"):
        save_summary(store, protocol, works[0], aim="a", method="m", findings="f", group="Andre", author="A")


def test_queue_skips_own_and_finished_work(store, protocol, works):
    with store.read() as conn:
        first = next_work(conn, protocol, 1, "Anna")
    decide(store, protocol, first, 1, "include")
    with store.read() as conn:
        assert next_work(conn, protocol, 1, "Anna") != first
        assert next_work(conn, protocol, 1, "Bjørn") != first  # single mode: done for everyone
        assert next_work(conn, protocol, 2, "Anna") == first
        prog = progress(conn, 1)
    assert (prog.eligible, prog.decided, prog.pending, prog.by_reviewer) == (10, 1, 9, {"Anna": 1})


@pytest.fixture
def dual(review_dir):
    set_stage_mode(review_dir, 1, "dual")
    protocol = load_protocol(review_dir)
    store = open_store(review_dir)
    add_records(store, protocol, synthetic_records(4))
    works = singleton_works(store)
    yield store, protocol, works
    store.close()


def test_dual_mode_votes_agree_then_final(dual):
    store, protocol, works = dual
    decide(store, protocol, works[0], 1, "include", reviewer="Anna")
    assert compute_flow(store, protocol).stages[1].included == 0  # one vote is not a decision
    with store.read() as conn:
        assert next_work(conn, protocol, 1, "Bjørn") == works[0]  # still open for the second reviewer
    decide(store, protocol, works[0], 1, "include", reviewer="Bjørn")
    assert compute_flow(store, protocol).stages[1].included == 1
    with store.read() as conn:
        assert next_work(conn, protocol, 1, "Cecilie") != works[0]  # done by two


def test_blinding_hides_other_votes_until_both_voted(dual):
    store, protocol, works = dual
    decide(store, protocol, works[1], 1, "exclude", reviewer="Anna")
    with store.read() as conn:
        assert set(visible_votes(conn, protocol, 1, works[1], "Bjørn")) == set()
        assert set(visible_votes(conn, protocol, 1, works[1], "Anna")) == {"Anna"}
        assert [r["reviewer"] for r in visible_decision_rows(conn, protocol, "Bjørn")] == []
        assert visible_decision_rows(conn, protocol, None) == []  # a team export shows no blinded vote
    decide(store, protocol, works[1], 1, "include", reviewer="Bjørn")
    with store.read() as conn:
        assert set(visible_votes(conn, protocol, 1, works[1], "Bjørn")) == {"Anna", "Bjørn"}
        assert {r["reviewer"] for r in visible_decision_rows(conn, protocol, "Bjørn")} == {"Anna", "Bjørn"}


def test_a_custom_reason_does_not_leak_a_blinded_vote(dual):
    from screening.decisions import reasons_for

    store, protocol, works = dual
    decide(store, protocol, works[3], 1, "exclude", reviewer="Anna", reasons=["Skrevet på islandsk"])
    with store.read() as conn:
        assert "Skrevet på islandsk" in reasons_for(conn, protocol, 1, "Anna")
        assert "Skrevet på islandsk" not in reasons_for(conn, protocol, 1, "Bjørn")
    decide(store, protocol, works[3], 1, "include", reviewer="Bjørn")
    with store.read() as conn:
        assert "Skrevet på islandsk" in reasons_for(conn, protocol, 1, "Bjørn")  # both voted: visible


def test_conflict_listed_and_reconciled_by_lead(dual):
    store, protocol, works = dual
    decide(store, protocol, works[2], 1, "include", reviewer="Anna")
    decide(store, protocol, works[2], 1, "exclude", reviewer="Bjørn")
    with store.read() as conn:
        assert [(c.work_id, c.votes) for c in conflicts(conn, 1)] == [
            (works[2], {"Anna": "include", "Bjørn": "exclude"})
        ]
    with pytest.raises(ReviewError, match="only the lead"):
        reconcile(store, protocol, works[2], 1, "Bjørn", "exclude")
    reconcile(store, protocol, works[2], 1, "Anna", "include", note="discussed")
    with store.read() as conn:
        assert conflicts(conn, 1) == []
    assert compute_flow(store, protocol).stages[1].included == 1


def test_kappa_hand_computed():
    # 50 works: 20 both include, 5 only A, 10 only B, 15 neither.
    # observed 0.70; expected (25*30 + 25*20) / 2500 = 0.50; kappa = 0.20 / 0.50 = 0.40
    assert cohen_kappa(20, 5, 10, 15) == pytest.approx(0.40)
    assert cohen_kappa(0, 0, 0, 0) is None
    assert cohen_kappa(5, 0, 0, 0) is None  # one category only: undefined
    assert cohen_kappa(3, 0, 0, 7) == pytest.approx(1.0)


def test_agreement_table_from_votes(dual):
    store, protocol, works = dual
    votes = [("include", "include"), ("include", "exclude"), ("exclude", "exclude"), ("exclude", "maybe")]
    for work, (a, b) in zip(works, votes, strict=False):
        decide(store, protocol, work, 1, a, reviewer="Anna")
        decide(store, protocol, work, 1, b, reviewer="Bjørn")
    with store.read() as conn:
        (table,) = agreement(conn, 1)
    assert (table.both_include, table.first_only, table.second_only, table.both_exclude) == (1, 1, 0, 2)
    assert table.percent == pytest.approx(75.0)
    assert table.kappa == pytest.approx(cohen_kappa(1, 1, 0, 2))

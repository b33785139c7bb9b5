"""Stopping stage-1 screening early: the record, the flow box and the screening-methods export.

All data is synthetic: a review of 120 synthetic works, decided in "ranked" order."""

from __future__ import annotations

import pytest

from review.cli import main
from review.errors import ReviewError
from review.reports.flow.layout import layout_flow
from screening.decisions import Decision, record
from screening.flow import compute_flow, status_dict
from screening.stopping import stop_screening
from tests.conftest import add_records, singleton_works, synthetic_records


@pytest.fixture
def many(store, protocol):
    add_records(store, protocol, synthetic_records(120))
    return singleton_works(store)


def decide(store, protocol, works, pattern, mode="ranked"):
    for work, label in zip(works, pattern, strict=False):
        record(
            store,
            protocol,
            Decision(
                work_id=work,
                stage=1,
                decision="include" if label else "exclude",
                reviewer="Anna",
                reasons=[] if label else ["Ikke karriereveiledning"],
                order_mode=mode,
            ),
        )


@pytest.mark.slow
def test_a_stop_on_the_criterion_is_refused_until_it_holds(store, protocol, many):
    decide(store, protocol, many, [1] * 5 + [0] * 5)
    with pytest.raises(ReviewError, match="not met"):
        stop_screening(store, protocol, "Anna", basis="criterion")
    flow = compute_flow(store, protocol)
    assert flow.stages[1].not_screened_stopped == 0 and flow.stages[1].pending == 110


def test_a_stop_by_the_reviewers_needs_a_reason(store, protocol, many):
    with pytest.raises(ReviewError, match="note"):
        stop_screening(store, protocol, "Anna", basis="reviewers", note="  ")


@pytest.mark.slow
def test_after_a_stop_the_unscreened_works_have_their_own_box_and_every_count_agrees(
    store, protocol, many, review_dir, tmp_path
):
    decide(store, protocol, many[:100], [1] * 40 + [0] * 60)
    stop = stop_screening(store, protocol, "Anna", basis="criterion")
    assert stop.unscreened == 20 and "was reached" in stop.statement
    flow = compute_flow(store, protocol)
    s1 = flow.stages[1]
    assert (s1.screened, s1.pending, s1.not_screened_stopped) == (100, 0, 20)
    assert status_dict(flow)["stages"]["1"]["not_screened_stopped"] == 20
    drawn = " ".join(layout_flow(flow, "en").texts())
    assert "Not screened: screening stopped early (n = 20)" in drawn


@pytest.mark.slow
def test_screening_methods_export_reports_orders_stop_and_unscreened(store, protocol, many, review_dir, tmp_path):
    decide(store, protocol, many[:10], [1, 0] * 5, mode="protocol")
    decide(store, protocol, many[10:100], [1] * 4 + [0] * 86)
    stop_screening(store, protocol, "Anna", basis="reviewers", note="time ran out before the deadline")
    out = tmp_path / "methods.md"
    assert main(["export", str(review_dir), "screening-methods", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "ranked by the model" in text and "ordered by the protocol's search terms" in text
    assert "| 100 | ranked by the model (most likely relevant first) | 90 | 90% |" in text
    assert "stopped by the reviewers' own decision" in text and "time ran out before the deadline" in text
    assert "20 works were never screened by a person" in text
    from screening.prioritise.model import DEFAULT_SETTINGS, describe

    assert f"The ranking model ({DEFAULT_SETTINGS.name}) is {describe(DEFAULT_SETTINGS)}." in text
    docx = tmp_path / "methods.docx"
    assert main(["export", str(review_dir), "screening-methods", "-o", str(docx)]) == 0


def test_review_stop_command(store, protocol, many, review_dir, capsys):
    decide(store, protocol, many[:10], [1] * 2 + [0] * 8)
    assert main(["stop", str(review_dir), "--basis", "criterion"]) == 1
    assert "not met" in capsys.readouterr().err
    assert main(["stop", str(review_dir), "--basis", "reviewers", "--note", "agreed at the team meeting"]) == 0
    assert "110 works at stage 1" in capsys.readouterr().out

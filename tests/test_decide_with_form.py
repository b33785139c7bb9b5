"""A decision and what was typed beside it are stored together or not at all: the page's
``record_with`` and ``review decide`` with several files. All records are synthetic."""

import pytest
from sqlalchemy import select

from review.cli import main
from review.errors import ReviewError
from review.store import schema
from screening.decisions import Decision, history, record
from screening.submit import record_with
from screening.summaries import SummaryText


def rows(store, table):
    with store.read() as conn:
        return conn.execute(select(table)).all()


def test_record_with_stores_ratings_and_decision_or_neither(store, protocol, works):
    record(store, protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    ratings = {c.id: ("yes", None) for c in protocol.quality_criteria}
    with pytest.raises(ReviewError, match="needs a reason"):
        record_with(
            store, protocol, Decision(work_id=works[0], stage=2, decision="exclude", reviewer="Anna"), ratings=ratings
        )
    assert rows(store, schema.quality_ratings) == []
    recorded = record_with(
        store, protocol, Decision(work_id=works[0], stage=2, decision="include", reviewer="Anna"), ratings=ratings
    )
    assert len(rows(store, schema.quality_ratings)) == 6 and recorded.warnings == []
    record_with(
        store, protocol, Decision(work_id=works[0], stage=2, decision="include", reviewer="Anna"), ratings=ratings
    )  # unchanged: no new rating rows
    assert len(rows(store, schema.quality_ratings)) == 6


def test_record_with_adds_a_summary_version_only_when_it_changed(store, protocol, works):
    for stage in (1, 2):
        record(store, protocol, Decision(work_id=works[0], stage=stage, decision="include", reviewer="Anna"))
    d = dict(work_id=works[0], stage=3, decision="include", reviewer="Anna")
    record_with(store, protocol, Decision(**d), summary=SummaryText())  # empty form, no summary yet
    assert rows(store, schema.summaries) == []
    record_with(store, protocol, Decision(**d), summary=SummaryText(aim="Synthetic aim"))
    record_with(store, protocol, Decision(**d), summary=SummaryText(aim="Synthetic aim"))
    assert [r.aim for r in rows(store, schema.summaries)] == ["Synthetic aim"]


def test_review_decide_applies_decisions_and_ratings_in_one_transaction(review_dir, store, protocol, works, capsys):
    record(store, protocol, Decision(work_id=works[0], stage=1, decision="include", reviewer="Anna"))
    quality = review_dir / "quality.csv"
    quality.write_text(
        "work_id,reviewer,criterion,rating,note\n"
        + "".join(f"{works[0]},Anna,{c.id},yes,\n" for c in protocol.quality_criteria),
        encoding="utf-8",
    )
    decisions = review_dir / "decisions.csv"
    decisions.write_text(
        "work_id,stage,decision,reason,reviewer,final\n"
        f"{works[0]},2,include,,Anna,true\n"
        f"{works[1]},2,include,,Anna,true\n",
        encoding="utf-8",
    )  # works[1] never passed stage 1
    assert main(["decide", str(review_dir), "--csv", str(decisions), "--quality", str(quality)]) != 0
    assert "line 3" in capsys.readouterr().err
    assert rows(store, schema.quality_ratings) == []  # the ratings went with the refused file
    with store.read() as conn:
        assert history(conn, works[0], 2) == []
    decisions.write_text(
        f"work_id,stage,decision,reason,reviewer,final\n{works[0]},2,include,,Anna,true\n", encoding="utf-8"
    )
    assert main(["decide", str(review_dir), "--csv", str(decisions), "--quality", str(quality)]) == 0
    out = capsys.readouterr().out
    assert "6 quality ratings stored" in out and "1 decisions stored" in out and "Flagged" not in out

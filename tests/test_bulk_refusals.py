"""`review decide --csv` refuses what the screening page cannot do: rows signed by the names rules
use, and one reviewer's final decision in a stage screened by two. SYNTHETIC works."""

import pytest
from sqlalchemy import func, select

from review.cli import main
from review.store import schema
from tests.conftest import set_stage_mode


def _csv(tmp_path, *rows, header="work_id,stage,decision,reason,reviewer,final"):
    path = tmp_path / "decisions.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return str(path)


def _count(store):
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(schema.decisions)).scalar()


@pytest.mark.parametrize("name", ["consensus", "protocol", "Consensus", " protocol "])
def test_reserved_reviewer_names_are_refused_with_the_line(review_dir, store, works, tmp_path, capsys, name):
    path = _csv(tmp_path, f"{works[0]},1,include,,Anna,true", f"{works[1]},1,exclude,Studentoppgave,{name},true")
    assert main(["decide", str(review_dir), "--csv", path]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: decisions.csv, line 3: ") and "reserved" in err
    assert err.count("\n") == 1
    assert _count(store) == 0  # the file is applied whole or not at all


def test_reserved_names_are_refused_in_quality_ratings(review_dir, store, works, tmp_path, capsys):
    path = tmp_path / "q.csv"
    path.write_text(f"work_id,reviewer,criterion,rating\n{works[0]},consensus,validity,yes\n", encoding="utf-8")
    assert main(["decide", str(review_dir), "--quality", str(path)]) == 1
    assert "q.csv, line 2" in capsys.readouterr().err


def test_one_reviewers_final_decision_in_a_dual_stage_is_refused(review_dir, store, works, tmp_path, capsys):
    set_stage_mode(review_dir, 1, "dual")
    path = _csv(tmp_path, f"{works[0]},1,include,,Bjørn,false", f"{works[1]},1,include,,Bjørn,true")
    assert main(["decide", str(review_dir), "--csv", path]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: decisions.csv, line 3: stage 1 is screened by two reviewers")
    assert "only the lead (Anna)" in err
    assert _count(store) == 0


def test_dual_votes_from_a_file_reach_consensus_as_on_the_page(review_dir, store, works, tmp_path, capsys):
    set_stage_mode(review_dir, 1, "dual")
    path = _csv(
        tmp_path,
        f"{works[0]},1,include,,Bjørn,false",
        f"{works[0]},1,include,,Carl,false",
        f"{works[1]},1,include,,Bjørn,",
        f"{works[1]},1,exclude,Studentoppgave,Carl,",
        f"{works[1]},1,exclude,Studentoppgave,Anna,true",
    )
    assert main(["decide", str(review_dir), "--csv", path]) == 0
    with store.read() as conn:
        rows = conn.execute(
            select(schema.decisions.c.work_id, schema.decisions.c.reviewer, schema.decisions.c.final).order_by(
                schema.decisions.c.id
            )
        ).all()
    assert [(r.work_id, r.reviewer, bool(r.final)) for r in rows] == [
        (works[0], "Bjørn", False),
        (works[0], "Carl", False),
        (works[0], "consensus", True),
        (works[1], "Bjørn", False),
        (works[1], "Carl", False),
        (works[1], "Anna", True),
    ]

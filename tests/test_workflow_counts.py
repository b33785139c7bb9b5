"""Issue #16 (core): who decided, what votes mean, what a maybe is, and one definition of each count.

Every review here is built from synthetic records (tests/conftest.py)."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from review.protocol import load_protocol
from review.reports.flow.layout import layout_flow
from review.reports.table31 import table_3_1
from review.store import open_store
from review.store.chain import check_chain, trigger_problems
from review.store.migrations import MIGRATIONS, _decision_basis
from review.ui.tables import agreement_rows, progress_rows
from screening.agreement import agreement, conflicts
from screening.auto import apply_protocol_exclusions
from screening.bulk import apply_decisions_csv
from screening.decisions import Decision, latest_final, record
from screening.flow import compute_flow, status_dict
from screening.queue import eligible, next_work, progress
from screening.ranked import labels
from tests.conftest import add_records, set_stage_mode, singleton_works, synthetic_records


def vote(store, protocol, work, stage, decision, reviewer, reasons=()):
    return record(
        store,
        protocol,
        Decision(work_id=work, stage=stage, decision=decision, reviewer=reviewer, reasons=list(reasons)),
    )


def diagram_text(flow) -> dict[str, str]:
    return {b.key: " ".join(ln.text for ln in b.lines) for b in layout_flow(flow, "en").boxes}


@pytest.fixture
def dual(review_dir):
    """Stage 1 screened by two reviewers; four synthetic reports and one synthetic student thesis."""
    set_stage_mode(review_dir, 1, "dual")
    protocol = load_protocol(review_dir)
    store = open_store(review_dir)
    records = synthetic_records(5)
    records[4].doc_type = "thesis"
    add_records(store, protocol, records)
    works = singleton_works(store)
    yield store, protocol, works
    store.close()


def test_an_agreed_exclusion_is_screened_by_people_not_removed_by_a_rule(dual):
    store, protocol, works = dual
    for reviewer in ("Anna", "Bjørn"):
        vote(store, protocol, works[0], 1, "exclude", reviewer, ["Ikke karriereveiledning"])
    assert apply_protocol_exclusions(store, protocol) == 1  # the thesis
    flow = compute_flow(store, protocol)
    s1 = flow.stages[1]
    assert (s1.excluded, s1.excluded_automatically) == (2, 1)
    text = diagram_text(flow)
    assert "Records removed for other reasons (n = 1)" in text["identification_side"]
    assert text["screened"].startswith("Records screened (n = 4)")
    assert text["screened_side"] == "Records excluded** (n = 1)"
    with store.read() as conn:
        row = latest_final(conn, 1)[works[0]]
    assert (row["reviewer"], row["basis"], bool(row["automatic"])) == ("consensus", "agreement", False)


def test_agreed_decisions_train_the_ranker_and_rule_decisions_do_not(dual):
    store, protocol, works = dual
    for reviewer in ("Anna", "Bjørn"):
        vote(store, protocol, works[0], 1, "include", reviewer)
        vote(store, protocol, works[1], 1, "exclude", reviewer)
    apply_protocol_exclusions(store, protocol)
    with store.read() as conn:
        assert labels(conn) == {works[0]: 1, works[1]: 0}


def _write_votes_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["work_id", "stage", "decision", "reason", "reviewer", "final"])
        for work, decision, reviewer in rows:
            writer.writerow([work, 1, decision, "", reviewer, "false"])


def _outcome(store, protocol):
    with store.read() as conn:
        final = {w: (r["decision"], r["reviewer"], r.get("basis")) for w, r in latest_final(conn, 1).items()}
        disputed = [c.work_id for c in conflicts(conn, 1)]
    return final, disputed, status_dict(compute_flow(store, protocol))


@pytest.mark.slow
def test_the_same_votes_give_the_same_result_from_the_page_and_from_a_csv(tmp_path):
    from review.bundled import write_starter_protocol

    votes = [
        (1, "include", "Anna"),
        (1, "include", "Bjørn"),
        (2, "exclude", "Anna"),
        (2, "include", "Bjørn"),
        (3, "maybe", "Anna"),
        (3, "maybe", "Bjørn"),
        (4, "exclude", "Bjørn"),
    ]
    outcomes = []
    for path in ("page", "csv"):
        target = tmp_path / path
        write_starter_protocol(target)
        set_stage_mode(target, 1, "dual")
        protocol = load_protocol(target)
        store = open_store(target)
        add_records(store, protocol, synthetic_records(4))
        works = singleton_works(store)
        assert works == [1, 2, 3, 4]
        if path == "page":
            for work, decision, reviewer in votes:
                vote(store, protocol, work, 1, decision, reviewer)
        else:
            _write_votes_csv(tmp_path / "votes.csv", votes)
            apply_decisions_csv(store, protocol, tmp_path / "votes.csv")
        outcomes.append(_outcome(store, protocol))
        store.close()
    page, from_csv = outcomes
    assert page == from_csv
    final, disputed, status = page
    assert final == {1: ("include", "consensus", "agreement")}
    assert disputed == [2]
    assert status["stages"]["1"]["included"] == 1 and status["stages"]["1"]["maybe"] == 1


def test_a_maybe_is_not_a_decision(store, protocol, works):
    vote(store, protocol, works[0], 1, "maybe", "Anna")
    flow = compute_flow(store, protocol)
    s1 = flow.stages[1]
    assert (s1.screened, s1.maybe, s1.pending) == (0, 1, 9)
    with store.read() as conn:
        p = progress(conn, 1)
        assert (p.decided, p.maybe, p.pending) == (0, 1, 9)
        assert next_work(conn, protocol, 1, "Anna") == works[1]  # the maybe waits in its own queue
        from screening.queue import maybe_queue

        assert maybe_queue(conn, 1) == [works[0]]
        assert maybe_queue(conn, 1, reviewer="Bjørn") == []
    assert "Awaiting a decision (n = 10)" in diagram_text(flow)["screened"]
    vote(store, protocol, works[0], 1, "include", "Anna")
    with store.read() as conn:
        assert maybe_queue(conn, 1) == []


def test_two_maybe_votes_wait_as_a_maybe_not_as_a_conflict(dual):
    store, protocol, works = dual
    for reviewer in ("Anna", "Bjørn"):
        vote(store, protocol, works[0], 1, "maybe", reviewer)
    vote(store, protocol, works[1], 1, "maybe", "Anna")
    vote(store, protocol, works[1], 1, "include", "Bjørn")
    with store.read() as conn:
        assert [c.work_id for c in conflicts(conn, 1)] == [works[1]]
        from screening.queue import maybe_queue

        assert maybe_queue(conn, 1) == [works[0], works[1]]
        assert maybe_queue(conn, 1, reviewer="Bjørn") == [works[0]]
    s1 = compute_flow(store, protocol).stages[1]
    assert (s1.included, s1.maybe, s1.pending) == (0, 2, 3)


def test_a_third_reviewer_shows_as_zero_never_none_and_an_empty_stage_is_not_done(dual):
    store, protocol, works = dual
    vote(store, protocol, works[0], 1, "include", "Anna")
    vote(store, protocol, works[0], 1, "include", "Bjørn")
    vote(store, protocol, works[1], 1, "exclude", "Cecilie")
    vote(store, protocol, works[1], 1, "exclude", "Anna")
    with store.read() as conn:
        tables = agreement(conn, 1)
        progresses = [progress(conn, n) for n in (1, 2, 3)]
    assert [t.reviewers for t in tables] == [("Anna", "Bjørn"), ("Anna", "Cecilie"), ("Bjørn", "Cecilie")]
    rows = agreement_rows(tables)
    assert len({tuple(r) for r in rows}) == 1  # the same columns in every row
    assert rows[2]["Works"] == 0 and rows[2]["Agreement"] == "–"
    prog = progress_rows(progresses)
    assert len({tuple(r) for r in prog}) == 1
    assert all(v is not None for r in prog for v in r.values())
    assert prog[1]["by Cecilie"] == 0
    assert prog[2]["Eligible"] == 0 and prog[2]["Done"] != "100 %"
    assert progresses[2].share == 0.0


def test_a_work_reaches_a_stage_only_when_included_at_every_earlier_stage(store, protocol, works):
    for stage in (1, 2):
        vote(store, protocol, works[0], stage, "include", "Anna")
    vote(store, protocol, works[0], 1, "exclude", "Anna")  # a changed mind at stage 1
    with store.read() as conn:
        assert works[0] not in eligible(conn, 3)
    from review.errors import ReviewError

    with pytest.raises(ReviewError, match="cannot enter stage 3"):
        vote(store, protocol, works[0], 3, "include", "Anna")
    flow = compute_flow(store, protocol)
    assert flow.stages[2].included == 0 and flow.stages[3].pending == 0


def test_a_maybe_at_a_later_stage_waits_only_while_the_work_reaches_that_stage(store, protocol, works):
    from review.store.decisions import maybes_among, maybes_waiting

    vote(store, protocol, works[0], 1, "include", "Anna")
    vote(store, protocol, works[0], 2, "maybe", "Anna")
    assert compute_flow(store, protocol).stages[2].maybe == 1
    vote(store, protocol, works[0], 1, "exclude", "Anna")  # a changed mind at stage 1
    stage2 = compute_flow(store, protocol).stages[2]
    assert (stage2.maybe, stage2.pending) == (0, 0)
    with store.read() as conn:
        for stage in (1, 2, 3):
            assert maybes_among(conn, stage, eligible(conn, stage)) == set(maybes_waiting(conn, stage))


OLD_DECISIONS_DDL = """CREATE TABLE decisions_v1 (
    id INTEGER PRIMARY KEY, work_id INTEGER NOT NULL REFERENCES works (id), stage INTEGER NOT NULL,
    reviewer VARCHAR(200) NOT NULL, decision VARCHAR(10) NOT NULL, reasons TEXT DEFAULT '[]' NOT NULL,
    note TEXT, final BOOLEAN DEFAULT '0' NOT NULL, automatic BOOLEAN DEFAULT '0' NOT NULL,
    order_mode VARCHAR(20), created_at VARCHAR(32) NOT NULL, row_hash TEXT)"""


BEFORE_BASIS = MIGRATIONS.index(_decision_basis)  # the version a store had before the basis column


def test_migration_turns_old_consensus_rows_into_agreements(review_dir, protocol):
    """A store written before the basis column: its agreements were stored as automatic rows."""
    store = open_store(review_dir)
    add_records(store, protocol, synthetic_records(3))
    works = singleton_works(store)
    store.close()
    db = sqlite3.connect(review_dir / "review.sqlite")
    db.executescript(
        "DROP TRIGGER decisions_no_update; DROP TRIGGER decisions_no_delete; DROP TABLE decisions;"
        + OLD_DECISIONS_DDL
        + "; ALTER TABLE decisions_v1 RENAME TO decisions;"
        f"DELETE FROM schema_version WHERE version > {BEFORE_BASIS};"
    )
    rows = [  # work, reviewer, decision, final, automatic
        (works[0], "Anna", "exclude", 0, 0),
        (works[0], "Bjørn", "exclude", 0, 0),
        (works[0], "consensus", "exclude", 1, 1),
        (works[1], "protocol", "exclude", 1, 1),
        (works[2], "Anna", "include", 0, 0),
        (works[2], "Bjørn", "exclude", 0, 0),
        (works[2], "Anna", "include", 1, 0),
    ]
    db.executemany(
        "INSERT INTO decisions (work_id, stage, reviewer, decision, final, automatic, created_at) "
        "VALUES (?, 1, ?, ?, ?, ?, '2024-01-01T00:00:00+00:00')",
        rows,
    )
    db.commit()
    db.close()
    store = open_store(review_dir)
    with store.read() as conn:
        final = {w: (r["basis"], bool(r["automatic"])) for w, r in latest_final(conn, 1).items()}
        assert labels(conn) == {works[0]: 0, works[2]: 1}
    assert final == {works[0]: ("agreement", False), works[1]: ("rule", True), works[2]: ("reconciled", False)}
    assert compute_flow(store, protocol).stages[1].excluded_automatically == 1
    with store.write() as conn, pytest.raises(Exception, match="append-only"):
        conn.exec_driver_sql("UPDATE decisions SET decision = 'include'")
    with store.write() as conn, pytest.raises(Exception, match="append-only"):
        conn.exec_driver_sql("UPDATE decisions SET basis = 'rule'")  # the guard covers the new column
    with store.read() as conn:
        assert check_chain(conn, "decisions").problems == [] and trigger_problems(conn, "decisions") == []
    store.close()


def test_table_3_1_first_total_is_the_diagrams_records_screened(dual):
    store, protocol, works = dual
    apply_protocol_exclusions(store, protocol)
    flow = compute_flow(store, protocol)
    table = table_3_1(flow, protocol)
    assert table.rows[-1][2] == flow.screened == 4
    assert diagram_text(flow)["screened"].startswith("Records screened (n = 4)")


def test_the_screen_counts_maybes_and_offers_them_as_their_own_queue(store, protocol, works):
    from screening.screen_view import screen_state

    for work in works[:9]:
        vote(store, protocol, work, 1, "include", "Anna")
    vote(store, protocol, works[9], 1, "maybe", "Anna")
    with store.read() as conn:
        state = screen_state(conn, protocol, 1, "Anna")
        assert state.work_id is None and state.maybes == 1  # no open work, but one maybe waits
        assert screen_state(conn, protocol, 1, "Anna", queue="maybes").work_id == works[9]
        assert screen_state(conn, protocol, 1, "Bjørn", queue="maybes").work_id == works[9]  # single stage


def test_the_asreview_hand_off_labels_only_peoples_decisions(dual):
    from review.reports.collect import collect_screening_works
    from review.reports.listings import asreview_table

    store, protocol, works = dual
    for reviewer in ("Anna", "Bjørn"):
        vote(store, protocol, works[0], 1, "exclude", reviewer, ["Ikke karriereveiledning"])
    apply_protocol_exclusions(store, protocol)  # the synthetic thesis, works[4]
    with store.read() as conn:
        table = asreview_table(collect_screening_works(conn, protocol))
    column = table.columns.index("label_included")
    labels_by_work = {row[0]: row[column] for row in table.rows}
    assert labels_by_work[works[0]] == 0 and labels_by_work[works[4]] is None

"""Issue #16: merge, keep apart and their undos are exact inverses (synthetic records)."""

import pytest
from sqlalchemy import select

from review.dedup import decide_pair, list_pairs, resolve_pair, run_dedup, undo_action, undo_merge
from review.dedup.workflow import MergeConflict
from review.store import schema
from review.store.decisions import history, latest_final
from review.store.pairs import standing_verdicts
from review.store.works import live_work_ids
from screening.decisions import Decision, record
from tests.dedup.synthetic import add_records, rec


def work_of(store, raw_id):
    with store.read() as conn:
        return conn.execute(select(schema.work_links.c.work_id).where(schema.work_links.c.raw_id == raw_id)).scalar()


def grouping(store) -> dict[int, set[int]]:
    """live work -> its raw records."""
    with store.read() as conn:
        live = set(live_work_ids(conn))
        rows = conn.execute(select(schema.work_links.c.work_id, schema.work_links.c.raw_id)).all()
    out: dict[int, set[int]] = {}
    for work, raw in rows:
        if work in live:
            out.setdefault(work, set()).add(raw)
    return out


def screen(store, protocol, work, decision, reviewer="Anna"):
    record(store, protocol, Decision(work_id=work, stage=1, decision=decision, reviewer=reviewer))


def three_works(store, protocol):
    ids = add_records(
        store,
        [
            rec("Mentorordninger for nyankomne kvinner", "Nordmann, Kari", 2019),
            rec("Språkpraksis i kommunale virksomheter", "Hansen, Ola", 2020),
            rec("Arbeidstrening og karriereveiledning", "Berg, Ida", 2021),
        ],
    )
    run_dedup(store, protocol)
    works = [work_of(store, i) for i in ids]
    assert len(set(works)) == 3
    return ids, works


def test_undo_merge_restores_exactly_the_works_before_that_merge(store, protocol):
    ids, (wa, wb, wc) = three_works(store, protocol)
    screen(store, protocol, wa, "include")
    screen(store, protocol, wb, "include")
    screen(store, protocol, wc, "include")
    first = decide_pair(store, ids[0], ids[1], "duplicate", "Anna", protocol=protocol)
    decide_pair(store, ids[0], ids[2], "duplicate", "Anna", protocol=protocol)  # a later merge
    before_b = None
    with store.read() as conn:
        before_b = history(conn, wb)
    assert grouping(store) == {wa: set(ids)}
    change = undo_action(store, first.action_id, "Anna", protocol=protocol)
    assert change.restored == [wb] and change.created == [] and change.unscreened == []
    assert "needs screening" not in change.describe()  # wb comes back with its own decisions
    assert grouping(store) == {wa: {ids[0], ids[2]}, wb: {ids[1]}}  # the later merge stays as it was
    with store.read() as conn:
        assert history(conn, wb) == before_b  # its own decision history, untouched
        assert latest_final(conn, 1)[wb]["decision"] == "include"
        assert standing_verdicts(conn) == {(ids[0], ids[2]): "duplicate"}
    undo_merge(store, wa, "Anna", protocol=protocol)  # the latest merge into wa: wc comes back
    assert grouping(store) == {wa: {ids[0]}, wb: {ids[1]}, wc: {ids[2]}}
    run_dedup(store, protocol)
    assert grouping(store) == {wa: {ids[0]}, wb: {ids[1]}, wc: {ids[2]}}


def test_merging_two_differently_screened_works_asks_whose_decisions_stand(store, protocol):
    ids, (wa, wb, _) = three_works(store, protocol)
    screen(store, protocol, wa, "include")
    screen(store, protocol, wb, "exclude")
    with pytest.raises(MergeConflict) as refused:
        resolve_pair(store, ids[0], ids[1], "duplicate", "Anna", protocol=protocol)
    assert refused.value.works == (wa, wb)
    assert any("include" in d and "exclude" in d for d in refused.value.differences)
    with store.read() as conn:
        assert conn.execute(select(schema.pair_verdicts)).all() == []
    assert work_of(store, ids[1]) == wb
    change = decide_pair(store, ids[0], ids[1], "duplicate", "Anna", protocol=protocol, keep=wb)
    assert change.work == wb and grouping(store)[wb] == {ids[0], ids[1]}
    with store.read() as conn:
        assert latest_final(conn, 1)[wb]["decision"] == "exclude"
        assert [r["decision"] for r in history(conn, wa)] == ["include"]  # set aside, kept in its history


def test_the_differences_of_a_refused_merge_read_in_english_and_in_the_readers_language(store, protocol):
    """The command line prints them in English; the Duplicates page shows them in the reader's language,
    the stored decisions ('include', 'exclude') as they are."""
    from review.ui.i18n import gettext_for

    ids, (wa, wb, _) = three_works(store, protocol)
    screen(store, protocol, wa, "include")
    screen(store, protocol, wb, "exclude")
    with pytest.raises(MergeConflict) as refused:
        resolve_pair(store, ids[0], ids[1], "duplicate", "Anna", protocol=protocol)
    (line,) = refused.value.differences
    assert line == f"work {wa}: include at stage 1 / work {wb}: exclude at stage 1"
    assert gettext_for("nb")(line) == f"arbeid {wa}: include på trinn 1 / arbeid {wb}: exclude på trinn 1"


def test_the_pair_queue_never_offers_two_records_already_in_one_work(store, protocol):
    title = "Karriereveiledning for voksne innvandrere i Norge"
    ids = add_records(
        store,
        [
            rec(title, "Nordmann, Kari", 2021, doc_type="report", doi="10.9999/x.1"),
            rec(title, "Nordmann, Kari", 2021, doc_type="article"),
            rec(title, "Nordmann, Kari", 2021, doc_type="report", doi="10.9999/x.1"),
        ],
    )
    run_dedup(store, protocol)
    assert work_of(store, ids[0]) == work_of(store, ids[2]) != work_of(store, ids[1])
    with store.read() as conn:
        assert (ids[0], ids[1]) in {(p["raw_a"], p["raw_b"]) for p in list_pairs(conn)}
    resolve_pair(store, ids[1], ids[2], "duplicate", "Anna", protocol=protocol)
    with store.read() as conn:
        assert list_pairs(conn) == []
    assert run_dedup(store, protocol).uncertain == 0


def test_keep_apart_says_which_work_it_created_and_has_an_undo(store, protocol):
    title = "Karriereveiledning for voksne innvandrere i Norge"
    ids = add_records(
        store,
        [rec(title, "Nordmann, Kari", 2021, doi="10.9999/x.2"), rec(title, "Nordmann, Kari", 2021, doi="10.9999/x.2")],
    )
    run_dedup(store, protocol)
    work = work_of(store, ids[0])
    change = decide_pair(store, ids[0], ids[1], "distinct", "Anna", protocol=protocol)
    assert change.created == [work_of(store, ids[1])] and "needs screening" in change.describe()
    assert len(grouping(store)) == 2
    undo_action(store, change.action_id, "Anna", protocol=protocol)
    assert grouping(store) == {work: {ids[0], ids[1]}}
    with store.read() as conn:
        assert standing_verdicts(conn) == {}


def test_undoing_a_merge_puts_the_pair_back_in_the_queue(store, protocol):
    title = "Karriereveiledning for voksne innvandrere i Norge"
    ids = add_records(
        store,
        [rec(title, "Nordmann, Kari", 2021, doc_type="report"), rec(title, "Nordmann, Kari", 2021, doc_type="article")],
    )
    assert run_dedup(store, protocol).uncertain == 1
    before = grouping(store)
    change = decide_pair(store, ids[0], ids[1], "duplicate", "Anna", protocol=protocol)
    with store.read() as conn:
        assert list_pairs(conn) == []
    undone = undo_action(store, change.action_id, "Anna", protocol=protocol)
    assert grouping(store) == before
    assert undone.describe().endswith("needs screening")  # the restored work was never screened
    with store.read() as conn:
        assert [(p["raw_a"], p["raw_b"]) for p in list_pairs(conn)] == [(ids[0], ids[1])]
    with pytest.raises(Exception, match="already undone"):
        undo_action(store, change.action_id, "Anna", protocol=protocol)

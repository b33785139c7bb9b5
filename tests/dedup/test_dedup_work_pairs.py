"""The person's duplicate queue asks about pairs of works, not pairs of records (issue #18).

A record that may be a copy of a work with three records used to be offered three times, once against each
record, and a "keep apart" answered only the one pair shown: the same question came back twice more. The
queue now holds one entry per pair of works (its most alike record pair is the one shown), and a verdict on
that pair answers the question for the two works as they are. All records are synthetic.
"""

from sqlalchemy import select

from review.dedup import decide_pair, find_duplicates, list_pairs, run_dedup
from review.store import schema
from review.store.pairs import count_uncertain
from tests.dedup.synthetic import add_records, rec

MINISTRY = "Kunnskapsdepartementet"
PAPER = "Høringsnotat – forslag til endringer i opplæringslova"
OTHER_PAPER = "Høringsnotat – forslag til endringer i integreringsloven"


def catalogue(title, year=2021):
    return rec(title, MINISTRY, year, source="oria", doc_type="report")


def scholar(title, year=2021):
    return rec(title, MINISTRY, year, source="scholar", doc_type="other")


def one_paper_and_a_title_cut_to_its_first_word():
    """Two records of one consultation paper (merged on their full titles) and a Scholar hit that kept only
    "Høringsnotat": the hit may be that paper or any other of the ministry's that year, so a person decides."""
    return [catalogue(PAPER), scholar(PAPER), scholar("Høringsnotat")]


def work_of(store, raw_id):
    with store.read() as conn:
        return conn.execute(select(schema.work_links.c.work_id).where(schema.work_links.c.raw_id == raw_id)).scalar()


def test_the_engine_queues_the_cut_hit_against_each_record_of_the_paper():
    """The rules compare records, so the engine's own list has one pair per record (what the store collapses)."""
    result = find_duplicates(one_paper_and_a_title_cut_to_its_first_word())
    assert result.groups == [[0, 1], [2]]
    assert {(p.a, p.b) for p in result.uncertain} == {(0, 2), (1, 2)}
    assert result.decisions_for_a_person() == 1


def test_one_question_per_pair_of_works_and_one_answer_settles_it(store, protocol):
    ids = add_records(store, one_paper_and_a_title_cut_to_its_first_word())
    report = run_dedup(store, protocol)
    assert work_of(store, ids[0]) == work_of(store, ids[1]) != work_of(store, ids[2])
    assert report.uncertain == 1
    with store.read() as conn:
        [pair] = list_pairs(conn)
        assert count_uncertain(conn) == 1
    assert pair["record_pairs"] == 2  # the shown pair stands for both records of the paper
    assert {pair["raw_a"], pair["raw_b"]} & {ids[0], ids[1]} and ids[2] in (pair["raw_a"], pair["raw_b"])

    decide_pair(store, pair["raw_a"], pair["raw_b"], "distinct", "lead", protocol=protocol)
    with store.read() as conn:
        assert list_pairs(conn) == []  # the paper's other record is not asked about again
        assert count_uncertain(conn) == 0
    assert run_dedup(store, protocol).uncertain == 0  # nor after the next run
    assert work_of(store, ids[0]) == work_of(store, ids[1]) != work_of(store, ids[2])


def test_a_merge_leaves_one_question_about_the_other_work(store, protocol):
    """The cut hit fits two papers, whose full titles differ in their last word only. Merged into one paper, the
    hit is part of the question still open about the two papers, and one answer settles that."""
    records = [catalogue(PAPER), scholar(PAPER), catalogue(OTHER_PAPER), scholar(OTHER_PAPER), scholar("Høringsnotat")]
    ids = add_records(store, records)
    # the hit against each paper (two record pairs each) and the two papers (four record pairs); the engine's
    # count of questions (what the benchmark reports) and the store's queue agree
    assert run_dedup(store, protocol).uncertain == 3 == find_duplicates(records).decisions_for_a_person()
    with store.read() as conn:
        queue = list_pairs(conn)
    assert sorted(p["record_pairs"] for p in queue) == [2, 2, 4]
    first = next(p for p in queue if ids[4] in (p["raw_a"], p["raw_b"]) and {ids[0], ids[1]} & {p["raw_a"], p["raw_b"]})
    decide_pair(store, first["raw_a"], first["raw_b"], "duplicate", "lead", protocol=protocol)
    with store.read() as conn:
        [left] = list_pairs(conn)
    assert left["record_pairs"] == 6
    assert {work_of(store, left["raw_a"]), work_of(store, left["raw_b"])} == {
        work_of(store, ids[0]),
        work_of(store, ids[2]),
    }
    decide_pair(store, left["raw_a"], left["raw_b"], "distinct", "lead", protocol=protocol)
    with store.read() as conn:
        assert list_pairs(conn) == []


def test_a_keep_apart_stops_answering_once_a_record_leaves_the_work(store, protocol):
    """The answer was about the works as they were: when the record it named is split off, the hit is asked about
    the rest of the paper again rather than kept apart from records nobody compared it with."""
    ids = add_records(store, one_paper_and_a_title_cut_to_its_first_word())
    run_dedup(store, protocol)
    with store.read() as conn:
        [pair] = list_pairs(conn)
    named = pair["raw_a"] if pair["raw_a"] != ids[2] else pair["raw_b"]
    decide_pair(store, named, ids[2], "distinct", "lead", protocol=protocol)
    other = ids[0] if named == ids[1] else ids[1]
    decide_pair(store, ids[0], ids[1], "distinct", "lead", protocol=protocol)  # the paper's two records split
    assert work_of(store, ids[0]) != work_of(store, ids[1])
    with store.read() as conn:
        queue = list_pairs(conn)
    assert [{p["raw_a"], p["raw_b"]} for p in queue] == [{other, ids[2]}]


def test_the_methods_paragraph_counts_the_verdicts_that_stand(store, protocol):
    """PRISMA-S asks how duplicates were handled: a verdict a person undid decided nothing."""
    from review.dedup import undo_action
    from review.reports.collect import dedup_method

    add_records(store, one_paper_and_a_title_cut_to_its_first_word())
    run_dedup(store, protocol)
    with store.read() as conn:
        [pair] = list_pairs(conn)
    change = decide_pair(store, pair["raw_a"], pair["raw_b"], "duplicate", "lead", protocol=protocol)
    with store.read() as conn:
        assert dedup_method(conn).endswith("Pairs decided by a person: 1.")
    undo_action(store, change.action_id, "lead", protocol)
    with store.read() as conn:
        assert dedup_method(conn).endswith("Pairs decided by a person: 0.")
        [again] = list_pairs(conn)
    decide_pair(store, again["raw_a"], again["raw_b"], "distinct", "lead", protocol=protocol)
    with store.read() as conn:
        assert dedup_method(conn).endswith("Pairs decided by a person: 1.")

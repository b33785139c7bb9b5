"""run_dedup, undo_merge and resolve_pair on a store in tmp_path (synthetic records)."""

import json

import pytest
from sqlalchemy import select

from review.dedup import list_pairs, resolve_pair, run_dedup, undo_merge, work_records
from review.errors import ReviewError, StoreError
from review.store import schema
from tests.dedup.synthetic import add_decision, add_records, rec

TITLE = "Karriereveiledning for nyankomne flyktninger og innvandrere: en kunnskapsoversikt"
AUTHORS = "Nordmann, Kari; Hansen, Ola; Berg, Ida"


def report_copies():
    return [
        rec(
            TITLE,
            AUTHORS,
            2023,
            source="scholar",
            family="sv",
            cluster_id=None,
            abstract="Vi har gjennomgått … kort utdrag",
            abstract_is_snippet=True,
        ),
        rec(
            "Karriereveiledning for nyankomne flyktninger og innvandrere: en …",
            "KA Nordmann; O Hansen",
            2023,
            source="scholar",
            family="da",
        ),
        rec(
            TITLE,
            AUTHORS,
            2023,
            source="oria",
            family="no",
            doc_type="report",
            doi="10.9999/fafo.2023.1",
            abstract="Rapporten oppsummerer forskning om karriereveiledning for nyankomne. " * 3,
        ),
    ]


def work_of(store, raw_id):
    with store.read() as conn:
        return conn.execute(select(schema.work_links.c.work_id).where(schema.work_links.c.raw_id == raw_id)).scalar()


def work_row(store, work_id):
    with store.read() as conn:
        return conn.execute(select(schema.works).where(schema.works.c.id == work_id)).one()


def test_merged_work_takes_the_best_fields_and_counts_for_the_first_family(store, protocol):
    ids = add_records(
        store, report_copies() + [rec("Et annet arbeid om språkopplæring", "Lund, Per", 2020, family="en")]
    )
    report = run_dedup(store, protocol)
    assert (report.records, report.works, report.merged) == (4, 2, 2)
    work = work_of(store, ids[0])
    assert work_of(store, ids[1]) == work_of(store, ids[2]) == work
    row = work_row(store, work)
    assert row.title == TITLE and row.doi == "10.9999/fafo.2023.1" and row.doc_type == "report"
    assert not row.abstract_is_snippet and row.abstract.startswith("Rapporten")
    assert json.loads(row.authors)[0] == ["Nordmann", "Kari"] and len(json.loads(row.authors)) == 3
    assert row.family == "no"  # found by no, sv and da: counts for no (protocol order)
    with store.read() as conn:
        linked = work_records(conn, work)
    assert [item.raw_id for item in linked] == ids[:3]
    assert {item.record.family for item in linked} == {"no", "sv", "da"}
    assert all(item.decided_by == "auto" for item in linked)


def test_rerun_keeps_work_ids_and_new_records_join_existing_works(store, protocol):
    first = add_records(store, report_copies()[:1] + [rec("Språk og arbeid i Sverige", "Svensson, Eva", 2019)])
    run_dedup(store, protocol)
    before = {raw: work_of(store, raw) for raw in first}
    later = add_records(
        store, report_copies()[2:] + [rec("Helt nytt arbeid fra 2023", "Lund, Per", 2023)], round_label="2023"
    )
    report = run_dedup(store, protocol)
    assert {raw: work_of(store, raw) for raw in first} == before
    assert work_of(store, later[0]) == before[first[0]]
    assert work_of(store, later[1]) not in before.values()
    assert (report.new_works, report.linked) == (1, 2)
    again = run_dedup(store, protocol)
    assert (again.new_works, again.linked, again.works) == (0, 0, report.works)


def test_two_screened_works_are_queued_instead_of_merged(store, protocol):
    a = add_records(store, [rec(TITLE, AUTHORS, 2023)])
    run_dedup(store, protocol)
    add_decision(store, work_of(store, a[0]))
    b = add_records(store, [rec("Noe helt annet", "Lund, Per", 2023)])
    run_dedup(store, protocol)
    add_decision(store, work_of(store, b[0]))
    # The second record is corrected into a copy of the first (as a re-import of a fixed file would).
    with store.write() as conn:
        conn.execute(
            schema.raw_records.update()
            .where(schema.raw_records.c.id == b[0])
            .values(title=TITLE, authors=json.dumps([["Nordmann", "Kari"], ["Hansen", "Ola"]]))
        )
    report = run_dedup(store, protocol)
    assert work_of(store, a[0]) != work_of(store, b[0])
    assert report.uncertain == 1
    with store.read() as conn:
        [pair] = list_pairs(conn)
    assert (pair["raw_a"], pair["raw_b"]) == (a[0], b[0]) and "screening decisions" in pair["reason"]


def test_a_work_grouped_when_it_was_made_has_no_merge_to_undo(store, protocol):
    """Undo is the inverse of a merge of two works; records grouped at creation are moved out with
    "keep apart" instead (tests/dedup/test_dedup_undo.py)."""
    ids = add_records(store, report_copies())
    run_dedup(store, protocol)
    work = work_of(store, ids[0])
    add_decision(store, work)
    with pytest.raises(StoreError, match="no merge to undo.*--distinct"):
        undo_merge(store, work, "Anna", protocol=protocol)
    assert {work_of(store, i) for i in ids} == {work}


def test_resolve_pair_merges_and_the_verdict_survives_reruns(store, protocol):
    ids = add_records(
        store,
        [
            rec("Nyankomne i arbeid", "Nordmann, Kari", 2020),
            rec("Nyankomne i arbeid og utdanning", "Nordmann, Kari", 2020),
        ],
    )
    run_dedup(store, protocol)
    assert work_of(store, ids[0]) != work_of(store, ids[1])
    kept = work_of(store, ids[0])
    assert resolve_pair(store, ids[1], ids[0], "duplicate", "Bjørn", protocol=protocol) == kept
    assert work_of(store, ids[1]) == kept
    absorbed = [w for w in (work_row(store, w) for w in range(1, 3)) if w.merged_into]
    assert [w.merged_into for w in absorbed] == [kept]
    run_dedup(store, protocol)
    assert work_of(store, ids[1]) == kept
    resolve_pair(store, ids[0], ids[1], "distinct", "Bjørn", protocol=protocol)
    assert work_of(store, ids[0]) == kept and work_of(store, ids[1]) != kept
    run_dedup(store, protocol)
    assert work_of(store, ids[1]) != kept


def test_distinct_verdict_removes_the_pair_from_the_queue(store, protocol):
    title = "Karriereveiledning for voksne innvandrere i Norge"
    ids = add_records(
        store,
        [rec(title, "Nordmann, Kari", 2021, doc_type="report"), rec(title, "Nordmann, Kari", 2021, doc_type="article")],
    )
    assert run_dedup(store, protocol).uncertain == 1
    resolve_pair(store, ids[0], ids[1], "distinct", "Anna")
    with store.read() as conn:
        assert list_pairs(conn) == []
    assert run_dedup(store, protocol).uncertain == 0


def test_bad_requests_raise_review_errors_and_change_nothing(store, protocol):
    ids = add_records(store, [rec("Et arbeid", "Lund, Per", 2020)])
    with pytest.raises(StoreError, match="not in any work"):
        resolve_pair(store, ids[0], 999, "duplicate", "Anna")
    run_dedup(store, protocol)
    with pytest.raises(StoreError, match="no raw record 999"):
        resolve_pair(store, ids[0], 999, "duplicate", "Anna")
    with pytest.raises(ReviewError, match="verdict must be"):
        resolve_pair(store, ids[0], 999, "same", "Anna")
    with pytest.raises(ReviewError, match="reviewer"):
        resolve_pair(store, ids[0], 999, "distinct", " ")
    with pytest.raises(StoreError, match="no merge to undo"):
        undo_merge(store, work_of(store, ids[0]), "Anna")
    with pytest.raises(StoreError, match="no work 77"):
        undo_merge(store, 77, "Anna")
    with store.read() as conn:
        assert conn.execute(select(schema.pair_verdicts)).all() == []


def test_the_protocol_can_keep_cochrane_review_versions_apart(store, protocol):
    venue = "Cochrane Database of Systematic Reviews"
    versions = [
        rec(
            "Mentoring for refugees entering work",
            AUTHORS,
            2009,
            venue=venue,
            family="en",
            doi="10.1002/14651858.CD999001.pub2",
        ),
        rec(
            "Mentoring for refugees entering work",
            AUTHORS,
            2015,
            venue=venue,
            family="en",
            doi="10.1002/14651858.CD999001.pub3",
        ),
    ]
    ids = add_records(store, versions)
    protocol.join_review_versions = False
    run_dedup(store, protocol)
    assert work_of(store, ids[0]) != work_of(store, ids[1])
    protocol.join_review_versions = True  # the default: one review, one work to screen
    run_dedup(store, protocol)
    assert work_of(store, ids[0]) == work_of(store, ids[1])


def test_the_starter_protocol_joins_review_versions_and_a_bad_setting_is_named(review_dir):
    from review.errors import ProtocolError
    from review.protocol import load_protocol

    assert load_protocol(review_dir).join_review_versions is True
    path = review_dir / "review.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("join_review_versions = true", 'join_review_versions = "yes"'),
        encoding="utf-8",
    )
    with pytest.raises(ProtocolError, match=r"review\.toml: dedup\.join_review_versions must be true or false"):
        load_protocol(review_dir)

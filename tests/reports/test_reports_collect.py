"""collect.py against a SYNTHETIC store (see reports_testdata.py)."""

from review.reports import collect


def test_included_are_latest_final_includes_at_stage_3(store):
    with store.read() as conn:
        ids = collect.included_work_ids(conn)
    # work 2 was excluded at stage 3 and later included: the latest final decision wins;
    # work 5 was excluded at stage 3; work 4 never got past stage 1.
    assert ids == [1, 2, 3, 6]


def test_included_work_carries_latest_summary_and_provenance(store, protocol):
    with store.read() as conn:
        works = {w.work_id: w for w in collect.collect_included(conn, protocol)}
    first = works[1]
    assert first.aim == "Rapporten handler om fem syntetiske prosjekter."
    assert first.appendix_group == "Norske rapporter"
    assert first.sources == ["oria", "scholar"]
    assert first.families == ["no"]
    assert [a.family for a in first.authors] == ["Nordmann", "Hansen"]
    article = works[3]
    assert (article.volume, article.issue, article.pages) == ("12", "3", "101-120")
    assert article.issns == ["0000-0019"]
    assert works[6].appendix_group is None and works[6].aim == ""


def test_screening_works_hold_latest_final_decision_per_stage(store, protocol):
    with store.read() as conn:
        works = {w.work_id: w for w in collect.collect_screening_works(conn, protocol)}
    assert works[1].final == {1: "include", 2: "include", 3: "include"}  # the non-final "maybe" is ignored
    assert works[4].final == {1: "exclude"}
    assert works[4].n_records == 2


def test_search_log_lists_runs_and_planned_searches(store, protocol):
    with store.read() as conn:
        log = collect.collect_search_log(conn, protocol)
    pairs = [(e.family, e.source, e.search.files if e.search else None) for e in log]
    assert pairs == [
        ("no", "oria", ["oria_no.ris"]),
        ("no", "scholar", ["scholar_no.html"]),
        ("sv", "scholar", ["scholar_sv.html"]),
        ("en", "oria", ["oria_en.ris"]),
        ("sv", "oria", None),
    ]
    scholar_no = log[1].search
    # A string nobody recorded stays unrecorded: the protocol's Oria string is never put in its place.
    assert scholar_no.query is None and scholar_no.query_text == "not recorded"
    assert scholar_no.query_origin == "not recorded"
    assert (scholar_no.hits, scholar_no.records) == (None, 2)
    planned = log[4]
    assert planned.search is None and planned.planned_query.startswith("karriärvägledning*")
    assert log[3].search.hits == 2 and log[3].problems == 1 and log[3].search.run_by == "Bjørn"


def test_raw_rows_and_decisions(store, protocol):
    with store.read() as conn:
        raw = collect.collect_raw(conn)
        decisions = collect.collect_decisions(conn, protocol)
    assert len(raw) == 8 and raw[0].file_name == "oria_no.ris" and raw[0].work_id == 1
    assert len(decisions) == 18
    assert decisions[0].reviewer == "Bjørn" and decisions[0].final is False
    assert decisions[6].reasons == ["For perifert for problemstillingene"]

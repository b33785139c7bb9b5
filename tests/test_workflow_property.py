"""Property test over random decision logs (issue #16): `review status`, Table 3.1 and the flow diagram
agree in every configuration (single, dual, rule exclusions, maybes, a second round), and the same log
gives the same counts whether it is pressed on the page or loaded with `review decide --csv`.

Every review here is synthetic (tests/conftest.py builds the records)."""

from __future__ import annotations

import csv
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review.bundled import write_starter_protocol
from review.errors import ReviewError
from review.protocol import load_protocol
from review.reports.collect import collect_included
from review.reports.flow.layout import layout_flow
from review.reports.table31 import table_3_1
from review.rounds import open_round
from review.store import open_store, schema
from review.store.decisions import maybes_among, maybes_waiting
from screening.agreement import reconcile
from screening.auto import apply_protocol_exclusions
from screening.bulk import apply_decisions_csv
from screening.decisions import Decision, record
from screening.flow import compute_flow, status_dict
from screening.queue import eligible
from tests.conftest import add_records, set_stage_mode, singleton_works, synthetic_records

REVIEWERS = ("Anna", "Bjørn", "Cecilie")
REASON = "Ikke relevant for problemstillingene"

configs = st.fixed_dictionaries(
    {
        "modes": st.tuples(*[st.sampled_from(("single", "dual"))] * 3),
        "rules": st.booleans(),
        "second_round": st.booleans(),
    }
)
entries = st.lists(
    st.tuples(
        st.integers(0, 8),
        st.integers(1, 3),
        st.sampled_from(REVIEWERS),
        st.sampled_from(("include", "exclude", "maybe")),
        st.booleans(),
    ),
    max_size=40,
)


def _build(directory: Path, config: dict):
    write_starter_protocol(directory)
    for stage, mode in enumerate(config["modes"], start=1):
        set_stage_mode(directory, stage, mode)
    protocol = load_protocol(directory)
    store = open_store(directory)
    records = synthetic_records(7)
    if config["rules"]:
        records[5].doc_type = "thesis"
        records[6].year = 1990
    add_records(store, protocol, records)
    if config["second_round"]:
        with store.write() as conn:
            open_round(conn, 2023, 2024)
        add_records(store, protocol, synthetic_records(2, family_titles="Syntetisk oppdatering"), label="update")
    works = singleton_works(store)
    if config["rules"]:
        apply_protocol_exclusions(store, protocol)
    return protocol, store, works


def _press(store, protocol, works, log) -> list[tuple]:
    """Apply the log as the page would; returns the rows that were accepted (work, stage, reviewer,
    decision, final as the file would say it)."""
    applied = []
    for index, stage, reviewer, decision, lead_final in sorted(log, key=lambda e: e[1]):
        if index >= len(works):
            continue
        dual = protocol.stage(stage).mode == "dual"
        reconciles = dual and lead_final and reviewer == protocol.lead  # the lead's final decision
        d = Decision(
            work_id=works[index],
            stage=stage,
            decision=decision,
            reviewer=reviewer,
            reasons=[REASON] if decision == "exclude" else [],
            final=reconciles or not dual,
        )
        try:
            if reconciles:
                reconcile(store, protocol, d.work_id, stage, reviewer, decision, d.reasons)
            else:
                record(store, protocol, d)
        except ReviewError:
            continue
        applied.append((works[index], stage, reviewer, decision, "true" if d.final else "false"))
    return applied


def _load_csv(store, protocol, rows, path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["work_id", "stage", "decision", "reason", "reviewer", "final"])
        for work, stage, reviewer, decision, final in rows:
            writer.writerow([work, stage, decision, REASON if decision == "exclude" else "", reviewer, final])
    apply_decisions_csv(store, protocol, path)


def _naive_included(rows: list[dict], live: list[int]) -> set[int]:
    """The included works recomputed in plain Python from the log: the latest final row per stage."""
    latest: dict[tuple[int, int], dict] = {}
    for row in rows:
        if row["final"]:
            latest[(row["work_id"], row["stage"])] = row
    passing = set(live)
    for stage in (1, 2, 3):
        passing = {w for w in passing if latest.get((w, stage), {}).get("decision") == "include"}
    return passing


def _check_agreement(store, protocol, round_id=None) -> dict:
    flow = compute_flow(store, protocol, round_id)
    status = status_dict(flow)
    table = table_3_1(flow, protocol)
    totals = table.rows[-1][2:]
    boxes = {b.key: " ".join(ln.text for ln in b.lines) for b in layout_flow(flow, "en").boxes}
    screened = int(re.search(r"Records screened \(n = (\d+)\)", boxes["screened"]).group(1))
    assert screened == totals[0] == status.get("screened", screened)
    assert totals[1:] == [status["stages"][str(n)]["included"] for n in (1, 2, 3)]
    assert status["included"] == totals[-1]
    assert sum(row[2] for row in table.rows[:-1]) == totals[0]  # families add up to the total
    with store.read() as conn:
        for n in (1, 2, 3):
            s = status["stages"][str(n)]
            reach = len(eligible(conn, n, round_id))
            assert s["included"] + s["excluded"] + s["maybe"] + s["pending"] == reach, (n, s, reach)
            assert s["screened"] == s["included"] + s["excluded"]
            for reviewer in (None, *REVIEWERS):  # the flow's shortcut and the maybe queue's query agree
                assert maybes_among(conn, n, eligible(conn, n, round_id), reviewer) == set(
                    maybes_waiting(conn, n, round_id, reviewer)
                )
            awaiting = s["pending"] + s["maybe"]
            if awaiting and n > 1:
                key = "assessed" if n == 2 else "final"
                assert f"Awaiting a decision (n = {awaiting})" in boxes[key]
        if round_id is None:
            included = {w.work_id for w in collect_included(conn, protocol)}
            rows = [r._asdict() for r in conn.execute(schema.decisions.select().order_by(schema.decisions.c.id))]
            assert included == _naive_included(rows, eligible(conn, 1))
            assert len(included) == status["included"]
    return status


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(config=configs, log=entries)
def test_status_table_and_diagram_agree_and_page_equals_csv(config, log):
    with tempfile.TemporaryDirectory() as tmp:
        protocol, page_store, works = _build(Path(tmp) / "page", config)
        csv_store = None
        try:
            applied = _press(page_store, protocol, works, log)
            page_status = _check_agreement(page_store, protocol)
            if config["second_round"]:
                _check_agreement(page_store, protocol, round_id=2)
            protocol_csv, csv_store, csv_works = _build(Path(tmp) / "csv", config)
            assert csv_works == works
            _load_csv(csv_store, protocol_csv, applied, Path(tmp) / "log.csv")
            assert _check_agreement(csv_store, protocol_csv) == page_status
        finally:
            page_store.close()
            if csv_store is not None:
                csv_store.close()

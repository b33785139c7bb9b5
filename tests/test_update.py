"""Review rounds: a new year range keeps earlier decisions and counts each round on its own."""

import pytest
from sqlalchemy import select

from review.errors import ReviewError
from review.store import schema
from review.timeutil import now_iso
from review.update import extend_protocol_years, found_again, parse_years, start_round
from screening.decisions import Decision, history, record
from screening.flow import compute_flow
from screening.queue import open_for
from tests.conftest import add_records, singleton_works, synthetic_records


def test_parse_years():
    assert parse_years("2023-2025") == (2023, 2025)
    assert parse_years("2023–2025") == (2023, 2025)
    for bad in ("2025-2023", "23-25", ""):
        with pytest.raises(ReviewError):
            parse_years(bad)


def test_round_keeps_decisions_and_counts_per_round(store, protocol, works, review_dir):
    for w in works[:4]:
        record(store, protocol, Decision(work_id=w, stage=1, decision="include", reviewer="Anna"))
    for w in works[:2]:
        record(store, protocol, Decision(work_id=w, stage=2, decision="include", reviewer="Anna"))
        record(store, protocol, Decision(work_id=w, stage=3, decision="include", reviewer="Anna"))
    with pytest.raises(ReviewError, match="overlap"):
        start_round(store, protocol, (2020, 2025))
    round_id, label, opened = start_round(store, protocol, (2023, 2025))
    assert opened and round_id == 2 and "2023" in label
    assert start_round(store, protocol, (2023, 2025))[2] is False  # continued, not opened twice

    new = synthetic_records(3, family_titles="Ny rapport")
    for r in new:
        r.year = 2024
    add_records(store, protocol, new, label="round2")
    with store.write() as conn:  # what dedup does when a new record is an earlier work found again
        again_raw = conn.execute(select(schema.raw_records.c.id).order_by(schema.raw_records.c.id.desc())).scalar()
        conn.execute(schema.work_links.insert().values(raw_id=again_raw, work_id=works[0], rule="doi",
                                                       decided_by="auto", decided_at=now_iso()))
    new_works = singleton_works(store)
    assert len(new_works) == 2

    with store.read() as conn:
        assert found_again(conn, 2) == [works[0]]
        assert history(conn, works[0], 1)[0]["decision"] == "include"  # kept
        queue = open_for(conn, protocol, 1, "Bjørn")
    assert works[0] not in queue and set(new_works) <= set(queue)  # never queued again

    second = compute_flow(store, protocol, round_id=2)
    assert (second.identified, second.duplicates_removed, second.unique) == (3, 1, 2)
    assert second.previous_included == 2 and second.included == 0 and second.total_included == 2
    whole = compute_flow(store, protocol)
    assert (whole.identified, whole.unique, whole.included) == (13, 12, 2)

    assert extend_protocol_years(review_dir, (2023, 2025)) == (2016, 2025)
    assert "years = [2016, 2025]" in (review_dir / "review.toml").read_text(encoding="utf-8")

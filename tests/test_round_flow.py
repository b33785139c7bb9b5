"""The updated-review diagram's "duplicates removed" box: records already screened in earlier rounds
versus duplicates within the new searches (synthetic records)."""

import re

import pytest
from sqlalchemy import select

from review.reports.flow.draw import write_flow
from review.store import schema
from review.timeutil import now_iso
from review.update import start_round
from screening.flow import compute_flow, status_dict
from tests.conftest import add_records, singleton_works, synthetic_records


def _link(store, raw_id, work_id):
    with store.write() as conn:
        conn.execute(
            schema.work_links.insert().values(
                raw_id=raw_id, work_id=work_id, rule="doi", decided_by="auto", decided_at=now_iso()
            )
        )


@pytest.mark.slow
def test_duplicates_removed_are_split_into_found_again_and_within_the_new_searches(store, protocol, works, tmp_path):
    start_round(store, protocol, (2023, 2025))
    new = synthetic_records(5, family_titles="Ny rapport")
    add_records(store, protocol, new, label="round2")
    with store.read() as conn:
        raw = list(conn.execute(select(schema.raw_records.c.id).order_by(schema.raw_records.c.id)).scalars())[-5:]
    _link(store, raw[0], works[0])  # found again: screened in round 1
    _link(store, raw[1], works[1])  # found again
    new_works = singleton_works(store)  # raw[2], raw[3], raw[4] become works ...
    with store.write() as conn:  # ... then raw[4] turns out to duplicate raw[3] (within the new searches)
        conn.execute(
            schema.work_links.update().where(schema.work_links.c.raw_id == raw[4]).values(work_id=new_works[1])
        )
        conn.execute(schema.works.update().where(schema.works.c.id == new_works[2]).values(merged_into=new_works[1]))

    flow = compute_flow(store, protocol, round_id=2)
    assert (flow.identified, flow.unique, flow.duplicates_removed) == (5, 2, 3)
    assert (flow.duplicates_of_earlier, flow.duplicates_within) == (2, 1)
    status = status_dict(flow)
    assert status["duplicates_of_earlier_rounds"] == 2 and status["duplicates_within_new_searches"] == 1
    whole = compute_flow(store, protocol)
    assert whole.duplicates_of_earlier is None and "duplicates_of_earlier_rounds" not in status_dict(whole)

    out = tmp_path / "flow.svg"
    write_flow(flow, out, language="en")
    labels = "\n".join(re.findall(r"<text[^>]*>([^<]*)</text>", out.read_text(encoding="utf-8")))
    assert "Duplicate records removed (n = 3)" in labels
    assert "already screened in earlier rounds (n = 2)" in labels
    assert "duplicates within the new searches (n = 1)" in labels
    assert "Previous studies" in labels

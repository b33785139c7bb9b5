"""Review rounds: a new year range keeps earlier decisions and counts each round on its own."""

import sys

import pytest
from sqlalchemy import select

from review.errors import ReviewError
from review.store import schema
from review.timeutil import now_iso
from review.update import extend_protocol_years, found_again, parse_years, start_round
from screening.decisions import Decision, history, record
from screening.flow import compute_flow
from screening.queue import open_for
from tests.conftest import REPO, add_records, singleton_works, synthetic_records


def test_parse_years():
    assert parse_years("2023-2025") == (2023, 2025)
    assert parse_years("2023–2025") == (2023, 2025)
    for bad in ("2025-2023", "23-25", ""):
        with pytest.raises(ReviewError):
            parse_years(bad)


@pytest.mark.slow
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
        conn.execute(
            schema.work_links.insert().values(
                raw_id=again_raw, work_id=works[0], rule="doi", decided_by="auto", decided_at=now_iso()
            )
        )
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


# --- An update round that finds the screened works again (issue #18) --------------------------------------


def _grey_literature_module():
    """benchmarks/grey_literature.py renders the bundled review's real works as Scholar and Oria do."""
    import importlib.util

    path = REPO / "benchmarks" / "grey_literature.py"
    spec = importlib.util.spec_from_file_location("grey_literature", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up there
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


@pytest.fixture(scope="module")
def bundled_review(tmp_path_factory):
    from review.cli import main

    target = tmp_path_factory.mktemp("update") / "fafo"
    assert main(["example", str(target), "--quiet"]) == 0
    return target


@pytest.mark.slow
def test_update_round_joins_every_refound_work_to_its_screened_work(bundled_review, tmp_path):
    """A new round's Scholar hits (PoP CSV, a saved page, "Cite" BibTeX; SYNTHETIC renderings of the real
    works) join the works screened in round 1: decisions carry over, nothing is queued or counted again."""
    import csv
    import shutil

    from review.cli import main
    from review.protocol import load_protocol
    from review.store import open_store
    from screening.decisions import latest_final

    review = tmp_path / "fafo"
    shutil.copytree(bundled_review, review)
    grey = _grey_literature_module()
    renders = tmp_path / "grey"
    grey.generate(renders, twins=False)
    scholar_files = [renders / name for name in ("pop.csv", "scholar.html", "scholar.bib")]
    assert (
        main(
            [
                "update",
                str(review),
                *map(str, scholar_files),
                "--years",
                "2023-2025",
                "--family",
                "no",
                "--source",
                "scholar",
            ]
        )
        == 0
    )
    assert main(["dedup", str(review)]) == 0

    truth = {}
    with (REPO / "fafo_data" / "ground_truth.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            truth[(row["file"].rsplit("/", 1)[-1], int(row["position"]))] = row["work"]
    labels = {}
    with (renders / "labels.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            labels[(row["file"], int(row["position"]))] = row["work"]

    store = open_store(review)
    protocol = load_protocol(review)
    try:
        with store.read() as conn:
            r, i, links = schema.raw_records, schema.imports, schema.work_links
            rows = conn.execute(
                select(r.c.id, r.c.position, i.c.file_name, i.c.round_id, links.c.work_id)
                .join(i, i.c.id == r.c.import_id)
                .join(links, links.c.raw_id == r.c.id)
            ).all()
            screened_work = {}  # work key -> the round-1 work holding its records
            for row in rows:
                if row.round_id == 1:
                    screened_work.setdefault(truth[(row.file_name, row.position)], set()).add(row.work_id)
            included = set(w for w, d in latest_final(conn, 3).items() if d["decision"] == "include")
            queued = {
                p
                for pair in conn.execute(select(schema.candidate_pairs.c.raw_a, schema.candidate_pairs.c.raw_b))
                for p in pair
            }
            again = set(found_again(conn, 2))
        assert len(included) == 24
        refound = [row for row in rows if row.round_id == 2 and labels[(row.file_name, row.position)] in screened_work]
        assert refound
        for row in refound:
            key = labels[(row.file_name, row.position)]
            assert screened_work[key] == {row.work_id}, f"{key} ({row.file_name} #{row.position}) was not joined"
            assert row.id not in queued
        assert included <= again
        assert len(refound) == sum(1 for row in rows if row.round_id == 2)  # every hit is a real work found before
        second = compute_flow(store, protocol, round_id=2)
        assert (second.identified, second.unique) == (len(refound), 0)  # found again, counted once
    finally:
        store.close()

"""Several reviewers' processes writing to one review at once: nothing lost, nothing doubled, and
no "database is locked" reaching anyone.

Each session process is released at the same moment (a go-file), records its decisions through
``screening.decisions.record`` and prints each acknowledged one; the store must then hold exactly
the acknowledged decisions. Runs on SQLite, and on PostgreSQL when a test server is configured.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter

import pytest
from sqlalchemy import select

from review.store import Store, schema
from review.store.migrations import LATEST
from screening.decisions import CONSENSUS
from tests.conftest import set_stage_mode
from tests.reliability.harness import assert_acked_are_stored, prepare_review, start_session, stored_decisions
from tests.reliability.probe import parse_settings

pytestmark = pytest.mark.slow

PROCESSES = 4
DECISIONS_EACH = 250
TIMEOUT = 600  # seconds for the whole run; the two cores are shared with other work


def run_together(review_dir, url, tmp_path, specs: list[dict]) -> list:
    go = tmp_path / "go"
    sessions = [start_session(review_dir, url, go_file=go, **spec) for spec in specs]
    for s in sessions:
        assert s.ready.wait(120), "a session did not start"
    go.touch()
    results = [s.finish(TIMEOUT) for s in sessions]
    for s, (code, stderr) in zip(sessions, results, strict=False):
        assert "locked" not in stderr.lower() and not any("locked" in line for line in s.lines), stderr
        assert code == 0, f"session exited with {code}: {stderr[-2000:]} {s.lines[-3:]}"
        # Retries in Store.transact let a lazily taken write lock pass this test too, until a
        # read-then-write transaction meets a busy lock it cannot upgrade; so the mode is checked.
        assert parse_settings(s.lines)["lock"] == "at-begin", (
            "a write transaction did not hold the write lock from BEGIN"
        )
    return sessions


def test_four_writers_lose_and_double_nothing(review_dir, backend_url, tmp_path):
    works = prepare_review(review_dir, backend_url, 50)
    specs = [
        dict(reviewer=f"Leser {k}", tag=f"p{k}", works=works, count=DECISIONS_EACH, seed=k, shared_reasons=True)
        for k in range(PROCESSES)
    ]
    sessions = run_together(review_dir, backend_url, tmp_path, specs)

    acks = [a for s in sessions for a in s.acks()]
    assert len(acks) == PROCESSES * DECISIONS_EACH
    assert len({a.decision_id for a in acks}) == len(acks), "two acknowledgements share a decision id"
    store = Store(backend_url)
    try:
        rows = stored_decisions(store)
        assert_acked_are_stored(acks, rows)
        notes = Counter(r["note"] for r in rows.values())
        assert len(rows) == PROCESSES * DECISIONS_EACH
        assert set(notes) == {f"p{k}-{i}" for k in range(PROCESSES) for i in range(DECISIONS_EACH)}
        assert max(notes.values()) == 1, "a decision was stored twice"
        with store.read() as conn:
            reviewers = conn.execute(select(schema.reviewers.c.name)).scalars().all()
            custom = conn.execute(select(schema.custom_reasons.c.reason)).scalars().all()
        assert sorted(reviewers) == sorted({f"Leser {k}" for k in range(PROCESSES)} | {"Felles testleser"})
        assert len(custom) == len(set(custom))
    finally:
        store.close()


def test_dual_votes_at_once_still_reach_consensus(review_dir, backend_url, tmp_path):
    """Two reviewers vote on the same few works at the same time. Whenever both latest votes on a
    work agree, a consensus row must follow them: a vote that did not see the other reviewer's
    concurrent vote would leave an agreed work without its final decision."""
    set_stage_mode(review_dir, 1, "dual")
    works = prepare_review(review_dir, backend_url, 6)
    specs = [
        dict(reviewer=name, tag=name, works=works, count=150, seed=seed) for name, seed in (("Anna", 11), ("Bjorn", 12))
    ]
    run_together(review_dir, backend_url, tmp_path, specs)

    store = Store(backend_url)
    try:
        rows = sorted(stored_decisions(store).values(), key=lambda r: r["id"])
    finally:
        store.close()
    checked = 0
    for work in works:
        votes = {r["reviewer"]: r for r in rows if r["work_id"] == work and not r["final"]}
        finals = [r for r in rows if r["work_id"] == work and r["final"]]
        if len(votes) < 2 or len({v["decision"] for v in votes.values()}) != 1:
            continue
        later_vote = max(v["id"] for v in votes.values())
        following = [f for f in finals if f["id"] > later_vote]
        assert following and following[0]["reviewer"] == CONSENSUS, f"work {work}: agreed votes, no consensus"
        assert following[0]["decision"] == votes["Anna"]["decision"]
        assert json.loads(following[0]["reasons"]) == sorted(
            {r for v in votes.values() for r in json.loads(v["reasons"])}
        )
        checked += 1
    assert len([r for r in rows if not r["final"]]) == 300
    assert checked > 0, "no work ended with agreeing votes; the check did not run"


def test_new_store_opened_by_four_at_once(review_dir, backend_url, tmp_path):
    """The first open creates the file, switches it to WAL and runs the migrations; four programs
    doing that at the same moment must end with one schema, each version recorded once."""
    specs = [dict(reviewer=f"Leser {k}", tag=f"o{k}", works=[1], count=0) for k in range(PROCESSES)]
    run_together(review_dir, backend_url, tmp_path, specs)
    store = Store(backend_url)
    try:
        with store.read() as conn:
            versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    finally:
        store.close()
    assert versions == list(range(1, LATEST + 1))


def test_new_store_waits_for_a_writer_before_turning_to_wal(tmp_path):
    """SQLite refuses the switch of a new file to WAL at once, without waiting out busy_timeout, while
    another connection holds the write lock. That is how one of four programs opening a new store
    together failed with 'database is locked' in CI; opening must wait for the writer instead."""
    path = tmp_path / "review.sqlite"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.executescript("CREATE TABLE t(x); DROP TABLE t")  # a file with a header and no tables yet
    writer.execute("BEGIN IMMEDIATE")  # the write lock, as another program's first migration holds it
    release = threading.Timer(0.3, writer.execute, ("COMMIT",))
    release.start()
    try:
        store = Store(f"sqlite:///{path}")
    finally:
        release.join()
        writer.close()
    try:
        with store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert max(conn.execute(select(schema.schema_version.c.version)).scalars()) == LATEST
    finally:
        store.close()

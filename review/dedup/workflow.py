"""Deduplication on a review's store: incremental runs, undo, and a person's verdict on a pair.

Work ids are permanent (screening decisions point at them): a run only links new records to works,
creates works for records that match none, and joins two existing works only when at most one of
them has decisions. The absorbed work keeps its row with ``merged_into`` set, so nothing that
referenced it dangles. Every change happens in one transaction; a run compares records outside it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import combinations
from typing import Optional

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from review.auth import audit
from review.auth.roles import require
from review.dedup.best import best_fields, counting_family
from review.dedup.engine import find_duplicates
from review.dedup.records import load_raw, record_from_row, work_records
from review.errors import ReviewError, StoreError
from review.protocol import Protocol
from review.store import schema
from review.store.db import Store
from review.timeutil import now_iso

VERDICTS = ("duplicate", "distinct")
AUTO = "auto"
DEDUP_ATTEMPTS = 3


@dataclass
class DedupReport:
    records: int  # raw records in the store
    works: int  # works (records after deduplication)
    merged: int  # records - works: duplicates removed
    uncertain: int  # pairs waiting for a person
    new_works: int = 0
    linked: int = 0  # records linked to a work in this run
    joined_works: int = 0  # existing works absorbed into another in this run

    def __str__(self) -> str:
        return (f"{self.records} records -> {self.works} works ({self.merged} duplicates merged); "
                f"{self.new_works} new works, {self.linked} records linked, {self.joined_works} works joined; "
                f"{self.uncertain} uncertain pairs")


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _verdicts(conn: Connection) -> dict[tuple[int, int], str]:
    """The latest verdict per pair (the table is append-only: a changed mind adds a row)."""
    table = schema.pair_verdicts
    rows = conn.execute(select(table.c.raw_a, table.c.raw_b, table.c.verdict).order_by(table.c.id))
    return {(r.raw_a, r.raw_b): r.verdict for r in rows}


def _screened_works(conn: Connection) -> set[int]:
    return set(conn.execute(select(schema.decisions.c.work_id).distinct()).scalars())


def _new_work(conn: Connection, round_id: int) -> int:
    return conn.execute(insert(schema.works).values(round_id=round_id, created_at=now_iso())).inserted_primary_key[0]


def _refresh(conn: Connection, work_ids, family_order) -> None:
    """Recompute the cached best fields and counting family of each work from its records."""
    for work_id in set(work_ids):
        records = [linked.record for linked in work_records(conn, work_id)]
        if records:
            conn.execute(update(schema.works).where(schema.works.c.id == work_id).values(
                **best_fields(records), family=counting_family(records, family_order)))


def _absorb(conn: Connection, survivor: int, absorbed: int) -> None:
    conn.execute(update(schema.work_links).where(schema.work_links.c.work_id == absorbed).values(work_id=survivor))
    conn.execute(update(schema.works).where(schema.works.c.id == absorbed).values(merged_into=survivor))


def run_dedup(store: Store, protocol: Protocol, *, progress: bool = False) -> DedupReport:
    """Group every raw record into a work, keeping existing work ids; refill the queue of uncertain pairs.

    The comparison (minutes on a large review) runs on a snapshot read, holding no write lock, so
    reviewers keep screening and others keep importing meanwhile; the result is written in one short
    transaction that first checks nothing it was computed from has changed (``_fingerprint``). When
    something has, the run starts again from a new snapshot, up to ``DEDUP_ATTEMPTS`` times.
    """
    for _attempt in range(DEDUP_ATTEMPTS):
        with store.read() as conn:
            if conn.dialect.name == "postgresql":  # one snapshot for every read below
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            plan = _plan(conn, progress, protocol.join_review_versions)

        def apply(conn: Connection, plan: _Plan = plan) -> DedupReport | None:
            if _fingerprint(conn) != plan.fingerprint:
                return None  # changed since the snapshot: nothing written, compute again
            return _apply(conn, plan, protocol.family_order)

        report = store.transact(apply)
        if report is not None:
            return report
    raise StoreError(f"the review changed while deduplication was comparing records, {DEDUP_ATTEMPTS} times in a "
                     f"row (imports, merges or first decisions on works); nothing was changed. Run 'review dedup' "
                     f"again when the other work is done")


def _fingerprint(conn: Connection) -> str:
    """A digest of everything a dedup run reads: the raw records, which work each belongs to, which
    works are merged or screened, and the verdicts on pairs."""
    digest = hashlib.sha256()
    w, links, verdicts = schema.works, schema.work_links, schema.pair_verdicts
    queries = [select(schema.raw_records.c.id, schema.raw_records.c.import_id).order_by(schema.raw_records.c.id),
               select(links.c.raw_id, links.c.work_id).order_by(links.c.raw_id),
               select(w.c.id, w.c.merged_into).order_by(w.c.id),
               select(schema.decisions.c.work_id).distinct().order_by(schema.decisions.c.work_id),
               select(func.count(), func.max(verdicts.c.id)).select_from(verdicts)]
    for query in queries:
        for row in conn.execute(query):
            digest.update(repr(tuple(row)).encode())
        digest.update(b"|")
    return digest.hexdigest()


@dataclass
class _Plan:
    """What one comparison found, with what it was computed from."""

    fingerprint: str
    raw_ids: list[int]
    records: list
    rounds: list[int]
    links: dict[int, int]
    screened: set[int]
    decided: dict[tuple[int, int], str]
    result: object


def _plan(conn: Connection, progress: bool, join_review_versions: bool) -> _Plan:
    fingerprint = _fingerprint(conn)
    raw_ids, records, rounds = load_raw(conn)
    position = {raw_id: pos for pos, raw_id in enumerate(raw_ids)}
    links = {r.raw_id: r.work_id for r in conn.execute(select(schema.work_links.c.raw_id, schema.work_links.c.work_id))}
    members: dict[int, list[int]] = {}
    for raw_id, work_id in links.items():
        members.setdefault(work_id, []).append(position[raw_id])
    screened = _screened_works(conn)
    locked = [positions[0] for work_id, positions in members.items() if work_id in screened]
    decided = _verdicts(conn)
    verdicts = {(position[a], position[b]): v for (a, b), v in decided.items() if a in position and b in position}

    result = find_duplicates(records, groups=members.values(), locked=locked, verdicts=verdicts, progress=progress,
                             join_review_versions=join_review_versions)
    return _Plan(fingerprint, raw_ids, records, rounds, links, screened, decided, result)


def _apply(conn: Connection, plan: _Plan, family_order) -> DedupReport:
    raw_ids, records, rounds, links = plan.raw_ids, plan.records, plan.rounds, plan.links
    screened, decided, result = plan.screened, plan.decided, plan.result
    now = now_iso()
    touched: set[int] = set()
    new_works = linked = joined = 0
    for group in result.groups:
        existing = sorted({links[raw_ids[p]] for p in group if raw_ids[p] in links})
        if existing:
            with_decisions = [w for w in existing if w in screened]
            survivor = with_decisions[0] if with_decisions else existing[0]
            for other in existing:
                if other != survivor:
                    _absorb(conn, survivor, other)
                    joined += 1
        else:
            survivor = _new_work(conn, min(rounds[p] for p in group))
            new_works += 1
        fresh = [p for p in group if raw_ids[p] not in links]
        for pos in fresh:
            verdict = result.links.get(pos)
            conn.execute(insert(schema.work_links).values(
                raw_id=raw_ids[pos], work_id=survivor, rule=verdict.rule if verdict else "first",
                score=verdict.score if verdict else None, decided_by=AUTO, decided_at=now))
        linked += len(fresh)
        if fresh or len(existing) > 1:
            touched.add(survivor)
    _refresh(conn, touched, family_order)

    conn.execute(delete(schema.candidate_pairs))
    queue = [(raw_ids[p.a], raw_ids[p.b], p.verdict) for p in result.uncertain]
    queue = [(a, b, v) for a, b, v in queue if (a, b) not in decided]
    if queue:
        conn.execute(insert(schema.candidate_pairs), [
            {"raw_a": a, "raw_b": b, "score": v.score, "reason": v.reason, "created_at": now} for a, b, v in queue])
    works = len(result.groups)
    return DedupReport(records=len(records), works=works, merged=len(records) - works, uncertain=len(queue),
                       new_works=new_works, linked=linked, joined_works=joined)


def _work_of(conn: Connection, raw_id: int) -> int:
    work_id = conn.execute(select(schema.work_links.c.work_id).where(schema.work_links.c.raw_id == raw_id)).scalar()
    if work_id is None:
        exists = conn.execute(select(schema.raw_records.c.id).where(schema.raw_records.c.id == raw_id)).scalar()
        raise StoreError(f"there is no raw record {raw_id}" if exists is None else
                         f"raw record {raw_id} is not in any work yet; run 'review dedup' first")
    return work_id


def _round_of(conn: Connection, raw_id: int) -> int:
    return conn.execute(select(schema.imports.c.round_id).join(
        schema.raw_records, schema.raw_records.c.import_id == schema.imports.c.id)
        .where(schema.raw_records.c.id == raw_id)).scalar_one()


def _split_off(conn: Connection, raw_id: int, reviewer: str, now: str) -> int:
    work_id = _new_work(conn, _round_of(conn, raw_id))
    conn.execute(update(schema.work_links).where(schema.work_links.c.raw_id == raw_id).values(
        work_id=work_id, rule="person", score=None, decided_by=reviewer, decided_at=now))
    return work_id


def _check_reviewer(reviewer: str) -> str:
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ReviewError("a reviewer name is needed to record who decided")
    return reviewer


def undo_merge(store: Store, work_id: int, reviewer: str, protocol: Optional[Protocol] = None) -> list[int]:
    """Split a work back into single records. The work keeps its id (and its decisions) with its
    earliest record; each other record becomes a new work. Returns the new work ids.

    Every pair of the split records gets a 'distinct' verdict, so a later run does not join them again.
    """
    reviewer = _check_reviewer(reviewer)
    order = protocol.family_order if protocol else []

    def undo(conn: Connection) -> list[int]:
        require(conn, protocol, reviewer, "dedup")
        audit.log_event(conn, reviewer, "split", f"work {work_id}")
        linked = work_records(conn, work_id)
        if len(linked) < 2:
            raise StoreError(f"work {work_id} has {len(linked)} record(s); there is no merge to undo")
        now = now_iso()
        created = [_split_off(conn, item.raw_id, reviewer, now) for item in linked[1:]]
        ids = [item.raw_id for item in linked]
        conn.execute(insert(schema.pair_verdicts), [
            {"raw_a": a, "raw_b": b, "verdict": "distinct", "reviewer": reviewer,
             "note": f"undo of work {work_id}", "decided_at": now} for a, b in combinations(ids, 2)])
        _drop_pairs(conn, ids)
        _refresh(conn, [work_id, *created], order)
        return created

    return store.transact(undo)


def _drop_pairs(conn: Connection, raw_ids: list[int]) -> None:
    table = schema.candidate_pairs
    conn.execute(delete(table).where(and_(table.c.raw_a.in_(raw_ids), table.c.raw_b.in_(raw_ids))))


def resolve_pair(store: Store, raw_a: int, raw_b: int, verdict: str, reviewer: str, *,
                 note: Optional[str] = None, protocol: Optional[Protocol] = None) -> int:
    """A person's verdict on two raw records; it survives every later run. Returns the work of ``raw_a``.

    'duplicate' joins their works (the one with screening decisions, else the older, keeps its id);
    'distinct' moves the later record out into a new work if the two were together.
    """
    if verdict not in VERDICTS:
        raise ReviewError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if raw_a == raw_b:
        raise ReviewError("a record cannot be compared with itself")
    reviewer = _check_reviewer(reviewer)
    a, b = _ordered(int(raw_a), int(raw_b))
    order = protocol.family_order if protocol else []

    def resolve(conn: Connection) -> int:
        require(conn, protocol, reviewer, "dedup")
        audit.log_event(conn, reviewer, "merge" if verdict == "duplicate" else "keep-apart",
                        f"records {a} and {b}", {"note": note} if note else None)
        work_a, work_b = _work_of(conn, a), _work_of(conn, b)
        now = now_iso()
        conn.execute(insert(schema.pair_verdicts).values(raw_a=a, raw_b=b, verdict=verdict, reviewer=reviewer,
                                                         note=note, decided_at=now))
        _drop_pairs(conn, [a, b])
        if verdict == "duplicate" and work_a != work_b:
            screened = _screened_works(conn)
            survivor, absorbed = sorted((work_a, work_b), key=lambda w: (w not in screened, w))
            _absorb(conn, survivor, absorbed)
            moved = b if work_b == absorbed else a
            conn.execute(update(schema.work_links).where(schema.work_links.c.raw_id == moved).values(
                rule="person", score=1.0, decided_by=reviewer, decided_at=now))
            _refresh(conn, [survivor], order)
        elif verdict == "distinct" and work_a == work_b:
            earliest = work_records(conn, work_a)[0].raw_id
            leaving = b if b != earliest else a
            _refresh(conn, [work_a, _split_off(conn, leaving, reviewer, now)], order)
        return _work_of(conn, raw_a)

    return store.transact(resolve)


def count_pairs(conn: Connection) -> int:
    """How many uncertain pairs wait for a person's verdict."""
    return conn.execute(select(func.count()).select_from(schema.candidate_pairs)).scalar_one()


def list_pairs(conn: Connection) -> list[dict]:
    """The queue of uncertain pairs, most alike first, each side as a RawRecord with its raw id and work."""
    table, raw, links = schema.candidate_pairs, schema.raw_records, schema.work_links
    pairs = conn.execute(select(table).order_by(table.c.score.desc(), table.c.raw_a, table.c.raw_b)).all()
    ids = {i for p in pairs for i in (p.raw_a, p.raw_b)}
    rows = {r.id: r for r in conn.execute(select(raw, links.c.work_id).outerjoin(
        links, links.c.raw_id == raw.c.id).where(raw.c.id.in_(ids)))} if ids else {}
    return [{"raw_a": p.raw_a, "raw_b": p.raw_b, "score": p.score, "reason": p.reason,
             "work_a": rows[p.raw_a].work_id, "work_b": rows[p.raw_b].work_id,
             "a": record_from_row(rows[p.raw_a]), "b": record_from_row(rows[p.raw_b])} for p in pairs]

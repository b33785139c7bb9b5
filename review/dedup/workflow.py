"""Deduplication on a review's store: incremental runs, undo, and a person's verdict on a pair.

Work ids are permanent (screening decisions point at them): a run only links new records to works,
creates works for records that match none, and joins two existing works only when at most one of
them has decisions. The absorbed work keeps its row (and its decisions) with ``merged_into`` set, so
nothing that referenced it dangles. Every merge, split and verdict is kept in ``dedup_actions`` with
the records it moved, so an undo is its exact inverse. Every change happens in one transaction; a run
compares records outside it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, insert, select, update

from review.auth import audit
from review.auth.roles import require
from review.dedup.best import best_fields, counting_family
from review.dedup.engine import DedupResult, find_duplicates
from review.dedup.records import load_raw, record_from_row, work_records
from review.errors import ReviewError, StoreError
from review.messages import Joined, Message
from review.protocol import Protocol
from review.store import pairs, schema
from review.store.db import Store, inserted_id
from review.store.decisions import latest_final, latest_votes, works_with_decisions
from review.store.works import work_state
from review.timeutil import now_iso
from review.vocabulary import PAIR_VERDICTS as VERDICTS
from review.vocabulary import STAGES

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
        return Message(
            "{records} records -> {works} works ({merged} duplicates merged); {new_works} new works, {linked} "
            "records linked, {joined_works} works joined; {uncertain} uncertain pairs",
            records=self.records,
            works=self.works,
            merged=self.merged,
            new_works=self.new_works,
            linked=self.linked,
            joined_works=self.joined_works,
            uncertain=self.uncertain,
        )


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _new_work(conn: Connection, round_id: int) -> int:
    return inserted_id(conn.execute(insert(schema.works).values(round_id=round_id, created_at=now_iso())))


def _refresh(conn: Connection, work_ids, family_order) -> None:
    """Recompute the cached best fields and counting family of each work from its records."""
    for work_id in set(work_ids):
        records = [linked.record for linked in work_records(conn, work_id)]
        if records:
            conn.execute(
                update(schema.works)
                .where(schema.works.c.id == work_id)
                .values(**best_fields(records), family=counting_family(records, family_order))
            )


def _absorb(
    conn: Connection, survivor: int, absorbed: int, by: str, verdict_id: int | None = None, pair: dict | None = None
) -> int:
    """Move every record of ``absorbed`` into ``survivor`` and remember exactly which (for an undo).

    The absorbed work keeps its row and its decisions, with ``merged_into`` set."""
    links = schema.work_links
    moved = list(conn.execute(select(links.c.raw_id).where(links.c.work_id == absorbed)).scalars())
    conn.execute(update(links).where(links.c.work_id == absorbed).values(work_id=survivor))
    conn.execute(update(schema.works).where(schema.works.c.id == absorbed).values(merged_into=survivor))
    return pairs.record_action(
        conn, "merge", work=survivor, other=absorbed, raw_ids=moved, decided_by=by, verdict_id=verdict_id, pair=pair
    )


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
    raise StoreError(
        Message(
            "the review changed while deduplication was comparing records, {DEDUP_ATTEMPTS} times in a "
            "row (imports, merges or first decisions on works); nothing was changed. Run 'review "
            "dedup' again when the other work is done",
            DEDUP_ATTEMPTS=DEDUP_ATTEMPTS,
        )
    )


def _fingerprint(conn: Connection) -> str:
    """A digest of everything a dedup run reads: the raw records, which work each belongs to, which
    works are merged or screened, and the verdicts on pairs."""
    digest = hashlib.sha256()
    w, links, verdicts = schema.works, schema.work_links, schema.pair_verdicts
    queries = [
        select(schema.raw_records.c.id, schema.raw_records.c.import_id).order_by(schema.raw_records.c.id),
        select(links.c.raw_id, links.c.work_id).order_by(links.c.raw_id),
        select(w.c.id, w.c.merged_into).order_by(w.c.id),
        select(schema.decisions.c.work_id).distinct().order_by(schema.decisions.c.work_id),
        select(func.count(), func.max(verdicts.c.id)).select_from(verdicts),
        # an undo withdraws a verdict without a new verdict row
        select(func.count()).select_from(schema.dedup_actions).where(schema.dedup_actions.c.undone_at.is_not(None)),
    ]
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
    result: DedupResult


def _plan(conn: Connection, progress: bool, join_review_versions: bool) -> _Plan:
    fingerprint = _fingerprint(conn)
    raw_ids, records, rounds = load_raw(conn)
    position = {raw_id: pos for pos, raw_id in enumerate(raw_ids)}
    links = {r.raw_id: r.work_id for r in conn.execute(select(schema.work_links.c.raw_id, schema.work_links.c.work_id))}
    members: dict[int, list[int]] = {}
    for raw_id, work_id in links.items():
        members.setdefault(work_id, []).append(position[raw_id])
    screened = works_with_decisions(conn)
    locked = [positions[0] for work_id, positions in members.items() if work_id in screened]
    decided = pairs.standing_verdicts(conn)
    verdicts = {(position[a], position[b]): v for (a, b), v in decided.items() if a in position and b in position}

    result = find_duplicates(
        records,
        groups=members.values(),
        locked=locked,
        verdicts=verdicts,
        progress=progress,
        join_review_versions=join_review_versions,
    )
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
                    _absorb(conn, survivor, other, AUTO)
                    joined += 1
        else:
            survivor = _new_work(conn, min(rounds[p] for p in group))
            new_works += 1
        fresh = [p for p in group if raw_ids[p] not in links]
        for pos in fresh:
            verdict = result.links.get(pos)
            conn.execute(
                insert(schema.work_links).values(
                    raw_id=raw_ids[pos],
                    work_id=survivor,
                    rule=verdict.rule if verdict else "first",
                    score=verdict.score if verdict else None,
                    decided_by=AUTO,
                    decided_at=now,
                )
            )
        linked += len(fresh)
        if fresh or len(existing) > 1:
            touched.add(survivor)
    _refresh(conn, touched, family_order)

    queue = [(raw_ids[p.a], raw_ids[p.b], p.verdict) for p in result.uncertain]
    pairs.replace_queue(
        conn,
        [{"raw_a": a, "raw_b": b, "score": v.score, "reason": v.reason} for a, b, v in queue if (a, b) not in decided],
    )
    works = len(result.groups)
    return DedupReport(
        records=len(records),
        works=works,
        merged=len(records) - works,
        uncertain=pairs.count_uncertain(conn),
        new_works=new_works,
        linked=linked,
        joined_works=joined,
    )


def _work_of(conn: Connection, raw_id: int) -> int:
    work_id = conn.execute(select(schema.work_links.c.work_id).where(schema.work_links.c.raw_id == raw_id)).scalar()
    if work_id is None:
        exists = conn.execute(select(schema.raw_records.c.id).where(schema.raw_records.c.id == raw_id)).scalar()
        raise StoreError(
            Message("there is no raw record {raw_id}", raw_id=raw_id)
            if exists is None
            else Message("raw record {raw_id} is not in any work yet; run 'review dedup' first", raw_id=raw_id)
        )
    return work_id


def _round_of(conn: Connection, raw_id: int) -> int:
    return conn.execute(
        select(schema.imports.c.round_id)
        .join(schema.raw_records, schema.raw_records.c.import_id == schema.imports.c.id)
        .where(schema.raw_records.c.id == raw_id)
    ).scalar_one()


def _split_off(conn: Connection, raw_id: int, reviewer: str, now: str) -> int:
    work_id = _new_work(conn, _round_of(conn, raw_id))
    conn.execute(
        update(schema.work_links)
        .where(schema.work_links.c.raw_id == raw_id)
        .values(work_id=work_id, rule="person", score=None, decided_by=reviewer, decided_at=now)
    )
    return work_id


def _check_reviewer(reviewer: str) -> str:
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ReviewError(Message("a reviewer name is needed to record who decided"))
    return reviewer


@dataclass
class GroupingChange:
    """What a verdict or an undo did to the works, for the page and the CLI to say."""

    work: int | None  # the work the pair's first record is in now (None for an undo)
    restored: list[int] = field(default_factory=list)  # works back as they were, with their decision history
    created: list[int] = field(default_factory=list)  # new works (they still need screening)
    action_id: int | None = None  # pass to ``undo_action`` to take it back
    unscreened: list[int] = field(default_factory=list)  # of restored and created, those with no decision

    def describe(self) -> str:
        """One line, English for the CLI; a ``review.messages.Joined`` the app shows translated."""
        parts = []
        if self.restored:
            works = Joined(", ", [Message("work #{id}", id=w) for w in self.restored])
            parts.append(Message("restored {works} as it was before the merge", works=works))
        if self.created:
            parts.append(
                Message("new {works}", works=Joined(", ", [Message("work #{id}", id=w) for w in self.created]))
            )
        waiting = [w for w in self.restored + self.created if w in self.unscreened]
        if waiting:
            parts.append(Message("{works} needs screening", works=", ".join(f"#{w}" for w in waiting)))
        return Joined("; ", parts)


class MergeConflict(ReviewError):
    """Both works carry decisions that differ: a person picks whose decisions stand (``keep``)."""

    def __init__(self, work_a: int, work_b: int, differences: list[str]):
        self.works = (work_a, work_b)
        self.differences = differences
        super().__init__(
            f"works {work_a} and {work_b} were screened differently ({'; '.join(differences)}); "
            f"merging would set one work's decisions aside: say whose decisions stand "
            f"(keep={work_a} or keep={work_b}), or keep the records apart"
        )


def _stage_summary(conn: Connection, work_id: int) -> dict[int, tuple]:
    """stage -> (final decision, {reviewer: latest vote}) of a work, for stages with any row."""
    out: dict[int, tuple] = {}
    for stage in STAGES:
        final = latest_final(conn, stage, [work_id]).get(work_id)
        votes = {r: v["decision"] for r, v in latest_votes(conn, stage, work_id).get(work_id, {}).items()}
        if final is not None or votes:
            out[stage] = (final["decision"] if final else None, votes)
    return out


def _covers(big: dict[int, tuple], small: dict[int, tuple]) -> bool:
    return all(big.get(stage) == state for stage, state in small.items())


def _describe_state(work_id: int, stage: int, state: tuple | None) -> str:
    if state is None:
        return Message("work {work}: nothing at stage {stage}", work=work_id, stage=stage)
    final, votes = state
    said: str = final or Message("no final decision")
    if votes:
        listed = ", ".join(f"{r} {v}" for r, v in sorted(votes.items()))
        said = Message("{decision} (votes: {votes})", decision=said, votes=listed)
    return Message("work {work}: {state} at stage {stage}", work=work_id, state=said, stage=stage)


def merge_differences(conn: Connection, work_a: int, work_b: int) -> list[str]:
    """How the decisions of two works differ; empty when one work's decisions cover the other's."""
    a, b = _stage_summary(conn, work_a), _stage_summary(conn, work_b)
    if _covers(a, b) or _covers(b, a):
        return []
    return [
        Joined(" / ", [_describe_state(work_a, s, a.get(s)), _describe_state(work_b, s, b.get(s))])
        for s in sorted(set(a) | set(b))
        if a.get(s) != b.get(s)
    ]


def _survivor(conn: Connection, work_a: int, work_b: int, keep: int | None) -> tuple[int, int]:
    if keep is not None:
        if keep not in (work_a, work_b):
            raise ReviewError(
                Message(
                    "keep names work {keep}, which is neither {work_a} nor {work_b}",
                    keep=keep,
                    work_a=work_a,
                    work_b=work_b,
                )
            )
        return keep, work_b if keep == work_a else work_a
    differences = merge_differences(conn, work_a, work_b)
    if differences:
        raise MergeConflict(work_a, work_b, differences)
    a, b = _stage_summary(conn, work_a), _stage_summary(conn, work_b)
    # The work whose decisions cover the other's keeps its id; with none or equal, the older one.
    if a == b or (not a and not b):
        return min(work_a, work_b), max(work_a, work_b)
    return (work_a, work_b) if _covers(a, b) else (work_b, work_a)


def decide_pair(
    store: Store,
    raw_a: int,
    raw_b: int,
    verdict: str,
    reviewer: str,
    *,
    note: str | None = None,
    protocol: Protocol | None = None,
    keep: int | None = None,
) -> GroupingChange:
    """A person's verdict on two raw records; it survives every later run (until undone).

    'duplicate' joins their works. When both works carry decisions that differ, nothing changes and
    ``MergeConflict`` lists the differences, unless ``keep`` names the work whose decisions stand (the
    other's stay in its history). 'distinct' moves the later record out into a new work (which needs
    screening) when the two were together.
    """
    if verdict not in VERDICTS:
        raise ReviewError(
            Message("verdict must be one of {items}, not {verdict!r}", items=", ".join(VERDICTS), verdict=verdict)
        )
    if raw_a == raw_b:
        raise ReviewError(Message("a record cannot be compared with itself"))
    reviewer = _check_reviewer(reviewer)
    a, b = _ordered(int(raw_a), int(raw_b))
    order = protocol.family_order if protocol else []

    def resolve(conn: Connection) -> GroupingChange:
        require(conn, protocol, reviewer, "dedup")
        audit.log_event(
            conn,
            reviewer,
            "merge" if verdict == "duplicate" else "keep-apart",
            f"records {a} and {b}",
            {"note": note, "keep": keep} if note or keep else None,
        )
        work_a, work_b = _work_of(conn, a), _work_of(conn, b)
        pair = pairs.queued_pair(conn, a, b)
        if verdict == "duplicate" and work_a != work_b:
            survivor, absorbed = _survivor(conn, work_a, work_b, keep)
            verdict_id = pairs.add_verdict(conn, a, b, verdict, reviewer, note)
            action = _absorb(conn, survivor, absorbed, reviewer, verdict_id, pair)
            moved = b if work_b == absorbed else a
            conn.execute(
                update(schema.work_links)
                .where(schema.work_links.c.raw_id == moved)
                .values(rule="person", score=1.0, decided_by=reviewer, decided_at=now_iso())
            )
            pairs.drop_pairs(conn, [a, b])
            _refresh(conn, [survivor], order)
            return GroupingChange(work=_work_of(conn, raw_a), action_id=action)
        verdict_id = pairs.add_verdict(conn, a, b, verdict, reviewer, note)
        pairs.drop_pairs(conn, [a, b])
        if verdict == "distinct" and work_a == work_b:
            earliest = work_records(conn, work_a)[0].raw_id
            leaving = b if b != earliest else a
            created = _split_off(conn, leaving, reviewer, now_iso())
            action = pairs.record_action(
                conn,
                "split",
                work=work_a,
                other=created,
                raw_ids=[leaving],
                decided_by=reviewer,
                verdict_id=verdict_id,
                pair=pair,
            )
            _refresh(conn, [work_a, created], order)
            return GroupingChange(work=_work_of(conn, raw_a), created=[created], action_id=action, unscreened=[created])
        action = pairs.record_action(
            conn, "none", work=work_a, other=work_b, raw_ids=[], decided_by=reviewer, verdict_id=verdict_id, pair=pair
        )
        return GroupingChange(work=_work_of(conn, raw_a), action_id=action)

    return store.transact(resolve)


def resolve_pair(
    store: Store,
    raw_a: int,
    raw_b: int,
    verdict: str,
    reviewer: str,
    *,
    note: str | None = None,
    protocol: Protocol | None = None,
    keep: int | None = None,
) -> int:
    """``decide_pair``, returning the work of ``raw_a`` afterwards."""
    work = decide_pair(store, raw_a, raw_b, verdict, reviewer, note=note, protocol=protocol, keep=keep).work
    assert work is not None  # a verdict always leaves raw_a in a work
    return work


def _undo(conn: Connection, action: dict, reviewer: str, order) -> GroupingChange:
    links, works = schema.work_links, schema.works
    if action["undone_at"] is not None:
        raise ReviewError(
            Message(
                "that change was already undone ({undone_by}, {undone_at})",
                undone_by=action["undone_by"],
                undone_at=action["undone_at"][:16],
            )
        )
    change = GroupingChange(work=None, action_id=action["id"])
    if action["kind"] == "merge":
        survivor, absorbed = action["work"], action["other"]
        state = work_state(conn, absorbed)
        if state is None or state.merged_into != survivor:
            raise ReviewError(
                Message(
                    "work {absorbed} is no longer merged into work {survivor}; nothing to undo",
                    absorbed=absorbed,
                    survivor=survivor,
                )
            )
        later = work_state(conn, survivor)
        if later is not None and later.merged_into is not None:
            raise ReviewError(
                Message(
                    "work {survivor} was merged into work {merged_into} since; undo that merge first",
                    survivor=survivor,
                    merged_into=later.merged_into,
                )
            )
        conn.execute(
            update(links)
            .where(links.c.raw_id.in_(action["raw_ids"]), links.c.work_id == survivor)
            .values(work_id=absorbed)
        )
        conn.execute(update(works).where(works.c.id == absorbed).values(merged_into=None))
        _refresh(conn, [survivor, absorbed], order)
        change.restored = [absorbed]
        change.unscreened = [] if absorbed in works_with_decisions(conn) else [absorbed]
    elif action["kind"] == "split":
        origin, created = action["work"], action["other"]
        if created in works_with_decisions(conn):
            raise ReviewError(
                Message(
                    "work {created}, made by this split, has been screened since; mark the two records as the "
                    "same work instead, which shows both decision histories",
                    created=created,
                )
            )
        conn.execute(
            update(links)
            .where(links.c.raw_id.in_(action["raw_ids"]), links.c.work_id == created)
            .values(work_id=origin)
        )
        conn.execute(update(works).where(works.c.id == created).values(merged_into=origin))
        _refresh(conn, [origin], order)
    if action["verdict_id"] is not None:
        verdict = conn.execute(
            select(schema.pair_verdicts).where(schema.pair_verdicts.c.id == action["verdict_id"])
        ).one()
        pairs.requeue(
            conn,
            verdict.raw_a,
            verdict.raw_b,
            action["pair_score"],
            action["pair_reason"],
            action.get("pair_reason_message"),
        )
    pairs.mark_undone(conn, action["id"], reviewer)
    audit.log_event(
        conn,
        reviewer,
        "undo",
        f"change {action['id']}",
        {"kind": action["kind"], "work": action["work"], "other": action["other"]},
    )
    return change


def undo_action(store: Store, action_id: int, reviewer: str, protocol: Protocol | None = None) -> GroupingChange:
    """Take back one merge, split or verdict exactly: the works are as they were before it (a merged
    work comes back with its own decision history), its verdict no longer stands and the pair waits
    in the queue again. Later changes to other works stay as they are."""
    reviewer = _check_reviewer(reviewer)
    order = protocol.family_order if protocol else []

    def undo(conn: Connection) -> GroupingChange:
        require(conn, protocol, reviewer, "dedup")
        action = pairs.get_action(conn, action_id)
        if action is None:
            raise StoreError(Message("there is no change {action_id} to undo", action_id=action_id))
        return _undo(conn, action, reviewer, order)

    return store.transact(undo)


def undo_merge(store: Store, work_id: int, reviewer: str, protocol: Protocol | None = None) -> GroupingChange:
    """Undo the latest merge into a work (see ``undo_action``): the work it absorbed comes back."""
    reviewer = _check_reviewer(reviewer)
    order = protocol.family_order if protocol else []

    def undo(conn: Connection) -> GroupingChange:
        require(conn, protocol, reviewer, "dedup")
        if work_state(conn, work_id) is None:
            raise StoreError(Message("there is no work {work_id}", work_id=work_id))
        action = pairs.latest_merge_into(conn, work_id)
        if action is None:
            n = len(work_records(conn, work_id))
            raise StoreError(
                f"work {work_id} has {n} record(s) and no merge to undo"
                + (
                    "; its records were grouped when it was made: mark a pair as different works "
                    "(review dedup --distinct A B) to move a record out"
                    if n > 1
                    else ""
                )
            )
        return _undo(conn, action, reviewer, order)

    return store.transact(undo)


def list_pairs(conn: Connection) -> list[dict]:
    """The uncertain pairs (``review.store.pairs``: one per pair of works), each side as a RawRecord with its
    raw id and work, and how many queued record pairs between the two works the pair stands for."""
    queue = pairs.uncertain_pairs(conn)
    ids = {i for p in queue for i in (p["raw_a"], p["raw_b"])}
    raw = schema.raw_records
    rows = {r.id: r for r in conn.execute(select(raw).where(raw.c.id.in_(ids)))} if ids else {}
    return [
        {
            "raw_a": p["raw_a"],
            "raw_b": p["raw_b"],
            "score": p["score"],
            "reason": p["reason"],
            "work_a": p["work_a"],
            "work_b": p["work_b"],
            "record_pairs": p["record_pairs"],
            "a": record_from_row(rows[p["raw_a"]]),
            "b": record_from_row(rows[p["raw_b"]]),
        }
        for p in queue
    ]

"""Queries on ``candidate_pairs``, ``pair_verdicts`` and ``dedup_actions``: the pairs waiting for a
person, the verdicts that stand, and what each change to the grouping moved.

*The uncertain pairs* are what waits for a person: for each pair of works, the most alike queued record
pair between them, unless a standing verdict answers it (``uncertain_pairs_query`` says how). A verdict
*stands* unless the action it caused was undone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, Select, and_, case, delete, exists, func, insert, or_, select, update

from review.messages import dumps
from review.store import schema
from review.store.db import inserted_id
from review.timeutil import now_iso
from review.vocabulary import PAIR_VERDICTS

pairs_t, verdicts_t, actions_t, links_t = (
    schema.candidate_pairs,
    schema.pair_verdicts,
    schema.dedup_actions,
    schema.work_links,
)
DISTINCT = PAIR_VERDICTS[1]


def withdrawn_verdicts_query() -> Select:
    """SELECT the ids of verdicts whose action a person undid."""
    return select(actions_t.c.verdict_id).where(actions_t.c.verdict_id.is_not(None), actions_t.c.undone_at.is_not(None))


def standing_verdicts(conn: Connection) -> dict[tuple[int, int], str]:
    """(raw_a, raw_b) -> the latest verdict on the pair that was not withdrawn by an undo."""
    rows = conn.execute(
        select(verdicts_t.c.raw_a, verdicts_t.c.raw_b, verdicts_t.c.verdict)
        .where(~verdicts_t.c.id.in_(withdrawn_verdicts_query()))
        .order_by(verdicts_t.c.id)
    )
    return {(r.raw_a, r.raw_b): r.verdict for r in rows}


def count_standing_verdicts(conn: Connection) -> int:
    """How many pairs a person decided, as the grouping stands (the methods paragraph reports it)."""
    return conn.execute(
        select(func.count()).select_from(verdicts_t).where(~verdicts_t.c.id.in_(withdrawn_verdicts_query()))
    ).scalar_one()


def uncertain_pairs_query() -> Select:
    """SELECT what waits for a person: one row per pair of works, most alike first.

    The rules compare records, so a record that may be a copy of a work with three records is queued three
    times; the question is one (is it that work?), so each pair of works is asked once, through the most
    alike of its queued record pairs, with ``record_pairs`` saying how many it stands for. A "keep apart"
    on any record pair between two works answers for the two works as they are now; once one of its records
    leaves its work the answer no longer covers the rest, and the other pairs are asked again. Two records
    already in one work are never offered, nor a pair with a verdict of its own that stands.
    """
    link_a, link_b = links_t.alias("link_a"), links_t.alias("link_b")
    standing = ~verdicts_t.c.id.in_(withdrawn_verdicts_query())
    judged = exists().where(
        and_(verdicts_t.c.raw_a == pairs_t.c.raw_a, verdicts_t.c.raw_b == pairs_t.c.raw_b, standing)
    )
    said_a, said_b = links_t.alias("said_a"), links_t.alias("said_b")
    kept_apart = exists().where(
        verdicts_t.c.verdict == DISTINCT,
        standing,
        said_a.c.raw_id == verdicts_t.c.raw_a,
        said_b.c.raw_id == verdicts_t.c.raw_b,
        or_(
            and_(said_a.c.work_id == link_a.c.work_id, said_b.c.work_id == link_b.c.work_id),
            and_(said_a.c.work_id == link_b.c.work_id, said_b.c.work_id == link_a.c.work_id),
        ),
    )
    # A record not (yet) in a work stands for itself.
    work_a = func.coalesce(link_a.c.work_id, -pairs_t.c.raw_a)
    work_b = func.coalesce(link_b.c.work_id, -pairs_t.c.raw_b)
    works = (case((work_a <= work_b, work_a), else_=work_b), case((work_a <= work_b, work_b), else_=work_a))
    most_alike = (pairs_t.c.score.desc(), pairs_t.c.raw_a, pairs_t.c.raw_b)
    waiting = (
        select(
            pairs_t,
            link_a.c.work_id.label("work_a"),
            link_b.c.work_id.label("work_b"),
            func.count().over(partition_by=works).label("record_pairs"),
            func.row_number().over(partition_by=works, order_by=most_alike).label("place_in_works"),
        )
        .outerjoin(link_a, link_a.c.raw_id == pairs_t.c.raw_a)
        .outerjoin(link_b, link_b.c.raw_id == pairs_t.c.raw_b)
        .where(~judged, ~kept_apart)
        .where((link_a.c.work_id.is_(None)) | (link_b.c.work_id.is_(None)) | (link_a.c.work_id != link_b.c.work_id))
        .subquery("waiting")
    )
    shown = [column for column in waiting.c if column.name != "place_in_works"]
    return (
        select(*shown)
        .where(waiting.c.place_in_works == 1)
        .order_by(waiting.c.score.desc(), waiting.c.raw_a, waiting.c.raw_b)
    )


def uncertain_pairs(conn: Connection, limit: int | None = None) -> list[dict]:
    query = uncertain_pairs_query()
    if limit is not None:
        query = query.limit(limit)
    return [row._asdict() for row in conn.execute(query)]


def count_uncertain(conn: Connection) -> int:
    """How many pairs wait for a person: counted by the database over the one query that lists them."""
    waiting = uncertain_pairs_query().order_by(None).subquery()
    return conn.execute(select(func.count()).select_from(waiting)).scalar_one()


def queued_pair(conn: Connection, raw_a: int, raw_b: int) -> dict | None:
    row = conn.execute(select(pairs_t).where(pairs_t.c.raw_a == raw_a, pairs_t.c.raw_b == raw_b)).first()
    return row._asdict() if row else None


def replace_queue(conn: Connection, rows: list[dict]) -> None:
    """The queue after a run: ``rows`` of raw_a, raw_b, score, reason."""
    conn.execute(delete(pairs_t))
    if rows:
        now = now_iso()
        conn.execute(
            insert(pairs_t), [{**row, "created_at": now, "reason_message": dumps(row.get("reason"))} for row in rows]
        )


def requeue(
    conn: Connection,
    raw_a: int,
    raw_b: int,
    score: float | None,
    reason: str | None,
    reason_message: str | None = None,
) -> None:
    """Put a pair back in the queue (an undo gives back what the verdict took away, ``reason_message``
    being the translatable reason as ``dumps`` kept it)."""
    if queued_pair(conn, raw_a, raw_b) is None and score is not None:
        conn.execute(
            insert(pairs_t).values(
                raw_a=raw_a,
                raw_b=raw_b,
                score=score,
                reason=reason,
                reason_message=reason_message if reason_message is not None else dumps(reason),
                created_at=now_iso(),
            )
        )


def drop_pairs(conn: Connection, raw_ids: Iterable[int]) -> None:
    ids = list(raw_ids)
    conn.execute(delete(pairs_t).where(and_(pairs_t.c.raw_a.in_(ids), pairs_t.c.raw_b.in_(ids))))


def add_verdict(conn: Connection, raw_a: int, raw_b: int, verdict: str, reviewer: str, note: str | None = None) -> int:
    return inserted_id(
        conn.execute(
            insert(verdicts_t).values(
                raw_a=raw_a, raw_b=raw_b, verdict=verdict, reviewer=reviewer, note=note, decided_at=now_iso()
            )
        )
    )


def record_action(
    conn: Connection,
    kind: str,
    *,
    work: int | None,
    other: int | None,
    raw_ids: list[int],
    decided_by: str,
    verdict_id: int | None = None,
    pair: dict | None = None,
) -> int:
    return inserted_id(
        conn.execute(
            insert(actions_t).values(
                kind=kind,
                verdict_id=verdict_id,
                work=work,
                other=other,
                raw_ids=json.dumps(sorted(raw_ids)),
                pair_score=pair["score"] if pair else None,
                pair_reason=pair["reason"] if pair else None,
                pair_reason_message=pair.get("reason_message") if pair else None,
                decided_by=decided_by,
                decided_at=now_iso(),
            )
        )
    )


def _action(row) -> dict:
    found = row._asdict()
    found["raw_ids"] = json.loads(found["raw_ids"] or "[]")
    return found


def get_action(conn: Connection, action_id: int) -> dict | None:
    row = conn.execute(select(actions_t).where(actions_t.c.id == action_id)).first()
    return _action(row) if row else None


def action_of_verdict(conn: Connection, verdict_id: int) -> dict | None:
    row = conn.execute(select(actions_t).where(actions_t.c.verdict_id == verdict_id)).first()
    return _action(row) if row else None


def latest_merge_into(conn: Connection, work_id: int) -> dict | None:
    """The most recent merge into a work that has not been undone."""
    row = conn.execute(
        select(actions_t)
        .where(actions_t.c.kind == "merge", actions_t.c.work == work_id, actions_t.c.undone_at.is_(None))
        .order_by(actions_t.c.id.desc())
        .limit(1)
    ).first()
    return _action(row) if row else None


def mark_undone(conn: Connection, action_id: int, reviewer: str) -> None:
    conn.execute(update(actions_t).where(actions_t.c.id == action_id).values(undone_by=reviewer, undone_at=now_iso()))


def recent_verdicts(conn: Connection, limit: int = 20) -> list[dict]:
    """The latest verdicts, each with the work its first record is in now and the action it caused
    (``action_id``, ``kind``, ``other``, ``undone_at``: None for verdicts made before actions were kept)."""
    query = (
        select(
            verdicts_t,
            links_t.c.work_id,
            actions_t.c.id.label("action_id"),
            actions_t.c.kind,
            actions_t.c.other,
            actions_t.c.undone_at,
        )
        .outerjoin(links_t, links_t.c.raw_id == verdicts_t.c.raw_a)
        .outerjoin(actions_t, actions_t.c.verdict_id == verdicts_t.c.id)
        .order_by(verdicts_t.c.id.desc())
        .limit(limit)
    )
    return [row._asdict() for row in conn.execute(query)]

"""Queries on ``decisions``: the one definition of each thing the workflow and the reports count.

The log is append-only. At a stage, a work's *final row* is its latest row with a final basis (a rule,
one reviewer, an agreement, the lead); a *vote* is a reviewer's latest row with basis ``vote``.
A work is *decided* at a stage when its final row says include or exclude; a final ``maybe``, or a
maybe vote with nothing decided, leaves it *waiting as a maybe*. A work *reaches* stage N when it is
live and its final row at every earlier stage says include.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, Select, and_, func, or_, select

from review import vocabulary as vocab
from review.store import schema
from review.store.db import inserted_id
from review.store.works import live_work_ids, live_works_query
from review.timeutil import now_iso

d = schema.decisions


def insert_decision(
    conn: Connection,
    *,
    work_id: int,
    stage: int,
    reviewer: str,
    decision: str,
    reasons: list[str],
    note: str | None,
    basis: str,
    order_mode: str | None = None,
) -> int:
    """Append one row; ``final`` and ``automatic`` follow from ``basis`` (the row mapping, written once)."""
    if basis not in vocab.BASES:
        raise ValueError(f"unknown decision basis {basis!r}")
    return inserted_id(
        conn.execute(
            d.insert().values(
                work_id=work_id,
                stage=stage,
                reviewer=reviewer,
                decision=decision,
                reasons=json.dumps(list(reasons), ensure_ascii=False),
                note=note,
                basis=basis,
                final=basis in vocab.FINAL_BASES,
                automatic=basis == vocab.RULE,
                order_mode=order_mode,
                created_at=now_iso(),
            )
        )
    )


def reasons_of(row: dict) -> list[str]:
    """The reasons of a decision row (stored as a JSON list)."""
    try:
        value = json.loads(row.get("reasons") or "[]")
    except ValueError:
        return [row["reasons"]]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


# --- the latest final row and the latest votes ---------------------------------------------------------


def latest_final_query(stage: int, *columns: str) -> Select:
    """SELECT the latest final row per work at a stage: the named columns, or all of them. (A subquery
    that carries only the columns it is asked for is cheaper to build and to compile.)"""
    newest = (
        select(func.max(d.c.id).label("id"))
        .where(d.c.stage == stage, d.c.final.is_(True))
        .group_by(d.c.work_id)
        .subquery()
    )
    chosen = [d.c[c] for c in columns] if columns else [d]
    return select(*chosen).join(newest, d.c.id == newest.c.id)


def latest_final(conn: Connection, stage: int, work_ids: Iterable[int] | None = None) -> dict[int, dict]:
    """work id -> its latest final row at a stage (a final ``maybe`` included: see ``is_decided``)."""
    query = latest_final_query(stage)
    if work_ids is not None:
        query = query.where(d.c.work_id.in_(list(work_ids)))
    return {row.work_id: row._asdict() for row in conn.execute(query)}


def is_decided(row: dict | None) -> bool:
    """A final row decides a work when it says include or exclude; maybe leaves the work open."""
    return row is not None and row["decision"] in vocab.DECIDED


def latest_votes(conn: Connection, stage: int, work_id: int | None = None) -> dict[int, dict[str, dict]]:
    """work id -> reviewer -> that reviewer's latest vote at a stage (dual screening)."""
    newest = (
        select(func.max(d.c.id).label("id"))
        .where(d.c.stage == stage, d.c.basis == vocab.VOTE)
        .group_by(d.c.work_id, d.c.reviewer)
    )
    if work_id is not None:
        newest = newest.where(d.c.work_id == work_id)
    votes: dict[int, dict[str, dict]] = {}
    for row in conn.execute(select(d).where(d.c.id.in_(newest.scalar_subquery())).order_by(d.c.id)):
        votes.setdefault(row.work_id, {})[row.reviewer] = row._asdict()
    return votes


def voted_query(stage: int) -> Select:
    """SELECT (work_id, reviewer) of every vote at a stage."""
    return select(d.c.work_id, d.c.reviewer).where(d.c.stage == stage, d.c.basis == vocab.VOTE)


# --- which works reach a stage, pass it, wait as maybes --------------------------------------------------


def _with_final(stage: int, decisions: tuple[str, ...]) -> Select:
    final = latest_final_query(stage, "work_id", "decision").subquery()
    return select(final.c.work_id).where(final.c.decision.in_(decisions))


def reaching_query(stage: int, round_id: int | None = None) -> Select:
    """SELECT works.id of the live works that reach a stage: included at every earlier stage."""
    query = live_works_query(round_id)
    for earlier in range(1, stage):
        query = query.where(schema.works.c.id.in_(_with_final(earlier, ("include",))))
    return query


def reaching(conn: Connection, stage: int, round_id: int | None = None) -> list[int]:
    return list(conn.execute(reaching_query(stage, round_id).order_by(schema.works.c.id)).scalars())


def decided_query(stage: int) -> Select:
    """SELECT work_id of works whose final row at a stage says include or exclude."""
    return _with_final(stage, vocab.DECIDED)


def passed(conn: Connection, stage: int, round_id: int | None = None) -> set[int]:
    """Works that reach a stage and are included there (after the last stage: the included works)."""
    query = reaching_query(stage, round_id).where(schema.works.c.id.in_(_with_final(stage, ("include",))))
    return set(conn.execute(query).scalars())


def included(conn: Connection, last_stage: int = vocab.STAGES[-1], round_id: int | None = None) -> list[int]:
    """The review's included works: included at every stage up to the last, in id order."""
    return sorted(passed(conn, last_stage, round_id))


def maybes_query(stage: int, reviewer: str | None = None) -> Select:
    """SELECT work_id of works waiting as a maybe at a stage: not decided, and their final row is maybe
    or a reviewer's latest vote is maybe. With ``reviewer``: only where that person said maybe."""
    final = latest_final_query(stage, "work_id", "decision", "reviewer").subquery()
    maybe_final = select(final.c.work_id).where(final.c.decision == "maybe")
    newest_vote = (
        select(func.max(d.c.id)).where(d.c.stage == stage, d.c.basis == vocab.VOTE).group_by(d.c.work_id, d.c.reviewer)
    )
    maybe_vote = select(d.c.work_id).where(d.c.id.in_(newest_vote.scalar_subquery()), d.c.decision == "maybe")
    if reviewer is not None:
        maybe_final = maybe_final.where(final.c.reviewer == reviewer)
        maybe_vote = maybe_vote.where(d.c.reviewer == reviewer)
    works = schema.works.c.id
    return select(works).where(or_(works.in_(maybe_final), works.in_(maybe_vote)), ~works.in_(decided_query(stage)))


def maybes_waiting(conn: Connection, stage: int, round_id: int | None = None, reviewer: str | None = None) -> list[int]:
    """Works that reach a stage and wait there as a maybe (see ``maybes_query``), oldest first."""
    query = (
        reaching_query(stage, round_id)
        .where(schema.works.c.id.in_(maybes_query(stage, reviewer)))
        .order_by(schema.works.c.id)
    )
    return list(conn.execute(query).scalars())


def maybes_among(conn: Connection, stage: int, reaching_ids: Iterable[int], reviewer: str | None = None) -> set[int]:
    """``maybes_waiting`` for a caller that holds the works reaching the stage (``reaching``, same round):
    of those, the ones ``maybes_query`` finds. One query of the same shape at every stage, where
    ``maybes_waiting`` builds a larger one per stage (the flow of `review status` asks at three stages)."""
    return set(reaching_ids).intersection(conn.execute(maybes_query(stage, reviewer)).scalars())


def people_labels(conn: Connection, stage: int = 1) -> dict[int, int]:
    """work id -> 1 (include) / 0 (exclude) for works people decided at a stage, in the order decided.

    Rule decisions and maybes say nothing about topic relevance and are left out (the ranker's labels)."""
    rows = sorted(latest_final(conn, stage).values(), key=lambda row: row["id"])
    return {
        row["work_id"]: int(row["decision"] == "include")
        for row in rows
        if row["decision"] in vocab.DECIDED and row["basis"] in vocab.BY_PEOPLE
    }


# --- one work's history and one reviewer's rows -----------------------------------------------------------


def history(conn: Connection, work_id: int, stage: int | None = None) -> list[dict]:
    query = select(d).where(d.c.work_id == work_id).order_by(d.c.id)
    if stage is not None:
        query = query.where(d.c.stage == stage)
    return [row._asdict() for row in conn.execute(query)]


def all_rows(conn: Connection) -> list[dict]:
    return [r._asdict() for r in conn.execute(select(d).order_by(d.c.id))]


def works_with_decisions(conn: Connection, stage: int | None = None) -> set[int]:
    query = select(d.c.work_id).distinct()
    if stage is not None:
        query = query.where(d.c.stage == stage)
    return set(conn.execute(query).scalars())


def decided_by(conn: Connection, stage: int, reviewer: str) -> set[int]:
    return set(
        conn.execute(select(d.c.work_id).where(and_(d.c.stage == stage, d.c.reviewer == reviewer)).distinct()).scalars()
    )


def recent_works(conn: Connection, stage: int, reviewer: str, limit: int = 200) -> list[int]:
    """Works this reviewer decided at a stage, the most recently decided first, each once."""
    last = func.max(d.c.id).label("last")
    query = (
        select(d.c.work_id, last)
        .where(d.c.stage == stage, d.c.reviewer == reviewer, d.c.basis != vocab.RULE)
        .group_by(d.c.work_id)
        .order_by(last.desc())
        .limit(limit)
    )
    return [row.work_id for row in conn.execute(query)]


def own_latest(conn: Connection, work_id: int, stage: int, reviewer: str) -> dict | None:
    """The reviewer's latest row on a work at a stage, reasons decoded (to fill the form when going back)."""
    row = conn.execute(
        select(d)
        .where(d.c.work_id == work_id, d.c.stage == stage, d.c.reviewer == reviewer)
        .order_by(d.c.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    found = row._asdict()
    found["reasons"] = reasons_of(found)
    return found


def works_per_reviewer(conn: Connection, stage: int) -> dict[str, int]:
    """reviewer -> works they decided or voted on at a stage (people only, never rules or consensus)."""
    rows = conn.execute(
        select(d.c.reviewer, func.count(func.distinct(d.c.work_id)))
        .where(d.c.stage == stage, d.c.basis.in_((vocab.REVIEWER, vocab.RECONCILED, vocab.VOTE)))
        .group_by(d.c.reviewer)
    ).all()
    return {r: int(n) for r, n in rows}


def people_rows_by_order(conn: Connection) -> list[tuple[int, str | None]]:
    """(stage, order_mode) of every row a person wrote (votes and final decisions; never a rule's or an
    agreement's row): how the queue was ordered when people decided."""
    people = (vocab.REVIEWER, vocab.RECONCILED, vocab.VOTE)
    return [
        (r.stage, r.order_mode) for r in conn.execute(select(d.c.stage, d.c.order_mode).where(d.c.basis.in_(people)))
    ]


def synthetic_counts(conn: Connection, round_id: int | None = None) -> tuple[int, int]:
    """(live works that are synthetic stand-ins, how many of them are included); one round's works only
    with ``round_id``."""
    w = schema.works
    ids = set(live_work_ids(conn, round_id))
    stand_ins = set(conn.execute(select(w.c.id).where(w.c.synthetic.is_(True))).scalars()) & ids
    if not stand_ins:  # a real review: no need to find the included works
        return 0, 0
    return len(stand_ins), len(stand_ins & set(included(conn)))
